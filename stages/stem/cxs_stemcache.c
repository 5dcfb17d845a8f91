#include "cxs_hash.h"
#include "cxs_stemcache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open addressing, linear probing, at most half full; keys are the form strings of the
 * records that first had them (one reference each), values their stems. */
struct entry {
	uint64_t hash;
	json_t *form;   /* NULL marks an empty slot */
	json_t *stem;
};

struct cxs_stemcache {
	cxs_stemmer *st;
	struct entry *slots;
	size_t cap;     /* a power of two, at least twice `max` */
	size_t count, max;
	json_t *last;   /* a stem made for an uncached form, kept until the next call */
};

cxs_stemcache *cxs_stemcache_new(cxs_stemmer *st, size_t max_entries, cxs_err *err)
{
	cxs_stemcache *c = calloc(1, sizeof(*c));
	size_t cap = 32;

	if (max_entries < 16)
		max_entries = 16;
	while (cap < 2 * max_entries)
		cap *= 2;
	if (c)
		c->slots = calloc(cap, sizeof(*c->slots));
	if (!c || !c->slots) {
		free(c);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory for the stem cache");
		return NULL;
	}
	c->st = st;
	c->cap = cap;
	c->max = max_entries;
	return c;
}

static void clear(cxs_stemcache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++) {
		if (!c->slots[i].form)
			continue;
		json_decref(c->slots[i].form);
		json_decref(c->slots[i].stem);
		c->slots[i].form = NULL;
		c->slots[i].stem = NULL;
	}
	c->count = 0;
}

void cxs_stemcache_free(cxs_stemcache *c)
{
	if (!c)
		return;
	clear(c);
	json_decref(c->last);
	free(c->slots);
	free(c);
}

size_t cxs_stemcache_count(const cxs_stemcache *c)
{
	return c ? c->count : 0;
}

/* Asks the stemmer: a new reference to the stem of `form` (`s`, `len` bytes). */
static json_t *make_stem(cxs_stemcache *c, json_t *form, const char *s, size_t len,
			 cxs_err *err)
{
	size_t n;
	const char *stem = cxs_stemmer_stem(c->st, s, len, &n);
	json_t *j;

	if (!stem) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory stemming '%s'", s);
		return NULL;
	}
	if (n == len && !memcmp(stem, s, n))
		return json_incref(form);
	/* json_stringn checks UTF-8 too: Snowball cuts whole characters, so a failure here
	 * is a stemmer bug or no memory, never bad input. */
	j = json_stringn(stem, n);
	if (!j)
		cxs_err_set(err, CXS_E_INTERNAL, "could not store the stem of '%s'", s);
	return j;
}

json_t *cxs_stemcache_stem(cxs_stemcache *c, json_t *form, cxs_err *err)
{
	const char *s = json_string_value(form);
	size_t len = json_string_length(form), i;
	uint64_t h;
	json_t *stem;

	json_decref(c->last);
	c->last = NULL;
	if (len > CXS_STEMCACHE_MAX_FORM)
		return c->last = make_stem(c, form, s, len, err);
	h = cxs_hash_fnv1a(s, len);
	for (i = (size_t)h & (c->cap - 1); c->slots[i].form; i = (i + 1) & (c->cap - 1)) {
		struct entry *e = &c->slots[i];

		if (e->hash == h && json_string_length(e->form) == len &&
		    !memcmp(json_string_value(e->form), s, len))
			return e->stem;
	}
	stem = make_stem(c, form, s, len, err);
	if (!stem)
		return NULL;
	if (c->count >= c->max) {
		/* Emptying all at once keeps the table free of tombstones; frequent forms come
		 * back within a few records. */
		clear(c);
		for (i = (size_t)h & (c->cap - 1); c->slots[i].form; i = (i + 1) & (c->cap - 1))
			;
	}
	c->slots[i].hash = h;
	c->slots[i].form = json_incref(form);
	c->slots[i].stem = stem;
	c->count++;
	return stem;
}

/*
 * cxs_stemcache — recent forms and their stems (cxs_stemcache.h).
 */
#include "cxs_hash.h"
#include "cxs_stemcache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_buf.h"

/* Open addressing, linear probing, at most half full. Forms and stems live in one
 * arena that is emptied with the table. */
struct entry {
	uint32_t hash;              /* the low half of the form's hash */
	uint32_t form, stem;        /* offsets into the arena (a few MB at most) */
	unsigned char formlen, stemlen;
	unsigned char used : 1, same : 1, stop : 1;   /* same: the stem is the form */
};
/* 16 bytes, so the table of the common words stays in the caches: a lookup was mostly
 * waiting for its slot with 32-byte entries */

struct cxs_stemcache {
	cxs_stemmer *st;
	const cxs_stopwords *sw;
	struct entry *slots;
	size_t cap;     /* a power of two, at least twice `max` */
	size_t count, max;
	cxs_buf arena;
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
	/* forms and stems of at most CXS_STEMCACHE_MAX_FORM bytes each: the arena never
	 * grows past this, so offsets stay put */
	if (!c || !c->slots || cxs_buf_grow(&c->arena, max_entries * 2 * CXS_STEMCACHE_MAX_FORM) < 0) {
		if (c)
			free(c->slots);
		free(c);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory for the stem cache");
		return NULL;
	}
	c->st = st;
	c->cap = cap;
	c->max = max_entries;
	return c;
}

void cxs_stemcache_free(cxs_stemcache *c)
{
	if (!c)
		return;
	cxs_buf_release(&c->arena);
	free(c->slots);
	free(c);
}

size_t cxs_stemcache_count(const cxs_stemcache *c)
{
	return c ? c->count : 0;
}

static void empty(cxs_stemcache *c)
{
	/* all at once keeps the table free of tombstones; frequent forms come back within
	 * a few records */
	memset(c->slots, 0, c->cap * sizeof(*c->slots));
	c->count = 0;
	cxs_buf_reset(&c->arena);
}

void cxs_stemcache_set_stopwords(cxs_stemcache *c, const cxs_stopwords *sw)
{
	c->sw = sw;
	empty(c);
}

const char *cxs_stemcache_stem(cxs_stemcache *c, const char *form, size_t len, size_t *stemlen,
			       cxs_err *err)
{
	int stop;

	return cxs_stemcache_word(c, form, len, stemlen, &stop, err);
}

void cxs_stemcache_prefetch(const cxs_stemcache *c, const char *form, size_t len)
{
	if (len <= CXS_STEMCACHE_MAX_FORM)
		__builtin_prefetch(&c->slots[(size_t)cxs_hash_fnv1a(form, len) & (c->cap - 1)]);
}

const char *cxs_stemcache_word(cxs_stemcache *c, const char *form, size_t len, size_t *stemlen,
			       int *stop, cxs_err *err)
{
	const char *stem;
	struct entry *e;
	uint64_t h = 0;
	size_t i = 0, n;

	if (len <= CXS_STEMCACHE_MAX_FORM) {
		h = cxs_hash_fnv1a(form, len);
		for (i = (size_t)h & (c->cap - 1); c->slots[i].used; i = (i + 1) & (c->cap - 1)) {
			e = &c->slots[i];
			if (e->hash == (uint32_t)h && e->formlen == len && !memcmp(c->arena.p + e->form, form, len)) {
				*stemlen = e->same ? len : e->stemlen;
				*stop = e->stop;
				return e->same ? form : c->arena.p + e->stem;
			}
		}
	}
	stem = cxs_stemmer_stem(c->st, form, len, &n);
	if (!stem) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory stemming '%.*s'", (int)len, form);
		return NULL;
	}
	if (n == len && !memcmp(stem, form, n))
		stem = form;
	*stemlen = n;
	*stop = cxs_stopwords_has(c->sw, form, len);
	if (len > CXS_STEMCACHE_MAX_FORM || n > CXS_STEMCACHE_MAX_FORM)
		return stem;
	if (c->count >= c->max) {
		empty(c);
		for (i = (size_t)h & (c->cap - 1); c->slots[i].used; i = (i + 1) & (c->cap - 1))
			;
	}
	e = &c->slots[i];
	e->hash = (uint32_t)h;
	e->used = 1;
	e->same = stem == form;
	e->stop = *stop != 0;
	e->form = (uint32_t)c->arena.len;
	e->formlen = (unsigned char)len;
	cxs_buf_add(&c->arena, form, len);    /* within the capacity reserved */
	e->stem = (uint32_t)c->arena.len;
	e->stemlen = (unsigned char)n;
	if (!e->same)
		cxs_buf_add(&c->arena, stem, n);
	c->count++;
	return e->same ? form : c->arena.p + e->stem;
}

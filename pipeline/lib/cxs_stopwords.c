#include "cxs_hash.h"
#include "cxs_stopwords.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_utf8.h"

/* Open addressing with linear probing over slots that point into one arena of words, so
 * a list of a few hundred words is two allocations and a lookup touches one cache line
 * in the common case. */
struct slot {
	uint64_t hash;
	uint32_t ref;   /* offset of the word in `words` plus one; 0 marks an empty slot */
	uint32_t len;
};

struct cxs_stopwords {
	cxs_buf words;  /* every word, NUL-terminated, one after the other */
	struct slot *slots;
	size_t cap;     /* a power of two, kept at least twice `count` */
	size_t count;
};

#define INITIAL_SLOTS 64

cxs_stopwords *cxs_stopwords_new(cxs_err *err)
{
	cxs_stopwords *sw = calloc(1, sizeof(*sw));

	if (sw)
		sw->slots = calloc(INITIAL_SLOTS, sizeof(*sw->slots));
	if (!sw || !sw->slots) {
		free(sw);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory for a stopword list");
		return NULL;
	}
	sw->cap = INITIAL_SLOTS;
	return sw;
}

void cxs_stopwords_free(cxs_stopwords *sw)
{
	if (!sw)
		return;
	cxs_buf_release(&sw->words);
	free(sw->slots);
	free(sw);
}

size_t cxs_stopwords_count(const cxs_stopwords *sw)
{
	return sw ? sw->count : 0;
}

/* The slot holding `word`, or the empty slot where it would go. */
static struct slot *find_slot(const cxs_stopwords *sw, uint64_t h, const char *word,
			      size_t len)
{
	size_t i = (size_t)h & (sw->cap - 1);

	for (;; i = (i + 1) & (sw->cap - 1)) {
		struct slot *sl = &sw->slots[i];

		if (!sl->ref)
			return sl;
		if (sl->hash == h && sl->len == len &&
		    !memcmp(sw->words.p + sl->ref - 1, word, len))
			return sl;
	}
}

static int grow(cxs_stopwords *sw)
{
	size_t cap = sw->cap * 2, i;
	struct slot *old = sw->slots, *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -1;
	for (i = 0; i < sw->cap; i++) {
		size_t j = (size_t)old[i].hash & (cap - 1);

		if (!old[i].ref)
			continue;
		while (slots[j].ref)
			j = (j + 1) & (cap - 1);
		slots[j] = old[i];
	}
	sw->slots = slots;
	sw->cap = cap;
	free(old);
	return 0;
}

int cxs_stopwords_add(cxs_stopwords *sw, const char *word, size_t len)
{
	uint64_t h = cxs_hash_fnv1a(word, len);
	struct slot *sl = find_slot(sw, h, word, len);
	size_t off = sw->words.len;

	if (sl->ref)
		return 0;
	/* uint32 offsets: a 4 GiB stopword list is a mistake, not a use case. */
	if (off + len + 2 > UINT32_MAX)
		return -1;
	if ((sw->count + 1) * 2 > sw->cap) {
		if (grow(sw) < 0)
			return -1;
		sl = find_slot(sw, h, word, len);
	}
	if (cxs_buf_add(&sw->words, word, len) < 0 || cxs_buf_addch(&sw->words, '\0') < 0) {
		sw->words.len = off;
		return -1;
	}
	sl->hash = h;
	sl->ref = (uint32_t)off + 1;
	sl->len = (uint32_t)len;
	sw->count++;
	return 1;
}

int cxs_stopwords_has(const cxs_stopwords *sw, const char *word, size_t len)
{
	if (!sw || !sw->count)
		return 0;
	return find_slot(sw, cxs_hash_fnv1a(word, len), word, len)->ref != 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Cuts a line down to its word: drops the comment and the blanks around the word.
 * Returns the word's start; `*len` its length (0 for a blank or comment line). */
static char *line_word(char *line, size_t n, size_t *len)
{
	char *hash = memchr(line, '#', n), *end;

	if (hash)
		n = (size_t)(hash - line);
	end = line + n;
	while (line < end && is_blank(*line))
		line++;
	while (end > line && is_blank(end[-1]))
		end--;
	*len = (size_t)(end - line);
	return line;
}

static int has_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_blank(s[i]))
			return 1;
	return 0;
}

/* Normalises and adds the word of one line. Returns 0, or -1 with `err` ("PATH:LINE: ..."). */
static int add_line(cxs_stopwords *sw, const char *path, long lineno, char *line, size_t n,
		    cxs_textnorm *tn, int zh, cxs_buf *form, cxs_err *err)
{
	size_t len;
	char *word;

	if (lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
		line += 3;
		n -= 3;
	}
	if (cxs_utf8_valid_prefix(line, n) != n)
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: invalid UTF-8", path, lineno);
	word = line_word(line, n, &len);
	if (!len)
		return 0;
	if (len > CXS_STOPWORD_MAX)
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: word longer than %d bytes", path,
				   lineno, CXS_STOPWORD_MAX);
	if (has_blank(word, len))
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: more than one word in '%.*s'",
				   path, lineno, (int)len, word);
	if (cxs_textnorm_form(tn, word, len, zh, form, err) < 0) {
		char msg[sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "%s", err->msg);
		return cxs_err_set(err, err->kind, "%s:%ld: %s", path, lineno, msg);
	}
	/* NFKC turns some characters into spaces (U+3000, U+00A0) or into nothing. */
	if (!form->len)
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: '%.*s' normalises to nothing",
				   path, lineno, (int)len, word);
	if (has_blank(form->p, form->len))
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: more than one word in '%.*s'",
				   path, lineno, (int)len, word);
	if (form->len > CXS_STOPWORD_MAX)
		return cxs_err_set(err, CXS_E_CONFIG, "%s:%ld: word longer than %d bytes", path,
				   lineno, CXS_STOPWORD_MAX);
	if (cxs_stopwords_add(sw, form->p, form->len) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "%s:%ld: out of memory", path, lineno);
	return 0;
}

cxs_stopwords *cxs_stopwords_load(const char *path, cxs_textnorm *tn, int zh, cxs_err *err)
{
	cxs_buf form = CXS_BUF_INIT;
	cxs_stopwords *sw = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	FILE *f = fopen(path, "rb");

	if (!f) {
		cxs_err_errno(err, CXS_E_CONFIG, errno, "could not open '%s'", path);
		return NULL;
	}
	sw = cxs_stopwords_new(err);
	if (!sw)
		goto fail;
	errno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (add_line(sw, path, lineno, line, (size_t)n, tn, zh, &form, err) < 0)
			goto fail;
		errno = 0;
	}
	/* getline answers -1 for the end of the file too: only these two are failures. */
	if (ferror(f) || errno == ENOMEM) {
		cxs_err_errno(err, errno == ENOMEM ? CXS_E_NOMEM : CXS_E_CONFIG, errno,
			      "could not read '%s'", path);
		goto fail;
	}
	goto done;
fail:
	cxs_stopwords_free(sw);
	sw = NULL;
done:
	free(line);
	cxs_buf_release(&form);
	fclose(f);
	return sw;
}

#include "cxs_stemmer.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "cxs_buf.h"

struct cxs_stemmer {
	struct sb_stemmer *sb;
	/* Holds a word too long for libstemmer's int length, returned unstemmed; keeps the
	 * header's promise that every result is owned by the stemmer. */
	cxs_buf oversize;
};

/* Our language codes and the Snowball algorithm for each. */
static const struct {
	const char *lang;
	const char *algorithm;
} algorithms[] = {
	{ "sv", "swedish" },
	{ "es", "spanish" },
	{ "en", "english" },
};

static const char *algorithm_for(const char *lang)
{
	size_t i;

	if (!lang)
		return NULL;
	for (i = 0; i < sizeof(algorithms) / sizeof(algorithms[0]); i++)
		if (!strcmp(algorithms[i].lang, lang))
			return algorithms[i].algorithm;
	return NULL;
}

int cxs_stemmer_has(const char *lang)
{
	return algorithm_for(lang) != NULL;
}

cxs_stemmer *cxs_stemmer_new(const char *lang, cxs_err *err)
{
	const char *algorithm = algorithm_for(lang);
	cxs_stemmer *st;

	/* sb_stemmer_new answers NULL both for an unknown algorithm and for no memory: the
	 * table above decides the first, so a NULL after it can only be the second. */
	if (!algorithm) {
		cxs_err_set(err, CXS_E_CONFIG, "no stemmer for language '%s'",
			    lang ? lang : "(null)");
		return NULL;
	}
	st = calloc(1, sizeof(*st));
	if (!st)
		goto nomem;
	st->sb = sb_stemmer_new(algorithm, "UTF_8");
	if (!st->sb)
		goto nomem;
	return st;

nomem:
	free(st);
	cxs_err_set(err, CXS_E_NOMEM, "out of memory opening the '%s' stemmer", algorithm);
	return NULL;
}

const char *cxs_stemmer_stem(cxs_stemmer *st, const char *word, size_t len, size_t *outlen)
{
	const sb_symbol *stem;

	if (len > INT_MAX) {
		cxs_buf_reset(&st->oversize);
		if (cxs_buf_add(&st->oversize, word, len) < 0)
			return NULL;
		*outlen = len;
		return st->oversize.p;
	}
	stem = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
	if (!stem)
		return NULL;
	*outlen = (size_t)sb_stemmer_length(st->sb);
	return (const char *)stem;
}

void cxs_stemmer_free(cxs_stemmer *st)
{
	if (!st)
		return;
	sb_stemmer_delete(st->sb);
	cxs_buf_release(&st->oversize);
	free(st);
}

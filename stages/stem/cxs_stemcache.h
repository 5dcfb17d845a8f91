/*
 * cxs_stemcache — remembers the stems of recent forms.
 *
 * Word frequencies are skewed: a few thousand forms make up most tokens of a corpus, and
 * asking Snowball again for each of them was most of cxs-stem's own work; the cache
 * answers a repeated form from a table of bytes (no allocation per token). Memory is
 * bounded: when `max_entries` forms are cached, the cache is emptied and refills.
 * Results never depend on the cache, only the time does.
 */
#ifndef CXS_STEMCACHE_H
#define CXS_STEMCACHE_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_stemmer.h"
#include "cxs_stopwords.h"

/* Forms longer than this (in bytes) are stemmed every time, not cached. */
#define CXS_STEMCACHE_MAX_FORM 64

typedef struct cxs_stemcache cxs_stemcache;

/* A cache in front of `st` (borrowed: it must outlive the cache) holding at most
 * `max_entries` forms (at least 16). NULL with CXS_E_NOMEM in `err`. */
cxs_stemcache *cxs_stemcache_new(cxs_stemmer *st, size_t max_entries, cxs_err *err);

/* The stem of `form` (`len` bytes of a normalised form) and its length in `*stemlen`:
 * `form` itself (the same pointer) when the stem is the same bytes, else bytes owned
 * by the cache, valid until its next call (not NUL-terminated). NULL with `err` when
 * memory runs out. */
const char *cxs_stemcache_stem(cxs_stemcache *c, const char *form, size_t len, size_t *stemlen,
			       cxs_err *err);

/* Makes the cache remember, with each form, whether it is in `sw` (borrowed; NULL: no
 * form is), so that cxs_stemcache_word answers both in one lookup. Empties the cache. */
void cxs_stemcache_set_stopwords(cxs_stemcache *c, const cxs_stopwords *sw);

/* cxs_stemcache_stem, and in `*stop` whether the form is a stopword of the list set. */
const char *cxs_stemcache_word(cxs_stemcache *c, const char *form, size_t len, size_t *stemlen,
			       int *stop, cxs_err *err);

/* Asks the CPU to bring the slot where `form` would be into its caches, so that a
 * cxs_stemcache_word on it a few tokens later does not wait for memory: the table is
 * larger than the fastest caches, and most lookups were a miss there. Changes nothing. */
void cxs_stemcache_prefetch(const cxs_stemcache *c, const char *form, size_t len);

/* The number of forms cached now. */
size_t cxs_stemcache_count(const cxs_stemcache *c);

/* Frees the cache; NULL is a no-op. */
void cxs_stemcache_free(cxs_stemcache *c);

#endif

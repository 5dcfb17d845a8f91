/*
 * cxs_stemcache — remembers the stems of recent forms, as shared JSON strings.
 *
 * Word frequencies are skewed: a few thousand forms make up most tokens of a corpus. Asking
 * Snowball again for each of them, and allocating a new JSON string for each stem, is most
 * of cxs-stem's own work; the cache answers a repeated form with the JSON string made the
 * first time (one more reference, no allocation). Memory is bounded: when `max_entries`
 * forms are cached, the cache is emptied and refills. Results never depend on the cache,
 * only the time does.
 */
#ifndef CXS_STEMCACHE_H
#define CXS_STEMCACHE_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"
#include "cxs_stemmer.h"

/* Forms longer than this (in bytes) are stemmed every time, not cached. */
#define CXS_STEMCACHE_MAX_FORM 64

typedef struct cxs_stemcache cxs_stemcache;

/* A cache in front of `st` (borrowed: it must outlive the cache) holding at most
 * `max_entries` forms (at least 16). NULL with CXS_E_NOMEM in `err`. */
cxs_stemcache *cxs_stemcache_new(cxs_stemmer *st, size_t max_entries, cxs_err *err);

/* The stem of the JSON string `form`, as a JSON string: `form` itself when the stem is the
 * same bytes. The reference is borrowed from the cache and valid until its next call; take
 * your own (json_array_append, json_incref) to keep it. NULL with `err` when memory runs
 * out. */
json_t *cxs_stemcache_stem(cxs_stemcache *c, json_t *form, cxs_err *err);

/* The number of forms cached now. */
size_t cxs_stemcache_count(const cxs_stemcache *c);

/* Frees the cache and the references it holds; NULL is a no-op. */
void cxs_stemcache_free(cxs_stemcache *c);

#endif

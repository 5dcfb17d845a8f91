/*
 * fetch_dedup — exact duplicates within a run: the same text, whatever the source, is
 * kept once.
 *
 * Two texts are the same when they are equal after normalization: Unicode NFC (a
 * precomposed "é" and "e" + combining accent are one text), every run of whitespace
 * (as cxs_space_at defines it) made one space, and whitespace at both ends removed.
 * Case, punctuation and everything else count. The set keeps a 16-byte digest (the first
 * half of SHA-256 over the normalized text) and the id of the first document with it:
 * about 65 bytes per distinct text with a short id (the table is kept at most three
 * quarters full and grows by doubling).
 */
#ifndef FETCH_DEDUP_H
#define FETCH_DEDUP_H

#include <stddef.h>

#include "cxs_err.h"

typedef struct cxs_dedup cxs_dedup;

/* An empty set. NULL with `err` when memory runs out or ICU's normalizer cannot load. */
cxs_dedup *cxs_dedup_new(cxs_err *err);

/* Looks `text` (`len` bytes of UTF-8) up. Returns 0 when it is new (it is added, with
 * `id`), 1 when a document with the same text was seen: *first is then its id (owned by
 * the set, valid until the next call); -1 with `err` when memory runs out. */
int cxs_dedup_check(cxs_dedup *d, const char *text, size_t len, const char *id,
		    const char **first, cxs_err *err);

/* Frees the set; NULL is a no-op. */
void cxs_dedup_free(cxs_dedup *d);

#endif

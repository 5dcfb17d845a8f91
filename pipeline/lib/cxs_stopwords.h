/*
 * cxs_stopwords — one language's stopword list (a `LANG.stop` file) as a hash set.
 *
 * File format (PostgreSQL's `.stop` files are the model): UTF-8, one word per line; `#`
 * starts a comment that runs to the end of the line; blank lines are ignored; spaces
 * and tabs around a word are ignored; a UTF-8 byte order mark at the start is allowed.
 * Each word is normalised with cxs_textnorm exactly as cxs-normalize makes token forms,
 * so "The" in a list matches the form "the", and a Traditional Chinese entry matches the
 * Simplified form. Duplicates (also after normalisation) are kept once.
 *
 * Lookup is by exact bytes of a normalised form, O(1) on average. The set is read-only
 * after loading; lookups do not change it, so several threads may share one.
 */
#ifndef CXS_STOPWORDS_H
#define CXS_STOPWORDS_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_textnorm.h"

/* Longest word accepted in a list, in bytes after normalisation. */
#define CXS_STOPWORD_MAX 128

typedef struct cxs_stopwords cxs_stopwords;

/* An empty set. NULL when memory runs out (with CXS_E_NOMEM in `err`). */
cxs_stopwords *cxs_stopwords_new(cxs_err *err);

/* Loads the list at `path`, normalising each word with `tn` (`zh` non-zero: also
 * Traditional→Simplified, as for Chinese forms). NULL with `err` on failure: CXS_E_CONFIG
 * "could not open 'PATH': ..." or "PATH:LINE: message" for a bad line (invalid UTF-8, more
 * than one word, a word too long or normalising to nothing), CXS_E_NOMEM, or the kind
 * cxs_textnorm reported. */
cxs_stopwords *cxs_stopwords_load(const char *path, cxs_textnorm *tn, int zh, cxs_err *err);

/* Adds the already-normalised `word` (`len` bytes). Returns 1 when added, 0 when it was
 * there already, -1 when memory runs out. */
int cxs_stopwords_add(cxs_stopwords *sw, const char *word, size_t len);

/* Non-zero when `word` (`len` bytes, a normalised form) is in the set; a NULL set is
 * empty (a language without a list). */
int cxs_stopwords_has(const cxs_stopwords *sw, const char *word, size_t len);

/* The number of distinct words in the set. */
size_t cxs_stopwords_count(const cxs_stopwords *sw);

/* Frees the set; NULL is a no-op. */
void cxs_stopwords_free(cxs_stopwords *sw);

#endif

/*
 * cxs_textnorm — the one normalization every matching side uses (text and lexicons).
 *
 * NFKC with case folding (ICU "nfkc_cf": full-width forms, ligatures, compatibility
 * characters, case), typographic quotes and dashes made ASCII (’ → ', “ ” → ", ‐ – — − →
 * -), and for Chinese Traditional→Simplified (ICU "Hant-Hans"), so that a
 * word in a review and a term in a lexicon meet in the same form. Offsets are never
 * computed here: callers normalise one token at a time and keep the token's span in the
 * original text.
 *
 * Pure ASCII input takes a quick path (nfkc_cf of ASCII is lower-casing); anything else
 * goes through ICU in UTF-16 buffers that the handle keeps, so the hot path does not
 * allocate once the buffers have grown to the longest input seen.
 */
#ifndef CXS_TEXTNORM_H
#define CXS_TEXTNORM_H

#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"

typedef struct cxs_textnorm cxs_textnorm;

/* Loads the ICU normaliser; the Hant-Hans transliterator is opened when text first has
 * a CJK character (about 7 ms, compiled from the rules in ICU's data; text without
 * Chinese never pays it), and a failure to
 * open it is reported by the call that needed it. NULL with `err` (CXS_E_INTERNAL when
 * ICU data is missing, CXS_E_NOMEM). Not thread-safe: one handle per thread. */
cxs_textnorm *cxs_textnorm_new(cxs_err *err);

/* Writes the normalised form of the UTF-8 string `s` (`len` bytes) into `out` (its
 * previous contents are replaced; `out` stays owned by the caller). With `zh` non-zero,
 * Traditional characters become Simplified as well. Invalid UTF-8 is replaced by U+FFFD,
 * never an error. Returns 0, or -1 with `err`: CXS_E_NOMEM, CXS_E_INPUT for a string over
 * 512 MiB, CXS_E_INTERNAL when ICU fails. */
int cxs_textnorm_form(cxs_textnorm *tn, const char *s, size_t len, int zh, cxs_buf *out,
		      cxs_err *err);

/* 1 when the form of `s` (`len` bytes) is `s` itself, found without normalising: ASCII
 * without a capital letter, and CJK ideographs U+4E00..U+9FFF (which NFKC case folding
 * keeps) that, with `zh`, Hant-Hans keeps too; any other character gives 0, "not
 * known": ask cxs_textnorm_form. Most tokens of a review are one or the other, and this
 * costs a look-up per character instead of a normalisation or a cache probe. */
int cxs_textnorm_keeps(cxs_textnorm *tn, const char *s, size_t len, int zh);

/* Makes the handle open Hant-Hans by its name, through ICU's transliterator registry
 * (about 35 ms), instead of from its rules: for tests comparing the two. Call before
 * the first normalisation. */
void cxs_textnorm_hans_by_name(cxs_textnorm *tn);

/* Frees the handle; NULL is a no-op. */
void cxs_textnorm_free(cxs_textnorm *tn);

#endif

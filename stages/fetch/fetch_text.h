/*
 * fetch_text — small text rules fetch applies to every kind of source: what counts as
 * whitespace, when a document is empty, how a declared language becomes a hint, and
 * how a plain text file's line ends are unified.
 *
 * All functions take UTF-8 with an explicit length and never allocate.
 */
#ifndef FETCH_TEXT_H
#define FETCH_TEXT_H

#include <stddef.h>

#define CXS_LANG_MAX 9   /* a primary language subtag is at most 8 letters, plus NUL */

/* The byte length of the whitespace character at `s` (`len` > 0 bytes available), 0
 * when it is not whitespace. Whitespace: ASCII space, tab, LF, VT, FF, CR; U+0085,
 * U+00A0 (no-break space), U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and
 * U+3000 (ideographic space). */
size_t cxs_space_at(const char *s, size_t len);

/* Non-zero when `s` holds nothing but whitespace (or nothing at all). */
int cxs_text_blank(const char *s, size_t len);

/* The primary subtag of the language tag `tag` (`len` bytes), lowercased, into `out`:
 * "sv-SE" -> "sv", "zh_Hant_TW" -> "zh", " EN " -> "en". Returns 1, or 0 (and "" in
 * `out`) when `tag` does not start with 2 to 8 ASCII letters followed by its end, "-"
 * or "_". */
int cxs_lang_primary(const char *tag, size_t len, char out[CXS_LANG_MAX]);

/* Turns CRLF and lone CR line ends into LF in place; returns the new length. */
size_t cxs_text_unify_newlines(char *s, size_t len);

#endif

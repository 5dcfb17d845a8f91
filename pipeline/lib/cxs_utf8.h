/*
 * cxs_utf8 — UTF-8 validation and repair.
 *
 * Web pages and exports carry invalid bytes; JSON (and every later stage) needs valid
 * UTF-8. Invalid sequences (stray continuation bytes, overlong forms, surrogates, code
 * points above U+10FFFF, truncated sequences) are replaced by U+FFFD, one per maximal
 * invalid subpart as the Unicode standard recommends, and counted. NUL bytes are
 * replaced too, since they end C strings and JSON consumers treat them badly.
 */
#ifndef CXS_UTF8_H
#define CXS_UTF8_H

#include <stddef.h>

#include "cxs_buf.h"

/* Returns the length of the longest valid UTF-8 prefix of `s` (no NUL allowed); equal to
 * `len` when the whole buffer is valid. */
size_t cxs_utf8_valid_prefix(const char *s, size_t len);

/* Appends `s` to `out` with every invalid sequence and every NUL replaced by U+FFFD.
 * Returns the number of replacements, or -1 when memory runs out. */
long cxs_utf8_sanitize(const char *s, size_t len, cxs_buf *out);

/* Decodes one code point from valid UTF-8 at `s` (len > 0); stores its byte length in
 * `*n`. For invalid input returns U+FFFD and *n = 1. */
unsigned cxs_utf8_decode(const char *s, size_t len, size_t *n);

#endif

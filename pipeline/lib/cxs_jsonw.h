/*
 * cxs_jsonw — writing JSON values into a cxs_buf, byte for byte what jansson's
 * json_dumps(JSON_COMPACT | JSON_REAL_PRECISION(15)) writes for the same value.
 *
 * The record writer (cxs_record.h) serialises whole jansson trees with these, and the
 * stages write their own fields with them straight into the output line (cxs_rec.h),
 * so a record's bytes are the same whichever way it was built. Why not jansson's own
 * printer: it formats every integer through snprintf and hands the text over in tiny
 * callback pieces, and the flat offset arrays of normalize make integers the bulk of
 * every intermediate record.
 *
 * Every function appends to `out` and returns 0, or -1 when memory runs out.
 */
#ifndef CXS_JSONW_H
#define CXS_JSONW_H

#include <stddef.h>

#include "cxs_buf.h"

/* `s[0, n)` (valid UTF-8, kept as it is) as a JSON string: '"', '\\' and control
 * characters escaped the way jansson does. */
int cxs_jw_string(cxs_buf *out, const char *s, size_t n);

int cxs_jw_int(cxs_buf *out, long long v);

/* A real as jansson writes it: %.15g, always with a '.' or an exponent, and exponents
 * without '+' or leading zeros (1e300, 2.5e-7). */
int cxs_jw_real(cxs_buf *out, double v);

/* `[v0,v1,...]` */
int cxs_jw_ints(cxs_buf *out, const size_t *v, size_t n);

/* For a hot loop that makes room once (cxs_buf_grow) for a whole object rather than
 * per value: each writes at `p`, which must have room for the most it can write
 * (CXS_JW_INT_MAX bytes for an integer, CXS_JW_STRING_MAX(n) for a string of n bytes),
 * and returns the end of what it wrote, the same bytes as the functions above. The
 * caller then sets the buffer's `len` and its NUL. */
#define CXS_JW_INT_MAX 20
#define CXS_JW_STRING_MAX(n) (6 * (n) + 2)
char *cxs_jw_int_at(char *p, long long v);
char *cxs_jw_string_at(char *p, const char *s, size_t n);

#endif

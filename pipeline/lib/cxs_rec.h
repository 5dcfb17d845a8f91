/*
 * cxs_rec — one JSON Lines record, validated and indexed without building a tree.
 *
 * A stage reads a handful of fields of a record and adds a few of its own; everything
 * else (the text, the earlier stages' arrays, fields it does not know) passes through.
 * Building a jansson tree of every value only to print it again cost the stages most
 * of their time (jansson allocates once per value). So cxs_rec_parse checks the whole
 * line as strictly as jansson's json_loadb(JSON_REJECT_DUPLICATES) does (JSON grammar,
 * UTF-8, escapes and surrogates, integer and real overflow, duplicate keys at every
 * level, nesting depth) without allocating per value, and remembers where each
 * top-level field's value lies. A stage then decodes only the fields it needs
 * (cxs_rec_string, cxs_rec_ints, cxs_rec_strings, into buffers it reuses), writes its
 * own fields (cxs_rec_set + cxs_jsonw.h), and cxs_rec_write assembles the output line:
 * the input's bytes with each field set replaced in place and new fields appended
 * before the final '}' — exactly what json_object_set on a jansson tree and our
 * writer would give.
 *
 * Why not a library: jsmn checks neither UTF-8 nor escapes; yajl decodes every string
 * and gives no byte spans; simdjson is C++ and, like both, has no duplicate-key check;
 * none would keep the reader's guarantees or its messages without a second pass.
 *
 * Canonical bytes: records are written compact, as jansson prints them. A line in any
 * other spelling (spaces between tokens, "\u00e9" for "é", "1e2", "-0") is valid but
 * would pass through spelled differently from before; such a line (found during the
 * same scan) is parsed once with jansson and re-serialised, so outputs stay
 * byte-identical whether or not the input was compact.
 *
 * Bad lines: the reason is jansson's own message (the scanner asks jansson again only
 * for a line it rejects), "invalid JSON at column N: ..." or "record is not a JSON
 * object", as the tree reader (cxs_record.h) says it.
 */
#ifndef CXS_REC_H
#define CXS_REC_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_buf.h"

typedef struct cxs_rec cxs_rec;

enum cxs_rec_type {
	CXS_REC_ABSENT = 0, CXS_REC_STRING, CXS_REC_NUMBER, CXS_REC_OBJECT, CXS_REC_ARRAY,
	CXS_REC_TRUE, CXS_REC_FALSE, CXS_REC_NULL
};

/* A new, empty record handle to reuse for every line; NULL when memory runs out. */
cxs_rec *cxs_rec_new(void);

/* Frees the handle; NULL is a no-op. */
void cxs_rec_free(cxs_rec *r);

/* Validates and indexes `line[0, len)` (no newline). The line is borrowed: it must stay
 * unchanged until the next cxs_rec_parse or cxs_rec_free. Returns 0, 1 for a bad line
 * (cxs_rec_reason says why) or -1 when memory runs out. Forgets the fields set for
 * the previous line. */
int cxs_rec_parse(cxs_rec *r, const char *line, size_t len);

/* Why the last line was bad, without file or line; owned by the handle. */
const char *cxs_rec_reason(const cxs_rec *r);

/* The record's bytes as indexed (the line, or its canonical spelling); owned by the
 * handle, valid until the next cxs_rec_parse. */
const char *cxs_rec_text(const cxs_rec *r, size_t *len);

/* The record as a new jansson tree (for rejects and tools off the hot path); NULL when
 * memory runs out. */
json_t *cxs_rec_json(const cxs_rec *r);

/* The type of top-level field `key`, CXS_REC_ABSENT when there is none. */
enum cxs_rec_type cxs_rec_type(const cxs_rec *r, const char *key);

/* The raw JSON bytes of top-level field `key`'s value, or NULL; owned by the handle. */
const char *cxs_rec_raw(const cxs_rec *r, const char *key, size_t *len);

/* The number of entries of the array `key`, or -1 when it is absent or not an array. */
long cxs_rec_count(const cxs_rec *r, const char *key);

/*
 * Typed accessors. Each returns 1 when `key` is there with the type asked for (the
 * value decoded into the caller's reusable storage), 0 when it is absent, -1 when it
 * has another type (then `*bad` (may be NULL) is the index of the first entry of the
 * wrong type, or (size_t)-1 when the value itself is not an array), and -2 when
 * memory runs out.
 */

/* A string, decoded and NUL-terminated, replacing the contents of `out`. Records never
 * hold "\u0000" (the parser refuses it), so the C string is the whole value. */
int cxs_rec_string(const cxs_rec *r, const char *key, cxs_buf *out);

/* An array of integers. */
struct cxs_ints {
	long long *v;
	size_t n, cap;
};
int cxs_rec_ints(const cxs_rec *r, const char *key, struct cxs_ints *out, size_t *bad);

/* An array of strings: `s[i]` (NUL-terminated, `len[i]` bytes) point into `arena`. */
struct cxs_strs {
	const char **s;
	size_t *len;
	size_t n, cap;
	cxs_buf arena;
};
int cxs_rec_strings(const cxs_rec *r, const char *key, struct cxs_strs *out, size_t *bad);

/* An array of (integer, string) pairs spelled flat, `[i0, "s0", i1, "s1", ...]` (the
 * sparse per-token arrays of cxs_tokens.h): the integers go to `idx`, the strings to
 * `strs`. -1 also when the array has an odd number of entries (then `*bad` is that
 * number). */
int cxs_rec_pairs(const cxs_rec *r, const char *key, struct cxs_ints *idx, struct cxs_strs *strs,
		  size_t *bad);

/*
 * Nested values, for readers that need more than the top level (cxs-report walks every
 * signal and its evidence) without building a tree. A struct cxs_jv is one value inside
 * the record last parsed: it borrows the record's bytes and is valid until the next
 * cxs_rec_parse or cxs_rec_free. Object keys are compared as written; a record's bytes
 * are canonical (see above), where a key is spelled with escapes only when it holds a
 * quote, a backslash or a control character.
 */
struct cxs_jv {
	const char *p;
	size_t len;
};

/* The value of top-level field `key`: 1, or 0 when there is none. */
int cxs_rec_value(const cxs_rec *r, const char *key, struct cxs_jv *v);

/* The type of `v`. */
enum cxs_rec_type cxs_jv_type(const struct cxs_jv *v);

/* The next entry of array `v`, or member of object `v` (its key's raw bytes, between
 * the quotes, into `*key` when `key` is not NULL). `*pos` is 0 before the first call and
 * is moved on by each. Returns 1 with the entry in `*val`, 0 after the last, -1 when `v`
 * is neither an array nor an object. */
int cxs_jv_next(const struct cxs_jv *v, size_t *pos, struct cxs_jv *key, struct cxs_jv *val);

/* Member `name` of object `v`: 1 with its value in `*val`, 0 when there is none or `v`
 * is not an object. */
int cxs_jv_get(const struct cxs_jv *v, const char *name, struct cxs_jv *val);

/* The members `names[0, n)` of object `v` into `vals[0, n)`, in one walk over it (a
 * lookup each would walk the members before it again); an absent one, or every one when
 * `v` is not an object, gets length 0 (cxs_jv_type: CXS_REC_ABSENT). */
void cxs_jv_members(const struct cxs_jv *v, const char *const *names, size_t n,
		    struct cxs_jv *vals);

/* The number of entries of array `v`, -1 when `v` is not an array. */
long cxs_jv_count(const struct cxs_jv *v);

/* String `v`, decoded and NUL-terminated, appended to `out`. Returns 1, -1 when `v` is
 * not a string, -2 when memory runs out. */
int cxs_jv_string(const struct cxs_jv *v, cxs_buf *out);

/* Integer `v` (as jansson's json_integer_value reads it): 1, or 0 when `v` is not an
 * integer (a real such as 3.0 is not). */
int cxs_jv_int(const struct cxs_jv *v, long long *out);

/* Number `v`, integer or real (as json_number_value): 1, or 0 when `v` is no number. */
int cxs_jv_number(const struct cxs_jv *v, double *out);

/* Frees what the accessors grew; the structs are then empty and reusable. */
void cxs_ints_release(struct cxs_ints *a);
void cxs_strs_release(struct cxs_strs *a);

/*
 * Output. cxs_rec_set starts field `key` (a plain name: letters, digits, '_'; the
 * pointer must stay valid until cxs_rec_write) and returns the buffer its value is
 * written into with cxs_jsonw.h (exactly one JSON value), or NULL when memory runs
 * out. A field of that name in the input is replaced where it stands; a new one goes
 * at the end, in the order set. cxs_rec_drop leaves an input field out.
 */
cxs_buf *cxs_rec_set(cxs_rec *r, const char *key);
void cxs_rec_drop(cxs_rec *r, const char *key);

/* Assembles the output record into `out` (replacing its contents, no newline).
 * Returns 0 or -1 when memory runs out. */
int cxs_rec_write(cxs_rec *r, cxs_buf *out);

#endif

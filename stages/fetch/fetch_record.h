/*
 * fetch_record — the records cxs-fetch writes (schema version 1, pipeline/README.md).
 *
 * Field order is fixed, so equal inputs give equal bytes: id, source {uri, kind,
 * locator, date}, url, title, author, published, lang_hint, text, comments, meta, gold,
 * encoding {charset, rule}, invalid_bytes. Absent values are left out rather than
 * written as null.
 *
 * Every string that came from outside is passed through cxs_utf8_sanitize here, and the
 * replacements are added to `invalid_bytes`, so no caller can write invalid UTF-8.
 */
#ifndef FETCH_RECORD_H
#define FETCH_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_buf.h"

#define CXS_EXPORT_ID_BUF 32   /* an integer id or a made id, with the NUL */

/* One document, as the caller found it. Every pointer is borrowed. */
struct cxs_doc {
	const char *id;         /* NULL: cxs_make_id(kind, uri, locator) */
	const char *uri;        /* the path as given (see cxs_source_uri) */
	const char *kind;       /* "html", "jsonl", "text", "warc", ... (cxs_kind_name) */
	const char *locator;    /* "line 12", "offset 1234"; NULL for a whole file */
	const char *source_date; /* when the source was captured (WARC-Date), or NULL */
	const char *url;        /* NULL when absent */
	const char *title;      /* NULL when absent */
	const char *author;     /* NULL when absent */
	const char *published;  /* ISO 8601 as found, NULL when absent */
	const char *lang_hint;  /* NULL when absent */
	const char *text;       /* `text_len` bytes, any bytes */
	size_t text_len;
	const json_t *comments; /* array of strings (already valid UTF-8), NULL when absent */
	const json_t *meta;     /* object, NULL when absent */
	const json_t *gold;     /* object, NULL when absent */
	const char *charset;    /* the encoding the bytes were decoded from, or NULL */
	const char *charset_rule; /* what decided it ("bom", "transport", "meta", ...) */
	long invalid_bytes;     /* replaced before (while decoding); more are added here */
};

/* Builds the record of `d`; `scratch` is reused for sanitising. Returns a new
 * reference, or NULL when memory runs out. */
json_t *cxs_doc_record(const struct cxs_doc *d, cxs_buf *scratch);

/* Appends `s` (`len` bytes) to the array `arr` as a string, sanitised, adding the
 * replacements to `*invalid`. Returns 0, or -1 when memory runs out. */
int cxs_doc_append_string(json_t *arr, const char *s, size_t len, cxs_buf *scratch,
			  long *invalid);

/* The id of an export line: its own `id` (a non-empty string, or an integer written in
 * decimal into `buf`), or, when it has none (absent or null), the made id of (jsonl,
 * uri, locator) written into `buf`. Returns a pointer into `in` or to `buf`; sets *bad
 * when `id` is there but unusable (another type, or empty): the made id is returned
 * then. */
const char *cxs_export_id(const json_t *in, const char *uri, const char *locator,
			  char buf[CXS_EXPORT_ID_BUF], int *bad);

/* Reasons for rejecting an export line. */
#define CXS_REASON_NO_TEXT "record has no 'text' string"
#define CXS_REASON_EMPTY_TEXT "empty 'text' field"
#define CXS_REASON_BAD_ID "record has an 'id' that is neither a non-empty string nor an integer"

/* Turns one line of a JSONL review export (`in`, an object) into a record. Known
 * fields: `text` (required string), `id` (string or integer), `lang` (a language tag:
 * its primary subtag becomes `lang_hint`), `title` and `url` (strings), `gold`
 * (object); any other field, or a known one of another type, goes under `meta`
 * unchanged. Returns 0 with a new record in *out; 1 when the line is rejected, with one
 * of the CXS_REASON_* strings in *reason; -1 when memory runs out. */
int cxs_export_record(const json_t *in, const char *uri, const char *locator,
		      cxs_buf *scratch, json_t **out, const char **reason);

#endif

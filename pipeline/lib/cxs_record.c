#include "cxs_record.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_gzio.h"
#include "cxs_jsonw.h"

#define CHUNK (1 << 16)

struct cxs_reader {
	cxs_gzin *in;
	size_t max_record;
	char *chunk;          /* decompressed bytes not yet consumed */
	size_t chunk_len, chunk_pos;
	int eof;
	cxs_buf line;
	long long lineno;
	int unterminated;     /* the last line read ended at the end of input, no newline */
	int cut;              /* ... and was not a record: the input was cut off there */
	char reason[512];     /* why the last line was bad, without its location */
};

cxs_reader *cxs_reader_open(const char *path, size_t max_record, cxs_err *err)
{
	cxs_reader *r = calloc(1, sizeof(*r));

	if (!r || !(r->chunk = malloc(CHUNK))) {
		free(r);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	r->in = cxs_gzin_open(path, err);
	if (!r->in) {
		free(r->chunk);
		free(r);
		return NULL;
	}
	r->max_record = max_record ? max_record : CXS_MAX_RECORD_DEFAULT;
	return r;
}

/* Reads one line into r->line (without the newline). Returns 1 for a line, 0 at EOF,
 * -1 fatal; sets *oversize when the line was longer than max_record (only its first
 * max_record bytes are kept). */
static int read_line(cxs_reader *r, int *oversize, cxs_err *err)
{
	int any = 0;

	cxs_buf_reset(&r->line);
	*oversize = 0;
	for (;;) {
		char *nl;
		size_t avail, take;

		if (r->chunk_pos >= r->chunk_len) {
			long n;
			if (r->eof) {
				r->unterminated = any;
				return any ? 1 : 0;
			}
			n = cxs_gzin_read(r->in, r->chunk, CHUNK, err);
			if (n < 0)
				return -1;
			if (n == 0) {
				r->eof = 1;
				r->unterminated = any;
				return any ? 1 : 0;
			}
			r->chunk_len = (size_t)n;
			r->chunk_pos = 0;
		}
		any = 1;
		avail = r->chunk_len - r->chunk_pos;
		nl = memchr(r->chunk + r->chunk_pos, '\n', avail);
		take = nl ? (size_t)(nl - (r->chunk + r->chunk_pos)) : avail;
		if (!*oversize) {
			size_t room = r->max_record - r->line.len;
			size_t keep = take < room ? take : room;
			if (cxs_buf_add(&r->line, r->chunk + r->chunk_pos, keep) < 0)
				return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			if (take > room)
				*oversize = 1;
		}
		r->chunk_pos += take;
		if (nl) {
			r->chunk_pos++;
			return 1;
		}
	}
}

static int blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static int bad(cxs_reader *r, cxs_err *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(cxs_reader *r, cxs_err *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	cxs_err_set(err, CXS_E_INPUT, "%s:%lld: %s", cxs_gzin_path(r->in), r->lineno, r->reason);
	/* A bad last line without its newline is most likely a record cut in half (a copy
	 * or a writer that stopped): rejected like any bad line, then reported as damage. */
	r->cut = r->unterminated;
	return CXS_READ_BAD;
}

const char *cxs_reader_reason(const cxs_reader *r)
{
	return r->reason;
}

int cxs_reader_next_line(cxs_reader *r, const char **line, size_t *len, cxs_err *err)
{
	*line = NULL;
	*len = 0;
	for (;;) {
		int oversize, rc = read_line(r, &oversize, err);

		if (rc < 0) {
			/* Keep the message but say where we were in the records too. */
			if (err) {
				char msg[sizeof(err->msg)];
				memcpy(msg, err->msg, sizeof(msg));
				cxs_err_set(err, err->kind, "%s (after line %lld)", msg, r->lineno);
			}
			return CXS_READ_FATAL;
		}
		if (rc == 0) {
			if (r->cut) {
				r->cut = 0;
				cxs_err_set(err, CXS_E_INPUT, "%s:%lld: the input ends inside a "
					    "record (no newline after the last line, and it is not "
					    "a whole record): truncated?", cxs_gzin_path(r->in),
					    r->lineno);
				return CXS_READ_FATAL;
			}
			return CXS_READ_EOF;
		}
		r->lineno++;
		if (oversize)
			return bad(r, err, "record longer than the maximum of %zu bytes (--max-record-bytes)",
				   r->max_record);
		if (blank(r->line.p, r->line.len))
			continue;
		*line = r->line.p;
		*len = r->line.len;
		return CXS_READ_OK;
	}
}

int cxs_reader_next(cxs_reader *r, json_t **rec, cxs_err *err)
{
	json_error_t je;
	const char *line;
	size_t len;
	json_t *j;
	int st = cxs_reader_next_line(r, &line, &len, err);

	*rec = NULL;
	if (st != CXS_READ_OK)
		return st;
	j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
	if (!j)
		return bad(r, err, "invalid JSON at column %d: %s", je.column, je.text);
	if (!json_is_object(j)) {
		json_decref(j);
		return bad(r, err, "record is not a JSON object");
	}
	*rec = j;
	return CXS_READ_OK;
}

int cxs_reader_bad(cxs_reader *r, const char *reason, cxs_err *err)
{
	return bad(r, err, "%s", reason);
}

long long cxs_reader_line(const cxs_reader *r)
{
	return r->lineno;
}

const char *cxs_reader_raw(const cxs_reader *r, size_t *len)
{
	*len = r->line.len;
	return r->line.p ? r->line.p : "";
}

const char *cxs_reader_path(const cxs_reader *r)
{
	return cxs_gzin_path(r->in);
}

void cxs_reader_hash(cxs_reader *r, char hex[CXS_SHA256_HEX], long long *bytes)
{
	cxs_gzin_hash(r->in, hex);
	if (bytes)
		*bytes = cxs_gzin_rawbytes(r->in);
}

void cxs_reader_close(cxs_reader *r)
{
	if (!r)
		return;
	cxs_gzin_close(r->in);
	cxs_buf_release(&r->line);
	free(r->chunk);
	free(r);
}

/* ---- writer ---- */

struct cxs_writer {
	cxs_gzout *out;
	cxs_buf line;
};

cxs_writer *cxs_writer_open(const char *path, int level, cxs_err *err)
{
	cxs_writer *w = calloc(1, sizeof(*w));

	if (!w) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	w->out = cxs_gzout_open(path, level, err);
	if (!w->out) {
		free(w);
		return NULL;
	}
	return w;
}

/* Our own serialiser over cxs_jsonw, producing exactly what json_dumps(JSON_COMPACT |
 * JSON_REAL_PRECISION(15)) does (cxs_jsonw.h says why not jansson's). */

static int dump_value(const json_t *j, cxs_buf *out, int depth)
{
	const char *key;
	json_t *v;
	size_t i, n;
	int first = 1;

	if (depth > 2048)
		return -1;   /* jansson's parser caps nesting lower; this is a guard */
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		if (cxs_buf_addch(out, '{') < 0)
			return -1;
		json_object_foreach((json_t *)(uintptr_t)j, key, v) {
			if ((!first && cxs_buf_addch(out, ',') < 0) ||
			    cxs_jw_string(out, key, strlen(key)) < 0 || cxs_buf_addch(out, ':') < 0 ||
			    dump_value(v, out, depth + 1) < 0)
				return -1;
			first = 0;
		}
		return cxs_buf_addch(out, '}');
	case JSON_ARRAY:
		if (cxs_buf_addch(out, '[') < 0)
			return -1;
		n = json_array_size(j);
		for (i = 0; i < n; i++)
			if ((i && cxs_buf_addch(out, ',') < 0) ||
			    dump_value(json_array_get(j, i), out, depth + 1) < 0)
				return -1;
		return cxs_buf_addch(out, ']');
	case JSON_STRING:
		return cxs_jw_string(out, json_string_value(j), json_string_length(j));
	case JSON_INTEGER:
		return cxs_jw_int(out, json_integer_value(j));
	case JSON_REAL:
		return cxs_jw_real(out, json_real_value(j));
	case JSON_TRUE:
		return cxs_buf_addstr(out, "true");
	case JSON_FALSE:
		return cxs_buf_addstr(out, "false");
	case JSON_NULL:
		return cxs_buf_addstr(out, "null");
	}
	return -1;
}

int cxs_record_dump(const json_t *rec, cxs_buf *out)
{
	cxs_buf_reset(out);
	return dump_value(rec, out, 0);
}

int cxs_writer_put(cxs_writer *w, const json_t *rec, cxs_err *err)
{
	if (cxs_record_dump(rec, &w->line) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "could not serialise a record");
	if (cxs_buf_addch(&w->line, '\n') < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	if (cxs_gzout_write(w->out, w->line.p, w->line.len, err) < 0)
		return -1;
	return 0;
}

int cxs_writer_put_raw(cxs_writer *w, const char *line, size_t len, cxs_err *err)
{
	return cxs_gzout_write(w->out, line, len, err) < 0 ? -1 : 0;
}

int cxs_writer_commit(cxs_writer *w, char hex[CXS_SHA256_HEX], cxs_err *err)
{
	int rc = cxs_gzout_commit(w->out, hex, NULL, err);

	cxs_buf_release(&w->line);
	free(w);
	return rc;
}

void cxs_writer_abort(cxs_writer *w)
{
	if (!w)
		return;
	cxs_gzout_abort(w->out);
	cxs_buf_release(&w->line);
	free(w);
}

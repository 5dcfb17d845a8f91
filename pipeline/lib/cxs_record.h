/*
 * cxs_record — streaming JSON Lines records over (gzip) files.
 *
 * One record is one JSON object on one line (DESIGN §3). The reader hands out one record
 * at a time, so memory depends on the largest record, never on the file; a record longer
 * than `max_record` bytes is skipped (to its newline) and reported, never buffered whole.
 * A line that is not valid JSON, not valid UTF-8 or not an object is reported with its
 * line number and skipped: the caller rejects it and goes on. Blank lines are ignored.
 * When such a line is the last one and has no newline, the input was most likely cut in
 * the middle of a record: after that CXS_READ_BAD, the next call returns CXS_READ_FATAL
 * (the input is damaged) instead of CXS_READ_EOF.
 *
 * Records are jansson objects (json_t). Keys keep their order, so fields a stage does not
 * know pass through untouched and in place.
 */
#ifndef CXS_RECORD_H
#define CXS_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"
#include "cxs_hash.h"

#define CXS_MAX_RECORD_DEFAULT ((size_t)64 << 20)  /* 64 MiB: a huge page, not a crawl */

typedef struct cxs_reader cxs_reader;
typedef struct cxs_writer cxs_writer;

enum cxs_read_status {
	CXS_READ_FATAL = -2,  /* the input itself is unreadable, corrupt or truncated: stop */
	CXS_READ_BAD = -1,    /* this line is not a valid record: reject it and go on */
	CXS_READ_EOF = 0,
	CXS_READ_OK = 1
};

/* Opens `path` ("-" for stdin; gzip or plain). `max_record` 0 means the default. */
cxs_reader *cxs_reader_open(const char *path, size_t max_record, cxs_err *err);

/* Reads the next record into `*rec` (a new reference the caller must json_decref).
 * Returns an enum cxs_read_status. For CXS_READ_BAD and CXS_READ_FATAL, `err` holds
 * "FILE:LINE: what is wrong". */
int cxs_reader_next(cxs_reader *r, json_t **rec, cxs_err *err);

/* Reads the next non-blank line without parsing it (cxs_rec.h parses it without a
 * tree): `*line` (owned by the reader, valid until the next call) and `*len`, no
 * newline. Returns CXS_READ_OK, CXS_READ_EOF, CXS_READ_FATAL, or CXS_READ_BAD for a
 * line longer than `max_record`, with the same messages as cxs_reader_next. */
int cxs_reader_next_line(cxs_reader *r, const char **line, size_t *len, cxs_err *err);

/* Makes the line last returned a bad one for `reason` (the caller's parser refused it):
 * sets cxs_reader_reason and `err` ("FILE:LINE: reason") and returns CXS_READ_BAD. */
int cxs_reader_bad(cxs_reader *r, const char *reason, cxs_err *err);

/* Why the last CXS_READ_BAD line was bad, without file and line. Owned by the reader,
 * valid until the next cxs_reader_next. */
const char *cxs_reader_reason(const cxs_reader *r);

/* Line number (1-based) of the record last returned. */
long long cxs_reader_line(const cxs_reader *r);

/* The raw bytes of the line last returned (for a rejected line: at most its first
 * `max_record` bytes). Owned by the reader, valid until the next cxs_reader_next. */
const char *cxs_reader_raw(const cxs_reader *r, size_t *len);

/* The path as given; owned by the reader. */
const char *cxs_reader_path(const cxs_reader *r);

/* SHA-256 and size of the raw file bytes read so far (the whole file after EOF). */
void cxs_reader_hash(cxs_reader *r, char hex[CXS_SHA256_HEX], long long *bytes);

/* Closes the reader; NULL is a no-op. */
void cxs_reader_close(cxs_reader *r);

/* Opens an output of records (see cxs_gzio.h for names, "-" and atomicity). */
cxs_writer *cxs_writer_open(const char *path, int level, cxs_err *err);

/* Appends one record as one line. The record is not modified or released. */
int cxs_writer_put(cxs_writer *w, const json_t *rec, cxs_err *err);

/* Appends `line[0, len)`: one serialised record and its newline (one call, so a gzip
 * member never ends inside a record). */
int cxs_writer_put_raw(cxs_writer *w, const char *line, size_t len, cxs_err *err);

/* Finishes and publishes the file; `hex` (may be NULL) receives its SHA-256. Frees the
 * writer in every case. */
int cxs_writer_commit(cxs_writer *w, char hex[CXS_SHA256_HEX], cxs_err *err);

/* Discards the output; NULL is a no-op. */
void cxs_writer_abort(cxs_writer *w);

/* Serialises a record the way the writer does (compact, keys in order, UTF-8 kept),
 * replacing the contents of `out`. Returns 0 or -1 (no memory). */
struct cxs_buf;
int cxs_record_dump(const json_t *rec, struct cxs_buf *out);

#endif

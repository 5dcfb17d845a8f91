/*
 * warc_stream — the bytes of a WARC or ARC file, plain or gzip, read a little at a time
 * with the place each byte came from.
 *
 * A `.warc.gz` is a series of gzip members, normally one per record, so that a reader
 * can seek to a record by the compressed offset of its member. The stream inflates one
 * member at a time (zlib, streaming: memory stays at two 64 KiB buffers and zlib's
 * window whatever the file's size) and never mixes two members in its buffer, so the
 * position of the next byte is always (offset of its member in the file, bytes into
 * the member's inflated data). For a plain file the position is (byte offset, 0).
 *
 * Whether the file is gzip is told from its first two bytes, not from its name. The raw
 * bytes are hashed (SHA-256) as they are read. Errors (a read error, corrupt or
 * truncated gzip data, bytes after a member that are not another member) name the file
 * and the compressed byte offset; after one, every later call fails the same way.
 */
#ifndef WARC_STREAM_H
#define WARC_STREAM_H

#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"
#include "cxs_hash.h"

typedef struct warc_stream warc_stream;

/* Where a byte is: `member` is the offset in the file of the gzip member holding it
 * (of the byte itself in a plain file), `inner` how far into the member's inflated
 * data it is (always 0 in a plain file). */
struct warc_pos {
	long long member;
	long long inner;
};

/* Opens `path`; `name` (borrowed, must outlive the stream) is how errors name the file.
 * NULL with `err` (CXS_E_INPUT) when it cannot be opened, CXS_E_NOMEM without memory. */
warc_stream *warc_stream_open(const char *path, const char *name, cxs_err *err);

/* Non-zero when the file is gzip-compressed. */
int warc_stream_gzip(const warc_stream *s);

/* The position of the next byte to be read. */
struct warc_pos warc_stream_pos(const warc_stream *s);

/* The next byte without consuming it: 0..255, -1 at the end of the data, -2 with `err`
 * on an error. */
int warc_stream_peek(warc_stream *s, cxs_err *err);

/* Reads up to `n` bytes into `buf` (NULL: skips them). Returns the count (less than `n`
 * only at the end of the data), or -1 with `err`. */
long long warc_stream_read(warc_stream *s, void *buf, size_t n, cxs_err *err);

/* Appends one line, its "\n" included, to `line`. Returns 1 for a line (the last one
 * may lack its "\n"), 0 at the end of the data, 2 when the line is longer than `max`
 * bytes (`line` then holds its first `max` bytes; the rest is left unread), -1 with
 * `err` (or CXS_E_NOMEM). */
int warc_stream_line(warc_stream *s, cxs_buf *line, size_t max, cxs_err *err);

/* In a gzip file, inflates the rest of the current member when it fits in the buffer
 * (one record per member: the record's trailing line ends), so that its CRC and
 * length are checked before the caller uses the record. Returns 0 (also for a plain
 * file, or a member holding more data than fits, which is checked as it is read), or -1
 * with `err` when the member is corrupt or truncated. */
int warc_stream_end_member(warc_stream *s, cxs_err *err);

/* Raw bytes read from the file so far, and their SHA-256 (all of the file's once the
 * end was reached). */
long long warc_stream_rawbytes(const warc_stream *s);
void warc_stream_hash(warc_stream *s, char hex[CXS_SHA256_HEX]);

/* Closes the file; NULL is a no-op. */
void warc_stream_close(warc_stream *s);

#endif

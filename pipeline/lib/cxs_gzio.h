/*
 * cxs_gzio — byte streams in and out of gzip files, hashed as they pass.
 *
 * Input: a path or "-" (stdin); gzip (one or several members, as `cat a.gz b.gz`
 * produces) is detected from the magic bytes, anything else is read as plain bytes.
 * The raw bytes are hashed on the way in, so a manifest gets the input's SHA-256 without
 * a second pass, and errors name the compressed byte offset of the damage.
 *
 * Output: a path (written atomically, cxs_atomic.h) or "-" (stdout). A path ending in
 * ".gz" is gzip-compressed at the given level; anything else, and "-", is plain, so
 * `cxs-stem -o - | jq` works. Output is buffered and written in pieces of about 1 MiB;
 * compressed, each piece is one gzip member made by libdeflate (a gzip file may hold
 * several members; every gzip reader takes them as one stream), and since callers write
 * whole records a member always ends at a record's end. The gzip header carries no name
 * and no time, so the same data gives the same bytes.
 *
 * Input members are inflated whole by libdeflate when they fit (our own files), else
 * streamed through zlib (other tools' single large members, damaged data, whose errors
 * then name the byte offset).
 */
#ifndef CXS_GZIO_H
#define CXS_GZIO_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_hash.h"

typedef struct cxs_gzin cxs_gzin;
typedef struct cxs_gzout cxs_gzout;

/* Opens `path` ("-" for stdin). NULL with `err` (CXS_E_INPUT) when it cannot be opened or
 * is a directory. */
cxs_gzin *cxs_gzin_open(const char *path, cxs_err *err);

/* Reads up to `n` decompressed bytes. Returns the count, 0 at the end, or -1 with `err`
 * (CXS_E_INPUT) for a read error, corrupt gzip data, a truncated stream or an empty
 * ".gz" file; the message names the file and the compressed byte offset. The bytes read
 * before a read error are handed out first. */
long cxs_gzin_read(cxs_gzin *in, void *buf, size_t n, cxs_err *err);

/* The SHA-256 of the raw (compressed) bytes consumed so far: the file's hash once the
 * end was reached. */
void cxs_gzin_hash(cxs_gzin *in, char hex[CXS_SHA256_HEX]);

/* Raw bytes consumed so far. */
long long cxs_gzin_rawbytes(const cxs_gzin *in);

/* The path as given; owned by the handle. */
const char *cxs_gzin_path(const cxs_gzin *in);

/* Closes the input; NULL is a no-op. */
void cxs_gzin_close(cxs_gzin *in);

/* Opens an output; `level` 1..9 (0 stores without compressing) applies to ".gz" paths. */
cxs_gzout *cxs_gzout_open(const char *path, int level, cxs_err *err);

/* Writes all bytes. Returns 0, or -1 with `err` (CXS_E_IO) naming the file. */
int cxs_gzout_write(cxs_gzout *out, const void *data, size_t n, cxs_err *err);

/* Finishes the stream and makes the file appear under its name (atomically); writes the
 * SHA-256 and size of the bytes written when `hex`/`bytes` are not NULL. Frees the handle
 * in every case; on failure nothing is left under the final name. */
int cxs_gzout_commit(cxs_gzout *out, char hex[CXS_SHA256_HEX], long long *bytes, cxs_err *err);

/* Discards the output (the temporary file is removed) and frees the handle; NULL is a
 * no-op. */
void cxs_gzout_abort(cxs_gzout *out);

#endif

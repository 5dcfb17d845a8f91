#include "cxs_gzio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cxs_atomic.h"

#define RAWBUF (1 << 17)

struct cxs_gzin {
	int fd;
	int is_stdin;
	int gzip;        /* -1 not yet known, 0 plain, 1 gzip */
	int eof;         /* raw input exhausted */
	int in_member;   /* inside a gzip member (inflate initialised and not at its end) */
	z_stream zs;
	int zs_init;
	unsigned char *raw;
	size_t raw_len, raw_pos;
	long long raw_total;
	cxs_sha256 hash;
	char *path;
};

cxs_gzin *cxs_gzin_open(const char *path, cxs_err *err)
{
	cxs_gzin *in = calloc(1, sizeof(*in));
	struct stat st;

	if (!in || !(in->raw = malloc(RAWBUF)) || !(in->path = strdup(path))) {
		if (in)
			free(in->raw);
		free(in);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	in->gzip = -1;
	cxs_sha256_init(&in->hash);
	if (!strcmp(path, "-")) {
		in->fd = 0;
		in->is_stdin = 1;
		return in;
	}
	in->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0) {
		cxs_err_errno(err, CXS_E_INPUT, errno, "could not open '%s'", path);
		goto fail;
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cxs_err_set(err, CXS_E_INPUT, "'%s' is a directory, not a file", path);
		close(in->fd);
		goto fail;
	}
	return in;
fail:
	free(in->path);
	free(in->raw);
	free(in);
	return NULL;
}

/* Refills the raw buffer when it is empty. Returns 1 with data, 0 at EOF, -1 on error. */
static int fill_raw(cxs_gzin *in, cxs_err *err)
{
	ssize_t r;

	if (in->raw_pos < in->raw_len)
		return 1;
	if (in->eof)
		return 0;
	do
		r = read(in->fd, in->raw, RAWBUF);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return cxs_err_errno(err, CXS_E_INPUT, errno, "could not read '%s' at byte %lld",
				     in->path, in->raw_total);
	if (r == 0) {
		in->eof = 1;
		return 0;
	}
	cxs_sha256_update(&in->hash, in->raw, (size_t)r);
	in->raw_len = (size_t)r;
	in->raw_pos = 0;
	in->raw_total += r;
	return 1;
}

static long read_plain(cxs_gzin *in, unsigned char *buf, size_t n, cxs_err *err)
{
	size_t k;
	int rc = fill_raw(in, err);

	if (rc <= 0)
		return rc;
	k = in->raw_len - in->raw_pos;
	if (k > n)
		k = n;
	memcpy(buf, in->raw + in->raw_pos, k);
	in->raw_pos += k;
	return (long)k;
}

static long long raw_offset(const cxs_gzin *in)
{
	return in->raw_total - (long long)(in->raw_len - in->raw_pos);
}

static long read_gzip(cxs_gzin *in, unsigned char *buf, size_t n, cxs_err *err)
{
	for (;;) {
		int rc = fill_raw(in, err);
		int zr;

		if (rc < 0)
			return -1;
		if (rc == 0) {
			if (in->in_member)
				return cxs_err_set(err, CXS_E_INPUT,
						   "'%s': truncated gzip stream at byte %lld",
						   in->path, in->raw_total);
			return 0;
		}
		if (!in->in_member) {
			if (in->zs_init ? inflateReset(&in->zs) != Z_OK
					: inflateInit2(&in->zs, 15 + 16) != Z_OK)
				return cxs_err_set(err, CXS_E_INTERNAL, "could not start inflate");
			in->zs_init = 1;
			in->in_member = 1;
		}
		in->zs.next_in = in->raw + in->raw_pos;
		in->zs.avail_in = (uInt)(in->raw_len - in->raw_pos);
		in->zs.next_out = buf;
		in->zs.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
		zr = inflate(&in->zs, Z_NO_FLUSH);
		in->raw_pos = in->raw_len - in->zs.avail_in;
		if (zr == Z_STREAM_END)
			in->in_member = 0;
		else if (zr != Z_OK && zr != Z_BUF_ERROR)
			return cxs_err_set(err, CXS_E_INPUT, "'%s': corrupt gzip data at byte %lld: %s",
					   in->path, raw_offset(in),
					   in->zs.msg ? in->zs.msg : zError(zr));
		{
			size_t got = (size_t)(in->zs.next_out - buf);
			if (got)
				return (long)got;
		}
		if (!in->in_member && in->raw_pos < in->raw_len &&
		    in->raw[in->raw_pos] != 0x1f) {
			/* Trailing garbage after a member (often zero padding): not gzip. */
			return cxs_err_set(err, CXS_E_INPUT, "'%s': garbage after gzip data at byte %lld",
					   in->path, raw_offset(in));
		}
	}
}

long cxs_gzin_read(cxs_gzin *in, void *buf, size_t n, cxs_err *err)
{
	if (in->gzip < 0) {
		int rc = fill_raw(in, err);
		if (rc < 0)
			return -1;
		/* A single byte 0x1f could start gzip; we need both magic bytes, which a file
		 * of at least 2 bytes has in its first read except on a pipe's odd split. */
		in->gzip = rc > 0 && in->raw_len - in->raw_pos >= 2 &&
			   in->raw[in->raw_pos] == 0x1f && in->raw[in->raw_pos + 1] == 0x8b;
	}
	return in->gzip ? read_gzip(in, buf, n, err) : read_plain(in, buf, n, err);
}

void cxs_gzin_hash(cxs_gzin *in, char hex[CXS_SHA256_HEX])
{
	cxs_sha256 copy = in->hash;

	cxs_sha256_hex(&copy, hex);
}

long long cxs_gzin_rawbytes(const cxs_gzin *in)
{
	return in->raw_total;
}

const char *cxs_gzin_path(const cxs_gzin *in)
{
	return in->path;
}

void cxs_gzin_close(cxs_gzin *in)
{
	if (!in)
		return;
	if (in->zs_init)
		inflateEnd(&in->zs);
	if (!in->is_stdin)
		close(in->fd);
	free(in->raw);
	free(in->path);
	free(in);
}

/* ---- output ---- */

struct cxs_gzout {
	cxs_atomic *atomic;   /* NULL for stdout */
	int fd;
	int gzip;
	z_stream zs;
	unsigned char *obuf;
	long long total;
	cxs_sha256 hash;
	char *path;
};

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

cxs_gzout *cxs_gzout_open(const char *path, int level, cxs_err *err)
{
	cxs_gzout *out = calloc(1, sizeof(*out));

	if (!out || !(out->path = strdup(path)) || !(out->obuf = malloc(RAWBUF))) {
		if (out)
			free(out->path);
		free(out);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	cxs_sha256_init(&out->hash);
	if (!strcmp(path, "-")) {
		out->fd = 1;
	} else {
		out->atomic = cxs_atomic_open(path, err);
		if (!out->atomic)
			goto fail;
		out->fd = cxs_atomic_fd(out->atomic);
		out->gzip = ends_with(path, ".gz");
	}
	if (out->gzip) {
		if (level < 0 || level > 9)
			level = Z_DEFAULT_COMPRESSION;
		/* windowBits 15+16: a gzip wrapper with mtime 0 and no name: reproducible. */
		if (deflateInit2(&out->zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
			cxs_err_set(err, CXS_E_INTERNAL, "could not start deflate");
			cxs_atomic_abort(out->atomic);
			goto fail;
		}
	}
	return out;
fail:
	free(out->obuf);
	free(out->path);
	free(out);
	return NULL;
}

static int raw_write(cxs_gzout *out, const void *data, size_t n, cxs_err *err)
{
	const char *p = data;

	cxs_sha256_update(&out->hash, data, n);
	out->total += (long long)n;
	while (n > 0) {
		ssize_t w = write(out->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return cxs_err_errno(err, CXS_E_IO, errno, "could not write '%s'",
					     out->atomic ? out->path : "standard output");
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int deflate_some(cxs_gzout *out, int flush, cxs_err *err)
{
	int zr;

	do {
		out->zs.next_out = out->obuf;
		out->zs.avail_out = RAWBUF;
		zr = deflate(&out->zs, flush);
		if (zr == Z_STREAM_ERROR)
			return cxs_err_set(err, CXS_E_INTERNAL, "deflate failed on '%s'", out->path);
		if (raw_write(out, out->obuf, RAWBUF - out->zs.avail_out, err) < 0)
			return -1;
	} while (out->zs.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
	return 0;
}

int cxs_gzout_write(cxs_gzout *out, const void *data, size_t n, cxs_err *err)
{
	if (!out->gzip)
		return raw_write(out, data, n, err);
	out->zs.next_in = (unsigned char *)(uintptr_t)data;
	out->zs.avail_in = (uInt)n;
	if (deflate_some(out, Z_NO_FLUSH, err) < 0)
		return -1;
	return 0;
}

static void free_out(cxs_gzout *out)
{
	if (out->gzip)
		deflateEnd(&out->zs);
	free(out->obuf);
	free(out->path);
	free(out);
}

int cxs_gzout_commit(cxs_gzout *out, char hex[CXS_SHA256_HEX], long long *bytes, cxs_err *err)
{
	int rc = 0;

	if (out->gzip) {
		out->zs.next_in = NULL;
		out->zs.avail_in = 0;
		rc = deflate_some(out, Z_FINISH, err);
	}
	if (hex)
		cxs_sha256_hex(&out->hash, hex);
	if (bytes)
		*bytes = out->total;
	if (out->atomic) {
		if (rc < 0)
			cxs_atomic_abort(out->atomic);
		else
			rc = cxs_atomic_commit(out->atomic, err);
	}
	free_out(out);
	return rc;
}

void cxs_gzout_abort(cxs_gzout *out)
{
	if (!out)
		return;
	cxs_atomic_abort(out->atomic);
	free_out(out);
}

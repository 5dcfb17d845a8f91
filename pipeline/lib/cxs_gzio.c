#include "cxs_gzio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>
#include <zlib.h>

#include "cxs_atomic.h"

#define RAWBUF (4 << 20)   /* raw window: holds several of our own gzip members */
#define FASTOUT (4 << 20)  /* a member that inflates to more goes the streaming way */

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
	struct libdeflate_decompressor *dec;
	unsigned char *fast;      /* a whole member inflated by libdeflate */
	size_t fast_len, fast_pos;
	cxs_sha256 hash;
	char *path;
	int read_errno;           /* a read failed after earlier bytes: report it once */
	long long read_err_at;    /* they are used up (0: none) */
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
	if (in->read_errno)
		return cxs_err_errno(err, CXS_E_INPUT, in->read_errno,
				     "could not read '%s' at byte %lld", in->path, in->read_err_at);
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

/* Moves the unread raw bytes to the front of the window and reads until it is full
 * or the input ends. Returns 0, or -1 with `err`. */
static int top_up(cxs_gzin *in, cxs_err *err)
{
	size_t keep = in->raw_len - in->raw_pos;

	memmove(in->raw, in->raw + in->raw_pos, keep);
	in->raw_pos = 0;
	in->raw_len = keep;
	while (!in->eof && in->raw_len < RAWBUF) {
		ssize_t r = read(in->fd, in->raw + in->raw_len, RAWBUF - in->raw_len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (in->raw_len == 0)
				return cxs_err_errno(err, CXS_E_INPUT, errno,
						     "could not read '%s' at byte %lld",
						     in->path, in->raw_total);
			/* The bytes already read are good: hand them out first, as a read
			 * error on a plain file does, and report the error where they end. */
			in->read_errno = errno;
			in->read_err_at = in->raw_total;
			in->eof = 1;
			break;
		}
		if (r == 0) {
			in->eof = 1;
			break;
		}
		cxs_sha256_update(&in->hash, in->raw + in->raw_len, (size_t)r);
		in->raw_len += (size_t)r;
		in->raw_total += r;
	}
	return 0;
}

/* Whether the member at raw_pos inflates completely but fails its CRC or length check:
 * then its bytes are damaged somewhere, and streaming it would hand out altered records
 * before zlib notices at the end. Only for our plain 10-byte headers (no name or extra
 * fields); anything else is left to the streaming path. */
static int check_failed(cxs_gzin *in)
{
	const unsigned char *p = in->raw + in->raw_pos;
	size_t avail = in->raw_len - in->raw_pos, used = 0, got = 0;

	if (avail < 18 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8 || p[3] != 0)
		return 0;
	if (libdeflate_deflate_decompress_ex(in->dec, p + 10, avail - 10, in->fast, FASTOUT,
					     &used, &got) != LIBDEFLATE_SUCCESS)
		return 0;
	return 10 + used + 8 <= avail;
}

/* At the start of a member, tries to inflate all of it at once with libdeflate (about
 * four times faster than zlib's inflate). Our own files are made of members of about
 * 1 MiB, so this is the normal way. Anything else (a member larger than the window or
 * than FASTOUT, damaged or truncated data) is left to the streaming path, which reports
 * damage with its byte offset. Returns 1 when the member was inflated, 0 to stream it,
 * -1 on a read error. */
static int try_fast_member(cxs_gzin *in, cxs_err *err)
{
	size_t used = 0, got = 0;
	enum libdeflate_result r;

	if (in->raw_len - in->raw_pos < RAWBUF / 2 && top_up(in, err) < 0)
		return -1;
	if (in->raw_pos >= in->raw_len)
		return 0;
	if (!in->dec && !(in->dec = libdeflate_alloc_decompressor()))
		return 0;
	if (!in->fast && !(in->fast = malloc(FASTOUT)))
		return 0;
	r = libdeflate_gzip_decompress_ex(in->dec, in->raw + in->raw_pos, in->raw_len - in->raw_pos,
					  in->fast, FASTOUT, &used, &got);
	if (r == LIBDEFLATE_BAD_DATA && check_failed(in))
		return cxs_err_set(err, CXS_E_INPUT, "'%s': corrupt gzip data at byte %lld: the "
				   "member starting there fails its CRC check", in->path,
				   raw_offset(in));
	if (r != LIBDEFLATE_SUCCESS)
		return 0;
	in->raw_pos += used;
	in->fast_pos = 0;
	in->fast_len = got;
	return 1;
}

static long read_gzip(cxs_gzin *in, unsigned char *buf, size_t n, cxs_err *err)
{
	for (;;) {
		if (in->fast_pos < in->fast_len) {
			size_t k = in->fast_len - in->fast_pos;
			if (k > n)
				k = n;
			memcpy(buf, in->fast + in->fast_pos, k);
			in->fast_pos += k;
			return (long)k;
		}
		if (!in->in_member) {
			int fr = try_fast_member(in, err);
			if (fr < 0)
				return -1;
			if (fr > 0)
				continue;
		}
		/* The streaming way: zlib's inflate, one buffer at a time. */
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

static int gz_name(const char *path)
{
	size_t n = strlen(path);

	return n >= 3 && !strcmp(path + n - 3, ".gz");
}

long cxs_gzin_read(cxs_gzin *in, void *buf, size_t n, cxs_err *err)
{
	if (in->gzip < 0) {
		/* Both magic bytes are needed; a pipe may hand over one byte first, so read
		 * until there are two or the input ends. */
		while (in->raw_len - in->raw_pos < 2 && !in->eof)
			if (top_up(in, err) < 0)
				return -1;
		in->gzip = in->raw_len - in->raw_pos >= 2 && in->raw[in->raw_pos] == 0x1f &&
			   in->raw[in->raw_pos + 1] == 0x8b;
		/* Every gzip writer (ours too, for no records) writes at least a header: an
		 * empty ".gz" file is one cut off at its first byte, not an empty input. */
		if (in->raw_total == 0 && !in->read_errno && !in->is_stdin && gz_name(in->path))
			return cxs_err_set(err, CXS_E_INPUT, "'%s': truncated gzip stream at byte 0 "
					   "(the file is empty)", in->path);
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
	libdeflate_free_decompressor(in->dec);
	free(in->fast);
	free(in->raw);
	free(in->path);
	free(in);
}

/* ---- output ---- */

/* Output is gathered into members of about this many uncompressed bytes, each written
 * as one complete gzip member (a gzip file may hold several; zcat, Python, pandas and
 * zlib read them as one stream). libdeflate compresses a whole buffer about three times
 * faster than zlib's streaming deflate at level 1 and a little smaller, and a member
 * always ends at the end of a record, so a file can later be split without inflating. */
#define MEMBER (1 << 20)

struct cxs_gzout {
	cxs_atomic *atomic;   /* NULL for stdout, a FIFO or a device */
	int fd;
	int own_fd;           /* a FIFO or device we opened and must close */
	int gzip;
	struct libdeflate_compressor *comp;
	unsigned char *pending;   /* uncompressed bytes not yet written */
	size_t npending, cappending;
	unsigned char *obuf;      /* compressed member */
	size_t capobuf;
	long long total;
	cxs_sha256 hash;
	char *path;
	int read_errno;           /* a read failed after earlier bytes: report it once */
	long long read_err_at;    /* they are used up (0: none) */
};

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static void free_out(cxs_gzout *out)
{
	libdeflate_free_compressor(out->comp);
	free(out->pending);
	free(out->obuf);
	free(out->path);
	free(out);
}

cxs_gzout *cxs_gzout_open(const char *path, int level, cxs_err *err)
{
	cxs_gzout *out = calloc(1, sizeof(*out));
	struct stat st;

	if (!out || !(out->path = strdup(path))) {
		free(out);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	cxs_sha256_init(&out->hash);
	if (!strcmp(path, "-")) {
		out->fd = 1;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A FIFO or a device (/dev/null, a named pipe to another program) is written
		 * to as it is; renaming a temporary over it would replace it with a file. */
		out->fd = open(path, O_WRONLY | O_CLOEXEC);
		if (out->fd < 0) {
			cxs_err_errno(err, CXS_E_IO, errno, "could not open '%s'", path);
			free_out(out);
			return NULL;
		}
		out->own_fd = 1;
		out->gzip = ends_with(path, ".gz");
		if (out->gzip && !(out->comp = libdeflate_alloc_compressor(level < 0 || level > 9 ? 6 : level))) {
			cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			close(out->fd);
			free_out(out);
			return NULL;
		}
	} else {
		out->gzip = ends_with(path, ".gz");
		if (out->gzip) {
			out->comp = libdeflate_alloc_compressor(level < 0 || level > 9 ? 6 : level);
			if (!out->comp) {
				cxs_err_set(err, CXS_E_NOMEM, "out of memory");
				free_out(out);
				return NULL;
			}
		}
		out->atomic = cxs_atomic_open(path, err);
		if (!out->atomic) {
			free_out(out);
			return NULL;
		}
		out->fd = cxs_atomic_fd(out->atomic);
	}
	return out;
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
					     out->fd == 1 && !out->own_fd ? "standard output" : out->path);
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes the pending bytes: as one gzip member, or as they are. */
static int flush_pending(cxs_gzout *out, cxs_err *err)
{
	size_t bound, n;

	if (!out->gzip) {
		n = out->npending;
		out->npending = 0;
		return n ? raw_write(out, out->pending, n, err) : 0;
	}
	bound = libdeflate_gzip_compress_bound(out->comp, out->npending);
	if (bound > out->capobuf) {
		unsigned char *p = realloc(out->obuf, bound);
		if (!p)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		out->obuf = p;
		out->capobuf = bound;
	}
	n = libdeflate_gzip_compress(out->comp, out->pending, out->npending, out->obuf, bound);
	if (!n)
		return cxs_err_set(err, CXS_E_INTERNAL, "could not compress '%s'", out->path);
	out->npending = 0;
	return raw_write(out, out->obuf, n, err);
}

int cxs_gzout_write(cxs_gzout *out, const void *data, size_t n, cxs_err *err)
{
	if (out->npending + n > out->cappending) {
		size_t cap = out->cappending ? out->cappending : MEMBER + (MEMBER >> 2);
		unsigned char *p;

		while (cap < out->npending + n)
			cap *= 2;
		p = realloc(out->pending, cap);
		if (!p)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		out->pending = p;
		out->cappending = cap;
	}
	memcpy(out->pending + out->npending, data, n);
	out->npending += n;
	/* Callers write whole records, so a member ends where a record does. */
	return out->npending >= MEMBER ? flush_pending(out, err) : 0;
}

int cxs_gzout_commit(cxs_gzout *out, char hex[CXS_SHA256_HEX], long long *bytes, cxs_err *err)
{
	int rc = 0;

	/* An empty .gz output is still one (empty) gzip member, so readers accept it. */
	if (out->npending || (out->gzip && out->total == 0))
		rc = flush_pending(out, err);
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
	if (out->own_fd && close(out->fd) < 0 && rc == 0)
		rc = cxs_err_errno(err, CXS_E_IO, errno, "could not close '%s'", out->path);
	free_out(out);
	return rc;
}

void cxs_gzout_abort(cxs_gzout *out)
{
	if (!out)
		return;
	cxs_atomic_abort(out->atomic);
	if (out->own_fd)
		close(out->fd);
	free_out(out);
}

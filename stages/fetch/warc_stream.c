/*
 * warc_stream — the bytes of a WARC or ARC file with their place (see warc_stream.h).
 */
#include "warc_stream.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK (64 << 10)

struct warc_stream {
	int fd;
	const char *name;
	int gz;
	int failed;
	cxs_err err;             /* the first error, repeated by every later call */
	cxs_sha256 h;
	long long raw;           /* raw bytes read from the file */
	/* gzip: raw bytes in ibuf[0..ilen), consumed through z.next_in; ibase is the file
	 * offset of ibuf[0]. */
	unsigned char ibuf[CHUNK];
	size_t ilen;
	long long ibase;
	z_stream z;
	int zinit;
	int in_member;           /* a member was started and has not ended */
	long long member_off;    /* file offset of the current member */
	long long member_out;    /* its inflated bytes before obuf[0] */
	/* Data to hand out: obuf[opos..olen). Plain files: obase is the file offset of
	 * obuf[0]. */
	unsigned char obuf[CHUNK];
	size_t olen, opos;
	long long obase;
};

static int fail(warc_stream *s, cxs_err *err)
{
	if (err)
		*err = s->err;
	return -1;
}

static int set_fail(warc_stream *s, cxs_err *err, cxs_errkind kind, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int set_fail(warc_stream *s, cxs_err *err, cxs_errkind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	s->err.kind = kind;
	vsnprintf(s->err.msg, sizeof(s->err.msg), fmt, ap);
	va_end(ap);
	s->failed = 1;
	return fail(s, err);
}

/* Reads raw bytes into `buf`; returns the count, 0 at the end, -1 on error. */
static ssize_t raw_read(warc_stream *s, void *buf, size_t n, cxs_err *err)
{
	for (;;) {
		ssize_t got = read(s->fd, buf, n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return set_fail(s, err, CXS_E_INPUT, "'%s': read error at byte %lld: %s",
					s->name, s->raw, strerror(errno));
		cxs_sha256_update(&s->h, buf, (size_t)got);
		s->raw += got;
		return got;
	}
}

static long long consumed(const warc_stream *s)
{
	return s->ibase + (long long)(s->z.next_in - s->ibuf);
}

/* Refills ibuf when zlib has used all of it. Returns the bytes available, 0 at the end
 * of the file, -1 on error. */
static ssize_t more_raw(warc_stream *s, cxs_err *err)
{
	ssize_t n;

	if (s->z.avail_in > 0)
		return (ssize_t)s->z.avail_in;
	s->ibase += (long long)s->ilen;
	s->ilen = 0;
	s->z.next_in = s->ibuf;
	n = raw_read(s, s->ibuf, sizeof(s->ibuf), err);
	if (n > 0) {
		s->ilen = (size_t)n;
		s->z.avail_in = (uInt)n;
	}
	return n;
}

/* Inflates into obuf[olen..] until the member ends or obuf is full. Returns 0, or -1
 * on error. */
static int inflate_more(warc_stream *s, cxs_err *err)
{
	s->z.next_out = s->obuf + s->olen;
	s->z.avail_out = (uInt)(sizeof(s->obuf) - s->olen);
	while (s->z.avail_out > 0) {
		ssize_t n = more_raw(s, err);
		int zr;

		if (n < 0)
			return -1;
		if (n == 0)
			return set_fail(s, err, CXS_E_INPUT, "'%s': truncated gzip member at byte %lld "
					"(it starts at byte %lld)", s->name, consumed(s), s->member_off);
		zr = inflate(&s->z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			s->in_member = 0;
			break;
		}
		if (zr == Z_MEM_ERROR)
			return set_fail(s, err, CXS_E_NOMEM, "out of memory");
		if (zr != Z_OK && zr != Z_BUF_ERROR)
			return set_fail(s, err, CXS_E_INPUT, "'%s': corrupt gzip data at byte %lld "
					"(in the member at byte %lld): %s", s->name, consumed(s),
					s->member_off, s->z.msg ? s->z.msg : "invalid data");
	}
	s->olen = sizeof(s->obuf) - s->z.avail_out;
	return 0;
}

/* Inflates the next piece of the current member, or starts the next member. Returns 1
 * with data in obuf, 0 at the end of the file, -1 on error. A member's data never
 * shares obuf with the next member's, so positions stay exact. */
static int fill_gz(warc_stream *s, cxs_err *err)
{
	for (;;) {
		if (!s->in_member) {
			ssize_t n = more_raw(s, err);
			if (n <= 0)
				return (int)n;
			if (s->z.next_in[0] != 0x1f)
				return set_fail(s, err, CXS_E_INPUT, "'%s': byte %lld: data after a gzip "
						"member is not another gzip member", s->name, consumed(s));
			s->member_off = consumed(s);
			s->member_out = 0;
			s->olen = s->opos = 0;
			if (inflateReset(&s->z) != Z_OK)
				return set_fail(s, err, CXS_E_INTERNAL, "'%s': zlib failed", s->name);
			s->in_member = 1;
		}
		s->member_out += (long long)s->olen;
		s->olen = s->opos = 0;
		if (inflate_more(s, err) < 0)
			return -1;
		if (s->olen > 0)
			return 1;
		/* An empty member: go on with the next one. */
	}
}

static int fill_plain(warc_stream *s, cxs_err *err)
{
	ssize_t n;

	s->obase += (long long)s->olen;
	s->olen = s->opos = 0;
	n = raw_read(s, s->obuf, sizeof(s->obuf), err);
	if (n <= 0)
		return (int)n;
	s->olen = (size_t)n;
	return 1;
}

/* Makes sure obuf has an unread byte. Returns 1, 0 at the end, -1 on error. */
static int fill(warc_stream *s, cxs_err *err)
{
	if (s->failed)
		return fail(s, err);
	if (s->opos < s->olen)
		return 1;
	return s->gz ? fill_gz(s, err) : fill_plain(s, err);
}

warc_stream *warc_stream_open(const char *path, const char *name, cxs_err *err)
{
	warc_stream *s = calloc(1, sizeof(*s));
	cxs_err e;

	if (!s) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	s->name = name;
	cxs_sha256_init(&s->h);
	s->fd = open(path, O_RDONLY);
	if (s->fd < 0) {
		cxs_err_errno(err, CXS_E_INPUT, errno, "could not read '%s'", name);
		free(s);
		return NULL;
	}
	/* The first bytes say whether the file is gzip; they stay in obuf as plain data
	 * when it is not. */
	if (fill_plain(s, &e) < 0) {
		if (err)
			*err = e;
		warc_stream_close(s);
		return NULL;
	}
	if (s->olen >= 2 && s->obuf[0] == 0x1f && s->obuf[1] == 0x8b) {
		if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
			cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			warc_stream_close(s);
			return NULL;
		}
		s->zinit = 1;
		s->gz = 1;
		memcpy(s->ibuf, s->obuf, s->olen);
		s->ilen = s->olen;
		s->z.next_in = s->ibuf;
		s->z.avail_in = (uInt)s->ilen;
		s->olen = s->opos = 0;
	}
	return s;
}

int warc_stream_gzip(const warc_stream *s)
{
	return s->gz;
}

struct warc_pos warc_stream_pos(const warc_stream *s)
{
	struct warc_pos p;

	if (!s->gz) {
		p.member = s->obase + (long long)s->opos;
		p.inner = 0;
	} else if (s->opos == s->olen && !s->in_member) {
		/* The next byte starts the next member. */
		p.member = s->zinit ? consumed(s) : 0;
		p.inner = 0;
	} else {
		p.member = s->member_off;
		p.inner = s->member_out + (long long)s->opos;
	}
	return p;
}

int warc_stream_peek(warc_stream *s, cxs_err *err)
{
	int r = fill(s, err);

	if (r <= 0)
		return r < 0 ? -2 : -1;
	return s->obuf[s->opos];
}

long long warc_stream_read(warc_stream *s, void *buf, size_t n, cxs_err *err)
{
	size_t done = 0;

	while (done < n) {
		size_t k;
		int r = fill(s, err);

		if (r < 0)
			return -1;
		if (r == 0)
			break;
		k = s->olen - s->opos;
		if (k > n - done)
			k = n - done;
		if (buf)
			memcpy((char *)buf + done, s->obuf + s->opos, k);
		s->opos += k;
		done += k;
	}
	return (long long)done;
}

int warc_stream_line(warc_stream *s, cxs_buf *line, size_t max, cxs_err *err)
{
	size_t got = 0;

	for (;;) {
		unsigned char *nl;
		size_t k;
		int r = fill(s, err);

		if (r < 0)
			return -1;
		if (r == 0)
			return got > 0;
		k = s->olen - s->opos;
		nl = memchr(s->obuf + s->opos, '\n', k);
		if (nl)
			k = (size_t)(nl - (s->obuf + s->opos)) + 1;
		if (got + k > max)
			k = max - got;
		if (cxs_buf_add(line, s->obuf + s->opos, k) < 0) {
			cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			return -1;
		}
		s->opos += k;
		got += k;
		if (nl && k > 0 && line->p[line->len - 1] == '\n')
			return 1;
		if (got >= max)
			return 2;
	}
}

int warc_stream_end_member(warc_stream *s, cxs_err *err)
{
	size_t left;

	if (s->failed)
		return fail(s, err);
	if (!s->gz || !s->in_member)
		return 0;
	/* Move what is unread to the front, then inflate behind it. */
	left = s->olen - s->opos;
	memmove(s->obuf, s->obuf + s->opos, left);
	s->member_out += (long long)s->opos;
	s->opos = 0;
	s->olen = left;
	return inflate_more(s, err);
}

long long warc_stream_rawbytes(const warc_stream *s)
{
	return s->raw;
}

void warc_stream_hash(warc_stream *s, char hex[CXS_SHA256_HEX])
{
	cxs_sha256_hex(&s->h, hex);
}

void warc_stream_close(warc_stream *s)
{
	if (!s)
		return;
	if (s->zinit)
		inflateEnd(&s->z);
	if (s->fd >= 0)
		close(s->fd);
	free(s);
}

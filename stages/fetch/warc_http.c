/*
 * warc_http — HTTP responses inside archive records (see warc_http.h).
 */
#include "warc_http.h"

#include <brotli/decode.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define OUT_STEP (64 << 10)

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Trims spaces and tabs around [*s, *s + *len). */
static void trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

static int eq_nocase(const char *a, size_t alen, const char *b)
{
	return alen == strlen(b) && strncasecmp(a, b, alen) == 0;
}

/* "HTTP/1.1 200 OK" (the reason may be absent, the version any digits and dots). */
static int status_line(const char *s, size_t len)
{
	size_t i = 5;

	if (len < 5 || strncasecmp(s, "HTTP/", 5))
		return 0;
	while (i < len && (is_digit(s[i]) || s[i] == '.'))
		i++;
	if (i == 5 || i >= len || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i + 3 > len || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) ||
	    s[i] == '0' || (i + 3 < len && is_digit(s[i + 3])))
		return 0;
	return (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
}

int warc_http_parse(const char *data, size_t len, struct warc_http *h, const char **why)
{
	size_t pos = 0;
	int first = 1;

	memset(h, 0, sizeof(*h));
	for (;;) {
		const char *line = data + pos, *nl = memchr(line, '\n', len - pos);
		const char *colon, *v;
		size_t llen, vlen;

		if (!nl) {
			*why = first ? "no HTTP status line" : "HTTP headers do not end (no blank line)";
			return 1;
		}
		llen = (size_t)(nl - line);
		pos += llen + 1;
		if (llen > 0 && line[llen - 1] == '\r')
			llen--;
		if (first) {
			h->status = status_line(line, llen);
			if (!h->status) {
				*why = "no HTTP status line";
				return 1;
			}
			first = 0;
			continue;
		}
		if (llen == 0)
			break;
		colon = memchr(line, ':', llen);
		if (!colon)
			continue;   /* not a header: passed over, as browsers do */
		v = colon + 1;
		vlen = llen - (size_t)(v - line);
		trim(&v, &vlen);
		if (eq_nocase(line, (size_t)(colon - line), "content-type")) {
			h->ctype = v;
			h->ctype_len = vlen;
		} else if (eq_nocase(line, (size_t)(colon - line), "transfer-encoding")) {
			h->tenc = v;
			h->tenc_len = vlen;
		} else if (eq_nocase(line, (size_t)(colon - line), "content-encoding")) {
			h->cenc = v;
			h->cenc_len = vlen;
		}
	}
	h->head_len = pos;
	return 0;
}

int warc_mime_is(const char *ct, size_t len, const char *mime)
{
	const char *semi = memchr(ct, ';', len);

	if (semi)
		len = (size_t)(semi - ct);
	trim(&ct, &len);
	return eq_nocase(ct, len, mime);
}

int warc_mime_html(const char *ct, size_t len)
{
	return warc_mime_is(ct, len, "text/html") || warc_mime_is(ct, len, "application/xhtml+xml");
}

void warc_mime_charset(const char *ct, size_t len, char out[CXS_CHARSET_MAX])
{
	const char *p = ct, *end = ct + len;

	out[0] = '\0';
	while ((p = memchr(p, ';', (size_t)(end - p))) != NULL) {
		const char *name, *v, *eq;
		size_t nlen, vlen;

		name = ++p;
		eq = memchr(p, '=', (size_t)(end - p));
		if (!eq)
			return;
		nlen = (size_t)(eq - name);
		trim(&name, &nlen);
		v = eq + 1;
		vlen = (size_t)(end - v);
		if (memchr(v, ';', vlen))
			vlen = (size_t)((const char *)memchr(v, ';', vlen) - v);
		trim(&v, &vlen);
		if (vlen >= 2 && (v[0] == '"' || v[0] == '\'') && v[vlen - 1] == v[0]) {
			v++;
			vlen -= 2;
		}
		if (eq_nocase(name, nlen, "charset")) {
			if (vlen > 0 && vlen < CXS_CHARSET_MAX) {
				memcpy(out, v, vlen);
				out[vlen] = '\0';
			}
			return;
		}
		p = v;
	}
}

int warc_sniff_html(const char *data, size_t len)
{
	/* WHATWG MIME Sniffing, "identifying a resource with an unknown MIME type": the
	 * HTML patterns, each followed by a tag-terminating byte (space or ">"). */
	static const char *const tags[] = {
		"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
		"<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"
	};
	size_t i = 0, k;

	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && is_space(data[i]))
		i++;
	for (k = 0; k < sizeof(tags) / sizeof(tags[0]); k++) {
		size_t n = strlen(tags[k]), j;

		if (len - i < n + 1)
			continue;
		for (j = 0; j < n && lower(data[i + j]) == tags[k][j]; j++)
			;
		if (j < n)
			continue;
		if (k == sizeof(tags) / sizeof(tags[0]) - 1 || data[i + n] == ' ' ||
		    data[i + n] == '>')
			return 1;
	}
	return 0;
}

int warc_header_has(const char *v, size_t len, const char *token)
{
	const char *end = v + len;

	while (v < end) {
		const char *comma = memchr(v, ',', (size_t)(end - v));
		const char *s = v;
		size_t n = (size_t)((comma ? comma : end) - v);

		trim(&s, &n);
		if (eq_nocase(s, n, token))
			return 1;
		v = comma ? comma + 1 : end;
	}
	return 0;
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	c = lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Reads a chunk-size line at data[*pos]: hex digits, optional extension, line end.
 * Returns 0 with the size, or 1 when it is not one. */
static int chunk_size(const char *data, size_t len, size_t *pos, size_t *size)
{
	size_t i = *pos, n = 0, digits = 0;
	const char *nl;

	while (i < len && (data[i] == ' ' || data[i] == '\t'))
		i++;
	for (; i < len && hexval(data[i]) >= 0; i++) {
		if (++digits > 15)
			return 1;
		n = n * 16 + (size_t)hexval(data[i]);
	}
	if (digits == 0)
		return 1;
	nl = memchr(data + i, '\n', len - i);
	if (!nl) {
		if (i < len && data[i] != ';' && data[i] != ' ' && data[i] != '\t' && data[i] != '\r')
			return 1;
		*pos = len;   /* the data ends in the size line */
		*size = n;
		return 0;
	}
	if (data[i] != ';' && data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
		return 1;
	*pos = (size_t)(nl - data) + 1;
	*size = n;
	return 0;
}

int warc_dechunk(char *data, size_t *len)
{
	size_t in = 0, out = 0, n = *len, size;

	if (chunk_size(data, n, &in, &size))
		return 1;
	for (;;) {
		size_t take;

		if (size == 0)
			break;
		take = size < n - in ? size : n - in;
		memmove(data + out, data + in, take);
		out += take;
		in += take;
		if (in >= n)
			break;
		/* CRLF after the chunk data; a bare LF is tolerated. */
		if (data[in] == '\r')
			in++;
		if (in < n && data[in] == '\n')
			in++;
		if (in >= n || chunk_size(data, n, &in, &size))
			break;   /* damage after good chunks: keep what was decoded */
	}
	*len = out;
	return 0;
}

/* Makes room for more output; returns the bytes available, 0 when `max` is reached
 * (one byte beyond is allowed so that "too big" can be told from "exactly max"). */
static int out_room(cxs_buf *out, size_t max, size_t *avail)
{
	size_t want = OUT_STEP;

	if (out->len > max)
		return WARC_DECODE_TOO_BIG;
	if (want > max + 1 - out->len)
		want = max + 1 - out->len;
	if (cxs_buf_grow(out, want) < 0)
		return WARC_DECODE_NOMEM;
	*avail = want;
	return WARC_DECODE_OK;
}

static int inflate_body(const char *data, size_t len, cxs_buf *out, size_t max, int wbits,
			const char **why)
{
	z_stream z;
	int rc = WARC_DECODE_OK, zr;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, wbits) != Z_OK)
		return WARC_DECODE_NOMEM;
	z.next_in = (Bytef *)(uintptr_t)data;
	for (;;) {
		size_t avail;

		if (z.avail_in == 0 && len > 0) {
			/* zlib counts input in uInt: feed a huge body in pieces. */
			uInt take = len > (1u << 30) ? (1u << 30) : (uInt)len;
			z.avail_in = take;
			len -= take;
		}

		rc = out_room(out, max, &avail);
		if (rc != WARC_DECODE_OK)
			break;
		z.next_out = (Bytef *)out->p + out->len;
		z.avail_out = (uInt)avail;
		zr = inflate(&z, Z_NO_FLUSH);
		out->len += avail - z.avail_out;
		out->p[out->len] = '\0';
		if (zr == Z_STREAM_END) {
			/* Another gzip member may follow; anything else after the end is
			 * ignored, as browsers do. */
			if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b &&
			    inflateReset(&z) == Z_OK)
				continue;
			break;
		}
		if (zr == Z_BUF_ERROR && z.avail_in == 0 && len == 0)
			break;   /* the data stops: keep what was decoded */
		if (zr == Z_MEM_ERROR) {
			rc = WARC_DECODE_NOMEM;
			break;
		}
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			*why = wbits < 0 ? "corrupt deflate data" : "corrupt gzip data";
			rc = WARC_DECODE_BAD;
			break;
		}
	}
	if (rc == WARC_DECODE_OK && out->len > max)
		rc = WARC_DECODE_TOO_BIG;
	inflateEnd(&z);
	return rc;
}

static int brotli_body(const char *data, size_t len, cxs_buf *out, size_t max, const char **why)
{
	BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
	const uint8_t *next_in = (const uint8_t *)data;
	size_t avail_in = len;
	int rc = WARC_DECODE_OK;

	if (!st)
		return WARC_DECODE_NOMEM;
	for (;;) {
		BrotliDecoderResult r;
		size_t avail, before;
		uint8_t *next_out;

		rc = out_room(out, max, &avail);
		if (rc != WARC_DECODE_OK)
			break;
		before = avail;
		next_out = (uint8_t *)out->p + out->len;
		r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail, &next_out, NULL);
		out->len += before - avail;
		out->p[out->len] = '\0';
		if (r == BROTLI_DECODER_RESULT_SUCCESS || r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
			break;   /* done, or the data stops: keep what was decoded */
		if (r == BROTLI_DECODER_RESULT_ERROR) {
			*why = "corrupt brotli data";
			rc = WARC_DECODE_BAD;
			break;
		}
	}
	if (rc == WARC_DECODE_OK && out->len > max)
		rc = WARC_DECODE_TOO_BIG;
	BrotliDecoderDestroyInstance(st);
	return rc;
}

int warc_decode(const char *coding, size_t clen, const char *data, size_t len, cxs_buf *out,
		size_t max, const char **why)
{
	int rc;

	cxs_buf_reset(out);
	trim(&coding, &clen);
	if (eq_nocase(coding, clen, "identity") || clen == 0) {
		if (len > max)
			return WARC_DECODE_TOO_BIG;
		return cxs_buf_add(out, data, len) < 0 ? WARC_DECODE_NOMEM : WARC_DECODE_OK;
	}
	if (eq_nocase(coding, clen, "gzip") || eq_nocase(coding, clen, "x-gzip"))
		return inflate_body(data, len, out, max, 16 + MAX_WBITS, why);
	if (eq_nocase(coding, clen, "deflate")) {
		/* "deflate" is meant to be zlib-wrapped, but some servers send raw deflate. */
		rc = inflate_body(data, len, out, max, MAX_WBITS, why);
		if (rc == WARC_DECODE_BAD && out->len == 0) {
			cxs_buf_reset(out);
			rc = inflate_body(data, len, out, max, -MAX_WBITS, why);
		}
		return rc;
	}
	if (eq_nocase(coding, clen, "br"))
		return brotli_body(data, len, out, max, why);
	*why = "unsupported Content-Encoding";
	return WARC_DECODE_BAD;
}

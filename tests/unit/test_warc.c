/* Unit tests of warc_http (HTTP heads, chunked bodies, content codings, media types,
 * HTML sniffing) and warc_stream (positions of records in plain and gzip files). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "cxs_test.h"
#include "warc_http.h"
#include "warc_stream.h"

static void test_http_parse(void)
{
	const char *why = NULL;
	struct warc_http h;
	const char *r = "HTTP/1.1 200 OK\r\nServer: x\r\ncontent-TYPE:  text/html; charset=UTF-8 \r\n"
			"Transfer-Encoding: chunked\r\nno colon here\r\n\r\nbody";

	CHECK_INT(warc_http_parse(r, strlen(r), &h, &why), 0);
	CHECK_INT(h.status, 200);
	CHECK_INT(h.head_len, strlen(r) - 4);
	CHECK(h.ctype && h.ctype_len == 24 && !strncmp(h.ctype, "text/html; charset=UTF-8", 24));
	CHECK(h.tenc && h.tenc_len == 7);
	CHECK(!h.cenc);
	/* Bare LF line ends, no reason phrase, HTTP/2. */
	r = "HTTP/2 404\nContent-Encoding: br\n\n";
	CHECK_INT(warc_http_parse(r, strlen(r), &h, &why), 0);
	CHECK_INT(h.status, 404);
	CHECK_INT(h.head_len, strlen(r));
	CHECK(h.cenc && h.cenc_len == 2);
	/* Not a status line; status out of range; headers that never end. */
	CHECK_INT(warc_http_parse("GET / HTTP/1.1\r\n\r\n", 18, &h, &why), 1);
	CHECK_STR(why, "no HTTP status line");
	CHECK_INT(warc_http_parse("HTTP/1.1 2000 OK\r\n\r\n", 20, &h, &why), 1);
	CHECK_INT(warc_http_parse("HTTP/1.1 099 OK\r\n\r\n", 19, &h, &why), 1);
	CHECK_INT(warc_http_parse("HTTP/1.1 200 OK\r\nA: b\r\n", 24, &h, &why), 1);
	CHECK_STR(why, "HTTP headers do not end (no blank line)");
	CHECK_INT(warc_http_parse("HTTP/1.1 200 OK", 15, &h, &why), 1);
	CHECK_INT(warc_http_parse("", 0, &h, &why), 1);
}

static void test_mime(void)
{
	char cs[CXS_CHARSET_MAX];

	CHECK(warc_mime_html("text/html", 9));
	CHECK(warc_mime_html(" Text/HTML ; charset=x", 22));
	CHECK(warc_mime_html("application/xhtml+xml", 21));
	CHECK(!warc_mime_html("text/htmlx", 10));
	CHECK(!warc_mime_html("application/rss+xml", 19));
	CHECK(!warc_mime_html("", 0));
	warc_mime_charset("text/html; charset=ISO-8859-1", 29, cs);
	CHECK_STR(cs, "ISO-8859-1");
	warc_mime_charset("text/html;foo=bar; Charset=\"gb2312\" ;x=y", 40, cs);
	CHECK_STR(cs, "gb2312");
	warc_mime_charset("text/html", 9, cs);
	CHECK_STR(cs, "");
	warc_mime_charset("text/html; charset=", 19, cs);
	CHECK_STR(cs, "");
	warc_mime_charset("text/html; charset=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 77, cs);
	CHECK_STR(cs, "");   /* too long to be a charset */
	CHECK(warc_header_has("gzip, chunked", 13, "chunked"));
	CHECK(warc_header_has("Chunked", 7, "chunked"));
	CHECK(!warc_header_has("notchunked", 10, "chunked"));
}

static void test_sniff(void)
{
	CHECK(warc_sniff_html("<!DOCTYPE html><p>x", 19));
	CHECK(warc_sniff_html("\xef\xbb\xbf  \n<HTML>", 13));
	CHECK(warc_sniff_html("<p>hello", 8));
	CHECK(warc_sniff_html("<!-- c -->", 10));
	CHECK(warc_sniff_html("<body class=x>", 14));
	CHECK(!warc_sniff_html("<pre>", 5));         /* "<p" must end the tag name */
	CHECK(!warc_sniff_html("<?xml version", 13));
	CHECK(!warc_sniff_html("\x89PNG", 4));
	CHECK(!warc_sniff_html("<html", 5));          /* nothing after the name to tell */
	CHECK(!warc_sniff_html("", 0));
}

static void test_dechunk(void)
{
	char a[] = "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";
	char b[] = "a\nshort";                   /* the data ends inside a chunk */
	char c[] = "<html>not chunked</html>";
	char d[] = "3\r\nabc\r\nzz\r\nmore";       /* damage after a good chunk */
	char e[] = "fffffffffffffffff\r\nx";     /* a size no body has */
	size_t n;

	n = strlen(a);
	CHECK_INT(warc_dechunk(a, &n), 0);
	CHECK(n == 12 && !memcmp(a, "hello, world", 12));
	n = strlen(b);
	CHECK_INT(warc_dechunk(b, &n), 0);
	CHECK(n == 5 && !memcmp(b, "short", 5));
	n = strlen(c);
	CHECK_INT(warc_dechunk(c, &n), 1);
	CHECK_INT(n, strlen(c));
	CHECK_STR(c, "<html>not chunked</html>");
	n = strlen(d);
	CHECK_INT(warc_dechunk(d, &n), 0);
	CHECK(n == 3 && !memcmp(d, "abc", 3));
	n = strlen(e);
	CHECK_INT(warc_dechunk(e, &n), 1);
}

static size_t deflate_to(const char *in, size_t len, unsigned char *out, size_t cap, int wbits)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	deflateEnd(&z);
	return cap - z.avail_out;
}

static void test_decode(void)
{
	static const char page[] = "<p>Staff were friendly; the soup was cold.</p>";
	unsigned char buf[512];
	cxs_buf out = CXS_BUF_INIT;
	const char *why = "";
	size_t n;

	n = deflate_to(page, strlen(page), buf, sizeof(buf), 16 + 15);
	CHECK_INT(warc_decode("gzip", 4, (char *)buf, n, &out, 1 << 20, &why), WARC_DECODE_OK);
	CHECK_STR(out.p, page);
	/* Cut short (a truncated capture): what was decoded is kept. */
	CHECK_INT(warc_decode("x-gzip", 6, (char *)buf, n - 12, &out, 1 << 20, &why), WARC_DECODE_OK);
	CHECK(out.len > 0 && out.len <= strlen(page) && !memcmp(out.p, page, out.len));
	/* Over the cap. */
	CHECK_INT(warc_decode("gzip", 4, (char *)buf, n, &out, 10, &why), WARC_DECODE_TOO_BIG);
	n = deflate_to(page, strlen(page), buf, sizeof(buf), 15);
	CHECK_INT(warc_decode(" Deflate ", 9, (char *)buf, n, &out, 1 << 20, &why), WARC_DECODE_OK);
	CHECK_STR(out.p, page);
	n = deflate_to(page, strlen(page), buf, sizeof(buf), -15);
	CHECK_INT(warc_decode("deflate", 7, (char *)buf, n, &out, 1 << 20, &why), WARC_DECODE_OK);
	CHECK_STR(out.p, page);
	CHECK_INT(warc_decode("gzip", 4, "\x1f\x8b\x08\x00garbage-garbage", 19, &out, 1 << 20, &why),
		  WARC_DECODE_BAD);
	CHECK_STR(why, "corrupt gzip data");
	CHECK_INT(warc_decode("br", 2, "\xff\xff\xff\xff", 4, &out, 1 << 20, &why), WARC_DECODE_BAD);
	CHECK_STR(why, "corrupt brotli data");
	CHECK_INT(warc_decode("compress", 8, "x", 1, &out, 1 << 20, &why), WARC_DECODE_BAD);
	CHECK_STR(why, "unsupported Content-Encoding");
	CHECK_INT(warc_decode("identity", 8, "abc", 3, &out, 1 << 20, &why), WARC_DECODE_OK);
	CHECK_STR(out.p, "abc");
	cxs_buf_release(&out);
}

/* Writes `n` records "R<i>\n" as gzip members (or plain) and reads them back: the
 * position of each record's first byte is its member's offset. */
static void stream_case(int gz, int nrec)
{
	char path[512], line[32];
	long long offs[64];
	unsigned char m[128];
	cxs_buf l = CXS_BUF_INIT;
	cxs_err e;
	warc_stream *s;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%s/s%d.warc", cxs_test_tmpdir(), gz);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	for (i = 0; i < nrec; i++) {
		int k = snprintf(line, sizeof(line), "R%d\n", i);
		offs[i] = ftell(f);
		if (gz)
			fwrite(m, 1, deflate_to(line, (size_t)k, m, sizeof(m), 16 + 15), f);
		else
			fwrite(line, 1, (size_t)k, f);
	}
	fclose(f);
	s = warc_stream_open(path, "s.warc", &e);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(warc_stream_gzip(s), gz);
	for (i = 0; i < nrec; i++) {
		struct warc_pos p = warc_stream_pos(s);

		CHECK_INT(p.member, offs[i]);
		CHECK_INT(p.inner, 0);
		cxs_buf_reset(&l);
		CHECK_INT(warc_stream_line(s, &l, 100, &e), 1);
		snprintf(line, sizeof(line), "R%d\n", i);
		CHECK_STR(l.p, line);
		CHECK_INT(warc_stream_end_member(s, &e), 0);
	}
	cxs_buf_reset(&l);
	CHECK_INT(warc_stream_line(s, &l, 100, &e), 0);
	CHECK_INT(warc_stream_peek(s, &e), -1);
	warc_stream_close(s);
	cxs_buf_release(&l);
}

static void test_stream_positions(void)
{
	stream_case(0, 40);
	stream_case(1, 40);
}

/* Two records in one member: the second is placed inside it. */
static void test_stream_shared_member(void)
{
	char path[512];
	unsigned char m[128];
	cxs_buf l = CXS_BUF_INIT;
	cxs_err e;
	warc_stream *s;
	FILE *f;
	struct warc_pos p;

	snprintf(path, sizeof(path), "%s/shared.warc.gz", cxs_test_tmpdir());
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(m, 1, deflate_to("one\ntwo\n", 8, m, sizeof(m), 16 + 15), f);
	fclose(f);
	s = warc_stream_open(path, "shared.warc.gz", &e);
	CHECK(s && warc_stream_line(s, &l, 100, &e) == 1);
	p = warc_stream_pos(s);
	CHECK_INT(p.member, 0);
	CHECK_INT(p.inner, 4);
	/* A line longer than the limit. */
	cxs_buf_reset(&l);
	CHECK_INT(warc_stream_line(s, &l, 2, &e), 2);
	CHECK_STR(l.p, "tw");
	warc_stream_close(s);
	cxs_buf_release(&l);
}

static void test_stream_damage(void)
{
	char path[512];
	unsigned char m[128];
	cxs_buf l = CXS_BUF_INIT;
	cxs_err e;
	warc_stream *s;
	size_t n;
	FILE *f;

	/* A good member, then half of one. */
	snprintf(path, sizeof(path), "%s/cut.warc.gz", cxs_test_tmpdir());
	f = fopen(path, "wb");
	if (!f)
		return;
	n = deflate_to("first record\n", 13, m, sizeof(m), 16 + 15);
	fwrite(m, 1, n, f);
	fwrite(m, 1, n / 2, f);
	fclose(f);
	s = warc_stream_open(path, "cut.warc.gz", &e);
	CHECK(s && warc_stream_line(s, &l, 100, &e) == 1);
	CHECK_INT(warc_stream_peek(s, &e), -2);
	CHECK(strstr(e.msg, "'cut.warc.gz': truncated gzip member") != NULL);
	CHECK_INT(warc_stream_read(s, m, 1, &e), -1);   /* and it stays failed */
	warc_stream_close(s);
	/* A good member, then bytes that are not gzip. */
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(m, 1, n, f);
	fputs("trailing junk", f);
	fclose(f);
	s = warc_stream_open(path, "cut.warc.gz", &e);
	cxs_buf_reset(&l);
	CHECK(s && warc_stream_line(s, &l, 100, &e) == 1);
	CHECK_INT(warc_stream_peek(s, &e), -2);
	CHECK(strstr(e.msg, "is not another gzip member") != NULL);
	warc_stream_close(s);
	CHECK(warc_stream_open("/nonexistent/x.warc", "x.warc", &e) == NULL);
	CHECK_INT(e.kind, CXS_E_INPUT);
	cxs_buf_release(&l);
	warc_stream_close(NULL);
}

int main(void)
{
	RUN(test_http_parse);
	RUN(test_mime);
	RUN(test_sniff);
	RUN(test_dechunk);
	RUN(test_decode);
	RUN(test_stream_positions);
	RUN(test_stream_shared_member);
	RUN(test_stream_damage);
	return cxs_test_done();
}

/*
 * warc_http — the HTTP response inside a WARC or ARC record: status line and headers,
 * chunked transfer encoding, gzip/deflate/brotli content encoding, media types, and
 * whether a body without a Content-Type looks like HTML.
 *
 * Archived responses are what servers sent, so the parsing is lenient where crawlers
 * and servers are known to be sloppy (bare "\n" line ends, a "chunked" header over a
 * body that is not chunked) and strict only where a guess would produce garbage.
 * Decoded sizes are capped by the caller's maximum, so a small compressed body cannot
 * grow without bound.
 *
 * Nothing here allocates except the output buffers given by the caller.
 */
#ifndef WARC_HTTP_H
#define WARC_HTTP_H

#include <stddef.h>

#include "cxs_buf.h"
#include "fetch_charset.h"

/* A parsed response head. Strings point into the caller's data and are not
 * NUL-terminated; NULL when the header is absent (the last one wins when repeated). */
struct warc_http {
	int status;               /* 100..999 */
	size_t head_len;          /* bytes of the status line and headers, blank line included */
	const char *ctype;        /* Content-Type */
	size_t ctype_len;
	const char *tenc;         /* Transfer-Encoding */
	size_t tenc_len;
	const char *cenc;         /* Content-Encoding */
	size_t cenc_len;
};

/* Parses the status line ("HTTP/1.1 200 OK") and headers at the start of `data` (`len`
 * bytes). Returns 0 and fills `h`, or 1 with a reason in `*why` (a static string) when
 * there is no status line or the headers do not end within `data`. */
int warc_http_parse(const char *data, size_t len, struct warc_http *h, const char **why);

/* Non-zero when the media type of the Content-Type value `ct` (`len` bytes; any
 * parameters after ";" ignored, case ignored) is `mime`. */
int warc_mime_is(const char *ct, size_t len, const char *mime);

/* Non-zero when the media type is HTML: text/html or application/xhtml+xml. */
int warc_mime_html(const char *ct, size_t len);

/* Writes the `charset` parameter of the Content-Type value `ct` (quotes removed) into
 * `out`; an empty string when there is none or it is too long. */
void warc_mime_charset(const char *ct, size_t len, char out[CXS_CHARSET_MAX]);

/* Non-zero when the start of `data` looks like HTML by the WHATWG MIME sniffing rules
 * (after a BOM and whitespace: "<!DOCTYPE HTML", "<html", "<head", "<body", "<p",
 * "<div", "<!--", ... followed by a space or ">"), for bodies without a Content-Type. */
int warc_sniff_html(const char *data, size_t len);

/* Non-zero when the comma-separated header value `v` (`len` bytes) lists `token`. */
int warc_header_has(const char *v, size_t len, const char *token);

/* Decodes chunked transfer encoding in place: `data` (`*len` bytes) becomes the joined
 * chunk data, and `*len` its length. Returns 0, or 1 when the data is not validly
 * chunked (nothing is changed then). Chunk extensions and trailers are dropped; data
 * that ends inside a chunk (a record truncated by the crawler) keeps what is there. */
int warc_dechunk(char *data, size_t *len);

/* Results of warc_decode. */
enum {
	WARC_DECODE_OK = 0,
	WARC_DECODE_BAD = 1,      /* corrupt data or an unknown coding: *why says which */
	WARC_DECODE_TOO_BIG = 2,  /* more than `max` bytes decoded */
	WARC_DECODE_NOMEM = -1
};

/* Decodes `data` (`len` bytes) in the content coding `coding` (`clen` bytes: gzip,
 * x-gzip, deflate (zlib or raw), br, identity; case ignored) into `out` (reset first),
 * stopping after `max` bytes. Data that simply stops (a truncated record) keeps what
 * was decoded. Returns one of the WARC_DECODE_* values; `*why` is a static string. */
int warc_decode(const char *coding, size_t clen, const char *data, size_t len, cxs_buf *out,
		size_t max, const char **why);

#endif

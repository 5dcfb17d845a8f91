/*
 * fetch_xml — streaming XML input for the feed and SemEval readers (see fetch_xml.h).
 */
#include "fetch_xml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "cxs_utf8.h"
#include "fetch_charset.h"
#include "fetch_text.h"

#define RAW_CHUNK (64 << 10)
#define PIECE 64
#define ENTITY_MAX 64

/* Never XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
 * XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE or XML_PARSE_HUGE: see the header. CDATA comes
 * as text, which is what a feed's <description><![CDATA[...]]> means. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		     XML_PARSE_NOCDATA)

struct cxs_xml {
	int fd;
	xmlTextReaderPtr r;
	cxs_sha256 sha;
	long long bytes;          /* read from the file */
	size_t cap;
	long long given;          /* bytes handed to libxml2 */
	long long mark;           /* `given` at cxs_xml_mark, or -1 */
	int over;
	int read_errno;
	int eof;
	int repair;               /* UTF-8: replace what XML cannot take instead of failing */
	long replaced;
	char tail[4];             /* an incomplete UTF-8 sequence at the end of a chunk */
	size_t ntail;
	char *raw;                /* RAW_CHUNK bytes */
	cxs_buf pend;             /* bytes for libxml2, from `pend_off` */
	size_t pend_off;
	int bom;                  /* a byte order mark was seen */
	const char *wide;         /* UTF-16 or UTF-32 by the first bytes, or NULL */
	char declared[CXS_CHARSET_MAX];
	int err_line;
	cxs_buf err;              /* the last fatal libxml2 error */
};

/* Reads one chunk from the file into x->raw; returns its length, 0 at the end, -1 on a
 * read error (x->read_errno). Every byte is hashed here, once. */
static ssize_t read_raw(cxs_xml *x)
{
	ssize_t n;

	if (x->eof)
		return 0;
	do
		n = read(x->fd, x->raw, RAW_CHUNK);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		x->read_errno = errno;
		return -1;
	}
	if (n == 0)
		x->eof = 1;
	cxs_sha256_update(&x->sha, x->raw, (size_t)n);
	x->bytes += n;
	return n;
}

static const char fffd[3] = { '\xef', '\xbf', '\xbd' };

/* The length a UTF-8 sequence starting with `c` claims, 0 for a byte that cannot start
 * one. */
static size_t seq_len(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/* Appends `s` (`n` bytes) to x->pend with what XML 1.0 cannot hold replaced by U+FFFD:
 * invalid UTF-8 (one U+FFFD per maximal invalid subpart, cxs_utf8.h) and control
 * characters other than tab and line ends. An incomplete sequence at the end is kept
 * for the next chunk unless `last`. */
static int repair(cxs_xml *x, const char *s, size_t n, int last)
{
	size_t i = 0, start = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t j, k;
		long bad;

		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (cxs_buf_add(&x->pend, s + start, i - start) < 0)
			return -1;
		if (c < 0x80) {
			if (cxs_buf_add(&x->pend, fffd, 3) < 0)
				return -1;
			x->replaced++;
			start = ++i;
			continue;
		}
		/* A run of non-ASCII bytes: valid sequences pass, the rest is replaced. */
		for (j = i; j < n && (unsigned char)s[j] >= 0x80; j++)
			;
		if (j == n && !last) {
			/* The chunk may end inside a sequence: keep its start for the next one. */
			for (k = n; k > i && n - k < 3 && ((unsigned char)s[k - 1] & 0xc0) == 0x80; k--)
				;
			if (k > i && seq_len((unsigned char)s[k - 1]) > n - (k - 1)) {
				x->ntail = n - (k - 1);
				memcpy(x->tail, s + k - 1, x->ntail);
				j = n = k - 1;
			}
		}
		bad = cxs_utf8_sanitize(s + i, j - i, &x->pend);
		if (bad < 0)
			return -1;
		x->replaced += bad;
		start = i = j;
	}
	return cxs_buf_add(&x->pend, s + start, n - start);
}

/* Moves the next chunk of the file into x->pend. Returns its raw length, 0 at the end,
 * -1 on a read error or when memory runs out. */
static ssize_t fill(cxs_xml *x)
{
	ssize_t n = read_raw(x);
	char joined[4 + 4];

	cxs_buf_reset(&x->pend);
	x->pend_off = 0;
	if (n < 0)
		return -1;
	if (!x->repair)
		return cxs_buf_add(&x->pend, x->raw, (size_t)n) < 0 ? -1 : n;
	if (x->ntail) {
		/* Complete the cut sequence with the first bytes of this chunk. */
		size_t t = x->ntail, k = 0, take;
		memcpy(joined, x->tail, t);
		while (k < (size_t)n && k < 4 - t && ((unsigned char)x->raw[k] & 0xc0) == 0x80)
			k++;
		take = k;
		memcpy(joined + t, x->raw, take);
		x->ntail = 0;
		if (repair(x, joined, t + take, 1) < 0)
			return -1;
		return repair(x, x->raw + take, (size_t)n - take, n == 0) < 0 ? -1 : n;
	}
	return repair(x, x->raw, (size_t)n, n == 0) < 0 ? -1 : n;
}

static int io_read(void *ctx, char *buf, int len)
{
	cxs_xml *x = ctx;
	size_t avail;

	while (x->pend_off >= x->pend.len) {
		ssize_t n = fill(x);
		if (n < 0) {
			if (!x->read_errno)
				x->read_errno = ENOMEM;
			return -1;
		}
		if (n == 0 && x->pend.len == 0)
			return 0;
	}
	avail = x->pend.len - x->pend_off;
	if (avail > (size_t)len)
		avail = (size_t)len;
	/* libxml2's reader parses what it is given in one go, and a chunk that holds an
	 * error loses every node completed in it: small pieces keep the items before
	 * damage. */
	if (avail > PIECE)
		avail = PIECE;
	if (x->mark >= 0 && x->given + (long long)avail - x->mark > (long long)x->cap) {
		x->over = 1;
		return -1;
	}
	memcpy(buf, x->pend.p + x->pend_off, avail);
	x->pend_off += avail;
	x->given += (long long)avail;
	return (int)avail;
}

static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	cxs_xml *x = ctx;
	size_t n;

	if (!e || e->level != XML_ERR_FATAL)
		return;
	cxs_buf_reset(&x->err);
	x->err_line = e->line;
	if (cxs_buf_addstr(&x->err, e->message ? e->message : "not well-formed") < 0)
		return;
	n = x->err.len;
	while (n > 0 && (x->err.p[n - 1] == '\n' || x->err.p[n - 1] == ' '))
		n--;
	x->err.len = n;
	x->err.p[n] = '\0';
}

/* The encoding named by an XML declaration at the start of `s`, into `out` ("" when
 * none). */
static void sniff_declaration(const char *s, size_t n, char out[CXS_CHARSET_MAX])
{
	const char *end, *p, *q;
	char quote;
	size_t len;

	out[0] = '\0';
	if (n < 6 || memcmp(s, "<?xml", 5))
		return;
	end = memchr(s, '>', n < 512 ? n : 512);
	if (!end)
		return;
	for (p = s + 5; p + 8 < end && memcmp(p, "encoding", 8); p++)
		;
	if (p + 8 >= end)
		return;
	p += 8;
	while (p < end && (*p == ' ' || *p == '=' || *p == '\t'))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return;
	quote = *p++;
	q = memchr(p, quote, (size_t)(end - p));
	len = q ? (size_t)(q - p) : 0;
	if (len == 0 || len >= CXS_CHARSET_MAX)
		return;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* UTF-16 and UTF-32, with or without a byte order mark, by the first four bytes (XML
 * 1.0 Appendix F): the name, and *bom set when there is one; NULL for anything else.
 * (libxml2 2.9 converts UTF-16 but refuses most UTF-32 files: they are damage.) */
static const char *wide_encoding(const unsigned char *u, size_t len, int *bom)
{
	static const struct { unsigned char b[4]; size_t n; const char *name; int bom; } sig[] = {
		{ { 0x00, 0x00, 0xfe, 0xff }, 4, "UTF-32BE", 1 },
		{ { 0xff, 0xfe, 0x00, 0x00 }, 4, "UTF-32LE", 1 },
		{ { 0x00, 0x00, 0x00, 0x3c }, 4, "UTF-32BE", 0 },
		{ { 0x3c, 0x00, 0x00, 0x00 }, 4, "UTF-32LE", 0 },
		{ { 0xfe, 0xff, 0, 0 }, 2, "UTF-16BE", 1 },
		{ { 0xff, 0xfe, 0, 0 }, 2, "UTF-16LE", 1 },
		{ { 0x00, 0x3c, 0x00, 0x3f }, 4, "UTF-16BE", 0 },
		{ { 0x3c, 0x00, 0x3f, 0x00 }, 4, "UTF-16LE", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(sig) / sizeof(sig[0]); i++)
		if (len >= sig[i].n && !memcmp(u, sig[i].b, sig[i].n)) {
			*bom = sig[i].bom;
			return sig[i].name;
		}
	return NULL;
}

/* Reads the first chunk to decide how the rest is read: UTF-16 or UTF-32, or a
 * declared legacy encoding, is left to libxml2 (which converts it); UTF-8, declared or
 * not, is repaired on the way. Whitespace before the first '<' is passed over. */
static int start(cxs_xml *x)
{
	ssize_t n = read_raw(x);
	const unsigned char *u = (const unsigned char *)x->raw;
	size_t skip = 0, len;
	int bom = 0;

	if (n < 0)
		return -1;
	len = (size_t)n;
	x->wide = wide_encoding(u, len, &bom);
	if (x->wide)
		x->bom = bom;
	else if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		x->bom = 1;
	if (!x->bom && !x->wide)
		while (skip < len && (u[skip] == ' ' || u[skip] == '\t' || u[skip] == '\n' ||
				      u[skip] == '\r'))
			skip++;
	if (!x->wide)
		sniff_declaration(x->raw + skip + (x->bom ? 3 : 0), len - skip - (x->bom ? 3 : 0),
				  x->declared);
	x->repair = !x->wide && (!x->declared[0] || !strcasecmp(x->declared, "utf-8") ||
				 !strcasecmp(x->declared, "utf8"));
	cxs_buf_reset(&x->pend);
	if (!x->repair)
		return cxs_buf_add(&x->pend, x->raw + skip, len - skip);
	return repair(x, x->raw + skip, len - skip, len == 0);
}

cxs_xml *cxs_xml_open(const char *path, size_t cap)
{
	cxs_xml *x = calloc(1, sizeof(*x));
	int saved;

	if (!x) {
		errno = ENOMEM;
		return NULL;
	}
	x->mark = -1;
	x->cap = cap;
	cxs_sha256_init(&x->sha);
	x->fd = open(path, O_RDONLY);
	if (x->fd < 0) {
		saved = errno;
		free(x);
		errno = saved;
		return NULL;
	}
	x->raw = malloc(RAW_CHUNK);
	if (!x->raw) {
		cxs_xml_close(x);
		errno = ENOMEM;
		return NULL;
	}
	if (start(x) < 0) {
		saved = x->read_errno ? x->read_errno : ENOMEM;
		cxs_xml_close(x);
		errno = saved;
		return NULL;
	}
	x->r = xmlReaderForIO(io_read, io_close, x, path, NULL, XML_OPTIONS);
	if (!x->r) {
		cxs_xml_close(x);
		errno = ENOMEM;
		return NULL;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
	return x;
}

xmlTextReaderPtr cxs_xml_reader(cxs_xml *x)
{
	return x->r;
}

int cxs_xml_root(cxs_xml *x)
{
	int rc;

	while ((rc = xmlTextReaderRead(x->r)) == 1)
		if (xmlTextReaderNodeType(x->r) == XML_READER_TYPE_ELEMENT)
			return 1;
	/* An empty file is not well-formed XML, but it is not damage either. */
	if (x->bytes == 0 || (rc < 0 && x->given == 0 && !x->read_errno && !x->over))
		return 0;
	return rc < 0 ? -1 : 0;
}

void cxs_xml_mark(cxs_xml *x)
{
	x->mark = x->given;
}

void cxs_xml_unmark(cxs_xml *x)
{
	x->mark = -1;
}

int cxs_xml_over(const cxs_xml *x)
{
	return x->over;
}

long cxs_xml_replaced(const cxs_xml *x)
{
	return x->replaced;
}

const char *cxs_xml_error(cxs_xml *x, cxs_buf *out)
{
	cxs_buf_reset(out);
	if (x->read_errno)
		cxs_buf_addf(out, "read error: %s", strerror(x->read_errno));
	else if (x->over)
		cxs_buf_addf(out, "an item longer than %zu bytes (--max-record-bytes)", x->cap);
	else if (x->err.len)
		cxs_buf_addf(out, "line %d: %s", x->err_line, x->err.p);
	else
		cxs_buf_addf(out, "line %d: not well-formed XML",
			     xmlTextReaderGetParserLineNumber(x->r));
	return out->p ? out->p : "";
}

const char *cxs_xml_charset(cxs_xml *x, const char **rule)
{
	if (x->wide) {
		*rule = x->bom ? "bom" : "detected";
		return x->wide;
	}
	if (x->bom) {
		*rule = "bom";
		return "UTF-8";
	}
	if (x->declared[0]) {
		/* the same names and rules as HTML pages get (fetch_charset.h) */
		const char *name = cxs_charset_label(x->declared, strlen(x->declared));
		*rule = "xml";
		return name ? name : x->declared;
	}
	*rule = "default";
	return "UTF-8";
}

int cxs_xml_finish(cxs_xml *x, char hex[CXS_SHA256_HEX], long long *bytes)
{
	ssize_t n;

	while ((n = read_raw(x)) > 0)
		;
	if (n < 0)
		return -1;
	cxs_sha256_hex(&x->sha, hex);
	*bytes = x->bytes;
	return 0;
}

void cxs_xml_close(cxs_xml *x)
{
	if (!x)
		return;
	if (x->r)
		xmlFreeTextReader(x->r);
	if (x->fd >= 0)
		close(x->fd);
	free(x->raw);
	cxs_buf_release(&x->pend);
	cxs_buf_release(&x->err);
	free(x);
}

int cxs_xml_is(const xmlNode *n, const char *local, const char *ns)
{
	if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, local))
		return 0;
	if (!ns)
		return 1;
	return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

/* An internal entity whose replacement is short plain text (no markup, no references,
 * at most ENTITY_MAX bytes, like an &nbsp; declared in the feed): safe to copy, and
 * many references to it cannot blow up. */
static const char *plain_entity(const xmlNode *n)
{
	const xmlEntity *ent = n->doc ? xmlGetDocEntity(n->doc, n->name) : NULL;

	if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY || !ent->content)
		return NULL;
	if (strlen((const char *)ent->content) > ENTITY_MAX ||
	    strpbrk((const char *)ent->content, "&<"))
		return NULL;
	return (const char *)ent->content;
}

static int add_capped(cxs_buf *out, const char *s, size_t n, size_t max)
{
	if (out->len >= max)
		return 0;
	if (n > max - out->len)
		n = max - out->len;
	return cxs_buf_add(out, s, n);
}

int cxs_xml_text(const xmlNode *n, cxs_buf *out, size_t max)
{
	const xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next) {
		const char *s = NULL;

		if (out->len >= max)
			break;
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			s = (const char *)c->content;
			break;
		case XML_ENTITY_REF_NODE:
			s = plain_entity(c);
			break;
		case XML_ELEMENT_NODE:
			if (cxs_xml_text(c, out, max) < 0)
				return -1;
			break;
		default:
			break;
		}
		if (s && add_capped(out, s, strlen(s), max) < 0)
			return -1;
	}
	return 0;
}

int cxs_xml_text_collapsed(const xmlNode *n, cxs_buf *out, size_t max)
{
	size_t from = out->len, i, j = 0;
	int space = 1;

	if (cxs_xml_text(n, out, max) < 0)
		return -1;
	if (!out->p)
		return 0;
	for (i = from; i < out->len; i++) {
		char c = out->p[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && j > 0)
			out->p[from + j++] = ' ';
		space = 0;
		out->p[from + j++] = c;
	}
	out->len = from + j;
	out->p[out->len] = '\0';
	return 0;
}

int cxs_xml_inner_markup(const xmlNode *n, cxs_buf *out, size_t max)
{
	xmlBufferPtr b = xmlBufferCreate();
	const xmlNode *c;
	int rc = 0;

	if (!b)
		return -1;
	for (c = n ? n->children : NULL; c && rc == 0; c = c->next) {
		xmlBufferEmpty(b);
		if (c->type == XML_ENTITY_REF_NODE) {
			const char *s = plain_entity(c);
			rc = s ? add_capped(out, s, strlen(s), max) : 0;
			continue;
		}
		/* xmlNodeDump writes entity references as references, never their content. */
		if (xmlNodeDump(b, c->doc, (xmlNode *)(uintptr_t)c, 0, 0) < 0)
			continue;
		rc = add_capped(out, (const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b), max);
	}
	xmlBufferFree(b);
	return rc;
}

const char *cxs_xml_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a; a = a->next)
		if (!a->ns && !strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE && !a->children->next)
			return (const char *)a->children->content;
	return NULL;
}

int cxs_xml_lang(const xmlNode *n, char out[CXS_LANG_MAX])
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const xmlAttr *a;
		for (a = n->properties; a; a = a->next)
			if (a->ns && a->ns->href && !strcmp((const char *)a->ns->href,
							    (const char *)XML_XML_NAMESPACE) &&
			    !strcmp((const char *)a->name, "lang") && a->children &&
			    a->children->type == XML_TEXT_NODE && a->children->content)
				return cxs_lang_primary((const char *)a->children->content,
							strlen((const char *)a->children->content), out);
	}
	return 0;
}

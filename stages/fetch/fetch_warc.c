/*
 * fetch_warc — WARC (1.0, 1.1) and ARC (version 1 and 2) archives, plain or gzip per
 * record: every HTML response becomes a document; everything else is skipped and
 * counted by type.
 *
 * Records are read one at a time from warc_stream (warc_stream.h), so an archive of
 * any size needs memory for one record: its header (at most HEAD_MAX bytes), its block
 * (at most --max-record-bytes; a larger block is skipped by streaming, after its first
 * PEEK_MAX bytes told what it was) and the decoded body (capped the same way).
 *
 * What a record is:
 * - WARC `response` with an HTTP message: status 2xx and a Content-Type of text/html
 *   or application/xhtml+xml (or none, and the body sniffed as HTML) is a page; other
 *   statuses are counted as non_2xx, other types as non_html (feeds too, for now);
 * - WARC `resource`, and a `response` without an HTTP message: a page when the WARC
 *   Content-Type says HTML (or sniffing does);
 * - `revisit`, `request`, `metadata`, `warcinfo` and any other type: counted;
 * - ARC: the `filedesc` record counts as warcinfo; each other record is an HTTP
 *   response (or a bare payload) as above.
 *
 * A page is counted in once and then emitted or rejected with a reason (a malformed
 * HTTP head, a body that cannot be decoded or is too big, no text). Damage that breaks
 * the framing (a truncated record, a header that is not one, a bad length, corrupt
 * gzip) ends the file: the documents before it are kept and the run is partial, with
 * the file and byte offset in the message.
 */
#include "fetch_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cxs_hash.h"
#include "warc_http.h"
#include "warc_stream.h"

#define HEAD_MAX (64 << 10)   /* a WARC record header, an ARC header line */
#define PEEK_MAX (64 << 10)   /* of a block too big to hold: its HTTP head */

enum skip {
	SK_REVISIT, SK_NON_HTML, SK_NON_2XX, SK_REQUEST, SK_METADATA, SK_WARCINFO, SK_OTHER,
	SK_N
};
static const char *const skip_key[SK_N] = {
	"revisit", "non_html", "non_2xx", "request", "metadata", "warcinfo", "other"
};

/* One archive being read. */
struct warc_rd {
	struct cxs_fetcher *f;
	warc_stream *in;
	const char *uri;
	const char *kind;        /* "warc" or "arc", told from the content */
	int arc_version;         /* 1 or 2 */
	cxs_buf head;            /* the current record's header, fields NUL-terminated */
	cxs_buf block;           /* its block (or the first PEEK_MAX bytes of it) */
	cxs_buf body[2];         /* decoded bodies, one per content coding in turn */
	char loc[64];            /* "offset N" */
	long long docs, skipped[SK_N];
	int damaged;
	/* The current record. */
	long long length;        /* Content-Length (ARC: Archive-length) */
	int whole;               /* the block is all in `block` (not too big) */
	const char *type, *target, *date, *ctype;
	char arc_date[32];
};

static void set_loc(struct warc_rd *r, struct warc_pos p)
{
	if (p.inner)
		snprintf(r->loc, sizeof(r->loc), "offset %lld+%lld", p.member, p.inner);
	else
		snprintf(r->loc, sizeof(r->loc), "offset %lld", p.member);
}

/* Notes damage at the current record; the file is read no further. */
static void damage(struct warc_rd *r, const char *what)
{
	cxs_fetch_partial(r->f, "'%s': %s: %s", r->uri, r->loc, what);
	r->damaged = 1;
}

/* The stream's own message names the file and the byte; `in_record` adds the record
 * it happened in (none between records: the damage is then in the next member). */
static void stream_damage(struct warc_rd *r, const cxs_err *e, int in_record)
{
	if (e->kind == CXS_E_NOMEM)
		cxs_fetch_nomem(r->f);
	else if (in_record)
		cxs_fetch_partial(r->f, "%s, in the record at %s", e->msg, r->loc);
	else
		cxs_fetch_partial(r->f, "%s", e->msg);
	r->damaged = 1;
}

/* Passes over the blank lines between records. Returns 0, or -1 on a stream error. */
static int skip_blank(struct warc_rd *r)
{
	cxs_err e;

	for (;;) {
		int c = warc_stream_peek(r->in, &e);

		if (c == -2) {
			stream_damage(r, &e, 0);
			return -1;
		}
		if (c != '\r' && c != '\n')
			return 0;
		warc_stream_read(r->in, NULL, 1, &e);
	}
}

/* Cuts the last line of `head` (from `start`) at its line end and trims the spaces
 * around it; returns the line. */
static char *cut_line(cxs_buf *head, size_t start)
{
	char *s = head->p + start, *end = head->p + head->len;

	while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*end = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int parse_length(const char *s, long long *out)
{
	long long n = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > (1LL << 50))
			return -1;
		n = n * 10 + (*s - '0');
	}
	*out = n;
	return 0;
}

/* Strips the angle brackets some writers put around WARC-Target-URI (WARC 1.0 drafts). */
static const char *unbracket(char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
		s[n - 1] = '\0';
		return s + 1;
	}
	return s;
}

/* Reads a WARC record header (after the version line, already in `head`) up to its
 * blank line. Returns 0, or -1 when the file is damaged (or memory ran out). */
static int read_warc_header(struct warc_rd *r)
{
	int have_len = 0;
	cxs_err e;

	for (;;) {
		size_t start = r->head.len;
		char *line, *colon, *v;
		int st = warc_stream_line(r->in, &r->head, HEAD_MAX - start, &e);

		if (st < 0) {
			stream_damage(r, &e, 1);
			return -1;
		}
		if (st == 0) {
			damage(r, "truncated record header");
			return -1;
		}
		if (st == 2) {
			damage(r, "record header longer than 65536 bytes");
			return -1;
		}
		line = cut_line(&r->head, start);
		if (!*line)
			break;
		colon = strchr(line, ':');
		if (!colon || line[0] == ' ' || line[0] == '\t')
			continue;   /* a continuation or stray line: no field we need */
		*colon = '\0';
		v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		if (!strcasecmp(line, "WARC-Type"))
			r->type = v;
		else if (!strcasecmp(line, "WARC-Target-URI"))
			r->target = unbracket(v);
		else if (!strcasecmp(line, "WARC-Date"))
			r->date = v;
		else if (!strcasecmp(line, "Content-Type"))
			r->ctype = v;
		else if (!strcasecmp(line, "Content-Length")) {
			if (parse_length(v, &r->length) < 0) {
				char msg[160];
				snprintf(msg, sizeof(msg), "invalid Content-Length '%.60s'", v);
				damage(r, msg);
				return -1;
			}
			have_len = 1;
		}
		/* A NUL inside the buffer ends the fields above; the buffer itself is not
		 * read as one string again. */
	}
	if (!have_len) {
		damage(r, "record has no Content-Length");
		return -1;
	}
	return 0;
}

/* "20080430204825" -> "2008-04-30T20:48:25Z"; anything else is not kept. */
static const char *arc_date(struct warc_rd *r, const char *s)
{
	size_t i;

	for (i = 0; i < 14; i++)
		if (s[i] < '0' || s[i] > '9')
			return NULL;
	snprintf(r->arc_date, sizeof(r->arc_date), "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", s, s + 4,
		 s + 6, s + 8, s + 10, s + 12);
	return r->arc_date;
}

/* Splits an ARC header line (in `head`) from the right: the URL may hold spaces, the
 * other fields do not. Version 1: URL IP date type length; version 2: URL IP date type
 * status checksum location offset filename length. Returns 0, or -1 (damage). */
static int parse_arc_header(struct warc_rd *r, char *line)
{
	int nfields = r->arc_version == 2 ? 10 : 5, k;
	char *field[10], *end = line + strlen(line);

	for (k = nfields - 1; k > 0; k--) {
		char *sp = end;
		while (sp > line && sp[-1] != ' ')
			sp--;
		if (sp == line) {
			damage(r, "malformed ARC record header (too few fields)");
			return -1;
		}
		field[k] = sp;
		end = sp - 1;
		while (end > line && end[-1] == ' ')
			end--;
		*end = '\0';
	}
	field[0] = line;
	r->target = field[0];
	r->date = arc_date(r, field[2]);
	r->ctype = field[3];
	if (parse_length(field[nfields - 1], &r->length) < 0) {
		char msg[160];
		snprintf(msg, sizeof(msg), "invalid Archive-length '%.60s'", field[nfields - 1]);
		damage(r, msg);
		return -1;
	}
	return 0;
}

/* Reads the block of `r->length` bytes: all of it when it fits --max-record-bytes,
 * else its first PEEK_MAX bytes, streaming past the rest. Returns 0, or -1 (damage). */
static int read_block(struct warc_rd *r)
{
	size_t keep;
	long long got, rest;
	cxs_err e;

	r->whole = (unsigned long long)r->length <= r->f->o.max_record;
	keep = r->whole ? (size_t)r->length : PEEK_MAX;
	cxs_buf_reset(&r->block);
	if (cxs_buf_grow(&r->block, keep) < 0) {
		cxs_fetch_nomem(r->f);
		r->damaged = 1;
		return -1;
	}
	got = warc_stream_read(r->in, r->block.p, keep, &e);
	if (got < 0) {
		stream_damage(r, &e, 1);
		return -1;
	}
	r->block.len = (size_t)got;
	r->block.p[got] = '\0';
	rest = r->length - got;
	if ((size_t)got == keep && rest > 0) {
		long long skipped = warc_stream_read(r->in, NULL, (size_t)rest, &e);
		if (skipped < 0) {
			stream_damage(r, &e, 1);
			return -1;
		}
		got += skipped;
	}
	if (got < r->length) {
		char msg[200];
		snprintf(msg, sizeof(msg), "truncated record: its length is %lld bytes but the "
			 "file ends after %lld", r->length, got);
		damage(r, msg);
		return -1;
	}
	/* A record is used only once its gzip member checked out whole. */
	if (warc_stream_end_member(r->in, &e) < 0) {
		stream_damage(r, &e, 1);
		return -1;
	}
	return 0;
}

/* Counts a page in and rejects it. */
static int reject_page(struct warc_rd *r, const char *reason)
{
	char id[CXS_ID_HEX];

	cxs_fetch_count_in(r->f);
	r->docs++;
	cxs_make_id(r->kind, r->uri, r->loc, id);
	return cxs_fetch_reject(r->f, id, r->uri, r->loc, reason, NULL, NULL, 0);
}

static int too_big(struct warc_rd *r, const char *what)
{
	cxs_buf *m = &r->f->msg;

	cxs_buf_reset(m);
	if (cxs_buf_addf(m, "%s larger than the maximum of %zu bytes (--max-record-bytes)", what,
			 r->f->o.max_record) < 0)
		return cxs_fetch_nomem(r->f);
	return reject_page(r, m->p);
}

/* A page: counted in, extracted, emitted or rejected. */
static int page(struct warc_rd *r, const char *data, size_t len, const char *charset)
{
	struct cxs_doc d;

	memset(&d, 0, sizeof(d));
	d.uri = r->uri;
	d.kind = r->kind;
	d.locator = r->loc;
	d.url = r->target && *r->target ? r->target : NULL;
	d.source_date = r->date && *r->date ? r->date : NULL;
	cxs_fetch_count_in(r->f);
	r->docs++;
	return cxs_fetch_html(r->f, &d, data, len, charset && *charset ? charset : NULL);
}

/* Undoes the content codings of `body` (listed in the order applied, so undone from
 * the last). Returns 0 with the decoded body in *out, 1 when the page was rejected,
 * -1 when the run must stop. */
static int decode_body(struct warc_rd *r, const char *codings, size_t clen, const char *body,
		       size_t blen, const char **out, size_t *outlen)
{
	const char *end = codings + clen;
	int which = 0, n = 0;

	*out = body;
	*outlen = blen;
	while (end > codings) {
		const char *c = end, *why = "";
		int rc;

		while (c > codings && c[-1] != ',')
			c--;
		if (++n > 4)
			return reject_page(r, "more than 4 content codings") < 0 ? -1 : 1;
		/* A body declared gzip that is not (the crawler stored it decoded, or the
		 * server lied) is taken as it is. */
		if ((warc_mime_is(c, (size_t)(end - c), "gzip") ||
		     warc_mime_is(c, (size_t)(end - c), "x-gzip")) &&
		    !(*outlen >= 2 && (unsigned char)(*out)[0] == 0x1f && (unsigned char)(*out)[1] == 0x8b))
			rc = WARC_DECODE_OK;
		else {
			rc = warc_decode(c, (size_t)(end - c), *out, *outlen, &r->body[which],
					 r->f->o.max_record, &why);
			if (rc == WARC_DECODE_OK) {
				*out = r->body[which].p ? r->body[which].p : "";
				*outlen = r->body[which].len;
				which ^= 1;
			}
		}
		if (rc == WARC_DECODE_NOMEM)
			return cxs_fetch_nomem(r->f);
		if (rc == WARC_DECODE_TOO_BIG)
			return too_big(r, "inflated body") < 0 ? -1 : 1;
		if (rc == WARC_DECODE_BAD) {
			cxs_buf *m = &r->f->msg;
			const char *s = c;
			size_t sl = (size_t)(end - c);
			while (sl > 0 && *s == ' ')
				s++, sl--;
			cxs_buf_reset(m);
			if (cxs_buf_addf(m, "could not decode the body (Content-Encoding '%.*s'): %s",
					 (int)(sl > 40 ? 40 : sl), s, why) < 0)
				return cxs_fetch_nomem(r->f);
			return reject_page(r, m->p) < 0 ? -1 : 1;
		}
		end = c > codings ? c - 1 : codings;
	}
	return 0;
}

/* A payload with no HTTP message around it (resource records, ARC records of non-HTTP
 * URLs): its type is the record's. */
static int payload(struct warc_rd *r)
{
	const char *ct = r->ctype ? r->ctype : "";
	int html = *ct ? warc_mime_html(ct, strlen(ct))
		       : warc_sniff_html(r->block.p, r->block.len);
	char charset[CXS_CHARSET_MAX];

	if (!html) {
		r->skipped[SK_NON_HTML]++;
		return 0;
	}
	if (!r->whole)
		return too_big(r, "record");
	warc_mime_charset(ct, strlen(ct), charset);
	return page(r, r->block.p, r->block.len, charset);
}

/* An HTTP response in the block. */
static int http_response(struct warc_rd *r)
{
	struct warc_http h;
	const char *why, *body;
	char charset[CXS_CHARSET_MAX];
	size_t blen;
	int rc;

	if (warc_http_parse(r->block.p, r->block.len, &h, &why)) {
		cxs_buf *m = &r->f->msg;
		cxs_buf_reset(m);
		if (cxs_buf_addf(m, "malformed HTTP response: %s", why) < 0)
			return cxs_fetch_nomem(r->f);
		return reject_page(r, m->p);
	}
	if (h.status < 200 || h.status > 299) {
		r->skipped[SK_NON_2XX]++;
		return 0;
	}
	if (h.ctype && h.ctype_len > 0 && !warc_mime_html(h.ctype, h.ctype_len)) {
		r->skipped[SK_NON_HTML]++;
		return 0;
	}
	body = r->block.p + h.head_len;
	blen = r->block.len - h.head_len;
	if (!r->whole) {
		if (!h.ctype && !warc_sniff_html(body, blen)) {
			r->skipped[SK_NON_HTML]++;
			return 0;
		}
		return too_big(r, "record");
	}
	if (h.tenc && warc_header_has(h.tenc, h.tenc_len, "chunked"))
		warc_dechunk(r->block.p + h.head_len, &blen);   /* not chunked after all: as is */
	if (h.cenc && h.cenc_len > 0) {
		rc = decode_body(r, h.cenc, h.cenc_len, body, blen, &body, &blen);
		if (rc)
			return rc < 0 ? -1 : 0;
	}
	if ((!h.ctype || h.ctype_len == 0) && !warc_sniff_html(body, blen)) {
		r->skipped[SK_NON_HTML]++;
		return 0;
	}
	charset[0] = '\0';
	if (h.ctype)
		warc_mime_charset(h.ctype, h.ctype_len, charset);
	return page(r, body, blen, charset);
}

static int is_http(const struct warc_rd *r)
{
	return r->block.len >= 5 && !strncasecmp(r->block.p, "HTTP/", 5);
}

/* What to do with a WARC record whose block was read. */
static int warc_record(struct warc_rd *r)
{
	const char *t = r->type ? r->type : "";

	if (!strcasecmp(t, "response")) {
		if ((r->ctype && !strncasecmp(r->ctype, "application/http", 16)) || is_http(r))
			return http_response(r);
		return payload(r);
	}
	if (!strcasecmp(t, "resource"))
		return payload(r);
	if (!strcasecmp(t, "revisit"))
		r->skipped[SK_REVISIT]++;
	else if (!strcasecmp(t, "request"))
		r->skipped[SK_REQUEST]++;
	else if (!strcasecmp(t, "metadata"))
		r->skipped[SK_METADATA]++;
	else if (!strcasecmp(t, "warcinfo"))
		r->skipped[SK_WARCINFO]++;
	else
		r->skipped[SK_OTHER]++;
	return 0;
}

/* Reads the next record. Returns 1 after a record, 0 at the end of the file or after
 * damage (r->damaged), -1 when the run must stop. */
static int next_record(struct warc_rd *r)
{
	char *first;
	int st, arc_filedesc = 0;
	cxs_err e;

	if (skip_blank(r) < 0)
		return r->f->failed ? -1 : 0;
	set_loc(r, warc_stream_pos(r->in));
	cxs_buf_reset(&r->head);
	r->type = r->target = r->date = r->ctype = NULL;
	r->length = 0;
	st = warc_stream_line(r->in, &r->head, HEAD_MAX, &e);
	if (st < 0) {
		stream_damage(r, &e, 1);
		return r->f->failed ? -1 : 0;
	}
	if (st == 0)
		return 0;
	if (st == 2) {
		damage(r, "record header longer than 65536 bytes");
		return 0;
	}
	first = cut_line(&r->head, 0);
	if (!r->kind) {
		if (!strncmp(first, "WARC/", 5))
			r->kind = "warc";
		else if (!strncmp(first, "filedesc://", 11))
			r->kind = "arc";
		else {
			damage(r, "neither a WARC record ('WARC/1.0') nor an ARC file ('filedesc://') "
			       "starts here");
			return 0;
		}
		arc_filedesc = r->kind[0] == 'a';
	}
	if (r->kind[0] == 'w') {
		if (strncmp(first, "WARC/", 5)) {
			damage(r, "not the start of a WARC record (no 'WARC/' version line)");
			return 0;
		}
		if (read_warc_header(r) < 0 || read_block(r) < 0)
			return r->f->failed ? -1 : 0;
		return warc_record(r) < 0 ? -1 : 1;
	}
	if (parse_arc_header(r, first) < 0 || read_block(r) < 0)
		return r->f->failed ? -1 : 0;
	if (arc_filedesc) {
		/* The version block: "1 0 InternetArchive" or "2 0 ...". */
		r->arc_version = r->block.len > 0 && r->block.p[0] == '2' ? 2 : 1;
		r->skipped[SK_WARCINFO]++;
		return 1;
	}
	if (is_http(r))
		return http_response(r) < 0 ? -1 : 1;
	return payload(r) < 0 ? -1 : 1;
}

/* "'a.warc.gz': 12 pages, 3 revisits and 40 non-HTML responses skipped" */
static void say_counts(struct warc_rd *r)
{
	static const char *const what[4][2] = {
		{ "revisit", "revisits" }, { "non-HTML response", "non-HTML responses" },
		{ "non-2xx response", "non-2xx responses" }, { "other record", "other records" }
	};
	long long n[4];
	cxs_buf *m = &r->f->msg;
	int i, k = 0, shown = 0;

	n[0] = r->skipped[SK_REVISIT];
	n[1] = r->skipped[SK_NON_HTML];
	n[2] = r->skipped[SK_NON_2XX];
	n[3] = r->skipped[SK_REQUEST] + r->skipped[SK_METADATA] + r->skipped[SK_WARCINFO] +
	       r->skipped[SK_OTHER];
	for (i = 0; i < 4; i++)
		k += n[i] > 0;
	cxs_buf_reset(m);
	cxs_buf_addf(m, "'%s': %lld page%s", r->uri, r->docs, r->docs == 1 ? "" : "s");
	for (i = 0; i < 4; i++) {
		if (!n[i])
			continue;
		shown++;
		cxs_buf_addf(m, "%s%lld %s", shown == k && k > 1 ? " and " : ", ", n[i],
			     what[i][n[i] != 1]);
	}
	if (k)
		cxs_buf_addstr(m, " skipped");
	if (m->p)
		r->f->o.note(r->f->o.note_ctx, m->p);
}

static void record_input(struct warc_rd *r, const char *path)
{
	char hex[CXS_SHA256_HEX];
	const char *sha = hex;
	long long bytes = warc_stream_rawbytes(r->in);
	json_t *skipped = json_object();
	int i;

	warc_stream_hash(r->in, hex);
	/* After damage the stream saw only part of the file: hash all of it. */
	if (r->damaged && cxs_sha256_file(path, hex, &bytes, NULL) < 0)
		sha = NULL;
	cxs_fetch_input(r->f, r->uri, sha, bytes, r->docs);
	for (i = 0; skipped && i < SK_N; i++)
		json_object_set_new(skipped, skip_key[i], json_integer(r->skipped[i]));
	if (skipped)
		cxs_stage_input_detail(r->f->s, "skipped", skipped);
}

int cxs_fetch_warc(struct cxs_fetcher *f, const char *path, enum cxs_kind kind)
{
	struct warc_rd r;
	cxs_err e = { CXS_E_NONE, "" };
	int rc = 1, i;

	(void)kind;   /* WARC or ARC is told from the first record */
	memset(&r, 0, sizeof(r));
	r.f = f;
	r.uri = cxs_source_uri(path);
	/* Room for the largest header up front: the fields point into it, so it must
	 * never move while a header is read. */
	if (cxs_buf_grow(&r.head, HEAD_MAX + 1) < 0)
		return cxs_fetch_nomem(f);
	r.in = warc_stream_open(path, r.uri, &e);
	if (!r.in) {
		cxs_buf_release(&r.head);
		if (e.kind == CXS_E_NOMEM)
			return cxs_fetch_nomem(f);
		cxs_fetch_partial(f, "%s", e.msg);
		return 0;
	}
	while (rc == 1 && !r.damaged)
		rc = next_record(&r);
	if (rc >= 0) {
		record_input(&r, path);
		if (f->o.note)
			say_counts(&r);
	}
	warc_stream_close(r.in);
	cxs_buf_release(&r.head);
	cxs_buf_release(&r.block);
	for (i = 0; i < 2; i++)
		cxs_buf_release(&r.body[i]);
	return rc < 0 || f->failed ? -1 : 0;
}

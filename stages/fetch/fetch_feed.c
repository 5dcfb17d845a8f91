/*
 * fetch_feed — RSS and Atom feeds, and the choice between a feed and SemEval XML by
 * the root element (see fetch_feed.h and README.md, "Feeds").
 *
 * The file is read as a stream (fetch_xml.h): each item or entry is expanded into a
 * small tree, turned into one document, and freed before the next is read, so a feed
 * of any length takes the memory of its largest item. A feed that is not well-formed
 * keeps the documents of the items before the damage; the error names the line.
 */
#include "fetch_feed.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <nettle/base64.h>

#include "cxs_hash.h"
#include "fetch_semeval.h"
#include "fetch_text.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#define FIELD_MAX (64 << 10)   /* titles, links, ids, names, dates */

enum feed_type { FEED_RSS, FEED_RDF, FEED_ATOM };

/* How a body is written: plain text, HTML as text (escaped or CDATA), or markup inline
 * (Atom xhtml). */
/* BODY_TEXT64 and BODY_HTML64: Atom 0.3's mode="base64", decoded before use. */
enum body_form { BODY_NONE, BODY_TEXT, BODY_HTML, BODY_MARKUP, BODY_TEXT64, BODY_HTML64 };

struct feed {
	struct cxs_fetcher *f;
	cxs_xml *x;
	const char *uri;
	enum feed_type type;
	int atom03;
	char lang[CXS_LANG_MAX];     /* <language> or dc:language of the channel */
	cxs_buf feed_author;         /* an Atom feed's author, for entries without one */
	cxs_buf title, url, id, author, date, body, msg;
	char iso[CXS_FEED_DATE_MAX];
	long long items;
};

/* --- RFC 822 dates ---------------------------------------------------------------- */

static int month_of(const char *s, size_t n)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
					     "jul", "aug", "sep", "oct", "nov", "dec" };
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (!strncasecmp(s, names[i], 3))
			return i + 1;
	return 0;
}

/* Offset in minutes east of UTC of a zone name, or 1 (not a whole hour) when unknown. */
static int zone_of(const char *s, size_t n, int *minutes)
{
	static const struct { const char *name; int off; } zones[] = {
		{ "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
		{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
		{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	};
	size_t i;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (strlen(zones[i].name) == n && !strncasecmp(s, zones[i].name, n)) {
			*minutes = zones[i].off;
			return 1;
		}
	return 0;
}

static int digits(const char **p, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (isdigit((unsigned char)**p) && n < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min && !isdigit((unsigned char)**p);
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

int cxs_feed_date_iso(const char *s, char out[CXS_FEED_DATE_MAX])
{
	const char *p = s, *w;
	int day, mon, year, hh, mm, ss = 0, zone = 0, has_zone = 0;

	skip_space(&p);
	for (w = p; isalpha((unsigned char)*w); w++)
		;
	if (w > p && *w == ',') {       /* the optional day name */
		p = w + 1;
		skip_space(&p);
	}
	if (!digits(&p, 1, 2, &day) || day < 1 || day > 31)
		return 0;
	skip_space(&p);
	for (w = p; isalpha((unsigned char)*w); w++)
		;
	mon = month_of(p, (size_t)(w - p));
	if (!mon)
		return 0;
	p = w;
	skip_space(&p);
	w = p;
	if (!digits(&p, 2, 4, &year) || p - w == 3)
		return 0;
	if (p - w == 2)
		year += year < 50 ? 2000 : 1900;
	skip_space(&p);
	if (!digits(&p, 2, 2, &hh) || *p++ != ':' || !digits(&p, 2, 2, &mm) || hh > 23 || mm > 59)
		return 0;
	if (*p == ':' && (p++, !digits(&p, 2, 2, &ss) || ss > 60))
		return 0;
	skip_space(&p);
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1, hhmm;
		if (!digits(&p, 4, 4, &hhmm) || hhmm % 100 > 59)
			return 0;
		zone = sign * (hhmm / 100 * 60 + hhmm % 100);
		has_zone = 1;
	} else if (isalpha((unsigned char)*p)) {
		for (w = p; isalpha((unsigned char)*w); w++)
			;
		if (!zone_of(p, (size_t)(w - p), &zone))
			return 0;
		p = w;
		has_zone = 1;
	}
	skip_space(&p);
	if (*p)
		return 0;
	{
		/* Every field is in range by now; the casts tell the compiler so. */
		unsigned short y = (unsigned short)year;
		unsigned char mo = (unsigned char)mon, d = (unsigned char)day;
		unsigned char h = (unsigned char)hh, mi = (unsigned char)mm, se = (unsigned char)ss;
		unsigned char zh = (unsigned char)(abs(zone) / 60), zm = (unsigned char)(abs(zone) % 60);
		int n = snprintf(out, CXS_FEED_DATE_MAX, "%04u-%02u-%02uT%02u:%02u:%02u", y, mo, d,
				 h, mi, se);
		if (has_zone && zone == 0)
			snprintf(out + n, CXS_FEED_DATE_MAX - (size_t)n, "Z");
		else if (has_zone)
			snprintf(out + n, CXS_FEED_DATE_MAX - (size_t)n, "%c%02u:%02u",
				 zone < 0 ? '-' : '+', zh, zm);
	}
	return 1;
}

/* --- fields of an item -------------------------------------------------------------- */

/* The text of `n`, collapsed, into `b` (reset first); only when `b` is still empty, so
 * the first of several candidates wins. */
static int take_text(cxs_buf *b, const xmlNode *n)
{
	if (b->len)
		return 0;
	cxs_buf_reset(b);
	return cxs_xml_text_collapsed(n, b, FIELD_MAX);
}

static int take_str(cxs_buf *b, const char *s)
{
	if (b->len || !s)
		return 0;
	cxs_buf_reset(b);
	return cxs_buf_addstr(b, s);
}

static const char *str_or_null(const cxs_buf *b)
{
	return b->len ? b->p : NULL;
}

/* An attribute in namespace `ns`. */
static const char *attr_ns(const xmlNode *n, const char *name, const char *ns)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (a->ns && a->ns->href && !strcmp((const char *)a->ns->href, ns) &&
		    !strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE && !a->children->next)
			return (const char *)a->children->content;
	return NULL;
}

/* Atom links may be relative to an xml:base on the link or any ancestor (RFC 4287
 * §2): the href resolved against each base from the nearest out, until absolute, into
 * `b`. The file's own path is not a base. */
static int take_link(cxs_buf *b, const xmlNode *link, const char *href)
{
	xmlChar *url;
	const xmlNode *n;

	if (b->len || !href)
		return 0;
	url = xmlStrdup((const xmlChar *)href);
	for (n = link; url && n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const char *base = attr_ns(n, "base", (const char *)XML_XML_NAMESPACE);
		xmlChar *abs_url;
		if (strstr((const char *)url, "://"))
			break;
		if (!base)
			continue;
		abs_url = xmlBuildURI(url, (const xmlChar *)base);
		if (abs_url) {
			xmlFree(url);
			url = abs_url;
		}
	}
	if (!url)
		return -1;
	cxs_buf_reset(b);
	if (cxs_buf_addstr(b, (const char *)url) < 0) {
		xmlFree(url);
		return -1;
	}
	xmlFree(url);
	return 0;
}

/* How an Atom <content> or <summary> is written (RFC 4287 §3.1.1, and Atom 0.3's
 * type and mode). */
static enum body_form atom_form(const struct feed *fd, const xmlNode *n)
{
	const char *type = cxs_xml_attr(n, "type"), *mode = cxs_xml_attr(n, "mode");

	if (cxs_xml_attr(n, "src"))
		return BODY_NONE;       /* the content is elsewhere */
	if (fd->atom03) {
		int html = type && (!strcasecmp(type, "text/html") ||
				    !strcasecmp(type, "application/xhtml+xml"));
		if (mode && !strcasecmp(mode, "base64"))
			return html ? BODY_HTML64 : !type || !strncasecmp(type, "text/", 5) ?
			       BODY_TEXT64 : BODY_NONE;  /* images and the like are not text */
		if (mode && !strcasecmp(mode, "escaped"))
			return html ? BODY_HTML : BODY_TEXT;
		return html ? BODY_MARKUP : BODY_TEXT;
	}
	if (!type || !strcasecmp(type, "text") || !strncasecmp(type, "text/plain", 10))
		return BODY_TEXT;
	if (!strcasecmp(type, "html") || !strncasecmp(type, "text/html", 9))
		return BODY_HTML;
	if (!strcasecmp(type, "xhtml") || !strncasecmp(type, "application/xhtml+xml", 21))
		return BODY_MARKUP;
	if (!strncasecmp(type, "text/", 5))
		return BODY_TEXT;
	return BODY_NONE;               /* base64 media */
}

/* The body of an item: its full content when it has some, else its summary. */
struct body {
	const xmlNode *node;
	enum body_form form;
};

/* Non-zero when `n` holds text other than whitespace, or any element (markup). */
static int has_content(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return 1;
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    !cxs_text_blank((const char *)c->content, strlen((const char *)c->content)))
			return 1;
	}
	return 0;
}

static void consider(struct body *b, const xmlNode *n, enum body_form form, int rank,
		     int *best)
{
	if (form == BODY_NONE || rank <= *best || !has_content(n))
		return;
	b->node = n;
	b->form = form;
	*best = rank;
}

/* Fills the fields of one item from its children. Returns 0, or -1 when memory runs
 * out. */
static int item_fields(struct feed *fd, const xmlNode *item, struct body *body)
{
	const xmlNode *c;
	const char *guid_link = NULL;
	int best = 0, rc = 0, date_rank = 0;

	cxs_buf_reset(&fd->title);
	cxs_buf_reset(&fd->url);
	cxs_buf_reset(&fd->id);
	cxs_buf_reset(&fd->author);
	cxs_buf_reset(&fd->date);
	body->node = NULL;
	body->form = BODY_NONE;
	if (fd->type == FEED_RDF)
		rc |= take_str(&fd->id, attr_ns(item, "about", NS_RDF));
	for (c = item->children; c; c = c->next) {
		const char *name = (const char *)c->name;
		int drank = 0;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (cxs_xml_is(c, "title", NULL))
			rc |= take_text(&fd->title, c);
		else if (cxs_xml_is(c, "encoded", NS_CONTENT))
			consider(body, c, BODY_HTML, 4, &best);
		else if (fd->type != FEED_ATOM && cxs_xml_is(c, "description", NULL))
			consider(body, c, BODY_HTML, 2, &best);
		else if (fd->type == FEED_ATOM && cxs_xml_is(c, "content", NULL))
			consider(body, c, atom_form(fd, c), 3, &best);
		else if (fd->type == FEED_ATOM && cxs_xml_is(c, "summary", NULL))
			consider(body, c, atom_form(fd, c), 1, &best);
		else if (fd->type == FEED_ATOM && cxs_xml_is(c, "link", NULL)) {
			const char *rel = cxs_xml_attr(c, "rel");
			if (!rel || !strcmp(rel, "alternate"))
				rc |= take_link(&fd->url, c, cxs_xml_attr(c, "href"));
		} else if (cxs_xml_is(c, "link", NULL))
			rc |= take_text(&fd->url, c);
		else if (cxs_xml_is(c, "guid", NULL)) {
			const char *perma = cxs_xml_attr(c, "isPermaLink");
			rc |= take_text(&fd->id, c);
			if (!perma || strcasecmp(perma, "false"))
				guid_link = "yes";
		} else if (fd->type == FEED_ATOM && cxs_xml_is(c, "id", NULL))
			rc |= take_text(&fd->id, c);
		else if (fd->type == FEED_ATOM && cxs_xml_is(c, "author", NULL)) {
			const xmlNode *a;
			for (a = c->children; a; a = a->next)
				if (cxs_xml_is(a, "name", NULL))
					rc |= take_text(&fd->author, a);
			for (a = c->children; a; a = a->next)
				if (cxs_xml_is(a, "email", NULL))
					rc |= take_text(&fd->author, a);
		} else if (cxs_xml_is(c, "creator", NS_DC) ||
			   (fd->type != FEED_ATOM && cxs_xml_is(c, "author", NULL)))
			rc |= take_text(&fd->author, c);
		/* The first publication, else the last change. */
		else if (!strcmp(name, "published") || !strcmp(name, "issued"))
			drank = 5;
		else if (!strcmp(name, "created"))
			drank = 4;
		else if (!strcmp(name, "pubDate"))
			drank = 3;
		else if (cxs_xml_is(c, "date", NS_DC))
			drank = 2;
		else if (!strcmp(name, "updated") || !strcmp(name, "modified"))
			drank = 1;
		if (drank > date_rank) {
			cxs_buf_reset(&fd->date);
			rc |= take_text(&fd->date, c);
			if (fd->date.len)
				date_rank = drank;
		}
	}
	/* A permalink guid is the item's address when it has no <link>. */
	if (guid_link && !fd->url.len && fd->id.len && (!strncmp(fd->id.p, "http://", 7) ||
							!strncmp(fd->id.p, "https://", 8)))
		rc |= cxs_buf_addstr(&fd->url, fd->id.p);
	if (fd->type == FEED_RDF && !fd->url.len)
		rc |= take_str(&fd->url, attr_ns(item, "about", NS_RDF));
	if (!fd->author.len && fd->feed_author.len)
		rc |= cxs_buf_addstr(&fd->author, fd->feed_author.p);
	return rc ? -1 : 0;
}

/* Decodes base64 in place (white space is skipped, as nettle does). Returns 0, or 1
 * when it is not base64. */
static int unbase64(cxs_buf *b)
{
	struct base64_decode_ctx ctx;
	size_t n = b->len;

	if (!b->p)
		return 0;
	base64_decode_init(&ctx);
	/* the output is never longer than the input, so decoding in place is safe */
	if (!base64_decode_update(&ctx, &n, (uint8_t *)b->p, b->len, b->p) ||
	    !base64_decode_final(&ctx))
		return 1;
	b->len = n;
	b->p[n] = '\0';
	return 0;
}

/* The body's text, HTML or markup into fd->body. Returns 0, 1 when it is longer than
 * --max-record-bytes, 2 when its base64 is broken, -1 when memory runs out. */
static int body_bytes(struct feed *fd, const struct body *b)
{
	size_t max = fd->f->o.max_record;
	int rc;

	cxs_buf_reset(&fd->body);
	if (b->form == BODY_MARKUP)
		rc = cxs_xml_inner_markup(b->node, &fd->body, max + 1);
	else
		rc = cxs_xml_text(b->node, &fd->body, max + 1);
	if (rc < 0)
		return -1;
	if ((b->form == BODY_TEXT64 || b->form == BODY_HTML64) && unbase64(&fd->body))
		return 2;
	return fd->body.len > max;
}

/* Trims a plain-text body and unifies its line ends. */
static void tidy_text(cxs_buf *b)
{
	size_t start = 0;

	if (!b->p)
		return;
	b->len = cxs_text_unify_newlines(b->p, b->len);
	while (b->len > 0 && cxs_space_at(b->p + b->len - 1, 1))
		b->len--;
	while (start < b->len && cxs_space_at(b->p + start, b->len - start))
		start += cxs_space_at(b->p + start, b->len - start);
	memmove(b->p, b->p + start, b->len - start);
	b->len -= start;
	b->p[b->len] = '\0';
}

static int item_doc(struct feed *fd, const xmlNode *item)
{
	struct cxs_fetcher *f = fd->f;
	const char *rule, *charset = cxs_xml_charset(fd->x, &rule);
	char loc[40], lang[CXS_LANG_MAX], id[CXS_ID_HEX];
	struct cxs_doc d;
	struct body body;
	int rc;

	snprintf(loc, sizeof(loc), "%s %lld", fd->type == FEED_ATOM ? "entry" : "item", fd->items);
	if (item_fields(fd, item, &body) < 0)
		return cxs_fetch_nomem(f);
	memset(&d, 0, sizeof(d));
	d.uri = fd->uri;
	d.kind = "feed";
	d.locator = loc;
	d.id = str_or_null(&fd->id);
	d.url = str_or_null(&fd->url);
	d.title = str_or_null(&fd->title);
	d.author = str_or_null(&fd->author);
	if (fd->date.len)
		d.published = cxs_feed_date_iso(fd->date.p, fd->iso) ? fd->iso : fd->date.p;
	if (cxs_xml_lang(body.node ? body.node : item, lang))
		d.lang_hint = lang;
	else if (fd->lang[0])
		d.lang_hint = fd->lang;
	d.charset = charset;
	d.charset_rule = rule;
	if (!d.id)
		cxs_make_id(d.kind, d.uri, d.locator, id);
	if (!body.node)
		return cxs_fetch_reject(f, d.id ? d.id : id, d.uri, loc, fd->type == FEED_ATOM ?
					"entry has no content or summary" :
					"item has no description or content", NULL, NULL, 0);
	rc = body_bytes(fd, &body);
	if (rc < 0)
		return cxs_fetch_nomem(f);
	if (rc == 2)
		return cxs_fetch_reject(f, d.id ? d.id : id, d.uri, loc, "content in mode=\"base64\" "
					"is not valid base64", NULL, NULL, 0);
	if (rc > 0) {
		cxs_buf_reset(&fd->msg);
		cxs_buf_addf(&fd->msg, "%s content longer than the maximum of %zu bytes "
			     "(--max-record-bytes)", fd->type == FEED_ATOM ? "entry" : "item",
			     f->o.max_record);
		return cxs_fetch_reject(f, d.id ? d.id : id, d.uri, loc, fd->msg.p, NULL, NULL, 0);
	}
	if (body.form == BODY_TEXT64 || body.form == BODY_HTML64) {
		/* decoded bytes are in whatever encoding the publisher used: not the feed's */
		d.charset = NULL;
		d.charset_rule = NULL;
	}
	if (body.form == BODY_TEXT || body.form == BODY_TEXT64) {
		tidy_text(&fd->body);
		d.text = fd->body.p ? fd->body.p : "";
		d.text_len = fd->body.len;
		return cxs_fetch_doc(f, &d, "no text in the item");
	}
	/* The bytes are UTF-8 now, whatever the feed was: a <meta charset> inside must not
	 * change that. */
	return cxs_fetch_html(f, &d, fd->body.p ? fd->body.p : "", fd->body.len,
			      body.form == BODY_HTML64 ? NULL : "UTF-8");
}

/* --- the feed ------------------------------------------------------------------------ */

static int is_item(const struct feed *fd, const char *name)
{
	return fd->type == FEED_ATOM ? !strcmp(name, "entry") : !strcmp(name, "item");
}

/* A channel-level element the items need: the language, an Atom feed's author. */
static int channel_field(struct feed *fd, const xmlNode *n)
{
	const xmlNode *a;

	if (cxs_xml_is(n, "language", NULL) && !fd->lang[0]) {
		cxs_buf_reset(&fd->msg);
		if (cxs_xml_text_collapsed(n, &fd->msg, 64) < 0)
			return -1;
		cxs_lang_primary(fd->msg.p ? fd->msg.p : "", fd->msg.len, fd->lang);
	} else if (fd->type == FEED_ATOM && cxs_xml_is(n, "author", NULL)) {
		for (a = n->children; a; a = a->next)
			if (cxs_xml_is(a, "name", NULL) && take_text(&fd->feed_author, a) < 0)
				return -1;
	}
	return 0;
}

/* Reads the items after the root. Returns 0, or -1 when the run must stop; damage
 * makes the run partial. */
static int read_items(struct feed *fd)
{
	struct cxs_fetcher *f = fd->f;
	xmlTextReaderPtr r = cxs_xml_reader(fd->x);
	int rc = xmlTextReaderRead(r);

	while (rc == 1) {
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		xmlNodePtr n;
		int depth = xmlTextReaderDepth(r);

		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || !name ||
		    (!is_item(fd, name) && !(depth <= 2 && (!strcmp(name, "language") ||
							    !strcmp(name, "author"))))) {
			rc = xmlTextReaderRead(r);
			continue;
		}
		if (!is_item(fd, name)) {
			n = xmlTextReaderExpand(r);
			if (!n)
				break;
			if (channel_field(fd, n) < 0)
				return cxs_fetch_nomem(f);
			rc = xmlTextReaderNext(r);
			continue;
		}
		cxs_xml_mark(fd->x);
		n = xmlTextReaderExpand(r);
		if (!n)
			break;
		cxs_xml_unmark(fd->x);
		fd->items++;
		cxs_fetch_count_in(f);
		if (item_doc(fd, n) < 0)
			return -1;
		rc = xmlTextReaderNext(r);
	}
	if (rc == 1 || rc < 0) {
		cxs_xml_unmark(fd->x);
		if (cxs_xml_over(fd->x)) {
			char id[CXS_ID_HEX], loc[40];
			snprintf(loc, sizeof(loc), "%s %lld", fd->type == FEED_ATOM ? "entry" : "item",
				 ++fd->items);
			cxs_make_id("feed", fd->uri, loc, id);
			cxs_fetch_count_in(f);
			cxs_buf_reset(&fd->msg);
			cxs_buf_addf(&fd->msg, "%s longer than the maximum of %zu bytes "
				     "(--max-record-bytes)", fd->type == FEED_ATOM ? "entry" : "item",
				     f->o.max_record);
			if (cxs_fetch_reject(f, id, fd->uri, loc, fd->msg.p, NULL, NULL, 0) < 0)
				return -1;
			cxs_fetch_partial(f, "could not read all of '%s': %s: %s; the rest of the "
					  "file is not read", fd->uri, loc, fd->msg.p);
		} else {
			cxs_fetch_partial(f, "could not read all of '%s': %s", fd->uri,
					  cxs_xml_error(fd->x, &fd->msg));
		}
	} else if (fd->items == 0 && f->o.note) {
		cxs_buf_reset(&fd->msg);
		if (cxs_buf_addf(&fd->msg, "'%s': the feed has no %s", fd->uri,
				 fd->type == FEED_ATOM ? "entries" : "items") == 0)
			f->o.note(f->o.note_ctx, fd->msg.p);
	}
	return 0;
}

static void feed_release(struct feed *fd)
{
	cxs_buf_release(&fd->feed_author);
	cxs_buf_release(&fd->title);
	cxs_buf_release(&fd->url);
	cxs_buf_release(&fd->id);
	cxs_buf_release(&fd->author);
	cxs_buf_release(&fd->date);
	cxs_buf_release(&fd->body);
	cxs_buf_release(&fd->msg);
}

static int read_feed(struct cxs_fetcher *f, cxs_xml *x, const char *uri, const char *root,
		     long long *docs)
{
	xmlTextReaderPtr r = cxs_xml_reader(x);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
	struct feed fd;
	int rc;

	memset(&fd, 0, sizeof(fd));
	fd.f = f;
	fd.x = x;
	fd.uri = uri;
	fd.type = !strcmp(root, "feed") ? FEED_ATOM : !strcmp(root, "RDF") ? FEED_RDF : FEED_RSS;
	fd.atom03 = ns && !strcmp(ns, NS_ATOM03);
	rc = read_items(&fd);
	*docs = fd.items;
	feed_release(&fd);
	return rc;
}

/* --- which reader ---------------------------------------------------------------------- */

static int is_feed_root(const char *name)
{
	return !strcmp(name, "rss") || !strcmp(name, "RDF") || !strcmp(name, "feed");
}

static int is_semeval_root(const char *name)
{
	return !strcmp(name, "sentences") || !strcmp(name, "Reviews");
}

/* Rejects the whole file `uri` (counted in as one document) with `reason`. */
static int reject_file(struct cxs_fetcher *f, const char *kind, const char *uri,
		       const char *reason)
{
	char id[CXS_ID_HEX];

	cxs_make_id(kind, uri, NULL, id);
	cxs_fetch_count_in(f);
	return cxs_fetch_reject(f, id, uri, NULL, reason, NULL, NULL, 0);
}

static int read_file(struct cxs_fetcher *f, const char *path, enum cxs_kind want)
{
	const char *uri = cxs_source_uri(path), *kname = cxs_kind_name(want);
	char hex[CXS_SHA256_HEX];
	cxs_xml *x = cxs_xml_open(path, f->o.max_record);
	long long docs = 0, bytes = 0;
	const char *root;
	cxs_buf msg = CXS_BUF_INIT;
	int rc = 0, st;

	if (!x) {
		if (errno == ENOMEM)
			return cxs_fetch_nomem(f);
		cxs_fetch_partial(f, "could not read '%s': %s", uri, strerror(errno));
		return 0;
	}
	st = cxs_xml_root(x);
	root = st == 1 ? (const char *)xmlTextReaderConstLocalName(cxs_xml_reader(x)) : NULL;
	if (st == 0) {
		docs = 1;
		rc = reject_file(f, kname, uri, "empty file");
	} else if (st < 0) {
		cxs_fetch_partial(f, "could not read '%s': %s", uri, cxs_xml_error(x, &msg));
	} else if (is_feed_root(root) && want != CXS_KIND_SEMEVAL) {
		rc = read_feed(f, x, uri, root, &docs);
	} else if (is_semeval_root(root) && want != CXS_KIND_FEED) {
		rc = cxs_semeval_read(f, x, uri, root, &docs);
	} else {
		docs = 1;
		if (cxs_buf_addf(&msg, "root element <%s> is not %s", root,
				 want == CXS_KIND_FEED ? "a feed's (rss, rdf:RDF, feed)" :
				 want == CXS_KIND_SEMEVAL ? "SemEval ABSA XML's (sentences, Reviews)" :
				 "a feed's (rss, rdf:RDF, feed) nor SemEval ABSA XML's "
				 "(sentences, Reviews)") < 0)
			rc = cxs_fetch_nomem(f);
		else
			rc = reject_file(f, kname, uri, msg.p);
	}
	if (rc == 0 && cxs_xml_replaced(x) > 0 && f->o.note) {
		cxs_buf_reset(&msg);
		if (cxs_buf_addf(&msg, "'%s': %ld characters that XML cannot hold (invalid UTF-8, "
				 "control characters) replaced by U+FFFD", uri,
				 cxs_xml_replaced(x)) == 0)
			f->o.note(f->o.note_ctx, msg.p);
	}
	if (cxs_xml_finish(x, hex, &bytes) < 0)
		cxs_fetch_input(f, uri, NULL, bytes, docs);
	else
		cxs_fetch_input(f, uri, hex, bytes, docs);
	cxs_xml_close(x);
	cxs_buf_release(&msg);
	return rc;
}

int cxs_fetch_feed(struct cxs_fetcher *f, const char *path)
{
	return read_file(f, path, CXS_KIND_FEED);
}

int cxs_fetch_semeval(struct cxs_fetcher *f, const char *path)
{
	return read_file(f, path, CXS_KIND_SEMEVAL);
}

int cxs_fetch_xml(struct cxs_fetcher *f, const char *path)
{
	return read_file(f, path, CXS_KIND_XML);
}

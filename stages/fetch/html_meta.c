/*
 * html_meta — a page's title, author, date, canonical URL and language (html_meta.h).
 */
#include "html_meta.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "fetch_text.h"

/* Where a value came from: lower is better (see html_meta.h for the order). */
enum { NONE = 100 };

struct reader {
	struct cxs_html_meta *m;
	int title_rank, author_rank, date_rank, url_rank, lang_rank, desc_rank;
	cxs_buf tmp;        /* an element's text, a JSON-LD block */
	cxs_buf raw;        /* an element's text before collapsing */
	cxs_buf doc_title;  /* <title> */
	cxs_buf h1;         /* the first <h1> */
	int nh1;
	int nomem;
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int eq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (lower((unsigned char)*a) != lower((unsigned char)*b))
			return 0;
	return *a == *b;
}

static int starts_ci(const char *s, const char *lit)
{
	for (; *lit; s++, lit++)
		if (lower((unsigned char)*s) != lower((unsigned char)*lit))
			return 0;
	return 1;
}

static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (eq_ci((const char *)a->name, name))
			return a->children && a->children->type == XML_TEXT_NODE && a->children->content
				       ? (const char *)a->children->content
				       : "";
	return NULL;
}

/* Appends `s` (`n` bytes) to `b` with every run of whitespace made one space, and
 * leading and trailing whitespace left out; with `paragraphs`, a run holding two line
 * ends or more becomes "\n\n". */
static int add_collapsed(cxs_buf *b, const char *s, size_t n, int paragraphs)
{
	size_t i = 0;
	int pending = 0, lines = 0;

	while (i < n) {
		size_t w = cxs_space_at(s + i, n - i), j;

		if (w) {
			pending = 1;
			lines += s[i] == '\n';
			i += w;
			continue;
		}
		if (pending && b->len > 0) {
			if (paragraphs && lines >= 2 ? cxs_buf_add(b, "\n\n", 2) < 0
						     : cxs_buf_addch(b, ' ') < 0)
				return -1;
		}
		pending = lines = 0;
		for (j = i + 1; j < n && !cxs_space_at(s + j, n - j); j++)
			;
		if (cxs_buf_add(b, s + i, j - i) < 0)
			return -1;
		i = j;
	}
	return cxs_buf_grow(b, 0);
}

/* The text below `n`, whitespace collapsed, into r->tmp. */
static int element_text(struct reader *r, const xmlNode *n)
{
	const xmlNode *c = n->children;

	cxs_buf_reset(&r->raw);
	while (c && c != n) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    (cxs_buf_addstr(&r->raw, (const char *)c->content) < 0 ||
		     cxs_buf_addch(&r->raw, ' ') < 0)) {
			r->nomem = 1;
			return -1;
		}
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c && c != n && !c->next)
			c = c->parent;
		if (c && c != n)
			c = c->next;
	}
	cxs_buf_reset(&r->tmp);
	if (add_collapsed(&r->tmp, r->raw.p ? r->raw.p : "", r->raw.len, 0) < 0) {
		r->nomem = 1;
		return -1;
	}
	return 0;
}

/* Sets `dst` to `s` (collapsed) when `rank` beats `*have`. */
static void offer(struct reader *r, cxs_buf *dst, int *have, int rank, const char *s, size_t n)
{
	if (rank >= *have || !s)
		return;
	cxs_buf_reset(dst);
	if (add_collapsed(dst, s, n, 0) < 0) {
		r->nomem = 1;
		return;
	}
	if (dst->len > 0)
		*have = rank;
}

static int is_date(const char *s)
{
	int i;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9') {
			return 0;
		}
	}
	return 1;
}

static void offer_date(struct reader *r, int rank, const char *s)
{
	if (s && is_date(s))
		offer(r, &r->m->published, &r->date_rank, rank, s, strlen(s));
}

static void offer_url(struct reader *r, int rank, const char *s)
{
	while (s && (*s == ' ' || *s == '\n' || *s == '\t'))
		s++;
	if (s && (starts_ci(s, "http://") || starts_ci(s, "https://")))
		offer(r, &r->m->url, &r->url_rank, rank, s, strlen(s));
}

static void offer_lang(struct reader *r, int rank, const char *s)
{
	char lang[CXS_LANG_MAX];

	if (s && rank < r->lang_rank && cxs_lang_primary(s, strlen(s), lang)) {
		memcpy(r->m->lang, lang, sizeof(lang));
		r->lang_rank = rank;
	}
}

static void offer_author(struct reader *r, int rank, const char *s)
{
	if (!s || starts_ci(s, "http://") || starts_ci(s, "https://"))
		return;
	offer(r, &r->m->author, &r->author_rank, rank, s, strlen(s));
}

/* ---- JSON-LD ---- */

static int article_like(const json_t *type)
{
	size_t i;
	const json_t *t;

	if (json_is_string(type)) {
		const char *s = json_string_value(type);
		return strstr(s, "Article") || strstr(s, "Posting") || strstr(s, "Review") ||
		       strstr(s, "Report");
	}
	json_array_foreach(type, i, t)
		if (article_like(t))
			return 1;
	return 0;
}

/* The names of a JSON-LD author (a string, a Person or Organization, or an array of
 * them), joined with "; ", into r->tmp. */
static void author_names(struct reader *r, const json_t *a, int depth)
{
	size_t i;
	const json_t *v;

	if (depth > 2)
		return;
	if (json_is_object(a))
		a = json_object_get(a, "name");
	if (json_is_string(a) && json_string_length(a) > 0) {
		if (r->tmp.len && cxs_buf_add(&r->tmp, "; ", 2) < 0)
			r->nomem = 1;
		if (add_collapsed(&r->tmp, json_string_value(a), json_string_length(a), 0) < 0)
			r->nomem = 1;
		return;
	}
	json_array_foreach(a, i, v)
		author_names(r, v, depth + 1);
}

static void jsonld_object(struct reader *r, const json_t *o)
{
	int art = article_like(json_object_get(o, "@type"));
	const json_t *v;

	v = json_object_get(o, "headline");
	if (json_is_string(v) && art)
		offer(r, &r->m->title, &r->title_rank, 3, json_string_value(v), json_string_length(v));
	v = json_object_get(o, "datePublished");
	if (json_is_string(v))
		offer_date(r, art ? 2 : 3, json_string_value(v));
	v = json_object_get(o, "author");
	if (v && r->author_rank > (art ? 1 : 2)) {
		cxs_buf_reset(&r->tmp);
		author_names(r, v, 0);
		if (r->tmp.len)
			offer_author(r, art ? 1 : 2, r->tmp.p);
	}
	v = json_object_get(o, "articleBody");
	if (json_is_string(v) && json_string_length(v) > r->m->body.len &&
	    !memchr(json_string_value(v), '<', json_string_length(v))) {
		cxs_buf_reset(&r->m->body);
		if (add_collapsed(&r->m->body, json_string_value(v), json_string_length(v), 1) < 0)
			r->nomem = 1;
	}
}

static void jsonld_walk(struct reader *r, const json_t *j, int depth)
{
	const char *key;
	const json_t *v;
	size_t i;

	if (depth > 8)
		return;
	if (json_is_object(j)) {
		jsonld_object(r, j);
		json_object_foreach((json_t *)(uintptr_t)j, key, v)
			if (json_is_object(v) || json_is_array(v))
				jsonld_walk(r, v, depth + 1);
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			jsonld_walk(r, v, depth + 1);
	}
}

static void jsonld(struct reader *r, const xmlNode *script)
{
	const xmlNode *c;
	json_t *j;

	cxs_buf_reset(&r->tmp);
	for (c = script->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		if (r->tmp.len + strlen((const char *)c->content) > CXS_META_JSONLD_MAX)
			return;
		if (cxs_buf_addstr(&r->tmp, (const char *)c->content) < 0) {
			r->nomem = 1;
			return;
		}
	}
	if (!r->tmp.len)
		return;
	j = json_loadb(r->tmp.p, r->tmp.len, 0, NULL);
	if (j)
		jsonld_walk(r, j, 0);
	json_decref(j);
}

/* ---- elements ---- */

static const char *const date_names[] = {
	"date", "pubdate", "publishdate", "dc.date", "dcterms.date", "dc.date.issued",
	"dcterms.created", "publication_date", "sailthru.date", "parsely-pub-date",
	"article.published", "og:published_time", NULL
};

static void meta_tag(struct reader *r, const xmlNode *n)
{
	const char *content = attr(n, "content");
	const char *key = attr(n, "property");
	const char *const *d;

	if (!content)
		return;
	if (!key || !*key)
		key = attr(n, "name");
	if (!key || !*key)
		key = attr(n, "itemprop");
	if (key) {
		if (eq_ci(key, "og:title"))
			offer(r, &r->m->title, &r->title_rank, 1, content, strlen(content));
		else if (eq_ci(key, "twitter:title"))
			offer(r, &r->m->title, &r->title_rank, 2, content, strlen(content));
		else if (eq_ci(key, "og:description"))
			offer(r, &r->m->description, &r->desc_rank, 1, content, strlen(content));
		else if (eq_ci(key, "twitter:description"))
			offer(r, &r->m->description, &r->desc_rank, 2, content, strlen(content));
		else if (eq_ci(key, "description"))
			offer(r, &r->m->description, &r->desc_rank, 3, content, strlen(content));
		else if (eq_ci(key, "author"))
			offer_author(r, 3, content);
		else if (eq_ci(key, "article:author"))
			offer_author(r, 4, content);
		else if (eq_ci(key, "article:published_time"))
			offer_date(r, 1, content);
		else if (eq_ci(key, "datePublished"))
			offer_date(r, 3, content);
		else if (eq_ci(key, "og:url"))
			offer_url(r, 2, content);
		else if (eq_ci(key, "og:locale"))
			offer_lang(r, 4, content);
		for (d = date_names; *d; d++)
			if (eq_ci(key, *d))
				offer_date(r, 4, content);
	}
	key = attr(n, "http-equiv");
	if (key && eq_ci(key, "content-language"))
		offer_lang(r, 3, content);
}

/* Non-zero when the last part of a class word of `n` is "byline" or "author"
 * ("post-author", "entry-byline"; not "author-avatar"). */
static int byline_class(const xmlNode *n)
{
	const char *v = attr(n, "class");

	while (v && *v) {
		size_t len = 0;

		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		while (v[len] && v[len] != ' ' && v[len] != '\t' && v[len] != '\n')
			len++;
		if ((len >= 6 && !strncmp(v + len - 6, "byline", 6) &&
		     (len == 6 || v[len - 7] == '-' || v[len - 7] == '_')) ||
		    (len >= 6 && !strncmp(v + len - 6, "author", 6) &&
		     (len == 6 || v[len - 7] == '-' || v[len - 7] == '_')))
			return 1;
		v += len;
	}
	return 0;
}

/* Non-zero when `n` or an ancestor has a class or id containing "comment": the byline
 * of a reader comment names the reader, not the author. */
static int in_comments(const xmlNode *n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const char *c = attr(n, "class"), *id = attr(n, "id");

		if ((c && strstr(c, "comment")) || (id && strstr(id, "comment")))
			return 1;
	}
	return 0;
}

/* "By Kim Lee" -> "Kim Lee", in the project's languages and German. */
static const char *strip_by(const char *s)
{
	static const char *const by[] = { "by ", "von ", "por ", "av ", "de ", NULL };
	const char *const *b;

	for (b = by; *b; b++)
		if (starts_ci(s, *b))
			return s + strlen(*b);
	return s;
}

static int inside(const xmlNode *n, const char *name)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (eq_ci((const char *)n->name, name))
			return 1;
	return 0;
}

static void element(struct reader *r, const xmlNode *n, int is_root)
{
	const char *name = (const char *)n->name, *v;

	if (is_root) {
		offer_lang(r, 1, attr(n, "lang"));
		offer_lang(r, 2, attr(n, "xml:lang"));
	}
	if (eq_ci(name, "meta")) {
		meta_tag(r, n);
	} else if (eq_ci(name, "link")) {
		v = attr(n, "rel");
		if (v && eq_ci(v, "canonical"))
			offer_url(r, 1, attr(n, "href"));
	} else if (eq_ci(name, "script")) {
		v = attr(n, "type");
		if (v && eq_ci(v, "application/ld+json"))
			jsonld(r, n);
	} else if (eq_ci(name, "title")) {
		if (!r->doc_title.len && !inside(n, "svg") && element_text(r, n) == 0 &&
		    cxs_buf_addstr(&r->doc_title, r->tmp.p ? r->tmp.p : "") < 0)
			r->nomem = 1;
	} else if (eq_ci(name, "h1")) {
		if (r->nh1++ == 0 && element_text(r, n) == 0 &&
		    cxs_buf_addstr(&r->h1, r->tmp.p ? r->tmp.p : "") < 0)
			r->nomem = 1;
	} else if (eq_ci(name, "time")) {
		offer_date(r, 6, attr(n, "datetime"));
	} else if (eq_ci(name, "a")) {
		v = attr(n, "rel");
		if (v && eq_ci(v, "author") && element_text(r, n) == 0 && r->tmp.len &&
		    r->tmp.len < 100)
			offer_author(r, 5, r->tmp.p);
	}
	v = attr(n, "itemprop");
	if (v && eq_ci(v, "datePublished")) {
		const char *d = attr(n, "datetime");
		offer_date(r, 3, d ? d : attr(n, "content"));
	}
	if (r->author_rank > 6 && byline_class(n) && !in_comments(n) && element_text(r, n) == 0 &&
	    r->tmp.len &&
	    r->tmp.len < 100)
		offer_author(r, 6, strip_by(r->tmp.p));
}

void cxs_html_meta_reset(struct cxs_html_meta *m)
{
	cxs_buf_reset(&m->title);
	cxs_buf_reset(&m->author);
	cxs_buf_reset(&m->published);
	cxs_buf_reset(&m->url);
	cxs_buf_reset(&m->body);
	cxs_buf_reset(&m->description);
	m->lang[0] = '\0';
}

void cxs_html_meta_release(struct cxs_html_meta *m)
{
	cxs_buf_release(&m->title);
	cxs_buf_release(&m->author);
	cxs_buf_release(&m->published);
	cxs_buf_release(&m->url);
	cxs_buf_release(&m->body);
	cxs_buf_release(&m->description);
}

int cxs_html_meta_read(struct cxs_html_meta *m, xmlDoc *doc)
{
	struct reader r;
	xmlNode *n, *root = xmlDocGetRootElement(doc);

	memset(&r, 0, sizeof(r));
	r.m = m;
	r.title_rank = r.author_rank = r.date_rank = r.url_rank = r.lang_rank = r.desc_rank = NONE;
	cxs_html_meta_reset(m);
	for (n = doc->children; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			element(&r, n, n == root);
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && !n->next)
			n = n->parent && n->parent->type != XML_DOCUMENT_NODE &&
					    n->parent->type != XML_HTML_DOCUMENT_NODE
				    ? n->parent
				    : NULL;
		if (n)
			n = n->next;
	}
	/* The <h1> is the headline when it is the only one and the <title> starts with
	 * it ("Post | Site"; an <h1> further on names the site); otherwise the <title>,
	 * else the <h1>. */
	if (r.nh1 == 1 && r.h1.len && r.doc_title.len && !strncmp(r.doc_title.p, r.h1.p, r.h1.len))
		offer(&r, &m->title, &r.title_rank, 4, r.h1.p, r.h1.len);
	if (r.doc_title.len)
		offer(&r, &m->title, &r.title_rank, 5, r.doc_title.p, r.doc_title.len);
	if (r.h1.len)
		offer(&r, &m->title, &r.title_rank, 6, r.h1.p, r.h1.len);
	cxs_buf_release(&r.tmp);
	cxs_buf_release(&r.raw);
	cxs_buf_release(&r.doc_title);
	cxs_buf_release(&r.h1);
	return r.nomem ? -1 : 0;
}

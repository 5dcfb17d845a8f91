#include "html_extract.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "cxs_buf.h"
#include "fetch_charset.h"
#include "fetch_text.h"

/* The parser context interns every element and attribute name it meets, across pages,
 * so a long run over junk markup would grow it without end: past this many names it is
 * replaced by a fresh one. */
#define DICT_RENEW 50000

#define PARSE_OPTS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		    HTML_PARSE_RECOVER | HTML_PARSE_COMPACT)

/* What we know about an element, kept in its `_private` field (libxml2 leaves that to
 * the application), so each question about a subtree is answered once per page. */
enum {
	F_SEEN = 1 << 0,
	F_DROP = 1 << 1,        /* never text: dropped with everything inside */
	F_BLOCK = 1 << 2,       /* a paragraph break before and after */
	F_BR = 1 << 3,
	F_CELL = 1 << 4,        /* a space before and after */
	F_PRE = 1 << 5,
	F_P = 1 << 6,
	F_MAIN = 1 << 7,        /* <main> or role="main" */
	F_KEY = 1 << 8,         /* <main>, <article> or <h1>: a page's own content */
	F_FORM = 1 << 9,
	F_BOILER = 1 << 10,     /* marked as boilerplate by class, id or role */
	F_CMARK = 1 << 11,      /* marked as comments by class or id */
	F_HAS_P = 1 << 12,      /* is or contains a <p> */
	F_MAIN_BELOW = 1 << 13,
	F_KEY_BELOW = 1 << 14,
	F_CMARK_BELOW = 1 << 15,
	F_UNIT_BELOW = 1 << 16, /* a comment-marked element with a <p> is below */
	F_H1 = 1 << 17,
	F_H1_BELOW = 1 << 18,
	F_BYLINE = 1 << 19      /* inside a comment: its author, date or reply link */
};

struct tag {
	const char *name;
	unsigned flags;
};

/* Sorted by name for bsearch. Dropped: what a reader never sees as the page's text. */
static const struct tag tags[] = {
	{ "address", F_BLOCK }, { "applet", F_DROP }, { "article", F_BLOCK | F_KEY },
	{ "aside", F_DROP }, { "audio", F_DROP }, { "blockquote", F_BLOCK },
	{ "body", F_BLOCK }, { "br", F_BR }, { "button", F_DROP }, { "canvas", F_DROP },
	{ "caption", F_BLOCK }, { "center", F_BLOCK }, { "datalist", F_DROP },
	{ "dd", F_BLOCK }, { "details", F_BLOCK }, { "dialog", F_DROP }, { "div", F_BLOCK },
	{ "dl", F_BLOCK }, { "dt", F_BLOCK }, { "embed", F_DROP }, { "fieldset", F_BLOCK },
	{ "figcaption", F_BLOCK }, { "figure", F_BLOCK }, { "footer", F_DROP },
	{ "form", F_DROP | F_FORM }, { "frame", F_DROP }, { "frameset", F_DROP },
	{ "h1", F_BLOCK | F_KEY | F_H1 }, { "h2", F_BLOCK }, { "h3", F_BLOCK }, { "h4", F_BLOCK },
	{ "h5", F_BLOCK }, { "h6", F_BLOCK }, { "head", F_DROP }, { "header", F_DROP },
	{ "hgroup", F_BLOCK }, { "hr", F_BLOCK }, { "html", F_BLOCK }, { "iframe", F_DROP },
	{ "input", F_DROP }, { "legend", F_BLOCK }, { "li", F_BLOCK },
	{ "main", F_BLOCK | F_MAIN | F_KEY }, { "map", F_DROP }, { "math", F_DROP },
	{ "menu", F_DROP }, { "nav", F_DROP }, { "noembed", F_DROP }, { "noframes", F_DROP },
	{ "noscript", F_DROP }, { "object", F_DROP }, { "ol", F_BLOCK },
	{ "optgroup", F_DROP }, { "option", F_DROP }, { "p", F_BLOCK | F_P },
	{ "pre", F_BLOCK | F_PRE }, { "script", F_DROP }, { "section", F_BLOCK },
	{ "select", F_DROP }, { "style", F_DROP }, { "summary", F_BLOCK }, { "svg", F_DROP },
	{ "table", F_BLOCK }, { "tbody", F_BLOCK }, { "td", F_CELL }, { "template", F_DROP },
	{ "textarea", F_DROP }, { "tfoot", F_BLOCK }, { "th", F_CELL }, { "thead", F_BLOCK },
	{ "title", F_DROP }, { "tr", F_BLOCK }, { "ul", F_BLOCK }, { "video", F_DROP },
};

/* Class and id words that mark an element as boilerplate (matched at the start of a
 * word part, see mark_flags). */
static const char *const boiler_words[] = {
	"sidebar", "widget", "cookie", "consent", "gdpr", "share", "social", "related",
	"popular", "breadcrumb", "menu", "nav", "header", "footer", "masthead", "newsletter",
	"subscribe", "pagination", NULL
};

/* Last word parts that mark boilerplate ("entry-meta", not "metal"; "post-date", not
 * "update"): bylines, dates and tag lists around a post. */
static const char *const boiler_parts[] = {
	"meta", "byline", "dateline", "author", "autor", "date", "fecha", "datum", "tag",
	"tags", NULL
};

/* Word starts that mark reader comments, in the project's languages ("comments",
 * "commentlist", "comentarios", "kommentarer", "pinglun"). */
static const char *const comment_words[] = {
	"comment", "comentario", "kommentar", "pinglun", NULL
};

/* Last word parts that, inside a comment, mark who wrote it and when, not what. */
static const char *const byline_parts[] = {
	"who", "user", "username", "name", "time", "avatar", "reply", NULL
};

/* A class word starting with one of these describes the layout ("has-sidebar") or what
 * the content is filed under ("tag-social-media", "category-menus", "author-lisa", as
 * WordPress writes them), not what the element is. */
static const char *const flag_prefixes[] = {
	"has", "with", "no", "without", "category", "cat", "tag", "format", "type", "status",
	"author", "postid", "term", NULL
};

static const char *const boiler_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search", NULL
};

struct cxs_html {
	htmlParserCtxtPtr ctxt;
	cxs_charset *cs;
	cxs_buf src;          /* the page decoded to UTF-8, unless it was UTF-8 already */
	cxs_buf text;
	cxs_buf title;
	cxs_buf comments;     /* every comment, each followed by a NUL */
	size_t *com_start;
	size_t ncom, com_cap;
	cxs_buf scratch;      /* the comment being extracted */
	char lang[CXS_LANG_MAX];
	int nomem;
};

/* ---- libxml2 must not print ---- */

static void silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

#if LIBXML_VERSION >= 21200
static void silent_structured(void *ctx, const xmlError *e)
#else
static void silent_structured(void *ctx, xmlErrorPtr e)
#endif
{
	(void)ctx;
	(void)e;
}

/* ---- element flags ---- */

static unsigned get_flags(const xmlNode *n)
{
	return (unsigned)(uintptr_t)n->_private;
}

static void set_flags(xmlNode *n, unsigned f)
{
	n->_private = (void *)(uintptr_t)f;
}

static int cmp_tag(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag *)elem)->name);
}

static unsigned tag_flags(const char *name)
{
	const struct tag *t = bsearch(name, tags, sizeof(tags) / sizeof(tags[0]), sizeof(tags[0]),
				      cmp_tag);

	return t ? t->flags : 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Non-zero when `s` (`n` bytes) starts with the lowercase `lit`, ignoring ASCII case. */
static int starts_ci(const char *s, size_t n, const char *lit)
{
	size_t i;

	for (i = 0; lit[i]; i++)
		if (i >= n || lower((unsigned char)s[i]) != lit[i])
			return 0;
	return 1;
}

static int is_sep(char c)
{
	return c == '-' || c == '_' || c == ':' || c == '.';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Non-zero when `w[i..n)` is the word `word`, ignoring case. */
static int is_word(const char *w, size_t i, size_t n, const char *word)
{
	return n - i == strlen(word) && starts_ci(w + i, n - i, word);
}

/* The marks of one class word (or an id). It is split into parts ("site", "nav" in
 * "site-nav"; "main", "Nav" in "mainNav"): a part starting with a boilerplate or a
 * comment word marks the element; the last part being a byline word marks it too
 * ("entry-meta", "post-date"; not "meta-box", whose meta describes something else). */
static unsigned word_marks(const char *w, size_t n)
{
	const char *const *p;
	size_t i, first = 0, last = 0;
	unsigned m = 0;

	while (first < n && !is_sep(w[first]))
		first++;
	for (p = flag_prefixes; *p && first < n; p++)
		if (first == strlen(*p) && starts_ci(w, n, *p))
			return 0;
	for (i = 0; i < n; i++) {
		if (i > 0 && !is_sep(w[i - 1]) && !(is_upper(w[i]) && is_lower(w[i - 1])))
			continue;
		if (is_sep(w[i]))
			continue;
		last = i;
		for (p = boiler_words; *p; p++)
			if (starts_ci(w + i, n - i, *p))
				m |= F_BOILER;
		/* "commentary" is an article genre, not reader comments. */
		for (p = comment_words; *p; p++)
			if (starts_ci(w + i, n - i, *p) && !starts_ci(w + i, n - i, "commentary"))
				m |= F_CMARK;
	}
	for (p = boiler_parts; *p; p++)
		if (is_word(w, last, n, *p))
			m |= F_BOILER;
	for (p = byline_parts; *p; p++)
		if (is_word(w, last, n, *p))
			m |= F_BYLINE;
	return m;
}

static int is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The marks of a class list: boilerplate wins over comments ("comments-nav"). */
static unsigned list_marks(const char *v)
{
	unsigned m = 0;

	while (*v) {
		size_t n = 0;

		while (is_ascii_space(*v))
			v++;
		while (v[n] && !is_ascii_space(v[n]))
			n++;
		if (n)
			m |= word_marks(v, n);
		v += n;
	}
	return m & F_BOILER ? F_BOILER : m;
}

static const char *attr_text(const xmlAttr *a)
{
	return a->children && a->children->type == XML_TEXT_NODE && a->children->content
		       ? (const char *)a->children->content
		       : NULL;
}

static unsigned role_flags(const char *v)
{
	const char *const *r;
	size_t n;

	while (is_ascii_space(*v))
		v++;
	for (n = 0; v[n] && !is_ascii_space(v[n]); n++)
		;
	if (n == 4 && starts_ci(v, n, "main"))
		return F_MAIN | F_KEY;
	for (r = boiler_roles; *r; r++)
		if (n == strlen(*r) && starts_ci(v, n, *r))
			return F_BOILER;
	return 0;
}

static unsigned attr_flags(const xmlNode *n)
{
	const xmlAttr *a;
	unsigned f = 0;

	for (a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name, *v = attr_text(a);

		if (!v)
			continue;
		if (!strcmp(name, "class") || !strcmp(name, "id"))
			f |= list_marks(v);
		else if (!strcmp(name, "role"))
			f |= role_flags(v);
	}
	return f & F_BOILER ? f & ~(unsigned)F_CMARK : f;
}

/* The next node after `n` in document order within `top`, descending into elements
 * only when `descend`; NULL at the end. Iterative, so a deeply nested page cannot
 * exhaust the stack. */
static xmlNode *next_node(xmlNode *n, const xmlNode *top, int descend)
{
	if (descend && n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Sets `flag` on the ancestors of `n`, stopping where it is already set (then it is set
 * on every ancestor above, too). */
static void mark_up(xmlNode *n, unsigned flag)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		unsigned f = get_flags(n);
		if (f & flag)
			return;
		set_flags(n, f | flag);
	}
}

static int inside_svg(const xmlNode *n)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (!strcmp((const char *)n->name, "svg"))
			return 1;
	return 0;
}

/* Classifies every element of the page (three passes, each linear). Returns the
 * <title> element, or NULL. */
static xmlNode *classify(xmlDoc *doc)
{
	xmlNode *top = (xmlNode *)doc, *n, *title = NULL;

	for (n = doc->children; n; n = next_node(n, top, 1)) {
		const char *name = (const char *)n->name;
		unsigned f;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		f = F_SEEN | tag_flags(name);
		if (strcmp(name, "html") && strcmp(name, "body"))
			f |= attr_flags(n);
		/* An article is the content; its classes describe it (WordPress puts the
		 * post's tags and categories there), they do not make it a sidebar. */
		if (!strcmp(name, "article"))
			f &= ~(unsigned)F_BOILER;
		set_flags(n, f);
		if (!title && !strcmp(name, "title") && !inside_svg(n))
			title = n;
	}
	for (n = doc->children; n; n = next_node(n, top, 1)) {
		unsigned f = n->type == XML_ELEMENT_NODE ? get_flags(n) : 0;

		if (f & F_P) {
			set_flags(n, f | F_HAS_P);
			mark_up(n, F_HAS_P);
		}
		if (f & F_MAIN)
			mark_up(n, F_MAIN_BELOW);
		if (f & F_KEY)
			mark_up(n, F_KEY_BELOW);
		if (f & F_H1)
			mark_up(n, F_H1_BELOW);
	}
	for (n = doc->children; n; n = next_node(n, top, 1)) {
		unsigned f = n->type == XML_ELEMENT_NODE ? get_flags(n) : 0;

		/* Whatever holds the page's main content is not a sidebar, and what holds
		 * its heading is not a comment section ("content-with-comments"); a form
		 * that wraps a whole page (ASP.NET does) is not a search box. */
		if (f & (F_MAIN | F_MAIN_BELOW))
			f &= ~(unsigned)(F_BOILER | F_CMARK);
		if (f & (F_H1 | F_H1_BELOW))
			f &= ~(unsigned)F_CMARK;
		if ((f & F_FORM) && (f & F_KEY_BELOW))
			f &= ~(unsigned)F_DROP;
		if (n->type == XML_ELEMENT_NODE)
			set_flags(n, f);
		if (f & F_CMARK) {
			mark_up(n, F_CMARK_BELOW);
			if (f & F_HAS_P)
				mark_up(n, F_UNIT_BELOW);
		}
	}
	return title;
}

/* ---- text layout ---- */

/* Builds text from a walk: breaks and spaces are pending until the next visible
 * character, so the result is trimmed and never has two separators in a row. */
struct layout {
	cxs_buf *out;
	int nl;     /* pending line breaks, 0..2 */
	int sp;     /* a pending space */
	int pre;    /* depth of <pre> elements */
	int flat;   /* every break is a space (for the title) */
};

static int flush_pending(struct layout *l)
{
	int rc = 0;

	if (l->out->len > 0) {
		if (l->nl && !l->flat)
			rc = cxs_buf_add(l->out, "\n\n", (size_t)l->nl);
		else if (l->nl || l->sp)
			rc = cxs_buf_addch(l->out, ' ');
	}
	l->nl = l->sp = 0;
	return rc;
}

static void lay_break(struct layout *l, int n)
{
	if (n == 1)
		l->nl = l->nl < 2 ? l->nl + 1 : 2;
	else
		l->nl = 2;
}

static int lay_text(struct layout *l, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t w = cxs_space_at(s + i, len - i), j;

		if (w) {
			if (l->pre && s[i] == '\n')
				lay_break(l, 1);
			else
				l->sp = 1;
			i += w;
			continue;
		}
		for (j = i + 1; j < len && !cxs_space_at(s + j, len - j); j++)
			;
		if (flush_pending(l) < 0 || cxs_buf_add(l->out, s + i, j - i) < 0)
			return -1;
		i = j;
	}
	return 0;
}

static void lay_enter(struct layout *l, unsigned f)
{
	if (f & F_BLOCK)
		lay_break(l, 2);
	if (f & F_BR)
		lay_break(l, 1);
	if (f & F_CELL)
		l->sp = 1;
	if (f & F_PRE)
		l->pre++;
}

static void lay_leave(struct layout *l, unsigned f)
{
	if (f & F_BLOCK)
		lay_break(l, 2);
	if (f & F_CELL)
		l->sp = 1;
	if ((f & F_PRE) && l->pre > 0)
		l->pre--;
}

/* ---- walks ---- */

enum mode {
	MODE_MAIN,     /* the page's text; comment sections go to comments */
	MODE_REGION,   /* a comment section: find its comments, keep no text */
	MODE_UNIT      /* one comment's text */
};

struct walk {
	cxs_html *h;
	struct layout lay;
	enum mode mode;
	xmlNode *root;
	int region_has_p;
};

static void walk(cxs_html *h, xmlNode *root, enum mode mode, cxs_buf *out);

static int is_unit(unsigned f, int region_has_p)
{
	if (!(f & F_CMARK))
		return 0;
	if (region_has_p)
		return (f & F_HAS_P) && !(f & F_UNIT_BELOW);
	return !(f & F_CMARK_BELOW);
}

static void add_comment(cxs_html *h, xmlNode *n)
{
	cxs_buf_reset(&h->scratch);
	walk(h, n, MODE_UNIT, &h->scratch);
	if (h->scratch.len == 0)
		return;
	if (h->ncom == h->com_cap) {
		size_t cap = h->com_cap ? 2 * h->com_cap : 16;
		size_t *p = realloc(h->com_start, cap * sizeof(*p));
		if (!p) {
			h->nomem = 1;
			return;
		}
		h->com_start = p;
		h->com_cap = cap;
	}
	h->com_start[h->ncom] = h->comments.len;
	if (cxs_buf_add(&h->comments, h->scratch.p, h->scratch.len + 1) < 0) {
		h->nomem = 1;
		return;
	}
	h->ncom++;
}

/* A child of a comment that may be one comment of several: an element holding a
 * paragraph without being one, and not dropped. */
static int is_item(const xmlNode *c)
{
	unsigned f;

	if (c->type != XML_ELEMENT_NODE)
		return 0;
	f = get_flags(c);
	return (f & F_HAS_P) && !(f & (F_P | F_DROP | F_BOILER | F_BYLINE));
}

/* Adds the comments of `n`, a comment found by is_unit. A section marked as a whole
 * ("comments") whose entries are not marked one by one holds several comments: when
 * `n`, or the only container inside it, has two or more children with paragraphs
 * (and no paragraph of its own), each child is a comment. */
static void add_unit(cxs_html *h, xmlNode *n)
{
	for (;;) {
		xmlNode *c, *only = NULL;
		size_t items = 0;
		int own_p = 0;

		for (c = n->children; c; c = c->next) {
			if (is_item(c)) {
				items++;
				only = c;
			} else if (c->type == XML_ELEMENT_NODE && (get_flags(c) & F_P) &&
				   !(get_flags(c) & (F_BOILER | F_BYLINE))) {
				own_p = 1;
			}
		}
		if (own_p || items == 0) {
			add_comment(h, n);
			return;
		}
		if (items == 1) {
			n = only;
			continue;
		}
		for (c = n->children; c; c = c->next)
			if (is_item(c))
				add_comment(h, c);
		return;
	}
}

/* Handles entering `n`; returns non-zero to go on into its children (and leave it
 * later). */
static int enter(struct walk *w, xmlNode *n)
{
	unsigned f;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (w->mode != MODE_REGION && n->content &&
		    lay_text(&w->lay, (const char *)n->content, strlen((const char *)n->content)) < 0)
			w->h->nomem = 1;
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	f = get_flags(n);
	if (f & (F_DROP | F_BOILER))
		return 0;
	switch (w->mode) {
	case MODE_MAIN:
		if (f & F_CMARK) {
			walk(w->h, n, MODE_REGION, NULL);
			return 0;
		}
		break;
	case MODE_REGION:
		if (is_unit(f, w->region_has_p)) {
			add_unit(w->h, n);
			return 0;
		}
		return 1;
	case MODE_UNIT:
		/* A comment's marked parts without a paragraph, and its bylines, say who
		 * wrote it and when. */
		if (n != w->root && (((f & F_CMARK) && !(f & F_HAS_P)) || (f & F_BYLINE)))
			return 0;
		break;
	}
	lay_enter(&w->lay, f);
	return 1;
}

static void leave(struct walk *w, xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && w->mode != MODE_REGION)
		lay_leave(&w->lay, get_flags(n));
}

/* Walks the subtree of `root` in document order without recursion. */
static void walk(cxs_html *h, xmlNode *root, enum mode mode, cxs_buf *out)
{
	struct walk w;
	xmlNode *n = root;

	memset(&w, 0, sizeof(w));
	w.h = h;
	w.mode = mode;
	w.root = root;
	w.lay.out = out;
	w.region_has_p = (get_flags(root) & F_HAS_P) != 0;
	for (;;) {
		int in = enter(&w, n);

		if (in && n->children) {
			n = n->children;
			continue;
		}
		if (in)
			leave(&w, n);
		while (n != root && !n->next) {
			n = n->parent;
			leave(&w, n);
		}
		if (n == root)
			return;
		n = n->next;
	}
}

/* ---- the page ---- */

cxs_html *cxs_html_new(cxs_err *err)
{
	cxs_html *h = calloc(1, sizeof(*h));

	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	if (!h) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	h->cs = cxs_charset_new(err);
	if (!h->cs) {
		free(h);
		return NULL;
	}
	h->ctxt = htmlNewParserCtxt();
	if (!h->ctxt) {
		cxs_charset_free(h->cs);
		free(h);
		cxs_err_set(err, CXS_E_NOMEM, "could not create an HTML parser");
		return NULL;
	}
	return h;
}

void cxs_html_free(cxs_html *h)
{
	if (!h)
		return;
	htmlFreeParserCtxt(h->ctxt);
	cxs_charset_free(h->cs);
	cxs_buf_release(&h->src);
	cxs_buf_release(&h->text);
	cxs_buf_release(&h->title);
	cxs_buf_release(&h->comments);
	cxs_buf_release(&h->scratch);
	free(h->com_start);
	free(h);
}

const char *cxs_html_comment(const cxs_html *h, size_t i, size_t *len)
{
	size_t start = h->com_start[i];
	size_t end = i + 1 < h->ncom ? h->com_start[i + 1] - 1 : h->comments.len - 1;

	if (len)
		*len = end - start;
	return h->comments.p + start;
}

static void get_title(cxs_html *h, xmlNode *title)
{
	struct layout l;
	xmlNode *c;

	memset(&l, 0, sizeof(l));
	l.out = &h->title;
	l.flat = 1;
	for (c = title->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    lay_text(&l, (const char *)c->content, strlen((const char *)c->content)) < 0)
			h->nomem = 1;
}

static void get_lang(cxs_html *h, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	const xmlAttr *a;

	if (!root)
		return;
	for (a = root->properties; a; a = a->next) {
		const char *v = attr_text(a);
		if (v && (!strcmp((const char *)a->name, "lang") ||
			  !strcmp((const char *)a->name, "xml:lang"))) {
			cxs_lang_primary(v, strlen(v), h->lang);
			return;
		}
	}
}

static void reset(cxs_html *h)
{
	cxs_buf_reset(&h->src);
	cxs_buf_reset(&h->text);
	cxs_buf_reset(&h->title);
	cxs_buf_reset(&h->comments);
	h->ncom = 0;
	h->lang[0] = '\0';
	h->nomem = 0;
}

/* libxml2's HTML parser stops at this many open elements unless given HTML_PARSE_HUGE,
 * which we do not give: unbounded nesting is a memory and stack risk. */
#define LIBXML_MAX_DEPTH 256

/* Whether the tree comes within a few levels of that limit (the parser stopped there). */
static int depth_exceeded(xmlDocPtr doc)
{
	xmlNodePtr n = xmlDocGetRootElement(doc);
	unsigned depth = 1;

	while (n) {
		if (depth >= LIBXML_MAX_DEPTH - 8)
			return 1;
		if (n->children) {
			n = n->children;
			depth++;
			continue;
		}
		while (n && !n->next) {
			n = n->parent;
			depth--;
			if (n && n->type == XML_DOCUMENT_NODE)
				n = NULL;
		}
		if (n)
			n = n->next;
	}
	return 0;
}

int cxs_html_extract(cxs_html *h, const char *data, size_t len, const char *transport_charset,
		     struct cxs_html_result *res, cxs_err *err)
{
	struct cxs_charset_guess g;
	const char *src;
	size_t src_len;
	long bad;
	xmlDoc *doc;
	xmlNode *n, *title;

	reset(h);
	memset(res, 0, sizeof(*res));
	cxs_charset_sniff_html(h->cs, data, len, transport_charset, &g);
	bad = cxs_charset_decode(h->cs, &g, data, len, &h->src, &src, &src_len, err);
	if (bad < 0)
		return -1;
	if (src_len > INT_MAX)
		return cxs_err_set(err, CXS_E_INPUT, "page of %zu bytes is too large to parse",
				   src_len);
	/* The bytes are UTF-8 now: saying so keeps libxml2 from guessing ISO-8859-1 or
	 * obeying a <meta> that described the bytes before decoding. */
	doc = src_len ? htmlCtxtReadMemory(h->ctxt, src, (int)src_len, NULL, "UTF-8", PARSE_OPTS)
		      : NULL;
	/* libxml2 stops at 256 levels of nesting and keeps only what came before: that
	 * would be a silently shortened document, so the page is rejected instead. */
	if (doc && h->ctxt->errNo == XML_ERR_INTERNAL_ERROR && depth_exceeded(doc)) {
		xmlFreeDoc(doc);
		return cxs_err_set(err, CXS_E_INPUT, "HTML nested deeper than %d levels: the page "
				   "cannot be read whole", LIBXML_MAX_DEPTH);
	}
	if (doc) {
		title = classify(doc);
		if (title)
			get_title(h, title);
		get_lang(h, doc);
		for (n = doc->children; n; n = n->next)
			walk(h, n, MODE_MAIN, &h->text);
		xmlFreeDoc(doc);
	} else if (h->ctxt->errNo == XML_ERR_NO_MEMORY) {
		h->nomem = 1;
	}
	if (h->ctxt->dict && xmlDictSize(h->ctxt->dict) > DICT_RENEW) {
		htmlParserCtxtPtr fresh = htmlNewParserCtxt();
		if (!fresh)
			return cxs_err_set(err, CXS_E_NOMEM, "could not create an HTML parser");
		htmlFreeParserCtxt(h->ctxt);
		h->ctxt = fresh;
	}
	if (h->nomem || cxs_buf_grow(&h->text, 0) < 0 || cxs_buf_grow(&h->title, 0) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory while extracting a page");
	res->text = h->text.p;
	res->text_len = h->text.len;
	res->title = h->title.len ? h->title.p : NULL;
	res->lang = h->lang[0] ? h->lang : NULL;
	res->ncomments = h->ncom;
	res->charset = cxs_charset_used(h->cs);
	res->charset_rule = cxs_charset_rule_name(g.rule);
	res->invalid_bytes = bad;
	return 0;
}

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
#include "html_meta.h"
#include "html_stopdens.h"

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
	F_BYLINE = 1 << 19,     /* inside a comment: its author, date or reply link */
	F_A = 1 << 20,          /* a link, or inside one */
	F_DROPPED = 1 << 21,    /* dropped, or inside a dropped element */
	F_HEADING = 1 << 22,    /* h1-h6 */
	F_GOOD = 1 << 23,       /* class or id says content ("entry-content", "article") */
	F_MARKED_IN = 1 << 24,  /* marked as boilerplate or comments, or inside such */
	F_ROOT = 1 << 25,       /* a part of the main content chosen by scoring */
	F_ROOT_BELOW = 1 << 26, /* holds a part of the main content */
	F_SCORED = 1 << 27,     /* a candidate for the main content (has a score) */
	F_LINKY = 1 << 28,      /* a block whose text is mostly links */
	F_CAPTION = 1 << 29,    /* a figure, a caption or a photo credit */
	F_ITEM = 1u << 30       /* a list item */
};

/* What the scoring knows of one element; `_private` of the element points here. */
struct einfo {
	xmlNode *node;
	unsigned flags;
	int parent;        /* index of the parent element, -1 at the top */
	int block;         /* the nearest block element at or above it, -1 when none */
	unsigned text;     /* weighted characters of text below, outside dropped parts */
	unsigned link;     /* of those, inside links */
	unsigned own;      /* text whose nearest block element is this one */
	unsigned own_link;
	unsigned commas;   /* in `own` */
	struct cxs_stopcount stop; /* words and stopwords in `own` (html_stopdens.h) */
	double score;      /* readability's content score, when F_SCORED */
};

struct tag {
	const char *name;
	unsigned flags;
};

/* Sorted by name for bsearch. Dropped: what a reader never sees as the page's text. */
static const struct tag tags[] = {
	{ "a", F_A }, { "address", F_BLOCK }, { "applet", F_DROP }, { "article", F_BLOCK | F_KEY },
	{ "aside", F_BOILER }, { "audio", F_DROP }, { "blockquote", F_BLOCK },
	{ "body", F_BLOCK }, { "br", F_BR }, { "button", F_DROP }, { "canvas", F_DROP },
	{ "caption", F_BLOCK }, { "center", F_BLOCK }, { "datalist", F_DROP },
	{ "dd", F_BLOCK }, { "details", F_BLOCK }, { "dialog", F_DROP }, { "div", F_BLOCK },
	{ "dl", F_BLOCK }, { "dt", F_BLOCK }, { "embed", F_DROP }, { "fieldset", F_BLOCK },
	{ "figcaption", F_BLOCK | F_CAPTION }, { "figure", F_BLOCK | F_CAPTION }, { "footer", F_BOILER },
	{ "form", F_DROP | F_FORM }, { "frame", F_DROP }, { "frameset", F_DROP },
	{ "h1", F_BLOCK | F_KEY | F_H1 | F_HEADING }, { "h2", F_BLOCK | F_HEADING },
	{ "h3", F_BLOCK | F_HEADING }, { "h4", F_BLOCK | F_HEADING },
	{ "h5", F_BLOCK | F_HEADING }, { "h6", F_BLOCK | F_HEADING }, { "head", F_DROP }, { "header", F_BOILER },
	{ "hgroup", F_BLOCK }, { "hr", F_BLOCK }, { "html", F_BLOCK }, { "iframe", F_DROP },
	{ "input", F_DROP }, { "legend", F_BLOCK }, { "li", F_BLOCK | F_ITEM },
	{ "main", F_BLOCK | F_MAIN | F_KEY }, { "map", F_DROP }, { "math", F_DROP },
	{ "menu", F_DROP }, { "nav", F_BOILER }, { "noembed", F_DROP }, { "noframes", F_DROP },
	{ "noscript", F_DROP }, { "object", F_DROP }, { "ol", F_BLOCK },
	{ "optgroup", F_DROP }, { "option", F_DROP }, { "p", F_BLOCK | F_P },
	{ "pre", F_BLOCK | F_PRE }, { "script", F_DROP }, { "section", F_BLOCK },
	{ "select", F_DROP }, { "style", F_DROP }, { "summary", F_BLOCK }, { "svg", F_DROP },
	{ "table", F_BLOCK }, { "tbody", F_BLOCK }, { "td", F_CELL }, { "template", F_DROP },
	{ "textarea", F_DROP }, { "tfoot", F_BLOCK }, { "th", F_CELL }, { "thead", F_BLOCK },
	{ "title", F_DROP }, { "tr", F_BLOCK | F_ITEM }, { "ul", F_BLOCK }, { "video", F_DROP },
};

/* Class and id words that mark an element as boilerplate (matched at the start of a
 * word part, see mark_flags). */
static const char *const boiler_words[] = {
	"sidebar", "widget", "cookie", "consent", "gdpr", "share", "social", "related",
	"popular", "breadcrumb", "menu", "nav", "header", "footer", "masthead", "newsletter",
	"subscribe", "pagination", "advert", "sponsor", "promo", "disclaimer",
	"paywall", "donat", "login", "signup", "toolbar", "skip", NULL
};

/* Whole word parts that mark boilerplate: advertisements, hidden helpers. */
static const char *const boiler_exact[] = {
	"ad", "ads", NULL
};

/* Word starts that mark a caption or a photo credit: not the post's prose. */
static const char *const caption_words[] = {
	"caption", "credit", "copyright", "bildunterschrift", NULL
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
	"has", "is", "with", "no", "non", "not", "without", "category", "cat", "tag", "format", "type", "status",
	"author", "postid", "term", NULL
};

/* Class and id words (anywhere in the value) that say "the content is here", as
 * readability weighs them. */
static const char *const good_words[] = {
	"article", "content", "entry", "post", "text", "story", "main", "body", "blog",
	"hentry", NULL
};

static const char *const boiler_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search", NULL
};

/* A paragraph of the main text: where it starts, and whether it is a heading. */
struct para {
	size_t start;
	int heading;
	int item;      /* a list item or table row: pros, cons and ratings are short, and
	                  content */
	int links;     /* a block of links was left out right after it */
	unsigned link; /* weighted characters inside links */
};

struct cxs_html {
	htmlParserCtxtPtr ctxt;
	cxs_charset *cs;
	cxs_buf src;          /* the page decoded to UTF-8, unless it was UTF-8 already */
	cxs_buf text;
	cxs_buf comments;     /* every comment, each followed by a NUL */
	size_t *com_start;
	size_t ncom, com_cap;
	cxs_buf scratch;      /* the comment being extracted */
	struct cxs_html_meta meta;
	struct para *para;    /* the paragraphs of `text` */
	size_t npara, para_cap;
	struct einfo *info;   /* one per element of the page, in document order */
	size_t ninfo, info_cap;
	const cxs_stopdens *sd; /* borrowed; NULL: no stopword density */
	int lang;             /* the page's list in `sd`, -1 when it has none */
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

static struct einfo *info_of(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

static unsigned get_flags(const xmlNode *n)
{
	const struct einfo *e = info_of(n);

	return e ? e->flags : 0;
}

static void set_flags(xmlNode *n, unsigned f)
{
	struct einfo *e = info_of(n);

	if (e)
		e->flags = f;
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
		if (i >= n || lower((unsigned char)s[i]) != (unsigned char)lit[i])
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

/* Non-zero when a part of `w` other than the one at `skip` starts with a boilerplate
 * word. */
static int other_boiler(const char *w, size_t n, size_t skip)
{
	const char *const *p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i == skip || (i > 0 && !is_sep(w[i - 1]) && !(is_upper(w[i]) && is_lower(w[i - 1]))) ||
		    is_sep(w[i]))
			continue;
		for (p = boiler_words; *p; p++)
			if (starts_ci(w + i, n - i, *p))
				return 1;
	}
	return 0;
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

	/* The first part ends at a separator or at a lower->upper change ("isPaywall"). */
	while (first < n && !is_sep(w[first]) &&
	       !(first > 0 && is_upper(w[first]) && is_lower(w[first - 1])))
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
		/* Page builders name every block "<builder>-widget-..." (Elementor's
		 * text is in "elementor-widget-text-editor"): a widget is a sidebar's
		 * only when the word starts with it ("widget", "widget_text"). */
		if (i > 0 && starts_ci(w + i, n - i, "widget") && !(m & ~(unsigned)F_BOILER) &&
		    !other_boiler(w, n, i))
			m &= ~(unsigned)F_BOILER;
		for (p = caption_words; *p; p++)
			if (starts_ci(w + i, n - i, *p))
				m |= F_CAPTION;
		for (p = boiler_exact; *p; p++)
			if (starts_ci(w + i, n - i, *p) && (i + strlen(*p) == n || is_sep(w[i + strlen(*p)]) ||
							   is_upper(w[i + strlen(*p)])))
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

/* Non-zero when the inline style `v` hides the element (display: none or visibility:
 * hidden, spaces and case aside). */
static int hides(const char *v)
{
	char squeezed[256];
	size_t i, n = 0;

	for (i = 0; v[i] && n + 1 < sizeof(squeezed); i++)
		if (!is_ascii_space(v[i]))
			squeezed[n++] = (char)lower((unsigned char)v[i]);
	squeezed[n] = '\0';
	return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* Non-zero when `v` contains one of good_words, ignoring ASCII case. */
static int has_good_word(const char *v)
{
	const char *const *p;
	size_t i, n = strlen(v);

	for (i = 0; i < n; i++)
		for (p = good_words; *p; p++)
			if (lower((unsigned char)v[i]) == (*p)[0] && starts_ci(v + i, n - i, *p))
				return 1;
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
		if (!strcmp(name, "class") || !strcmp(name, "id")) {
			unsigned m = list_marks(v);

			/* A heading's class or id does not make it a sidebar: ids are
			 * anchors made from its words ("nav_nur_die_folie"), and a
			 * sidebar's title is inside the sidebar. */
			if (tag_flags((const char *)n->name) & F_HEADING)
				m &= ~(unsigned)F_BOILER;
			f |= m;
			if (has_good_word(v))
				f |= F_GOOD;
		} else if (!strcmp(name, "role")) {
			f |= role_flags(v);
		} else if (!strcmp(name, "itemprop") && starts_ci(v, strlen(v), "articlebody")) {
			f |= F_GOOD;
		} else if (!strcmp(name, "hidden") ||
			   (!strcmp(name, "aria-hidden") && starts_ci(v, strlen(v), "true")) ||
			   (!strcmp(name, "style") && hides(v))) {
			/* Not shown to a reader; a mark rather than a drop, since scripts
			 * show some of it (tabs, "read more"). */
			f |= F_BOILER;
		}
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

/* Gives every element of `doc` its einfo, in document order. Returns -1 when memory
 * runs out. */
static int attach_info(cxs_html *h, xmlDoc *doc)
{
	xmlNode *top = (xmlNode *)doc, *n;
	size_t count = 0;

	for (n = doc->children; n; n = next_node(n, top, 1))
		if (n->type == XML_ELEMENT_NODE)
			count++;
	if (cxs_array_grow(&h->info, &h->info_cap, count ? count : 1, sizeof(*h->info)) < 0)
		return -1;
	h->ninfo = 0;
	for (n = doc->children; n; n = next_node(n, top, 1)) {
		struct einfo *e, *p;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		e = &h->info[h->ninfo++];
		memset(e, 0, sizeof(*e));
		e->node = n;
		p = n->parent ? info_of(n->parent) : NULL;
		e->parent = p ? (int)(p - h->info) : -1;
		n->_private = e;
	}
	return 0;
}

/* A <noscript> holding this much text (bytes other than spaces) in paragraphs is the
 * post itself, for readers without scripts (Blogger's templates write the post in a
 * script and again in a <noscript>); less is an "enable JavaScript" notice or a
 * tracking pixel. */
#define NOSCRIPT_POST 200

/* Non-zero when the <noscript> `ns` holds a post: a <p> and NOSCRIPT_POST bytes of text. */
static int noscript_post(xmlNode *ns)
{
	xmlNode *n;
	size_t text = 0;
	int has_p = 0;

	for (n = ns->children; n; n = next_node(n, ns, 1)) {
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "p"))
			has_p = 1;
		if (n->type == XML_TEXT_NODE && n->content) {
			const unsigned char *c;
			for (c = n->content; *c; c++)
				text += *c > ' ';
		}
		if (has_p && text >= NOSCRIPT_POST)
			return 1;
	}
	return 0;
}

/* Classifies every element of the page (a few passes, each linear). */
static void classify(xmlDoc *doc)
{
	xmlNode *top = (xmlNode *)doc, *n;

	for (n = doc->children; n; n = next_node(n, top, 1)) {
		const char *name = (const char *)n->name;
		unsigned f;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		f = F_SEEN | tag_flags(name);
		if (!strcmp(name, "noscript") && noscript_post(n))
			f = F_SEEN | F_BLOCK;
		if (strcmp(name, "html") && strcmp(name, "body"))
			f |= attr_flags(n);
		/* An article is the content; its classes describe it (WordPress puts the
		 * post's tags and categories there), they do not make it a sidebar. */
		if (!strcmp(name, "article"))
			f &= ~(unsigned)F_BOILER;

		set_flags(n, f);
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
}

/* ---- text statistics and content scores ---- */

/* The weight of `s` for scoring: characters other than spaces, a CJK one counting as
 * two (it carries about as much as a short word). Adds the commas (, ， 、) it holds to
 * *commas. */
static unsigned weigh(const char *s, unsigned *commas)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned w = 0;

	for (; *p; p++) {
		if (*p <= ' ' || (*p & 0xC0) == 0x80)
			continue;
		if (*p == ',') {
			(*commas)++;
		} else if ((p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
			   (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81)) {
			(*commas)++;
		}
		w += *p >= 0xE3 && *p < 0xF0 ? 2 : 1;
	}
	return w;
}

/* Whether a page's words are counted in the stopword lists: not when its language hint
 * names a language without a list (or there are no lists). All lists are counted, as
 * hints are not always right (see page_lang). */
static int counts_stopwords(const cxs_html *h)
{
	return h->sd && !(h->meta.lang[0] && cxs_stopdens_lang(h->sd, h->meta.lang) < 0);
}

/* A page's stopwords are at least this share of its words in its language's list: a
 * page in a language without a list (German, French) has a few chance hits ("in",
 * "die", "de"), and English prose has 40 to 60 % with en.stop. */
#define LANG_MIN 0.15

/* The page's list: its language hint's, when the page bears it out (hints are often
 * wrong: templates say "en" on pages in any language), else the list with the most
 * hits, if it has LANG_MIN of the words; -1 when none fits. */
static int page_lang(const cxs_html *h)
{
	struct cxs_stopcount page;
	size_t i;
	int k, li = cxs_stopdens_lang(h->sd, h->meta.lang[0] ? h->meta.lang : NULL);

	memset(&page, 0, sizeof(page));
	for (i = 0; i < h->ninfo; i++) {
		page.words += h->info[i].stop.words;
		for (k = 0; k < CXS_STOPDENS_NLANG; k++)
			page.stop[k] += h->info[i].stop.stop[k];
	}
	if (li >= 0 && cxs_stopdens_of(&page, li) >= LANG_MIN)
		return li;
	li = cxs_stopdens_best(&page);
	return li >= 0 && cxs_stopdens_of(&page, li) >= LANG_MIN ? li : -1;
}

/* A marked element with at least this much text outside links (weighted characters)
 * and half the page's is a wrapper (see measure); on a page of a few lines, a footer
 * can be half. */
#define WRAPPER_MIN 200

/* Fills the inherited flags, text and link weights of every element: elements come in
 * document order, so a parent is always done before its children, and summing in
 * reverse order adds every subtree up. */
static void measure(cxs_html *h, xmlDoc *doc)
{
	xmlNode *top = (xmlNode *)doc, *n;
	unsigned long page_text = 0;
	size_t i;
	int count_all = counts_stopwords(h);

	for (i = 0; i < h->ninfo; i++) {
		struct einfo *e = &h->info[i];
		unsigned pf = e->parent >= 0 ? h->info[e->parent].flags : 0;

		if ((e->flags & F_DROP) || (pf & F_DROPPED))
			e->flags |= F_DROPPED;
		if (pf & F_A)
			e->flags |= F_A;

		e->block = (e->flags & (F_BLOCK | F_CELL)) ? (int)i
			   : e->parent >= 0 ? h->info[e->parent].block : -1;
	}
	for (n = doc->children; n; n = next_node(n, top, 1)) {
		struct einfo *e;
		unsigned w, commas = 0;

		if ((n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) || !n->content ||
		    !n->parent || !(e = info_of(n->parent)) || (e->flags & F_DROPPED))
			continue;
		w = weigh((const char *)n->content, &commas);
		e->text += w;
		if (e->flags & F_A)
			e->link += w;
		if (e->block >= 0) {
			struct einfo *b = &h->info[e->block];
			b->own += w;
			b->commas += commas;
			if (e->flags & F_A)
				b->own_link += w;
			if (count_all)
				cxs_stopdens_count(h->sd, -1, (const char *)n->content,
						   strlen((const char *)n->content), &b->stop);
		}
	}
	h->lang = count_all ? page_lang(h) : -1;
	for (i = h->ninfo; i-- > 1;) {
		struct einfo *e = &h->info[i];

		if (e->parent >= 0 && !(e->flags & F_DROPPED)) {
			h->info[e->parent].text += e->text;
			h->info[e->parent].link += e->link;
		}
	}
	/* A mark on what holds half the page's prose or more is a wrapper's name ("widget
	 * Blog", "elementor-widget-wrap", "layout-right-sidebar"), not a sidebar. */
	for (i = 0; i < h->ninfo; i++)
		if (h->info[i].parent < 0)
			page_text += h->info[i].text - h->info[i].link;
	for (i = 0; i < h->ninfo; i++) {
		struct einfo *e = &h->info[i];
		unsigned pf = e->parent >= 0 ? h->info[e->parent].flags : 0;
		unsigned long prose = e->text - e->link;
		int wrapper = prose >= WRAPPER_MIN && 2 * prose > page_text;

		if (((e->flags & (F_BOILER | F_CMARK)) && !wrapper) || (pf & F_MARKED_IN))
			e->flags |= F_MARKED_IN;
	}
}

static double link_density(const struct einfo *e)
{
	return e->text ? (double)e->link / e->text : 0.0;
}

/* Prose in the page's language is about a third stopwords (en.stop: 40 to 60 % of
 * English words, es.stop as many of Spanish); menus, tag clouds, lists of names and
 * product codes have next to none. A block of at least DENSITY_WORDS words weighs in
 * scoring by how far its density is from PROSE_MID: PROSE_SLOPE per unit, at least
 * PROSE_FLOOR (a block without a stopword counts 0.3, one of half stopwords 1.3). As
 * jusText does, a block is judged by its density only when it has enough words to
 * have one. */
#define DENSITY_WORDS 10
#define PROSE_MID 0.35
#define PROSE_SLOPE 2.0
#define PROSE_FLOOR 0.2

/* The stopword density of `c`, or -1 when the page has no list (its words say nothing)
 * or `c` fewer than `min_words` words. A quote in English on a Swedish page is prose
 * too: the density is that of the list in which it is highest. */
static double stop_density(const cxs_html *h, const struct cxs_stopcount *c,
			   unsigned min_words)
{
	if (h->lang < 0 || c->words < min_words)
		return -1;
	return cxs_stopdens_of(c, cxs_stopdens_best(c));
}

/* What the score of the block `e` is multiplied by for its stopword density. */
static double prose_weight(const cxs_html *h, const struct einfo *e)
{
	double d = stop_density(h, &e->stop, DENSITY_WORDS), m;

	if (d < 0)
		return 1.0;
	m = 1.0 + PROSE_SLOPE * (d - PROSE_MID);
	return m < PROSE_FLOOR ? PROSE_FLOOR : m;
}

/* A block of text of its own (no blocks inside) with at least WORDLIST_WORDS words and
 * less than WORDLIST_DENSITY of them stopwords is a list of names, places, tags or
 * references, not the post's prose: left out of the main text (list items, table
 * cells, headings and <pre> excepted: pros, specifications, titles and code). */
#define WORDLIST_WORDS 8
#define WORDLIST_DENSITY 0.1

static int wordlist(const cxs_html *h, const struct einfo *e)
{
	double d;

	if (!e || e->own != e->text)
		return 0;
	d = stop_density(h, &e->stop, WORDLIST_WORDS);
	return d >= 0 && d < WORDLIST_DENSITY;
}

/* A paragraph inside a part marked as boilerplate or comments counts this much: the
 * marks are hints, often wrong on real pages ("widget Blog" wraps the posts of every
 * Blogger page, "layout-right-sidebar" the whole page of many themes), so they lower a
 * part's chances instead of ruling it out. */
#define MARKED_WEIGHT 0.2

/* Readability's first score of a candidate: by its tag and by its class words. */
static double initial_score(const struct einfo *e)
{
	const char *name = (const char *)e->node->name;
	double s = 0;

	if (!strcmp(name, "div"))
		s = 5;
	else if (!strcmp(name, "pre") || !strcmp(name, "td") || !strcmp(name, "blockquote"))
		s = 3;
	else if (!strcmp(name, "address") || !strcmp(name, "ol") || !strcmp(name, "ul") ||
		 !strcmp(name, "dl") || !strcmp(name, "dd") || !strcmp(name, "dt") ||
		 !strcmp(name, "li") || !strcmp(name, "form"))
		s = -3;
	else if ((e->flags & F_HEADING) || !strcmp(name, "th"))
		s = -5;
	/* A class word says where the content is only when there is content: a
	 * "textwidget" of one line gets next to nothing. */
	if (e->flags & F_GOOD)
		s += 25 * (e->text < 1000 ? e->text / 1000.0 : 1.0) *
		     (e->flags & F_MARKED_IN ? MARKED_WEIGHT : 1.0);
	if (e->flags & (F_BOILER | F_CMARK))
		s -= 25;
	return s;
}

/* A text block shorter than this (weighted characters) says nothing about where the
 * content is: menus, buttons, captions. */
#define MIN_PARAGRAPH 25

/* A candidate inside the page's <main> that scores this share of the best one outside
 * it is the content: what a page calls its main part is where its post is, and a long
 * text elsewhere is a pop-up, a teaser of another article or a legal notice. */
#define MAIN_SHARE 0.3

static int inside_main(const cxs_html *h, int i)
{
	for (; i >= 0; i = h->info[i].parent)
		if (h->info[i].flags & F_MAIN)
			return 1;
	return 0;
}

/* The best candidate `best`, or the best inside <main> when `best` is neither inside
 * nor around it and the one inside scores MAIN_SHARE of it. */
static int prefer_main(const cxs_html *h, int best)
{
	int i, alt = -1;

	if (h->info[best].flags & F_MAIN_BELOW || inside_main(h, best))
		return best;
	for (i = 0; i < (int)h->ninfo; i++)
		if ((h->info[i].flags & F_SCORED) && (alt < 0 || h->info[i].score > h->info[alt].score) &&
		    inside_main(h, i))
			alt = i;
	return alt >= 0 && h->info[alt].score >= MAIN_SHARE * h->info[best].score ? alt : best;
}

/* Scores the page as readability does: each paragraph (a block with text of its own)
 * gives its parent 1 + commas + length/100 (at most 3), half of that to its grandparent
 * and a third per level to three more levels; a candidate's final score is scaled by
 * its share of text outside links. Returns the index of the best candidate (the first
 * in document order among equals), or -1 when no paragraph is long enough; `*unmarked`
 * says whether one outside marked parts is. */
static int score_page(cxs_html *h, int *unmarked_out)
{
	size_t i;
	int best = -1, unmarked = 0;
	double best_score = 0;

	for (i = 0; i < h->ninfo; i++) {
		struct einfo *e = &h->info[i];
		double s;
		int a, level;

		if ((e->flags & (F_DROPPED | F_HEADING)) || e->own < MIN_PARAGRAPH)
			continue;
		s = 1 + e->commas + (e->own / 100 < 3 ? e->own / 100 : 3);
		s *= 1.0 - (double)e->own_link / e->own;
		if (e->flags & F_MARKED_IN)
			s *= MARKED_WEIGHT;
		else
			unmarked = 1;
		s *= prose_weight(h, e);
		for (a = e->parent, level = 0; a >= 0 && level < 5; a = h->info[a].parent, level++) {
			struct einfo *c = &h->info[a];

			if (!(c->flags & F_SCORED)) {
				c->flags |= F_SCORED;
				c->score = initial_score(c);
			}
			c->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
		}
	}
	for (i = 0; i < h->ninfo; i++) {
		struct einfo *e = &h->info[i];

		if (!(e->flags & F_SCORED))
			continue;
		e->score *= 1.0 - link_density(e);
		if (best < 0 || e->score > best_score) {
			best = (int)i;
			best_score = e->score;
		}
	}
	*unmarked_out = unmarked;
	return best >= 0 ? prefer_main(h, best) : best;
}

/* Readability's second look at the best candidate `best`: when three or more others
 * score near it, their common ancestor holds the content (a post cut into sections);
 * a parent that scores higher than its child on the way up is the better root; and a
 * root that is its parent's only element child might as well be the parent. */
static int widen(cxs_html *h, int best)
{
	int top[5], ntop = 0, i, a, k;
	double last, threshold;

	for (i = 0; i < (int)h->ninfo; i++) {
		const struct einfo *e = &h->info[i];

		if (i == best || !(e->flags & F_SCORED) || e->score < 0.75 * h->info[best].score)
			continue;
		for (k = ntop; k > 0 && h->info[top[k - 1]].score < e->score; k--)
			if (k < 5)
				top[k] = top[k - 1];
		if (k < 5) {
			top[k] = i;
			if (ntop < 5)
				ntop++;
		}
	}
	if (ntop >= 3) {
		for (a = h->info[best].parent; a >= 0; a = h->info[a].parent) {
			int inside = 0;

			/* Parts as far apart as the whole page are rivals, not one post
			 * in sections: a footer's "about us" scores like a short post. */
			if (!strcmp((const char *)h->info[a].node->name, "body"))
				break;
			for (k = 0; k < ntop; k++) {
				int c;
				for (c = top[k]; c >= 0 && c != a; c = h->info[c].parent)
					;
				inside += c == a;
			}
			if (inside >= 3) {
				best = a;
				break;
			}
		}
	}
	last = h->info[best].score;
	threshold = last / 3;
	for (a = h->info[best].parent; a >= 0; a = h->info[a].parent) {
		const struct einfo *e = &h->info[a];

		if (!strcmp((const char *)e->node->name, "body"))
			break;
		if (!(e->flags & F_SCORED))
			continue;
		if (e->score < threshold)
			break;
		if (e->score > last) {
			best = a;
			break;
		}
		last = e->score;
	}
	for (;;) {
		const struct einfo *e = &h->info[best];
		xmlNode *c;
		int n = 0;

		if (e->parent < 0 || !strcmp((const char *)h->info[e->parent].node->name, "body") ||
		    !strcmp((const char *)e->node->name, "body"))
			break;
		for (c = h->info[e->parent].node->children; c; c = c->next)
			n += c->type == XML_ELEMENT_NODE;
		if (n != 1)
			break;
		best = e->parent;
	}
	return best;
}

/* Marks the main content: the best candidate and those of its siblings that score
 * near it or are long paragraphs with few links (readability's sibling rule), so a
 * post split over several containers is taken whole. */
static void choose_roots(cxs_html *h, int best)
{
	struct einfo *b = &h->info[best];
	xmlNode *c, *parent = b->node->parent;
	double threshold = b->score * 0.2 > 10 ? b->score * 0.2 : 10;
	xmlChar *bclass = xmlGetNoNsProp(b->node, (const xmlChar *)"class");

	/* What the page calls its main part holds the post: nothing beside it joins. */
	if (!parent || parent->type != XML_ELEMENT_NODE || !strcmp((const char *)b->node->name, "body") ||
	    (b->flags & F_MAIN)) {
		b->flags |= F_ROOT;
	} else {
		for (c = parent->children; c; c = c->next) {
			struct einfo *e = info_of(c);
			double bonus = 0;

			if (!e || (e->flags & F_DROPPED))
				continue;
			if (c != b->node && bclass && *bclass) {
				xmlChar *cl = xmlGetNoNsProp(c, (const xmlChar *)"class");
				if (cl && !strcmp((const char *)cl, (const char *)bclass))
					bonus = b->score * 0.2;
				xmlFree(cl);
			}
			if (c == b->node || ((e->flags & F_SCORED) && e->score + bonus >= threshold) ||
			    (e->own == e->text && e->text > 80 && link_density(e) < 0.25 &&
			     !(e->flags & F_MARKED_IN)))
				e->flags |= F_ROOT;
		}
	}
	xmlFree(bclass);
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
	int heading; /* depth of h1-h6 elements */
	int item;    /* depth of li and tr elements */
	cxs_html *paras; /* when not NULL, where each paragraph starts is noted there */
};

static void note_paragraph(cxs_html *h, size_t start, int heading, int item)
{
	if (cxs_array_grow(&h->para, &h->para_cap, h->npara + 1, sizeof(*h->para)) < 0) {
		h->nomem = 1;
		return;
	}
	h->para[h->npara].start = start;
	h->para[h->npara].heading = heading;
	h->para[h->npara].item = item;
	h->para[h->npara].links = 0;
	h->para[h->npara].link = 0;
	h->npara++;
}

static int flush_pending(struct layout *l)
{
	int rc = 0, starts = l->out->len == 0;

	if (l->out->len > 0) {
		if (l->nl && !l->flat)
			rc = cxs_buf_add(l->out, "\n\n", (size_t)l->nl);
		else if (l->nl || l->sp)
			rc = cxs_buf_addch(l->out, ' ');
		starts = l->nl == 2 && !l->flat;
	}
	if (starts && l->paras && rc == 0)
		note_paragraph(l->paras, l->out->len, l->heading > 0, l->item > 0);
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
	if (f & F_HEADING)
		l->heading++;
	if (f & F_ITEM)
		l->item++;

}

static void lay_leave(struct layout *l, unsigned f)
{
	if (f & F_BLOCK)
		lay_break(l, 2);
	if (f & F_CELL)
		l->sp = 1;
	if ((f & F_PRE) && l->pre > 0)
		l->pre--;
	if ((f & F_HEADING) && l->heading > 0)
		l->heading--;
	if ((f & F_ITEM) && l->item > 0)
		l->item--;

}

/* ---- walks ---- */

enum mode {
	MODE_MAIN,     /* a part of the main content found by scoring */
	MODE_PAGE,     /* the whole page less what is marked (no content was found) */
	MODE_SCAN,     /* the whole page, for its comment sections; keeps no text */
	MODE_REGION,   /* a comment section: find its comments, keep no text */
	MODE_UNIT      /* one comment's text */
};

/* Modes that write no text. */
#define SILENT(m) ((m) == MODE_SCAN || (m) == MODE_REGION)

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

/* Non-zero when `n` holds at most half the text of `root`. */
static int outweighed(const xmlNode *n, const xmlNode *root)
{
	const struct einfo *e = info_of(n), *r = info_of(root);

	return !e || !r || 2 * (unsigned long)e->text <= r->text;
}

/* Handles entering `n`; returns non-zero to go on into its children (and leave it
 * later). */
static int enter(struct walk *w, xmlNode *n)
{
	unsigned f;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!SILENT(w->mode) && n->content &&
		    lay_text(&w->lay, (const char *)n->content, strlen((const char *)n->content)) < 0)
			w->h->nomem = 1;
		if (w->lay.paras && w->h->npara > 0 && n->content && n->parent &&
		    (get_flags(n->parent) & F_A)) {
			unsigned commas = 0;
			w->h->para[w->h->npara - 1].link += weigh((const char *)n->content, &commas);
		}
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	f = get_flags(n);
	if (f & F_DROP)
		return 0;
	switch (w->mode) {
	case MODE_MAIN:
		if (n == w->root)
			break;
		/* A mark does not take away most of the content it sits in: then it is
		 * the mark that is wrong. */
		if ((f & (F_BOILER | F_CMARK)) && outweighed(n, w->root))
			return 0;
		if ((f & F_LINKY) && w->lay.paras && w->h->npara > 0)
			w->h->para[w->h->npara - 1].links = 1;
		if (f & (F_LINKY | F_CAPTION))
			return 0;
		if (!(f & (F_ITEM | F_HEADING | F_PRE | F_CELL)) && wordlist(w->h, info_of(n)))
			return 0;
		break;
	case MODE_PAGE:
		if (f & (F_BOILER | F_CMARK))
			return 0;
		break;
	case MODE_SCAN:
		if (f & (F_ROOT | F_ROOT_BELOW))
			return 1;
		if (f & F_BOILER)
			return 0;
		if (f & F_CMARK) {
			walk(w->h, n, MODE_REGION, NULL);
			return 0;
		}
		return 1;
	case MODE_REGION:
		if (f & F_BOILER)
			return 0;
		if (is_unit(f, w->region_has_p)) {
			add_unit(w->h, n);
			return 0;
		}
		return 1;
	case MODE_UNIT:
		/* A comment's marked parts without a paragraph, and its bylines, say who
		 * wrote it and when. */
		if (f & F_BOILER)
			return 0;
		if (n != w->root && (((f & F_CMARK) && !(f & F_HAS_P)) || (f & F_BYLINE)))
			return 0;
		break;
	}
	lay_enter(&w->lay, f);
	return 1;
}

static void leave(struct walk *w, xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && !SILENT(w->mode))
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
	w.lay.nl = 2;   /* apart from the text of an earlier walk */
	w.lay.paras = out == &h->text ? h : NULL;
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

void cxs_html_set_stopwords(cxs_html *h, const cxs_stopdens *sd)
{
	h->sd = sd;
}

void cxs_html_free(cxs_html *h)
{
	if (!h)
		return;
	htmlFreeParserCtxt(h->ctxt);
	cxs_charset_free(h->cs);
	cxs_buf_release(&h->src);
	cxs_buf_release(&h->text);
	cxs_buf_release(&h->comments);
	cxs_buf_release(&h->scratch);
	free(h->com_start);
	free(h->info);
	free(h->para);
	cxs_html_meta_release(&h->meta);
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

/* Marks the blocks whose text is mostly links: menus, lists of related posts, tag
 * clouds, "read more" lines. */
static void mark_linky(cxs_html *h)
{
	size_t i;

	for (i = 0; i < h->ninfo; i++) {
		struct einfo *e = &h->info[i];

		if ((e->flags & (F_BLOCK | F_CELL)) && e->text > 0 && 2 * e->link > e->text)
			e->flags |= F_LINKY;
	}
}

/* A JSON-LD articleBody shorter than this is a summary, not the article. */
#define DECLARED_BODY_MIN 500

/* Short lines at the end of a post shorter than this (weighted characters) that do
 * not end as a sentence are its frame. */
#define TRAILING_SHORT 40

/* Lines at the end of a post shorter than this (weighted characters) with a fifth or
 * more of their text in links (jusText's bound) are its frame too: "Follow us on ...",
 * "Posted in News. Bookmark the permalink.", "Join our channel". */
#define TRAILING_LINKED 200

static size_t para_end(const cxs_html *h, size_t i)
{
	return i + 1 < h->npara ? h->para[i + 1].start - 2 : h->text.len;
}

/* Non-zero when the paragraph ends as a sentence does. */
static int ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = { ".", "!", "?", "\"", ")", "\xe3\x80\x82", "\xef\xbc\x81",
					    "\xef\xbc\x9f", "\xe2\x80\x9d", "\xc2\xbb", NULL };
	const char *const *e;

	for (e = ends; *e; e++) {
		size_t k = strlen(*e);
		if (n >= k && !memcmp(s + n - k, *e, k))
			return 1;
	}
	return 0;
}

/* A line that announces a list ("Read more:", "Lesen Sie auch", a heading) is shorter
 * than this (weighted characters). */
#define ANNOUNCE_MAX 50

/* Non-zero when the paragraph `s` (`n` bytes), followed by a block of links that was
 * left out, announced that block: a heading, or a short line ending in a colon ("Mehr
 * zum Thema:", "Lesen Sie auch die folgenden Beiträge:"). */
static int announces(char *s, size_t n, int heading)
{
	unsigned commas = 0, w;
	char save = s[n];

	s[n] = '\0';
	w = weigh(s, &commas);
	s[n] = save;
	if (w >= ANNOUNCE_MAX)
		return 0;
	return heading || (n > 0 && (s[n - 1] == ':' || !memcmp(s + n - (n >= 3 ? 3 : n), "\xef\xbc\x9a", n >= 3 ? 3 : n)));
}

/* A paragraph shorter than this (bytes) that credits a picture ("Photo: ...",
 * "Bild: dpa", "| © PGA", "Getty Images") is a caption the page did not mark. */
#define CREDIT_MAX 150

/* Words that, followed by a colon, credit a picture (ASCII case ignored; a plural
 * "s" may follow). */
static const char *const credit_words[] = {
	"photo", "foto", "bild", "bilder", "image", "picture", "fotograf\xc3\xad" "a",
	"cr\xc3\xa9" "dit", "credit", NULL
};

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Non-zero when the paragraph `s` (`n` bytes) credits a picture. */
static int credit_line(const char *s, size_t n)
{
	const char *const *w;
	size_t i;

	if (n >= CREDIT_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		if (starts_ci(s + i, n - i, "\xc2\xa9") || starts_ci(s + i, n - i, "getty images") ||
		    starts_ci(s + i, n - i, "(c) "))
			return 1;
		if (i > 0 && is_word_byte((unsigned char)s[i - 1]))
			continue;
		for (w = credit_words; *w; w++) {
			size_t j = i + strlen(*w);

			if (!starts_ci(s + i, n - i, *w))
				continue;
			if (j < n && (s[j] == 's' || s[j] == 'S'))
				j++;
			while (j < n && s[j] == ' ')
				j++;
			if (j < n && s[j] == ':')
				return 1;
		}
	}
	return 0;
}

/* Headings of a comment section, in the project's languages and those of the web
 * pages it reads most (matched whole, ignoring ASCII case, with a count before or
 * after: "3 Comments", "Kommentare (2)"). */
static const char *const comment_headings[] = {
	"comments", "comment", "kommentare", "kommentar", "kommentarer", "comentarios",
	"commentaires", "reacties", "leave a reply", "leave a comment", "\xe8\xaf\x84\xe8\xae\xba",
	"\xe7\x95\x99\xe8\xa8\x80", NULL
};

/* Non-zero when the heading `s` (`n` bytes) names a comment section. */
static int comments_heading(const char *s, size_t n)
{
	const char *const *c;
	size_t i = 0;

	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' '))
		i++;
	for (c = comment_headings; *c; c++) {
		size_t k = strlen(*c), j = i + k;

		if (!starts_ci(s + i, n - i, *c))
			continue;
		while (j < n && (s[j] == ' ' || s[j] == ':' || s[j] == '(' || s[j] == ')' ||
				 (s[j] >= '0' && s[j] <= '9')))
			j++;
		if (j == n)
			return 1;
	}
	return 0;
}

/* A line this many words long or longer whose stopwords are PROSE_DENSITY of them
 * is a sentence, even short and without a full stop ("I would go back any day"). */
#define PROSE_WORDS 4
#define PROSE_DENSITY 0.3

/* Non-zero when the text from `st` to `en` reads as a sentence by its stopwords. */
static int reads_as_prose(const cxs_html *h, size_t st, size_t en)
{
	struct cxs_stopcount c;

	if (h->lang < 0)
		return 0;
	memset(&c, 0, sizeof(c));
	cxs_stopdens_count(h->sd, -1, h->text.p + st, en - st, &c);
	return stop_density(h, &c, PROSE_WORDS) >= PROSE_DENSITY;
}

/* What is left of a post's frame after scoring, as jusText would judge it by context:
 * a heading with no text under it (the title of a list of links that was dropped,
 * "Related posts", "Share this") and, at the end, short lines that are not sentences
 * ("Contact:", "Tags", a photo credit) nor list items. */
static void tidy(cxs_html *h)
{
	size_t i, out = 0, keep_end;
	unsigned commas, w;

	if (h->npara == 0)
		return;
	keep_end = h->npara;
	/* Reader comments under a post's own "Comments" heading, with no comment
	 * marks to find them by: the post ends at the heading. */
	for (i = h->npara / 2; i < h->npara; i++)
		if (i > 0 && h->para[i].heading &&
		    comments_heading(h->text.p + h->para[i].start, para_end(h, i) - h->para[i].start)) {
			keep_end = i;
			break;
		}
	while (keep_end > 1) {
		size_t st = h->para[keep_end - 1].start, en = para_end(h, keep_end - 1);
		char save = h->text.p[en];

		h->text.p[en] = '\0';
		commas = 0;
		w = weigh(h->text.p + st, &commas);
		if (h->para[keep_end - 1].item ||
		    (!(5 * h->para[keep_end - 1].link > w && w < TRAILING_LINKED) &&
		     (w >= TRAILING_SHORT || reads_as_prose(h, st, en) ||
		     ends_sentence(h->text.p + st, en - st)))) {
			h->text.p[en] = save;
			break;
		}
		h->text.p[en] = save;
		keep_end--;
	}
	for (i = 0; i < keep_end; i++) {
		size_t st = h->para[i].start, en = para_end(h, i);

		if (h->para[i].heading && (i + 1 == keep_end || h->para[i + 1].heading))
			continue;
		if (h->para[i].links && announces(h->text.p + st, en - st, h->para[i].heading))
			continue;
		if (credit_line(h->text.p + st, en - st))
			continue;
		if (out > 0) {
			memmove(h->text.p + out, "\n\n", 2);
			out += 2;
		}
		memmove(h->text.p + out, h->text.p + st, en - st);
		out += en - st;
	}
	h->text.len = out;
	h->text.p[out] = '\0';
	h->npara = 0;
}

/* Walks the page for its main text and its comments. The content is what scoring
 * chose; a page without a paragraph long enough to score (a note, a stub) is read
 * whole less what its marks say is not content. */
/* The page's description shorter than this (bytes) says too little to find its lede. */
#define LEDE_MIN 40
/* Its first this many bytes are compared. */
#define LEDE_KEY 60

/* Non-zero when the text of `e` (whitespace collapsed, dropped parts left out) starts
 * with `key` (`klen` bytes, whitespace collapsed). */
static int text_starts_with(xmlNode *e, const char *key, size_t klen)
{
	xmlNode *n;
	size_t k = 0;
	int space = 0;

	for (n = e->children; n && k < klen; n = next_node(n, e, !(get_flags(n) & F_DROPPED))) {
		const char *c;

		if (n->type != XML_TEXT_NODE || !n->content)
			continue;
		for (c = (const char *)n->content; *c && k < klen;) {
			size_t w = cxs_space_at(c, strlen(c));

			if (w) {
				space = k > 0;
				c += w;
				continue;
			}
			if (space) {
				if (key[k] != ' ')
					return 0;
				k++;
				space = 0;
				if (k == klen)
					break;
			}
			if (*c != key[k])
				return 0;
			c++;
			k++;
		}
	}
	return k == klen;
}

/* Text between a lede and the body longer than this (weighted characters outside
 * links) means the two are apart: the lede may be a teaser elsewhere on the page. */
#define LEDE_GAP 100

/* Non-zero when the elements after element `i` (and outside it) and before element
 * `first` hold little text outside links, marked parts and captions: a headline, a
 * date, an image. */
static int little_between(const cxs_html *h, size_t i, size_t first)
{
	size_t j;
	unsigned long gap = 0;

	for (j = i + 1; j < first; j++) {
		const struct einfo *e = &h->info[j];
		int a;

		for (a = e->parent; a >= 0 && (size_t)a != i; a = h->info[a].parent)
			;
		if (a >= 0 || (e->flags & (F_DROPPED | F_MARKED_IN | F_CAPTION)))
			continue;
		gap += e->own - e->own_link;
		if (gap > LEDE_GAP)
			return 0;
	}
	return 1;
}

static int take_lede(cxs_html *h, size_t i, size_t first)
{
	struct einfo *e = &h->info[i];
	int a;

	for (a = e->parent; a >= 0 && !(h->info[a].flags & F_ROOT_BELOW); a = h->info[a].parent)
		;
	if (a < 0 || (!strcmp((const char *)h->info[a].node->name, "body") && !little_between(h, i, first)))
		return 0;
	/* A lede set as a heading (<h2 class="excerpt">) is prose all the same: tidy
	 * must not take it for a heading with nothing under it. */
	e->flags = (e->flags | F_ROOT) & ~(unsigned)F_HEADING;
	return 1;
}

/* The lede by the page's description (see above). Returns non-zero when an element
 * starting with it was found, taken or not. */
static int lede_by_description(cxs_html *h, size_t first)
{
	const cxs_buf *d = &h->meta.description;
	size_t i, klen;
	unsigned dw, commas = 0;

	if (d->len < LEDE_MIN)
		return 0;
	klen = d->len < LEDE_KEY ? d->len : LEDE_KEY;
	while (klen < d->len && (d->p[klen] & 0xC0) == 0x80)
		klen--;
	dw = weigh(d->p, &commas);
	for (i = 0; i < first; i++) {
		const struct einfo *e = &h->info[i];

		if (!(e->flags & (F_BLOCK | F_CELL)) || (e->flags & (F_DROPPED | F_ROOT_BELOW | F_LINKY)) ||
		    2 * e->text < dw || e->text > 2 * dw + 40 || !text_starts_with(e->node, d->p, klen))
			continue;
		take_lede(h, i, first);
		return 1;
	}
	return 0;
}

/* Class and id words (at the start of a word part) of a lede, an abstract or a
 * standfirst. */
static const char *const lede_words[] = {
	"lead", "lede", "intro", "teaser", "abstract", "excerpt", "summary", "standfirst", NULL
};

/* A lede has at least this much text (weighted characters), and at most ten times it. */
#define LEDE_TEXT 60

static int has_lede_word(const xmlNode *n)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next) {
		const char *v = attr_text(a), *const *p;
		size_t i, len;

		if (!v || (strcmp((const char *)a->name, "class") && strcmp((const char *)a->name, "id")))
			continue;
		len = strlen(v);
		for (i = 0; i < len; i++) {
			if (i > 0 && !is_sep(v[i - 1]) && !is_ascii_space(v[i - 1]) &&
			    !(is_upper(v[i]) && is_lower(v[i - 1])))
				continue;
			for (p = lede_words; *p; p++)
				if (starts_ci(v + i, len - i, *p))
					return 1;
		}
	}
	return 0;
}

/* Non-zero when element `i` holds a figure or a caption: a "lead" image, whose text
 * is its caption. */
static int holds_caption(const cxs_html *h, size_t i)
{
	size_t j;

	for (j = i + 1; j < h->ninfo; j++) {
		int a;

		for (a = h->info[j].parent; a >= 0 && (size_t)a > i; a = h->info[a].parent)
			;
		if (a < 0 || (size_t)a != i)
			return 0;
		if (h->info[j].flags & F_CAPTION)
			return 1;
	}
	return 0;
}

/* Non-zero when another element of the page has the class of element `i`: the
 * teasers of a list of articles are alike, a page's lede is one of a kind. */
static int class_repeated(const cxs_html *h, size_t i)
{
	xmlChar *c = xmlGetNoNsProp(h->info[i].node, (const xmlChar *)"class");
	size_t j;
	int found = 0;

	for (j = 0; c && *c && j < h->ninfo && !found; j++) {
		xmlChar *o;

		if (j == i || strcmp((const char *)h->info[j].node->name, (const char *)h->info[i].node->name))
			continue;
		o = xmlGetNoNsProp(h->info[j].node, (const xmlChar *)"class");
		found = o && !strcmp((const char *)o, (const char *)c);
		xmlFree(o);
	}
	xmlFree(c);
	return found;
}

/* The lede by its class ("teaser-text", "article__abstract", "lead"): the nearest
 * such element before the first part of the main content, with little text between
 * them, of prose rather than links. */
static void lede_by_class(cxs_html *h, size_t first)
{
	size_t i;

	for (i = first; i-- > 0;) {
		const struct einfo *e = &h->info[i];

		if (!(e->flags & F_BLOCK) || (e->flags & (F_DROPPED | F_ROOT_BELOW | F_LINKY)) ||
		    e->text < LEDE_TEXT || e->text > 10 * LEDE_TEXT || 4 * e->link > e->text ||
		    !has_lede_word(e->node) || holds_caption(h, i))
			continue;
		if (class_repeated(h, i))
			return;
		if (little_between(h, i, first))
			take_lede(h, i, first);
		return;
	}
}

/* A news page shows its lede (the paragraph under the headline) in a container of
 * its own before the body: it is taken as part of the main content too when it
 * starts with the page's description (og:description, which repeats it) and is not
 * much longer, or else when its class says it is one; and when it sits in the same
 * article (their common ancestor is not <body>, or little text is between them). */
static void add_lede(cxs_html *h)
{
	size_t first;

	for (first = 0; first < h->ninfo && !(h->info[first].flags & F_ROOT); first++)
		;
	if (!lede_by_description(h, first))
		lede_by_class(h, first);
}


/* Reads the main content around the best candidate `best` into h->text. */
static void take_best(cxs_html *h, int best)
{
	size_t i;


	best = widen(h, best);
	choose_roots(h, best);
	for (i = 0; i < h->ninfo; i++)
		if (h->info[i].flags & F_ROOT)
			mark_up(h->info[i].node, F_ROOT_BELOW);
	add_lede(h);
	for (i = 0; i < h->ninfo; i++)
		if (h->info[i].flags & F_ROOT)
			walk(h, h->info[i].node, MODE_MAIN, &h->text);
	tidy(h);
}

static void main_text(cxs_html *h, xmlDoc *doc)
{
	xmlNode *n;
	int best, unmarked = 0;

	measure(h, doc);
	mark_linky(h);
	best = score_page(h, &unmarked);
	/* Paragraphs found only where marks say there are none (a footer line on a page
	 * of menus) are no content. */
	if (best >= 0 && unmarked)
		take_best(h, best);
	if (h->text.len == 0)
		for (n = doc->children; n; n = n->next)
			walk(h, n, MODE_PAGE, &h->text);
	for (n = doc->children; n; n = n->next)
		walk(h, n, MODE_SCAN, NULL);
}

/* A news page that declares its article's text in JSON-LD (articleBody) and shows
 * much less of it (the rest loads by script) is better read from the declaration. */
static void use_declared_body(cxs_html *h)
{
	const cxs_buf *b = &h->meta.body;

	if (b->len < DECLARED_BODY_MIN || b->len <= 2 * h->text.len)
		return;
	cxs_buf_reset(&h->text);
	if (cxs_buf_add(&h->text, b->p, b->len) < 0)
		h->nomem = 1;
}

static void reset(cxs_html *h)
{
	cxs_buf_reset(&h->src);
	cxs_buf_reset(&h->text);
	cxs_buf_reset(&h->comments);
	h->ncom = 0;
	h->npara = 0;
	h->lang = -1;
	cxs_html_meta_reset(&h->meta);
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

/* Where the page's text starts after a DOCTYPE with an internal subset (`<!DOCTYPE html
 * SYSTEM "x.dtd" [ <!ENTITY ...> ]>`, an XML habit), or 0 when the page starts with no
 * such DOCTYPE. libxml2's HTML parser knows no subset: it ends the DOCTYPE at the first
 * `>` and shows the rest ("]>") as text. The subset's declarations are never read
 * (HTML has none); its end is the first `]` outside quotes and comments, then `>`. */
static size_t after_internal_subset(const char *s, size_t n)
{
	size_t i = 0;
	char quote = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
		i++;
	if (!starts_ci(s + i, n - i, "<!doctype"))
		return 0;
	for (i += 9; i < n && s[i] != '[' && s[i] != '>'; i++)
		if (s[i] == '"' || s[i] == '\'')
			for (quote = s[i++]; i < n && s[i] != quote; i++)
				;
	if (i >= n || s[i] != '[')
		return 0;
	for (i++; i < n && s[i] != ']'; i++) {
		if (s[i] == '"' || s[i] == '\'') {
			for (quote = s[i++]; i < n && s[i] != quote; i++)
				;
		} else if (starts_ci(s + i, n - i, "<!--")) {
			for (i += 4; i < n && !starts_ci(s + i, n - i, "-->"); i++)
				;
			i += 2;
		}
	}
	for (i++; i < n && s[i] != '>'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return i < n ? i + 1 : 0;
}

int cxs_html_extract(cxs_html *h, const char *data, size_t len, const char *transport_charset,
		     struct cxs_html_result *res, cxs_err *err)
{
	struct cxs_charset_guess g;
	const char *src;
	size_t src_len, skip;
	long bad;
	xmlDoc *doc;

	reset(h);
	memset(res, 0, sizeof(*res));
	cxs_charset_sniff_html(h->cs, data, len, transport_charset, &g);
	bad = cxs_charset_decode(h->cs, &g, data, len, &h->src, &src, &src_len, err);
	if (bad < 0)
		return -1;
	skip = after_internal_subset(src, src_len);
	src += skip;
	src_len -= skip;
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
		if (attach_info(h, doc) < 0) {
			h->nomem = 1;
		} else {
			classify(doc);
			if (cxs_html_meta_read(&h->meta, doc) < 0)
				h->nomem = 1;
			main_text(h, doc);
			use_declared_body(h);
		}
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
	if (h->nomem || cxs_buf_grow(&h->text, 0) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory while extracting a page");
	res->text = h->text.p;
	res->text_len = h->text.len;
	res->title = h->meta.title.len ? h->meta.title.p : NULL;
	res->lang = h->meta.lang[0] ? h->meta.lang : NULL;
	res->author = h->meta.author.len ? h->meta.author.p : NULL;
	res->published = h->meta.published.len ? h->meta.published.p : NULL;
	res->url = h->meta.url.len ? h->meta.url.p : NULL;
	res->ncomments = h->ncom;
	res->charset = cxs_charset_used(h->cs);
	res->charset_rule = cxs_charset_rule_name(g.rule);
	res->invalid_bytes = bad;
	return 0;
}

/*
 * html_extract — the readable text of a web page: main text, reader comments, title and
 * declared language, without menus, sidebars, footers and cookie banners.
 *
 * Parsing: libxml2's HTML parser, with no network access (HTML_PARSE_NONET), silent and
 * recovering from any malformed markup; an external DTD or entity is never loaded. The
 * bytes are first decoded to UTF-8 (fetch_charset.h: BOM, transport header, XML
 * declaration, <meta charset>, detection, default), so the parser always sees valid
 * UTF-8.
 *
 * What is dropped, with everything inside it:
 *  - elements that are never main text: head, script, style, noscript (unless it holds
 *    a <p> and 200 bytes of text: the post for readers without scripts), template, nav,
 *    header, footer, aside, form, iframe, svg, button, select, and the like (see
 *    `tags` in html_extract.c);
 *  - elements marked as boilerplate by their class or id. A class word is split into
 *    parts ("site-nav" -> site, nav; "mainMenu" -> main, Menu); it marks boilerplate
 *    when a part starts with sidebar, widget, cookie, consent, gdpr, share, social,
 *    related, popular, breadcrumb, menu, nav, header, footer, masthead, newsletter,
 *    subscribe or pagination ("navbar" matches, "canvas" and "unrelated" do not), or
 *    when its last part is meta, byline, dateline, author, autor, date, fecha, datum,
 *    tag or tags ("entry-meta", "post-date"; not "meta-box", "update");
 *  - elements with an ARIA role navigation, banner, contentinfo, complementary, search.
 * Words that say what a post is filed under or how a page is laid out are not marks:
 * those whose first part (up to a separator or a lower->upper change) is has, is, with,
 * no, ... (has-, is-, isPaywall, with-, no-, without-, category-, cat-, tag-, format-,
 * type-, status-, author-, postid-, term- (WordPress writes "tag-social-media" on the
 * post). html, body and article are never boilerplate by their own marks, nor is an
 * element that contains the page's <main> (or role="main"); a <form> containing
 * <main>, <article> or <h1> (a whole page in a form, as ASP.NET does) is kept.
 *
 * Reader comments are reviews too, but not the author's text. An element with a class
 * or id part starting with comment (not commentary), comentario, kommentar or pinglun,
 * and holding neither <main> nor <h1>, is a comment section: kept out of `text`, its
 * comments returned one by one. A comment is the innermost comment-marked element that
 * contains a <p>; when that element has two or more child containers with paragraphs
 * and no paragraph of its own (a "comments" section with unmarked entries), each child
 * is a comment. Inside a comment, comment-marked parts without a <p> and parts whose
 * last class part is who, user, username, name, time, avatar or reply are left out (who
 * wrote it and when). When a comment section has no <p> at all, each innermost
 * comment-marked element is one comment.
 *
 * Main text: scoring as readability does (length, commas, links), and with a set of
 * stopword lists (cxs_html_set_stopwords) by stopword density as jusText does: blocks
 * of prose weigh more, blocks of words without stopwords (lists of names, tags,
 * references) are left out, a short last line that reads as a sentence is kept.
 *
 * Text layout: block elements (p, div, h1-h6, li, table, tr, blockquote, pre, section,
 * article, main, dd, dt, figcaption, ...) separate paragraphs, which are joined with
 * "\n\n"; <br> is "\n" (two in a row make a paragraph break); table cells are separated
 * by a space; other whitespace, including no-break and ideographic spaces, collapses to
 * one space; line breaks inside <pre> are kept as "\n". Entities are decoded. The text is
 * trimmed and is "" when nothing is left.
 */
#ifndef HTML_EXTRACT_H
#define HTML_EXTRACT_H

#include <stddef.h>

#include "cxs_err.h"
#include "html_stopdens.h"

/* What cxs_html_extract found. Every pointer is owned by the extractor and stays valid
 * until its next cxs_html_extract or cxs_html_free. */
struct cxs_html_result {
	const char *text;      /* the main text, NUL-terminated, "" when none */
	size_t text_len;
	const char *title;     /* the page's title (html_meta.h: og:title, headline, <h1>,
	                          <title>), whitespace collapsed; NULL when none */
	const char *lang;      /* the declared language (<html lang>, content-language,
	                          og:locale) as a lowercase primary subtag ("sv-SE" -> "sv");
	                          NULL when absent or not a language tag */
	const char *author;    /* who wrote it (JSON-LD, meta author, byline); NULL when none */
	const char *published; /* when, ISO 8601 as the page says it; NULL when none */
	const char *url;       /* the canonical URL (link rel=canonical, og:url); NULL */
	size_t ncomments;      /* see cxs_html_comment */
	const char *charset;   /* the encoding the page was decoded from (a WHATWG name) */
	const char *charset_rule; /* what decided it: "bom", "transport", "xml", "meta",
	                             "detected" or "default" (fetch_charset.h) */
	long invalid_bytes;    /* byte sequences replaced by U+FFFD while decoding */
};

typedef struct cxs_html cxs_html;

/* An extractor, holding one libxml2 parser context and buffers reused across pages.
 * Silences libxml2's error handlers for this thread (a library must not print). NULL
 * with `err` set when memory runs out. */
cxs_html *cxs_html_new(cxs_err *err);

/* Scores the text blocks of later pages by their stopword density too, in the list of
 * the page's language (its hint, else the list with the most hits); `sd` is borrowed
 * and must outlive the extractor's use of it. NULL (the default): length and links
 * only. */
void cxs_html_set_stopwords(cxs_html *h, const cxs_stopdens *sd);

/* Extracts the page `data` (`len` raw bytes, any encoding; `transport_charset` is the
 * charset an HTTP Content-Type header declared, or NULL). Returns 0 and fills `res`,
 * or -1 with `err` set (CXS_E_NOMEM, CXS_E_INTERNAL); a malformed or empty page is not
 * an error (it gives empty text). Pages longer than INT_MAX bytes after decoding, and
 * pages nested deeper than libxml2 parses whole, are refused with CXS_E_INPUT (the
 * caller rejects the page): callers bound their input well below that. */
int cxs_html_extract(cxs_html *h, const char *data, size_t len, const char *transport_charset,
		     struct cxs_html_result *res, cxs_err *err);

/* The `i`-th reader comment of the last page (i < res.ncomments), NUL-terminated, with
 * its length in `*len` (may be NULL). Owned by the extractor, valid as the result. */
const char *cxs_html_comment(const cxs_html *h, size_t i, size_t *len);

/* Frees the extractor; NULL is a no-op. */
void cxs_html_free(cxs_html *h);

#endif

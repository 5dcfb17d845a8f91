/*
 * html_meta — what a page says about itself: title, author, publication date,
 * canonical URL and language, from <meta> tags, <link rel>, JSON-LD (schema.org),
 * <time datetime> and bylines. Used by html_extract on the tree it parsed.
 *
 * Sources, first found wins:
 *  - title: og:title, twitter:title, JSON-LD headline, the page's single <h1> when the
 *    <title> contains it, else <title>;
 *  - author: JSON-LD author (name, or names joined with "; "), <meta name="author">,
 *    article:author (unless it is a URL), <a rel="author">, an element whose last class
 *    part is byline or author (short text, "By " removed);
 *  - published: article:published_time, JSON-LD datePublished, itemprop=datePublished,
 *    <meta name> date, pubdate, publishdate, dc.date, dcterms.date, dc.date.issued,
 *    publication_date, sailthru.date, parsely-pub-date, og:published_time, then the
 *    first <time datetime>; only values starting with a YYYY-MM-DD date are taken, as
 *    found (ISO 8601);
 *  - url: <link rel="canonical">, og:url (absolute http or https only);
 *  - description: og:description, twitter:description, <meta name="description">
 *    (html_extract looks for the lede it repeats);
 *  - lang: <html lang> / xml:lang, <meta http-equiv="content-language">, og:locale,
 *    as a lowercase primary subtag.
 * JSON-LD blocks larger than CXS_META_JSONLD_MAX bytes are passed over, and objects are
 * searched at most 8 levels deep, so a hostile page costs little.
 */
#ifndef HTML_META_H
#define HTML_META_H

#include <libxml/tree.h>

#include "cxs_buf.h"
#include "fetch_text.h"

#define CXS_META_JSONLD_MAX (1 << 20)

/* The metadata of one page; each buffer is empty when the page did not say. */
struct cxs_html_meta {
	cxs_buf title;
	cxs_buf author;
	cxs_buf published;
	cxs_buf url;
	cxs_buf body;        /* JSON-LD articleBody, whitespace collapsed, paragraphs kept */
	cxs_buf description; /* og:description, twitter:description or <meta name=
	                        "description">, whitespace collapsed */
	char lang[CXS_LANG_MAX];
};

/* Empties `m` for the next page (its memory is kept). */
void cxs_html_meta_reset(struct cxs_html_meta *m);

/* Frees what `m` holds. */
void cxs_html_meta_release(struct cxs_html_meta *m);

/* Reads the metadata of `doc` into `m` (reset first). Returns 0, or -1 when memory
 * runs out (`m` then holds what was found before). */
int cxs_html_meta_read(struct cxs_html_meta *m, xmlDoc *doc);

#endif

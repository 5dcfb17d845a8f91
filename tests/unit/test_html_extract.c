/* Unit tests of html_extract: main text, comments, title and language of in-memory
 * pages. */
#include <stdio.h>
#include <string.h>

#include "cxs_test.h"
#include "html_extract.h"

static cxs_html *H;
static struct cxs_html_result R;

/* The text of `page`, or NULL when extraction failed. */
static const char *text_of_n(const char *page, size_t len)
{
	cxs_err err = { CXS_E_NONE, "" };

	if (cxs_html_extract(H, page, len, NULL, &R, &err) < 0) {
		printf("  extract failed: %s\n", err.msg);
		return NULL;
	}
	if (strlen(R.text) != R.text_len)
		printf("  text_len %zu disagrees with the text\n", R.text_len);
	return R.text;
}

static const char *text_of(const char *page)
{
	return text_of_n(page, strlen(page));
}

static void test_boilerplate_tags(void)
{
	CHECK_STR(text_of("<html><head><style>p{}</style><script>var a = '<p>x</p>';</script>"
			  "</head><body><header><h1>Site</h1></header>"
			  "<nav><a>Home</a></nav><noscript>Enable scripts</noscript>"
			  "<p>The soup was hot.</p><aside>Ads here</aside>"
			  "<form><input value=q><button>Search</button><select><option>A</select></form>"
			  "<template><p>later</p></template><iframe>frame</iframe>"
			  "<svg><text>chart</text></svg>"
			  "<footer>All rights kept</footer></body></html>"),
		  "The soup was hot.");
}

static void test_boilerplate_marks(void)
{
	CHECK_STR(text_of("<body><div id=\"cookie-banner\"><p>We bake cookies.</p></div>"
			  "<div class=\"site-nav\">Home | About</div><div class=\"navbar\">X</div>"
			  "<div class=\"post\"><p>Lovely staff.</p></div>"
			  "<div class=\"widget popular\"><p>Top posts</p></div>"
			  "<ul class=\"breadcrumbs\"><li>Blog</li></ul>"
			  "<div class=\"sidebarRight\"><p>Archive</p></div>"
			  "<div class=\"mainMenu\">Menu</div><div class=\"share_links\">Share</div>"
			  "<div class=\"related-posts\"><p>More</p></div>"
			  "<div role=\"navigation\">Skip</div><p class=\"entry-meta\">3 May</p>"
			  "<span class=\"postByline\">by Kim</span></body>"),
		  "Lovely staff.");
	/* Words that only contain a mark are not marks; layout flags are not either. */
	CHECK_STR(text_of("<body><div class=\"canvas\"><p>One.</p></div>"
			  "<div class=\"unrelated\"><p>Two.</p></div>"
			  "<div class=\"container has-sidebar\"><p>Three.</p></div>"
			  "<div class=\"commentary\"><p>Four.</p></div>"
			  "<div class=\"metal-bands\"><p>Five.</p></div></body>"),
		  "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.");
	/* Bylines, dates and tag lists around the post go; words that only start like
	 * them, or where the byline word is not the last part, stay. */
	CHECK_STR(text_of("<body><p class=\"post-date\">1 May</p><p class=\"fecha\">1 mayo</p>"
			  "<div class=\"tags\">Tags: tea</div><span class=\"byline\">by Kim</span>"
			  "<p class=\"update\">Update: closed on Mondays.</p>"
			  "<p class=\"meta-box\">Kept too.</p></body>"),
		  "Update: closed on Mondays.\n\nKept too.");
	/* What a post is filed under (WordPress classes) does not drop it, and an article
	 * is never boilerplate by its own classes. */
	CHECK_STR(text_of("<body><div class=\"entry tag-social-media category-menus author-kim\">"
			  "<p>Filed.</p></div><article class=\"post related-content\"><p>Article."
			  "</p></article></body>"),
		  "Filed.\n\nArticle.");
	/* A state word ("is-active", "isPaywall") says how the element is shown now,
	 * not what it is. */
	CHECK_STR(text_of("<body><div class=\"isPaywall\"><p>Behind the wall.</p></div>"
			  "<div class=\"is-sticky-header\"><p>Still here.</p></div>"
			  "<div class=\"paywall\"><p>Subscribe now.</p></div></body>"),
		  "Behind the wall.\n\nStill here.");
	/* A heading's id made from its words is no mark ("nav_..." is not a menu). */
	CHECK_STR(text_of("<body><div class=post><h3 id=\"nav_the_foil_stays\">The foil stays"
			  "</h3><p>Only the foil is left.</p></div></body>"),
		  "The foil stays\n\nOnly the foil is left.");
	/* Marks on html and body, as blogs put them, do not drop the page. */
	CHECK_STR(text_of("<html class=\"nav-open\"><body class=\"single comments-open "
			  "sidebar-left\"><p>Kept.</p></body></html>"),
		  "Kept.");
	/* Whatever holds <main> is not a sidebar, however it is named. */
	CHECK_STR(text_of("<body><div class=\"menu-wrapper\"><main><p>Main text.</p></main>"
			  "</div></body>"),
		  "Main text.");
	/* A form wrapping the whole page (ASP.NET) keeps its content. */
	CHECK_STR(text_of("<body><form id=\"form1\"><h1>Title</h1><p>Body.</p>"
			  "<input value=x></form></body>"),
		  "Title\n\nBody.");
}

static void test_only_nav(void)
{
	CHECK_STR(text_of("<html><body><nav><ul><li><a href=\"/\">Home</a></li>"
			  "<li>About</li></ul></nav><footer>(c)</footer></body></html>"),
		  "");
	CHECK_INT(R.text_len, 0);
	CHECK_STR(text_of(""), "");
	CHECK_STR(text_of("   \n "), "");
	CHECK_STR(text_of("<p> &nbsp; </p><div>\xe3\x80\x80</div>"), "");
}

static void test_title(void)
{
	text_of("<html><head><title>\n  Caf&eacute;   Blue \t review </title></head>"
		"<body><p>x</p></body></html>");
	CHECK_STR(R.title, "Café Blue review");
	/* The title is not part of the text. */
	CHECK_STR(R.text, "x");
	text_of("<p>no title</p>");
	CHECK(R.title == NULL);
	text_of("<title>   </title><p>blank title</p>");
	CHECK(R.title == NULL);
	/* An SVG's <title> is a tooltip, not the page's. */
	text_of("<body><svg><title>icon</title></svg><p>y</p></body>");
	CHECK(R.title == NULL);
}

static void test_lang(void)
{
	text_of("<html lang=\"sv-SE\"><p>hej</p></html>");
	CHECK_STR(R.lang, "sv");
	text_of("<html lang=\" ZH-Hant-TW \"><p>hi</p></html>");
	CHECK_STR(R.lang, "zh");
	text_of("<html lang=\"es\"><p>hola</p></html>");
	CHECK_STR(R.lang, "es");
	text_of("<html><p>none</p></html>");
	CHECK(R.lang == NULL);
	text_of("<html lang=\"12\"><p>bad</p></html>");
	CHECK(R.lang == NULL);
	text_of("<html lang=\"\"><p>empty</p></html>");
	CHECK(R.lang == NULL);
}

static void test_paragraphs(void)
{
	CHECK_STR(text_of("<p>First   one\n is  here.</p><p>Second.</p>"),
		  "First one is here.\n\nSecond.");
	/* Nested blocks give one break, not a pile of them. */
	CHECK_STR(text_of("<div><div><section><p>a</p></section></div>b<div></div>"
			  "<div> </div><h2>c</h2></div>"),
		  "a\n\nb\n\nc");
	CHECK_STR(text_of("<ul><li>one</li><li>two <b>bold</b><i>it</i></li></ul>"
			  "<blockquote>quoted</blockquote><dl><dt>t</dt><dd>d</dd></dl>"),
		  "one\n\ntwo boldit\n\nquoted\n\nt\n\nd");
	CHECK_STR(text_of("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr>"
			  "</table>"),
		  "a b\n\nc d");
	CHECK_STR(text_of("<pre>line 1\nline  2\n\nline 4</pre><p>after</p>"),
		  "line 1\nline 2\n\nline 4\n\nafter");
	CHECK_STR(text_of("<figure><img src=x><figcaption>A cup</figcaption></figure>"),
		  "A cup");
}

static void test_br(void)
{
	CHECK_STR(text_of("<p>one<br>two</p>"), "one\ntwo");
	CHECK_STR(text_of("<p>one<br> <br>two</p>"), "one\n\ntwo");
	CHECK_STR(text_of("<p>one<br><br><br>two</p>"), "one\n\ntwo");
	CHECK_STR(text_of("<p>one<br></p><p>two</p>"), "one\n\ntwo");
	CHECK_STR(text_of("<br><p>x<br></p><br>"), "x");
}

static void test_entities(void)
{
	CHECK_STR(text_of("<p>&amp; &lt;b&gt; &quot;q&quot; &eacute;t&eacute; &#x4e2d;&#25991; "
			  "caf&#233; a&nbsp;b</p>"),
		  "& <b> \"q\" été 中文 café a b");
}

static void test_malformed(void)
{
	const char *t = text_of("<html><body><p>alpha<div>beta</p></span>gamma<p>delta"
				"<table><td>eps</b></table><p unclosed=\"x>zeta");

	CHECK(t != NULL);
	if (!t)
		return;
	CHECK(strstr(t, "alpha") != NULL);
	CHECK(strstr(t, "beta") != NULL);
	CHECK(strstr(t, "gamma") != NULL);
	CHECK(strstr(t, "delta") != NULL);
	CHECK(strstr(t, "eps") != NULL);
	CHECK(strstr(t, "alpha") < strstr(t, "beta"));
	CHECK(strstr(t, "gamma") < strstr(t, "delta"));
	/* Binary junk is not a page, but it must not break anything. */
	{
		char junk[512];
		size_t i;
		for (i = 0; i < sizeof(junk); i++)
			junk[i] = (char)((i * 131 + 7) % 256);
		CHECK(text_of_n(junk, sizeof(junk)) != NULL);
	}
}

/* A DOCTYPE naming an external DTD, and entities from it, must not load anything. */
static void test_no_external_entities(void)
{
	char dtd[512], page[2048];
	FILE *fp;

	snprintf(dtd, sizeof(dtd), "%s/secret.dtd", cxs_test_tmpdir());
	fp = fopen(dtd, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs("<!ENTITY secret \"LEAKED-FROM-DTD\">\n", fp);
	fclose(fp);
	snprintf(page, sizeof(page),
		 "<!DOCTYPE html SYSTEM \"file://%s\"><html><body><p>a &secret; b</p>"
		 "</body></html>", dtd);
	CHECK(text_of(page) != NULL);
	CHECK(strstr(R.text, "LEAKED") == NULL);
	snprintf(page, sizeof(page),
		 "<!DOCTYPE html [<!ENTITY ext SYSTEM \"file://%s\">]><p>c &ext; d</p>", dtd);
	CHECK(text_of(page) != NULL);
	CHECK(strstr(R.text, "LEAKED") == NULL);
	CHECK(strstr(R.text, "secret") == NULL);
	CHECK_STR(R.text, "c &ext; d");
}

/* An internal DTD subset is no text: its end "]>" does not leak into the page's text,
 * whatever its declarations hold (quotes and comments with "]" or ">"). */
static void test_internal_subset(void)
{
	CHECK_STR(text_of("\n<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/x.dtd\" [\n"
			  "<!ENTITY a \"x]>y\">\n<!-- ] > -->\n<!ENTITY b 'z]'>\n]  >\n"
			  "<html><body><p>Kind and quick.</p></body></html>"),
		  "Kind and quick.");
	/* Not a subset: the brackets are text, as they were. */
	CHECK_STR(text_of("<!DOCTYPE html><p>[a]&gt; b</p>"), "[a]> b");
	/* An unfinished subset is left to the parser. */
	CHECK(text_of("<!DOCTYPE html [ <!ENTITY a \"b\"> <p>no end</p>") != NULL);
	CHECK(text_of("<!DOCTYPE html [ <!-- never closed") != NULL);
}

static void test_comments(void)
{
	const char *page =
		"<html><body><article><p>The post itself.</p></article>"
		"<section id=\"comments\"><h2>3 comments</h2><ol class=\"comment-list\">"
		"<li class=\"comment\"><div class=\"comment-author\">Anna</div>"
		"<div class=\"comment-content\"><p>Nice place.</p><p>Will return.</p></div>"
		"<ol class=\"children\"><li class=\"comment\"><div class=\"comment-content\">"
		"<p>Agreed!</p></div></li></ol></li>"
		"<li class=\"comment\"><div class=\"comment-content\"><p>Too loud.</p></div></li>"
		"</ol><div class=\"comments-nav\">Older comments</div>"
		"<form class=\"comment-form\"><p><label>Your comment</label><textarea></textarea>"
		"</p></form></section></body></html>";
	size_t len = 0;

	CHECK_STR(text_of(page), "The post itself.");
	CHECK_INT(R.ncomments, 3);
	if (R.ncomments != 3)
		return;
	CHECK_STR(cxs_html_comment(H, 0, &len), "Nice place.\n\nWill return.");
	CHECK_INT(len, strlen("Nice place.\n\nWill return."));
	CHECK_STR(cxs_html_comment(H, 1, NULL), "Agreed!");
	CHECK_STR(cxs_html_comment(H, 2, NULL), "Too loud.");
	/* A comment section without paragraphs: each innermost marked element is one. */
	CHECK_STR(text_of("<p>Post.</p><div id=\"comments\"><div class=\"comment\">Good.</div>"
			  "<div class=\"comment\">Bad.</div></div>"),
		  "Post.");
	CHECK_INT(R.ncomments, 2);
	if (R.ncomments == 2) {
		CHECK_STR(cxs_html_comment(H, 0, NULL), "Good.");
		CHECK_STR(cxs_html_comment(H, 1, NULL), "Bad.");
	}
	/* Comment sections named in Spanish, Swedish or pinyin; bylines inside a comment
	 * (author, user, date, who) are not its text. */
	CHECK_STR(text_of("<p>Post.</p><div id=\"comentarios\"><h2>Comentarios</h2>"
			  "<div class=\"comentario\"><p class=\"autor\">Ana</p><p>Muy rico.</p></div>"
			  "</div><div id=\"kommentarer\"><div><p class=\"author\">Bo <span "
			  "class=\"date\">4 maj</span></p><p>Gott.</p></div></div>"
			  "<div class=\"pinglun-list\"><div><p class=\"user\">Li</p><p>好吃。</p></div>"
			  "</div>"),
		  "Post.");
	CHECK_INT(R.ncomments, 3);
	if (R.ncomments == 3) {
		CHECK_STR(cxs_html_comment(H, 0, NULL), "Muy rico.");
		CHECK_STR(cxs_html_comment(H, 1, NULL), "Gott.");
		CHECK_STR(cxs_html_comment(H, 2, NULL), "好吃。");
	}
	/* A section marked as a whole, with unmarked entries: one comment per entry, also
	 * through a single list wrapper; a comment of two paragraphs stays one. */
	text_of("<p>Post.</p><section class=\"comments\"><h2>2 Comments</h2><ol>"
		"<li><p class=\"who\">Kim - 1 May</p><p>First.</p><p>Still first.</p></li>"
		"<li><div class=\"body\"><p>Second.</p></div></li></ol></section>");
	CHECK_INT(R.ncomments, 2);
	if (R.ncomments == 2) {
		CHECK_STR(cxs_html_comment(H, 0, NULL), "First.\n\nStill first.");
		CHECK_STR(cxs_html_comment(H, 1, NULL), "Second.");
	}
	/* A wrapper named after comments that holds the post's heading is not a comment
	 * section. */
	CHECK_STR(text_of("<div id=\"post-with-comments\"><h1>Title</h1><p>Post.</p>"
			  "<div class=\"comments\"><div class=\"comment\"><p>Hi.</p></div></div>"
			  "</div>"),
		  "Title\n\nPost.");
	CHECK_INT(R.ncomments, 1);
	/* A widget of recent comments is boilerplate, not comments. */
	text_of("<p>Post.</p><div class=\"widget recent-comments\"><p>Someone on X</p></div>");
	CHECK_INT(R.ncomments, 0);
}

static void test_charsets(void)
{
	/* No declaration: UTF-8 (libxml2 alone would read ISO-8859-1). */
	CHECK_STR(text_of("<p>caf\xc3\xa9 \xe5\xa5\xbd</p>"), "café 好");
	CHECK_STR(R.charset, "UTF-8");
	CHECK_INT(R.invalid_bytes, 0);
	CHECK_STR(text_of("<html><head><meta charset=\"ISO-8859-1\"></head><body><p>caf\xe9 "
			  "\x80</p></body></html>"),
		  "café €");
	CHECK_STR(R.charset, "windows-1252");
	CHECK_STR(text_of("<head><meta http-equiv=\"Content-Type\" content=\"text/html; "
			  "charset=gb2312\"></head><p>\xc4\xe3\xba\xc3</p>"),
		  "你好");
	/* A bad byte in a declared legacy charset is replaced, the rest is kept. */
	CHECK_STR(text_of("<meta charset=gbk><p>\xc4\xe3\x81 \xba\xc3 end</p>"),
		  "你\xef\xbf\xbd 好 end");
	CHECK_INT(R.invalid_bytes, 1);
	/* Mostly UTF-8 with a bad byte stays UTF-8: the bad byte is replaced and counted. */
	CHECK_STR(text_of("<p>\xc3\xa5\xc3\xa4\xc3\xb6\xc3\xa9 a\xff</p>"), "åäöé a\xef\xbf\xbd");
	CHECK_INT(R.invalid_bytes, 1);
	/* Undeclared bytes that are not UTF-8, too few to detect: windows-1252 (WHATWG). */
	CHECK_STR(text_of("<p>a\xff" "b\xc3</p>"), "aÿbÃ");
	CHECK_STR(R.charset, "windows-1252");
	CHECK_STR(R.charset_rule, "default");
	CHECK_INT(R.invalid_bytes, 0);
	/* A byte order mark wins over <meta>. */
	CHECK_STR(text_of("\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>caf\xc3\xa9</p>"), "café");
	{
		static const char u16[] = "\xff\xfe<\0p\0>\0h\0\xe9\0<\0/\0p\0>\0";
		CHECK_STR(text_of_n(u16, sizeof(u16) - 1), "hé");
	}
	/* An unknown charset name falls back to UTF-8. */
	CHECK_STR(text_of("<meta charset=\"x-no-such\"><p>caf\xc3\xa9</p>"), "café");
	/* An XML declaration counts for XHTML. */
	CHECK_STR(text_of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>\xe5"
			  "</p></body></html>"),
		  "å");
}

/* Built page: `before`, `depth` nested divs around "deep", then `after`. */
static char *nested(const char *before, size_t depth, const char *after, size_t *len)
{
	size_t n = 0, i;
	char *page = malloc(depth * 11 + strlen(before) + strlen(after) + 16);

	if (!page)
		return NULL;
	memcpy(page, before, strlen(before));
	n += strlen(before);
	for (i = 0; i < depth; i++, n += 5)
		memcpy(page + n, "<div>", 5);
	memcpy(page + n, "deep", 4);
	n += 4;
	for (i = 0; i < depth; i++, n += 6)
		memcpy(page + n, "</div>", 6);
	memcpy(page + n, after, strlen(after));
	n += strlen(after);
	*len = n;
	return page;
}

/* libxml2 stops at 256 open elements; a page past that would lose everything after the
 * deep part, so it is rejected with a reason, never shortened silently. */
static void test_deep_nesting(void)
{
	static const char *const depths_text[] = { "200", "300", "100000" };
	size_t depths[] = { 200, 300, 100000 }, len, i;
	cxs_err err;

	for (i = 0; i < 3; i++) {
		char *page = nested("<p>Before.</p>", depths[i], "<p>After: the review.</p>", &len);
		int rc;

		CHECK(page != NULL);
		if (!page)
			return;
		rc = cxs_html_extract(H, page, len, NULL, &R, &err);
		if (depths[i] < 256) {
			CHECK_INT(rc, 0);
			CHECK(rc == 0 && strstr(R.text, "After: the review.") != NULL);
		} else {
			if (rc == 0)
				printf("  depth %s: got text '%.40s'\n", depths_text[i], R.text);
			CHECK_INT(rc, -1);
			CHECK_INT(err.kind, CXS_E_INPUT);
			CHECK(strstr(err.msg, "nested deeper than 256 levels") != NULL);
		}
		free(page);
	}
}

/* A <meta charset> naming an encoding in which ASCII is not ASCII cannot be right (the
 * label itself was read as ASCII): it is ignored, as WHATWG does, and the page read as
 * UTF-8 instead of being turned into replacement characters. */
static void test_ascii_incompatible_labels(void)
{
	static const char *const labels[] = { "utf-32", "utf-7", "ibm037" };
	char page[256];
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(page, sizeof(page), "<html><head><meta charset=\"%s\"></head><body>"
			 "<p>Plain words, fine food.</p></body></html>", labels[i]);
		CHECK_STR(text_of(page), "Plain words, fine food.");
		CHECK_INT(R.invalid_bytes, 0);
	}
}

/* Many pages with made-up element names: the parser context is renewed on the way (its
 * name dictionary would grow without end), and every page still comes out right. */
static void test_many_names(void)
{
	char page[128], want[32];
	int i, bad = 0;

	for (i = 0; i < 60000; i++) {
		snprintf(page, sizeof(page), "<x-%d data-%d=\"v\"><p>page %d</p></x-%d>", i, i, i, i);
		snprintf(want, sizeof(want), "page %d", i);
		if (!text_of(page) || strcmp(R.text, want))
			bad++;
	}
	CHECK_INT(bad, 0);
}

/* A paragraph of this many words, each "word<i>," so commas count as readability's do. */
static const char *long_para(const char *word, int n, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len + strlen(word) + 8 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s %d, ", word, i);
	return buf;
}

/* The post is found by its paragraphs, not by where it sits: a long menu of links, a
 * sidebar of short notes and a footer around it are left out, and so is a list of
 * related links inside the post with the heading that announced it. */
static void test_scoring(void)
{
	char a[800], b[800], page[6000];

	long_para("soup", 40, a, sizeof(a));
	long_para("bread", 40, b, sizeof(b));
	snprintf(page, sizeof(page),
		 "<body><div id=top><a href=/1>One link</a> <a href=/2>Another link here</a>"
		 " <a href=/3>A third link, long enough to count</a></div>"
		 "<div class=col><div class=note>Opening hours are on the door.</div>"
		 "<div class=note>Parking behind the church, free after six.</div></div>"
		 "<div class=story><h2>Lunch</h2><p>%s</p><p>%s</p>"
		 "<h3>Read more</h3><ul><li><a href=/x>Another post about soup and bread</a></li>"
		 "<li><a href=/y>Yet another post about the same soup</a></li></ul></div>"
		 "<div class=bottom>Written in a kitchen, no rights kept.</div></body>", a, b);
	text_of(page);
	CHECK(strncmp(R.text, "Lunch\n\nsoup 0, ", 15) == 0);
	CHECK(strstr(R.text, "bread 39,") != NULL);
	CHECK(strstr(R.text, "link") == NULL);
	CHECK(strstr(R.text, "Parking") == NULL);
	CHECK(strstr(R.text, "Read more") == NULL);
	CHECK(strstr(R.text, "Another post") == NULL);
	CHECK(strstr(R.text, "kitchen") == NULL);
}

/* Marks are hints: a wrapper named like a sidebar that holds most of the page's prose
 * is not dropped (Blogger's "widget Blog", themes' "layout-right-sidebar"), while the
 * real sidebar beside the post still is; a page builder's "x-widget-text" is no widget. */
static void test_marks_are_hints(void)
{
	char a[800], page[4000];

	long_para("tea", 40, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<body><div class=\"widget Blog\"><div class=post-body><p>%s</p><p>%s</p></div>"
		 "</div><div class=sidebar><p>Archive of old posts, sorted by month and year.</p>"
		 "</div></body>", a, a);
	CHECK(strncmp(text_of(page), "tea 0, ", 7) == 0);
	CHECK(strstr(R.text, "Archive") == NULL);
	snprintf(page, sizeof(page),
		 "<body><div class=\"builder-widget-text\"><p>%s</p></div></body>", a);
	CHECK(strncmp(text_of(page), "tea 0, ", 7) == 0);
	/* A page of nothing but frame has no text, even when its footer is long. */
	CHECK_STR(text_of("<body><nav><a href=/>Home</a></nav><footer><p>Powered by a "
			  "generator of static sites.</p></footer></body>"),
		  "");
}

/* The line that announced a list of links that was left out goes with it; so do
 * short lines at the end with a fifth of their text in links ("Follow us on ..."),
 * unless they are list items. */
static void test_frame_lines(void)
{
	char a[800], page[5000];

	long_para("pie", 40, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<body><div class=post><p>%s</p><p><b>Read these too:</b></p><ul>"
		 "<li><a href=/1>Pies of the north and the south</a></li>"
		 "<li><a href=/2>Crust or no crust, a long debate</a></li></ul><p>%s</p>"
		 "<p>Posted in <a href=/c>Baking</a>. Keep the <a href=/p>permalink</a>.</p>"
		 "</div></body>", a, a);
	text_of(page);
	CHECK(strstr(R.text, "pie 39,") != NULL);
	CHECK(strstr(R.text, "Read these") == NULL);
	CHECK(strstr(R.text, "Posted") == NULL);
	/* A post's own "Comments" heading ends it, with what follows (unmarked
	 * comments, notices). */
	snprintf(page, sizeof(page),
		 "<body><div class=post><p>%s</p><p>%s</p><h3>3 Comments</h3><p>Great pie, "
		 "we loved the crust and the filling alike.</p></div></body>", a, a);
	text_of(page);
	CHECK(strstr(R.text, "pie 39,") != NULL);
	CHECK(strstr(R.text, "Comments") == NULL);
	CHECK(strstr(R.text, "Great pie") == NULL);
	/* A last list item with a link is content (the last step of a recipe). */
	snprintf(page, sizeof(page),
		 "<body><div class=post><p>%s</p><ol><li>Bake for an hour.</li><li>Serve it "
		 "with <a href=/c>cream</a>, warm.</li></ol></div></body>", a);
	CHECK(strstr(text_of(page), "Serve it with cream, warm.") != NULL);
}

/* Blocks that score near the post in far apart parts of the page (an "about us" in
 * the footer, a teaser at the top) are rivals, not sections of one post: the page is
 * not taken whole for them. */
static void test_rivals_apart(void)
{
	char a[800], b[800], page[6000];

	long_para("soup", 40, a, sizeof(a));
	long_para("about", 34, b, sizeof(b));
	snprintf(page, sizeof(page),
		 "<body><div class=top><div class=t><p>%s</p></div></div>"
		 "<div class=mid><h2>News</h2><div class=news><p>%s</p></div></div>"
		 "<div class=bottom><div class=f><p>%s</p></div><div class=g><p>%s</p></div>"
		 "</div></body>", b, a, b, b);
	text_of(page);
	CHECK(strncmp(R.text, "soup 0, ", 8) == 0);
	CHECK(strstr(R.text, "about") == NULL);
}

/* The lede a page's description repeats, in a box of its own before the body, is
 * taken with the body; a teaser elsewhere with the same words is not. */
static void test_lede(void)
{
	char a[800], page[5000];

	long_para("broth", 40, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<head><meta property=\"og:description\" content=\"The broth  shop on the "
		 "corner reopened, and the queue was long on its first day.\"></head><body>"
		 "<div class=wrap><header><h1>Broth again</h1><h2 class=intro>The broth shop on"
		 " the corner reopened, and the queue was long on its first day.</h2></header>"
		 "<div class=body><p>%s</p><p>%s</p></div></div></body>", a, a);
	CHECK(strncmp(text_of(page), "The broth shop on the corner reopened", 37) == 0);
	CHECK(strstr(R.text, "broth 39,") != NULL);
	/* Far from the body, with other text between, the same words are a teaser. */
	snprintf(page, sizeof(page),
		 "<head><meta name=description content=\"The broth shop on the corner reopened, "
		 "and the queue was long on its first day.\"></head><body>"
		 "<div class=teaser><p>The broth shop on the corner reopened, and the queue was "
		 "long on its first day.</p></div><div class=other><p>Opening hours change in "
		 "summer, and the market moves to the square from May to September, when the "
		 "stalls open early and close when the last fish is sold.</p></div>"
		 "<div class=body><p>%s</p><p>%s</p></div></body>", a, a);
	CHECK(strncmp(text_of(page), "broth 0, ", 9) == 0);
	CHECK(strstr(R.text, "corner") == NULL);
	/* Without a description, a lede is known by its class; teasers of a list of
	 * other articles share theirs and are not ledes. */
	snprintf(page, sizeof(page),
		 "<body><div class=wrap><h1>Broth again</h1><div class=teaser-text><p>The shop "
		 "on the corner reopened, and the queue was long on its first day of trade."
		 "</p></div>"
		 "<div class=body><p>%s</p><p>%s</p></div></div></body>", a, a);
	CHECK(strncmp(text_of(page), "The shop on the corner reopened", 31) == 0);
	snprintf(page, sizeof(page),
		 "<body><div class=list><div class=teaser-text>A market opens in the old harbour"
		 " hall this spring, with twelve stalls and a bakery.</div><div class=teaser-text>"
		 "The shop on the corner reopened, and the queue was long on its first day of "
		 "trade.</div></div>"
		 "<div class=body><p>%s</p><p>%s</p></div></body>", a, a);
	CHECK(strncmp(text_of(page), "broth 0, ", 9) == 0);
}

/* A long text outside the page's <main> (a pop-up, a notice) does not win over the
 * post inside it. */
static void test_prefer_main(void)
{
	char a[800], b[1600], page[6000];

	long_para("stew", 40, a, sizeof(a));
	long_para("popup", 60, b, sizeof(b));
	snprintf(page, sizeof(page),
		 "<body><main><div class=entry><p>%s</p></div></main>"
		 "<div class=modal><div class=inner><p>%s</p><p>%s</p></div></div></body>",
		 a, b, b);
	text_of(page);
	CHECK(strncmp(R.text, "stew 0, ", 8) == 0);
	CHECK(strstr(R.text, "popup") == NULL);
}

/* A <noscript> holding paragraphs of text is the post for readers without scripts
 * (the page writes it by script otherwise); a short one is a notice. */
static void test_noscript_post(void)
{
	char a[800], page[4000];

	long_para("noodle", 30, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<body><noscript><p>Please turn on JavaScript to see this site.</p></noscript>"
		 "<div class=post><script>document.write('<p>x</p>')</script>"
		 "<noscript><p>%s</p><p>The last line.</p></noscript></div></body>", a);
	text_of(page);
	CHECK(strncmp(R.text, "noodle 0, ", 10) == 0);
	CHECK(strstr(R.text, "The last line.") != NULL);
	CHECK(strstr(R.text, "JavaScript") == NULL);
}

/* Figures, captions and credits inside the post are not its prose; neither is what
 * the page hides. */
static void test_captions_hidden(void)
{
	char a[800], page[4000];

	long_para("rice", 40, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<body><article><p>%s</p><figure><img src=x><figcaption>A bowl of rice on a"
		 " table</figcaption></figure><p class=photo-credit>Photo: the cook's cousin, "
		 "all of it</p><div style=\"display: none\">Hidden helper text, long enough.</div>"
		 "<p>%s</p></article></body>", a, a);
	text_of(page);
	CHECK(strstr(R.text, "rice 39,") != NULL);
	CHECK(strstr(R.text, "bowl") == NULL);
	CHECK(strstr(R.text, "cousin") == NULL);
	CHECK(strstr(R.text, "Hidden") == NULL);
	/* Credits the page did not mark are captions too; a word like "photograph" in
	 * prose is not a credit. */
	snprintf(page, sizeof(page),
		 "<body><div class=post><p>%s</p><p>The cook at the stove. Photo: Kim Berg</p>"
		 "<p>Bowls on the table | \xc2\xa9 Rice Club</p><p>A photograph of the bowl hangs"
		 " by the door.</p><p>%s</p></div></body>", a, a);
	text_of(page);
	CHECK(strstr(R.text, "Kim Berg") == NULL);
	CHECK(strstr(R.text, "Rice Club") == NULL);
	CHECK(strstr(R.text, "A photograph of the bowl hangs by the door.") != NULL);
}

static void test_metadata(void)
{
	text_of("<html lang=en><head><title>Soup night | The Blog</title>"
		"<meta property=\"og:title\" content=\" Soup  night \">"
		"<meta name=author content=\"Kim Lee\">"
		"<meta property=\"article:published_time\" content=\"2024-03-02T10:00:00+01:00\">"
		"<link rel=canonical href=\"https://blog.example/soup\">"
		"</head><body><p>Text.</p></body></html>");
	CHECK_STR(R.title, "Soup night");
	CHECK_STR(R.author, "Kim Lee");
	CHECK_STR(R.published, "2024-03-02T10:00:00+01:00");
	CHECK_STR(R.url, "https://blog.example/soup");
	CHECK_STR(R.lang, "en");
	/* JSON-LD: the article's author names and date; a <time> only when nothing
	 * better says when; the language from content-language; og:url. */
	text_of("<head><meta http-equiv=content-language content=sv-SE>"
		"<meta property=og:url content=\"https://x.example/a\">"
		"<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
		"{\"@type\":\"NewsArticle\",\"headline\":\"Fika\",\"datePublished\":\"2023-11-05\","
		"\"author\":[{\"@type\":\"Person\",\"name\":\"Ann\"},{\"name\":\"Bo\"}]}]}</script>"
		"</head><body><time datetime=\"2020-01-01\">then</time><p>Text.</p></body>");
	CHECK_STR(R.title, "Fika");
	CHECK_STR(R.author, "Ann; Bo");
	CHECK_STR(R.published, "2023-11-05");
	CHECK_STR(R.url, "https://x.example/a");
	CHECK_STR(R.lang, "sv");
	/* Broken JSON-LD, a relative canonical URL, a date that is not one, a byline in a
	 * reader comment: none of them is taken. */
	text_of("<head><script type=\"application/ld+json\">{\"author\": </script>"
		"<link rel=canonical href=\"/relative\"><meta name=date content=\"yesterday\">"
		"</head><body><p>Text.</p><div class=comment><span class=comment-author>Olle"
		"</span><p>Hi.</p></div><time datetime=\"2021-05-06T07:08\">x</time></body>");
	CHECK(R.author == NULL);
	CHECK(R.url == NULL);
	CHECK_STR(R.published, "2021-05-06T07:08");
	/* A byline, "By" removed; the single <h1> the <title> starts with is the title. */
	text_of("<head><title>Dinner at Ola's - Food notes</title></head><body><h1>Dinner at "
		"Ola's</h1><p class=byline>By Sam Berg</p><p>Text.</p></body>");
	CHECK_STR(R.title, "Dinner at Ola's");
	CHECK_STR(R.author, "Sam Berg");
	/* An <h1> that is the site's name, further on in the <title>, is not the title. */
	text_of("<head><title>Dinner | Food notes</title></head><body><h1>Food notes</h1>"
		"<p>Text.</p></body>");
	CHECK_STR(R.title, "Dinner | Food notes");
}

/* A page that shows little of an article it declares whole in JSON-LD (the rest comes
 * by script) is read from the declaration. */
static void test_declared_body(void)
{
	char a[800], page[4000];

	long_para("declared", 60, a, sizeof(a));
	snprintf(page, sizeof(page),
		 "<head><script type=\"application/ld+json\">{\"@type\":\"Article\","
		 "\"articleBody\":\"%s\\n\\nLast words.\"}</script></head>"
		 "<body><p>Only the first lines of the article are shown here.</p></body>", a);
	text_of(page);
	CHECK(strncmp(R.text, "declared 0, ", 12) == 0);
	CHECK(strstr(R.text, "\n\nLast words.") != NULL);
}

/* Results of one page do not leak into the next. */
static void test_reuse(void)
{
	text_of("<html lang=en><title>T</title><meta name=author content=A><time datetime=2024-01-02>"
		"</time><link rel=canonical href=https://a.example/><p>a</p><div class=comment><p>c</p>"
		"</div></html>");
	CHECK_STR(R.author, "A");
	CHECK_STR(R.title, "T");
	CHECK_INT(R.ncomments, 1);
	CHECK_STR(text_of("<p>b</p>"), "b");
	CHECK(R.title == NULL);
	CHECK(R.lang == NULL);
	CHECK(R.author == NULL);
	CHECK(R.published == NULL);
	CHECK(R.url == NULL);
	CHECK_INT(R.ncomments, 0);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	H = cxs_html_new(&err);
	if (!H) {
		printf("FAIL cxs_html_new: %s\n", err.msg);
		return 1;
	}
	RUN(test_boilerplate_tags);
	RUN(test_boilerplate_marks);
	RUN(test_only_nav);
	RUN(test_title);
	RUN(test_lang);
	RUN(test_paragraphs);
	RUN(test_br);
	RUN(test_entities);
	RUN(test_malformed);
	RUN(test_no_external_entities);
	RUN(test_internal_subset);
	RUN(test_comments);
	RUN(test_charsets);
	RUN(test_deep_nesting);
	RUN(test_ascii_incompatible_labels);
	RUN(test_many_names);
	RUN(test_scoring);
	RUN(test_marks_are_hints);
	RUN(test_noscript_post);
	RUN(test_rivals_apart);
	RUN(test_lede);
	RUN(test_frame_lines);
	RUN(test_prefer_main);
	RUN(test_captions_hidden);
	RUN(test_metadata);
	RUN(test_declared_body);
	RUN(test_reuse);
	cxs_html_free(H);
	cxs_html_free(NULL);
	return cxs_test_done();
}

/* Unit tests of html_stopdens (stopword density of text) and of its part in
 * html_extract's block decisions, with small lists of the test's own. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cxs_test.h"
#include "html_extract.h"
#include "html_stopdens.h"

enum { SV, ES, EN, ZH };

static cxs_stopdens *SD;
static int notes;
static char last_note[512];

static void note(void *ctx, const char *msg)
{
	(void)ctx;
	notes++;
	snprintf(last_note, sizeof(last_note), "%s", msg);
}

static void write_list(const char *dir, const char *name, const char *words)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(2);
	}
	fputs(words, f);
	fclose(f);
}

/* sv, en and zh lists; no es.stop. */
static cxs_stopdens *load_lists(void)
{
	const char *dir = cxs_test_tmpdir();
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stopdens *sd;

	write_list(dir, "sv.stop", "# test list\noch\när\ndet\nen\ni\nvi\nvar\natt\nsom\npå\n");
	write_list(dir, "en.stop", "the\na\non\nit's\nwe\nwas\nand\nto\nof\nthere\nwould\ni\n"
		   "in\nis\nit\n");
	write_list(dir, "zh.stop", "\xe7\x9a\x84\n\xe4\xba\x86\n\xe6\x88\x91\xe4\xbb\xac\n");
	sd = cxs_stopdens_load(dir, note, NULL, &err);
	if (!sd)
		printf("  load failed: %s\n", err.msg);
	return sd;
}

static struct cxs_stopcount count(int li, const char *s)
{
	struct cxs_stopcount c;

	memset(&c, 0, sizeof(c));
	cxs_stopdens_count(SD, li, s, strlen(s), &c);
	return c;
}

static void test_load(void)
{
	json_t *lists = cxs_stopdens_lists(SD);

	CHECK_INT(notes, 1);
	CHECK(strstr(last_note, "es.stop") != NULL);
	CHECK_INT(json_array_size(lists), 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(lists, 0), "name")),
		  "stopwords/sv");
	json_decref(lists);
	CHECK_INT(cxs_stopdens_lang(SD, "en"), EN);
	CHECK_INT(cxs_stopdens_lang(SD, "zh"), ZH);
	CHECK_INT(cxs_stopdens_lang(SD, "es"), -1);   /* no file */
	CHECK_INT(cxs_stopdens_lang(SD, "de"), -1);
	CHECK_INT(cxs_stopdens_lang(SD, NULL), -1);
	CHECK_INT(cxs_stopdens_lang(NULL, "en"), -1);
	CHECK_STR(cxs_stopdens_lang_name(ZH), "zh");
}

static void test_count(void)
{
	struct cxs_stopcount c = count(EN, "The pasta was cold, and the waiter on his phone.");
	char big[400];

	CHECK_INT(c.words, 10);
	CHECK_INT(c.stop[EN], 5);       /* the, was, and, the, on */
	CHECK_INT(c.stop[SV], 0);       /* only the list asked for */
	CHECK(cxs_stopdens_of(&c, EN) > 0.49 && cxs_stopdens_of(&c, EN) < 0.51);
	/* Typographic and plain apostrophes inside a word; an apostrophe ends none. */
	c = count(EN, "It\xe2\x80\x99s late, it's 'late'");
	CHECK_INT(c.words, 4);
	CHECK_INT(c.stop[EN], 2);
	/* Latin-1 capitals are lowered: "Är", "DET". */
	c = count(-1, "\xc3\x84r DET en bra plats? I think it is.");
	CHECK_INT(c.words, 9);
	CHECK_INT(c.stop[SV], 4);       /* är, det, en, i */
	CHECK_INT(c.stop[EN], 3);       /* i, it, is */
	CHECK_INT(cxs_stopdens_best(&c), SV);
	/* Every ideograph is a word; one-character entries are stopwords, 我们 never
	 * matches character by character. */
	c = count(ZH, "\xe6\x88\x91\xe4\xbb\xac\xe5\x90\x83\xe4\xba\x86\xe9\xa5\xad\xe3\x80\x82"
		      "\xe5\xa5\xbd\xe7\x9a\x84 ok");
	CHECK_INT(c.words, 8);
	CHECK_INT(c.stop[ZH], 2);       /* 了, 的 */
	/* A word longer than any list's longest is counted, never looked up. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	c = count(-1, big);
	CHECK_INT(c.words, 1);
	CHECK_INT(cxs_stopdens_best(&c), -1);
	CHECK(cxs_stopdens_of(&c, EN) == 0.0);
	c = count(EN, "");
	CHECK_INT(c.words, 0);
	CHECK(cxs_stopdens_of(&c, EN) == 0.0);
}

/* The text of `page` extracted by `h`. */
static const char *extract(cxs_html *h, const char *page)
{
	static struct cxs_html_result r;
	cxs_err err = { CXS_E_NONE, "" };

	if (cxs_html_extract(h, page, strlen(page), NULL, &r, &err) < 0) {
		printf("  extract failed: %s\n", err.msg);
		return "";
	}
	return r.text;
}

#define POST(lang, extra) \
	"<html lang=" lang "><body><div class=post>" \
	"<p>We went there on a rainy Sunday and it was the best lunch of the month, a " \
	"long table in the back and the soup of the day to start.</p>" \
	"<p>The staff was kind to the children and the bill was fair, so we would go " \
	"there again in the spring.</p>" extra "</div></body></html>"

/* A block of words without stopwords (a list of places) is left out of the main text,
 * and a short line that reads as a sentence is kept at its end; without lists, the
 * other way round. */
static void test_block_decisions(cxs_html *plain, cxs_html *h)
{
	const char *page = POST("en", "<div>Oslo Bergen Trondheim Stavanger Drammen Bodø Tromsø "
					"Ålesund Kristiansand Lillehammer</div>"
					"<p>I would go back there any day</p>");
	const char *t;

	t = extract(plain, page);
	CHECK(strstr(t, "Oslo Bergen") != NULL);
	CHECK(strstr(t, "any day") == NULL);
	t = extract(h, page);
	CHECK(strstr(t, "Oslo Bergen") == NULL);
	CHECK(strstr(t, "\n\nI would go back there any day") != NULL);
	CHECK(strstr(t, "We went there") == t);
	/* No language hint: the lists' hits say English. */
	page = POST("\"\"", "<div>Oslo Bergen Trondheim Stavanger Drammen Bodø Tromsø "
			  "Ålesund Kristiansand Lillehammer</div>");
	CHECK(strstr(extract(h, page), "Oslo Bergen") == NULL);
	/* A language without a list: length and links only. */
	page = POST("de", "<div>Oslo Bergen Trondheim Stavanger Drammen Bodø Tromsø "
			  "Ålesund Kristiansand Lillehammer</div>");
	CHECK(strstr(extract(h, page), "Oslo Bergen") != NULL);
	/* A quote in another language with a list is prose, not a list of words. */
	page = POST("sv", "<p>Vi var d\xc3\xa4r p\xc3\xa5 en regnig dag och det var att rekommendera "
			  "som lunch</p>");
	CHECK(strstr(extract(h, page), "Vi var d") != NULL);
}

/* Scoring: of two parts as long as each other, the one of prose wins over the one of
 * words (codes and names without stopwords), which won as the first of equals. */
static void test_scoring(cxs_html *plain, cxs_html *h)
{
	const char *page =
		"<html lang=en><body><div id=x><div class=a>"
		"<p>Model XR-200 Model XR-300 Model XR-400 Model XR-500 Model XR-600 Alpha Beta</p>"
		"<p>Model ZT-200 Model ZT-300 Model ZT-400 Model ZT-500 Model ZT-600 Gamma Delta</p>"
		"<p>Model QP-200 Model QP-300 Model QP-400 Model QP-500 Model QP-600 Omega Sigma</p>"
		"</div></div><div id=y><div class=b>"
		"<p>The first one was the best of the lot and it was there in a minute or two.</p>"
		"<p>We sent the second one back to the shop as it was loud in the night.</p>"
		"<p>The third is fine and it is on the shelf in the hall to this day.</p>"
		"</div></div></body></html>";

	CHECK(strstr(extract(plain, page), "Model XR-200") != NULL);
	CHECK(strstr(extract(plain, page), "The first one") == NULL);
	CHECK(strstr(extract(h, page), "The first one") != NULL);
	CHECK(strstr(extract(h, page), "Model") == NULL);
}

static void test_extract(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_html *plain = cxs_html_new(&err), *h = cxs_html_new(&err);

	if (!plain || !h) {
		printf("  cxs_html_new: %s\n", err.msg);
		CHECK(0);
	} else {
		cxs_html_set_stopwords(h, SD);
		test_block_decisions(plain, h);
		test_scoring(plain, h);
	}
	cxs_html_free(plain);
	cxs_html_free(h);
}

static void test_bad_list(void)
{
	const char *dir = cxs_test_tmpdir();
	cxs_err err = { CXS_E_NONE, "" };
	char sub[512];

	snprintf(sub, sizeof(sub), "%s/bad", dir);
	CHECK(mkdir(sub, 0700) == 0);
	write_list(sub, "en.stop", "the\ntwo words\n");
	CHECK(cxs_stopdens_load(sub, NULL, NULL, &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK(strstr(err.msg, "en.stop:2: more than one word") != NULL);
	cxs_stopdens_free(NULL);
}

int main(void)
{
	SD = load_lists();
	if (!SD) {
		printf("FAIL load_lists\n");
		return 1;
	}
	RUN(test_load);
	RUN(test_count);
	RUN(test_extract);
	RUN(test_bad_list);
	cxs_stopdens_free(SD);
	return cxs_test_done();
}

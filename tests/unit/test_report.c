/* Unit tests of cxs-report's modules: bounded counting, record checks, aggregates and
 * excerpts, CSV quoting and HTML escaping. */
#include <jansson.h>
#include <stdio.h>

#include "cxs_test.h"
#include "report_agg.h"
#include "report_csv.h"
#include "report_doc.h"
#include "report_html.h"
#include "report_topk.h"

static void test_topk_exact_below_capacity(void)
{
	report_topk *t = report_topk_new(4);
	struct report_topk_entry e[4];
	size_t n;

	report_topk_add(t, "b", 1, 1);
	report_topk_add(t, "a", 1, 2);
	report_topk_add(t, "c", 1, 1);
	report_topk_add(t, "b", 1, 1);
	n = report_topk_list(t, e);
	CHECK_INT(n, 3);
	/* a 2 and b 2 tie: byte order; then c */
	CHECK_STR(e[0].key, "a");
	CHECK_STR(e[1].key, "b");
	CHECK_STR(e[2].key, "c");
	CHECK_INT(e[1].count, 2);
	CHECK_INT(e[0].overcount + e[1].overcount + e[2].overcount, 0);
	CHECK_INT(report_topk_total(t), 5);
	report_topk_free(t);
	report_topk_free(NULL);
}

/* Over capacity: a key more frequent than N / capacity is never lost, and each count
 * bounds the true one from above, count - overcount from below. */
static void test_topk_bounded(void)
{
	report_topk *t = report_topk_new(4);
	struct report_topk_entry e[4];
	char key[16];
	long long truth_hot = 0;
	size_t n, i;
	int k;

	for (k = 0; k < 300; k++) {
		if (k % 2 == 0) {
			report_topk_add(t, "hot", 3, 1);
			truth_hot++;
		} else {
			snprintf(key, sizeof key, "cold%d", k);
			report_topk_add(t, key, strlen(key), 1);
		}
	}
	CHECK_INT(report_topk_size(t), 4);
	n = report_topk_list(t, e);
	CHECK_INT(n, 4);
	CHECK_STR(e[0].key, "hot");
	CHECK(e[0].count >= truth_hot && e[0].count - e[0].overcount <= truth_hot);
	for (i = 1; i < n; i++)  /* a cold key was added once */
		CHECK(e[i].count - e[i].overcount <= 1 && e[i].overcount > 0);
	report_topk_free(t);
}

static void test_host_of(void)
{
	char h[64];

	report_host_of("https://www.Example.TEST:8443/a?b#c", h, sizeof h);
	CHECK_STR(h, "www.example.test");
	report_host_of("http://user:pw@blog.test/x", h, sizeof h);
	CHECK_STR(h, "blog.test");
	report_host_of("http://[::1]:80/", h, sizeof h);
	CHECK_STR(h, "[::1]");
	report_host_of("crawl/site/index.html", h, sizeof h);
	CHECK_STR(h, "");
	report_host_of("mailto:x@y.test", h, sizeof h);
	CHECK_STR(h, "");
}

static cxs_rec *rec_handle;
static report_docbuf *doc_buf;

/* Reads record `s` into `d` as cxs-report does: one cxs_rec and one docbuf for all. */
static int read_doc(const char *s, struct report_doc *d, cxs_err *err)
{
	if (!rec_handle)
		rec_handle = cxs_rec_new();
	if (!doc_buf)
		doc_buf = report_docbuf_new();
	if (cxs_rec_parse(rec_handle, s, strlen(s)) != 0) {
		printf("  bad test JSON: %s\n", cxs_rec_reason(rec_handle));
		return -2;
	}
	return report_doc_read(doc_buf, rec_handle, d, err);
}

static void test_doc_checks(void)
{
	struct report_doc d;
	cxs_err err = { CXS_E_NONE, "" };

	CHECK_INT(read_doc("{\"id\":\"x\",\"text\":\"t\"}", &d, &err), -1);
	CHECK(strstr(err.msg, "no 'signals' array") != NULL);
	CHECK_INT(read_doc("{\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\","
			   "\"score\":1,\"evidence\":[{\"start\":0}]}]}", &d, &err), -1);
	CHECK_STR(err.msg, "evidence 0 of signal 0 has no 'term' string");
	CHECK_INT(read_doc("{\"signals\":[{\"dim\":\"\",\"polarity\":\"positive\"}]}", &d,
			   &err), -1);
	CHECK_STR(err.msg, "signal 0 has no 'dim' string");
	CHECK_INT(read_doc("{\"signals\":[{\"dim\":\"a\",\"polarity\":\"positive\",\"score\":1,"
			   "\"evidence\":[]},{\"dim\":\"b\",\"polarity\":\"good\"}]}", &d, &err),
		  -1);
	CHECK_STR(err.msg, "signal 1 has no 'polarity' positive, negative or neutral");
	CHECK_INT(read_doc("{\"signals\":[{\"dim\":\"a\",\"polarity\":\"neutral\","
			   "\"score\":\"0\"}]}", &d, &err), -1);
	CHECK_STR(err.msg, "signal 0 has no 'score' number");
	CHECK_INT(read_doc("{\"signals\":[{\"dim\":\"a\",\"polarity\":\"neutral\","
			   "\"score\":0}]}", &d, &err), -1);
	CHECK_STR(err.msg, "signal 0 has no 'evidence' array");
	CHECK_INT(read_doc("{\"signals\":[7]}", &d, &err), -1);
	CHECK_STR(err.msg, "signal 0 is not an object");
	CHECK_INT(read_doc("{\"id\":\"y\",\"text\":\"h\xc3\xa4j\",\"url\":\"https://A.test/\","
			   "\"source\":{\"uri\":\"f.jsonl\",\"kind\":\"jsonl\"},\"signals\":[]}",
			   &d, &err), 0);
	CHECK_STR(d.lang, "und");
	CHECK_STR(d.host, "a.test");
	CHECK_STR(d.kind, "jsonl");
	CHECK_STR(d.title, "");
	CHECK_INT(d.sentiment, REPORT_NEU);
	CHECK(d.sentences == NULL);
	CHECK(report_doc_span_ok(&d, 0, 1));
	CHECK(!report_doc_span_ok(&d, 0, 2));  /* inside "ä" */
	CHECK(report_doc_span_ok(&d, 1, 3));
	CHECK(!report_doc_span_ok(&d, 2, 2));
	CHECK(!report_doc_span_ok(&d, 3, 5));
}

/* Every field as the report uses it, from a record spelled the way a hand or another
 * tool writes JSON (spaces, escapes): values read as jansson reads them. */
static void test_doc_fields(void)
{
	struct report_doc d;
	cxs_err err = { CXS_E_NONE, "" };
	const struct report_evidence *e;

	CHECK_INT(read_doc("{ \"id\" : \"r\\u00e9-1\", \"lang\":\"sv\", \"title\":\"\\\"Fika\\\" \\\\ kaffe\","
			   "\"text\":\"Bra fika.\\nTrevlig personal.\", \"sentences\":[0,9,10,\"x\"],"
			   "\"source\":{\"kind\":\"feed\",\"uri\":\"http://Feed.test/rss\",\"locator\":\"item 2\"},"
			   "\"sentiment\":{\"polarity\":\"positive\",\"score\":0.5e0},"
			   "\"lexicon\":{\"name\":\"cx-core\",\"version\":\"1.6.0\"},"
			   "\"signals\":[{\"dim\":\"product\",\"polarity\":\"positive\",\"score\":1,"
			   "\"hits\":2.0,\"evidence\":[{\"start\":4,\"end\":8,\"text\":\"fika\","
			   "\"term\":\"fika\",\"sentence\":0},{\"start\":10.0,\"end\":18,"
			   "\"term\":\"\\ud83d\\ude00 tr\\u00e4\",\"sentence\":null}]},"
			   "{\"dim\":\"staff\",\"polarity\":\"negative\",\"score\":-0.25,\"hits\":3,"
			   "\"evidence\":[{\"start\":19,\"end\":27,\"term\":\"personal\","
			   "\"sentence\":1}]}]}", &d, &err), 0);
	CHECK_STR(d.id, "r\xc3\xa9-1");
	CHECK_STR(d.title, "\"Fika\" \\ kaffe");
	CHECK_INT(d.text_len, 27);
	CHECK(d.text[9] == '\n');
	CHECK_STR(d.host, "feed.test");
	CHECK_STR(d.locator, "item 2");
	CHECK_STR(d.lexicon, "cx-core");
	CHECK_STR(d.lexicon_version, "1.6.0");
	CHECK_INT(d.sentiment, REPORT_POS);
	CHECK(d.sentiment_score == 0.5);
	CHECK_INT(d.nsentences, 4);
	CHECK(d.sentences[2] == 10 && d.sentences[3] == 0);  /* not an integer: 0 */
	CHECK_INT(d.nsig, 2);
	CHECK_STR(d.sig[0].dim, "product");
	CHECK(d.sig[0].hits == 0);                             /* 2.0 is no integer */
	CHECK_INT(d.sig[0].nev, 2);
	e = &d.sig[0].ev[1];
	CHECK(e->start == 0 && e->end == 18 && !e->has_sentence && e->text == NULL);
	CHECK_STR(e->term, "\xf0\x9f\x98\x80 tr\xc3\xa4");
	CHECK_INT(e->term_len, 9);
	CHECK(d.sig[0].ev[0].has_sentence && d.sig[0].ev[0].sentence == 0);
	CHECK_STR(d.sig[0].ev[0].text, "fika");
	CHECK_INT(d.sig[1].polarity, REPORT_NEG);
	CHECK(d.sig[1].score == -0.25 && d.sig[1].hits == 3);
	CHECK_INT(d.sig[1].nev, 1);
	CHECK(d.sig[1].ev == d.sig[0].ev + 2);
	CHECK_STR(d.sig[1].ev[0].term, "personal");
}

/* Two records whose signals together tell the pack's order a, b, c, d. */
static const char *ORDER_RECS[] = {
	"{\"lang\":\"en\",\"signals\":[{\"dim\":\"a\",\"polarity\":\"positive\",\"score\":0.5,"
	"\"evidence\":[]},{\"dim\":\"c\",\"polarity\":\"negative\",\"score\":-0.5,\"evidence\":[]}]}",
	"{\"lang\":\"en\",\"signals\":[{\"dim\":\"b\",\"polarity\":\"neutral\",\"score\":0,"
	"\"evidence\":[]},{\"dim\":\"c\",\"polarity\":\"positive\",\"score\":0.2,\"evidence\":[]},"
	"{\"dim\":\"d\",\"polarity\":\"positive\",\"score\":0.1,\"evidence\":[]}]}",
	"{\"lang\":\"sv\",\"signals\":[{\"dim\":\"a\",\"polarity\":\"positive\",\"score\":0.5,"
	"\"evidence\":[]},{\"dim\":\"b\",\"polarity\":\"positive\",\"score\":0.5,\"evidence\":[]}]}",
};

static report_agg *agg_of(const char *const *recs, size_t n, size_t examples)
{
	report_agg *a = report_agg_new(examples, 10);
	struct report_doc d;
	cxs_err err;
	size_t i;

	for (i = 0; i < n; i++) {
		CHECK_INT(read_doc(recs[i], &d, &err), 0);
		CHECK_INT(report_agg_add(a, &d), 0);
	}
	return a;
}

static void test_agg_order_and_cells(void)
{
	report_agg *a = agg_of(ORDER_RECS, 3, 2);
	const char *pack[] = { "d", "c", "b", "a" };
	long long n[REPORT_NPOL];

	CHECK_INT(report_agg_ndims(a), 4);
	CHECK_STR(report_agg_dim(a, 0), "a");
	CHECK_STR(report_agg_dim(a, 1), "b");
	CHECK_STR(report_agg_dim(a, 2), "c");
	CHECK_STR(report_agg_dim(a, 3), "d");
	CHECK_INT(report_agg_nlangs(a), 2);
	CHECK_STR(report_agg_lang(a, 0)->name, "en");
	CHECK_INT(report_agg_lang(a, 0)->documents, 2);
	report_agg_cell(a, REPORT_ALL, 2, n);  /* c */
	CHECK_INT(n[REPORT_POS], 1);
	CHECK_INT(n[REPORT_NEG], 1);
	report_agg_cell(a, 1, 0, n);           /* sv, a */
	CHECK_INT(n[REPORT_POS], 1);
	/* a pack order that the records contradict does not win over them */
	CHECK_INT(report_agg_set_order(a, pack, 4), 0);
	CHECK_STR(report_agg_dim(a, 0), "a");
	CHECK_STR(report_agg_dim(a, 3), "d");
	report_agg_free(a);
	report_agg_free(NULL);
}

/* Examples: the best `examples` per direction, earlier documents first on a tie, and an
 * excerpt made of the evidence's sentences with marks at the right bytes. */
static void test_agg_examples(void)
{
	static const char *recs[] = {
		"{\"id\":\"1\",\"text\":\"Slow. The waiter was rude!\",\"sentences\":[0,5,6,26],"
		"\"signals\":[{\"dim\":\"staff\",\"polarity\":\"negative\",\"score\":-0.5,"
		"\"evidence\":[{\"start\":10,\"end\":16,\"term\":\"waiter\",\"sentence\":1},"
		"{\"start\":21,\"end\":25,\"term\":\"rude\",\"sentence\":1}]}]}",
		"{\"id\":\"2\",\"text\":\"Rude staff.\",\"sentences\":[0,11],\"signals\":[{\"dim\":"
		"\"staff\",\"polarity\":\"negative\",\"score\":-0.5,\"evidence\":[{\"start\":5,"
		"\"end\":10,\"term\":\"staff\",\"sentence\":0}]}]}",
		"{\"id\":\"3\",\"text\":\"Awful staff.\",\"signals\":[{\"dim\":\"staff\",\"polarity\":"
		"\"negative\",\"score\":-0.9,\"evidence\":[{\"start\":6,\"end\":11,\"term\":\"staff\","
		"\"sentence\":7}]}]}",
	};
	report_agg *a = agg_of(recs, 3, 2);
	const struct report_example *e;
	size_t n;

	e = report_agg_examples(a, 0, REPORT_NEG, &n);
	CHECK_INT(n, 2);
	CHECK_STR(e[0].id, "3");
	CHECK_STR(e[1].id, "1");  /* ties with "2", and came first */
	CHECK_STR(e[1].excerpt, "The waiter was rude!");
	CHECK_INT(e[1].nmarks, 2);
	CHECK_INT(e[1].marks[0].start, 4);
	CHECK_INT(e[1].marks[1].end, 19);
	CHECK_STR(e[1].marks[1].term, "rude");
	/* sentence 7 does not exist: a window around the evidence instead */
	CHECK_STR(e[0].excerpt, "Awful staff.");
	e = report_agg_examples(a, 0, REPORT_POS, &n);
	CHECK_INT(n, 0);
	report_agg_free(a);
}

static void test_csv_field(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	report_csv_field(f, "plain", 5);
	putc('|', f);
	report_csv_field(f, "a,b", 3);
	putc('|', f);
	report_csv_field(f, "say \"hi\"", 8);
	putc('|', f);
	report_csv_field(f, "two\nlines", 9);
	putc('|', f);
	report_csv_field(f, "", 0);
	fclose(f);
	CHECK_STR(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|");
	free(buf);
}

static void test_html_escape(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char s[] = "<script>alert(\"x\" & 'y')</script>\x01\t\xc3\xa4";

	report_html_escape(f, s, sizeof s - 1);
	fclose(f);
	CHECK_STR(buf, "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; "
		  "\t\xc3\xa4");
	free(buf);
}

int main(void)
{
	RUN(test_topk_exact_below_capacity);
	RUN(test_topk_bounded);
	RUN(test_host_of);
	RUN(test_doc_checks);
	RUN(test_doc_fields);
	RUN(test_agg_order_and_cells);
	RUN(test_agg_examples);
	RUN(test_csv_field);
	RUN(test_html_escape);
	cxs_rec_free(rec_handle);
	report_docbuf_free(doc_buf);
	return cxs_test_done();
}

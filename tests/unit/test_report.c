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

static json_t *rec(const char *s)
{
	json_error_t je;
	json_t *j = json_loads(s, 0, &je);

	if (!j)
		printf("  bad test JSON: %s\n", je.text);
	return j;
}

static void test_doc_checks(void)
{
	struct report_doc d;
	cxs_err err = { CXS_E_NONE, "" };
	json_t *j;

	j = rec("{\"id\":\"x\",\"text\":\"t\"}");
	CHECK_INT(report_doc_read(j, &d, &err), -1);
	CHECK(strstr(err.msg, "no 'signals' array") != NULL);
	json_decref(j);
	j = rec("{\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\",\"score\":1,"
		"\"evidence\":[{\"start\":0}]}]}");
	CHECK_INT(report_doc_read(j, &d, &err), -1);
	CHECK_STR(err.msg, "evidence 0 of signal 0 has no 'term' string");
	json_decref(j);
	j = rec("{\"id\":\"y\",\"text\":\"h\xc3\xa4j\",\"url\":\"https://A.test/\","
		"\"source\":{\"uri\":\"f.jsonl\",\"kind\":\"jsonl\"},\"signals\":[]}");
	CHECK_INT(report_doc_read(j, &d, &err), 0);
	CHECK_STR(d.lang, "und");
	CHECK_STR(d.host, "a.test");
	CHECK_INT(d.sentiment, REPORT_NEU);
	CHECK(report_doc_span_ok(&d, 0, 1));
	CHECK(!report_doc_span_ok(&d, 0, 2));  /* inside "ä" */
	CHECK(report_doc_span_ok(&d, 1, 3));
	CHECK(!report_doc_span_ok(&d, 2, 2));
	CHECK(!report_doc_span_ok(&d, 3, 5));
	json_decref(j);
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
		json_t *j = rec(recs[i]);

		CHECK_INT(report_doc_read(j, &d, &err), 0);
		CHECK_INT(report_agg_add(a, &d), 0);
		json_decref(j);
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
	RUN(test_agg_order_and_cells);
	RUN(test_agg_examples);
	RUN(test_csv_field);
	RUN(test_html_escape);
	return cxs_test_done();
}

/* Unit tests of the table modules of fetch: fetch_csv (rows and their lines, fed in
 * pieces of any size), fetch_map (rules, defaults, values) and fetch_dedup. */
#include <string.h>

#include "cxs_buf.h"
#include "cxs_test.h"
#include "fetch_csv.h"
#include "fetch_dedup.h"
#include "fetch_map.h"

/* Rows as "LINE:field|field|...;" (or "LINE:LONG;"). */
static int collect(void *ctx, const struct cxs_csv_row *row)
{
	cxs_buf *b = ctx;
	size_t i;

	cxs_buf_addf(b, "%lld:", row->line);
	if (row->too_long)
		cxs_buf_addstr(b, "LONG");
	for (i = 0; i < row->nfields; i++)
		cxs_buf_addf(b, "%s%s", i ? "|" : "", row->fields[i]);
	cxs_buf_addch(b, ';');
	return 0;
}

/* Parses `in` fed `step` bytes at a time; the rows, then "!" and the open row's line
 * when a quote is left open. */
static void parse(const char *in, int tsv, size_t max, size_t step, cxs_buf *out)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_csv *c = cxs_csv_new(tsv, max, &e);
	char *copy = strdup(in);
	size_t n = strlen(in), pos, bytes, rawlen;
	const char *raw;
	int rc;

	cxs_buf_reset(out);
	for (pos = 0; pos < n; pos += step)
		CHECK_INT(cxs_csv_feed(c, copy + pos, pos + step < n ? step : n - pos, collect,
				       out, &e), 0);
	rc = cxs_csv_finish(c, collect, out, &e);
	if (rc == CXS_CSV_UNCLOSED)
		cxs_buf_addf(out, "!%lld", cxs_csv_open_row(c, &bytes, &raw, &rawlen));
	else
		CHECK_INT(rc, 0);
	free(copy);
	cxs_csv_free(c);
}

static void check_parse(const char *in, int tsv, size_t max, const char *want)
{
	cxs_buf out = CXS_BUF_INIT;
	size_t steps[] = { 1, 2, 3, 7, 4096 }, i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		parse(in, tsv, max, steps[i], &out);
		CHECK_STR(out.p, want);
	}
	cxs_buf_release(&out);
}

static void test_csv_rows(void)
{
	check_parse("a,b\nc,d\n", 0, 1024, "1:a|b;2:c|d;");
	check_parse("a,b\r\n\r\n  \n\"x\r\ny\",z\rlast", 0, 1024, "1:a|b;4:x\r\ny|z;6:last;");
	check_parse("\"he said \"\"hi\"\"\",  padded  ,\n", 0, 1024, "1:he said \"hi\"|padded|;");
	check_parse("a,\"open\nfield", 0, 1024, "!1");
	check_parse("ok\n\"never\nclosed,\n", 0, 1024, "1:ok;!2");
	check_parse("a\t\"b\"\tc\n\td\n", 1, 1024, "1:a|\"b\"|c;2:|d;");
	check_parse("say \"hi\nthere\n", 1, 1024, "1:say \"hi;2:there;");
	check_parse("x\n\"0123456789 0123456789\",y\nz\n", 0, 10, "1:x;2:LONG;3:z;");
	check_parse("x\n\"0123456789\n0123456789\",y\nz\n", 0, 10, "1:x;2:LONG;4:z;");
	/* A too-long row whose quoted field has a quote, a space and another quote ("a" "):
	 * the space makes the second quote a plain character, so the field stays open to
	 * the end of the row. Forgetting the parser's count of those spaces between pieces
	 * made it read the quotes as "" and the row as never closed (fuzz_csv,
	 * regressions/csv/too-long-row-quote-space-quote-in-pieces). */
	check_parse("\"0123456789\" \" x\" \",y\nz\n", 0, 10, "1:LONG;2:z;");
}

static void test_csv_nul(void)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_buf out = CXS_BUF_INIT;
	cxs_csv *c = cxs_csv_new(1, 1024, &e);
	char in[] = { 'a', '\0', 'b', '\t', 'c', '\n' };

	CHECK_INT(cxs_csv_feed(c, in, sizeof(in), collect, &out, &e), 0);
	CHECK_INT(cxs_csv_finish(c, collect, &out, &e), 0);
	CHECK_STR(out.p, "1:a\xff" "b|c;");
	cxs_csv_free(c);
	cxs_buf_release(&out);
}

/* Applies `spec` to the JSON object `in`; the result as compact JSON of the fields
 * set, or "reject: REASON". */
static void check_map(const char *spec, const char *in, const char *want)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_map *m = cxs_map_new(spec, &e);
	struct cxs_map_result r;
	cxs_buf why = CXS_BUF_INIT;
	json_t *o = json_loads(in, 0, NULL), *got;
	char *s;
	int rc;

	CHECK(m && o);
	if (!m || !o)
		return;
	rc = cxs_map_apply(m, o, &r, &why);
	if (rc == 1) {
		got = json_pack("{s:s}", "reject", why.p);
	} else {
		const char *k[] = { "id", "text", "title", "url", "author", "published", "lang" };
		const char *v[] = { r.id, r.text, r.title, r.url, r.author, r.published,
				    r.lang_hint };
		size_t j;
		got = json_object();
		for (j = 0; j < sizeof(k) / sizeof(k[0]); j++)
			if (v[j])
				json_object_set_new(got, k[j], json_string(v[j]));
		if (r.meta)
			json_object_set(got, "meta", r.meta);
		if (r.gold)
			json_object_set(got, "gold", r.gold);
	}
	s = json_dumps(got, JSON_COMPACT);
	CHECK_STR(s, want);
	free(s);
	json_decref(got);
	cxs_map_result_release(&r);
	json_decref(o);
	cxs_buf_release(&why);
	cxs_map_free(m);
}

static void test_map_defaults(void)
{
	check_map(NULL, "{\"text\":\"Hej\",\"id\":\"\",\"lang\":\"sv-SE\",\"x\":\"1\"}",
		  "{\"text\":\"Hej\",\"lang\":\"sv\",\"meta\":{\"x\":\"1\"}}");
	check_map(NULL, "{\"text\":\"Hi\",\"gold.polarity\":\"-1\",\"meta.k\":\"v\",\"author\":\"A\"}",
		  "{\"text\":\"Hi\",\"author\":\"A\",\"meta\":{\"k\":\"v\"},\"gold\":{\"polarity\":-1}}");
	check_map(NULL, "{\"title\":\"no text\"}", "{\"reject\":\"record has no 'text' string\"}");
	check_map(NULL, "{\"text\":\"  \"}", "{\"reject\":\"empty 'text' field\"}");
	check_map(NULL, "{\"text\":\"a\",\"lang\":\"Swedish?\"}",
		  "{\"text\":\"a\",\"meta\":{\"lang\":\"Swedish?\"}}");
}

static void test_map_rules(void)
{
	check_map("text=review,id=rid,gold.polarity=label[1=positive;0=negative]",
		  "{\"rid\":7,\"review\":\"Good\",\"text\":\"other\",\"label\":\"0\"}",
		  "{\"id\":\"7\",\"text\":\"Good\",\"meta\":{\"text\":\"other\"},\"gold\":{\"polarity\":\"negative\"}}");
	check_map("text=review", "{\"body\":\"x\"}", "{\"reject\":\"no field 'review' (--map text=review)\"}");
	check_map("gold.rating=s,meta.src=s", "{\"text\":\"t\",\"s\":\"4.0\"}",
		  "{\"text\":\"t\",\"meta\":{\"src\":\"4.0\"},\"gold\":{\"rating\":4}}");
	check_map("gold.rating=s", "{\"text\":\"t\",\"s\":\"4.5\"}",
		  "{\"text\":\"t\",\"gold\":{\"rating\":\"4.5\"}}");
	check_map("gold.rating=s", "{\"text\":\"t\",\"s\":\"01\"}",
		  "{\"text\":\"t\",\"gold\":{\"rating\":\"01\"}}");
	check_map("gold.opinions=a_*", "{\"text\":\"t\",\"a_x\":\"1\",\"a_y\":\"-2\",\"a_z\":-1}",
		  "{\"text\":\"t\",\"gold\":{\"opinions\":[{\"category\":\"a_x\",\"polarity\":\"positive\"},"
		  "{\"category\":\"a_z\",\"polarity\":\"negative\"}]}}");
	check_map("gold.opinions=a_*", "{\"text\":\"t\",\"a_y\":\"\"}",
		  "{\"text\":\"t\",\"gold\":{\"opinions\":[]}}");
	check_map("gold.opinions=a_*", "{\"text\":\"t\",\"a_y\":\"yes\"}",
		  "{\"reject\":\"'a_y': 'yes' is not an opinion polarity (1, 0, -1, -2, positive, "
		  "neutral, negative, conflict or empty)\"}");
	check_map("gold.x=g", "{\"text\":\"t\",\"g\":\"1\",\"gold\":{\"x\":\"old\",\"y\":2}}",
		  "{\"text\":\"t\",\"gold\":{\"x\":\"1\",\"y\":2}}");
}

static void test_map_parse(void)
{
	const char *bad[] = { "text", "nope=a", "text=", "text=a,text=b", "t=a[x]",
			      "gold.p=a[1=x", "text=a,,id=b", "text=a]" };
	cxs_err e = { CXS_E_NONE, "" };
	cxs_buf why = CXS_BUF_INIT;
	const char *cols[] = { "review", "label", "asp_a" };
	const char *dup[] = { "text", "x", "text" };
	size_t i;
	cxs_map *m;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		m = cxs_map_new(bad[i], &e);
		CHECK(!m);
		CHECK_INT(e.kind, CXS_E_CONFIG);
		cxs_map_free(m);
	}
	m = cxs_map_new("text=review,gold.p=label[1=a;0=b],gold.opinions=asp_*", &e);
	CHECK(m && cxs_map_given(m));
	CHECK_INT(cxs_map_check_header(m, cols, 3, &why), 0);
	CHECK_INT(cxs_map_check_header(m, cols, 2, &why), 1);
	CHECK_STR(why.p, "no column matches 'asp_*' (--map gold.opinions=asp_*)");
	cxs_map_free(m);
	m = cxs_map_new("", &e);
	CHECK(m && !cxs_map_given(m));
	CHECK_INT(cxs_map_check_header(m, cols, 3, &why), 1);
	CHECK_INT(cxs_map_check_header(m, dup, 3, &why), 1);
	CHECK_STR(why.p, "column 'text' appears twice in the header");
	cxs_map_free(m);
	cxs_buf_release(&why);
}

static void test_dedup(void)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_dedup *d = cxs_dedup_new(&e);
	const char *first = NULL;
	char id[16];
	int i, dups = 0;

	CHECK_INT(cxs_dedup_check(d, "Caf\xc3\xa9 au lait", 13, "a", &first, &e), 0);
	CHECK_INT(cxs_dedup_check(d, "  Cafe\xcc\x81\n au\t\tlait ", 19, "b", &first, &e), 1);
	CHECK_STR(first, "a");
	CHECK_INT(cxs_dedup_check(d, "cafe\xcc\x81 au lait", 14, "c", &first, &e), 0);
	CHECK_INT(cxs_dedup_check(d, "Cafe au lait", 12, "d", &first, &e), 0);
	CHECK_INT(cxs_dedup_check(d, "\xe5\xa5\xbd\xe3\x80\x80\xe5\x90\x83", 9, "e", &first, &e), 0);
	CHECK_INT(cxs_dedup_check(d, "\xe5\xa5\xbd \xe5\x90\x83", 7, "f", &first, &e), 1);
	CHECK_STR(first, "e");
	/* Enough texts to make the table grow several times. */
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "t%d", i % 2500);
		dups += cxs_dedup_check(d, id, strlen(id), id, &first, &e);
	}
	CHECK_INT(dups, 2500);
	CHECK_STR(first, "t2499");
	cxs_dedup_free(d);
	cxs_dedup_free(NULL);
}

int main(void)
{
	RUN(test_csv_rows);
	RUN(test_csv_nul);
	RUN(test_map_defaults);
	RUN(test_map_rules);
	RUN(test_map_parse);
	RUN(test_dedup);
	return cxs_test_done();
}

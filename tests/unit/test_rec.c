/* Unit tests of cxs_rec: the validating scanner must take exactly the lines jansson
 * takes, say jansson's reasons, and give the bytes a jansson tree would print. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_jsonw.h"
#include "cxs_rec.h"
#include "cxs_record.h"
#include "cxs_test.h"
#include "jv_same.h"

/* What the tree reader makes of `line`: 0 and its printed bytes in `out`, or 1. */
static int tree(const char *line, size_t len, cxs_buf *out)
{
	json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	int ok = j && json_is_object(j);

	if (ok)
		cxs_record_dump(j, out);
	json_decref(j);
	return ok ? 0 : 1;
}

/* Counts lines where the scanner and jansson disagree (and prints the first few). */
static int disagreements;

static void compare(cxs_rec *r, const char *line, size_t len)
{
	cxs_buf want = CXS_BUF_INIT, got = CXS_BUF_INIT;
	int t = tree(line, len, &want), s = cxs_rec_parse(r, line, len);

	if (s == 0 && cxs_rec_write(r, &got) < 0)
		s = -1;
	if (s != t || (s == 0 && (got.len != want.len || memcmp(got.p, want.p, got.len)))) {
		if (disagreements++ < 5)
			printf("  disagree on '%.*s': scanner %d ('%s'), jansson %d\n", (int)len, line,
			       s, cxs_rec_reason(r), t);
	}
	cxs_buf_release(&want);
	cxs_buf_release(&got);
}

static const char *const cases[] = {
	"{}", " {} ", "{\"a\":1}", "{\"a\" : 1 , \"b\":[1, 2]}", "{\"a\":1,}", "{\"a\":1",
	"[1]", "1", "\"x\"", "null", "{\"a\":1}x", "{\"a\":1} ", "{\"a\":01}", "{\"a\":-0}",
	"{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e5}", "{\"a\":1E+05}", "{\"a\":1e}",
	"{\"a\":0.968}", "{\"a\":0.50}", "{\"a\":1.0}", "{\"a\":10.0}", "{\"a\":0.0}",
	"{\"a\":0.00}", "{\"a\":-0.0}", "{\"a\":0.0001}", "{\"a\":0.00001}",
	"{\"a\":123456789012345.5}", "{\"a\":12345678901234.5}", "{\"a\":0.123456789012345}",
	"{\"a\":0.1234567890123456}", "{\"a\":1e400}", "{\"a\":-1e400}", "{\"a\":1e-400}",
	"{\"a\":9223372036854775807}", "{\"a\":9223372036854775808}",
	"{\"a\":-9223372036854775808}", "{\"a\":-9223372036854775809}",
	"{\"a\":true,\"b\":false,\"c\":null}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
	"{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":2}}", "{\"a\":[{\"b\":1,\"b\":2}]}",
	"{\"a\":1,\"\\u0061\":2}", "{\"\":1,\"\":2}", "{\"\":1}",
	"{\"a\":\"\\u00e9\"}", "{\"a\":\"\\u00E9\"}", "{\"a\":\"\\u001f\"}", "{\"a\":\"\\u001F\"}",
	"{\"a\":\"\\u0008\"}", "{\"a\":\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"}", "{\"a\":\"\\x\"}",
	"{\"a\":\"\\u0000\"}", "{\"\\u0000\":1}", "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\ud83d\"}",
	"{\"a\":\"\\ude00\"}", "{\"a\":\"\\ud83dx\"}", "{\"a\":\"\\ud83d\\u0041\"}", "{\"a\":\"\\u12\"}",
	"{\"a\":\"tab\there\"}", "{\"a\":\"\x7f\"}", "{\"a\":\"\xc3\xa9\"}", "{\"a\":\"\xc3\"}",
	"{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xe0\x80\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}",
	"{\"a\":\"\xf4\x90\x80\x80\"}", "{\"a\":\"\xf0\x9f\x98\x80\"}", "{\"a\":\"\xff\"}",
	"{\"a\":\"\xe4\xb8\xad\xe6\x96\x87\"}", "{\"a\xc3\xa9\":1}", "{\"a\":1}\xc3\xa9",
	"{\"a\":[]}", "{\"a\":[ ]}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":{}}", "{\"a\":{ }}",
	"{a:1}", "{\"a\"1}", "{\"a\":}", "{,}", "{\"a\":1 \"b\":2}", "\t{\"a\":[1,2]}\r",
	"{\"a\":\"x\"\"}", "{\"a\":[\"x\",1,{\"y\":[true]}]}",
	/* runs of one-digit entries, read eight bytes at a time, and what ends them */
	"{\"a\":[1,2,3,4,5,6,7,8]}", "{\"a\":[1,2,3,4,5,6,7,8,9,0,12,3,4,5,6,7,8,9]}",
	"{\"a\":[1,2,3,4,5,6,7,8,]}", "{\"a\":[1,2,3,4,5,6,7,8,9,]}", "{\"a\":[1,2,3,4,5,6,7,08]}",
	"{\"a\":[1,2,3,4,5,6,7,8.5]}", "{\"a\":[1,2,3,4,5,6,7,8e1]}", "{\"a\":[1,2,3,4,5,6,7,-8]}",
	"{\"a\":[1,2,3,4,5,6,7,8 ,9]}", "{\"a\":[1,2,3,4,5,6,7,8, 9]}",
	"{\"a\":[1,2,3,4,5,6,7,8,\"x\"]}", "{\"a\":[1,2,3,4,5,6,7,8,", "{\"a\":[1,2,3,4,5,6,7,",
	"{\"a\":[1,2,3,4,9223372036854775808]}", "{\"a\":[1,2,3,4,922337203685477580]}",
	"{\"a\":[1,2,3,4,5,6,7,8:9]}", "{\"a\":[1,2,3,4,5,6,7,8/9]}", "{\"a\":[1,2,3,4,5,6,7,8]",
	"{\"a\":[0,0,0,0,0,0,0,0,00]}", "{\"a\":[1,2,3,4,5,6,7,8,-0]}",
};

static void test_cases(void)
{
	cxs_rec *r = cxs_rec_new();
	size_t i;

	disagreements = 0;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		compare(r, cases[i], strlen(cases[i]));
	/* an embedded NUL outside and inside a string */
	compare(r, "{\"a\":1}\0", 8);
	compare(r, "{\"a\":\"x\0y\"}", 11);
	CHECK_INT(disagreements, 0);
	cxs_rec_free(r);
}

/* A run of one-digit entries is read eight bytes at a time: every byte of it, changed
 * to each byte near a digit or a comma in turn, must give jansson's answer. */
static void test_digit_runs(void)
{
	static const char base[] = "{\"a\":[1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7]}";
	static const char subst[] = "/0:9+,-. ]\"e\x80";
	cxs_rec *r = cxs_rec_new();
	char line[sizeof(base)];
	size_t pos, k;

	disagreements = 0;
	for (pos = 6; pos < sizeof(base) - 3; pos++) {
		for (k = 0; k < sizeof(subst) - 1; k++) {
			memcpy(line, base, sizeof(base));
			line[pos] = subst[k];
			compare(r, line, sizeof(base) - 1);
		}
	}
	CHECK_INT(disagreements, 0);
	cxs_rec_free(r);
}

/* Long strings are read sixteen bytes at a time: a byte that ends or breaks the plain
 * run at each place of a 40-byte string must give jansson's answer. */
static void test_long_strings(void)
{
	static const char *const subst[] = { "\"", "\\", "\\n", "\x01", "\x1f", "\x7f",
					     "\xc3\xa9", "\xc3", "\xe5\xa5\xbd", "\xff", " " };
	cxs_rec *r = cxs_rec_new();
	cxs_buf b = CXS_BUF_INIT;
	size_t pos, k;

	disagreements = 0;
	for (pos = 0; pos < 40; pos++) {
		for (k = 0; k < sizeof(subst) / sizeof(subst[0]); k++) {
			cxs_buf_reset(&b);
			cxs_buf_addf(&b, "{\"a\":\"%.*s%s%.*s\"}", (int)pos,
				     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", subst[k],
				     (int)(40 - pos), "0123456789012345678901234567890123456789");
			compare(r, b.p, b.len);
		}
	}
	CHECK_INT(disagreements, 0);
	cxs_buf_release(&b);
	cxs_rec_free(r);
}

/* Nesting: jansson stops at 2048 levels, and so must the scanner. */
static void test_depth(void)
{
	cxs_rec *r = cxs_rec_new();
	cxs_buf b = CXS_BUF_INIT;
	int depth, i;

	disagreements = 0;
	for (depth = 2046; depth <= 2050; depth++) {
		cxs_buf_reset(&b);
		cxs_buf_addstr(&b, "{\"a\":");
		for (i = 1; i < depth; i++)
			cxs_buf_addch(&b, '[');
		for (i = 1; i < depth; i++)
			cxs_buf_addch(&b, ']');
		cxs_buf_addch(&b, '}');
		compare(r, b.p, b.len);
	}
	CHECK_INT(disagreements, 0);
	cxs_buf_release(&b);
	cxs_rec_free(r);
}

/* Many keys take the hash path of the duplicate check. */
static void test_many_keys(void)
{
	cxs_rec *r = cxs_rec_new();
	cxs_buf b = CXS_BUF_INIT;
	int dup, i;

	disagreements = 0;
	for (dup = -1; dup < 300; dup += 37) {
		cxs_buf_reset(&b);
		cxs_buf_addstr(&b, "{\"o\":{");
		for (i = 0; i < 300; i++)
			cxs_buf_addf(&b, "%s\"k%d\":%d", i ? "," : "", i, i);
		if (dup >= 0)
			cxs_buf_addf(&b, ",\"k%d\":0", dup);
		cxs_buf_addstr(&b, "}}");
		compare(r, b.p, b.len);
	}
	CHECK_INT(disagreements, 0);
	cxs_buf_release(&b);
	cxs_rec_free(r);
}

/* Random damage to a realistic record: every byte changed, dropped or doubled in turn
 * by a fixed pseudo-random sequence; the scanner must agree with jansson every time. */
static void test_mutations(void)
{
	static const char base[] =
		"{\"id\":\"r1\",\"source\":{\"uri\":\"a.jsonl\",\"kind\":\"jsonl\",\"locator\":\"line 1\"},"
		"\"text\":\"Caf\xc3\xa9 \\\"bra\\\"\\n\xe5\xa5\xbd\xe5\x90\x83 \xf0\x9f\x98\x80\",\"lang\":\"sv\","
		"\"lang_score\":0.968,\"sentences\":[0,12,13,25],\"tokens\":[0,5,7,10],"
		"\"spans\":[0,4,1,3,1,1,1,5,1,8,2,10,1,3,0,0,1,2,1,9],"
		"\"forms\":[\"caf\xc3\xa9\",\"bra\"],\"meta\":{\"rating\":-3,\"ok\":true,\"x\":null,"
		"\"e\":1.5e-7},\"stop\":\"01\"}";
	static const char alphabet[] = "{}[]\",:\\ 0123456789.-+eEtrufalsn\x80\xc3\xe5\xed\xf0u";
	cxs_rec *r = cxs_rec_new();
	char line[sizeof(base) + 8];
	uint32_t seed = 12345;
	size_t n = sizeof(base) - 1, i, k;

	disagreements = 0;
	for (i = 0; i < 20000; i++) {
		size_t len = n, pos;

		memcpy(line, base, n);
		for (k = 0; k < 1 + i % 3; k++) {
			seed = seed * 1103515245u + 12345u;
			pos = (seed >> 8) % len;
			seed = seed * 1103515245u + 12345u;
			switch ((seed >> 16) % 3) {
			case 0:
				line[pos] = alphabet[(seed >> 4) % (sizeof(alphabet) - 1)];
				break;
			case 1:
				memmove(line + pos, line + pos + 1, len - pos - 1);
				len--;
				break;
			default:
				if (len < sizeof(line) - 1) {
					memmove(line + pos + 1, line + pos, len - pos);
					len++;
				}
			}
		}
		compare(r, line, len);
	}
	CHECK_INT(disagreements, 0);
	cxs_rec_free(r);
}

static void test_reasons(void)
{
	cxs_rec *r = cxs_rec_new();
	static const char cut[] = "{\"id\":\"x\",\"text\":\"cut off here";

	CHECK_INT(cxs_rec_parse(r, cut, strlen(cut)), 1);
	CHECK_STR(cxs_rec_reason(r), "invalid JSON at column 30: premature end of input near "
		  "'\"cut off here'");
	CHECK_INT(cxs_rec_parse(r, "[1,2]", 5), 1);
	CHECK_STR(cxs_rec_reason(r), "record is not a JSON object");
	CHECK_INT(cxs_rec_parse(r, "{\"a\":1,\"a\":1}", 13), 1);
	CHECK(strstr(cxs_rec_reason(r), "duplicate") != NULL);
	cxs_rec_free(r);
}

static void test_accessors(void)
{
	static const char line[] = "{\"text\":\"a\\\"b\\u00e9\",\"n\":[3,-4,5],\"s\":[\"x\",\"\\n\",\"\"],"
				   "\"bad\":[1,\"x\"],\"mixed\":[\"x,]\",[2,[3]]],\"num\":7,\"e\":[]}";
	cxs_rec *r = cxs_rec_new();
	cxs_buf b = CXS_BUF_INIT;
	struct cxs_ints iv = { 0 };
	struct cxs_strs sv = { 0 };
	size_t bad;

	CHECK_INT(cxs_rec_parse(r, line, strlen(line)), 0);
	CHECK_INT(cxs_rec_string(r, "text", &b), 1);
	CHECK_STR(b.p, "a\"b\xc3\xa9");
	CHECK_INT(cxs_rec_string(r, "none", &b), 0);
	CHECK_INT(cxs_rec_string(r, "num", &b), -1);
	CHECK_INT(cxs_rec_ints(r, "n", &iv, &bad), 1);
	CHECK_INT(iv.n, 3);
	CHECK_INT(iv.v[1], -4);
	CHECK_INT(cxs_rec_ints(r, "bad", &iv, &bad), -1);
	CHECK_INT(bad, 1);
	CHECK_INT(cxs_rec_ints(r, "text", &iv, &bad), -1);
	CHECK_INT(bad, (size_t)-1);
	CHECK_INT(cxs_rec_strings(r, "s", &sv, &bad), 1);
	CHECK_INT(sv.n, 3);
	CHECK_STR(sv.s[0], "x");
	CHECK_STR(sv.s[1], "\n");
	CHECK_INT(sv.len[2], 0);
	CHECK_INT(cxs_rec_strings(r, "mixed", &sv, &bad), -1);
	CHECK_INT(bad, 1);
	CHECK_INT(cxs_rec_count(r, "s"), 3);
	CHECK_INT(cxs_rec_count(r, "mixed"), 2);
	CHECK_INT(cxs_rec_count(r, "num"), -1);
	CHECK_INT(cxs_rec_count(r, "none"), -1);
	CHECK_INT(cxs_rec_count(r, "e"), 0);
	CHECK_INT(cxs_rec_type(r, "num"), CXS_REC_NUMBER);
	CHECK_INT(cxs_rec_type(r, "s"), CXS_REC_ARRAY);
	CHECK_INT(cxs_rec_type(r, "zz"), CXS_REC_ABSENT);
	cxs_ints_release(&iv);
	cxs_strs_release(&sv);
	cxs_buf_release(&b);
	cxs_rec_free(r);
}

/* Runs of one-digit entries are decoded four at a time; every entry must come out, in
 * every position beside longer, negative and real ones. */
static void test_digit_ints(void)
{
	static const char line[] = "{\"a\":[1,2,3,4,5,6,7,8,9,0,12,3,4,5,6,-7,8,9,0,1,2,3]}";
	static const long long want[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 12, 3, 4, 5, 6, -7, 8,
					  9, 0, 1, 2, 3 };
	static const char real[] = "{\"a\":[1,2,3,4,5,6,7,8,9,0,1,2.5,4]}";
	cxs_rec *r = cxs_rec_new();
	struct cxs_ints iv = { 0 };
	size_t i, bad, n = sizeof(want) / sizeof(want[0]), same = 0;

	CHECK_INT(cxs_rec_parse(r, line, strlen(line)), 0);
	CHECK_INT(cxs_rec_ints(r, "a", &iv, &bad), 1);
	CHECK_INT(iv.n, n);
	for (i = 0; i < n && i < iv.n; i++)
		same += iv.v[i] == want[i];
	CHECK_INT(same, n);
	CHECK_INT(cxs_rec_parse(r, real, strlen(real)), 0);
	CHECK_INT(cxs_rec_ints(r, "a", &iv, &bad), -1);
	CHECK_INT(bad, 11);
	cxs_ints_release(&iv);
	cxs_rec_free(r);
}

/* Setting fields: replaced where they stand, new ones appended, dropped ones gone. */
static void test_output(void)
{
	static const char line[] = "{\"a\":1,\"stems\":[\"old\"],\"b\":{\"c\":2},\"tokens\":[0,1]}";
	cxs_rec *r = cxs_rec_new();
	cxs_buf out = CXS_BUF_INIT;
	size_t v[2] = { 4, 7 };

	CHECK_INT(cxs_rec_parse(r, line, strlen(line)), 0);
	cxs_jw_string(cxs_rec_set(r, "stems"), "new", 3);
	cxs_jw_ints(cxs_rec_set(r, "z"), v, 2);
	cxs_jw_real(cxs_rec_set(r, "score"), 0.5);
	cxs_jw_int(cxs_rec_set(r, "z"), 9);
	cxs_rec_drop(r, "tokens");
	CHECK_INT(cxs_rec_write(r, &out), 0);
	CHECK_STR(out.p, "{\"a\":1,\"stems\":\"new\",\"b\":{\"c\":2},\"score\":0.5,\"z\":9}");
	/* the next line forgets what was set */
	CHECK_INT(cxs_rec_parse(r, line, strlen(line)), 0);
	CHECK_INT(cxs_rec_write(r, &out), 0);
	CHECK_STR(out.p, line);
	/* a spaced line comes out as the writer spells it */
	{
		static const char spaced[] = "{ \"a\" : 1e2 , \"b\":\"\\u00e9\" }";
		CHECK_INT(cxs_rec_parse(r, spaced, strlen(spaced)), 0);
	}
	CHECK_INT(cxs_rec_write(r, &out), 0);
	CHECK_STR(out.p, "{\"a\":100.0,\"b\":\"\xc3\xa9\"}");
	cxs_buf_release(&out);
	cxs_rec_free(r);
}

/* cxs_jw_real writes the 4-decimal numbers without printf: byte for byte what jansson
 * writes, for every such number near 0 and a spread of the others and of what is not one. */
static void check_real(double v)
{
	cxs_buf b = { 0 };
	json_t *j = json_real(v);
	char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(15));

	CHECK_INT(cxs_jw_real(&b, v), 0);
	if (!want || !b.p || strcmp(b.p, want)) {
		printf("  %.17g: got %s, jansson %s\n", v, b.p ? b.p : "?", want ? want : "?");
		cxs_t_cur++;
	}
	free(want);
	json_decref(j);
	cxs_buf_release(&b);
}

static void test_reals(void)
{
	static const double odd[] = { -0.0, 100.0, -100.0, 99.99995, 0.00005, 1e-5, 0.12345,
				      1.0 / 3, 2.5e-7, 1e300, -1e-300, 123456.789, 1e15, 1e16 };
	long q;
	size_t i;
	int fails = cxs_t_cur;

	for (q = -20000; q <= 20000 && cxs_t_cur - fails < 5; q++)
		check_real((double)q / 10000.0);
	for (q = -999999; q <= 999999 && cxs_t_cur - fails < 5; q += 7)
		check_real((double)q / 10000.0);
	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		check_real(odd[i]);
}

static void test_nested_values(void)
{
	static const char *lines[] = {
		"{\"signals\":[{\"dim\":\"staff\",\"score\":-0.25,\"hits\":3,\"evidence\":[{\"start\""
		":0,\"end\":5,\"term\":\"rude\",\"sentence\":0},{\"start\":7,\"term\":\"x\"}]},{\"dim\""
		":\"price\",\"evidence\":[]}],\"n\":[],\"o\":{}}",
		"{ \"a\" : [ 1 , -2 , 3.5 , 1e2 , -0 , true , false , null , \"s\" ] , \"b\" : { \"c\" :"
		" { \"d\" : [ [ ] , [ { } ] ] } } }",
		"{\"esc\":[\"q\\\"b\\\\s\\/\",\"\\u00e9\\ud83d\\ude00\",\"tab\\tnl\\n\",\"]},{\"],"
		"\"k\\\"ey\":{\"x]\":\"}\"},\"big\":[9223372036854775807,-9223372036854775808,"
		"1.5e-300]}",
	};
	cxs_rec *r = cxs_rec_new();
	struct cxs_jv v, g;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		json_t *j = json_loads(lines[i], 0, NULL);
		const char *key;
		json_t *val;

		CHECK_INT(cxs_rec_parse(r, lines[i], strlen(lines[i])), 0);
		CHECK(j != NULL);
		json_object_foreach(j, key, val) {
			/* a key is looked up as written */
			const char *as = strpbrk(key, "\"\\") ? "k\\\"ey" : key;

			CHECK_INT(cxs_rec_value(r, as, &v), 1);
			if (!jv_same(&v, val))
				printf("  field '%s' of line %zu reads otherwise than jansson\n", as, i);
			CHECK(jv_same(&v, val));
		}
		json_decref(j);
	}
	CHECK_INT(cxs_rec_value(r, "k\\\"ey", &v), 1);
	{
		static const char *const names[] = { "none", "x]", "x" };
		struct cxs_jv m[3];

		cxs_jv_members(&v, names, 3, m);
		CHECK(m[0].len == 0 && m[2].len == 0);          /* "x" is no prefix match */
		CHECK(m[1].len == 3 && !memcmp(m[1].p, "\"}\"", 3));
	}
	CHECK_INT(cxs_rec_value(r, "none", &v), 0);
	CHECK_INT(cxs_rec_value(r, "big", &v), 1);
	CHECK_INT(cxs_jv_get(&v, "x", &g), 0);                /* not an object */
	i = 0;
	CHECK_INT(cxs_jv_next(&v, &i, NULL, &g), 1);          /* an array walks */
	i = 0;
	CHECK_INT(cxs_rec_value(r, "esc", &v), 1);
	CHECK_INT(cxs_jv_next(&v, &i, NULL, &g), 1);
	CHECK_INT(cxs_jv_next(&g, &i, NULL, &g), -1);          /* a string does not */
	cxs_rec_free(r);
}

int main(void)
{
	RUN(test_cases);
	RUN(test_digit_runs);
	RUN(test_long_strings);
	RUN(test_depth);
	RUN(test_many_keys);
	RUN(test_mutations);
	RUN(test_reasons);
	RUN(test_accessors);
	RUN(test_digit_ints);
	RUN(test_output);
	RUN(test_reals);
	RUN(test_nested_values);
	return cxs_test_done();
}

/* Unit tests of cxs_tokens: the per-token arrays of both schema versions decode to the
 * same tokens, forms and stems; damaged version 2 arrays are refused with a reason naming
 * the field; the writers give what the reader takes back. */
#include <stdio.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_rec.h"
#include "cxs_test.h"
#include "cxs_tokens.h"

static cxs_rec *rec;
static cxs_tokens *toks;
static struct cxs_tokview tv;
static cxs_err reason;
static cxs_buf keep;            /* the text the views point into, until the next decode */

/* Decodes the tokens of the JSON object `line` (stems too when `stems`). Returns what
 * cxs_tokens_read returns, or 9 when the line itself is bad. */
static int decode(const char *line, int stems)
{
	cxs_buf text = CXS_BUF_INIT;
	int rc;

	reason.kind = CXS_E_NONE;
	reason.msg[0] = '\0';
	if (cxs_rec_parse(rec, line, strlen(line)) != 0)
		return 9;
	cxs_rec_string(rec, "text", &text);
	cxs_buf_reset(&keep);
	cxs_buf_add(&keep, text.p ? text.p : "", text.len);
	cxs_buf_release(&text);
	rc = cxs_tokens_read(toks, rec, keep.p, keep.len, stems ? CXS_TOKENS_STEMS : 0, &tv,
			     &reason);
	return rc;
}

/* Token i as "start-end form/stem". */
static const char *token(size_t i)
{
	static char s[256];

	snprintf(s, sizeof(s), "%zu-%zu %.*s/%.*s", tv.off[2 * i], tv.off[2 * i + 1],
		 (int)tv.formlen[i], tv.form[i], tv.stem ? (int)tv.stemlen[i] : 1,
		 tv.stem ? tv.stem[i] : "-");
	return s;
}

static void test_both_versions_agree(void)
{
	static const char *const lines[] = {
		"{\"text\":\"The Waiters ran\",\"tokens\":[0,3,4,11,12,15],"
		"\"forms\":[\"the\",\"waiters\",\"\"],\"stems\":[\"\",\"waiter\",\"\"]}",
		"{\"text\":\"The Waiters ran\",\"spans\":[0,3,1,7,1,3],"
		"\"form_at\":[0,\"the\",1,\"waiters\"],\"stem_at\":[1,\"waiter\"]}",
		/* version 1 with every form and stem spelled out, one with an escape */
		"{\"text\":\"The Waiters ran\",\"tokens\":[0,3,4,11,12,15],"
		"\"forms\":[\"the\",\"waiters\",\"ran\"],\"stems\":[\"the\",\"wait\\u0065r\",\"ran\"]}",
	};
	size_t k;

	for (k = 0; k < sizeof(lines) / sizeof(lines[0]); k++) {
		CHECK_INT(decode(lines[k], 1), 0);
		CHECK_INT(tv.schema, k == 1 ? 2 : 1);
		CHECK_INT(tv.n, 3);
		CHECK_STR(token(0), "0-3 the/the");
		CHECK_STR(token(1), "4-11 waiters/waiter");
		CHECK_STR(token(2), "12-15 ran/ran");
	}
	/* without the stems flag, no stems are read or needed */
	CHECK_INT(decode("{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[]}", 0), 0);
	CHECK(tv.stem == NULL);
	CHECK_STR(token(0), "0-2 ab/-");
	/* no tokens at all */
	CHECK_INT(decode("{\"text\":\"\",\"spans\":[],\"form_at\":[],\"stem_at\":[]}", 1), 0);
	CHECK_INT(tv.n, 0);
}

/* Each damaged line and the reason it gets. */
static void test_damaged_version_2(void)
{
	static const char *const cases[][2] = {
		{ "{\"text\":\"ab cd\",\"spans\":[0,2,1],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' has an odd number of entries" },
		{ "{\"text\":\"ab cd\",\"spans\":[0,2,-1,2],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' entry 2 is negative" },
		{ "{\"text\":\"ab cd\",\"spans\":[0,-2],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' entry 1 is negative" },
		{ "{\"text\":\"ab cd\",\"spans\":[0,2,1,3],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' token 1 (entries 2 and 3) ends beyond the 5 bytes of 'text'" },
		{ "{\"text\":\"ab cd\",\"spans\":[0,2,9223372036854775807,9223372036854775807],"
		  "\"form_at\":[],\"stem_at\":[]}",
		  "'spans' token 1 (entries 2 and 3) ends beyond the 5 bytes of 'text'" },
		{ "{\"text\":\"ab cd\",\"spans\":[6,0],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' token 0 (entries 0 and 1) ends beyond the 5 bytes of 'text'" },
		{ "{\"text\":\"\xc3\xa9t\xc3\xa9\",\"spans\":[0,1],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' token 0 [0, 1) splits a UTF-8 character" },
		{ "{\"text\":\"ab\",\"spans\":[0,2.0],\"form_at\":[],\"stem_at\":[]}",
		  "'spans' entry 1 is not an integer" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[0,\"x\",0,\"y\"],\"stem_at\":[]}",
		  "'form_at' entry 2: token 0 does not come after token 0" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[-1,\"x\"],\"stem_at\":[]}",
		  "'form_at' entry 0: token -1 is out of range (1 tokens)" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[],\"stem_at\":[1,\"x\"]}",
		  "'stem_at' entry 0: token 1 is out of range (1 tokens)" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[],\"stem_at\":[0,\"x\",\"y\"]}",
		  "'stem_at' has an odd number of entries" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[],\"stem_at\":[0,1]}",
		  "'stem_at' entry 1 is not a string" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[],\"stem_at\":[0,\"\"]}",
		  "'stem_at' entry 1 is an empty string" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":{},\"stem_at\":[]}",
		  "record has no 'form_at' array (run cxs-normalize first)" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"form_at\":[]}",
		  "record has no 'stem_at' array (run cxs-stem first)" },
		{ "{\"text\":\"ab\",\"spans\":[0,2],\"forms\":[\"\"],\"stem_at\":[]}",
		  "record mixes schema versions: 'forms' (version 1) beside 'spans' (version 2)" },
	};
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		CHECK_INT(decode(cases[k][0], 1), 1);
		CHECK_STR(reason.msg, cases[k][1]);
	}
}

static void test_damaged_version_1(void)
{
	CHECK_INT(decode("{\"text\":\"ab cd\",\"tokens\":[3,5,0,2],\"forms\":[\"\",\"\"],"
			 "\"stems\":[\"\",\"\"]}", 1), 1);
	CHECK_STR(reason.msg, "'tokens' entry 1 [0, 2) is out of order or outside the text");
	CHECK_INT(decode("{\"text\":\"ab cd\",\"tokens\":[0,2],\"forms\":[\"\",\"\"],"
			 "\"stems\":[\"\"]}", 1), 1);
	CHECK_STR(reason.msg, "'forms' has 2 entries for 1 tokens");
}

/* What the writers give, the reader takes back. */
static void test_write_and_read_back(void)
{
	const char *text = "Kyparna var 很好";
	size_t off[] = { 0, 7, 8, 11, 12, 15, 15, 18 };
	cxs_buf line = CXS_BUF_INIT;
	struct cxs_tokview v;

	cxs_buf_addstr(&line, "{\"text\":\"Kyparna var 很好\",\"spans\":");
	CHECK_INT(cxs_tokens_write_spans(&line, off, 4), 0);
	cxs_buf_addstr(&line, ",\"form_at\":[");
	CHECK_INT(cxs_tokens_add_at(&line, 0, "kyparna", 7), 0);
	CHECK_INT(cxs_tokens_add_at(&line, 3, "\"q\"", 3), 0);
	cxs_buf_addstr(&line, "],\"stem_at\":[]}");
	CHECK_STR(line.p, "{\"text\":\"Kyparna var 很好\",\"spans\":[0,7,1,3,1,3,0,3],"
		  "\"form_at\":[0,\"kyparna\",3,\"\\\"q\\\"\"],\"stem_at\":[]}");
	CHECK_INT(decode(line.p, 1), 0);
	CHECK_INT(tv.n, 4);
	CHECK_STR(token(2), "12-15 很/很");
	CHECK_STR(token(3), "15-18 \"q\"/\"q\"");
	/* write_forms lists exactly the forms that are not their text */
	v = tv;
	cxs_buf_reset(&line);
	CHECK_INT(cxs_tokens_write_forms(&line, &v, text), 0);
	CHECK_STR(line.p, "[0,\"kyparna\",3,\"\\\"q\\\"\"]");
	cxs_buf_release(&line);
}

int main(void)
{
	rec = cxs_rec_new();
	toks = cxs_tokens_new();
	if (!rec || !toks)
		return 1;
	RUN(test_both_versions_agree);
	RUN(test_damaged_version_2);
	RUN(test_damaged_version_1);
	RUN(test_write_and_read_back);
	cxs_tokens_free(toks);
	cxs_tokens_free(NULL);
	cxs_rec_free(rec);
	cxs_buf_release(&keep);
	return cxs_test_done();
}

/* Unit tests of fetch_record: the records cxs-fetch writes, from exports and files. */
#include <string.h>

#include "cxs_buf.h"
#include "cxs_hash.h"
#include "cxs_record.h"
#include "cxs_test.h"
#include "fetch_record.h"

static cxs_buf scratch = CXS_BUF_INIT;

/* The record as the writer would print it, in a static buffer. */
static const char *dump(const json_t *rec)
{
	static cxs_buf b = CXS_BUF_INIT;

	if (!rec)
		return "(null)";
	if (cxs_record_dump(rec, &b) < 0)
		return "(dump failed)";
	return b.p;
}

/* Converts one export line; returns 0, 1 (rejected, *why set) or -1. */
static int convert(const char *line, json_t **out, const char **why)
{
	json_error_t je;
	json_t *in = json_loads(line, 0, &je);
	int rc;

	*out = NULL;
	*why = NULL;
	if (!in) {
		printf("  bad test input: %s\n", je.text);
		return -2;
	}
	rc = cxs_export_record(in, "r.jsonl", "line 3", &scratch, out, why);
	json_decref(in);
	return rc;
}

static void test_export_fields(void)
{
	json_t *rec;
	const char *why;

	CHECK_INT(convert("{\"stars\":4,\"text\":\"Good tea\",\"id\":\"r-1\",\"lang\":\"es-MX\","
			  "\"title\":\"Tea\",\"url\":\"http://x.example/1\",\"gold\":{\"rating\":4},"
			  "\"user\":{\"name\":\"a\"}}", &rec, &why), 0);
	CHECK_STR(dump(rec),
		  "{\"id\":\"r-1\",\"source\":{\"uri\":\"r.jsonl\",\"kind\":\"jsonl\",\"locator\":"
		  "\"line 3\"},\"url\":\"http://x.example/1\",\"title\":\"Tea\",\"lang_hint\":\"es\","
		  "\"text\":\"Good tea\",\"meta\":{\"stars\":4,\"user\":{\"name\":\"a\"}},"
		  "\"gold\":{\"rating\":4}}");
	json_decref(rec);
}

static void test_export_ids(void)
{
	char made[CXS_ID_HEX], expect[256];
	json_t *rec;
	const char *why;

	CHECK_INT(convert("{\"id\":12345678901,\"text\":\"x\"}", &rec, &why), 0);
	CHECK_STR(json_string_value(json_object_get(rec, "id")), "12345678901");
	json_decref(rec);
	/* No id (or null): made from kind, file and line, stable across runs. */
	cxs_make_id("jsonl", "r.jsonl", "line 3", made);
	CHECK_INT(convert("{\"text\":\"x\"}", &rec, &why), 0);
	CHECK_STR(json_string_value(json_object_get(rec, "id")), made);
	json_decref(rec);
	CHECK_INT(convert("{\"id\":null,\"text\":\"x\"}", &rec, &why), 0);
	snprintf(expect, sizeof(expect), "{\"id\":\"%s\",\"source\":{\"uri\":\"r.jsonl\",\"kind\":"
		 "\"jsonl\",\"locator\":\"line 3\"},\"text\":\"x\"}", made);
	CHECK_STR(dump(rec), expect);
	json_decref(rec);
	CHECK_INT(convert("{\"id\":1.5,\"text\":\"x\"}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_BAD_ID);
	CHECK(rec == NULL);
	CHECK_INT(convert("{\"id\":\"\",\"text\":\"x\"}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_BAD_ID);
}

static void test_export_rejects(void)
{
	json_t *rec;
	const char *why;

	CHECK_INT(convert("{\"body\":\"no text field\"}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_NO_TEXT);
	CHECK_INT(convert("{\"text\":42}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_NO_TEXT);
	CHECK_INT(convert("{\"text\":null}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_NO_TEXT);
	CHECK_INT(convert("{\"text\":\"\"}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_EMPTY_TEXT);
	CHECK_INT(convert("{\"text\":\" \\n\\t\\u00a0\\u3000 \"}", &rec, &why), 1);
	CHECK_STR(why, CXS_REASON_EMPTY_TEXT);
}

/* Known fields of an unusable type are kept under meta, not lost. */
static void test_export_odd_types(void)
{
	json_t *rec;
	const char *why;

	CHECK_INT(convert("{\"text\":\"x\",\"lang\":\"Klingon!\",\"title\":7,\"url\":[1],"
			  "\"gold\":\"pos\"}", &rec, &why), 0);
	CHECK_STR(dump(json_object_get(rec, "meta")),
		  "{\"lang\":\"Klingon!\",\"title\":7,\"url\":[1],\"gold\":\"pos\"}");
	CHECK(json_object_get(rec, "lang_hint") == NULL);
	CHECK(json_object_get(rec, "gold") == NULL);
	json_decref(rec);
	/* Empty title and url are absent, not empty. */
	CHECK_INT(convert("{\"text\":\"x\",\"title\":\"\",\"url\":\"\"}", &rec, &why), 0);
	CHECK(json_object_get(rec, "title") == NULL);
	CHECK(json_object_get(rec, "url") == NULL);
	CHECK(json_object_get(rec, "meta") == NULL);
	json_decref(rec);
}

static void test_doc_record(void)
{
	struct cxs_doc d;
	json_t *rec, *comments = json_array();
	char made[CXS_ID_HEX], expect[512];
	long invalid = 0;

	CHECK_INT(cxs_doc_append_string(comments, "ok\xff", 3, &scratch, &invalid), 0);
	CHECK_INT(invalid, 1);
	memset(&d, 0, sizeof(d));
	d.uri = "blog/a.html";
	d.kind = "html";
	d.title = "T\xc3";
	d.lang_hint = "sv";
	d.text = "caf\xc3\xa9\0x";   /* a NUL inside the text is replaced too */
	d.text_len = 7;
	d.comments = comments;
	d.invalid_bytes = 2 + invalid;
	rec = cxs_doc_record(&d, &scratch);
	cxs_make_id("html", "blog/a.html", NULL, made);
	snprintf(expect, sizeof(expect),
		 "{\"id\":\"%s\",\"source\":{\"uri\":\"blog/a.html\",\"kind\":\"html\"},"
		 "\"title\":\"T\xef\xbf\xbd\",\"lang_hint\":\"sv\",\"text\":\"café\xef\xbf\xbdx\","
		 "\"comments\":[\"ok\xef\xbf\xbd\"],\"invalid_bytes\":5}", made);
	CHECK_STR(dump(rec), expect);
	json_decref(rec);
	/* No invalid bytes: no field; no comments: no field. */
	json_array_clear(comments);
	d.title = NULL;
	d.lang_hint = NULL;
	d.text = "plain";
	d.text_len = 5;
	d.invalid_bytes = 0;
	d.kind = "text";
	d.uri = "n.txt";
	rec = cxs_doc_record(&d, &scratch);
	cxs_make_id("text", "n.txt", NULL, made);
	snprintf(expect, sizeof(expect),
		 "{\"id\":\"%s\",\"source\":{\"uri\":\"n.txt\",\"kind\":\"text\"},\"text\":\"plain\"}",
		 made);
	CHECK_STR(dump(rec), expect);
	json_decref(rec);
	json_decref(comments);
}

int main(void)
{
	RUN(test_export_fields);
	RUN(test_export_ids);
	RUN(test_export_rejects);
	RUN(test_export_odd_types);
	RUN(test_doc_record);
	cxs_buf_release(&scratch);
	return cxs_test_done();
}

/* Unit tests of cxs_stemstage: what cxs-stem does to one record. */
#include <jansson.h>

#include "cxs_stemstage.h"
#include "cxs_test.h"

static cxs_stemstage *st;

static json_t *stem(const char *json, int *rc, cxs_err *reason)
{
	json_t *rec = json_loads(json, 0, NULL);

	*rc = cxs_stemstage_record(st, rec, reason);
	return rec;
}

/* The i-th entry of array `key`. */
static json_t *at(json_t *rec, const char *key, size_t i)
{
	return json_array_get(json_object_get(rec, key), i);
}

static void test_stems_and_flags(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	json_t *rec = stem("{\"lang\":\"en\",\"text\":\"The waiters ran\",\"spans\":[0,3,1,7,1,3],"
			   "\"form_at\":[0,\"the\"]}", &rc, &reason);

	CHECK_INT(rc, 0);
	/* only the stems that differ from their forms, by token index */
	CHECK_INT(json_array_size(json_object_get(rec, "stem_at")), 2);
	CHECK_INT(json_integer_value(at(rec, "stem_at", 0)), 1);
	CHECK_STR(json_string_value(at(rec, "stem_at", 1)), "waiter");
	/* one flag a token, packed */
	CHECK_STR(json_string_value(json_object_get(rec, "stop")), "100");
	json_decref(rec);

	/* Chinese keeps its forms as stems: none listed. */
	rec = stem("{\"lang\":\"zh\",\"text\":\"服务员\",\"spans\":[0,9],\"form_at\":[]}", &rc, &reason);
	CHECK_INT(rc, 0);
	CHECK_INT(json_array_size(json_object_get(rec, "stem_at")), 0);
	CHECK_STR(json_string_value(json_object_get(rec, "stop")), "0");
	json_decref(rec);

	/* a rerun on its own output replaces its fields where they stand */
	rec = stem("{\"lang\":\"en\",\"text\":\"waiters\",\"spans\":[0,7],\"form_at\":[],"
		   "\"stem_at\":[0,\"x\"],\"stop\":\"1\",\"after\":1}", &rc, &reason);
	CHECK_INT(rc, 0);
	{
		char *dump = json_dumps(rec, JSON_COMPACT);
		CHECK_STR(dump, "{\"lang\":\"en\",\"text\":\"waiters\",\"spans\":[0,7],\"form_at\":[],"
			  "\"stem_at\":[0,\"waiter\"],\"stop\":\"0\",\"after\":1}");
		free(dump);
	}
	json_decref(rec);
}

/* A schema version 1 record (absolute `tokens`, a form per token, "" for the token's
 * text) comes out in version 2 with the same tokens, forms and stems. */
static void test_version_1_input(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	json_t *rec = stem("{\"lang\":\"en\",\"text\":\"The Waiters ran\",\"tokens\":[0,3,4,11,12,15],"
			   "\"forms\":[\"the\",\"waiters\",\"\"],\"stems\":[\"\",\"\",\"\"],\"after\":1}",
			   &rc, &reason);

	CHECK_INT(rc, 0);
	{
		char *dump = json_dumps(rec, JSON_COMPACT);
		CHECK_STR(dump, "{\"lang\":\"en\",\"text\":\"The Waiters ran\",\"after\":1,"
			  "\"spans\":[0,3,1,7,1,3],\"form_at\":[0,\"the\",1,\"waiters\"],"
			  "\"stem_at\":[1,\"waiter\"],\"stop\":\"100\"}");
		free(dump);
	}
	json_decref(rec);
}

static void test_rejects(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	json_t *rec = stem("{\"lang\":\"en\",\"text\":\"never normalised\"}", &rc, &reason);

	CHECK_INT(rc, 1);
	CHECK_STR(reason.msg, "record has no 'spans' array (run cxs-normalize first)");
	json_decref(rec);
	rec = stem("{\"lang\":\"en\",\"text\":\"a b\",\"tokens\":[0,1],\"forms\":[\"a\",\"b\"]}", &rc,
		   &reason);
	CHECK_INT(rc, 1);
	CHECK_STR(reason.msg, "'forms' has 2 entries for 1 tokens");
	json_decref(rec);
	rec = stem("{\"lang\":\"en\",\"text\":\"a b\",\"spans\":[0,1,1,1],\"form_at\":[2,\"x\"]}", &rc,
		   &reason);
	CHECK_INT(rc, 1);
	CHECK_STR(reason.msg, "'form_at' entry 0: token 2 is out of range (2 tokens)");
	json_decref(rec);
}

static void test_bad_folder(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stemstage *other = cxs_stemstage_new(&err);

	CHECK(cxs_stemstage_load_stopwords(other, cxs_test_tmpdir(), NULL, NULL, &err) < 0);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK(strstr(err.msg, "no stopword lists") != NULL);
	cxs_stemstage_free(other);
	cxs_stemstage_free(NULL);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	st = cxs_stemstage_new(&err);
	if (!st || cxs_stemstage_load_stopwords(st, cxs_test_path("tests/fixtures/stem/stopwords"),
						NULL, NULL, &err) < 0) {
		printf("FAIL setup: %s\n", err.msg);
		return 1;
	}
	RUN(test_stems_and_flags);
	RUN(test_version_1_input);
	RUN(test_rejects);
	RUN(test_bad_folder);
	cxs_stemstage_free(st);
	return cxs_test_done();
}

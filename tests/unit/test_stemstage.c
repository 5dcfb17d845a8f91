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

static void test_stems_and_flags(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	json_t *rec = stem("{\"lang\":\"en\",\"tokens\":[0,3,4,11,12,15],"
			   "\"forms\":[\"the\",\"waiters\",\"ran\"]}", &rc, &reason);

	CHECK_INT(rc, 0);
	CHECK_STR(json_string_value(json_array_get(json_object_get(rec, "stems"), 1)), "waiter");
	/* a stem that is its form is written as "" */
	CHECK_STR(json_string_value(json_array_get(json_object_get(rec, "stems"), 2)), "");
	/* one flag a token, packed */
	CHECK_STR(json_string_value(json_object_get(rec, "stop")), "100");
	json_decref(rec);

	/* Chinese keeps its forms as stems: all "". */
	rec = stem("{\"lang\":\"zh\",\"tokens\":[0,9],\"forms\":[\"服务员\"]}", &rc, &reason);
	CHECK_INT(rc, 0);
	CHECK_STR(json_string_value(json_array_get(json_object_get(rec, "stems"), 0)), "");
	CHECK_INT(json_array_size(json_object_get(rec, "stems")), 1);
	json_decref(rec);

	/* a rerun on its own output replaces its fields where they stand */
	rec = stem("{\"lang\":\"en\",\"tokens\":[0,7],\"forms\":[\"waiters\"],\"stems\":[\"x\"],"
		   "\"stop\":\"1\",\"after\":1}", &rc, &reason);
	CHECK_INT(rc, 0);
	{
		char *dump = json_dumps(rec, JSON_COMPACT);
		CHECK_STR(dump, "{\"lang\":\"en\",\"tokens\":[0,7],\"forms\":[\"waiters\"],"
			  "\"stems\":[\"waiter\"],\"stop\":\"0\",\"after\":1}");
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
	CHECK_STR(reason.msg, "record has no 'forms' array (run cxs-normalize first)");
	json_decref(rec);
	rec = stem("{\"lang\":\"en\",\"tokens\":[0,3],\"forms\":[\"a\",\"b\"]}", &rc, &reason);
	CHECK_INT(rc, 1);
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
	RUN(test_rejects);
	RUN(test_bad_folder);
	cxs_stemstage_free(st);
	return cxs_test_done();
}

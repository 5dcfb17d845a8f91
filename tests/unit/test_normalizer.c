/* Unit tests of cxs_normalizer: what cxs-normalize does to one record. */
#include <jansson.h>

#include "cxs_normalizer.h"
#include "cxs_test.h"

static cxs_normalizer *nz;

static json_t *run(const char *json, int *rc, cxs_err *reason)
{
	json_t *rec = json_loads(json, 0, NULL);

	*rc = cxs_normalizer_record(nz, rec, reason);
	return rec;
}

static void test_fields_and_offsets(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	/* Full-width letters: the normalised form is shorter than the original bytes. */
	json_t *rec = run("{\"id\":\"a\",\"text\":\"Servitrisen var ＶÄLDIGT trevlig och maten god.\"}",
			  &rc, &reason);
	json_t *spans = json_object_get(rec, "spans"), *forms = json_object_get(rec, "form_at");
	const char *text = json_string_value(json_object_get(rec, "text"));
	size_t i, k;

	CHECK_INT(rc, 0);
	CHECK_STR(json_string_value(json_object_get(rec, "lang")), "sv");
	CHECK_STR(json_string_value(json_object_get(rec, "id")), "a");   /* kept */
	CHECK_INT(json_array_size(spans), 2 * 7);
	/* only the forms that are not their token's bytes: Servitrisen and VÄLDIGT */
	CHECK_INT(json_array_size(forms), 4);
	CHECK_INT(json_integer_value(json_array_get(forms, 0)), 0);
	CHECK_STR(json_string_value(json_array_get(forms, 1)), "servitrisen");
	CHECK_INT(json_integer_value(json_array_get(forms, 2)), 2);
	CHECK_STR(json_string_value(json_array_get(forms, 3)), "väldigt");
	/* Offsets point at the original bytes: gaps and lengths add up to them. */
	for (i = k = 0; k < 4; k++)
		i += (size_t)json_integer_value(json_array_get(spans, k));
	i += (size_t)json_integer_value(json_array_get(spans, 4));
	CHECK(!strncmp(text + i, "ＶÄLDIGT", strlen("ＶÄLDIGT")));
	CHECK_INT(json_integer_value(json_array_get(spans, 5)), strlen("ＶÄLDIGT"));
	CHECK_INT(json_array_size(json_object_get(rec, "sentences")), 2);
	json_decref(rec);
}

static void test_reject_without_text(void)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc;
	json_t *rec = run("{\"id\":\"b\",\"body\":\"no text field\"}", &rc, &reason);

	CHECK_INT(rc, 1);
	CHECK_STR(reason.msg, "record has no 'text' string");
	json_decref(rec);
}

static void test_forced_language(void)
{
	cxs_err err = { CXS_E_NONE, "" }, reason = { CXS_E_NONE, "" };
	cxs_normalizer *forced = cxs_normalizer_new("es", NULL, &err);
	json_t *rec = json_loads("{\"text\":\"The waiter was kind.\"}", 0, NULL);

	CHECK(forced != NULL);
	CHECK_INT(cxs_normalizer_record(forced, rec, &reason), 0);
	CHECK_STR(json_string_value(json_object_get(rec, "lang")), "es");
	json_decref(rec);
	cxs_normalizer_free(forced);
	CHECK(cxs_normalizer_new("de", NULL, &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	cxs_normalizer_free(NULL);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	nz = cxs_normalizer_new(NULL, CXS_SRC_LEXICONS "/langid/model.txt", &err);
	if (!nz) {
		printf("FAIL setup: %s\n", err.msg);
		return 1;
	}
	RUN(test_fields_and_offsets);
	RUN(test_reject_without_text);
	RUN(test_forced_language);
	cxs_normalizer_free(nz);
	return cxs_test_done();
}

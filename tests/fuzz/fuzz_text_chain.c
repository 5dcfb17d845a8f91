/*
 * fuzz_text_chain — the normalize + stem path (stages/normalize/cxs_normalizer.h,
 * stages/stem/cxs_stemstage.h), then classify with cx-core, over raw bytes as a
 * record's `text`. The bytes are first repaired the way cxs-fetch repairs them
 * (cxs_utf8_sanitize), since a record's text is always valid UTF-8.
 *
 * Input: the first byte picks the language (its value mod 8: 0-2 identify, then sv, es,
 * zh, en, und forced) and, by its bit 3, whether classify explains its evidence
 * (--explain); the rest is the text. The fields each stage adds must agree with
 * the text: offsets in order and inside it on character boundaries, arrays aligned.
 */
#include <string.h>

#include "cxs_buf.h"
#include "cxs_classifier.h"
#include "cxs_lexicon.h"
#include "cxs_normalizer.h"
#include "cxs_stemstage.h"
#include "cxs_utf8.h"
#include "fuzz_common.h"

static cxs_normalizer *nz[8];
static cxs_stemstage *st;
static cxs_lexicon *lx;
static cxs_classifier *cl;

static void open_all(void)
{
	static const char *const forced[8] = { NULL, NULL, NULL, "sv", "es", "zh", "en", "und" };
	cxs_err err = { CXS_E_NONE, "" };
	size_t i, np;

	for (i = 0; i < 8; i++) {
		nz[i] = i > 0 && i < 3 ? nz[0] : cxs_normalizer_new(forced[i],
									  CXS_SRC_LEXICONS "/langid/model.txt", &err);
		FUZZ_ASSERT(nz[i]);
	}
	st = cxs_stemstage_new(&err);
	FUZZ_ASSERT(st);
	FUZZ_ASSERT(cxs_stemstage_load_stopwords(st, CXS_SRC_LEXICONS "/stopwords", NULL, NULL,
						 &err) > 0);
	lx = cxs_lexicon_load(CXS_SRC_LEXICONS "/cx-core", &err);
	FUZZ_ASSERT(lx);
	cxs_lexicon_problems(lx, &np);
	FUZZ_ASSERT(np == 0);
	cl = cxs_classifier_new(lx, &err);
	FUZZ_ASSERT(cl);
}

/* A flat [s0,e0,s1,e1,...] array of offsets into a text of `len` bytes: pairs in order,
 * non-overlapping, on character boundaries. Returns the number of pairs. */
static size_t check_spans(const json_t *a, const char *text, size_t len, int nonempty)
{
	size_t i, n = json_array_size(a);
	json_int_t prev = 0;

	FUZZ_ASSERT(json_is_array(a) && n % 2 == 0);
	for (i = 0; i < n; i += 2) {
		json_int_t s = json_integer_value(json_array_get(a, i));
		json_int_t e = json_integer_value(json_array_get(a, i + 1));

		FUZZ_ASSERT(prev <= s && s <= e && (size_t)e <= len);
		FUZZ_ASSERT(!nonempty || s < e);
		FUZZ_ASSERT((size_t)s == len || (text[s] & 0xC0) != 0x80);
		FUZZ_ASSERT((size_t)e == len || (text[e] & 0xC0) != 0x80);
		prev = e;
	}
	return n / 2;
}

static void check_strings(const json_t *a, size_t n)
{
	size_t i;

	FUZZ_ASSERT(json_is_array(a) && json_array_size(a) == n);
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(json_is_string(json_array_get(a, i)));
}

/* `spans` (gaps and lengths) as a new flat array of absolute offsets. */
static json_t *absolute(const json_t *spans)
{
	json_t *a = json_array();
	size_t i, n = json_array_size(spans);
	json_int_t end = 0;

	FUZZ_ASSERT(json_is_array(spans) && n % 2 == 0);
	for (i = 0; i < n; i += 2) {
		json_int_t gap = json_integer_value(json_array_get(spans, i));
		json_int_t len = json_integer_value(json_array_get(spans, i + 1));

		FUZZ_ASSERT(gap >= 0 && len >= 0);
		json_array_append_new(a, json_integer(end + gap));
		json_array_append_new(a, json_integer(end += gap + len));
	}
	return a;
}

/* A sparse [i, "s", ...] array: indices below `n` and increasing, strings not empty,
 * each different from what it stands in for (`base[i]`, `baselen[i]` bytes). */
static void check_sparse(const json_t *a, size_t n, const char *const *base, const size_t *baselen)
{
	size_t k, m = json_array_size(a);
	json_int_t prev = -1;

	FUZZ_ASSERT(json_is_array(a) && m % 2 == 0);
	for (k = 0; k < m; k += 2) {
		json_int_t i = json_integer_value(json_array_get(a, k));
		const json_t *str = json_array_get(a, k + 1);
		size_t len = json_string_length(str);

		FUZZ_ASSERT(json_is_integer(json_array_get(a, k)) && prev < i && (size_t)i < n);
		FUZZ_ASSERT(json_is_string(str) && len);
		FUZZ_ASSERT(len != baselen[i] || memcmp(json_string_value(str), base[i], len));
		prev = i;
	}
}

/* What cxs-normalize and cxs-stem wrote (schema version 2): `spans`, the forms that
 * differ from their token's bytes, the stems that differ from their form, and one stop
 * flag character a token. */
static void check_tokens(const json_t *rec, const char *text, size_t len)
{
	size_t ntok, nsent, i;
	const json_t *a, *sig;
	const char *stop, **form;
	size_t *formlen;
	json_t *tok;

	FUZZ_ASSERT(json_is_string(json_object_get(rec, "lang")));
	FUZZ_ASSERT(!json_object_get(rec, "tokens") && !json_object_get(rec, "forms") &&
		    !json_object_get(rec, "stems"));
	nsent = check_spans(json_object_get(rec, "sentences"), text, len, 1);
	check_strings(json_object_get(rec, "sentence_langs"), nsent);
	a = json_object_get(rec, "sentence_lang_scores");
	FUZZ_ASSERT(json_is_array(a) && json_array_size(a) == nsent);
	json_array_foreach(a, i, sig)
		FUZZ_ASSERT(json_real_value(sig) >= 0 && json_real_value(sig) <= 1);
	tok = absolute(json_object_get(rec, "spans"));
	ntok = check_spans(tok, text, len, 1);
	form = calloc(ntok + 1, sizeof(*form));
	formlen = calloc(ntok + 1, sizeof(*formlen));
	FUZZ_ASSERT(form && formlen);
	for (i = 0; i < ntok; i++) {
		size_t s = (size_t)json_integer_value(json_array_get(tok, 2 * i));

		form[i] = text + s;
		formlen[i] = (size_t)json_integer_value(json_array_get(tok, 2 * i + 1)) - s;
	}
	a = json_object_get(rec, "form_at");
	check_sparse(a, ntok, form, formlen);
	for (i = 0; i < json_array_size(a); i += 2) {
		size_t k = (size_t)json_integer_value(json_array_get(a, i));

		form[k] = json_string_value(json_array_get(a, i + 1));
		formlen[k] = json_string_length(json_array_get(a, i + 1));
	}
	check_sparse(json_object_get(rec, "stem_at"), ntok, form, formlen);
	a = json_object_get(rec, "stop");
	FUZZ_ASSERT(json_is_string(a) && json_string_length(a) == ntok);
	for (stop = json_string_value(a); *stop; stop++)
		FUZZ_ASSERT(*stop == '0' || *stop == '1');
	free(form);
	free(formlen);
	json_decref(tok);
}

/* An explained evidence's polarity words (--explain): a reach, at most
 * CXS_MAX_OPINIONS words inside the text, none without a reach. */
static void check_opinions(const json_t *ev, size_t len)
{
	const json_t *ops = json_object_get(ev, "opinions"), *op;
	const char *reach = json_string_value(json_object_get(ev, "reach"));
	size_t i;

	if (!ops) {
		FUZZ_ASSERT(!reach);
		return;
	}
	FUZZ_ASSERT(reach && json_is_array(ops) && json_array_size(ops) <= CXS_MAX_OPINIONS);
	FUZZ_ASSERT(!strcmp(reach, "none") == (json_array_size(ops) == 0));
	json_array_foreach(ops, i, op) {
		json_int_t s = json_integer_value(json_object_get(op, "start"));
		json_int_t e = json_integer_value(json_object_get(op, "end"));

		FUZZ_ASSERT(0 <= s && s < e && (size_t)e <= len);
		FUZZ_ASSERT(json_is_number(json_object_get(op, "value")));
	}
}

/* What cxs-classify wrote; the per-token arrays are gone by default. */
static void check_record(const json_t *rec, size_t len)
{
	size_t i;
	const json_t *sig;

	FUZZ_ASSERT(!json_object_get(rec, "spans") && !json_object_get(rec, "form_at") &&
		    !json_object_get(rec, "stem_at") && !json_object_get(rec, "stop"));
	json_array_foreach(json_object_get(rec, "signals"), i, sig) {
		size_t j;
		const json_t *ev;
		double score = json_real_value(json_object_get(sig, "score"));

		FUZZ_ASSERT(score >= -1 && score <= 1);
		json_array_foreach(json_object_get(sig, "evidence"), j, ev) {
			json_int_t s = json_integer_value(json_object_get(ev, "start"));
			json_int_t e = json_integer_value(json_object_get(ev, "end"));

			FUZZ_ASSERT(0 <= s && s < e && (size_t)e <= len);
			check_opinions(ev, len);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cxs_buf text;
	cxs_err reason = { CXS_E_NONE, "" };
	json_t *rec;
	int rc;

	if (!st)
		open_all();
	if (size == 0)
		return 0;
	cxs_buf_reset(&text);
	FUZZ_ASSERT(cxs_utf8_sanitize((const char *)data + 1, size - 1, &text) >= 0);
	rec = json_pack("{s:s, s:s#}", "id", "fuzz", "text", text.p ? text.p : "",
			text.len);
	FUZZ_ASSERT(rec);

	rc = cxs_normalizer_record(nz[data[0] % 8], rec, &reason);
	FUZZ_ASSERT(rc == 0);
	rc = cxs_stemstage_record(st, rec, &reason);
	FUZZ_ASSERT(rc == 0);
	check_tokens(rec, text.p ? text.p : "", text.len);
	cxs_classifier_explain(cl, (data[0] >> 3) & 1);
	rc = cxs_classifier_record(cl, rec, &reason);
	FUZZ_ASSERT(rc == 0);
	check_record(rec, text.len);
	json_decref(rec);
	return 0;
}

/* Unit tests of cxs_eval: mapping files and hand-computed scores on a tiny set. */
#include <math.h>

#include "cxs_eval.h"
#include "cxs_test.h"

static const char MAP[] =
	"# test map\n"
	"staff\tSERVICE#GENERAL\n"
	"\n"
	"food\tFOOD#QUALITY,FOOD#PRICES\n"
	"price\tFOOD#PRICES\n"
	"fail\t-\n";

/* Eight records, scored by hand:
 *  1 gold SERVICE+ ; pred staff+, fail-      staff TP (polarity right); fail has no map
 *  2 gold FOOD#QUALITY-, FOOD#PRICES+ ; food- food TP (mixed gold: polarity not scored),
 *                                            price FN
 *  3 gold no opinions ; pred staff-          staff FP
 *  4 no gold                                 skipped
 *  5 gold FOOD#PRICES- ; pred price+, food-  price TP (wrong), food TP (right)
 *  6 gold.polarity "negative", sentiment negative; 7 gold.polarity -1, sentiment positive
 *  8 gold.opinions not an array              bad
 * staff tp1 fp1 fn0; food tp2; price tp1 fn1. */
static const char *RECS[] = {
	"{\"gold\":{\"opinions\":[{\"category\":\"SERVICE#GENERAL\",\"polarity\":\"positive\"}]},"
	"\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\"},{\"dim\":\"fail\",\"polarity\":\"negative\"}]}",
	"{\"gold\":{\"opinions\":[{\"category\":\"FOOD#QUALITY\",\"polarity\":\"negative\"},"
	"{\"category\":\"FOOD#PRICES\",\"polarity\":\"positive\"}]},"
	"\"signals\":[{\"dim\":\"food\",\"polarity\":\"negative\"}]}",
	"{\"gold\":{\"opinions\":[]},\"signals\":[{\"dim\":\"staff\",\"polarity\":\"negative\"}]}",
	"{\"signals\":[{\"dim\":\"staff\",\"polarity\":\"negative\"}]}",
	"{\"gold\":{\"opinions\":[{\"category\":\"FOOD#PRICES\",\"polarity\":\"negative\"}]},"
	"\"signals\":[{\"dim\":\"food\",\"polarity\":\"negative\"},{\"dim\":\"price\",\"polarity\":\"positive\"}]}",
	"{\"gold\":{\"polarity\":\"negative\"},\"signals\":[],\"sentiment\":{\"polarity\":\"negative\"}}",
	"{\"gold\":{\"polarity\":-1},\"signals\":[],\"sentiment\":{\"polarity\":\"positive\"}}",
	"{\"gold\":{\"opinions\":\"FOOD#QUALITY\"},\"signals\":[]}",
};
static const int EXPECT[] = { 1, 1, 1, 0, 1, 1, 1, -1 };

#define CHECK_NEAR(a, b) CHECK(fabs((a) - (b)) < 1e-9)

/* Adds the record written `text` to `t`; cxs_evaltally_add's result. */
static int add_rec(cxs_evaltally *t, const char *text)
{
	cxs_err err = { CXS_E_NONE, "" };
	json_t *rec = json_loads(text, 0, NULL);
	int rc;

	CHECK(rec != NULL);
	rc = cxs_evaltally_add(t, rec, &err);
	json_decref(rec);
	return rc;
}

static cxs_evalmap *test_map(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_evalmap *m = cxs_evalmap_parse(MAP, sizeof MAP - 1, "t.map", &err);

	CHECK(m != NULL);
	return m;
}

static void test_map_parse(void)
{
	cxs_evalmap *m = test_map();

	if (!m)
		return;
	CHECK_INT(cxs_evalmap_ndims(m), 4);
	CHECK_STR(cxs_evalmap_dim(m, 0), "staff");
	CHECK_STR(cxs_evalmap_dim(m, 3), "fail");
	CHECK_INT(cxs_evalmap_mapped(m, 2), 1);
	CHECK_INT(cxs_evalmap_mapped(m, 3), 0);
	cxs_evalmap_free(m);
	cxs_evalmap_free(NULL);
}

static void bad_map(const char *text, const char *msg)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_evalmap *m = cxs_evalmap_parse(text, strlen(text), "b.map", &err);

	CHECK(m == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK_STR(err.msg, msg);
	cxs_evalmap_free(m);
}

static void test_map_errors(void)
{
	bad_map("# c\nstaff\tA\nfood A\n", "b.map:3: expected 'dimension<TAB>category[,category...]' "
		"or 'dimension<TAB>-'");
	bad_map("staff\tA\nstaff\tB\n", "b.map:2: dimension listed twice");
	bad_map("staff\tA,,B\n", "b.map:1: empty category in the list");
	bad_map("staff\tA, B\n", "b.map:1: categories are separated by commas without spaces");
	bad_map("staff\t\n", "b.map:1: no categories (write '-' for a dimension without a gold "
		"counterpart)");
	bad_map("staff\tA\tB\n", "b.map:1: more than one TAB");
	bad_map("# only comments\n\n", "b.map: no dimensions in the mapping");
	bad_map("=staff\tA\n", "b.map:1: empty group name before '='");
	bad_map("service=staff,,waiting\tA\n", "b.map:1: empty dimension in the list");
	bad_map("s=a\tA\ns=b\tB\n", "b.map:2: group name listed twice");
}

/* A group ("service=staff,waiting") is one label: predicted when any member has a
 * signal, its polarity the sign of the members' summed scores. */
static void test_groups(void)
{
	static const char GMAP[] = "service=staff,waiting,recovery\tSERVICE#GENERAL\nfood\tFOOD#QUALITY\n";
	static const char *G[] = {
		/* staff +0.3, waiting -0.5: predicted once, polarity negative (wrong) */
		"{\"gold\":{\"opinions\":[{\"category\":\"SERVICE#GENERAL\",\"polarity\":\"positive\"}]},"
		"\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\",\"score\":0.3},"
		"{\"dim\":\"waiting\",\"polarity\":\"negative\",\"score\":-0.5}]}",
		/* waiting alone, no gold service: one false positive */
		"{\"gold\":{\"opinions\":[]},\"signals\":[{\"dim\":\"waiting\",\"polarity\":\"neutral\",\"score\":0}]}",
		/* gold service, no member predicted: one false negative */
		"{\"gold\":{\"opinions\":[{\"category\":\"SERVICE#GENERAL\",\"polarity\":\"negative\"}]},"
		"\"signals\":[{\"dim\":\"food\",\"polarity\":\"neutral\",\"score\":0}]}",
		/* a faint sum (+0.02) leans positive, as a classify signal does (right) */
		"{\"gold\":{\"opinions\":[{\"category\":\"SERVICE#GENERAL\",\"polarity\":\"positive\"}]},"
		"\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\",\"score\":0.03},"
		"{\"dim\":\"waiting\",\"polarity\":\"negative\",\"score\":-0.01}]}",
		/* scores that cancel out are neutral, not a float's crumb of either (right) */
		"{\"gold\":{\"opinions\":[{\"category\":\"SERVICE#GENERAL\",\"polarity\":\"neutral\"}]},"
		"\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\",\"score\":0.1},"
		"{\"dim\":\"waiting\",\"polarity\":\"negative\",\"score\":-0.3},"
		"{\"dim\":\"recovery\",\"polarity\":\"positive\",\"score\":0.2}]}",
	};
	cxs_err err = { CXS_E_NONE, "" };
	cxs_evalmap *m = cxs_evalmap_parse(GMAP, sizeof GMAP - 1, "g.map", &err);
	cxs_evaltally *t;
	const struct cxs_evaldim *d;
	size_t i;

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_STR(cxs_evalmap_dim(m, 0), "service");
	t = cxs_evaltally_new(m);
	for (i = 0; i < sizeof G / sizeof *G; i++) {
		json_t *rec = json_loads(G[i], 0, NULL);

		CHECK(rec != NULL);
		CHECK_INT(cxs_evaltally_add(t, rec, &err), 1);
		json_decref(rec);
	}
	d = cxs_evaltally_dim(t, 0);
	CHECK_INT(d->tp, 3);
	CHECK_INT(d->fp, 1);
	CHECK_INT(d->fn, 1);
	CHECK_INT(d->pol_n, 3);
	CHECK_INT(d->pol_ok, 2);
	d = cxs_evaltally_dim(t, 1);  /* food predicted, never gold */
	CHECK_INT(d->fp, 1);
	cxs_evaltally_free(t);
	cxs_evalmap_free(m);
}

static void test_scores(void)
{
	cxs_evalmap *m = test_map();
	cxs_evaltally *t;
	const struct cxs_evalcounts *c;
	const struct cxs_evaldim *d;
	struct cxs_evalscores s;
	size_t i;

	if (!m)
		return;
	t = cxs_evaltally_new(m);
	for (i = 0; i < sizeof RECS / sizeof *RECS; i++)
		CHECK_INT(add_rec(t, RECS[i]), EXPECT[i]);
	d = cxs_evaltally_dim(t, 0);  /* staff */
	CHECK_INT(d->tp, 1);
	CHECK_INT(d->fp, 1);
	CHECK_INT(d->fn, 0);
	CHECK_NEAR(cxs_eval_precision(d), 0.5);
	CHECK_NEAR(cxs_eval_recall(d), 1.0);
	CHECK_NEAR(cxs_eval_f1(d), 2.0 / 3);
	d = cxs_evaltally_dim(t, 1);  /* food */
	CHECK_INT(d->tp, 2);
	CHECK_INT(d->fp + d->fn, 0);
	CHECK_INT(d->pol_n, 1);
	CHECK_INT(d->pol_ok, 1);
	d = cxs_evaltally_dim(t, 2);  /* price */
	CHECK_INT(d->tp, 1);
	CHECK_INT(d->fn, 1);
	CHECK_NEAR(cxs_eval_precision(d), 1.0);
	CHECK_NEAR(cxs_eval_recall(d), 0.5);
	CHECK_INT(d->pol_ok, 0);
	d = cxs_evaltally_dim(t, 3);  /* fail: no mapping, never counted */
	CHECK_INT(d->tp + d->fp + d->fn, 0);

	cxs_evaltally_scores(t, &s);
	CHECK_NEAR(s.micro_p, 0.8);
	CHECK_NEAR(s.micro_r, 0.8);
	CHECK_NEAR(s.micro_f1, 0.8);
	CHECK_INT(s.macro_n, 3);
	CHECK_NEAR(s.macro_p, 2.5 / 3);
	CHECK_NEAR(s.macro_r, 2.5 / 3);
	CHECK_NEAR(s.macro_f1, (2.0 / 3 + 1 + 2.0 / 3) / 3);
	CHECK_INT(s.pol_n, 3);
	CHECK_INT(s.pol_ok, 2);
	CHECK_NEAR(s.polarity, 2.0 / 3);
	CHECK_NEAR(s.doc, 0.5);
	/* staff +/+ (1), food -/- (5), price -/+ (5): gold down, predicted across */
	CHECK_INT(s.confusion[CXS_EVAL_POSITIVE][CXS_EVAL_POSITIVE], 1);
	CHECK_INT(s.confusion[CXS_EVAL_NEGATIVE][CXS_EVAL_NEGATIVE], 1);
	CHECK_INT(s.confusion[CXS_EVAL_NEGATIVE][CXS_EVAL_POSITIVE], 1);
	CHECK_INT(s.confusion[CXS_EVAL_POSITIVE][CXS_EVAL_NEGATIVE] +
		  s.confusion[CXS_EVAL_NEUTRAL][CXS_EVAL_NEUTRAL], 0);
	CHECK_INT(cxs_evaltally_dim(t, 2)->confusion[CXS_EVAL_NEGATIVE][CXS_EVAL_POSITIVE], 1);

	c = cxs_evaltally_counts(t);
	CHECK_INT(c->records, 8);
	CHECK_INT(c->opinions, 4);
	CHECK_INT(c->doc, 2);
	CHECK_INT(c->doc_ok, 1);
	CHECK_INT(c->no_gold, 1);
	CHECK_INT(c->bad, 1);
	/* 6 negative/negative, 7 negative/positive */
	CHECK_INT(c->doc_confusion[CXS_EVAL_NEGATIVE][CXS_EVAL_NEGATIVE], 1);
	CHECK_INT(c->doc_confusion[CXS_EVAL_NEGATIVE][CXS_EVAL_POSITIVE], 1);
	CHECK_INT(c->doc_confusion[CXS_EVAL_POSITIVE][CXS_EVAL_POSITIVE], 0);
	cxs_evaltally_free(t);
	cxs_evaltally_free(NULL);
	cxs_evalmap_free(m);
}

static void test_empty_tally(void)
{
	cxs_evalmap *m = test_map();
	cxs_evaltally *t;
	struct cxs_evalscores s;

	if (!m)
		return;
	t = cxs_evaltally_new(m);
	cxs_evaltally_scores(t, &s);
	CHECK(s.micro_p < 0);
	CHECK(s.macro_f1 < 0);
	CHECK(s.polarity < 0);
	CHECK(s.doc < 0);
	cxs_evaltally_free(t);
	cxs_evalmap_free(m);
}

static void test_bad_gold(void)
{
	cxs_evalmap *m = test_map();
	cxs_evaltally *t;
	cxs_err err = { CXS_E_NONE, "" };
	json_t *rec;

	if (!m)
		return;
	t = cxs_evaltally_new(m);
	rec = json_loads("{\"gold\":{\"opinions\":[{\"polarity\":\"positive\"}]}}", 0, NULL);
	CHECK_INT(cxs_evaltally_add(t, rec, &err), -1);
	CHECK_STR(err.msg, "gold opinion 0 has no 'category' string");
	json_decref(rec);
	rec = json_loads("{\"gold\":{\"polarity\":\"great\"}}", 0, NULL);
	CHECK_INT(cxs_evaltally_add(t, rec, &err), -1);
	json_decref(rec);
	CHECK_INT(cxs_evaltally_counts(t)->bad, 2);
	cxs_evaltally_free(t);
	cxs_evalmap_free(m);
}

/* --binary: a two-way set asks "positive or not", so a neutral sentiment counts as
 * negative; without it neutral matches neither label. Gold "neutral" is malformed. */
static void test_binary(void)
{
	static const char *const recs[] = {
		"{\"gold\":{\"polarity\":\"negative\"},\"sentiment\":{\"polarity\":\"neutral\"}}",
		"{\"gold\":{\"polarity\":\"positive\"},\"sentiment\":{\"polarity\":\"neutral\"}}",
		"{\"gold\":{\"polarity\":1},\"sentiment\":{\"polarity\":\"positive\"}}",
		"{\"gold\":{\"polarity\":\"negative\"},\"sentiment\":{\"polarity\":\"negative\"}}",
		"{\"gold\":{\"polarity\":\"negative\"}}",
	};
	cxs_evalmap *m = test_map();
	int binary;

	if (!m)
		return;
	for (binary = 0; binary < 2; binary++) {
		cxs_evaltally *t = cxs_evaltally_new(m);
		cxs_err err = { CXS_E_NONE, "" };
		json_t *rec;
		size_t i;

		cxs_evaltally_set_binary(t, binary);
		for (i = 0; i < sizeof recs / sizeof *recs; i++) {
			rec = json_loads(recs[i], 0, NULL);
			CHECK_INT(cxs_evaltally_add(t, rec, &err), 1);
			json_decref(rec);
		}
		/* binary: neutral→negative right, neutral→positive wrong, no sentiment wrong */
		CHECK_INT(cxs_evaltally_counts(t)->doc_ok, binary ? 3 : 2);
		rec = json_loads("{\"gold\":{\"polarity\":0},\"sentiment\":{\"polarity\":\"neutral\"}}",
				 0, NULL);
		CHECK_INT(cxs_evaltally_add(t, rec, &err), binary ? -1 : 1);
		if (binary)
			CHECK_STR(err.msg, "'gold.polarity' is neutral in a two-way (--binary) evaluation");
		json_decref(rec);
		cxs_evaltally_free(t);
	}
	cxs_evalmap_free(m);
}

/* The outcome of the record added last, per dimension, as --errors reads it. */
static void test_last(void)
{
	cxs_evalmap *m = test_map();
	cxs_evaltally *t;
	struct cxs_evallast l;
	int gold, pred;
	size_t i;

	if (!m)
		return;
	t = cxs_evaltally_new(m);
	for (i = 0; i < sizeof RECS / sizeof *RECS; i++) {
		CHECK_INT(add_rec(t, RECS[i]), EXPECT[i]);
		if (i == 1) {   /* 2: food TP with mixed gold, price FN */
			cxs_evaltally_last(t, 1, &l);
			CHECK(l.gold && l.pred && l.gold_pol == -1 &&
			      l.pred_pol == CXS_EVAL_NEGATIVE);
			cxs_evaltally_last(t, 2, &l);
			CHECK(l.gold && !l.pred && l.gold_pol == CXS_EVAL_POSITIVE && l.pred_pol == -1);
			cxs_evaltally_last(t, 0, &l);
			CHECK(!l.gold && !l.pred);
		}
		if (i == 2) {   /* 3: staff FP */
			cxs_evaltally_last(t, 0, &l);
			CHECK(!l.gold && l.pred && l.pred_pol == CXS_EVAL_NEGATIVE);
		}
		if (i == 3) {   /* 4: no gold, nothing scored */
			cxs_evaltally_last(t, 0, &l);
			CHECK(!l.gold && !l.pred && l.gold_pol == -1 && l.pred_pol == -1);
			cxs_evaltally_last_doc(t, &gold, &pred);
			CHECK(gold == -1 && pred == -1);
		}
		if (i == 4) {   /* 5: price TP with the wrong polarity; fail (unmapped) never */
			cxs_evaltally_last(t, 2, &l);
			CHECK(l.gold && l.pred && l.gold_pol == CXS_EVAL_NEGATIVE &&
			      l.pred_pol == CXS_EVAL_POSITIVE);
			cxs_evaltally_last(t, 3, &l);
			CHECK(!l.gold && !l.pred);
		}
		if (i == 6) {   /* 7: document negative, said positive; no aspects scored */
			cxs_evaltally_last_doc(t, &gold, &pred);
			CHECK(gold == CXS_EVAL_NEGATIVE && pred == CXS_EVAL_POSITIVE);
			cxs_evaltally_last(t, 0, &l);
			CHECK(!l.gold && !l.pred);
		}
	}
	CHECK_STR(cxs_eval_polarity_name(CXS_EVAL_NEUTRAL), "neutral");
	CHECK(cxs_eval_polarity_name(-1) == NULL);
	cxs_evaltally_free(t);
	cxs_evalmap_free(m);
}

int main(void)
{
	RUN(test_map_parse);
	RUN(test_map_errors);
	RUN(test_scores);
	RUN(test_groups);
	RUN(test_empty_tally);
	RUN(test_bad_gold);
	RUN(test_binary);
	RUN(test_last);
	return cxs_test_done();
}

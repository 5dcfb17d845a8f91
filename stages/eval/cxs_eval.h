/*
 * cxs_eval — scoring classify output against the gold labels carried in the records.
 *
 * A mapping (lexicons/<pack>/eval/<dataset>.map, format in lexicons/README.md) says which
 * gold categories count as each dimension. A tally adds records one at a time: the gold
 * dimensions of a record are the mapped dimensions whose categories contain any of its
 * `gold.opinions[].category`; the predicted ones are its `signals[].dim` that have a
 * mapping. Each mapped dimension counts true positives, false positives and false
 * negatives; polarity is scored on the true positives whose gold opinions agree on one
 * polarity; `gold.polarity` scores the document `sentiment.polarity`. The rules are in
 * stages/eval/README.md.
 */
#ifndef CXS_EVAL_H
#define CXS_EVAL_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"

typedef struct cxs_evalmap cxs_evalmap;
typedef struct cxs_evaltally cxs_evaltally;

/* Parses a mapping file's text; `name` is the file name used in messages. On a bad line
 * returns NULL with a CXS_E_CONFIG error "NAME:LINE: what is wrong". */
cxs_evalmap *cxs_evalmap_parse(const char *text, size_t len, const char *name, cxs_err *err);
/* Reads and parses a mapping file (CXS_E_CONFIG when it cannot be read). */
cxs_evalmap *cxs_evalmap_load(const char *path, cxs_err *err);
/* Frees the map; NULL is a no-op. Tallies made from it must be freed first. */
void cxs_evalmap_free(cxs_evalmap *m);

/* Dimensions in file order, mapped or not ("-"). The name is owned by the map. */
size_t cxs_evalmap_ndims(const cxs_evalmap *m);
const char *cxs_evalmap_dim(const cxs_evalmap *m, size_t i);
int cxs_evalmap_mapped(const cxs_evalmap *m, size_t i);
/* Whether a signal of dimension `dim` counts for line `i`: the line's own dimension, or
 * one of its group's members. */
int cxs_evalmap_counts_for(const cxs_evalmap *m, size_t i, const char *dim);

/* The three polarities, as the rows and columns of a confusion table. */
enum { CXS_EVAL_POSITIVE, CXS_EVAL_NEGATIVE, CXS_EVAL_NEUTRAL, CXS_EVAL_NPOL };

/* The name of polarity `i` of the enum above ("positive", "negative", "neutral"). */
const char *cxs_eval_polarity_name(int i);

/* Counts of one dimension. */
struct cxs_evaldim {
	long long tp, fp, fn;     /* support (gold) = tp + fn; predicted = tp + fp */
	long long pol_n, pol_ok;  /* true positives with one gold polarity; of those right */
	/* of the pol_n, [gold][predicted]; a predicted polarity that is none of the three
	 * (a signal without one) is in no cell */
	long long confusion[CXS_EVAL_NPOL][CXS_EVAL_NPOL];
};

/* Record counts of a tally. */
struct cxs_evalcounts {
	long long records;        /* records added */
	long long opinions;       /* with `gold.opinions` (scored for dimensions) */
	long long doc;            /* with `gold.polarity` (scored for document sentiment) */
	long long doc_ok;         /* of those, `sentiment.polarity` agreed */
	long long no_gold;        /* with neither: skipped */
	long long bad;            /* with a malformed `gold` or `signals`: skipped */
	/* of the doc, [gold][predicted] (predicted after --binary); a record without a
	 * sentiment polarity is in no cell */
	long long doc_confusion[CXS_EVAL_NPOL][CXS_EVAL_NPOL];
};

/* Averages over the mapped dimensions. A value is negative when undefined (no
 * predictions for precision, no support for recall, nothing at all for F1). */
struct cxs_evalscores {
	double micro_p, micro_r, micro_f1;
	double macro_p, macro_r, macro_f1;
	size_t macro_n;           /* dimensions averaged: those with support or predictions */
	double polarity;          /* polarity accuracy over all dimensions */
	long long pol_n, pol_ok;
	long long confusion[CXS_EVAL_NPOL][CXS_EVAL_NPOL];  /* summed over the dimensions */
	double doc;               /* document sentiment accuracy */
};

/* A new empty tally over `m` (which must outlive it); NULL when out of memory. */
cxs_evaltally *cxs_evaltally_new(const cxs_evalmap *m);
void cxs_evaltally_free(cxs_evaltally *t);

/* Scores document sentiment two-way, for sets whose gold polarity is only positive or
 * negative: a record counts as positive when its `sentiment.polarity` is "positive",
 * else as negative (a neutral compound, within ±0.05, praises nothing on balance). Gold
 * "neutral" is then malformed. Off by default. */
void cxs_evaltally_set_binary(cxs_evaltally *t, int on);

/* Adds one classified record. Returns 1 when it was scored, 0 when it has no gold
 * (counted as skipped), -1 when its gold or signals are malformed (counted as bad;
 * `err` says what is wrong, without file and line). */
int cxs_evaltally_add(cxs_evaltally *t, const json_t *rec, cxs_err *err);

/* What the record added last was for mapped dimension `i` (map order): gold and
 * predicted or not, and their polarities (CXS_EVAL_POSITIVE..NEUTRAL, or -1 when there
 * is not one: not gold or not predicted, gold opinions that disagree or say "conflict").
 * Valid until the next cxs_evaltally_add; all zero (-1 for polarities) when that add
 * scored no aspects (no `gold.opinions`, or it returned 0 or -1). */
struct cxs_evallast {
	int gold, pred;
	int gold_pol, pred_pol;
};
void cxs_evaltally_last(const cxs_evaltally *t, size_t i, struct cxs_evallast *out);

/* The document polarities of the record added last, gold and predicted (as scored, so
 * two-way under --binary), each CXS_EVAL_POSITIVE..NEUTRAL or -1 (no `gold.polarity`, no
 * sentiment polarity, or an add that returned 0 or -1). */
void cxs_evaltally_last_doc(const cxs_evaltally *t, int *gold, int *pred);

/* The counts of dimension `i` (map order); valid while the tally lives. */
const struct cxs_evaldim *cxs_evaltally_dim(const cxs_evaltally *t, size_t i);
const struct cxs_evalcounts *cxs_evaltally_counts(const cxs_evaltally *t);
void cxs_evaltally_scores(const cxs_evaltally *t, struct cxs_evalscores *out);

/* Precision, recall and F1 of one dimension's counts; negative when undefined. */
double cxs_eval_precision(const struct cxs_evaldim *d);
double cxs_eval_recall(const struct cxs_evaldim *d);
double cxs_eval_f1(const struct cxs_evaldim *d);

#endif

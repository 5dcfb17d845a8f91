/*
 * report_agg — what cxs-report counts over a stream of classify records, in memory
 * bounded by the aggregates, never by the input:
 *
 *   - documents per language (at most REPORT_MAX_LANGS; later ones count as "other"),
 *     with and without signals, and by document sentiment;
 *   - per language and dimension (at most REPORT_MAX_DIMS dimensions; signals of later
 *     ones are left out and counted in report_agg_dropped_signals) the documents with a
 *     positive, negative and neutral signal;
 *   - sources (source.kind and host) and evidence terms per dimension and language, each
 *     in a Space-Saving counter of `counters` keys (report_topk.h): exact while there
 *     are no more distinct keys than that, otherwise an upper bound with its overcount;
 *   - per dimension, and for whole documents, the `examples` most positive and most
 *     negative signals, each with an excerpt of at most REPORT_EXCERPT_SEGMENTS sentences
 *     of at most REPORT_EXCERPT_BYTES bytes around its evidence.
 *
 * Dimensions come in the lexicon pack's order, as far as the records tell it: each
 * record lists its signals in that order, and the dimensions are sorted so that every
 * "listed before" seen in any record holds (first seen first where records say
 * nothing). Languages are listed in byte order of their codes.
 */
#ifndef REPORT_AGG_H
#define REPORT_AGG_H

#include <stddef.h>

#include "report_doc.h"
#include "report_topk.h"

#define REPORT_MAX_LANGS 64
#define REPORT_MAX_DIMS 256
#define REPORT_EXCERPT_SEGMENTS 3
#define REPORT_EXCERPT_BYTES 400
#define REPORT_DOCUMENT ((size_t)-1)  /* "dimension" of whole-document examples */

typedef struct report_agg report_agg;

struct report_lang {
	const char *name;
	long long documents, with_signals;
	long long sentiment[REPORT_NPOL];  /* documents by sentiment.polarity */
};

/* A highlighted span of an excerpt: byte offsets into `excerpt`. */
struct report_mark {
	size_t start, end;
	const char *term;  /* the pack's term */
	const char *dim;   /* the dimension it is evidence of */
};

struct report_example {
	const char *id, *lang, *title, *uri, *locator, *url;
	int polarity;                /* the signal's (or the document's) polarity */
	double score;
	long long seq;               /* position in the input, 1-based */
	const char *excerpt;         /* sentences holding evidence, joined by " … " */
	size_t excerpt_len;
	const struct report_mark *marks;  /* in excerpt order, not overlapping */
	size_t nmarks;
};

/* `examples` per dimension and direction (0 keeps none), `counters` keys per
 * Space-Saving counter (>= 1). NULL when memory runs out. */
report_agg *report_agg_new(size_t examples, size_t counters);

/* Counts one checked document. Returns 0 or -1 when memory runs out. */
int report_agg_add(report_agg *a, const struct report_doc *doc);

/* The dimension ids of the lexicon pack, in its order (dimensions.tsv): where they name
 * the dimensions seen, they decide the order. Copied. Returns 0 or -1 (no memory). */
int report_agg_set_order(report_agg *a, const char *const *dims, size_t n);

/* The `lexicon.name` of the first record that had one, or NULL. Owned by the aggregate. */
const char *report_agg_lexicon(const report_agg *a);

long long report_agg_documents(const report_agg *a);
long long report_agg_dropped_signals(const report_agg *a);
long long report_agg_bad_evidence(const report_agg *a);  /* spans outside the text */

size_t report_agg_nlangs(const report_agg *a);
/* The language at position `i` (byte order). Owned by the aggregate. */
const struct report_lang *report_agg_lang(const report_agg *a, size_t i);

size_t report_agg_ndims(const report_agg *a);
/* The dimension at position `i` (pack order). Owned by the aggregate. */
const char *report_agg_dim(const report_agg *a, size_t i);

/* Documents of language `lang` (a position, or REPORT_ALL for all languages) with a
 * signal of dimension `dim` (a position) and each polarity, into `n`. */
#define REPORT_ALL ((size_t)-1)
void report_agg_cell(const report_agg *a, size_t lang, size_t dim, long long n[REPORT_NPOL]);

/* Sources, keyed "KIND<TAB>HOST", and the terms of dimension `dim` in language `lang`
 * (REPORT_ALL: every language; NULL when there were none). Owned by the aggregate. */
const report_topk *report_agg_sources(const report_agg *a);
const report_topk *report_agg_terms(const report_agg *a, size_t lang, size_t dim);

/* The examples of dimension `dim` (a position, or REPORT_DOCUMENT) in direction
 * REPORT_POS or REPORT_NEG, best first; `*n` receives how many. Owned by the aggregate. */
const struct report_example *report_agg_examples(const report_agg *a, size_t dim, int dir,
						 size_t *n);

/* Frees everything; NULL is a no-op. */
void report_agg_free(report_agg *a);

#endif

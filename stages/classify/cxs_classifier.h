/*
 * cxs_classifier — one record in, the classify fields out: reads the record's text,
 * sentences, tokens, forms and stems (pipeline/README.md, schema version 1), runs the
 * matcher and the scorer with the lexicon of the record's language, and adds
 * `signals`, `sentiment` and `lexicon` at the end of the record.
 *
 * A record without the arrays of cxs-normalize and cxs-stem, or with arrays that do not
 * agree (offsets outside the text or out of order, lengths that differ), is rejected
 * with a reason. A record whose language has no lexicon in the pack (und) is kept with
 * no signals and a neutral sentiment.
 */
#ifndef CXS_CLASSIFIER_H
#define CXS_CLASSIFIER_H

#include <jansson.h>

#include "cxs_err.h"
#include "cxs_lexicon.h"
#include "cxs_matcher.h"
#include "cxs_scorer.h"

typedef struct cxs_classifier cxs_classifier;

/* A classifier over `lx` (loaded without problems), which must outlive it. NULL with
 * `err` when memory runs out. */
cxs_classifier *cxs_classifier_new(const cxs_lexicon *lx, cxs_err *err);

/* Classifies `rec`: a cxs_rec_fn (cxs_stage.h). Adds `signals`, `sentiment` and
 * `lexicon` and, unless cxs_classifier_keep_tokens, leaves out the per-token arrays
 * (`tokens`, `forms`, `stems`, `stop`). Returns 0 (keep), 1 (reject: the reason is in
 * `reason`) or -1 (out of memory, in `reason`). */
struct cxs_rec;
int cxs_classifier_rec(void *cl, struct cxs_rec *rec, cxs_err *reason);

/* The same over a jansson record, changed in place (tests, tools). */
int cxs_classifier_record(void *cl, json_t *rec, cxs_err *reason);

/* Whether output records keep the per-token arrays (default: no). */
void cxs_classifier_keep_tokens(cxs_classifier *cl, int keep);

/* Whether every evidence object also says how far its hit went for polarity words
 * (`reach`: clause, sentence, record or none) and which gave it its valence
 * (`opinions`: start, end, text, valence in the pack, value given; nearest first, at
 * most CXS_MAX_OPINIONS). Default: no. */
void cxs_classifier_explain(cxs_classifier *cl, int on);

/* Scores an already extracted doc in language `lang` (tests and tools that do not hold
 * JSON). `*out` is owned by the classifier until its next call. Returns 0 or -1. */
int cxs_classifier_doc(cxs_classifier *cl, const char *lang, const struct cxs_doc *d,
		       struct cxs_score *out, cxs_err *err);

/* The matches of the last cxs_classifier_doc or cxs_classifier_record (for tests and
 * debugging); valid until the next call. */
const struct cxs_matches *cxs_classifier_matches(const cxs_classifier *cl);

/* Frees the classifier; NULL is a no-op. */
void cxs_classifier_free(cxs_classifier *cl);

#endif

/*
 * cxs_summary — the table a run ends with: records per stage, documents per language,
 * signals per dimension with their polarity.
 *
 * Built from the files in a work directory (the manifests and 04-classify.jsonl.gz), so
 * it shows what an analyst opening those files would count, and works on yesterday's
 * run as well as on this one.
 */
#ifndef CXS_SUMMARY_H
#define CXS_SUMMARY_H

#include <jansson.h>

#include "cxs_buf.h"
#include "cxs_err.h"

/* Appends the summary of `workdir` as text to `out`. `dimensions_tsv` (may be NULL) gives
 * the order of the dimension rows; dimensions not listed there follow in the order they are first met.
 * Returns 0, or -1 with `err` when 04-classify.jsonl.gz cannot be read. */
int cxs_summary_build(const char *workdir, const char *dimensions_tsv, cxs_buf *out,
		      cxs_err *err);

/* The counts behind the summary, for callers that read the records once and use them
 * twice (cxs-pipeline: the summary and the nightly aggregates of --state). */
typedef struct cxs_tally cxs_tally;

/* A new, empty tally; dimension rows seeded as for cxs_summary_build. NULL: no memory. */
cxs_tally *cxs_tally_new(const char *dimensions_tsv);
/* Counts every record of a classify output file. 0, or -1 with `err`. */
int cxs_tally_file(cxs_tally *t, const char *path, cxs_err *err);
/* Appends the summary text of `workdir` (stage table from its manifests) to `out`. */
void cxs_summary_format(const char *workdir, const cxs_tally *t, cxs_buf *out);

/* Documents per language, and documents per (language, dimension, polarity), polarity
 * being "positive", "negative" or "neutral"; in the order first met. A callback's
 * non-zero return stops the walk and is returned. */
typedef int (*cxs_tally_lang_fn)(void *ctx, const char *lang, long long documents);
typedef int (*cxs_tally_signal_fn)(void *ctx, const char *lang, const char *dim,
				   const char *polarity, long long documents);
int cxs_tally_foreach_language(const cxs_tally *t, cxs_tally_lang_fn fn, void *ctx);
int cxs_tally_foreach_signal(const cxs_tally *t, cxs_tally_signal_fn fn, void *ctx);
void cxs_tally_free(cxs_tally *t);

/* A tally as JSON ({"docs", "sentiment": [pos, neg, neu], "langs": {}, "cells": {}}),
 * so that parts can be counted apart and added up: adding the tallies of consecutive
 * pieces of a file, in order, gives the tally of the file (rows in the same order).
 * NULL when memory runs out. */
json_t *cxs_tally_json(const cxs_tally *t);
/* Adds a tally made by cxs_tally_json to `t`. 0, or -1 when `j` is not one. */
int cxs_tally_add_json(cxs_tally *t, const json_t *j);

#endif

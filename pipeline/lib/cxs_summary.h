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

#include "cxs_buf.h"
#include "cxs_err.h"

/* Appends the summary of `workdir` as text to `out`. `dimensions_tsv` (may be NULL) gives
 * the order of the dimension rows; dimensions not listed there follow in the order they are first met.
 * Returns 0, or -1 with `err` when 04-classify.jsonl.gz cannot be read. */
int cxs_summary_build(const char *workdir, const char *dimensions_tsv, cxs_buf *out,
		      cxs_err *err);

#endif

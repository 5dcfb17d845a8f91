/*
 * drv_merge — a stage's merged files: DIR/NN-stage.jsonl.gz and its rejects (and, for
 * fetch with --state, the skipped list), the parts' files concatenated in input order,
 * and a manifest that sums the parts' counts.
 *
 * Gzip members concatenate, so merging is a byte copy (hashed on the way). The merged
 * manifest has the fields of a stage manifest (program "cxs-pipeline"), with "inputs"
 * the previous merged file (fetch: the sources), and "parts" and "parts_key" (SHA-256
 * over every part's output and rejects hashes): a merged file whose parts_key matches
 * the current parts is fresh. Counts reconcile: in = out + rejected (+ skipped).
 */
#ifndef DRV_MERGE_H
#define DRV_MERGE_H

#include "drv.h"

/* The key of stage `k`'s current parts, from their manifests. 0, or -1 when one is
 * missing (the stage is not complete). */
int drv_merge_key(const struct drv_run *r, int k, char key[CXS_SHA256_HEX]);

/* Whether DIR/NN-stage.* already hold exactly these parts. */
int drv_merge_fresh(const struct drv_run *r, int k, const char *key);

/* Writes the merged files (in a child process); returns an exit status. */
int drv_merge_stage(const struct drv_run *r, int k, const char *key);

#endif

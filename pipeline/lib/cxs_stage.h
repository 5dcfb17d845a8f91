/*
 * cxs_stage — what every stage does around its own work: open the output, the rejects
 * file and the manifest, count records, and publish all three at the end.
 *
 * Invariant kept here, not in each stage: every record read is either written to the
 * output or to the rejects file with a reason, so in = out + rejected in the manifest.
 * The output is published first, then the rejects, then the manifest (an old manifest
 * is removed when the stage starts): a manifest beside an output means the output is
 * complete, and its "output.sha256" says which bytes it describes.
 *
 * Names: for an output "DIR/NAME.jsonl.gz" (or "DIR/NAME.jsonl", or any other name), the
 * rejects go to "DIR/NAME.rejects.jsonl.gz" and the manifest to "DIR/NAME.manifest.json"
 * unless given. For output "-" (stdout) there is neither unless given; rejects are then
 * only reported through the diagnostics callback.
 *
 * The library never prints: problems with single records go to `diag` (may be NULL),
 * failures come back as cxs_err.
 */
#ifndef CXS_STAGE_H
#define CXS_STAGE_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"

#define CXS_SCHEMA_VERSION 2
#define CXS_LEVEL_DEFAULT 1   /* measured in `make bench`: see README "Intermediate files" */

typedef void (*cxs_diag_fn)(void *ctx, const char *msg);

struct cxs_stage_config {
	const char *stage;      /* "fetch", "normalize", ... */
	const char *output;     /* path or "-" */
	const char *rejects;    /* NULL: derived from output */
	const char *manifest;   /* NULL: derived from output */
	int level;              /* gzip level for ".gz" outputs */
	size_t max_record;      /* 0: CXS_MAX_RECORD_DEFAULT */
	cxs_diag_fn diag;       /* per-record problems (rejects): informational */
	cxs_diag_fn diag_error; /* damaged or missing inputs: always worth saying;
	                           NULL: use diag */
	void *diag_ctx;
};

struct cxs_counts {
	long long in, out, rejected;
};

typedef struct cxs_stage cxs_stage;

/* Opens the output and rejects files (as temporaries). NULL with `err` on failure. */
cxs_stage *cxs_stage_open(const struct cxs_stage_config *cfg, cxs_err *err);

/* Records a stage option in the manifest ("options"); `value` is stolen. */
void cxs_stage_option(cxs_stage *s, const char *key, json_t *value);

/* Records a lexicon pack in the manifest ("lexicons"); `lex` is stolen. */
void cxs_stage_lexicon(cxs_stage *s, json_t *lex);

/* Records an input file with its hash, size and the documents it gave. */
void cxs_stage_input(cxs_stage *s, const char *path, const char *sha256, long long bytes,
		     long long documents);

/* Adds `key` with `value` (stolen) to the input recorded last, for what a reader wants
 * to say about one file beyond its documents (cxs-fetch: an archive's skipped records
 * by type). Nothing happens when no input was recorded yet. */
void cxs_stage_input_detail(cxs_stage *s, const char *key, json_t *value);

/* Counts `n` documents read (every one must then be emitted or rejected). */
void cxs_stage_count_in(cxs_stage *s, long long n);

/* Writes a record to the output and counts it. */
int cxs_stage_emit(cxs_stage *s, const json_t *rec, cxs_err *err);

/* Writes a reject and counts it. `id`, `uri`, `locator` may be NULL. `record` (may be
 * NULL) is the rejected record, kept whole so nothing is lost; `raw` (may be NULL) is an
 * unparseable line, kept as text (invalid UTF-8 replaced). The reason also goes to diag
 * as "URI:LOCATOR: REASON". */
int cxs_stage_reject(cxs_stage *s, const char *id, const char *uri, const char *locator,
		     const char *reason, const json_t *record, const char *raw, size_t rawlen,
		     cxs_err *err);

/* Notes that an input was damaged (the run is partial); the message goes to the
 * manifest's "errors" and to diag_error. */
void cxs_stage_partial(cxs_stage *s, const char *msg);
int cxs_stage_is_partial(const cxs_stage *s);

const struct cxs_counts *cxs_stage_counts(const cxs_stage *s);

/* Publishes output, rejects and manifest; frees the stage in every case. Fails (and
 * publishes nothing) when the counts do not reconcile: that is a bug, not bad input. */
int cxs_stage_commit(cxs_stage *s, cxs_err *err);

/* Discards everything written; NULL is a no-op. */
void cxs_stage_abort(cxs_stage *s);

/* For a cxs_rec_fn: sets `reason` (kind CXS_E_INPUT) and returns 1, the code that
 * rejects the record: `return cxs_reject(reason, "record has no 'text' string");` */
int cxs_reject(cxs_err *reason, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The per-record work over a record validated and indexed but not decoded (cxs_rec.h):
 * read the fields needed with its accessors, add or replace the stage's own with
 * cxs_rec_set. Return 0 to keep it, 1 to reject it (with the reason in `reason`), -1
 * for a fatal error (`reason` holds the error; the stage stops). This is how the record
 * stages run: fields they do not read pass through as bytes. */
struct cxs_rec;
typedef int (*cxs_rec_fn)(void *ctx, struct cxs_rec *rec, cxs_err *reason);

/* Streams every record of every input through `fn` into the stage. A damaged input is
 * reported (partial) and the next input is read; bad lines are rejected. Returns 0, or
 * -1 for a fatal error with `err` set. */
int cxs_stage_run_recs(cxs_stage *s, const char *const *inputs, size_t ninputs, cxs_rec_fn fn,
		       void *ctx, cxs_err *err);

/* Runs `fn` on a jansson record, which then holds the record written (tests and tools
 * that hold trees). Same return codes as cxs_rec_fn. */
int cxs_stage_apply_json(cxs_rec_fn fn, void *ctx, json_t *rec, cxs_err *reason);

/* Derives "DIR/NAME.SUFFIX" from an output path as described above; caller frees. */
char *cxs_stage_sibling(const char *output, const char *suffix);

#endif

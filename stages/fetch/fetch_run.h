/*
 * fetch_run — what cxs-fetch does with each SOURCE, as a handle its main can drive:
 * walk files and directories, read HTML pages, text files and JSONL exports, and emit
 * or reject every document through the stage (cxs_stage.h), so in = out + rejected.
 */
#ifndef FETCH_RUN_H
#define FETCH_RUN_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_stage.h"
#include "fetch_sources.h"

typedef struct cxs_fetcher cxs_fetcher;

/* Opens the HTML extractor and charset converter once. Documents go to `s` (borrowed;
 * it must outlive the fetcher). `forced` is a kind for every source, or 0 to tell by
 * name; files larger than `max_record` bytes are rejected unread. Skipped files are
 * said through `note` (may be NULL). NULL with `err`. */
cxs_fetcher *cxs_fetcher_new(cxs_stage *s, enum cxs_kind forced, size_t max_record,
			     cxs_diag_fn note, void *note_ctx, cxs_err *err);

/* Reads one SOURCE (a file, a directory, or "-" for JSONL on stdin). Unreadable files
 * make the stage partial and are not errors here. Returns 0, or -1 with `err` when the
 * run cannot go on (output failure, out of memory); every later call then fails too. */
int cxs_fetcher_source(cxs_fetcher *f, const char *source, cxs_err *err);

/* Frees the fetcher; NULL is a no-op. */
void cxs_fetcher_free(cxs_fetcher *f);

#endif

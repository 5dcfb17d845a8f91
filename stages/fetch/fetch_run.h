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

/* What cxs-fetch's options ask for. Zero means the default; strings are borrowed and
 * must outlive the fetcher. */
struct cxs_fetch_opts {
	enum cxs_kind forced;     /* a kind for every source, or 0 to tell by name/content */
	size_t max_record;        /* files and records larger than this are rejected */
	int comments;             /* --comments: keep reader comments in `comments` */
	int keep_duplicates;      /* --keep-duplicates: do not reject exact duplicates */
	const char *map;          /* --map: column/field mapping of review exports, or NULL */
	const char *unit;         /* --unit: "sentence" or "review" for SemEval, or NULL */
	const char *lang_hint;    /* --lang-hint: `lang_hint` of documents whose source
	                             declares none, or NULL */
	const char *stopwords;    /* the folder of LANG.stop lists HTML blocks are scored by
	                             (html_stopdens.h), or NULL for none */
	cxs_diag_fn note;         /* says which files are skipped and why; may be NULL */
	void *note_ctx;
};

/* Opens the HTML extractor and charset converter once. Documents go to `s` (borrowed;
 * it must outlive the fetcher). NULL with `err`. */
cxs_fetcher *cxs_fetcher_new(cxs_stage *s, const struct cxs_fetch_opts *o, cxs_err *err);

/* Reads one SOURCE (a file, a directory, or "-" for JSONL on stdin). Unreadable files
 * make the stage partial and are not errors here. Returns 0, or -1 with `err` when the
 * run cannot go on (output failure, out of memory); every later call then fails too. */
int cxs_fetcher_source(cxs_fetcher *f, const char *source, cxs_err *err);

/* Reads the SOURCEs listed in the file `list` ("-": standard input), one per line, in
 * order: blank lines and lines whose first non-blank character is '#' are skipped,
 * spaces and tabs around a name are dropped. A listed source that cannot be read is
 * reported as "'LIST': line N: could not read ..."; "-" may be listed only when the list
 * is not itself standard input. Returns as cxs_fetcher_source. */
int cxs_fetcher_list(cxs_fetcher *f, const char *list, cxs_err *err);

/* Frees the fetcher; NULL is a no-op. */
void cxs_fetcher_free(cxs_fetcher *f);

#endif

/*
 * fetch_internal — what the readers of cxs-fetch share: the fetcher's state and the
 * calls through which every reader counts, emits and rejects documents, so that each
 * input format (fetch_warc.c, fetch_feed.c, fetch_table.c, fetch_semeval.c, ...) keeps
 * the same accounting: every document read is counted in once, then emitted or rejected
 * with a reason; a file that cannot be read, or whose end is damaged, makes the run
 * partial (exit 4) with a message naming the file and the place.
 *
 * Only fetch's own modules include this header; main.c uses fetch_run.h.
 */
#ifndef FETCH_INTERNAL_H
#define FETCH_INTERNAL_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"
#include "cxs_stage.h"
#include "fetch_charset.h"
#include "fetch_dedup.h"
#include "fetch_map.h"
#include "fetch_record.h"
#include "fetch_run.h"
#include "html_extract.h"

struct cxs_fetcher {
	cxs_stage *s;
	struct cxs_fetch_opts o;  /* a copy; its strings are borrowed from the caller */
	cxs_html *html;
	cxs_stopdens *stop;       /* the stopword lists HTML blocks are scored by, or NULL */
	cxs_charset *cs;          /* for text files (the HTML extractor has its own) */
	cxs_map *map;             /* --map, for CSV/TSV and (when given) JSONL exports */
	cxs_dedup *dedup;         /* texts emitted so far (unless --keep-duplicates) */
	const char *where;        /* "'list.txt': line 3: " while reading a --from-list */
	cxs_buf data;             /* the bytes of the current file */
	cxs_buf text;             /* a text file decoded */
	cxs_buf msg;
	cxs_buf scratch;
	cxs_err err;              /* why the run stopped, when `failed` */
	int failed;
};

/* Stops the run with `e` (output failure, out of memory); returns -1. */
int cxs_fetch_fatal(struct cxs_fetcher *f, const cxs_err *e);

/* The same for running out of memory. */
int cxs_fetch_nomem(struct cxs_fetcher *f);

/* Notes that an input could not be read completely: the run goes on, but is partial.
 * The message names the file and the place ("'a.warc.gz': offset 1234: ..."). */
void cxs_fetch_partial(struct cxs_fetcher *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Counts one document in. Every document a reader finds is counted exactly once,
 * before it is emitted or rejected. */
void cxs_fetch_count_in(struct cxs_fetcher *f);

/* Rejects a document that was counted in; `rec` (may be NULL) or `raw` (`rawlen`
 * bytes, may be NULL) is kept with it. Returns 0, or -1 when the run must stop. */
int cxs_fetch_reject(struct cxs_fetcher *f, const char *id, const char *uri,
		     const char *locator, const char *reason, const json_t *rec,
		     const char *raw, size_t rawlen);

/* Emits a finished record, or rejects it as "duplicate of ID" when a record with the
 * same text (fetch_dedup.h) was emitted before in this run, unless --keep-duplicates.
 * Returns 0, or -1 when the run must stop. */
int cxs_fetch_emit(struct cxs_fetcher *f, const json_t *rec);

/* Builds the record of `d` and emits it, or rejects it with `empty_reason` when its
 * text is blank, or because it is longer than --max-record-bytes. Returns 0, or -1
 * when the run must stop. */
int cxs_fetch_doc(struct cxs_fetcher *f, const struct cxs_doc *d, const char *empty_reason);

/* One HTML page held in memory (`data`, `len` raw bytes; `transport_charset` is the
 * charset of an HTTP Content-Type header, or NULL): extracts it and emits or rejects
 * it. `base` gives what the caller knows (uri, kind, locator, url, id, title, author,
 * published, ...); extraction fills in what the page says where `base` has nothing.
 * HTML that is already UTF-8 text (a feed item's content, decoded by the XML parser)
 * passes "UTF-8" as `transport_charset`, so a stale <meta charset> inside it is not
 * obeyed, and may set base->charset / charset_rule to what decoded the feed.
 * Returns 0, or -1 when the run must stop. */
int cxs_fetch_html(struct cxs_fetcher *f, const struct cxs_doc *base, const char *data,
		   size_t len, const char *transport_charset);

/* Records that the input file `uri` was read: its SHA-256 (NULL when unknown), size in
 * bytes and how many documents it held (for the manifest). */
void cxs_fetch_input(struct cxs_fetcher *f, const char *uri, const char *sha256,
		     long long bytes, long long docs);

/* One row of a table or line of a JSONL export (`in`, an object) through --map
 * (fetch_map.h): emitted, or rejected with the mapping's reason (keeping `in`).
 * `invalid_bytes` were replaced in `in` already. Returns 0, or -1 when the run must
 * stop. */
int cxs_fetch_mapped(struct cxs_fetcher *f, const json_t *in, const char *uri,
		     const char *kind, const char *locator, long invalid_bytes);

/* Readers of the formats beyond HTML, text and JSONL: each reads the file `path`
 * (already known to be of its kind) and returns 0, or -1 when the run must stop. */
int cxs_fetch_warc(struct cxs_fetcher *f, const char *path, enum cxs_kind kind);
int cxs_fetch_feed(struct cxs_fetcher *f, const char *path);
int cxs_fetch_semeval(struct cxs_fetcher *f, const char *path);
int cxs_fetch_xml(struct cxs_fetcher *f, const char *path);
int cxs_fetch_table(struct cxs_fetcher *f, const char *path, enum cxs_kind kind);

#endif

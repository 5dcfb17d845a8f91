/*
 * fetch_sources — which files a fetch reads, in which order, and as what kind.
 *
 * A SOURCE is a file, a directory or "-" (standard input). Directories are read
 * recursively with the entries of each directory sorted by name (byte order, whatever
 * the locale), so the same tree always gives the same records in the same order. In a
 * directory, hidden entries (names starting with ".") are passed over silently, and
 * files of an unknown kind are reported as skipped; a file named explicitly is always
 * read (its kind must be known or forced). A directory reached twice through symbolic
 * links on one path is not entered again.
 *
 * Kinds by name, ignoring case: .html .htm .xhtml -> html; .jsonl .ndjson .jsonl.gz
 * .ndjson.gz -> jsonl; .txt .text -> text; .warc .warc.gz -> warc; .arc .arc.gz -> arc;
 * .rss .atom .rdf -> feed; .csv -> csv; .tsv .tab -> tsv; .xml -> xml (a feed or a
 * SemEval file: the reader tells them apart by the root element). A forced kind
 * (--format) applies to every file, and "-" is jsonl unless forced.
 *
 * The module never prints: each file, skip and error goes to the caller's callback.
 */
#ifndef FETCH_SOURCES_H
#define FETCH_SOURCES_H

#include "cxs_err.h"

enum cxs_kind {
	CXS_KIND_UNKNOWN = 0,
	CXS_KIND_HTML,
	CXS_KIND_JSONL,
	CXS_KIND_TEXT,
	CXS_KIND_WARC,
	CXS_KIND_ARC,
	CXS_KIND_FEED,
	CXS_KIND_CSV,
	CXS_KIND_TSV,
	CXS_KIND_SEMEVAL,
	CXS_KIND_XML       /* a feed or SemEval XML, told apart by content */
};

/* The kind named `s` (see cxs_kind_name), CXS_KIND_UNKNOWN otherwise. */
enum cxs_kind cxs_kind_parse(const char *s);

/* "html", "jsonl", "text", "warc", "arc", "feed", "csv", "tsv", "semeval", "xml", or
 * "unknown": a static string. */
const char *cxs_kind_name(enum cxs_kind k);

/* The kind of a file by its name's extension. */
enum cxs_kind cxs_kind_of_path(const char *path);

/* `path` without leading "./" parts: how a document's source is named in records and
 * ids ("./in/a.html" -> "in/a.html"). Points into `path`. */
const char *cxs_source_uri(const char *path);

enum cxs_source_event {
	CXS_SOURCE_FILE,    /* read `path` as `kind` */
	CXS_SOURCE_SKIP,    /* `path` is not read: `why` says why */
	CXS_SOURCE_ERROR    /* `path` could not be read or listed: `why` says why */
};

/* Called for each event in order. `path` and `why` are valid during the call only.
 * Return 0 to go on, non-zero to stop the walk (cxs_sources_walk then returns that
 * value). */
typedef int (*cxs_source_fn)(void *ctx, enum cxs_source_event ev, const char *path,
			     enum cxs_kind kind, const char *why);

/* Expands `source` into events for `fn`. `forced` is the kind every file is read as, or
 * CXS_KIND_UNKNOWN to go by names. Returns 0, the callback's non-zero value, or -1 with
 * `err` set when memory runs out. A missing or unreadable source is an ERROR event,
 * not a failure of the walk. */
int cxs_sources_walk(const char *source, enum cxs_kind forced, cxs_source_fn fn, void *ctx,
		     cxs_err *err);

#endif

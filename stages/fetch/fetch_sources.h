/*
 * fetch_sources — which files a fetch reads, in which order, and as what kind.
 *
 * A SOURCE is a file, a directory, a glob pattern or "-" (standard input). Directories
 * are read recursively with the entries of each directory sorted by name (byte order,
 * whatever the locale), so the same tree always gives the same records in the same
 * order. In a directory, hidden entries (names starting with ".") are passed over
 * silently, and files of an unknown kind are reported as skipped; a file named
 * explicitly is always read (its kind must be known or forced). A directory reached
 * twice through symbolic links on one path is not entered again. A SOURCE that does not
 * exist and holds '*', '?' or '[' is a pattern, expanded by glob(3) and sorted by bytes;
 * each match is read as if named (directories are walked), except that a match whose
 * kind cannot be told is skipped with a note; no match at all is an error.
 *
 * Kinds by name, ignoring case: .html .htm .xhtml -> html; .jsonl .ndjson .jsonl.gz
 * .ndjson.gz -> jsonl; .txt .text -> text; .warc .warc.gz -> warc; .arc .arc.gz -> arc;
 * .rss .atom .rdf -> feed; .csv .csv.gz -> csv; .tsv .tab .tsv.gz .tab.gz -> tsv; .xml ->
 * xml (a feed or a SemEval file: the reader tells them apart by the root element).
 *
 * How names, content and --format combine: a forced kind (--format) applies to every
 * file, unchecked. Otherwise a known extension decides, and the content is not looked
 * at. A named file (command line, --from-list, a glob's match) with no known extension
 * (including NAME.gz of an unknown NAME) is told by its first bytes (cxs_kind_sniff;
 * inflated first when gzip-compressed); in directories such files are skipped, not
 * sniffed: crawl folders hold many files that are not documents. "-" is jsonl unless
 * forced (standard input cannot be read twice).
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

#define CXS_SNIFF_BYTES 1024   /* bytes looked at by cxs_kind_sniff */

/* The kind the first bytes of a file say (`data`, `len` bytes, already inflated): after
 * a UTF-8 or UTF-16 byte order mark, "WARC/1." -> warc, "filedesc://" (an ARC file
 * header) -> arc; then, after whitespace, XML declarations, comments and a non-HTML
 * DOCTYPE: '{' -> jsonl, <rss, <rdf:RDF, <feed -> feed, <sentences, <Reviews -> semeval,
 * <!DOCTYPE html, <html (any case) -> html. CXS_KIND_UNKNOWN otherwise (CSV, TSV and
 * text are never guessed). */
enum cxs_kind cxs_kind_sniff(const char *data, size_t len);

/* The kind of the regular file `path` by its first CXS_SNIFF_BYTES (inflated when it is
 * gzip-compressed; *gzipped says whether it was). CXS_KIND_UNKNOWN when it cannot be
 * read or told. */
enum cxs_kind cxs_kind_of_content(const char *path, int *gzipped);

/* The kind of a named file: by name, else by content (regular files only). A gzip-
 * compressed file whose content is of a kind whose reader takes no gzip (html, feed,
 * semeval) is CXS_KIND_UNKNOWN. When the kind is unknown, *why says why (static). */
enum cxs_kind cxs_kind_of_file(const char *path, const char **why);

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

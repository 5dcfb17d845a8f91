/*
 * fetch_table — CSV and TSV review exports: the first row names the columns, every
 * other row is one document, mapped to a record by --map (fetch_map.h). The file is
 * streamed (plain or gzip, through cxs_gzio) and parsed by fetch_csv, so memory holds
 * one row at a time. See README.md, "CSV and TSV exports".
 */
#include "fetch_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_gzio.h"
#include "cxs_hash.h"
#include "cxs_utf8.h"
#include "fetch_csv.h"
#include "fetch_map.h"
#include "fetch_text.h"

#define TABLE_CHUNK (64 << 10)

struct table {
	struct cxs_fetcher *f;
	const char *uri;
	const char *kind;          /* "csv" or "tsv" */
	char **names;              /* the header, valid UTF-8 */
	size_t ncols;
	int have_header;
	long long docs;
	cxs_buf why;
	cxs_buf cell;
};

static void free_names(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->names);
	t->names = NULL;
	t->ncols = 0;
}

/* The header row. Returns 0, 1 when the file cannot be read (reported), -1 when the run
 * must stop. */
static int take_header(struct table *t, const struct cxs_csv_row *row)
{
	size_t i;
	int rc;

	t->have_header = 1;
	if (row->too_long) {
		cxs_fetch_partial(t->f, "'%s': line %lld: the header is longer than the maximum "
				  "of %zu bytes (--max-record-bytes)", t->uri, row->line,
				  t->f->o.max_record);
		return 1;
	}
	t->names = calloc(row->nfields, sizeof(*t->names));
	if (!t->names)
		return cxs_fetch_nomem(t->f);
	for (i = 0; i < row->nfields; i++, t->ncols++) {
		cxs_buf_reset(&t->cell);
		/* pandas writes its index column with an empty name. */
		if (row->lens[i] == 0 ? cxs_buf_addf(&t->cell, "column%zu", i + 1) < 0
				      : cxs_utf8_sanitize(row->fields[i], row->lens[i], &t->cell) < 0)
			return cxs_fetch_nomem(t->f);
		t->names[i] = cxs_buf_detach(&t->cell, NULL);
		if (!t->names[i])
			return cxs_fetch_nomem(t->f);
	}
	rc = cxs_map_check_header(t->f->map, (const char *const *)t->names, t->ncols, &t->why);
	if (rc < 0)
		return cxs_fetch_nomem(t->f);
	if (rc > 0) {
		cxs_fetch_partial(t->f, "'%s': line %lld: %s", t->uri, row->line, t->why.p);
		return 1;
	}
	return 0;
}

/* The row as {column: value}, values made valid UTF-8 (replacements added to *bad). */
static json_t *row_object(struct table *t, const struct cxs_csv_row *row, long *bad)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < row->nfields; i++) {
		const char *s = row->fields[i];
		size_t n = row->lens[i];
		long b = 0;
		if (cxs_utf8_valid_prefix(s, n) != n) {
			cxs_buf_reset(&t->cell);
			b = cxs_utf8_sanitize(s, n, &t->cell);
			s = t->cell.p ? t->cell.p : "";
			n = t->cell.len;
		}
		if (b < 0 || json_object_set_new_nocheck(o, t->names[i],
							  json_stringn_nocheck(s, n)) < 0) {
			json_decref(o);
			return NULL;
		}
		*bad += b;
	}
	return o;
}

static int take_row(struct table *t, const struct cxs_csv_row *row)
{
	struct cxs_fetcher *f = t->f;
	char loc[40], id[CXS_ID_HEX];
	long bad = 0;
	json_t *in;
	int rc;

	t->docs++;
	cxs_fetch_count_in(f);
	snprintf(loc, sizeof(loc), "line %lld", row->line);
	cxs_make_id(t->kind, t->uri, loc, id);
	cxs_buf_reset(&t->why);
	if (row->too_long) {
		if (cxs_buf_addf(&t->why, "row of %zu bytes is longer than the maximum of %zu bytes "
				 "(--max-record-bytes)", row->bytes, f->o.max_record) < 0)
			return cxs_fetch_nomem(f);
		return cxs_fetch_reject(f, id, t->uri, loc, t->why.p, NULL, NULL, 0);
	}
	if (row->nfields != t->ncols) {
		if (cxs_buf_addf(&t->why, "row has %zu fields where the header has %zu",
				 row->nfields, t->ncols) < 0)
			return cxs_fetch_nomem(f);
		return cxs_fetch_reject(f, id, t->uri, loc, t->why.p, NULL, row->raw, row->rawlen);
	}
	in = row_object(t, row, &bad);
	if (!in)
		return cxs_fetch_nomem(f);
	rc = cxs_fetch_mapped(f, in, t->uri, t->kind, loc, bad);
	json_decref(in);
	return rc;
}

int cxs_fetch_mapped(struct cxs_fetcher *f, const json_t *in, const char *uri,
		     const char *kind, const char *locator, long invalid_bytes)
{
	struct cxs_map_result res;
	struct cxs_doc d;
	char id[CXS_ID_HEX];
	int rc;

	rc = cxs_map_apply(f->map, in, &res, &f->msg);
	if (rc == 0) {
		memset(&d, 0, sizeof(d));
		d.id = res.id;
		d.uri = uri;
		d.kind = kind;
		d.locator = locator;
		d.url = res.url;
		d.title = res.title;
		d.author = res.author;
		d.published = res.published;
		d.lang_hint = res.lang_hint;
		d.meta = res.meta;
		d.gold = res.gold;
		d.invalid_bytes = invalid_bytes;
		/* Line ends inside a quoted field become LF, as in text files. */
		cxs_buf_reset(&f->text);
		if (cxs_buf_add(&f->text, res.text, res.text_len) < 0) {
			cxs_map_result_release(&res);
			return cxs_fetch_nomem(f);
		}
		d.text = f->text.p;
		d.text_len = cxs_text_unify_newlines(f->text.p, f->text.len);
		rc = cxs_fetch_doc(f, &d, "empty text");
	} else if (rc > 0) {
		cxs_make_id(kind, uri, locator, id);
		rc = cxs_fetch_reject(f, res.id ? res.id : id, uri, locator, f->msg.p, in, NULL, 0);
	} else {
		rc = cxs_fetch_nomem(f);
	}
	cxs_map_result_release(&res);
	return rc;
}

static int on_row(void *ctx, const struct cxs_csv_row *row)
{
	struct table *t = ctx;

	if (!t->have_header)
		return take_header(t, row);
	return take_row(t, row) < 0 ? -1 : 0;
}

/* A quoted field runs to the end of the file: its row is a document, rejected, and the
 * file was not what it should be. */
static int unclosed(struct table *t, cxs_csv *csv)
{
	const char *raw;
	size_t bytes, rawlen;
	long long line = cxs_csv_open_row(csv, &bytes, &raw, &rawlen);
	char loc[40], id[CXS_ID_HEX];

	cxs_fetch_partial(t->f, "'%s': line %lld: a quoted field is not closed at the end of "
			  "the file (the rows before it are kept)", t->uri, line);
	if (!t->have_header)
		return 0;
	t->docs++;
	cxs_fetch_count_in(t->f);
	snprintf(loc, sizeof(loc), "line %lld", line);
	cxs_make_id(t->kind, t->uri, loc, id);
	return cxs_fetch_reject(t->f, id, t->uri, loc, "quoted field not closed at the end of "
				"the file", NULL, raw, rawlen);
}

/* UTF-8 is read as it is (a byte order mark dropped); a UTF-16 or UTF-32 byte order
 * mark stops the file with a clear message. Returns the bytes to skip, or -1. */
static long check_bom(const char *p, size_t n)
{
	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		return 3;
	if (n >= 2 && (!memcmp(p, "\xff\xfe", 2) || !memcmp(p, "\xfe\xff", 2)))
		return -1;
	return 0;
}

/* Reads the whole stream; returns 0 (the file was read, or its damage reported), 1 when
 * the file stopped early (reported), -1 when the run must stop. */
static int read_table(struct table *t, cxs_gzin *in, cxs_csv *csv)
{
	struct cxs_fetcher *f = t->f;
	cxs_err e = { CXS_E_NONE, "" };
	int first = 1, rc;

	for (;;) {
		long n, skip = 0;

		cxs_buf_reset(&f->data);
		if (cxs_buf_grow(&f->data, TABLE_CHUNK) < 0)
			return cxs_fetch_nomem(f);
		n = cxs_gzin_read(in, f->data.p, TABLE_CHUNK, &e);
		if (n < 0) {
			cxs_fetch_partial(f, "%s (the rows before it are kept)", e.msg);
			return 1;
		}
		if (n == 0)
			break;
		if (first) {
			skip = check_bom(f->data.p, (size_t)n);
			if (skip < 0) {
				cxs_fetch_partial(f, "could not read '%s': UTF-16 or UTF-32 text; %s "
						  "exports must be UTF-8 (iconv -f UTF-16 -t UTF-8)",
						  t->uri, t->kind);
				return 1;
			}
			first = 0;
		}
		rc = cxs_csv_feed(csv, f->data.p + skip, (size_t)(n - skip), on_row, t, &e);
		if (rc == 1)
			return 1;
		if (rc < 0)
			return f->failed ? -1 : cxs_fetch_fatal(f, &e);
	}
	rc = cxs_csv_finish(csv, on_row, t, &e);
	if (rc == CXS_CSV_UNCLOSED)
		return unclosed(t, csv) < 0 ? -1 : 0;
	if (rc == 1)
		return 1;
	if (rc < 0)
		return f->failed ? -1 : cxs_fetch_fatal(f, &e);
	return 0;
}

int cxs_fetch_table(struct cxs_fetcher *f, const char *path, enum cxs_kind kind)
{
	struct table t;
	cxs_err e = { CXS_E_NONE, "" };
	char hex[CXS_SHA256_HEX];
	const char *sha = hex;
	long long bytes;
	cxs_gzin *in;
	cxs_csv *csv;
	int rc;

	memset(&t, 0, sizeof(t));
	t.f = f;
	t.uri = cxs_source_uri(path);
	t.kind = cxs_kind_name(kind);
	in = cxs_gzin_open(path, &e);
	if (!in) {
		cxs_fetch_partial(f, "%s", e.msg);
		return 0;
	}
	csv = cxs_csv_new(kind == CXS_KIND_TSV, f->o.max_record, &e);
	if (!csv) {
		cxs_gzin_close(in);
		return cxs_fetch_fatal(f, &e);
	}
	rc = read_table(&t, in, csv);
	cxs_gzin_hash(in, hex);
	bytes = cxs_gzin_rawbytes(in);
	/* Stopped before the end: hash all of the file, unless it cannot be read again. */
	if (rc > 0 && (!strcmp(path, "-") || cxs_sha256_file(path, hex, &bytes, NULL) < 0))
		sha = NULL;
	if (rc >= 0)
		cxs_fetch_input(f, t.uri, sha, bytes, t.docs);
	cxs_csv_free(csv);
	cxs_gzin_close(in);
	free_names(&t);
	cxs_buf_release(&t.why);
	cxs_buf_release(&t.cell);
	return rc < 0 ? -1 : 0;
}

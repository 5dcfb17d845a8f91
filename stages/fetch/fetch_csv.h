/*
 * fetch_csv — the rows of a CSV or TSV stream, parsed by libcsv, each with the physical
 * line it starts on, in bounded memory.
 *
 * CSV follows libcsv's conventions (RFC 4180 and the common variants): fields separated
 * by commas, quoted with '"' ("" inside quotes is a quote), quoted fields may hold commas
 * and line ends; spaces and tabs around unquoted fields are dropped; a row ends at LF,
 * CRLF or a lone CR. TSV uses the same parser with a tab as the delimiter and *no quote
 * character*: a '"' is an ordinary character (IANA text/tab-separated-values has no
 * quoting, and TSV exports such as ABSAbank write bare quotes inside fields), so a TSV
 * field cannot hold a tab or a line end. Lines with nothing but spaces (and, in CSV,
 * tabs) are not rows. NUL bytes are turned into 0xFF before parsing, so they reach the
 * caller as invalid UTF-8 (replaced and counted like any other bad byte) and never
 * act as a quote.
 *
 * Lines are counted at LF, CRLF and lone CR, outside and inside quoted fields, so a row's
 * `line` is where it starts in an editor.
 *
 * Memory: the current row only. A row of more than `max_row` bytes (as read, from its
 * first character to its line end) is delivered with `too_long` set and no fields; its
 * bytes are not kept beyond that, however long it goes on (an unbalanced quote can make
 * the rest of a file one field).
 */
#ifndef FETCH_CSV_H
#define FETCH_CSV_H

#include <stddef.h>

#include "cxs_err.h"

#define CXS_CSV_RAW_MAX (64 << 10)   /* bytes of a row kept in `raw` */

/* One row; every pointer is owned by the parser and valid during the callback only. */
struct cxs_csv_row {
	size_t nfields;
	char *const *fields;      /* each NUL-terminated; `lens` gives the length */
	const size_t *lens;
	long long line;           /* physical line (1-based) where the row starts */
	size_t bytes;             /* bytes of the row as read, its line end excluded */
	const char *raw;          /* the first CXS_CSV_RAW_MAX of those bytes */
	size_t rawlen;
	int too_long;             /* bytes > max_row: no fields */
};

/* Called for each row in order. Return 0 to go on; non-zero stops the parse, and
 * cxs_csv_feed / cxs_csv_finish return that value. */
typedef int (*cxs_csv_row_fn)(void *ctx, const struct cxs_csv_row *row);

typedef struct cxs_csv cxs_csv;

/* A parser for CSV (`tsv` zero) or TSV. NULL with `err` when memory runs out. */
cxs_csv *cxs_csv_new(int tsv, size_t max_row, cxs_err *err);

/* Parses `len` more bytes of the stream; NUL bytes in `data` are overwritten (see
 * above). Returns 0, the callback's non-zero value, or -1 with `err` when memory runs
 * out. */
int cxs_csv_feed(cxs_csv *c, char *data, size_t len, cxs_csv_row_fn fn, void *ctx,
		 cxs_err *err);

#define CXS_CSV_UNCLOSED (-2)

/* Ends the stream: the last row, if it had no line end, goes to `fn`. Returns 0, the
 * callback's value, -1 with `err` when memory runs out, or CXS_CSV_UNCLOSED when the
 * stream ends inside a quoted field: that row is not delivered, and cxs_csv_open_row
 * tells where it started. The parser is then ready for a new stream. */
int cxs_csv_finish(cxs_csv *c, cxs_csv_row_fn fn, void *ctx, cxs_err *err);

/* After CXS_CSV_UNCLOSED: the line the unfinished row started on, its size and its
 * first bytes (owned by the parser, valid until the next call). */
long long cxs_csv_open_row(const cxs_csv *c, size_t *bytes, const char **raw, size_t *rawlen);

/* Frees the parser; NULL is a no-op. */
void cxs_csv_free(cxs_csv *c);

#endif

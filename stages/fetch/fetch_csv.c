/*
 * fetch_csv — CSV and TSV rows through libcsv (see fetch_csv.h).
 *
 * libcsv reports fields and row ends but not where they are, so the stream is fed to it
 * one physical line at a time (each piece ends at a CR or LF): a row then ends exactly at
 * the end of a piece, and the line a row starts on is the line of the first byte that
 * is not blank while no row is open. CSV_REPALL_NL makes libcsv report every line end
 * outside a row too; those reports carry no fields and are ignored.
 */
#include "fetch_csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_buf.h"

struct cxs_csv {
	struct csv_parser p;
	int tsv;
	size_t max_row;
	long long line;        /* line of the next byte */
	int prev_cr;           /* the last byte fed was a CR (a following LF ends no line) */
	int open;              /* a row has begun and not ended */
	long long row_line;
	size_t row_bytes;
	int too_long;
	cxs_buf cells;         /* the current row's fields, each followed by a NUL */
	size_t *offs, *lens;
	char **ptrs;
	size_t nfields, cap;
	cxs_buf raw;
	/* while feeding */
	cxs_csv_row_fn fn;
	void *ctx;
	int stop;              /* what the callback returned, or -1 when memory ran out */
};

static void drop_row(cxs_csv *c)
{
	cxs_buf_reset(&c->cells);
	cxs_buf_reset(&c->raw);
	c->nfields = 0;
}

/* Room for one more field in the three per-field arrays, which share `cap`. */
static int grow_fields(cxs_csv *c)
{
	size_t ncap = c->cap ? 2 * c->cap : 32;
	size_t *o, *l;
	char **p;

	if (c->nfields < c->cap)
		return 0;
	o = realloc(c->offs, ncap * sizeof(*o));
	if (o)
		c->offs = o;
	l = o ? realloc(c->lens, ncap * sizeof(*l)) : NULL;
	if (l)
		c->lens = l;
	p = l ? realloc(c->ptrs, ncap * sizeof(*p)) : NULL;
	if (!p)
		return -1;
	c->ptrs = p;
	c->cap = ncap;
	return 0;
}

/* libcsv: one field of the current row. */
static void on_field(void *data, size_t len, void *ctx)
{
	cxs_csv *c = ctx;

	if (c->stop || c->too_long)
		return;
	if (grow_fields(c) < 0) {
		c->stop = -1;
		return;
	}
	c->offs[c->nfields] = c->cells.len;
	c->lens[c->nfields] = len;
	if (cxs_buf_add(&c->cells, data ? data : "", len) < 0 ||
	    cxs_buf_addch(&c->cells, '\0') < 0) {
		c->stop = -1;
		return;
	}
	c->nfields++;
}

static void trim_line_end(const char **raw, size_t *len)
{
	while (*len > 0 && ((*raw)[*len - 1] == '\n' || (*raw)[*len - 1] == '\r'))
		(*len)--;
}

/* libcsv: the end of a row, or (with no fields) a line end outside any row. */
static void on_row(int term, void *ctx)
{
	cxs_csv *c = ctx;
	struct cxs_csv_row row;
	size_t i;

	(void)term;
	if (c->stop || !c->open || (c->nfields == 0 && !c->too_long))
		return;
	memset(&row, 0, sizeof(row));
	row.line = c->row_line;
	row.too_long = c->too_long;
	row.raw = c->raw.p ? c->raw.p : "";
	row.rawlen = c->raw.len;
	trim_line_end(&row.raw, &row.rawlen);
	row.bytes = c->row_bytes;
	/* The line end that closed the row was counted in row_bytes (it was fed). */
	if (term == '\n' || term == '\r')
		row.bytes--;
	if (!c->too_long) {
		for (i = 0; i < c->nfields; i++)
			c->ptrs[i] = c->cells.p + c->offs[i];
		row.nfields = c->nfields;
		row.fields = c->ptrs;
		row.lens = c->lens;
	}
	c->stop = c->fn(c->ctx, &row);
	c->open = 0;
	c->too_long = 0;
	drop_row(c);
}

static int init_parser(cxs_csv *c)
{
	if (csv_init(&c->p, CSV_REPALL_NL) != 0)
		return -1;
	if (c->tsv) {
		csv_set_delim(&c->p, CSV_TAB);
		/* No quoting in TSV; NUL never reaches the parser (see fetch_csv.h). */
		csv_set_quote(&c->p, '\0');
	}
	/* Grow a long field's buffer in big steps, not libcsv's 128 bytes. */
	csv_set_blk_size(&c->p, 4096);
	return 0;
}

cxs_csv *cxs_csv_new(int tsv, size_t max_row, cxs_err *err)
{
	cxs_csv *c = calloc(1, sizeof(*c));

	if (c)
		c->tsv = tsv;
	if (!c || init_parser(c) < 0) {
		free(c);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	c->max_row = max_row;
	c->line = 1;
	return c;
}

static int blank(const cxs_csv *c, char ch)
{
	return ch == ' ' || ch == '\r' || ch == '\n' || (ch == '\t' && !c->tsv);
}

/* Feeds one piece: bytes up to and including a line end (or the end of the data). */
static int feed_piece(cxs_csv *c, const char *s, size_t n, cxs_err *err)
{
	size_t start = 0;

	if (!c->open) {
		while (start < n && blank(c, s[start]))
			start++;
		if (start < n) {
			c->open = 1;
			c->row_line = c->line;
			c->row_bytes = 0;
			drop_row(c);
		}
	}
	if (c->open) {
		size_t keep = n - start;
		c->row_bytes += keep;
		if (c->raw.len + keep > CXS_CSV_RAW_MAX)
			keep = c->raw.len < CXS_CSV_RAW_MAX ? CXS_CSV_RAW_MAX - c->raw.len : 0;
		if (keep && cxs_buf_add(&c->raw, s + start, keep) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	if (c->open && !c->too_long) {
		size_t body = c->row_bytes;
		/* The line end that may close the row is not part of it. */
		if (n > start && (s[n - 1] == '\n' || s[n - 1] == '\r'))
			body--;
		if (body > c->max_row) {
			c->too_long = 1;
			cxs_buf_reset(&c->cells);
			c->nfields = 0;
		}
	}
	if (csv_parse(&c->p, s, n, on_field, on_row, c) != n && !c->stop)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory (parsing CSV)");
	if (c->stop == -1)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	if (c->open && c->too_long) {
		/* Forget what libcsv holds of the field being read, so an endless field costs
		 * no memory, but keep its state whole: after a quote inside a quoted field,
		 * whether spaces followed decides what the next quote means, and libcsv later
		 * takes `spaces` (plus the quote) back off `entry_pos`. So `spaces` keeps
		 * whether it is zero, and `entry_pos` keeps room for it and the quote. */
		size_t sp = c->p.spaces ? 1 : 0;

		if (c->p.entry_pos > sp + 1) {
			c->p.entry_pos = sp + 1;
			c->p.spaces = sp;
		}
	}
	return 0;
}

int cxs_csv_feed(cxs_csv *c, char *data, size_t len, cxs_csv_row_fn fn, void *ctx,
		 cxs_err *err)
{
	size_t pos = 0;

	c->fn = fn;
	c->ctx = ctx;
	c->stop = 0;
	while (pos < len) {
		size_t end = pos;
		char last;

		while (end < len && data[end] != '\n' && data[end] != '\r') {
			if (data[end] == '\0')
				data[end] = (char)0xff;
			end++;
		}
		if (end < len)
			end++;
		last = data[end - 1];
		if (feed_piece(c, data + pos, end - pos, err) < 0)
			return -1;
		if (last == '\r' || (last == '\n' && !(end - pos == 1 && c->prev_cr)))
			c->line++;
		c->prev_cr = last == '\r';
		pos = end;
		if (c->stop)
			return c->stop;
	}
	return 0;
}

int cxs_csv_finish(cxs_csv *c, cxs_csv_row_fn fn, void *ctx, cxs_err *err)
{
	int rc, unclosed;

	c->fn = fn;
	c->ctx = ctx;
	c->stop = 0;
	/* Strict only here: a quoted field still open at the end is an error, while quotes
	 * in odd places elsewhere are read leniently, as libcsv's default mode does. */
	csv_set_opts(&c->p, CSV_REPALL_NL | CSV_STRICT | CSV_STRICT_FINI);
	unclosed = csv_fini(&c->p, on_field, on_row, c) != 0;
	rc = c->stop;
	if (rc == -1)
		rc = cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	else if (!rc && unclosed)
		rc = CXS_CSV_UNCLOSED;
	/* A fresh parser for the next stream: after an error libcsv's state is not
	 * documented. The open row's line, size and bytes stay for cxs_csv_open_row. */
	csv_free(&c->p);
	if (init_parser(c) < 0 && rc >= 0)
		rc = cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	c->line = 1;
	c->prev_cr = 0;
	c->open = 0;
	c->too_long = 0;
	c->nfields = 0;
	cxs_buf_reset(&c->cells);
	return rc;
}

long long cxs_csv_open_row(const cxs_csv *c, size_t *bytes, const char **raw, size_t *rawlen)
{
	*bytes = c->row_bytes;
	*raw = c->raw.p ? c->raw.p : "";
	*rawlen = c->raw.len;
	return c->row_line;
}

void cxs_csv_free(cxs_csv *c)
{
	if (!c)
		return;
	csv_free(&c->p);
	cxs_buf_release(&c->cells);
	cxs_buf_release(&c->raw);
	free(c->offs);
	free(c->lens);
	free(c->ptrs);
	free(c);
}

/*
 * fuzz_csv — fetch_csv and fetch_map over arbitrary bytes: the input is parsed as CSV and
 * as TSV, once whole and once in small pieces (their size from the first byte), with a
 * small row limit; the first row is the header of a mapping with a value table and an
 * opinions pattern, every other row goes through it as fetch_table does. Invariants:
 * both feedings give the same rows; row lines only grow; fields are NUL-terminated;
 * a too-long row has no fields; a mapped row has a text and dumps as valid JSON.
 */
#include <string.h>

#include "cxs_buf.h"
#include "cxs_record.h"
#include "cxs_utf8.h"
#include "fetch_csv.h"
#include "fetch_map.h"
#include "fuzz_common.h"

#define FUZZ_MAX_ROW 256

struct run {
	cxs_buf rows;             /* every row, serialised, to compare the two feedings */
	long long last_line;
	char **names;
	size_t ncols;
	int header_ok;
	cxs_map *map;
	cxs_buf why, cell, dump;
};

static void map_row(struct run *r, const struct cxs_csv_row *row)
{
	struct cxs_map_result res;
	json_t *in = json_object(), *rec;
	size_t i;
	int rc;

	FUZZ_ASSERT(in);
	for (i = 0; i < row->nfields; i++) {
		cxs_buf_reset(&r->cell);
		FUZZ_ASSERT(cxs_utf8_sanitize(row->fields[i], row->lens[i], &r->cell) >= 0);
		FUZZ_ASSERT(json_object_set_new(in, r->names[i],
						json_stringn(r->cell.p ? r->cell.p : "", r->cell.len)) == 0);
	}
	rc = cxs_map_apply(r->map, in, &res, &r->why);
	FUZZ_ASSERT(rc == 0 || rc == 1);
	if (rc == 0) {
		FUZZ_ASSERT(res.text && res.text_len > 0);
		rec = json_pack("{s:s%,s:O*,s:O*}", "text", res.text, res.text_len, "meta", res.meta,
				"gold", res.gold);
		FUZZ_ASSERT(rec && cxs_record_dump(rec, &r->dump) == 0);
		FUZZ_ASSERT(cxs_utf8_valid_prefix(r->dump.p, r->dump.len) == r->dump.len);
		json_decref(rec);
	} else {
		FUZZ_ASSERT(r->why.len > 0);
	}
	cxs_map_result_release(&res);
	json_decref(in);
}

static int on_row(void *ctx, const struct cxs_csv_row *row)
{
	struct run *r = ctx;
	size_t i;

	FUZZ_ASSERT(row->line > r->last_line);
	r->last_line = row->line;
	FUZZ_ASSERT(!row->too_long || row->nfields == 0);
	FUZZ_ASSERT(row->too_long || row->bytes <= FUZZ_MAX_ROW);
	FUZZ_ASSERT(row->rawlen <= row->bytes + 1);
	cxs_buf_addf(&r->rows, "%lld:%d:%zu:", row->line, row->too_long, row->nfields);
	for (i = 0; i < row->nfields; i++) {
		FUZZ_ASSERT(row->fields[i][row->lens[i]] == '\0');
		cxs_buf_add(&r->rows, row->fields[i], row->lens[i]);
		cxs_buf_addch(&r->rows, '\x1f');
	}
	cxs_buf_addch(&r->rows, '\n');
	if (!r->names && !row->too_long) {
		r->names = calloc(row->nfields + 1, sizeof(*r->names));
		FUZZ_ASSERT(r->names);
		for (i = 0; i < row->nfields; i++) {
			cxs_buf_reset(&r->cell);
			FUZZ_ASSERT(cxs_utf8_sanitize(row->fields[i], row->lens[i], &r->cell) >= 0);
			r->names[i] = cxs_buf_detach(&r->cell, NULL);
		}
		r->ncols = row->nfields;
		r->header_ok = cxs_map_check_header(r->map, (const char *const *)r->names, r->ncols,
						    &r->why) == 0;
	} else if (r->header_ok && row->nfields == r->ncols) {
		map_row(r, row);
	}
	return 0;
}

static void run(const uint8_t *data, size_t size, int tsv, size_t step, cxs_map *map,
		cxs_buf *rows)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_csv *c = cxs_csv_new(tsv, FUZZ_MAX_ROW, &e);
	char *copy = malloc(size + 1);
	struct run r;
	size_t pos, i;
	int rc;

	FUZZ_ASSERT(c && copy);
	memcpy(copy, data, size);
	memset(&r, 0, sizeof(r));
	r.map = map;
	for (pos = 0; pos < size; pos += step)
		FUZZ_ASSERT(cxs_csv_feed(c, copy + pos, pos + step < size ? step : size - pos, on_row,
					 &r, &e) == 0);
	rc = cxs_csv_finish(c, on_row, &r, &e);
	FUZZ_ASSERT(rc == 0 || rc == CXS_CSV_UNCLOSED);
	if (rc == CXS_CSV_UNCLOSED) {
		size_t bytes, rawlen;
		const char *raw;
		long long line = cxs_csv_open_row(c, &bytes, &raw, &rawlen);
		FUZZ_ASSERT(!tsv && line > r.last_line);
		cxs_buf_addf(&r.rows, "unclosed at %lld\n", line);
	}
	cxs_buf_reset(rows);
	cxs_buf_add(rows, r.rows.p ? r.rows.p : "", r.rows.len);
	for (i = 0; r.names && i < r.ncols; i++)
		free(r.names[i]);
	free(r.names);
	cxs_buf_release(&r.rows);
	cxs_buf_release(&r.why);
	cxs_buf_release(&r.cell);
	cxs_buf_release(&r.dump);
	free(copy);
	cxs_csv_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cxs_map *map;
	static cxs_buf whole, pieces;
	cxs_err e = { CXS_E_NONE, "" };
	size_t step;
	int tsv;

	if (!map) {
		map = cxs_map_new("text=text,id=id,gold.polarity=label[1=positive;0=negative],"
				  "gold.rating=stars,gold.opinions=a_*,lang=lang", &e);
		FUZZ_ASSERT(map);
	}
	if (size == 0)
		return 0;
	step = (size_t)(data[0] % 13) + 1;
	for (tsv = 0; tsv <= 1; tsv++) {
		run(data + 1, size - 1, tsv, size, map, &whole);
		run(data + 1, size - 1, tsv, step, map, &pieces);
		FUZZ_ASSERT(whole.len == pieces.len &&
			    (whole.len == 0 || !memcmp(whole.p, pieces.p, whole.len)));
	}
	return 0;
}

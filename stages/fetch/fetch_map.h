/*
 * fetch_map — which column of a CSV/TSV export (or field of a JSONL export) becomes which
 * part of a record: `--map text=review,gold.polarity=label,id=review_id`.
 *
 * A mapping is a comma-separated list of TARGET=SOURCE rules. TARGET is one of text, id,
 * title, url, lang, author, published, gold.NAME, meta.NAME, or gold.opinions; SOURCE is
 * a column (field) name. A rule may end in a value table in brackets,
 * `gold.polarity=label[1=positive;0=negative]`: a value equal to a left side becomes
 * the right side; other values pass unchanged. Names cannot contain ',', '=', '[' or
 * ']'. One source may feed several targets; a target (other than gold.opinions) is
 * given at most once.
 *
 * `gold.opinions=PATTERN` makes one aspect opinion per column whose name matches the
 * shell pattern (fnmatch: `*_*`, `service_*`, or a plain name), in column order:
 * {"category": COLUMN, "polarity": P}, where the value (after the table) gives P:
 * 1 or positive -> positive, 0 or neutral -> neutral, -1 or negative -> negative,
 * conflict -> conflict; -2, an empty value or null -> no opinion (ASAP's "not
 * mentioned"). Any other value rejects the row. A row whose matched columns all say
 * "no opinion" gets "opinions": [] (annotated, no aspect).
 *
 * Columns no rule names map by their own name: text, id, title, url, lang, author and
 * published to the field of that name (unless a rule already gives that target),
 * `gold.NAME` and `meta.NAME` to gold/meta, a JSON `gold` object to gold (rules add to
 * it), and everything else to meta under its name.
 *
 * Values: text is required and must be a string that is not blank; id a non-empty
 * string or an integer (empty or null: a made id); title, url, author, published
 * non-empty strings (empty: absent); lang a language tag, reduced to its primary
 * subtag (`sv-SE` -> sv). A known field whose value does not fit goes under meta
 * unchanged. gold.NAME values stay strings (JSON values stay as they are; empty or null
 * values are left out), except gold.polarity and gold.rating, which become JSON integers
 * when they are whole numbers: -?[0-9]+ with no leading zero or '+' and at most 18
 * digits, optionally followed by '.' and zeros: "1" -> 1, "-1" -> -1, "4.0" -> 4;
 * "01", "4.5", "-0" and "1e3" stay strings. meta values are kept unchanged.
 */
#ifndef FETCH_MAP_H
#define FETCH_MAP_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"
#include "fetch_record.h"
#include "fetch_text.h"

typedef struct cxs_map cxs_map;

/* Parses `spec` (NULL or "": names only). NULL with `err` (CXS_E_CONFIG, the message
 * names the bad rule) or CXS_E_NOMEM. */
cxs_map *cxs_map_new(const char *spec, cxs_err *err);

/* Non-zero when `m` has rules (the user gave --map). */
int cxs_map_given(const cxs_map *m);

/* Checks a table's header against `m`: every SOURCE a rule names is a column, every
 * gold.opinions pattern matches one, and some column gives the text. Returns 0, or 1
 * with the reason in `why`, or -1 when memory runs out. */
int cxs_map_check_header(const cxs_map *m, const char *const *names, size_t n, cxs_buf *why);

/* What the mapping makes of one row or line. Strings point into the input object or
 * into `m`, and live as long as both; `meta` and `gold` are owned by the result (NULL
 * when empty / absent), and so is `hold`. */
struct cxs_map_result {
	const char *id;             /* NULL: make one */
	char idbuf[CXS_EXPORT_ID_BUF];
	const char *text;
	size_t text_len;
	const char *title, *url, *author, *published, *lang_hint;
	char lang[CXS_LANG_MAX];
	json_t *meta;
	json_t *gold;
	json_t *hold;               /* private: values made by value tables */
};

/* Applies `m` to `in` (an object: a table row as {column: string, ...} or an export
 * line). Returns 0 with `res` filled; 1 when the row is rejected, with the reason in
 * `why` (res holds nothing then); -1 when memory runs out. Release `res` with
 * cxs_map_result_release in every case. */
int cxs_map_apply(const cxs_map *m, const json_t *in, struct cxs_map_result *res, cxs_buf *why);

/* Frees what `res` owns; it may be applied again. */
void cxs_map_result_release(struct cxs_map_result *res);

/* Frees the mapping; NULL is a no-op. */
void cxs_map_free(cxs_map *m);

#endif

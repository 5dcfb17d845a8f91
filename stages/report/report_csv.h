/*
 * report_csv — the CSV files of a report (RFC 4180: fields with a comma, a double quote,
 * CR or LF are quoted, quotes doubled; lines end with CRLF; UTF-8 without a byte order
 * mark; a header line first). Columns are listed in stages/report/README.md.
 *
 * Text from the web may start with `=`, `+`, `-`, `@`, TAB or CR, which a spreadsheet
 * opening the file would run as a formula. By default such a field is written quoted
 * with an apostrophe first ("'=1+2"), as spreadsheets themselves save text that looks
 * like a formula; a plain signed number ("-5") is left alone, as a spreadsheet reads it
 * as that number. report_csv_guard_formulas(0) writes every field exactly as it is.
 */
#ifndef REPORT_CSV_H
#define REPORT_CSV_H

#include <stdio.h>

#include "cxs_err.h"
#include "report_agg.h"
#include "report_doc.h"

/* Whether text fields that look like formulas get a leading apostrophe (1, the
 * default) or are written as they are (0). Applies to every later write. */
void report_csv_guard_formulas(int on);

/* Writes one field (`len` bytes), quoted when it must be. Returns what fputs would. */
int report_csv_field(FILE *f, const char *s, size_t len);

/* documents.csv, one line per document as it streams by. */
typedef struct report_docs_csv report_docs_csv;

/* Creates `path` and writes the header. NULL with `err` (CXS_E_IO). */
report_docs_csv *report_docs_csv_open(const char *path, cxs_err *err);
/* Appends `doc`. Returns 0 or -1 with `err`. */
int report_docs_csv_add(report_docs_csv *w, const struct report_doc *doc, cxs_err *err);
/* Flushes and closes; frees `w` in every case. Returns 0 or -1 with `err`. */
int report_docs_csv_close(report_docs_csv *w, cxs_err *err);

/* Writes languages.csv, dimensions.csv, sources.csv, terms.csv (the `top_terms` most
 * frequent terms per dimension and language) and examples.csv into folder `dir`.
 * Returns 0 or -1 with `err` (CXS_E_IO naming the file). */
int report_csv_write(const report_agg *a, const char *dir, size_t top_terms, cxs_err *err);

#endif

/*
 * report_html — report.html: one self-contained page an analyst opens first.
 *
 * Everything is inline: CSS in a <style> element, charts as inline SVG (dimension x
 * polarity bars per language; signals by polarity across nights when there is a trend),
 * tables, and examples with their evidence in <mark>. No script, no external file, no
 * font or image to fetch: it reads the same offline, printed or in a mail attachment.
 * Every text from the input is escaped (& < > " '), and control characters other than
 * tab and newline are written as spaces, so a review that contains "<script>" shows
 * those characters and runs nothing.
 */
#ifndef REPORT_HTML_H
#define REPORT_HTML_H

#include <stdio.h>

#include "cxs_err.h"
#include "report_agg.h"
#include "report_trend.h"

/* What was read from one input. */
struct report_input {
	const char *path;
	long long records;     /* lines that were records */
	long long reported;    /* records counted in the report */
	long long skipped;     /* records that were not classify output (reason printed) */
	long long unreadable;  /* lines that were not JSON objects */
	int damaged;           /* 1: the input ended in an error, 2: it could not be opened
	                          (either way exit 4) */
};

struct report_meta {
	const char *title;                 /* --title, or NULL */
	const char *date;                  /* --date, or NULL: no date anywhere */
	const struct report_input *inputs;
	size_t ninputs;
	size_t top_terms;                  /* terms shown per dimension and language */
	const struct report_trend *trend;  /* NULL without --state */
};

/* Writes the page into `path`. Returns 0 or -1 with `err` (CXS_E_IO). */
int report_html_write(const report_agg *a, const struct report_meta *m, const char *path,
		      cxs_err *err);

/* Writes `len` bytes of `s` escaped for HTML text and attribute values. */
void report_html_escape(FILE *f, const char *s, size_t len);

#endif

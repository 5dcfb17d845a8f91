/*
 * report_doc — the fields of one 04-classify record that cxs-report uses, checked once.
 *
 * A record is all or nothing: when any field cxs-report relies on is malformed (no
 * `signals` array, a signal without a `dim` string or with an unknown polarity, evidence
 * that is not an object), report_doc_read refuses it with a reason and nothing of it is
 * counted. Evidence whose offsets do not fit the text is kept for counting terms but is
 * never highlighted (report_doc_span_ok).
 */
#ifndef REPORT_DOC_H
#define REPORT_DOC_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"

enum report_polarity { REPORT_POS = 0, REPORT_NEG = 1, REPORT_NEU = 2, REPORT_NPOL = 3 };

/* "positive", "negative", "neutral". */
const char *report_polarity_name(int pol);

/* Every pointer borrows from the record given to report_doc_read, or from the struct's
 * own `host` buffer: valid while that record lives and the struct is not reused. Absent
 * strings are "" (never NULL). */
struct report_doc {
	const char *id, *lang, *kind, *uri, *locator, *url, *title;
	char host[256];             /* host of `url`, else of `source.uri`, lower case; "" */
	const char *text;
	size_t text_len;
	const json_t *signals;      /* array, every element checked */
	const json_t *sentences;    /* flat [start, end, ...] or NULL */
	int sentiment;              /* enum report_polarity */
	double sentiment_score;
	const char *lexicon, *lexicon_version;
};

/* Reads and checks `rec`. Returns 0, or -1 with `err` (CXS_E_INPUT) saying what is wrong
 * ("signal 2 has no 'dim' string"). */
int report_doc_read(const json_t *rec, struct report_doc *doc, cxs_err *err);

/* The polarity of signal `sig` (checked by report_doc_read). */
int report_signal_polarity(const json_t *sig);

/* Whether [start, end) is a non-empty span of `doc`'s text that starts and ends on
 * character boundaries. */
int report_doc_span_ok(const struct report_doc *doc, long long start, long long end);

/* The host of a "scheme://[user@]host[:port]/..." address, lower case, into `out` (size
 * `n`); "" when `s` is not such an address. Exposed for the unit tests. */
void report_host_of(const char *s, char *out, size_t n);

#endif

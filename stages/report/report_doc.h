/*
 * report_doc — the fields of one 04-classify record that cxs-report uses, checked once.
 *
 * A record is all or nothing: when any field cxs-report relies on is malformed (no
 * `signals` array, a signal without a `dim` string or with an unknown polarity, evidence
 * that is not an object), report_doc_read refuses it with a reason and nothing of it is
 * counted. Evidence whose offsets do not fit the text is kept for counting terms but is
 * never highlighted (report_doc_span_ok). Records are read through cxs_rec, not as
 * jansson trees: a tree per record, one allocation per value, was most of cxs-report's
 * time.
 */
#ifndef REPORT_DOC_H
#define REPORT_DOC_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_rec.h"

enum report_polarity { REPORT_POS = 0, REPORT_NEG = 1, REPORT_NEU = 2, REPORT_NPOL = 3 };

/* "positive", "negative", "neutral". */
const char *report_polarity_name(int pol);

/* One piece of evidence. Numbers that are not integers read 0, as jansson's
 * json_integer_value gives them. */
struct report_evidence {
	long long start, end;
	long long sentence;
	int has_sentence;           /* `sentence` was an integer */
	const char *text;           /* NULL when the record has no `text` string */
	size_t text_len;
	const char *term;           /* never NULL */
	size_t term_len;
};

struct report_signal {
	const char *dim;            /* never empty */
	int polarity;               /* enum report_polarity */
	double score;
	long long hits;             /* 0 when not an integer */
	const struct report_evidence *ev;
	size_t nev;
};

/* Every pointer borrows from the report_docbuf given to report_doc_read, or from the
 * struct's own `host` buffer: valid until that docbuf reads the next record or is
 * freed. Absent strings are "" (never NULL). */
struct report_doc {
	const char *id, *lang, *kind, *uri, *locator, *url, *title;
	char host[256];             /* host of `url`, else of `source.uri`, lower case; "" */
	const char *text;
	size_t text_len;
	const struct report_signal *sig;
	size_t nsig;
	const long long *sentences; /* flat [start, end, ...] (non-integers read 0), or NULL */
	size_t nsentences;
	int sentiment;              /* enum report_polarity */
	double sentiment_score;
	const char *lexicon, *lexicon_version;
};

/* The storage report_doc_read decodes a record into, reused from record to record so
 * that reading allocates only while records grow. */
typedef struct report_docbuf report_docbuf;

/* A new, empty docbuf; NULL when memory runs out. */
report_docbuf *report_docbuf_new(void);

/* Frees it and everything read into it; NULL is a no-op. */
void report_docbuf_free(report_docbuf *b);

/* Reads and checks the record `rec` holds (cxs_rec_parse has accepted it). Returns 0;
 * -1 with `err` (CXS_E_INPUT) saying what is wrong ("signal 2 has no 'dim' string"); or
 * -1 with CXS_E_NOMEM or CXS_E_INTERNAL, after which the caller stops. */
int report_doc_read(report_docbuf *b, const cxs_rec *rec, struct report_doc *doc,
		    cxs_err *err);

/* Whether [start, end) is a non-empty span of `doc`'s text that starts and ends on
 * character boundaries. */
int report_doc_span_ok(const struct report_doc *doc, long long start, long long end);

/* The host of a "scheme://[user@]host[:port]/..." address, lower case, into `out` (size
 * `n`); "" when `s` is not such an address. Exposed for the unit tests. */
void report_host_of(const char *s, char *out, size_t n);

#endif

/*
 * report_trend — signals per night from the driver's state file (cxs-pipeline --state).
 *
 * Reads, never writes, the table the driver keeps for trends:
 *
 *   night_signals(run TEXT, date TEXT, lang TEXT, dim TEXT, polarity TEXT,
 *                 documents INTEGER)
 *
 * one row per run, language, dimension and polarity: how many documents of that run had
 * a signal of that dimension with that polarity. A night is a run; nights are ordered by
 * `date` (YYYY-MM-DD), then `run`; only the last REPORT_TREND_NIGHTS are read.
 *
 * A state file that does not exist yet, is not an SQLite database or has no such table
 * is not an error: the trend is empty and `why` says why ("no trend data: ...").
 */
#ifndef REPORT_TREND_H
#define REPORT_TREND_H

#include <stddef.h>

#include "cxs_err.h"
#include "report_doc.h"

#define REPORT_TREND_NIGHTS 90

struct report_night {
	char *run, *date;
	long long n[REPORT_NPOL];  /* signals (document x dimension) by polarity */
};

struct report_trend {
	struct report_night *nights;  /* oldest first */
	size_t n;
	char why[512];                /* set when n == 0 */
};

/* Reads the trend of `path` into `t` (zeroed first). Returns 0, or -1 with `err` only
 * when memory runs out. */
int report_trend_read(const char *path, struct report_trend *t, cxs_err *err);

/* Frees the nights; the struct can be read into again. */
void report_trend_release(struct report_trend *t);

#endif

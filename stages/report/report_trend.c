/*
 * report_trend — one query over the driver's state, grouped by night and polarity.
 */
#include "report_trend.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char query[] =
	"SELECT run, date, polarity, SUM(documents) FROM night_signals"
	" WHERE run IN (SELECT run FROM night_signals GROUP BY run"
	"               ORDER BY MAX(date) DESC, run DESC LIMIT ?)"
	" GROUP BY run, date, polarity ORDER BY date, run, polarity";

static int polarity_of(const char *s)
{
	int p;

	for (p = 0; s && p < REPORT_NPOL; p++)
		if (!strcmp(s, report_polarity_name(p)))
			return p;
	return -1;
}

static char *dup_col(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return strdup(s ? (const char *)s : "");
}

static int add_row(struct report_trend *t, sqlite3_stmt *st)
{
	const char *run = (const char *)sqlite3_column_text(st, 0);
	int p = polarity_of((const char *)sqlite3_column_text(st, 2));
	struct report_night *n;

	if (!run)
		run = "";
	if (!t->n || strcmp(t->nights[t->n - 1].run, run)) {
		n = realloc(t->nights, (t->n + 1) * sizeof *n);
		if (!n)
			return -1;
		t->nights = n;
		n = &t->nights[t->n];
		memset(n, 0, sizeof *n);
		n->run = dup_col(st, 0);
		n->date = dup_col(st, 1);
		t->n++;
		if (!n->run || !n->date)
			return -1;
	}
	if (p >= 0)
		t->nights[t->n - 1].n[p] += sqlite3_column_int64(st, 3);
	return 0;
}

int report_trend_read(const char *path, struct report_trend *t, cxs_err *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	int rc;

	memset(t, 0, sizeof *t);
	if (stat(path, &sb) != 0) {
		snprintf(t->why, sizeof t->why, "no trend data: state file '%s' does not exist "
			 "(yet)", path);
		return 0;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK) {
		snprintf(t->why, sizeof t->why, "no trend data: '%s': %s", path,
			 db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return 0;
	}
	sqlite3_bind_int(st, 1, REPORT_TREND_NIGHTS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (add_row(t, st) < 0) {
			sqlite3_finalize(st);
			sqlite3_close(db);
			report_trend_release(t);
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		}
	if (rc != SQLITE_DONE) {
		snprintf(t->why, sizeof t->why, "no trend data: '%s': %s", path,
			 sqlite3_errmsg(db));
		report_trend_release(t);
	} else if (!t->n) {
		snprintf(t->why, sizeof t->why, "no trend data: no nights in '%s' yet", path);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}

void report_trend_release(struct report_trend *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->nights[i].run);
		free(t->nights[i].date);
	}
	free(t->nights);
	t->nights = NULL;
	t->n = 0;
}

/*
 * report_db — the SQLite export. One transaction around everything, prepared statements
 * reused for every row, indexes built at the end.
 */
#include "report_db.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char schema[] =
	"PRAGMA journal_mode=OFF;"
	"PRAGMA synchronous=OFF;"
	"BEGIN;"
	"CREATE TABLE report(key TEXT NOT NULL, value TEXT);"
	"CREATE TABLE documents(doc INTEGER PRIMARY KEY, id TEXT NOT NULL, lang TEXT NOT NULL,"
	" kind TEXT, host TEXT, uri TEXT, locator TEXT, url TEXT, title TEXT,"
	" sentiment TEXT, sentiment_score REAL, lexicon TEXT, lexicon_version TEXT,"
	" input TEXT, line INTEGER, text TEXT);"
	"CREATE TABLE signals(doc INTEGER NOT NULL REFERENCES documents(doc), dim TEXT NOT NULL,"
	" polarity TEXT NOT NULL, score REAL, hits INTEGER);"
	"CREATE TABLE evidence(doc INTEGER NOT NULL REFERENCES documents(doc),"
	" dim TEXT NOT NULL, start INTEGER, end INTEGER, text TEXT, term TEXT,"
	" sentence INTEGER);";

static const char indexes[] =
	"CREATE INDEX documents_id ON documents(id);"
	"CREATE INDEX documents_lang ON documents(lang);"
	"CREATE INDEX signals_dim ON signals(dim, polarity);"
	"CREATE INDEX signals_polarity ON signals(polarity);"
	"CREATE INDEX signals_doc ON signals(doc);"
	"CREATE INDEX evidence_doc ON evidence(doc);"
	"CREATE INDEX evidence_term ON evidence(dim, term);"
	"COMMIT;";

struct report_db {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *doc, *sig, *ev, *note;
	long long ndocs;
};

static int fail(report_db *d, cxs_err *err, const char *what)
{
	return cxs_err_set(err, CXS_E_IO, "could not %s '%s': %s", what, d->path,
			   d->db ? sqlite3_errmsg(d->db) : "out of memory");
}

report_db *report_db_open(const char *path, cxs_err *err)
{
	report_db *d = calloc(1, sizeof *d);

	if (!d || !(d->path = strdup(path))) {
		free(d);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	if (sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK) {
		fail(d, err, "create");
		report_db_abort(d);
		return NULL;
	}
	if (sqlite3_exec(d->db, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(d->db, "INSERT INTO documents VALUES"
			       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &d->doc, NULL) ||
	    sqlite3_prepare_v2(d->db, "INSERT INTO signals VALUES(?,?,?,?,?)", -1, &d->sig,
			       NULL) ||
	    sqlite3_prepare_v2(d->db, "INSERT INTO evidence VALUES(?,?,?,?,?,?,?)", -1, &d->ev,
			       NULL) ||
	    sqlite3_prepare_v2(d->db, "INSERT INTO report VALUES(?,?)", -1, &d->note, NULL)) {
		fail(d, err, "create tables in");
		report_db_abort(d);
		return NULL;
	}
	return d;
}

/* Binds a string, or NULL for the empty string of an absent field. */
static void text(sqlite3_stmt *st, int col, const char *s, int null_if_empty)
{
	if (null_if_empty && !*s)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

static int step(report_db *d, sqlite3_stmt *st, cxs_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : fail(d, err, "write");
}

static int add_evidence(report_db *d, const struct report_signal *s, cxs_err *err)
{
	size_t i;

	for (i = 0; i < s->nev; i++) {
		const struct report_evidence *e = &s->ev[i];

		sqlite3_bind_int64(d->ev, 1, d->ndocs);
		text(d->ev, 2, s->dim, 0);
		sqlite3_bind_int64(d->ev, 3, e->start);
		sqlite3_bind_int64(d->ev, 4, e->end);
		if (e->text)
			sqlite3_bind_text(d->ev, 5, e->text, (int)e->text_len, SQLITE_STATIC);
		text(d->ev, 6, e->term, 0);
		sqlite3_bind_int64(d->ev, 7, e->has_sentence ? e->sentence : 0);
		if (step(d, d->ev, err) < 0)
			return -1;
	}
	return 0;
}

int report_db_add(report_db *d, const struct report_doc *doc, const char *input,
		  long long line, cxs_err *err)
{
	sqlite3_stmt *st = d->doc;
	size_t i;

	d->ndocs++;
	sqlite3_bind_int64(st, 1, d->ndocs);
	text(st, 2, doc->id, 0);
	text(st, 3, doc->lang, 0);
	text(st, 4, doc->kind, 1);
	text(st, 5, doc->host, 1);
	text(st, 6, doc->uri, 1);
	text(st, 7, doc->locator, 1);
	text(st, 8, doc->url, 1);
	text(st, 9, doc->title, 1);
	text(st, 10, report_polarity_name(doc->sentiment), 0);
	sqlite3_bind_double(st, 11, doc->sentiment_score);
	text(st, 12, doc->lexicon, 1);
	text(st, 13, doc->lexicon_version, 1);
	text(st, 14, input, 0);
	sqlite3_bind_int64(st, 15, line);
	if (doc->text_len > (size_t)INT32_MAX)
		return cxs_err_set(err, CXS_E_INPUT, "text too long for SQLite");
	sqlite3_bind_text(st, 16, doc->text, (int)doc->text_len, SQLITE_STATIC);
	if (step(d, st, err) < 0)
		return -1;
	for (i = 0; i < doc->nsig; i++) {
		const struct report_signal *s = &doc->sig[i];

		sqlite3_bind_int64(d->sig, 1, d->ndocs);
		text(d->sig, 2, s->dim, 0);
		text(d->sig, 3, report_polarity_name(s->polarity), 0);
		sqlite3_bind_double(d->sig, 4, s->score);
		sqlite3_bind_int64(d->sig, 5, s->hits);
		if (step(d, d->sig, err) < 0 || add_evidence(d, s, err) < 0)
			return -1;
	}
	return 0;
}

int report_db_note(report_db *d, const char *key, const char *value, cxs_err *err)
{
	text(d->note, 1, key, 0);
	text(d->note, 2, value, 0);
	return step(d, d->note, err);
}

static void finalize(report_db *d)
{
	sqlite3_finalize(d->doc);
	sqlite3_finalize(d->sig);
	sqlite3_finalize(d->ev);
	sqlite3_finalize(d->note);
	d->doc = d->sig = d->ev = d->note = NULL;
}

int report_db_close(report_db *d, cxs_err *err)
{
	int rc = 0;

	finalize(d);
	if (sqlite3_exec(d->db, indexes, NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(d, err, "index");
	if (sqlite3_close(d->db) != SQLITE_OK && rc == 0)
		rc = fail(d, err, "close");
	d->db = NULL;
	free(d->path);
	free(d);
	return rc;
}

void report_db_abort(report_db *d)
{
	if (!d)
		return;
	finalize(d);
	sqlite3_close(d->db);  /* an open transaction is rolled back */
	free(d->path);
	free(d);
}

#include "cxs_state.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STATE_VERSION 1

struct cxs_state {
	sqlite3 *db;            /* NULL: a read-only state whose file does not exist */
	char *path;
	sqlite3_stmt *seen, *add_doc, *add_sig, *add_lang;
	int in_tx;
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS documents(content_sha256 TEXT PRIMARY KEY, id TEXT,"
	" first_run TEXT NOT NULL, first_date TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS runs(run TEXT PRIMARY KEY, date TEXT, finished TEXT,"
	" exit INTEGER, documents_in INTEGER, documents_out INTEGER, rejected INTEGER,"
	" skipped INTEGER);"
	"CREATE TABLE IF NOT EXISTS night_signals(run TEXT, date TEXT, lang TEXT, dim TEXT,"
	" polarity TEXT, documents INTEGER, PRIMARY KEY (run, lang, dim, polarity));"
	"CREATE TABLE IF NOT EXISTS night_languages(run TEXT, date TEXT, lang TEXT,"
	" documents INTEGER, PRIMARY KEY (run, lang));"
	"CREATE INDEX IF NOT EXISTS night_signals_date ON night_signals(date, dim);";

static int db_error(cxs_state *st, cxs_err *err, const char *what)
{
	return cxs_err_set(err, CXS_E_IO, "state '%s': %s: %s", st->path, what,
			   st->db ? sqlite3_errmsg(st->db) : "no database");
}

static int exec(cxs_state *st, const char *sql, cxs_err *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(st, err, "could not update");
	return 0;
}

static int prepare(cxs_state *st, const char *sql, sqlite3_stmt **stmt, cxs_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return db_error(st, err, "not a cxsignals state database");
	return 0;
}

static int user_version(cxs_state *st, int *v)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

cxs_state *cxs_state_open(const char *path, int writable, cxs_err *err)
{
	cxs_state *st = calloc(1, sizeof(*st));
	int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
	int v;

	if (!st || !(st->path = strdup(path))) {
		free(st);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	if (!writable && access(path, F_OK) < 0 && errno == ENOENT)
		return st;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(st->db, 60000);
	if (user_version(st, &v) < 0)
		goto bad;
	if (v == 0 && writable) {
		if (exec(st, schema, err) < 0 || exec(st, "PRAGMA user_version = 1", err) < 0)
			goto failed;
		v = STATE_VERSION;
	}
	if (v != STATE_VERSION && !(v == 0 && !writable))
		goto bad;
	if (v == 0) {            /* an empty file opened read-only: nothing seen yet */
		sqlite3_close(st->db);
		st->db = NULL;
		return st;
	}
	if (prepare(st, "SELECT first_date FROM documents WHERE content_sha256 = ?1"
		    " AND first_run <> ?2", &st->seen, err) < 0)
		goto failed;
	if (writable &&
	    (prepare(st, "INSERT OR IGNORE INTO documents VALUES (?1, ?2, ?3, ?4)",
		     &st->add_doc, err) < 0 ||
	     prepare(st, "INSERT INTO night_signals VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		     " ON CONFLICT DO UPDATE SET documents = documents + excluded.documents",
		     &st->add_sig, err) < 0 ||
	     prepare(st, "INSERT INTO night_languages VALUES (?1, ?2, ?3, ?4)"
		     " ON CONFLICT DO UPDATE SET documents = documents + excluded.documents",
		     &st->add_lang, err) < 0))
		goto failed;
	return st;
bad:
	cxs_err_set(err, CXS_E_CONFIG, "'%s' is not a cxsignals state database (version %d)",
		    path, STATE_VERSION);
	cxs_state_close(st);
	return NULL;
fail:
	db_error(st, err, "could not open");
failed:
	cxs_state_close(st);
	return NULL;
}

int cxs_state_seen(cxs_state *st, const char *sha256, const char *run, char date[11],
		   cxs_err *err)
{
	int rc;

	if (!st->db)
		return 0;
	sqlite3_reset(st->seen);
	sqlite3_bind_text(st->seen, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->seen, 2, run, -1, SQLITE_STATIC);
	rc = sqlite3_step(st->seen);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_error(st, err, "could not look up a document");
	{
		const unsigned char *d = sqlite3_column_text(st->seen, 0);
		size_t n = d ? strlen((const char *)d) : 0;
		if (n > 10)
			n = 10;
		memcpy(date, d ? (const char *)d : "", n);
		date[n] = '\0';
	}
	return 1;
}

int cxs_state_begin(cxs_state *st, cxs_err *err)
{
	if (exec(st, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	st->in_tx = 1;
	return 0;
}

int cxs_state_commit(cxs_state *st, cxs_err *err)
{
	if (exec(st, "COMMIT", err) < 0)
		return -1;
	st->in_tx = 0;
	return 0;
}

static int step_done(cxs_state *st, sqlite3_stmt *s, cxs_err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(st, err, "could not update");
}

int cxs_state_add_document(cxs_state *st, const char *sha256, const char *id, const char *run,
			   const char *date, cxs_err *err)
{
	sqlite3_bind_text(st->add_doc, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_doc, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_doc, 3, run, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_doc, 4, date, -1, SQLITE_STATIC);
	return step_done(st, st->add_doc, err);
}

int cxs_state_set_run(cxs_state *st, const char *run, const char *date, const char *finished,
		      int exit_status, long long in, long long out, long long rejected,
		      long long skipped, cxs_err *err)
{
	static const char *const drops[] = {
		"DELETE FROM night_signals WHERE run = ?1",
		"DELETE FROM night_languages WHERE run = ?1",
	};
	sqlite3_stmt *s;
	size_t i;

	for (i = 0; i < sizeof(drops) / sizeof(drops[0]); i++) {
		if (prepare(st, drops[i], &s, err) < 0)
			return -1;
		sqlite3_bind_text(s, 1, run, -1, SQLITE_STATIC);
		if (step_done(st, s, err) < 0) {
			sqlite3_finalize(s);
			return -1;
		}
		sqlite3_finalize(s);
	}
	if (prepare(st, "INSERT OR REPLACE INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &s,
		    err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, run, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, finished, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, exit_status);
	sqlite3_bind_int64(s, 5, in);
	sqlite3_bind_int64(s, 6, out);
	sqlite3_bind_int64(s, 7, rejected);
	sqlite3_bind_int64(s, 8, skipped);
	i = (size_t)step_done(st, s, err);
	sqlite3_finalize(s);
	return i ? -1 : 0;
}

int cxs_state_add_signal(cxs_state *st, const char *run, const char *date, const char *lang,
			 const char *dim, const char *polarity, long long documents,
			 cxs_err *err)
{
	sqlite3_bind_text(st->add_sig, 1, run, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_sig, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_sig, 3, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_sig, 4, dim, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_sig, 5, polarity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->add_sig, 6, documents);
	return step_done(st, st->add_sig, err);
}

int cxs_state_add_language(cxs_state *st, const char *run, const char *date, const char *lang,
			   long long documents, cxs_err *err)
{
	sqlite3_bind_text(st->add_lang, 1, run, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_lang, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add_lang, 3, lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->add_lang, 4, documents);
	return step_done(st, st->add_lang, err);
}

void cxs_state_close(cxs_state *st)
{
	if (!st)
		return;
	if (st->in_tx && st->db)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_finalize(st->seen);
	sqlite3_finalize(st->add_doc);
	sqlite3_finalize(st->add_sig);
	sqlite3_finalize(st->add_lang);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

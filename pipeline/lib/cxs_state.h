/*
 * cxs_state — what earlier nights processed, in an SQLite file (cxs-pipeline --state).
 *
 * Two uses: a document whose content was processed by an earlier run is skipped, not
 * processed twice; and each run's aggregate signals are kept for trends. Schema
 * (PRAGMA user_version = 1; documented for readers in README.md, "Incremental nights"):
 *
 *   documents(content_sha256 TEXT PRIMARY KEY, id TEXT, first_run TEXT, first_date TEXT)
 *   runs(run TEXT PRIMARY KEY, date TEXT, finished TEXT, exit INTEGER, documents_in
 *        INTEGER, documents_out INTEGER, rejected INTEGER, skipped INTEGER)
 *   night_signals(run TEXT, date TEXT, lang TEXT, dim TEXT, polarity TEXT,
 *                 documents INTEGER, PRIMARY KEY (run, lang, dim, polarity))
 *   night_languages(run TEXT, date TEXT, lang TEXT, documents INTEGER,
 *                   PRIMARY KEY (run, lang))
 *
 * A run is named by its work directory's absolute path; `date` is the day (UTC) it
 * started. A document counts as seen only when a *different* run processed it first, so
 * rerunning a night in its own directory gives the same result as the first time.
 *
 * Lookups open the file read-only (several processes may look up at once); writes
 * happen once, at the end of a run, in one transaction. The library never prints.
 */
#ifndef CXS_STATE_H
#define CXS_STATE_H

#include "cxs_err.h"

typedef struct cxs_state cxs_state;

/* Opens `path`. Read-only: a missing file is an empty state (nothing seen). Writable:
 * the file and its tables are created when missing. NULL with `err` (CXS_E_CONFIG for a
 * file that is not a state database of this version, CXS_E_IO otherwise). */
cxs_state *cxs_state_open(const char *path, int writable, cxs_err *err);

/* Whether content `sha256` was first processed by a run other than `run`: 1 (then
 * `date`, 11 bytes, receives that run's date), 0 when not, -1 with `err`. */
int cxs_state_seen(cxs_state *st, const char *sha256, const char *run, char date[11],
		   cxs_err *err);

/* A writable state's transaction around everything a run records. */
int cxs_state_begin(cxs_state *st, cxs_err *err);
int cxs_state_commit(cxs_state *st, cxs_err *err);

/* Records a processed document (kept when already known). */
int cxs_state_add_document(cxs_state *st, const char *sha256, const char *id, const char *run,
			   const char *date, cxs_err *err);

/* Records (replaces) run `run`'s totals and drops its earlier aggregates. */
int cxs_state_set_run(cxs_state *st, const char *run, const char *date, const char *finished,
		      int exit_status, long long in, long long out, long long rejected,
		      long long skipped, cxs_err *err);

/* Adds to run `run`'s aggregates: `documents` with a signal of dimension `dim` and
 * `polarity` in language `lang`; and documents per language. */
int cxs_state_add_signal(cxs_state *st, const char *run, const char *date, const char *lang,
			 const char *dim, const char *polarity, long long documents,
			 cxs_err *err);
int cxs_state_add_language(cxs_state *st, const char *run, const char *date, const char *lang,
			   long long documents, cxs_err *err);

/* Closes (a transaction still open is rolled back); NULL is a no-op. */
void cxs_state_close(cxs_state *st);

#endif

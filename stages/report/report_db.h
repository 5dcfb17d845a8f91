/*
 * report_db — report.sqlite: every document, signal and piece of evidence, one row each,
 * written as the records stream by (SQLite's page cache bounds the memory).
 *
 *   documents(doc INTEGER PRIMARY KEY, id, lang, kind, host, uri, locator, url, title,
 *             sentiment, sentiment_score, lexicon, lexicon_version, input, line, text)
 *   signals(doc, dim, polarity, score, hits)
 *   evidence(doc, dim, start, end, text, term, sentence)
 *   report(key, value)   what made the report: program, version, inputs, date if given
 *
 * `doc` numbers the documents in input order (ids may repeat across inputs). Indexes
 * (created after the rows, which is faster): documents(id), documents(lang),
 * signals(dim, polarity), signals(polarity), signals(doc), evidence(doc),
 * evidence(dim, term). Example queries are in stages/report/README.md.
 *
 * The file is written with no journal: it is a fresh temporary file that is renamed into
 * place only when complete, so a crash leaves nothing a reader could mistake for it.
 */
#ifndef REPORT_DB_H
#define REPORT_DB_H

#include "cxs_err.h"
#include "report_doc.h"

typedef struct report_db report_db;

/* Creates the database `path` (which must not exist) with its tables. NULL with `err`. */
report_db *report_db_open(const char *path, cxs_err *err);

/* Adds one document, its signals and evidence; `input` and `line` say where it was read.
 * Returns 0 or -1 with `err`. */
int report_db_add(report_db *db, const struct report_doc *doc, const char *input,
		  long long line, cxs_err *err);

/* Adds a row to the `report` table. Returns 0 or -1 with `err`. */
int report_db_note(report_db *db, const char *key, const char *value, cxs_err *err);

/* Creates the indexes, commits and closes; frees `db` in every case. Returns 0 or -1. */
int report_db_close(report_db *db, cxs_err *err);

/* Closes without committing (the caller removes the file); NULL is a no-op. */
void report_db_abort(report_db *db);

#endif

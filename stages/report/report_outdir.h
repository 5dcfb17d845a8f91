/*
 * report_outdir — a report folder that appears complete or not at all.
 *
 * Files are written into a fresh folder beside the target ("DIR.tmp.PID"); commit fsyncs
 * them and swaps the folder into place: with renameat2(RENAME_EXCHANGE) when DIR already
 * exists (a reader sees the old report or the new one, never a mix), else rename(2).
 * The old report is then removed. A crash before commit leaves the target untouched
 * (and, after SIGKILL, a DIR.tmp.PID folder that never has the final name: the next
 * open removes those whose process is gone, when they hold only report files).
 *
 * An existing DIR is replaced only when it holds nothing but report files
 * (REPORT_OUTDIR_FILES): a wrong -o never deletes anyone's data.
 */
#ifndef REPORT_OUTDIR_H
#define REPORT_OUTDIR_H

#include "cxs_err.h"

/* Every file a report folder may hold, NULL-terminated. */
extern const char *const REPORT_OUTDIR_FILES[];

typedef struct report_outdir report_outdir;

/* Checks `dir` and creates the temporary folder. NULL with `err` (CXS_E_IO). */
report_outdir *report_outdir_open(const char *dir, cxs_err *err);

/* The temporary folder; owned by the handle, valid until commit or abort. */
const char *report_outdir_tmp(const report_outdir *o);

/* The path of file `name` inside the temporary folder: owned by the handle, valid until
 * the next call, commit or abort. */
const char *report_outdir_path(report_outdir *o, const char *name);

/* Publishes the folder; frees the handle in every case. On failure the temporary folder
 * is removed and the target is as it was. Returns 0 or -1 with `err`. */
int report_outdir_commit(report_outdir *o, cxs_err *err);

/* Removes the temporary folder and frees the handle; NULL is a no-op. */
void report_outdir_abort(report_outdir *o);

#endif

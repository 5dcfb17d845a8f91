/*
 * drv_log — the run log (DIR/run.log) and the progress line.
 *
 * The log gets one line per event: "2026-11-23T02:00:01Z EVENT key=value ...", appended
 * and flushed at once, so it tells how far a run got even after kill -9. Timestamps are
 * kept here and in manifests, never in data files.
 *
 * The progress line is drawn on standard error only when it is a terminal and not
 * --quiet: per active stage the documents done, MB/s of its input and an ETA.
 *
 * For tests, CXS_PIPELINE_KILL_AFTER=N in the environment makes the driver kill itself
 * with SIGKILL right after its Nth log line: a deterministic "kill -9 at this point".
 */
#ifndef DRV_LOG_H
#define DRV_LOG_H

#include "drv.h"

/* Opens DIR/run.log for appending. Returns 0 or -1 with `err`. */
int drv_log_open(const char *dir, cxs_err *err);
void drv_log_close(void);
/* Appends one event line. */
void drv_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Progress: a stage's totals as they become known, then each finished piece. */
void drv_progress_enable(int on);
int drv_progress_on(void);
void drv_progress_total(int stage, long long docs, long long bytes);
void drv_progress_start(int stage);
void drv_progress_done(int stage, long long docs, long long bytes);
void drv_progress_draw(void);
/* Clears the line before anything else is printed to standard error. */
void drv_progress_clear(void);

/* Seconds since an arbitrary start (CLOCK_MONOTONIC). */
double drv_now(void);

#endif

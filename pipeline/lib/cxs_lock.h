/*
 * cxs_lock — one run per work directory at a time.
 *
 * The lock is the file DIR/lock, held with flock(2): the kernel drops it when its holder
 * ends, however it ends (kill -9 included), so a lock can never outlive its process and
 * two runs can never both hold it. The file's text names the holder ("pid 1234 started
 * 2026-11-23T02:00:01Z on host"), so a refused run can say who has the directory, and a
 * run that finds the text of a holder that is gone (it was killed) knows it is taking
 * over and can say so. A clean release empties the file.
 *
 * The descriptor is close-on-exec: programs the holder runs do not hold the lock.
 */
#ifndef CXS_LOCK_H
#define CXS_LOCK_H

#include "cxs_err.h"

typedef struct cxs_lock cxs_lock;

enum cxs_lock_status {
	CXS_LOCK_TAKEN = 0,     /* the directory was free */
	CXS_LOCK_TAKEN_OVER = 1,/* free, but a holder that is gone left its name: `prev` says who */
	CXS_LOCK_BUSY = 2,      /* a live process holds it: `prev` says who; *lock is NULL */
	CXS_LOCK_ERROR = -1     /* could not open or write the lock file: `err` says why */
};

/* Takes the lock of directory `dir` for this process. `prev` (may be NULL, `prevlen`
 * bytes) receives the previous holder's text for TAKEN_OVER and BUSY. On TAKEN and
 * TAKEN_OVER `*lock` is the held lock. */
int cxs_lock_take(const char *dir, cxs_lock **lock, char *prev, size_t prevlen, cxs_err *err);

/* Empties the lock file and releases the lock; NULL is a no-op. */
void cxs_lock_release(cxs_lock *lock);

/* In a child made by fork(): drops the child's copy of the descriptor without touching
 * the lock, so the lock ends with the holder and not with a child that outlives it. */
void cxs_lock_forget(cxs_lock *lock);

#endif

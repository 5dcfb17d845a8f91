/*
 * cxs_atomic — write a file so that it appears complete or not at all.
 *
 * Data goes to a temporary file beside the target ("NAME.tmp.PID"); commit fsyncs it,
 * renames it over the target and fsyncs the directory. A crash or an abort before
 * commit leaves the target untouched (the previous version, or nothing), never a
 * half-written file under the final name.
 */
#ifndef CXS_ATOMIC_H
#define CXS_ATOMIC_H

#include <signal.h>

#include "cxs_err.h"

typedef struct cxs_atomic cxs_atomic;

/* Creates the temporary file for `path`. First removes any "PATH.tmp.PID" left by a
 * process that no longer exists (killed with SIGKILL); temporaries of live processes
 * stay. Returns NULL with `err` set (CXS_E_IO). */
cxs_atomic *cxs_atomic_open(const char *path, cxs_err *err);

/* The descriptor to write to; owned by the handle, valid until commit or abort. */
int cxs_atomic_fd(const cxs_atomic *a);

/* The temporary file's name; owned by the handle, valid until commit or abort. */
const char *cxs_atomic_tmpname(const cxs_atomic *a);

/* Writes all of `data`, retrying short writes. Returns 0 or -1 with `err` (CXS_E_IO). */
int cxs_atomic_write(cxs_atomic *a, const void *data, size_t len, cxs_err *err);

/* fsync, close, rename onto the target, fsync the directory; frees the handle in every
 * case. On failure the temporary file is removed and `err` names the file; when only
 * the directory could not be synced, the renamed target is removed too, so a failed
 * commit never leaves a file under the final name. */
int cxs_atomic_commit(cxs_atomic *a, cxs_err *err);

/* Closes and removes the temporary file and frees the handle. NULL is a no-op. */
void cxs_atomic_abort(cxs_atomic *a);

/* Removes every temporary file still open in this process. Only unlink(2) on names
 * prepared in advance, so it is safe from a signal handler: programs call it when
 * SIGTERM or SIGINT ends them, so a killed run leaves no "NAME.tmp.PID" behind. (After
 * SIGKILL the temporary stays, never under the final name, until the next
 * cxs_atomic_open of the same path removes it.) */
void cxs_atomic_unlink_all(void);

/* In a child just forked from a process with temporaries open: forgets them (without
 * freeing), so that the child's cxs_atomic_unlink_all removes only its own. */
void cxs_atomic_forget_all(void);

/* Publishing a data file and then its manifest is two renames; a SIGTERM between them
 * (a scheduler stopping the run) would leave a complete file that no manifest vouches
 * for, which readers must take as unfinished. cxs_atomic_hold_signals blocks SIGTERM,
 * SIGINT and SIGHUP, saving the old mask in `old`; cxs_atomic_release_signals restores
 * it, and a signal that came meanwhile is handled then, after the pair is published. */
void cxs_atomic_hold_signals(sigset_t *old);
void cxs_atomic_release_signals(const sigset_t *old);

/* Whether `name` is "BASE.tmp.PID", BASE being `base[0, blen)`, of a process that no
 * longer exists (never this one's): what a SIGKILL left behind, safe to remove. */
int cxs_atomic_is_dead_tmp(const char *name, const char *base, size_t blen);

/* Writes a whole small file atomically (manifests). */
int cxs_atomic_write_file(const char *path, const void *data, size_t len, cxs_err *err);

#endif

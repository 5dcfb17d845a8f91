/*
 * cxs_err — how the library reports errors without printing.
 *
 * Every library function that can fail takes a `cxs_err *` and, on failure, writes a
 * one-line message into it (lowercase, no full stop, subject in quotes) and returns a
 * negative value or NULL. The caller (a stage's main) decides whether to print it and
 * which exit code follows. `err` may be NULL when the caller does not want the text.
 */
#ifndef CXS_ERR_H
#define CXS_ERR_H

#include <stddef.h>

/* The kind of failure, so that mains can map errors to exit codes (cxs_exit.h). */
typedef enum cxs_errkind {
	CXS_E_NONE = 0,
	CXS_E_INPUT,    /* unreadable, corrupt or truncated input */
	CXS_E_IO,       /* cannot write output: disk full, permission, rename */
	CXS_E_CONFIG,   /* bad lexicon, option or configuration file */
	CXS_E_NOMEM,    /* allocation failed */
	CXS_E_INTERNAL  /* a library we call failed in a way that should not happen */
} cxs_errkind;

typedef struct cxs_err {
	cxs_errkind kind;
	char msg[1024];
} cxs_err;

/* Formats the message into `err` (when not NULL) and returns -1, so that
 * `return cxs_err_set(err, CXS_E_IO, "could not write '%s'", path);` reads naturally. */
int cxs_err_set(cxs_err *err, cxs_errkind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like cxs_err_set, with ": strerror(errnum)" appended. */
int cxs_err_errno(cxs_err *err, cxs_errkind kind, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Clears an error back to CXS_E_NONE and the empty message. */
void cxs_err_clear(cxs_err *err);

#endif

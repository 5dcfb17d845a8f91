/*
 * cxs_exit — the exit statuses of every cxsignals executable, in one place.
 *
 * Only a program's main decides its exit status; the library returns errors with a kind
 * (cxs_err.h) and cxs_exit_for() maps a kind to a status. Documented for users in
 * README.md ("Exit status"); keep the two in step.
 */
#ifndef CXS_EXIT_H
#define CXS_EXIT_H

#include "cxs_err.h"

enum cxs_exit {
	CXS_EXIT_OK = 0,        /* done; rejected records (if any) are in the rejects file */
	CXS_EXIT_FAILURE = 1,   /* a generic failure with no better status (reserved) */
	CXS_EXIT_USAGE = 2,     /* bad command line: unknown option, missing argument */
	CXS_EXIT_CONFIG = 3,    /* bad lexicon pack or configuration; nothing was processed */
	CXS_EXIT_PARTIAL = 4,   /* an input was unreadable, corrupt or truncated: the output
	                           holds what came before the damage, and is complete otherwise */
	CXS_EXIT_IO = 5,        /* output could not be written (disk full, permissions);
	                           no output was left under the final name */
	CXS_EXIT_INTERNAL = 6,  /* out of memory or an unexpected library failure */
	CXS_EXIT_REJECTS = 7,   /* cxs-pipeline --max-reject-rate: the run finished, but more
	                           documents were rejected than that share */
	CXS_EXIT_BUSY = 8       /* cxs-pipeline: another run holds the work directory's lock */
};

static inline int cxs_exit_for(cxs_errkind kind)
{
	switch (kind) {
	case CXS_E_NONE: return CXS_EXIT_OK;
	case CXS_E_INPUT: return CXS_EXIT_PARTIAL;
	case CXS_E_IO: return CXS_EXIT_IO;
	case CXS_E_CONFIG: return CXS_EXIT_CONFIG;
	case CXS_E_NOMEM: return CXS_EXIT_INTERNAL;
	case CXS_E_INTERNAL: return CXS_EXIT_INTERNAL;
	}
	return CXS_EXIT_FAILURE;
}

#endif

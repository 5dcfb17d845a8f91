/*
 * cxs_cli — what the executables share and the library must not do: print, exit, parse
 * the common options. Only mains (stages/<name>/main.c, the driver) use this module.
 *
 * Messages follow git: "cxs-stem: error: could not open 'x.jsonl.gz'", lowercase, no
 * full stop, the subject in quotes; diagnostics about a place in a file are
 * "cxs-stem: FILE:LINE: message".
 */
#ifndef CXS_CLI_H
#define CXS_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "cxs_err.h"
#include "cxs_exit.h"
#include "cxs_stage.h"

/* Sets the program name used as the prefix of every message ("cxs-stem"). */
void cxs_cli_init(const char *progname);
const char *cxs_cli_progname(void);

/* Prints "PROG: error: MSG" and exits with `status`. */
void cxs_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* Prints "PROG: error: MSG" and returns -1. */
int cxs_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "PROG: warning: MSG". */
void cxs_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "PROG: MSG" (a diagnostic that names its own place, "FILE:LINE: ..."), unless
 * --quiet was given. */
void cxs_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A cxs_diag_fn printing through cxs_note (silenced by --quiet). */
void cxs_cli_diag(void *ctx, const char *msg);
/* A cxs_diag_fn printing through cxs_error (always printed). */
void cxs_cli_diag_error(void *ctx, const char *msg);

/* Silences cxs_note (per-record diagnostics); errors and warnings still print. */
void cxs_cli_set_quiet(int quiet);

/* Options every stage takes. Fill with cxs_stage_opts_init, then let
 * cxs_stage_opts_parse handle each getopt_long result the stage does not know. */
struct cxs_stage_opts {
	const char *output;       /* -o, --output (required) */
	const char *rejects;      /* --rejects */
	const char *manifest;     /* --manifest */
	int level;                /* --level (gzip level of .gz outputs) */
	size_t max_record;        /* --max-record-bytes */
	int quiet;                /* -q, --quiet */
	const char **inputs;      /* -i FILE (repeatable) and positional arguments */
	size_t ninputs;
	int inputs_elsewhere;     /* set by a stage that has another way to name inputs
				   * (cxs-fetch --from-list): then none here is fine */
};

/* getopt_long entries for the common options; put CXS_STAGE_LONGOPTS in a stage's table
 * and CXS_STAGE_SHORTOPTS in its short option string. */
enum { CXS_OPT_REJECTS = 0x1000, CXS_OPT_MANIFEST, CXS_OPT_LEVEL, CXS_OPT_MAXREC,
       CXS_OPT_HELP, CXS_OPT_VERSION, CXS_OPT_STAGE_FIRST = 0x1100 };
#define CXS_STAGE_SHORTOPTS "o:i:qh"
#define CXS_STAGE_LONGOPTS                                                  \
	{ "output", required_argument, NULL, 'o' },                          \
	{ "input", required_argument, NULL, 'i' },                           \
	{ "rejects", required_argument, NULL, CXS_OPT_REJECTS },             \
	{ "manifest", required_argument, NULL, CXS_OPT_MANIFEST },           \
	{ "level", required_argument, NULL, CXS_OPT_LEVEL },                 \
	{ "max-record-bytes", required_argument, NULL, CXS_OPT_MAXREC },     \
	{ "quiet", no_argument, NULL, 'q' },                                 \
	{ "help", no_argument, NULL, 'h' },                                  \
	{ "version", no_argument, NULL, CXS_OPT_VERSION }

void cxs_stage_opts_init(struct cxs_stage_opts *o);
/* Handles one common option. Returns 1 when handled, 0 when `c` is not a common option
 * (the stage reports it), and dies with usage status on a bad value. For -h and
 * --version it calls `usage(stdout)` or prints the version, and exits 0. */
int cxs_stage_opts_parse(struct cxs_stage_opts *o, int c, const char *arg,
			 void (*usage)(FILE *out));
/* Adds positional arguments (argv[optind..argc-1]) as inputs; checks that -o was given
 * and that there is at least one input (or inputs_elsewhere); dies with usage status otherwise. */
void cxs_stage_opts_finish(struct cxs_stage_opts *o, int argc, char **argv, int optind_,
			   void (*usage)(FILE *out));
void cxs_stage_opts_release(struct cxs_stage_opts *o);
/* The help text of the common options, for a stage's usage(). */
void cxs_stage_opts_help(FILE *out);

/* Opens a stage with the common options: on failure prints the error and exits with the
 * status its kind maps to. */
cxs_stage *cxs_cli_stage_open(const char *stage, const struct cxs_stage_opts *o);

/* Finishes a stage run: commits (or aborts when `failed`), prints a one-line summary
 * unless quiet ("cxs-stem: 120 in, 118 out, 2 rejected"), checks that stdout was written
 * completely, and returns the exit status: CXS_EXIT_PARTIAL when an input was damaged,
 * the status of `err` when the run failed, CXS_EXIT_OK otherwise. */
int cxs_cli_stage_finish(cxs_stage *s, int failed, const cxs_err *err);

/* Finds bundled data under the lexicons folder ("cx-core", "stopwords"): the first that
 * exists of $CXS_LEXICONS/REL, EXEDIR/../lexicons/REL (source tree),
 * EXEDIR/../share/cxsignals/lexicons/REL (installed), PREFIX/share/cxsignals/lexicons/REL
 * and the source tree the binary was built from. Returns a path the caller frees, or
 * NULL when none exists. */
char *cxs_cli_find_data(const char *rel);

/* The stopword folder of cxs-stem and cxs-fetch: `given` (their `--stopwords DIR`) when
 * not NULL, else the bundled "stopwords" (cxs_cli_find_data). Dies with a configuration
 * error when `given` is not a folder or nothing is bundled. The caller frees it. */
char *cxs_cli_stopword_dir(const char *given);

/* Parses a decimal integer option value within [min, max]; dies with usage status naming
 * `opt` otherwise. */
long long cxs_cli_parse_int(const char *opt, const char *arg, long long min, long long max);

#endif

#include "cxs_cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_record.h"

static const char *progname = "cxs";
static int quiet;

/* A stage killed by SIGTERM or SIGINT removes its temporaries, then dies of the same
 * signal so its parent sees what happened. */
static void on_signal(int sig)
{
	cxs_atomic_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

void cxs_cli_init(const char *name)
{
	const char *slash = strrchr(name, '/');

	progname = slash ? slash + 1 : name;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
}

const char *cxs_cli_progname(void)
{
	return progname;
}

void cxs_cli_set_quiet(int q)
{
	quiet = q;
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s", progname, prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cxs_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	exit(status);
}

int cxs_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void cxs_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void cxs_note(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

void cxs_cli_diag(void *ctx, const char *msg)
{
	(void)ctx;
	cxs_note("%s", msg);
}

void cxs_cli_diag_error(void *ctx, const char *msg)
{
	(void)ctx;
	cxs_error("%s", msg);
}

long long cxs_cli_parse_int(const char *opt, const char *arg, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		cxs_die(CXS_EXIT_USAGE, "option '%s' needs an integer from %lld to %lld, not '%s'",
			opt, min, max, arg);
	return v;
}

void cxs_stage_opts_init(struct cxs_stage_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->level = CXS_LEVEL_DEFAULT;
	o->max_record = CXS_MAX_RECORD_DEFAULT;
}

static void add_input(struct cxs_stage_opts *o, const char *path)
{
	const char **p = realloc(o->inputs, (o->ninputs + 1) * sizeof(*p));

	if (!p)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	p[o->ninputs++] = path;
	o->inputs = p;
}

int cxs_stage_opts_parse(struct cxs_stage_opts *o, int c, const char *arg,
			 void (*usage)(FILE *out))
{
	switch (c) {
	case 'o':
		o->output = arg;
		return 1;
	case 'i':
		add_input(o, arg);
		return 1;
	case 'q':
		o->quiet = 1;
		cxs_cli_set_quiet(1);
		return 1;
	case CXS_OPT_REJECTS:
		o->rejects = arg;
		return 1;
	case CXS_OPT_MANIFEST:
		o->manifest = arg;
		return 1;
	case CXS_OPT_LEVEL:
		o->level = (int)cxs_cli_parse_int("--level", arg, 0, 9);
		return 1;
	case CXS_OPT_MAXREC:
		o->max_record = (size_t)cxs_cli_parse_int("--max-record-bytes", arg, 1024,
							  (long long)1 << 40);
		return 1;
	case 'h':
		usage(stdout);
		exit(CXS_EXIT_OK);
	case CXS_OPT_VERSION:
		printf("%s %s\n", progname, CXS_VERSION);
		exit(CXS_EXIT_OK);
	case '?':
		usage(stderr);
		exit(CXS_EXIT_USAGE);
	}
	return 0;
}

void cxs_stage_opts_finish(struct cxs_stage_opts *o, int argc, char **argv, int optind_,
			   void (*usage)(FILE *out))
{
	int i;

	for (i = optind_; i < argc; i++)
		add_input(o, argv[i]);
	if (!o->output) {
		cxs_error("no output given (-o FILE, or -o - for standard output)");
		usage(stderr);
		exit(CXS_EXIT_USAGE);
	}
	if (!o->ninputs && !o->inputs_elsewhere) {
		cxs_error("no input given (FILE..., or - for standard input)");
		usage(stderr);
		exit(CXS_EXIT_USAGE);
	}
}

void cxs_stage_opts_release(struct cxs_stage_opts *o)
{
	free(o->inputs);
	o->inputs = NULL;
	o->ninputs = 0;
}

void cxs_stage_opts_help(FILE *out)
{
	fputs("Common options:\n"
	      "  -o, --output FILE        write records to FILE (.gz: gzip; '-': plain JSONL on stdout)\n"
	      "  -i, --input FILE         read FILE (repeatable; also as arguments; '-': stdin)\n"
	      "      --rejects FILE       rejected records (default: NAME.rejects.jsonl.gz beside -o)\n"
	      "      --manifest FILE      run manifest (default: NAME.manifest.json beside -o)\n"
	      "      --level N            gzip level of .gz outputs, 0-9 (default 1)\n"
	      "      --max-record-bytes N a longer input line is rejected (default 64 MiB)\n"
	      "  -q, --quiet              print only errors, not one line per rejected record\n"
	      "  -h, --help               this help\n"
	      "      --version            print the version\n"
	      "\n"
	      "Exit status: 0 done (rejects, if any, are in the rejects file); 2 bad usage;\n"
	      "3 bad lexicon or configuration; 4 an input was damaged (output holds the rest);\n"
	      "5 output could not be written; 6 internal error.\n", out);
}

cxs_stage *cxs_cli_stage_open(const char *stage, const struct cxs_stage_opts *o)
{
	struct cxs_stage_config cfg;
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stage *s;

	memset(&cfg, 0, sizeof(cfg));
	cfg.stage = stage;
	cfg.output = o->output;
	cfg.rejects = o->rejects;
	cfg.manifest = o->manifest;
	cfg.level = o->level;
	cfg.max_record = o->max_record;
	cfg.diag = cxs_cli_diag;
	cfg.diag_error = cxs_cli_diag_error;
	s = cxs_stage_open(&cfg, &err);
	if (!s)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	return s;
}

int cxs_cli_stage_finish(cxs_stage *s, int failed, const cxs_err *err)
{
	cxs_err cerr = { CXS_E_NONE, "" };
	struct cxs_counts c = *cxs_stage_counts(s);
	int partial = cxs_stage_is_partial(s);

	if (failed) {
		cxs_stage_abort(s);
		cxs_error("%s", err->msg);
		return cxs_exit_for(err->kind ? err->kind : CXS_E_INTERNAL);
	}
	if (cxs_stage_commit(s, &cerr) < 0) {
		cxs_error("%s", cerr.msg);
		return cxs_exit_for(cerr.kind);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cxs_error("write failure on standard output");
		return CXS_EXIT_IO;
	}
	cxs_note("%lld in, %lld out, %lld rejected%s", c.in, c.out, c.rejected,
		 partial ? " (partial: an input was damaged)" : "");
	return partial ? CXS_EXIT_PARTIAL : CXS_EXIT_OK;
}

static char *join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s%s", a, b, c);
	return p;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

char *cxs_cli_find_data(const char *rel)
{
	char exe[4096], *slash, *cand[5] = { NULL, NULL, NULL, NULL, NULL };
	const char *env = getenv("CXS_LEXICONS");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *found = NULL;
	size_t i;

	if (env && *env)
		cand[0] = join(env, "/", rel);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			cand[1] = join(exe, "/../lexicons/", rel);
			cand[2] = join(exe, "/../share/cxsignals/lexicons/", rel);
		}
	}
	cand[3] = join(CXS_DATADIR, "/", rel);
	cand[4] = join(CXS_SRC_LEXICONS, "/", rel);
	for (i = 0; i < 5; i++) {
		if (!found && cand[i] && exists(cand[i]))
			found = realpath(cand[i], NULL);   /* "bin/../lexicons" reads badly */
		free(cand[i]);
	}
	return found;
}

static int is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *cxs_cli_stopword_dir(const char *given)
{
	char *dir;

	if (given) {
		struct stat sb;

		if (stat(given, &sb) < 0)
			cxs_die(CXS_EXIT_CONFIG, "could not open stopword folder '%s': %s", given,
				strerror(errno));
		if (!S_ISDIR(sb.st_mode))
			cxs_die(CXS_EXIT_CONFIG, "stopword folder '%s' is not a folder", given);
		dir = strdup(given);
		if (!dir)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		return dir;
	}
	dir = cxs_cli_find_data("stopwords");
	if (!dir || !is_dir(dir))
		cxs_die(CXS_EXIT_CONFIG, "no bundled stopword folder found (looked for "
			"'lexicons/stopwords'; set CXS_LEXICONS, or give --stopwords DIR or "
			"--no-stopwords)");
	return dir;
}

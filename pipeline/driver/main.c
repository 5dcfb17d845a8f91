/*
 * cxs-pipeline — runs fetch → normalize → stem → classify over a work directory.
 *
 * Each stage is its own executable (found beside this one) writing
 * DIR/NN-stage.jsonl.gz with its manifest and rejects; the driver only sequences them,
 * passes options through and sums up. Keeping the stages as separate processes means an
 * analyst can rerun any one of them by hand on the same files, and the driver's view of
 * a run is exactly the files an analyst sees.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_summary.h"

/* The stage running now, so that a SIGTERM to the driver also ends it. */
static volatile pid_t running_child;

static void on_signal(int sig)
{
	if (running_child > 0)
		kill(running_child, sig);
	cxs_atomic_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static const char *const stage_names[] = { "fetch", "normalize", "stem", "classify" };
#define NSTAGES 4

struct run_opts {
	const char *workdir;
	const char *lexicon;
	const char *from;
	int level;          /* -1: stage default */
	int quiet;
	char **sources;
	int nsources;
};

static void usage(FILE *out)
{
	fputs("usage: cxs-pipeline run --workdir DIR [options] SOURCE...\n"
	      "       cxs-pipeline run --workdir DIR --from STAGE [options]\n"
	      "       cxs-pipeline summary --workdir DIR\n"
	      "\n"
	      "Runs fetch, normalize, stem and classify into DIR: 01-fetch.jsonl.gz ...\n"
	      "04-classify.jsonl.gz, each with NAME.manifest.json and NAME.rejects.jsonl.gz,\n"
	      "then prints a summary (also written to DIR/summary.txt).\n"
	      "\n"
	      "Options:\n"
	      "  -w, --workdir DIR     the run directory (created when missing)\n"
	      "      --lexicon PACK    lexicon pack folder for classify (default: bundled cx-core)\n"
	      "      --from STAGE      rerun STAGE and the stages after it from the files in DIR\n"
	      "                        (fetch, normalize, stem, classify)\n"
	      "      --level N         gzip level of the intermediate files (0-9)\n"
	      "  -q, --quiet           only errors on stderr\n"
	      "  -h, --help            this help\n"
	      "      --version         print the version\n"
	      "\n"
	      "SOURCE: HTML, text or JSONL review-export files, or directories of them.\n"
	      "\n"
	      "Exit status: 0 done; 2 bad usage; 3 bad lexicon or configuration; 4 an input was\n"
	      "damaged (the run finished with the rest); 5 output could not be written;\n"
	      "6 internal error. A stage that fails stops the run with its status.\n", out);
}

static char *path_join(const char *dir, const char *name)
{
	cxs_buf b = CXS_BUF_INIT;

	if (cxs_buf_addf(&b, "%s/%s", dir, name) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	return cxs_buf_detach(&b, NULL);
}

static char *stage_output(const char *workdir, int i)
{
	char name[64];

	snprintf(name, sizeof(name), "%02d-%s.jsonl.gz", i + 1, stage_names[i]);
	return path_join(workdir, name);
}

/* The stage executables live beside this one (bin/ in the tree, PREFIX/bin installed). */
static char *stage_program(const char *stage)
{
	char exe[4096], prog[64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	snprintf(prog, sizeof(prog), "cxs-%s", stage);
	if (n <= 0)
		return strdup(prog);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return strdup(prog);
	*slash = '\0';
	return path_join(exe, prog);
}

/* Runs argv, waits, and returns its exit status (CXS_EXIT_INTERNAL when it could not run
 * or died of a signal). */
static int run_child(char **argv)
{
	sigset_t block, old;
	int status;
	pid_t pid;

	/* Signals wait until the child's pid is recorded, so a SIGTERM in between cannot
	 * leave the child running alone. */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not start '%s': %s", argv[0], strerror(errno));
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		execv(argv[0], argv);
		fprintf(stderr, "cxs-pipeline: error: could not run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(CXS_EXIT_INTERNAL);
	}
	running_child = pid;
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			cxs_die(CXS_EXIT_INTERNAL, "waiting for '%s': %s", argv[0], strerror(errno));
	running_child = 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	cxs_error("'%s' was killed by signal %d", argv[0], WTERMSIG(status));
	return CXS_EXIT_INTERNAL;
}

struct argv_buf {
	char **v;
	int n, cap;
};

static void arg(struct argv_buf *a, const char *s)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? 2 * a->cap : 16;
		a->v = realloc(a->v, (size_t)a->cap * sizeof(*a->v));
		if (!a->v)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	}
	a->v[a->n++] = strdup(s);
	a->v[a->n] = NULL;
}

static void argv_free(struct argv_buf *a)
{
	int i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
}

static int run_stage(const struct run_opts *o, int i)
{
	struct argv_buf a = { NULL, 0, 0 };
	char *out = stage_output(o->workdir, i);
	char *prog = stage_program(stage_names[i]);
	char level[16];
	int rc, k;

	arg(&a, prog);
	if (o->quiet)
		arg(&a, "-q");
	if (o->level >= 0) {
		snprintf(level, sizeof(level), "%d", o->level);
		arg(&a, "--level");
		arg(&a, level);
	}
	if (i == 3 && o->lexicon) {
		arg(&a, "--lexicon");
		arg(&a, o->lexicon);
	}
	arg(&a, "-o");
	arg(&a, out);
	if (i == 0) {
		arg(&a, "--");
		for (k = 0; k < o->nsources; k++)
			arg(&a, o->sources[k]);
	} else {
		char *in = stage_output(o->workdir, i - 1);
		arg(&a, "--");
		arg(&a, in);
		free(in);
	}
	if (!o->quiet)
		cxs_note("running %s", stage_names[i]);
	rc = run_child(a.v);
	argv_free(&a);
	free(out);
	free(prog);
	return rc;
}

static int stage_index(const char *name)
{
	int i;

	for (i = 0; i < NSTAGES; i++)
		if (!strcmp(name, stage_names[i]))
			return i;
	return -1;
}

static int print_summary(const char *workdir, const char *lexicon)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_buf text = CXS_BUF_INIT;
	char *dims = NULL, *path;
	int rc;

	if (lexicon)
		dims = path_join(lexicon, "dimensions.tsv");
	else {
		char *pack = cxs_cli_find_data("cx-core");
		if (pack) {
			dims = path_join(pack, "dimensions.tsv");
			free(pack);
		}
	}
	rc = cxs_summary_build(workdir, dims, &text, &err);
	free(dims);
	if (rc < 0) {
		cxs_buf_release(&text);
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
	fwrite(text.p, 1, text.len, stdout);
	path = path_join(workdir, "summary.txt");
	if (cxs_atomic_write_file(path, text.p, text.len, &err) < 0) {
		cxs_error("%s", err.msg);
		rc = CXS_EXIT_IO;
	}
	free(path);
	cxs_buf_release(&text);
	return rc;
}

static int cmd_run(const struct run_opts *o)
{
	int first = 0, i, status = CXS_EXIT_OK;

	if (o->from) {
		first = stage_index(o->from);
		if (first < 0)
			cxs_die(CXS_EXIT_USAGE, "unknown stage '%s' (fetch, normalize, stem, classify)",
				o->from);
	}
	if (first == 0 && o->nsources == 0) {
		cxs_error("no SOURCE given: name the files or directories to fetch");
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	if (first > 0 && o->nsources > 0)
		cxs_die(CXS_EXIT_USAGE, "--from %s reads the files in '%s'; SOURCE arguments are only "
			"for a run from fetch", o->from, o->workdir);
	if (mkdir(o->workdir, 0777) < 0 && errno != EEXIST)
		cxs_die(CXS_EXIT_IO, "could not create '%s': %s", o->workdir, strerror(errno));
	if (first > 0) {
		char *prev = stage_output(o->workdir, first - 1);
		if (access(prev, R_OK) < 0)
			cxs_die(CXS_EXIT_USAGE, "--from %s needs '%s' from an earlier run: %s", o->from,
				prev, strerror(errno));
		free(prev);
	}
	for (i = first; i < NSTAGES; i++) {
		int rc = run_stage(o, i);
		if (rc == CXS_EXIT_PARTIAL) {
			/* Damaged input: the stage kept what it could; go on, and say so at the end. */
			status = CXS_EXIT_PARTIAL;
			continue;
		}
		if (rc != CXS_EXIT_OK) {
			cxs_error("stage '%s' failed (exit %d); later stages were not run",
				  stage_names[i], rc);
			return rc;
		}
	}
	i = print_summary(o->workdir, o->lexicon);
	return status != CXS_EXIT_OK ? status : i;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "workdir", required_argument, NULL, 'w' },
		{ "lexicon", required_argument, NULL, 'L' },
		{ "from", required_argument, NULL, 'F' },
		{ "level", required_argument, NULL, 'l' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct run_opts o = { NULL, NULL, NULL, -1, 0, NULL, 0 };
	const char *cmd;
	int c;

	cxs_cli_init(argv[0]);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	if (argc < 2) {
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return CXS_EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("cxs-pipeline %s\n", CXS_VERSION);
		return CXS_EXIT_OK;
	}
	if (strcmp(cmd, "run") && strcmp(cmd, "summary")) {
		cxs_error("unknown command '%s' (run, summary)", cmd);
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	optind = 2;
	while ((c = getopt_long(argc, argv, "w:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'w': o.workdir = optarg; break;
		case 'L': o.lexicon = optarg; break;
		case 'F': o.from = optarg; break;
		case 'l': o.level = (int)cxs_cli_parse_int("--level", optarg, 0, 9); break;
		case 'q': o.quiet = 1; cxs_cli_set_quiet(1); break;
		case 'h': usage(stdout); return CXS_EXIT_OK;
		case 'V': printf("cxs-pipeline %s\n", CXS_VERSION); return CXS_EXIT_OK;
		default: usage(stderr); return CXS_EXIT_USAGE;
		}
	}
	if (!o.workdir) {
		cxs_error("no work directory given (--workdir DIR)");
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	o.sources = argv + optind;
	o.nsources = argc - optind;
	if (!strcmp(cmd, "summary")) {
		if (o.nsources)
			cxs_die(CXS_EXIT_USAGE, "summary takes no SOURCE arguments");
		return print_summary(o.workdir, o.lexicon);
	}
	return cmd_run(&o);
}

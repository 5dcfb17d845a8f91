/*
 * cxs-pipeline — runs fetch → normalize → stem → classify over a work directory, in
 * parallel over shards, resuming what a killed run left, redoing only what is stale.
 *
 * Each stage is its own executable (found beside this one); the driver plans shards and
 * parts, runs the stages on them as processes, merges each stage's parts into
 * DIR/NN-stage.jsonl.gz and sums up. Keeping the stages as separate processes means an
 * analyst can rerun any one of them by hand on the same files, and the driver's view of
 * a run is exactly the files an analyst sees. How the directory is laid out: drv.h.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_conf.h"
#include "cxs_lock.h"
#include "cxs_state.h"
#include "cxs_summary.h"
#include "drv.h"
#include "drv_log.h"
#include "drv_run.h"
#include "drv_slurm.h"
#include "drv_split.h"

#define SHARD_SIZE_DEFAULT 10000

static void on_signal(int sig)
{
	/* A Slurm run cancels its jobs before it dies, outside the handler. */
	if (drv_slurm_signal(sig))
		return;
	drv_run_signal(sig);
	cxs_atomic_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void usage(FILE *out)
{
	fputs("usage: cxs-pipeline run --workdir DIR [options] SOURCE...\n"
	      "       cxs-pipeline run --workdir DIR --from STAGE | --only STAGE [options]\n"
	      "       cxs-pipeline status --workdir DIR [options] [SOURCE...]\n"
	      "       cxs-pipeline summary --workdir DIR\n"
	      "       cxs-pipeline shard|merge --workdir DIR [options] SHARD|STAGE\n"
	      "                            (what the jobs of --engine slurm run)\n"
	      "\n"
	      "Runs fetch, normalize, stem and classify into DIR: 01-fetch.jsonl.gz ...\n"
	      "04-classify.jsonl.gz, each with NAME.manifest.json and NAME.rejects.jsonl.gz,\n"
	      "then prints a summary (also written to DIR/summary.txt). Work is split into\n"
	      "parts that run in parallel; a rerun (after a crash, or the next night) redoes\n"
	      "only what is missing or stale.\n"
	      "\n"
	      "Options:\n"
	      "  -w, --workdir DIR         the run directory (created when missing)\n"
	      "      --config FILE         key = value defaults (option names without '--');\n"
	      "                            command-line options override them\n"
	      "      --lexicon PACK        lexicon pack folder for classify (default: cx-core)\n"
	      "      --from STAGE          rerun STAGE and the stages after it, fresh or not\n"
	      "      --only STAGE          rerun STAGE alone from the files in DIR\n"
	      "                            (fetch, normalize, stem, classify)\n"
	      "  -j, --jobs N              processes at a time (default: the number of cores)\n"
	      "      --shard-size N        documents per part (default 10000)\n"
	      "      --state FILE          SQLite file of earlier nights: documents processed\n"
	      "                            before are skipped; each night's signals are kept\n"
	      "      --max-reject-rate R   exit 7 when more than R (0-1) of the documents\n"
	      "                            were rejected\n"
	      "      --level N             gzip level of the intermediate files (0-9)\n"
	      "      --fetch-option OPT    pass OPT to cxs-fetch (repeatable), one of\n"
	      "                            --keep-duplicates, --comments, --map=RULES,\n"
	      "                            --unit=UNIT, --max-record-bytes=N, --lang-hint=L\n"
	      "      --engine ENGINE       local (default: processes of this program) or\n"
	      "                            slurm (array jobs through sbatch; DIR on a\n"
	      "                            filesystem every node shares)\n"
	      "      --partition P         --engine slurm: sbatch --partition\n"
	      "      --account A           --engine slurm: sbatch --account\n"
	      "      --slurm-opt 'OPTS'    --engine slurm: more sbatch options, split at\n"
	      "                            spaces (repeatable), e.g. '--time=30 --mem=2G'\n"
	      "  -q, --quiet               only errors on stderr (no progress line)\n"
	      "  -h, --help                this help\n"
	      "      --version             print the version\n"
	      "\n"
	      "SOURCE: HTML, text or JSONL review-export files, or directories of them.\n"
	      "\n"
	      "Exit status: 0 done; 2 bad usage; 3 bad lexicon or configuration; 4 an input was\n"
	      "damaged (the run finished with the rest); 5 output could not be written;\n"
	      "6 internal error; 7 done, but rejects above --max-reject-rate; 8 another run\n"
	      "holds DIR. A stage that fails stops the run with its status.\n", out);
}

static int stage_index(const char *name)
{
	int i;

	for (i = 0; i < DRV_NSTAGES; i++)
		if (!strcmp(name, drv_stage_names[i]))
			return i;
	return -1;
}

/* ---------------------------------------------------------------- options and config */

struct settings {
	struct drv_opts o;
	char **conf_sources;
	int nconf_sources;
	char *owned[64];      /* config values kept for the run */
	int nowned;
};

static const char *keep(struct settings *st, const char *v)
{
	char *s = strdup(v);

	if (!s || st->nowned == 64)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	st->owned[st->nowned++] = s;
	return s;
}

static int parse_num(const char *v, double min, double max, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(v, &end);
	return errno || end == v || *end || !(*out >= min && *out <= max) ? -1 : 0;
}

/* Options of cxs-fetch that change how documents are read, not which files: those the
 * driver can pass on, since it expands the sources into shards itself. */
static int fetch_option_ok(const char *v)
{
	static const char *const flags[] = { "--keep-duplicates", "--comments" };
	static const char *const valued[] = { "--map=", "--unit=", "--max-record-bytes=",
					      "--lang-hint=" };
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (!strcmp(v, flags[i]))
			return 1;
	for (i = 0; i < sizeof(valued) / sizeof(valued[0]); i++)
		if (!strncmp(v, valued[i], strlen(valued[i])) && v[strlen(valued[i])])
			return 1;
	return 0;
}

/* One setting, from the config file (`err` set on a bad one) or the command line. */
static int set_option(struct settings *st, const char *key, const char *v, cxs_err *err)
{
	struct drv_opts *o = &st->o;
	double d;

	if (!strcmp(key, "workdir"))
		o->workdir = keep(st, v);
	else if (!strcmp(key, "lexicon")) {
		o->lexicon = keep(st, v);
		o->given |= DRV_GIVEN_LEXICON;
	} else if (!strcmp(key, "state")) {
		o->state = *v ? keep(st, v) : NULL;
		o->given |= DRV_GIVEN_STATE;
	}
	else if (!strcmp(key, "jobs")) {
		if (parse_num(v, 1, 256, &d) < 0 || d != floor(d))
			return cxs_err_set(err, CXS_E_CONFIG, "jobs: '%s' is not a number 1-256", v);
		o->jobs = (int)d;
	} else if (!strcmp(key, "shard-size")) {
		if (parse_num(v, 1, 1e9, &d) < 0 || d != floor(d))
			return cxs_err_set(err, CXS_E_CONFIG, "shard-size: '%s' is not a positive number", v);
		o->shard_size = (long long)d;
		o->given |= DRV_GIVEN_SHARD;
	} else if (!strcmp(key, "level")) {
		if (parse_num(v, 0, 9, &d) < 0 || d != floor(d))
			return cxs_err_set(err, CXS_E_CONFIG, "level: '%s' is not 0-9", v);
		o->level = (int)d;
		o->given |= DRV_GIVEN_LEVEL;
	} else if (!strcmp(key, "max-reject-rate")) {
		if (parse_num(v, 0, 1, &d) < 0)
			return cxs_err_set(err, CXS_E_CONFIG, "max-reject-rate: '%s' is not 0-1", v);
		o->max_reject_rate = d;
	} else if (!strcmp(key, "quiet")) {
		if (strcmp(v, "yes") && strcmp(v, "no") && strcmp(v, "true") && strcmp(v, "false"))
			return cxs_err_set(err, CXS_E_CONFIG, "quiet: '%s' is not yes or no", v);
		o->quiet = !strcmp(v, "yes") || !strcmp(v, "true");
	} else if (!strcmp(key, "fetch-option")) {
		if (!fetch_option_ok(v))
			return cxs_err_set(err, CXS_E_CONFIG, "fetch-option: '%s' is not one the "
					   "driver passes on (--keep-duplicates, --comments, "
					   "--map=RULES, --unit=UNIT, --max-record-bytes=N, "
					   "--lang-hint=LANG)", v);
		o->fetch_opts = realloc(o->fetch_opts, (size_t)(o->nfetch_opts + 1) * sizeof(char *));
		if (!o->fetch_opts)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		o->fetch_opts[o->nfetch_opts++] = keep(st, v);
	} else if (!strcmp(key, "engine")) {
		if (strcmp(v, "local") && strcmp(v, "slurm"))
			return cxs_err_set(err, CXS_E_CONFIG, "engine: '%s' is not local or slurm", v);
		o->engine = !strcmp(v, "slurm") ? DRV_ENGINE_SLURM : DRV_ENGINE_LOCAL;
	} else if (!strcmp(key, "partition")) {
		o->partition = keep(st, v);
	} else if (!strcmp(key, "account")) {
		o->account = keep(st, v);
	} else if (!strcmp(key, "slurm-opt")) {
		/* Words, split at spaces: sbatch options need no quoting in practice. */
		char *copy = (char *)keep(st, v), *w, *save = NULL;
		for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
			o->slurm_opts = realloc(o->slurm_opts,
						(size_t)(o->nslurm_opts + 1) * sizeof(char *));
			if (!o->slurm_opts)
				cxs_die(CXS_EXIT_INTERNAL, "out of memory");
			o->slurm_opts[o->nslurm_opts++] = w;
		}
	} else if (!strcmp(key, "source")) {
		st->conf_sources = realloc(st->conf_sources,
					   (size_t)(st->nconf_sources + 1) * sizeof(char *));
		if (!st->conf_sources)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		st->conf_sources[st->nconf_sources++] = strdup(v);
	} else
		return cxs_err_set(err, CXS_E_CONFIG, "unknown setting '%s' (workdir, lexicon, jobs, "
				   "shard-size, level, max-reject-rate, state, quiet, source, "
				   "fetch-option, engine, partition, account, slurm-opt)", key);
	return 0;
}

static int conf_setting(void *ctx, const char *key, const char *value, cxs_err *err)
{
	return set_option(ctx, key, value, err);
}

static void cli_option(struct settings *st, const char *key, const char *v)
{
	cxs_err err = { CXS_E_NONE, "" };

	if (set_option(st, key, v, &err) < 0)
		cxs_die(CXS_EXIT_USAGE, "--%s", err.msg);
}

/* --config is read before the other options, which then override it. */
static const char *find_config(int argc, char **argv)
{
	const char *path = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--config") && i + 1 < argc)
			path = argv[++i];
		else if (!strncmp(argv[i], "--config=", 9))
			path = argv[i] + 9;
	}
	return path;
}

/* ---------------------------------------------------------------- summary and state */

static char *dimensions_tsv(const char *lexicon)
{
	char *pack = lexicon ? strdup(lexicon) : cxs_cli_find_data("cx-core");
	cxs_buf b = CXS_BUF_INIT;

	if (!pack)
		return NULL;
	cxs_buf_addf(&b, "%s/dimensions.tsv", pack);
	free(pack);
	return cxs_buf_detach(&b, NULL);
}

static int print_summary(const char *workdir, const cxs_tally *t)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_buf text = CXS_BUF_INIT, path = CXS_BUF_INIT;
	int rc = 0;

	cxs_summary_format(workdir, t, &text);
	fwrite(text.p, 1, text.len, stdout);
	fflush(stdout);
	cxs_buf_addf(&path, "%s/summary.txt", workdir);
	if (cxs_atomic_write_file(path.p, text.p, text.len, &err) < 0) {
		cxs_error("%s", err.msg);
		rc = CXS_EXIT_IO;
	}
	cxs_buf_release(&path);
	cxs_buf_release(&text);
	return rc;
}

static cxs_tally *tally_run(const char *workdir, const char *lexicon, int *rc)
{
	cxs_err err = { CXS_E_NONE, "" };
	char *dims = dimensions_tsv(lexicon);
	cxs_tally *t = cxs_tally_new(dims);
	cxs_buf path = CXS_BUF_INIT;

	free(dims);
	if (!t)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	cxs_buf_addf(&path, "%s/04-classify.jsonl.gz", workdir);
	if (cxs_tally_file(t, path.p, &err) < 0) {
		cxs_error("%s", err.msg);
		*rc = cxs_exit_for(err.kind);
		cxs_tally_free(t);
		t = NULL;
	}
	cxs_buf_release(&path);
	return t;
}

struct totals {
	long long in, out, rejected, skipped;
};

static void run_totals(const struct drv_run *r, struct totals *t)
{
	int k;

	memset(t, 0, sizeof(*t));
	for (k = 0; k < DRV_NSTAGES; k++) {
		char *path = drv_merged_file(r, k, "manifest.json");
		json_t *m = drv_load_json(path), *c = json_object_get(m, "counts");
		if (k == 0) {
			t->in = json_integer_value(json_object_get(c, "in"));
			t->skipped = json_integer_value(json_object_get(c, "skipped"));
		}
		if (k == DRV_NSTAGES - 1)
			t->out = json_integer_value(json_object_get(c, "out"));
		t->rejected += json_integer_value(json_object_get(c, "rejected"));
		json_decref(m);
		free(path);
	}
}

struct state_ctx {
	cxs_state *st;
	const struct drv_run *r;
	cxs_err *err;
};

static int state_lang(void *ctx, const char *lang, long long n)
{
	struct state_ctx *c = ctx;

	return cxs_state_add_language(c->st, c->r->run_id, c->r->date, lang, n, c->err) ? 1 : 0;
}

static int state_signal(void *ctx, const char *lang, const char *dim, const char *pol,
			long long n)
{
	struct state_ctx *c = ctx;

	return cxs_state_add_signal(c->st, c->r->run_id, c->r->date, lang, dim, pol, n, c->err)
		       ? 1 : 0;
}

/* Records this run's documents and aggregates in the state file, in one transaction. */
static int record_state(const struct drv_run *r, const cxs_tally *t, const struct totals *tot,
			int status)
{
	cxs_err err = { CXS_E_NONE, "" };
	struct state_ctx c = { NULL, r, &err };
	char finished[32];
	time_t now = time(NULL);
	size_t s;
	int rc = 0;

	strftime(finished, sizeof(finished), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	c.st = cxs_state_open(r->o->state, 1, &err);
	if (!c.st || cxs_state_begin(c.st, &err) < 0)
		rc = -1;
	for (s = 0; rc == 0 && s < r->nshards; s++) {
		char name[64], *path, *line = NULL;
		size_t cap = 0;
		FILE *f;

		snprintf(name, sizeof(name), "shard-%05zu.hashes", s);
		path = drv_stage_file(r, 0, name);
		f = fopen(path, "r");
		free(path);
		while (f && rc == 0 && getline(&line, &cap, f) > 0) {
			char *sp = strchr(line, ' '), *nl = strchr(line, '\n');
			if (!sp)
				continue;
			*sp = '\0';
			if (nl)
				*nl = '\0';
			rc = cxs_state_add_document(c.st, line, sp + 1, r->run_id, r->date, &err);
		}
		free(line);
		if (f)
			fclose(f);
	}
	if (rc == 0)
		rc = cxs_state_set_run(c.st, r->run_id, r->date, finished, status, tot->in, tot->out,
				       tot->rejected, tot->skipped, &err);
	if (rc == 0 && (cxs_tally_foreach_language(t, state_lang, &c) ||
			cxs_tally_foreach_signal(t, state_signal, &c)))
		rc = -1;
	if (rc == 0)
		rc = cxs_state_commit(c.st, &err);
	cxs_state_close(c.st);
	if (rc < 0) {
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
	return 0;
}

/* ---------------------------------------------------------------- commands */

/* A broken lexicon pack is found before any work is done (exit 3, nothing processed):
 * runs `cxs-classify --check-lexicon PACK`, whose stderr names every problem, and returns
 * its exit status. When it could not be run or did not finish, says why (its silence
 * would otherwise read as "has errors (above)" with nothing above) and returns
 * CXS_EXIT_INTERNAL. */
static int check_lexicon(const char *pack)
{
	char *prog = drv_stage_program("classify");
	pid_t pid;
	int status, rc = CXS_EXIT_INTERNAL;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout))
			_exit(CXS_EXIT_INTERNAL);
		execl(prog, prog, "--check-lexicon", pack, (char *)NULL);
		cxs_error("could not run '%s': %s", prog, strerror(errno));
		_exit(CXS_EXIT_INTERNAL);
	}
	if (pid < 0)
		cxs_error("could not start '%s --check-lexicon': %s", prog, strerror(errno));
	else if (waitpid(pid, &status, 0) < 0)
		cxs_error("could not wait for '%s --check-lexicon': %s", prog, strerror(errno));
	else if (WIFSIGNALED(status))
		cxs_error("'%s --check-lexicon %s' was killed by signal %d (%s)", prog, pack,
			  WTERMSIG(status), strsignal(WTERMSIG(status)));
	else if (WIFEXITED(status))
		rc = WEXITSTATUS(status);
	free(prog);
	return rc;
}

static int take_lock(struct drv_run *r)
{
	cxs_err err = { CXS_E_NONE, "" };
	char prev[512];

	switch (cxs_lock_take(r->dir, &r->lock, prev, sizeof(prev), &err)) {
	case CXS_LOCK_TAKEN:
		return 0;
	case CXS_LOCK_TAKEN_OVER:
		cxs_warning("taking over '%s/lock' from a run that is gone (%s)", r->dir, prev);
		return 0;
	case CXS_LOCK_BUSY:
		cxs_error("'%s' is in use by another run (%s)", r->dir, prev);
		return CXS_EXIT_BUSY;
	default:
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
}

static int finish_run(struct drv_run *r, int status, double t0)
{
	const struct drv_opts *o = r->o;
	struct totals tot;
	struct rusage ru;
	cxs_tally *t;
	double rate;
	int rc = 0;

	run_totals(r, &tot);
	rate = tot.in - tot.skipped > 0 ? (double)tot.rejected / (double)(tot.in - tot.skipped) : 0;
	if (r->last == DRV_NSTAGES - 1) {
		char *dims = dimensions_tsv(r->lexicon);
		t = drv_run_tally(r, dims);
		free(dims);
		if (!t)
			t = tally_run(o->workdir, r->lexicon, &rc);
		if (t) {
			rc = print_summary(o->workdir, t);
			if (rc == 0 && o->state)
				rc = record_state(r, t, &tot, status);
			cxs_tally_free(t);
		}
		if (rc && status == CXS_EXIT_OK)
			status = rc;
	}
	if (status == CXS_EXIT_OK && o->max_reject_rate >= 0 && rate > o->max_reject_rate) {
		cxs_error("%lld of %lld documents were rejected (%.2f %%), above --max-reject-rate "
			  "%.2f %%", tot.rejected, tot.in - tot.skipped, 100 * rate,
			  100 * o->max_reject_rate);
		status = CXS_EXIT_REJECTS;
	}
	getrusage(RUSAGE_SELF, &ru);
	drv_log("end exit=%d in=%lld out=%lld rejected=%lld skipped=%lld reject_rate=%.4f "
		"secs=%.2f driver_cpu=%.2f", status, tot.in, tot.out, tot.rejected, tot.skipped,
		rate, drv_now() - t0,
		(double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
			(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	return status;
}

static int cmd_run(struct drv_opts *o)
{
	cxs_err err = { CXS_E_NONE, "" };
	struct drv_run r;
	double t0 = drv_now();
	int first = o->only >= 0 ? o->only : o->from >= 0 ? o->from : 0;
	int status, i;

	if (first == 0 && o->nsources == 0) {
		cxs_error("no SOURCE given: name the files or directories to fetch");
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	for (i = 0; i < o->nsources; i++)
		if (!strcmp(o->sources[i], "-"))
			cxs_die(CXS_EXIT_USAGE, "cxs-pipeline cannot read standard input: name files "
				"or directories (or run cxs-fetch -o FILE - first)");
	if (first > 0 && o->nsources > 0)
		cxs_die(CXS_EXIT_USAGE, "--%s %s reads the files in '%s'; SOURCE arguments are only "
			"for a run from fetch", o->only >= 0 ? "only" : "from",
			drv_stage_names[first], o->workdir);
	if (first > 0) {
		cxs_buf plan = CXS_BUF_INIT;
		cxs_buf_addf(&plan, "%s/plan.json", o->workdir);
		if (access(plan.p, R_OK) < 0)
			cxs_die(CXS_EXIT_USAGE, "--%s %s needs the files of an earlier run in '%s' "
				"('%s': %s)", o->only >= 0 ? "only" : "from", drv_stage_names[first],
				o->workdir, plan.p, strerror(errno));
		cxs_buf_release(&plan);
	}
	if (mkdir(o->workdir, 0777) < 0 && errno != EEXIST)
		cxs_die(CXS_EXIT_IO, "could not create '%s': %s", o->workdir, strerror(errno));
	memset(&r, 0, sizeof(r));
	r.dir = o->workdir;
	if ((status = take_lock(&r)) != 0)
		return status;
	if (drv_log_open(o->workdir, &err) < 0) {
		cxs_error("%s", err.msg);
		cxs_lock_release(r.lock);
		return cxs_exit_for(err.kind);
	}
	drv_log("start run pid=%ld engine=%s jobs=%d shard_size=%lld from=%s only=%s sources=%d",
		(long)getpid(), o->engine == DRV_ENGINE_SLURM ? "slurm" : "local", o->jobs,
		o->shard_size, o->from >= 0 ? drv_stage_names[o->from] : "-",
		o->only >= 0 ? drv_stage_names[o->only] : "-", o->nsources);
	status = drv_run_prepare(&r, o, 1);
	if (status == 0 && o->state) {
		/* A state file that cannot be used is found before any work is done. */
		cxs_state *sdb = cxs_state_open(o->state, 1, &err);
		if (!sdb) {
			cxs_error("%s", err.msg);
			status = cxs_exit_for(err.kind);
		}
		cxs_state_close(sdb);
	}
	if (status == 0 && first <= DRV_NSTAGES - 1 && (o->only < 0 || o->only == 3)) {
		status = check_lexicon(r.lexicon ? r.lexicon : "cx-core");
		if (status == CXS_EXIT_CONFIG)
			cxs_error("lexicon pack '%s' has errors (above); nothing was run",
				  r.lexicon ? r.lexicon : "cx-core");
		else if (status)
			cxs_error("lexicon pack '%s' could not be checked (above); nothing was run",
				  r.lexicon ? r.lexicon : "cx-core");
	}
	if (status == 0) {
		drv_progress_enable(o->progress && o->engine == DRV_ENGINE_LOCAL);
		status = o->engine == DRV_ENGINE_SLURM ? drv_slurm_execute(&r) : drv_run_execute(&r);
		if (status == CXS_EXIT_OK || status == CXS_EXIT_PARTIAL) {
			drv_run_sweep(&r);
			status = finish_run(&r, status, t0);
		}
		else
			cxs_error("the run stopped (exit %d); rerun the same command to finish it",
				  status);
	}
	if (status != CXS_EXIT_OK && status != CXS_EXIT_PARTIAL && status != CXS_EXIT_REJECTS)
		drv_log("end exit=%d secs=%.2f", status, drv_now() - t0);
	drv_log_close();
	cxs_lock_release(r.lock);
	drv_run_release(&r);
	return status;
}

/* Status judges the directory by the options of its last run (DIR/plan.json), except
 * those given now: "would classify be stale with this pack?" */
static void plan_options(struct drv_opts *o, json_t **keep)
{
	cxs_buf path = CXS_BUF_INIT;
	json_t *opts, *v;

	cxs_buf_addf(&path, "%s/plan.json", o->workdir);
	*keep = drv_load_json(path.p);
	cxs_buf_release(&path);
	opts = json_object_get(*keep, "options");
	if (!(o->given & DRV_GIVEN_LEXICON) && json_is_string(v = json_object_get(opts, "lexicon")))
		o->lexicon = json_string_value(v);
	if (!(o->given & DRV_GIVEN_STATE) && json_is_string(v = json_object_get(opts, "state")))
		o->state = json_string_value(v);
	if (!(o->given & DRV_GIVEN_LEVEL) && json_is_integer(v = json_object_get(opts, "level")))
		o->level = (int)json_integer_value(v);
	if (!(o->given & DRV_GIVEN_SHARD) && json_is_integer(v = json_object_get(opts, "shard_size")))
		o->shard_size = json_integer_value(v);
}

static int cmd_status(struct drv_opts *o)
{
	struct drv_run r;
	json_t *plan;
	int rc;

	memset(&r, 0, sizeof(r));
	o->from = o->only = -1;
	plan_options(o, &plan);
	rc = drv_run_prepare(&r, o, 0);
	if (rc == 0)
		rc = drv_run_status(&r);
	if (rc == 0)
		drv_slurm_status(&r);
	drv_run_release(&r);
	json_decref(plan);
	return rc;
}

/* `shard` and `merge`: one fetch shard or one stage's merge, as the local engine does
 * them in a child process, for the jobs --engine slurm submits. They do not take DIR's
 * lock: the driver that submitted them holds it. */
static int cmd_job(const char *cmd, struct drv_opts *o)
{
	struct drv_run r;
	const char *what = o->nsources == 1 ? o->sources[0] : NULL;
	char *end = NULL;
	long shard = what ? strtol(what, &end, 10) : -1;
	int k = what ? stage_index(what) : -1, rc;

	if (!strcmp(cmd, "shard") ? !what || *end || shard < 0 : k < 0)
		cxs_die(CXS_EXIT_USAGE, "%s takes one %s", cmd,
			!strcmp(cmd, "shard") ? "shard number" : "stage (fetch, normalize, stem, classify)");
	memset(&r, 0, sizeof(r));
	o->from = o->only = -1;
	o->nsources = 0;
	rc = drv_run_prepare(&r, o, 0);
	if (rc == 0 && !strcmp(cmd, "shard")) {
		if ((size_t)shard >= r.nshards)
			cxs_die(CXS_EXIT_USAGE, "'%s' has no shard %ld", o->workdir, shard);
		rc = drv_split_shard(&r, (int)shard, -1);
	} else if (rc == 0)
		rc = drv_slurm_merge(&r, k);
	drv_run_release(&r);
	return rc;
}

static int cmd_summary(const struct drv_opts *o)
{
	cxs_tally *t;
	int rc = 0;

	t = tally_run(o->workdir, o->lexicon, &rc);
	if (!t)
		return rc;
	rc = print_summary(o->workdir, t);
	cxs_tally_free(t);
	return rc;
}

int main(int argc, char **argv)
{
	enum { O_LEXICON = 0x100, O_FROM, O_ONLY, O_LEVEL, O_VERSION, O_SHARD, O_STATE,
	       O_MAXREJ, O_CONFIG, O_FETCHOPT, O_ENGINE, O_PARTITION, O_ACCOUNT, O_SLURMOPT };
	static const struct option longopts[] = {
		{ "workdir", required_argument, NULL, 'w' },
		{ "lexicon", required_argument, NULL, O_LEXICON },
		{ "from", required_argument, NULL, O_FROM },
		{ "only", required_argument, NULL, O_ONLY },
		{ "level", required_argument, NULL, O_LEVEL },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shard-size", required_argument, NULL, O_SHARD },
		{ "state", required_argument, NULL, O_STATE },
		{ "max-reject-rate", required_argument, NULL, O_MAXREJ },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "fetch-option", required_argument, NULL, O_FETCHOPT },
		{ "engine", required_argument, NULL, O_ENGINE },
		{ "partition", required_argument, NULL, O_PARTITION },
		{ "account", required_argument, NULL, O_ACCOUNT },
		{ "slurm-opt", required_argument, NULL, O_SLURMOPT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct settings st;
	struct drv_opts *o = &st.o;
	const char *cmd, *conf;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int c, rc, i, cli_fetch_opts = 0, cli_slurm_opts = 0;

	cxs_cli_init(argv[0]);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);
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
	if (strcmp(cmd, "run") && strcmp(cmd, "summary") && strcmp(cmd, "status") &&
	    strcmp(cmd, "shard") && strcmp(cmd, "merge")) {
		cxs_error("unknown command '%s' (run, status, summary)", cmd);
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	memset(&st, 0, sizeof(st));
	o->from = o->only = o->level = -1;
	o->jobs = ncpu > 0 ? (int)(ncpu > 256 ? 256 : ncpu) : 1;
	o->shard_size = SHARD_SIZE_DEFAULT;
	o->max_reject_rate = -1;
	conf = find_config(argc, argv);
	if (conf) {
		cxs_err err = { CXS_E_NONE, "" };
		o->config = conf;
		if (cxs_conf_read(conf, conf_setting, &st, &err) < 0)
			cxs_die(CXS_EXIT_CONFIG, "%s", err.msg);
	}
	optind = 2;
	while ((c = getopt_long(argc, argv, "w:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'w': o->workdir = optarg; break;
		case O_LEXICON: o->lexicon = optarg; o->given |= DRV_GIVEN_LEXICON; break;
		case O_FROM:
		case O_ONLY:
			i = stage_index(optarg);
			if (i < 0)
				cxs_die(CXS_EXIT_USAGE, "unknown stage '%s' (fetch, normalize, stem, "
					"classify)", optarg);
			*(c == O_FROM ? &o->from : &o->only) = i;
			break;
		case O_LEVEL:
			o->level = (int)cxs_cli_parse_int("--level", optarg, 0, 9);
			o->given |= DRV_GIVEN_LEVEL;
			break;
		case 'j': o->jobs = (int)cxs_cli_parse_int("--jobs", optarg, 1, 256); break;
		case O_SHARD:
			o->shard_size = cxs_cli_parse_int("--shard-size", optarg, 1, 1000000000);
			o->given |= DRV_GIVEN_SHARD;
			break;
		case O_STATE: cli_option(&st, "state", optarg); break;
		case O_MAXREJ: cli_option(&st, "max-reject-rate", optarg); break;
		case O_CONFIG: break;
		case O_FETCHOPT:
			if (!cli_fetch_opts) {
				/* the command line's list replaces the config file's */
				o->nfetch_opts = 0;
				cli_fetch_opts = 1;
			}
			cli_option(&st, "fetch-option", optarg);
			break;
		case O_ENGINE: cli_option(&st, "engine", optarg); break;
		case O_PARTITION: cli_option(&st, "partition", optarg); break;
		case O_ACCOUNT: cli_option(&st, "account", optarg); break;
		case O_SLURMOPT:
			if (!cli_slurm_opts) {
				o->nslurm_opts = 0;
				cli_slurm_opts = 1;
			}
			cli_option(&st, "slurm-opt", optarg);
			break;
		case 'q': o->quiet = 1; break;
		case 'h': usage(stdout); return CXS_EXIT_OK;
		case O_VERSION: printf("cxs-pipeline %s\n", CXS_VERSION); return CXS_EXIT_OK;
		default: usage(stderr); return CXS_EXIT_USAGE;
		}
	}
	cxs_cli_set_quiet(o->quiet);
	o->progress = !o->quiet && isatty(2);
	if (o->from >= 0 && o->only >= 0)
		cxs_die(CXS_EXIT_USAGE, "--from and --only exclude each other");
	if (!o->workdir) {
		cxs_error("no work directory given (--workdir DIR)");
		usage(stderr);
		return CXS_EXIT_USAGE;
	}
	o->sources = argv + optind;
	o->nsources = argc - optind;
	/* Sources in the config file serve a run from fetch that names none. */
	if (!o->nsources && st.nconf_sources && o->from <= 0 && o->only <= 0 &&
	    strcmp(cmd, "summary")) {
		o->sources = st.conf_sources;
		o->nsources = st.nconf_sources;
	}
	if (!strcmp(cmd, "summary")) {
		if (argc - optind)
			cxs_die(CXS_EXIT_USAGE, "summary takes no SOURCE arguments");
		rc = cmd_summary(o);
	} else if (!strcmp(cmd, "status"))
		rc = cmd_status(o);
	else if (!strcmp(cmd, "shard") || !strcmp(cmd, "merge"))
		rc = cmd_job(cmd, o);
	else
		rc = cmd_run(o);
	for (i = 0; i < st.nconf_sources; i++)
		free(st.conf_sources[i]);
	free(st.conf_sources);
	free(o->fetch_opts);
	free(o->slurm_opts);
	for (i = 0; i < st.nowned; i++)
		free(st.owned[i]);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cxs_error("could not write to standard output");
		if (rc == CXS_EXIT_OK)
			rc = CXS_EXIT_IO;
	}
	return rc;
}

#define _GNU_SOURCE   /* pipe2 */
#include "drv_run.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_exit.h"
#include "cxs_hash.h"
#include "drv_log.h"
#include "drv_merge.h"
#include "drv_split.h"
#include "cxs_summary.h"
#include "fetch_sources.h"

#define BIG_FILE (1 << 20)
#define FILES_PER_SHARD 256
#define MAX_JOBS 256

const char *const drv_stage_names[DRV_NSTAGES] = { "fetch", "normalize", "stem", "classify" };

/* ---------------------------------------------------------------- small helpers */

static char *vpath(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *vpath(const char *fmt, va_list ap)
{
	cxs_buf b = CXS_BUF_INIT;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || cxs_buf_grow(&b, (size_t)n + 1) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	vsnprintf(b.p, (size_t)n + 1, fmt, ap);
	b.len = (size_t)n;
	return cxs_buf_detach(&b, NULL);
}

char *drv_path(const struct drv_run *r, const char *fmt, ...)
{
	cxs_buf b = CXS_BUF_INIT;
	va_list ap;
	char *rest;

	va_start(ap, fmt);
	rest = vpath(fmt, ap);
	va_end(ap);
	if (cxs_buf_addf(&b, "%s/%s", r->dir, rest) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	free(rest);
	return cxs_buf_detach(&b, NULL);
}

char *drv_stage_file(const struct drv_run *r, int stage, const char *name)
{
	return drv_path(r, "%02d-%s/%s", stage + 1, drv_stage_names[stage], name);
}

char *drv_merged_file(const struct drv_run *r, int stage, const char *suffix)
{
	return drv_path(r, "%02d-%s.%s", stage + 1, drv_stage_names[stage], suffix);
}

json_t *drv_load_json(const char *path)
{
	return json_load_file(path, 0, NULL);
}

int drv_save_json(const char *path, const json_t *j, cxs_err *err)
{
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	cxs_buf b = CXS_BUF_INIT;
	int rc;

	if (!text || cxs_buf_addstr(&b, text) < 0 || cxs_buf_addch(&b, '\n') < 0) {
		free(text);
		cxs_buf_release(&b);
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	rc = cxs_atomic_write_file(path, b.p, b.len, err);
	free(text);
	cxs_buf_release(&b);
	return rc;
}

void drv_part_name(int shard, int piece, char name[32])
{
	snprintf(name, 32, "part-%05d-%05d", shard, piece);
}

json_t *drv_part_manifest(const struct drv_run *r, int stage, const struct drv_part *p)
{
	char name[32], file[64], *path;
	json_t *m;

	drv_part_name(p->shard, p->piece, name);
	snprintf(file, sizeof(file), "%s.manifest.json", name);
	path = drv_stage_file(r, stage, file);
	m = drv_load_json(path);
	free(path);
	return m;
}

char *drv_stage_program(const char *stage)
{
	char exe[PATH_MAX], prog[64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	cxs_buf b = CXS_BUF_INIT;

	snprintf(prog, sizeof(prog), "cxs-%s", stage);
	if (n <= 0)
		return strdup(prog);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return strdup(prog);
	*slash = '\0';
	cxs_buf_addf(&b, "%s/%s", exe, prog);
	return cxs_buf_detach(&b, NULL);
}

static struct drv_run *child_run;

void drv_child_setup(struct drv_run *r)
{
	pid_t parent = getppid();

	/* SIGTERM rather than SIGKILL: a stage told to stop removes its temporaries. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		raise(SIGTERM);
	if (!r)
		r = child_run;
	if (r && r->lock) {
		cxs_lock_forget(r->lock);
		r->lock = NULL;
	}
}

static const char *jstr(const json_t *j, const char *key)
{
	const char *s = json_string_value(json_object_get(j, key));
	return s ? s : "";
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* ---------------------------------------------------------------- planning */

struct walkctx {
	struct drv_run *r;
	char **files;
	long long *sizes;
	size_t n, cap;
};

static int on_source(void *ctx, enum cxs_source_event ev, const char *path, enum cxs_kind kind,
		     const char *why)
{
	struct walkctx *w = ctx;
	struct stat st;

	(void)kind;
	if (ev == CXS_SOURCE_SKIP) {
		cxs_note("skipping '%s': %s", path, why);
		drv_log("skip-source path=%s why=%s", path, why);
		return 0;
	}
	/* A source that cannot be read is still given to cxs-fetch, which reports it
	 * in its manifest and exits 4, as a run without shards would. */
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->files = realloc(w->files, w->cap * sizeof(*w->files));
		w->sizes = realloc(w->sizes, w->cap * sizeof(*w->sizes));
		if (!w->files || !w->sizes)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	}
	w->files[w->n] = strdup(path);
	w->sizes[w->n] = stat(path, &st) == 0 ? (long long)st.st_size : 0;
	w->n++;
	return 0;
}

static void add_shard(struct drv_run *r, char **files, size_t n)
{
	struct drv_shard *sh;

	r->shards = realloc(r->shards, (r->nshards + 1) * sizeof(*r->shards));
	if (!r->shards)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	sh = &r->shards[r->nshards++];
	memset(sh, 0, sizeof(*sh));
	sh->files = malloc((n ? n : 1) * sizeof(*files));
	if (!sh->files)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	memcpy(sh->files, files, n * sizeof(*files));
	sh->nfiles = n;
}

static int plan_sources(struct drv_run *r)
{
	struct walkctx w = { r, NULL, NULL, 0, 0 };
	cxs_err err = { CXS_E_NONE, "" };
	size_t i, start = 0;
	int k;

	for (k = 0; k < r->o->nsources; k++) {
		const char *src = r->o->sources[k];
		if (!strcmp(src, "-"))
			cxs_die(CXS_EXIT_USAGE, "cxs-pipeline cannot read standard input: name files "
				"or directories (or use cxs-fetch -o FILE - first)");
		if (cxs_sources_walk(src, CXS_KIND_UNKNOWN, on_source, &w, &err) < 0)
			cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	}
	for (i = 0; i <= w.n; i++) {
		int big = i < w.n && w.sizes[i] >= BIG_FILE;
		if (i == w.n || big || i - start == FILES_PER_SHARD) {
			if (i > start)
				add_shard(r, w.files + start, i - start);
			start = i;
		}
		if (big) {
			add_shard(r, w.files + i, 1);
			start = i + 1;
		}
	}
	free(w.files);
	free(w.sizes);
	return 0;
}

static int plan_from_file(struct drv_run *r)
{
	char *path = drv_path(r, "plan.json");
	json_t *plan = drv_load_json(path), *sh, *f;
	size_t i, j;

	if (!plan) {
		cxs_error("'%s' has no plan.json from an earlier run: name the sources (SOURCE...)",
			  r->dir);
		free(path);
		return CXS_EXIT_USAGE;
	}
	json_array_foreach(json_object_get(plan, "shards"), i, sh) {
		char **files = calloc(json_array_size(sh) + 1, sizeof(*files));
		json_array_foreach(sh, j, f)
			files[j] = strdup(json_string_value(f));
		add_shard(r, files, json_array_size(sh));
		free(files);
	}
	json_decref(plan);
	free(path);
	return 0;
}

/* Day the run started: kept in plan.json, so a resumed run belongs to the same night. */
static void run_date(struct drv_run *r)
{
	char *path = drv_path(r, "plan.json");
	json_t *plan = drv_load_json(path);
	const char *d = jstr(plan, "date");
	time_t now = time(NULL);

	if (strlen(d) == 10)
		memcpy(r->date, d, 11);
	else
		strftime(r->date, sizeof(r->date), "%Y-%m-%d", gmtime(&now));
	json_decref(plan);
	free(path);
}

static int save_plan(struct drv_run *r)
{
	cxs_err err = { CXS_E_NONE, "" };
	json_t *plan, *srcs = json_array(), *shards = json_array();
	char *path = drv_path(r, "plan.json");
	size_t s, i;
	int k, rc;

	for (k = 0; k < r->o->nsources; k++)
		json_array_append_new(srcs, json_string(r->o->sources[k]));
	for (s = 0; s < r->nshards; s++) {
		json_t *files = json_array();
		for (i = 0; i < r->shards[s].nfiles; i++)
			json_array_append_new(files, json_string(r->shards[s].files[i]));
		json_array_append_new(shards, files);
	}
	plan = json_pack("{s:s, s:o, s:{s:s?, s:i, s:I, s:s?}, s:o}", "date", r->date,
			 "sources", srcs, "options", "lexicon", r->o->lexicon, "level", r->o->level,
			 "shard_size", (json_int_t)r->o->shard_size, "state", r->o->state,
			 "shards", shards);
	rc = drv_save_json(path, plan, &err);
	json_decref(plan);
	free(path);
	if (rc < 0) {
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
	return 0;
}

/* SHA-256 over the regular files directly in `dir`, by name: a lexicon pack or the
 * stopword lists, as far as what a stage reads from it can change. */
static void dir_fingerprint(const char *dir, char hex[CXS_SHA256_HEX])
{
	struct dirent **names;
	cxs_sha256 h;
	int n, i;

	cxs_sha256_init(&h);
	n = dir ? scandir(dir, &names, NULL, alphasort) : -1;
	for (i = 0; i < n; i++) {
		char fhex[CXS_SHA256_HEX], *path;
		cxs_buf b = CXS_BUF_INIT;
		struct stat st;
		long long bytes;

		cxs_buf_addf(&b, "%s/%s", dir, names[i]->d_name);
		path = b.p;
		if (names[i]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    cxs_sha256_file(path, fhex, &bytes, NULL) == 0) {
			cxs_sha256_update(&h, names[i]->d_name, strlen(names[i]->d_name) + 1);
			cxs_sha256_update(&h, fhex, strlen(fhex) + 1);
		}
		cxs_buf_release(&b);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	cxs_sha256_hex(&h, hex);
}

static void make_recipes(struct drv_run *r)
{
	char lex[CXS_SHA256_HEX], stop[CXS_SHA256_HEX];
	char *stopdir = cxs_cli_find_data("stopwords");
	int k;

	r->lexicon = r->o->lexicon ? strdup(r->o->lexicon) : cxs_cli_find_data("cx-core");
	dir_fingerprint(r->lexicon, lex);
	dir_fingerprint(stopdir, stop);
	free(stopdir);
	for (k = 0; k < DRV_NSTAGES; k++) {
		json_t *j = json_pack("{s:s, s:s, s:i}", "program", drv_stage_names[k], "version",
				      CXS_VERSION, "level", r->o->level);
		if (k == 0) {
			json_t *fo = json_array();
			int i;
			for (i = 0; i < r->o->nfetch_opts; i++)
				json_array_append_new(fo, json_string(r->o->fetch_opts[i]));
			json_object_set_new(j, "fetch_options", fo);
			json_object_set_new(j, "shard_size", json_integer(r->o->shard_size));
			json_object_set_new(j, "state", r->o->state ? json_true() : json_false());
		}
		if (k == 2)
			json_object_set_new(j, "stopwords", json_string(stop));
		if (k == 3)
			json_object_set_new(j, "lexicon", json_string(lex));
		r->recipe[k] = json_dumps(j, JSON_SORT_KEYS);
		json_decref(j);
	}
}

static char *read_small(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return strdup(buf);
}

static int recipe_matches(struct drv_run *r, int k)
{
	char *path = drv_stage_file(r, k, "recipe");
	char *old = read_small(path);
	int same = old && !strcmp(old, r->recipe[k]);

	free(old);
	free(path);
	return same;
}

/* Unlinks the files of `dir` whose name `match` accepts (best effort: what cannot be
 * removed is found again by the next run). */
static void remove_files(const char *dir, int (*match)(const char *name))
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		if (match(e->d_name)) {
			cxs_buf b = CXS_BUF_INIT;
			cxs_buf_addf(&b, "%s/%s", dir, e->d_name);
			unlink(b.p);
			cxs_buf_release(&b);
		}
	}
	if (d)
		closedir(d);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n > t && !strcmp(s + n - t, tail);
}

static int is_part_manifest(const char *name)
{
	return ends_with(name, ".manifest.json") || ends_with(name, ".parts.json");
}

/* A stage made another way: its part manifests go before anything of it runs. */
static int invalidate(struct drv_run *r, int k)
{
	cxs_err err = { CXS_E_NONE, "" };
	char *dir = drv_path(r, "%02d-%s", k + 1, drv_stage_names[k]);
	char *path = drv_stage_file(r, k, "recipe");
	cxs_buf text = CXS_BUF_INIT;
	int rc;

	remove_files(dir, is_part_manifest);
	cxs_buf_addf(&text, "%s\n", r->recipe[k]);
	rc = cxs_atomic_write_file(path, text.p, text.len, &err);
	cxs_buf_release(&text);
	free(path);
	free(dir);
	if (rc < 0) {
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
	return 0;
}

/* Temporaries of a run killed with SIGKILL ("NAME.tmp.PID"): never under a final name,
 * but clutter; no other run can be writing here while we hold the lock. */
static int is_temporary(const char *name)
{
	return strstr(name, ".tmp.") != NULL;
}

static void remove_temporaries(const char *dir)
{
	remove_files(dir, is_temporary);
}

int drv_mkdir(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST) {
		cxs_error("could not create '%s': %s", path, strerror(errno));
		return CXS_EXIT_IO;
	}
	return 0;
}

static int make_dirs(struct drv_run *r)
{
	int k, rc;

	remove_temporaries(r->dir);
	for (k = 0; k < DRV_NSTAGES; k++) {
		char *d = drv_path(r, "%02d-%s", k + 1, drv_stage_names[k]);
		if ((rc = drv_mkdir(d)) == 0)
			remove_temporaries(d);
		free(d);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---------------------------------------------------------------- freshness */

/* Adds the next part of shard `s` (announced by its split, or read from its index). */
static void add_part(struct drv_shard *sh, int s, long long records, long long bytes,
		     const char *sha)
{
	struct drv_part *pt;
	int k;

	pt = realloc(sh->parts, (size_t)(sh->nparts + 1) * sizeof(*sh->parts));
	if (!pt)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	sh->parts = pt;
	pt = &sh->parts[sh->nparts];
	memset(pt, 0, sizeof(*pt));
	pt->shard = s;
	pt->piece = sh->nparts++;
	pt->records = records;
	pt->bytes = bytes;
	snprintf(pt->sha[0], CXS_SHA256_HEX, "%s", sha);
	pt->st[0] = DRV_FINAL;
	for (k = 1; k < DRV_NSTAGES; k++)
		drv_progress_total(k, records, bytes);
}

/* The parts of a shard's index: those already announced must be the same. */
static int load_parts(struct drv_shard *sh, int s, json_t *ix)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(ix, "parts"), i, p) {
		if ((int)i < sh->nparts) {
			if (strcmp(sh->parts[i].sha[0], jstr(p, "sha256")))
				return -1;
			continue;
		}
		add_part(sh, s, json_integer_value(json_object_get(p, "records")),
			 json_integer_value(json_object_get(p, "bytes")), jstr(p, "sha256"));
	}
	return (int)json_array_size(json_object_get(ix, "parts")) == sh->nparts ? 0 : -1;
}

static json_t *shard_file(struct drv_run *r, int s, const char *suffix)
{
	char name[64], *path;
	json_t *j;

	snprintf(name, sizeof(name), "shard-%05d.%s", s, suffix);
	path = drv_stage_file(r, 0, name);
	j = drv_load_json(path);
	free(path);
	return j;
}

int drv_shard_load(struct drv_run *r, int s)
{
	json_t *ix = shard_file(r, s, "parts.json");
	int rc = ix ? load_parts(&r->shards[s], s, ix) : -1;

	json_decref(ix);
	return rc;
}

int drv_run_load_parts(struct drv_run *r)
{
	size_t s;

	for (s = 0; s < r->nshards; s++)
		if (drv_shard_load(r, (int)s) < 0)
			return -1;
	return 0;
}

/* 1 fresh (its parts are loaded), 0 stale, -1 missing. */
int drv_shard_check(struct drv_run *r, int s)
{
	struct drv_shard *sh = &r->shards[s];
	json_t *ix = shard_file(r, s, "parts.json");
	json_t *m = shard_file(r, s, "manifest.json");
	json_t *in, *p;
	size_t i;
	int fresh = 0;

	if (!ix && !m)
		return -1;
	if (!ix || !m || strcmp(jstr(ix, "version"), CXS_VERSION) ||
	    strcmp(jstr(m, "version"), CXS_VERSION) ||
	    json_integer_value(json_object_get(ix, "fetch_exit")) != 0 ||
	    json_is_true(json_object_get(m, "partial")) ||
	    json_integer_value(json_object_get(ix, "shard_size")) != r->o->shard_size ||
	    json_array_size(json_object_get(m, "inputs")) != sh->nfiles)
		goto done;
	json_array_foreach(json_object_get(m, "inputs"), i, in) {
		char hex[CXS_SHA256_HEX];
		if (strcmp(jstr(in, "path"), sh->files[i]) ||
		    cxs_sha256_file(sh->files[i], hex, NULL, NULL) < 0 ||
		    strcmp(jstr(in, "sha256"), hex))
			goto done;
	}
	json_array_foreach(json_object_get(ix, "parts"), i, p) {
		char file[64], *path;
		int ok;
		snprintf(file, sizeof(file), "%s.jsonl.gz", jstr(p, "name"));
		path = drv_stage_file(r, 0, file);
		ok = exists(path);
		free(path);
		if (!ok)
			goto done;
	}
	load_parts(sh, s, ix);
	fresh = 1;
done:
	json_decref(ix);
	json_decref(m);
	return fresh;
}

/* Stage k of part p: 1 fresh (p->sha[k] set), 0 stale, -1 missing. */
int drv_part_check(struct drv_run *r, int k, struct drv_part *p)
{
	char name[32], file[64], *path;
	json_t *m, *in;
	int fresh = 0;

	drv_part_name(p->shard, p->piece, name);
	snprintf(file, sizeof(file), "%s.manifest.json", name);
	path = drv_stage_file(r, k, file);
	m = drv_load_json(path);
	free(path);
	if (!m)
		return -1;
	in = json_array_get(json_object_get(m, "inputs"), 0);
	if (strcmp(jstr(m, "version"), CXS_VERSION) || json_is_true(json_object_get(m, "partial")) ||
	    json_array_size(json_object_get(m, "inputs")) != 1 || strcmp(jstr(in, "sha256"), p->sha[k - 1]))
		goto done;
	snprintf(file, sizeof(file), "%s.jsonl.gz", name);
	path = drv_stage_file(r, k, file);
	fresh = exists(path);
	free(path);
	if (fresh)
		snprintf(p->sha[k], CXS_SHA256_HEX, "%s",
			 jstr(json_object_get(m, "output"), "sha256"));
done:
	json_decref(m);
	return fresh;
}

/* ---------------------------------------------------------------- preparing */

int drv_run_prepare(struct drv_run *r, const struct drv_opts *o, int modify)
{
	char real[PATH_MAX];
	int k, rc;

	r->o = o;
	r->dir = o->workdir;
	child_run = r;
	r->run_id = strdup(realpath(o->workdir, real) ? real : o->workdir);
	r->first = o->only >= 0 ? o->only : o->from >= 0 ? o->from : 0;
	r->last = o->only >= 0 ? o->only : DRV_NSTAGES - 1;
	run_date(r);
	make_recipes(r);
	if (modify && (rc = make_dirs(r)) != 0)
		return rc;
	if (r->first == 0 && o->nsources > 0)
		rc = plan_sources(r);
	else
		rc = plan_from_file(r);
	if (rc)
		return rc;
	if (modify && r->first == 0 && (rc = save_plan(r)) != 0)
		return rc;
	for (k = r->first; modify && k <= r->last; k++)
		if (!recipe_matches(r, k) && (rc = invalidate(r, k)) != 0)
			return rc;
	return 0;
}

void drv_run_release(struct drv_run *r)
{
	size_t s, i;
	int k;

	for (s = 0; s < r->nshards; s++) {
		for (i = 0; i < r->shards[s].nfiles; i++)
			free(r->shards[s].files[i]);
		free(r->shards[s].files);
		free(r->shards[s].parts);
	}
	free(r->shards);
	for (k = 0; k < DRV_NSTAGES; k++)
		free(r->recipe[k]);
	free(r->lexicon);
	free(r->run_id);
}

/* ---------------------------------------------------------------- running */

enum job_kind { JOB_FETCH, JOB_STAGE, JOB_MERGE, JOB_TALLY };

struct job {
	pid_t pid;
	enum job_kind kind;
	int stage, shard;
	int piece;               /* JOB_STAGE, JOB_TALLY: which part of the shard */
	double t0;
	int notify;              /* JOB_FETCH: read end of the split's part announcements */
	char buf[256];           /* ... and a line not complete yet */
	size_t len;
};

static struct job jobs[MAX_JOBS];
static volatile sig_atomic_t njobs;

/* Passes `sig` on to the jobs and waits for them (up to 10 s), so that when the driver
 * is gone its jobs have removed their temporaries too: a scheduler that stopped the
 * run may look at the work directory at once. Called from a signal handler. */
void drv_run_signal(int sig)
{
	const struct timespec tick = { 0, 50 * 1000 * 1000 };
	int i, t, left;

	for (i = 0; i < njobs; i++)
		if (jobs[i].pid > 0)
			kill(jobs[i].pid, sig);
	for (t = 0; t < 200; t++) {
		for (i = 0, left = 0; i < njobs; i++) {
			if (jobs[i].pid <= 0)
				continue;
			if (waitpid(jobs[i].pid, NULL, WNOHANG) == 0)
				left++;
			else
				jobs[i].pid = 0;
		}
		if (!left)
			break;
		nanosleep(&tick, NULL);
	}
}

int drv_forced(const struct drv_run *r, int k)
{
	return (r->o->from >= 0 && k >= r->o->from) || r->o->only == k;
}

/* Forks a job: `exec_argv` set runs a program, else the child calls fn(r, arg). */
static void start_job(struct drv_run *r, struct job *j, const char **exec_argv,
		      int (*fn)(struct drv_run *, int, const char *), int arg, const char *key)
{
	sigset_t block, old;
	pid_t pid;

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not start a process: %s", strerror(errno));
	if (pid == 0) {
		int i;
		/* a program gets the default actions; a job that runs here (split, merge)
		 * keeps the driver's handler, which removes its temporaries on a signal */
		if (exec_argv) {
			signal(SIGTERM, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
		}
		signal(SIGCHLD, SIG_DFL);
		cxs_atomic_forget_all();
		for (i = 0; i < njobs; i++)
			if (jobs[i].notify >= 0)
				close(jobs[i].notify);
		njobs = 0;
		drv_log_close();
		drv_child_setup(r);
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (exec_argv) {
			execv(exec_argv[0], (char *const *)(uintptr_t)exec_argv);
			fprintf(stderr, "cxs-pipeline: error: could not run '%s': %s\n", exec_argv[0],
				strerror(errno));
			_exit(CXS_EXIT_INTERNAL);
		}
		fflush(NULL);
		_exit(fn(r, arg, key));
	}
	j->pid = pid;
	j->t0 = drv_now();
	jobs[njobs] = *j;
	njobs++;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static int split_notify = -1;   /* the write end a fetch job is forked with */

static int fetch_job(struct drv_run *r, int s, const char *key)
{
	(void)key;
	return drv_split_shard(r, s, split_notify);
}

static int merge_job(struct drv_run *r, int k, const char *key)
{
	return drv_merge_stage(r, k, key);
}

/* The summary's counts of one classify part, made beside it so that the end of the run
 * only adds them up: counting 04-classify whole would be the one serial pass left. */
static char *tally_path(const struct drv_run *r, const struct drv_part *p)
{
	char name[32], file[64];

	drv_part_name(p->shard, p->piece, name);
	snprintf(file, sizeof(file), "%s.tally.json", name);
	return drv_stage_file(r, 3, file);
}

static int tally_fresh(const struct drv_run *r, const struct drv_part *p)
{
	char *path = tally_path(r, p);
	json_t *j = drv_load_json(path);
	int fresh = j && !strcmp(jstr(j, "sha256"), p->sha[3]);

	json_decref(j);
	free(path);
	return fresh;
}

static int tally_job(struct drv_run *r, int s, const char *key)
{
	cxs_err err = { CXS_E_NONE, "" };
	struct drv_part *p = &r->shards[s].parts[atoi(key)];
	char name[32], file[64], *out, *path;
	cxs_tally *t;
	json_t *j;
	int rc;

	drv_part_name(p->shard, p->piece, name);
	snprintf(file, sizeof(file), "%s.jsonl.gz", name);
	path = drv_stage_file(r, 3, file);
	out = tally_path(r, p);
	t = cxs_tally_new(NULL);
	rc = t ? cxs_tally_file(t, path, &err) : cxs_err_set(&err, CXS_E_NOMEM, "out of memory");
	j = rc == 0 ? cxs_tally_json(t) : NULL;
	if (j) {
		json_object_set_new(j, "sha256", json_string(p->sha[3]));
		rc = drv_save_json(out, j, &err);
	} else if (rc == 0)
		rc = cxs_err_set(&err, CXS_E_NOMEM, "out of memory");
	json_decref(j);
	cxs_tally_free(t);
	free(path);
	free(out);
	if (rc < 0) {
		cxs_error("%s", err.msg);
		return cxs_exit_for(err.kind);
	}
	return CXS_EXIT_OK;
}

static void start_tally(struct drv_run *r, struct drv_part *p)
{
	struct job j;
	char piece[16];

	memset(&j, 0, sizeof(j));
	j.kind = JOB_TALLY;
	j.stage = 3;
	j.shard = p->shard;
	j.piece = p->piece;
	j.notify = -1;
	snprintf(piece, sizeof(piece), "%d", p->piece);
	p->tally = DRV_RUNNING;
	start_job(r, &j, NULL, tally_job, p->shard, piece);
}

static void start_fetch(struct drv_run *r, int s)
{
	struct job j;
	int p[2];

	memset(&j, 0, sizeof(j));
	j.kind = JOB_FETCH;
	j.shard = s;
	if (pipe2(p, O_CLOEXEC) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not make a pipe: %s", strerror(errno));
	drv_log("start fetch shard-%05d files=%zu", s, r->shards[s].nfiles);
	r->shards[s].st = DRV_RUNNING;
	drv_progress_start(0);
	split_notify = p[1];
	j.notify = p[0];
	start_job(r, &j, NULL, fetch_job, s, NULL);
	close(p[1]);
	split_notify = -1;
}

char **drv_stage_argv(const struct drv_run *r, int k, const struct drv_part *p)
{
	char name[32], file[64], level[16];
	char **argv = calloc(16, sizeof(*argv));
	int n = 0;

	if (!argv)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	drv_part_name(p->shard, p->piece, name);
	argv[n++] = drv_stage_program(drv_stage_names[k]);
	argv[n++] = strdup("-q");
	if (r->o->level >= 0) {
		snprintf(level, sizeof(level), "%d", r->o->level);
		argv[n++] = strdup("--level");
		argv[n++] = strdup(level);
	}
	if (k == 3 && r->o->lexicon) {
		argv[n++] = strdup("--lexicon");
		argv[n++] = strdup(r->o->lexicon);
	}
	argv[n++] = strdup("-o");
	snprintf(file, sizeof(file), "%s.jsonl.gz", name);
	argv[n++] = drv_stage_file(r, k, file);
	argv[n++] = strdup("--");
	argv[n++] = drv_stage_file(r, k - 1, file);
	for (n--; n >= 0; n--)
		if (!argv[n])
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	return argv;
}

void drv_argv_free(char **argv)
{
	size_t i;

	for (i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}

static void start_stage(struct drv_run *r, int k, struct drv_part *p)
{
	struct job j;
	char name[32];
	char **argv = drv_stage_argv(r, k, p);

	memset(&j, 0, sizeof(j));
	j.kind = JOB_STAGE;
	j.stage = k;
	j.shard = p->shard;
	j.piece = p->piece;
	j.notify = -1;
	drv_part_name(p->shard, p->piece, name);
	drv_log("start %s %s", drv_stage_names[k], name);
	drv_progress_start(k);
	p->st[k] = DRV_RUNNING;
	start_job(r, &j, (const char **)argv, NULL, 0, NULL);
	drv_argv_free(argv);
}

static long long count_of(const json_t *m, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(m, "counts"), key));
}

/* Everything of stage k is final: its parts, and the merge of the stage before. */
static int stage_ready(struct drv_run *r, int k)
{
	size_t s;
	int i;

	for (s = 0; s < r->nshards; s++) {
		if (r->shards[s].st != DRV_FINAL)
			return 0;
		for (i = 0; i < r->shards[s].nparts; i++)
			if (r->shards[s].parts[i].st[k] != DRV_FINAL)
				return 0;
	}
	return k == r->first || r->merged[k - 1] == DRV_FINAL;
}

static void schedule(struct drv_run *r)
{
	size_t s;
	int i, k;

	for (s = 0; s < r->nshards && njobs < r->o->jobs; s++)
		if (r->shards[s].st == DRV_STALE)
			start_fetch(r, (int)s);
	/* Merges first: they are short, and they publish what analysts open. */
	for (k = r->first; k <= r->last && njobs < r->o->jobs; k++) {
		char key[CXS_SHA256_HEX];
		struct job j;
		memset(&j, 0, sizeof(j));
		j.kind = JOB_MERGE;
		j.stage = k;
		j.notify = -1;
		if (r->merged[k] != DRV_PENDING || !stage_ready(r, k))
			continue;
		if (drv_merge_key(r, k, key) < 0) {
			cxs_error("the parts of stage %s are not complete", drv_stage_names[k]);
			r->merged[k] = DRV_FINAL;
			continue;
		}
		if (drv_merge_fresh(r, k, key)) {
			r->merged[k] = DRV_FINAL;
			drv_log("fresh %s merged", drv_stage_names[k]);
			continue;
		}
		r->merged[k] = DRV_RUNNING;
		drv_log("start %s merge", drv_stage_names[k]);
		start_job(r, &j, NULL, merge_job, k, key);
	}
	for (s = 0; s < r->nshards; s++) {
		/* A shard still running has the parts its split announced. */
		if (r->shards[s].st != DRV_FINAL && r->shards[s].st != DRV_RUNNING)
			continue;
		for (i = 0; i < r->shards[s].nparts; i++) {
			struct drv_part *p = &r->shards[s].parts[i];
			for (k = r->first > 1 ? r->first : 1; k <= r->last; k++) {
				char name[32];
				if (p->st[k] == DRV_FINAL)
					continue;
				if (p->st[k] == DRV_RUNNING || p->st[k - 1] != DRV_FINAL)
					break;
				if (p->st[k] == DRV_PENDING) {
					if (!drv_forced(r, k) && drv_part_check(r, k, p) == 1) {
						p->st[k] = DRV_FINAL;
						drv_part_name(p->shard, p->piece, name);
						drv_log("fresh %s %s", drv_stage_names[k], name);
						drv_progress_done(k, p->records, p->bytes);
						continue;
					}
					p->st[k] = DRV_STALE;
				}
				if (njobs >= r->o->jobs)
					return;
				start_stage(r, k, p);
				break;
			}
		}
	}
	for (s = 0; r->last == 3 && s < r->nshards; s++) {
		if (r->shards[s].st != DRV_FINAL)
			continue;
		for (i = 0; i < r->shards[s].nparts; i++) {
			struct drv_part *p = &r->shards[s].parts[i];
			if (p->st[3] != DRV_FINAL || p->tally == DRV_FINAL || p->tally == DRV_RUNNING)
				continue;
			if (tally_fresh(r, p)) {
				p->tally = DRV_FINAL;
				continue;
			}
			if (njobs >= r->o->jobs)
				break;
			start_tally(r, p);
		}
	}

}


/* Bookkeeping after job `j` ended with `rc`; returns rc as the run sees it. */
static int finish_job(struct drv_run *r, struct job *j, int rc)
{
	double secs = drv_now() - j->t0;
	int ok = rc == CXS_EXIT_OK || rc == CXS_EXIT_PARTIAL;
	struct drv_part *part;
	char name[32];
	json_t *m;

	switch (j->kind) {
	case JOB_FETCH: {
		struct drv_shard *sh = &r->shards[j->shard];
		json_t *ix = ok ? shard_file(r, j->shard, "parts.json") : NULL;
		m = ok ? shard_file(r, j->shard, "manifest.json") : NULL;
		if (ok && (!ix || !m)) {
			cxs_error("fetch shard %d left no index", j->shard);
			rc = CXS_EXIT_INTERNAL;
			ok = 0;
		}
		if (j->notify >= 0)
			close(j->notify);
		if (ok && load_parts(sh, j->shard, ix) < 0) {
			cxs_error("fetch shard %d: its index disagrees with the parts it announced",
				  j->shard);
			rc = CXS_EXIT_INTERNAL;
			ok = 0;
		}
		if (ok) {
			sh->st = DRV_FINAL;
			drv_progress_done(0, count_of(m, "in"), 0);
			drv_log("done fetch shard-%05d exit=%d in=%lld out=%lld rejected=%lld "
				"skipped=%lld parts=%d secs=%.2f", j->shard, rc, count_of(m, "in"),
				count_of(m, "out"), count_of(m, "rejected"),
				(long long)json_integer_value(json_object_get(ix, "skipped")),
				sh->nparts, secs);
		}
		json_decref(ix);
		json_decref(m);
		break;
	}
	case JOB_STAGE:
		part = &r->shards[j->shard].parts[j->piece];
		drv_part_name(part->shard, part->piece, name);
		m = ok ? drv_part_manifest(r, j->stage, part) : NULL;
		if (ok && !m) {
			cxs_error("%s left no manifest for '%s'", drv_stage_names[j->stage], name);
			rc = CXS_EXIT_INTERNAL;
			ok = 0;
		}
		if (ok) {
			snprintf(part->sha[j->stage], CXS_SHA256_HEX, "%s",
				 jstr(json_object_get(m, "output"), "sha256"));
			part->st[j->stage] = DRV_FINAL;
			drv_progress_done(j->stage, part->records, part->bytes);
			drv_log("done %s %s exit=%d in=%lld out=%lld rejected=%lld secs=%.2f",
				drv_stage_names[j->stage], name, rc, count_of(m, "in"),
				count_of(m, "out"), count_of(m, "rejected"), secs);
		}
		json_decref(m);
		break;
	case JOB_TALLY:
		if (ok)
			r->shards[j->shard].parts[j->piece].tally = DRV_FINAL;
		break;
	case JOB_MERGE:
		if (ok) {
			char *path = drv_merged_file(r, j->stage, "manifest.json");
			m = drv_load_json(path);
			free(path);
			r->merged[j->stage] = DRV_FINAL;
			drv_log("done %s merged in=%lld out=%lld rejected=%lld skipped=%lld secs=%.2f",
				drv_stage_names[j->stage], count_of(m, "in"), count_of(m, "out"),
				count_of(m, "rejected"), count_of(m, "skipped"), secs);
			json_decref(m);
		}
		break;
	}
	if (!ok)
		drv_log("failed %s exit=%d", drv_stage_names[j->stage], rc);
	return rc;
}

/* SIGCHLD wakes poll(2) through this pipe, so the driver waits for a child to end and
 * for split parts to be announced at once, without polling on a timer. */
static int sigchld_pipe[2] = { -1, -1 };

static void on_sigchld(int sig)
{
	int saved = errno;

	(void)sig;
	if (write(sigchld_pipe[1], "c", 1) < 0) {
		/* the pipe is full: a wake-up is pending anyway */
	}
	errno = saved;
}

static void setup_sigchld(void)
{
	struct sigaction sa;

	if (sigchld_pipe[0] >= 0)
		return;
	if (pipe2(sigchld_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not make a pipe: %s", strerror(errno));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
}

/* Reads what fetch job `j` announced; adds the parts. Returns how many were added. */
static int read_announcements(struct drv_run *r, struct job *j)
{
	struct drv_shard *sh = &r->shards[j->shard];
	ssize_t n = read(j->notify, j->buf + j->len, sizeof(j->buf) - 1 - j->len);
	char *line, *nl;
	int added = 0;

	if (n <= 0) {           /* the split ended (or failed): its index says the rest */
		close(j->notify);
		j->notify = -1;
		return 0;
	}
	j->len += (size_t)n;
	j->buf[j->len] = '\0';
	line = j->buf;
	while ((nl = strchr(line, '\n'))) {
		long long records, bytes;
		char sha[CXS_SHA256_HEX];
		int piece;
		*nl = '\0';
		if (sscanf(line, "%d %lld %lld %64s", &piece, &records, &bytes, sha) == 4 &&
		    piece == sh->nparts) {
			add_part(sh, j->shard, records, bytes, sha);
			added++;
		}
		line = nl + 1;
	}
	j->len -= (size_t)(line - j->buf);
	memmove(j->buf, line, j->len);
	return added;
}

/* Waits until a job ends (its pid) or a split announces parts (0). */
static pid_t wait_any(struct drv_run *r, int *status)
{
	struct pollfd fds[MAX_JOBS + 1];
	char drain[64];
	int nfds, i;
	pid_t pid;

	for (;;) {
		pid = waitpid(-1, status, WNOHANG);
		if (pid > 0)
			return pid;
		if (pid < 0 && errno != EINTR)
			return -1;
		fds[0].fd = sigchld_pipe[0];
		fds[0].events = POLLIN;
		nfds = 1;
		for (i = 0; i < njobs; i++)
			if (jobs[i].notify >= 0) {
				fds[nfds].fd = jobs[i].notify;
				fds[nfds++].events = POLLIN;
			}
		drv_progress_draw();
		if (poll(fds, (nfds_t)nfds, drv_progress_on() ? 250 : -1) < 0 && errno != EINTR)
			return -1;
		while (read(sigchld_pipe[0], drain, sizeof(drain)) > 0)
			;
		for (i = 0; i < njobs; i++) {
			int k;
			for (k = 1; k < nfds; k++)
				if (fds[k].fd == jobs[i].notify && (fds[k].revents & (POLLIN | POLLHUP)))
					break;
			if (k < nfds && jobs[i].notify >= 0 && read_announcements(r, &jobs[i]) > 0)
				return 0;
		}
	}
}

static int reap(struct drv_run *r)
{
	int status, rc, i;
	pid_t pid = wait_any(r, &status);
	struct job j;

	if (pid == 0)
		return CXS_EXIT_OK;     /* new parts: the caller schedules them */
	if (pid < 0)
		cxs_die(CXS_EXIT_INTERNAL, "waiting for the stages: %s", strerror(errno));
	for (i = 0; i < njobs && jobs[i].pid != pid; i++)
		;
	if (i == njobs)
		return CXS_EXIT_OK;     /* not ours (cannot happen: we start every child) */
	j = jobs[i];
	jobs[i] = jobs[njobs - 1];
	njobs--;
	if (WIFEXITED(status))
		rc = WEXITSTATUS(status);
	else {
		drv_progress_clear();
		cxs_error("a %s process was killed by signal %d", drv_stage_names[j.stage],
			  WTERMSIG(status));
		rc = CXS_EXIT_INTERNAL;
	}
	return finish_job(r, &j, rc);
}

/* Marks what this run does not run as final, after checking it is there. */
int drv_run_take_earlier(struct drv_run *r)
{
	size_t s;
	int i, k;

	for (s = 0; s < r->nshards; s++) {
		struct drv_shard *sh = &r->shards[s];
		json_t *ix = shard_file(r, (int)s, "parts.json");
		if (!ix) {
			cxs_error("--%s %s needs the fetch shards of an earlier complete run in '%s'",
				  r->o->only >= 0 ? "only" : "from", drv_stage_names[r->first], r->dir);
			return CXS_EXIT_USAGE;
		}
		load_parts(sh, (int)s, ix);
		json_decref(ix);
		sh->st = DRV_FINAL;
		for (i = 0; i < sh->nparts; i++) {
			struct drv_part *p = &sh->parts[i];
			for (k = 1; k < r->first; k++) {
				json_t *m = drv_part_manifest(r, k, p);
				if (!m) {
					char name[32];
					drv_part_name(p->shard, p->piece, name);
					cxs_error("--%s %s needs '%02d-%s/%s.jsonl.gz' from an earlier run",
						  r->o->only >= 0 ? "only" : "from",
						  drv_stage_names[r->first], k + 1, drv_stage_names[k], name);
					return CXS_EXIT_USAGE;
				}
				snprintf(p->sha[k], CXS_SHA256_HEX, "%s",
					 jstr(json_object_get(m, "output"), "sha256"));
				p->st[k] = DRV_FINAL;
				json_decref(m);
			}
		}
	}
	return 0;
}

int drv_run_execute(struct drv_run *r)
{
	int status = CXS_EXIT_OK, failed = 0, rc;
	size_t s;

	if (r->first > 0) {
		if ((rc = drv_run_take_earlier(r)) != 0)
			return rc;
	} else
		for (s = 0; s < r->nshards; s++) {
			struct drv_shard *sh = &r->shards[s];
			if (!drv_forced(r, 0) && drv_shard_check(r, (int)s) == 1) {
				sh->st = DRV_FINAL;
				drv_log("fresh fetch shard-%05zu parts=%d", s, sh->nparts);
			} else
				sh->st = DRV_STALE;
		}
	setup_sigchld();
	for (;;) {
		if (!failed)
			schedule(r);
		if (njobs == 0)
			break;
		rc = reap(r);
		if (rc == CXS_EXIT_PARTIAL && status == CXS_EXIT_OK)
			status = CXS_EXIT_PARTIAL;
		else if (rc != CXS_EXIT_OK && rc != CXS_EXIT_PARTIAL && !failed) {
			/* Running jobs finish (their files are good for the next run); no new ones. */
			failed = 1;
			status = rc;
		}
	}
	drv_progress_clear();
	return status;
}

/* Whether stage file `name` ("part-SSSSS-PPPPP.*" or "shard-SSSSS.*") belongs to a
 * shard or part the plan no longer has. A shard whose parts are unknown keeps its files. */
static int outside_plan(const struct drv_run *r, const char *name)
{
	int shard, piece, n = 0;

	if (sscanf(name, "part-%5d-%5d.%n", &shard, &piece, &n) == 2 && n == 17)
		return shard >= 0 && piece >= 0 && ((size_t)shard >= r->nshards ||
		       (r->shards[shard].nparts > 0 && piece >= r->shards[shard].nparts));
	if (sscanf(name, "shard-%5d.%n", &shard, &n) == 1 && n == 12)
		return shard >= 0 && (size_t)shard >= r->nshards;
	return 0;
}

int drv_run_sweep(struct drv_run *r)
{
	int k, gone = 0;

	for (k = 0; k < DRV_NSTAGES; k++) {
		char *dir = drv_path(r, "%02d-%s", k + 1, drv_stage_names[k]);
		DIR *d = opendir(dir);
		struct dirent *e;

		while (d && (e = readdir(d))) {
			cxs_buf b = CXS_BUF_INIT;

			if (!outside_plan(r, e->d_name))
				continue;
			cxs_buf_addf(&b, "%s/%s", dir, e->d_name);
			gone += unlink(b.p) == 0;
			cxs_buf_release(&b);
		}
		if (d)
			closedir(d);
		free(dir);
	}
	if (gone)
		drv_log("removed %d files of shards or parts no longer in the plan", gone);
	return gone;
}

cxs_tally *drv_run_tally(const struct drv_run *r, const char *dimensions_tsv)
{
	cxs_tally *t = cxs_tally_new(dimensions_tsv);
	size_t s;
	int i;

	for (s = 0; t && s < r->nshards; s++)
		for (i = 0; i < r->shards[s].nparts; i++) {
			const struct drv_part *p = &r->shards[s].parts[i];
			char *path = tally_path(r, p);
			json_t *j = p->tally == DRV_FINAL ? drv_load_json(path) : NULL;
			int rc = j && !strcmp(jstr(j, "sha256"), p->sha[3]) ? cxs_tally_add_json(t, j) : -1;
			json_decref(j);
			free(path);
			if (rc < 0) {
				cxs_tally_free(t);
				return NULL;
			}
		}
	return t;
}

/* ---------------------------------------------------------------- status */

static const char *const state_names[] = { "missing", "stale", "fresh" };

int drv_run_status(struct drv_run *r)
{
	int upstream = 2, k, i;
	size_t s;

	printf("%-10s %-8s %6s %6s %6s %7s %10s %10s %10s %10s\n", "stage", "state", "parts",
	       "fresh", "stale", "missing", "in", "out", "rejected", "skipped");
	for (k = 0; k < DRV_NSTAGES; k++) {
		long long nfresh = 0, nstale = 0, nmissing = 0, total = 0;
		int recipe_ok = recipe_matches(r, k), state;
		char key[CXS_SHA256_HEX], *mpath = drv_merged_file(r, k, "manifest.json");
		json_t *m = drv_load_json(mpath);
		int merged_fresh;

		free(mpath);
		for (s = 0; s < r->nshards; s++) {
			struct drv_shard *sh = &r->shards[s];
			if (k == 0) {
				int c = drv_shard_check(r, (int)s);
				json_t *ix;
				if (c == 1 && !recipe_ok)
					c = 0;
				c < 0 ? nmissing++ : c ? nfresh++ : nstale++;
				total++;
				/* Later stages are judged against the parts there are. */
				if (c != 1 && (ix = shard_file(r, (int)s, "parts.json"))) {
					load_parts(sh, (int)s, ix);
					json_decref(ix);
				}
				continue;
			}
			for (i = 0; i < sh->nparts; i++) {
				int c = drv_part_check(r, k, &sh->parts[i]);
				if (c == 1 && !recipe_ok)
					c = 0;
				if (c != 1) {
					json_t *pm = drv_part_manifest(r, k, &sh->parts[i]);
					snprintf(sh->parts[i].sha[k], CXS_SHA256_HEX, "%s",
						 jstr(json_object_get(pm, "output"), "sha256"));
					json_decref(pm);
				}
				c < 0 ? nmissing++ : c ? nfresh++ : nstale++;
				total++;
			}
		}
		merged_fresh = drv_merge_key(r, k, key) == 0 && drv_merge_fresh(r, k, key);
		if (nfresh == 0 && nstale == 0 && !m)
			state = 0;
		else if (nstale == 0 && nmissing == 0 && merged_fresh && upstream == 2)
			state = 2;
		else
			state = 1;
		upstream = state == 2 ? 2 : 1;
		printf("%-10s %-8s %6lld %6lld %6lld %7lld ", drv_stage_names[k], state_names[state],
		       total, nfresh, nstale, nmissing);
		if (m)
			printf("%10lld %10lld %10lld %10lld\n", count_of(m, "in"), count_of(m, "out"),
			       count_of(m, "rejected"), count_of(m, "skipped"));
		else
			printf("%10s %10s %10s %10s\n", "-", "-", "-", "-");
		json_decref(m);
	}
	printf("(parts: fetch counts shards; fresh = made from the current inputs, options and "
	       "lexicons)\n");
	return CXS_EXIT_OK;
}

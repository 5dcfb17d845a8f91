#define _GNU_SOURCE   /* pipe2 */
#include "drv_slurm.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_exit.h"
#include "drv_log.h"
#include "drv_merge.h"
#include "drv_run.h"

/* Slurm's default MaxArraySize is 1001 (task ids 0-1000): longer lists go in several
 * arrays. */
#define MAX_ARRAY 1000
/* squeue is asked every POLL_MIN seconds while tasks end, backing off to POLL_MAX when
 * nothing changes: fast on a test node, gentle with a busy cluster's controller. */
#define POLL_MIN 0.2
#define POLL_MAX 1.0
/* How long the controller may stay unreachable before the run gives up on it. */
#define SQUEUE_PATIENCE 600.0
/* How long a task may be out of the queue before what it wrote on its node shows here:
 * an NFS client caches that a file is absent for up to acdirmax (60 s by default). */
#define NFS_GRACE 60.0
/* task_ended: the task's files are not visible yet */
#define NOT_YET (-2)

enum { K_SHARD, K_PART, K_MERGE };
enum { T_QUEUED, T_RUNNING, T_DONE, T_FAILED, T_CANCELLED };

struct task {
	int kind, stage, shard, piece;
	int array;               /* index into arrays[] */
	int index;               /* array task id; -1 for a merge (a single job) */
	int st;
	double gone;             /* when it was first seen out of the queue (0: not yet) */
};

struct array {
	long job;
	int stage, kind;
	size_t base;             /* its tasks are tasks[base ... base + n - 1], task id order */
	int n;
};

static struct task *tasks;
static size_t ntasks, tcap;
static struct array *arrays;
static int narrays, acap;
static volatile sig_atomic_t running, stop_sig;

/* ---------------------------------------------------------------- small helpers */

static void task_name(const struct task *t, char name[32])
{
	if (t->kind == K_SHARD)
		snprintf(name, 32, "shard-%05d", t->shard);
	else if (t->kind == K_PART)
		drv_part_name(t->shard, t->piece, name);
	else
		snprintf(name, 32, "merged");
}

static void task_job(const struct task *t, char id[48])
{
	if (t->index >= 0)
		snprintf(id, 48, "%ld_%d", arrays[t->array].job, t->index);
	else
		snprintf(id, 48, "%ld", arrays[t->array].job);
}

/* DIR/slurm/log/STAGE-JOB_TASK.log (merge: STAGE-merge-JOB.log); caller frees. */
static char *task_log(const struct drv_run *r, const struct task *t)
{
	char id[48];

	task_job(t, id);
	return drv_path(r, "slurm/log/%s-%s%s.log", drv_stage_names[t->stage],
			t->kind == K_MERGE ? "merge-" : "", id);
}

static char *exit_file(const struct drv_run *r, int stage, const char *name)
{
	return drv_path(r, "slurm/exit/%s-%s", drv_stage_names[stage], name);
}

static void add_quoted(cxs_buf *b, const char *s)
{
	cxs_buf_addch(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			cxs_buf_addstr(b, "'\\''");
		else
			cxs_buf_addch(b, *s);
	cxs_buf_addch(b, '\'');
}

static int is_active(const struct task *t)
{
	return t->st == T_QUEUED || t->st == T_RUNNING;
}

static void sleep_for(double secs)
{
	struct timespec ts = { (time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9) };

	if (!stop_sig)
		nanosleep(&ts, NULL);    /* a signal cuts it short: the loop looks at stop_sig */
}

/* Runs `argv` (found on PATH) with its standard output in `out` and its standard error in
 * `errb`; returns its exit status, or -1 when it could not be run (errb says why). */
static int run_capture(const char *const argv[], cxs_buf *out, cxs_buf *errb)
{
	int po[2], pe[2], status, open_fds = 2;
	pid_t pid;

	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not make a pipe: %s", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		cxs_die(CXS_EXIT_INTERNAL, "could not start a process: %s", strerror(errno));
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		execvp(argv[0], (char *const *)(uintptr_t)argv);
		dprintf(2, "could not run '%s': %s", argv[0], strerror(errno));
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	while (open_fds > 0) {
		struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
		char buf[4096];
		int i;
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < 2; i++) {
			ssize_t n;
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(fds[i].fd, buf, sizeof(buf));
			if (n > 0)
				cxs_buf_add(i ? errb : out, buf, (size_t)n);
			else if (n == 0 || errno != EINTR) {
				close(i ? pe[0] : po[0]);
				*(i ? &pe[0] : &po[0]) = -1;
				open_fds--;
			}
		}
	}
	if (po[0] >= 0)
		close(po[0]);
	if (pe[0] >= 0)
		close(pe[0]);
	cxs_buf_addch(out, '\0');
	out->len--;
	cxs_buf_addch(errb, '\0');
	errb->len--;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127)
		return -1;
	return WEXITSTATUS(status);
}

/* The last line of a program's complaint, for a one-line message. */
static const char *last_line(cxs_buf *b)
{
	char *nl;

	while (b->len && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == ' '))
		b->p[--b->len] = '\0';
	nl = b->len ? strrchr(b->p, '\n') : NULL;
	return nl ? nl + 1 : b->len ? b->p : "(no message)";
}

/* ---------------------------------------------------------------- the queue */

static int array_active(int a)
{
	size_t i;

	for (i = 0; i < (size_t)arrays[a].n; i++)
		if (is_active(&tasks[arrays[a].base + i]))
			return 1;
	return 0;
}

/* "JOB,JOB,..." of the arrays with a task still queued or running (all: every array). */
static void job_list(cxs_buf *b, int all)
{
	int a;

	for (a = 0; a < narrays; a++)
		if (all || array_active(a))
			cxs_buf_addf(b, "%s%ld", b->len ? "," : "", arrays[a].job);
}

static void scancel(const char *jobs, const char *state)
{
	cxs_buf out = CXS_BUF_INIT, errb = CXS_BUF_INIT, st = CXS_BUF_INIT;
	const char *argv[5];
	int n = 0;

	argv[n++] = "scancel";
	if (state) {
		cxs_buf_addf(&st, "--state=%s", state);
		argv[n++] = st.p;
	}
	argv[n++] = jobs;
	argv[n] = NULL;
	if (run_capture(argv, &out, &errb) != 0)
		cxs_warning("scancel %s: %s", jobs, last_line(&errb));
	cxs_buf_release(&out);
	cxs_buf_release(&errb);
	cxs_buf_release(&st);
}

/* squeue's view of `jobs`: one line "JOB[_TASK] STATE" a task. Returns 0, or -1 when
 * the controller could not be asked (errb says why). Jobs the controller has forgotten
 * are simply not listed. */
static int squeue(const char *jobs, cxs_buf *out, cxs_buf *errb)
{
	const char *argv[] = { "squeue", "-h", "-r", "-o", "%i %t", "-j", jobs, NULL };
	int rc = run_capture(argv, out, errb);

	if (rc != 0 && strstr(errb->p ? errb->p : "", "Invalid job id")) {
		out->len = 0;
		return 0;
	}
	return rc == 0 ? 0 : -1;
}

static struct task *find_task(const char *id)
{
	char *end;
	long job = strtol(id, &end, 10);
	long index = *end == '_' ? strtol(end + 1, NULL, 10) : -1;
	int a;

	for (a = 0; a < narrays; a++)
		if (arrays[a].job == job) {
			if (arrays[a].kind == K_MERGE)
				return &tasks[arrays[a].base];
			if (index >= 0 && index < arrays[a].n)
				return &tasks[arrays[a].base + (size_t)index];
		}
	return NULL;
}

/* ---------------------------------------------------------------- submitting */

static void add_task(int kind, int stage, int shard, int piece, int index)
{
	struct task *t;

	if (ntasks == tcap) {
		tcap = tcap ? 2 * tcap : 256;
		tasks = realloc(tasks, tcap * sizeof(*tasks));
		if (!tasks)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	}
	t = &tasks[ntasks++];
	t->kind = kind;
	t->stage = stage;
	t->shard = shard;
	t->piece = piece;
	t->array = narrays;
	t->index = index;
	t->st = T_QUEUED;
	t->gone = 0;
}

/* The options every cxs-pipeline job gets, so it sees the run as the driver does. */
static void add_run_options(cxs_buf *b, const struct drv_run *r)
{
	const struct drv_opts *o = r->o;
	int i;

	add_quoted(b, "--workdir");
	cxs_buf_addch(b, ' ');
	add_quoted(b, r->dir);
	cxs_buf_addf(b, " '--shard-size' '%lld'", o->shard_size);
	if (o->level >= 0)
		cxs_buf_addf(b, " '--level' '%d'", o->level);
	if (o->lexicon) {
		cxs_buf_addstr(b, " '--lexicon' ");
		add_quoted(b, o->lexicon);
	}
	if (o->state) {
		cxs_buf_addstr(b, " '--state' ");
		add_quoted(b, o->state);
	}
	for (i = 0; i < o->nfetch_opts; i++) {
		cxs_buf_addstr(b, " ");
		add_quoted(b, "--fetch-option");
		cxs_buf_addch(b, ' ');
		add_quoted(b, o->fetch_opts[i]);
	}
}

/* "set -- ARGV" for task t: the command it runs. */
static void add_command(cxs_buf *b, const struct drv_run *r, const struct task *t)
{
	char *prog;
	char **argv;
	size_t i;

	cxs_buf_addstr(b, "set -- ");
	if (t->kind == K_PART) {
		argv = drv_stage_argv(r, t->stage, &r->shards[t->shard].parts[t->piece]);
		for (i = 0; argv[i]; i++) {
			add_quoted(b, argv[i]);
			cxs_buf_addch(b, ' ');
		}
		drv_argv_free(argv);
		return;
	}
	prog = drv_stage_program("pipeline");
	add_quoted(b, prog);
	free(prog);
	cxs_buf_addstr(b, t->kind == K_SHARD ? " 'shard' " : " 'merge' ");
	add_run_options(b, r);
	if (t->kind == K_SHARD)
		cxs_buf_addf(b, " '--' '%d'", t->shard);
	else
		cxs_buf_addf(b, " '--' '%s'", drv_stage_names[t->stage]);
}

/* The batch script of tasks[first ... first + n - 1]: task i runs item i. */
static void make_script(cxs_buf *b, const struct drv_run *r, size_t first, int n)
{
	char name[32];
	char *exitdir = drv_path(r, "slurm/exit/%s-", drv_stage_names[tasks[first].stage]);
	int i;

	cxs_buf_addf(b, "#!/bin/sh\n# %s, written by cxs-pipeline run --engine slurm\n",
		     drv_stage_names[tasks[first].stage]);
	if (tasks[first].kind == K_MERGE) {
		cxs_buf_addstr(b, "name=merged\n");
		add_command(b, r, &tasks[first]);
		cxs_buf_addch(b, '\n');
	} else {
		cxs_buf_addstr(b, "# Slurm array task i runs item i\ncase $SLURM_ARRAY_TASK_ID in\n");
		for (i = 0; i < n; i++) {
			task_name(&tasks[first + (size_t)i], name);
			cxs_buf_addf(b, "%d) name=%s\n   ", i, name);
			add_command(b, r, &tasks[first + (size_t)i]);
			cxs_buf_addstr(b, ";;\n");
		}
		cxs_buf_addstr(b, "*) echo \"cxs-pipeline: error: no item for array task "
			       "$SLURM_ARRAY_TASK_ID\" >&2; exit 6 ;;\nesac\n");
	}
	cxs_buf_addstr(b, "\"$@\"\nrc=$?\nexitfile=");
	add_quoted(b, exitdir);
	cxs_buf_addstr(b, "\"$name\"\n"
		       "printf '%s\\n' \"$rc\" >\"$exitfile.tmp\" && mv -f \"$exitfile.tmp\" \"$exitfile\"\n"
		       "# 4: a damaged input, the rest done: the stages after it go on, as locally\n"
		       "[ \"$rc\" = 4 ] && exit 0\nexit \"$rc\"\n");
	free(exitdir);
}

static int njobs_submitted;
static cxs_buf tasklist = CXS_BUF_INIT;

/* DIR/slurm/tasks, for status and for the next run's leftovers: which task is which.
 * Rewritten whole and renamed into place at each submission, so that a reader never
 * meets a half-written line (a job id cut short would name another job). */
static void record_tasks(const struct drv_run *r, size_t first, int n)
{
	cxs_err err = { CXS_E_NONE, "" };
	char *path = drv_path(r, "slurm/tasks");
	int i;

	for (i = 0; i < n; i++) {
		char tname[32], id[48];
		task_name(&tasks[first + (size_t)i], tname);
		task_job(&tasks[first + (size_t)i], id);
		cxs_buf_addf(&tasklist, "%s %s %s\n", drv_stage_names[tasks[first].stage], tname, id);
	}
	if (cxs_atomic_write_file(path, tasklist.p, tasklist.len, &err) < 0)
		cxs_warning("%s", err.msg);
	free(path);
}

/* Submits tasks[first ...] (added since the last array) as one job; `dep` is sbatch's
 * --dependency or NULL. Returns the job id, or -1 after saying why. */
static long submit(struct drv_run *r, size_t first, const char *dep)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_buf script = CXS_BUF_INIT, out = CXS_BUF_INIT, errb = CXS_BUF_INIT;
	cxs_buf name = CXS_BUF_INIT, chdir_opt = CXS_BUF_INIT, output = CXS_BUF_INIT;
	cxs_buf arr = CXS_BUF_INIT, depopt = CXS_BUF_INIT, part = CXS_BUF_INIT, acct = CXS_BUF_INIT;
	const struct drv_opts *o = r->o;
	int n = (int)(ntasks - first), stage = tasks[first].stage, merge = tasks[first].kind == K_MERGE;
	char cwd[PATH_MAX], *path;
	const char **argv;
	long job = -1;
	int argc = 0, i, rc;

	path = drv_path(r, "slurm/jobs/%02d-%s-%d.sh", stage + 1, drv_stage_names[stage],
			njobs_submitted++);
	make_script(&script, r, first, n);
	if (cxs_atomic_write_file(path, script.p, script.len, &err) < 0) {
		cxs_error("%s", err.msg);
		goto out;
	}
	argv = calloc((size_t)o->nslurm_opts + 16, sizeof(*argv));
	if (!argv || !getcwd(cwd, sizeof(cwd)))
		cxs_die(CXS_EXIT_INTERNAL, "out of memory or no working directory");
	argv[argc++] = "sbatch";
	argv[argc++] = "--parsable";
	cxs_buf_addf(&name, "--job-name=cxs-%s%s", drv_stage_names[stage], merge ? "-merge" : "");
	argv[argc++] = name.p;
	cxs_buf_addf(&chdir_opt, "--chdir=%s", cwd);
	argv[argc++] = chdir_opt.p;
	cxs_buf_addf(&output, "--output=%s/slurm/log/%s-%s.log", r->dir, drv_stage_names[stage],
		     merge ? "merge-%j" : "%A_%a");
	argv[argc++] = output.p;
	argv[argc++] = "--kill-on-invalid-dep=yes";
	if (!merge) {
		cxs_buf_addf(&arr, "--array=0-%d", n - 1);
		argv[argc++] = arr.p;
	}
	if (dep) {
		cxs_buf_addf(&depopt, "--dependency=%s", dep);
		argv[argc++] = depopt.p;
	}
	if (o->partition) {
		cxs_buf_addf(&part, "--partition=%s", o->partition);
		argv[argc++] = part.p;
	}
	if (o->account) {
		cxs_buf_addf(&acct, "--account=%s", o->account);
		argv[argc++] = acct.p;
	}
	for (i = 0; i < o->nslurm_opts; i++)
		argv[argc++] = o->slurm_opts[i];
	argv[argc++] = path;
	rc = run_capture(argv, &out, &errb);
	free(argv);
	if (rc == 0)
		job = strtol(out.p, NULL, 10);
	if (rc != 0 || job <= 0) {
		cxs_error("could not submit the %s job (%s): %s", drv_stage_names[stage], path,
			  last_line(&errb));
		job = -1;
		goto out;
	}
	if (narrays == acap) {
		acap = acap ? 2 * acap : 16;
		arrays = realloc(arrays, (size_t)acap * sizeof(*arrays));
		if (!arrays)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	}
	arrays[narrays].job = job;
	arrays[narrays].stage = stage;
	arrays[narrays].kind = tasks[first].kind;
	arrays[narrays].base = first;
	arrays[narrays].n = n;
	narrays++;
	/* Recorded before run.log says so: whoever sees the submit line (a driver killed
	 * right after it, whose next run cancels the leftovers; status) finds the job. */
	record_tasks(r, first, n);
	drv_log("submit %s%s job=%ld tasks=%d dependency=%s script=%s", drv_stage_names[stage],
		merge ? " merge" : "", job, n, dep ? dep : "none", path);
out:
	if (job < 0)
		ntasks = first;          /* not submitted: no such tasks */
	free(path);
	cxs_buf_release(&script);
	cxs_buf_release(&out);
	cxs_buf_release(&errb);
	cxs_buf_release(&name);
	cxs_buf_release(&chdir_opt);
	cxs_buf_release(&output);
	cxs_buf_release(&arr);
	cxs_buf_release(&depopt);
	cxs_buf_release(&part);
	cxs_buf_release(&acct);
	return job;
}

/* Before an array's tasks are queued, the previous run's exit statuses of them go. */
static void forget_exit(const struct drv_run *r, const struct task *t)
{
	char name[32], *path;

	task_name(t, name);
	path = exit_file(r, t->stage, name);
	unlink(path);
	free(path);
}

/* The stale fetch shards, MAX_ARRAY a job. Returns 0 or -1. */
static int submit_fetch(struct drv_run *r, const int *shards, int n)
{
	int i, j;

	for (i = 0; i < n; i += MAX_ARRAY) {
		size_t first = ntasks;
		for (j = 0; j < MAX_ARRAY && i + j < n; j++) {
			add_task(K_SHARD, 0, shards[i + j], -1, j);
			forget_exit(r, &tasks[ntasks - 1]);
		}
		if (submit(r, first, NULL) < 0)
			return -1;
	}
	return 0;
}

/* The first stage part `p` must be made at (its input is final), or -1: all fresh. */
static int first_stale(struct drv_run *r, struct drv_part *p)
{
	int k;

	for (k = r->first > 1 ? r->first : 1; k <= r->last; k++) {
		if (drv_forced(r, k) || drv_part_check(r, k, p) != 1)
			return k;
		drv_log("fresh %s part-%05d-%05d", drv_stage_names[k], p->shard, p->piece);
	}
	return -1;
}

/* Parts whose input is final, as chains of arrays from their first stale stage on. */
static int submit_chains(struct drv_run *r, struct drv_part **parts, int n)
{
	int *start = calloc((size_t)n + 1, sizeof(*start));
	int i, k, s;

	if (!start)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	for (i = 0; i < n; i++)
		start[i] = first_stale(r, parts[i]);
	for (s = 1; s <= r->last; s++) {
		int done = 0;
		while (done < n) {
			long prev = -1;
			int chunk[MAX_ARRAY], m = 0;
			for (; done < n && m < MAX_ARRAY; done++)
				if (start[done] == s)
					chunk[m++] = done;
			if (!m)
				continue;
			for (k = s; k <= r->last; k++) {
				size_t first = ntasks;
				char dep[64];
				for (i = 0; i < m; i++) {
					struct drv_part *p = parts[chunk[i]];
					add_task(K_PART, k, p->shard, p->piece, i);
					forget_exit(r, &tasks[ntasks - 1]);
				}
				snprintf(dep, sizeof(dep), "aftercorr:%ld", prev);
				if ((prev = submit(r, first, prev > 0 ? dep : NULL)) < 0) {
					free(start);
					return -1;
				}
			}
		}
	}
	free(start);
	return 0;
}

/* Per stage a merge, after the merge before and after those of the stage's arrays that
 * still have tasks in the queue. An array that has ended is not waited for: its tasks
 * were checked as they ended, and a controller forgets ended jobs (MinJobAge), after
 * which sbatch refuses a dependency on them. */
static int submit_merges(struct drv_run *r, int *status)
{
	long prev = -1;
	int k, a;

	for (k = r->first; k <= r->last; k++) {
		cxs_buf dep = CXS_BUF_INIT;
		char key[CXS_SHA256_HEX];
		size_t first = ntasks;
		for (a = 0; a < narrays; a++)
			if (arrays[a].stage == k && arrays[a].kind != K_MERGE && array_active(a))
				cxs_buf_addf(&dep, "%s%ld", dep.len ? ":" : "afterok:", arrays[a].job);
		if (!dep.len) {
			/* Nothing of the stage is left to run (fetch's shards, always, as merges
			 * wait for them): as locally, the merged file may be current, e.g. when
			 * a cut export's shard was fetched again to the same bytes. */
			if (drv_merge_key(r, k, key) < 0) {
				cxs_error("the parts of stage %s are not complete", drv_stage_names[k]);
				*status = CXS_EXIT_INTERNAL;
				cxs_buf_release(&dep);
				return -1;
			}
			if (drv_merge_fresh(r, k, key)) {
				r->merged[k] = DRV_FINAL;
				drv_log("fresh %s merged", drv_stage_names[k]);
				cxs_buf_release(&dep);
				continue;
			}
		}
		if (prev > 0)
			cxs_buf_addf(&dep, "%s%ld", dep.len ? ":" : "afterok:", prev);
		add_task(K_MERGE, k, -1, -1, -1);
		forget_exit(r, &tasks[ntasks - 1]);
		prev = submit(r, first, dep.len ? dep.p : NULL);
		cxs_buf_release(&dep);
		if (prev < 0) {
			*status = CXS_EXIT_CONFIG;
			return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- tasks that ended */

static long long count_of(const json_t *m, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(m, "counts"), key));
}

/* The exit status task t wrote, or -1: it never ended by itself (cancelled, out of
 * time, its node failed). */
static int read_exit(const struct drv_run *r, const struct task *t)
{
	char name[32], *path;
	FILE *f;
	int rc = -1;

	task_name(t, name);
	path = exit_file(r, t->stage, name);
	f = fopen(path, "r");
	if (f && fscanf(f, "%d", &rc) != 1)
		rc = -1;
	if (f)
		fclose(f);
	free(path);
	return rc;
}

/* What an ended task left, checked as the local engine checks its processes; adds a
 * fetch shard's parts to `batch`. Returns the task's exit status as the run sees it. */
static int check_task(struct drv_run *r, struct task *t, int rc, struct drv_part ***batch,
		      int *nbatch)
{
	char name[32], id[48], *path;
	json_t *m;

	task_name(t, name);
	task_job(t, id);
	if (t->kind == K_SHARD) {
		struct drv_shard *sh = &r->shards[t->shard];
		char file[64];
		int i;
		snprintf(file, sizeof(file), "shard-%05d.manifest.json", t->shard);
		path = drv_stage_file(r, 0, file);
		m = drv_load_json(path);
		free(path);
		if (!m || drv_shard_load(r, t->shard) < 0) {
			cxs_error("fetch shard %d left no index (Slurm job %s)", t->shard, id);
			json_decref(m);
			return CXS_EXIT_INTERNAL;
		}
		sh->st = DRV_FINAL;
		drv_log("done fetch %s exit=%d job=%s in=%lld out=%lld rejected=%lld parts=%d",
			name, rc, id, count_of(m, "in"), count_of(m, "out"), count_of(m, "rejected"),
			sh->nparts);
		json_decref(m);
		*batch = realloc(*batch, (size_t)(*nbatch + sh->nparts + 1) * sizeof(**batch));
		if (!*batch)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		for (i = 0; i < sh->nparts; i++)
			(*batch)[(*nbatch)++] = &sh->parts[i];
		return rc;
	}
	if (t->kind == K_MERGE) {
		path = drv_merged_file(r, t->stage, "manifest.json");
		m = drv_load_json(path);
		free(path);
		if (!m) {
			cxs_error("the %s merge left no manifest (Slurm job %s)",
				  drv_stage_names[t->stage], id);
			return CXS_EXIT_INTERNAL;
		}
		r->merged[t->stage] = DRV_FINAL;
		drv_log("done %s merged exit=%d job=%s in=%lld out=%lld rejected=%lld skipped=%lld",
			drv_stage_names[t->stage], rc, id, count_of(m, "in"), count_of(m, "out"),
			count_of(m, "rejected"), count_of(m, "skipped"));
		json_decref(m);
		return rc;
	}
	{
		struct drv_part *p = &r->shards[t->shard].parts[t->piece];
		m = drv_part_manifest(r, t->stage, p);
		if (!m) {
			cxs_error("%s left no manifest for '%s' (Slurm job %s)",
				  drv_stage_names[t->stage], name, id);
			return CXS_EXIT_INTERNAL;
		}
		snprintf(p->sha[t->stage], CXS_SHA256_HEX, "%s",
			 json_string_value(json_object_get(json_object_get(m, "output"), "sha256")));
		p->st[t->stage] = DRV_FINAL;
		drv_log("done %s %s exit=%d job=%s in=%lld out=%lld rejected=%lld secs=%.2f",
			drv_stage_names[t->stage], name, rc, id, count_of(m, "in"),
			count_of(m, "out"), count_of(m, "rejected"),
			json_number_value(json_object_get(m, "seconds")));
		json_decref(m);
		return rc;
	}
}

/* Cancels what is queued, so nothing waits behind a failure; running tasks end. */
static void cancel_pending(void)
{
	cxs_buf jobs = CXS_BUF_INIT;

	job_list(&jobs, 0);
	if (jobs.len) {
		drv_log("cancel pending jobs=%s", jobs.p);
		scancel(jobs.p, "PENDING");
	}
	cxs_buf_release(&jobs);
}

/* Whether what task t makes is there to be checked: its manifest or index. */
static int task_output_there(const struct drv_run *r, const struct task *t)
{
	char file[64], *path;
	json_t *m;
	int there;

	if (t->kind == K_PART) {
		m = drv_part_manifest(r, t->stage, &r->shards[t->shard].parts[t->piece]);
		json_decref(m);
		return m != NULL;
	}
	if (t->kind == K_SHARD) {
		snprintf(file, sizeof(file), "shard-%05d.parts.json", t->shard);
		path = drv_stage_file(r, 0, file);
	} else
		path = drv_merged_file(r, t->stage, "manifest.json");
	there = access(path, F_OK) == 0;
	free(path);
	return there;
}

/* A task ended: its outcome. Returns its exit status as the run sees it (-1: cancelled
 * after the run had failed, nothing to report; NOT_YET: its files may still be on their
 * way through the shared filesystem's caches). */
static int task_ended(struct drv_run *r, struct task *t, int failed, struct drv_part ***batch,
		      int *nbatch)
{
	char name[32], id[48], *log;
	int rc = read_exit(r, t);

	if (!t->gone)
		t->gone = drv_now();
	if (!failed && drv_now() - t->gone < NFS_GRACE &&
	    (rc < 0 || ((rc == CXS_EXIT_OK || rc == CXS_EXIT_PARTIAL) && !task_output_there(r, t))))
		return NOT_YET;
	log = task_log(r, t);
	task_name(t, name);
	task_job(t, id);
	if (rc < 0 && failed) {
		t->st = T_CANCELLED;
		drv_log("cancelled %s %s job=%s", drv_stage_names[t->stage], name, id);
		free(log);
		return -1;
	}
	if (rc == CXS_EXIT_OK || rc == CXS_EXIT_PARTIAL)
		rc = check_task(r, t, rc, batch, nbatch);
	if (rc == CXS_EXIT_OK || rc == CXS_EXIT_PARTIAL) {
		t->st = T_DONE;
	} else {
		t->st = T_FAILED;
		drv_progress_clear();
		if (rc < 0) {
			cxs_error("%s %s: Slurm job %s ended without an exit status (cancelled, out "
				  "of time, or its node failed); its log: %s", drv_stage_names[t->stage],
				  name, id, log);
			rc = CXS_EXIT_INTERNAL;
		} else
			cxs_error("%s %s failed (exit %d) in Slurm job %s; its log: %s",
				  drv_stage_names[t->stage], name, rc, id, log);
		drv_log("failed %s %s exit=%d job=%s log=%s", drv_stage_names[t->stage], name, rc,
			id, log);
	}
	free(log);
	return rc;
}

/* Asks squeue which tasks are still there and deals with the others; returns the number
 * that ended, or -1 when squeue could not be asked. */
static int poll_queue(struct drv_run *r, int *status, int *failed, struct drv_part ***batch,
		      int *nbatch)
{
	cxs_buf jobs = CXS_BUF_INIT, out = CXS_BUF_INIT, errb = CXS_BUF_INIT;
	unsigned char *seen;
	char *line, *save = NULL;
	size_t i;
	int ended = 0, pass;

	job_list(&jobs, 0);
	if (!jobs.len) {
		cxs_buf_release(&jobs);
		return 0;
	}
	if (squeue(jobs.p, &out, &errb) < 0) {
		static int warned;
		if (!warned++)
			cxs_warning("squeue: %s (asking again)", last_line(&errb));
		cxs_buf_release(&jobs);
		cxs_buf_release(&out);
		cxs_buf_release(&errb);
		return -1;
	}
	seen = calloc(ntasks + 1, 1);
	if (!seen)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	for (line = strtok_r(out.p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *sp = strchr(line, ' ');
		struct task *t = find_task(line);
		if (!t || !sp)
			continue;
		seen[t - tasks] = 1;
		t->st = !strcmp(sp + 1, "R") || !strcmp(sp + 1, "CG") ? T_RUNNING : T_QUEUED;
	}
	/* Tasks that wrote an exit status first: a failure is known before the tasks Slurm
	 * cancelled because of it are looked at. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < ntasks; i++) {
			struct task *t = &tasks[i];
			int rc;
			if (!is_active(t) || seen[i] || (pass == 0 && read_exit(r, t) < 0))
				continue;
			rc = task_ended(r, t, *failed, batch, nbatch);
			if (rc == NOT_YET)
				continue;
			ended++;
			if (rc == CXS_EXIT_PARTIAL && *status == CXS_EXIT_OK)
				*status = CXS_EXIT_PARTIAL;
			else if (rc > 0 && rc != CXS_EXIT_PARTIAL && !*failed) {
				*failed = 1;
				*status = rc;
				cancel_pending();
			}
		}
	free(seen);
	cxs_buf_release(&jobs);
	cxs_buf_release(&out);
	cxs_buf_release(&errb);
	return ended;
}

/* ---------------------------------------------------------------- the run */

static int make_slurm_dirs(const struct drv_run *r)
{
	static const char *const sub[] = { "slurm", "slurm/jobs", "slurm/log", "slurm/exit" };
	struct dirent *e;
	char *dir;
	DIR *dh;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		char *d = drv_path(r, "%s", sub[i]);
		rc = drv_mkdir(d);
		free(d);
		if (rc)
			return rc;
	}
	/* The last run's scripts go: DIR/slurm/jobs holds what this run submits. */
	dir = drv_path(r, "slurm/jobs");
	dh = opendir(dir);
	while (dh && (e = readdir(dh)))
		if (e->d_name[0] != '.') {
			char *path = drv_path(r, "slurm/jobs/%s", e->d_name);
			unlink(path);
			free(path);
		}
	if (dh)
		closedir(dh);
	free(dir);
	return 0;
}

/* "JOB,JOB,..." of the jobs DIR/slurm/tasks (open as `f`, or NULL) lists. */
static void tasks_file_jobs(FILE *f, cxs_buf *jobs)
{
	char stage[32], name[32], id[48];
	long last = -1;

	while (f && fscanf(f, "%31s %31s %47s", stage, name, id) == 3) {
		long job = strtol(id, NULL, 10);
		if (job != last)
			cxs_buf_addf(jobs, "%s%ld", jobs->len ? "," : "", job);
		last = job;
	}
}

/* Jobs of an earlier run of DIR still queued (its driver was killed with SIGKILL, so it
 * could not cancel them) would write into the parts this run makes: they go first. */
static void cancel_leftovers(const struct drv_run *r)
{
	char *path = drv_path(r, "slurm/tasks");
	FILE *f = fopen(path, "r");
	cxs_buf jobs = CXS_BUF_INIT, out = CXS_BUF_INIT, errb = CXS_BUF_INIT, left = CXS_BUF_INIT;

	tasks_file_jobs(f, &jobs);
	if (f)
		fclose(f);
	if (jobs.len && squeue(jobs.p, &out, &errb) == 0 && out.len) {
		char *line, *save = NULL;
		for (line = strtok_r(out.p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			long job = strtol(line, NULL, 10);
			cxs_buf_addf(&left, "%s%ld", left.len ? "," : "", job);
		}
		cxs_warning("cancelling the jobs an earlier run of '%s' left in the queue (%s)",
			    r->dir, left.p);
		drv_log("cancel leftover jobs=%s", left.p);
		scancel(left.p, NULL);
	}
	unlink(path);
	free(path);
	cxs_buf_release(&jobs);
	cxs_buf_release(&out);
	cxs_buf_release(&errb);
	cxs_buf_release(&left);
}

static void die_of_signal(void)
{
	cxs_buf jobs = CXS_BUF_INIT;
	int sig = stop_sig;

	job_list(&jobs, 1);
	drv_progress_clear();
	if (jobs.len) {
		drv_log("cancel signal=%d jobs=%s", sig, jobs.p);
		scancel(jobs.p, NULL);
		cxs_error("stopped by signal %d: cancelled the Slurm jobs of this run (%s)", sig,
			  jobs.p);
	}
	drv_log("end exit=%d signal=%d", 128 + sig, sig);
	cxs_buf_release(&jobs);
	cxs_atomic_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

int drv_slurm_signal(int sig)
{
	if (!running)
		return 0;
	stop_sig = sig;
	return 1;
}

int drv_slurm_execute(struct drv_run *r)
{
	struct drv_part **batch = NULL;
	int *stale = calloc(r->nshards + 1, sizeof(*stale));
	int nstale = 0, nbatch = 0, status = CXS_EXIT_OK, failed = 0, merges = 0, rc, i;
	double wait = POLL_MIN, unreachable = 0;
	size_t s;

	if (!stale)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	if ((rc = make_slurm_dirs(r)) != 0) {
		free(stale);
		return rc;
	}
	running = 1;
	cancel_leftovers(r);
	if (r->first > 0 && (rc = drv_run_take_earlier(r)) != 0) {
		free(stale);
		running = 0;
		return rc;
	}
	for (s = 0; r->first == 0 && s < r->nshards; s++) {
		if (!drv_forced(r, 0) && drv_shard_check(r, (int)s) == 1) {
			r->shards[s].st = DRV_FINAL;
			drv_log("fresh fetch shard-%05zu parts=%d", s, r->shards[s].nparts);
		} else {
			r->shards[s].st = DRV_STALE;
			stale[nstale++] = (int)s;
		}
	}
	for (s = 0; s < r->nshards; s++) {
		if (r->shards[s].st != DRV_FINAL)
			continue;
		batch = realloc(batch, (size_t)(nbatch + r->shards[s].nparts + 1) * sizeof(*batch));
		if (!batch)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		for (i = 0; i < r->shards[s].nparts; i++)
			batch[nbatch++] = &r->shards[s].parts[i];
	}
	if (submit_fetch(r, stale, nstale) < 0) {
		failed = 1;
		status = CXS_EXIT_CONFIG;
	}
	for (;;) {
		int left = 0, ended;
		size_t t;
		if (stop_sig)
			die_of_signal();
		if (!failed && nbatch) {
			if (submit_chains(r, batch, nbatch) < 0) {
				failed = 1;
				status = CXS_EXIT_CONFIG;
				cancel_pending();
			}
			nbatch = 0;
		}
		for (t = 0; t < ntasks; t++)
			if (tasks[t].kind == K_SHARD && is_active(&tasks[t]))
				left++;
		if (!failed && !left && !merges) {
			merges = 1;
			if (submit_merges(r, &status) < 0) {
				failed = 1;
				cancel_pending();
			}
		}
		for (left = 0, t = 0; t < ntasks; t++)
			left += is_active(&tasks[t]);
		if (!left && (failed || merges))
			break;
		sleep_for(wait);
		if (stop_sig)
			continue;
		ended = poll_queue(r, &status, &failed, &batch, &nbatch);
		if (ended < 0) {
			unreachable += wait;
			if (unreachable > SQUEUE_PATIENCE) {
				cxs_error("the Slurm controller did not answer for %.0f s: giving up "
					  "(the jobs of this run may still be queued)", unreachable);
				status = CXS_EXIT_INTERNAL;
				break;
			}
		} else
			unreachable = 0;
		wait = ended > 0 ? POLL_MIN : wait * 1.5 > POLL_MAX ? POLL_MAX : wait * 1.5;
	}
	running = 0;
	cxs_buf_release(&tasklist);
	free(batch);
	free(stale);
	return status;
}

/* ---------------------------------------------------------------- merge job, status */

int drv_slurm_merge(struct drv_run *r, int k)
{
	char key[CXS_SHA256_HEX];

	if (drv_run_load_parts(r) < 0 || drv_merge_key(r, k, key) < 0) {
		cxs_error("the parts of stage %s are not complete", drv_stage_names[k]);
		return CXS_EXIT_INTERNAL;
	}
	return drv_merge_stage(r, k, key);
}

void drv_slurm_status(const struct drv_run *r)
{
	static const char *const cols[] = { "submitted", "running", "done", "failed", "cancelled" };
	char *path = drv_path(r, "slurm/tasks");
	FILE *f = fopen(path, "r");
	char stage[32], name[32], id[48];
	long n[DRV_NSTAGES + 1][5];
	cxs_buf jobs = CXS_BUF_INIT, out = CXS_BUF_INIT, errb = CXS_BUF_INIT, failures = CXS_BUF_INIT;
	int asked, k, c;

	free(path);
	if (!f)
		return;
	memset(n, 0, sizeof(n));
	tasks_file_jobs(f, &jobs);
	asked = jobs.len && squeue(jobs.p, &out, &errb) == 0;
	rewind(f);
	while (fscanf(f, "%31s %31s %47s", stage, name, id) == 3) {
		char *line, *p, *e;
		int rc = -1, st = 4;
		size_t idlen = strlen(id);
		FILE *x;
		for (k = 0; k < DRV_NSTAGES && strcmp(stage, drv_stage_names[k]); k++)
			;
		if (k == DRV_NSTAGES)
			continue;
		path = exit_file(r, k, name);
		if ((x = fopen(path, "r"))) {
			if (fscanf(x, "%d", &rc) != 1)
				rc = -1;
			fclose(x);
		}
		free(path);
		for (line = out.p; asked && line && *line; line = e ? e + 1 : NULL) {
			e = strchr(line, '\n');
			if (!strncmp(line, id, idlen) && line[idlen] == ' ') {
				p = line + idlen + 1;
				st = !strncmp(p, "R\n", 2) || !strncmp(p, "CG", 2) || !strcmp(p, "R") ? 1 : 0;
				break;
			}
		}
		if (st == 4 && rc >= 0)
			st = rc == CXS_EXIT_OK || rc == CXS_EXIT_PARTIAL ? 2 : 3;
		if (st == 3)
			cxs_buf_addf(&failures, "failed: %s %s exit=%d job=%s log=%s/slurm/log/%s-%s%s.log\n",
				     stage, name, rc, id, r->dir, stage,
				     !strcmp(name, "merged") ? "merge-" : "", id);
		n[!strcmp(name, "merged") ? DRV_NSTAGES : k][st]++;
	}
	fclose(f);
	printf("\nslurm jobs of the last run (%s/slurm/tasks)%s\n", r->dir,
	       asked ? "" : ": squeue could not be asked, tasks without an exit status show "
			    "as cancelled");
	printf("%-10s", "tasks");
	for (c = 0; c < 5; c++)
		printf(" %9s", cols[c]);
	printf("\n");
	for (k = 0; k <= DRV_NSTAGES; k++) {
		printf("%-10s", k < DRV_NSTAGES ? drv_stage_names[k] : "merge");
		for (c = 0; c < 5; c++)
			printf(" %9ld", n[k][c]);
		printf("\n");
	}
	if (failures.len)
		fputs(failures.p, stdout);
	cxs_buf_release(&jobs);
	cxs_buf_release(&out);
	cxs_buf_release(&errb);
	cxs_buf_release(&failures);
}

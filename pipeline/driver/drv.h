/*
 * drv — the parts of cxs-pipeline, the driver (pipeline/driver/).
 *
 * A run directory holds, per stage NN-stage (01-fetch ... 04-classify):
 *
 *   NN-stage/part-SSSSS-PPPPP.jsonl.gz   piece PPPPP of fetch shard SSSSS, with its
 *   NN-stage/part-SSSSS-PPPPP.{manifest.json,rejects.jsonl.gz}
 *   NN-stage/recipe                      what the parts were made with (stage program,
 *                                        version, options, lexicon fingerprint)
 *   NN-stage.jsonl.gz, .manifest.json, .rejects.jsonl.gz   the parts merged, in order
 *
 * and for fetch also 01-fetch/shard-SSSSS.{manifest.json,rejects.jsonl.gz} (cxs-fetch's
 * own), shard-SSSSS.skipped.jsonl.gz and shard-SSSSS.parts.json (the shard's index,
 * written last: a shard with an index is complete). DIR/plan.json (sources and options
 * of the last run), DIR/run.log, DIR/lock and DIR/summary.txt complete the directory.
 *
 * Modules: drv_log (run log, progress line), drv_split (a fetch shard: cxs-fetch and
 * the split into parts), drv_merge (a stage's merged file), drv_run (plan, staleness,
 * the scheduler of processes), drv_slurm (the same plan as Slurm jobs, --engine slurm),
 * main.c (commands, options, config, summary, state).
 *
 * --engine slurm adds DIR/slurm/: the batch scripts it submitted (jobs/), each task's
 * output (log/), each task's exit status (exit/) and the list of submitted tasks (tasks).
 */
#ifndef DRV_H
#define DRV_H

#include <jansson.h>
#include <stddef.h>

#include "cxs_err.h"
#include "cxs_hash.h"
#include "cxs_lock.h"

#define DRV_NSTAGES 4

extern const char *const drv_stage_names[DRV_NSTAGES];

struct drv_opts {
	const char *workdir;
	const char *lexicon;     /* NULL: bundled cx-core */
	const char *state;       /* --state FILE or NULL */
	const char *config;
	int from, only;          /* stage index or -1 */
	int level;               /* -1: stage default */
	int quiet, progress;
	int jobs;
	long long shard_size;
	double max_reject_rate;  /* < 0: no limit */
	char **sources;          /* owned */
	int nsources;
	const char **fetch_opts; /* --fetch-option values, passed to cxs-fetch as they are */
	int nfetch_opts;
	unsigned given;          /* DRV_GIVEN_* set on the command line or in the config */
	int engine;              /* DRV_ENGINE_* */
	const char *partition;   /* --engine slurm: sbatch --partition, --account (or NULL) */
	const char *account;
	const char **slurm_opts; /* --slurm-opt words, passed to every sbatch as they are */
	int nslurm_opts;
};

enum { DRV_ENGINE_LOCAL = 0, DRV_ENGINE_SLURM };

enum { DRV_GIVEN_LEXICON = 1, DRV_GIVEN_LEVEL = 2, DRV_GIVEN_SHARD = 4, DRV_GIVEN_STATE = 8 };

struct drv_part {
	int shard, piece;
	long long records;       /* documents in the fetch part */
	long long bytes;         /* bytes of the fetch part, for speeds */
	int st[DRV_NSTAGES];     /* enum drv_state */
	char sha[DRV_NSTAGES][CXS_SHA256_HEX];   /* output sha256 per stage, when final */
	int tally;               /* enum drv_state of its summary counts (part-X.tally.json) */
};

/* PENDING: not looked at yet; STALE: looked at, must run; FINAL: fresh or made now. */
enum drv_state { DRV_PENDING = 0, DRV_STALE, DRV_RUNNING, DRV_FINAL };

struct drv_shard {
	char **files;            /* owned */
	size_t nfiles;
	int st;                  /* enum drv_state */
	struct drv_part *parts;
	int nparts;
};

/* What a run works on: the directory, the plan and where each piece stands. */
struct drv_run {
	const struct drv_opts *o;
	const char *dir;
	char *run_id;            /* absolute path of the work directory (names the run in --state) */
	char date[11];           /* day the run started (YYYY-MM-DD, UTC), kept across resumes */
	struct drv_shard *shards;
	size_t nshards;
	char *recipe[DRV_NSTAGES];     /* recipe text per stage */
	char *lexicon;                 /* lexicon pack folder used (owned) */
	int first, last;               /* stages this run may run */
	int merged[DRV_NSTAGES];       /* enum drv_state */
	cxs_lock *lock;
};

/* Paths inside the run, caller frees: drv_path(run, "%02d-%s/part-...", ...). */
char *drv_path(const struct drv_run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "DIR/NN-stage/NAME" and "DIR/NN-stage.SUFFIX". */
char *drv_stage_file(const struct drv_run *r, int stage, const char *name);
char *drv_merged_file(const struct drv_run *r, int stage, const char *suffix);

/* mkdir, fine when it exists; 0, or an exit status after saying what went wrong. */
int drv_mkdir(const char *path);

/* Loads a JSON file; NULL when missing or unreadable (then it counts as absent). */
json_t *drv_load_json(const char *path);
/* Writes `j` as indented JSON atomically. */
int drv_save_json(const char *path, const json_t *j, cxs_err *err);

/* The stage executable "cxs-STAGE" beside this one (bin/ in the tree, PREFIX/bin
 * installed); caller frees. */
char *drv_stage_program(const char *stage);

/* The shard's part name "part-SSSSS-PPPPP" into `name` (32 bytes). */
void drv_part_name(int shard, int piece, char name[32]);
/* The manifest of part `p` of `stage`; NULL when missing or unreadable. Caller decrefs. */
json_t *drv_part_manifest(const struct drv_run *r, int stage, const struct drv_part *p);

/* In a child after fork(): the child dies with the driver (SIGTERM when it goes, so
 * stages clean their temporaries), and lets go of the lock. */
void drv_child_setup(struct drv_run *r);

#endif

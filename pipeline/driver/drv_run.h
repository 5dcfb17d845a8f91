/*
 * drv_run — planning a run and running it: which shards and parts there are, which are
 * fresh, and the processes that make the rest, at most --jobs at a time.
 *
 * Shards: the sources are expanded as cxs-fetch expands them (its own walker, so a
 * directory gives the same files in the same order); a file of 1 MiB or more is a shard
 * of its own, smaller files are grouped, up to 256 consecutive files a shard. Parts: a
 * shard's records, --shard-size documents each.
 *
 * Fresh means made from the same content the same way, judged from manifests:
 * a fetch shard's manifest lists the shard's files with the SHA-256 they have now; a
 * later stage's part manifest lists as input the SHA-256 its upstream part's manifest
 * gives for that part; versions match; nothing partial; and the stage's recipe
 * (NN-stage/recipe: program version, options, shard size, fingerprints of the lexicon
 * pack and stopword lists) is the current one. A changed recipe invalidates the whole
 * stage (its part manifests are removed before anything runs).
 *
 * Order: a part moves through its stages as soon as its input is final, earlier parts
 * first; a stage's merge runs when all its parts are final. After kill -9 the same
 * command finds the finished pieces fresh and makes the rest, byte for byte as an
 * uninterrupted run would have.
 */
#ifndef DRV_RUN_H
#define DRV_RUN_H

#include "drv.h"

/* Sets up `r` for options `o`: run id, date, recipes, stage range. With `sources`
 * (a run from fetch, or status), expands them into shards; without, takes the shards of
 * DIR/plan.json. Returns an exit status (0 = ready). `modify`: the run may write (plan,
 * recipes, invalidation); status passes 0. */
int drv_run_prepare(struct drv_run *r, const struct drv_opts *o, int modify);

/* Runs everything not fresh; returns the exit status of the run's work (0, 4, or the
 * first failure's status). */
int drv_run_execute(struct drv_run *r);

/* After a run that finished: removes the part and shard files of the stage folders that
 * belong to no shard or part of the plan (left by a run with another --shard-size or
 * other inputs). Returns how many files went. */
int drv_run_sweep(struct drv_run *r);

/* Prints the state of every stage (fresh, stale, missing) with counts, for `status`. */
int drv_run_status(struct drv_run *r);

void drv_run_release(struct drv_run *r);

/* What an engine asks of the plan (the local one here, drv_slurm's): the verdicts the
 * scheduler acts on, the same for both.
 * drv_shard_check: fetch shard `s` is 1 fresh (its parts are loaded), 0 stale, -1 missing.
 * drv_part_check: stage `k` of part `p` is 1 fresh (p->sha[k] set), 0 stale, -1 missing;
 *   p->sha[k - 1] must be set.
 * drv_forced: stage `k` is redone whatever its state (--from, --only).
 * drv_run_take_earlier: for --from/--only, the parts of the stages before the first one
 *   run, which must be there; returns an exit status.
 * drv_shard_load: shard `s`'s parts from its index, once its fetch is done (0, or -1 when
 *   the index is missing or disagrees); drv_run_load_parts: of every shard. */
int drv_shard_check(struct drv_run *r, int s);
int drv_part_check(struct drv_run *r, int k, struct drv_part *p);
int drv_forced(const struct drv_run *r, int k);
int drv_run_take_earlier(struct drv_run *r);
int drv_shard_load(struct drv_run *r, int s);
int drv_run_load_parts(struct drv_run *r);

/* The command line that makes stage `k` (1-3) of part `p`: NULL-terminated, every
 * string and the array owned by the caller (drv_argv_free). Both engines run exactly it. */
char **drv_stage_argv(const struct drv_run *r, int k, const struct drv_part *p);
void drv_argv_free(char **argv);

/* The summary's counts, added up from the classify parts' tallies; NULL when one is
 * missing (the caller then counts 04-classify.jsonl.gz itself). */
struct cxs_tally;
struct cxs_tally *drv_run_tally(const struct drv_run *r, const char *dimensions_tsv);

/* Sends `sig` to every process the run started (async-signal-safe: for a handler). */
void drv_run_signal(int sig);

#endif

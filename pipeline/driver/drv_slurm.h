/*
 * drv_slurm — `cxs-pipeline run --engine slurm`: the local engine's plan, run as Slurm
 * jobs on the shared work directory instead of as processes of the driver.
 *
 * The driver decides what is stale exactly as the local engine does (drv_run), then
 * writes a batch script per array under DIR/slurm/jobs/ and submits it with sbatch
 * --parsable --kill-on-invalid-dep=yes (and --partition, --account, --slurm-opt):
 *
 *   fetch      one array, a task per stale shard: `cxs-pipeline shard`, which runs
 *              cxs-fetch and the split into parts as the local engine does. The split
 *              is part of fetch's task because a shard's parts are known only once
 *              fetch has read it.
 *   chains     as soon as a shard's fetch task has ended (or at once for a fresh shard),
 *              its parts are submitted as normalize → stem → classify arrays, task i of
 *              each running part i, chained with --dependency=aftercorr: a part goes on
 *              when its own previous stage is done, a slow shard holds no other. A part
 *              enters at its first stale stage; a part redone at one stage is redone at
 *              the stages after it.
 *   merges     once every chain is submitted: per stage a job `cxs-pipeline merge`,
 *              afterok on the merge before it and on those of the stage's arrays still
 *              in the queue. A stage with nothing left in the queue (fetch, always) is
 *              merged only when its merged file is not current, as locally: a cut
 *              export's shard fetched again to the same bytes leaves it alone.
 *
 * Each task runs the command line the local engine would run (drv_stage_argv), writes
 * its stdout and stderr to DIR/slurm/log/STAGE-JOB_TASK.log and its exit status to
 * DIR/slurm/exit/STAGE-NAME; exit 4 (a damaged input, the rest done) is reported as
 * success to Slurm so later stages go on, as they do locally. The driver stays in the
 * foreground holding the lock and polls squeue (sacct may be disabled); when a task
 * leaves the queue it reads the exit status and checks the part's manifest as the local
 * engine does, and logs "done STAGE PART exit=N job=JOB_TASK ...". A failed task stops
 * the run: its stage, part, job and log are named, everything still pending is
 * cancelled (Slurm cancels the failed task's dependants by itself), running tasks end.
 * SIGTERM, SIGINT or SIGHUP cancels (scancel) every job the run submitted.
 *
 * DIR/slurm/tasks lists every task submitted ("STAGE NAME JOB_TASK"), for status and
 * for the next run's leftovers; it is replaced whole (renamed into place) before
 * run.log says a job was submitted.
 */
#ifndef DRV_SLURM_H
#define DRV_SLURM_H

#include "drv.h"

/* Runs everything not fresh as Slurm jobs; returns the exit status of the run's work, as
 * drv_run_execute does. */
int drv_slurm_execute(struct drv_run *r);

/* For a signal handler: when a Slurm run is going on, notes `sig` (the run cancels its
 * jobs and then dies of it) and returns 1; else 0. */
int drv_slurm_signal(int sig);

/* Prints the tasks of the last Slurm run in DIR (from DIR/slurm/tasks, squeue and the
 * exit statuses): per stage how many are submitted (waiting in the queue), running,
 * done, failed, cancelled. Prints
 * nothing when DIR has no Slurm run. */
void drv_slurm_status(const struct drv_run *r);

/* The parts of stage `k` merged in a Slurm job (`cxs-pipeline merge`); an exit status. */
int drv_slurm_merge(struct drv_run *r, int k);

#endif

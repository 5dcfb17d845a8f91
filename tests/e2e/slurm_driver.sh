# --engine slurm's bookkeeping against a stand-in Slurm (tests/fixtures/fake-slurm: sbatch
# runs each job at once, squeue finds the queue empty), so it runs anywhere, without root;
# the real queue's races are tests/e2e/slurm_engine.sh's. On two shards with a cut export
# (exit 4): the local engine's bytes; an unchanged rerun fetches the cut shard again and,
# as locally, leaves the merged fetch alone when the shard comes out the same; after a
# task fails (its output cannot be written) with the fetch merge already done, the rerun
# submits exactly what is missing; a job run.log says was submitted is already in
# DIR/slurm/tasks (a driver killed right after the line).
. "$(dirname "$0")/lib.inc"

need_fault_shim
export PATH="$CXS_SRC/tests/fixtures/fake-slurm:$PATH" FAKE_SLURM_DIR="$work/queue"
mkdir -p "$FAKE_SLURM_DIR" "$work/in/pages"
python3 - "$work/in" <<'PY' || die "could not write the corpus"
import json, random, sys
d = sys.argv[1]
r = random.Random(3)
who = ["The porter", "Our host", "La camarera", "Kassorskan"]
how = ["was friendly", "kept us waiting", "fue muy amable", "var otrevlig"]
what = ["the bread was stale", "the view was lovely", "el cafe estaba frio", "priset var rimligt"]
def doc():
    return " ".join("%s %s, and %s." % (r.choice(who), r.choice(how), r.choice(what))
                    for _ in range(r.randint(1, 3)))
for i in range(300):
    with open("%s/pages/p%03d.txt" % (d, i), "w") as f:
        f.write(doc() + "\n")
with open(d + "/zz-cut.jsonl", "w") as f:
    for i in range(30):
        f.write(json.dumps({"id": "c%d" % i, "text": doc()}) + "\n")
PY
gzip "$work/in/zz-cut.jsonl" &&
	head -c $(($(wc -c <"$work/in/zz-cut.jsonl.gz") / 2)) "$work/in/zz-cut.jsonl.gz" >"$work/in/cut.tmp" &&
	mv "$work/in/cut.tmp" "$work/in/zz-cut.jsonl.gz" || die "could not cut the export"


opts="-q --shard-size 100"
cxs-pipeline run $opts --workdir "$work/local" "$work/in" >/dev/null 2>"$work/err"
[ $? = 4 ] || die "local run: expected exit 4 (a cut export): $(cat "$work/err")"
cxs-pipeline run $opts --engine slurm --workdir "$work/sl" "$work/in" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 4 ] || die "slurm run: exit $rc, expected 4: $(cat "$work/err")"
same_data "$work/local" "$work/sl" "first run"
shards=$(ls "$work/sl/01-fetch/" | grep -c 'parts.json$')
[ "$shards" -ge 2 ] || die "expected two shards, got $shards"

# 1. Nothing changed: the cut shard is fetched again (partial, hence stale, as locally),
# and the merged fetch, whose key is the same, is not made again.
cxs-pipeline run $opts --engine slurm --workdir "$work/sl" "$work/in" >/dev/null 2>"$work/err"
[ $? = 4 ] || die "the unchanged rerun: $(cat "$work/err")"
last_run "$work/sl" >"$work/rerun.log"
[ "$(submitted "$work/sl")" = 1 ] ||
	die "the unchanged rerun submitted $(submitted "$work/sl") tasks, expected 1 (the cut shard): $(cat "$work/rerun.log")"
grep -q ' fresh fetch merged' "$work/rerun.log" || die "the merged fetch was not found fresh: $(cat "$work/rerun.log")"
same_data "$work/local" "$work/sl" "unchanged rerun"

# 2. A task fails; here the fetch merge has run by then (the stand-in runs every job as it
# is submitted), which on a real queue happens when the merge starts before the failure
# is seen. Fixed, the rerun submits exactly what is missing: the cut shard, the part
# stages and merges without a manifest.
victim=part-00000-00001
CXS_FAULT=write:0 CXS_FAULT_PATH=02-normalize/$victim LD_PRELOAD=$FAULT_SO \
	cxs-pipeline run $opts --engine slurm --workdir "$work/sl3" "$work/in" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 5 ] || die "a failing task: exit $rc, expected 5: $(cat "$work/err")"
grep -q "error: normalize $victim failed (exit 5) in Slurm job [0-9]*_[0-9]*; its log: " "$work/err" ||
	die "the failure does not name stage, part, job and log: $(cat "$work/err")"
[ -f "$work/sl3/01-fetch.manifest.json" ] || die "the stand-in did not run the fetch merge before the failure"
missing=$(missing_tasks "$work/sl3" "$work/sl")
cxs-pipeline run $opts --engine slurm --workdir "$work/sl3" "$work/in" >/dev/null 2>"$work/err"
[ $? = 4 ] || die "the rerun after the failure: $(cat "$work/err")"
[ "$(submitted "$work/sl3")" = $missing ] ||
	die "the rerun submitted $(submitted "$work/sl3") tasks, $missing were missing: $(last_run "$work/sl3")"
same_data "$work/local" "$work/sl3" "rerun after the failure"

# 3. Killed (SIGKILL) right after run.log says the fetch job was submitted: DIR/slurm/tasks,
# where the next run finds the jobs it must cancel, already lists it. The same input
# logs the same lines before its first submission.
n=$(awk '/ submit /{print NR; exit}' "$work/sl/run.log")
CXS_PIPELINE_KILL_AFTER=$n cxs-pipeline run $opts --engine slurm --workdir "$work/sl4" "$work/in" \
	>/dev/null 2>"$work/err"
rc=$?
[ $rc = 137 ] || die "a driver killed after its first submission: exit $rc, expected 137: $(cat "$work/err")"
job=$(sed -n 's/.* submit fetch job=\([0-9]*\) .*/\1/p' "$work/sl4/run.log")
[ -n "$job" ] && [ "$(tail -n 1 "$work/sl4/run.log" | grep -c ' submit fetch ')" = 1 ] ||
	die "not killed right after the submission: $(cat "$work/sl4/run.log")"
grep -q "^fetch shard-00000 ${job}_0\$" "$work/sl4/slurm/tasks" 2>/dev/null ||
	die "run.log names job $job, which DIR/slurm/tasks does not list: $(cat "$work/sl4/slurm/tasks" 2>&1)"
echo "ok: slurm bookkeeping ($shards shards)"

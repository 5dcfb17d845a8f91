# --engine slurm against a real single-node Slurm (scripts/slurm/start; root only, as in
# CI): byte-identical data files to --engine local on the sample and on a multi-shard
# corpus with a cut source (exit 4 with both engines); run.log names jobs and tasks;
# status counts the tasks; a task that fails (its output cannot be written) fails the
# run naming stage, part, job and log, and nothing is left pending in the queue; the
# rerun submits only the parts that were missing; while jobs wait, status counts them
# and sbatch gets --partition and --slurm-opt; SIGTERM to the driver cancels its jobs;
# after a SIGKILL the next run cancels the jobs left behind.
. "$(dirname "$0")/lib.inc"

[ "$(id -u)" = 0 ] || { echo "SKIP: not root (a test Slurm needs munged and slurmd as root)"; exit 77; }
# The sanitizer pass runs the slurm engine's code under tests/e2e/slurm_driver.sh (a
# stand-in Slurm); here most of the time is the real daemons' scheduling, the same in
# both passes, and `make check` in CI has to stay under 10 minutes.
if [ -n "${CXS_SANITIZE:-}" ]; then
	echo "the real queue's races are the plain pass's; slurm_driver.sh runs the engine sanitized"
	exit 77
fi
need_fault_shim
slurm=$work/slurm
# The node's daemons run in sessions of their own: they are stopped on every way out,
# a signal included (sh runs the EXIT trap only on exit). Its ports are free ones and
# its munged its own, so two runs of this test on one machine do not meet.
trap '"$CXS_SRC/scripts/slurm/stop" "$slurm"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP
"$CXS_SRC/scripts/slurm/start" "$slurm" 2>"$work/start.err"
rc=$?
[ $rc = 77 ] && { echo "SKIP: $(tail -n 1 "$work/start.err")"; exit 77; }
[ $rc = 0 ] || die "scripts/slurm/start: exit $rc: $(cat "$work/start.err")"
export SLURM_CONF="$slurm/slurm.conf"
# start is idempotent: on a running node it changes nothing; on a half-dead one (slurmd
# killed) it stops what is left, exactly the recorded PIDs, and starts again.
cp "$slurm/started" "$work/started"
"$CXS_SRC/scripts/slurm/start" "$slurm" 2>"$work/start.err" || die "second start: $(cat "$work/start.err")"
cmp -s "$slurm/started" "$work/started" || die "a second start restarted a running node"
kill -9 "$(awk '$1 == "slurmd" {print $2}' "$slurm/started")"
"$CXS_SRC/scripts/slurm/start" "$slurm" 2>"$work/start.err" || die "start after slurmd died: $(cat "$work/start.err")"
cmp -s "$slurm/started" "$work/started" && die "start did not restart a half-dead node"
[ "$(sinfo -h -o %T)" = idle ] || die "the node is not idle after a restart: $(sinfo)"

queue_empty() {   # nothing of ours may stay in the queue, pending or not
	left=$(squeue -h -o '%i %t %r' 2>&1)
	[ -z "$left" ] || die "$1: jobs left in the queue: $left"
}

# 1. The sample.
cxs-pipeline run -q --workdir "$work/local" "$SAMPLE" >/dev/null 2>"$work/err" || die "local run: $(cat "$work/err")"
cxs-pipeline run -q --engine slurm --workdir "$work/sl" "$SAMPLE" >/dev/null 2>"$work/err" ||
	die "slurm run of the sample: exit $?: $(cat "$work/err")"
same_data "$work/local" "$work/sl" sample
[ "$(sed 1d "$work/local/summary.txt")" = "$(sed 1d "$work/sl/summary.txt")" ] || die "the summaries differ"
grep -q ' done classify part-00000-00000 exit=0 job=[0-9]*_0 ' "$work/sl/run.log" || die "run.log has no job id: $(cat "$work/sl/run.log")"
grep -q ' submit stem job=[0-9]* tasks=1 dependency=aftercorr:[0-9]* ' "$work/sl/run.log" || die "stem is not chained per part"
grep -q ' submit classify merge job=[0-9]* tasks=1 dependency=afterok:' "$work/sl/run.log" || die "the merge does not wait for its array"
queue_empty sample
cxs-pipeline status --workdir "$work/sl" >"$work/status" || die "status failed"
grep -q '^normalize  *0  *0  *1  *0  *0$' "$work/status" || die "status of the Slurm tasks: $(cat "$work/status")"
grep -q '^merge  *0  *0  *4  *0  *0$' "$work/status" || die "status of the merges: $(cat "$work/status")"
# A partition the cluster does not have: sbatch refuses, exit 3 with its reason.
cxs-pipeline run -q --engine slurm --partition nosuch --workdir "$work/bad" "$SAMPLE" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] || die "an unknown partition: exit $rc, expected 3: $(cat "$work/err")"
grep -q "error: could not submit the fetch job (.*): sbatch: error: .*[Pp]artition" "$work/err" ||
	die "an unknown partition: $(cat "$work/err")"
# Nothing changed: nothing is submitted.
cxs-pipeline run -q --engine slurm --workdir "$work/sl" "$SAMPLE" >/dev/null 2>&1 || die "second slurm run failed"
[ "$(submitted "$work/sl")" = 0 ] || die "an unchanged run submitted $(submitted "$work/sl") tasks"

# 2. Several shards and parts: 600 small pages (up to 256 files a shard: three shards, cut
# into parts of 100 documents) and, in the last shard, a cut export (fetch exits 4: the
# run ends with 4, everything else done).
mkdir -p "$work/in/pages"
python3 - "$work/in" <<'PY' || die "could not write the corpus"
import json, random, sys
d = sys.argv[1]
r = random.Random(8)
who = ["The waiter", "Our guide", "The clerk", "Personalen", "El camarero", "La recepcionista"]
how = {"en": ["was kind", "ignored us", "was slow", "helped at once", "smiled"],
       "sv": ["var trevlig", "var sur", "tog lang tid", "hjalpte oss direkt"],
       "es": ["fue amable", "fue lento", "nos ayudo enseguida", "no nos hizo caso"]}
what = {"en": ["the soup was cold", "the price was fair", "the room was quiet", "we waited an hour"],
        "sv": ["maten var god", "priset var hogt", "vi fick vanta lange", "rummet var rent"],
        "es": ["la comida estaba fria", "el precio era justo", "esperamos mucho", "la sala era bonita"]}
def doc():
    lang = r.choice(["en", "sv", "es"])
    return " ".join("%s %s, and %s." % (r.choice(who), r.choice(how[lang]), r.choice(what[lang]))
                    for _ in range(r.randint(1, 4)))
for i in range(600):
    with open("%s/pages/p%03d.txt" % (d, i), "w") as f:
        f.write(doc() + "\n")
with open(d + "/zz-cut.jsonl", "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": "c%d" % i, "text": doc()}) + "\n")
PY
gzip "$work/in/zz-cut.jsonl" &&
	head -c $(($(wc -c <"$work/in/zz-cut.jsonl.gz") / 2)) "$work/in/zz-cut.jsonl.gz" >"$work/in/cut.tmp" &&
	mv "$work/in/cut.tmp" "$work/in/zz-cut.jsonl.gz" || die "could not cut the export"
opts="-q --shard-size 100"
cxs-pipeline run $opts --workdir "$work/local2" "$work/in" >/dev/null 2>"$work/err"
[ $? = 4 ] || die "local run of the corpus: expected exit 4 (a cut export): $(cat "$work/err")"
cxs-pipeline run $opts --engine slurm --workdir "$work/sl2" "$work/in" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 4 ] || die "slurm run of the corpus: exit $rc, expected 4: $(cat "$work/err")"
same_data "$work/local2" "$work/sl2" corpus
shards=$(ls "$work/sl2/01-fetch/" | grep -c 'parts.json$')
parts=$(ls "$work/sl2/02-normalize/" | grep -c '^part-[0-9-]*\.jsonl\.gz$')
[ "$shards" -ge 3 ] && [ "$parts" -ge 5 ] || die "expected several shards and parts, got $shards and $parts"
queue_empty corpus

# 3. A task that fails: one part's normalize output cannot be written (a full disk on
# its node, through the fault shim, which sbatch passes on to the tasks).
victim=part-00001-00001
CXS_FAULT=write:0 CXS_FAULT_PATH=02-normalize/$victim LD_PRELOAD=$FAULT_SO \
	cxs-pipeline run $opts --engine slurm --workdir "$work/sl3" "$work/in" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 5 ] || die "a failing task: exit $rc, expected 5: $(cat "$work/err")"
grep -q "error: normalize $victim failed (exit 5) in Slurm job [0-9]*_[0-9]*; its log: .*/slurm/log/normalize-[0-9]*_[0-9]*\.log" "$work/err" ||
	die "the failure does not name stage, part, job and log: $(cat "$work/err")"
log=$(sed -n 's/.*its log: \(.*\.log\)$/\1/p' "$work/err" | head -n 1)
grep -q "02-normalize/$victim" "$log" || die "the task's log '$log' does not tell what failed: $(cat "$log")"
queue_empty "after the failure"
grep -q " cancelled stem $victim job=" "$work/sl3/run.log" || die "the failed part's stem was not cancelled: $(cat "$work/sl3/run.log")"
grep -q ' done classify merged' "$work/sl3/run.log" && die "a merge ran after a failed task"
cxs-pipeline status --workdir "$work/sl3" >"$work/status" || die "status after the failure"
grep -q '^normalize  *[0-9]*  *[0-9]*  *[0-9]*  *1  *[0-9]*$' "$work/status" || die "status does not show the failed task: $(cat "$work/status")"
grep -q "^failed: normalize $victim exit=5 job=" "$work/status" || die "status does not name the failed task: $(cat "$work/status")"
# Fixed (no more full disk): the rerun submits only what is missing, and the cut
# export's shard, which is stale as long as it is partial (as with --engine local).
missing=$(missing_tasks "$work/sl3" "$work/sl2")
cxs-pipeline run $opts --engine slurm --workdir "$work/sl3" "$work/in" >/dev/null 2>"$work/err"
[ $? = 4 ] || die "the rerun after the failure: $(cat "$work/err")"
[ "$(submitted "$work/sl3")" = $missing ] || die "the rerun submitted $(submitted "$work/sl3") tasks, $missing were missing"
awk '/ start run /{s=""} {s=s $0 "\n"} END{printf "%s", s}' "$work/sl3/run.log" >"$work/rerun.log"
grep ' submit fetch job' "$work/rerun.log" | grep -qv ' tasks=1 ' && die "the rerun fetched more than the cut shard"
grep -q ' fresh fetch shard-00000 ' "$work/rerun.log" || die "the rerun did not keep the fetch shards: $(cat "$work/rerun.log")"
same_data "$work/local2" "$work/sl3" "rerun after the failure"

# 4. While jobs wait (held by --begin, through --slurm-opt; --partition passed on),
# status counts them as submitted; SIGTERM to the driver cancels all it submitted.
cxs-pipeline run $opts --engine slurm --partition cxs --slurm-opt '--begin=now+120 --time=10' \
	--workdir "$work/sl4" "$work/in" >/dev/null 2>"$work/err" &
pid=$!
for i in $(seq 100); do grep -q ' submit fetch ' "$work/sl4/run.log" 2>/dev/null && break; sleep 0.1; done
for i in $(seq 50); do squeue -h -o '%P %l %r' | grep -q '^cxs 10:00 BeginTime$' && break; sleep 0.1; done
squeue -h -o '%P %l %r' | grep -q '^cxs 10:00 BeginTime$' || die "the sbatch options were not passed on: $(squeue)"
cxs-pipeline status --workdir "$work/sl4" >"$work/status" 2>&1 || die "status during a run: $(cat "$work/status")"
grep -q '^fetch  *3  *0  *0  *0  *0$' "$work/status" || die "status does not show the waiting fetch tasks: $(cat "$work/status")"
kill -TERM $pid
wait $pid
rc=$?
[ $rc = 143 ] || die "the driver after SIGTERM: exit $rc, expected 143: $(cat "$work/err")"
grep -q "cancelled the Slurm jobs of this run" "$work/err" || die "SIGTERM: nothing said about the jobs: $(cat "$work/err")"
for i in $(seq 50); do [ -z "$(squeue -h)" ] && break; sleep 0.2; done
queue_empty "after SIGTERM"
# 5. A driver killed with SIGKILL cannot cancel its jobs: the next run on the directory
# cancels what is left of them before it submits, and finishes with the same bytes.
cxs-pipeline run -q --engine slurm --slurm-opt '--begin=now+120' --workdir "$work/sl5" "$SAMPLE" \
	>/dev/null 2>&1 &
pid=$!
for i in $(seq 100); do grep -q ' submit fetch ' "$work/sl5/run.log" 2>/dev/null && break; sleep 0.1; done
kill -KILL $pid
wait $pid
[ -n "$(squeue -h)" ] || die "no jobs waiting after the driver was killed"
cxs-pipeline run -q --engine slurm --workdir "$work/sl5" "$SAMPLE" >/dev/null 2>"$work/err" ||
	die "the run after a killed driver: $(cat "$work/err")"
grep -q "cancelling the jobs an earlier run of '.*' left in the queue" "$work/err" ||
	die "the leftover jobs were not cancelled: $(cat "$work/err")"
same_data "$work/local" "$work/sl5" "after a killed driver"
queue_empty "after a killed driver"
echo "ok: slurm engine ($shards shards, $parts parts)"

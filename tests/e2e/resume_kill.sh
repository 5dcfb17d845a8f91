# kill -9 at any moment, then the same command: the final data files are byte-identical
# to those of a run that was never interrupted. The driver's test hook
# CXS_PIPELINE_KILL_AFTER=N kills it with SIGKILL right after its Nth run.log line, so
# the points are the same every time: before any work, while shards and parts run,
# between a part and its manifest being noticed, during merges, at the very end.
. "$(dirname "$0")/lib.inc"

# Three sources, several parts each (--shard-size 80), so parts run side by side; each
# text its own, since fetch rejects duplicates.
mkdir -p "$work/in"
jq -c 'select(.text | test("\\S")) | range(0; 8) as $i | .id = "\(.id)-a\($i)" | .text = "\(.text) (a\($i))"' \
	"$SAMPLE/reviews.jsonl" >"$work/in/a.jsonl" || die "could not build the input"
jq -c 'select(.text | test("\\S")) | range(0; 5) as $i | .id = "\(.id)-b\($i)" | .text = "\(.text) (b\($i))"' \
	"$SAMPLE/reviews.jsonl" >"$work/in/b.jsonl"
cp -R "$SAMPLE/web" "$work/in/web"
run() { cxs-pipeline run -q -j 2 --shard-size 80 --workdir "$1" "$work/in" >/dev/null 2>"$work/err"; }
# The stages of a killed driver end with it (they get SIGTERM when it dies): wait until
# no process names the work directory (at most 10 s), not a fixed time that a loaded
# machine may need more of.
settle() {
	i=0
	while pgrep -f -- "$work/k[ /]" >/dev/null && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
	[ $i -lt 500 ] || die "stages of the killed run still alive after 10 s: $(pgrep -af -- "$work/k[ /]")"
}

run "$work/ref" || die "reference run failed: $(cat "$work/err")"
events=$(wc -l <"$work/ref/run.log")
[ "$events" -gt 30 ] || die "only $events events: the input is too small to kill it in the middle"
data() {
	for s in 01-fetch 02-normalize 03-stem 04-classify; do
		for f in "$1/$s.jsonl.gz" "$1/$s.rejects.jsonl.gz"; do
			sha256sum <"$f" | cut -c1-64
		done
	done
}
data "$work/ref" >"$work/ref.sums"

n=0
for at in 1 3 8 21 $((events / 2)) $((events - 6)) $((events - 1)); do
	rm -rf "$work/k"
	CXS_PIPELINE_KILL_AFTER=$at run "$work/k"
	rc=$?
	[ $rc = 137 ] || die "kill after event $at: exit $rc, expected 137 (SIGKILL)"
	settle
	# A second kill, later, in the resumed run, for some of the points.
	if [ $((n % 3)) = 1 ]; then
		CXS_PIPELINE_KILL_AFTER=$((at + 7)) run "$work/k"
		settle
	fi
	run "$work/k" || die "resume after a kill at event $at failed: $(cat "$work/err")"
	grep -q "taking over" "$work/err" && [ -s "$work/k/lock" ] && die "lock still names a holder after a clean end"
	data "$work/k" >"$work/k.sums"
	cmp -s "$work/ref.sums" "$work/k.sums" || die "killed at event $at: final files differ from an uninterrupted run"
	left=$(find "$work/k" -name '*.tmp.*')
	[ -z "$left" ] || die "killed at event $at: temporaries left after the resume: $left"
	n=$((n + 1))
done
echo "ok: killed at $n points (of $events events), every resume byte-identical"

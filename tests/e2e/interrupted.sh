# A run stopped by SIGTERM (a scheduler's timeout) leaves no temporary files and no
# output under a final name that is not complete; the same command then finishes.
. "$(dirname "$0")/lib.inc"

# About 20,000 reviews, each text its own (fetch rejects duplicates): long enough to
# be stopped in the middle of a stage.
jq -c 'select(.text | test("\\S")) | range(0; 800) as $i | .id = "\(.id)-\($i)" | .text = "\(.text) (visit \($i))"' \
	"$SAMPLE/reviews.jsonl" >"$work/big.jsonl" || die "could not build the input"

cxs-pipeline run -q --workdir "$work/run" "$work/big.jsonl" >/dev/null 2>&1 &
pid=$!
# Wait until a stage after fetch is running, then stop the driver.
i=0
while [ ! -f "$work/run/01-fetch.manifest.json" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
sleep 0.2
kill -TERM $pid
wait $pid
rc=$?
# 143 = 128 + SIGTERM: the driver died of the signal, as a scheduler expects.
[ $rc = 143 ] || die "the run was not stopped by SIGTERM (exit $rc): the input is too small to catch it"

# The driver waits for its jobs before it dies: nothing of theirs may be left now, at
# once, when a scheduler looks.
left=$(find "$work/run" -name '*.tmp.*')
[ -z "$left" ] || die "temporary files left behind: $left"
for f in "$work/run"/*.jsonl.gz; do
	m="${f%.jsonl.gz}.manifest.json"
	case $f in *.rejects.jsonl.gz) continue ;; esac
	[ -e "$f" ] || continue
	[ -f "$m" ] || die "$(basename "$f") has no manifest: an incomplete file under a final name"
	[ "$(jq -r .output.sha256 "$m")" = "$(sha256sum <"$f" | cut -d' ' -f1)" ] ||
		die "$(basename "$f") does not match its manifest"
done

cxs-pipeline run -q --workdir "$work/run" "$work/big.jsonl" >/dev/null 2>"$work/err" ||
	die "rerun failed: $(cat "$work/err")"
[ "$(count "$work/run" 04-classify in)" = "$(count "$work/run" 01-fetch out)" ] || die "rerun lost documents"
echo "ok: stopped by SIGTERM, nothing half-written, the rerun finished"

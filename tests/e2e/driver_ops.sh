# What a nightly operator relies on: -j 1 and -j 2 give the same bytes; a changed source
# makes only its own shard stale (status says so; the rerun redoes it and what follows);
# --only reruns one stage; one run per directory (a live holder: exit 8; a dead one's
# lock is taken over with a warning); --config with command-line overrides and
# file:line errors; --max-reject-rate gives exit 7; run.log has the events.
. "$(dirname "$0")/lib.inc"

mkdir -p "$work/in/pages"
jq -c 'select(.text | test("\\S")) | range(0; 3) as $i | .id = "\(.id)-\($i)"' \
	"$SAMPLE/reviews.jsonl" >"$work/in/export.jsonl" || die "could not build the input"
cp "$SAMPLE"/web/*.html "$work/in/pages/"
# Our own page, so that changing it later is a change to one small shard.
printf '<html lang="en"><head><title>Corner cafe</title></head><body><p>The barista was friendly and the cake was fresh.</p></body></html>\n' >"$work/in/pages/zz-corner.html"
# A file of 1 MiB or more is a shard of its own.
jq -c 'select(.text | test("\\S")) | range(0; 150) as $i | .id = "\(.id)-p\($i)"' \
	"$SAMPLE/reviews.jsonl" >"$work/in/big.jsonl"
[ "$(wc -c <"$work/in/big.jsonl")" -gt 1048576 ] || die "big.jsonl is not over 1 MiB"

opts="-q --shard-size 1000"
cxs-pipeline run $opts -j 1 --workdir "$work/j1" "$work/in" >/dev/null 2>"$work/err" || die "-j 1 failed: $(cat "$work/err")"
cxs-pipeline run $opts -j 2 --workdir "$work/j2" "$work/in" >/dev/null 2>"$work/err" || die "-j 2 failed: $(cat "$work/err")"
for s in 01-fetch 02-normalize 03-stem 04-classify; do
	cmp -s "$work/j1/$s.jsonl.gz" "$work/j2/$s.jsonl.gz" || die "$s differs between -j 1 and -j 2"
	cmp -s "$work/j1/$s.rejects.jsonl.gz" "$work/j2/$s.rejects.jsonl.gz" || die "$s rejects differ between -j 1 and -j 2"
done
shards=$(ls "$work/j2/01-fetch/" | grep -c 'parts.json$')
[ "$shards" -ge 2 ] || die "expected the big file and the small ones in separate shards, got $shards shard(s)"
parts=$(ls "$work/j2/02-normalize/" | grep -c '^part-.*\.jsonl\.gz$')
[ "$parts" -ge 4 ] || die "expected several parts, got $parts"
# Counts of the merged files are the sums of the parts and reconcile.
in=$(count "$work/j2" 01-fetch in); out=$(count "$work/j2" 01-fetch out); rej=$(count "$work/j2" 01-fetch rejected)
[ $((out + rej)) = "$in" ] || die "fetch: $in in != $out out + $rej rejected"
[ "$(lines "$work/j2/02-normalize.jsonl.gz")" = "$(count "$work/j2" 02-normalize out)" ] || die "merged file and manifest disagree"
[ "$(jq -r .output.sha256 "$work/j2/04-classify.manifest.json")" = "$(sha256sum <"$work/j2/04-classify.jsonl.gz" | cut -c1-64)" ] ||
	die "merged manifest does not describe the merged file"

# The summary added up from the parts' counts is the one of the merged file.
cxs-pipeline summary --workdir "$work/j2" >"$work/summary" || die "summary failed"
cmp -s "$work/summary" "$work/j2/summary.txt" || die "the summary of the parts differs from that of 04-classify"

# Nothing changed: everything fresh, nothing runs.
cxs-pipeline status --workdir "$work/j2" >"$work/status" || die "status failed"
[ "$(grep -c '^[a-z]* *fresh ' "$work/status")" = 4 ] || die "not all fresh after a run: $(cat "$work/status")"
lines_before=$(wc -l <"$work/j2/run.log")
cxs-pipeline run $opts -j 2 --workdir "$work/j2" "$work/in" >/dev/null 2>&1 || die "second run failed"
sed -n "$((lines_before + 1)),\$p" "$work/j2/run.log" | grep -q '^[^ ]* start \(fetch\|normalize\|stem\|classify\) ' &&
	die "an unchanged run started work: $(sed -n "$((lines_before + 1)),\$p" "$work/j2/run.log")"

# One page changes: its shard is stale; the big file's shard is not redone.
sed -i 's/friendly/rude/' "$work/in/pages/zz-corner.html"
cxs-pipeline status --workdir "$work/j2" >"$work/status"
grep -q '^fetch *stale ' "$work/status" || die "status does not see the changed page: $(cat "$work/status")"
grep -q '^classify *stale ' "$work/status" || die "a stale fetch must make later stages stale: $(cat "$work/status")"
lines_before=$(wc -l <"$work/j2/run.log")
cxs-pipeline run $opts -j 2 --workdir "$work/j2" "$work/in" >/dev/null 2>&1 || die "run after a change failed"
new=$(sed -n "$((lines_before + 1)),\$p" "$work/j2/run.log")
echo "$new" | grep -q 'fresh fetch shard-00000' || die "the unchanged big shard was redone: $new"
echo "$new" | grep -q 'start fetch shard-00001' || die "the changed shard was not redone: $new"
zcat "$work/j2/04-classify.jsonl.gz" | grep -q '"text":"The barista was rude' || die "the change did not reach 04-classify"
cxs-pipeline status --workdir "$work/j2" >"$work/status"
[ "$(grep -c '^[a-z]* *fresh ' "$work/status")" = 4 ] || die "not fresh after the rerun: $(cat "$work/status")"

# --only stem reruns stem alone, fresh or not; no other stage runs.
lines_before=$(wc -l <"$work/j2/run.log")
cxs-pipeline run -q --workdir "$work/j2" --only stem >/dev/null 2>&1 || die "--only stem failed"
new=$(sed -n "$((lines_before + 1)),\$p" "$work/j2/run.log")
echo "$new" | grep -q 'start stem part' || die "--only stem ran no stem part"
echo "$new" | grep -q 'start \(normalize\|classify\|fetch\)' && die "--only stem ran another stage: $new"
cmp -s "$work/j1/03-stem.jsonl.gz" "$work/j2/03-stem.jsonl.gz" && die "stem should differ from j1 after the change"

# One run per directory: a live holder means exit 8 with its name.
printf 'pid 1 started 2026-11-23T02:00:00Z on elsewhere\n' >"$work/j2/lock"
flock "$work/j2/lock" sleep 3 &
holder=$!
sleep 0.3
cxs-pipeline run $opts --workdir "$work/j2" "$work/in" >/dev/null 2>"$work/err"
rc=$?
wait $holder
[ $rc = 8 ] || die "a held lock: exit $rc, expected 8"
grep -q "in use by another run (pid 1 started 2026-11-23T02:00:00Z" "$work/err" || die "the holder is not named: $(cat "$work/err")"
# A lock left by a run that is gone: taken over, with a warning naming it.
cxs-pipeline run $opts --workdir "$work/j2" "$work/in" >/dev/null 2>"$work/err" || die "run after a stale lock failed: $(cat "$work/err")"
grep -q "warning: taking over .* (pid 1 started" "$work/err" || die "no warning for the stale lock: $(cat "$work/err")"
[ -s "$work/j2/lock" ] && die "the lock still names a holder after the run"

# --config: defaults from a file, options override it; a bad line names file and line.
printf '# nightly defaults\nshard-size = 100\njobs = 1\n\nmax-reject-rate = 0.001\nsource = %s\n' \
	"$SAMPLE" >"$work/cxs.conf"
cxs-pipeline run -q --config "$work/cxs.conf" --workdir "$work/c" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 7 ] || die "sample rejects 2 of 31 with max-reject-rate 0.001: exit $rc, expected 7: $(cat "$work/err")"
grep -q "above --max-reject-rate" "$work/err" || die "exit 7 without a message: $(cat "$work/err")"
grep -q 'shard_size=100 ' "$work/c/run.log" || die "config shard-size not used"
cxs-pipeline run -q --config "$work/cxs.conf" --max-reject-rate 0.5 --workdir "$work/c" >/dev/null 2>"$work/err" ||
	die "the command line did not override the config: $(cat "$work/err")"
printf 'jobs = 2\njbos = 3\n' >"$work/bad.conf"
cxs-pipeline run -q --config "$work/bad.conf" --workdir "$work/d" "$SAMPLE" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] || die "bad config: exit $rc, expected 3"
grep -q "bad.conf': line 2: unknown setting 'jbos'" "$work/err" || die "bad config not named with its line: $(cat "$work/err")"
[ -e "$work/d" ] && die "a bad config still created the work directory"

# The run log: timestamps and counts per event, never in the data files.
grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z done normalize part-00000-00000 exit=0 in=[0-9]+ out=[0-9]+ rejected=[0-9]+ secs=' "$work/j1/run.log" ||
	die "run.log lacks a part event with counts"
grep -q ' end exit=0 in=' "$work/j1/run.log" || die "run.log lacks the end of the run"
# Fewer, bigger parts: the files of parts the plan no longer has are removed, the rest
# is the same data as before.
mkdir "$work/many"
jq -c 'select(.text | test("\\S")) | range(0; 6) as $i | .id = "\(.id)-m\($i)" | .text += " (\($i))"' \
	"$SAMPLE/reviews.jsonl" >"$work/many/reviews.jsonl"
cxs-pipeline run -q --shard-size 50 -j 2 --workdir "$work/ss" "$work/many" >/dev/null 2>"$work/err" ||
	die "run with --shard-size 50 failed: $(cat "$work/err")"
cxs-pipeline run -q --shard-size 100000 -j 2 --workdir "$work/ss1" "$work/many" >/dev/null 2>"$work/err" ||
	die "run with --shard-size 100000 failed: $(cat "$work/err")"
ls "$work/ss/02-normalize/" | grep -q '^part-00000-00001\.' || die "expected a second part of shard 0"
cxs-pipeline run -q --shard-size 100000 -j 2 --workdir "$work/ss" "$work/many" >/dev/null 2>"$work/err" ||
	die "rerun with another --shard-size failed: $(cat "$work/err")"
left=$(ls "$work"/ss/0[1-4]-*/ | grep '^part-[0-9]*-0000[1-9]\.')
[ -z "$left" ] || die "parts of the earlier plan left behind: $left"
grep -q 'removed [0-9]* files of shards or parts no longer in the plan' "$work/ss/run.log" || die "run.log does not say what was removed"
[ "$(zcat "$work/ss/04-classify.jsonl.gz" | jq -c 'del(.lexicon)' | md5sum)" = "$(zcat "$work/ss1/04-classify.jsonl.gz" | jq -c 'del(.lexicon)' | md5sum)" ] ||
	die "another --shard-size changed the data"

# The lexicon is checked before any work: a pack with errors is named (exit 3, its
# problems above); a classify that cannot be run is said so, not taken for a bad pack.
mkdir "$work/badpack"
cp -r "$CXS_SRC/tests/fixtures/classify/pack-small/." "$work/badpack/"
printf 'waiter\tno_such_dimension\n' >>"$work/badpack/en.lex"
cxs-pipeline run -q --lexicon "$work/badpack" --workdir "$work/bp" "$SAMPLE" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] || die "bad lexicon pack: exit $rc, expected 3: $(cat "$work/err")"
grep -q "badpack/en.lex:[0-9]*: .*no_such_dimension" "$work/err" || die "the bad line is not named: $(cat "$work/err")"
grep -q "has errors (above); nothing was run" "$work/err" || die "bad pack not said: $(cat "$work/err")"
mkdir "$work/alone"
cp "$(command -v cxs-pipeline)" "$work/alone/"
"$work/alone/cxs-pipeline" run -q --workdir "$work/al" "$SAMPLE" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 6 ] || die "no cxs-classify beside the driver: exit $rc, expected 6: $(cat "$work/err")"
grep -q "could not run '$work/alone/cxs-classify': No such file or directory" "$work/err" &&
	grep -q "could not be checked (above); nothing was run" "$work/err" ||
	die "a classify that cannot run was not said so: $(cat "$work/err")"
echo "ok: -j 1 = -j 2, staleness per shard, --only, lock, config, exit 7, run log, --shard-size change, lexicon check"

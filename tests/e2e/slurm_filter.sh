# A stage as a plain filter, as another engine runs it (a Hadoop Streaming mapper, a
# Slurm task without the driver): JSON Lines on standard input, JSON Lines on standard
# output, rejects and manifest where --rejects and --manifest say. The fetched sample cut
# into three input splits at line boundaries, each through normalize | stem | classify,
# gives, concatenated, exactly the records of the driver's 04-classify, in order; each
# split's counts reconcile (in = out + rejected). No Slurm needed.
. "$(dirname "$0")/lib.inc"

cxs-pipeline run -q --workdir "$work/run" "$SAMPLE" >/dev/null 2>"$work/err" || die "the driver: $(cat "$work/err")"
mkdir -p "$work/splits" "$work/out"
zcat "$work/run/01-fetch.jsonl.gz" >"$work/fetched.jsonl" &&
	split -n l/3 -d "$work/fetched.jsonl" "$work/splits/s" || die "could not split"
[ "$(ls "$work/splits" | wc -l)" = 3 ] || die "expected three splits"
for s in "$work/splits"/s*; do
	n=$(basename "$s")
	# what a mapper script runs: everything beside stdout goes to files of its own
	cxs-normalize -q -o - --rejects "$work/out/$n.n.rej.gz" --manifest "$work/out/$n.n.json" - <"$s" |
	cxs-stem -q -o - --rejects "$work/out/$n.s.rej.gz" --manifest "$work/out/$n.s.json" - |
	cxs-classify -q -o - --rejects "$work/out/$n.c.rej.gz" --manifest "$work/out/$n.c.json" - \
		>"$work/out/$n.jsonl" 2>"$work/err" || die "split $n: $(cat "$work/err")"
	in=$(jq -r .counts.in "$work/out/$n.n.json"); out=$(jq -r .counts.out "$work/out/$n.c.json")
	rej=0
	for st in n s c; do rej=$((rej + $(jq -r .counts.rejected "$work/out/$n.$st.json"))); done
	[ "$in" = "$(wc -l <"$s" | tr -d ' ')" ] || die "split $n: normalize read $in of $(wc -l <"$s") lines"
	[ $((out + rej)) = "$in" ] || die "split $n: $in in != $out out + $rej rejected"
	[ "$(wc -l <"$work/out/$n.jsonl" | tr -d ' ')" = "$out" ] || die "split $n: stdout does not hold the $out records"
done
cat "$work/out"/s*.jsonl >"$work/out/all"
zcat "$work/run/04-classify.jsonl.gz" | cmp -s - "$work/out/all" ||
	die "the filters' records differ from the driver's 04-classify"
echo "ok: three splits through the stages as filters give the driver's records"

# Truncated and corrupt inputs: an intermediate file cut at every 10 % of its length, a
# flipped byte, a record cut in half, a zero-byte file, a directory given as a file and
# a file that cannot be read (a disk read error through the shim; and, when possible, a
# file without read permission for a user who is not root). Each must exit 4, name the
# file and where the damage is, keep the documents before the damage (counted here) and
# every other input, and account for all it read: in = out + rejected.
. "$(dirname "$0")/lib.inc"
need_fault_shim

# An intermediate of several gzip members (each about 1 MiB of records), and a second,
# undamaged input given after the damaged one.
jq -c 'select(.text | test("\\S")) | range(0; 160) as $i | .id = "\(.id)-\($i)" | .text = "\(.text) (visit \($i))"' \
	"$SAMPLE/reviews.jsonl" >"$work/big.jsonl" || die "could not build the input"
cxs-pipeline run -q --workdir "$work/run" "$work/big.jsonl" >/dev/null 2>&1 || die "reference run failed"
cxs-pipeline run -q --workdir "$work/good" "$SAMPLE" >/dev/null 2>&1 || die "second reference run failed"
src=$work/run/02-normalize.jsonl.gz
good=$work/good/02-normalize.jsonl.gz
zcat "$src" | jq -r .id >"$work/ids"
total=$(wc -l <"$work/ids")
ngood=$(lines "$good")
size=$(wc -c <"$src")
[ "$(python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print(d.count(b"\x1f\x8b\x08\x00"))' "$src")" -ge 3 ] ||
	die "the test input has fewer than 3 gzip members"

n=0 fault=""
# damaged STAGE FILE KEPT PATTERN [MORE_INPUTS]: runs STAGE on FILE then MORE_INPUTS;
# expects exit 4, stderr and the manifest's errors matching PATTERN, KEPT records of FILE
# in the output (or "≥K" for at least K), and them being the first of FILE, in order.
# $fault goes in front of the stage's command (env with the shim's settings).
damaged() {
	stage=$1 f=$2 kept=$3 pat=$4 more=${5:-}
	n=$((n + 1))
	o=$work/out$n
	rc=0
	$fault $stage -q -o "$o.jsonl.gz" "$f" $more 2>"$o.err" || rc=$?
	[ $rc = 4 ] || die "$what: exit $rc, not 4: $(cat "$o.err")"
	grep -q "$pat" "$o.err" || die "$what: no message matching \"$pat\": $(cat "$o.err")"
	m=$o.manifest.json
	[ "$(jq -r .partial "$m")" = true ] || die "$what: the manifest does not say partial"
	jq -r '.errors[]' "$m" | grep -q "$pat" || die "$what: the manifest's errors lack the damage"
	in=$(jq .counts.in "$m") out=$(jq .counts.out "$m") rej=$(jq .counts.rejected "$m")
	[ $((out + rej)) = "$in" ] || die "$what: $in in != $out out + $rej rejected"
	[ "$(lines "$o.jsonl.gz")" = "$out" ] || die "$what: the output disagrees with the manifest"
	[ "$(lines "$o.rejects.jsonl.gz")" = "$rej" ] || die "$what: the rejects disagree with the manifest"
	extra=0
	[ -n "$more" ] && extra=$ngood
	got=$((out - extra))
	case $kept in
	≥*) [ "$got" -ge "${kept#≥}" ] || die "$what: kept $got records, expected at least ${kept#≥}" ;;
	*) [ "$got" = "$kept" ] || die "$what: kept $got records, expected $kept" ;;
	esac
	# What was kept is the beginning of the input, in order; then all of the other input.
	zcat "$o.jsonl.gz" | jq -r .id | head -n "$got" >"$o.ids"
	head -n "$got" "$work/ids" | cmp -s - "$o.ids" || die "$what: the kept records are not the first of the input"
	if [ -n "$more" ]; then
		zcat "$o.jsonl.gz" | jq -r .id | tail -n +"$((got + 1))" | cmp -s - "$work/good.ids" ||
			die "$what: the undamaged input after it was not read whole"
	fi
}
zcat "$good" | jq -r .id >"$work/good.ids"

# Cut at every 10 %: exactly the whole records gzip itself recovers are kept.
for pct in 10 20 30 40 50 60 70 80 90; do
	what="cut at $pct %"
	head -c $((size * pct / 100)) "$src" >"$work/cut$pct.jsonl.gz"
	whole=$(gzip -dc "$work/cut$pct.jsonl.gz" 2>/dev/null | tr -dc '\n' | wc -c)
	[ "$whole" -lt "$total" ] || die "$what: the cut lost nothing"
	damaged cxs-stem "$work/cut$pct.jsonl.gz" "$whole" \
		"'$work/cut$pct.jsonl.gz': truncated gzip stream at byte [0-9]" "$good"
done

# A flipped byte in the middle: the members before the damaged one are kept, nothing
# after the damage.
mid=$((size / 2))
python3 -c 'import sys; p, o = sys.argv[1], int(sys.argv[3]); d = bytearray(open(p, "rb").read()); d[o] ^= 0x55; open(sys.argv[2], "wb").write(d)' \
	"$src" "$work/flip.jsonl.gz" "$mid"
mstart=$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read()[:int(sys.argv[2])].rfind(b"\x1f\x8b\x08\x00"))' "$src" "$mid")
before=$(head -c "$mstart" "$src" | gzip -dc | wc -l)
what="byte $mid flipped"
damaged cxs-stem "$work/flip.jsonl.gz" "≥$before" "'$work/flip.jsonl.gz': corrupt gzip data at byte [0-9]" "$good"
[ "$got" -le "$(head -c "$mid" "$src" | gzip -dc 2>/dev/null | wc -l)" ] ||
	die "$what: records after the damage were kept"

# A record cut in half, in a plain file and inside an intact gzip stream.
zcat "$src" | head -n 40 >"$work/half.jsonl"
zcat "$src" | sed -n 41p | head -c 300 >>"$work/half.jsonl"
what="record cut in half"
damaged cxs-normalize "$work/half.jsonl" 40 "half.jsonl:41: the input ends inside a record" "$good"
[ "$rej" = 1 ] || die "$what: the cut record was not kept in the rejects"
gzip -c "$work/half.jsonl" >"$work/half.jsonl.gz"
what="record cut in half, gzip"
damaged cxs-stem "$work/half.jsonl.gz" 40 "half.jsonl.gz:41: the input ends inside a record"

# A zero-byte gzip file (a plain empty file is merely empty).
: >"$work/empty.jsonl.gz"
what="zero-byte .jsonl.gz"
damaged cxs-stem "$work/empty.jsonl.gz" 0 "'$work/empty.jsonl.gz': truncated gzip stream at byte 0" "$good"
: >"$work/empty.jsonl"
cxs-stem -q -o "$work/e.jsonl.gz" "$work/empty.jsonl" 2>"$work/e.err" ||
	die "an empty plain file is not damage: $(cat "$work/e.err")"

# A directory given as a file.
what="a directory as input"
damaged cxs-normalize "$work/run" 0 "'$work/run' is a directory" "$good"

# A disk that cannot be read: at the first byte, then in the middle of a gzip file and
# of a plain one (the records read before the error are kept).
what="read error at byte 0"
fault="env CXS_FAULT=read:0:EIO CXS_FAULT_PATH=run/02-normalize LD_PRELOAD=$FAULT_SO"
damaged cxs-stem "$src" 0 "could not read '$src' at byte 0: Input/output error" "$good"
at=$((size / 2))
what="read error at byte $at of a gzip file"
fault="env CXS_FAULT=read:$at:EIO CXS_FAULT_PATH=run/02-normalize LD_PRELOAD=$FAULT_SO"
damaged cxs-stem "$src" "≥$(head -c "$mstart" "$src" | gzip -dc | wc -l)" \
	"could not read '$src' at byte $at: Input/output error" "$good"
zcat "$src" >"$work/plain.jsonl"
at=$(( $(wc -c <"$work/plain.jsonl") / 3 ))
what="read error at byte $at of a plain file"
fault="env CXS_FAULT=read:$at:EIO CXS_FAULT_PATH=plain.jsonl LD_PRELOAD=$FAULT_SO"
damaged cxs-stem "$work/plain.jsonl" "$(head -c "$at" "$work/plain.jsonl" | tr -dc '\n' | wc -c)" \
	"could not read '$work/plain.jsonl' at byte $at" "$good"
fault=""

# fetch reads review exports the same way: a cut .jsonl.gz export.
gzip -c "$work/big.jsonl" >"$work/export.jsonl.gz"
head -c $(( $(wc -c <"$work/export.jsonl.gz") / 2 )) "$work/export.jsonl.gz" >"$work/export-cut.jsonl.gz"
rc=0
cxs-fetch -q -o "$work/f.jsonl.gz" "$work/export-cut.jsonl.gz" "$SAMPLE/blog" 2>"$work/f.err" || rc=$?
[ $rc = 4 ] || die "fetch of a cut export: exit $rc: $(cat "$work/f.err")"
grep -q "'$work/export-cut.jsonl.gz': truncated gzip stream at byte [0-9]" "$work/f.err" ||
	die "fetch of a cut export: $(cat "$work/f.err")"
[ "$(jq '.counts.in == .counts.out + .counts.rejected and .counts.out > 100' "$work/f.manifest.json")" = true ] ||
	die "fetch of a cut export: counts $(jq -c .counts "$work/f.manifest.json")"

# Without read permission: root reads anything, so as another user when possible.
unreadable=skipped
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	# The scratch folders above are root's alone: this one is under /tmp, removed at exit.
	nob=$(mktemp -d /tmp/cxs-e2e-nobody.XXXXXX) || die "mktemp failed"
	trap 'rm -rf "$nob"' EXIT
	chmod 777 "$nob"
	cp "$good" "$nob/secret.jsonl.gz" && chmod 000 "$nob/secret.jsonl.gz"
	if setpriv --reuid=65534 --regid=65534 --clear-groups "$CXS_BIN/cxs-stem" --version >/dev/null 2>&1; then
		rc=0
		setpriv --reuid=65534 --regid=65534 --clear-groups "$CXS_BIN/cxs-stem" -q \
			-o "$nob/o.jsonl.gz" "$nob/secret.jsonl.gz" 2>"$work/p.err" || rc=$?
		[ $rc = 4 ] || die "unreadable file: exit $rc: $(cat "$work/p.err")"
		grep -q "'$nob/secret.jsonl.gz'.*Permission denied" "$work/p.err" ||
			die "unreadable file: $(cat "$work/p.err")"
		unreadable=checked
	fi
fi
echo "ok: $n damaged inputs, fetch on a cut export; permission denied: $unreadable"

# Killed mid-write (tests/fault/README.md): SIGKILL at seeded pseudo-random points of
# each stage (after N bytes written, through the shim) and before each fsync and rename,
# and of the whole driver's process group after seeded delays. Under each final name
# there must be the previous file, the complete new one, or nothing; never a truncated
# file, and never a manifest that does not describe the files beside it. A run over
# what the kills left must then finish with the same bytes as a clean run.
. "$(dirname "$0")/lib.inc"
need_fault_shim

SEED=${CXS_FAULT_SEED:-20261123}
# rand: the next number of a fixed linear congruential sequence (the same on every
# machine, unlike awk's rand), in 0 .. $1-1.
rng=$SEED
rand() { rng=$(( (rng * 1103515245 + 12345) % 2147483648 )); echo $(( rng / 65536 % $1 )); }

cxs-pipeline run -q --workdir "$work/new" "$SAMPLE" >/dev/null 2>&1 || die "reference run failed"
cxs-pipeline run -q --workdir "$work/old" "$SAMPLE/reviews.jsonl" >/dev/null 2>&1 ||
	die "second reference run failed"

stage_cmd() { # STAGE OUTDIR
	case $1 in
	01-fetch) echo "cxs-fetch -q -o $2/01-fetch.jsonl.gz $SAMPLE" ;;
	02-normalize) echo "cxs-normalize -q -o $2/02-normalize.jsonl.gz $work/new/01-fetch.jsonl.gz" ;;
	03-stem) echo "cxs-stem -q -o $2/03-stem.jsonl.gz $work/new/02-normalize.jsonl.gz" ;;
	04-classify) echo "cxs-classify -q -o $2/04-classify.jsonl.gz $work/new/03-stem.jsonl.gz" ;;
	esac
}

# check_left STAGE DIR OLD NEW: every final name of STAGE in DIR holds the file of the
# run in OLD (there before), the complete new one (as in NEW) or nothing, and a manifest
# describes the files beside it.
check_left() {
	s=$1 d=$2 old=$3 ref=$4
	for f in "$s.jsonl.gz" "$s.rejects.jsonl.gz"; do
		[ -e "$d/$f" ] || continue
		cmp -s "$d/$f" "$old/$f" || cmp -s "$d/$f" "$ref/$f" ||
			die "$what: '$f' is neither the previous nor the complete new file"
	done
	[ -e "$d/$s.manifest.json" ] || return 0
	jq -e . "$d/$s.manifest.json" >/dev/null 2>&1 || die "$what: a manifest that is not JSON"
	for k in output rejects; do
		f=$(basename "$(jq -r ".$k.path" "$d/$s.manifest.json")")
		[ -f "$d/$f" ] || die "$what: the manifest names a missing $k '$f'"
		[ "$(jq -r ".$k.sha256" "$d/$s.manifest.json")" = \
		  "$(sha256sum <"$d/$f" | cut -d' ' -f1)" ] ||
			die "$what: the manifest does not describe the $k beside it"
	done
}

runs=0
for s in 01-fetch 02-normalize 03-stem 04-classify; do
	data=$(cat "$work/new/$s.jsonl.gz" "$work/new/$s.rejects.jsonl.gz" | wc -c)
	points="fsync:0 fsync:1 fsync:2 fsync:3 fsync:4 fsync:5 rename:0 rename:1 rename:2"
	i=0
	while [ $i -lt 10 ]; do points="$points write:$(rand $((data + 200)))"; i=$((i + 1)); done
	for p in $points; do
		what="$s killed at $p (seed $SEED)"
		d="$work/k$runs"
		runs=$((runs + 1))
		mkdir -p "$d"
		cp "$work/old/$s".* "$d/"
		rc=0
		CXS_FAULT=$p:KILL LD_PRELOAD=$FAULT_SO $(stage_cmd "$s" "$d") >/dev/null 2>&1 || rc=$?
		[ $rc = 137 ] || die "$what: exit $rc: the kill point was never reached"
		check_left "$s" "$d" "$work/old" "$work/new"
		# The same command over the debris gives the complete output.
		$(stage_cmd "$s" "$d") 2>"$d.err" || die "$what: the rerun failed: $(cat "$d.err")"
		cmp -s "$d/$s.jsonl.gz" "$work/new/$s.jsonl.gz" || die "$what: the rerun differs"
	done
done

# The driver and whichever stage it runs, killed together (a job killed by a scheduler
# or the OOM killer) after seeded delays, over a run long enough to be caught anywhere.
jq -c 'select(.text | test("\\S")) | range(0; 100) as $i | .id = "\(.id)-\($i)"' \
	"$SAMPLE/reviews.jsonl" >"$work/big.jsonl" || die "could not build the input"
# The clean run is also the one timed: the kills fall within its length.
start=$(date +%s%N)
cxs-pipeline run -q --workdir "$work/bignew" "$work/big.jsonl" >/dev/null 2>&1 || die "big run failed"
ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
cxs-pipeline run -q --workdir "$work/bigold" "$SAMPLE/reviews.jsonl" >/dev/null 2>&1 || die "big old run failed"
i=0
while [ $i -lt 6 ]; do
	delay=$(rand "$ms")
	what="driver killed after $delay ms of $ms (seed $SEED)"
	d="$work/drv$i"
	cp -R "$work/bigold" "$d"
	setsid cxs-pipeline run -q --workdir "$d" "$work/big.jsonl" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL -- -"$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sleep 0.05
	for s in 01-fetch 02-normalize 03-stem 04-classify; do
		check_left "$s" "$d" "$work/bigold" "$work/bignew"
	done
	cxs-pipeline run -q --workdir "$d" "$work/big.jsonl" >/dev/null 2>"$d.err" ||
		die "$what: the rerun failed: $(cat "$d.err")"
	for s in 01-fetch 02-normalize 03-stem 04-classify; do
		cmp -s "$d/$s.jsonl.gz" "$work/bignew/$s.jsonl.gz" || die "$what: the rerun's $s differs"
	done
	i=$((i + 1))
done
echo "ok: $runs stage kills and 6 driver kills (seed $SEED) left only whole files"

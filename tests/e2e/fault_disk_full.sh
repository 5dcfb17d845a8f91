# Disk full and write errors (tests/fault/README.md): every stage and the driver, with
# write, fsync, rename and close failing at several points through the LD_PRELOAD shim,
# exits 5, names the file it could not write, and leaves nothing that looks complete:
# no temporary file, no manifest that does not describe the files beside it, and under
# the final name either nothing or the previous output, untouched.
. "$(dirname "$0")/lib.inc"
need_fault_shim

# Inputs of every stage, and a "previous" output of each to be overwritten: the run of
# the sample, and a run of its JSONL reviews alone (different bytes).
cxs-pipeline run -q --workdir "$work/ref" "$SAMPLE" >/dev/null 2>&1 || die "reference run failed"
cxs-pipeline run -q --workdir "$work/old" "$SAMPLE/reviews.jsonl" >/dev/null 2>&1 ||
	die "second reference run failed"

stage_cmd() { # STAGE OUTDIR: the command line of a stage writing into OUTDIR
	case $1 in
	01-fetch) echo "cxs-fetch -q -o $2/01-fetch.jsonl.gz $SAMPLE" ;;
	02-normalize) echo "cxs-normalize -q -o $2/02-normalize.jsonl.gz $work/ref/01-fetch.jsonl.gz" ;;
	03-stem) echo "cxs-stem -q -o $2/03-stem.jsonl.gz $work/ref/02-normalize.jsonl.gz" ;;
	04-classify) echo "cxs-classify -q -o $2/04-classify.jsonl.gz $work/ref/03-stem.jsonl.gz" ;;
	esac
}

# check_left STAGE DIR PREV: what a failed STAGE left in DIR; PREV=1 when the files of
# the old run were there before.
check_left() {
	s=$1 d=$2 prev=$3
	left=$(find "$d" -name '*.tmp.*')
	[ -z "$left" ] || die "$what: temporary files left: $left"
	for f in "$s.jsonl.gz" "$s.rejects.jsonl.gz"; do
		[ -e "$d/$f" ] || continue
		[ "$prev" = 1 ] && cmp -s "$d/$f" "$work/old/$f" && continue
		die "$what: '$f' left under its final name and it is not the previous one"
	done
	if [ -e "$d/$s.manifest.json" ]; then
		[ "$prev" = 1 ] || die "$what: a manifest was left behind"
		for k in output rejects; do
			p=$(jq -r ".$k.path" "$d/$s.manifest.json")
			[ -f "$d/$(basename "$p")" ] || die "$what: manifest names missing $k '$p'"
			[ "$(jq -r ".$k.sha256" "$d/$s.manifest.json")" = \
			  "$(sha256sum <"$d/$(basename "$p")" | cut -d' ' -f1)" ] ||
				die "$what: the manifest does not describe the $k beside it"
		done
	fi
}

# fail_run STAGE PREV SPEC [PATH]: runs STAGE under CXS_FAULT=SPEC; it must exit 5 and
# name a file of its output folder.
runs=0
fail_run() {
	s=$1 prev=$2 spec=$3 only=${4:-}
	what="$s with CXS_FAULT=$spec${only:+ CXS_FAULT_PATH=$only}"
	[ "$prev" = 1 ] && what="$what, over an old run"
	d="$work/t$runs"
	runs=$((runs + 1))
	mkdir -p "$d"
	[ "$prev" = 1 ] && cp "$work/old/$s".* "$d/"
	rc=0
	CXS_FAULT=$spec CXS_FAULT_PATH=$only LD_PRELOAD=$FAULT_SO \
		$(stage_cmd "$s" "$d") >/dev/null 2>"$d.err" || rc=$?
	[ "$rc" = 5 ] || die "$what: exit $rc, not 5: $(cat "$d.err")"
	grep -q "error: .*'$d/$s\.[a-z.]*'" "$d.err" ||
		die "$what: the message does not name the file: $(cat "$d.err")"
	check_left "$s" "$d" "$prev"
}

for s in 01-fetch 02-normalize 03-stem 04-classify; do
	# Bytes of a stage's output and rejects; fail at the first byte, in the middle of
	# the data, and in the manifest written after them.
	data=$(cat "$work/ref/$s.jsonl.gz" "$work/ref/$s.rejects.jsonl.gz" | wc -c)
	for prev in 0 1; do
		for spec in write:0 write:1 write:4096:EIO write:$((data / 2)) \
			    write:$((data + 10)):EDQUOT fsync:0 fsync:1 fsync:2 fsync:3 fsync:4 \
			    fsync:5 rename:0 rename:1 rename:2 close:0 close:1 close:2; do
			fail_run "$s" "$prev" "$spec"
		done
	done
	# Only the output file's disk fails, in the middle.
	fail_run "$s" 1 write:2000 "$s.jsonl.gz"
done

# The driver: a stage that cannot write stops the run with 5; what was published stays
# complete; and its own summary.txt failing is a 5 too.
for s in 01-fetch 03-stem 04-classify; do
	rc=0
	CXS_FAULT=write:100 CXS_FAULT_PATH=$s LD_PRELOAD=$FAULT_SO \
		cxs-pipeline run -q --workdir "$work/drv_${s%%-*}" "$SAMPLE" >/dev/null 2>"$work/drv.err" || rc=$?
	[ $rc = 5 ] || die "driver with $s failing: exit $rc, not 5: $(cat "$work/drv.err")"
	# the stage's merged file or one of its parts (DIR/STAGE/...)
	grep -q "'$work/drv_${s%%-*}/$s[./][a-z0-9./-]*'" "$work/drv.err" ||
		die "driver with $s failing: the file is not named: $(cat "$work/drv.err")"
	what="driver with $s failing"
	check_left "$s" "$work/drv_${s%%-*}" 0
	# Parts stream from stage to stage, so an earlier stage may not have been merged
	# when the run stopped; a merged file that is there is complete.
	for t in 01-fetch 02-normalize 03-stem 04-classify; do
		[ "$t" = "$s" ] && break
		[ -e "$work/drv_${s%%-*}/$t.jsonl.gz" ] || continue
		cmp -s "$work/drv_${s%%-*}/$t.jsonl.gz" "$work/ref/$t.jsonl.gz" ||
			die "driver with $s failing: $t before it is not complete"
	done
	[ ! -e "$work/drv_${s%%-*}/summary.txt" ] || die "driver with $s failing wrote a summary"
done
rc=0
CXS_FAULT=fsync:0 CXS_FAULT_PATH=summary.txt LD_PRELOAD=$FAULT_SO \
	cxs-pipeline run -q --workdir "$work/drv-sum" "$SAMPLE" >/dev/null 2>"$work/drv.err" || rc=$?
[ $rc = 5 ] || die "driver with summary.txt failing: exit $rc, not 5: $(cat "$work/drv.err")"
grep -q "summary.txt" "$work/drv.err" || die "driver: summary.txt not named: $(cat "$work/drv.err")"
[ ! -e "$work/drv-sum/summary.txt" ] || die "driver left a summary.txt it could not sync"

echo "ok: $runs failing stage runs and 4 driver runs left nothing that looks complete"

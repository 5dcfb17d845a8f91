# SIGTERM at the worst moment (tests/fault/README.md, WHAT=TERM): a scheduler stopping a
# job between the renames that publish a stage's output, its rejects and its manifest.
# Whatever the moment, an output under its final name must have a manifest that
# describes it (a file no manifest vouches for would be taken as unfinished by a
# reader, or worse, as finished by one who only looks for the file), and no temporary
# may be left. The same for the driver, whose merges publish the stage files.
. "$(dirname "$0")/lib.inc"
need_fault_shim

cxs-pipeline run -q --workdir "$work/ref" "$SAMPLE" >/dev/null 2>&1 || die "reference run failed"

# vouched DIR STAGE WHAT: STAGE's output in DIR, when there, is what its manifest says.
vouched() {
	f=$1/$2.jsonl.gz m=$1/$2.manifest.json
	[ -e "$f" ] || return 0
	[ -f "$m" ] || die "$3: $2.jsonl.gz is there without its manifest"
	[ "$(jq -r .output.sha256 "$m")" = "$(sha256sum <"$f" | cut -d' ' -f1)" ] ||
		die "$3: $2.jsonl.gz does not match its manifest"
}

notmp() {
	left=$(find "$1" -name '*.tmp.*')
	[ -z "$left" ] || die "$2: temporaries left behind: $left"
}

signalled=0
for s in 02-normalize 03-stem 04-classify; do
	case $s in
	02-normalize) cmd="cxs-normalize -q -o \$d/$s.jsonl.gz $work/ref/01-fetch.jsonl.gz" ;;
	03-stem) cmd="cxs-stem -q -o \$d/$s.jsonl.gz $work/ref/02-normalize.jsonl.gz" ;;
	04-classify) cmd="cxs-classify -q -o \$d/$s.jsonl.gz $work/ref/03-stem.jsonl.gz" ;;
	esac
	for n in 0 1 2 3; do
		d=$work/$s-$n
		mkdir -p "$d"
		CXS_FAULT=rename:$n:TERM LD_PRELOAD=$FAULT_SO sh -c "d=$d; $cmd" >/dev/null 2>&1
		rc=$?
		[ $rc = 143 ] && signalled=$((signalled + 1))
		what="$s, SIGTERM at rename $((n + 1)) (exit $rc)"
		vouched "$d" "$s" "$what"
		notmp "$d" "$what"
		if [ -e "$d/$s.jsonl.gz" ]; then
			cmp -s "$d/$s.jsonl.gz" "$work/ref/$s.jsonl.gz" || die "$what: output differs"
		fi
	done
done
# Each stage publishes three files: the signal must have come inside that window.
[ $signalled -ge 9 ] || die "only $signalled stage runs were stopped by SIGTERM"

# The driver's merges publish each stage's file and then its manifest: SIGTERM comes
# as the merge renames the manifest into place (only that path counts).
for s in 01-fetch 02-normalize 03-stem 04-classify; do
	d=$work/run-$s
	CXS_FAULT=rename:0:TERM CXS_FAULT_PATH=$s.manifest.json LD_PRELOAD=$FAULT_SO \
		cxs-pipeline run -q --workdir "$d" "$SAMPLE" >/dev/null 2>&1
	rc=$?
	what="driver, SIGTERM as the $s merge publishes (exit $rc)"
	[ $rc != 0 ] || die "$what: the run was not stopped"
	for t in 01-fetch 02-normalize 03-stem 04-classify; do
		vouched "$d" "$t" "$what"
	done
	notmp "$d" "$what"
	# what is left must resume to the clean run's bytes
	cxs-pipeline run -q --workdir "$d" "$SAMPLE" >/dev/null 2>"$work/err" ||
		die "$what: the rerun failed: $(cat "$work/err")"
	cmp -s "$d/04-classify.jsonl.gz" "$work/ref/04-classify.jsonl.gz" ||
		die "$what: the rerun's 04-classify differs from a clean run's"
done
echo "ok: stopped by SIGTERM between renames, every output vouched for by its manifest"

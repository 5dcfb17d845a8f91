# A real full disk: each stage and the driver writing onto an 8 KiB tmpfs (mounted in a
# private mount namespace, so nothing outlives the test) exits 5, names the file and
# leaves nothing under a final name. Needs root and mount namespaces, else skipped; the
# shim test (fault_disk_full.sh) covers the same ground without them.
. "$(dirname "$0")/lib.inc"

[ "$(id -u)" = 0 ] || { echo "not root: cannot mount a tmpfs"; exit 77; }
command -v unshare >/dev/null 2>&1 || { echo "no unshare(1)"; exit 77; }
mkdir -p "$work/probe"
unshare -m sh -c "mount -t tmpfs -o size=8k tmpfs '$work/probe'" 2>/dev/null ||
	{ echo "cannot mount a tmpfs in a mount namespace here (container without CAP_SYS_ADMIN?)"; exit 77; }

cxs-pipeline run -q --workdir "$work/ref" "$SAMPLE" >/dev/null 2>&1 || die "reference run failed"

# Runs in the namespace: mount, run every stage, check what is left, print problems.
cat >"$work/inside.sh" <<'INSIDE'
set -u
d=$1 work=$2 sample=$3
mount -t tmpfs -o size=8k tmpfs "$d" || { echo "mount failed"; exit 1; }
bad=0
check() { # NAME EXIT ERRFILE STAGE
	if [ "$2" != 5 ]; then echo "$1: exit $2, not 5: $(cat "$3")"; bad=1; fi
	if [ "$1" = pipeline ]; then
		# The driver names whichever of its files met the full disk first (its plan,
		# a part, a merged file); its folders, lock and log may stay, but no data
		# file or manifest.
		grep -q "error: .*'$d/" "$3" || { echo "$1: file not named: $(cat "$3")"; bad=1; }
		left=$(find "$d" -name '*.jsonl.gz' -o -name '*.manifest.json' -o -name '*.tmp.*')
	else
		grep -q "error: .*'$d/$4\." "$3" || { echo "$1: file not named: $(cat "$3")"; bad=1; }
		left=$(ls -A "$d")
	fi
	[ -z "$left" ] || { echo "$1: left on the full disk: $left"; bad=1; }
	rm -rf "$d"/* 2>/dev/null
}
rc=0; cxs-fetch -q -o "$d/01-fetch.jsonl.gz" "$sample" 2>"$work/e" || rc=$?
check fetch $rc "$work/e" 01-fetch
rc=0; cxs-normalize -q -o "$d/02-normalize.jsonl.gz" "$work/ref/01-fetch.jsonl.gz" 2>"$work/e" || rc=$?
check normalize $rc "$work/e" 02-normalize
rc=0; cxs-stem -q -o "$d/03-stem.jsonl.gz" "$work/ref/02-normalize.jsonl.gz" 2>"$work/e" || rc=$?
check stem $rc "$work/e" 03-stem
rc=0; cxs-classify -q -o "$d/04-classify.jsonl.gz" "$work/ref/03-stem.jsonl.gz" 2>"$work/e" || rc=$?
check classify $rc "$work/e" 04-classify
rc=0; cxs-pipeline run -q --workdir "$d" "$sample" >/dev/null 2>"$work/e" || rc=$?
check pipeline $rc "$work/e" 01-fetch
umount "$d"
exit $bad
INSIDE
mkdir -p "$work/full"
unshare -m sh "$work/inside.sh" "$work/full" "$work" "$SAMPLE" >"$work/problems" 2>&1 ||
	die "$(cat "$work/problems")"
echo "ok: four stages and the driver on a full tmpfs: exit 5, file named, nothing left"

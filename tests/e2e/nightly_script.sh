# scripts/nightly.sh runs a night from a config file into RUNS/DATE, points RUNS/latest
# at it, and passes on cxs-pipeline's exit status; the second night is incremental.
. "$(dirname "$0")/lib.inc"

printf 'source = %s\nstate = %s\nshard-size = 20\n' "$SAMPLE" "$work/state.db" >"$work/cxs.conf"
export CXS_RUNS="$work/runs" CXS_PIPELINE="$CXS_BIN/cxs-pipeline" CXS_REPORT="$CXS_BIN/cxs-report"
CXS_DATE=2026-11-22 "$CXS_SRC/scripts/nightly.sh" "$work/cxs.conf" >"$work/out" 2>&1 ||
	die "first night failed: $(cat "$work/out")"
[ "$(readlink "$work/runs/latest")" = 2026-11-22 ] || die "latest does not point at the night"
[ -f "$work/runs/2026-11-22/04-classify.jsonl.gz" ] || die "no classify output"
[ -f "$work/runs/2026-11-22/report/report.html" ] && [ -f "$work/runs/2026-11-22/report/report.sqlite" ] ||
	die "no report for the night: $(cat "$work/out")"
CXS_DATE=2026-11-23 "$CXS_SRC/scripts/nightly.sh" "$work/cxs.conf" >"$work/out" 2>&1 ||
	die "second night failed: $(cat "$work/out")"
[ "$(readlink "$work/runs/latest")" = 2026-11-23 ] || die "latest did not move on"
[ "$(jq .counts.out "$work/runs/2026-11-23/01-fetch.manifest.json")" = 0 ] ||
	die "the unchanged second night processed documents again"
# The second night's report reads the state file: its trend chart has two nights.
grep -q 'no trend data' "$work/runs/2026-11-23/report/report.html" &&
	die "the second night's report has no trend data"
# A bad config: the pipeline's exit status (3) comes through; latest stays.
printf 'jobz = 2\n' >"$work/bad.conf"
CXS_DATE=2026-11-24 "$CXS_SRC/scripts/nightly.sh" "$work/bad.conf" >"$work/out" 2>&1
rc=$?
[ $rc = 3 ] || die "bad config: exit $rc, expected 3"
[ "$(readlink "$work/runs/latest")" = 2026-11-23 ] || die "a failed night moved latest"
echo "ok: two nights, the second skipped what the first processed"

# cxs-pipeline --fetch-option passes reading options on to cxs-fetch: the same export
# with a repeated review keeps it only with --keep-duplicates; changing the option makes
# fetch stale, so the same work directory is redone; options that would change which
# files are read are refused (the driver expands the sources itself).
. "$(dirname "$0")/lib.inc"

cat >"$work/in.jsonl" <<'JSONL'
{"id":"a","text":"The waiter was friendly and the soup was hot."}
{"id":"b","text":"The waiter was friendly and the soup was hot."}
{"id":"c","text":"We waited forty minutes for a table."}
JSONL
cxs-pipeline run -q --workdir "$work/run" "$work/in.jsonl" >/dev/null 2>"$work/err" ||
	die "run without options failed: $(cat "$work/err")"
[ "$(count "$work/run" 04-classify out)" = 2 ] || die "the duplicate was not rejected by default"
cxs-pipeline run -q --fetch-option=--keep-duplicates --workdir "$work/run" "$work/in.jsonl" \
	>/dev/null 2>"$work/err" || die "run with --keep-duplicates failed: $(cat "$work/err")"
[ "$(count "$work/run" 04-classify out)" = 3 ] ||
	die "changing --fetch-option did not redo the run: $(count "$work/run" 04-classify out) out"
printf 'fetch-option = --keep-duplicates\n' >"$work/cxs.conf"
cxs-pipeline run -q --config "$work/cxs.conf" --workdir "$work/run2" "$work/in.jsonl" \
	>/dev/null 2>"$work/err" || die "run with a config file failed: $(cat "$work/err")"
[ "$(count "$work/run2" 04-classify out)" = 3 ] || die "the config file's fetch-option was not used"
cxs-pipeline run -q --fetch-option=--lang-hint=en --workdir "$work/run4" "$work/in.jsonl" \
	>/dev/null 2>"$work/err" || die "run with --lang-hint failed: $(cat "$work/err")"
[ "$(zcat "$work/run4/04-classify.jsonl.gz" | jq -r .lang_hint | sort -u)" = en ] ||
	die "--fetch-option=--lang-hint=en did not reach the records"
rc=0
cxs-pipeline run -q --fetch-option=--format=csv --workdir "$work/run3" "$work/in.jsonl" \
	>/dev/null 2>"$work/err" || rc=$?
[ $rc = 2 ] && grep -q "fetch-option: '--format=csv' is not one the driver passes on" "$work/err" ||
	die "--fetch-option=--format=csv: exit $rc: $(cat "$work/err")"
echo "ok: fetch options passed on, part of the recipe, and checked"

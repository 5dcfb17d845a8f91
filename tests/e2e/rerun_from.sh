# An analyst reruns classify with another lexicon pack on yesterday's files: earlier
# stages are untouched, classify is replaced, and errors are clear with meaningful
# exit statuses.
. "$(dirname "$0")/lib.inc"

cxs-pipeline run -q --workdir "$work/run" "$SAMPLE" >/dev/null 2>&1 || die "first run failed"
for s in 01-fetch 02-normalize 03-stem; do cp "$work/run/$s.jsonl.gz" "$work/$s.before"; done
sha_before=$(sha256sum <"$work/run/04-classify.jsonl.gz")

# A minimal pack of our own with one dimension.
mkdir -p "$work/pack"
printf 'name = tiny\nversion = 0.1\nlanguages = en\nlicence = CC0-1.0\ndescription = test\n' >"$work/pack/pack.conf"
printf 'coffee\tCoffee talk\tanything about coffee\n' >"$work/pack/dimensions.tsv"
printf 'coffee\tcoffee\nespresso\tcoffee\n' >"$work/pack/en.lex"
printf 'good\t1.9\n' >"$work/pack/en.sent"

cxs-pipeline run -q --workdir "$work/run" --from classify --lexicon "$work/pack" >"$work/out" 2>&1 ||
	die "rerun from classify failed: $(cat "$work/out")"
for s in 01-fetch 02-normalize 03-stem; do
	cmp -s "$work/run/$s.jsonl.gz" "$work/$s.before" || die "$s changed on a classify rerun"
done
[ "$(sha256sum <"$work/run/04-classify.jsonl.gz")" != "$sha_before" ] || die "classify output did not change"
zcat "$work/run/04-classify.jsonl.gz" | jq -e 'select(.lexicon.name != "tiny")' >/dev/null &&
	die "records not classified with the new pack"
jq -e '.lexicons[0].name == "tiny"' "$work/run/04-classify.manifest.json" >/dev/null ||
	die "manifest does not record the pack"

# A broken pack: exit 3 and a file:line message; the previous output stays.
printf 'coffee\tnosuchdim\n' >"$work/pack/en.lex"
cp "$work/run/04-classify.jsonl.gz" "$work/good"
cxs-pipeline run -q --workdir "$work/run" --from classify --lexicon "$work/pack" >"$work/out" 2>&1
rc=$?
[ $rc = 3 ] || die "broken pack: exit $rc, expected 3"
grep -q 'en.lex:1:' "$work/out" || die "broken pack: no file:line message: $(cat "$work/out")"
cmp -s "$work/good" "$work/run/04-classify.jsonl.gz" || die "a failed classify replaced the previous output"

# Usage errors: exit 2.
cxs-pipeline run --workdir "$work/x" >/dev/null 2>&1; [ $? = 2 ] || die "no sources: expected exit 2"
cxs-pipeline run --workdir "$work/empty" --from stem >/dev/null 2>&1; [ $? = 2 ] || die "--from without files: expected exit 2"

# A missing source among good ones: the run finishes with the rest, exit 4.
cxs-pipeline run -q --workdir "$work/partial" "$SAMPLE/reviews.jsonl" "$work/no-such-file.html" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 4 ] || die "missing source: exit $rc, expected 4"
grep -q "no-such-file.html" "$work/err" || die "missing source not named: $(cat "$work/err")"
[ "$(count "$work/partial" 04-classify out)" -gt 0 ] || die "partial run kept nothing"
echo "ok"

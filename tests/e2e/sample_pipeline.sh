# The whole pipeline over the bundled sample: nothing is lost, counts reconcile through
# every stage, every document is in 04-classify or in a rejects file, and a second run
# gives byte-identical data files.
. "$(dirname "$0")/lib.inc"

cxs-pipeline run -q --workdir "$work/a" "$SAMPLE" >"$work/summary.out" 2>"$work/err" ||
	die "pipeline failed: $(cat "$work/err")"

# What went in: every HTML and text file is one document, every JSONL line one review.
html=$(find "$SAMPLE" -name '*.html' | wc -l)
txt=$(find "$SAMPLE" -name '*.txt' | wc -l)
jsonl=$(find "$SAMPLE" -name '*.jsonl' -exec cat {} + | grep -c .)
expected=$((html + txt + jsonl))
[ "$expected" -gt 20 ] || die "sample too small ($expected documents)"
[ "$(count "$work/a" 01-fetch in)" = "$expected" ] || die "fetch saw $(count "$work/a" 01-fetch in) documents, expected $expected"

prev=""
for s in 01-fetch 02-normalize 03-stem 04-classify; do
	in=$(count "$work/a" $s in); out=$(count "$work/a" $s out); rej=$(count "$work/a" $s rejected)
	[ $((out + rej)) = "$in" ] || die "$s: $in in != $out out + $rej rejected"
	[ "$(lines "$work/a/$s.jsonl.gz")" = "$out" ] || die "$s: file has $(lines "$work/a/$s.jsonl.gz") lines, manifest says $out"
	[ "$(lines "$work/a/$s.rejects.jsonl.gz")" = "$rej" ] || die "$s: rejects file disagrees with manifest"
	[ -z "$prev" ] || [ "$prev" = "$in" ] || die "$s reads $in records but the stage before wrote $prev"
	prev=$out
done

# Every input id reaches the end or a rejects file, with a reason.
zcat "$work/a/01-fetch.jsonl.gz" | jq -r .id | sort >"$work/fetched"
{ zcat "$work/a/04-classify.jsonl.gz" | jq -r .id
  for s in 02-normalize 03-stem 04-classify; do zcat "$work/a/$s.rejects.jsonl.gz" | jq -r .id; done
} | sort >"$work/accounted"
cmp -s "$work/fetched" "$work/accounted" || die "ids lost between fetch and classify"
zcat "$work/a/01-fetch.rejects.jsonl.gz" | jq -e 'select(.reason == null or .reason == "")' >/dev/null &&
	die "a reject without a reason"
[ "$(count "$work/a" 01-fetch rejected)" -ge 2 ] || die "the sample's empty reviews were not rejected"

# The summary names every language and the dimensions.
for l in sv es zh en; do grep -q "^$l " "$work/summary.out" || die "summary lacks language $l"; done
grep -q '^staff ' "$work/summary.out" || die "summary lacks the staff dimension"
cmp -s "$work/summary.out" "$work/a/summary.txt" || die "summary.txt differs from what was printed"

# Determinism: a second run gives the same bytes.
cxs-pipeline run -q --workdir "$work/b" "$SAMPLE" >/dev/null 2>&1 || die "second run failed"
for s in 01-fetch 02-normalize 03-stem 04-classify; do
	cmp -s "$work/a/$s.jsonl.gz" "$work/b/$s.jsonl.gz" || die "$s.jsonl.gz differs between two runs"
	cmp -s "$work/a/$s.rejects.jsonl.gz" "$work/b/$s.rejects.jsonl.gz" || die "$s rejects differ between two runs"
done
echo "ok: $expected documents, counts reconcile, runs identical"

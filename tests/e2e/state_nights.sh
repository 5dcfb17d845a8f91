# --state: a document an earlier night processed is skipped the next night, counted and
# listed with a reason, so in = out + rejected + skipped reconciles; a changed document
# is processed again; rerunning a night in its own directory gives the same result; each
# night's aggregates are in the state file for trends.
. "$(dirname "$0")/lib.inc"
command -v sqlite3 >/dev/null 2>&1 || { echo "skip: no sqlite3 program"; exit 77; }

mkdir -p "$work/crawl"
cp -R "$SAMPLE"/. "$work/crawl/"
st="$work/state.db"
cxs-pipeline run -q --state "$st" --workdir "$work/n1" "$work/crawl" >/dev/null 2>"$work/err" || die "night 1 failed: $(cat "$work/err")"
in1=$(count "$work/n1" 01-fetch in); out1=$(count "$work/n1" 01-fetch out); rej1=$(count "$work/n1" 01-fetch rejected)
[ "$(count "$work/n1" 01-fetch skipped)" = 0 ] || die "night 1 skipped documents with an empty state"
[ "$(sqlite3 "$st" 'SELECT count(*) FROM documents')" = "$out1" ] || die "state does not hold night 1's documents"

# Night 2: the same crawl plus one changed page: only that page is processed.
# (The new paragraph goes inside the post, after its second paragraph: text added after
# the post would be boilerplate to the extractor, and the page's text unchanged.)
sed -i 's/Flera barnfamiljer gav upp och gick.<\/p>/&<p>Update: the new manager answered every complaint within a day.<\/p>/' "$work/crawl/web/sv-fika-blogg.html"
cxs-pipeline run -q --state "$st" --workdir "$work/n2" "$work/crawl" >"$work/summary" 2>"$work/err" || die "night 2 failed: $(cat "$work/err")"
in=$(count "$work/n2" 01-fetch in); out=$(count "$work/n2" 01-fetch out)
rej=$(count "$work/n2" 01-fetch rejected); skip=$(count "$work/n2" 01-fetch skipped)
[ "$in" = "$in1" ] || die "night 2 read $in documents, night 1 $in1"
[ "$out" = 1 ] || die "night 2 processed $out documents, expected the one changed page"
[ $((out + rej + skip)) = "$in" ] || die "night 2: $in in != $out out + $rej rejected + $skip skipped"
[ "$(lines "$work/n2/01-fetch.skipped.jsonl.gz")" = "$skip" ] || die "skipped list and count disagree"
zcat "$work/n2/01-fetch.skipped.jsonl.gz" | jq -e 'select((.reason | test("^already processed on [0-9]{4}-[0-9]{2}-[0-9]{2}$")) | not)' >/dev/null &&
	die "a skipped document without the reason and date"
grep -q "^skipped *$skip already processed" "$work/summary" || die "the summary does not report skipped documents: $(cat "$work/summary")"
grep -q "WARNING" "$work/summary" && die "counts with skipped documents do not reconcile in the summary"
zcat "$work/n2/04-classify.jsonl.gz" | grep -q 'new manager' || die "the changed page was not classified"

# Rerunning night 2 in its directory (fetch forced) gives the same files.
cp "$work/n2/04-classify.jsonl.gz" "$work/n2.classify"
cxs-pipeline run -q --state "$st" --from fetch --workdir "$work/n2" "$work/crawl" >/dev/null 2>&1 || die "rerun of night 2 failed"
cmp -s "$work/n2.classify" "$work/n2/04-classify.jsonl.gz" || die "a rerun of the same night changed its output"
[ "$(count "$work/n2" 01-fetch out)" = 1 ] || die "the rerun skipped its own night's document"

# Aggregates per night for trends: two runs, signals per dimension and polarity.
[ "$(sqlite3 "$st" 'SELECT count(*) FROM runs')" = 2 ] || die "state does not have two runs"
n1staff=$(sqlite3 "$st" "SELECT sum(documents) FROM night_signals s JOIN runs r USING (run) WHERE r.run LIKE '%/n1' AND dim = 'staff'")
want=$(zcat "$work/n1/04-classify.jsonl.gz" | jq -c '.signals[] | select(.dim == "staff")' | wc -l)
[ "$n1staff" = "$want" ] || die "night 1 staff signals: state has $n1staff, the file $want"
[ "$(sqlite3 "$st" "SELECT skipped FROM runs WHERE run LIKE '%/n2'")" = "$skip" ] || die "runs.skipped is wrong"

# Night 3: the same crawl saved under another folder (crawlers date their folders):
# pages are known by content, reviews by their own ids, so nothing is new.
cp -R "$work/crawl" "$work/crawl-2026-11-24"
cxs-pipeline run -q --state "$st" --workdir "$work/n3" "$work/crawl-2026-11-24" >/dev/null 2>"$work/err" ||
	die "night 3 failed: $(cat "$work/err")"
[ "$(count "$work/n3" 01-fetch out)" = 0 ] ||
	die "a crawl moved to a new folder was processed again: $(count "$work/n3" 01-fetch out) documents"

# A file that is not a state database: exit 3, nothing processed.
echo "not sqlite" >"$work/bad.db"
cxs-pipeline run -q --state "$work/bad.db" --workdir "$work/n4" "$work/crawl" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] || die "a broken state file: exit $rc, expected 3: $(cat "$work/err")"
[ -e "$work/n4/01-fetch.jsonl.gz" ] && die "a broken state file, yet fetch ran"
echo "ok: night 2 skipped $skip of $in, processed the changed page, aggregates kept"

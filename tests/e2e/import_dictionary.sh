# A researcher's own dictionary is usable directly as --lexicon FILE: a LIWC-style .dic
# and a category TSV become dimensions (with cx-core's polarity words, negators and
# intensifiers); LIWC's posemo/negemo classes become polarity words; NAME.LANG.dic
# limits it to one language; problems name the dictionary's own lines.
. "$(dirname "$0")/lib.inc"

# Categories 1-2 are dimensions; 3 and 4 are LIWC's polarity classes. "offhand" is not
# in cx-core's en.sent: only the dictionary makes it negative.
printf '%%\n1\tstaff\tPeople who serve\n2\tfood\n3\tposemo\n4\tnegemo\n%%\n' >"$work/hotel.en.dic"
printf 'waiter\t1\nbarista*\t1\nsoup\t2\nflat white\t2\noffhand\t4\nlovely\t3\nlike\t(02 134)53 3\n' \
	>>"$work/hotel.en.dic"
printf '# my cafe categories\ncoffee\tespresso\tlatte\tcortado\nstaff\tbarista\tservitör\ncoffee\tcappuccino\n' \
	>"$work/cafe.tsv"

cat >"$work/in.jsonl" <<'JSONL'
{"id":"en-1","text":"The waiter was lovely. The soup was not good."}
{"id":"en-2","text":"The barista was offhand. I had a flat white."}
{"id":"en-3","text":"The espresso was excellent."}
{"id":"sv-1","text":"Servitören var trevlig men kaffet var kallt."}
JSONL
cxs-fetch -q -o "$work/1.jsonl.gz" "$work/in.jsonl" &&
cxs-normalize -q -o "$work/2.jsonl.gz" "$work/1.jsonl.gz" &&
cxs-stem -q -o "$work/3.jsonl.gz" "$work/2.jsonl.gz" || die "a stage failed"

cxs-classify --check-lexicon "$work/hotel.en.dic" >"$work/check" 2>"$work/check.err" ||
	die "hotel.en.dic check failed: $(cat "$work/check.err")"
grep -q '^hotel [0-9a-f]\{12\}: 2 dimensions; en 4 terms$' "$work/check" ||
	die "hotel.en.dic summary: $(cat "$work/check")"
grep -q "hotel.en.dic:13: warning: '(02' is not a category number" "$work/check.err" ||
	die "the conditional LIWC entry was not reported on its line: $(cat "$work/check.err")"

cxs-classify -q --lexicon "$work/hotel.en.dic" -o "$work/dic.jsonl.gz" "$work/3.jsonl.gz" ||
	die "classify with a .dic failed"
cxs-classify -q --lexicon "$work/cafe.tsv" -o "$work/tsv.jsonl.gz" "$work/3.jsonl.gz" ||
	die "classify with a category TSV failed"

bad=0
expect() {
	got=$(zcat "$1" | jq -r --arg id "$2" \
		'select(.id == $id) | [.signals[] | "\(.dim) \(.polarity)"] | join(",")')
	[ "$got" = "$3" ] || { echo "FAIL: $(basename "$1") $2: expected '$3', got '$got'"; bad=1; }
}
expect "$work/dic.jsonl.gz" en-1 "staff positive,food negative"
expect "$work/dic.jsonl.gz" en-2 "staff negative,food neutral"
expect "$work/dic.jsonl.gz" sv-1 ""           # an English-only dictionary
expect "$work/tsv.jsonl.gz" en-3 "coffee positive"
expect "$work/tsv.jsonl.gz" sv-1 "staff positive"
zcat "$work/dic.jsonl.gz" | jq -s -e 'all(.[]; .lexicon.name == "hotel")' >/dev/null ||
	{ echo "FAIL: records do not name the imported lexicon"; bad=1; }

# Errors name the file and line, and stop the run before any input is read.
printf '%%\n1\tstaff\n1\tfood\n%%\nwaiter\t7\n' >"$work/broken.dic"
cxs-classify --check-lexicon "$work/broken.dic" >/dev/null 2>"$work/broken.err"
rc=$?
[ $rc = 3 ] || { echo "FAIL: broken.dic check exit $rc, expected 3"; bad=1; }
grep -q 'broken.dic:3: category number 1 defined twice' "$work/broken.err" &&
grep -q 'broken.dic:5: unknown category number 7' "$work/broken.err" ||
	{ echo "FAIL: broken.dic problems: $(cat "$work/broken.err")"; bad=1; }
cxs-classify -q --lexicon "$work/broken.dic" -o "$work/no.jsonl.gz" "$work/3.jsonl.gz" 2>/dev/null
[ $? = 3 ] && [ ! -e "$work/no.jsonl.gz" ] || { echo "FAIL: a broken dictionary was used"; bad=1; }
[ $bad = 0 ] || exit 1
echo "ok: .dic and category TSV dictionaries imported"

# SemEval-2016 restaurant reviews (en train), read as XML by cxs-fetch, through the whole
# pipeline and cxs-eval with the cx-core mapping: it runs, reports every mapped
# dimension, and staff and product F1 stay above a low floor. Skipped (77) when the
# shared data sets are absent.
. "$(dirname "$0")/lib.inc"

xml="$CXS_SRC/../shared/data/reviews/semeval2016-restaurants/en/ABSA16_Restaurants_Train_SB1_v2.xml"
if [ ! -f "$xml" ]; then
	echo "no SemEval-2016 data under \$CXS_SRC/../shared/data"
	exit 77
fi
cp "$xml" "$work/en.xml"
# Gold data repeat short sentences ("Great food."): each is a data point, so fetch keeps
# duplicates here (the driver passes the option on).
cxs-pipeline run -q --fetch-option=--keep-duplicates --workdir "$work/p" "$work/en.xml" \
	>/dev/null 2>"$work/err" || die "pipeline failed: $(cat "$work/err")"
[ "$(count "$work/p" 01-fetch out)" -eq 2000 ] || die "expected 2000 sentences from fetch"
cxs-eval -q --json --map "$CXS_SRC/lexicons/cx-core/eval/semeval2016.map" \
	"$work/p/04-classify.jsonl.gz" >"$work/eval.json" 2>"$work/err" ||
	die "cxs-eval failed: $(cat "$work/err")"
cxs-eval -q --map "$CXS_SRC/lexicons/cx-core/eval/semeval2016.map" \
	"$work/p/04-classify.jsonl.gz" >"$work/eval.txt" || die "cxs-eval (table) failed"

[ "$(jq .records.gold_opinions "$work/eval.json")" -gt 1000 ] ||
	die "too few records with gold opinions"
for d in staff product; do
	f1=$(jq ".categories.$d.f1" "$work/eval.json")
	awk -v f="$f1" 'BEGIN { exit !(f != "null" && f + 0 > 0.5) }' ||
		die "$d F1 $f1 is not above 0.5"
	grep -q "^$d " "$work/eval.txt" || die "table lacks $d"
done
echo "staff F1 $(jq .categories.staff.f1 "$work/eval.json"), product F1 $(jq .categories.product.f1 "$work/eval.json")"
rm -rf "$work"

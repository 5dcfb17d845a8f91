# The real review exports in ../shared/data/reviews, read as CSV with the --map recipes
# of stages/fetch/README.md: every row is a document (counted against Python's csv
# module), in = out + rejected, rejects are duplicates or empty texts only, and gold
# lands where cxs-eval reads it (gold.polarity; ASAP's aspect columns as gold.opinions
# with the categories of lexicons/cx-core/eval/asap.map). Skipped (77) without the data.
. "$(dirname "$0")/lib.inc"

data="$CXS_SRC/../shared/data/reviews"
if [ ! -d "$data/chnsenticorp-zh" ]; then
	echo "no review exports under \$CXS_SRC/../shared/data"
	exit 77
fi
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }

binary='text=review,gold.polarity=label[1=positive;0=negative]'
asap='id=index,text=reviewbody,gold.rating=star,gold.opinions=location_*,gold.opinions=service_*,gold.opinions=price_*,gold.opinions=environment_*,gold.opinions=dish_*'

# rows FILE...: data rows as Python's csv module counts them
rows() {
	python3 -c '
import csv, sys
n = 0
for f in sys.argv[1:]:
    with open(f, encoding="utf-8-sig", newline="") as fh:
        n += sum(1 for _ in csv.reader(fh)) - 1
print(n)' "$@"
}

# check NAME MAP FILE...: fetch, count, and run cxs-eval over the records
check() {
	name=$1 map=$2
	shift 2
	cxs-fetch -q -o "$work/$name.jsonl" --map "$map" "$@" 2>"$work/err" ||
		die "$name: cxs-fetch failed: $(cat "$work/err")"
	m="$work/$name.manifest.json"
	in=$(jq .counts.in "$m") out=$(jq .counts.out "$m") rej=$(jq .counts.rejected "$m")
	[ "$in" -eq "$(rows "$@")" ] || die "$name: $in documents, $(rows "$@") rows"
	[ "$in" -eq $((out + rej)) ] || die "$name: in $in != out $out + rejected $rej"
	[ "$out" -ge $((in * 95 / 100)) ] || die "$name: only $out of $in documents out"
	other=$(zcat "$work/$name.rejects.jsonl.gz" | jq -r .reason |
		grep -cv '^duplicate of \|^empty text' || true)
	[ "$other" -eq 0 ] || die "$name: $other rejects for other reasons"
	cxs-eval -q --json --map "$CXS_SRC/lexicons/cx-core/eval/asap.map" \
		"$work/$name.jsonl" >"$work/$name.eval" 2>"$work/err" ||
		die "$name: cxs-eval failed: $(cat "$work/err")"
	[ "$(jq .records.bad "$work/$name.eval")" -eq 0 ] || die "$name: bad gold"
	[ "$(jq .records.no_gold "$work/$name.eval")" -eq 0 ] || die "$name: records without gold"
	echo "$name: $in rows, $out documents, $rej rejected"
}

check sv gold.polarity=sentiment "$data/swedish-sentiment-sv/sentiment-sv.csv"
[ "$(jq -r .gold.polarity "$work/sv.jsonl" | sort -u | tr '\n' ' ')" = "negative positive " ] ||
	die "sv: gold.polarity is not positive/negative"
check chnsenticorp "$binary" "$data/chnsenticorp-zh/ChnSentiCorp_htl.csv"
check waimai "$binary" "$data/waimai-zh/waimai.csv"
for n in chnsenticorp waimai; do
	[ "$(jq -r .gold.polarity "$work/$n.jsonl" | sort -u | tr '\n' ' ')" = "negative positive " ] ||
		die "$n: gold.polarity is not positive/negative"
done
check asap "$asap" "$data/asap-zh/dev_sample.csv" "$data/asap-zh/train_sample.csv"
[ "$(jq .records.gold_opinions "$work/asap.eval")" -eq 200 ] || die "asap: gold opinions"
# Every category is a column of asap.map, and ratings are whole numbers.
cats=$(jq -r '.gold.opinions[].category' "$work/asap.jsonl" | sort -u)
for c in $cats; do
	grep -q "[	,]$c\(,\|\$\)" "$CXS_SRC/lexicons/cx-core/eval/asap.map" || die "asap: category $c not in asap.map"
done
[ "$(echo "$cats" | wc -l)" -eq 18 ] || die "asap: $(echo "$cats" | wc -l) categories, not 18"
[ "$(jq -r '.gold.rating | type' "$work/asap.jsonl" | sort -u)" = number ] || die "asap: ratings not numbers"
rm -rf "$work"

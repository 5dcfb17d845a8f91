# Swapping the taxonomy is one option: the same sentences, classified with the bundled
# servqual pack (--lexicon, for cxs-classify and for cxs-pipeline), get SERVQUAL
# dimensions, and with the default pack cx-core ones. The servqual pack passes the check.
. "$(dirname "$0")/lib.inc"

pack="$CXS_SRC/lexicons/servqual"
cxs-classify --check-lexicon "$pack" >"$work/check" 2>&1 || die "servqual check: $(cat "$work/check")"
grep -q '^servqual 1\.0\.0: 5 dimensions;' "$work/check" || die "servqual check summary: $(cat "$work/check")"

cat >"$work/in.jsonl" <<'JSONL'
{"id":"en-1","text":"The staff responded quickly to our request."}
{"id":"en-2","text":"The dining room was dirty and the chairs were shabby."}
{"id":"sv-1","text":"Personalen var otroligt kunnig och professionell."}
{"id":"sv-2","text":"De glömde vår beställning och vi fick fel rätt."}
{"id":"es-1","text":"El camarero fue muy atento y se preocupó por nuestras alergias."}
{"id":"es-2","text":"Se equivocaron con el pedido y olvidaron la bebida."}
{"id":"zh-1","text":"服务员非常贴心，照顾得很周到。"}
{"id":"zh-2","text":"上菜太慢了，叫了半天没人理。"}
JSONL
cxs-fetch -q -o "$work/1.jsonl.gz" "$work/in.jsonl" &&
cxs-normalize -q -o "$work/2.jsonl.gz" "$work/1.jsonl.gz" &&
cxs-stem -q -o "$work/3.jsonl.gz" "$work/2.jsonl.gz" || die "a stage failed"
cxs-classify -q --lexicon "$pack" -o "$work/sq.jsonl.gz" "$work/3.jsonl.gz" || die "classify --lexicon servqual failed"
cxs-classify -q -o "$work/cx.jsonl.gz" "$work/3.jsonl.gz" || die "classify with the default pack failed"
cxs-pipeline run -q --lexicon "$pack" --workdir "$work/run" "$work/in.jsonl" >/dev/null 2>"$work/err" ||
	die "cxs-pipeline --lexicon servqual failed: $(cat "$work/err")"

bad=0
# expect FILE ID LANG "DIM POLARITY": the record's only signal
expect() {
	got=$(zcat "$1" | jq -r --arg id "$2" \
		'select(.id == $id) | "\(.lang) \([.signals[] | "\(.dim) \(.polarity)"] | join(","))"')
	[ "$got" = "$3 $4" ] || { echo "FAIL: $2: expected '$3 $4', got '$got'"; bad=1; }
}
for f in "$work/sq.jsonl.gz" "$work/run/04-classify.jsonl.gz"; do
	expect "$f" en-1 en "responsiveness positive"
	expect "$f" en-2 en "tangibles negative"
	expect "$f" sv-1 sv "assurance positive"
	expect "$f" sv-2 sv "reliability negative"
	expect "$f" es-1 es "empathy positive"
	expect "$f" es-2 es "reliability negative"
	expect "$f" zh-1 zh "empathy positive"
	expect "$f" zh-2 zh "responsiveness negative"
	zcat "$f" | jq -s -e 'length == 8 and all(.[]; .lexicon.name == "servqual")' >/dev/null ||
		{ echo "FAIL: $f: not 8 records classified with servqual"; bad=1; }
done
# The default pack still gives its own dimensions to the same records.
zcat "$work/cx.jsonl.gz" | jq -s -e '
	length == 8 and all(.[]; .lexicon.name == "cx-core") and
	([.[].signals[].dim] | unique | inside(["staff","product","ambience","waiting","price",
		"access","personalization","cocreation","failure","recovery","emotion","loyalty"])) and
	(.[] | select(.id == "sv-1") | [.signals[].dim] == ["staff"])' >/dev/null ||
	{ echo "FAIL: the default pack did not give cx-core dimensions"; bad=1; }
[ "$(jq -r '.lexicons[0].name' "$work/run/04-classify.manifest.json")" = servqual ] ||
	{ echo "FAIL: the pipeline's classify manifest does not name servqual"; bad=1; }
[ $bad = 0 ] || exit 1
echo "ok: servqual swapped in with one option"

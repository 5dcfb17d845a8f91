# A clear sentence per language gets the expected dimension and polarity from the
# bundled cx-core pack, through the real stage executables.
. "$(dirname "$0")/lib.inc"

cat >"$work/in.jsonl" <<'JSONL'
{"id":"en-1","text":"The waiter was very friendly and helpful."}
{"id":"en-2","text":"The food was not good at all."}
{"id":"sv-1","text":"Servitrisen var otroligt trevlig och hjälpsam."}
{"id":"sv-2","text":"Maten var inte god och alldeles för kall."}
{"id":"es-1","text":"El camarero fue muy amable con nosotros."}
{"id":"es-2","text":"La comida no estaba buena y llegó fría."}
{"id":"zh-1","text":"服务员态度非常好，很热情。"}
{"id":"zh-2","text":"这家的菜不好吃，太咸了。"}
{"id":"en-3","text":"We waited forty minutes for a table and nobody apologized."}
{"id":"sv-3","text":"Vi kommer definitivt tillbaka hit!"}
JSONL
cxs-fetch -q -o "$work/1.jsonl.gz" "$work/in.jsonl" &&
cxs-normalize -q -o "$work/2.jsonl.gz" "$work/1.jsonl.gz" &&
cxs-stem -q -o "$work/3.jsonl.gz" "$work/2.jsonl.gz" &&
cxs-classify -q -o "$work/4.jsonl.gz" "$work/3.jsonl.gz" || die "a stage failed"

expect() { # id lang dim polarity
	got=$(zcat "$work/4.jsonl.gz" | jq -r --arg id "$1" --arg d "$3" \
		'select(.id == $id) | "\(.lang) \([.signals[] | select(.dim == $d) | .polarity][0] // "none")"')
	[ "$got" = "$2 $4" ] || { echo "FAIL: $1: expected '$2 $4' for $3, got '$got'"; bad=1; }
}
bad=0
expect en-1 en staff positive
expect en-2 en product negative
expect sv-1 sv staff positive
expect sv-2 sv product negative
expect es-1 es staff positive
expect es-2 es product negative
expect zh-1 zh staff positive
expect zh-2 zh product negative
expect en-3 en waiting negative
expect sv-3 sv loyalty positive
# Evidence points into the original text.
zcat "$work/4.jsonl.gz" | jq -s -e '.[] | select(.id == "zh-1") | .signals[0].evidence[0] | .end > .start' >/dev/null ||
	{ echo "FAIL: zh-1 has no evidence span"; bad=1; }
[ $bad = 0 ] || exit 1
echo "ok: 10 clear sentences"

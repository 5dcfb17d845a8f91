# A Swedish blog post quoting English sentences: each sentence keeps its own language
# through normalize, is stemmed by its language's stemmer, and is matched with its
# language's lexicon in classify; the document is Swedish (most of its characters).
. "$(dirname "$0")/lib.inc"

cat >"$work/in.jsonl" <<'JSONL'
{"id":"mix-1","lang_hint":"sv","text":"Vi åt middag på det nya stället vid torget i fredags. Maten var god men det tog nästan en timme innan vi fick våra varmrätter. En amerikansk gäst vid bordet bredvid skrev så här i sin recension efteråt. The waiter was incredibly rude to us. The food was not good at all. Jag håller inte med om maten, men servicen var långsam."}
{"id":"mix-2","text":"We stayed three nights and the breakfast was excellent every morning. The staff were friendly and helpful. Personalen var otroligt trevlig."}
JSONL
cxs-fetch -q -o "$work/1.jsonl.gz" "$work/in.jsonl" &&
cxs-normalize -q -o "$work/2.jsonl.gz" "$work/1.jsonl.gz" &&
cxs-stem -q -o "$work/3.jsonl.gz" "$work/2.jsonl.gz" &&
cxs-classify -q -o "$work/4.jsonl.gz" "$work/3.jsonl.gz" || die "a stage failed"

bad=0
check() { # description jq-filter-that-must-be-true
	zcat "$work/4.jsonl.gz" | jq -e -s "$2" >/dev/null ||
		{ echo "FAIL: $1"; bad=1; }
}
# cxs-stem's output (schema version 2) lists only the forms that are not the token's own
# bytes of text and the stems that are not the form (offsets are bytes, jq slices by
# character): `spelled` gives every form written out, `stems` every stem.
spelled='(.text | explode) as $cs
  | [foreach $cs[] as $c (0; . + (if $c < 128 then 1 elif $c < 2048 then 2
                                   elif $c < 65536 then 3 else 4 end))] as $ends
  | def cp($b): [$ends[] | select(. <= $b)] | length;
  .spans as $s | [foreach range(0; $s | length; 2) as $i ([0, 0];
                  [.[1] + $s[$i], .[1] + $s[$i] + $s[$i + 1]])] as $tok
  | ([range(0; .form_at | length; 2) as $j | {key: (.form_at[$j] | tostring), value: .form_at[$j + 1]}]
     | from_entries) as $fa
  | [range(0; $tok | length) as $i
     | $fa[$i | tostring] // ($cs[cp($tok[$i][0]):cp($tok[$i][1])] | implode)]'
spelled="def spelled: $spelled;
  def stems: spelled as \$f
  | ([range(0; .stem_at | length; 2) as \$j | {key: (.stem_at[\$j] | tostring), value: .stem_at[\$j + 1]}]
     | from_entries) as \$sa
  | [range(0; \$f | length) as \$i | \$sa[\$i | tostring] // \$f[\$i]];"
check3() { # the same on cxs-stem's output, which has the per-token arrays
	zcat "$work/3.jsonl.gz" | jq -e -s "$spelled $2" >/dev/null ||
		{ echo "FAIL: $1"; bad=1; }
}
one='.[] | select(.id == "mix-1")'
two='.[] | select(.id == "mix-2")'
check "mix-1 is Swedish" "$one | .lang == \"sv\""
check "mix-1 sentences: sv sv sv en en sv" \
	"$one | .sentence_langs == [\"sv\",\"sv\",\"sv\",\"en\",\"en\",\"sv\"]"
check "one score per sentence, each in (0, 1]" \
	"$one | (.sentence_lang_scores | length) * 2 == (.sentences | length) and all(.sentence_lang_scores[]; . > 0 and . <= 1)"
# English tokens get English stems and stopwords, Swedish ones Swedish (stop is one
# character a token)
check3 "'incredibly' has its English stem" \
	"$one | [spelled, stems] | transpose | any(.[0] == \"incredibly\" and .[1] == \"incred\")"
check3 "'the' is an English stopword inside a Swedish post" \
	"$one | [spelled, (.stop | split(\"\"))] | transpose | any(.[0] == \"the\" and .[1] == \"1\")"
check3 "'varmrätter' has its Swedish stem" \
	"$one | [spelled, stems] | transpose | any(.[0] == \"varmrätter\" and .[1] == \"varmrät\")"
check "04-classify leaves the per-token arrays out" \
	"$one | has(\"spans\") or has(\"form_at\") or has(\"stem_at\") or has(\"stop\") | not"
# the English quote finds the English staff term, negatively
check "the English quote gives negative staff evidence" \
	"$one | [.signals[] | select(.dim == \"staff\") | .evidence[].text] | any(. == \"waiter\")"
check "mix-2 is English with a Swedish last sentence" \
	"$two | .lang == \"en\" and .sentence_langs == [\"en\",\"en\",\"sv\"]"
check "the Swedish sentence of mix-2 finds 'personalen'" \
	"$two | [.signals[] | .evidence[].text] | any(. == \"Personalen\")"
[ $bad = 0 ] || { zcat "$work/4.jsonl.gz" | jq -c '{id, lang, sentence_langs, sentence_lang_scores, signals: [.signals[] | {dim, polarity, ev: [.evidence[].text]}]}'; exit 1; }
echo "ok: a Swedish post quoting English keeps both languages"

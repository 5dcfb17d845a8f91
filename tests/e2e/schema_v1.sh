# Files of schema version 1 still read: a 02-normalize written before version 2
# (tests/fixtures/schema-v1, absolute `tokens` and a `forms` entry per token) goes
# through today's cxs-stem and cxs-classify to the same bytes as the same records
# written as version 2 (converted here with jq, independently of our C code, so a new
# language model does not change what is compared) do: 03-stem and 04-classify.
. "$(dirname "$0")/lib.inc"

fx=$CXS_SRC/tests/fixtures/schema-v1
cp "$fx/reviews.jsonl" "$fx/02-normalize.jsonl" "$work/" || die "no fixture"
cd "$work" || die "no work directory"
# fetch names the source as it was given, as when the fixture was made
cxs-fetch -q -o 01.jsonl reviews.jsonl &&
cxs-normalize -q -o 02-today.jsonl 01.jsonl || die "fetch or normalize failed"
jq -c '.tokens as $t | .forms as $f
	| .spans = [range(0; $t | length; 2) as $i
		| (if $i == 0 then $t[0] else $t[$i] - $t[$i - 1] end), $t[$i + 1] - $t[$i]]
	| .form_at = [range(0; $f | length) as $i | select($f[$i] != "") | $i, $f[$i]]
	| del(.tokens, .forms)' 02-normalize.jsonl >02-v2.jsonl || die "jq could not convert the fixture"
for v in v1 v2; do
	in=02-$v.jsonl
	[ $v = v1 ] && in=02-normalize.jsonl
	cxs-stem -q -o 03-$v.jsonl "$in" &&
	cxs-classify -q -o 04-$v.jsonl 03-$v.jsonl || die "stem or classify failed on $v"
done
# the fixture really is version 1, and today's normalize writes version 2
jq -e -s 'all(has("tokens") and has("forms") and (has("spans") | not))' 02-normalize.jsonl \
	>/dev/null || die "the fixture is not schema version 1"
jq -e -s 'all(has("spans") and has("form_at") and (has("tokens") | not))' 02-today.jsonl \
	>/dev/null || die "cxs-normalize did not write schema version 2"
# today's normalize finds the same tokens and forms as the fixture holds
[ "$(jq -c '[.spans, .form_at]' 02-today.jsonl)" = "$(jq -c '[.spans, .form_at]' 02-v2.jsonl)" ] ||
	die "today's tokens differ from the fixture's"
[ "$(jq -r .schema 03-v1.manifest.json)" = 2 ] || die "the manifest does not say schema 2"
n=$(wc -l <02-normalize.jsonl)
[ "$n" -ge 6 ] && [ "$(wc -l <04-v1.jsonl)" = "$n" ] || die "records lost on the v1 path"
cmp 03-v1.jsonl 03-v2.jsonl || die "03-stem differs between the v1 and v2 paths"
cmp 04-v1.jsonl 04-v2.jsonl || die "04-classify differs between the v1 and v2 paths"
jq -e -s '[.[].signals | length] | add > 0' 04-v1.jsonl >/dev/null || die "no signals at all"
echo "ok: a schema version 1 file gives the same 03-stem and 04-classify as version 2"

# build/bench-reference, which `make bench` uses to set the stages' speeds beside what
# the machine's ICU and libstemmer do alone: it reads each language's file whole, runs
# every operation and reports the bytes and units it saw, so the speeds it prints are
# over the text it was given.
. "$(dirname "$0")/lib.inc"
ref=$CXS_BUILD/bench-reference
[ -x "$ref" ] || die "no '$ref' (make $ref)"

# 500 copies of one line each: 8, 11 and 9 words in the Latin lines.
rep() { i=0; while [ $i -lt 500 ]; do printf '%s\n' "$1"; i=$((i + 1)); done; }
rep "Maten var god, men servitören glömde vår beställning." >"$work/sv.txt"
rep "La sopa llegó fría y el camarero nunca volvió, ¡qué pena!" >"$work/es.txt"
rep "The waiter forgot our order; the soup arrived cold." >"$work/en.txt"
rep "這家餐廳的服務很好，菜也好吃。" >"$work/zh.txt"

"$ref" "$work/sv.txt" "$work/es.txt" "$work/en.txt" "$work/zh.txt" >"$work/out" 2>"$work/err" ||
	die "bench-reference failed: $(cat "$work/err")"
[ ! -s "$work/err" ] || die "bench-reference wrote to stderr: $(cat "$work/err")"

bad=0
expect() { # op lang bytes units
	got=$(awk -F'\t' -v op="$1" -v l="$2" '$1 == op && $2 == l { print $3, $5; n++ }
		END { if (n != 1) print "lines:" n }' "$work/out")
	[ "$got" = "$3 $4" ] || { echo "FAIL: $1 $2: expected bytes and units '$3 $4', got '$got'"; bad=1; }
}
size() { echo $(($(wc -c <"$work/$1.txt") - 500)); }
for l in sv es en zh; do expect utf16+nfkc_cf $l "$(size $l)" 0; done
expect libstemmer sv "$(size sv)" 4000
expect libstemmer es "$(size es)" 5500
expect libstemmer en "$(size en)" 4500
expect hant-hans zh "$(size zh)" 0
# Word break counts words only (UBRK_WORD_NONE excluded): 8 in the Swedish line; the
# Chinese line is cut by ICU's dictionary into more than its two clauses.
expect wordbreak sv "$(size sv)" 4000
zh_words=$(awk -F'\t' '$1 == "wordbreak" && $2 == "zh" { print $5 }' "$work/out")
[ "${zh_words:-0}" -gt 2000 ] || { echo "FAIL: wordbreak zh found ${zh_words:-no} words"; bad=1; }
[ "$(wc -l <"$work/out")" -eq 12 ] || { echo "FAIL: expected 12 result lines"; cat "$work/out"; bad=1; }
awk -F'\t' '$4 !~ /^[0-9]+\.[0-9]+$/ { print "FAIL: bad CPU seconds: " $0; exit 1 }' "$work/out" || bad=1

"$ref" "$work/sv.txt" 2>"$work/err" && die "accepted one file"
grep -q "usage: bench-reference" "$work/err" || die "no usage message: $(cat "$work/err")"
"$ref" "$work/none" "$work/es.txt" "$work/en.txt" "$work/zh.txt" 2>"$work/err" && die "read a missing file"
grep -q "cannot open: $work/none" "$work/err" || die "no file name in: $(cat "$work/err")"

rm -rf "$work"
[ $bad -eq 0 ] || exit 1
echo "ok: bench-reference reports every operation over the whole text of each language"

# scripts/eval-langid --relabel with the shipped errata: every line still fits its
# sentence (id, fingerprint and label), both tables are printed and labelled, and the
# corrected one counts the relabelled sentences where the errata put them. A line that
# does not fit its sentence stops the run naming the file and line. Skipped without the
# shared data.
. "$(dirname "$0")/lib.inc"

errata="$CXS_SRC/scripts/eval-langid-errata.tsv"
ev() { "$CXS_SRC/scripts/eval-langid" --workdir "$work/ev" "$@"; }

ev --relabel "$errata" >"$work/out" 2>"$work/err"
rc=$?
[ $rc = 77 ] && { cat "$work/err"; exit 77; }
[ $rc = 0 ] || { cat "$work/err"; die "eval-langid --relabel exited $rc"; }
for what in "tune half: sentences of at least 20 characters (raw labels)" \
	    "check half: sentences of at least 20 characters (raw labels)" \
	    "tune half: sentences of at least 20 characters (corrected labels)" \
	    "check half: sentences of at least 20 characters (corrected labels)" \
	    "bars (raw labels):" "bars (corrected labels):"; do
	grep -qF "$what" "$work/out" || die "no '$what' in the output"
done
# the errata move sentences out of sv (to en, no, da or none), never into it
raw_sv=$(awk '/\(raw labels\) ==/{t=1} /\(corrected labels\) ==/{t=0} t && /^sv +[0-9]+ +[0-9]+ +[0-9.]+ %/{n+=$2} END{print n}' "$work/out")
fix_sv=$(awk '/\(corrected labels\) ==/{t=1} t && /^sv +[0-9]+ +[0-9]+ +[0-9.]+ %/{n+=$2} END{print n}' "$work/out")
[ "$raw_sv" -gt "$fix_sv" ] || die "corrected sv count $fix_sv is not below the raw $raw_sv"

# a line whose fingerprint does not fit its sentence
grep -v '^#' "$errata" | head -1 | awk -F'\t' 'BEGIN{OFS="\t"} {$2="00000000"; print}' >"$work/bad.tsv"
ev --relabel "$work/bad.tsv" >"$work/out2" 2>"$work/err2"
rc=$?
[ $rc = 1 ] || die "a stale errata line gave exit $rc, not 1"
grep -q "bad.tsv': line 1: sentence 's[0-9]*' is not the one this line was written for" "$work/err2" ||
	{ cat "$work/err2"; die "no file:line message for a stale errata line"; }
printf 's000001\tx\n' >"$work/bad2.tsv"
ev --relabel "$work/bad2.tsv" >/dev/null 2>"$work/err3"
[ $? = 1 ] && grep -q "bad2.tsv': line 1: expected 5 tab-separated fields" "$work/err3" ||
	{ cat "$work/err3"; die "no message for a short errata line"; }
echo "ok: the errata fit the data ($raw_sv raw, $fix_sv corrected sv sentences of 20 characters and more)"

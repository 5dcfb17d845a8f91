# The shipped language model is what scripts/build-langid-model makes from its sources
# (lexicons/langid/README.md): nobody edited it by hand, and the recipe still works.
# Skipped when the Debian sources or the shared data are not there.
. "$(dirname "$0")/lib.inc"

# Only Python runs here, none of our programs: the sanitizer pass would repeat the plain
# pass's check exactly (8 s of CPU), so it is left to the plain pass.
if [ -n "${CXS_SANITIZE:-}" ]; then
	echo "no program of ours runs here (python only): checked by the plain pass"
	exit 77
fi

"$CXS_SRC/scripts/build-langid-model" --check >"$work/out" 2>&1
rc=$?
[ $rc = 77 ] && { cat "$work/out"; exit 77; }
[ $rc = 0 ] || { cat "$work/out"; echo "FAIL: lexicons/langid/model.txt is not what its sources give"; exit 1; }
echo "ok: the language model is up to date"

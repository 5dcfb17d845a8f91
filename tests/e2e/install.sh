# `make install` puts programs, lexicons and man pages under DESTDIR/PREFIX, and the
# installed programs find their bundled lexicons there without any environment.
. "$(dirname "$0")/lib.inc"

root="$work/root"
make -s -C "$CXS_SRC" install DESTDIR="$root" PREFIX=/usr BINDIR="$CXS_BIN" BUILD="$CXS_BUILD" \
	>"$work/log" 2>&1 || die "make install failed: $(cat "$work/log")"
for p in cxs-fetch cxs-normalize cxs-stem cxs-classify cxs-pipeline; do
	[ -x "$root/usr/bin/$p" ] || die "$p not installed"
	[ -f "$root/usr/share/man/man1/$p.1" ] || die "man page of $p not installed"
done
[ -f "$root/usr/share/cxsignals/lexicons/cx-core/pack.conf" ] || die "cx-core not installed"
[ -d "$root/usr/share/cxsignals/lexicons/stopwords" ] || die "stopwords not installed"

unset CXS_LEXICONS
PATH="$root/usr/bin:/usr/bin:/bin" cxs-pipeline run -q --workdir "$work/run" "$SAMPLE" >/dev/null 2>"$work/err" ||
	die "installed pipeline failed: $(cat "$work/err")"
jq -r '.lexicons[0].path' "$work/run/04-classify.manifest.json" | grep -q "^$root/usr/share/cxsignals/lexicons/cx-core" ||
	die "installed classify did not use the installed lexicons: $(jq -c .lexicons "$work/run/04-classify.manifest.json")"
echo ok

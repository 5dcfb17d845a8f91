# Billion laughs (nested entities, 10^9 copies) and a quadratic blow-up (one large
# entity referenced many times) in a feed: cxs-fetch stays within a few hundred MB of
# address space and ends with a clear message (or documents without the expansion),
# never killed. Skipped when the build cannot run under a memory limit (ASan reserves
# terabytes of address space).
. "$(dirname "$0")/lib.inc"

limit=400000   # KiB of virtual memory
( ulimit -v $limit && cxs-fetch --version ) >/dev/null 2>&1 ||
	{ echo "cxs-fetch cannot run under ulimit -v $limit (sanitizer build?)"; exit 77; }

{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE rss ['
	echo '<!ENTITY l0 "laugh laugh laugh laugh laugh laugh laugh laugh laugh laugh">'
	i=1
	while [ $i -le 9 ]; do
		p=$((i - 1))
		echo "<!ENTITY l$i \"&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;\">"
		i=$((i + 1))
	done
	echo ']>'
	echo '<rss version="2.0"><channel>'
	echo '<item><title>ok</title><description>A plain item before.</description></item>'
	echo '<item><title>boom</title><description>x &l9; y</description></item>'
	echo '</channel></rss>'
} >"$work/laughs.rss"
{
	echo '<?xml version="1.0"?>'
	printf '<!DOCTYPE rss [ <!ENTITY big "'
	head -c 100000 /dev/zero | tr '\0' 'q'
	echo '"> ]>'
	printf '<rss version="2.0"><channel><item><title>q</title><description>'
	i=0
	while [ $i -lt 20000 ]; do printf '&big;'; i=$((i + 1)); done
	echo '</description></item></channel></rss>'
} >"$work/quadratic.rss"

cd "$work" || die "no work directory"
for f in laughs.rss quadratic.rss; do
	( ulimit -v $limit; exec cxs-fetch -o "$f.jsonl.gz" "$f" ) >"$f.log" 2>&1
	rc=$?
	case $rc in
	0|4) ;;
	*) die "$f: cxs-fetch exit $rc under ulimit -v $limit: $(cat "$f.log")" ;;
	esac
	[ -f "$f.manifest.json" ] || die "$f: no manifest"
	if [ $rc -eq 4 ]; then
		grep -q "'$f'" "$f.log" || die "$f: the message does not name the file: $(cat "$f.log")"
	fi
	zcat "$f.jsonl.gz" | grep -q "laugh laugh laugh\|qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq" &&
		die "$f: the entity was expanded into a document"
	echo "$f: exit $rc, $(lines "$f.jsonl.gz") documents: $(head -c 200 "$f.log" | tr '\n' ' ')"
done
rm -rf "$work"

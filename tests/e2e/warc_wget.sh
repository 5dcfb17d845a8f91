# A real crawl: wget --warc-file records a small site served by python3's http.server
# on 127.0.0.1, and cxs-fetch reads the WARC wget wrote (gzip per record, with
# warcinfo, request, response and metadata records): each HTML page comes out once,
# with its URL and text; the image, robots.txt (404) and the other records are counted
# as skipped (with wget's own log and manifest, resource records that are not HTML).
# Skipped (77) when wget or python3 cannot run here.
. "$(dirname "$0")/lib.inc"

command -v wget >/dev/null 2>&1 || { echo "skip: no wget"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skip: no python3"; exit 77; }

site=$work/site
mkdir -p "$site/reviews"
cat >"$site/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour Diner reviews</title></head>
<body><nav><a href="/">Home</a></nav>
<main><h1>Harbour Diner</h1>
<p>Two reviews of the little diner by the ferry terminal.</p>
<ul><li><a href="reviews/breakfast.html">Breakfast</a></li>
<li><a href="reviews/fika.html">Fika</a></li></ul>
<img src="logo.png" alt="logo"></main></body></html>
HTML
cat >"$site/reviews/breakfast.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Breakfast at Harbour Diner</title></head>
<body><article><p>The waitress brought extra toast without us asking.</p>
<p>Sadly the eggs arrived lukewarm after a twenty minute wait.</p></article></body></html>
HTML
cat >"$site/reviews/fika.html" <<'HTML'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Fika vid hamnen</title></head>
<body><article><p>Kanelbullarna var nybakade och personalen log hela tiden.</p></article>
</body></html>
HTML
printf '\211PNG\r\n\032\n not really an image' >"$site/logo.png"

# Port 0: the system picks a free port, and the server says which.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$site" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
port=""
i=0
while [ $i -lt 50 ] && [ -z "$port" ]; do
	port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
	[ -n "$port" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$port" ] || { echo "skip: the HTTP server did not start"; cat "$work/server.log"; exit 77; }

# wget exits 8 when a request fails (robots.txt is a 404): the WARC is what counts.
(cd "$work" && wget -q -r -l 2 -P dl --warc-file=crawl "http://127.0.0.1:$port/") || true
[ -s "$work/crawl.warc.gz" ] || { echo "skip: wget wrote no WARC"; exit 77; }

cxs-fetch -o "$work/out.jsonl.gz" "$work/crawl.warc.gz" 2>"$work/err" || {
	cat "$work/err"; die "cxs-fetch failed on wget's WARC"; }
urls=$(zcat "$work/out.jsonl.gz" | jq -r '.url' | sed "s|127.0.0.1:$port|HOST|" | sort | tr '\n' ' ')
[ "$urls" = "http://HOST/ http://HOST/reviews/breakfast.html http://HOST/reviews/fika.html " ] ||
	die "pages: got '$urls'"
# (-s: jq -e judges only the last input's result.)
zcat "$work/out.jsonl.gz" | jq -se '[.[] | select(.url | endswith("fika.html")) |
	.title == "Fika vid hamnen" and .lang_hint == "sv" and (.text | contains("nybakade"))]
	== [true]' >/dev/null || die "fika page text"
zcat "$work/out.jsonl.gz" | jq -se '[.[] | select(.url | endswith("breakfast.html")) |
	(.text | contains("lukewarm")) and (.source.locator | test("^offset [0-9]+$")) and
	(.source.date | test("^20[0-9][0-9]-"))] == [true]' >/dev/null || die "breakfast page fields"
m=$work/out.manifest.json
jq -e '.counts == {"in": 3, "out": 3, "rejected": 0}' "$m" >/dev/null || die "counts: $(jq -c .counts "$m")"
jq -e '.inputs[0].skipped | .non_html >= 1 and .non_2xx >= 1 and .request >= 4 and
	.warcinfo == 1 and .metadata >= 1' "$m" >/dev/null ||
	die "skipped: $(jq -c '.inputs[0].skipped' "$m")"
grep -q "'.*crawl.warc.gz': 3 pages, [0-9]* non-HTML responses*, 1 non-2xx response and [0-9]* other records skipped" \
	"$work/err" || { cat "$work/err"; die "no summary line"; }
echo "ok: wget's WARC gave the 3 pages"

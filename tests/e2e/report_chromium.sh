# cxs-report's page in a real browser. Headless Chromium renders report.html made from
# a whole pipeline run over the bundled sample plus the reviews with <script> and quotes
# in them (tests/stages/report/basic), with a trend from a state file in the driver's
# schema, with every network name made unresolvable (the page must need nothing from
# outside). Checks, on the DOM as the browser built it (--dump-dom): both kinds of chart
# are there with visible bars, no element came from a review's text; on the screenshot
# (--screenshot): the chart colours are on screen; on the browser's log
# (--enable-logging=stderr): not one console message (a script error, a failed load of
# anything). A page with a deliberate script error and a missing image goes through the
# same check first, so a silent log means something.
# Skipped (77) when Chromium is not installed (scripts/install-deps --test installs it)
# or cannot start here.
. "$(dirname "$0")/lib.inc"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) ||
	{ echo "skip: chromium is not installed (scripts/install-deps --test installs it)"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skip: no python3"; exit 77; }
command -v sqlite3 >/dev/null 2>&1 || { echo "skip: no sqlite3"; exit 77; }

# render PAGE NAME: NAME.dom, NAME.png, NAME.log
render() {
	# --no-sandbox: the sandbox cannot start as root, which is how CI runs
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
		--host-resolver-rules='MAP * ~NOTFOUND' --enable-logging=stderr --v=0 \
		--window-size=1000,1400 "$@"
}
page() {
	render --dump-dom "file://$1" >"$work/$2.dom" 2>"$work/$2.log" &&
	render --screenshot="$work/$2.png" "file://$1" >/dev/null 2>>"$work/$2.log"
}

# The control: the console check must see these.
cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head>
<body><p>control page</p><img src="https://example.invalid/logo.png" alt="">
<script>console.error("deliberate"); notDefined();</script></body></html>
HTML
if ! page "$work/broken.html" broken || ! grep -q 'control page' "$work/broken.dom"; then
	tail -n 5 "$work/broken.log"
	echo "skip: chromium cannot render a page here (see the lines above)"
	exit 77
fi
grep -q 'CONSOLE.*deliberate' "$work/broken.log" || die "the console check cannot see console.error"
grep -q 'CONSOLE.*notDefined' "$work/broken.log" || die "the console check cannot see a script error"

# The report.
cxs-pipeline run -q --workdir "$work/run" "$SAMPLE" >/dev/null 2>"$work/err" ||
	die "pipeline failed: $(cat "$work/err")"
sqlite3 "$work/state.sqlite" "CREATE TABLE night_signals(run TEXT, date TEXT, lang TEXT,
  dim TEXT, polarity TEXT, documents INTEGER);
  INSERT INTO night_signals VALUES ('a', '2026-11-21', 'en', 'staff', 'positive', 4),
  ('a', '2026-11-21', 'en', 'staff', 'negative', 1), ('b', '2026-11-22', 'sv', 'price', 'negative', 3),
  ('b', '2026-11-22', 'sv', 'price', 'neutral', 2);" || die "could not write the state file"
# --examples 10: the sample's reviews compete with the one holding <script> for the
# example places, and which win moves with every change to the bundled pack
cxs-report -q --examples 10 --state "$work/state.sqlite" -o "$work/report" \
	"$work/run/04-classify.jsonl.gz" "$CXS_SRC/tests/stages/report/basic/in.jsonl" \
	2>"$work/err" || die "cxs-report failed: $(cat "$work/err")"
page "$work/report/report.html" report || die "chromium failed on the report: $(tail -n 5 "$work/report.log")"

if grep 'CONSOLE' "$work/report.log"; then
	die "the page logged console messages (above)"
fi

python3 - "$work/report.dom" "$work/report.png" <<'PY' || exit 1
import sys, zlib, struct
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svg = None          # class of the svg we are in
        self.bars = {}           # svg class -> rects with width and height > 0
        self.charts = {}         # svg class -> how many
        self.scripts = 0
        self.text = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svg = a.get("class", "")
            self.charts[self.svg] = self.charts.get(self.svg, 0) + 1
        elif tag == "rect" and self.svg is not None:
            if float(a.get("width", 0)) > 0 and float(a.get("height", 0)) > 0:
                self.bars[self.svg] = self.bars.get(self.svg, 0) + 1
        elif tag in ("script", "iframe", "object", "embed", "link", "img"):
            self.scripts += 1
    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
    def handle_data(self, data):
        self.text.append(data)

d = Dom()
d.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(d.text)
fail = []
if d.charts.get("bars", 0) < 2:
    fail.append("fewer than 2 dimension charts: %r" % d.charts)
if d.bars.get("bars", 0) < 20:
    fail.append("dimension charts have %d visible bars" % d.bars.get("bars", 0))
if d.charts.get("trend", 0) != 1 or d.bars.get("trend", 0) != 4:
    fail.append("trend chart: %r charts, %r bars (expected 1 and 4)" % (d.charts.get("trend"), d.bars.get("trend")))
if d.scripts:
    fail.append("%d script, iframe, object, embed, link or img elements in the page" % d.scripts)
if '<script>alert("x")</script>' not in text:
    fail.append("the review text with <script> is not shown as text")

# The screenshot: decode the PNG (8-bit RGB or RGBA, not interlaced) and look for the
# chart colours: positive #2e7d32 and negative #c62828 bars.
png = open(sys.argv[2], "rb").read()
if png[:8] != b"\x89PNG\r\n\x1a\n":
    fail.append("the screenshot is not a PNG")
else:
    pos, chunks = 8, []
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + n
    bpp = {2: 3, 6: 4}.get(ctype)
    if depth != 8 or bpp is None or interlace:
        fail.append("unexpected PNG format %d/%d/%d" % (depth, ctype, interlace))
    else:
        raw = zlib.decompress(b"".join(chunks))
        stride = w * bpp
        prev = bytearray(stride)
        green = red = 0
        for y in range(h):
            f = raw[y * (stride + 1)]
            line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            if f == 1:
                for i in range(bpp, stride):
                    line[i] = (line[i] + line[i - bpp]) & 255
            elif f == 2:
                line = bytearray((a + b) & 255 for a, b in zip(line, prev))
            elif f == 3:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
            elif f == 4:
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0
                    b = prev[i]
                    c = prev[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            green += line.count(bytes((0x2e, 0x7d, 0x32)))
            red += line.count(bytes((0xc6, 0x28, 0x28)))
            prev = line
        if green < 500 or red < 500:
            fail.append("the screenshot shows %d green and %d red pixels of the bars" % (green, red))
        else:
            print("screenshot %dx%d: %d green, %d red bar pixels" % (w, h, green, red))
for f in fail:
    print("FAIL: " + f)
sys.exit(1 if fail else 0)
PY
echo "ok"

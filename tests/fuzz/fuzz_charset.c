/*
 * fuzz_charset — the encoding cascade (stages/fetch/fetch_charset.h) over arbitrary
 * bytes, one sniffer reused as cxs-fetch does. First byte: bit 0 text file instead of
 * HTML, bit 1 a transport label: the bytes up to the first '\n' (at most 64). The rest
 * is the document. The results must keep the header's promises: a name the Encoding
 * standard knows, a BOM inside the input, valid_utf8 only for valid UTF-8, the same
 * answer twice, and a decoding that is valid UTF-8 without NUL, or a refusal only for a
 * replacement encoding.
 */
#include <string.h>

#include "cxs_utf8.h"
#include "fetch_charset.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cxs_charset *cs;
	static cxs_buf buf;
	cxs_err err = { CXS_E_NONE, "" };
	struct cxs_charset_guess g, again;
	char transport[65];
	const char *d = (const char *)data + 1, *out, *nl;
	size_t n = size ? size - 1 : 0, out_len;
	int text, with_transport;
	long bad;

	if (!cs) {
		cs = cxs_charset_new(&err);
		FUZZ_ASSERT(cs);
	}
	if (size == 0)
		return 0;
	text = data[0] & 1;
	with_transport = !text && (data[0] & 2);
	if (with_transport) {
		nl = memchr(d, '\n', n < 64 ? n : 64);
		if (!nl)
			return 0;
		memcpy(transport, d, (size_t)(nl - d));
		transport[nl - d] = '\0';
		n -= (size_t)(nl - d) + 1;
		d = nl + 1;
	}
	if (text) {
		cxs_charset_sniff_text(cs, d, n, &g);
		cxs_charset_sniff_text(cs, d, n, &again);
	} else {
		cxs_charset_sniff_html(cs, d, n, with_transport ? transport : NULL, &g);
		cxs_charset_sniff_html(cs, d, n, with_transport ? transport : NULL, &again);
	}
	FUZZ_ASSERT(!memcmp(&g, &again, sizeof(g)));
	FUZZ_ASSERT(cxs_charset_label(g.name, strlen(g.name)) &&
		    !strcmp(cxs_charset_label(g.name, strlen(g.name)), g.name));
	FUZZ_ASSERT(g.bom <= n);
	FUZZ_ASSERT(!g.valid_utf8 || cxs_utf8_valid_prefix(d + g.bom, n - g.bom) == n - g.bom);
	bad = cxs_charset_decode(cs, &g, d, n, &buf, &out, &out_len, &err);
	if (bad < 0) {
		FUZZ_ASSERT(err.kind == CXS_E_NOMEM ||
			    (err.kind == CXS_E_INPUT && !strcmp(g.name, "replacement")));
		return 0;
	}
	FUZZ_ASSERT(strcmp(g.name, "replacement") != 0);
	FUZZ_ASSERT(out && !memchr(out, '\0', out_len));
	FUZZ_ASSERT(cxs_utf8_valid_prefix(out, out_len) == out_len);
	FUZZ_ASSERT(out == buf.p || (out == d + g.bom && out_len == n - g.bom));
	return 0;
}

/*
 * fuzz_html_extract — cxs_html_extract (stages/fetch/html_extract.h) over arbitrary page
 * bytes, one extractor reused across pages as cxs-fetch does. The results must keep the
 * header's promises: NUL-terminated text of the stated length, comments and title
 * present when announced, metadata valid UTF-8 (a date at least YYYY-MM-DD long, a URL
 * absolute). The bundled stopword lists score the blocks, as in cxs-fetch, when the
 * source tree the target was built from has them.
 */
#include <string.h>
#include <strings.h>

#include "cxs_utf8.h"
#include "fuzz_common.h"
#include "html_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cxs_html *h;
	cxs_err err = { CXS_E_NONE, "" };
	struct cxs_html_result res;
	size_t i;

	static cxs_stopdens *sd;

	if (!h) {
		h = cxs_html_new(&err);
		FUZZ_ASSERT(h);
		sd = cxs_stopdens_load(CXS_SRC_LEXICONS "/stopwords", NULL, NULL, &err);
		cxs_html_set_stopwords(h, sd);   /* NULL: length and links only */
	}
	if (cxs_html_extract(h, (const char *)data, size, NULL, &res, &err) < 0) {
		/* CXS_E_INPUT: a page the extractor refuses whole: a replacement encoding, or
		 * nesting past libxml2's depth limit (regressions/html_extract/deep-nesting-3000) */
		FUZZ_ASSERT(err.kind == CXS_E_NOMEM || (err.kind == CXS_E_INPUT && err.msg[0]));
		return 0;
	}
	FUZZ_ASSERT(res.text && strlen(res.text) == res.text_len);
	FUZZ_ASSERT(cxs_utf8_valid_prefix(res.text, res.text_len) == res.text_len);
	FUZZ_ASSERT(!res.title || (*res.title &&
				   cxs_utf8_valid_prefix(res.title, strlen(res.title)) ==
				   strlen(res.title)));
	FUZZ_ASSERT(!res.author || (*res.author && cxs_utf8_valid_prefix(res.author, strlen(res.author)) ==
							   strlen(res.author)));
	FUZZ_ASSERT(!res.published || (strlen(res.published) >= 10 &&
				       cxs_utf8_valid_prefix(res.published, strlen(res.published)) ==
				       strlen(res.published)));
	FUZZ_ASSERT(!res.url || (!strncasecmp(res.url, "http", 4) &&
				 cxs_utf8_valid_prefix(res.url, strlen(res.url)) == strlen(res.url)));
	FUZZ_ASSERT(!res.lang || (*res.lang && strlen(res.lang) < 9));
	FUZZ_ASSERT(res.charset && *res.charset);
	FUZZ_ASSERT(res.invalid_bytes >= 0);
	for (i = 0; i < res.ncomments; i++) {
		size_t len;
		const char *c = cxs_html_comment(h, i, &len);

		FUZZ_ASSERT(c && strlen(c) == len);
		FUZZ_ASSERT(cxs_utf8_valid_prefix(c, len) == len);
	}
	return 0;
}

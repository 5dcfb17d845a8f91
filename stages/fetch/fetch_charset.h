/*
 * fetch_charset — what encoding a fetched file is in, and its bytes as UTF-8.
 *
 * Everything after fetch works on UTF-8, so fetch decodes every file once, here. The
 * order of evidence (DESIGN §4): a byte order mark, then, for HTML, an XML declaration's
 * `encoding` or a `<meta charset>` / `<meta http-equiv="Content-Type" content="...;
 * charset=...">` in the first CXS_CHARSET_PRESCAN bytes, else UTF-8. (Statistical
 * charset detection for undeclared legacy pages is a later addition.)
 *
 * Why not leave it to libxml2: without a declaration libxml2 2.9 reads HTML as
 * ISO-8859-1, so undeclared UTF-8 pages ("café") would come out as "cafÃ©"; and a bad
 * byte in a declared legacy charset makes its iconv conversion stop, silently losing the
 * rest of the page. Here invalid or unmappable bytes become U+FFFD and are counted, and
 * the page is always complete.
 *
 * Labels follow the WHATWG Encoding standard where it differs from plain aliases:
 * "iso-8859-1" and "us-ascii" mean windows-1252, "gb2312" means GBK, and a `<meta>`
 * claiming UTF-16 in an ASCII-compatible page means UTF-8.
 */
#ifndef FETCH_CHARSET_H
#define FETCH_CHARSET_H

#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"

#define CXS_CHARSET_MAX 48        /* longest charset name kept, with its NUL */
#define CXS_CHARSET_PRESCAN 4096  /* bytes searched for an XML declaration or <meta> */

/* Where cxs_charset_sniff found the encoding. */
enum cxs_charset_from {
	CXS_CHARSET_DEFAULT = 0,  /* nothing declared: UTF-8 */
	CXS_CHARSET_BOM,
	CXS_CHARSET_DECLARED      /* XML declaration or <meta> */
};

/* Finds the declared encoding of `data` (`len` bytes). `html` non-zero also searches for
 * an XML declaration and <meta>; otherwise only a byte order mark counts. Writes the
 * encoding name to `name` ("UTF-8" when nothing is declared) and the length of the byte
 * order mark to `*bom` (0 when none): decode from `data + *bom`. */
enum cxs_charset_from cxs_charset_sniff(const char *data, size_t len, int html,
					char name[CXS_CHARSET_MAX], size_t *bom);

typedef struct cxs_charset cxs_charset;

/* A decoder; it keeps the last ICU converter open, so reuse one across documents. NULL
 * with CXS_E_NOMEM in `err` when memory runs out. */
cxs_charset *cxs_charset_new(cxs_err *err);

/* Appends `data` (`len` bytes in encoding `name`) to `out` as UTF-8. Invalid and
 * unmappable sequences, and NUL bytes, become U+FFFD. An encoding ICU does not know is
 * read as UTF-8. Returns the number of replacements, or -1 with `err` set (CXS_E_NOMEM,
 * or CXS_E_INTERNAL when ICU fails). */
long cxs_charset_to_utf8(cxs_charset *cs, const char *name, const char *data, size_t len,
			 cxs_buf *out, cxs_err *err);

/* The encoding the last cxs_charset_to_utf8 call really used ("UTF-8" after a fallback);
 * owned by `cs`, valid until its next call. */
const char *cxs_charset_used(const cxs_charset *cs);

/* Frees the decoder; NULL is a no-op. */
void cxs_charset_free(cxs_charset *cs);

#endif

/*
 * fetch_charset — what encoding a fetched file is in, and its bytes as UTF-8.
 *
 * Everything after fetch works on UTF-8, so fetch decodes every file once, here. The
 * cascade for an HTML page (cxs_charset_sniff_html), first hit wins:
 *
 *   1. "bom"        a UTF-8, UTF-16LE or UTF-16BE byte order mark;
 *   2. "transport"  the charset of the HTTP Content-Type header (a WARC response), when
 *                   it is a label the WHATWG Encoding standard knows;
 *   3. "xml"        an XML declaration's `encoding` at the very start of the page (or a
 *                   UTF-16 `<?xml` without a BOM);
 *   4. "meta"       the WHATWG prescan of the first CXS_CHARSET_PRESCAN (1024) bytes:
 *                   `<meta charset>` or `<meta http-equiv="Content-Type" content="...;
 *                   charset=...">`, comments and other tags' attributes skipped exactly
 *                   as HTML says. When the page is not valid UTF-8, a `<meta>` further
 *                   down counts too, as a browser's parser would switch to it;
 *   5. "detected"   only for a page that is not valid UTF-8: mostly valid UTF-8 with a
 *                   few damaged bytes stays UTF-8; otherwise ICU's detector (ucsdet),
 *                   when its best guess is an encoding the Encoding standard has and
 *                   its confidence is at least CXS_CHARSET_CONFIDENCE;
 *   6. "default"    UTF-8 for a page that is valid UTF-8 (ASCII included), else
 *                   windows-1252, as WHATWG prescribes for an undeclared legacy page.
 *
 * A text file (cxs_charset_sniff_text) has only a BOM, detection and UTF-8.
 *
 * Labels follow the WHATWG Encoding standard: "iso-8859-1", "latin1" and "us-ascii" mean
 * windows-1252, "gb2312" means GBK, "iso-8859-9" windows-1254, "big5" Big5-HKSCS; a
 * label it does not know is ignored (the next rule is tried). A `<meta>` or XML
 * declaration that says UTF-16 in an ASCII-readable page means UTF-8, and x-user-defined
 * there means windows-1252. The replacement labels (iso-2022-kr, iso-2022-cn,
 * hz-gb-2312, ...) name encodings that are never decoded: cxs_charset_decode refuses
 * such a page with CXS_E_INPUT, so the caller rejects it with the reason.
 *
 * Why not leave decoding to libxml2: without a declaration libxml2 2.9 reads HTML as
 * ISO-8859-1, so undeclared UTF-8 pages ("café") would come out as "cafÃ©"; and a bad
 * byte in a declared legacy charset makes its iconv conversion stop, silently losing the
 * rest of the page. Here invalid or unmappable bytes become U+FFFD and are counted, and
 * the page is always complete.
 */
#ifndef FETCH_CHARSET_H
#define FETCH_CHARSET_H

#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"

#define CXS_CHARSET_MAX 48         /* longest charset name kept, with its NUL */
#define CXS_CHARSET_PRESCAN 1024   /* bytes the WHATWG prescan looks at */
#define CXS_CHARSET_DETECT (64 << 10)  /* bytes ICU's detector looks at */
#define CXS_CHARSET_CONFIDENCE 30  /* ucsdet confidence (0-100) a guess needs */
#define CXS_CHARSET_EVIDENCE 4     /* bytes above ASCII (or NUL) before ucsdet is asked */

/* The rule that decided an encoding (see the cascade above). */
enum cxs_charset_rule {
	CXS_RULE_DEFAULT = 0,
	CXS_RULE_BOM,
	CXS_RULE_TRANSPORT,
	CXS_RULE_XML,
	CXS_RULE_META,
	CXS_RULE_DETECTED
};

/* What the cascade decided for one document. */
struct cxs_charset_guess {
	char name[CXS_CHARSET_MAX];   /* the WHATWG name: "UTF-8", "windows-1252", "GBK" */
	char label[CXS_CHARSET_MAX];  /* the label as declared ("iso8859-2"), or "" */
	enum cxs_charset_rule rule;
	size_t bom;                   /* bytes of byte order mark: decode from data + bom */
	int valid_utf8;               /* 1: the bytes after the BOM are known to be valid
	                               * UTF-8 without NUL, so decoding them copies nothing */
};

/* "bom", "transport", "xml", "meta", "detected" or "default" (static strings). */
const char *cxs_charset_rule_name(enum cxs_charset_rule rule);

/* The WHATWG name of the encoding labelled `label` (`len` bytes; ASCII whitespace
 * around it and ASCII case do not matter), e.g. "latin1" -> "windows-1252"; NULL when
 * the Encoding standard does not know the label. Static strings. */
const char *cxs_charset_label(const char *label, size_t len);

typedef struct cxs_charset cxs_charset;

/* A sniffer and decoder; it keeps ICU's detector and the last converter open, so reuse
 * one across documents. NULL with CXS_E_NOMEM or CXS_E_INTERNAL in `err`. */
cxs_charset *cxs_charset_new(cxs_err *err);

/* Frees it; NULL is a no-op. */
void cxs_charset_free(cxs_charset *cs);

/* Decides the encoding of the HTML page `data` (`len` bytes) by the cascade above;
 * `transport` is the charset of an HTTP Content-Type header (a bare label, or the whole
 * header value "text/html; charset=X"), or NULL. Always succeeds: fills `g`. */
void cxs_charset_sniff_html(cxs_charset *cs, const char *data, size_t len,
			    const char *transport, struct cxs_charset_guess *g);

/* The same for a plain text file: BOM, detection, UTF-8. */
void cxs_charset_sniff_text(cxs_charset *cs, const char *data, size_t len,
			    struct cxs_charset_guess *g);

/* Decodes `data` (`len` bytes, the same bytes `g` was sniffed from) to UTF-8 without
 * NUL bytes. Sets *out / *out_len to the result: `data + g->bom` itself when those bytes
 * are valid UTF-8 (nothing is copied), else `buf`'s contents (`buf` is reset first).
 * Invalid and unmappable sequences, and NUL bytes, become U+FFFD. Returns the number of
 * replacements, or -1 with `err` set: CXS_E_INPUT for a replacement encoding (the
 * message names the label), CXS_E_NOMEM, or CXS_E_INTERNAL when ICU fails. */
long cxs_charset_decode(cxs_charset *cs, const struct cxs_charset_guess *g, const char *data,
			size_t len, cxs_buf *buf, const char **out, size_t *out_len,
			cxs_err *err);

/* ---- the interface of the first version, kept for callers written against it ---- */

/* Where cxs_charset_sniff found the encoding. */
enum cxs_charset_from {
	CXS_CHARSET_DEFAULT = 0,  /* nothing declared: UTF-8 */
	CXS_CHARSET_BOM,
	CXS_CHARSET_DECLARED      /* XML declaration or <meta> */
};

/* A byte order mark, then (when `html` is non-zero) an XML declaration or the <meta>
 * prescan; no detection. Writes the WHATWG name to `name` ("UTF-8" when nothing is
 * declared) and the length of the byte order mark to `*bom`. */
enum cxs_charset_from cxs_charset_sniff(const char *data, size_t len, int html,
					char name[CXS_CHARSET_MAX], size_t *bom);

/* Appends `data` (`len` bytes in encoding `name`, a label) to `out` as UTF-8, with
 * invalid sequences and NUL bytes replaced; an encoding ICU does not know is read as
 * UTF-8. Returns the number of replacements, or -1 with `err` set. */
long cxs_charset_to_utf8(cxs_charset *cs, const char *name, const char *data, size_t len,
			 cxs_buf *out, cxs_err *err);

/* The encoding the last cxs_charset_to_utf8 or cxs_charset_decode really used ("UTF-8"
 * after a fallback); owned by `cs`, valid until its next call. */
const char *cxs_charset_used(const cxs_charset *cs);

#endif

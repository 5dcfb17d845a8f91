#include "fetch_charset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include "cxs_utf8.h"

#define OUT_CHUNK (64 << 10)
#define PIVOT_LEN 1024

struct cxs_charset {
	UConverter *utf8;             /* target of every conversion, opened once */
	UConverter *cnv;              /* the last source converter, or NULL */
	char cnv_name[CXS_CHARSET_MAX];
	char used[CXS_CHARSET_MAX];
	long replaced;                /* counted by on_bad_bytes during one conversion */
	cxs_buf tmp;                  /* ICU's output before the NUL check */
};

/* ---- sniffing ---- */

/* Copies a name known to fit (every caller checks or uses a literal). */
static void set_name(char dst[CXS_CHARSET_MAX], const char *src)
{
	snprintf(dst, CXS_CHARSET_MAX, "%s", src);
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Non-zero when `s` (`n` bytes available) starts with the lowercase literal `lit`,
 * ignoring ASCII case. */
static int starts_ci(const char *s, size_t n, const char *lit)
{
	size_t i, m = strlen(lit);

	if (n < m)
		return 0;
	for (i = 0; i < m; i++)
		if (lower((unsigned char)s[i]) != lit[i])
			return 0;
	return 1;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_label_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':';
}

static int in_list(const char *label, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(label, *list))
			return 1;
	return 0;
}

/* Maps a declared label to the encoding to decode with (WHATWG where it matters). */
static void map_label(const char *v, size_t n, char name[CXS_CHARSET_MAX])
{
	static const char *const utf8[] = { "utf-8", "utf8", "unicode-1-1-utf-8",
					     "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
					     NULL };
	static const char *const wide[] = { "utf-16", "utf-16le", "utf-16be", "utf16",
					    "ucs-2", "unicode", "csunicode", "unicodefeff",
					    "unicodefffe", "iso-10646-ucs-2", NULL };
	static const char *const latin1[] = { "iso-8859-1", "iso8859-1", "iso_8859-1",
					      "iso88591", "iso_8859-1:1987", "latin1", "l1",
					      "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252",
					      "windows-1252", "x-cp1252", "cp819", "ibm819",
					      "iso-ir-100", "csisolatin1", NULL };
	static const char *const gbk[] = { "gb2312", "gb_2312", "gb_2312-80", "chinese",
					   "csgb2312", "csiso58gb231280", "iso-ir-58", "x-gbk",
					   "gbk", "cp936", "ms936", "windows-936", NULL };
	char label[CXS_CHARSET_MAX];
	size_t i;

	if (n == 0 || n >= sizeof(label)) {
		set_name(name, "UTF-8");
		return;
	}
	for (i = 0; i < n; i++)
		label[i] = (char)lower((unsigned char)v[i]);
	label[n] = '\0';
	if (in_list(label, utf8) || in_list(label, wide))
		set_name(name, "UTF-8");
	else if (in_list(label, latin1))
		set_name(name, "windows-1252");
	else if (in_list(label, gbk))
		set_name(name, "GBK");
	else
		memcpy(name, label, n + 1);
}

/* In `s[0..n)`, the value after the first "KEY" followed by "=" (spaces and one quote
 * allowed around it); its length in *vlen, NULL when there is none. */
static const char *attr_value(const char *s, size_t n, const char *key, size_t *vlen)
{
	size_t klen = strlen(key), i, j;

	for (i = 0; i + klen <= n; i++) {
		if (!starts_ci(s + i, n - i, key))
			continue;
		j = i + klen;
		while (j < n && is_space((unsigned char)s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && is_space((unsigned char)s[j]))
			j++;
		if (j < n && (s[j] == '"' || s[j] == '\''))
			j++;
		*vlen = 0;
		while (j + *vlen < n && is_label_char((unsigned char)s[j + *vlen]))
			(*vlen)++;
		if (*vlen)
			return s + j;
	}
	return NULL;
}

/* The end of the construct starting at `s` that ends with `close`, or NULL. */
static const char *find_end(const char *s, const char *end, const char *close)
{
	size_t m = strlen(close);

	for (; s + m <= end; s++)
		if (!memcmp(s, close, m))
			return s + m;
	return NULL;
}

/* The HTML5 prescan, simplified: comments are skipped, and the first <meta> whose
 * attributes say "charset=X" (either as the charset attribute or inside content=) wins. */
static const char *prescan_meta(const char *data, size_t len, size_t *vlen)
{
	const char *p = data, *end = data + (len < CXS_CHARSET_PRESCAN ? len : CXS_CHARSET_PRESCAN);
	const char *tag_limit = data + (len < CXS_CHARSET_PRESCAN + 1024 ? len
					: CXS_CHARSET_PRESCAN + 1024);

	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p)), *gt, *v;

		if (!lt)
			break;
		if (starts_ci(lt, (size_t)(end - lt), "<!--")) {
			p = find_end(lt + 4, end, "-->");
			if (!p)
				break;
			continue;
		}
		p = lt + 1;
		if (!starts_ci(lt, (size_t)(end - lt), "<meta") || lt + 5 >= end ||
		    !(is_space((unsigned char)lt[5]) || lt[5] == '/'))
			continue;
		gt = memchr(lt, '>', (size_t)(tag_limit - lt));
		if (!gt)
			break;
		v = attr_value(lt + 5, (size_t)(gt - lt - 5), "charset", vlen);
		if (v)
			return v;
		p = gt + 1;
	}
	return NULL;
}

/* `<?xml version="1.0" encoding="X"?>` at the very start. */
static const char *xml_decl(const char *data, size_t len, size_t *vlen)
{
	const char *end = data + (len < CXS_CHARSET_PRESCAN ? len : CXS_CHARSET_PRESCAN), *q;

	if (!starts_ci(data, len, "<?xml") || len < 6 || !is_space((unsigned char)data[5]))
		return NULL;
	q = find_end(data, end, "?>");
	if (!q)
		return NULL;
	return attr_value(data + 5, (size_t)(q - data - 5), "encoding", vlen);
}

enum cxs_charset_from cxs_charset_sniff(const char *data, size_t len, int html,
					char name[CXS_CHARSET_MAX], size_t *bom)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *v;
	size_t vlen = 0;

	*bom = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*bom = 3;
		set_name(name, "UTF-8");
		return CXS_CHARSET_BOM;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		*bom = 2;
		set_name(name, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
		return CXS_CHARSET_BOM;
	}
	if (html) {
		v = xml_decl(data, len, &vlen);
		if (!v)
			v = prescan_meta(data, len, &vlen);
		if (v) {
			map_label(v, vlen, name);
			return CXS_CHARSET_DECLARED;
		}
	}
	set_name(name, "UTF-8");
	return CXS_CHARSET_DEFAULT;
}

/* ---- decoding ---- */

/* ICU's own substitute for single-byte code pages is U+001A, a control character; we
 * want U+FFFD everywhere, and a count. */
static void U_CALLCONV on_bad_bytes(const void *ctx, UConverterToUnicodeArgs *args,
				    const char *bytes, int32_t n, UConverterCallbackReason reason,
				    UErrorCode *status)
{
	static const UChar fffd = 0xFFFD;
	long *replaced = (long *)(uintptr_t)ctx;

	(void)bytes;
	(void)n;
	if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR)
		return;
	(*replaced)++;
	*status = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &fffd, 1, 0, status);
}

cxs_charset *cxs_charset_new(cxs_err *err)
{
	cxs_charset *cs = calloc(1, sizeof(*cs));
	UErrorCode st = U_ZERO_ERROR;

	if (!cs) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	cs->utf8 = ucnv_open("UTF-8", &st);
	if (U_FAILURE(st)) {
		free(cs);
		cxs_err_set(err, CXS_E_INTERNAL, "could not open ICU's UTF-8 converter: %s",
			    u_errorName(st));
		return NULL;
	}
	set_name(cs->used, "UTF-8");
	return cs;
}

void cxs_charset_free(cxs_charset *cs)
{
	if (!cs)
		return;
	ucnv_close(cs->cnv);
	ucnv_close(cs->utf8);
	cxs_buf_release(&cs->tmp);
	free(cs);
}

const char *cxs_charset_used(const cxs_charset *cs)
{
	return cs->used;
}

static int is_utf8_name(const char *name)
{
	return starts_ci(name, strlen(name), "utf-8") && name[5] == '\0';
}

/* Whether `c` reads ASCII bytes as ASCII. A label found by the prescan was itself read
 * as ASCII, so an encoding where it would not be (UTF-7, UTF-32, EBCDIC) cannot be what
 * the page is in; WHATWG ignores such labels, and so do we (UTF-16 comes only from a
 * BOM, where this does not apply). */
static int ascii_compatible(UConverter *c, const char *name)
{
	static const char probe[] = "<meta charset=\"x\"> Az09+-/.,;:!?'()";
	UChar u[sizeof(probe)];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, i;

	if (starts_ci(name, strlen(name), "utf-16"))
		return 1;
	n = ucnv_toUChars(c, u, (int32_t)(sizeof(probe)), probe, (int32_t)(sizeof(probe) - 1), &st);
	ucnv_reset(c);
	if (U_FAILURE(st) || n != (int32_t)(sizeof(probe) - 1))
		return 0;
	for (i = 0; i < n; i++)
		if (u[i] != (UChar)(unsigned char)probe[i])
			return 0;
	return 1;
}

/* Makes cs->cnv the converter for `name`; returns 0 when ICU does not know it or it is
 * not ASCII-compatible (the caller then reads UTF-8). */
static int open_converter(cxs_charset *cs, const char *name)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *c;

	if (cs->cnv && !strcmp(cs->cnv_name, name))
		return 1;
	c = ucnv_open(name, &st);
	if (U_FAILURE(st) || !c)
		return 0;
	if (!ascii_compatible(c, name)) {
		ucnv_close(c);
		return 0;
	}
	ucnv_setToUCallBack(c, on_bad_bytes, &cs->replaced, NULL, NULL, &st);
	if (U_FAILURE(st)) {
		ucnv_close(c);
		return 0;
	}
	ucnv_close(cs->cnv);
	cs->cnv = c;
	set_name(cs->cnv_name, name);
	return 1;
}

long cxs_charset_to_utf8(cxs_charset *cs, const char *name, const char *data, size_t len,
			 cxs_buf *out, cxs_err *err)
{
	UChar pivot[PIVOT_LEN], *ps = pivot, *pt = pivot;
	const char *src = data, *src_end = data + len;
	UBool reset = 1;
	long n;

	if (is_utf8_name(name) || strlen(name) >= CXS_CHARSET_MAX || !open_converter(cs, name)) {
		set_name(cs->used, "UTF-8");
		n = cxs_utf8_sanitize(data, len, out);
		if (n < 0)
			cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return n;
	}
	set_name(cs->used, cs->cnv_name);
	cs->replaced = 0;
	cxs_buf_reset(&cs->tmp);
	for (;;) {
		UErrorCode st = U_ZERO_ERROR;
		char *target;

		if (cxs_buf_grow(&cs->tmp, OUT_CHUNK) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		target = cs->tmp.p + cs->tmp.len;
		ucnv_convertEx(cs->utf8, cs->cnv, &target, cs->tmp.p + cs->tmp.len + OUT_CHUNK,
			       &src, src_end, pivot, &ps, &pt, pivot + PIVOT_LEN, reset, 1, &st);
		cs->tmp.len = (size_t)(target - cs->tmp.p);
		cs->tmp.p[cs->tmp.len] = '\0';
		reset = 0;
		if (st == U_BUFFER_OVERFLOW_ERROR)
			continue;
		if (U_FAILURE(st))
			return cxs_err_set(err, CXS_E_INTERNAL, "could not decode %s: %s",
					   cs->cnv_name, u_errorName(st));
		break;
	}
	/* ICU passes NUL bytes through; JSON consumers and C strings do not want them. */
	n = cxs_utf8_sanitize(cs->tmp.p, cs->tmp.len, out);
	if (n < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return n + cs->replaced;
}

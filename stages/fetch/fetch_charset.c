#include "fetch_charset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include "cxs_utf8.h"

#define OUT_CHUNK (64 << 10)
#define PIVOT_LEN 1024
#define VALUE_MAX 512   /* longest meta attribute value looked at; longer ones name
			 * no encoding anyway */

struct cxs_charset {
	UConverter *utf8;             /* target of every conversion, opened once */
	UConverter *cnv;              /* the last source converter, or NULL */
	char cnv_name[CXS_CHARSET_MAX];
	char used[CXS_CHARSET_MAX];
	long replaced;                /* counted by on_bad_bytes during one conversion */
	UCharsetDetector *det;        /* opened on first use */
	cxs_buf tmp;                  /* ICU's output when it held NUL bytes */
};

/* ---- the WHATWG Encoding standard's encodings and labels ---- */

/* Every encoding of the standard, with the ICU converter that decodes it. */
enum enc {
	E_UTF8, E_IBM866, E_8859_2, E_8859_3, E_8859_4, E_8859_5, E_8859_6, E_8859_7,
	E_8859_8, E_8859_8I, E_8859_10, E_8859_13, E_8859_14, E_8859_15, E_8859_16, E_KOI8R,
	E_KOI8U, E_MAC, E_874, E_1250, E_1251, E_1252, E_1253, E_1254, E_1255, E_1256,
	E_1257, E_1258, E_MACCYR, E_GBK, E_GB18030, E_BIG5, E_EUCJP, E_2022JP, E_SJIS,
	E_EUCKR, E_REPLACEMENT, E_UTF16BE, E_UTF16LE, E_USER
};

static const struct {
	const char *name;   /* the standard's name, written to the record */
	const char *icu;    /* NULL: decoded here (replacement, x-user-defined) */
} encs[] = {
	[E_UTF8] = { "UTF-8", "UTF-8" },
	[E_IBM866] = { "IBM866", "IBM866" },
	[E_8859_2] = { "ISO-8859-2", "ISO-8859-2" },
	[E_8859_3] = { "ISO-8859-3", "ISO-8859-3" },
	[E_8859_4] = { "ISO-8859-4", "ISO-8859-4" },
	[E_8859_5] = { "ISO-8859-5", "ISO-8859-5" },
	[E_8859_6] = { "ISO-8859-6", "ISO-8859-6" },
	[E_8859_7] = { "ISO-8859-7", "ISO-8859-7" },
	[E_8859_8] = { "ISO-8859-8", "ISO-8859-8" },
	[E_8859_8I] = { "ISO-8859-8-I", "ISO-8859-8" },  /* the same bytes, logical order */
	[E_8859_10] = { "ISO-8859-10", "ISO-8859-10" },
	[E_8859_13] = { "ISO-8859-13", "ISO-8859-13" },
	[E_8859_14] = { "ISO-8859-14", "ISO-8859-14" },
	[E_8859_15] = { "ISO-8859-15", "ISO-8859-15" },
	[E_8859_16] = { "ISO-8859-16", "ISO-8859-16" },  /* not in Debian's ICU data */
	[E_KOI8R] = { "KOI8-R", "KOI8-R" },
	[E_KOI8U] = { "KOI8-U", "KOI8-U" },
	[E_MAC] = { "macintosh", "macintosh" },
	[E_874] = { "windows-874", "windows-874" },
	[E_1250] = { "windows-1250", "windows-1250" },
	[E_1251] = { "windows-1251", "windows-1251" },
	[E_1252] = { "windows-1252", "windows-1252" },
	[E_1253] = { "windows-1253", "windows-1253" },
	[E_1254] = { "windows-1254", "windows-1254" },
	[E_1255] = { "windows-1255", "windows-1255" },
	[E_1256] = { "windows-1256", "windows-1256" },
	[E_1257] = { "windows-1257", "windows-1257" },
	[E_1258] = { "windows-1258", "windows-1258" },
	[E_MACCYR] = { "x-mac-cyrillic", "x-mac-cyrillic" },
	[E_GBK] = { "GBK", "GBK" },
	[E_GB18030] = { "gb18030", "gb18030" },
	[E_BIG5] = { "Big5", "Big5-HKSCS" },             /* WHATWG's Big5 is HKSCS */
	[E_EUCJP] = { "EUC-JP", "EUC-JP" },
	[E_2022JP] = { "ISO-2022-JP", "ISO-2022-JP" },
	[E_SJIS] = { "Shift_JIS", "windows-31j" },
	[E_EUCKR] = { "EUC-KR", "windows-949" },          /* WHATWG's EUC-KR is UHC */
	[E_REPLACEMENT] = { "replacement", NULL },
	[E_UTF16BE] = { "UTF-16BE", "UTF-16BE" },
	[E_UTF16LE] = { "UTF-16LE", "UTF-16LE" },
	[E_USER] = { "x-user-defined", NULL },
};

/* Every label of the standard, sorted (bytewise) for bsearch. */
static const struct label {
	const char *label;
	enum enc enc;
} labels[] = {
	{ "866", E_IBM866 }, { "ansi_x3.4-1968", E_1252 }, { "arabic", E_8859_6 },
	{ "ascii", E_1252 }, { "asmo-708", E_8859_6 }, { "big5", E_BIG5 },
	{ "big5-hkscs", E_BIG5 }, { "chinese", E_GBK }, { "cn-big5", E_BIG5 },
	{ "cp1250", E_1250 }, { "cp1251", E_1251 }, { "cp1252", E_1252 },
	{ "cp1253", E_1253 }, { "cp1254", E_1254 }, { "cp1255", E_1255 },
	{ "cp1256", E_1256 }, { "cp1257", E_1257 }, { "cp1258", E_1258 },
	{ "cp819", E_1252 }, { "cp866", E_IBM866 }, { "csbig5", E_BIG5 },
	{ "cseuckr", E_EUCKR }, { "cseucpkdfmtjapanese", E_EUCJP }, { "csgb2312", E_GBK },
	{ "csibm866", E_IBM866 }, { "csiso2022jp", E_2022JP }, { "csiso2022kr", E_REPLACEMENT },
	{ "csiso58gb231280", E_GBK }, { "csiso88596e", E_8859_6 }, { "csiso88596i", E_8859_6 },
	{ "csiso88598e", E_8859_8 }, { "csiso88598i", E_8859_8I }, { "csisolatin1", E_1252 },
	{ "csisolatin2", E_8859_2 }, { "csisolatin3", E_8859_3 }, { "csisolatin4", E_8859_4 },
	{ "csisolatin5", E_1254 }, { "csisolatin6", E_8859_10 }, { "csisolatin9", E_8859_15 },
	{ "csisolatinarabic", E_8859_6 }, { "csisolatincyrillic", E_8859_5 },
	{ "csisolatingreek", E_8859_7 }, { "csisolatinhebrew", E_8859_8 },
	{ "cskoi8r", E_KOI8R }, { "csksc56011987", E_EUCKR }, { "csmacintosh", E_MAC },
	{ "csshiftjis", E_SJIS }, { "csunicode", E_UTF16LE }, { "cyrillic", E_8859_5 },
	{ "dos-874", E_874 }, { "ecma-114", E_8859_6 }, { "ecma-118", E_8859_7 },
	{ "elot_928", E_8859_7 }, { "euc-jp", E_EUCJP }, { "euc-kr", E_EUCKR },
	{ "gb18030", E_GB18030 }, { "gb2312", E_GBK }, { "gb_2312", E_GBK },
	{ "gb_2312-80", E_GBK }, { "gbk", E_GBK }, { "greek", E_8859_7 },
	{ "greek8", E_8859_7 }, { "hebrew", E_8859_8 }, { "hz-gb-2312", E_REPLACEMENT },
	{ "ibm819", E_1252 }, { "ibm866", E_IBM866 }, { "iso-10646-ucs-2", E_UTF16LE },
	{ "iso-2022-cn", E_REPLACEMENT }, { "iso-2022-cn-ext", E_REPLACEMENT },
	{ "iso-2022-jp", E_2022JP }, { "iso-2022-kr", E_REPLACEMENT },
	{ "iso-8859-1", E_1252 }, { "iso-8859-10", E_8859_10 }, { "iso-8859-11", E_874 },
	{ "iso-8859-13", E_8859_13 }, { "iso-8859-14", E_8859_14 }, { "iso-8859-15", E_8859_15 },
	{ "iso-8859-16", E_8859_16 }, { "iso-8859-2", E_8859_2 }, { "iso-8859-3", E_8859_3 },
	{ "iso-8859-4", E_8859_4 }, { "iso-8859-5", E_8859_5 }, { "iso-8859-6", E_8859_6 },
	{ "iso-8859-6-e", E_8859_6 }, { "iso-8859-6-i", E_8859_6 }, { "iso-8859-7", E_8859_7 },
	{ "iso-8859-8", E_8859_8 }, { "iso-8859-8-e", E_8859_8 }, { "iso-8859-8-i", E_8859_8I },
	{ "iso-8859-9", E_1254 }, { "iso-ir-100", E_1252 }, { "iso-ir-101", E_8859_2 },
	{ "iso-ir-109", E_8859_3 }, { "iso-ir-110", E_8859_4 }, { "iso-ir-126", E_8859_7 },
	{ "iso-ir-127", E_8859_6 }, { "iso-ir-138", E_8859_8 }, { "iso-ir-144", E_8859_5 },
	{ "iso-ir-148", E_1254 }, { "iso-ir-149", E_EUCKR }, { "iso-ir-157", E_8859_10 },
	{ "iso-ir-58", E_GBK }, { "iso8859-1", E_1252 }, { "iso8859-10", E_8859_10 },
	{ "iso8859-11", E_874 }, { "iso8859-13", E_8859_13 }, { "iso8859-14", E_8859_14 },
	{ "iso8859-15", E_8859_15 }, { "iso8859-2", E_8859_2 }, { "iso8859-3", E_8859_3 },
	{ "iso8859-4", E_8859_4 }, { "iso8859-5", E_8859_5 }, { "iso8859-6", E_8859_6 },
	{ "iso8859-7", E_8859_7 }, { "iso8859-8", E_8859_8 }, { "iso8859-9", E_1254 },
	{ "iso88591", E_1252 }, { "iso885910", E_8859_10 }, { "iso885911", E_874 },
	{ "iso885913", E_8859_13 }, { "iso885914", E_8859_14 }, { "iso885915", E_8859_15 },
	{ "iso88592", E_8859_2 }, { "iso88593", E_8859_3 }, { "iso88594", E_8859_4 },
	{ "iso88595", E_8859_5 }, { "iso88596", E_8859_6 }, { "iso88597", E_8859_7 },
	{ "iso88598", E_8859_8 }, { "iso88599", E_1254 }, { "iso_8859-1", E_1252 },
	{ "iso_8859-15", E_8859_15 }, { "iso_8859-1:1987", E_1252 }, { "iso_8859-2", E_8859_2 },
	{ "iso_8859-2:1987", E_8859_2 }, { "iso_8859-3", E_8859_3 },
	{ "iso_8859-3:1988", E_8859_3 }, { "iso_8859-4", E_8859_4 },
	{ "iso_8859-4:1988", E_8859_4 }, { "iso_8859-5", E_8859_5 },
	{ "iso_8859-5:1988", E_8859_5 }, { "iso_8859-6", E_8859_6 },
	{ "iso_8859-6:1987", E_8859_6 }, { "iso_8859-7", E_8859_7 },
	{ "iso_8859-7:1987", E_8859_7 }, { "iso_8859-8", E_8859_8 },
	{ "iso_8859-8:1988", E_8859_8 }, { "iso_8859-9", E_1254 }, { "iso_8859-9:1989", E_1254 },
	{ "koi", E_KOI8R }, { "koi8", E_KOI8R }, { "koi8-r", E_KOI8R }, { "koi8-ru", E_KOI8U },
	{ "koi8-u", E_KOI8U }, { "koi8_r", E_KOI8R }, { "korean", E_EUCKR },
	{ "ks_c_5601-1987", E_EUCKR }, { "ks_c_5601-1989", E_EUCKR }, { "ksc5601", E_EUCKR },
	{ "ksc_5601", E_EUCKR }, { "l1", E_1252 }, { "l2", E_8859_2 }, { "l3", E_8859_3 },
	{ "l4", E_8859_4 }, { "l5", E_1254 }, { "l6", E_8859_10 }, { "l9", E_8859_15 },
	{ "latin1", E_1252 }, { "latin2", E_8859_2 }, { "latin3", E_8859_3 },
	{ "latin4", E_8859_4 }, { "latin5", E_1254 }, { "latin6", E_8859_10 },
	{ "logical", E_8859_8I }, { "mac", E_MAC }, { "macintosh", E_MAC },
	{ "ms932", E_SJIS }, { "ms_kanji", E_SJIS }, { "replacement", E_REPLACEMENT },
	{ "shift-jis", E_SJIS }, { "shift_jis", E_SJIS }, { "sjis", E_SJIS },
	{ "sun_eu_greek", E_8859_7 }, { "tis-620", E_874 }, { "ucs-2", E_UTF16LE },
	{ "unicode", E_UTF16LE }, { "unicode-1-1-utf-8", E_UTF8 }, { "unicode11utf8", E_UTF8 },
	{ "unicode20utf8", E_UTF8 }, { "unicodefeff", E_UTF16LE }, { "unicodefffe", E_UTF16BE },
	{ "us-ascii", E_1252 }, { "utf-16", E_UTF16LE }, { "utf-16be", E_UTF16BE },
	{ "utf-16le", E_UTF16LE }, { "utf-8", E_UTF8 }, { "utf8", E_UTF8 },
	{ "visual", E_8859_8 }, { "windows-1250", E_1250 }, { "windows-1251", E_1251 },
	{ "windows-1252", E_1252 }, { "windows-1253", E_1253 }, { "windows-1254", E_1254 },
	{ "windows-1255", E_1255 }, { "windows-1256", E_1256 }, { "windows-1257", E_1257 },
	{ "windows-1258", E_1258 }, { "windows-31j", E_SJIS }, { "windows-874", E_874 },
	{ "windows-949", E_EUCKR }, { "x-cp1250", E_1250 }, { "x-cp1251", E_1251 },
	{ "x-cp1252", E_1252 }, { "x-cp1253", E_1253 }, { "x-cp1254", E_1254 },
	{ "x-cp1255", E_1255 }, { "x-cp1256", E_1256 }, { "x-cp1257", E_1257 },
	{ "x-cp1258", E_1258 }, { "x-euc-jp", E_EUCJP }, { "x-gbk", E_GBK },
	{ "x-mac-cyrillic", E_MACCYR }, { "x-mac-roman", E_MAC }, { "x-mac-ukrainian", E_MACCYR },
	{ "x-sjis", E_SJIS }, { "x-unicode20utf8", E_UTF8 }, { "x-user-defined", E_USER },
	{ "x-x-big5", E_BIG5 },
};

#define NLABELS (sizeof(labels) / sizeof(labels[0]))

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ASCII whitespace as HTML and the Encoding standard mean it. */
static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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

static int cmp_label(const void *key, const void *elem)
{
	return strcmp(key, ((const struct label *)elem)->label);
}

/* "get an encoding": the encoding a label names, or -1. */
static int lookup(const char *s, size_t n)
{
	char key[CXS_CHARSET_MAX];
	const struct label *l;
	size_t i;

	while (n > 0 && is_ws((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(key))
		return -1;
	for (i = 0; i < n; i++)
		key[i] = (char)lower((unsigned char)s[i]);
	key[n] = '\0';
	l = bsearch(key, labels, NLABELS, sizeof(labels[0]), cmp_label);
	return l ? (int)l->enc : -1;
}

const char *cxs_charset_label(const char *label, size_t len)
{
	int e = lookup(label, len);

	return e < 0 ? NULL : encs[e].name;
}

const char *cxs_charset_rule_name(enum cxs_charset_rule rule)
{
	switch (rule) {
	case CXS_RULE_BOM:
		return "bom";
	case CXS_RULE_TRANSPORT:
		return "transport";
	case CXS_RULE_XML:
		return "xml";
	case CXS_RULE_META:
		return "meta";
	case CXS_RULE_DETECTED:
		return "detected";
	case CXS_RULE_DEFAULT:
		break;
	}
	return "default";
}

/* Copies `n` bytes of `src` (or as many as fit) as a string; `src` may be `dst`. */
static void set_name(char dst[CXS_CHARSET_MAX], const char *src, size_t n)
{
	if (n >= CXS_CHARSET_MAX)
		n = CXS_CHARSET_MAX - 1;
	memmove(dst, src, n);
	dst[n] = '\0';
}

static void decide(struct cxs_charset_guess *g, int enc, enum cxs_charset_rule rule,
		   const char *label, size_t label_len)
{
	set_name(g->name, encs[enc].name, strlen(encs[enc].name));
	set_name(g->label, label ? label : "", label ? label_len : 0);
	g->rule = rule;
}

/* A label found inside an ASCII-readable page cannot truly mean UTF-16 (the page would
 * not have been readable), and x-user-defined there is windows-1252 (WHATWG). */
static int in_page(int enc)
{
	if (enc == E_UTF16BE || enc == E_UTF16LE)
		return E_UTF8;
	if (enc == E_USER)
		return E_1252;
	return enc;
}

/* ---- byte order mark, transport, XML declaration ---- */

static size_t bom(const unsigned char *u, size_t len, int *enc)
{
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*enc = E_UTF8;
		return 3;
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*enc = E_UTF16BE;
		return 2;
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*enc = E_UTF16LE;
		return 2;
	}
	return 0;
}

static int from_content(const char *v, size_t n, const char **label, size_t *label_len);

/* The encoding a transport header names: a bare label, or a Content-Type value whose
 * charset parameter is read like a <meta content>; -1 when it names none. */
static int transport_enc(const char *t, const char **label, size_t *label_len)
{
	char v[VALUE_MAX];
	size_t n = strlen(t), i;

	if (!memchr(t, ';', n) && !memchr(t, '=', n)) {
		*label = t;
		*label_len = n;
		return lookup(t, n);
	}
	if (n >= sizeof(v))
		return -1;
	for (i = 0; i < n; i++)
		v[i] = (char)lower((unsigned char)t[i]);
	if (from_content(v, n, label, label_len) < 0)
		return -1;
	*label = t + (*label - v);
	return lookup(*label, *label_len);
}

/* `<?xml ... encoding="X" ...?>` at the very start of `d` (ASCII), or `<?x` in UTF-16
 * without a BOM; -1 when there is none or its label is unknown. */
static int xml_decl(const char *d, size_t len, const char **label, size_t *label_len)
{
	const char *end = d + (len < CXS_CHARSET_PRESCAN ? len : CXS_CHARSET_PRESCAN), *p, *q;

	if (len >= 6 && !memcmp(d, "<\0?\0x\0", 6))
		return E_UTF16LE;
	if (len >= 6 && !memcmp(d, "\0<\0?\0x", 6))
		return E_UTF16BE;
	if (len < 6 || memcmp(d, "<?xml", 5) || !is_ws((unsigned char)d[5]))
		return -1;
	for (p = d + 5; p + 1 < end && !(p[0] == '?' && p[1] == '>'); p++) {
		if (end - p < 8 || memcmp(p, "encoding", 8))
			continue;
		q = p + 8;
		while (q < end && is_ws((unsigned char)*q))
			q++;
		if (q >= end || *q != '=')
			continue;
		q++;
		while (q < end && is_ws((unsigned char)*q))
			q++;
		if (q >= end || (*q != '"' && *q != '\''))
			return -1;
		p = memchr(q + 1, *q, (size_t)(end - q - 1));
		if (!p)
			return -1;
		*label = q + 1;
		*label_len = (size_t)(p - q - 1);
		return lookup(*label, *label_len);
	}
	return -1;
}

/* ---- the WHATWG prescan ("prescan a byte stream to determine its encoding") ---- */

struct scan {
	const unsigned char *p, *end;
};

struct attr {
	char name[12];          /* only http-equiv, content and charset matter */
	size_t nlen;
	int nlong;              /* longer than `name`: matches none of them */
	char value[VALUE_MAX];
	size_t vlen;
	int vlong;
};

static void add_name(struct attr *a, int c)
{
	if (a->nlen + 1 < sizeof(a->name))
		a->name[a->nlen++] = (char)c;
	else
		a->nlong = 1;
}

static void add_value(struct attr *a, int c)
{
	if (a->vlen + 1 < sizeof(a->value))
		a->value[a->vlen++] = (char)c;
	else
		a->vlong = 1;
}

/* "get an attribute": 1 with one in `a`, 0 at the tag's '>', -1 at the end of the input
 * (the prescan then gives up, as a parser waiting for more bytes would). Names and
 * values come out lowercased. */
static int get_attr(struct scan *s, struct attr *a)
{
	int c;

	while (s->p < s->end && (is_ws(*s->p) || *s->p == '/'))
		s->p++;
	if (s->p >= s->end)
		return -1;
	if (*s->p == '>')
		return 0;
	a->nlen = a->vlen = 0;
	a->nlong = a->vlong = 0;
	for (;; s->p++) {
		if (s->p >= s->end)
			return -1;
		c = *s->p;
		if (c == '=' && (a->nlen || a->nlong)) {
			s->p++;
			goto value;
		}
		if (is_ws(c))
			break;
		if (c == '/' || c == '>')
			return 1;
		add_name(a, lower(c));
	}
	while (s->p < s->end && is_ws(*s->p))
		s->p++;
	if (s->p >= s->end)
		return -1;
	if (*s->p != '=')
		return 1;
	s->p++;
value:
	while (s->p < s->end && is_ws(*s->p))
		s->p++;
	if (s->p >= s->end)
		return -1;
	c = *s->p;
	if (c == '"' || c == '\'') {
		for (s->p++; s->p < s->end; s->p++) {
			if (*s->p == c) {
				s->p++;
				return 1;
			}
			add_value(a, lower(*s->p));
		}
		return -1;
	}
	if (c == '>')
		return 1;
	for (; s->p < s->end; s->p++) {
		if (is_ws(*s->p) || *s->p == '>')
			return 1;
		add_value(a, lower(*s->p));
	}
	return -1;
}

/* "extract a character encoding from a meta element" from a content value `v`
 * (lowercase): the encoding of the charset parameter, or -1. */
static int from_content(const char *v, size_t n, const char **label, size_t *label_len)
{
	size_t i = 0, j;
	const char *q;

	for (;;) {
		while (i + 7 <= n && memcmp(v + i, "charset", 7))
			i++;
		if (i + 7 > n)
			return -1;
		j = i + 7;
		while (j < n && is_ws((unsigned char)v[j]))
			j++;
		if (j >= n || v[j] != '=') {
			i = j;
			continue;
		}
		j++;
		while (j < n && is_ws((unsigned char)v[j]))
			j++;
		if (j >= n)
			return -1;
		if (v[j] == '"' || v[j] == '\'') {
			q = memchr(v + j + 1, v[j], n - j - 1);
			if (!q)
				return -1;
			*label = v + j + 1;
			*label_len = (size_t)(q - v - j - 1);
			return lookup(*label, *label_len);
		}
		*label = v + j;
		while (j < n && !is_ws((unsigned char)v[j]) && v[j] != ';')
			j++;
		*label_len = (size_t)(v + j - *label);
		return lookup(*label, *label_len);
	}
}

enum { A_HTTP_EQUIV, A_CONTENT, A_CHARSET, A_OTHER };

static int attr_kind(const struct attr *a)
{
	if (a->nlong)
		return A_OTHER;
	if (a->nlen == 10 && !memcmp(a->name, "http-equiv", 10))
		return A_HTTP_EQUIV;
	if (a->nlen == 7 && !memcmp(a->name, "content", 7))
		return A_CONTENT;
	if (a->nlen == 7 && !memcmp(a->name, "charset", 7))
		return A_CHARSET;
	return A_OTHER;
}

/* The attributes of one <meta> (s->p just after "<meta"): 1 with the encoding it
 * declares in *enc and the label in `label`, 0 when it declares none, -1 at the end of
 * the input. */
static int meta(struct scan *s, int *enc, char label[CXS_CHARSET_MAX])
{
	struct attr a;
	int seen[A_OTHER] = { 0, 0, 0 }, got_pragma = 0, need_pragma = -1, charset = -2, r, k;
	const char *l;
	size_t ln;

	while ((r = get_attr(s, &a)) > 0) {
		k = attr_kind(&a);
		if (k == A_OTHER || seen[k])
			continue;
		seen[k] = 1;
		if (a.vlong)
			a.vlen = 0;   /* a value this long names no encoding */
		if (k == A_HTTP_EQUIV) {
			got_pragma |= a.vlen == 12 && !memcmp(a.value, "content-type", 12);
		} else if (k == A_CONTENT) {
			/* charset -2 is the spec's "null": not yet set, not even to failure */
			if (charset == -2 && (r = from_content(a.value, a.vlen, &l, &ln)) >= 0) {
				charset = r;
				need_pragma = 1;
				set_name(label, l, ln);
			}
		} else {
			charset = lookup(a.value, a.vlen);
			need_pragma = 0;
			set_name(label, a.value, a.vlen);
		}
	}
	if (r < 0)
		return -1;
	if (need_pragma < 0 || (need_pragma && !got_pragma) || charset < 0)
		return 0;
	*enc = in_page(charset);
	return 1;
}

/* The prescan over `d[0..len)` (the caller passes the window): 1 with the encoding of
 * the first <meta> that declares one, 0 when none does before the input ends. */
static int prescan(const char *d, size_t len, int *enc, char label[CXS_CHARSET_MAX])
{
	struct scan s;
	struct attr a;
	const unsigned char *lt, *q;
	size_t rem;
	int r;

	s.p = (const unsigned char *)d;
	s.end = s.p + len;
	while (s.p < s.end) {
		lt = memchr(s.p, '<', (size_t)(s.end - s.p));
		if (!lt)
			return 0;
		rem = (size_t)(s.end - lt);
		if (rem >= 4 && !memcmp(lt, "<!--", 4)) {
			/* the end is a '>' after two '-', which may be those of "<!--" */
			for (q = lt + 2; q + 2 < s.end && memcmp(q, "-->", 3); q++)
				;
			if (q + 2 >= s.end)
				return 0;
			s.p = q + 3;
		} else if (rem >= 6 && starts_ci((const char *)lt, rem, "<meta") &&
			   (is_ws(lt[5]) || lt[5] == '/')) {
			s.p = lt + 5;
			r = meta(&s, enc, label);
			if (r != 0)
				return r > 0;
			s.p++;
		} else if (rem >= 2 && (is_alpha(lt[1]) ||
					(rem >= 3 && lt[1] == '/' && is_alpha(lt[2])))) {
			/* any other tag: its attributes are skipped, so a '>' or '<meta' inside
			 * a quoted value is not taken for markup */
			for (s.p = lt + 1; s.p < s.end && !is_ws(*s.p) && *s.p != '>'; s.p++)
				;
			while ((r = get_attr(&s, &a)) > 0)
				;
			if (r < 0)
				return 0;
			s.p++;
		} else if (rem >= 2 && (lt[1] == '!' || lt[1] == '/' || lt[1] == '?')) {
			q = memchr(lt + 1, '>', rem - 1);
			if (!q)
				return 0;
			s.p = q + 1;
		} else {
			s.p = lt + 1;
		}
	}
	return 0;
}

/* ---- detection ---- */

/* How UTF-8-like a page that is not valid UTF-8 is: valid multi-byte sequences, invalid
 * sequences, NUL bytes and bytes above ASCII. */
struct stats {
	size_t multi, bad, nul, high;
	size_t first;   /* offset of the first byte that is not ASCII (or NUL), else len */
};

static void utf8_stats(const char *d, size_t len, struct stats *st)
{
	const unsigned char *u = (const unsigned char *)d;
	size_t i = 0, v, k;

	memset(st, 0, sizeof(*st));
	st->first = len;
	while (i < len) {
		v = cxs_utf8_valid_prefix(d + i, len - i);
		for (k = i; k < i + v; k++) {
			if (u[k] < 0x80)
				continue;
			st->high++;
			st->multi += u[k] >= 0xC0;
			if (st->first == len)
				st->first = k;
		}
		i += v;
		if (i >= len)
			break;
		if (st->first == len)
			st->first = i;
		if (u[i] == 0) {
			st->nul++;
			i++;
			continue;
		}
		st->bad++;
		/* one maximal invalid part: a byte and the continuation bytes after it */
		for (st->high++, i++; i < len && (u[i] & 0xC0) == 0x80; i++)
			st->high++;
	}
}

/* ICU's best guess for `d` when it is an encoding of the standard with enough
 * confidence, or -1. */
static int icu_detect(cxs_charset *cs, const char *d, size_t len, int html, const char **name)
{
	UErrorCode st = U_ZERO_ERROR;
	const UCharsetMatch **m;
	int32_t n, i;

	if (!cs->det) {
		cs->det = ucsdet_open(&st);
		if (U_FAILURE(st)) {
			cs->det = NULL;
			return -1;
		}
	}
	ucsdet_enableInputFilter(cs->det, html ? 1 : 0);
	ucsdet_setText(cs->det, d, (int32_t)(len < CXS_CHARSET_DETECT ? len : CXS_CHARSET_DETECT),
		       &st);
	m = ucsdet_detectAll(cs->det, &n, &st);
	if (U_FAILURE(st) || !m)
		return -1;
	for (i = 0; i < n; i++) {
		int e;

		if (ucsdet_getConfidence(m[i], &st) < CXS_CHARSET_CONFIDENCE || U_FAILURE(st))
			return -1;
		*name = ucsdet_getName(m[i], &st);
		if (U_FAILURE(st) || !*name)
			return -1;
		e = lookup(*name, strlen(*name));
		/* IBM424/IBM420 (EBCDIC) and UTF-32 are not web encodings */
		if (e >= 0 && e != E_REPLACEMENT)
			return e;
	}
	return -1;
}

/* Rules 5 and 6 for bytes that are not valid UTF-8. */
static void detect(cxs_charset *cs, const char *d, size_t len, int html,
		   struct cxs_charset_guess *g)
{
	struct stats st;
	const char *name = NULL;
	size_t skip;
	int e;

	utf8_stats(d, len, &st);
	/* UTF-8 with a little damage (a cut sequence, a stray Latin-1 byte): decoding the
	 * whole page as a legacy charset would garble every correct character to save a
	 * few. A NUL here and there is damage too; many are UTF-16 for ICU to find. */
	if (st.nul * 16 < len && (st.bad == 0 || (st.multi > 0 && st.multi >= 4 * st.bad))) {
		decide(g, E_UTF8, CXS_RULE_DETECTED, NULL, 0);
		return;
	}
	/* ICU tells legacy charsets apart by their bytes above ASCII: on one or two it
	 * guesses from the ASCII letters alone ("bad \xff byte" came out ISO-8859-2). It
	 * reads CXS_CHARSET_DETECT bytes: let them be where the text begins, not the
	 * scripts and styles of a long <head>. */
	skip = st.first > 1024 ? st.first - 1024 : 0;
	if (st.high + st.nul >= CXS_CHARSET_EVIDENCE &&
	    (e = icu_detect(cs, d + skip, len - skip, html, &name)) >= 0) {
		decide(g, e, CXS_RULE_DETECTED, name, strlen(name));
		return;
	}
	/* WHATWG's fallback for an undeclared legacy page. Also for text files: what ICU
	 * cannot place is most often Latin-1 in a language it has no statistics for
	 * (Finnish), which windows-1252 reads right and UTF-8 would turn into U+FFFD. */
	decide(g, E_1252, CXS_RULE_DEFAULT, NULL, 0);
}

/* ---- the cascades ---- */

static int is_valid_utf8(const char *d, size_t len)
{
	return cxs_utf8_valid_prefix(d, len) == len;
}

void cxs_charset_sniff_html(cxs_charset *cs, const char *data, size_t len,
			    const char *transport, struct cxs_charset_guess *g)
{
	const char *l = NULL;
	size_t ln = 0;
	int e;

	memset(g, 0, sizeof(*g));
	g->bom = bom((const unsigned char *)data, len, &e);
	if (g->bom) {
		decide(g, e, CXS_RULE_BOM, NULL, 0);
		return;
	}
	if (transport && (e = transport_enc(transport, &l, &ln)) >= 0) {
		decide(g, e, CXS_RULE_TRANSPORT, l, ln);
		return;
	}
	l = NULL;   /* xml_decl sets it only for a label, not for UTF-16 bytes */
	if ((e = xml_decl(data, len, &l, &ln)) >= 0) {
		decide(g, l ? in_page(e) : e, CXS_RULE_XML, l, ln);
		return;
	}
	if (prescan(data, len < CXS_CHARSET_PRESCAN ? len : CXS_CHARSET_PRESCAN, &e, g->label)) {
		decide(g, e, CXS_RULE_META, g->label, strlen(g->label));
		return;
	}
	if (is_valid_utf8(data, len)) {
		g->valid_utf8 = 1;
		decide(g, E_UTF8, CXS_RULE_DEFAULT, NULL, 0);
		return;
	}
	/* A browser's parser still obeys a <meta> after the first 1024 bytes (it would
	 * reload the page in that encoding). It is looked for only here: in a page that
	 * is valid UTF-8 a late <meta> would not change an ASCII character and would more
	 * likely belong to pasted markup than describe the page. */
	if (len > CXS_CHARSET_PRESCAN && prescan(data, len, &e, g->label)) {
		decide(g, e, CXS_RULE_META, g->label, strlen(g->label));
		return;
	}
	detect(cs, data, len, 1, g);
}

void cxs_charset_sniff_text(cxs_charset *cs, const char *data, size_t len,
			    struct cxs_charset_guess *g)
{
	int e;

	memset(g, 0, sizeof(*g));
	g->bom = bom((const unsigned char *)data, len, &e);
	if (g->bom) {
		decide(g, e, CXS_RULE_BOM, NULL, 0);
		return;
	}
	if (is_valid_utf8(data, len)) {
		g->valid_utf8 = 1;
		decide(g, E_UTF8, CXS_RULE_DEFAULT, NULL, 0);
		return;
	}
	detect(cs, data, len, 0, g);
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
	set_name(cs->used, "UTF-8", 5);
	return cs;
}

void cxs_charset_free(cxs_charset *cs)
{
	if (!cs)
		return;
	ucnv_close(cs->cnv);
	ucnv_close(cs->utf8);
	ucsdet_close(cs->det);
	cxs_buf_release(&cs->tmp);
	free(cs);
}

const char *cxs_charset_used(const cxs_charset *cs)
{
	return cs->used;
}

/* Makes cs->cnv the converter for `icu`; 0 when ICU does not have it. */
static int open_converter(cxs_charset *cs, const char *icu)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *c;

	if (cs->cnv && !strcmp(cs->cnv_name, icu))
		return 1;
	c = ucnv_open(icu, &st);
	if (U_FAILURE(st) || !c)
		return 0;
	ucnv_setToUCallBack(c, on_bad_bytes, &cs->replaced, NULL, NULL, &st);
	if (U_FAILURE(st)) {
		ucnv_close(c);
		return 0;
	}
	ucnv_close(cs->cnv);
	cs->cnv = c;
	set_name(cs->cnv_name, icu, strlen(icu));
	return 1;
}

/* Appends `data` as UTF-8 through cs->cnv to `out`; returns the replacements or -1. */
static long icu_decode(cxs_charset *cs, const char *data, size_t len, cxs_buf *out,
		       cxs_err *err)
{
	UChar pivot[PIVOT_LEN], *ps = pivot, *pt = pivot;
	const char *src = data, *src_end = data + len;
	size_t start = out->len;
	UBool reset = 1;
	long n;

	cs->replaced = 0;
	for (;;) {
		UErrorCode st = U_ZERO_ERROR;
		char *target;

		if (cxs_buf_grow(out, OUT_CHUNK) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		target = out->p + out->len;
		ucnv_convertEx(cs->utf8, cs->cnv, &target, out->p + out->len + OUT_CHUNK,
			       &src, src_end, pivot, &ps, &pt, pivot + PIVOT_LEN, reset, 1, &st);
		out->len = (size_t)(target - out->p);
		out->p[out->len] = '\0';
		reset = 0;
		if (st == U_BUFFER_OVERFLOW_ERROR)
			continue;
		if (U_FAILURE(st))
			return cxs_err_set(err, CXS_E_INTERNAL, "could not decode %s: %s",
					   cs->cnv_name, u_errorName(st));
		break;
	}
	/* ICU passes NUL bytes through; JSON consumers and C strings do not want them.
	 * Rarely there: only then is the output copied once more. */
	if (!memchr(out->p + start, '\0', out->len - start))
		return cs->replaced;
	cxs_buf_reset(&cs->tmp);
	n = cxs_utf8_sanitize(out->p + start, out->len - start, &cs->tmp);
	if (n < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	out->len = start;
	if (cxs_buf_add(out, cs->tmp.p, cs->tmp.len) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return n + cs->replaced;
}

/* x-user-defined: ASCII, and bytes 0x80-0xFF as U+F780-U+F7FF. */
static long user_defined(const char *data, size_t len, cxs_buf *out)
{
	const unsigned char *u = (const unsigned char *)data;
	long bad = 0;
	size_t i;

	if (cxs_buf_grow(out, len * 3) < 0)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned c = u[i] < 0x80 ? u[i] : 0xF780u + u[i] - 0x80;

		if (c == 0) {
			memcpy(out->p + out->len, "\xEF\xBF\xBD", 3);
			out->len += 3;
			bad++;
		} else if (c < 0x80) {
			out->p[out->len++] = (char)c;
		} else {
			out->p[out->len++] = (char)(0xE0 | (c >> 12));
			out->p[out->len++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out->p[out->len++] = (char)(0x80 | (c & 0x3F));
		}
	}
	out->p[out->len] = '\0';
	return bad;
}

static long utf8_into(cxs_charset *cs, const char *p, size_t n, cxs_buf *buf, cxs_err *err)
{
	long bad;

	set_name(cs->used, "UTF-8", 5);
	bad = cxs_utf8_sanitize(p, n, buf);
	if (bad < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	if (cxs_buf_grow(buf, 0) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return bad;
}

/* Where a declaration of `rule` was, for messages. */
static const char *where(enum cxs_charset_rule rule)
{
	switch (rule) {
	case CXS_RULE_TRANSPORT:
		return "in the Content-Type header";
	case CXS_RULE_XML:
		return "in the XML declaration";
	case CXS_RULE_META:
		return "in a <meta>";
	default:
		return "";
	}
}

long cxs_charset_decode(cxs_charset *cs, const struct cxs_charset_guess *g, const char *data,
			size_t len, cxs_buf *buf, const char **out, size_t *out_len,
			cxs_err *err)
{
	const char *p = data + g->bom;
	size_t n = len - g->bom;
	int e = lookup(g->name, strlen(g->name));
	long bad;

	cxs_buf_reset(buf);
	*out = NULL;
	*out_len = 0;
	if (e == E_REPLACEMENT)
		return cxs_err_set(err, CXS_E_INPUT, "encoding '%s' declared %s is one the WHATWG "
				   "standard never decodes (replacement): the text is not read",
				   g->label[0] ? g->label : g->name, where(g->rule));
	if (e < 0 || e == E_UTF8) {
		/* the usual case: nothing to convert, and valid bytes are not copied */
		if (g->valid_utf8 || is_valid_utf8(p, n)) {
			set_name(cs->used, "UTF-8", 5);
			*out = p;
			*out_len = n;
			return 0;
		}
		bad = utf8_into(cs, p, n, buf, err);
	} else if (e == E_USER) {
		set_name(cs->used, encs[e].name, strlen(encs[e].name));
		bad = user_defined(p, n, buf);
		if (bad < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	} else if (open_converter(cs, encs[e].icu)) {
		set_name(cs->used, encs[e].name, strlen(encs[e].name));
		bad = icu_decode(cs, p, n, buf, err);
		if (bad >= 0 && cxs_buf_grow(buf, 0) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	} else {
		/* an encoding this ICU lacks (ISO-8859-16): its ASCII part is still right */
		bad = utf8_into(cs, p, n, buf, err);
	}
	if (bad < 0)
		return -1;
	*out = buf->p;
	*out_len = buf->len;
	return bad;
}

/* ---- the first version's interface ---- */

enum cxs_charset_from cxs_charset_sniff(const char *data, size_t len, int html,
					char name[CXS_CHARSET_MAX], size_t *bom_len)
{
	struct cxs_charset_guess g;
	const char *l = NULL;
	size_t ln = 0;
	int e;

	memset(&g, 0, sizeof(g));
	*bom_len = bom((const unsigned char *)data, len, &e);
	if (*bom_len) {
		set_name(name, encs[e].name, strlen(encs[e].name));
		return CXS_CHARSET_BOM;
	}
	if (html && (e = xml_decl(data, len, &l, &ln)) >= 0) {
		e = l ? in_page(e) : e;
	} else if (!html || !prescan(data, len < CXS_CHARSET_PRESCAN ? len : CXS_CHARSET_PRESCAN,
				     &e, g.label)) {
		set_name(name, "UTF-8", 5);
		return CXS_CHARSET_DEFAULT;
	}
	set_name(name, encs[e].name, strlen(encs[e].name));
	return CXS_CHARSET_DECLARED;
}

long cxs_charset_to_utf8(cxs_charset *cs, const char *name, const char *data, size_t len,
			 cxs_buf *out, cxs_err *err)
{
	struct cxs_charset_guess g;
	const char *p;
	size_t n;
	cxs_buf tmp = CXS_BUF_INIT;
	long bad;
	int e = lookup(name, strlen(name));

	memset(&g, 0, sizeof(g));
	set_name(g.name, e >= 0 && e != E_REPLACEMENT ? encs[e].name : "UTF-8",
		 strlen(e >= 0 && e != E_REPLACEMENT ? encs[e].name : "UTF-8"));
	bad = cxs_charset_decode(cs, &g, data, len, &tmp, &p, &n, err);
	if (bad >= 0 && cxs_buf_add(out, p, n) < 0)
		bad = cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	cxs_buf_release(&tmp);
	return bad;
}

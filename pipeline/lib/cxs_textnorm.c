#include "cxs_textnorm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct cxs_textnorm {
	const UNormalizer2 *nfkc_cf;    /* owned by ICU, never closed */
	UTransliterator *hant_hans;
	/* UTF-16 working buffers, grown as needed and kept across calls */
	UChar *in, *out;
	int32_t in_cap, out_cap;
	/* per BMP code unit from U+2E80 on: HANS_UNKNOWN, or whether Hant-Hans changes that
	 * character on its own; learnt one character at a time, as text shows them */
	unsigned char *hans;
	int by_name;            /* open Hant-Hans through ICU's registry (tests) */
};

enum { HANS_UNKNOWN, HANS_KEEPS, HANS_CHANGES };
#define HANS_FIRST 0x2E80

/* NFKC can expand a character a lot (U+FDFA becomes 18 units); most text grows a
 * little. Starting with this much slack makes the retry below rare. */
#define NORM_SLACK(n) ((n) + (n) / 2 + 16)

/* ICU's Hant-Hans transliterator compiled from its rules, which ICU's data holds as
 * the reverse of Hans-Hant: the same transliterator (tests/unit/test_textnorm.c
 * compares them), without building ICU's whole transliterator registry first, which
 * cost 140 M instructions (about 30 ms) of the 170 M its opening by name took. NULL
 * when the data is not where ICU 72 keeps it; the caller then opens it by name. */
static UTransliterator *open_hans_rules(const UChar *id)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *b = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit",
					     "root", &st);
	UResourceBundle *ids = ures_getByKey(b, "RuleBasedTransliteratorIDs", NULL, &st);
	UResourceBundle *h = ures_getByKey(ids, "Hant-Hans", NULL, &st);
	UResourceBundle *f = ures_getByKey(h, "file", NULL, &st);
	UTransliterator *t = NULL;
	const UChar *rules, *dir;
	int32_t len = 0, dlen = 0;

	rules = ures_getStringByKey(f, "resource", &len, &st);
	dir = ures_getStringByKey(f, "direction", &dlen, &st);
	if (U_SUCCESS(st) && dlen == 7 && dir[0] == 'R') {      /* "REVERSE" */
		t = utrans_openU(id, -1, UTRANS_REVERSE, rules, len, NULL, &st);
		if (U_FAILURE(st))
			t = NULL;
	}
	ures_close(f);
	ures_close(h);
	ures_close(ids);
	ures_close(b);
	return t;
}

/* Opens the Hant-Hans transliterator when text first needs it, which text without
 * Chinese never does. */
static int open_hans(cxs_textnorm *tn, cxs_err *err)
{
	static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
	UErrorCode st = U_ZERO_ERROR;

	if (tn->hant_hans)
		return 0;
	if (!tn->by_name && (tn->hant_hans = open_hans_rules(id)))
		return 0;
	tn->hant_hans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
	if (U_FAILURE(st)) {
		tn->hant_hans = NULL;
		return cxs_err_set(err, st == U_MEMORY_ALLOCATION_ERROR ? CXS_E_NOMEM :
				   CXS_E_INTERNAL, "could not open the ICU 'Hant-Hans' "
				   "transliterator: %s", u_errorName(st));
	}
	return 0;
}

cxs_textnorm *cxs_textnorm_new(cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	cxs_textnorm *tn = calloc(1, sizeof(*tn));

	if (!tn) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	tn->hans = calloc(0x10000 - HANS_FIRST, 1);
	if (!tn->hans) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		goto fail;
	}
	tn->nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st)) {
		cxs_err_set(err, CXS_E_INTERNAL, "could not load the ICU 'nfkc_cf' normalizer: %s",
			    u_errorName(st));
		goto fail;
	}
	return tn;

fail:
	cxs_textnorm_free(tn);
	return NULL;
}

void cxs_textnorm_free(cxs_textnorm *tn)
{
	if (!tn)
		return;
	if (tn->hant_hans)
		utrans_close(tn->hant_hans);
	free(tn->in);
	free(tn->out);
	free(tn->hans);
	free(tn);
}

/* Makes `*buf` hold at least `need` units. Returns 0, or -1 when memory runs out. */
static int u16_reserve(UChar **buf, int32_t *cap, int32_t need)
{
	UChar *p;
	int32_t n;

	if (need <= *cap)
		return 0;
	n = *cap ? *cap : 256;
	while (n < need)
		n = n > INT32_MAX / 2 ? INT32_MAX : n * 2;
	p = realloc(*buf, (size_t)n * sizeof(UChar));
	if (!p)
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

static int is_ascii(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] & 0x80)
			return 0;
	return 1;
}

/* nfkc_cf of ASCII is plain lower-casing: no compatibility forms, no ignorables. */
static int ascii_form(const char *s, size_t len, cxs_buf *out, cxs_err *err)
{
	size_t i;

	cxs_buf_reset(out);
	if (cxs_buf_grow(out, len) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	for (i = 0; i < len; i++) {
		char c = s[i];
		out->p[i] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
	}
	out->len = len;
	out->p[len] = '\0';
	return 0;
}

static int icu_fail(cxs_err *err, UErrorCode st, const char *what)
{
	return cxs_err_set(err, st == U_MEMORY_ALLOCATION_ERROR ? CXS_E_NOMEM : CXS_E_INTERNAL,
			   "ICU %s failed: %s", what, u_errorName(st));
}

/* UTF-8 `s` into tn->in; returns its length in units, or -1. UTF-16 never needs more
 * units than UTF-8 has bytes, so one pass always fits. */
static int32_t to_utf16(cxs_textnorm *tn, const char *s, size_t len, cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;

	if (u16_reserve(&tn->in, &tn->in_cap, (int32_t)len + 1) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	u_strFromUTF8WithSub(tn->in, tn->in_cap, &n, s, (int32_t)len, 0xFFFD, NULL, &st);
	if (U_FAILURE(st))
		return icu_fail(err, st, "UTF-8 conversion");
	return n;
}

/* nfkc_cf of tn->in[0..n) into tn->out; returns the output length, or -1. */
static int32_t casefold(cxs_textnorm *tn, int32_t n, cxs_err *err)
{
	int32_t need = NORM_SLACK(n), len;

	for (;;) {
		UErrorCode st = U_ZERO_ERROR;

		if (u16_reserve(&tn->out, &tn->out_cap, need) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		len = unorm2_normalize(tn->nfkc_cf, tn->in, n, tn->out, tn->out_cap, &st);
		if (st == U_BUFFER_OVERFLOW_ERROR) {
			need = len + 1;
			continue;
		}
		if (U_FAILURE(st))
			return icu_fail(err, st, "normalization");
		return len;
	}
}

/* Whether Hant-Hans changes the character `u` (BMP, >= HANS_FIRST) on its own. */
static int hans_changes(cxs_textnorm *tn, UChar u)
{
	unsigned char *state = &tn->hans[u - HANS_FIRST];

	if (*state == HANS_UNKNOWN) {
		UErrorCode st = U_ZERO_ERROR;
		UChar buf[8] = { u };
		int32_t len = 1, limit = 1;

		if (open_hans(tn, NULL) < 0)
			return 1;       /* let the real run report it */
		utrans_transUChars(tn->hant_hans, buf, &len, 8, 0, &limit, &st);
		if (U_FAILURE(st))
			return 1;       /* let the real run report it */
		*state = len == 1 && buf[0] == u ? HANS_KEEPS : HANS_CHANGES;
	}
	return *state == HANS_CHANGES;
}

/* Whether the transliterator could change the text: only when it has a character that
 * Hant-Hans changes on its own (or one outside the BMP, not in the table). Most Chinese
 * text is Simplified already, and the transliterator costs far more than this look-up;
 * the characters' own results are learnt once, through the transliterator itself. */
static int needs_hans(cxs_textnorm *tn, const UChar *u, int32_t n)
{
	int32_t i;

	for (i = 0; i < n; i++) {
		if (u[i] < HANS_FIRST)
			continue;
		if (U16_IS_SURROGATE(u[i]) || hans_changes(tn, u[i]))
			return 1;
	}
	return 0;
}

/* Traditional→Simplified in place in tn->out[0..n); returns the new length, or -1. The
 * transliterator works in place and reports when the buffer is too small; the input is
 * then copied back from tn->in (through casefold again) before a retry. */
static int32_t simplify(cxs_textnorm *tn, int32_t n, cxs_err *err)
{
	int32_t orig = n;

	if (open_hans(tn, err) < 0)
		return -1;
	if (u16_reserve(&tn->in, &tn->in_cap, n + 1) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	memcpy(tn->in, tn->out, (size_t)n * sizeof(UChar));
	for (;;) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t len = orig, limit = orig;

		utrans_transUChars(tn->hant_hans, tn->out, &len, tn->out_cap, 0, &limit, &st);
		if (st == U_BUFFER_OVERFLOW_ERROR) {
			if (u16_reserve(&tn->out, &tn->out_cap, tn->out_cap * 2) < 0)
				return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			memcpy(tn->out, tn->in, (size_t)orig * sizeof(UChar));
			continue;
		}
		if (U_FAILURE(st))
			return icu_fail(err, st, "transliteration");
		return len;
	}
}

/* Emoji without their skin-tone modifiers (U+1F3FB..U+1F3FF, which NFKC keeps), so
 * "👍🏽" meets the lexicon's "👍". Returns the new length. */
static int32_t plain_emoji(UChar *u, int32_t n)
{
	int32_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (u[i] == 0xD83C && i + 1 < n && u[i + 1] >= 0xDFFB && u[i + 1] <= 0xDFFF) {
			i++;
			continue;
		}
		u[k++] = u[i];
	}
	return k;
}

/* Quotes and dashes in their plain ASCII forms, so "it’s" meets "it's" and "e‑mail"
 * meets "e-mail" (NFKC leaves typographic quotes and most dashes as they are). Each is
 * one BMP unit for one, so lengths do not change. */
static void plain_punct(UChar *u, int32_t n)
{
	int32_t i;

	for (i = 0; i < n; i++) {
		UChar c = u[i];

		if (c < 0x2010 || c > 0x2212)
			continue;
		if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032)
			u[i] = '\'';
		else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033)
			u[i] = '"';
		else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
			u[i] = '-';
	}
}

static int to_utf8(const UChar *u, int32_t n, cxs_buf *out, cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len = 0;

	cxs_buf_reset(out);
	/* 3 bytes per unit covers every BMP character and, for pairs, 4 bytes per 2 units */
	if ((size_t)n > (INT32_MAX - 1) / 3 || cxs_buf_grow(out, (size_t)n * 3) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	u_strToUTF8(out->p, (int32_t)out->cap, &len, u, n, &st);
	if (U_FAILURE(st))
		return icu_fail(err, st, "UTF-8 conversion");
	out->len = (size_t)len;
	out->p[len] = '\0';
	return 0;
}

int cxs_textnorm_keeps(cxs_textnorm *tn, const char *s, size_t len, int zh)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		UChar u;

		if (p[i] < 0x80) {
			if (p[i] >= 'A' && p[i] <= 'Z')
				return 0;
			i++;
			continue;
		}
		/* E4 B8 80 .. E9 BF BF is U+4E00..U+9FFF */
		if (len - i < 3 || p[i] < 0xE4 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 ||
		    (p[i + 2] & 0xC0) != 0x80)
			return 0;
		u = (UChar)(((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F));
		if (u < 0x4E00 || (zh && hans_changes(tn, u)))
			return 0;
		i += 3;
	}
	return 1;
}

int cxs_textnorm_form(cxs_textnorm *tn, const char *s, size_t len, int zh, cxs_buf *out,
		      cxs_err *err)
{
	int32_t n;

	if (is_ascii(s, len))
		return ascii_form(s, len, out, err);
	if (len > INT32_MAX / 4)
		return cxs_err_set(err, CXS_E_INPUT, "text of %zu bytes is too long to normalise",
				   len);
	n = to_utf16(tn, s, len, err);
	if (n >= 0)
		n = casefold(tn, n, err);
	if (n >= 0 && zh && needs_hans(tn, tn->out, n))
		n = simplify(tn, n, err);
	if (n < 0)
		return -1;
	plain_punct(tn->out, n);
	n = plain_emoji(tn->out, n);
	return to_utf8(tn->out, n, out, err);
}

void cxs_textnorm_hans_by_name(cxs_textnorm *tn)
{
	tn->by_name = 1;
}

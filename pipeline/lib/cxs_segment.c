#include "cxs_segment.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* Word-break classes of the characters simple Latin text is made of (see
 * calibrate_words); WC_ICU: a character only ICU's iterator can place. */
enum { WC_ICU, WC_OTHER, WC_LETTER, WC_DIGIT };
#define WC_MIDLETTER 4          /* flags: joins two letters ("it's", "EU:s" in Swedish) */
#define WC_MIDNUM 8             /* joins two digits ("2.5", "1,5") */

struct cxs_segmenter {
	UBreakIterator *sent_bi, *word_bi;
	/* word classes of U+0000..U+00FF and U+2000..U+20FF as this locale's iterator
	 * treats them; `simple`: the text being segmented has only characters of a
	 * class other than WC_ICU */
	unsigned char wclass[2][256];
	int simple, icu_only;
	/* the text in UTF-16, and for every unit (and one past the end) its byte offset in
	 * the UTF-8 text; both kept across calls */
	UChar *u16;
	size_t *map;
	size_t cap;             /* units u16 and map (minus one) have room for */
	cxs_span *sent, *tok;
	size_t sent_cap, tok_cap;
	cxs_segments out;
};

/* The sentence iterator's locale: "ss=standard" turns on ICU's list of abbreviations
 * that do not end a sentence ("Mr.", "Sra."), for the locales ICU has one for. */
static void sentence_locale(const char *lang, char *buf, size_t size)
{
	if (!lang || !*lang)
		snprintf(buf, size, "@ss=standard");
	else
		snprintf(buf, size, "%s@ss=standard", lang);
}

static int icu_fail(cxs_err *err, UErrorCode st, const char *what, const char *lang)
{
	return cxs_err_set(err, st == U_MEMORY_ALLOCATION_ERROR ? CXS_E_NOMEM : CXS_E_INTERNAL,
			   "could not %s for language '%s': %s", what, lang, u_errorName(st));
}

/* The segments ICU's word iterator makes of the UTF-16 text `u` (`n` units, at most 7):
 * their number, with the rule status of the first in `*status`; -1 when ICU fails. */
static int icu_words(UBreakIterator *bi, const UChar *u, int32_t n, int *status)
{
	UErrorCode st = U_ZERO_ERROR;
	int count = 0;

	ubrk_setText(bi, u, n, &st);
	if (U_FAILURE(st))
		return -1;
	ubrk_first(bi);
	while (ubrk_next(bi) != UBRK_DONE)
		if (count++ == 0)
			*status = ubrk_getRuleStatus(bi);
	return count;
}

/* Whether `c` may be an emoji, before asking ICU (a look-up per character of Chinese
 * text cost more than the rest of this file): Latin-1 and the CJK ideograph blocks
 * hold no Extended_Pictographic character. */
static int maybe_emoji(UChar32 c)
{
	return c > 0xFF && !(c >= 0x3400 && c <= 0x9FFF) &&
	       u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* The class of `c` for the fast word path: from its Unicode Word_Break property, and
 * for punctuation from what this locale's iterator does with it (ICU tailors some:
 * the Swedish rules join letters across ':'); WC_ICU for anything else (marks,
 * '_', currency signs, emoji, other scripts), which sends the whole text to ICU. */
static unsigned char word_class(UBreakIterator *bi, UChar c)
{
	int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK), status = 0, cls = WC_OTHER;
	UChar u[3];

	if (wb == U_WB_ALETTER)
		return c < 0x100 ? WC_LETTER : WC_ICU;
	if (wb == U_WB_NUMERIC)
		return c <= '9' ? WC_DIGIT : WC_ICU;
	if (wb == U_WB_CR || wb == U_WB_LF || wb == U_WB_NEWLINE || wb == U_WB_WSEGSPACE)
		return WC_OTHER;        /* never part of a token, whatever they join */
	if (wb != U_WB_OTHER && wb != U_WB_MIDLETTER && wb != U_WB_MIDNUM &&
	    wb != U_WB_MIDNUMLET && wb != U_WB_SINGLE_QUOTE && wb != U_WB_DOUBLE_QUOTE)
		return WC_ICU;
	if ((!u_isprint(c) && c != '\t') || u_charType(c) == U_CURRENCY_SYMBOL || maybe_emoji(c))
		return WC_ICU;          /* currency signs and emoji are tokens (symbol_token) */
	/* alone and doubled it must be no token and join nothing */
	u[0] = u[1] = c;
	if (icu_words(bi, u, 1, &status) != 1 || status >= UBRK_WORD_NONE_LIMIT ||
	    icu_words(bi, u, 2, &status) != 2)
		return WC_ICU;
	u[1] = c;
	u[0] = 'a', u[2] = 'b';
	if (icu_words(bi, u, 3, &status) == 1)
		cls |= WC_MIDLETTER;
	u[0] = '1', u[2] = '2';
	if (icu_words(bi, u, 3, &status) == 1)
		cls |= WC_MIDNUM;
	return (unsigned char)cls;
}

/* Fills the class tables of the fast word path from this locale's iterator. */
static void calibrate_words(cxs_segmenter *sg)
{
	int i;

	for (i = 0; i < 256; i++) {
		sg->wclass[0][i] = word_class(sg->word_bi, (UChar)i);
		sg->wclass[1][i] = word_class(sg->word_bi, (UChar)(0x2000 + i));
	}
}

cxs_segmenter *cxs_segmenter_new(const char *lang, cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	char loc[64];
	cxs_segmenter *sg;

	if (!lang)
		lang = "";
	if (strlen(lang) > 16 || strchr(lang, '@')) {
		cxs_err_set(err, CXS_E_CONFIG, "bad language code '%s'", lang);
		return NULL;
	}
	sg = calloc(1, sizeof(*sg));
	if (!sg) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	sentence_locale(lang, loc, sizeof(loc));
	sg->sent_bi = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &st);
	if (U_FAILURE(st)) {
		icu_fail(err, st, "open the ICU sentence break iterator", lang);
		goto fail;
	}
	sg->word_bi = ubrk_open(UBRK_WORD, lang, NULL, 0, &st);
	if (U_FAILURE(st)) {
		icu_fail(err, st, "open the ICU word break iterator", lang);
		goto fail;
	}
	calibrate_words(sg);
	return sg;

fail:
	cxs_segmenter_free(sg);
	return NULL;
}

void cxs_segmenter_free(cxs_segmenter *sg)
{
	if (!sg)
		return;
	if (sg->sent_bi)
		ubrk_close(sg->sent_bi);
	if (sg->word_bi)
		ubrk_close(sg->word_bi);
	free(sg->u16);
	free(sg->map);
	free(sg->sent);
	free(sg->tok);
	free(sg);
}

/* Makes room for `need` units of text (UTF-16 never has more units than UTF-8 bytes). */
static int reserve_text(cxs_segmenter *sg, size_t need)
{
	UChar *u;
	size_t *m, cap;

	if (need <= sg->cap)
		return 0;
	cap = sg->cap ? sg->cap : 1024;
	while (cap < need)
		cap *= 2;
	u = realloc(sg->u16, cap * sizeof(*u));
	if (!u)
		return -1;
	sg->u16 = u;
	m = realloc(sg->map, (cap + 1) * sizeof(*m));
	if (!m)
		return -1;
	sg->map = m;
	sg->cap = cap;
	return 0;
}

/* Converts UTF-8 to UTF-16 and fills the offset map in the same pass; an invalid byte
 * (the caller promised none) becomes U+FFFD so offsets stay right anyway. Returns the
 * number of units. */
static int32_t decode(cxs_segmenter *sg, const char *text, int32_t len)
{
	const uint8_t *s = (const uint8_t *)text;
	UChar *u = sg->u16;
	size_t *map = sg->map;
	int32_t i = 0, k = 0;
	int simple = 1;

	while (i < len) {
		int32_t at = i;
		UChar32 c;

		if (s[i] < 0x80) {
			simple &= sg->wclass[0][s[i]] != WC_ICU;
			map[k] = (size_t)i;
			u[k++] = s[i++];
			continue;
		}
		U8_NEXT_OR_FFFD(s, i, len, c);
		map[k] = (size_t)at;
		if (c < 0x100)
			simple &= sg->wclass[0][c] != WC_ICU;
		else if (c >= 0x2000 && c < 0x2100)
			simple &= sg->wclass[1][c - 0x2000] != WC_ICU;
		else
			simple = 0;
		if (c <= 0xFFFF) {
			u[k++] = (UChar)c;
		} else {
			u[k++] = U16_LEAD(c);
			map[k] = (size_t)at;
			u[k++] = U16_TRAIL(c);
		}
	}
	map[k] = (size_t)len;
	sg->simple = simple && !sg->icu_only;
	return k;
}

static inline int push(cxs_span **a, size_t *n, size_t *cap, size_t start, size_t end)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		cxs_span *p = realloc(*a, c * sizeof(**a));

		if (!p)
			return -1;
		*a = p;
		*cap = c;
	}
	(*a)[*n].start = start;
	(*a)[*n].end = end;
	(*n)++;
	return 0;
}

/* A list bullet ("- ", "• ", "* ", "1. " is left: it may be a number) at the start of a
 * line is not part of the sentence after it. */
static int is_bullet(UChar c)
{
	return c == '-' || c == '*' || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x2014 ||
	       c == 0x25AA || c == 0x25B8 || c == 0x25BA || c == 0x2023 || c == 0x2043 ||
	       c == 0x2713 || c == 0x2714 || c == 0x27A4;
}

/* Adds the sentence [s, e) (units), trimmed of white space and a leading bullet. */
static int push_sentence(cxs_segmenter *sg, int32_t s, int32_t e)
{
	const UChar *u = sg->u16;

	while (s < e && u_isUWhiteSpace(u[s]))
		s++;
	if (s + 1 < e && is_bullet(u[s]) && u_isUWhiteSpace(u[s + 1]))
		for (s++; s < e && u_isUWhiteSpace(u[s]); s++)
			;
	while (e > s && u_isUWhiteSpace(u[e - 1]))
		e--;
	if (s < e && push(&sg->sent, &sg->out.nsent, &sg->sent_cap, sg->map[s], sg->map[e]) < 0)
		return -1;
	return 0;
}

/* The code point at unit `i` of u[0..n) (a lone surrogate as itself). */
static UChar32 cp_at(const UChar *u, int32_t i, int32_t n)
{
	UChar32 c;

	U16_GET(u, 0, i, n, c);
	return c;
}

/* Whether a sentence ends after the full stop at `k` although no space follows
 * ("trevlig.Vi kommer"): ICU keeps "word.Word" together (Unicode SB7), which blog text
 * without spaces gets wrong. Only after a lower-case word of two or more letters, or any
 * word of four or more, so "Mr.Smith" and "St.Petersburg" stay whole. */
static int glued_stop(const UChar *u, int32_t s, int32_t k, int32_t e)
{
	int32_t w = k, nlet = 0, upper = 0;

	if (k + 1 >= e || !u_isupper(cp_at(u, k + 1, e)) || k == s || !u_isalpha(u[k - 1]))
		return 0;
	while (w > s && u_isalpha(u[w - 1])) {
		upper |= u_isupper(u[w - 1]);
		nlet++;
		w--;
	}
	if (w > s && (u[w - 1] == '.' || u[w - 1] == '@' || u[w - 1] == '/'))
		return 0;               /* "t.ex.Sen", "a@b.Com", "x/y.Z": not prose */
	return nlet >= 4 || (nlet >= 2 && !upper);
}

/* Whether the emoji ending at `k` (exclusive) ends a sentence: blog text often uses one
 * instead of a full stop ("Great food 😀 The staff..."), when white space and a capital
 * letter follow. */
static int emoji_stop(const UChar *u, int32_t k, int32_t e)
{
	int32_t j = k;

	while (j < e && u_isUWhiteSpace(u[j]))
		j++;
	return j > k && j < e && u_isupper(cp_at(u, j, e));
}

/* Splits ICU's sentence [s, e) where blog text ends one that ICU's rules keep. */
static int split_sentence(cxs_segmenter *sg, int32_t s, int32_t e)
{
	const UChar *u = sg->u16;
	int32_t k = s, from = s;

	while (k < e) {
		UChar32 c;
		int32_t at = k;

		/* most characters can end nothing: Latin-1 but a stop (no emoji there) */
		if (u[k] < 0x100 && u[k] != '.' && u[k] != '!' && u[k] != '?') {
			k++;
			continue;
		}
		U16_NEXT(u, k, e, c);
		if (((c == '.' || c == '!' || c == '?') && glued_stop(u, from, at, e)) ||
		    (maybe_emoji(c) && emoji_stop(u, k, e))) {
			if (push_sentence(sg, from, k) < 0)
				return -1;
			from = k;
		}
	}
	return push_sentence(sg, from, e);
}

/* Sentences: ICU's segments, split where blog text needs it, with surrounding white
 * space and list bullets trimmed; blank ones dropped. */
static int find_sentences(cxs_segmenter *sg, cxs_err *err)
{
	int32_t a = ubrk_first(sg->sent_bi), b;

	while ((b = ubrk_next(sg->sent_bi)) != UBRK_DONE) {
		if (split_sentence(sg, a, b) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		a = b;
	}
	return 0;
}

/* Whether byte `c` is punctuation a token piece must not keep at its edge when a
 * sentence boundary cut it ("trevlig.Vi" → "trevlig", "vi"). */
static int edge_punct(char c)
{
	return c == '.' || c == '!' || c == '?';
}

/* Adds the token [start, end) (bytes), cut where it would run past a sentence: the two
 * iterators follow different rules ("a.B" can be one word and two sentences), and
 * evidence is reported per sentence. `*j` is the sentence the previous token was in. */
static int add_token(cxs_segmenter *sg, const char *text, size_t start, size_t end, size_t *j)
{
	const cxs_span *sent = sg->sent;
	size_t nsent = sg->out.nsent;

	while (*j < nsent && sent[*j].end <= start)
		(*j)++;
	/* most tokens lie inside their sentence: nothing to cut */
	if (*j < nsent && sent[*j].start <= start && start < end && end <= sent[*j].end)
		return push(&sg->tok, &sg->out.ntok, &sg->tok_cap, start, end);
	while (*j < nsent && sent[*j].start < end) {
		size_t s = start > sent[*j].start ? start : sent[*j].start;
		size_t e = end < sent[*j].end ? end : sent[*j].end;

		while (s < e && (s > start || e < end) && edge_punct(text[e - 1]))
			e--;
		while (s < e && (s > start || e < end) && edge_punct(text[s]))
			s++;
		if (s < e && push(&sg->tok, &sg->out.ntok, &sg->tok_cap, s, e) < 0)
			return -1;
		if (end <= sent[*j].end)
			break;
		(*j)++;
	}
	return 0;
}

/* Whether ICU's non-word segment [a, b) is a symbol that says something: a currency
 * sign ("$", "€": the price) or an emoji ("😡": a feeling), which the lexicons can then
 * name like words; other punctuation and spaces are not tokens. */
static int symbol_token(const UChar *u, int32_t a, int32_t b)
{
	UChar32 c;

	U16_NEXT(u, a, b, c);
	return u_charType(c) == U_CURRENCY_SYMBOL || maybe_emoji(c);
}

/* Tokens: word segments whose rule status says letters, numbers, kana or ideographs,
 * and symbol segments (symbol_token). */
static int find_tokens(cxs_segmenter *sg, const char *text, cxs_err *err)
{
	int32_t a = ubrk_first(sg->word_bi), b;
	size_t j = 0;

	while ((b = ubrk_next(sg->word_bi)) != UBRK_DONE) {
		if ((ubrk_getRuleStatus(sg->word_bi) >= UBRK_WORD_NONE_LIMIT ||
		     symbol_token(sg->u16, a, b)) &&
		    add_token(sg, text, sg->map[a], sg->map[b], &j) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		a = b;
	}
	return 0;
}

/* The class of the unit `c` of a simple text. */
static int wclass_of(const cxs_segmenter *sg, UChar c)
{
	return c < 0x100 ? sg->wclass[0][c] : sg->wclass[1][c & 0xFF];
}

/* Tokens of a simple text (letters of Latin-1, ASCII digits, white space and
 * punctuation ICU's word rules give no special part) without ICU's iterator, which
 * spent more on such text than everything else in this file: a token is a run of
 * letters and digits, joined across one character between two letters (Unicode WB6/7:
 * "it's", "t.ex") or two digits (WB11/12: "2.5"). The classes come from the locale's
 * own iterator; tests/unit/test_segment.c checks both ways agree. */
static int find_tokens_fast(cxs_segmenter *sg, const char *text, int32_t n, cxs_err *err)
{
	const UChar *u = sg->u16;
	int32_t i = 0;
	size_t j = 0;

	while (i < n) {
		int32_t a = i;
		int last = wclass_of(sg, u[i]) & 3, next;

		if (last != WC_LETTER && last != WC_DIGIT) {
			i++;
			continue;
		}
		for (i++; i < n; i++) {
			next = wclass_of(sg, u[i]) & 3;
			if (next == WC_LETTER || next == WC_DIGIT) {
				last = next;
				continue;
			}
			if (i + 1 < n && (wclass_of(sg, u[i + 1]) & 3) == last &&
			    (wclass_of(sg, u[i]) & (last == WC_LETTER ? WC_MIDLETTER : WC_MIDNUM))) {
				i++;
				continue;
			}
			break;
		}
		if (add_token(sg, text, sg->map[a], sg->map[i], &j) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	return 0;
}

void cxs_segmenter_icu_words(cxs_segmenter *sg, int on)
{
	sg->icu_only = on;
}

int cxs_segmenter_run(cxs_segmenter *sg, const char *text, size_t len,
		      const cxs_segments **out, cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	if (len >= INT32_MAX)
		return cxs_err_set(err, CXS_E_INPUT, "text of %zu bytes is too long to segment",
				   len);
	if (reserve_text(sg, len + 1) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	sg->out.nsent = sg->out.ntok = 0;
	n = decode(sg, text, (int32_t)len);
	ubrk_setText(sg->sent_bi, sg->u16, n, &st);
	if (U_SUCCESS(st) && !sg->simple)
		ubrk_setText(sg->word_bi, sg->u16, n, &st);
	if (U_FAILURE(st))
		return cxs_err_set(err, CXS_E_INTERNAL, "ICU break iterator failed: %s",
				   u_errorName(st));
	if (find_sentences(sg, err) < 0 ||
	    (sg->simple ? find_tokens_fast(sg, text, n, err) : find_tokens(sg, text, err)) < 0)
		return -1;
	sg->out.sent = sg->sent;
	sg->out.tok = sg->tok;
	*out = &sg->out;
	return 0;
}

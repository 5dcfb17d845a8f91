/*
 * cxs_normalizer — the per-record work of cxs-normalize: language, sentences, word
 * tokens and their normalised forms (see cxs_normalizer.h and README.md).
 */
#include "cxs_normalizer.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "cxs_buf.h"
#include "cxs_hash.h"
#include "cxs_jsonw.h"
#include "cxs_rec.h"
#include "cxs_langid.h"
#include "cxs_segment.h"
#include "cxs_stage.h"
#include "cxs_textnorm.h"
#include "cxs_tokens.h"
#include "cxs_utf8.h"

/* The languages a record can get, with the locale of their break iterators ("" is
 * ICU's root locale, for text in no language of ours). */
static const char *const langs[] = { "sv", "es", "zh", "en", "und" };
static const char *const locales[] = { "sv", "es", "zh", "en", "" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))
#define ZH 2

/* Recent forms by the token's bytes: the common words make up most tokens, and a hit
 * costs no normalisation. Direct-mapped and bounded; invisible in the output. */
#define FORMCACHE_SLOTS 16384   /* a power of two; about 1.2 MB */
#define FORMCACHE_KEY 24        /* longer tokens are not cached */
#define FORMCACHE_FORM 48       /* nor are longer forms */

struct form_slot {
	unsigned char len;      /* 0: empty (tokens are never empty) */
	unsigned char zh;
	unsigned char flen;
	char key[FORMCACHE_KEY];
	char form[FORMCACHE_FORM];
};

/* Everything the per-record work needs, opened once before the first record. */
struct cxs_normalizer {
	size_t max_text;          /* 0: none */
	cxs_langid *langid;
	cxs_textnorm *tn;
	cxs_segmenter *seg[NLANGS];
	int forced;                     /* index into langs, or -1: identify */
	struct form_slot *forms;        /* FORMCACHE_SLOTS */
	cxs_buf form;
	cxs_buf text, hint;             /* the record's, decoded */
	size_t *offs;                   /* spans as flat offsets, for cxs_jw_ints */
	size_t offs_cap;
	/* per sentence of the current record: index into langs[] and score */
	unsigned char *slang;
	double *sscore;
	size_t sent_cap;
};

static int lang_index(const char *lang)
{
	size_t i;

	for (i = 0; i < NLANGS; i++)
		if (!strcmp(langs[i], lang))
			return (int)i;
	return -1;
}

static int nomem(cxs_err *err)
{
	return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
}

/* Writes spans as a flat [start0, end0, ...] array of absolute offsets (`sentences`),
 * or as `spans` (gaps and lengths, cxs_tokens.h) when `rel`. */
static int span_array(struct cxs_normalizer *c, const cxs_span *sp, size_t n, int rel,
		      cxs_buf *out)
{
	size_t i;

	if (!out || cxs_array_grow(&c->offs, &c->offs_cap, 2 * n + 1, sizeof(*c->offs)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		c->offs[2 * i] = sp[i].start;
		c->offs[2 * i + 1] = sp[i].end;
	}
	return rel ? cxs_tokens_write_spans(out, c->offs, n) : cxs_jw_ints(out, c->offs, 2 * n);
}

/* Whether the token holds a Han character: such a token is made Simplified whatever
 * the language of its document (a Chinese name in an English review). */
static int has_han(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	int32_t i = 0, len = (int32_t)n;

	while (i < len) {
		UChar32 ch;

		if (p[i] < 0xE2) {      /* nothing below U+2000 is Han */
			i++;
			continue;
		}
		U8_NEXT(p, i, len, ch);
		if ((ch >= 0x2E80 && ch <= 0x2FDF) || (ch >= 0x3400 && ch <= 0x4DBF) ||
		    (ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0xF900 && ch <= 0xFAFF) ||
		    (ch >= 0x20000 && ch <= 0x3FFFF))
			return 1;
	}
	return 0;
}

static uint32_t token_hash(const char *s, size_t n, int zh)
{
	return (uint32_t)(cxs_hash_fnv1a(s, n) ^ (uint64_t)zh);
}

/* Adds the form of token `i`, `t` (`n` bytes), to `form_at`, from the cache or
 * normalised now; nothing when the form is the token's own bytes (most tokens:
 * lower-case words, Simplified Chinese), which readers take from `text`
 * (pipeline/README.md), nor when it would be empty (it never is for a token of
 * letters). Returns 0 or -1 with `err`. */
static int token_form(struct cxs_normalizer *c, size_t i, const char *t, size_t n, int zh,
		      cxs_buf *out, cxs_err *err)
{
	struct form_slot *sl = NULL;
	const char *f;
	size_t flen;

	/* most tokens (lower-case ASCII, Simplified Chinese) are their own form: no cache
	 * probe, no copy */
	if (cxs_textnorm_keeps(c->tn, t, n, zh))
		return 0;
	if (n <= FORMCACHE_KEY) {
		sl = &c->forms[token_hash(t, n, zh) & (FORMCACHE_SLOTS - 1)];
		if (sl->len == n && sl->zh == zh && !memcmp(sl->key, t, n)) {
			f = sl->form;
			flen = sl->flen;
			goto write;
		}
	}
	if (cxs_textnorm_form(c->tn, t, n, zh, &c->form, err) < 0)
		return -1;
	f = c->form.p;
	flen = c->form.len;
	if (sl && flen <= FORMCACHE_FORM) {
		sl->len = (unsigned char)n;
		sl->zh = (unsigned char)zh;
		sl->flen = (unsigned char)flen;
		memcpy(sl->key, t, n);
		memcpy(sl->form, f, flen);
	}
write:
	if (!flen || (flen == n && !memcmp(f, t, n)))
		return 0;
	return cxs_tokens_add_at(out, i, f, flen) < 0 ? nomem(err) : 0;
}

/* `form_at`: the forms of the tokens that differ from their text; a token is made Simplified when its sentence is Chinese or
 * it holds a Han character. `slang[j]` is sentence j's index into langs[]. */
static int form_array(struct cxs_normalizer *c, const char *text, const cxs_segments *sg,
		      const unsigned char *slang, cxs_buf *out, cxs_err *err)
{
	size_t i, j = 0;

	if (!out || cxs_buf_addch(out, '[') < 0)
		return nomem(err);
	for (i = 0; i < sg->ntok; i++) {
		const char *t = text + sg->tok[i].start;
		size_t n = sg->tok[i].end - sg->tok[i].start;
		int zh;

		while (j + 1 < sg->nsent && sg->sent[j].end <= sg->tok[i].start)
			j++;
		zh = (sg->nsent && slang[j] == ZH) || has_han(t, n);
		if (token_form(c, i, t, n, zh, out, err) < 0)
			return -1;
	}
	return cxs_buf_addch(out, ']') < 0 ? nomem(err) : 0;
}

static double round3(double x)
{
	return (double)(long)(x * 1000 + 0.5) / 1000;
}

/* Characters (code points) in text[a, b): its bytes less its continuation bytes
 * (10xxxxxx), counted eight at a time. */
static size_t chars(const char *text, size_t a, size_t b)
{
	size_t n = b - a;
	uint64_t x;

	for (; b - a >= 8; a += 8) {
		memcpy(&x, text + a, 8);
		n -= (size_t)__builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ULL);
	}
	for (; a < b; a++)
		n -= ((unsigned char)text[a] & 0xC0) == 0x80;
	return n;
}

/* Each sentence's language and score, and the document's: the language of most of the
 * sentences' characters (ties go to the first in langs[] order), scored by the mean of
 * its sentences' scores weighted by their characters over all characters. Fills
 * c->slang/c->sscore; returns the index of the document's language. */
static int sentence_langs(struct cxs_normalizer *c, const char *text, const cxs_segments *sg,
			  const char *hint, const struct cxs_langid_result *guess, double *score)
{
	size_t weight[NLANGS] = { 0 }, total = 0, j;
	double wscore[NLANGS] = { 0 };
	int best = NLANGS - 1, l;

	for (j = 0; j < sg->nsent; j++) {
		struct cxs_langid_result r = { "und", 0 };
		size_t n = chars(text, sg->sent[j].start, sg->sent[j].end);

		if (c->forced >= 0) {
			r.lang = langs[c->forced];
			r.score = 1;
		} else {
			cxs_langid_detect_span(c->langid, sg->sent[j].start, sg->sent[j].end,
					       hint, guess->lang, guess->score, &r);
		}
		l = lang_index(r.lang);
		c->slang[j] = (unsigned char)l;
		c->sscore[j] = r.score;
		weight[l] += n;
		wscore[l] += r.score * (double)n;
		total += n;
	}
	for (l = 0; l < (int)NLANGS; l++)
		if (weight[l] > weight[best] || (weight[l] == weight[best] && l < best))
			best = l;
	if (!total) {
		*score = c->forced >= 0 ? 1 : 0;
		return c->forced >= 0 ? c->forced : lang_index("und");
	}
	*score = wscore[best] / (double)total;
	return best;
}

/* Makes room for per-sentence results of `n` sentences. */
static int reserve_sentences(struct cxs_normalizer *c, size_t n)
{
	unsigned char *l;
	double *s;
	size_t cap = c->sent_cap ? c->sent_cap : 64;

	if (n <= c->sent_cap)
		return 0;
	while (cap < n)
		cap *= 2;
	if (!(l = realloc(c->slang, cap)))
		return -1;
	c->slang = l;
	if (!(s = realloc(c->sscore, cap * sizeof(*s))))
		return -1;
	c->sscore = s;
	c->sent_cap = cap;
	return 0;
}

/* `sentence_langs` and `sentence_lang_scores`. */
static int sentence_arrays(struct cxs_normalizer *c, cxs_rec *rec, size_t n)
{
	cxs_buf *b = cxs_rec_set(rec, "sentence_langs");
	size_t j;
	int rc;

	if (!b || cxs_buf_addch(b, '[') < 0)
		return -1;
	for (j = 0; j < n; j++) {
		const char *l = langs[c->slang[j]];
		if ((j && cxs_buf_addch(b, ',') < 0) || cxs_jw_string(b, l, strlen(l)) < 0)
			return -1;
	}
	if (cxs_buf_addch(b, ']') < 0 || !(b = cxs_rec_set(rec, "sentence_lang_scores")))
		return -1;
	rc = cxs_buf_addch(b, '[');
	for (j = 0; j < n; j++)
		rc |= (j ? cxs_buf_addch(b, ',') : 0) | cxs_jw_real(b, round3(c->sscore[j]));
	return rc | cxs_buf_addch(b, ']');
}

/* The cxs_rec_fn: adds language, sentences, tokens and forms to one record, in schema
 * order. */
int cxs_normalizer_rec(void *vctx, cxs_rec *rec, cxs_err *reason)
{
	struct cxs_normalizer *c = vctx;
	const cxs_segments *sg;
	struct cxs_langid_result guess = { "und", 0 };
	const char *text, *hint;
	size_t len, valid;
	double score;
	cxs_buf *b;
	int li, rc;

	rc = cxs_rec_string(rec, "text", &c->text);
	if (rc == -2)
		return nomem(reason);
	if (rc != 1)
		return cxs_reject(reason, "record has no 'text' string");
	text = c->text.p;
	len = c->text.len;
	if (c->max_text && len > c->max_text)
		return cxs_reject(reason, "text of %zu bytes is longer than the %zu bytes normalize "
				  "takes (an eighth of --max-record-bytes: its tokens would make "
				  "the record too long for the stages after it)", len, c->max_text);
	/* the reader refuses invalid UTF-8 and "\u0000" (which would end C strings in
	 * every later consumer) already: this is the backstop */
	valid = cxs_utf8_valid_prefix(text, len);
	if (valid != len || strlen(text) != len)
		return cxs_reject(reason, "'text' is not valid UTF-8 (byte %zu)", valid);
	rc = cxs_rec_string(rec, "lang_hint", &c->hint);
	if (rc == -2)
		return nomem(reason);
	hint = rc == 1 ? c->hint.p : NULL;

	/* a first guess over the whole text chooses the sentence rules and is the prior of
	 * each sentence; the document's language is then that of most of its sentences */
	if (c->forced >= 0)
		guess.lang = langs[c->forced], guess.score = 1;
	else
		cxs_langid_detect(c->langid, text, len, hint, &guess);
	li = lang_index(guess.lang);
	/* A text ICU cannot take (too long) is this record's problem, not the run's. */
	if (cxs_segmenter_run(c->seg[li], text, len, &sg, reason) < 0)
		return reason->kind == CXS_E_INPUT ? 1 : -1;
	if (reserve_sentences(c, sg->nsent) < 0)
		return nomem(reason);
	li = sentence_langs(c, text, sg, hint, &guess, &score);
	if (!(b = cxs_rec_set(rec, "lang")) || cxs_jw_string(b, langs[li], strlen(langs[li])) < 0 ||
	    !(b = cxs_rec_set(rec, "lang_score")) || cxs_jw_real(b, round3(score)) < 0 ||
	    span_array(c, sg->sent, sg->nsent, 0, cxs_rec_set(rec, "sentences")) < 0 ||
	    sentence_arrays(c, rec, sg->nsent) < 0 ||
	    span_array(c, sg->tok, sg->ntok, 1, cxs_rec_set(rec, "spans")) < 0)
		return nomem(reason);
	/* schema version 1 names would make the record mix versions (cxs_tokens.h) */
	cxs_rec_drop(rec, "tokens");
	cxs_rec_drop(rec, "forms");
	cxs_rec_drop(rec, "stems");
	if (form_array(c, text, sg, c->slang, cxs_rec_set(rec, "form_at"), reason) < 0)
		return reason->kind == CXS_E_INPUT ? 1 : -1;
	return 0;
}

int cxs_normalizer_record(void *c, json_t *rec, cxs_err *reason)
{
	return cxs_stage_apply_json(cxs_normalizer_rec, c, rec, reason);
}

cxs_normalizer *cxs_normalizer_new(const char *forced_lang, const char *model, cxs_err *err)
{
	cxs_normalizer *c = calloc(1, sizeof(*c));
	size_t i;

	if (!c) {
		nomem(err);
		return NULL;
	}
	c->forced = -1;
	if (forced_lang && (c->forced = lang_index(forced_lang)) < 0) {
		cxs_err_set(err, CXS_E_CONFIG, "unknown language '%s' (expected sv, es, zh, en or und)",
			    forced_lang);
		free(c);
		return NULL;
	}
	if ((c->forced < 0 && !(c->langid = cxs_langid_new(model, err))) ||
	    !(c->tn = cxs_textnorm_new(err)))
		goto fail;
	for (i = 0; i < NLANGS; i++) {
		if (!(c->seg[i] = cxs_segmenter_new(locales[i], err)))
			goto fail;
	}
	c->forms = calloc(FORMCACHE_SLOTS, sizeof(*c->forms));
	if (!c->forms) {
		nomem(err);
		goto fail;
	}
	return c;
fail:
	cxs_normalizer_free(c);
	return NULL;
}

void cxs_normalizer_set_max_text(cxs_normalizer *nz, size_t bytes)
{
	nz->max_text = bytes;
}

int cxs_normalizer_lang_ok(const char *lang)
{
	return lang_index(lang) >= 0;
}

const char *cxs_normalizer_lang(const cxs_normalizer *c)
{
	return c->forced >= 0 ? langs[c->forced] : NULL;
}

void cxs_normalizer_free(cxs_normalizer *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < NLANGS; i++)
		cxs_segmenter_free(c->seg[i]);
	free(c->slang);
	free(c->sscore);
	free(c->forms);
	free(c->offs);
	cxs_buf_release(&c->text);
	cxs_buf_release(&c->hint);
	cxs_textnorm_free(c->tn);
	cxs_langid_free(c->langid);
	cxs_buf_release(&c->form);
	free(c);
}

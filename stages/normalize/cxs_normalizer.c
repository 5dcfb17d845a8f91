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
#include "cxs_langid.h"
#include "cxs_segment.h"
#include "cxs_stage.h"
#include "cxs_textnorm.h"
#include "cxs_utf8.h"

/* The languages a record can get, with the locale of their break iterators ("" is
 * ICU's root locale, for text in no language of ours). */
static const char *const langs[] = { "sv", "es", "zh", "en", "und" };
static const char *const locales[] = { "sv", "es", "zh", "en", "" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))
#define ZH 2

/* Offsets below this are shared JSON integers, made once: most offsets of most
 * documents are small, and a token then costs no allocation for its two offsets. */
#define SHARED_INTS 65536

/* Recent forms by the token's bytes: the common words make up most tokens, and a hit
 * costs neither normalisation nor an allocation (the JSON string is shared). Direct-
 * mapped and bounded; invisible in the output. */
#define FORMCACHE_SLOTS 16384   /* a power of two; about 640 KB */
#define FORMCACHE_KEY 24        /* longer tokens are not cached */

struct form_slot {
	json_t *form;           /* NULL: empty */
	unsigned char len;
	unsigned char zh;
	char key[FORMCACHE_KEY];
};

/* Everything the per-record work needs, opened once before the first record. */
struct cxs_normalizer {
	cxs_langid *langid;
	cxs_textnorm *tn;
	cxs_segmenter *seg[NLANGS];
	int forced;                     /* index into langs, or -1: identify */
	json_t **ints;                  /* SHARED_INTS entries, made on first use */
	struct form_slot *forms;        /* FORMCACHE_SLOTS */
	cxs_buf form;
	/* per sentence of the current record: index into langs[] and score */
	unsigned char *slang;
	double *sscore;
	size_t sent_cap;
	json_t *lang_str[NLANGS];       /* shared JSON strings of langs[] */
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

/* Appends the offset `v` to `a`, shared when small. */
static int add_offset(struct cxs_normalizer *c, json_t *a, size_t v)
{
	if (v < SHARED_INTS) {
		if (!c->ints[v] && !(c->ints[v] = json_integer((json_int_t)v)))
			return -1;
		return json_array_append(a, c->ints[v]);
	}
	return json_array_append_new(a, json_integer((json_int_t)v));
}

static json_t *span_array(struct cxs_normalizer *c, const cxs_span *sp, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (add_offset(c, a, sp[i].start) < 0 || add_offset(c, a, sp[i].end) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
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

/* The form of the token `t` (`n` bytes) as a JSON string (a new reference), from the
 * cache or normalised now. NULL with `err`. */
static json_t *token_form(struct cxs_normalizer *c, const char *t, size_t n, int zh, cxs_err *err)
{
	struct form_slot *sl = NULL;
	json_t *form;

	if (n <= FORMCACHE_KEY) {
		sl = &c->forms[token_hash(t, n, zh) & (FORMCACHE_SLOTS - 1)];
		if (sl->form && sl->len == n && sl->zh == zh && !memcmp(sl->key, t, n))
			return json_incref(sl->form);
	}
	if (cxs_textnorm_form(c->tn, t, n, zh, &c->form, err) < 0)
		return NULL;
	form = json_stringn_nocheck(c->form.p, c->form.len);
	if (!form) {
		nomem(err);
		return NULL;
	}
	if (sl) {
		json_decref(sl->form);
		sl->form = json_incref(form);
		sl->len = (unsigned char)n;
		sl->zh = (unsigned char)zh;
		memcpy(sl->key, t, n);
	}
	return form;
}

/* The forms of the tokens; a token is made Simplified when its sentence is Chinese or
 * it holds a Han character. `slang[j]` is sentence j's index into langs[]. */
static json_t *form_array(struct cxs_normalizer *c, const char *text, const cxs_segments *sg,
			  const unsigned char *slang, cxs_err *err)
{
	json_t *a = json_array();
	size_t i, j = 0;

	if (!a) {
		nomem(err);
		return NULL;
	}
	for (i = 0; i < sg->ntok; i++) {
		const char *t = text + sg->tok[i].start;
		size_t n = sg->tok[i].end - sg->tok[i].start;
		json_t *form;
		int zh;

		while (j + 1 < sg->nsent && sg->sent[j].end <= sg->tok[i].start)
			j++;
		zh = (sg->nsent && slang[j] == ZH) || has_han(t, n);
		form = token_form(c, t, n, zh, err);
		if (!form)
			goto fail;
		if (json_array_append_new(a, form) < 0) {
			nomem(err);
			goto fail;
		}
	}
	return a;

fail:
	json_decref(a);
	return NULL;
}

static double round3(double x)
{
	return (double)(long)(x * 1000 + 0.5) / 1000;
}

/* Adds the seven fields to `rec` in schema order; takes every reference given. */
static int set_fields(json_t *rec, const char *lang, double score, json_t *sent,
		      json_t *slangs, json_t *sscores, json_t *tok, json_t *forms, cxs_err *err)
{
	int rc = 0;

	rc |= json_object_set_new(rec, "lang", json_string(lang));
	rc |= json_object_set_new(rec, "lang_score", json_real(round3(score)));
	rc |= json_object_set_new(rec, "sentences", sent);
	rc |= json_object_set_new(rec, "sentence_langs", slangs);
	rc |= json_object_set_new(rec, "sentence_lang_scores", sscores);
	rc |= json_object_set_new(rec, "tokens", tok);
	rc |= json_object_set_new(rec, "forms", forms);
	return rc ? nomem(err) : 0;
}

/* Characters (code points) in text[a, b). */
static size_t chars(const char *text, size_t a, size_t b)
{
	size_t n = 0;

	for (; a < b; a++)
		n += ((unsigned char)text[a] & 0xC0) != 0x80;
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
			cxs_langid_detect_sentence(c->langid, text + sg->sent[j].start,
						   sg->sent[j].end - sg->sent[j].start, hint,
						   guess->lang, guess->score, &r);
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

static json_t *sentence_arrays(struct cxs_normalizer *c, size_t n, json_t **scores)
{
	json_t *a = json_array(), *b = json_array();
	size_t j;

	for (j = 0; a && b && j < n; j++)
		if (json_array_append(a, c->lang_str[c->slang[j]]) < 0 ||
		    json_array_append_new(b, json_real(round3(c->sscore[j]))) < 0)
			break;
	if (!a || !b || j < n) {
		json_decref(a);
		json_decref(b);
		return NULL;
	}
	*scores = b;
	return a;
}

/* The cxs_record_fn: adds language, sentences, tokens and forms to one record. */
int cxs_normalizer_record(void *vctx, json_t *rec, cxs_err *reason)
{
	struct cxs_normalizer *c = vctx;
	json_t *jtext = json_object_get(rec, "text"), *sent = NULL, *tok = NULL, *forms = NULL;
	json_t *slangs = NULL, *sscores = NULL;
	const cxs_segments *sg;
	struct cxs_langid_result guess = { "und", 0 };
	const char *text, *hint;
	size_t len, valid;
	double score;
	int li;

	if (!json_is_string(jtext))
		return cxs_reject(reason, "record has no 'text' string");
	text = json_string_value(jtext);
	len = json_string_length(jtext);
	/* jansson only makes valid strings, but a NUL ("\u0000") would end C strings in
	 * every later consumer: the reader refuses those already, this is the backstop */
	valid = cxs_utf8_valid_prefix(text, len);
	if (valid != len)
		return cxs_reject(reason, "'text' is not valid UTF-8 (byte %zu)", valid);
	hint = json_string_value(json_object_get(rec, "lang_hint"));

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
	sent = span_array(c, sg->sent, sg->nsent);
	tok = span_array(c, sg->tok, sg->ntok);
	slangs = sentence_arrays(c, sg->nsent, &sscores);
	if (!sent || !tok || !slangs) {
		json_decref(sent);
		json_decref(tok);
		json_decref(slangs);
		return nomem(reason);
	}
	forms = form_array(c, text, sg, c->slang, reason);
	if (!forms) {
		json_decref(sent);
		json_decref(tok);
		json_decref(slangs);
		json_decref(sscores);
		return reason->kind == CXS_E_INPUT ? 1 : -1;
	}
	return set_fields(rec, langs[li], score, sent, slangs, sscores, tok, forms, reason);
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
		if (!(c->lang_str[i] = json_string(langs[i]))) {
			nomem(err);
			goto fail;
		}
	}
	c->ints = calloc(SHARED_INTS, sizeof(*c->ints));
	c->forms = calloc(FORMCACHE_SLOTS, sizeof(*c->forms));
	if (!c->ints || !c->forms) {
		nomem(err);
		goto fail;
	}
	return c;
fail:
	cxs_normalizer_free(c);
	return NULL;
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
	for (i = 0; i < NLANGS; i++) {
		cxs_segmenter_free(c->seg[i]);
		json_decref(c->lang_str[i]);
	}
	free(c->slang);
	free(c->sscore);
	for (i = 0; c->ints && i < SHARED_INTS; i++)
		json_decref(c->ints[i]);
	free(c->ints);
	for (i = 0; c->forms && i < FORMCACHE_SLOTS; i++)
		json_decref(c->forms[i].form);
	free(c->forms);
	cxs_textnorm_free(c->tn);
	cxs_langid_free(c->langid);
	cxs_buf_release(&c->form);
	free(c);
}

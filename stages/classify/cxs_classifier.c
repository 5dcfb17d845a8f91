#include "cxs_buf.h"
#include "cxs_classifier.h"
#include "cxs_jsonw.h"
#include "cxs_rec.h"
#include "cxs_stage.h"
#include "cxs_tokens.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cxs_classifier {
	const cxs_lexicon *lx;
	cxs_matcher *mt;
	cxs_scorer *sc;
	cxs_buf lexinfo;              /* the `lexicon` field's value, written once */
	int keep_tokens;
	int explain;                  /* cxs_classifier_explain */
	struct cxs_matches mm;
	/* the doc's arrays, reused across records */
	cxs_buf text, lang;
	struct cxs_ints ints;
	struct cxs_strs slangs;
	cxs_tokens *toks;               /* tokens, forms and stems in either schema */
	size_t *tok_sent;
	size_t *sent;
	size_t capsent, captoksent;
	struct cxs_match *merged;       /* matches of a record in several languages */
	size_t capmerged;
};

/* What cxs-normalize and cxs-stem add per token, in schema versions 2 and 1:
 * 04-classify leaves them out unless asked to keep them (pipeline/README.md says why). */
static const char *const per_token[] = { "spans", "form_at", "stem_at", "stop",
					 "tokens", "forms", "stems" };

static const char *const polarities[3] = { "positive", "negative", "neutral" };

/* The `lexicon` field: name, version (each only when the pack has one) and hash. */
static int lexinfo(const cxs_lexicon *lx, cxs_buf *b)
{
	const char *name = cxs_lexicon_name(lx), *version = cxs_lexicon_version(lx);
	const char *hash = cxs_lexicon_hash(lx);
	int rc = cxs_buf_addch(b, '{');

	if (name)
		rc |= cxs_buf_addstr(b, "\"name\":") | cxs_jw_string(b, name, strlen(name)) |
		      cxs_buf_addch(b, ',');
	if (version)
		rc |= cxs_buf_addstr(b, "\"version\":") | cxs_jw_string(b, version, strlen(version)) |
		      cxs_buf_addch(b, ',');
	rc |= cxs_buf_addstr(b, "\"hash\":") | cxs_jw_string(b, hash, strlen(hash)) |
	      cxs_buf_addch(b, '}');
	return rc ? -1 : 0;
}

cxs_classifier *cxs_classifier_new(const cxs_lexicon *lx, cxs_err *err)
{
	cxs_classifier *cl = calloc(1, sizeof(*cl));

	if (!cl) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	cl->lx = lx;
	cl->mt = cxs_matcher_new(err);
	cl->sc = cl->mt ? cxs_scorer_new(lx, err) : NULL;
	cl->toks = cxs_tokens_new();
	if (!cl->mt || !cl->sc || !cl->toks || lexinfo(lx, &cl->lexinfo) < 0) {
		cxs_classifier_free(cl);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	return cl;
}

void cxs_classifier_free(cxs_classifier *cl)
{
	if (!cl)
		return;
	cxs_matcher_free(cl->mt);
	cxs_scorer_free(cl->sc);
	cxs_buf_release(&cl->lexinfo);
	cxs_buf_release(&cl->text);
	cxs_buf_release(&cl->lang);
	cxs_ints_release(&cl->ints);
	cxs_strs_release(&cl->slangs);
	cxs_tokens_free(cl->toks);
	free(cl->tok_sent);
	free(cl->sent);
	free(cl->merged);
	free(cl);
}

const struct cxs_matches *cxs_classifier_matches(const cxs_classifier *cl)
{
	return &cl->mm;
}

/* The lexicon sentence `j` is matched with: its own language's when the pack matches
 * that language by words, else the record's `ll`. */
static const cxs_lexlang *sentence_lexlang(cxs_classifier *cl, const struct cxs_doc *d,
					   size_t j, const cxs_lexlang *ll)
{
	const cxs_lexlang *own;

	if (!d->sent_lang || !d->sent_lang[j])
		return ll;
	own = cxs_lexicon_lang(cl->lx, d->sent_lang[j]);
	return own && !cxs_lexlang_by_chars(own) ? own : ll;
}

static int match_order(const void *a, const void *b)
{
	const struct cxs_match *x = a, *y = b;

	if (x->u0 != y->u0)
		return x->u0 < y->u0 ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return 0;
}

/* A record of word-matched languages whose sentences are not all in one: each sentence
 * is matched with its own language's lexicon (a Swedish post quoting English gets the
 * English terms in the quote), and the matches are merged in text order. Units are
 * tokens in every word language, so the scorer takes the merged list as it is.
 * Returns 1 when it did so, 0 when the record is in one language, -1 with `err`. */
static int match_by_sentence(cxs_classifier *cl, const cxs_lexlang *ll, const struct cxs_doc *d,
			     cxs_err *err)
{
	const cxs_lexlang *seen[8];
	size_t nseen = 0, n = 0, j, k, i;

	if (!d->sent_lang || cxs_lexlang_by_chars(ll))
		return 0;
	for (j = 0; j < d->nsent; j++) {
		const cxs_lexlang *sl = sentence_lexlang(cl, d, j, ll);

		for (k = 0; k < nseen && seen[k] != sl; k++)
			;
		if (k == nseen && nseen < sizeof(seen) / sizeof(seen[0]))
			seen[nseen++] = sl;
	}
	if (nseen < 2)
		return 0;
	for (k = 0; k < nseen; k++) {
		struct cxs_matches mm;

		if (cxs_matcher_run(cl->mt, seen[k], d, &mm, err) < 0)
			return -1;
		for (i = 0; i < mm.n; i++) {
			if (sentence_lexlang(cl, d, mm.m[i].sent, ll) != seen[k])
				continue;
			if (cxs_array_grow(&cl->merged, &cl->capmerged, n + 1, sizeof(*cl->merged)) < 0)
				return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			cl->merged[n++] = mm.m[i];
		}
	}
	/* matches of different languages lie in different sentences: no ties across them */
	if (n)
		qsort(cl->merged, n, sizeof(*cl->merged), match_order);
	cl->mm.m = cl->merged;
	cl->mm.n = n;
	cl->mm.nunits = d->ntok;
	cl->mm.by_chars = 0;
	cl->mm.unit_tok = NULL;
	return 1;
}

int cxs_classifier_doc(cxs_classifier *cl, const char *lang, const struct cxs_doc *d,
		       struct cxs_score *out, cxs_err *err)
{
	const cxs_lexlang *ll = cxs_lexicon_lang(cl->lx, lang);
	int rc;

	memset(&cl->mm, 0, sizeof(cl->mm));
	if (!ll) {
		cxs_scorer_empty(out);
		return 0;
	}
	rc = match_by_sentence(cl, ll, d, err);
	if (rc < 0 || (rc == 0 && cxs_matcher_run(cl->mt, ll, d, &cl->mm, err) < 0))
		return -1;
	return cxs_scorer_run(cl->sc, d, &cl->mm, out, err);
}

/* ---------------------------------------------------------------- reading a record */

/* Reads a flat array of [start, end) offset pairs into `out`: every pair within the
 * text, starts < ends allowed equal, and in text order without overlap. Returns the
 * number of pairs, or -1 with the reason (-2: no memory). The entries are counted
 * only when the array is bad, to say first what is wrong with it as a whole. */
static long read_spans(cxs_classifier *cl, cxs_rec *rec, const char *name, const char *text,
		       size_t textlen, size_t **out, size_t *cap, cxs_err *reason)
{
	size_t n, i, prev = 0, bad;
	int rc = cxs_rec_ints(rec, name, &cl->ints, &bad);

	if (rc == -2) {
		cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		return -2;
	}
	if (rc != 1 ? cxs_rec_count(rec, name) % 2 != 0 : cl->ints.n % 2 != 0)
		return cxs_err_set(reason, CXS_E_INPUT, "'%s' has an odd number of offsets", name);
	if (rc != 1)
		return cxs_err_set(reason, CXS_E_INPUT, "'%s' entry %zu is not a pair of integers",
				   name, bad / 2);
	n = cl->ints.n;
	if (cxs_array_grow(out, cap, n + 2, sizeof(size_t)) < 0) {
		cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		return -2;
	}
	for (i = 0; i < n; i += 2) {
		long long sv = cl->ints.v[i], ev = cl->ints.v[i + 1];

		if (sv < (long long)prev || ev < sv || (unsigned long long)ev > textlen)
			return cxs_err_set(reason, CXS_E_INPUT,
					   "'%s' entry %zu [%lld, %lld) is out of order or outside the text",
					   name, i / 2, sv, ev);
		/* An offset inside a UTF-8 character would make evidence invalid text. */
		if (((size_t)sv < textlen && (text[sv] & 0xC0) == 0x80) ||
		    ((size_t)ev < textlen && (text[ev] & 0xC0) == 0x80))
			return cxs_err_set(reason, CXS_E_INPUT,
					   "'%s' entry %zu [%lld, %lld) splits a UTF-8 character",
					   name, i / 2, sv, ev);
		(*out)[i] = (size_t)sv;
		(*out)[i + 1] = (size_t)ev;
		prev = (size_t)ev;
	}
	return (long)(n / 2);
}

/* `sentence_langs` (cxs-normalize), when the record has it: one language per sentence.
 * Returns 0, 1 (reject, with the reason) or -1 (no memory). */
static int read_sentence_langs(cxs_classifier *cl, cxs_rec *rec, struct cxs_doc *d,
			       cxs_err *reason)
{
	size_t bad;
	int rc;

	d->sent_lang = NULL;
	if (cxs_rec_type(rec, "sentence_langs") == CXS_REC_ABSENT)
		return 0;
	if (cxs_rec_count(rec, "sentence_langs") != (long)d->nsent) {
		cxs_err_set(reason, CXS_E_INPUT, "'sentence_langs' is not an array with one "
			    "language per sentence");
		return 1;
	}
	rc = cxs_rec_strings(rec, "sentence_langs", &cl->slangs, &bad);
	if (rc == -2) {
		cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		return -1;
	}
	if (rc != 1) {
		cxs_err_set(reason, CXS_E_INPUT, "'sentence_langs' entry %zu is not a string", bad);
		return 1;
	}
	d->sent_lang = cl->slangs.s;
	return 0;
}

/* Fills `d` from `rec`: the tokens, forms and stems through cxs_tokens (either schema
 * version), the sentences here. Returns 0, 1 (reject, with the reason) or -1 (no
 * memory). */
static int read_doc(cxs_classifier *cl, cxs_rec *rec, struct cxs_doc *d, cxs_err *reason)
{
	struct cxs_tokview tv;
	size_t i, nsent, s;
	long n;
	int rc;

	rc = cxs_rec_string(rec, "text", &cl->text);
	if (rc == -2)
		goto nomem;
	if (rc != 1) {
		cxs_err_set(reason, CXS_E_INPUT, "record has no 'text' string");
		return 1;
	}
	memset(d, 0, sizeof(*d));
	d->text = cl->text.p;
	d->len = cl->text.len;
	if ((rc = cxs_tokens_read(cl->toks, rec, d->text, d->len, CXS_TOKENS_STEMS, &tv, reason)))
		return rc;
	if (cxs_rec_type(rec, "sentences") != CXS_REC_ARRAY) {
		cxs_err_set(reason, CXS_E_INPUT, "record has no 'sentences' array (run cxs-normalize "
			    "first)");
		return 1;
	}
	if ((n = read_spans(cl, rec, "sentences", d->text, d->len, &cl->sent, &cl->capsent,
			    reason)) < 0)
		return n == -2 ? -1 : 1;
	nsent = (size_t)n;
	if (tv.n && !nsent) {
		cxs_err_set(reason, CXS_E_INPUT, "'sentences' is empty but there are tokens");
		return 1;
	}
	if (cxs_array_grow(&cl->tok_sent, &cl->captoksent, tv.n + 1, sizeof(*cl->tok_sent)) < 0)
		goto nomem;
	/* each token belongs to the last sentence that starts at or before it */
	for (i = 0, s = 0; i < tv.n; i++) {
		while (s + 1 < nsent && cl->sent[2 * (s + 1)] <= tv.off[2 * i])
			s++;
		if (tv.off[2 * i] < cl->sent[2 * s] || tv.off[2 * i + 1] > cl->sent[2 * s + 1]) {
			cxs_err_set(reason, CXS_E_INPUT, "'%s' %s %zu lies outside every sentence",
				    tv.schema == 1 ? "tokens" : "spans",
				    tv.schema == 1 ? "entry" : "token", i);
			return 1;
		}
		cl->tok_sent[i] = s;
	}
	d->ntok = tv.n;
	d->tok = tv.off;
	d->form = tv.form;
	d->formlen = tv.formlen;
	d->stem = tv.stem;
	d->stemlen = tv.stemlen;
	d->tok_sent = cl->tok_sent;
	d->nsent = nsent;
	d->sent = cl->sent;
	return read_sentence_langs(cl, rec, d, reason);
nomem:
	cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return -1;
}

/* ---------------------------------------------------------------- writing the fields */

static const char *polarity_name(const char *polarity)
{
	size_t i;

	for (i = 0; i < 2 && strcmp(polarities[i], polarity); i++)
		;
	return polarities[i];
}

#define KEY(b, k) cxs_buf_add((b), k, sizeof(k) - 1)

/* Writes the literal `s` at `p`; evaluates to the end. */
#define LIT(p, s) (memcpy((p), s, sizeof(s) - 1), (p) + sizeof(s) - 1)

/* Room for the keys and punctuation of an evidence object or a signal's head. */
#define FIXED_ROOM 64

/* Ends the buffer `b` at `p`, written past its length by the raw writers. */
static void end_at(cxs_buf *b, char *p)
{
	*p = '\0';
	b->len = (size_t)(p - b->p);
}

/* One evidence object. Made room for once and written in place: an object per hit
 * made a dozen buffer calls the largest part of writing the output. Evidence carries
 * the original words as well as their byte offsets: Python, jq and DuckDB index
 * strings by code point, so offsets alone would mislead them. */
static const char *const reach_names[] = { "none", "clause", "sentence", "record" };

/* The explanation of one evidence object (cxs_classifier_explain): how far its hit went
 * for polarity words and those that gave it its valence, nearest first. */
static int opinions_json(const struct cxs_evidence *e, const struct cxs_score *sc,
			 const char *text, cxs_buf *b)
{
	size_t i;
	int rc = KEY(b, ",\"reach\":") |
		 cxs_jw_string(b, reach_names[e->reach], strlen(reach_names[e->reach])) |
		 KEY(b, ",\"opinions\":[");

	for (i = 0; i < e->nop && !rc; i++) {
		const struct cxs_opinion *o = &sc->opinions[e->op + i];
		double value = round(o->value * 1e4) / 1e4;

		rc |= (i ? KEY(b, ",{\"start\":") : KEY(b, "{\"start\":")) |
		      cxs_jw_int(b, (long long)o->start) | KEY(b, ",\"end\":") |
		      cxs_jw_int(b, (long long)o->end) | KEY(b, ",\"text\":") |
		      cxs_jw_string(b, text + o->start, o->end - o->start) |
		      KEY(b, ",\"valence\":") | cxs_jw_real(b, o->valence) |
		      KEY(b, ",\"value\":") | cxs_jw_real(b, value == 0 ? 0.0 : value) |
		      cxs_buf_addch(b, '}');
	}
	return rc | KEY(b, "]");
}

static int evidence_json(const struct cxs_evidence *e, int first, const char *text,
			 const struct cxs_score *sc, int explain, cxs_buf *b)
{
	size_t tl = e->end - e->start, ml = strlen(e->term);
	char *p;

	if (cxs_buf_grow(b, FIXED_ROOM + 3 * CXS_JW_INT_MAX + CXS_JW_STRING_MAX(tl) +
			 CXS_JW_STRING_MAX(ml)) < 0)
		return -1;
	p = b->p + b->len;
	p = first ? LIT(p, "{\"start\":") : LIT(p, ",{\"start\":");
	p = cxs_jw_int_at(p, (long long)e->start);
	p = LIT(p, ",\"end\":");
	p = cxs_jw_int_at(p, (long long)e->end);
	p = LIT(p, ",\"text\":");
	p = cxs_jw_string_at(p, text + e->start, tl);
	p = LIT(p, ",\"term\":");
	p = cxs_jw_string_at(p, e->term, ml);
	p = LIT(p, ",\"sentence\":");
	p = cxs_jw_int_at(p, (long long)e->sent);
	end_at(b, p);
	if (explain && opinions_json(e, sc, text, b) < 0)
		return -1;
	return cxs_buf_addch(b, '}');
}

static int signal_json(cxs_classifier *cl, const struct cxs_signal *s,
		       const struct cxs_score *sc, const char *text, cxs_buf *b)
{
	const char *dim = cxs_lexicon_dim(cl->lx, s->dim)->id, *pol = polarity_name(s->polarity);
	size_t dl = strlen(dim), pl = strlen(pol), i;
	char *p;

	if (cxs_buf_grow(b, FIXED_ROOM + CXS_JW_STRING_MAX(dl) + CXS_JW_STRING_MAX(pl)) < 0)
		return -1;
	p = b->p + b->len;
	p = LIT(p, "{\"dim\":");
	p = cxs_jw_string_at(p, dim, dl);
	p = LIT(p, ",\"polarity\":");
	p = cxs_jw_string_at(p, pol, pl);
	p = LIT(p, ",\"score\":");
	end_at(b, p);
	if (cxs_jw_real(b, s->score) < 0 || cxs_buf_grow(b, FIXED_ROOM + CXS_JW_INT_MAX) < 0)
		return -1;
	p = b->p + b->len;
	p = LIT(p, ",\"hits\":");
	p = cxs_jw_int_at(p, (long long)s->hits);
	p = LIT(p, ",\"evidence\":[");
	end_at(b, p);
	for (i = 0; i < s->nev; i++)
		if (evidence_json(&s->ev[i], i == 0, text, sc, cl->explain, b) < 0)
			return -1;
	return KEY(b, "]}");
}

static int set_fields(cxs_classifier *cl, cxs_rec *rec, const struct cxs_score *sc,
		      const char *text)
{
	cxs_buf *b = cxs_rec_set(rec, "signals");
	const char *pol = sc->sentiment_polarity;
	size_t i;
	int rc = 0;

	if (!b || cxs_buf_addch(b, '[') < 0)
		return -1;
	for (i = 0; i < sc->nsignals; i++)
		if ((i && cxs_buf_addch(b, ',') < 0) ||
		    signal_json(cl, &sc->signals[i], sc, text, b) < 0)
			return -1;
	if (cxs_buf_addch(b, ']') < 0 || !(b = cxs_rec_set(rec, "sentiment")))
		return -1;
	rc |= KEY(b, "{\"polarity\":") | cxs_jw_string(b, pol, strlen(pol));
	rc |= KEY(b, ",\"score\":") | cxs_jw_real(b, sc->sentiment) | cxs_buf_addch(b, '}');
	if (rc || !(b = cxs_rec_set(rec, "lexicon")) ||
	    cxs_buf_add(b, cl->lexinfo.p, cl->lexinfo.len) < 0)
		return -1;
	if (!cl->keep_tokens)
		for (i = 0; i < sizeof(per_token) / sizeof(per_token[0]); i++)
			cxs_rec_drop(rec, per_token[i]);
	return 0;
}

int cxs_classifier_rec(void *ctx, cxs_rec *rec, cxs_err *reason)
{
	cxs_classifier *cl = ctx;
	struct cxs_doc d;
	struct cxs_score sc;
	int rc = read_doc(cl, rec, &d, reason);

	if (rc)
		return rc;
	rc = cxs_rec_string(rec, "lang", &cl->lang);
	if (rc == -2)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	if (cxs_classifier_doc(cl, rc == 1 ? cl->lang.p : NULL, &d, &sc, reason) < 0)
		return -1;
	if (set_fields(cl, rec, &sc, d.text) < 0)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return 0;
}

int cxs_classifier_record(void *cl, json_t *rec, cxs_err *reason)
{
	return cxs_stage_apply_json(cxs_classifier_rec, cl, rec, reason);
}

void cxs_classifier_keep_tokens(cxs_classifier *cl, int keep)
{
	cl->keep_tokens = keep;
}

void cxs_classifier_explain(cxs_classifier *cl, int on)
{
	cl->explain = on;
	cxs_scorer_explain(cl->sc, on);
}

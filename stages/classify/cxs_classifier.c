#include "cxs_buf.h"
#include "cxs_classifier.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* JSON strings that recur in every record (dimension ids, polarities, evidence terms),
 * made once and shared by reference: most of this stage's time goes into building and
 * writing JSON, not into matching. */
struct term_slot {
	const char *term;             /* owned by the lexicon: the pointer is the key */
	json_t *json;
};

struct cxs_classifier {
	const cxs_lexicon *lx;
	cxs_matcher *mt;
	cxs_scorer *sc;
	json_t *lexinfo;
	json_t **dim_json;
	json_t *pol_json[3];          /* positive, negative, neutral */
	struct term_slot *terms;
	size_t terms_mask, nterms;
	struct cxs_matches mm;
	/* the doc's arrays, reused across records */
	size_t *tok, *tok_sent, *formlen, *stemlen;
	const char **form, **stem;
	size_t captok;
	size_t *sent;
	size_t capsent;
	size_t capaux;     /* capacity the per-token arrays have been grown to */
	const char **sent_lang;
	size_t capslang;
	struct cxs_match *merged;       /* matches of a record in several languages */
	size_t capmerged;
};

static const char *const polarities[3] = { "positive", "negative", "neutral" };

cxs_classifier *cxs_classifier_new(const cxs_lexicon *lx, cxs_err *err)
{
	cxs_classifier *cl = calloc(1, sizeof(*cl));
	size_t i;
	int ok = 1;

	if (!cl) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	cl->lx = lx;
	cl->mt = cxs_matcher_new(err);
	cl->sc = cl->mt ? cxs_scorer_new(lx, err) : NULL;
	cl->lexinfo = json_pack("{s:s?, s:s?, s:s}", "name", cxs_lexicon_name(lx), "version",
				cxs_lexicon_version(lx), "hash", cxs_lexicon_hash(lx));
	cl->dim_json = calloc(cxs_lexicon_ndims(lx) + 1, sizeof(*cl->dim_json));
	for (i = 0; cl->dim_json && i < cxs_lexicon_ndims(lx); i++)
		if (!(cl->dim_json[i] = json_string(cxs_lexicon_dim(lx, i)->id)))
			ok = 0;
	for (i = 0; i < 3; i++)
		if (!(cl->pol_json[i] = json_string(polarities[i])))
			ok = 0;
	if (!cl->mt || !cl->sc || !cl->lexinfo || !cl->dim_json || !ok) {
		cxs_classifier_free(cl);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	return cl;
}

void cxs_classifier_free(cxs_classifier *cl)
{
	size_t i;

	if (!cl)
		return;
	cxs_matcher_free(cl->mt);
	cxs_scorer_free(cl->sc);
	json_decref(cl->lexinfo);
	for (i = 0; cl->dim_json && i < cxs_lexicon_ndims(cl->lx); i++)
		json_decref(cl->dim_json[i]);
	free(cl->dim_json);
	for (i = 0; i < 3; i++)
		json_decref(cl->pol_json[i]);
	for (i = 0; cl->terms && i <= cl->terms_mask; i++)
		json_decref(cl->terms[i].json);
	free(cl->terms);
	free(cl->tok);
	free(cl->tok_sent);
	free(cl->formlen);
	free(cl->stemlen);
	free(cl->form);
	free(cl->stem);
	free(cl->sent);
	free(cl->sent_lang);
	free(cl->merged);
	free(cl);
}

json_t *cxs_classifier_lexicon_json(const cxs_classifier *cl)
{
	return cl->lexinfo;
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

static const char *const needs[][2] = {
	{ "stems", "cxs-stem" }, { "tokens", "cxs-normalize" }, { "forms", "cxs-normalize" },
	{ "sentences", "cxs-normalize" },
};

/* Reads a flat array of [start, end) offset pairs into `out`: every pair within the
 * text, starts < ends allowed equal, and in text order without overlap. Returns the
 * number of pairs, or -1 with the reason. */
static long read_spans(const json_t *a, const char *name, const char *text, size_t textlen,
		       size_t *out, cxs_err *reason)
{
	size_t n = json_array_size(a), i, prev = 0;

	if (n % 2)
		return cxs_err_set(reason, CXS_E_INPUT, "'%s' has an odd number of offsets", name);
	for (i = 0; i < n; i += 2) {
		const json_t *s = json_array_get(a, i), *e = json_array_get(a, i + 1);
		json_int_t sv, ev;

		if (!json_is_integer(s) || !json_is_integer(e))
			return cxs_err_set(reason, CXS_E_INPUT, "'%s' entry %zu is not a pair of integers",
					   name, i / 2);
		sv = json_integer_value(s);
		ev = json_integer_value(e);
		if (sv < (json_int_t)prev || ev < sv || (size_t)ev > textlen)
			return cxs_err_set(reason, CXS_E_INPUT,
					   "'%s' entry %zu [%lld, %lld) is out of order or outside the text",
					   name, i / 2, (long long)sv, (long long)ev);
		/* An offset inside a UTF-8 character would make evidence invalid text. */
		if (((size_t)sv < textlen && (text[sv] & 0xC0) == 0x80) ||
		    ((size_t)ev < textlen && (text[ev] & 0xC0) == 0x80))
			return cxs_err_set(reason, CXS_E_INPUT,
					   "'%s' entry %zu [%lld, %lld) splits a UTF-8 character",
					   name, i / 2, (long long)sv, (long long)ev);
		out[i] = (size_t)sv;
		out[i + 1] = (size_t)ev;
		prev = (size_t)ev;
	}
	return (long)(n / 2);
}

static int read_strings(const json_t *a, const char *name, size_t n, const char **s,
			size_t *len, cxs_err *reason)
{
	size_t i;

	if (json_array_size(a) != n)
		return cxs_err_set(reason, CXS_E_INPUT, "'%s' has %zu entries for %zu tokens", name,
				   json_array_size(a), n);
	for (i = 0; i < n; i++) {
		const json_t *v = json_array_get(a, i);
		if (!json_is_string(v))
			return cxs_err_set(reason, CXS_E_INPUT, "'%s' entry %zu is not a string", name, i);
		s[i] = json_string_value(v);
		len[i] = json_string_length(v);
	}
	return 0;
}

/* `sentence_langs` (cxs-normalize), when the record has it: one language per sentence.
 * Returns 0, 1 (reject, with the reason) or -1 (no memory). */
static int read_sentence_langs(cxs_classifier *cl, const json_t *rec, struct cxs_doc *d,
			       cxs_err *reason)
{
	const json_t *a = json_object_get(rec, "sentence_langs");
	size_t j;

	d->sent_lang = NULL;
	if (!a)
		return 0;
	if (!json_is_array(a) || json_array_size(a) != d->nsent) {
		cxs_err_set(reason, CXS_E_INPUT, "'sentence_langs' is not an array with one "
			    "language per sentence");
		return 1;
	}
	if (cxs_array_grow(&cl->sent_lang, &cl->capslang, d->nsent + 1, sizeof(*cl->sent_lang)) < 0) {
		cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		return -1;
	}
	for (j = 0; j < d->nsent; j++) {
		const json_t *v = json_array_get(a, j);

		if (!json_is_string(v)) {
			cxs_err_set(reason, CXS_E_INPUT, "'sentence_langs' entry %zu is not a string", j);
			return 1;
		}
		cl->sent_lang[j] = json_string_value(v);
	}
	d->sent_lang = cl->sent_lang;
	return 0;
}

/* Fills `d` from `rec`. Returns 0, 1 (reject, with the reason) or -1 (no memory). */
static int read_doc(cxs_classifier *cl, const json_t *rec, struct cxs_doc *d, cxs_err *reason)
{
	const json_t *text = json_object_get(rec, "text");
	const json_t *a[4];
	size_t i, ntok, nsent, s;
	long n;

	for (i = 0; i < 4; i++) {
		a[i] = json_object_get(rec, needs[i][0]);
		if (!json_is_array(a[i])) {
			cxs_err_set(reason, CXS_E_INPUT, "record has no '%s' array (run %s first)",
				    needs[i][0], needs[i][1]);
			return 1;
		}
	}
	if (!json_is_string(text)) {
		cxs_err_set(reason, CXS_E_INPUT, "record has no 'text' string");
		return 1;
	}
	memset(d, 0, sizeof(*d));
	d->text = json_string_value(text);
	d->len = json_string_length(text);
	ntok = json_array_size(a[1]) / 2;
	nsent = json_array_size(a[3]) / 2;
	if (cxs_array_grow(&cl->tok, &cl->captok, 2 * ntok + 2, sizeof(size_t)) < 0 ||
	    cxs_array_grow(&cl->sent, &cl->capsent, 2 * nsent + 2, sizeof(size_t)) < 0)
		goto nomem;
	/* capaux is raised only once every per-token array has grown, so a failure half
	 * way leaves them to be grown again next time, never too short. */
	if (cl->capaux < cl->captok) {
		/* the per-token arrays follow cl->tok's capacity (twice what they need) */
		size_t cap = cl->captok;
		void *p;
#define REGROW(f)                                                   \
	if (!(p = realloc((void *)cl->f, cap * sizeof(*cl->f))))    \
		goto nomem;                                         \
	cl->f = p;
		REGROW(tok_sent) REGROW(formlen) REGROW(stemlen) REGROW(form) REGROW(stem)
#undef REGROW
		cl->capaux = cap;
	}
	if ((n = read_spans(a[1], "tokens", d->text, d->len, cl->tok, reason)) < 0 ||
	    read_strings(a[2], "forms", ntok, cl->form, cl->formlen, reason) < 0 ||
	    read_strings(a[0], "stems", ntok, cl->stem, cl->stemlen, reason) < 0 ||
	    (n = read_spans(a[3], "sentences", d->text, d->len, cl->sent, reason)) < 0)
		return 1;
	if (ntok && !nsent) {
		cxs_err_set(reason, CXS_E_INPUT, "'sentences' is empty but there are tokens");
		return 1;
	}
	/* each token belongs to the last sentence that starts at or before it */
	for (i = 0, s = 0; i < ntok; i++) {
		while (s + 1 < nsent && cl->sent[2 * (s + 1)] <= cl->tok[2 * i])
			s++;
		if (cl->tok[2 * i] < cl->sent[2 * s] || cl->tok[2 * i + 1] > cl->sent[2 * s + 1]) {
			cxs_err_set(reason, CXS_E_INPUT, "'tokens' entry %zu lies outside every sentence", i);
			return 1;
		}
		cl->tok_sent[i] = s;
	}
	d->ntok = ntok;
	d->tok = cl->tok;
	d->form = cl->form;
	d->formlen = cl->formlen;
	d->stem = cl->stem;
	d->stemlen = cl->stemlen;
	d->tok_sent = cl->tok_sent;
	d->nsent = nsent;
	d->sent = cl->sent;
	return read_sentence_langs(cl, rec, d, reason);
nomem:
	cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return -1;
}

/* ---------------------------------------------------------------- writing the fields */

/* A new reference to the shared JSON string of `term`, or NULL without memory. */
static json_t *term_json(cxs_classifier *cl, const char *term)
{
	size_t j;

	if (!cl->terms || (cl->nterms + 1) * 2 > cl->terms_mask + 1) {
		size_t cap = cl->terms ? (cl->terms_mask + 1) * 2 : 256, i;
		struct term_slot *t = calloc(cap, sizeof(*t));

		if (!t)
			return NULL;
		for (i = 0; cl->terms && i <= cl->terms_mask; i++) {
			if (!cl->terms[i].term)
				continue;
			for (j = ((uintptr_t)cl->terms[i].term >> 3) & (cap - 1); t[j].term;
			     j = (j + 1) & (cap - 1))
				;
			t[j] = cl->terms[i];
		}
		free(cl->terms);
		cl->terms = t;
		cl->terms_mask = cap - 1;
	}
	for (j = ((uintptr_t)term >> 3) & cl->terms_mask; cl->terms[j].term;
	     j = (j + 1) & cl->terms_mask)
		if (cl->terms[j].term == term)
			return json_incref(cl->terms[j].json);
	cl->terms[j].json = json_string(term);
	if (!cl->terms[j].json)
		return NULL;
	cl->terms[j].term = term;
	cl->nterms++;
	return json_incref(cl->terms[j].json);
}

static json_t *polarity_json(cxs_classifier *cl, const char *polarity)
{
	size_t i;

	for (i = 0; i < 2 && strcmp(polarities[i], polarity); i++)
		;
	return json_incref(cl->pol_json[i]);
}

/* Evidence carries the original words as well as their byte offsets: Python, jq and
 * DuckDB index strings by code point, so offsets alone would mislead them. */
static json_t *signal_json(cxs_classifier *cl, const struct cxs_signal *s, const char *text)
{
	json_t *o = json_object(), *ev = json_array();
	size_t i;

	if (!o || !ev)
		goto fail;
	for (i = 0; i < s->nev; i++) {
		json_t *e = json_object();
		if (!e || json_array_append_new(ev, e) < 0)
			goto fail;
		if (json_object_set_new_nocheck(e, "start", json_integer((json_int_t)s->ev[i].start)) < 0 ||
		    json_object_set_new_nocheck(e, "end", json_integer((json_int_t)s->ev[i].end)) < 0 ||
		    json_object_set_new_nocheck(e, "text", json_stringn(text + s->ev[i].start,
								 s->ev[i].end - s->ev[i].start)) < 0 ||
		    json_object_set_new_nocheck(e, "term", term_json(cl, s->ev[i].term)) < 0 ||
		    json_object_set_new_nocheck(e, "sentence", json_integer((json_int_t)s->ev[i].sent)) < 0)
			goto fail;
	}
	if (json_object_set_new_nocheck(o, "dim", json_incref(cl->dim_json[s->dim])) < 0 ||
	    json_object_set_new_nocheck(o, "polarity", polarity_json(cl, s->polarity)) < 0 ||
	    json_object_set_new_nocheck(o, "score", json_real(s->score)) < 0 ||
	    json_object_set_new_nocheck(o, "hits", json_integer((json_int_t)s->hits)) < 0)
		goto fail;
	if (json_object_set_new_nocheck(o, "evidence", ev) < 0) {   /* frees ev when failing */
		json_decref(o);
		return NULL;
	}
	return o;
fail:
	json_decref(ev);
	json_decref(o);
	return NULL;
}

static int set_fields(cxs_classifier *cl, json_t *rec, const struct cxs_score *sc,
		      const char *text)
{
	json_t *signals = json_array(), *sent;
	size_t i;

	if (!signals)
		return -1;
	for (i = 0; i < sc->nsignals; i++) {
		json_t *s = signal_json(cl, &sc->signals[i], text);
		if (!s || json_array_append_new(signals, s) < 0) {
			json_decref(signals);
			return -1;
		}
	}
	sent = json_pack("{s:s, s:f}", "polarity", sc->sentiment_polarity, "score", sc->sentiment);
	if (json_object_set_new(rec, "signals", signals) < 0 || !sent ||
	    json_object_set_new(rec, "sentiment", sent) < 0 ||
	    json_object_set(rec, "lexicon", cl->lexinfo) < 0)
		return -1;
	return 0;
}

int cxs_classifier_record(void *ctx, json_t *rec, cxs_err *reason)
{
	cxs_classifier *cl = ctx;
	struct cxs_doc d;
	struct cxs_score sc;
	int rc = read_doc(cl, rec, &d, reason);

	if (rc)
		return rc;
	if (cxs_classifier_doc(cl, json_string_value(json_object_get(rec, "lang")), &d, &sc,
			       reason) < 0)
		return -1;
	if (set_fields(cl, rec, &sc, d.text) < 0)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return 0;
}

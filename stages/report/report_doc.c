/*
 * report_doc — checking a classify record once, so the aggregates, the CSV files and the
 * database never see half a record.
 */
#include "report_doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const pol_names[REPORT_NPOL] = { "positive", "negative", "neutral" };

const char *report_polarity_name(int pol)
{
	return pol >= 0 && pol < REPORT_NPOL ? pol_names[pol] : "neutral";
}

/* The polarity a string value names, -1 for anything else. */
static int polarity_of(const struct cxs_jv *v)
{
	int i;

	for (i = 0; i < REPORT_NPOL; i++) {
		size_t n = strlen(pol_names[i]);

		if (v->len == n + 2 && v->p[0] == '"' && !memcmp(v->p + 1, pol_names[i], n))
			return i;
	}
	return -1;
}

struct report_docbuf {
	/* Every string of the record, decoded, each followed by its NUL. Sized to the
	 * record's length before decoding (a string's quotes make up for its NUL, and
	 * decoding never lengthens), so it never moves while a record is read and the
	 * pointers into it stay put. */
	cxs_buf s;
	struct report_signal *sig;
	size_t capsig;
	struct report_evidence *ev;
	size_t capev;
	long long *sent;
	size_t capsent;
};

report_docbuf *report_docbuf_new(void)
{
	return calloc(1, sizeof(report_docbuf));
}

void report_docbuf_free(report_docbuf *b)
{
	if (!b)
		return;
	cxs_buf_release(&b->s);
	free(b->sig);
	free(b->ev);
	free(b->sent);
	free(b);
}

/* Decodes string `v` into the docbuf: its bytes, or NULL when `v` is no string. */
static const char *take_string(report_docbuf *b, const struct cxs_jv *v, size_t *len)
{
	size_t at = b->s.len;

	if (cxs_jv_string(v, &b->s) != 1)
		return NULL;   /* never out of memory: the buffer was sized first */
	*len = b->s.len - at;
	b->s.len++;        /* keep the NUL it wrote */
	return b->s.p + at;
}

/* String member `key` of object `o` (or a top-level field when `o` is NULL), "" when
 * it is absent or no string. */
static const char *str_or_empty(report_docbuf *b, const cxs_rec *rec, const struct cxs_jv *o,
				const char *key, size_t *len)
{
	struct cxs_jv v;
	const char *s = NULL;
	size_t n = 0;

	if (o ? cxs_jv_get(o, key, &v) : cxs_rec_value(rec, key, &v))
		s = take_string(b, &v, &n);
	if (len)
		*len = s ? n : 0;
	return s ? s : "";
}

static long long int_or_zero(const struct cxs_jv *v, int *is_int)
{
	long long x = 0;
	int ok = cxs_jv_int(v, &x);

	if (is_int)
		*is_int = ok;
	return ok ? x : 0;
}

void report_host_of(const char *s, char *out, size_t n)
{
	const char *p, *end, *at, *colon;
	size_t i, len;

	out[0] = '\0';
	if (!s || n == 0)
		return;
	for (p = s; isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	if (p == s || strncmp(p, "://", 3))
		return;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	if (*p == '[') {
		colon = memchr(p, ']', (size_t)(end - p));
		end = colon ? colon + 1 : end;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon)
			end = colon;
	}
	len = (size_t)(end - p);
	if (len >= n)
		return;  /* not a host anyone types; leave it out rather than cut it */
	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[len] = '\0';
}

static int read_evidence(report_docbuf *b, const struct cxs_jv *evs, size_t si,
			 size_t *nev, cxs_err *err)
{
	static const char *const names[] = { "term", "text", "start", "end", "sentence" };
	struct cxs_jv e, m[5];
	size_t pos = 0, i;

	if (cxs_jv_type(evs) != CXS_REC_ARRAY)
		return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'evidence' array", si);
	for (i = 0; cxs_jv_next(evs, &pos, NULL, &e) == 1; i++) {
		struct report_evidence *v;

		if (cxs_jv_type(&e) != CXS_REC_OBJECT)
			return cxs_err_set(err, CXS_E_INPUT,
					   "evidence %zu of signal %zu is not an object", i, si);
		if (cxs_array_grow(&b->ev, &b->capev, *nev + 1, sizeof *b->ev) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		v = &b->ev[(*nev)++];
		memset(v, 0, sizeof *v);
		cxs_jv_members(&e, names, 5, m);
		if (!(v->term = take_string(b, &m[0], &v->term_len)))
			return cxs_err_set(err, CXS_E_INPUT,
					   "evidence %zu of signal %zu has no 'term' string", i, si);
		v->text = take_string(b, &m[1], &v->text_len);
		v->start = int_or_zero(&m[2], NULL);
		v->end = int_or_zero(&m[3], NULL);
		v->sentence = int_or_zero(&m[4], &v->has_sentence);
	}
	return 0;
}

/* The signals, and their evidence in one array, in order, that each signal points into
 * once all are read (the array may move while it grows). */
static int read_signals(report_docbuf *b, const struct cxs_jv *sigs, size_t *nsig,
			cxs_err *err)
{
	static const char *const names[] = { "dim", "polarity", "score", "hits", "evidence" };
	struct cxs_jv s, m[5];
	size_t pos = 0, i, k, nev = 0;

	*nsig = 0;
	for (i = 0; cxs_jv_next(sigs, &pos, NULL, &s) == 1; i++) {
		struct report_signal *g;
		size_t dimlen = 0, ev0 = nev;

		if (cxs_jv_type(&s) != CXS_REC_OBJECT)
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu is not an object", i);
		if (cxs_array_grow(&b->sig, &b->capsig, i + 1, sizeof *b->sig) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		g = &b->sig[i];
		memset(g, 0, sizeof *g);
		cxs_jv_members(&s, names, 5, m);
		g->dim = take_string(b, &m[0], &dimlen);
		if (!g->dim || !dimlen)
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'dim' string", i);
		if ((g->polarity = polarity_of(&m[1])) < 0)
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'polarity' "
					   "positive, negative or neutral", i);
		if (!cxs_jv_number(&m[2], &g->score))
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'score' number", i);
		g->hits = int_or_zero(&m[3], NULL);
		if (read_evidence(b, &m[4], i, &nev, err) < 0)
			return -1;
		g->nev = nev - ev0;
		*nsig = i + 1;
	}
	for (i = k = 0; i < *nsig; k += b->sig[i++].nev)
		b->sig[i].ev = b->ev + k;
	return 0;
}

static int read_sentences(report_docbuf *b, const struct cxs_jv *ss, size_t *n, cxs_err *err)
{
	struct cxs_jv e;
	size_t pos = 0;

	*n = 0;
	while (cxs_jv_next(ss, &pos, NULL, &e) == 1) {
		if (cxs_array_grow(&b->sent, &b->capsent, *n + 1, sizeof *b->sent) < 0)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		b->sent[(*n)++] = int_or_zero(&e, NULL);
	}
	return 0;
}

int report_doc_read(report_docbuf *b, const cxs_rec *rec, struct report_doc *doc,
		    cxs_err *err)
{
	struct cxs_jv sigs, src, sent, lex, v;
	const char *base;
	size_t len;

	memset(doc, 0, sizeof *doc);
	cxs_rec_text(rec, &len);
	cxs_buf_reset(&b->s);
	if (cxs_buf_grow(&b->s, len + 16) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	base = b->s.p;
	if (!cxs_rec_value(rec, "signals", &sigs) || cxs_jv_type(&sigs) != CXS_REC_ARRAY)
		return cxs_err_set(err, CXS_E_INPUT,
				   "record has no 'signals' array (run cxs-classify first)");
	if (read_signals(b, &sigs, &doc->nsig, err) < 0)
		return -1;
	doc->sig = b->sig;
	doc->id = str_or_empty(b, rec, NULL, "id", NULL);
	doc->lang = str_or_empty(b, rec, NULL, "lang", NULL);
	if (!*doc->lang)
		doc->lang = "und";
	if (!cxs_rec_value(rec, "source", &src))
		src.len = 0;
	doc->kind = str_or_empty(b, rec, &src, "kind", NULL);
	doc->uri = str_or_empty(b, rec, &src, "uri", NULL);
	doc->locator = str_or_empty(b, rec, &src, "locator", NULL);
	doc->url = str_or_empty(b, rec, NULL, "url", NULL);
	doc->title = str_or_empty(b, rec, NULL, "title", NULL);
	doc->text = str_or_empty(b, rec, NULL, "text", &doc->text_len);
	if (cxs_rec_value(rec, "sentences", &v) && cxs_jv_type(&v) == CXS_REC_ARRAY) {
		if (read_sentences(b, &v, &doc->nsentences, err) < 0)
			return -1;
		doc->sentences = b->sent;
	}
	if (!cxs_rec_value(rec, "sentiment", &sent))
		sent.len = 0;
	doc->sentiment = cxs_jv_get(&sent, "polarity", &v) ? polarity_of(&v) : -1;
	if (doc->sentiment < 0)
		doc->sentiment = REPORT_NEU;
	if (!cxs_jv_get(&sent, "score", &v) || !cxs_jv_number(&v, &doc->sentiment_score))
		doc->sentiment_score = 0;
	if (!cxs_rec_value(rec, "lexicon", &lex))
		lex.len = 0;
	doc->lexicon = str_or_empty(b, rec, &lex, "name", NULL);
	doc->lexicon_version = str_or_empty(b, rec, &lex, "version", NULL);
	report_host_of(doc->url, doc->host, sizeof doc->host);
	if (!doc->host[0])
		report_host_of(doc->uri, doc->host, sizeof doc->host);
	if (b->s.p != base)   /* the sizing above is wrong: the pointers taken would dangle */
		return cxs_err_set(err, CXS_E_INTERNAL, "record strings outgrew their buffer");
	return 0;
}

static int boundary(const char *t, size_t len, size_t at)
{
	return at == len || ((unsigned char)t[at] & 0xC0) != 0x80;
}

int report_doc_span_ok(const struct report_doc *doc, long long start, long long end)
{
	if (start < 0 || end <= start || (unsigned long long)end > doc->text_len)
		return 0;
	return boundary(doc->text, doc->text_len, (size_t)start) &&
	       boundary(doc->text, doc->text_len, (size_t)end);
}

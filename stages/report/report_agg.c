/*
 * report_agg — the counting behind cxs-report (bounds in report_agg.h).
 *
 * Dimensions get a stable id when first seen (cells and counters are indexed by it) and
 * a position in `order`, which is what callers see. Examples are kept per dimension id in
 * short lists sorted best first: with a handful per list, inserting by shifting is
 * cheaper and simpler than a heap, and the list never grows past its bound.
 */
#include "report_agg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_MAX 300
#define FIELD_MAX 1000
#define WINDOW 100  /* bytes each side of evidence when its sentence is unknown */

struct ex_list {
	struct report_example *ex;  /* `n` of them, best first */
	size_t n;
};

struct lang_acc {
	struct report_lang pub;
	char *name;
	long long (*cells)[REPORT_NPOL];  /* by dimension id */
	report_topk **terms;              /* by dimension id, NULL until used */
};

struct report_agg {
	size_t examples, counters;
	struct lang_acc *langs[REPORT_MAX_LANGS];
	size_t nlangs;
	int langs_sorted;
	char *dims[REPORT_MAX_DIMS];       /* by id */
	size_t order[REPORT_MAX_DIMS];     /* position -> id, once `ordered` */
	size_t ndims;
	int ordered;
	char *hint[REPORT_MAX_DIMS];       /* the pack's order, when known */
	size_t nhint;
	char *lexicon;                     /* the first record's lexicon name */
	unsigned char before[REPORT_MAX_DIMS][REPORT_MAX_DIMS];  /* [a][b]: a listed before b */
	report_topk *all_terms[REPORT_MAX_DIMS];
	report_topk *sources;
	struct ex_list ex[REPORT_MAX_DIMS + 1][2];  /* [REPORT_MAX_DIMS]: documents */
	long long documents, dropped, bad_evidence;
};

/* One piece of evidence while an excerpt is made. */
struct ev {
	long long start, end, sentence;
	const char *term, *dim;
};

report_agg *report_agg_new(size_t examples, size_t counters)
{
	report_agg *a = calloc(1, sizeof *a);

	if (!a)
		return NULL;
	a->examples = examples;
	a->counters = counters ? counters : 1;
	a->sources = report_topk_new(a->counters);
	if (!a->sources) {
		free(a);
		return NULL;
	}
	return a;
}

/* --- languages and dimensions ------------------------------------------------------ */

static struct lang_acc *lang_get(report_agg *a, const char *name)
{
	struct lang_acc *l;
	size_t i;

	for (i = 0; i < a->nlangs; i++)
		if (!strcmp(a->langs[i]->name, name))
			return a->langs[i];
	if (a->nlangs == REPORT_MAX_LANGS - 1 && strcmp(name, "other"))
		return lang_get(a, "other");  /* the last place is kept for "other" */
	l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->name = strdup(name);
	l->cells = calloc(REPORT_MAX_DIMS, sizeof *l->cells);
	l->terms = calloc(REPORT_MAX_DIMS, sizeof *l->terms);
	if (!l->name || !l->cells || !l->terms) {
		free(l->name);
		free(l->cells);
		free(l->terms);
		free(l);
		return NULL;
	}
	l->pub.name = l->name;
	a->langs[a->nlangs++] = l;
	a->langs_sorted = 0;
	return l;
}

/* The id of dimension `name`, new ones numbered in order of appearance; SIZE_MAX when
 * the table is full or (with `*oom` set) when memory runs out. */
static size_t dim_get(report_agg *a, const char *name, int *oom)
{
	size_t i;

	for (i = 0; i < a->ndims; i++)
		if (!strcmp(a->dims[i], name))
			return i;
	if (a->ndims == REPORT_MAX_DIMS)
		return SIZE_MAX;
	a->dims[a->ndims] = strdup(name);
	if (!a->dims[a->ndims]) {
		*oom = 1;
		return SIZE_MAX;
	}
	a->ordered = 0;
	return a->ndims++;
}

/* Puts the dimensions in an order that agrees with every record (each lists its signals
 * in the pack's order): a topological sort of "came before" over all records, taking
 * the first-seen dimension whenever several could come next, and when records disagree
 * (two packs with other orders), the first-seen of those left. The pack's own order
 * (report_agg_set_order) decides first wherever it names the dimensions. */
static void order_dims(report_agg *a)
{
	unsigned char placed[REPORT_MAX_DIMS] = { 0 };
	size_t rank[REPORT_MAX_DIMS], k, i, j;

	for (i = 0; i < a->ndims; i++) {
		rank[i] = REPORT_MAX_DIMS + i;
		for (j = 0; j < a->nhint; j++)
			if (!strcmp(a->hint[j], a->dims[i]))
				rank[i] = j;
	}
	for (k = 0; k < a->ndims; k++) {
		size_t pick = SIZE_MAX, first = SIZE_MAX;

		for (i = 0; i < a->ndims; i++) {
			int free_ = 1;

			if (placed[i])
				continue;
			if (first == SIZE_MAX || rank[i] < rank[first])
				first = i;
			for (j = 0; j < a->ndims && free_; j++)
				if (!placed[j] && j != i && a->before[j][i])
					free_ = 0;
			if (free_ && (pick == SIZE_MAX || rank[i] < rank[pick]))
				pick = i;
		}
		if (pick == SIZE_MAX)
			pick = first;
		placed[pick] = 1;
		a->order[k] = pick;
	}
	a->ordered = 1;
}

int report_agg_set_order(report_agg *a, const char *const *dims, size_t n)
{
	size_t i;

	for (i = 0; i < a->nhint; i++)
		free(a->hint[i]);
	a->nhint = 0;
	for (i = 0; i < n && i < REPORT_MAX_DIMS; i++) {
		if (!(a->hint[i] = strdup(dims[i])))
			return -1;
		a->nhint++;
	}
	a->ordered = 0;
	return 0;
}

const char *report_agg_lexicon(const report_agg *a)
{
	return a->lexicon;
}

/* --- examples ---------------------------------------------------------------------- */

static char *dup_cut(const char *s, size_t max)
{
	size_t n = strlen(s);
	char *d;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static void example_release(struct report_example *e)
{
	size_t i;

	free((char *)e->id);
	free((char *)e->lang);
	free((char *)e->title);
	free((char *)e->uri);
	free((char *)e->locator);
	free((char *)e->url);
	free((char *)e->excerpt);
	for (i = 0; i < e->nmarks; i++)
		free((char *)e->marks[i].term);
	free((struct report_mark *)e->marks);
	memset(e, 0, sizeof *e);
}

/* Whether `score` at `seq` is better than `than` for direction `dir`: further from 0 in
 * that direction, and on a tie the earlier document. */
static int better(int dir, double score, long long seq, const struct report_example *than)
{
	if (score != than->score)
		return dir == REPORT_POS ? score > than->score : score < than->score;
	return seq < than->seq;
}

static int qualifies(const report_agg *a, const struct ex_list *l, int dir, double score,
		     long long seq)
{
	if (!a->examples)
		return 0;
	if (dir == REPORT_POS ? !(score > 0) : !(score < 0))
		return 0;
	return l->n < a->examples || better(dir, score, seq, &l->ex[l->n - 1]);
}

static int boundary(const char *t, size_t len, long long at)
{
	return at >= 0 && (size_t)at <= len &&
	       ((size_t)at == len || ((unsigned char)t[at] & 0xC0) != 0x80);
}

static long long snap_start(const struct report_doc *d, long long s)
{
	if (s < 0)
		s = 0;
	while (!boundary(d->text, d->text_len, s))
		s++;
	return s;
}

static long long snap_end(const struct report_doc *d, long long e)
{
	if ((size_t)e > d->text_len)
		e = (long long)d->text_len;
	while (!boundary(d->text, d->text_len, e))
		e--;
	return e;
}

/* The stretch of text to show around `v`: its sentence when the record says which, else
 * a window; at most REPORT_EXCERPT_BYTES bytes, always holding the evidence. */
static void segment_of(const struct report_doc *d, const struct ev *v, long long seg[2])
{
	long long s = -1, e = -1;

	if (d->sentences && v->sentence >= 0 && (size_t)(2 * v->sentence + 1) < d->nsentences) {
		s = d->sentences[2 * v->sentence];
		e = d->sentences[2 * v->sentence + 1];
	}
	if (!(s <= v->start && v->end <= e && boundary(d->text, d->text_len, s) &&
	      boundary(d->text, d->text_len, e))) {
		s = v->start - WINDOW;
		e = v->end + WINDOW;
	}
	if (e - s > REPORT_EXCERPT_BYTES) {
		long long s2 = v->start - REPORT_EXCERPT_BYTES / 4;

		s = s2 > s ? s2 : s;
		e = s + REPORT_EXCERPT_BYTES < e ? s + REPORT_EXCERPT_BYTES : e;
		if (e < v->end)
			e = v->end;
	}
	seg[0] = snap_start(d, s);
	seg[1] = snap_end(d, e);
}

/* Whether only spaces lie between two segments, so they read as one stretch of text. */
static int blank(const struct report_doc *d, long long from, long long to)
{
	long long i;

	for (i = from; i < to; i++)
		if (d->text[i] != ' ' && d->text[i] != '\t')
			return 0;
	return 1;
}

static int cmp_ev(const void *pa, const void *pb)
{
	const struct ev *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

#define SEP " \xE2\x80\xA6 "  /* " … " between excerpt segments */

/* Fills the excerpt and marks of `e` from the evidence `v` (sorted here). */
static int make_excerpt(const struct report_doc *d, struct ev *v, size_t nv,
			struct report_example *e)
{
	long long seg[REPORT_EXCERPT_SEGMENTS][2], cur[2], last_end = -1;
	size_t nseg = 0, i, k, len = 0, off[REPORT_EXCERPT_SEGMENTS];
	struct report_mark *marks;
	char *x;

	qsort(v, nv, sizeof *v, cmp_ev);
	for (i = 0; i < nv; i++) {
		segment_of(d, &v[i], cur);
		if (nseg && (cur[0] <= seg[nseg - 1][1] || blank(d, seg[nseg - 1][1], cur[0]))) {
			if (cur[1] > seg[nseg - 1][1] &&
			    cur[1] - seg[nseg - 1][0] <= 2 * REPORT_EXCERPT_BYTES)
				seg[nseg - 1][1] = cur[1];
			continue;
		}
		if (nseg == REPORT_EXCERPT_SEGMENTS)
			break;
		seg[nseg][0] = cur[0];
		seg[nseg][1] = cur[1];
		nseg++;
	}
	for (k = 0; k < nseg; k++) {
		off[k] = len + (k ? strlen(SEP) : 0);
		len = off[k] + (size_t)(seg[k][1] - seg[k][0]);
	}
	x = malloc(len + 1);
	marks = calloc(nv ? nv : 1, sizeof *marks);
	if (!x || !marks) {
		free(x);
		free(marks);
		return -1;
	}
	for (k = 0; k < nseg; k++) {
		if (k)
			memcpy(x + off[k] - strlen(SEP), SEP, strlen(SEP));
		memcpy(x + off[k], d->text + seg[k][0], (size_t)(seg[k][1] - seg[k][0]));
	}
	x[len] = '\0';
	e->excerpt = x;
	e->excerpt_len = len;
	e->marks = marks;
	for (i = 0; i < nv; i++) {
		if (v[i].start < last_end)
			continue;  /* overlaps the previous mark: one highlight is enough */
		for (k = 0; k < nseg; k++)
			if (seg[k][0] <= v[i].start && v[i].end <= seg[k][1])
				break;
		if (k == nseg)
			continue;
		marks[e->nmarks].start = off[k] + (size_t)(v[i].start - seg[k][0]);
		marks[e->nmarks].end = off[k] + (size_t)(v[i].end - seg[k][0]);
		marks[e->nmarks].dim = v[i].dim;
		marks[e->nmarks].term = strdup(v[i].term);
		if (!marks[e->nmarks].term)
			return -1;
		e->nmarks++;
		last_end = v[i].end;
	}
	return 0;
}

/* The aggregate's copy of dimension name `name` (marks outlive the record). */
static const char *dim_name(const report_agg *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->ndims; i++)
		if (!strcmp(a->dims[i], name))
			return a->dims[i];
	return "";
}

/* Collects the evidence of one signal (or of all, `sig` NULL) that fits the text. */
static size_t gather(const report_agg *a, const struct report_doc *d,
		     const struct report_signal *sig, const char *dimname, struct ev *v, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < d->nsig; i++) {
		const struct report_signal *s = &d->sig[i];

		if (sig && s != sig)
			continue;
		for (j = 0; j < s->nev; j++) {
			const struct report_evidence *ev = &s->ev[j];

			if (!report_doc_span_ok(d, ev->start, ev->end))
				continue;  /* counted in add_terms */
			if (n == max)
				return n;
			v[n].start = ev->start;
			v[n].end = ev->end;
			v[n].sentence = ev->has_sentence ? ev->sentence : -1;
			v[n].term = ev->term;
			v[n].dim = sig ? dimname : dim_name(a, s->dim);
			n++;
		}
	}
	return n;
}

static size_t evidence_count(const struct report_doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nsig; i++)
		n += d->sig[i].nev;
	return n;
}

static int fill_example(const report_agg *a, const struct report_doc *d,
			const struct report_signal *sig, const char *dimname,
			struct report_example *e)
{
	size_t max = sig ? sig->nev : evidence_count(d);
	struct ev *v = malloc((max ? max : 1) * sizeof *v);
	size_t nv;
	int rc;

	if (!v)
		return -1;
	nv = gather(a, d, sig, dimname, v, max);
	e->id = dup_cut(d->id, FIELD_MAX);
	e->lang = dup_cut(d->lang, FIELD_MAX);
	e->title = dup_cut(d->title, TITLE_MAX);
	e->uri = dup_cut(d->uri, FIELD_MAX);
	e->locator = dup_cut(d->locator, FIELD_MAX);
	e->url = dup_cut(d->url, FIELD_MAX);
	rc = make_excerpt(d, v, nv, e);
	free(v);
	if (rc < 0 || !e->id || !e->lang || !e->title || !e->uri || !e->locator || !e->url)
		return -1;
	return 0;
}

/* Offers a candidate to list `l`: builds its excerpt only when it gets a place. */
static int offer(report_agg *a, struct ex_list *l, int dir, const struct report_doc *d,
		 const struct report_signal *sig, const char *dimname, int pol, double score)
{
	struct report_example e;
	size_t pos;

	if (!qualifies(a, l, dir, score, a->documents))
		return 0;
	if (!l->ex) {
		l->ex = calloc(a->examples, sizeof *l->ex);
		if (!l->ex)
			return -1;
	}
	memset(&e, 0, sizeof e);
	e.polarity = pol;
	e.score = score;
	e.seq = a->documents;
	if (fill_example(a, d, sig, dimname, &e) < 0) {
		example_release(&e);
		return -1;
	}
	if (l->n == a->examples)
		example_release(&l->ex[--l->n]);
	for (pos = l->n; pos > 0 && better(dir, score, e.seq, &l->ex[pos - 1]); pos--)
		;
	memmove(&l->ex[pos + 1], &l->ex[pos], (l->n - pos) * sizeof *l->ex);
	l->ex[pos] = e;
	l->n++;
	return 0;
}

/* --- adding a document ------------------------------------------------------------- */

static int add_terms(report_agg *a, struct lang_acc *l, size_t id, const struct report_doc *d,
		     const struct report_signal *sig)
{
	size_t j;

	if (!l->terms[id] && !(l->terms[id] = report_topk_new(a->counters)))
		return -1;
	if (!a->all_terms[id] && !(a->all_terms[id] = report_topk_new(a->counters)))
		return -1;
	for (j = 0; j < sig->nev; j++) {
		const struct report_evidence *ev = &sig->ev[j];

		if (!report_doc_span_ok(d, ev->start, ev->end))
			a->bad_evidence++;
		if (report_topk_add(l->terms[id], ev->term, ev->term_len, 1) < 0 ||
		    report_topk_add(a->all_terms[id], ev->term, ev->term_len, 1) < 0)
			return -1;
	}
	return 0;
}

static int add_source(report_agg *a, const struct report_doc *d)
{
	size_t nk = strlen(d->kind), nh = strlen(d->host);
	char key[512];

	if (nk > 200)
		nk = 200;
	memcpy(key, d->kind, nk);
	key[nk] = '\t';
	memcpy(key + nk + 1, d->host, nh);
	return report_topk_add(a->sources, key, nk + 1 + nh, 1);
}

int report_agg_add(report_agg *a, const struct report_doc *d)
{
	struct lang_acc *l = lang_get(a, d->lang);
	size_t i, k, id, seen[REPORT_MAX_DIMS], nseen = 0;
	int oom = 0;

	if (!l)
		return -1;
	if (!a->lexicon && *d->lexicon && !(a->lexicon = strdup(d->lexicon)))
		return -1;
	a->documents++;
	l->pub.documents++;
	l->pub.sentiment[d->sentiment]++;
	if (d->nsig)
		l->pub.with_signals++;
	if (add_source(a, d) < 0)
		return -1;
	for (i = 0; i < d->nsig; i++) {
		const struct report_signal *s = &d->sig[i];
		const char *dim = s->dim;
		int pol = s->polarity;
		double score = s->score;

		id = dim_get(a, dim, &oom);
		if (oom)
			return -1;
		if (id == SIZE_MAX) {
			a->dropped++;
			continue;
		}
		for (k = 0; k < nseen; k++)
			if (!a->before[seen[k]][id]) {
				a->before[seen[k]][id] = 1;
				a->ordered = 0;
			}
		if (nseen < REPORT_MAX_DIMS)
			seen[nseen++] = id;
		l->cells[id][pol]++;
		if (add_terms(a, l, id, d, s) < 0)
			return -1;
		if (offer(a, &a->ex[id][0], REPORT_POS, d, s, a->dims[id], pol, score) < 0 ||
		    offer(a, &a->ex[id][1], REPORT_NEG, d, s, a->dims[id], pol, score) < 0)
			return -1;
	}
	if (offer(a, &a->ex[REPORT_MAX_DIMS][0], REPORT_POS, d, NULL, NULL, d->sentiment,
		  d->sentiment_score) < 0 ||
	    offer(a, &a->ex[REPORT_MAX_DIMS][1], REPORT_NEG, d, NULL, NULL, d->sentiment,
		  d->sentiment_score) < 0)
		return -1;
	return 0;
}

/* --- reading the aggregates -------------------------------------------------------- */

long long report_agg_documents(const report_agg *a) { return a->documents; }
long long report_agg_dropped_signals(const report_agg *a) { return a->dropped; }
long long report_agg_bad_evidence(const report_agg *a) { return a->bad_evidence; }
size_t report_agg_nlangs(const report_agg *a) { return a->nlangs; }
size_t report_agg_ndims(const report_agg *a) { return a->ndims; }
const report_topk *report_agg_sources(const report_agg *a) { return a->sources; }

static int cmp_lang(const void *pa, const void *pb)
{
	const struct lang_acc *const *a = pa, *const *b = pb;

	return strcmp((*a)->name, (*b)->name);
}

const struct report_lang *report_agg_lang(const report_agg *a, size_t i)
{
	if (!a->langs_sorted) {
		report_agg *m = (report_agg *)a;  /* sorting is a cache, not a change */

		qsort(m->langs, m->nlangs, sizeof *m->langs, cmp_lang);
		m->langs_sorted = 1;
	}
	return i < a->nlangs ? &a->langs[i]->pub : NULL;
}

static void ensure_order(const report_agg *a)
{
	if (!a->ordered)
		order_dims((report_agg *)a);  /* ordering is a cache, not a change */
}

const char *report_agg_dim(const report_agg *a, size_t i)
{
	ensure_order(a);
	return i < a->ndims ? a->dims[a->order[i]] : NULL;
}

void report_agg_cell(const report_agg *a, size_t lang, size_t dim, long long n[REPORT_NPOL])
{
	size_t i, p, id;

	ensure_order(a);
	id = a->order[dim];
	report_agg_lang(a, 0);
	for (p = 0; p < REPORT_NPOL; p++)
		n[p] = 0;
	for (i = 0; i < a->nlangs; i++)
		if (lang == REPORT_ALL || lang == i)
			for (p = 0; p < REPORT_NPOL; p++)
				n[p] += a->langs[i]->cells[id][p];
}

const report_topk *report_agg_terms(const report_agg *a, size_t lang, size_t dim)
{
	size_t id;

	ensure_order(a);
	id = a->order[dim];
	report_agg_lang(a, 0);
	if (lang == REPORT_ALL)
		return a->all_terms[id];
	return lang < a->nlangs ? a->langs[lang]->terms[id] : NULL;
}

const struct report_example *report_agg_examples(const report_agg *a, size_t dim, int dir,
						 size_t *n)
{
	const struct ex_list *l;

	ensure_order(a);
	l = &a->ex[dim == REPORT_DOCUMENT ? REPORT_MAX_DIMS : a->order[dim]][dir == REPORT_NEG];
	*n = l->n;
	return l->ex;
}

void report_agg_free(report_agg *a)
{
	size_t i, j, k;

	if (!a)
		return;
	for (i = 0; i < a->nlangs; i++) {
		for (j = 0; j < REPORT_MAX_DIMS; j++)
			report_topk_free(a->langs[i]->terms[j]);
		free(a->langs[i]->terms);
		free(a->langs[i]->cells);
		free(a->langs[i]->name);
		free(a->langs[i]);
	}
	for (i = 0; i <= REPORT_MAX_DIMS; i++)
		for (k = 0; k < 2; k++) {
			for (j = 0; j < a->ex[i][k].n; j++)
				example_release(&a->ex[i][k].ex[j]);
			free(a->ex[i][k].ex);
		}
	for (i = 0; i < a->ndims; i++) {
		free(a->dims[i]);
		report_topk_free(a->all_terms[i]);
	}
	for (i = 0; i < a->nhint; i++)
		free(a->hint[i]);
	free(a->lexicon);
	report_topk_free(a->sources);
	free(a);
}

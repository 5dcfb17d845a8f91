#include "cxs_buf.h"
#include "cxs_scorer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "cxs_utf8.h"

#define NONE SIZE_MAX

/* What a sentence holds of aspect terms: any, and any before or after its last contrast
 * word */
#define ASPECT_IN 1
#define ASPECT_BEFORE 2
#define ASPECT_AFTER 4

struct near {
	size_t dist, order;
	double v;
};

struct cxs_scorer {
	const cxs_lexicon *lx;
	size_t ndims;
	/* per dimension */
	double *raw;
	double *strength;  /* per dimension: summed weights, a whole 1 per opinionated hit */
	size_t *hits;
	struct cxs_evidence *ev;      /* ndims × CXS_MAX_EVIDENCE */
	size_t *nev;
	struct cxs_signal *signals;
	/* per token */
	size_t *clause;
	size_t captok;
	/* per unit: 1 + index of the negator / intensifier match ending there, 0 if none;
	 * neg_start: of the negator starting there */
	size_t *neg_end, *int_end, *neg_start;
	unsigned char *pol_cover;
	size_t capunit;
	/* per sentence */
	size_t *first_contrast, *last_contrast, *last_tok;
	int *excl;
	size_t capsent;
	unsigned char *sent_aspect;   /* per sentence: ASPECT_IN, _BEFORE, _AFTER (below) */
	size_t capsentasp;
	unsigned char *contrast_end;  /* per unit: whether a contrast word ends there */
	size_t capcontrast;
	/* per polarity match: its index and adjusted valence */
	size_t *pol;
	double *pv;
	size_t cappol;
	struct near *near;
	size_t capnear;
	int caps_state;               /* -1 not looked at, 0 text all caps, 1 has lower case */
	int explain;                  /* cxs_scorer_explain */
	struct cxs_opinion *ops;      /* explained: the hits' polarity words, in hit order */
	size_t nops, capops;
};

/* Grows the companion arrays of one capacity in step: `*cap` is only raised when all
 * of them have the room. */
static int grow_all(size_t *cap, size_t need, void *a, size_t sa, void *b, size_t sb,
		    void *c, size_t sc, void *d, size_t sd)
{
	void **arr[4] = { a, b, c, d };
	size_t sz[4] = { sa, sb, sc, sd }, ncap = *cap ? *cap : 64, i;

	if (need <= *cap)
		return 0;
	while (ncap < need)
		ncap *= 2;
	for (i = 0; i < 4; i++) {
		void *np;
		if (!arr[i])
			continue;
		np = realloc(*arr[i], ncap * sz[i]);
		if (!np)
			return -1;
		*arr[i] = np;
	}
	*cap = ncap;
	return 0;
}

cxs_scorer *cxs_scorer_new(const cxs_lexicon *lx, cxs_err *err)
{
	cxs_scorer *sc = calloc(1, sizeof(*sc));
	size_t nd = cxs_lexicon_ndims(lx);

	if (!sc)
		goto nomem;
	sc->lx = lx;
	sc->ndims = nd;
	sc->raw = calloc(nd + 1, sizeof(*sc->raw));
	sc->strength = calloc(nd + 1, sizeof(*sc->strength));
	sc->hits = calloc(nd + 1, sizeof(*sc->hits));
	sc->nev = calloc(nd + 1, sizeof(*sc->nev));
	sc->ev = calloc((nd + 1) * CXS_MAX_EVIDENCE, sizeof(*sc->ev));
	sc->signals = calloc(nd + 1, sizeof(*sc->signals));
	if (!sc->raw || !sc->strength || !sc->hits || !sc->nev || !sc->ev || !sc->signals)
		goto nomem;
	return sc;
nomem:
	cxs_scorer_free(sc);
	cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return NULL;
}

void cxs_scorer_free(cxs_scorer *sc)
{
	if (!sc)
		return;
	free(sc->ops);
	free(sc->raw);
	free(sc->strength);
	free(sc->hits);
	free(sc->ev);
	free(sc->nev);
	free(sc->signals);
	free(sc->clause);
	free(sc->neg_end);
	free(sc->neg_start);
	free(sc->int_end);
	free(sc->pol_cover);
	free(sc->first_contrast);
	free(sc->last_contrast);
	free(sc->last_tok);
	free(sc->excl);
	free(sc->sent_aspect);
	free(sc->contrast_end);
	free(sc->pol);
	free(sc->pv);
	free(sc->near);
	free(sc);
}

/* ---------------------------------------------------------------- numbers */

/* Square root by Newton's method: the stages link no libm, and y ≥ 15 here. */
static double root(double y)
{
	/* start above the root, as y itself would, but nearer: y/8 + 2 - √y = (√y - 4)²/8,
	 * so the iterates fall to the root from above in about half the steps */
	double r = y > 1 ? y / 8 + 2 : 1;
	int i;

	for (i = 0; i < 200; i++) {
		double next = 0.5 * (r + y / r);
		if (next == r || (next > r && i > 0))
			break;   /* converged, or started to oscillate by one unit */
		r = next;
	}
	return r;
}

static double round4(double x)
{
	long long q = (long long)(x * 10000.0 + (x >= 0 ? 0.5 : -0.5));

	return q ? (double)q / 10000.0 : 0.0;   /* no "-0.0" in the output */
}

double cxs_score_normalize(double raw)
{
	return round4(raw / root(raw * raw + CXS_NORM_ALPHA));
}

const char *cxs_score_polarity(double score)
{
	if (score >= CXS_POLARITY_THRESHOLD)
		return "positive";
	if (score <= -CXS_POLARITY_THRESHOLD)
		return "negative";
	return "neutral";
}

/* VADER's ±0.05 band is for a whole text, where a faint sum of many words is fairly
 * called neutral. An aspect hit takes one or two words, divided by their distance: a
 * judgement a few words away ("the food here is rather good") is faint but not neutral,
 * and reviews rarely mention an aspect neutrally while judging it. */
const char *cxs_signal_polarity(double score)
{
	return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
}

static double sign(double v)
{
	return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- clauses */

static int inside_longer(const struct cxs_matches *mm, size_t i, unsigned roles);

/* Numbers the clauses of the doc per token and notes each sentence's last token and
 * contrast words. A contrast word inside a longer negator or polarity word is part of
 * it: "anything but friendly" denies, it does not turn the sentence. */
static void find_clauses(cxs_scorer *sc, const struct cxs_doc *d, const struct cxs_matches *mm)
{
	size_t t, i, c = 0;

	for (i = 0; i < d->nsent; i++) {
		sc->first_contrast[i] = sc->last_contrast[i] = sc->last_tok[i] = NONE;
		sc->excl[i] = -1;
	}
	/* contrast words open a clause: mark their first tokens (reusing pol_cover is not
	 * possible for zh, so the clause array holds the marks first) */
	for (t = 0; t < d->ntok; t++)
		sc->clause[t] = 0;
	for (i = 0; i < mm->n; i++) {
		const struct cxs_match *m = &mm->m[i];
		if (m->role != CXS_ROLE_CONTRAST ||
		    inside_longer(mm, i, 1u << CXS_ROLE_NEGATOR | 1u << CXS_ROLE_POLARITY))
			continue;
		sc->clause[m->t0] = 1;
		sc->contrast_end[m->u1] = 1;
		if (sc->first_contrast[m->sent] == NONE)
			sc->first_contrast[m->sent] = m->u0;
		sc->last_contrast[m->sent] = m->u0;
	}
	for (t = 0; t < d->ntok; t++) {
		int mark = (int)sc->clause[t];

		if (t > 0 && (d->tok_sent[t] != d->tok_sent[t - 1] || mark ||
			      cxs_clause_break(d->text + d->tok[2 * t - 1],
					       d->tok[2 * t] - d->tok[2 * t - 1], 1)))
			c++;
		sc->clause[t] = c;
		sc->last_tok[d->tok_sent[t]] = t;
	}
}

/* ---------------------------------------------------------------- emphasis */

/* Counts upper- and lower-case letters in text[s, e), up to the first lower-case one:
 * both callers have their answer then. ASCII is told without ICU (its only cased
 * letters are A-Z and a-z): it is most letters of sv, es and en. */
static void letter_cases(const char *text, size_t s, size_t e, size_t *upper, size_t *lower)
{
	while (s < e && !*lower) {
		size_t n;
		unsigned c = (unsigned char)text[s];

		if (c < 0x80) {
			*upper += c - 'A' < 26;
			*lower += c - 'a' < 26;
			s++;
			continue;
		}
		c = cxs_utf8_decode(text + s, e - s, &n);
		if (u_isUUppercase((UChar32)c))
			(*upper)++;
		else if (u_isULowercase((UChar32)c))
			(*lower)++;
		s += n;
	}
}

/* VADER's ALL-CAPS rule: the word is in capitals, the text is not. */
static int caps_emphasis(cxs_scorer *sc, const struct cxs_doc *d, const struct cxs_match *p)
{
	size_t up = 0, low = 0, t;

	for (t = p->t0; t < p->t1; t++)
		letter_cases(d->text, d->tok[2 * t], d->tok[2 * t + 1], &up, &low);
	if (low || up < 2)
		return 0;
	if (sc->caps_state < 0) {
		up = low = 0;
		for (t = 0; t < d->ntok && !low; t++)
			letter_cases(d->text, d->tok[2 * t], d->tok[2 * t + 1], &up, &low);
		sc->caps_state = low > 0;
	}
	return sc->caps_state;
}

/* '!' (ASCII or full width) after the last token of sentence `s`, at most 3. */
static int exclamations(cxs_scorer *sc, const struct cxs_doc *d, size_t s)
{
	size_t i, end, n = 0;

	if (sc->excl[s] >= 0)
		return sc->excl[s];
	i = d->tok[2 * sc->last_tok[s] + 1];
	end = d->sent[2 * s + 1];
	for (; i < end && i < d->len; i++) {
		if (d->text[i] == '!')
			n++;
		else if (i + 2 < end && memcmp(d->text + i, "\xEF\xBC\x81", 3) == 0)
			n++;
	}
	sc->excl[s] = (int)(n > CXS_EXCLAMATION_MAX ? CXS_EXCLAMATION_MAX : n);
	return sc->excl[s];
}

/* ---------------------------------------------------------------- polarity */

static size_t clause_of_unit(const cxs_scorer *sc, const struct cxs_matches *mm, size_t u)
{
	return sc->clause[mm->unit_tok ? mm->unit_tok[u] : u];
}

/* Multiplies in the intensifiers of the chain of modifiers (intensifiers and negators)
 * right before the polarity word: at most 3 tokens back, or 3 modifiers for zh. */
static double intensify(const cxs_scorer *sc, const struct cxs_matches *mm,
			const struct cxs_match *p, double v)
{
	size_t u = p->u0, steps = 0, pc = sc->clause[p->t0];

	while (u > 0 && steps < 3) {
		size_t k = sc->int_end[u] ? sc->int_end[u] : sc->neg_end[u];
		const struct cxs_match *m;

		if (!k)
			break;
		m = &mm->m[k - 1];
		if (sc->clause[m->t0] != pc || (!mm->by_chars && m->u0 + 3 < p->u0))
			break;
		if (m->role == CXS_ROLE_INTENSIFIER)
			v *= m->e->multiplier;
		u = m->u0;
		steps++;
	}
	return v;
}

/* An intensifier above 1 that ends where the negator m ends and lies inside it: the 太
 * of 不太. */
static int holds_intensifier(const cxs_scorer *sc, const struct cxs_matches *mm,
			     const struct cxs_match *m)
{
	size_t k = sc->int_end[m->u1];

	return k && mm->m[k - 1].u0 >= m->u0 && mm->m[k - 1].e->multiplier > 1;
}

/* The number of negators that reach the polarity word: one ending within the 3 tokens
 * before it in its clause (VADER's window); for zh one before it in its clause with at
 * most 2 characters between them besides other modifiers (不好吃, 不是很好, 没有那么好).
 * For zh, *hedged says whether the nearest negator negates an intensifier above 1, after
 * it or inside it (不是很好, 没那么好, 不太好): "not very good" is a polite complaint,
 * milder than "not good", where the rules before would have made it stronger. */
static int negations(const cxs_scorer *sc, const struct cxs_matches *mm,
		     const struct cxs_match *p, int *hedged)
{
	size_t pc = sc->clause[p->t0], u, gap = 0;
	int n = 0, strong = 0;

	*hedged = 0;

	if (!mm->by_chars) {
		for (u = p->u0; u > 0 && u + 3 > p->u0; u--) {
			size_t k = sc->neg_end[u];
			if (k && sc->clause[mm->m[k - 1].t0] == pc)
				n++;
		}
		return n;
	}
	u = p->u0;
	while (u > 0) {
		size_t k = sc->neg_end[u] ? sc->neg_end[u] : sc->int_end[u];

		if (k) {
			const struct cxs_match *m = &mm->m[k - 1];
			if (sc->clause[m->t0] != pc)
				break;
			if (m->role == CXS_ROLE_NEGATOR && !n++)
				*hedged = strong || holds_intensifier(sc, mm, m);
			strong |= m->role == CXS_ROLE_INTENSIFIER && m->e->multiplier > 1;
			u = m->u0;
			continue;
		}
		if (clause_of_unit(sc, mm, u - 1) != pc || ++gap > 2)
			break;
		u--;
	}
	return n;
}

/* Whether a negator marked `after` (LANG.neg) starts right after the positive polarity
 * word, at most one token between, in its clause, and has no polarity word of its own
 * in the 3 tokens after it: "rekommenderar inte", "fungerade tyvärr inte" are negated,
 * but in "snabb och inte dyr" the negator belongs to "dyr". Negative words are left
 * alone: before a negator they are mostly sentence adverbs the negation does not turn
 * ("tyvärr inte", "dessvärre inte"). Word languages only. */
static int negated_after(const cxs_scorer *sc, const struct cxs_matches *mm,
			 const struct cxs_match *p)
{
	size_t pc = sc->clause[p->t0], u, v;

	if (mm->by_chars || p->e->valence <= 0)
		return 0;
	for (u = p->u1; u < mm->nunits && u <= p->u1 + 1 && sc->clause[u] == pc; u++) {
		const struct cxs_match *m;

		if (!sc->neg_start[u])
			continue;
		m = &mm->m[sc->neg_start[u] - 1];
		if (!m->e->neg_after)
			return 0;
		for (v = m->u1; v < mm->nunits && v < m->u1 + 3 && sc->clause[v] == pc; v++)
			if (sc->pol_cover[v])
				return 0;
		return 1;
	}
	return 0;
}

static double polarity_value(cxs_scorer *sc, const struct cxs_doc *d,
			     const struct cxs_matches *mm, const struct cxs_match *p)
{
	double v = p->e->valence;
	int hedged;

	if (v != 0 && caps_emphasis(sc, d, p))
		v += sign(v) * CXS_CAPS_INCREMENT;
	v = intensify(sc, mm, p, v);
	/* negated once however many negators reach it: Spanish and Swedish stack negators
	 * for one negation ("no era ni buena", "aldrig inte"), they do not cancel out */
	if (negations(sc, mm, p, &hedged) > 0)
		v *= hedged ? CXS_HEDGED_NEGATION_SCALAR : CXS_NEGATION_SCALAR;
	else if (negated_after(sc, mm, p))
		v *= CXS_NEGATION_SCALAR;
	if (sc->last_contrast[p->sent] != NONE && sc->last_contrast[p->sent] > p->u0)
		v *= CXS_CONTRAST_BEFORE;
	else if (sc->first_contrast[p->sent] != NONE && sc->first_contrast[p->sent] < p->u0)
		v *= CXS_CONTRAST_AFTER;
	v += sign(v) * CXS_EXCLAMATION_INCREMENT * exclamations(sc, d, p->sent);
	return v;
}

/* The sentence of unit `u`. */
static size_t sent_of_unit(const struct cxs_doc *d, const struct cxs_matches *mm, size_t u)
{
	return d->tok_sent[mm->unit_tok ? mm->unit_tok[u] : u];
}

/* Whether polarity match `p` counts where it stands. A word marked `initial` in LANG.sent
 * is one only when nothing but negators comes before it in its sentence, or in the part
 * a contrast word opens: the imperative "Try the curry", "Don't get the curry" or "nice
 * place, but skip the curry" recommends or warns, while "we will try the curry" or "you
 * get the curry with rice" judges nothing. */
static int polarity_here(const cxs_scorer *sc, const struct cxs_doc *d,
			 const struct cxs_matches *mm, const struct cxs_match *p)
{
	size_t u = p->u0;

	if (!p->e->initial)
		return 1;
	while (u > 0 && sent_of_unit(d, mm, u - 1) == p->sent) {
		size_t k = sc->neg_end[u];

		if (!k)
			return sc->contrast_end[u];
		u = mm->m[k - 1].u0;
	}
	return 1;
}

/* ---------------------------------------------------------------- aspects */

static size_t distance(const struct cxs_match *a, const struct cxs_match *p)
{
	if (a->t1 <= p->t0)
		return p->t0 - (a->t1 - 1);
	if (p->t1 <= a->t0)
		return a->t0 - (p->t1 - 1);
	return 0;
}

static int near_before(const struct near *a, const struct near *b)
{
	return a->dist != b->dist ? a->dist < b->dist : a->order < b->order;
}

/* Sorts the `n` polarity words near a hit, nearest first: a clause holds a few, where
 * qsort's set-up and indirect calls cost more than the sort (`order` is unique, so any
 * sort gives the one order). */
static void sort_near(struct near *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct near x = v[i];

		for (j = i; j > 0 && near_before(&x, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Whether polarity entry `p` judges aspect entry `a`: a word marked `for:DIMENSION` in
 * LANG.sent judges hits of that dimension only ("high" prices, not "high" ceilings). */
static int judges(const struct cxs_lex_entry *p, const struct cxs_lex_entry *a)
{
	size_t k;

	if (!p->only_dim)
		return 1;
	for (k = 0; k < a->naspects; k++)
		if (a->aspects[k].dim + 1 == p->only_dim)
			return 1;
	return 0;
}

/* Whether polarity match `p`, marked `for:DIMENSION`, has a hit of its dimension in its
 * sentence: only then is it an opinion of the record (its `sentiment`). */
static int its_hit(const struct cxs_match *p, const struct cxs_match *m)
{
	return m->role == CXS_ROLE_ASPECT && judges(p->e, m->e);
}

/* Matches are in text order, so only those of p's sentence, on either side of it, are
 * looked at: a long post with many such words stays linear. */
static int has_its_hit(const struct cxs_matches *mm, const struct cxs_match *p)
{
	size_t i = (size_t)(p - mm->m), j;

	for (j = i; j > 0 && mm->m[j - 1].sent == p->sent; j--)
		if (its_hit(p, &mm->m[j - 1]))
			return 1;
	for (j = i + 1; j < mm->n && mm->m[j].sent == p->sent; j++)
		if (its_hit(p, &mm->m[j]))
			return 1;
	return 0;
}

/* The valence an aspect match takes from the polarity words of its clause, nearest
 * first (a fixed order keeps the floating-point sum reproducible). `*from` walks the
 * polarity matches along with the aspects, both in text order. */
static int add_near(cxs_scorer *sc, const struct cxs_matches *mm, const struct cxs_match *a,
		    size_t i, size_t *n)
{
	size_t lc = sc->last_contrast[a->sent];

	if (!judges(mm->m[sc->pol[i]].e, a->e))
		return 0;

	/* never across the contrast word of its sentence ("amable, pero la sopa": what
	 * follows "but" is judged apart), nor, when the words come from other sentences,
	 * beyond it; but a part after it that names no aspect goes on about the hits before
	 * it ("the dim sum however was very good", "I wanted to like the pasta, but it was
	 * bland") */
	if (lc != NONE && (mm->m[sc->pol[i]].u0 < lc) != (a->u0 < lc) &&
	    (mm->m[sc->pol[i]].sent != a->sent || a->u0 > lc ||
	     sc->sent_aspect[a->sent] & ASPECT_AFTER))
		return 0;
	if (cxs_array_grow(&sc->near, &sc->capnear, *n + 1, sizeof(*sc->near)) < 0)
		return -1;
	sc->near[*n].dist = distance(a, &mm->m[sc->pol[i]]);
	sc->near[*n].order = i;
	sc->near[*n].v = sc->pv[i];
	(*n)++;
	return 0;
}

/* The polarity words of other sentences for aspect hit `a`, of sentences without an aspect
 * term (in "The barista was rude. I had a flat white." rude judges the barista, not the
 * coffee; "Best." and "Ever." of "Best. Sushi. Ever." judge the sushi), at most
 * RECORD_REACH on each side of it (the nearest: the rest would weigh little after the
 * distance divides them, and a long record would cost hits × polarity words). `from` is
 * the first polarity word at or after its clause; a's own sentence has an aspect. */
#define RECORD_REACH 16

static int add_record(cxs_scorer *sc, const struct cxs_matches *mm, const struct cxs_match *a,
		      size_t npol, size_t from, size_t *n)
{
	size_t i, k;

	for (i = from, k = 0; i > 0 && k < RECORD_REACH; i--) {
		if (sc->sent_aspect[mm->m[sc->pol[i - 1]].sent])
			continue;
		k++;
		if (add_near(sc, mm, a, i - 1, n) < 0)
			return -1;
	}
	for (i = from, k = 0; i < npol && k < RECORD_REACH; i++) {
		if (sc->sent_aspect[mm->m[sc->pol[i]].sent])
			continue;
		k++;
		if (add_near(sc, mm, a, i, n) < 0)
			return -1;
	}
	return 0;
}

/* The strongest weight of the dimensions of aspect entry `e`. */
static double top_weight(const struct cxs_lex_entry *e)
{
	double w = 0;
	size_t k;

	for (k = 0; k < e->naspects; k++)
		if (e->aspects[k].weight > w)
			w = e->aspects[k].weight;
	return w;
}

static int share_dimension(const struct cxs_lex_entry *x, const struct cxs_lex_entry *y)
{
	size_t i, j;

	for (i = 0; i < x->naspects; i++)
		for (j = 0; j < y->naspects; j++)
			if (x->aspects[i].dim == y->aspects[j].dim)
				return 1;
	return 0;
}

/* Whether match `b` is an aspect hit that may take a polarity word from hit `a`: one of
 * another dimension, and no weak cue (a general word such as "place" judges nothing of
 * its own). */
#define RIVAL_WEIGHT 0.5

static int rival(const struct cxs_match *a, const struct cxs_match *b)
{
	return b != a && b->role == CXS_ROLE_ASPECT && !share_dimension(a->e, b->e) &&
	       top_weight(b->e) >= RIVAL_WEIGHT;
}

/* Whether a rival of hit `a` in its clause is nearer to polarity match `p` than `a` is:
 * in "the pasta was cold and the waiter rude", rude is the waiter's. */
static int nearer_rival(const cxs_scorer *sc, const struct cxs_matches *mm,
			const struct cxs_match *a, const struct cxs_match *p)
{
	size_t ac = sc->clause[a->t0], da = distance(a, p), i = (size_t)(a - mm->m), j;

	for (j = i; j > 0 && sc->clause[mm->m[j - 1].t0] == ac; j--)
		if (rival(a, &mm->m[j - 1]) && distance(&mm->m[j - 1], p) < da)
			return 1;
	for (j = i + 1; j < mm->n && sc->clause[mm->m[j].t0] == ac; j++)
		if (rival(a, &mm->m[j]) && distance(&mm->m[j], p) < da)
			return 1;
	return 0;
}

/* Leaves out of the `*n` polarity words of a's clause those a rival is nearer to, unless
 * that would leave none: coordinated aspects share their opinion ("great food and
 * service", where great is nearer to food). Returns whether it left any out. */
static int drop_rivals_words(cxs_scorer *sc, const struct cxs_matches *mm,
			     const struct cxs_match *a, size_t *n)
{
	size_t k, m = 0;

	for (k = 0; k < *n; k++)
		if (!nearer_rival(sc, mm, a, &mm->m[sc->pol[sc->near[k].order]]))
			sc->near[m++] = sc->near[k];
	if (!m)
		return 0;   /* near[] is untouched: nothing was moved over a kept word */
	k = *n;
	*n = m;
	return m < k;
}

/* The valence of aspect hit `a`: the polarity words of its clause, nearest first; when its
 * clause has none, those of its sentence ("great price, food and service": the list's
 * commas cut the clause); when its sentence has none, those of the whole record, whose
 * distance fades the far ones ("Best. Sushi. Ever." is three sentences to the segmenter;
 * "The pizza. Wow, amazing!"). `own` says whether the clause had any: OWN_SHARED when a
 * rival took some of them, so that the ones left judge it even if they sum to 0 (a word
 * of valence 0, "ok", is left to it: "great food, ok service" has no comma between). */
#define OWN_SHARED 2

static int hit_valence(cxs_scorer *sc, const struct cxs_matches *mm, const struct cxs_match *a,
		       size_t npol, size_t *from, double *out, int *own, int *reach,
		       size_t *nnear)
{
	size_t ac = sc->clause[a->t0], i, n = 0;
	double v = 0;

	while (*from < npol && sc->clause[mm->m[sc->pol[*from]].t0] < ac)
		(*from)++;
	for (i = *from; i < npol && sc->clause[mm->m[sc->pol[i]].t0] == ac; i++)
		if (add_near(sc, mm, a, i, &n) < 0)
			return -1;
	*own = n > 0;
	*reach = n ? CXS_REACH_CLAUSE : CXS_REACH_NONE;
	if (a->e->nearest_hit && drop_rivals_words(sc, mm, a, &n))
		*own = OWN_SHARED;
	if (!n) {
		for (i = *from; i > 0 && mm->m[sc->pol[i - 1]].sent == a->sent; i--)
			if (add_near(sc, mm, a, i - 1, &n) < 0)
				return -1;
		for (i = *from; i < npol && mm->m[sc->pol[i]].sent == a->sent; i++)
			if (add_near(sc, mm, a, i, &n) < 0)
				return -1;
		*reach = n ? CXS_REACH_SENTENCE : CXS_REACH_NONE;
	}
	if (!n) {
		if (add_record(sc, mm, a, npol, *from, &n) < 0)
			return -1;
		*reach = n ? CXS_REACH_RECORD : CXS_REACH_NONE;
	}
	sort_near(sc->near, n);
	for (i = 0; i < n; i++)
		v += sc->near[i].v / (double)(1 + sc->near[i].dist);
	*out = v;
	*nnear = n;
	return 0;
}

/* Keeps the nearest CXS_MAX_OPINIONS of the `n` polarity words hit_valence just summed
 * (sc->near, nearest first) as the explanation of a hit; sets `*op` and `*nop`. */
static int explain_hit(cxs_scorer *sc, const struct cxs_matches *mm, size_t n, size_t *op,
		       size_t *nop)
{
	size_t i;

	if (n > CXS_MAX_OPINIONS)
		n = CXS_MAX_OPINIONS;
	if (cxs_array_grow(&sc->ops, &sc->capops, sc->nops + n, sizeof(*sc->ops)) < 0)
		return -1;
	*op = sc->nops;
	*nop = n;
	for (i = 0; i < n; i++) {
		const struct cxs_match *p = &mm->m[sc->pol[sc->near[i].order]];
		struct cxs_opinion *o = &sc->ops[sc->nops++];

		o->start = p->start;
		o->end = p->end;
		o->valence = p->e->valence;
		o->value = sc->near[i].v / (double)(1 + sc->near[i].dist);
	}
	return 0;
}

void cxs_scorer_explain(cxs_scorer *sc, int on)
{
	sc->explain = on;
}

/* ---------------------------------------------------------------- run */

/* The strength of a hit of weight `w` that an opinion of its own clause judges. */
static double judged(double w)
{
	return 2 * w < 1.0 ? 2 * w : 1.0;
}

void cxs_scorer_empty(struct cxs_score *out)
{
	memset(out, 0, sizeof(*out));
	out->sentiment_polarity = cxs_score_polarity(0);
}

/* Units a term containing a negator can start before it: the longest such term in
 * cx-core spans 4 units (再也不来, 爱理不理); 8 leaves room for other packs. */
#define WORD_SPAN 8

/* Whether match `i` lies inside a longer match of one of `roles` (bits 1u << role). A
 * negator inside an aspect term, intensifier or contrast word (特别 holds 别, 不过 holds
 * 不, "sin gluten" holds "sin") is part of that word, as inside a polarity word, and
 * negates nothing (特别棒 is praise); an intensifier inside a negator (不太 holds 太) is
 * part of the negator. */
static int inside_longer(const struct cxs_matches *mm, size_t i, unsigned roles)
{
	const struct cxs_match *n = &mm->m[i], *m;
	size_t j;

	for (j = i; j > 0 && mm->m[j - 1].u0 + WORD_SPAN > n->u0; j--)
		;
	for (; j < mm->n && mm->m[j].u0 <= n->u0; j++) {
		m = &mm->m[j];
		if ((roles & (1u << m->role)) && m->u1 >= n->u1 &&
		    m->u1 - m->u0 > n->u1 - n->u0)
			return 1;
	}
	return 0;
}

/* Whether polarity match `i` spans the same units as an intensifier and another
 * polarity word starts right after it (at most one unit between) in its sentence: an
 * adverb formed from a judging adjective is a degree word before another judgement
 * ("incredibly rude", "ridiculously cheap", "increíblemente mala"), and Snowball gives
 * it the adjective's stem, so the adjective's valence would otherwise praise the rude
 * waiter. Alone ("it was incredible") it keeps its valence. */
static int degree_word(const struct cxs_matches *mm, size_t i)
{
	const struct cxs_match *p = &mm->m[i];
	size_t j, lo, hi;
	int same = 0, next = 0;

	for (lo = i; lo > 0 && mm->m[lo - 1].u0 + WORD_SPAN > p->u0; lo--)
		;
	for (hi = i + 1; hi < mm->n && mm->m[hi].u0 <= p->u1 + 1; hi++)
		;
	for (j = lo; j < hi; j++) {
		const struct cxs_match *m = &mm->m[j];

		if (m->role == CXS_ROLE_INTENSIFIER && m->u0 == p->u0 && m->u1 == p->u1)
			same = 1;
		else if (m->role == CXS_ROLE_POLARITY && j != i && m->sent == p->sent &&
			 m->u0 >= p->u1 && m->u0 <= p->u1 + 1)
			next = 1;
	}
	return same && next;
}

/* Whether polarity match `i` lies inside a longer intensifier: the "kind" of "kind of"
 * (a downtoner) is no praise, as a negator inside a polarity word is no negation; or is
 * an intensifier at once and acts as one (degree_word). */
static int part_of_intensifier(const struct cxs_matches *mm, size_t i)
{
	return inside_longer(mm, i, 1u << CXS_ROLE_INTENSIFIER) || degree_word(mm, i);
}

/* pol_cover: which units a polarity word (or an intensifier) spans */
#define COVER_POLARITY 1
#define COVER_INTENSIFIER 2

/* Whether a unit of `m` is covered by what `mask` names (a polarity word covers both). */
static int covered(const cxs_scorer *sc, const struct cxs_match *m, unsigned char mask)
{
	size_t u;

	for (u = m->u0; u < m->u1; u++)
		if (sc->pol_cover[u] & mask)
			return 1;
	return 0;
}

static int prepare(cxs_scorer *sc, const struct cxs_doc *d, const struct cxs_matches *mm)
{
	size_t i, npol = 0;

	if (cxs_array_grow(&sc->clause, &sc->captok, d->ntok + 1, sizeof(size_t)) < 0 ||
	    grow_all(&sc->capunit, mm->nunits + 1, &sc->neg_end, sizeof(size_t), &sc->int_end,
		     sizeof(size_t), &sc->pol_cover, 1, &sc->neg_start, sizeof(size_t)) < 0 ||
	    grow_all(&sc->capsent, d->nsent + 1, &sc->first_contrast, sizeof(size_t),
		     &sc->last_contrast, sizeof(size_t), &sc->last_tok, sizeof(size_t), &sc->excl,
		     sizeof(int)) < 0)
		return -1;
	for (i = 0; i < mm->n; i++)
		npol += mm->m[i].role == CXS_ROLE_POLARITY;
	if (grow_all(&sc->cappol, npol + 1, &sc->pol, sizeof(size_t), &sc->pv, sizeof(double),
		     NULL, 0, NULL, 0) < 0)
		return -1;
	memset(sc->neg_end, 0, (mm->nunits + 1) * sizeof(size_t));
	memset(sc->int_end, 0, (mm->nunits + 1) * sizeof(size_t));
	memset(sc->neg_start, 0, (mm->nunits + 1) * sizeof(size_t));
	memset(sc->pol_cover, 0, mm->nunits + 1);
	for (i = 0; i < mm->n; i++) {
		const struct cxs_match *m = &mm->m[i];
		/* an `initial` word may not count (polarity_here), nor one inside a longer
		 * intensifier (part_of_intensifier), so it swallows nothing */
		if (m->role == CXS_ROLE_POLARITY && !m->e->initial &&
		    !part_of_intensifier(mm, i))
			memset(sc->pol_cover + m->u0, COVER_POLARITY | COVER_INTENSIFIER,
			       m->u1 - m->u0);
	}
	/* a negator or intensifier inside a polarity word is part of it (not bad, 不错),
	 * not a modifier of what follows; so is a negator inside an intensifier (un poco,
	 * 特别): the intensifiers are placed first, but not over a longer negator (不太) */
	for (i = 0; i < mm->n; i++) {
		const struct cxs_match *m = &mm->m[i];
		size_t u;

		if (m->role != CXS_ROLE_INTENSIFIER || covered(sc, m, COVER_POLARITY))
			continue;
		sc->int_end[m->u1] = i + 1;
		if (inside_longer(mm, i, 1u << CXS_ROLE_NEGATOR))
			continue;   /* 不太: the negator stays, its 太 hedges it (negations) */
		for (u = m->u0; u < m->u1; u++)
			sc->pol_cover[u] |= COVER_INTENSIFIER;
	}
	for (i = 0; i < mm->n; i++) {
		const struct cxs_match *m = &mm->m[i];

		if (m->role != CXS_ROLE_NEGATOR || covered(sc, m, COVER_INTENSIFIER) ||
		    inside_longer(mm, i, 1u << CXS_ROLE_ASPECT | 1u << CXS_ROLE_INTENSIFIER |
				  1u << CXS_ROLE_CONTRAST))
			continue;
		sc->neg_end[m->u1] = i + 1;
		sc->neg_start[m->u0] = i + 1;
	}
	if (cxs_array_grow(&sc->sent_aspect, &sc->capsentasp, d->nsent + 1, 1) < 0 ||
	    cxs_array_grow(&sc->contrast_end, &sc->capcontrast, mm->nunits + 1, 1) < 0)
		return -1;
	memset(sc->contrast_end, 0, mm->nunits + 1);
	memset(sc->sent_aspect, 0, d->nsent + 1);
	find_clauses(sc, d, mm);
	for (i = 0; i < mm->n; i++)
		if (mm->m[i].role == CXS_ROLE_ASPECT) {
			size_t lc = sc->last_contrast[mm->m[i].sent];

			sc->sent_aspect[mm->m[i].sent] |= ASPECT_IN | (lc == NONE ? 0 :
				mm->m[i].u0 < lc ? ASPECT_BEFORE : ASPECT_AFTER);
		}
	sc->caps_state = -1;
	return 0;
}

int cxs_scorer_run(cxs_scorer *sc, const struct cxs_doc *d, const struct cxs_matches *mm,
		   struct cxs_score *out, cxs_err *err)
{
	size_t i, npol = 0, from = 0, nsig = 0;
	double total = 0;

	cxs_scorer_empty(out);
	sc->nops = 0;
	if (prepare(sc, d, mm) < 0)
		goto nomem;
	memset(sc->raw, 0, sc->ndims * sizeof(*sc->raw));
	memset(sc->strength, 0, sc->ndims * sizeof(*sc->strength));
	memset(sc->hits, 0, sc->ndims * sizeof(*sc->hits));
	memset(sc->nev, 0, sc->ndims * sizeof(*sc->nev));
	for (i = 0; i < mm->n; i++) {
		if (mm->m[i].role != CXS_ROLE_POLARITY || part_of_intensifier(mm, i) ||
		    !polarity_here(sc, d, mm, &mm->m[i]))
			continue;
		sc->pol[npol] = i;
		sc->pv[npol] = polarity_value(sc, d, mm, &mm->m[i]);
		if (!mm->m[i].e->only_dim || has_its_hit(mm, &mm->m[i]))
			total += sc->pv[npol];
		npol++;
	}
	for (i = 0; i < mm->n; i++) {
		const struct cxs_match *a = &mm->m[i];
		size_t k, nnear, op = 0, nop = 0;
		double hv;
		int own, reach;

		if (a->role != CXS_ROLE_ASPECT)
			continue;
		if (hit_valence(sc, mm, a, npol, &from, &hv, &own, &reach, &nnear) < 0 ||
		    (sc->explain && explain_hit(sc, mm, nnear, &op, &nop) < 0))
			goto nomem;
		for (k = 0; k < a->e->naspects; k++) {
			const struct cxs_lex_aspect *as = &a->e->aspects[k];
			size_t dm = as->dim;

			sc->raw[dm] += as->weight * hv;
			/* a term weighted below 1 is weak evidence: alone and without an opinion
			 * in its clause ("dinner", "area") it does not make a signal; an opinion
			 * doubles it, so a term below 0.5 (a word as general as "place") never
			 * makes one alone, only with other hits of its dimension; a hit of a
			 * dimension that needs an opinion (pack.conf) and has none, a dish of a
			 * course list, adds nothing, but stays evidence of a signal its judged
			 * hits make */
			if (hv != 0 || own == OWN_SHARED)
				sc->strength[dm] += own ? judged(as->weight) : as->weight;
			else if (!as->needs_opinion)
				sc->strength[dm] += as->weight;
			sc->hits[dm]++;
			if (sc->nev[dm] < CXS_MAX_EVIDENCE) {
				struct cxs_evidence *ev = &sc->ev[dm * CXS_MAX_EVIDENCE + sc->nev[dm]++];
				ev->start = a->start;
				ev->end = a->end;
				ev->term = as->term;
				ev->sent = a->sent;
				ev->reach = sc->explain ? reach : CXS_REACH_NONE;
				ev->op = op;
				ev->nop = nop;
			}
		}
	}
	for (i = 0; i < sc->ndims; i++) {
		struct cxs_signal *s = &sc->signals[nsig];

		if (!sc->hits[i] || sc->strength[i] < 1.0 - 1e-9)
			continue;
		s->dim = i;
		s->raw = sc->raw[i];
		s->score = cxs_score_normalize(sc->raw[i]);
		s->polarity = cxs_signal_polarity(s->score);
		s->hits = sc->hits[i];
		s->ev = &sc->ev[i * CXS_MAX_EVIDENCE];
		s->nev = sc->nev[i];
		nsig++;
	}
	out->signals = sc->signals;
	out->nsignals = nsig;
	out->sentiment_raw = total;
	out->sentiment = cxs_score_normalize(total);
	out->sentiment_polarity = cxs_score_polarity(out->sentiment);
	out->opinions = sc->ops;
	out->nopinions = sc->nops;
	return 0;
nomem:
	return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
}

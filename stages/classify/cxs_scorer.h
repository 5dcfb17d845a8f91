/*
 * cxs_scorer — from matches to signals: clauses, polarity, negation, intensifiers,
 * emphasis, the contrast rule and the per-dimension score (stages/classify/README.md
 * explains the rules; VADER is their reference).
 *
 * In short: every polarity word gets a valence (its lexicon valence, ALL-CAPS emphasis,
 * times the intensifiers right before it, × -0.74 once when a negator shortly before it
 * in its clause reaches it, or for a positive word a negator marked `after` right after
 * it (Swedish "rekommenderar inte"); a negator inside a longer word of any role negates
 * nothing; × 0.5 before / × 1.5 after a contrast word of its sentence, plus 0.292 per '!'
 * ending its sentence). A polarity word marked `initial` in LANG.sent is one only when
 * nothing but negators comes before it in its sentence or in the part a contrast word
 * opens (the imperative "Try the curry", "but skip the curry"),
 * one marked `for:DIMENSION` judges only hits of that dimension ("high" prices). An aspect hit takes the valences of the polarity words of its
 * clause (of its sentence when the clause has none), each divided by 1 + its distance
 * in tokens, leaving out those nearer to a hit of another dimension when any stay. A dimension's score is the sum of
 * weight × hit valence, normalised to -1..1 as VADER's compound (x / sqrt(x² + 15)).
 * A dimension becomes a signal when its hits add up to at least 1, each hit counting its
 * weight, or twice its weight (at most 1) when a polarity word of its clause gives it a
 * valence: a weak term (weight below 1) alone and without an opinion is not enough, nor
 * a term below 0.5 alone even with one; a term of a dimension its language needs an
 * opinion for (pack.conf's needs_opinion) counts nothing without one.
 */
#ifndef CXS_SCORER_H
#define CXS_SCORER_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_lexicon.h"
#include "cxs_matcher.h"

#define CXS_MAX_EVIDENCE 50     /* evidence spans kept per dimension and record */

/* The rule constants, from VADER (Hutto & Gilbert 2014). */
#define CXS_NEGATION_SCALAR (-0.74)
/* Not from VADER: zh "not very" (不太好, 不是很好), measured on the tune split. */
#define CXS_HEDGED_NEGATION_SCALAR (-0.15)
#define CXS_CAPS_INCREMENT 0.733
#define CXS_EXCLAMATION_INCREMENT 0.292
#define CXS_EXCLAMATION_MAX 3
#define CXS_CONTRAST_BEFORE 0.5
#define CXS_CONTRAST_AFTER 1.5
#define CXS_NORM_ALPHA 15.0
#define CXS_POLARITY_THRESHOLD 0.05

#define CXS_MAX_OPINIONS 3      /* polarity words explained per hit, nearest first */

/* How far an aspect hit went for its polarity words: its clause, its sentence, the
 * sentences of the record without an aspect, or nowhere (none reached it). */
enum cxs_reach { CXS_REACH_NONE, CXS_REACH_CLAUSE, CXS_REACH_SENTENCE, CXS_REACH_RECORD };

/* One polarity word behind an aspect hit's valence (cxs_scorer_explain). */
struct cxs_opinion {
	size_t start, end;            /* bytes of the original text */
	double valence;               /* its valence in the pack */
	double value;                 /* what it gave the hit: the valence after negation,
				       * degree words, emphasis and the contrast rule, over
				       * 1 + its distance in tokens */
};

struct cxs_evidence {
	size_t start, end;            /* bytes of the original text */
	const char *term;             /* as written in the pack; owned by the lexicon */
	size_t sent;
	/* explained only (cxs_scorer_explain), else 0: enum cxs_reach, and the hit's polarity
	 * words, nearest first, as the score's opinions[op .. op + nop) (at most
	 * CXS_MAX_OPINIONS of them: farther ones weigh little) */
	int reach;
	size_t op, nop;
};

struct cxs_signal {
	size_t dim;                   /* index into the pack's dimensions */
	double raw;                   /* Σ weight × hit valence, before normalisation */
	double score;                 /* -1..1, rounded to 4 decimals */
	const char *polarity;         /* "positive", "negative" or "neutral" */
	size_t hits;
	const struct cxs_evidence *ev;
	size_t nev;                   /* at most CXS_MAX_EVIDENCE */
};

struct cxs_score {
	const struct cxs_signal *signals;   /* dimensions.tsv order; only dimensions hit */
	size_t nsignals;
	double sentiment_raw;
	double sentiment;             /* -1..1, rounded to 4 decimals */
	const char *sentiment_polarity;
	const struct cxs_opinion *opinions;   /* explained only; see cxs_evidence */
	size_t nopinions;
};

typedef struct cxs_scorer cxs_scorer;

/* A scorer for the dimensions of `lx`, which must outlive it. NULL with `err`. */
cxs_scorer *cxs_scorer_new(const cxs_lexicon *lx, cxs_err *err);

/* Scores the matches `mm` of doc `d`. `*out` is owned by the scorer and valid until its
 * next run or its free. Returns 0, or -1 with `err` when memory runs out. */
int cxs_scorer_run(cxs_scorer *sc, const struct cxs_doc *d, const struct cxs_matches *mm,
		   struct cxs_score *out, cxs_err *err);

/* With `on` non-zero, every evidence of the runs that follow says how far its hit went
 * for polarity words and which of them gave it its valence (off by default: it costs
 * time and the output grows). */
void cxs_scorer_explain(cxs_scorer *sc, int on);

/* The score of nothing: no signals, neutral sentiment (a language without lexicon). */
void cxs_scorer_empty(struct cxs_score *out);

/* VADER's normalisation x / sqrt(x² + 15), rounded to 4 decimals. */
double cxs_score_normalize(double raw);
/* "positive" (≥ 0.05), "negative" (≤ -0.05) or "neutral": a record's sentiment. */
const char *cxs_score_polarity(double score);
/* A signal's polarity: the sign of its (rounded) score, "neutral" only at 0, i.e. when
 * no polarity word reaches its hits or their valences cancel out. */
const char *cxs_signal_polarity(double score);

/* Frees the scorer; NULL is a no-op. */
void cxs_scorer_free(cxs_scorer *sc);

#endif

/*
 * cxs_matcher — finds the terms of one language's lexicon in a segmented record.
 *
 * Word languages (sv, es, en, ...) are matched over tokens: an entry's words against the
 * tokens' stems (a prefix word against the normalised, unstemmed forms), through a hash
 * table keyed on the first word, so a token costs one lookup plus one per distinct
 * wildcard length; a word with a letter stretched three times or more ("looove") whose
 * stem starts no term is matched by the stem of its plain spelling when that starts one
 * (the matcher opens the language's stemmer for it on first need). Chinese
 * (cxs_lexlang_by_chars) is matched over the characters of the
 * concatenated forms of each sentence's tokens, so a term ICU split in two (服务|员) is
 * still found, and 不好吃 is seen as 不 + 好吃.
 *
 * Every role (aspect, polarity, negator, intensifier, contrast) is matched on its own,
 * left to right, longest match first, without overlaps within the role; roles may
 * overlap each other (a polarity word that is also an aspect term). A match never
 * crosses a sentence, nor a comma, semicolon, colon or bracket between its tokens.
 */
#ifndef CXS_MATCHER_H
#define CXS_MATCHER_H

#include <stddef.h>

#include "cxs_err.h"
#include "cxs_lexicon.h"

/* A record as the matcher and the scorer see it: views into the caller's arrays, which
 * must stay valid while the doc is in use. Tokens are in text order, do not overlap and
 * are aligned with forms and stems; `tok_sent` gives each token's sentence index. Forms
 * and stems are byte strings of the given lengths, not necessarily NUL-terminated. */
struct cxs_doc {
	const char *text;
	size_t len;
	size_t ntok;
	const size_t *tok;            /* 2 * ntok byte offsets: start, end */
	const char *const *form;      /* NFKC case-folded forms */
	const size_t *formlen;
	const char *const *stem;      /* stems (the form itself where there is no stemmer) */
	const size_t *stemlen;
	const size_t *tok_sent;
	size_t nsent;
	const size_t *sent;           /* 2 * nsent byte offsets: start, end */
	const char *const *sent_lang; /* each sentence's language, or NULL: all the record's */
};

/* One match of one role. Units are tokens for word languages and characters (of the
 * concatenated forms) for Chinese; [t0, t1) are the tokens the match touches. */
struct cxs_match {
	const struct cxs_lex_entry *e;
	int role;                     /* enum cxs_lex_role */
	size_t u0, u1;                /* units [u0, u1) */
	size_t t0, t1;                /* tokens [t0, t1) */
	size_t start, end;            /* bytes of the original text */
	size_t sent;
};

struct cxs_matches {
	const struct cxs_match *m;    /* in text order (u0), then by role */
	size_t n;
	size_t nunits;
	int by_chars;
	const size_t *unit_tok;       /* by_chars: the token of each character; else NULL */
};

typedef struct cxs_matcher cxs_matcher;

/* NULL with `err` when memory runs out. */
cxs_matcher *cxs_matcher_new(cxs_err *err);

/* Matches the lexicon `ll` over `d`. `*out` is owned by the matcher and valid until its
 * next run or its free. Returns 0, or -1 with `err` when memory runs out. */
int cxs_matcher_run(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *d,
		    struct cxs_matches *out, cxs_err *err);

/* Frees the matcher; NULL is a no-op. */
void cxs_matcher_free(cxs_matcher *mt);

/* Whether the text between two tokens of a sentence (`s`, `n` bytes) ends a clause:
 * , ; : ( ), ASCII or full width, and with `dashes` also dashes (– —, "--", a hyphen with
 * a space beside it). The scorer's clauses end at all of them; the matcher's phrases at
 * all but dashes, which also join the words of a phrase ("calidad - precio"). */
int cxs_clause_break(const char *s, size_t n, int dashes);

#endif

#include "cxs_matcher.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_stemmer.h"

/* Per-record arrays, kept and regrown across records so the hot path does not
 * allocate. */
struct best {
	const struct cxs_lex_entry *e;
	size_t len;                   /* in units */
};

struct cxs_matcher {
	struct cxs_match *m;
	size_t n, capm;
	size_t *send;                 /* per token: end (exclusive) of its clause's tokens */
	size_t capsend;
	uint32_t *hstem;              /* per token: cxs_lexhash of its stem */
	size_t caphstem;
	/* character matching */
	cxs_buf chars;                /* concatenated forms */
	size_t *coff;                 /* per character: byte offset in chars (+1 sentinel) */
	size_t *ctok;                 /* per character: its token */
	size_t *cstart, *cend;        /* per character: span in the original text */
	size_t capc;
	size_t capc_aux;   /* capacity ctok, cstart and cend have been grown to */
	size_t *tokc;                 /* per token: its first character (+1 sentinel) */
	size_t captokc;
	/* the prefix words a token's form starts with, shortest first */
	struct prefix_hit *ph;
	size_t capph;
	/* stems with stretched letters taken back ("looove" as "love"): the doc's stem
	 * pointers, with those of stretched words pointing into `unstretched` */
	const char **stem;
	size_t capstem;
	size_t *stemlen, capstemlen;
	size_t *stemoff, capstemoff;  /* per token: offset in unstretched, or SIZE_MAX */
	cxs_buf unstretched, collapsed;
	struct best *cand;            /* per token where terms start, and role: the longest */
	size_t capcand;
	size_t *at;                   /* those tokens */
	size_t capat;
	struct stemmer_slot {
		char lang[8];
		cxs_stemmer *st;
	} stemmers[4];
};

struct prefix_hit {
	const struct cxs_lex_cand *c;
	size_t n;
};

cxs_matcher *cxs_matcher_new(cxs_err *err)
{
	cxs_matcher *mt = calloc(1, sizeof(*mt));

	if (!mt)
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return mt;
}

void cxs_matcher_free(cxs_matcher *mt)
{
	size_t i;

	if (!mt)
		return;
	free(mt->m);
	free(mt->send);
	free(mt->hstem);
	cxs_buf_release(&mt->chars);
	free(mt->coff);
	free(mt->ctok);
	free(mt->cstart);
	free(mt->cend);
	free(mt->tokc);
	free(mt->ph);
	free(mt->stem);
	free(mt->stemlen);
	free(mt->stemoff);
	free(mt->cand);
	free(mt->at);
	cxs_buf_release(&mt->unstretched);
	cxs_buf_release(&mt->collapsed);
	for (i = 0; i < sizeof(mt->stemmers) / sizeof(mt->stemmers[0]); i++)
		cxs_stemmer_free(mt->stemmers[i].st);
	free(mt);
}

static int emit(cxs_matcher *mt, const struct cxs_lex_entry *e, int role, size_t u0,
		size_t u1, size_t t0, size_t t1, size_t start, size_t end, size_t sent)
{
	struct cxs_match *m;

	if (cxs_array_grow(&mt->m, &mt->capm, mt->n + 1, sizeof(*mt->m)) < 0)
		return -1;
	m = &mt->m[mt->n++];
	m->e = e;
	m->role = role;
	m->u0 = u0;
	m->u1 = u1;
	m->t0 = t0;
	m->t1 = t1;
	m->start = start;
	m->end = end;
	m->sent = sent;
	return 0;
}

/* Whether the text between two tokens of a sentence ends a clause: , ; : ( ) and dashes,
 * ASCII or full width. Typed dashes count too: "--", and a hyphen with a space on either
 * side ("not great - bland"); a hyphen inside a word (wait-staff) does not. */
int cxs_clause_break(const char *s, size_t n, int dashes)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
			return 1;
		if (dashes && c == '-' && ((i + 1 < n && s[i + 1] == '-') ||
					   (i > 0 && s[i - 1] == ' ') ||
					   (i + 1 < n && s[i + 1] == ' ')))
			return 1;
		if (i + 3 <= n) {
			const unsigned char *u = (const unsigned char *)s + i;
			if (dashes && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
				return 1;   /* – — */
			if (u[0] == 0xEF && u[1] == 0xBC &&
			    (u[2] == 0x8C || u[2] == 0x9B || u[2] == 0x9A || u[2] == 0x88 || u[2] == 0x89))
				return 1;   /* ， ； ： （ ） */
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- words */

/* Whether token `t` has the form of the quoted word `w` (its stem already agreed). */
static int form_is(const struct cxs_doc *d, size_t t, const struct cxs_lex_word *w)
{
	return d->formlen[t] == w->formlen && memcmp(d->form[t], w->form, w->formlen) == 0;
}

/* Whether entry `e` matches the tokens from `i` on (its first word's stem already did;
 * its form too when `first_form`). The stems' hashes (`hs`) tell most words apart
 * before their bytes are compared: a common first word (de, not, muy) has a score of
 * multiword terms to try. */
static int words_match(const struct cxs_doc *d, const uint32_t *hs, size_t i,
		       const struct cxs_lex_entry *e, int first_form)
{
	size_t k;

	if (first_form && !form_is(d, i, &e->words[0]))
		return 0;
	for (k = 1; k < e->nwords; k++) {
		const struct cxs_lex_word *w = &e->words[k];
		size_t t = i + k;

		if (w->prefix) {
			if (d->formlen[t] < w->len || memcmp(d->form[t], w->s, w->len))
				return 0;
		} else if (hs[t] != w->h || d->stemlen[t] != w->len ||
			   memcmp(d->stem[t], w->s, w->len) || (w->form && !form_is(d, t, w))) {
			return 0;
		}
	}
	return 1;
}

/* Offers the candidates `c` (longest first) to the roles still open at token `i`;
 * `*found` gathers the roles that got one. Only the roles a candidate has are visited
 * (most have one), and its entry is read only once its second word's hash matched. */
static void consider(const cxs_lexlang *ll, const struct cxs_doc *d, const uint32_t *hs,
		     size_t i, size_t room, const struct cxs_lex_cand *c, size_t n,
		     unsigned need, struct best *best, unsigned *found)
{
	size_t k;

	for (k = 0; k < n; k++, c++) {
		unsigned open = need & c->roles, want = 0, m;
		const struct cxs_lex_entry *e;

		if (!open || c->nwords > room || (c->second_stem && c->h2 != hs[i + 1]))
			continue;
		for (m = open; m; m &= m - 1) {
			int r = __builtin_ctz(m);
			if (c->nwords > best[r].len)
				want |= 1u << r;
		}
		e = cxs_lexlang_entry(ll, c->entry);
		if (!want || !words_match(d, hs, i, e, c->first_form))
			continue;
		for (m = want; m; m &= m - 1) {
			int r = __builtin_ctz(m);
			best[r].e = e;
			best[r].len = e->nwords;
		}
		*found |= want;
	}
}

/* The prefix words the form of token `i` starts with, shortest first, into mt->ph: one
 * lookup per prefix length of the lexicon that fits, the form hashed once along the
 * way. Returns how many, or -1 when memory runs out. */
static long prefix_hits(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *d,
			size_t i)
{
	const char *f = d->form[i];
	size_t fl = d->formlen[i], done = 0, np, k, n;
	const size_t *plens = cxs_lexlang_prefix_lengths(ll, &np);
	uint32_t h = CXS_LEXHASH_INIT;
	long nh = 0;

	if (!cxs_lexlang_may_prefix(ll, f, fl))
		return 0;
	for (k = 0; k < np && plens[k] <= fl; k++) {
		const struct cxs_lex_cand *c;

		h = cxs_lexhash_add(h, f + done, plens[k] - done);
		done = plens[k];
		/* a prefix ends at a character boundary, never inside one */
		if (done < fl && ((unsigned char)f[done] & 0xC0) == 0x80)
			continue;
		if (!(c = cxs_lexlang_prefix_cands(ll, f, done, h, &n)))
			continue;
		if (cxs_array_grow(&mt->ph, &mt->capph, (size_t)nh + 1, sizeof(*mt->ph)) < 0)
			return -1;
		mt->ph[nh].c = c;
		mt->ph[nh++].n = n;
	}
	return nh;
}

/* ---------------------------------------------------------------- stretched words */

#define STRETCH 3                     /* a letter written this many times or more */

static int ascii_letter(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Whether form `s` (`n` bytes, case-folded) writes a letter STRETCH times or more in a
 * row ("looove", "sooo"): hardly an English, Spanish or Swedish word does. */
static int stretched(const char *s, size_t n)
{
	size_t i, run = 1;

	for (i = 1; i < n; i++) {
		run = s[i] == s[i - 1] ? run + 1 : 1;
		if (run >= STRETCH && ascii_letter((unsigned char)s[i]))
			return 1;
	}
	return 0;
}

/* Writes form `s` into mt->collapsed with every letter written STRETCH times or more cut
 * to `keep` ("goood" to "good" with 2, "looove" to "love" with 1). */
static int collapse(cxs_matcher *mt, const char *s, size_t n, size_t keep)
{
	size_t i = 0;

	cxs_buf_reset(&mt->collapsed);
	while (i < n) {
		size_t j = i + 1, w;

		while (j < n && s[j] == s[i])
			j++;
		w = j - i >= STRETCH && ascii_letter((unsigned char)s[i]) ? keep : j - i;
		if (cxs_buf_add(&mt->collapsed, s + i, w) < 0)
			return -1;
		i = j;
	}
	return 0;
}

/* The stemmer of the language of `ll`, opened on first use and kept; NULL for a language
 * without one (its stems are its forms) or when none could be opened. */
static cxs_stemmer *stemmer_for(cxs_matcher *mt, const cxs_lexlang *ll)
{
	const char *code = cxs_lexlang_code(ll);
	size_t i, n = sizeof(mt->stemmers) / sizeof(mt->stemmers[0]);
	cxs_err err = { CXS_E_NONE, "" };

	if (!cxs_stemmer_has(code) || strlen(code) >= sizeof(mt->stemmers[0].lang))
		return NULL;
	for (i = 0; i < n && mt->stemmers[i].st; i++)
		if (!strcmp(mt->stemmers[i].lang, code))
			return mt->stemmers[i].st;
	if (i == n)
		return NULL;
	mt->stemmers[i].st = cxs_stemmer_new(code, &err);
	if (mt->stemmers[i].st)
		strcpy(mt->stemmers[i].lang, code);
	return mt->stemmers[i].st;
}

/* The stem of form `s` with its stretched letters cut back, into mt->unstretched at
 * `*off` (`*len` bytes): cut to two letters when that makes a word of the lexicon
 * ("goood", "yummmy"), else to one ("looove", "sooo"). 0 when neither does; -1 when
 * memory runs out. */
static int unstretch(cxs_matcher *mt, const cxs_lexlang *ll, const char *s, size_t n,
		     size_t *off, size_t *len)
{
	cxs_stemmer *st = stemmer_for(mt, ll);
	size_t keep, sl, cn;

	if (!st && cxs_stemmer_has(cxs_lexlang_code(ll)))
		return 0;   /* its stemmer could not be opened: the word stays as written */

	for (keep = 2; keep >= 1; keep--) {
		const char *stem;

		if (collapse(mt, s, n, keep) < 0)
			return -1;
		stem = mt->collapsed.p;
		sl = mt->collapsed.len;
		if (st && !(stem = cxs_stemmer_stem(st, mt->collapsed.p, mt->collapsed.len, &sl)))
			return -1;
		if (!cxs_lexlang_first_cands(ll, stem, sl,
					     cxs_lexhash_add(CXS_LEXHASH_INIT, stem, sl), &cn))
			continue;
		*off = mt->unstretched.len;
		*len = sl;
		return cxs_buf_add(&mt->unstretched, stem, sl) < 0 ? -1 : 1;
	}
	return 0;
}

/* `*dd` is `d`, but for a word whose letters are stretched ("I LOOOVE it", "sooo good")
 * and whose stem starts no term, the stem of the word written plainly, when that starts
 * one: informal reviews stretch the very words that judge. */
static int plain_stems(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *d,
		       struct cxs_doc *dd)
{
	size_t t, n, any = 0;

	*dd = *d;
	for (t = 0; t < d->ntok && !any; t++)
		any = stretched(d->form[t], d->formlen[t]);
	if (!any)
		return 0;
	if (cxs_array_grow(&mt->stem, &mt->capstem, d->ntok, sizeof(*mt->stem)) < 0 ||
	    cxs_array_grow(&mt->stemlen, &mt->capstemlen, d->ntok, sizeof(size_t)) < 0 ||
	    cxs_array_grow(&mt->stemoff, &mt->capstemoff, d->ntok, sizeof(size_t)) < 0)
		return -1;
	cxs_buf_reset(&mt->unstretched);
	for (t = 0; t < d->ntok; t++) {
		int rc = 0;

		mt->stem[t] = d->stem[t];
		mt->stemlen[t] = d->stemlen[t];
		mt->stemoff[t] = SIZE_MAX;
		if (stretched(d->form[t], d->formlen[t]) &&
		    !cxs_lexlang_first_cands(ll, d->stem[t], d->stemlen[t],
					     cxs_lexhash_add(CXS_LEXHASH_INIT, d->stem[t],
							     d->stemlen[t]), &n))
			rc = unstretch(mt, ll, d->form[t], d->formlen[t], &mt->stemoff[t],
				       &mt->stemlen[t]);
		if (rc < 0)
			return -1;
	}
	/* the buffer has stopped growing: point into it */
	for (t = 0; t < d->ntok; t++)
		if (mt->stemoff[t] != SIZE_MAX)
			mt->stem[t] = mt->unstretched.p + mt->stemoff[t];
	dd->stem = mt->stem;
	dd->stemlen = mt->stemlen;
	return 0;
}

/* Within a role, terms do not overlap. Of two that do, the longer one stays ("an hour
 * and a half" over "an hour", "vistas al mar" over "con vistas"), and of two as long the
 * first one: a later term that is as long says no more. `cand` holds, for each of the
 * `np` tokens `at` where some term starts, the longest term of each role starting there;
 * the losers' entries are cleared. (On the tune split the leftmost-always rule it
 * replaced lost aspect polarity: SemEval-2016 es 0.8655 → 0.8663 and SemEval-2014
 * 0.8601 → 0.8607 with this one; a later term as long winning lost SemEval-2016 en
 * 0.8832 → 0.8822.) */
static void drop_overlaps(struct best *cand, const size_t *at, size_t np)
{
	size_t j;
	int r;

	for (r = 0; r < CXS_ROLE_COUNT; r++) {
		struct best *kept = NULL;    /* the last term kept so far */
		size_t kept_end = 0;

		for (j = 0; j < np; j++) {
			struct best *b = &cand[j * CXS_ROLE_COUNT + r];

			if (!b->e)
				continue;
			if (kept && at[j] < kept_end && b->len <= kept->len) {
				b->e = NULL;
				continue;
			}
			if (kept && at[j] < kept_end)
				kept->e = NULL;
			kept = b;
			kept_end = at[j] + b->len;
		}
	}
}

static int match_words(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *plain)
{
	const uint32_t *hs;
	struct cxs_doc dd;
	const struct cxs_doc *d = &dd;
	size_t i, j, np = 0;
	int r;

	if (plain_stems(mt, ll, plain, &dd) < 0)
		return -1;

	if (cxs_array_grow(&mt->hstem, &mt->caphstem, d->ntok + 1, sizeof(*mt->hstem)) < 0 ||
	    cxs_array_grow(&mt->cand, &mt->capcand, d->ntok * CXS_ROLE_COUNT + 1,
			   sizeof(*mt->cand)) < 0 ||
	    cxs_array_grow(&mt->at, &mt->capat, d->ntok + 1, sizeof(*mt->at)) < 0)
		return -1;
	for (i = 0; i < d->ntok; i++)
		mt->hstem[i] = cxs_lexhash_add(CXS_LEXHASH_INIT, d->stem[i], d->stemlen[i]);
	hs = mt->hstem;
	for (i = 0; i < d->ntok; i++) {
		struct best *best = mt->cand + np * CXS_ROLE_COUNT;
		unsigned found = 0;
		const struct cxs_lex_cand *c;
		size_t n, room = mt->send[i] - i;
		long k;

		/* most tokens are no term's first word nor start like a prefix word: they
		 * cost one probe of the hash table and one bit of the prefix filter */
		c = cxs_lexlang_first_cands(ll, d->stem[i], d->stemlen[i], hs[i], &n);
		if ((k = prefix_hits(mt, ll, d, i)) < 0)
			return -1;
		if (!c && !k)
			continue;
		memset(best, 0, CXS_ROLE_COUNT * sizeof(*best));
		if (c)
			consider(ll, d, hs, i, room, c, n, (1u << CXS_ROLE_COUNT) - 1, best, &found);
		/* Longest prefix first: among wildcards of as many words, the most specific
		 * wins (servic* before serv*); an exact word was considered before both. */
		while (k-- > 0)
			consider(ll, d, hs, i, room, mt->ph[k].c, mt->ph[k].n,
				 (1u << CXS_ROLE_COUNT) - 1, best, &found);
		if (found)
			mt->at[np++] = i;
	}
	drop_overlaps(mt->cand, mt->at, np);
	for (j = 0; j < np; j++)
		for (r = 0; r < CXS_ROLE_COUNT; r++) {
			const struct best *b = &mt->cand[j * CXS_ROLE_COUNT + r];
			size_t t0 = mt->at[j], t1 = t0 + b->len;

			if (b->e && emit(mt, b->e, r, t0, t1, t0, t1, d->tok[2 * t0],
					 d->tok[2 * (t1 - 1) + 1], d->tok_sent[t0]) < 0)
				return -1;
		}
	return 0;
}

/* ---------------------------------------------------------------- characters */

static size_t count_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The length of the UTF-8 character at `s` (`left` bytes remain): records are valid
 * UTF-8 (cxs_rec checks every string) and token offsets never split a character, so
 * the first byte tells without decoding; `left` only keeps a bad doc in bounds. */
static size_t char_len(const char *s, size_t left)
{
	unsigned char c = (unsigned char)*s;
	size_t n = 1 + (c >= 0xC0) + (c >= 0xE0) + (c >= 0xF0);

	return n < left ? n : left;
}

/* Lays out the characters of the forms with their spans in the original text: one for
 * one when a token's form has as many characters as its original, else every character
 * of the form spans the whole token (NFKC may have merged or split characters). The
 * arrays are sized by the forms' bytes, which bound their characters, so the forms are
 * read once and the original only where the form differs from it. */
static int layout_chars(cxs_matcher *mt, const struct cxs_doc *d)
{
	size_t t, nc = 0, total = 0;

	for (t = 0; t < d->ntok; t++)
		total += d->formlen[t];
	if (cxs_array_grow(&mt->coff, &mt->capc, total + 1, sizeof(size_t)) < 0)
		return -1;
	/* the other per-character arrays follow the same capacity, grown only when it
	 * grew (capc_aux is raised once all three have) */
	if (mt->capc_aux < mt->capc) {
		size_t *a = realloc(mt->ctok, mt->capc * sizeof(size_t));
		if (!a)
			return -1;
		mt->ctok = a;
		a = realloc(mt->cstart, mt->capc * sizeof(size_t));
		if (!a)
			return -1;
		mt->cstart = a;
		a = realloc(mt->cend, mt->capc * sizeof(size_t));
		if (!a)
			return -1;
		mt->cend = a;
		mt->capc_aux = mt->capc;
	}
	if (cxs_array_grow(&mt->tokc, &mt->captokc, d->ntok + 1, sizeof(size_t)) < 0)
		return -1;
	cxs_buf_reset(&mt->chars);
	if (cxs_buf_grow(&mt->chars, total) < 0)
		return -1;
	for (t = 0; t < d->ntok; t++) {
		size_t ts = d->tok[2 * t], te = d->tok[2 * t + 1];
		const char *f = d->form[t], *o = d->text + ts;
		size_t fl = d->formlen[t], off = 0, first = nc, k;
		int same;

		mt->tokc[t] = nc;
		while (off < fl) {
			mt->coff[nc] = mt->chars.len + off;
			mt->ctok[nc] = t;
			off += char_len(f + off, fl - off);
			nc++;
		}
		same = fl == te - ts && memcmp(f, o, fl) == 0;
		if (!same)
			same = count_chars(o, te - ts) == nc - first;
		for (k = first, off = ts; k < nc; k++) {
			if (same) {
				size_t ol = off < te ? char_len(d->text + off, te - off) : 0;
				mt->cstart[k] = off;
				mt->cend[k] = off + ol;
				off += ol;
			} else {
				mt->cstart[k] = ts;
				mt->cend[k] = te;
			}
		}
		if (cxs_buf_add(&mt->chars, f, fl) < 0)
			return -1;
	}
	mt->tokc[d->ntok] = nc;
	mt->coff[nc] = mt->chars.len;
	return (int)nc;
}

static int match_chars(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *d,
		       size_t nc)
{
	size_t busy[CXS_ROLE_COUNT] = { 0 };
	size_t maxc = cxs_lexlang_max_chars(ll), c;
	const char *s = mt->chars.p;
	int r;

	for (c = 0; c < nc; c++) {
		struct best best[CXS_ROLE_COUNT];
		unsigned need = 0, found = 0, m;
		size_t t = mt->ctok[c], limit = mt->tokc[mt->send[t]] - c, len;
		uint32_t h = CXS_LEXHASH_INIT;

		if (limit > maxc)
			limit = maxc;
		for (len = 1; len <= limit; len++) {
			size_t b = mt->coff[c + len - 1], e = mt->coff[c + len];
			uint32_t ei;
			int hit;

			h = cxs_lexhash_add(h, s + b, e - b);
			hit = cxs_lexlang_chars(ll, s + mt->coff[c], e - mt->coff[c], h, &ei);
			if (hit < 0)
				break;
			if (!hit)
				continue;
			/* most characters start no term: the roles still open are asked for
			 * only once one does */
			if (!found) {
				for (r = 0; r < CXS_ROLE_COUNT; r++)
					if (busy[r] <= c)
						need |= 1u << r;
				if (!need)
					break;
			}
			m = need & cxs_lexlang_entry(ll, ei)->roles;
			for (found |= m; m; m &= m - 1) {
				r = __builtin_ctz(m);
				best[r].e = cxs_lexlang_entry(ll, ei);
				best[r].len = len;
			}
		}
		for (m = found; m; m &= m - 1) {
			size_t last;

			r = __builtin_ctz(m);
			last = c + best[r].len - 1;
			if (emit(mt, best[r].e, r, c, last + 1, t, mt->ctok[last] + 1, mt->cstart[c],
				 mt->cend[last], d->tok_sent[t]) < 0)
				return -1;
			busy[r] = last + 1;
		}
	}
	return 0;
}

int cxs_matcher_run(cxs_matcher *mt, const cxs_lexlang *ll, const struct cxs_doc *d,
		    struct cxs_matches *out, cxs_err *err)
{
	size_t i, nunits = d->ntok;
	int rc;

	mt->n = 0;
	if (cxs_array_grow(&mt->send, &mt->capsend, d->ntok + 1, sizeof(size_t)) < 0)
		goto nomem;
	/* clause ends, from the back: a match must end before its clause does, so that no
	 * phrase is read across punctuation ("for whatever reason, prices" is no
	 * "reasonably priced") nor across a sentence; a dash may join the words of one
	 * ("relación calidad - precio") */
	for (i = d->ntok; i-- > 0;)
		mt->send[i] = i + 1 < d->ntok && d->tok_sent[i + 1] == d->tok_sent[i] &&
			!cxs_clause_break(d->text + d->tok[2 * i + 1],
					  d->tok[2 * i + 2] - d->tok[2 * i + 1], 0)
			? mt->send[i + 1] : i + 1;
	if (cxs_lexlang_by_chars(ll)) {
		int nc = layout_chars(mt, d);
		if (nc < 0)
			goto nomem;
		nunits = (size_t)nc;
		rc = match_chars(mt, ll, d, nunits);
	} else {
		rc = match_words(mt, ll, d);
	}
	if (rc < 0)
		goto nomem;
	out->m = mt->m;
	out->n = mt->n;
	out->nunits = nunits;
	out->by_chars = cxs_lexlang_by_chars(ll);
	out->unit_tok = out->by_chars ? mt->ctok : NULL;
	return 0;
nomem:
	return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
}

/*
 * cxs_lexicon — a lexicon pack: loading, validation and the lookup tables of matching.
 *
 * A pack is a folder (lexicons/README.md documents the format):
 *   pack.conf        key = value: name, version, languages, licence, description
 *   dimensions.tsv   id<TAB>label<TAB>description[<TAB>parent]
 *   LANG.lex         term<TAB>dimension[:weight]           (required per language)
 *   LANG.sent        term<TAB>valence (-4 .. +4)[<TAB>initial|for:DIMENSION]
 *                    (optional; `initial`: counts only when it opens its sentence;
 *                    `for:DIMENSION`: judges only hits of that dimension; see
 *                    cxs_scorer.h)
 *   LANG.neg         negator, one per line                 (optional)
 *   LANG.int         term<TAB>multiplier (> 0)             (optional)
 *   LANG.contrast    contrast word, one per line           (optional; replaces the
 *                    built-in list of the language, see stages/classify/README.md)
 *
 * Loading never stops at the first problem: every problem in every file is collected as
 * "FILE:LINE: message" (FILE is the pack folder as given joined with the file name), so
 * `cxs-classify --check-lexicon` can list them all. A lexicon with errors must not be
 * used for classification. Warnings ("FILE:LINE: warning: message") are lines the
 * loader accepted but that do not do what they seem to: the same line twice, two
 * spellings that meet in one key with different values (only the first line's counts),
 * or with different dimensions (both count), and a negator or intensifier that is also
 * a polarity word (the polarity word takes it whole, so it never modifies anything).
 * A lexicon with warnings only is fine to use.
 *
 * Terms go through the same chain as the text at load time: words from cxs_segmenter
 * (language locale), each normalised with cxs_textnorm_form (Traditional→Simplified for
 * zh), stemmed with cxs_stemmer where the language has one. A word written with a
 * trailing '*' matches every normalised, unstemmed form that starts with it. A term
 * written in double quotes ("special") matches the normalised forms of its words only,
 * not other forms of their stems; a quote anywhere else is an error of its line. Chinese
 * terms are character strings (the normalised forms of their words joined without
 * spaces) and are matched over characters.
 *
 * Every term of every file of one language lands in one table of entries keyed by its
 * normalised words; an entry carries one payload per role (aspect dimensions, valence,
 * negator, multiplier, contrast), so that one lookup per token serves all roles.
 * Different spellings that meet in the same key (waiter, waiters) share one entry: the
 * first line wins for valences and multipliers, and for an aspect the first line per
 * dimension (its spelling is the evidence term).
 */
#ifndef CXS_LEXICON_H
#define CXS_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "cxs_err.h"
#include "cxs_hash.h"

/* Roles of a term; an entry may have several (a polarity word that is also an aspect). */
enum cxs_lex_role {
	CXS_ROLE_ASPECT = 0,     /* LANG.lex: a term of one or more dimensions */
	CXS_ROLE_POLARITY,       /* LANG.sent */
	CXS_ROLE_NEGATOR,        /* LANG.neg */
	CXS_ROLE_INTENSIFIER,    /* LANG.int (intensifiers and downtoners) */
	CXS_ROLE_CONTRAST,       /* LANG.contrast or the built-in list */
	CXS_ROLE_COUNT
};

struct cxs_lex_dim {
	const char *id, *label, *description;
	const char *parent;      /* NULL when none */
};

/* One word of a key: a stem that must equal the token's stem, or (prefix) a normalised
 * prefix the token's form must start with. For zh the only word is the whole term.
 * A word of a quoted term ("special") keeps its stem in `s`, so that it is found and
 * ruled out like any stem, and must also have the token's form `form` exactly: the
 * stem alone would join special and specials, Nacho and nachos. */
struct cxs_lex_word {
	const char *s;
	size_t len;
	int prefix;
	uint32_t h;              /* cxs_lexhash of s: a stem's hash settles most mismatches */
	const char *form;        /* quoted: the normalised form the token's must equal;
				  * NULL for any other word */
	size_t formlen;
};

/* An aspect payload: the term counts for dimension `dim` (index into the pack's
 * dimensions) with `weight`; `term` is the first spelling of the pack for it.
 * `needs_opinion`: pack.conf's `needs_opinion` names this language and dimension, so a
 * hit no polarity word reaches adds nothing towards a signal (stages/classify/README.md). */
struct cxs_lex_aspect {
	size_t dim;
	double weight;
	const char *term;
	int needs_opinion;
};

struct cxs_lex_entry {
	const struct cxs_lex_word *words;
	size_t nwords;
	unsigned roles;                      /* bit (1u << enum cxs_lex_role) per role */
	const struct cxs_lex_aspect *aspects;
	size_t naspects;
	double valence;                      /* CXS_ROLE_POLARITY */
	double multiplier;                   /* CXS_ROLE_INTENSIFIER */
	int neg_after;                       /* CXS_ROLE_NEGATOR marked `after` in LANG.neg:
					      * also negates the polarity word just before
					      * it (verb-second order: rekommenderar inte) */
	int initial;                         /* CXS_ROLE_POLARITY marked `initial` in
					      * LANG.sent: a polarity word only when it
					      * opens its sentence, negators aside (the
					      * imperative "Try the soup") */
	int nearest_hit;                     /* its language is named by pack.conf's
					      * nearest_hit: an aspect hit leaves the
					      * polarity words of its clause that are
					      * nearer to a hit of another dimension */
	size_t only_dim;                     /* CXS_ROLE_POLARITY marked `for:DIMENSION`
					      * in LANG.sent: 1 + the index of the one
					      * dimension whose hits it judges ("high"
					      * prices); 0: it judges every hit */
};

struct cxs_lex_problem {
	const char *file;        /* the pack folder as given joined with the file name */
	long line;               /* 1-based; 0 for a problem with a whole file */
	int warning;             /* 1: a warning (the pack is usable), 0: an error */
	const char *msg;         /* the message alone */
	const char *text;        /* "FILE:LINE: message" (or "FILE: message" when line 0);
				  * "FILE:LINE: warning: message" for a warning */
};

/* Lines accepted per file of one language (after comments and problems). */
struct cxs_lex_counts {
	size_t terms, polarity, negators, intensifiers, contrast;
};

typedef struct cxs_lexicon cxs_lexicon;
typedef struct cxs_lexlang cxs_lexlang;

/* Loads the pack in folder `dir`. Problems with the pack are not failures: they are
 * collected (cxs_lexicon_problems) and the caller must not classify with a lexicon
 * that has errors (cxs_lexicon_nerrors). Returns NULL with `err` only when memory runs out or the language libraries
 * (ICU, libstemmer) cannot be opened. */
cxs_lexicon *cxs_lexicon_load(const char *dir, cxs_err *err);

/* Non-zero when `path` names a dictionary to import rather than a pack folder: a file
 * ending in .dic (LIWC style) or .tsv/.txt (category TSV). */
int cxs_lexicon_is_import(const char *path);

/* Imports a dictionary researchers already have, as a pack (lexicons/README.md,
 * "Importing a dictionary"):
 *   LIWC style (.dic): "%", lines "NUMBER<TAB>CATEGORY", "%", lines
 *     "TERM<TAB>NUMBER[<TAB>NUMBER...]"; a trailing '*' is a prefix, as in packs;
 *   category TSV (.tsv, .txt): lines "CATEGORY<TAB>TERM[<TAB>TERM...]".
 * Categories become dimensions, except the polarity classes posemo/positive/pos
 * (valence +2) and negemo/negative/neg (valence -2), whose terms become polarity words.
 * Polarity words, negators, intensifiers and contrast words come from the pack folder
 * `base` (its LANG.sent, .neg, .int, .contrast) and so do the languages: all of the
 * base pack's, or only LANG when the file is called NAME.LANG.dic. The name is NAME;
 * the version is the first 12 hex digits of the file's SHA-256; the hash covers the
 * file and the base files read. Problems name the dictionary's own lines. Same
 * contract as cxs_lexicon_load otherwise. */
cxs_lexicon *cxs_lexicon_import(const char *file, const char *base, cxs_err *err);

/* The problems (errors and warnings) found while loading, in file order (pack.conf,
 * dimensions.tsv, then per language .lex, .sent, .neg, .int, .contrast), each file's by
 * line and those about a whole file (line 0) last. The array is owned by the lexicon
 * and lives as long as it. */
const struct cxs_lex_problem *cxs_lexicon_problems(const cxs_lexicon *lx, size_t *n);

/* How many of the problems are errors (the rest are warnings). */
size_t cxs_lexicon_nerrors(const cxs_lexicon *lx);

/* pack.conf values (NULL when missing); owned by the lexicon. */
const char *cxs_lexicon_name(const cxs_lexicon *lx);
const char *cxs_lexicon_version(const cxs_lexicon *lx);

/* SHA-256 (hex) over the files the loader read, sorted by name: for each file its name,
 * a NUL, its size in decimal, a NUL and its bytes. Owned by the lexicon. */
const char *cxs_lexicon_hash(const cxs_lexicon *lx);

size_t cxs_lexicon_ndims(const cxs_lexicon *lx);
const struct cxs_lex_dim *cxs_lexicon_dim(const cxs_lexicon *lx, size_t i);

/* Languages in pack.conf order; cxs_lexicon_lang finds one by code ("sv") or returns
 * NULL when the pack has no lexicon for it. */
size_t cxs_lexicon_nlangs(const cxs_lexicon *lx);
const cxs_lexlang *cxs_lexicon_lang_at(const cxs_lexicon *lx, size_t i);
const cxs_lexlang *cxs_lexicon_lang(const cxs_lexicon *lx, const char *code);

/* Frees the lexicon and everything it handed out; NULL is a no-op. */
void cxs_lexicon_free(cxs_lexicon *lx);

/* --- one language: what the matcher looks up. Everything returned is owned by the
 *     lexicon and valid as long as it. --- */

const char *cxs_lexlang_code(const cxs_lexlang *ll);
const struct cxs_lex_counts *cxs_lexlang_counts(const cxs_lexlang *ll);
/* Non-zero for a language matched over characters (zh). */
int cxs_lexlang_by_chars(const cxs_lexlang *ll);

const struct cxs_lex_entry *cxs_lexlang_entry(const cxs_lexlang *ll, uint32_t i);

/* Entries whose first word is the exact stem `s` (`len` bytes), quoted first words by
 * their stem too: `*n` entry indices, longest key first, then those with more quoted
 * words (the more specific), then pack order. NULL when none. */
const uint32_t *cxs_lexlang_first(const cxs_lexlang *ll, const char *s, size_t len,
				  size_t *n);

/* Entries whose first word is a prefix word equal to `s`; same contract as above. */
const uint32_t *cxs_lexlang_first_prefix(const cxs_lexlang *ll, const char *s, size_t len,
					 size_t *n);

/* A candidate of a first word, with what matching needs to rule it out without reading
 * its entry (which would cost a cache miss per candidate: a common first word such as
 * de, not or muy has a score of multiword terms). */
struct cxs_lex_cand {
	uint32_t entry;          /* for cxs_lexlang_entry */
	uint32_t h2;             /* cxs_lexhash of the second word when second_stem */
	uint8_t nwords;
	uint8_t roles;           /* the entry's roles */
	uint8_t second_stem;     /* 1: the second word is a stem (not a prefix word) */
	uint8_t first_form;      /* 1: the first word is quoted: the token's form must be
				  * its `form` too (the table found it by stem) */
};

/* The candidates of cxs_lexlang_first and cxs_lexlang_first_prefix, in the same order,
 * with the hash of `s` given (cxs_lexhash): a token's stem is hashed once, and its form
 * extended from one prefix length to the next. NULL when none. */
const struct cxs_lex_cand *cxs_lexlang_first_cands(const cxs_lexlang *ll, const char *s,
						   size_t len, uint32_t h, size_t *n);
const struct cxs_lex_cand *cxs_lexlang_prefix_cands(const cxs_lexlang *ll, const char *s,
						    size_t len, uint32_t h, size_t *n);

/* Zero when no prefix first word can start the form `s` (`len` bytes), so that none of
 * its prefix lengths need be looked up; non-zero when one may. */
int cxs_lexlang_may_prefix(const cxs_lexlang *ll, const char *s, size_t len);

/* The distinct byte lengths of first-word prefixes, ascending: a token's form needs
 * only be looked up at these lengths. */
const size_t *cxs_lexlang_prefix_lengths(const cxs_lexlang *ll, size_t *n);

/* Character matching (cxs_lexlang_by_chars): looks up the normalised string `s` (`len`
 * bytes, hash `h` from cxs_lexhash). Returns -1 when no term starts with `s` (stop
 * extending), 0 when some term starts with it but none equals it, 1 when `*entry`
 * receives the entry equal to it. */
int cxs_lexlang_chars(const cxs_lexlang *ll, const char *s, size_t len, uint32_t h,
		      uint32_t *entry);

/* The longest term of a character-matched language, in characters. */
size_t cxs_lexlang_max_chars(const cxs_lexlang *ll);

/* The hash the tables use (FNV-1a), exposed so that character matching can extend a
 * string one character at a time without hashing it again. */
#define CXS_LEXHASH_INIT 2166136261u
static inline uint32_t cxs_lexhash_add(uint32_t h, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

#endif

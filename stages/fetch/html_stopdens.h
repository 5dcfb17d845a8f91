/*
 * html_stopdens — stopword density of text blocks, the third measure of jusText besides
 * length and link density: prose is about a third function words ("the", "och", "de",
 * 的), while menus, tag clouds, lists of names and product codes have next to none.
 *
 * The lists are the project's own `LANG.stop` files (pipeline/lib/cxs_stopwords.h) for
 * sv, es, en and zh, the ones cxs-stem flags stopwords with. Words are runs of letters,
 * digits and inner apostrophes, lowercased for ASCII and Latin-1 letters only (cheap,
 * and what sv, es and en need: "Det", "Él", "Är"); a word longer than CXS_STOPWORD_MAX
 * bytes is a word, never a stopword. Chinese is not cut into words: every CJK ideograph
 * counts as one word, and a stopword when it is a one-character entry of zh.stop (的 了
 * 是 在 我 也 都 就 ...), so the density of Chinese text is its share of function
 * characters.
 *
 * A set of lists is read-only after loading and may be shared by several extractors.
 */
#ifndef HTML_STOPDENS_H
#define HTML_STOPDENS_H

#include <stddef.h>

#include <jansson.h>

#include "cxs_err.h"
#include "cxs_stage.h"

/* The languages with a list, in this order: sv, es, en, zh. */
#define CXS_STOPDENS_NLANG 4

/* Counts over some text: its words, and of those the stopwords of each language (only
 * of the language counted for, see cxs_stopdens_count). */
struct cxs_stopcount {
	unsigned words;
	unsigned stop[CXS_STOPDENS_NLANG];
};

typedef struct cxs_stopdens cxs_stopdens;

/* Loads DIR/LANG.stop for each language. A missing file is told to `note` (may be NULL)
 * and leaves that language without a list; a bad file is an error. Returns the set, or
 * NULL with `err` (CXS_E_CONFIG "PATH:LINE: ...", CXS_E_NOMEM). */
cxs_stopdens *cxs_stopdens_load(const char *dir, cxs_diag_fn note, void *note_ctx,
				cxs_err *err);

/* The manifest entries of the lists loaded ({"name": "stopwords/sv", "path", "hash",
 * "words"}), a new array the caller owns; NULL when memory runs out. */
json_t *cxs_stopdens_lists(const cxs_stopdens *sd);

/* The index of the list for the language hint `lang` ("sv", "zh", ...), or -1 when it
 * has none (another language, a missing file, a NULL set or `lang`). */
int cxs_stopdens_lang(const cxs_stopdens *sd, const char *lang);

/* The language code of index `i`. */
const char *cxs_stopdens_lang_name(int i);

/* Adds the words of `s` (`n` bytes of UTF-8) to `c`, and their stopwords in the list
 * `li`, or in every list when `li` is negative (to guess a page's language). */
void cxs_stopdens_count(const cxs_stopdens *sd, int li, const char *s, size_t n,
			struct cxs_stopcount *c);

/* The list with the most stopwords in `c` (the first of equals), or -1 when none has
 * any. */
int cxs_stopdens_best(const struct cxs_stopcount *c);

/* The stopword density of `c` in the list `li`: stopwords / words, 0 without words. */
double cxs_stopdens_of(const struct cxs_stopcount *c, int li);

/* Frees the set; NULL is a no-op. */
void cxs_stopdens_free(cxs_stopdens *sd);

#endif

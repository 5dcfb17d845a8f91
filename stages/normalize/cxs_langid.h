/*
 * cxs_langid — which of our languages (sv, es, zh, en) a text is in, or "und".
 *
 * A first, honest identifier built from cues a reader can check (a trained character
 * n-gram model is meant to replace it behind this same API):
 *  - script: Han ideographs dominating the letters → zh; Japanese kana, Hangul or other
 *    non-Latin scripts dominating → und;
 *  - Latin script: a score per language from short lists of frequent function words,
 *    distinctive letters (å ä ö, ñ ¿ ¡, ...) and character n-grams ("ción", "ght",
 *    "ligt"); German, French, Dutch, Portuguese, Italian and Norwegian/Danish are scored
 *    too, so that text in them comes out "und" instead of the nearest of ours;
 *    the lists also hold everyday review words of sv, es and en, hand-written here;
 *  - too little evidence (a single word, a few shared words, numbers only) → "und".
 * A declared language (`hint`: HTML lang, export field) is only a tie-breaker: when the
 * best scores are within 25% of each other ("Det var bra, men det var dyrt." is Swedish
 * and Norwegian alike) it picks the one it names, if that is among them; otherwise it is
 * ignored, so a wrong hint never changes the answer.
 * Only the first CXS_LANGID_SCAN bytes are looked at: enough for any language decision,
 * and it keeps the cost of long documents flat.
 */
#ifndef CXS_LANGID_H
#define CXS_LANGID_H

#include <stddef.h>

#include "cxs_err.h"

#define CXS_LANGID_SCAN 16384

struct cxs_langid_result {
	const char *lang;       /* "sv", "es", "zh", "en" or "und"; a static string */
	double score;           /* confidence in `lang`, 0..1 (0 for "und" from too little
	                           evidence; for "und" from another language or script, the
	                           confidence that it is that one) */
};

typedef struct cxs_langid cxs_langid;

/* Builds the word tables. NULL with `err` (CXS_E_NOMEM). */
cxs_langid *cxs_langid_new(cxs_err *err);

/* Identifies the language of `text` (`len` bytes of UTF-8; invalid bytes are skipped).
 * `hint` (may be NULL) is a declared language tag such as "sv", "en-GB", "zh-Hant".
 * Cannot fail. */
void cxs_langid_detect(cxs_langid *li, const char *text, size_t len, const char *hint,
		       struct cxs_langid_result *res);

/* Frees the identifier; NULL is a no-op. */
void cxs_langid_free(cxs_langid *li);

#endif

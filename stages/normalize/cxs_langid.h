/*
 * cxs_langid — which of our languages (sv, es, zh, en) a text is in, or "und".
 *
 * Two steps:
 *  - script: Han ideographs dominating the written units → zh; Japanese kana, Hangul or
 *    other non-Latin scripts dominating → und;
 *  - otherwise a character n-gram naive Bayes model (lexicons/langid/model.txt, built by
 *    scripts/build-langid-model; format in lexicons/langid/README.md) over sv, es, en
 *    and the other-language classes it holds (German, French, Dutch, Portuguese,
 *    Italian, Danish, Norwegian): the best class wins if it is one of ours, and one of
 *    the others makes the text "und", so German is never called English.
 * A declared language (`hint`: HTML lang, export field) is a prior worth a few n-grams:
 * it decides between close languages and never overrides clear evidence. For one
 * sentence of a document, the document's language is such a prior too, so a short
 * sentence ("Vi kommer igen.") leans on its document and a long one speaks for itself.
 * Only the first CXS_LANGID_SCAN bytes of a text are looked at. The handle keeps a
 * cache of recent words' n-gram sums: one handle per thread.
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

/* Loads the model file at `path`. NULL with `err`: CXS_E_CONFIG for a file that cannot
 * be read or is malformed (the message names the file and line), CXS_E_NOMEM. */
cxs_langid *cxs_langid_new(const char *path, cxs_err *err);

/* Identifies the language of `text` (`len` bytes of UTF-8; invalid bytes are skipped).
 * `hint` (may be NULL) is a declared language tag such as "sv", "en-GB", "zh-Hant".
 * Cannot fail. */
void cxs_langid_detect(cxs_langid *li, const char *text, size_t len, const char *hint,
		       struct cxs_langid_result *res);

/* Like cxs_langid_detect for one sentence of a document whose language is `doc_lang`
 * (one of "sv", "es", "zh", "en", "und"; NULL for none): that language is a prior, and
 * a sentence with too little evidence of its own (one word, no letters) takes it, with
 * half of `doc_score` as its score. */
void cxs_langid_detect_sentence(cxs_langid *li, const char *text, size_t len,
				const char *hint, const char *doc_lang, double doc_score,
				struct cxs_langid_result *res);

/* cxs_langid_detect_sentence for the sentence [start, end) (bytes) of the text last
 * given to cxs_langid_detect, which must still be there unchanged: the evidence of the
 * letters that call found is summed again rather than scanned, so a document costs
 * one scan instead of two. The result is exactly cxs_langid_detect_sentence's. */
void cxs_langid_detect_span(cxs_langid *li, size_t start, size_t end, const char *hint,
			    const char *doc_lang, double doc_score,
			    struct cxs_langid_result *res);

/* Frees the identifier; NULL is a no-op. */
void cxs_langid_free(cxs_langid *li);

#endif

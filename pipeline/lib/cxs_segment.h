/*
 * cxs_segment — sentences and words with byte offsets into the original UTF-8 text.
 *
 * ICU sentence and word break iterators for a language ("sv", "es", "zh", "en", or "" for
 * the root locale); Chinese words come from ICU's dictionary engine. Only word-like
 * segments are tokens (letters, numbers, ideographs, kana): spaces and punctuation are
 * not. Every offset is a byte offset into the text passed in, so evidence can always be
 * shown in the original.
 *
 * Sentences use ICU's abbreviation lists where the locale has one ("Mr." in English,
 * "Sra." in Spanish do not end a sentence; ICU has no Swedish list, so "t.ex. Sen" does),
 * always end at a line or paragraph break, and are trimmed of
 * surrounding white space; blank ones are left out. "2.5", "it's" and "t.ex" are one
 * token each; emoji are not tokens. The iterators and buffers are reused across calls.
 */
#ifndef CXS_SEGMENT_H
#define CXS_SEGMENT_H

#include <stddef.h>

#include "cxs_err.h"

typedef struct cxs_span {
	size_t start, end;      /* [start, end) in bytes */
} cxs_span;

typedef struct cxs_segments {
	const cxs_span *sent;   /* sentences in text order, covering the non-blank text */
	size_t nsent;
	const cxs_span *tok;    /* word tokens in text order; none spans two sentences */
	size_t ntok;
} cxs_segments;

typedef struct cxs_segmenter cxs_segmenter;

/* Opens break iterators for `lang` (an ICU language code; "" or an unknown code gives
 * the root rules). NULL with `err`: CXS_E_CONFIG for a code with '@' or over 16 bytes,
 * CXS_E_NOMEM, CXS_E_INTERNAL when ICU data is missing. Not thread-safe: one per thread. */
cxs_segmenter *cxs_segmenter_new(const char *lang, cxs_err *err);

/* Segments `text` (`len` bytes of valid UTF-8; an invalid byte is read as U+FFFD, so
 * offsets stay right even then). `*out` points to arrays owned by the segmenter, valid
 * until its next call or its free. Returns 0, or -1 with `err`: CXS_E_NOMEM, CXS_E_INPUT
 * for a text of 2 GiB or more, CXS_E_INTERNAL when ICU fails. */
int cxs_segmenter_run(cxs_segmenter *sg, const char *text, size_t len,
		      const cxs_segments **out, cxs_err *err);

/* With `on` non-zero, words always come from ICU's iterator, as they do anyway for
 * text with characters outside Latin-1 letters, ASCII digits and plain punctuation
 * (which a faster path with the same result takes otherwise): for tests comparing
 * the two. */
void cxs_segmenter_icu_words(cxs_segmenter *sg, int on);

/* Frees the segmenter; NULL is a no-op. */
void cxs_segmenter_free(cxs_segmenter *sg);

#endif

/*
 * cxs_segment — sentences and words with byte offsets into the original UTF-8 text.
 *
 * ICU sentence and word break iterators for a language ("sv", "es", "zh", "en", or "" for
 * the root locale); Chinese words come from ICU's dictionary engine. Only word-like
 * segments are tokens (letters, numbers, ideographs, kana): spaces and punctuation are
 * not. Every offset is a byte offset into the text passed in, so evidence can always be
 * shown in the original.
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

/* Opens break iterators for `lang`. NULL with `err`. */
cxs_segmenter *cxs_segmenter_new(const char *lang, cxs_err *err);

/* Segments `text` (`len` bytes of valid UTF-8). `*out` points to arrays owned by the
 * segmenter, valid until its next call or its free. Returns 0, or -1 with `err`. */
int cxs_segmenter_run(cxs_segmenter *sg, const char *text, size_t len,
		      const cxs_segments **out, cxs_err *err);

/* Frees the segmenter; NULL is a no-op. */
void cxs_segmenter_free(cxs_segmenter *sg);

#endif

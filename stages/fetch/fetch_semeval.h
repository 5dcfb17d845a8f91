/*
 * fetch_semeval — SemEval ABSA XML (2014, 2015/2016, and MAMS, which is 2014 without
 * ids): one document per sentence, or per review with --unit review, the annotations
 * in `gold` (README.md, "SemEval ABSA XML"). fetch_feed.c opens the file and calls the
 * reader when the root element is <sentences> or <Reviews>.
 */
#ifndef FETCH_SEMEVAL_H
#define FETCH_SEMEVAL_H

#include <stddef.h>

#include "fetch_internal.h"
#include "fetch_xml.h"

/* Reads the file open in `x`, whose root element (`root`: "sentences" or "Reviews") is
 * the reader's current node; `uri` names it. Counts the documents into *docs. Returns
 * 0, or -1 when the run must stop (damage only makes the run partial). */
int cxs_semeval_read(struct cxs_fetcher *f, cxs_xml *x, const char *uri, const char *root,
		     long long *docs);

/* The byte offset into `s` (`len` bytes of UTF-8) of character (code point) `chars`,
 * as the data sets count, into *bytes. Returns 1, or 0 when `chars` is negative or
 * beyond the end. */
int cxs_semeval_byte_offset(const char *s, size_t len, long chars, size_t *bytes);

#endif

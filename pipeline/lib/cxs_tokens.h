/*
 * cxs_tokens — the per-token arrays of a record (word offsets, forms, stems), read in
 * either schema version and written in version 2 (pipeline/README.md, "Record format").
 *
 * Schema version 2 (what cxs-normalize and cxs-stem write):
 *   `spans`   flat [gap0, len0, gap1, len1, ...] in bytes: token i starts gap_i bytes
 *             after the end of token i-1 (after byte 0 for the first) and is len_i long;
 *   `form_at` flat [i, "form", ...]: only the tokens whose form is not their own bytes
 *             of `text`, in increasing token order;
 *   `stem_at` flat [i, "stem", ...]: only the tokens whose stem is not their form.
 * Schema version 1 (still read): `tokens` absolute [start0, end0, ...]; `forms` and
 * `stems` one string per token, "" meaning "the token's text" and "the form".
 * The key names tell the versions apart per record; a record mixing them is refused.
 *
 * cxs_tokens_read is the one decoder every reader uses (cxs-stem, cxs-classify), so no
 * stage has a path per version. It checks everything a later use relies on (offsets in
 * text order, inside `text`, on character boundaries; indices in range and increasing)
 * and gives a reason naming the field otherwise.
 */
#ifndef CXS_TOKENS_H
#define CXS_TOKENS_H

#include <stddef.h>

#include "cxs_buf.h"
#include "cxs_err.h"
#include "cxs_rec.h"

typedef struct cxs_tokens cxs_tokens;

/* A record's tokens, decoded. Every pointer is owned by the cxs_tokens handle (or points
 * into the record or the `text` given to cxs_tokens_read) and stays valid until the
 * next cxs_tokens_read or cxs_tokens_free. Forms and stems are not NUL-terminated. */
struct cxs_tokview {
	size_t n;                       /* tokens */
	const size_t *off;              /* 2n absolute byte offsets into text: start, end */
	const char *const *form;        /* n forms (the token's text where none is given) */
	const size_t *formlen;
	const char *const *stem;        /* n stems (the form where none is given); NULL
					 * unless CXS_TOKENS_STEMS was asked for */
	const size_t *stemlen;
	int schema;                     /* 1 or 2: how the record spelled them */
};

/* cxs_tokens_read flags. */
#define CXS_TOKENS_STEMS 1              /* the stems too: a record without them is refused */

/* A new handle to reuse for every record; NULL when memory runs out. */
cxs_tokens *cxs_tokens_new(void);

/* Frees the handle; NULL is a no-op. */
void cxs_tokens_free(cxs_tokens *t);

/* Decodes the tokens of `rec`, whose decoded `text` is `text[0, textlen)`, into `*out`.
 * Returns 0, 1 when the record is to be rejected (`reason` says why, naming the field),
 * or -1 when memory runs out. */
int cxs_tokens_read(cxs_tokens *t, const cxs_rec *rec, const char *text, size_t textlen,
		    int flags, struct cxs_tokview *out, cxs_err *reason);

/*
 * Writing version 2. Each function appends to `out` and returns 0, or -1 when memory
 * runs out.
 */

/* `spans` of `n` tokens given as 2n absolute offsets in text order. */
int cxs_tokens_write_spans(cxs_buf *out, const size_t *off, size_t n);

/* One entry `i, "s[0, n)"` of a sparse array (`form_at`, `stem_at`): the caller writes
 * the '[' before the first and the ']' after the last, and adds entries in increasing
 * `i`. */
int cxs_tokens_add_at(cxs_buf *out, size_t i, const char *s, size_t n);

/* `form_at` of the view: the forms that are not their token's bytes of `text`. */
int cxs_tokens_write_forms(cxs_buf *out, const struct cxs_tokview *v, const char *text);

#endif

/*
 * cxs_stemstage — what cxs-stem does to one record, as a handle its main (and the unit
 * tests) can drive: Snowball stems for sv, es and en (other languages keep their
 * forms) and stopword flags from per-language lists.
 */
#ifndef CXS_STEMSTAGE_H
#define CXS_STEMSTAGE_H

#include <jansson.h>

#include "cxs_err.h"
#include "cxs_stage.h"

typedef struct cxs_stemstage cxs_stemstage;

/* Opens the stemmers and their caches, once. NULL with `err`. */
cxs_stemstage *cxs_stemstage_new(cxs_err *err);

/* Loads DIR/LANG.stop for every language that has one (sv, es, en, zh); a missing list
 * is said through `note` (may be NULL) and leaves that language's flags 0. Returns the
 * number of lists loaded, or -1 with `err`: CXS_E_CONFIG for a bad list (its message is
 * "FILE:LINE: ...") or a folder with none. */
long cxs_stemstage_load_stopwords(cxs_stemstage *st, const char *dir, cxs_diag_fn note,
				  void *note_ctx, cxs_err *err);

/* The loaded lists for the manifest: a new array of {name, path, hash, words} the
 * caller owns. */
json_t *cxs_stemstage_lists(const cxs_stemstage *st);

/* A cxs_rec_fn (cxs_stage.h): adds `stems` (an empty string where the stem is the form
 * itself) and `stop` (a string of one '0' or '1' per token) aligned with `forms`;
 * returns 0, 1 (reject: not normalised, arrays out of step, with the reason) or -1. */
struct cxs_rec;
int cxs_stemstage_rec(void *st, struct cxs_rec *rec, cxs_err *reason);

/* The same over a jansson record, changed in place (tests, tools). */
int cxs_stemstage_record(void *st, json_t *rec, cxs_err *reason);

/* Frees the handle; NULL is a no-op. */
void cxs_stemstage_free(cxs_stemstage *st);

#endif

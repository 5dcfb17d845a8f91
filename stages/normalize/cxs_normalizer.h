/*
 * cxs_normalizer — what cxs-normalize does to one record, as a handle its main (and the
 * unit tests) can drive: language identification, sentence and word segmentation with
 * byte offsets into `text`, and each token's normalised form.
 */
#ifndef CXS_NORMALIZER_H
#define CXS_NORMALIZER_H

#include <jansson.h>

#include "cxs_err.h"

typedef struct cxs_normalizer cxs_normalizer;

/* Opens the language identifier, the normaliser and a segmenter per language, once.
 * `forced_lang` (sv, es, zh, en, und) makes every record that language; NULL identifies
 * each one. NULL with `err` (CXS_E_CONFIG for an unknown language, else ICU or memory). */
cxs_normalizer *cxs_normalizer_new(const char *forced_lang, cxs_err *err);

/* The forced language, or NULL when records are identified. Owned by the handle. */
const char *cxs_normalizer_lang(const cxs_normalizer *nz);

/* A cxs_record_fn (cxs_stage.h): adds `lang`, `lang_score`, `sentences`, `tokens` and
 * `forms` to `rec`; returns 0, 1 (reject: no 'text' string, with the reason) or -1. */
int cxs_normalizer_record(void *nz, json_t *rec, cxs_err *reason);

/* Frees the handle; NULL is a no-op. */
void cxs_normalizer_free(cxs_normalizer *nz);

#endif

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

/* Opens the language identifier (the model file `model`, lexicons/langid/model.txt),
 * the normaliser and a segmenter per language, once. `forced_lang` (sv, es, zh, en,
 * und) makes every record and sentence that language, and then no model is read (`model`
 * may be NULL); NULL identifies each sentence. NULL with `err` (CXS_E_CONFIG for an
 * unknown language or a bad model file, else ICU or memory). */
cxs_normalizer *cxs_normalizer_new(const char *forced_lang, const char *model, cxs_err *err);

/* Texts longer than `bytes` are rejected ("text of N bytes is longer than ..."), 0: no
 * limit (the default). A stage sets it from --max-record-bytes: the token arrays normalize
 * and stem add make a record several times its text, and a record over the limit would
 * only be refused by the next stage, after normalize spent seconds and gigabytes on it. */
void cxs_normalizer_set_max_text(cxs_normalizer *nz, size_t bytes);

/* Whether `lang` is one a record can get (sv, es, zh, en, und). */
int cxs_normalizer_lang_ok(const char *lang);

/* The forced language, or NULL when records are identified. Owned by the handle. */
const char *cxs_normalizer_lang(const cxs_normalizer *nz);

/* A cxs_rec_fn (cxs_stage.h): adds `lang`, `lang_score`, `sentences`,
 * `sentence_langs`, `sentence_lang_scores`, `tokens` and `forms` to `rec`; returns 0,
 * 1 (reject: no 'text' string, with the reason) or -1. */
struct cxs_rec;
int cxs_normalizer_rec(void *nz, struct cxs_rec *rec, cxs_err *reason);

/* The same over a jansson record, changed in place (tests, tools). */
int cxs_normalizer_record(void *nz, json_t *rec, cxs_err *reason);

/* Frees the handle; NULL is a no-op. */
void cxs_normalizer_free(cxs_normalizer *nz);

#endif

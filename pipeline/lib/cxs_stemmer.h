/*
 * cxs_stemmer — Snowball stemmers (libstemmer) by our language codes.
 *
 * "sv" → swedish, "es" → spanish, "en" → english, UTF-8. Input must already be
 * normalised (cxs_textnorm: NFKC case-folded), as libstemmer expects lower case.
 */
#ifndef CXS_STEMMER_H
#define CXS_STEMMER_H

#include <stddef.h>

#include "cxs_err.h"

typedef struct cxs_stemmer cxs_stemmer;

/* Non-zero when there is a stemmer for `lang`. */
int cxs_stemmer_has(const char *lang);

/* Opens the stemmer for `lang`. NULL with `err`: CXS_E_CONFIG "no stemmer for language
 * 'xx'" for an unknown language, CXS_E_NOMEM when memory runs out (libstemmer returns
 * NULL for both; we tell them apart). */
cxs_stemmer *cxs_stemmer_new(const char *lang, cxs_err *err);

/* Stems `word` (`len` bytes). The result is owned by the stemmer and valid until its next
 * call; `*outlen` receives its length. Returns NULL only when memory runs out. */
const char *cxs_stemmer_stem(cxs_stemmer *st, const char *word, size_t len, size_t *outlen);

/* Frees the stemmer; NULL is a no-op. */
void cxs_stemmer_free(cxs_stemmer *st);

#endif

/*
 * cxs_stemstage — the per-record work of cxs-stem (see cxs_stemstage.h, README.md).
 */
#include "cxs_stemstage.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cxs_hash.h"
#include "cxs_stemcache.h"
#include "cxs_stemmer.h"
#include "cxs_stopwords.h"
#include "cxs_textnorm.h"

/* The languages that have a stopword list; the first three also have a stemmer. */
static const char *const langs[] = { "sv", "es", "en", "zh" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* Distinct forms remembered per language: a few MB at most, and enough for the common
 * words of a corpus, which make up most tokens. */
#define STEMCACHE_ENTRIES 16384

/* Everything the per-record work needs, opened once before the first record. */
struct cxs_stemstage {
	cxs_stemmer *stemmer[NLANGS];
	cxs_stemcache *cache[NLANGS];   /* NULL where the form is its own stem */
	cxs_stopwords *stop[NLANGS];    /* NULL: no list, no token is a stopword */
	json_t *lexicons[NLANGS];       /* manifest entries of the lists loaded */
	json_t *zero, *one;             /* shared by every `stop` array */
};

static int lang_index(const char *lang)
{
	size_t i;

	for (i = 0; lang && i < NLANGS; i++)
		if (!strcmp(langs[i], lang))
			return (int)i;
	return -1;
}

/* Appends the stem of `form` to `stems`: the form itself without a stemmer. */
static int add_stem(cxs_stemcache *cache, json_t *form, json_t *stems, cxs_err *err)
{
	json_t *stem = form;

	if (cache) {
		stem = cxs_stemcache_stem(cache, form, err);
		if (!stem)
			return -1;
	}
	if (json_array_append(stems, stem) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return 0;
}

/* Checks that `rec` has what cxs-normalize adds. Returns 0, or 1 with the reason. */
static int check_record(json_t *rec, cxs_err *reason)
{
	json_t *forms = json_object_get(rec, "forms"), *tokens = json_object_get(rec, "tokens");

	if (!json_is_array(forms))
		return cxs_reject(reason, "record has no 'forms' array (run cxs-normalize first)");
	if (!json_is_array(tokens))
		return cxs_reject(reason, "record has no 'tokens' array (run cxs-normalize first)");
	if (!json_is_string(json_object_get(rec, "lang")))
		return cxs_reject(reason, "record has no 'lang' string (run cxs-normalize first)");
	if (json_array_size(tokens) != 2 * json_array_size(forms))
		return cxs_reject(reason, "'tokens' has %zu offsets for %zu forms (expected two per form)",
			      json_array_size(tokens), json_array_size(forms));
	return 0;
}

/* Which language each token is in: its sentence's (`sentence_langs`, aligned with
 * `sentences`), else the record's `lang`. */
struct token_langs {
	json_t *tokens, *sent, *slangs;         /* borrowed; slangs NULL: record's only */
	int doc;                                /* index of the record's lang, or -1 */
	size_t j, nsent;                        /* the sentence the last token was in */
};

/* Checks `sentence_langs` when the record has it. Returns 0, or 1 with the reason. */
static int token_langs_init(struct token_langs *tl, json_t *rec, cxs_err *reason)
{
	json_t *slangs = json_object_get(rec, "sentence_langs");
	size_t j;

	tl->tokens = json_object_get(rec, "tokens");
	tl->sent = json_object_get(rec, "sentences");
	tl->doc = lang_index(json_string_value(json_object_get(rec, "lang")));
	tl->slangs = NULL;
	tl->j = tl->nsent = 0;
	if (!slangs)
		return 0;
	if (!json_is_array(slangs) || !json_is_array(tl->sent) ||
	    json_array_size(tl->sent) != 2 * json_array_size(slangs))
		return cxs_reject(reason, "'sentence_langs' is not an array with one language per "
				  "sentence");
	for (j = 0; j < json_array_size(slangs); j++)
		if (!json_is_string(json_array_get(slangs, j)) ||
		    !json_is_integer(json_array_get(tl->sent, 2 * j)) ||
		    !json_is_integer(json_array_get(tl->sent, 2 * j + 1)))
			return cxs_reject(reason, "'sentence_langs' entry %zu is not a string, or "
					  "its sentence has no offsets", j);
	tl->slangs = slangs;
	tl->nsent = json_array_size(slangs);
	return 0;
}

/* The language of token `i` (tokens come in text order). */
static int token_lang(struct token_langs *tl, size_t i)
{
	json_int_t start = json_integer_value(json_array_get(tl->tokens, 2 * i));

	if (!tl->slangs)
		return tl->doc;
	while (tl->j < tl->nsent &&
	       json_integer_value(json_array_get(tl->sent, 2 * tl->j + 1)) <= start)
		tl->j++;
	if (tl->j < tl->nsent && json_integer_value(json_array_get(tl->sent, 2 * tl->j)) <= start)
		return lang_index(json_string_value(json_array_get(tl->slangs, tl->j)));
	return tl->doc;
}

/* Appends a stem and a stop flag for each of `forms`, in its token's language (one we
 * have neither stemmer nor list for keeps the form, flag 0). Returns 0, 1 with the
 * reason (a form is not a string), or -1 with the error. */
static int stem_forms(const struct cxs_stemstage *c, struct token_langs *tl, json_t *forms,
		      json_t *stems, json_t *stop, cxs_err *reason)
{
	size_t i, n = json_array_size(forms);

	for (i = 0; i < n; i++) {
		json_t *form = json_array_get(forms, i);
		int li = token_lang(tl, i), flag;

		if (!json_is_string(form))
			return cxs_reject(reason, "'forms' entry %zu is not a string", i);
		if (add_stem(li >= 0 ? c->cache[li] : NULL, form, stems, reason) < 0)
			return -1;
		flag = cxs_stopwords_has(li >= 0 ? c->stop[li] : NULL, json_string_value(form),
					 json_string_length(form));
		if (json_array_append(stop, flag ? c->one : c->zero) < 0)
			return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	}
	return 0;
}

int cxs_stemstage_record(void *vctx, json_t *rec, cxs_err *reason)
{
	const struct cxs_stemstage *c = vctx;
	struct token_langs tl;
	json_t *stems, *stop;
	int rc;

	if (check_record(rec, reason) || token_langs_init(&tl, rec, reason))
		return 1;
	stems = json_array();
	stop = json_array();
	if (!stems || !stop)
		rc = cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	else
		rc = stem_forms(c, &tl, json_object_get(rec, "forms"), stems, stop, reason);
	if (rc == 0 && (json_object_set(rec, "stems", stems) < 0 ||
			json_object_set(rec, "stop", stop) < 0))
		rc = cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	json_decref(stems);
	json_decref(stop);
	return rc;
}

cxs_stemstage *cxs_stemstage_new(cxs_err *err)
{
	cxs_stemstage *c = calloc(1, sizeof(*c));
	size_t i;

	if (!c) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	for (i = 0; i < NLANGS; i++) {
		if (!cxs_stemmer_has(langs[i]))
			continue;
		c->stemmer[i] = cxs_stemmer_new(langs[i], err);
		if (c->stemmer[i])
			c->cache[i] = cxs_stemcache_new(c->stemmer[i], STEMCACHE_ENTRIES, err);
		if (!c->cache[i])
			goto fail;
	}
	c->zero = json_integer(0);
	c->one = json_integer(1);
	if (!c->zero || !c->one) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		goto fail;
	}
	return c;
fail:
	cxs_stemstage_free(c);
	return NULL;
}

long cxs_stemstage_load_stopwords(cxs_stemstage *c, const char *dir, cxs_diag_fn note,
				  void *note_ctx, cxs_err *err)
{
	cxs_textnorm *tn = cxs_textnorm_new(err);
	size_t i;
	long found = 0;

	if (!tn)
		return -1;
	for (i = 0; i < NLANGS; i++) {
		char path[4096], hex[CXS_SHA256_HEX], msg[4200];
		struct stat sb;

		snprintf(path, sizeof(path), "%s/%s.stop", dir, langs[i]);
		if (stat(path, &sb) < 0 && errno == ENOENT) {
			snprintf(msg, sizeof(msg), "no stopword list '%s': no '%s' token is flagged",
				 path, langs[i]);
			if (note)
				note(note_ctx, msg);
			continue;
		}
		c->stop[i] = cxs_stopwords_load(path, tn, !strcmp(langs[i], "zh"), err);
		if (!c->stop[i] || cxs_sha256_file(path, hex, NULL, err) < 0) {
			if (err && err->kind != CXS_E_NOMEM)
				err->kind = CXS_E_CONFIG;
			cxs_textnorm_free(tn);
			return -1;
		}
		c->lexicons[i] = json_pack("{s:s+, s:s, s:s, s:I}", "name", "stopwords/", langs[i],
					   "path", path, "hash", hex, "words",
					   (json_int_t)cxs_stopwords_count(c->stop[i]));
		found++;
	}
	cxs_textnorm_free(tn);
	if (!found)
		return cxs_err_set(err, CXS_E_CONFIG, "no stopword lists in '%s' (expected LANG.stop "
				   "for sv, es, en or zh)", dir);
	return found;
}

json_t *cxs_stemstage_lists(const cxs_stemstage *c)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < NLANGS; i++)
		if (c->lexicons[i])
			json_array_append(a, c->lexicons[i]);
	return a;
}

void cxs_stemstage_free(cxs_stemstage *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < NLANGS; i++) {
		cxs_stemcache_free(c->cache[i]);
		cxs_stemmer_free(c->stemmer[i]);
		cxs_stopwords_free(c->stop[i]);
		json_decref(c->lexicons[i]);
	}
	json_decref(c->zero);
	json_decref(c->one);
	free(c);
}

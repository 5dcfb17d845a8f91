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
#include "cxs_jsonw.h"
#include "cxs_rec.h"
#include "cxs_stemcache.h"
#include "cxs_stemmer.h"
#include "cxs_stopwords.h"
#include "cxs_textnorm.h"
#include "cxs_tokens.h"

/* The languages that have a stopword list; the first three also have a stemmer. */
static const char *const langs[] = { "sv", "es", "en", "zh" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* Distinct forms remembered per language: a few MB at most, and enough for the common
 * words of a corpus, which make up most tokens. */
#define STEMCACHE_ENTRIES 16384

/* How many tokens ahead the cache slot of a form is fetched: about one memory latency of
 * work per token's lookup (in the language of the token at hand, which it mostly shares) */
#define PREFETCH_AHEAD 8

/* What one record is read into, reused across records. */
struct rec_in {
	cxs_tokens *toks;
	struct cxs_tokview tv;          /* its tokens and forms, in either schema */
	struct cxs_strs slangs;
	struct cxs_ints sent;
	cxs_buf lang, stop, text;
};

/* Everything the per-record work needs, opened once before the first record. */
struct cxs_stemstage {
	cxs_stemmer *stemmer[NLANGS];
	cxs_stemcache *cache[NLANGS];   /* NULL where the form is its own stem */
	cxs_stopwords *stop[NLANGS];    /* NULL: no list, no token is a stopword */
	json_t *lexicons[NLANGS];       /* manifest entries of the lists loaded */
	struct rec_in in;
};

static int lang_index(const char *lang)
{
	size_t i;

	for (i = 0; lang && i < NLANGS; i++)
		if (!strcmp(langs[i], lang))
			return (int)i;
	return -1;
}

static void rec_in_release(struct rec_in *in)
{
	cxs_tokens_free(in->toks);
	cxs_strs_release(&in->slangs);
	cxs_ints_release(&in->sent);
	cxs_buf_release(&in->lang);
	cxs_buf_release(&in->stop);
	cxs_buf_release(&in->text);
}

/* Reads what cxs-normalize adds: the language, the text and the tokens with their
 * forms (either schema version, cxs_tokens.h). Returns 0, 1 with the reason, or -1 (no
 * memory). */
static int read_record(struct rec_in *in, cxs_rec *rec, cxs_err *reason)
{
	int rc = cxs_rec_string(rec, "text", &in->text);

	if (rc == -2)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	if (rc != 1)
		return cxs_reject(reason, "record has no 'text' string");
	if ((rc = cxs_tokens_read(in->toks, rec, in->text.p, in->text.len, 0, &in->tv, reason)))
		return rc;
	rc = cxs_rec_string(rec, "lang", &in->lang);
	if (rc == -2)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	if (rc != 1)
		return cxs_reject(reason, "record has no 'lang' string (run cxs-normalize first)");
	return 0;
}

/* Which language each token is in: its sentence's (`sentence_langs`, aligned with
 * `sentences`), else the record's `lang`. */
struct token_langs {
	const struct rec_in *in;
	int doc;                                /* index of the record's lang, or -1 */
	int has;                                /* the record has sentence_langs */
	size_t j;                               /* the sentence the last token was in */
	int jlang;                              /* its language's index, or -2: not known */
};

/* Checks `sentence_langs` when the record has it. Returns 0, 1 with the reason, or -1. */
static int token_langs_init(struct token_langs *tl, struct rec_in *in, cxs_rec *rec,
			    cxs_err *reason)
{
	size_t bad;
	int rs, rn;

	tl->in = in;
	tl->doc = lang_index(in->lang.p);
	tl->has = 0;
	tl->j = 0;
	tl->jlang = -2;
	if (cxs_rec_type(rec, "sentence_langs") == CXS_REC_ABSENT)
		return 0;
	rs = cxs_rec_strings(rec, "sentence_langs", &in->slangs, &bad);
	rn = cxs_rec_ints(rec, "sentences", &in->sent, NULL);
	if (rs == -2 || rn == -2)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	if ((rs == -1 && bad == (size_t)-1) || rn != 1 ||
	    (long)in->sent.n != 2 * cxs_rec_count(rec, "sentence_langs"))
		return cxs_reject(reason, "'sentence_langs' is not an array with one language per "
				  "sentence");
	if (rs == -1)
		return cxs_reject(reason, "'sentence_langs' entry %zu is not a string, or its "
				  "sentence has no offsets", bad);
	tl->has = 1;
	return 0;
}

/* The language of token `i` (tokens come in text order). */
static int token_lang(struct token_langs *tl, size_t i)
{
	const struct rec_in *in = tl->in;
	size_t start = in->tv.off[2 * i];
	size_t nsent = in->slangs.n;

	if (!tl->has)
		return tl->doc;
	while (tl->j < nsent && in->sent.v[2 * tl->j + 1] <= (long long)start) {
		tl->j++;
		tl->jlang = -2;
	}
	if (tl->j < nsent && in->sent.v[2 * tl->j] <= (long long)start) {
		/* looked up once a sentence, not once a token */
		if (tl->jlang == -2)
			tl->jlang = lang_index(in->slangs.s[tl->j]);
		return tl->jlang;
	}
	return tl->doc;
}

/* Writes `stem_at` (the stems that are not their form) and `stop` (one '0' or '1' per
 * token) for the forms, each in its token's language (one we have neither stemmer nor
 * list for keeps the form, flag 0). Returns 0 or -1 with the error. */
static int stem_forms(struct cxs_stemstage *c, struct token_langs *tl, cxs_rec *rec,
		      cxs_err *reason)
{
	struct rec_in *in = &c->in;
	size_t i, n = in->tv.n;
	cxs_buf *out = cxs_rec_set(rec, "stem_at");

	cxs_buf_reset(&in->stop);
	if (!out || cxs_buf_grow(&in->stop, n) < 0 || cxs_buf_addch(out, '[') < 0)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		const char *form = in->tv.form[i], *stem = form;
		size_t len = in->tv.formlen[i], slen = len;
		int li = token_lang(tl, i), stop;

		/* the cache knows the stopwords of its language too: one lookup a token */
		if (li >= 0 && c->cache[li]) {
			if (i + PREFETCH_AHEAD < n)
				cxs_stemcache_prefetch(c->cache[li], in->tv.form[i + PREFETCH_AHEAD],
						       in->tv.formlen[i + PREFETCH_AHEAD]);
			if (!(stem = cxs_stemcache_word(c->cache[li], form, len, &slen, &stop, reason)))
				return -1;
		} else {
			stop = cxs_stopwords_has(li >= 0 ? c->stop[li] : NULL, form, len);
		}
		if (stem != form && slen && (slen != len || memcmp(stem, form, len)) &&
		    cxs_tokens_add_at(out, i, stem, slen) < 0)
			return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		in->stop.p[in->stop.len++] = stop ? '1' : '0';
	}
	if (cxs_buf_addch(out, ']') < 0 || !(out = cxs_rec_set(rec, "stop")) ||
	    cxs_jw_string(out, in->stop.p ? in->stop.p : "", in->stop.len) < 0)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return 0;
}

/* A record of schema version 1 comes out in version 2: `spans` and `form_at` take the
 * place of `tokens` and `forms` (and of `stems`, written again as `stem_at`). Called
 * before stem_forms so the fields keep their order: offsets, forms, stems, stop. */
static int upgrade(struct rec_in *in, cxs_rec *rec, cxs_err *reason)
{
	cxs_buf *b;

	if (in->tv.schema != 1)
		return 0;
	cxs_rec_drop(rec, "tokens");
	cxs_rec_drop(rec, "forms");
	cxs_rec_drop(rec, "stems");
	if (!(b = cxs_rec_set(rec, "spans")) ||
	    cxs_tokens_write_spans(b, in->tv.off, in->tv.n) < 0 ||
	    !(b = cxs_rec_set(rec, "form_at")) ||
	    cxs_tokens_write_forms(b, &in->tv, in->text.p) < 0)
		return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	return 0;
}

int cxs_stemstage_rec(void *vctx, cxs_rec *rec, cxs_err *reason)
{
	struct cxs_stemstage *c = vctx;
	struct token_langs tl;
	int rc;

	if ((rc = read_record(&c->in, rec, reason)) ||
	    (rc = token_langs_init(&tl, &c->in, rec, reason)) ||
	    (rc = upgrade(&c->in, rec, reason)))
		return rc;
	return stem_forms(c, &tl, rec, reason);
}

int cxs_stemstage_record(void *c, json_t *rec, cxs_err *reason)
{
	return cxs_stage_apply_json(cxs_stemstage_rec, c, rec, reason);
}

cxs_stemstage *cxs_stemstage_new(cxs_err *err)
{
	cxs_stemstage *c = calloc(1, sizeof(*c));
	size_t i;

	if (!c || !(c->in.toks = cxs_tokens_new())) {
		free(c);
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
		if (c->cache[i])
			cxs_stemcache_set_stopwords(c->cache[i], c->stop[i]);
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
	rec_in_release(&c->in);
	free(c);
}

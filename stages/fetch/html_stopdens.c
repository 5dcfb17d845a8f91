#include "html_stopdens.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cxs_hash.h"
#include "cxs_stopwords.h"
#include "cxs_textnorm.h"
#include "cxs_utf8.h"

static const char *const langs[CXS_STOPDENS_NLANG] = { "sv", "es", "en", "zh" };

#define ZH 3

struct cxs_stopdens {
	cxs_stopwords *list[CXS_STOPDENS_NLANG]; /* NULL: no file for that language */
	json_t *entry[CXS_STOPDENS_NLANG];
};

const char *cxs_stopdens_lang_name(int i)
{
	return i >= 0 && i < CXS_STOPDENS_NLANG ? langs[i] : NULL;
}

/* Loads the list of language `i` from `dir`, noting a missing file. 0, or -1 with `err`. */
static int load_one(cxs_stopdens *sd, int i, const char *dir, cxs_textnorm *tn,
		    cxs_diag_fn note, void *note_ctx, cxs_err *err)
{
	char path[4096], hex[CXS_SHA256_HEX];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/%s.stop", dir, langs[i]);
	if (stat(path, &sb) < 0 && errno == ENOENT) {
		char msg[4200];

		snprintf(msg, sizeof(msg), "no stopword list '%s': '%s' pages are scored without "
			 "stopword density", path, langs[i]);
		if (note)
			note(note_ctx, msg);
		return 0;
	}
	sd->list[i] = cxs_stopwords_load(path, tn, i == ZH, err);
	if (!sd->list[i] || cxs_sha256_file(path, hex, NULL, err) < 0)
		return -1;
	sd->entry[i] = json_pack("{s:s+, s:s, s:s, s:I}", "name", "stopwords/", langs[i], "path",
				 path, "hash", hex, "words",
				 (json_int_t)cxs_stopwords_count(sd->list[i]));
	return sd->entry[i] ? 0 : cxs_err_set(err, CXS_E_NOMEM, "out of memory");
}

cxs_stopdens *cxs_stopdens_load(const char *dir, cxs_diag_fn note, void *note_ctx,
				cxs_err *err)
{
	cxs_stopdens *sd = calloc(1, sizeof(*sd));
	cxs_textnorm *tn = sd ? cxs_textnorm_new(err) : NULL;
	int i;

	if (!sd) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	for (i = 0; tn && i < CXS_STOPDENS_NLANG; i++)
		if (load_one(sd, i, dir, tn, note, note_ctx, err) < 0)
			break;
	if (!tn || i < CXS_STOPDENS_NLANG) {
		if (err && err->kind != CXS_E_NOMEM)
			err->kind = CXS_E_CONFIG;
		cxs_textnorm_free(tn);
		cxs_stopdens_free(sd);
		return NULL;
	}
	cxs_textnorm_free(tn);
	return sd;
}

json_t *cxs_stopdens_lists(const cxs_stopdens *sd)
{
	json_t *a = json_array();
	int i;

	for (i = 0; a && sd && i < CXS_STOPDENS_NLANG; i++)
		if (sd->entry[i] && json_array_append(a, sd->entry[i]) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

int cxs_stopdens_lang(const cxs_stopdens *sd, const char *lang)
{
	int i;

	if (!sd || !lang)
		return -1;
	for (i = 0; i < CXS_STOPDENS_NLANG; i++)
		if (!strcmp(lang, langs[i]))
			return sd->list[i] ? i : -1;
	return -1;
}

/* ---- words ---- */

static int is_cjk(unsigned cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Spaces, punctuation and symbols outside ASCII: Latin-1's signs, general punctuation
 * to the miscellaneous symbols, CJK punctuation, full-width ASCII punctuation. */
static int is_sep(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
	       (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	       (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD;
}

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Counts the word `w` (`len` bytes, lowercased; `len` > CXS_STOPWORD_MAX: too long to
 * be a stopword) in the lists `from` to `to`. */
static void add_word(const cxs_stopdens *sd, int from, int to, const char *w, size_t len,
		     struct cxs_stopcount *c)
{
	int i;

	c->words++;
	if (len > CXS_STOPWORD_MAX)
		return;
	for (i = from; i <= to; i++)
		if (cxs_stopwords_has(sd->list[i], w, len))
			c->stop[i]++;
}

void cxs_stopdens_count(const cxs_stopdens *sd, int li, const char *s, size_t n,
			struct cxs_stopcount *c)
{
	char w[CXS_STOPWORD_MAX + 4];
	size_t i = 0, len = 0;
	/* Latin words are looked up in the lists of sv, es and en, ideographs in zh's. */
	int lat_from = li < 0 ? 0 : li, lat_to = li < 0 ? ZH - 1 : li == ZH ? -1 : li;
	int zh = li < 0 || li == ZH;

	if (!sd)
		return;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		unsigned cp;
		size_t k = 1;

		if (b < 0x80) {
			if (is_alnum(b) || (b == '\'' && len && i + 1 < n &&
					    is_alnum((unsigned char)s[i + 1]))) {
				if (len < sizeof(w))
					w[len] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
				len++;
				i++;
				continue;
			}
			cp = b;
		} else {
			cp = cxs_utf8_decode(s + i, n - i, &k);
			if (!k)
				k = 1;
		}
		if (b < 0x80 || is_sep(cp) || is_cjk(cp)) {
			if (cp == 0x2019 && len && i + k < n && is_alnum((unsigned char)s[i + k])) {
				/* a typographic apostrophe: "it’s" is "it's" */
				if (len < sizeof(w))
					w[len] = '\'';
				len++;
				i += k;
				continue;
			}
			if (len)
				add_word(sd, lat_from, lat_to, w, len, c);
			len = 0;
			if (is_cjk(cp))
				add_word(sd, zh ? ZH : 0, zh ? ZH : -1, s + i, k, c);
			i += k;
			continue;
		}
		/* A letter outside ASCII; Latin-1's capitals (U+00C0-U+00DE) are lowered. */
		if (len + k <= sizeof(w)) {
			memcpy(w + len, s + i, k);
			if (cp >= 0xC0 && cp <= 0xDE)
				w[len + 1] = (char)(w[len + 1] + 0x20);
		}
		len += k;
		i += k;
	}
	if (len)
		add_word(sd, lat_from, lat_to, w, len, c);
}

int cxs_stopdens_best(const struct cxs_stopcount *c)
{
	int i, best = -1;

	for (i = 0; i < CXS_STOPDENS_NLANG; i++)
		if (c->stop[i] && (best < 0 || c->stop[i] > c->stop[best]))
			best = i;
	return best;
}

double cxs_stopdens_of(const struct cxs_stopcount *c, int li)
{
	return c->words && li >= 0 ? (double)c->stop[li] / c->words : 0.0;
}

void cxs_stopdens_free(cxs_stopdens *sd)
{
	int i;

	if (!sd)
		return;
	for (i = 0; i < CXS_STOPDENS_NLANG; i++) {
		cxs_stopwords_free(sd->list[i]);
		json_decref(sd->entry[i]);
	}
	free(sd);
}

/*
 * fuzz_lexicon — cxs_lexicon_load (stages/classify/cxs_lexicon.h) over arbitrary term
 * files. The loader reads a folder, so the input is written into a pack folder with a
 * fixed pack.conf and dimensions.tsv:
 *
 *   LANG\n           the language, sv, es, zh or en (anything else means en)
 *   ...              the bytes of LANG.lex
 *   \n%%\n ...       optional: the rest is LANG.sent
 *
 * A lexicon loaded without problems is read back through its lookup API.
 */
#include <string.h>

#include "cxs_lexicon.h"
#include "fuzz_common.h"

/* cx-core's dimensions and those of tests/fixtures/classify/pack-small, so that terms
 * copied from either pack into a seed are valid. */
static const char dims[] =
	"staff\tStaff\tPeople\n"
	"product\tProduct\tWhat is sold\n"
	"food\tFood\tDishes\tproduct\n"
	"ambience\tAmbience\tPlace\n"
	"waiting\tWaiting\tQueues\n"
	"price\tPrice\tValue\n"
	"access\tAccess\tReach\n"
	"personalization\tPersonalization\tFor me\n"
	"cocreation\tCo-creation\tTogether\n"
	"failure\tFailure\tWent wrong\n"
	"recovery\tRecovery\tPut right\n"
	"emotion\tEmotion\tFeelings\n"
	"loyalty\tLoyalty\tComing back\n";

static void check_entries(const cxs_lexicon *lx, const cxs_lexlang *ll, const uint32_t *ix,
			  size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct cxs_lex_entry *e = cxs_lexlang_entry(ll, ix[i]);

		FUZZ_ASSERT(e->nwords > 0 && e->words && e->roles);
		for (k = 0; k < e->nwords; k++)
			FUZZ_ASSERT(e->words[k].s && e->words[k].len > 0);
		for (k = 0; k < e->naspects; k++)
			FUZZ_ASSERT(e->aspects[k].dim < cxs_lexicon_ndims(lx) &&
				    e->aspects[k].weight > 0 && e->aspects[k].term);
	}
}

/* Looks up every stretch of the input between separators as a first word, the way the
 * matcher looks up tokens (the API has no entry count to iterate by). */
static void walk(const cxs_lexicon *lx, const char *s, size_t len)
{
	const cxs_lexlang *ll = cxs_lexicon_lang_at(lx, 0);
	const size_t *plen;
	size_t i, n, start = 0;

	FUZZ_ASSERT(cxs_lexicon_hash(lx) && strlen(cxs_lexicon_hash(lx)) == 64);
	for (i = 0; i < cxs_lexicon_ndims(lx); i++)
		FUZZ_ASSERT(cxs_lexicon_dim(lx, i)->id);
	if (!ll)
		return;
	plen = cxs_lexlang_prefix_lengths(ll, &n);
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(plen[i] > 0 && (i == 0 || plen[i] > plen[i - 1]));
	for (i = 0; i <= len; i++) {
		const uint32_t *ix;
		size_t w = i - start, nix;
		uint32_t h, got;

		if (i < len && !strchr(" \t\n*:", s[i]))
			continue;
		if (w > 0 && cxs_lexlang_by_chars(ll)) {
			h = cxs_lexhash_add(CXS_LEXHASH_INIT, s + start, w);
			if (cxs_lexlang_chars(ll, s + start, w, h, &got) == 1)
				check_entries(lx, ll, &got, 1);
		} else if (w > 0) {
			ix = cxs_lexlang_first(ll, s + start, w, &nix);
			if (ix)
				check_entries(lx, ll, ix, nix);
			ix = cxs_lexlang_first_prefix(ll, s + start, w, &nix);
			if (ix)
				check_entries(lx, ll, ix, nix);
		}
		start = i + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "sv", "es", "zh", "en" };
	const char *lang = "en", *body = (const char *)data, *end = body + size, *sep;
	char path[PATH_MAX], name[16], conf[128];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	size_t i;

	if (!fuzz_dir[0]) {
		fuzz_dir_make("lexicon");
		fuzz_write("dimensions.tsv", dims, sizeof dims - 1, path, sizeof path);
	}
	for (i = 0; i < 4; i++)
		if (size >= 3 && !memcmp(data, langs[i], 2) && data[2] == '\n') {
			lang = langs[i];
			body += 3;
		}
	for (sep = body; end - sep >= 4 && memcmp(sep, "\n%%\n", 4); sep++)
		;
	if (end - sep < 4)
		sep = NULL;
	snprintf(conf, sizeof conf, "name = fuzz\nversion = 1\nlanguages = %s\n", lang);
	fuzz_write("pack.conf", conf, strlen(conf), path, sizeof path);
	snprintf(name, sizeof name, "%s.lex", lang);
	fuzz_write(name, body, (size_t)((sep ? sep + 1 : end) - body), path, sizeof path);
	snprintf(name, sizeof name, "%s.sent", lang);
	if (sep)
		fuzz_write(name, sep + 4, (size_t)(end - sep - 4), path, sizeof path);
	else
		unlink(path);

	lx = cxs_lexicon_load(fuzz_dir, &err);
	FUZZ_ASSERT(lx || err.kind == CXS_E_NOMEM);
	if (lx) {
		size_t np;
		const struct cxs_lex_problem *p = cxs_lexicon_problems(lx, &np);

		for (i = 0; i < np; i++)
			FUZZ_ASSERT(p[i].text && p[i].msg && p[i].file && p[i].line >= 0);
		if (np == 0)
			walk(lx, body, (size_t)(end - body));
	}
	cxs_lexicon_free(lx);
	/* Other languages' files from an earlier input must not leak into this pack. */
	snprintf(path, sizeof path, "%s/%s.lex", fuzz_dir, lang);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s.sent", fuzz_dir, lang);
	unlink(path);
	return 0;
}

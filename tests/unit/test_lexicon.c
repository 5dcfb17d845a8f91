/* Unit tests of the lexicon pack loader: validation messages, term normalisation,
 * lookup tables and the pack hash. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>

#include "cxs_buf.h"
#include "cxs_hash.h"
#include "cxs_lexicon.h"
#include "cxs_segment.h"
#include "cxs_stemmer.h"
#include "cxs_test.h"
#include "cxs_textnorm.h"

static cxs_lexicon *load(const char *rel)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx = cxs_lexicon_load(cxs_test_path(rel), &err);

	if (!lx)
		printf("  could not load '%s': %s\n", rel, err.msg);
	return lx;
}

static void print_problems(const cxs_lexicon *lx)
{
	size_t n, i;
	const struct cxs_lex_problem *p = cxs_lexicon_problems(lx, &n);

	for (i = 0; i < n; i++)
		printf("  unexpected problem: %s\n", p[i].text);
}

/* Every kind of malformed line, each reported with its file and line, all of them. */
static void test_broken_pack(void)
{
	static const char *const expected[] = {
		"pack.conf:3: bad language code 'EN' (two or three lowercase letters, such as 'sv')",
		"pack.conf:3: language 'zh' listed twice",
		"pack.conf:3: no 'sv.lex' for language 'sv'",
		"pack.conf:4: unknown key 'colour'",
		"pack.conf:5: duplicate key 'name' (first on line 2)",
		"pack.conf:6: expected 'key = value'",
		"pack.conf:7: empty value for 'description'",
		"pack.conf: missing required key 'version'",
		"dimensions.tsv:3: unknown parent 'product' of dimension 'food'",
		"dimensions.tsv:4: duplicate dimension 'staff' (first on line 2)",
		"dimensions.tsv:5: bad dimension id 'bad id' (letters, digits, '_', '-' and '.' only)",
		"dimensions.tsv:6: missing TAB after the dimension id: expected 'id<TAB>label<TAB>description[<TAB>parent]'",
		"dimensions.tsv:7: missing description: expected 'id<TAB>label<TAB>description[<TAB>parent]'",
		"dimensions.tsv:8: dimension 'loop' is its own ancestor",
		"dimensions.tsv:9: empty dimension id",
		"dimensions.tsv:10: too many fields: expected 'id<TAB>label<TAB>description[<TAB>parent]'",
		"en.lex:2: warning: duplicate of line 1",
		"en.lex:3: missing TAB between term and dimension",
		"en.lex:4: too many fields: expected 'term<TAB>dimension[:weight]'",
		"en.lex:5: empty term",
		"en.lex:6: unknown dimension 'drinks'",
		"en.lex:7: bad weight 'abc' (a number > 0)",
		"en.lex:8: weight must be > 0, not '0'",
		"en.lex:9: '*' is allowed only at the end of a word: 'se*rvice'",
		"en.lex:10: '*' must follow a word: '*'",
		"en.lex:11: term ':-)' has no word to match",
		"en.lex:12: invalid UTF-8",
		"en.lex:13: bad weight '1e3' (a number > 0)",
		"en.lex:14: empty dimension",
		"en.lex:16: quotes must enclose the whole term (\"term\"), with none inside: '\"special'",
		"en.lex:17: quotes must enclose the whole term (\"term\"), with none inside: 'sp\"ecial'",
		"en.lex:18: empty quoted term: '\"\"'",
		"en.lex:19: '*' in a quoted term: a quoted term matches its own forms only, a "
		"wildcard every form it starts: '\"serv*\"'",
		"en.lex:20: quotes must enclose the whole term (\"term\"), with none inside: "
		"'\"soup\" \"stew\"'",
		"en.sent:2: warning: 'good' repeats line 1 but has valence 2, not 1.9; the first line wins",
		"en.sent:3: missing TAB between term and valence",
		"en.sent:4: valence out of range -4 to 4: '-5'",
		"en.sent:5: bad valence 'nice' (a number from -4 to 4)",
		"en.neg:2: unexpected TAB: one negator (or 'negator<TAB>after') per line",
		"en.int:2: multiplier must be > 0, not '0'",
		"en.int:3: bad multiplier 'x' (a number > 0)",
		"en.int:4: missing TAB between term and multiplier",
		"en.contrast:2: unexpected TAB: one contrast word per line",
		"zh.lex:2: '*' wildcards are not supported in zh terms: '服务*'",
	};
	size_t n_expected = sizeof(expected) / sizeof(expected[0]), n, i;
	cxs_lexicon *lx = load("tests/fixtures/classify/pack-broken");
	const struct cxs_lex_problem *p;
	char want[8192];

	CHECK(lx != NULL);
	if (!lx)
		return;
	p = cxs_lexicon_problems(lx, &n);
	CHECK_INT(n, n_expected);
	for (i = 0; i < n && i < n_expected; i++) {
		snprintf(want, sizeof(want), "%s/%s",
			 cxs_test_path("tests/fixtures/classify/pack-broken"), expected[i]);
		CHECK_STR(p[i].text, want);
	}
	/* the pieces agree with the text */
	CHECK_INT(p[0].line, 3);
	CHECK_STR(p[0].msg, "bad language code 'EN' (two or three lowercase letters, such as 'sv')");
	CHECK_INT(p[7].line, 0);
	CHECK_INT(cxs_lexicon_nerrors(lx), n_expected - 2);   /* two warnings */
	/* the good lines around the bad ones still load */
	CHECK_INT(cxs_lexicon_ndims(lx), 3);   /* staff, food, loop */
	CHECK_INT(cxs_lexlang_counts(cxs_lexicon_lang(lx, "en"))->terms, 2);
	cxs_lexicon_free(lx);
}

static void test_missing_pack(void)
{
	cxs_lexicon *lx = load("tests/fixtures/classify/no-such-pack");
	const struct cxs_lex_problem *p;
	size_t n;
	char want[8192];

	CHECK(lx != NULL);
	if (!lx)
		return;
	p = cxs_lexicon_problems(lx, &n);
	CHECK_INT(n, 2);
	snprintf(want, sizeof(want), "%s/pack.conf: missing (every pack needs a pack.conf)",
		 cxs_test_path("tests/fixtures/classify/no-such-pack"));
	CHECK_STR(n > 0 ? p[0].text : NULL, want);
	cxs_lexicon_free(lx);
}

static void test_small_pack(void)
{
	cxs_lexicon *lx = load("tests/fixtures/classify/pack-small");
	const cxs_lexlang *en, *zh, *es;
	size_t n;

	CHECK(lx != NULL);
	if (!lx)
		return;
	cxs_lexicon_problems(lx, &n);
	CHECK_INT(n, 0);
	print_problems(lx);
	CHECK_STR(cxs_lexicon_name(lx), "test-small");
	CHECK_STR(cxs_lexicon_version(lx), "0.3");
	CHECK_INT(cxs_lexicon_ndims(lx), 5);
	CHECK_STR(cxs_lexicon_dim(lx, 2)->id, "food");
	CHECK_STR(cxs_lexicon_dim(lx, 2)->parent, "product");
	CHECK(cxs_lexicon_dim(lx, 0)->parent == NULL);
	CHECK_INT(cxs_lexicon_nlangs(lx), 4);
	CHECK_STR(cxs_lexlang_code(cxs_lexicon_lang_at(lx, 3)), "zh");
	CHECK(cxs_lexicon_lang(lx, "und") == NULL);
	en = cxs_lexicon_lang(lx, "en");
	zh = cxs_lexicon_lang(lx, "zh");
	es = cxs_lexicon_lang(lx, "es");
	CHECK(en && zh && es);
	if (!en || !zh || !es)
		goto out;
	CHECK_INT(cxs_lexlang_counts(en)->terms, 13);
	CHECK_INT(cxs_lexlang_counts(en)->polarity, 12);   /* with an `initial` one */
	CHECK_INT(cxs_lexlang_counts(en)->negators, 3);
	CHECK_INT(cxs_lexlang_counts(en)->intensifiers, 5);
	CHECK_INT(cxs_lexlang_counts(en)->contrast, 4);   /* built in: but, however, although, though */
	CHECK_INT(cxs_lexlang_counts(zh)->contrast, 5);
	CHECK(!cxs_lexlang_by_chars(en));
	CHECK(cxs_lexlang_by_chars(zh));
	CHECK_INT(cxs_lexlang_max_chars(zh), 3);          /* 服务员 */
out:
	cxs_lexicon_free(lx);
}

/* Terms pass through the text's chain: case folding, stemming, Traditional→Simplified. */
static void test_term_normalisation(void)
{
	cxs_lexicon *lx = load("tests/fixtures/classify/pack-small");
	const cxs_lexlang *en, *zh, *es;
	const struct cxs_lex_entry *e;
	const uint32_t *ix;
	size_t n, nl;
	uint32_t ei;
	const char *s;

	CHECK(lx != NULL);   /* a pack that fails to load must fail the test, not skip it */
	if (!lx)
		return;
	en = cxs_lexicon_lang(lx, "en");
	zh = cxs_lexicon_lang(lx, "zh");
	es = cxs_lexicon_lang(lx, "es");
	/* "Waitress" → casefolded and stemmed like any text token */
	ix = cxs_lexlang_first(en, "waitress", 8, &n);
	CHECK(ix != NULL && n == 1);
	if (ix) {
		e = cxs_lexlang_entry(en, ix[0]);
		CHECK_INT(e->naspects, 1);
		CHECK_STR(e->aspects[0].term, "Waitress");
		CHECK_INT(e->aspects[0].dim, 0);
	}
	/* "waiting time" is stemmed word by word and listed before the one-word "wait..." */
	ix = cxs_lexlang_first(en, "wait", 4, &n);
	CHECK(ix != NULL && n == 1);
	if (ix) {
		e = cxs_lexlang_entry(en, ix[0]);
		CHECK_INT(e->nwords, 2);
		CHECK_STR(e->words[1].s, "time");
		CHECK(!e->words[0].prefix);
	}
	/* "servic*" and "wait*": prefix words, normalised but not stemmed */
	ix = cxs_lexlang_first_prefix(en, "servic", 6, &n);
	CHECK(ix != NULL && n == 1);
	if (ix) {
		e = cxs_lexlang_entry(en, ix[0]);
		CHECK(e->words[0].prefix);
		CHECK(e->aspects[0].weight == 0.5);
	}
	CHECK(cxs_lexlang_first(en, "servic", 6, &n) == NULL);
	{
		const size_t *pl = cxs_lexlang_prefix_lengths(en, &nl);
		CHECK_INT(nl, 2);
		CHECK(nl == 2 && pl[0] == 4 && pl[1] == 6);
	}
	/* one entry serves every role: "not bad" is a polarity word starting like "not" */
	ix = cxs_lexlang_first(en, "not", 3, &n);
	CHECK(ix != NULL && n == 2);
	if (ix && n == 2) {
		e = cxs_lexlang_entry(en, ix[0]);
		CHECK_INT(e->nwords, 2);
		CHECK(e->roles == 1u << CXS_ROLE_POLARITY);
		CHECK(e->valence == 1.5);
		e = cxs_lexlang_entry(en, ix[1]);
		CHECK(e->roles == 1u << CXS_ROLE_NEGATOR);
	}
	/* camarero and camarera meet in one stem: one entry, the first spelling */
	ix = cxs_lexlang_first(es, "camarer", 7, &n);
	CHECK(ix != NULL && n == 1);
	if (ix)
		CHECK_STR(cxs_lexlang_entry(es, ix[0])->aspects[0].term, "camarero");
	CHECK_INT(cxs_lexlang_counts(es)->terms, 7);
	/* zh: the Traditional term 價格 is stored Simplified; prefixes are known */
	s = "价格";
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 1);
	if (cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)), &ei) == 1)
		CHECK_STR(cxs_lexlang_entry(zh, ei)->aspects[0].term, "價格");
	s = "服务";   /* a term itself and the start of 服务员 */
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 1);
	s = "没";     /* a negator and the start of 没有 */
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 1);
	s = "非";     /* only the start of 非常 */
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 0);
	s = "猫";
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), -1);
	cxs_lexicon_free(lx);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The hash is SHA-256 over the sorted names and contents of the files read, as the header
 * documents: recompute it independently from the folder. */
static void test_pack_hash(void)
{
	const char *dir = cxs_test_path("tests/fixtures/classify/pack-small");
	char *names[64], hex[CXS_SHA256_HEX], path[8192];
	cxs_lexicon *lx = load("tests/fixtures/classify/pack-small"), *again;
	cxs_sha256 h;
	size_t n = 0, i;
	DIR *d = opendir(dir);
	struct dirent *de;

	CHECK(d != NULL);
	if (!d || !lx) {
		if (d)
			closedir(d);
		cxs_lexicon_free(lx);
		return;
	}
	while ((de = readdir(d)) && n < 64)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	cxs_sha256_init(&h);
	for (i = 0; i < n; i++) {
		FILE *f;
		char buf[65536], size[32];
		size_t len;

		snprintf(path, sizeof(path), "%s/%s", cxs_test_path("tests/fixtures/classify/pack-small"),
			 names[i]);
		f = fopen(path, "rb");
		len = f ? fread(buf, 1, sizeof(buf), f) : 0;
		if (f)
			fclose(f);
		snprintf(size, sizeof(size), "%zu", len);
		cxs_sha256_update(&h, names[i], strlen(names[i]) + 1);
		cxs_sha256_update(&h, size, strlen(size) + 1);
		cxs_sha256_update(&h, buf, len);
		free(names[i]);
	}
	cxs_sha256_hex(&h, hex);
	CHECK_STR(cxs_lexicon_hash(lx), hex);
	again = load("tests/fixtures/classify/pack-small");
	CHECK(again != NULL);
	if (again)
		CHECK_STR(cxs_lexicon_hash(again), cxs_lexicon_hash(lx));
	cxs_lexicon_free(again);
	cxs_lexicon_free(lx);
}

/* One warning of each kind, on the lines the fixture marks; a pack with warnings only
 * has no errors and its lines still count (the first of two that disagree wins). */
static void test_warnings(void)
{
	static const char *const expected[] = {
		"en.lex:3: warning: duplicate of line 2",
		"en.lex:4: warning: 'waiters' stems like 'waiter' (line 2) but has dimension "
		"'food', not 'staff'; the term counts for both",
		"en.lex:6: warning: 'soups' stems like 'soup' (line 5) but has weight 1, not 1.5; "
		"the first line wins",
		"en.lex:7: warning: 'soup' repeats line 5 but has weight 2, not 1.5; the first line "
		"wins",
		"en.sent:2: warning: duplicate of line 1",
		"en.sent:4: warning: 'greatly' stems like 'great' (line 3) but has valence 2, not "
		"3.1; the first line wins",
		"en.sent:5: warning: 'good' repeats line 1 but has valence 2.5, not 1.9; the first "
		"line wins",
		"en.neg:2: warning: duplicate of line 1",
		"en.neg:3: warning: 'lack' never negates: the polarity word 'lacking' (en.sent line "
		"6) takes it whole",
		"en.int:2: warning: 'very' repeats line 1 but has multiplier 1.5, not 1.3; the "
		"first line wins",
		"en.int:3: warning: 'greatly' is the polarity word 'great' too (en.sent line 3): it "
		"scales only a polarity word right after it and judges everywhere else",
		"zh.lex:2: warning: '服務員' normalises like '服务员' (line 1) but has weight 0.5, "
		"not 1; the first line wins",
	};
	size_t n_expected = sizeof(expected) / sizeof(expected[0]), n, i, k;
	const char *dir = "tests/fixtures/classify/pack-warnings";
	cxs_lexicon *lx = load(dir);
	const struct cxs_lex_problem *p;
	const struct cxs_lex_entry *e;
	const cxs_lexlang *en;
	const uint32_t *ix;
	char want[8192];

	CHECK(lx != NULL);
	if (!lx)
		return;
	p = cxs_lexicon_problems(lx, &n);
	CHECK_INT(n, n_expected);
	CHECK_INT(cxs_lexicon_nerrors(lx), 0);
	for (i = 0; i < n && i < n_expected; i++) {
		snprintf(want, sizeof(want), "%s/%s", cxs_test_path(dir), expected[i]);
		CHECK_STR(p[i].text, want);
		CHECK_INT(p[i].warning, 1);
	}
	CHECK_STR(n > 0 ? p[0].msg : NULL, "duplicate of line 2");
	en = cxs_lexicon_lang(lx, "en");
	CHECK(en != NULL);
	if (!en)
		goto out;
	CHECK_INT(cxs_lexlang_counts(en)->terms, 7);
	/* the first line wins: soup 1.5, good 1.9, very 1.3; waiter(s) counts for both */
	ix = cxs_lexlang_first(en, "soup", 4, &k);
	CHECK(ix && k == 1);
	if (ix && k == 1) {
		e = cxs_lexlang_entry(en, ix[0]);
		CHECK_INT(e->naspects, 1);
		CHECK(e->naspects == 1 && e->aspects[0].weight == 1.5);
	}
	ix = cxs_lexlang_first(en, "good", 4, &k);
	CHECK(ix && k == 1 && cxs_lexlang_entry(en, ix[0])->valence == 1.9);
	ix = cxs_lexlang_first(en, "veri", 4, &k);
	CHECK(ix && k == 1 && cxs_lexlang_entry(en, ix[0])->multiplier == 1.3);
	ix = cxs_lexlang_first(en, "waiter", 6, &k);
	CHECK(ix && k == 1 && cxs_lexlang_entry(en, ix[0])->naspects == 2);
out:
	cxs_lexicon_free(lx);
}

/* The bundled pack loads without a single problem: no error and no warning. */
static void test_cx_core(void)
{
	cxs_lexicon *lx = load("lexicons/cx-core");
	size_t n, i;

	CHECK(lx != NULL);
	if (!lx)
		return;
	cxs_lexicon_problems(lx, &n);
	CHECK_INT(n, 0);
	print_problems(lx);
	CHECK(cxs_lexicon_ndims(lx) >= 12);
	for (i = 0; i < cxs_lexicon_nlangs(lx); i++)
		CHECK(cxs_lexlang_counts(cxs_lexicon_lang_at(lx, i))->terms > 0);
	CHECK(cxs_lexicon_lang(lx, "sv") && cxs_lexicon_lang(lx, "es") &&
	      cxs_lexicon_lang(lx, "zh") && cxs_lexicon_lang(lx, "en"));
	cxs_lexicon_free(lx);
}

/* The problem texts of `lx` without the folder, joined by "|". */
static const char *problem_list(const cxs_lexicon *lx, const char *dir)
{
	static char out[2048];
	size_t n, i, k = strlen(dir) + 1, len = 0;
	const struct cxs_lex_problem *p = cxs_lexicon_problems(lx, &n);

	out[0] = '\0';
	for (i = 0; i < n && len < sizeof(out); i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? "|" : "",
					strlen(p[i].text) > k ? p[i].text + k : p[i].text);
	return out;
}

/* A byte order mark is accepted at the very start of a file only: anywhere else (two
 * files pasted together, a term copied with one) it is reported with its line. */
static void test_bom(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;

	snprintf(dir, sizeof(dir), "%s/bom", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "\xEF\xBB\xBFname = bom\nversion = 1\nlanguages = en\n"
		   "licence = CC0-1.0\ndescription = BOMs\n");
	cxs_test_write(dir, "dimensions.tsv", "\xEF\xBB\xBFstaff\tStaff\tPeople\n");
	cxs_test_write(dir, "en.lex", "\xEF\xBB\xBFwaiter\tstaff\n"
		   "\xEF\xBB\xBF# a second file pasted here\n"
		   "host\xEF\xBB\xBF\tstaff\nwaitress\tstaff\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir),
		  "en.lex:2: BOM (U+FEFF) inside the file: only its very start may have one|"
		  "en.lex:3: BOM (U+FEFF) inside the file: only its very start may have one");
	CHECK_INT(cxs_lexlang_counts(cxs_lexicon_lang(lx, "en"))->terms, 2);
	cxs_lexicon_free(lx);
	/* The same in a dictionary to import. */
	cxs_test_write(dir, "mine.tsv", "\xEF\xBB\xBFstaff\twaiter\nstaff\thost\xEF\xBB\xBF\n");
	snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/mine.tsv");
	lx = cxs_lexicon_import(dir, cxs_test_path("tests/fixtures/classify/pack-small"), &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	*strrchr(dir, '/') = '\0';
	CHECK_STR(problem_list(lx, dir),
		  "mine.tsv:2: BOM (U+FEFF) inside the file: only its very start may have one");
	cxs_lexicon_free(lx);
}

/* The prefix filter never hides a form a wildcard starts (its head is as short as the
 * shortest wildcard, here one byte) and skips forms none can start; a first word's
 * candidates carry what the matcher rules them out by. */
static void test_match_tables(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	const struct cxs_lex_cand *c;
	const cxs_lexlang *en;
	cxs_lexicon *lx;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/tables", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = tables\nversion = 1\nlanguages = en\n"
		   "licence = CC0-1.0\ndescription = lookup tables\n");
	cxs_test_write(dir, "dimensions.tsv", "staff\tStaff\tPeople\nwaiting\tWaiting\tTime\n");
	cxs_test_write(dir, "en.lex", "q*\tstaff\nservic*\tstaff\nwaiting time\twaiting\n"
		   "wait staff*\twaiting\nwaiter\tstaff\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir), "");
	en = cxs_lexicon_lang(lx, "en");
	CHECK(cxs_lexlang_may_prefix(en, "queue", 5));
	CHECK(cxs_lexlang_may_prefix(en, "q", 1));
	CHECK(cxs_lexlang_may_prefix(en, "services", 8));
	CHECK(!cxs_lexlang_may_prefix(en, "", 0));
	/* "wait" and "waiter" start no wildcard: their first byte is no wildcard's */
	CHECK(!cxs_lexlang_may_prefix(en, "waiter", 6));
	c = cxs_lexlang_first_cands(en, "wait", 4, cxs_lexhash_add(CXS_LEXHASH_INIT, "wait", 4),
				    &n);
	CHECK_INT(n, 2);
	if (c && n == 2) {
		/* pack order among terms of as many words: waiting time, then wait staff* */
		CHECK_INT(c[0].nwords, 2);
		CHECK_INT(c[0].roles, 1u << CXS_ROLE_ASPECT);
		CHECK_INT(c[0].second_stem, 1);
		CHECK_INT(c[0].h2, cxs_lexhash_add(CXS_LEXHASH_INIT, "time", 4));
		CHECK_INT(c[1].second_stem, 0);
		CHECK_INT(cxs_lexlang_entry(en, c[0].entry)->nwords, 2);
	}
	c = cxs_lexlang_prefix_cands(en, "q", 1, cxs_lexhash_add(CXS_LEXHASH_INIT, "q", 1), &n);
	CHECK(c != NULL);
	CHECK_INT(n, 1);
	CHECK(cxs_lexlang_prefix_cands(en, "qu", 2, cxs_lexhash_add(CXS_LEXHASH_INIT, "qu", 2),
				       &n) == NULL);
	cxs_lexicon_free(lx);
}

/* A quoted term keeps its words' forms beside their stems, is found by its first stem
 * like any term but ahead of the plain terms of as many words (the more specific), and
 * is an entry of its own; Chinese has no stems, so quotes change nothing there. */
static void test_quoted_terms(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	const struct cxs_lex_cand *c;
	const struct cxs_lex_entry *e;
	const cxs_lexlang *en, *zh;
	cxs_lexicon *lx;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/quoted", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = quoted\nversion = 1\nlanguages = en zh\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\nstaff\tStaff\tPeople\n");
	cxs_test_write(dir, "en.lex", "specials\tstaff\n\"Special\"\tfood\n"
		   "\"wait staff\"\tstaff\nwaiting times\tstaff\n\"SPECIAL\"\tfood:0.5\n");
	cxs_test_write(dir, "zh.lex", "\"服务\"\tstaff\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	/* quoted spellings meet by their forms, not their stems */
	CHECK_STR(problem_list(lx, dir), "en.lex:5: warning: '\"SPECIAL\"' normalises like "
		  "'\"Special\"' (line 2) but has weight 0.5, not 1; the first line wins|"
		  "zh.lex:1: warning: quotes change nothing in zh terms, which match their own "
		  "forms only already: '\"服务\"'");
	en = cxs_lexicon_lang(lx, "en");
	c = cxs_lexlang_first_cands(en, "special", 7,
				    cxs_lexhash_add(CXS_LEXHASH_INIT, "special", 7), &n);
	CHECK_INT(n, 2);
	if (c && n == 2) {
		/* the quoted one first although the pack lists it second */
		CHECK_INT(c[0].first_form, 1);
		CHECK_INT(c[1].first_form, 0);
		e = cxs_lexlang_entry(en, c[0].entry);
		CHECK_STR(e->words[0].s, "special");
		CHECK(e->words[0].form && e->words[0].formlen == 7 &&
		      !memcmp(e->words[0].form, "special", 7));
		CHECK_STR(e->aspects[0].term, "\"Special\"");
		CHECK(cxs_lexlang_entry(en, c[1].entry)->words[0].form == NULL);
	}
	/* every word of a quoted phrase keeps its form, and the second word's stem hash
	 * still rules candidates out */
	c = cxs_lexlang_first_cands(en, "wait", 4, cxs_lexhash_add(CXS_LEXHASH_INIT, "wait", 4),
				    &n);
	CHECK_INT(n, 2);
	if (c && n == 2) {
		CHECK_INT(c[0].first_form, 1);
		CHECK_INT(c[0].second_stem, 1);
		e = cxs_lexlang_entry(en, c[0].entry);
		CHECK(e->nwords == 2 && e->words[1].form && e->words[1].formlen == 5);
		CHECK_INT(cxs_lexlang_entry(en, c[1].entry)->words[1].formlen, 0);
	}
	zh = cxs_lexicon_lang(lx, "zh");
	{
		uint32_t ei;
		const char *s = "服务";

		CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s),
					    cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)), &ei), 1);
	}
	cxs_lexicon_free(lx);
	/* an imported dictionary's terms are read as a pack's, quotes and their errors too */
	cxs_test_write(dir, "mine.en.tsv", "food\t\"special\"\nfood\tsp\"ecial\n");
	snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/mine.en.tsv");
	lx = cxs_lexicon_import(dir, cxs_test_path("tests/fixtures/classify/pack-small"), &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	*strrchr(dir, '/') = '\0';
	CHECK_STR(problem_list(lx, dir), "mine.en.tsv:2: quotes must enclose the whole term "
		  "(\"term\"), with none inside: 'sp\"ecial'");
	c = cxs_lexlang_first_cands(cxs_lexicon_lang(lx, "en"), "special", 7,
				    cxs_lexhash_add(CXS_LEXHASH_INIT, "special", 7), &n);
	CHECK(c != NULL && n == 1 && c[0].first_form);
	cxs_lexicon_free(lx);
}

/* The entry that the first word of `text` reaches when it is read as a record's text is
 * (cxs-normalize's words and forms, cxs-stem's stems), or NULL: a term must meet the
 * words of text written the same way. */
static const struct cxs_lex_entry *entry_of_text(const cxs_lexlang *ll, const char *lang,
						 const char *text)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_segmenter *sg = cxs_segmenter_new(lang, &err);
	cxs_textnorm *tn = cxs_textnorm_new(&err);
	cxs_stemmer *st = cxs_stemmer_new(lang, &err);
	const struct cxs_lex_entry *e = NULL;
	const struct cxs_lex_cand *c;
	const cxs_segments *segs;
	cxs_buf form = CXS_BUF_INIT;
	const char *stem;
	size_t n, sl;

	if (sg && tn && st && cxs_segmenter_run(sg, text, strlen(text), &segs, &err) == 0 &&
	    segs->ntok > 0 &&
	    cxs_textnorm_form(tn, text + segs->tok[0].start,
			      segs->tok[0].end - segs->tok[0].start, 0, &form, &err) == 0 &&
	    (stem = cxs_stemmer_stem(st, form.p, form.len, &sl)) != NULL &&
	    (c = cxs_lexlang_first_cands(ll, stem, sl, cxs_lexhash_add(CXS_LEXHASH_INIT, stem, sl),
					 &n)) != NULL)
		e = cxs_lexlang_entry(ll, c[0].entry);
	cxs_buf_release(&form);
	cxs_stemmer_free(st);
	cxs_textnorm_free(tn);
	cxs_segmenter_free(sg);
	return e;
}

/* Parts of terms that are letters alone skip the break iterators at load (one_word in
 * cxs_lexicon.c); they must come out as the iterators would make them: accented capitals
 * folded, × and ÷ (Latin-1, not letters) still breaking words, a Chinese word that the
 * dictionary splits still one term, a Traditional one still Simplified. */
static void test_one_word_parts(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	const struct cxs_lex_entry *e;
	const cxs_lexlang *zh;
	cxs_lexicon *lx;
	uint32_t ei;
	const char *s;

	snprintf(dir, sizeof(dir), "%s/oneword", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = oneword\nversion = 1\nlanguages = en es sv zh\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\nstaff\tStaff\tPeople\n");
	cxs_test_write(dir, "en.lex", "CAFÉS\tfood\nsoup×bread\tfood\n");
	cxs_test_write(dir, "es.lex", "Niñeras\tstaff\n");
	cxs_test_write(dir, "sv.lex", "SMÖRGÅSAR\tfood\n");
	cxs_test_write(dir, "zh.lex", "服务员\tstaff\n廚師\tstaff\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx) {
		printf("  %s\n", err.msg);
		return;
	}
	CHECK_STR(problem_list(lx, dir), "");
	e = entry_of_text(cxs_lexicon_lang(lx, "en"), "en", "café");
	CHECK(e != NULL && e->nwords == 1);
	e = entry_of_text(cxs_lexicon_lang(lx, "es"), "es", "niñera");
	CHECK(e != NULL && e->nwords == 1);
	e = entry_of_text(cxs_lexicon_lang(lx, "sv"), "sv", "smörgås");
	CHECK(e != NULL && e->nwords == 1);
	/* × is no letter: two words, as in a text */
	e = entry_of_text(cxs_lexicon_lang(lx, "en"), "en", "soups");
	CHECK(e != NULL && e->nwords == 2);
	if (e && e->nwords == 2)
		CHECK_STR(e->words[1].s, "bread");
	zh = cxs_lexicon_lang(lx, "zh");
	s = "服务员";   /* ICU's dictionary makes 服务|员 of it */
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 1);
	s = "厨师";     /* written 廚師 */
	CHECK_INT(cxs_lexlang_chars(zh, s, strlen(s), cxs_lexhash_add(CXS_LEXHASH_INIT, s, strlen(s)),
				    &ei), 1);
	cxs_lexicon_free(lx);
}

/* A .sent line may end in `initial` (a word only where it opens its sentence); any other
 * third field is an error of its line. */
static void test_initial_field(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;

	snprintf(dir, sizeof(dir), "%s/initial", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = initial\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\n");
	cxs_test_write(dir, "en.lex", "soup\tfood\n");
	cxs_test_write(dir, "en.sent", "try the\t1.5\tinitial\nget the\t1\tfirst\n"
		   "have the\t1\tinitial\tnow\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir),
		  "en.sent:2: too many fields: expected 'term<TAB>valence', "
		  "'term<TAB>valence<TAB>initial' or 'term<TAB>valence<TAB>for:DIMENSION'|"
		  "en.sent:3: too many fields: expected 'term<TAB>valence', "
		  "'term<TAB>valence<TAB>initial' or 'term<TAB>valence<TAB>for:DIMENSION'");
	CHECK_INT(cxs_lexlang_counts(cxs_lexicon_lang(lx, "en"))->polarity, 1);
	cxs_lexicon_free(lx);
}

/* A .sent line may end in `for:DIMENSION` (a word that judges that dimension only); the
 * entry keeps the dimension, and an unknown one is an error of its line. */
static void test_for_field(void)
{
	char dir[4096], file[4200];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	const cxs_lexlang *en;
	const uint32_t *c;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/for-field", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = for\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\n"
		   "price\tPrice\tWhat it costs\n");
	cxs_test_write(dir, "en.lex", "soup\tfood\n");
	cxs_test_write(dir, "en.sent", "high\t-1.5\tfor:price\nlow\t1\tfor:drinks\n"
		   "good\t1.9\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir), "en.sent:2: unknown dimension 'drinks'");
	en = cxs_lexicon_lang(lx, "en");
	CHECK_INT(cxs_lexlang_counts(en)->polarity, 2);
	c = cxs_lexlang_first(en, "high", 4, &n);
	CHECK(c != NULL && n == 1);
	if (c)
		CHECK_INT(cxs_lexlang_entry(en, c[0])->only_dim, 2);
	c = cxs_lexlang_first(en, "good", 4, &n);
	CHECK(c != NULL && n == 1);
	if (c)
		CHECK_INT(cxs_lexlang_entry(en, c[0])->only_dim, 0);
	cxs_lexicon_free(lx);
	/* a dictionary imported with this pack as its base has its own categories: a word
	 * for one of them judges it, a word for a dimension it lacks judges nothing, and
	 * neither is a problem ("drinks" is no dimension of the base pack either) */
	cxs_test_write(dir, "mine.en.dic", "%\n1\tprice\n%\nprices\t1\n");
	snprintf(file, sizeof(file), "%s/mine.en.dic", dir);
	lx = cxs_lexicon_import(file, dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir), "");
	en = cxs_lexicon_lang(lx, "en");
	c = cxs_lexlang_first(en, "high", 4, &n);
	CHECK(c != NULL && n == 1);
	if (c)
		CHECK_INT(cxs_lexlang_entry(en, c[0])->only_dim, 1);
	CHECK(cxs_lexlang_first(en, "low", 3, &n) == NULL);
	cxs_lexicon_free(lx);
}

/* pack.conf's nearest_hit marks the entries of the languages it names; a language the
 * pack does not have is an error of its line. */
static void test_nearest_hit_conf(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	const uint32_t *c;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/nearest-hit", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = near\nversion = 1\nlanguages = en es\n"
		   "nearest_hit = en fr\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\n");
	cxs_test_write(dir, "en.lex", "soup\tfood\n");
	cxs_test_write(dir, "es.lex", "sopa\tfood\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir), "pack.conf:4: nearest_hit: language 'fr' is not in "
		  "'languages'");
	c = cxs_lexlang_first(cxs_lexicon_lang(lx, "en"), "soup", 4, &n);
	CHECK(c != NULL);
	if (c)
		CHECK_INT(cxs_lexlang_entry(cxs_lexicon_lang(lx, "en"), c[0])->nearest_hit, 1);
	c = cxs_lexlang_first(cxs_lexicon_lang(lx, "es"), "sop", 3, &n);
	CHECK(c != NULL);
	if (c)
		CHECK_INT(cxs_lexlang_entry(cxs_lexicon_lang(lx, "es"), c[0])->nearest_hit, 0);
	cxs_lexicon_free(lx);
}

/* pack.conf's needs_opinion marks the aspects of the languages and dimensions it names,
 * and only those; a bad pair is an error of its line. */
static void test_needs_opinion(void)
{
	char dir[4096];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	const struct cxs_lex_entry *e;
	const uint32_t *ix;
	size_t n;

	snprintf(dir, sizeof(dir), "%s/needs-opinion", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = opinion\nversion = 1\nlanguages = en es\n"
		   "needs_opinion = es:food\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\nstaff\tStaff\tWho serves\n");
	cxs_test_write(dir, "en.lex", "soup\tfood\n");
	cxs_test_write(dir, "es.lex", "sopa\tfood\nsopa\tstaff\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir), "");
	ix = cxs_lexlang_first(cxs_lexicon_lang(lx, "es"), "sop", 3, &n);
	CHECK(ix != NULL && n == 1);
	if (ix && n == 1) {
		e = cxs_lexlang_entry(cxs_lexicon_lang(lx, "es"), ix[0]);
		CHECK_INT(e->naspects, 2);
		if (e->naspects == 2) {
			CHECK_INT(e->aspects[0].needs_opinion, 1);   /* food */
			CHECK_INT(e->aspects[1].needs_opinion, 0);   /* staff */
		}
	}
	ix = cxs_lexlang_first(cxs_lexicon_lang(lx, "en"), "soup", 4, &n);
	CHECK(ix != NULL && n == 1);
	if (ix && n == 1)
		CHECK_INT(cxs_lexlang_entry(cxs_lexicon_lang(lx, "en"), ix[0])->aspects[0]
			  .needs_opinion, 0);
	cxs_lexicon_free(lx);

	cxs_test_write(dir, "pack.conf", "name = opinion\nversion = 1\nlanguages = en es\n"
		   "needs_opinion = es:food fr:food es:drinks es food: :food\n");
	lx = cxs_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (!lx)
		return;
	CHECK_STR(problem_list(lx, dir),
		  "pack.conf:4: needs_opinion: language 'fr' is not in 'languages'|"
		  "pack.conf:4: needs_opinion: unknown dimension 'drinks'|"
		  "pack.conf:4: expected 'LANG:DIMENSION' in needs_opinion, not 'es'|"
		  "pack.conf:4: expected 'LANG:DIMENSION' in needs_opinion, not 'food:'|"
		  "pack.conf:4: expected 'LANG:DIMENSION' in needs_opinion, not ':food'");
	cxs_lexicon_free(lx);
}

int main(void)
{
	RUN(test_broken_pack);
	RUN(test_missing_pack);
	RUN(test_small_pack);
	RUN(test_term_normalisation);
	RUN(test_pack_hash);
	RUN(test_warnings);
	RUN(test_cx_core);
	RUN(test_bom);
	RUN(test_match_tables);
	RUN(test_quoted_terms);
	RUN(test_one_word_parts);
	RUN(test_initial_field);
	RUN(test_for_field);
	RUN(test_nearest_hit_conf);
	RUN(test_needs_opinion);
	u_cleanup();
	return cxs_test_done();
}

/* Unit tests of cxs_stemmer, the libstemmer wrapper by our language codes, and of
 * cxs-stem's cxs_stemcache in front of it (stages/stem). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cxs_stemcache.h"
#include "cxs_stemmer.h"
#include "cxs_test.h"

/* The stem of the NUL-terminated `word`, copied (the stemmer's own result lives only
 * until its next call, and the tests compare two stems). */
static const char *stem(cxs_stemmer *st, const char *word, char *out, size_t cap)
{
	size_t n = 0;
	const char *s = cxs_stemmer_stem(st, word, strlen(word), &n);

	if (!s || n >= cap)
		return NULL;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

static void test_has(void)
{
	CHECK(cxs_stemmer_has("sv"));
	CHECK(cxs_stemmer_has("es"));
	CHECK(cxs_stemmer_has("en"));
	CHECK(!cxs_stemmer_has("zh"));
	CHECK(!cxs_stemmer_has("und"));
	CHECK(!cxs_stemmer_has("english"));
	CHECK(!cxs_stemmer_has(""));
	CHECK(!cxs_stemmer_has(NULL));
}

static void test_english(void)
{
	cxs_err err;
	cxs_stemmer *st = cxs_stemmer_new("en", &err);
	char a[64], b[64];

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_STR(stem(st, "running", a, sizeof(a)), "run");
	CHECK_STR(stem(st, "connection", a, sizeof(a)), "connect");
	CHECK_STR(stem(st, "connections", a, sizeof(a)), "connect");
	CHECK_STR(stem(st, "connected", b, sizeof(b)), "connect");
	/* The result is a length, not a C string: stemming a prefix must not see the rest. */
	{
		size_t n = 0;
		const char *s = cxs_stemmer_stem(st, "runningXYZ", 7, &n);

		CHECK(s != NULL);
		CHECK_INT(n, 3);
		CHECK(s && !memcmp(s, "run", 3));
	}
	{
		size_t n = 99;
		const char *s = cxs_stemmer_stem(st, "", 0, &n);

		CHECK(s != NULL);
		CHECK_INT(n, 0);
	}
	cxs_stemmer_free(st);
}

static void test_swedish(void)
{
	cxs_err err;
	cxs_stemmer *st = cxs_stemmer_new("sv", &err);
	char a[64], b[64];

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(stem(st, "servitörerna", a, sizeof(a)) != NULL);
	CHECK(stem(st, "servitören", b, sizeof(b)) != NULL);
	CHECK_STR(a, b);
	/* …and a stem is shorter than the inflected word, so something was removed. */
	CHECK(strlen(a) < strlen("servitören"));
	cxs_stemmer_free(st);
}

static void test_spanish(void)
{
	cxs_err err;
	cxs_stemmer *st = cxs_stemmer_new("es", &err);
	char a[64], b[64];

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(stem(st, "camareros", a, sizeof(a)) != NULL);
	CHECK(stem(st, "camarero", b, sizeof(b)) != NULL);
	CHECK_STR(a, b);
	CHECK(strlen(a) < strlen("camarero"));
	cxs_stemmer_free(st);
}

static void test_unknown_language(void)
{
	cxs_err err;

	cxs_err_clear(&err);
	CHECK(cxs_stemmer_new("de", &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK_STR(err.msg, "no stemmer for language 'de'");

	/* Snowball's own algorithm names are not our language codes. */
	cxs_err_clear(&err);
	CHECK(cxs_stemmer_new("swedish", &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);

	CHECK(cxs_stemmer_new("zh", NULL) == NULL);
}

static void test_free_null(void)
{
	cxs_stemmer_free(NULL);
}

/* Several stemmers at once are independent: each keeps its own result. */
static void test_independent_handles(void)
{
	cxs_stemmer *en = cxs_stemmer_new("en", NULL);
	cxs_stemmer *es = cxs_stemmer_new("es", NULL);
	size_t n1 = 0, n2 = 0;
	const char *s1, *s2;

	CHECK(en && es);
	if (en && es) {
		s1 = cxs_stemmer_stem(en, "connections", 11, &n1);
		s2 = cxs_stemmer_stem(es, "camareros", 9, &n2);
		CHECK(s1 && n1 == 7 && !memcmp(s1, "connect", 7));
		CHECK(s2 != NULL);
	}
	cxs_stemmer_free(en);
	cxs_stemmer_free(es);
}

/* The cache answers like the stemmer, shares the form when nothing changes, and hands
 * out the same JSON string for a repeated form. */
static void test_cache(void)
{
	cxs_stemmer *st = cxs_stemmer_new("en", NULL);
	cxs_stemcache *c = st ? cxs_stemcache_new(st, 100, NULL) : NULL;
	char running[] = "running", again[] = "running", staff[] = "staff", r[] = "running";
	const char *a, *b;
	size_t n;

	CHECK(c != NULL);
	if (c) {
		a = cxs_stemcache_stem(c, running, 7, &n, NULL);
		CHECK(a && n == 3 && !memcmp(a, "run", 3));
		CHECK_INT(cxs_stemcache_count(c), 1);
		b = cxs_stemcache_stem(c, again, 7, &n, NULL);
		CHECK(a == b);
		CHECK_INT(cxs_stemcache_count(c), 1);
		/* a form that is its own stem comes back as itself */
		CHECK(cxs_stemcache_stem(c, staff, 5, &n, NULL) == staff);
		CHECK_INT(cxs_stemcache_count(c), 2);
	}
	/* The cache keeps its own copies: the records' bytes may change. */
	memset(running, 'x', 7);
	if (c) {
		a = cxs_stemcache_stem(c, r, 7, &n, NULL);
		CHECK(a && n == 3 && !memcmp(a, "run", 3));
	}
	cxs_stemcache_free(c);
	cxs_stemcache_free(NULL);
	cxs_stemmer_free(st);
}

/* Past its bound the cache empties and refills; answers stay right, and long forms are
 * stemmed without being kept. */
static void test_cache_bounded(void)
{
	cxs_stemmer *st = cxs_stemmer_new("en", NULL);
	cxs_stemcache *c = st ? cxs_stemcache_new(st, 16, NULL) : NULL;
	char w[256], want[256];
	int i, wrong = 0;

	CHECK(c != NULL);
	if (!c) {
		cxs_stemmer_free(st);
		return;
	}
	for (i = 0; i < 200; i++) {
		size_t n, sn;
		const char *s, *stem;

		snprintf(w, sizeof(w), "connection%dings", i % 50);
		s = cxs_stemmer_stem(st, w, strlen(w), &n);
		snprintf(want, sizeof(want), "%.*s", (int)n, s);
		stem = cxs_stemcache_stem(c, w, strlen(w), &sn, NULL);
		wrong += !stem || sn != strlen(want) || memcmp(stem, want, sn);
		CHECK(cxs_stemcache_count(c) <= 16);
	}
	CHECK_INT(wrong, 0);
	{
		size_t before = cxs_stemcache_count(c), n, sn;
		const char *s, *stem;

		memset(w, 'a', CXS_STEMCACHE_MAX_FORM);
		snprintf(w + CXS_STEMCACHE_MAX_FORM, sizeof(w) - CXS_STEMCACHE_MAX_FORM, "ings");
		s = cxs_stemmer_stem(st, w, strlen(w), &n);
		snprintf(want, sizeof(want), "%.*s", (int)n, s);
		stem = cxs_stemcache_stem(c, w, strlen(w), &sn, NULL);
		CHECK(stem && sn == strlen(want) && !memcmp(stem, want, sn));
		CHECK_INT(cxs_stemcache_count(c), before);
		CHECK(strlen(want) < strlen(w)); /* it was really stemmed */
	}
	cxs_stemcache_free(c);
	cxs_stemmer_free(st);
}

/* Where Debian's snowball-data keeps the Snowball vocabularies, or NULL. */
static const char *snowball_data_dir(void)
{
	static const char *const dirs[] = { "/usr/share/snowball/data",
					    "/usr/share/snowball-data" };
	struct stat sb;
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (stat(dirs[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			return dirs[i];
	return NULL;
}

/* Strips a trailing "\n" or "\r\n"; returns the length left. */
static size_t chomp(char *s, ssize_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return (size_t)n;
}

/* Every word of voc.txt must stem to the same line of output.txt. Returns the number of
 * words compared, or -1 when the files cannot be read. */
static long check_vocabulary(const char *dir, const char *algorithm, const char *lang)
{
	char voc[512], out[512];
	FILE *fv, *fo;
	char *w = NULL, *e = NULL;
	size_t wcap = 0, ecap = 0;
	ssize_t wn, en;
	long words = 0, wrong = 0;
	cxs_stemmer *st = cxs_stemmer_new(lang, NULL);

	snprintf(voc, sizeof(voc), "%s/%s/voc.txt", dir, algorithm);
	snprintf(out, sizeof(out), "%s/%s/output.txt", dir, algorithm);
	fv = fopen(voc, "r");
	fo = fopen(out, "r");
	CHECK(st != NULL);
	CHECK(fv != NULL);
	CHECK(fo != NULL);
	if (!st || !fv || !fo) {
		words = -1;
		goto done;
	}
	while ((wn = getline(&w, &wcap, fv)) > 0) {
		size_t wl = chomp(w, wn), sl = 0;
		const char *s;

		en = getline(&e, &ecap, fo);
		if (en <= 0) {
			printf("  %s: output.txt is shorter than voc.txt\n", algorithm);
			wrong++;
			break;
		}
		chomp(e, en);
		words++;
		s = cxs_stemmer_stem(st, w, wl, &sl);
		if (!s || sl != strlen(e) || memcmp(s, e, sl)) {
			if (wrong < 5)
				printf("  %s: '%s' stems to '%.*s', expected '%s'\n", algorithm, w,
				       s ? (int)sl : 6, s ? s : "(null)", e);
			wrong++;
		}
	}
	if (wrong)
		printf("  %s: %ld of %ld words differ\n", algorithm, wrong, words);
	CHECK_INT(wrong, 0);
	CHECK(words > 1000); /* the files were really read */
done:
	free(w);
	free(e);
	if (fv)
		fclose(fv);
	if (fo)
		fclose(fo);
	cxs_stemmer_free(st);
	return words;
}

static void test_snowball_vocab(void)
{
	const char *dir = snowball_data_dir();

	check_vocabulary(dir, "swedish", "sv");
	check_vocabulary(dir, "spanish", "es");
	check_vocabulary(dir, "english", "en");
}

int main(void)
{
	RUN(test_has);
	RUN(test_english);
	RUN(test_swedish);
	RUN(test_spanish);
	RUN(test_unknown_language);
	RUN(test_free_null);
	RUN(test_independent_handles);
	RUN(test_cache);
	RUN(test_cache_bounded);
	/* Not a pass when the data is missing: a "skip" line is counted neither way. */
	if (snowball_data_dir())
		RUN(test_snowball_vocab);
	else
		printf("skip test_snowball_vocab: snowball-data not installed "
		       "(scripts/install-deps installs it)\n");
	return cxs_test_done();
}

/* Unit tests of cxs_stopwords: LANG.stop files loaded into a hash set. */
#include <stdio.h>
#include <string.h>

#include "cxs_stopwords.h"
#include "cxs_textnorm.h"
#include "cxs_test.h"

static cxs_textnorm *tn;

static int has(const cxs_stopwords *sw, const char *word)
{
	return cxs_stopwords_has(sw, word, strlen(word));
}

/* A string literal as pointer and length, NUL bytes inside included. */
#define LIT(s) s, sizeof(s) - 1

/* Writes `n` bytes of `data` to a file in the test's directory and returns its path. */
static const char *write_list(const char *name, const char *data, size_t n)
{
	static char path[4][512];
	static int k;
	FILE *f;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", cxs_test_tmpdir(), name);
	f = fopen(path[k], "wb");
	if (f) {
		fwrite(data, 1, n, f);
		fclose(f);
	}
	return path[k];
}

static void test_add_has(void)
{
	cxs_stopwords *sw = cxs_stopwords_new(NULL);

	CHECK(sw != NULL);
	if (!sw)
		return;
	CHECK_INT(cxs_stopwords_count(sw), 0);
	CHECK(!has(sw, "the"));
	CHECK_INT(cxs_stopwords_add(sw, "the", 3), 1);
	CHECK_INT(cxs_stopwords_add(sw, "the", 3), 0);
	CHECK_INT(cxs_stopwords_add(sw, "thee", 3), 0); /* only 3 bytes: "the" again */
	CHECK_INT(cxs_stopwords_count(sw), 1);
	CHECK(has(sw, "the"));
	CHECK(!has(sw, "th"));
	CHECK(!has(sw, "then"));
	CHECK(!has(sw, ""));
	CHECK(cxs_stopwords_has(sw, "then", 3));
	cxs_stopwords_free(sw);
}

/* Enough words to grow the table several times; every one must still be found. */
static void test_many_words(void)
{
	cxs_stopwords *sw = cxs_stopwords_new(NULL);
	char w[32];
	int i, missing = 0, extra = 0;

	CHECK(sw != NULL);
	if (!sw)
		return;
	for (i = 0; i < 20000; i++) {
		snprintf(w, sizeof(w), "w%d", i);
		CHECK_INT(cxs_stopwords_add(sw, w, strlen(w)), 1);
	}
	CHECK_INT(cxs_stopwords_count(sw), 20000);
	for (i = 0; i < 20000; i++) {
		snprintf(w, sizeof(w), "w%d", i);
		missing += !has(sw, w);
		snprintf(w, sizeof(w), "x%d", i);
		extra += has(sw, w);
	}
	CHECK_INT(missing, 0);
	CHECK_INT(extra, 0);
	cxs_stopwords_free(sw);
}

static void test_null(void)
{
	CHECK(!cxs_stopwords_has(NULL, "the", 3));
	CHECK_INT(cxs_stopwords_count(NULL), 0);
	cxs_stopwords_free(NULL);
}

static void test_load_fixture(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stopwords *sw = cxs_stopwords_load(cxs_test_path("tests/fixtures/stem/stopwords/en.stop"),
					       tn, 0, &err);

	CHECK(sw != NULL);
	if (!sw) {
		printf("  %s\n", err.msg);
		return;
	}
	/* 14 distinct words: "The" is "the" once normalised. */
	CHECK_INT(cxs_stopwords_count(sw), 14);
	CHECK(has(sw, "the"));
	CHECK(!has(sw, "The")); /* lookups take normalised forms */
	CHECK(has(sw, "and"));  /* the comment after it is gone */
	CHECK(has(sw, "very")); /* so are the blanks before it */
	CHECK(!has(sw, "#"));
	CHECK(!has(sw, "comment"));
	CHECK(!has(sw, "stopwords"));
	CHECK(!has(sw, "service"));
	cxs_stopwords_free(sw);
}

static void test_load_chinese(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stopwords *sw = cxs_stopwords_load(cxs_test_path("tests/fixtures/stem/stopwords/zh.stop"),
					       tn, 1, &err);

	CHECK(sw != NULL);
	if (!sw) {
		printf("  %s\n", err.msg);
		return;
	}
	CHECK_INT(cxs_stopwords_count(sw), 7);
	CHECK(has(sw, "的"));
	CHECK(has(sw, "我们")); /* written 我們 (Traditional) in the file */
	CHECK(has(sw, "这"));
	CHECK(!has(sw, "我們"));
	CHECK(!has(sw, "服务"));
	cxs_stopwords_free(sw);
}

/* A byte order mark, CRLF line ends, full-width letters and no final newline. */
static void test_load_details(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	const char *path = write_list("details.stop",
				      LIT("\xEF\xBB\xBFuno\r\n# comentario\r\n\r\nDOS\r\n"
					  "\xEF\xBC\xB4\xEF\xBC\xB2\xEF\xBC\xA5\xEF\xBC\xB3\r\ncuatro"));
	cxs_stopwords *sw = cxs_stopwords_load(path, tn, 0, &err);

	CHECK(sw != NULL);
	if (!sw) {
		printf("  %s\n", err.msg);
		return;
	}
	CHECK_INT(cxs_stopwords_count(sw), 4);
	CHECK(has(sw, "uno"));
	CHECK(has(sw, "dos"));
	CHECK(has(sw, "tres")); /* ＴＲＥＳ, full width */
	CHECK(has(sw, "cuatro"));
	cxs_stopwords_free(sw);
}

static void test_empty_list(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_stopwords *sw = cxs_stopwords_load(write_list("empty.stop", LIT("# nothing yet\n\n")), tn,
					       0, &err);

	CHECK(sw != NULL);
	CHECK_INT(cxs_stopwords_count(sw), 0);
	CHECK(!has(sw, "nothing"));
	cxs_stopwords_free(sw);
}

/* Loading `data` (`n` bytes) must fail with CXS_E_CONFIG and the message "PATH" + `suffix`. */
static void expect_error(const char *data, size_t n, const char *suffix)
{
	cxs_err err = { CXS_E_NONE, "" };
	const char *path = write_list("bad.stop", data, n);
	char want[1024];

	snprintf(want, sizeof(want), "%s%s", path, suffix);
	CHECK(cxs_stopwords_load(path, tn, 0, &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK_STR(err.msg, want);
}

static void test_errors(void)
{
	char longword[CXS_STOPWORD_MAX + 3];

	expect_error(LIT("ok\n# fine\nbad\xFFword\n"), ":3: invalid UTF-8");
	expect_error(LIT("ok\n\xC3\n"), ":2: invalid UTF-8");
	expect_error(LIT("one\ntwo words\n"), ":2: more than one word in 'two words'");
	expect_error(LIT("one\n\ttab\tword  # comment\n"), ":2: more than one word in 'tab\tword'");
	/* U+3000 IDEOGRAPHIC SPACE becomes a space under NFKC. */
	expect_error(LIT("a\xE3\x80\x80" "b\n"), ":1: more than one word in 'a\xE3\x80\x80" "b'");
	expect_error(LIT("x\nnul\0byte\n"), ":2: invalid UTF-8");
	memset(longword, 'a', sizeof(longword) - 2);
	longword[sizeof(longword) - 2] = '\n';
	longword[sizeof(longword) - 1] = '\0';
	expect_error(longword, strlen(longword), ":1: word longer than 128 bytes");
}

static void test_missing_file(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	char path[512], want[1024];

	snprintf(path, sizeof(path), "%s/no-such.stop", cxs_test_tmpdir());
	snprintf(want, sizeof(want), "could not open '%s': No such file or directory", path);
	CHECK(cxs_stopwords_load(path, tn, 0, &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK_STR(err.msg, want);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	tn = cxs_textnorm_new(&err);
	if (!tn) {
		printf("FAIL test_stopwords: cxs_textnorm_new: %s\n", err.msg);
		return 1;
	}
	RUN(test_add_has);
	RUN(test_many_words);
	RUN(test_null);
	RUN(test_load_fixture);
	RUN(test_load_chinese);
	RUN(test_load_details);
	RUN(test_empty_list);
	RUN(test_errors);
	RUN(test_missing_file);
	cxs_textnorm_free(tn);
	return cxs_test_done();
}

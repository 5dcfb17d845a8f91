/* Unit tests for cxs_textnorm: NFKC case folding and Traditional→Simplified. */
#include <unicode/uclean.h>

#include "cxs_test.h"

#include "cxs_textnorm.h"

static cxs_textnorm *tn;
static cxs_buf out = CXS_BUF_INIT;

/* The form of `s`, in `out` (valid until the next call). */
static const char *form(const char *s, int zh)
{
	cxs_err err = { CXS_E_NONE, "" };

	if (cxs_textnorm_form(tn, s, strlen(s), zh, &out, &err) < 0) {
		printf("  textnorm error: %s\n", err.msg);
		return NULL;
	}
	CHECK_INT(strlen(out.p), out.len);
	return out.p;
}

static void test_ascii_lowercase(void)
{
	CHECK_STR(form("Hello, WORLD 42!", 0), "hello, world 42!");
	CHECK_STR(form("", 0), "");
	CHECK_STR(form("already lower", 1), "already lower");
}

static void test_fullwidth(void)
{
	CHECK_STR(form("\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C\xEF\xBD\x97\xEF\xBD\x89"
		       "\xEF\xBD\x84\xEF\xBD\x94\xEF\xBD\x88", 0), "fullwidth");  /* Ｆｕｌｌｗｉｄｔｈ */
	CHECK_STR(form("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", 0), "123");    /* １２３ */
}

static void test_ligature(void)
{
	CHECK_STR(form("\xEF\xAC\x81ne", 0), "fine");       /* ﬁne */
	CHECK_STR(form("\xEF\xAC\x80" "ect", 0), "ffect");  /* ﬀect */
}

static void test_sharp_s(void)
{
	CHECK_STR(form("STRASSE", 0), "strasse");
	CHECK_STR(form("Stra\xC3\x9F" "e", 0), "strasse");   /* Straße */
}

static void test_swedish(void)
{
	CHECK_STR(form("\xC3\x85\xC3\x84\xC3\x96", 0), "\xC3\xA5\xC3\xA4\xC3\xB6");  /* ÅÄÖ → åäö */
	CHECK_STR(form("K\xC3\x96TTBULLAR", 0), "k\xC3\xB6ttbullar");
}

static void test_composed_decomposed(void)
{
	char a[64], b[64];

	snprintf(a, sizeof(a), "%s", form("caf\xC3\xA9", 0));   /* é precomposed */
	snprintf(b, sizeof(b), "%s", form("cafe\xCC\x81", 0));  /* e + combining acute */
	CHECK_STR(a, b);
	CHECK_STR(a, "caf\xC3\xA9");
	CHECK_STR(form("CAFE\xCC\x81", 0), "caf\xC3\xA9");
}

static void test_traditional_chinese(void)
{
	/* 服務員態度 → 服务员态度 with zh, unchanged without */
	CHECK_STR(form("\xE6\x9C\x8D\xE5\x8B\x99\xE5\x93\xA1\xE6\x85\x8B\xE5\xBA\xA6", 1),
		  "\xE6\x9C\x8D\xE5\x8A\xA1\xE5\x91\x98\xE6\x80\x81\xE5\xBA\xA6");
	CHECK_STR(form("\xE6\x9C\x8D\xE5\x8B\x99\xE5\x93\xA1\xE6\x85\x8B\xE5\xBA\xA6", 0),
		  "\xE6\x9C\x8D\xE5\x8B\x99\xE5\x93\xA1\xE6\x85\x8B\xE5\xBA\xA6");
	/* Simplified stays as it is; Latin letters beside Han are still folded */
	CHECK_STR(form("\xE5\xBE\x88\xE5\xA5\xBD", 1), "\xE5\xBE\x88\xE5\xA5\xBD");   /* 很好 */
	CHECK_STR(form("WiFi\xE5\xBE\x88\xE6\x85\xA2", 1), "wifi\xE5\xBE\x88\xE6\x85\xA2");
	/* zh on does not touch non-Han text */
	CHECK_STR(form("\xC3\x85RET", 1), "\xC3\xA5ret");
}

/* Typographic quotes and dashes meet their ASCII forms. */
static void test_quotes_and_dashes(void)
{
	CHECK_STR(form("It\xE2\x80\x99s", 0), "it's");                               /* It’s */
	CHECK_STR(form("\xE2\x80\x9CGreat\xE2\x80\x9D", 0), "\"great\"");            /* “Great” */
	CHECK_STR(form("e\xE2\x80\x91mail \xE2\x80\x93 \xE2\x80\x94 \xE2\x88\x92" "1", 0),
		  "e-mail - - -1");                                       /* ‑ – — − */
	CHECK_STR(form("\xEF\xBC\x87ok\xEF\xBC\x8D", 0), "'ok-");                  /* full-width ＇ok－ */
}

/* Skin tones are dropped, so every "👍🏽" meets the lexicon's "👍"; the emoji stays. */
static void test_emoji_modifiers(void)
{
	CHECK_STR(form("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 0), "\xF0\x9F\x91\x8D");      /* 👍🏽 */
	CHECK_STR(form("\xF0\x9F\x91\x8F\xF0\x9F\x8F\xBB!", 0), "\xF0\x9F\x91\x8F!");    /* 👏🏻! */
	CHECK_STR(form("\xF0\x9F\x8F\xA0", 0), "\xF0\x9F\x8F\xA0");                          /* 🏠 kept */
}

static void test_invalid_utf8(void)
{
	CHECK_STR(form("a\xFF" "B", 0), "a\xEF\xBF\xBD" "b");
	CHECK_STR(form("\xC3", 0), "\xEF\xBF\xBD");              /* truncated sequence */
	CHECK_STR(form("\xE6\x9C", 1), "\xEF\xBF\xBD");          /* truncated Han */
	CHECK_STR(form("\xED\xA0\x80x", 0), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");  /* surrogate */
}

/* A string long enough to grow every buffer, with an expanding character (U+FDFA, 18
 * units after NFKC) so the normaliser's output outgrows its first guess. */
static void test_long_and_expanding(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_buf in = CXS_BUF_INIT;
	int i, ok;

	for (i = 0; i < 3000; i++)
		cxs_buf_addstr(&in, "\xEF\xB7\xBA");
	ok = cxs_textnorm_form(tn, in.p, in.len, 1, &out, &err);
	CHECK_INT(ok, 0);
	CHECK(out.len > in.len * 5);
	cxs_buf_reset(&in);
	for (i = 0; i < 5000; i++)
		cxs_buf_addstr(&in, "\xE6\x9C\x8D\xE5\x8B\x99 ");
	ok = cxs_textnorm_form(tn, in.p, in.len, 1, &out, &err);
	CHECK_INT(ok, 0);
	CHECK_INT(out.len, in.len);
	CHECK(!memcmp(out.p, "\xE6\x9C\x8D\xE5\x8A\xA1 ", 7));
	CHECK(!memcmp(out.p + out.len - 7, "\xE6\x9C\x8D\xE5\x8A\xA1 ", 7));
	cxs_buf_release(&in);
}

/* cxs_textnorm_keeps says 1 only where the form is the text itself, and knows the
 * common cases: lower-case ASCII and Simplified Chinese. */
static void keeps(const char *s, int zh, int expect)
{
	int k = cxs_textnorm_keeps(tn, s, strlen(s), zh);

	CHECK_INT(k, expect);
	if (k)
		CHECK_STR(form(s, zh), s);
}

static void test_keeps(void)
{
	keeps("waiters", 0, 1);
	keeps("it's", 1, 1);
	keeps("", 0, 1);
	keeps("Waiters", 0, 0);                         /* a capital */
	keeps("caf\xC3\xA9", 0, 0);                     /* café: not known */
	keeps("\xE6\x9C\x8D\xE5\x8A\xA1", 1, 1);          /* 服务 */
	keeps("\xE6\x9C\x8D\xE5\x8B\x99", 1, 0);          /* 服務: Traditional */
	keeps("\xE6\x9C\x8D\xE5\x8B\x99", 0, 1);          /* ...kept without zh */
	keeps("\xE3\x81\x82", 1, 0);                     /* あ: not known */
	keeps("\xEF\xBC\xA6", 0, 0);                     /* Ｆ: full width */
	keeps("\xE6\x9C", 1, 0);                         /* cut short */
	keeps("\xE6\x9C\x41", 1, 0);                     /* invalid */
}

/* Hant-Hans compiled from its rules in ICU's data does what ICU's registry opens by
 * name: on every ideograph alone, and on random strings of two to four of them (the
 * rules have contexts of several characters). */
static void test_hans_rules_as_by_name(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_textnorm *named = cxs_textnorm_new(&err);
	cxs_buf want = CXS_BUF_INIT;
	unsigned seed = 4711, c;
	int i, k, bad = 0;

	CHECK(named != NULL);
	if (!named)
		return;
	cxs_textnorm_hans_by_name(named);
	for (i = 0; i < 0x9FFF - 0x3400 + 1 + 60000 && bad < 3; i++) {
		char s[16];
		size_t n = 0;
		int len = i <= 0x9FFF - 0x3400 ? 1 : 2 + i % 3;

		for (k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			c = len == 1 ? 0x3400u + (unsigned)i : 0x4E00u + (seed >> 8) % 0x5200u;
			s[n++] = (char)(0xE0 | (c >> 12));
			s[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			s[n++] = (char)(0x80 | (c & 0x3F));
		}
		s[n] = '\0';
		if (cxs_textnorm_form(named, s, n, 1, &want, &err) < 0 ||
		    cxs_textnorm_form(tn, s, n, 1, &out, &err) < 0) {
			printf("  textnorm error: %s\n", err.msg);
			bad++;
		} else if (want.len != out.len || memcmp(want.p, out.p, out.len)) {
			printf("  '%s': '%s' by name, '%s' from the rules\n", s, want.p, out.p);
			bad++;
		}
	}
	CHECK_INT(bad, 0);
	cxs_buf_release(&want);
	cxs_textnorm_free(named);
}

static void test_free_null(void)
{
	cxs_textnorm_free(NULL);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	tn = cxs_textnorm_new(&err);
	if (!tn) {
		printf("FAIL setup: %s\n", err.msg);
		return 1;
	}
	RUN(test_ascii_lowercase);
	RUN(test_fullwidth);
	RUN(test_ligature);
	RUN(test_sharp_s);
	RUN(test_swedish);
	RUN(test_composed_decomposed);
	RUN(test_traditional_chinese);
	RUN(test_quotes_and_dashes);
	RUN(test_emoji_modifiers);
	RUN(test_invalid_utf8);
	RUN(test_long_and_expanding);
	RUN(test_keeps);
	RUN(test_hans_rules_as_by_name);
	RUN(test_free_null);
	cxs_textnorm_free(tn);
	cxs_buf_release(&out);
	u_cleanup();
	return cxs_test_done();
}

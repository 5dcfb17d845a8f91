/* Unit tests of fetch_text (whitespace, blank documents, language hints, line ends) and
 * fetch_charset (what declares a file's encoding, decoding to UTF-8). */
#include <string.h>

#include "cxs_test.h"
#include "fetch_charset.h"
#include "fetch_text.h"

static void test_space_at(void)
{
	CHECK_INT(cxs_space_at(" x", 2), 1);
	CHECK_INT(cxs_space_at("\r", 1), 1);
	CHECK_INT(cxs_space_at("\xc2\xa0x", 3), 2);            /* no-break space */
	CHECK_INT(cxs_space_at("\xe3\x80\x80", 3), 3);         /* ideographic space */
	CHECK_INT(cxs_space_at("\xe2\x80\x89", 3), 3);         /* thin space */
	CHECK_INT(cxs_space_at("\xe2\x80\xaf", 3), 3);         /* narrow no-break space */
	CHECK_INT(cxs_space_at("\xe2\x80\x8b", 3), 0);         /* zero width space: not blank */
	CHECK_INT(cxs_space_at("\xe2\x80\x94", 3), 0);         /* em dash */
	CHECK_INT(cxs_space_at("\xc3\xa9", 2), 0);
	CHECK_INT(cxs_space_at("\xe3\x80", 2), 0);             /* truncated: not read past */
	CHECK_INT(cxs_space_at("a", 1), 0);
}

static void test_blank(void)
{
	CHECK(cxs_text_blank("", 0));
	CHECK(cxs_text_blank(" \t\r\n", 4));
	CHECK(cxs_text_blank("\xc2\xa0\xe3\x80\x80 ", 6));
	CHECK(!cxs_text_blank("  x ", 4));
	CHECK(!cxs_text_blank("\xe5\xa5\xbd", 3));
	/* The length counts, not a NUL. */
	CHECK(cxs_text_blank("  x", 2));
}

static void test_lang_primary(void)
{
	char out[CXS_LANG_MAX];

	CHECK(cxs_lang_primary("sv-SE", 5, out));
	CHECK_STR(out, "sv");
	CHECK(cxs_lang_primary(" ZH_Hant_TW\n", 12, out));
	CHECK_STR(out, "zh");
	CHECK(cxs_lang_primary("en", 2, out));
	CHECK_STR(out, "en");
	CHECK(cxs_lang_primary("spanish", 7, out));
	CHECK_STR(out, "spanish");
	CHECK(!cxs_lang_primary("e", 1, out));
	CHECK_STR(out, "");
	CHECK(!cxs_lang_primary("", 0, out));
	CHECK(!cxs_lang_primary("x-klingon", 9, out));
	CHECK(!cxs_lang_primary("en US", 5, out));
	CHECK(!cxs_lang_primary("abcdefghi", 9, out));
	CHECK(!cxs_lang_primary("s\xc3\xa9", 3, out));
	CHECK(!cxs_lang_primary("12", 2, out));
	/* Only `len` bytes are read. */
	CHECK(cxs_lang_primary("es-ES", 2, out));
	CHECK_STR(out, "es");
}

static void test_newlines(void)
{
	char a[] = "one\r\ntwo\rthree\n\r\nfour\r";
	char b[] = "no carriage returns\n";
	size_t n = cxs_text_unify_newlines(a, strlen(a));

	a[n] = '\0';
	CHECK_STR(a, "one\ntwo\nthree\n\nfour\n");
	CHECK_INT(cxs_text_unify_newlines(b, strlen(b)), strlen(b));
}

static void test_sniff(void)
{
	char name[CXS_CHARSET_MAX];
	size_t bom = 99;
	const char *p;

	CHECK_INT(cxs_charset_sniff("<p>x</p>", 8, 1, name, &bom), CXS_CHARSET_DEFAULT);
	CHECK_STR(name, "UTF-8");
	CHECK_INT(bom, 0);
	CHECK_INT(cxs_charset_sniff("\xef\xbb\xbfx", 4, 0, name, &bom), CXS_CHARSET_BOM);
	CHECK_STR(name, "UTF-8");
	CHECK_INT(bom, 3);
	CHECK_INT(cxs_charset_sniff("\xfe\xff\0x", 4, 0, name, &bom), CXS_CHARSET_BOM);
	CHECK_STR(name, "UTF-16BE");
	CHECK_INT(bom, 2);
	CHECK_INT(cxs_charset_sniff("\xff\xfex\0", 4, 1, name, &bom), CXS_CHARSET_BOM);
	CHECK_STR(name, "UTF-16LE");
	p = "<html><head><META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=Shift_JIS\">";
	CHECK_INT(cxs_charset_sniff(p, strlen(p), 1, name, &bom), CXS_CHARSET_DECLARED);
	CHECK_STR(name, "Shift_JIS");
	/* Text files do not look for <meta>. */
	CHECK_INT(cxs_charset_sniff(p, strlen(p), 0, name, &bom), CXS_CHARSET_DEFAULT);
	/* WHATWG labels. */
	p = "<meta charset='latin1'>";
	cxs_charset_sniff(p, strlen(p), 1, name, &bom);
	CHECK_STR(name, "windows-1252");
	p = "<meta charset=GB2312>";
	cxs_charset_sniff(p, strlen(p), 1, name, &bom);
	CHECK_STR(name, "GBK");
	p = "<meta charset=\"utf-16\">";
	cxs_charset_sniff(p, strlen(p), 1, name, &bom);
	CHECK_STR(name, "UTF-8");
	/* A <meta> inside a comment does not count; a meta without charset neither. */
	p = "<!-- <meta charset=koi8-r> --><meta name=x content=y><meta charset=big5>";
	cxs_charset_sniff(p, strlen(p), 1, name, &bom);
	CHECK_STR(name, "Big5");
	p = "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html>";
	CHECK_INT(cxs_charset_sniff(p, strlen(p), 1, name, &bom), CXS_CHARSET_DECLARED);
	CHECK_STR(name, "EUC-JP");
	/* Beyond the prescan window a declaration is not seen. */
	{
		static char late[CXS_CHARSET_PRESCAN + 64];
		memset(late, ' ', sizeof(late));
		memcpy(late + CXS_CHARSET_PRESCAN + 2, "<meta charset=big5>", 19);
		CHECK_INT(cxs_charset_sniff(late, sizeof(late), 1, name, &bom), CXS_CHARSET_DEFAULT);
	}
	/* A truncated tag at the end is no crash and no declaration. */
	CHECK_INT(cxs_charset_sniff("<meta charset=", 14, 1, name, &bom), CXS_CHARSET_DEFAULT);
	CHECK_INT(cxs_charset_sniff("<meta", 5, 1, name, &bom), CXS_CHARSET_DEFAULT);
	CHECK_INT(cxs_charset_sniff("", 0, 1, name, &bom), CXS_CHARSET_DEFAULT);
}

static void test_decode(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_charset *cs = cxs_charset_new(&err);
	cxs_buf out = CXS_BUF_INIT;

	CHECK(cs != NULL);
	if (!cs)
		return;
	CHECK_INT(cxs_charset_to_utf8(cs, "windows-1252", "caf\xe9 \x93q\x94", 8, &out, &err), 0);
	CHECK_STR(out.p, "café “q”");
	CHECK_STR(cxs_charset_used(cs), "windows-1252");
	cxs_buf_reset(&out);
	CHECK_INT(cxs_charset_to_utf8(cs, "UTF-16LE", "h\0i\0\0\0", 6, &out, &err), 1);
	CHECK_STR(out.p, "hi\xef\xbf\xbd");   /* NUL is replaced */
	cxs_buf_reset(&out);
	CHECK_INT(cxs_charset_to_utf8(cs, "UTF-8", "ok\xff", 3, &out, &err), 1);
	CHECK_STR(out.p, "ok\xef\xbf\xbd");
	cxs_buf_reset(&out);
	CHECK_INT(cxs_charset_to_utf8(cs, "no-such-charset", "caf\xc3\xa9", 5, &out, &err), 0);
	CHECK_STR(out.p, "café");
	CHECK_STR(cxs_charset_used(cs), "UTF-8");
	/* Larger than one output chunk: conversion continues across chunks. */
	{
		size_t n = 200000, i;
		char *big = malloc(n);
		CHECK(big != NULL);
		if (big) {
			for (i = 0; i < n; i++)
				big[i] = (char)0xe9;
			cxs_buf_reset(&out);
			CHECK_INT(cxs_charset_to_utf8(cs, "iso-8859-15", big, n, &out, &err), 0);
			CHECK_INT(out.len, 2 * n);
			CHECK(out.len >= 2 && !memcmp(out.p + out.len - 2, "\xc3\xa9", 2));
			free(big);
		}
	}
	cxs_buf_release(&out);
	cxs_charset_free(cs);
	cxs_charset_free(NULL);
}

int main(void)
{
	RUN(test_space_at);
	RUN(test_blank);
	RUN(test_lang_primary);
	RUN(test_newlines);
	RUN(test_sniff);
	RUN(test_decode);
	return cxs_test_done();
}

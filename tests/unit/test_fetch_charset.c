/* The encoding cascade of fetch_charset: labels, the order of the rules, the WHATWG
 * prescan's parsing, detection and decoding. (The html5lib cases run end to end in
 * tests/e2e/fetch_encodings.sh when ../shared is there.) */
#include "cxs_test.h"

#include <unicode/ucnv.h>

#include "fetch_charset.h"

static cxs_charset *CS;
static struct cxs_charset_guess G;

/* Sniffs the NUL-terminated page `p` with transport `t`; returns "NAME RULE". */
static const char *html(const char *p, const char *t)
{
	static char buf[128];

	cxs_charset_sniff_html(CS, p, strlen(p), t, &G);
	snprintf(buf, sizeof(buf), "%s %s", G.name, cxs_charset_rule_name(G.rule));
	return buf;
}

static const char *html_n(const char *p, size_t n)
{
	static char buf[128];

	cxs_charset_sniff_html(CS, p, n, NULL, &G);
	snprintf(buf, sizeof(buf), "%s %s", G.name, cxs_charset_rule_name(G.rule));
	return buf;
}

static const char *text(const char *p, size_t n)
{
	static char buf[128];

	cxs_charset_sniff_text(CS, p, n, &G);
	snprintf(buf, sizeof(buf), "%s %s", G.name, cxs_charset_rule_name(G.rule));
	return buf;
}

/* `utf8` converted to `charset` by ICU into `out`; its length. */
static size_t encode(const char *charset, const char *utf8, char *out, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = ucnv_convert(charset, "UTF-8", out, (int32_t)cap, utf8, -1, &st);

	return U_FAILURE(st) ? 0 : (size_t)n;
}

static void test_labels(void)
{
	CHECK_STR(cxs_charset_label("utf-8", 5), "UTF-8");
	CHECK_STR(cxs_charset_label(" \tLATIN1\n", 9), "windows-1252");
	CHECK_STR(cxs_charset_label("us-ascii", 8), "windows-1252");
	CHECK_STR(cxs_charset_label("ISO-8859-1", 10), "windows-1252");
	CHECK_STR(cxs_charset_label("iso-8859-9", 10), "windows-1254");
	CHECK_STR(cxs_charset_label("GB2312", 6), "GBK");
	CHECK_STR(cxs_charset_label("gb18030", 7), "gb18030");
	CHECK_STR(cxs_charset_label("big5-hkscs", 10), "Big5");
	CHECK_STR(cxs_charset_label("x-sjis", 6), "Shift_JIS");
	CHECK_STR(cxs_charset_label("ks_c_5601-1987", 14), "EUC-KR");
	CHECK_STR(cxs_charset_label("utf-16", 6), "UTF-16LE");
	CHECK_STR(cxs_charset_label("unicodefffe", 11), "UTF-16BE");
	CHECK_STR(cxs_charset_label("iso-2022-kr", 11), "replacement");
	CHECK_STR(cxs_charset_label("hz-gb-2312", 10), "replacement");
	CHECK_STR(cxs_charset_label("tis-620", 7), "windows-874");
	CHECK_STR(cxs_charset_label("logical", 7), "ISO-8859-8-I");
	/* the first and the last label of the sorted table */
	CHECK_STR(cxs_charset_label("866", 3), "IBM866");
	CHECK_STR(cxs_charset_label("x-x-big5", 8), "Big5");
	CHECK(cxs_charset_label("utf-32", 6) == NULL);
	CHECK(cxs_charset_label("utf-7", 5) == NULL);
	CHECK(cxs_charset_label("", 0) == NULL);
	CHECK(cxs_charset_label("latin 1", 7) == NULL);
	CHECK(cxs_charset_label("a-label-longer-than-any-buffer-of-charset-names-here", 52) == NULL);
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_BOM), "bom");
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_TRANSPORT), "transport");
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_XML), "xml");
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_META), "meta");
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_DETECTED), "detected");
	CHECK_STR(cxs_charset_rule_name(CXS_RULE_DEFAULT), "default");
}

/* BOM > transport > XML declaration > <meta> > detection > default. */
static void test_order(void)
{
	CHECK_STR(html("\xef\xbb\xbf<meta charset=latin1>", "gbk"), "UTF-8 bom");
	CHECK_INT(G.bom, 3);
	CHECK_STR(html("\xfe\xff\0<", "gbk"), "UTF-16BE bom");
	CHECK_INT(G.bom, 2);
	CHECK_STR(html("<meta charset=gbk>", "ISO-8859-2"), "ISO-8859-2 transport");
	CHECK_INT(G.bom, 0);
	CHECK_STR(html("<meta charset=gbk>", "text/html; charset=\"Shift_JIS\""),
		  "Shift_JIS transport");
	CHECK_STR(G.label, "Shift_JIS");
	CHECK_STR(html("<meta charset=gbk>", "text/html;charset=latin1;q=1"),
		  "windows-1252 transport");
	/* HTML that is already UTF-8 (a feed's content) keeps a stale <meta> from counting */
	CHECK_STR(html("<meta charset=latin1><p>caf\xc3\xa9", "UTF-8"), "UTF-8 transport");
	/* a transport label nobody knows is ignored; one without charset too */
	CHECK_STR(html("<meta charset=gbk>", "x-bogus"), "GBK meta");
	CHECK_STR(html("<meta charset=gbk>", "text/html"), "GBK meta");
	CHECK_STR(html("<meta charset=gbk>", ""), "GBK meta");
	/* the transport may say UTF-16 (the bytes are then not ASCII) */
	CHECK_STR(html("<\0p\0>\0", "utf-16"), "UTF-16LE transport");
	CHECK_STR(html("<?xml version='1.0' encoding='windows-1251'?><meta charset=gbk>", NULL),
		  "windows-1251 xml");
	CHECK_STR(html("<?xml version=\"1.0\" encoding=\"UTF-16\"?><p>", NULL), "UTF-8 xml");
	CHECK_STR(html_n("<\0?\0x\0m\0l\0 \0", 12), "UTF-16LE xml");
	CHECK_STR(html_n("\0<\0?\0x\0m\0l\0 ", 12), "UTF-16BE xml");
	cxs_charset_sniff_html(CS, "<\0?\0x\0m\0l\0", 10, "x-bogus", &G);
	CHECK_STR(G.name, "UTF-16LE");
	/* an XML declaration naming no known encoding leaves it to <meta> */
	CHECK_STR(html("<?xml version=\"1.0\" encoding=\"bogus\"?><meta charset=big5>", NULL),
		  "Big5 meta");
	CHECK_STR(html("<?xml version=\"1.0\"?><meta charset=big5>", NULL), "Big5 meta");
	CHECK_STR(html("<p>caf\xc3\xa9</p>", NULL), "UTF-8 default");
	CHECK_INT(G.valid_utf8, 1);
	CHECK_STR(html("", NULL), "UTF-8 default");
}

static void test_prescan(void)
{
	static char page[1024 + 200];   /* WHATWG's prescan window is 1024 bytes */

	CHECK_STR(html("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=Big5\">",
		       NULL), "Big5 meta");
	CHECK_STR(G.label, "big5");
	CHECK_STR(html("<meta content='text/html; charset=big5' http-equiv=Content-Type>", NULL),
		  "Big5 meta");
	/* content= counts only with the http-equiv pragma */
	CHECK_STR(html("<meta content=\"text/html; charset=big5\">", NULL), "UTF-8 default");
	CHECK_STR(html("<meta http-equiv=refresh content=\"0; charset=big5\">", NULL),
		  "UTF-8 default");
	CHECK_STR(html("<meta http-equiv=content-type content=\"charset = 'gbk'\">", NULL),
		  "GBK meta");
	CHECK_STR(html("<meta http-equiv=content-type content=\"charset='gbk\">", NULL),
		  "UTF-8 default");
	/* the first of two equal attributes counts */
	CHECK_STR(html("<meta charset=gbk charset=big5>", NULL), "GBK meta");
	/* a charset= that names nothing is not replaced by a later content= */
	CHECK_STR(html("<meta charset=bogus http-equiv=content-type content=\"charset=big5\">",
		       NULL), "UTF-8 default");
	CHECK_STR(html("<meta charset=bogus><meta charset=\" big5 \">", NULL), "Big5 meta");
	CHECK_STR(html("<meta charset=\"utf-16be\">", NULL), "UTF-8 meta");
	CHECK_STR(html("<meta charset=x-user-defined>", NULL), "windows-1252 meta");
	/* markup inside another tag's attribute value, comments and end tags is not a <meta> */
	CHECK_STR(html("<p title=\"<meta charset=gbk>\"><meta charset=big5>", NULL), "Big5 meta");
	CHECK_STR(html("<!-- <meta charset=gbk> --><meta charset=big5>", NULL), "Big5 meta");
	CHECK_STR(html("<!--><meta charset=big5>", NULL), "Big5 meta");
	CHECK_STR(html("</meta charset=gbk><metal charset=gbk><meta/charset=big5>", NULL),
		  "Big5 meta");
	CHECK_STR(html("<!doctype html charset=gbk><?php charset=gbk ?><meta charset=big5>",
		       NULL), "Big5 meta");
	/* an unfinished tag at the end declares nothing */
	CHECK_STR(html("<meta charset=gbk", NULL), "UTF-8 default");
	CHECK_STR(html("<meta charset=\"gbk", NULL), "UTF-8 default");
	CHECK_STR(html("<meta", NULL), "UTF-8 default");
	CHECK_STR(html("<", NULL), "UTF-8 default");
	/* 1024 bytes: a <meta> further down is not the prescan's ... */
	memset(page, ' ', sizeof(page) - 1);
	memcpy(page + 1024 + 10, "<meta charset=koi8-r>", 21);
	CHECK_STR(html(page, NULL), "UTF-8 default");
	/* ... and counts only when the page is not UTF-8 (a browser would switch) */
	page[0] = (char)0xE9;
	CHECK_STR(html(page, NULL), "KOI8-R meta");
	/* a <meta> that ends exactly at byte 1024 is in */
	memset(page, ' ', sizeof(page) - 1);
	memcpy(page + 1024 - 21, "<meta charset=koi8-r>", 21);
	CHECK_STR(html(page, NULL), "KOI8-R meta");
	memcpy(page + 1024 - 21, "   <meta charset=koi8-r>", 24);
	CHECK_STR(html(page, NULL), "UTF-8 default");
}

static void test_detect(void)
{
	static const char zh[] = "我们昨天晚上在河边的小饭馆吃了一顿晚饭，服务员态度很好，"
				 "菜上得也快，就是汤有点咸，价格比较便宜。";
	static const char sv[] = "Vi fick vänta länge på maten och servitören glömde vår "
				 "beställning två gånger, men kaffet var gott och bullarna färska.";
	char buf[1024];
	size_t n;

	/* UTF-8 with a little damage stays UTF-8 */
	CHECK_STR(html("<p>\xc3\xa5\xc3\xa4\xc3\xb6\xc3\xa9 a\xff</p>", NULL), "UTF-8 detected");
	CHECK_STR(text("r\xc3\xa4k, \xc3\xa5l och \xc3\xb6l\x80.", 15), "UTF-8 detected");
	/* one stray byte is no evidence for ICU: WHATWG's fallback */
	CHECK_STR(html("<p>bad \xff byte</p>", NULL), "windows-1252 default");
	CHECK_STR(text("bad \xff byte", 10), "windows-1252 default");
	n = encode("GB2312", zh, buf, sizeof(buf));
	CHECK(n > 0);
	CHECK_STR(html_n(buf, n), "gb18030 detected");
	CHECK_STR(text(buf, n), "gb18030 detected");
	/* the detector looks where the text is, not at a long <head> */
	{
		size_t head = 100 << 10, m;
		char *page = malloc(head + sizeof(buf));

		CHECK(page != NULL);
		if (page) {
			memset(page, ' ', head);
			memcpy(page, "<style>", 7);
			memcpy(page + head - 8, "</style>", 8);
			m = encode("GB2312", zh, page + head, sizeof(buf));
			CHECK_STR(html_n(page, head + m), "gb18030 detected");
			free(page);
		}
	}
	n = encode("Big5", "這家店的服務員很親切，餐點也很好吃，可是等位的時間太長了。", buf,
		   sizeof(buf));
	CHECK(n > 0);
	CHECK_STR(text(buf, n), "Big5 detected");
	n = encode("ISO-8859-1", sv, buf, sizeof(buf));
	CHECK(n > 0);
	CHECK_STR(text(buf, n), "windows-1252 detected");
	/* UTF-16 without a BOM: its NUL bytes */
	n = encode("UTF-16LE", sv, buf, sizeof(buf));
	CHECK_STR(text(buf, n), "UTF-16LE detected");
	/* text files have no <meta> */
	CHECK_STR(text("<meta charset=gbk>", 18), "UTF-8 default");
	CHECK_STR(text("\xff\xfeh\0", 4), "UTF-16LE bom");
}

static void test_decode(void)
{
	static const char page[] = "\xef\xbb\xbf<p>caf\xc3\xa9</p>";
	cxs_err err = { CXS_E_NONE, "" };
	cxs_buf buf = CXS_BUF_INIT;
	const char *out;
	size_t n;

	/* valid UTF-8 is handed back in place, after the BOM */
	cxs_charset_sniff_html(CS, page, sizeof(page) - 1, NULL, &G);
	CHECK_INT(cxs_charset_decode(CS, &G, page, sizeof(page) - 1, &buf, &out, &n, &err), 0);
	CHECK(out == page + 3);
	CHECK_INT(n, sizeof(page) - 4);
	CHECK_STR(cxs_charset_used(CS), "UTF-8");
	/* declared UTF-8 that is not: replaced and counted, in `buf` */
	cxs_charset_sniff_html(CS, "<meta charset=utf-8>\xff", 21, NULL, &G);
	CHECK_INT(cxs_charset_decode(CS, &G, "<meta charset=utf-8>\xff", 21, &buf, &out, &n, &err),
		  1);
	CHECK(out == buf.p);
	CHECK_STR(out, "<meta charset=utf-8>\xef\xbf\xbd");
	/* windows-1252, with a NUL byte, which ICU alone would keep */
	cxs_charset_sniff_html(CS, "<meta charset=latin1>\x80\0!", 24, NULL, &G);
	CHECK_INT(cxs_charset_decode(CS, &G, "<meta charset=latin1>\x80\0!", 24, &buf, &out, &n,
				     &err), 1);
	CHECK_STR(out, "<meta charset=latin1>€\xef\xbf\xbd!");
	CHECK_INT(n, strlen(out));
	CHECK_STR(cxs_charset_used(CS), "windows-1252");
	/* x-user-defined (only a transport can say it) */
	cxs_charset_sniff_html(CS, "a\x80\xff", 3, "x-user-defined", &G);
	CHECK_INT(cxs_charset_decode(CS, &G, "a\x80\xff", 3, &buf, &out, &n, &err), 0);
	CHECK_STR(out, "a\xef\x9e\x80\xef\x9f\xbf");
	/* a replacement encoding is refused, naming the label */
	cxs_charset_sniff_html(CS, "<meta charset=ISO-2022-KR><p>x", 30, NULL, &G);
	CHECK_STR(G.name, "replacement");
	CHECK_INT(cxs_charset_decode(CS, &G, "<meta charset=ISO-2022-KR><p>x", 30, &buf, &out, &n,
				     &err), -1);
	CHECK_INT(err.kind, CXS_E_INPUT);
	CHECK(strstr(err.msg, "'iso-2022-kr' declared in a <meta>") != NULL);
	/* the interface of the first version still works */
	cxs_buf_reset(&buf);
	CHECK_INT(cxs_charset_to_utf8(CS, "gb2312", "\xc4\xe3\xba\xc3", 4, &buf, &err), 0);
	CHECK_STR(buf.p, "你好");
	CHECK_STR(cxs_charset_used(CS), "GBK");
	cxs_buf_release(&buf);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	CS = cxs_charset_new(&err);
	if (!CS) {
		printf("FAIL main: %s\n", err.msg);
		return 1;
	}
	RUN(test_labels);
	RUN(test_order);
	RUN(test_prescan);
	RUN(test_detect);
	RUN(test_decode);
	cxs_charset_free(CS);
	cxs_charset_free(NULL);
	return cxs_test_done();
}

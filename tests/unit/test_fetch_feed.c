/* Unit tests of the feed and SemEval helpers: RFC 822 dates, character to byte offsets,
 * and fetch_xml's streaming input (UTF-8 repair across chunk boundaries, whitespace
 * before the declaration, the per-unit cap, which entities are copied). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cxs_test.h"
#include "fetch_feed.h"
#include "fetch_semeval.h"
#include "fetch_xml.h"

static void test_date_iso(void)
{
	char out[CXS_FEED_DATE_MAX];

	CHECK(cxs_feed_date_iso("Tue, 10 Jun 2003 04:00:00 GMT", out));
	CHECK_STR(out, "2003-06-10T04:00:00Z");
	CHECK(cxs_feed_date_iso(" 5 Sep 2021 02:47 +0200\n", out));
	CHECK_STR(out, "2021-09-05T02:47:00+02:00");
	CHECK(cxs_feed_date_iso("Mon, 01 Jan 99 23:59:59 EST", out));
	CHECK_STR(out, "1999-01-01T23:59:59-05:00");
	CHECK(cxs_feed_date_iso("Sat, 9 March 2024 08:30:00 -0930", out));
	CHECK_STR(out, "2024-03-09T08:30:00-09:30");
	CHECK(cxs_feed_date_iso("1 Feb 2020 10:00:00", out));   /* no zone: none invented */
	CHECK_STR(out, "2020-02-01T10:00:00");
	CHECK(cxs_feed_date_iso("01 Feb 20 10:00 UT", out));
	CHECK_STR(out, "2020-02-01T10:00:00Z");
	/* Not RFC 822: kept as found by the caller. */
	CHECK(!cxs_feed_date_iso("2024-03-09T08:30:00Z", out));
	CHECK(!cxs_feed_date_iso("2020/1/10 14:26:00", out));
	CHECK(!cxs_feed_date_iso("Tue, 10 Foo 2003 04:00:00 GMT", out));
	CHECK(!cxs_feed_date_iso("Tue, 10 Jun 2003 25:00:00 GMT", out));
	CHECK(!cxs_feed_date_iso("Tue, 10 Jun 2003 04:00:00 XYZ", out));
	CHECK(!cxs_feed_date_iso("Tue, 10 Jun 2003 04:00:00 GMT and more", out));
	CHECK(!cxs_feed_date_iso("", out));
}

static void test_byte_offset(void)
{
	const char *s = "El se\xc3\xb1or \xe5\xa5\xbd!";   /* "El señor 好!" */
	size_t b = 99;

	CHECK(cxs_semeval_byte_offset(s, strlen(s), 0, &b));
	CHECK_INT(b, 0);
	CHECK(cxs_semeval_byte_offset(s, strlen(s), 5, &b));   /* before ñ */
	CHECK_INT(b, 5);
	CHECK(cxs_semeval_byte_offset(s, strlen(s), 8, &b));   /* after "señor" */
	CHECK_INT(b, 9);
	CHECK(cxs_semeval_byte_offset(s, strlen(s), 10, &b));  /* after 好 */
	CHECK_INT(b, 13);
	CHECK(cxs_semeval_byte_offset(s, strlen(s), 11, &b));  /* the end */
	CHECK_INT(b, strlen(s));
	CHECK(!cxs_semeval_byte_offset(s, strlen(s), 12, &b));
	CHECK(!cxs_semeval_byte_offset(s, strlen(s), -1, &b));
}

/* Writes `len` bytes to a fresh temporary file; returns its path (static). */
static const char *write_tmp(const char *data, size_t len)
{
	static char path[4096];
	const char *dir = getenv("TMPDIR");
	FILE *fp;

	snprintf(path, sizeof(path), "%s/test_fetch_feed_%ld.xml", dir ? dir : "/tmp",
		 (long)getpid());
	fp = fopen(path, "wb");
	if (!fp)
		return NULL;
	fwrite(data, 1, len, fp);
	fclose(fp);
	return path;
}

/* Opens `data` as a file and returns the text of its first <t> element into `out`
 * (collapsed), or -1 when the file does not parse that far. */
static int first_t(const char *data, size_t len, size_t cap, cxs_buf *out, long *replaced)
{
	const char *path = write_tmp(data, len);
	cxs_xml *x = path ? cxs_xml_open(path, cap) : NULL;
	xmlTextReaderPtr r;
	int rc = -1;

	cxs_buf_reset(out);
	if (!x)
		return -1;
	r = cxs_xml_reader(x);
	if (cxs_xml_root(x) == 1) {
		while (xmlTextReaderRead(r) == 1) {
			const char *name = (const char *)xmlTextReaderConstLocalName(r);
			xmlNodePtr n;
			if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || strcmp(name, "t"))
				continue;
			cxs_xml_mark(x);
			n = xmlTextReaderExpand(r);
			cxs_xml_unmark(x);
			if (n && cxs_xml_text(n, out, 1 << 20) == 0)
				rc = 0;
			break;
		}
	}
	*replaced = cxs_xml_replaced(x);
	cxs_xml_close(x);
	unlink(path);
	return rc;
}

static void test_utf8_across_chunks(void)
{
	/* "é" (2 bytes) and "好" (3 bytes) placed across the 64 KiB read boundary, at every
	 * cut; a Latin-1 byte and a form feed are replaced; nothing else is. */
	size_t size = (64 << 10) + 64, cut;
	char *doc = malloc(size + 64);
	cxs_buf out = CXS_BUF_INIT;
	long replaced;

	for (cut = 1; cut <= 4; cut++) {
		size_t pre = (64 << 10) - cut, n;
		memset(doc, ' ', size);
		memcpy(doc, "\n<d><t>", 7);
		n = pre;
		memcpy(doc + n, "\xe5\xa5\xbd\xc3\xa9\xe9\x0cz</t></d>", 16);
		n += 16;
		CHECK_INT(first_t(doc, n, 1 << 20, &out, &replaced), 0);
		CHECK_INT(replaced, 2);
		CHECK(out.len >= 12 && !memcmp(out.p + out.len - 12,
					       "\xe5\xa5\xbd\xc3\xa9\xef\xbf\xbd\xef\xbf\xbdz", 12));
	}
	/* A sequence cut short at the very end of the file is one U+FFFD. */
	CHECK_INT(first_t("<d><t>ab\xe2\x82", 10, 1 << 20, &out, &replaced), -1);
	CHECK_INT(replaced, 1);
	free(doc);
	cxs_buf_release(&out);
}

static void test_cap(void)
{
	char doc[4096];
	cxs_buf out = CXS_BUF_INIT;
	long replaced;
	size_t n;

	n = (size_t)snprintf(doc, sizeof(doc), "<d><t>%0*d</t></d>", 3000, 7);
	CHECK_INT(first_t(doc, n, 1 << 20, &out, &replaced), 0);
	CHECK_INT(out.len, 3000);
	/* The same element under a cap of 1000 bytes is not read at all. */
	CHECK_INT(first_t(doc, n, 1000, &out, &replaced), -1);
	cxs_buf_release(&out);
}

static void test_entities(void)
{
	const char *doc = "<?xml version='1.0'?>\n"
		"<!DOCTYPE d [<!ENTITY sp 'SPACE'> <!ENTITY two '&sp;&sp;'>"
		" <!ENTITY long '0123456789012345678901234567890123456789012345678901234567890123456789'>"
		" <!ENTITY ext SYSTEM '/etc/hostname'>]>\n"
		"<d><t>a&sp;b&two;c&long;d&ext;e&amp;f</t></d>";
	cxs_buf out = CXS_BUF_INIT;
	long replaced;

	/* Only the short plain entity is copied; nested, long and external ones are not. */
	CHECK_INT(first_t(doc, strlen(doc), 1 << 20, &out, &replaced), 0);
	CHECK_STR(out.p, "aSPACEbcde&f");
	cxs_buf_release(&out);
}

int main(void)
{
	RUN(test_date_iso);
	RUN(test_byte_offset);
	RUN(test_utf8_across_chunks);
	RUN(test_cap);
	RUN(test_entities);
	return cxs_test_done();
}

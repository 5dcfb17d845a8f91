/* Unit tests of fetch_sources: kinds by name, and which files a source expands to, in
 * which order. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxs_buf.h"
#include "cxs_test.h"
#include "fetch_sources.h"

static void test_kinds(void)
{
	CHECK_INT(cxs_kind_of_path("a.html"), CXS_KIND_HTML);
	CHECK_INT(cxs_kind_of_path("dir.x/A.HTM"), CXS_KIND_HTML);
	CHECK_INT(cxs_kind_of_path("p.xhtml"), CXS_KIND_HTML);
	CHECK_INT(cxs_kind_of_path("r.jsonl"), CXS_KIND_JSONL);
	CHECK_INT(cxs_kind_of_path("r.ndjson"), CXS_KIND_JSONL);
	CHECK_INT(cxs_kind_of_path("r.jsonl.gz"), CXS_KIND_JSONL);
	CHECK_INT(cxs_kind_of_path("n.txt"), CXS_KIND_TEXT);
	CHECK_INT(cxs_kind_of_path("n.text"), CXS_KIND_TEXT);
	CHECK_INT(cxs_kind_of_path("n.txt.gz"), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_of_path("x.pdf"), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_of_path("html"), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_of_path("dir/.html"), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_parse("html"), CXS_KIND_HTML);
	CHECK_INT(cxs_kind_parse("jsonl"), CXS_KIND_JSONL);
	CHECK_INT(cxs_kind_parse("text"), CXS_KIND_TEXT);
	CHECK_INT(cxs_kind_parse("HTML"), CXS_KIND_UNKNOWN);
	CHECK_STR(cxs_kind_name(CXS_KIND_TEXT), "text");
	CHECK_STR(cxs_kind_name(CXS_KIND_UNKNOWN), "unknown");
}

static void test_uri(void)
{
	CHECK_STR(cxs_source_uri("./a.html"), "a.html");
	CHECK_STR(cxs_source_uri(".//./in/a.html"), "in/a.html");
	CHECK_STR(cxs_source_uri("in/./a.html"), "in/./a.html");
	CHECK_STR(cxs_source_uri("../a.html"), "../a.html");
	CHECK_STR(cxs_source_uri(".hidden"), ".hidden");
	CHECK_STR(cxs_source_uri("./"), "./");
	CHECK_STR(cxs_source_uri("-"), "-");
}

/* Every event as one line "EVENT PATH KIND", relative to the test directory. */
static int collect(void *ctx, enum cxs_source_event ev, const char *path, enum cxs_kind kind,
		   const char *why)
{
	static const char *const names[] = { "file", "skip", "error" };
	const char *dir = cxs_test_tmpdir();
	size_t n = strlen(dir);

	if (!strncmp(path, dir, n))
		path += n + 1;
	cxs_buf_addf(ctx, "%s %s %s%s\n", names[ev], path, cxs_kind_name(kind),
		     ev == CXS_SOURCE_FILE ? "" : why && *why ? "" : " (no reason)");
	return 0;
}

static void touch(const char *rel)
{
	char path[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", cxs_test_tmpdir(), rel);
	fp = fopen(path, "w");
	if (fp) {
		fputs("x\n", fp);
		fclose(fp);
	} else {
		printf("  could not create %s\n", path);
	}
}

static void mkdir_rel(const char *rel)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s", cxs_test_tmpdir(), rel);
	mkdir(path, 0777);
}

static const char *walk(const char *rel, enum cxs_kind forced, cxs_buf *out)
{
	static cxs_err err;
	char path[1024];

	cxs_buf_reset(out);
	if (!strcmp(rel, "-"))
		snprintf(path, sizeof(path), "-");
	else
		snprintf(path, sizeof(path), "%s/%s", cxs_test_tmpdir(), rel);
	if (cxs_sources_walk(path, forced, collect, out, &err) != 0)
		return err.msg;
	return out->p ? out->p : "";
}

static void test_walk(void)
{
	cxs_buf out = CXS_BUF_INIT;
	char link[1024];

	mkdir_rel("d");
	mkdir_rel("d/sub");
	mkdir_rel("d/.git");
	touch("d/b.html");
	touch("d/a.txt");
	touch("d/B.htm");
	touch("d/.hidden.html");
	touch("d/.git/config.html");
	touch("d/sub/c.jsonl");
	touch("d/x.pdf");
	touch("d/z.JSONL.GZ");
	snprintf(link, sizeof(link), "%s/d/sub/loop", cxs_test_tmpdir());
	CHECK(symlink("..", link) == 0);
	/* Byte order, not locale order: "B.htm" before "a.txt"; subdirectories in place. */
	CHECK_STR(walk("d", CXS_KIND_UNKNOWN, &out),
		  "file d/B.htm html\n"
		  "file d/a.txt text\n"
		  "file d/b.html html\n"
		  "file d/sub/c.jsonl jsonl\n"
		  "skip d/sub/loop unknown\n"
		  "skip d/x.pdf unknown\n"
		  "file d/z.JSONL.GZ jsonl\n");
	/* A trailing slash does not double. */
	CHECK_STR(walk("d/sub/", CXS_KIND_UNKNOWN, &out),
		  "file d/sub/c.jsonl jsonl\n"
		  "file d/sub/loop/B.htm html\n"
		  "file d/sub/loop/a.txt text\n"
		  "file d/sub/loop/b.html html\n"
		  "skip d/sub/loop/sub unknown\n"
		  "skip d/sub/loop/x.pdf unknown\n"
		  "file d/sub/loop/z.JSONL.GZ jsonl\n");
	/* A forced kind reads everything visible as that kind. */
	CHECK_STR(walk("d/x.pdf", CXS_KIND_TEXT, &out), "file d/x.pdf text\n");
	/* Named explicitly: hidden files are read; unknown kinds are errors. */
	CHECK_STR(walk("d/.hidden.html", CXS_KIND_UNKNOWN, &out), "file d/.hidden.html html\n");
	CHECK_STR(walk("d/x.pdf", CXS_KIND_UNKNOWN, &out), "error d/x.pdf unknown\n");
	CHECK_STR(walk("d/missing.html", CXS_KIND_UNKNOWN, &out), "error d/missing.html unknown\n");
	CHECK_STR(walk("-", CXS_KIND_UNKNOWN, &out), "file - jsonl\n");
	CHECK_STR(walk("-", CXS_KIND_HTML, &out), "file - html\n");
	mkdir_rel("empty");
	CHECK_STR(walk("empty", CXS_KIND_UNKNOWN, &out), "");
	/* Globs: matches in byte order, unknown kinds skipped, no match an error. */
	CHECK_STR(walk("d/*.htm*", CXS_KIND_UNKNOWN, &out),
		  "file d/B.htm html\n"
		  "file d/b.html html\n");
	CHECK_STR(walk("d/[xz]*", CXS_KIND_UNKNOWN, &out),
		  "skip d/x.pdf unknown\n"
		  "file d/z.JSONL.GZ jsonl\n");
	CHECK_STR(walk("d/*.nothing", CXS_KIND_UNKNOWN, &out), "error d/*.nothing unknown\n");
	cxs_buf_release(&out);
}

static int stop_at_second(void *ctx, enum cxs_source_event ev, const char *path,
			  enum cxs_kind kind, const char *why)
{
	int *n = ctx;

	(void)ev;
	(void)path;
	(void)kind;
	(void)why;
	return ++*n == 2 ? 7 : 0;
}

#define SNIFF(s) cxs_kind_sniff(s, sizeof(s) - 1)

static void test_sniff(void)
{
	CHECK_INT(SNIFF("WARC/1.1\r\nWARC-Type: warcinfo"), CXS_KIND_WARC);
	CHECK_INT(SNIFF("filedesc://crawl.arc 0.0.0.0 2010 text/plain 76"), CXS_KIND_ARC);
	CHECK_INT(SNIFF("\n  {\"text\": \"x\"}"), CXS_KIND_JSONL);
	CHECK_INT(SNIFF("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"), CXS_KIND_FEED);
	CHECK_INT(SNIFF("<rdf:RDF xmlns:rdf=\"x\">"), CXS_KIND_FEED);
	CHECK_INT(SNIFF("\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">"), CXS_KIND_FEED);
	CHECK_INT(SNIFF("<?xml version=\"1.0\"?><sentences><sentence"), CXS_KIND_SEMEVAL);
	CHECK_INT(SNIFF("<Reviews><Review rid=\"1\">"), CXS_KIND_SEMEVAL);
	CHECK_INT(SNIFF("<!-- saved -->\n<!DOCTYPE html>\n<html>"), CXS_KIND_HTML);
	CHECK_INT(SNIFF("<HTML LANG=sv>"), CXS_KIND_HTML);
	CHECK_INT(SNIFF("<!DOCTYPE feed SYSTEM \"x\"><feed>"), CXS_KIND_FEED);
	CHECK_INT(SNIFF("\xff\xfe<\0h\0t\0m\0l\0>\0"), CXS_KIND_HTML);
	CHECK_INT(SNIFF("<feedback>"), CXS_KIND_UNKNOWN);
	CHECK_INT(SNIFF("<htmlx>"), CXS_KIND_UNKNOWN);
	CHECK_INT(SNIFF("text,label\n"), CXS_KIND_UNKNOWN);
	CHECK_INT(SNIFF(" WARC/1.1"), CXS_KIND_UNKNOWN);
	CHECK_INT(SNIFF("<!-- never closed"), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_sniff("", 0), CXS_KIND_UNKNOWN);
	CHECK_INT(cxs_kind_of_path("r.csv.gz"), CXS_KIND_CSV);
	CHECK_INT(cxs_kind_of_path("r.TSV.gz"), CXS_KIND_TSV);
}

static void test_stop(void)
{
	char path[1024];
	cxs_err err = { CXS_E_NONE, "" };
	int n = 0;

	mkdir_rel("s");
	touch("s/1.txt");
	touch("s/2.txt");
	touch("s/3.txt");
	snprintf(path, sizeof(path), "%s/s", cxs_test_tmpdir());
	CHECK_INT(cxs_sources_walk(path, CXS_KIND_UNKNOWN, stop_at_second, &n, &err), 7);
	CHECK_INT(n, 2);
}

int main(void)
{
	RUN(test_kinds);
	RUN(test_uri);
	RUN(test_walk);
	RUN(test_stop);
	RUN(test_sniff);
	return cxs_test_done();
}

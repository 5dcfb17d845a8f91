/*
 * cxs_test — the smallest unit-test harness that does the job.
 *
 * A test file defines `static void test_x(void)` functions using CHECK* macros and a
 * main() that calls RUN(test_x) for each and returns cxs_test_done(). Each test prints
 * "ok NAME" or "FAIL NAME: FILE:LINE: what"; tests/run-all counts those lines.
 * Fixture paths: CXS_SRC (the source tree root, set by run-all) via cxs_test_path().
 */
#ifndef CXS_TEST_H
#define CXS_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cxs_t_passed, cxs_t_failed, cxs_t_cur;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			cxs_t_cur++;                                                 \
		}                                                                    \
	} while (0)

#define CHECK_INT(a, b)                                                              \
	do {                                                                         \
		long long cxs_a = (long long)(a), cxs_b = (long long)(b);            \
		if (cxs_a != cxs_b) {                                                \
			printf("  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, \
			       #a, cxs_a, cxs_b);                                    \
			cxs_t_cur++;                                                 \
		}                                                                    \
	} while (0)

#define CHECK_STR(a, b)                                                              \
	do {                                                                         \
		const char *cxs_a = (a), *cxs_b = (b);                               \
		if (!cxs_a || !cxs_b || strcmp(cxs_a, cxs_b)) {                      \
			printf("  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
			       #a, cxs_a ? cxs_a : "(null)", cxs_b ? cxs_b : "(null)");    \
			cxs_t_cur++;                                                 \
		}                                                                    \
	} while (0)

#define RUN(fn)                                                                      \
	do {                                                                         \
		cxs_t_cur = 0;                                                       \
		fn();                                                                \
		if (cxs_t_cur) {                                                     \
			printf("FAIL %s\n", #fn);                                    \
			cxs_t_failed++;                                              \
		} else {                                                             \
			printf("ok %s\n", #fn);                                      \
			cxs_t_passed++;                                              \
		}                                                                    \
		fflush(stdout);                                                      \
	} while (0)

static inline int cxs_test_done(void)
{
	return cxs_t_failed ? 1 : 0;
}

/* "CXS_SRC/rel" in a static buffer (valid until the next call). */
static inline const char *cxs_test_path(const char *rel)
{
	static char buf[4096];
	const char *root = getenv("CXS_SRC");

	snprintf(buf, sizeof(buf), "%s/%s", root ? root : ".", rel);
	return buf;
}

/* A fresh temporary directory for this test binary (under TMPDIR), created once. */
static inline const char *cxs_test_tmpdir(void)
{
	static char dir[256];

	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof(dir), "%s/cxs-test-XXXXXX", t ? t : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			exit(2);
		}
	}
	return dir;
}

/* Writes `text` to DIR/NAME (a test's own pack or input file); a file that cannot be
 * written fails the running test. */
static inline void cxs_test_write(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fputs(text, f) >= 0);
	CHECK(fclose(f) == 0);
}

#endif

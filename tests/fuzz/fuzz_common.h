/*
 * fuzz_common — what the libFuzzer targets share: a scratch folder per process (the
 * record reader and the lexicon loader read files, not memory) and writing bytes there.
 *
 * The folder is $TMPDIR/cxs-fuzz-NAME-PID, made once and removed at exit, so parallel
 * fuzzing jobs (-jobs, -fork) never share files.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fuzz_dir[PATH_MAX - 64];

static inline void fuzz_dir_remove(void)
{
	char cmd[sizeof fuzz_dir + 16];

	if (fuzz_dir[0] && strlen(fuzz_dir) < sizeof cmd - 16) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "fuzz: could not remove '%s'\n", fuzz_dir);
	}
}

/* Makes the scratch folder; a fuzz target cannot run without it, so failure aborts. */
static inline const char *fuzz_dir_make(const char *name)
{
	const char *tmp = getenv("TMPDIR");

	if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/cxs-fuzz-%s-%ld", tmp, name, (long)getpid());
	if (mkdir(fuzz_dir, 0700) != 0) {
		perror(fuzz_dir);
		abort();
	}
	atexit(fuzz_dir_remove);
	return fuzz_dir;
}

/* Writes `len` bytes to DIR/NAME (replacing it) and returns the path in `path`. */
static inline void fuzz_write(const char *name, const void *data, size_t len, char *path, size_t size)
{
	FILE *f;

	snprintf(path, size, "%s/%s", fuzz_dir, name);
	f = fopen(path, "wb");
	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* A violated invariant is a finding like a crash: say which and stop. */
#define FUZZ_ASSERT(cond)                                                             \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,    \
				__LINE__, #cond);                                     \
			abort();                                                      \
		}                                                                     \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif

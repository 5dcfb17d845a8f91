/*
 * replay — a plain main() for the libFuzzer targets, so `make check` can run every
 * saved input (tests/fuzz/regressions/TARGET/) through a target without clang or
 * libFuzzer. Linked with one tests/fuzz/fuzz_TARGET.c into $(BUILD)/fuzz-replay/.
 *
 * usage: fuzz_TARGET FILE...
 * Each file is read whole into a buffer of exactly its size (so a sanitizer build sees
 * any read past the end) and handed to LLVMFuzzerTestOneInput once. A finding aborts, as
 * under libFuzzer; otherwise one "ok FILE" line per input and exit 0.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL, *grown;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap);
			if (!grown)
				break;
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f) || n > cap) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	/* Exactly `n` bytes, so reading one past the input is caught. */
	grown = malloc(n ? n : 1);
	if (grown && n)
		memcpy(grown, buf, n);
	free(buf);
	*len = n;
	return grown;
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		size_t len = 0;
		unsigned char *data = slurp(argv[i], &len);

		if (!data) {
			fprintf(stderr, "%s: could not read '%s'\n", argv[0], argv[i]);
			return 2;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
		printf("ok %s\n", argv[i]);
		fflush(stdout);
	}
	return 0;
}

/*
 * cxs_hash — SHA-256 (through nettle) for content hashes in manifests and stable ids.
 *
 * Content hashes let a later run tell whether an input, a lexicon or an output changed;
 * ids are a truncated hash of where a document came from, so the same source gets the
 * same id in every run and every stage.
 */
#ifndef CXS_HASH_H
#define CXS_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <nettle/sha2.h>

#include "cxs_err.h"

#define CXS_SHA256_HEX 65   /* 64 hex digits and a NUL */
#define CXS_ID_HEX 17       /* 16 hex digits and a NUL */

typedef struct cxs_sha256 {
	struct sha256_ctx ctx;
} cxs_sha256;

void cxs_sha256_init(cxs_sha256 *h);
void cxs_sha256_update(cxs_sha256 *h, const void *data, size_t len);
/* Writes the digest as lowercase hex into `hex` (CXS_SHA256_HEX bytes). */
void cxs_sha256_hex(cxs_sha256 *h, char hex[CXS_SHA256_HEX]);

/* Hashes a whole buffer. */
void cxs_sha256_buf(const void *data, size_t len, char hex[CXS_SHA256_HEX]);

/* Hashes a whole file; also returns its size in `*bytes` when not NULL.
 * Returns 0, or -1 with `err` set (kind CXS_E_INPUT) when the file cannot be read. */
int cxs_sha256_file(const char *path, char hex[CXS_SHA256_HEX], long long *bytes, cxs_err *err);

/* A stable document id: the first 16 hex digits of SHA-256 over `kind`, `uri` and
 * `locator` (may be NULL) separated by 0x1f, so distinct sources never collide by
 * concatenation. */
void cxs_make_id(const char *kind, const char *uri, const char *locator, char id[CXS_ID_HEX]);

/* FNV-1a over `len` bytes: a fast, unseeded hash for in-memory tables keyed by short
 * words we load ourselves (lexicons, stopword lists, caches). Not for hostile keys. */
static inline uint64_t cxs_hash_fnv1a(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

#endif

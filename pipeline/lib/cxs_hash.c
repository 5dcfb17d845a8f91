#include "cxs_hash.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void to_hex(const unsigned char *d, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * n] = '\0';
}

void cxs_sha256_init(cxs_sha256 *h)
{
	sha256_init(&h->ctx);
}

void cxs_sha256_update(cxs_sha256 *h, const void *data, size_t len)
{
	sha256_update(&h->ctx, len, data);
}

void cxs_sha256_hex(cxs_sha256 *h, char hex[CXS_SHA256_HEX])
{
	unsigned char d[SHA256_DIGEST_SIZE];

	sha256_digest(&h->ctx, sizeof(d), d);
	to_hex(d, sizeof(d), hex);
}

void cxs_sha256_buf(const void *data, size_t len, char hex[CXS_SHA256_HEX])
{
	cxs_sha256 h;

	cxs_sha256_init(&h);
	cxs_sha256_update(&h, data, len);
	cxs_sha256_hex(&h, hex);
}

int cxs_sha256_file(const char *path, char hex[CXS_SHA256_HEX], long long *bytes, cxs_err *err)
{
	unsigned char buf[1 << 16];
	cxs_sha256 h;
	long long total = 0;
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return cxs_err_errno(err, CXS_E_INPUT, errno, "could not open '%s'", path);
	cxs_sha256_init(&h);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		cxs_sha256_update(&h, buf, n);
		total += (long long)n;
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		return cxs_err_errno(err, CXS_E_INPUT, e, "could not read '%s'", path);
	}
	fclose(f);
	cxs_sha256_hex(&h, hex);
	if (bytes)
		*bytes = total;
	return 0;
}

void cxs_make_id(const char *kind, const char *uri, const char *locator, char id[CXS_ID_HEX])
{
	unsigned char d[SHA256_DIGEST_SIZE];
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, strlen(kind), (const unsigned char *)kind);
	sha256_update(&c, 1, (const unsigned char *)"\x1f");
	sha256_update(&c, strlen(uri), (const unsigned char *)uri);
	if (locator) {
		sha256_update(&c, 1, (const unsigned char *)"\x1f");
		sha256_update(&c, strlen(locator), (const unsigned char *)locator);
	}
	sha256_digest(&c, sizeof(d), d);
	to_hex(d, 8, id);
}

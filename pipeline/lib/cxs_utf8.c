#include "cxs_utf8.h"

#include <stdint.h>
#include <string.h>

/* Length of the valid sequence starting at s[0], or 0 when invalid; `*bad` receives how
 * many bytes form the maximal invalid subpart to replace with one U+FFFD. */
static size_t seq_len(const unsigned char *s, size_t len, size_t *bad)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;

	*bad = 1;
	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0; /* NUL, continuation byte, C0/C1, F5..FF */
	for (i = 1; i < need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

size_t cxs_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n, bad;

	while (i < len) {
		uint64_t x;

		/* eight ASCII bytes at a time: no high bit, no NUL (most text is ASCII) */
		if (len - i >= 8) {
			memcpy(&x, u + i, 8);
			if (!((x | ((x - ONES) & ~x)) & HIGHS)) {
				i += 8;
				continue;
			}
		}
		if (u[i] >= 0x01 && u[i] < 0x80) {
			i++;
			continue;
		}
		n = seq_len(u + i, len - i, &bad);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

long cxs_utf8_sanitize(const char *s, size_t len, cxs_buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start, n, bad;
	long replaced = 0;

	while (i < len) {
		start = i;
		i += cxs_utf8_valid_prefix(s + i, len - i);
		if (cxs_buf_add(out, s + start, i - start) < 0)
			return -1;
		if (i >= len)
			break;
		n = seq_len(u + i, len - i, &bad);
		(void)n;
		if (cxs_buf_add(out, "\xEF\xBF\xBD", 3) < 0)
			return -1;
		i += bad;
		replaced++;
	}
	return replaced;
}

unsigned cxs_utf8_decode(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad, k = seq_len(u, len, &bad);

	*n = k ? k : 1;
	switch (k) {
	case 1: return u[0];
	case 2: return ((unsigned)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	case 3: return ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	case 4: return ((unsigned)(u[0] & 0x07) << 18) | ((unsigned)(u[1] & 0x3F) << 12) |
		       ((unsigned)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	return 0xFFFD;
}

/*
 * fetch_dedup — a set of normalized-text digests (see fetch_dedup.h).
 */
#include "fetch_dedup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "cxs_buf.h"
#include "fetch_text.h"

#define DIGEST 16

struct slot {
	unsigned char dig[DIGEST];
	size_t id;                 /* offset of the id in `ids` plus 1; 0: empty slot */
};

struct cxs_dedup {
	const UNormalizer2 *nfc;
	struct slot *slots;
	size_t cap, n;             /* cap: a power of two */
	cxs_buf ids;               /* the ids, each NUL-terminated */
	cxs_buf ws;                /* the text, whitespace collapsed */
	UChar *u16, *nfc16;
	size_t u16cap, nfccap;
	cxs_buf out;               /* the NFC text as UTF-8 */
};

cxs_dedup *cxs_dedup_new(cxs_err *err)
{
	UErrorCode st = U_ZERO_ERROR;
	cxs_dedup *d = calloc(1, sizeof(*d));

	if (!d) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	d->nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st)) {
		free(d);
		cxs_err_set(err, CXS_E_INTERNAL, "ICU NFC normalizer: %s", u_errorName(st));
		return NULL;
	}
	return d;
}

void cxs_dedup_free(cxs_dedup *d)
{
	if (!d)
		return;
	free(d->slots);
	free(d->u16);
	free(d->nfc16);
	cxs_buf_release(&d->ids);
	cxs_buf_release(&d->ws);
	cxs_buf_release(&d->out);
	free(d);
}

/* `text` with whitespace runs made one space and the ends trimmed, into d->ws. */
static int collapse(cxs_dedup *d, const char *s, size_t len)
{
	size_t i = 0;
	int pending = 0;

	cxs_buf_reset(&d->ws);
	if (cxs_buf_grow(&d->ws, len) < 0)
		return -1;
	while (i < len) {
		size_t w = cxs_space_at(s + i, len - i);
		if (w) {
			pending = d->ws.len > 0;
			i += w;
			continue;
		}
		if (pending)
			d->ws.p[d->ws.len++] = ' ';
		pending = 0;
		d->ws.p[d->ws.len++] = s[i++];
	}
	d->ws.p[d->ws.len] = '\0';
	return 0;
}

static int grow_u16(UChar **p, size_t *cap, size_t need)
{
	UChar *q;

	if (need <= *cap)
		return 0;
	q = realloc(*p, need * sizeof(*q));
	if (!q)
		return -1;
	*p = q;
	*cap = need;
	return 0;
}

static int ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* The normalized text (see fetch_dedup.h): points into `d`, `*n` bytes. NULL when memory
 * runs out. */
static const char *normalize(cxs_dedup *d, const char *s, size_t len, size_t *n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t ulen, span, nlen, olen;

	if (collapse(d, s, len) < 0)
		return NULL;
	*n = d->ws.len;
	/* ASCII, and text ICU cannot take (too long, invalid), is hashed as it is. */
	if (ascii(d->ws.p, d->ws.len) || d->ws.len > INT32_MAX / 2)
		return d->ws.p;
	if (grow_u16(&d->u16, &d->u16cap, d->ws.len + 1) < 0)
		return NULL;
	u_strFromUTF8(d->u16, (int32_t)d->u16cap, &ulen, d->ws.p, (int32_t)d->ws.len, &st);
	if (U_FAILURE(st))
		return d->ws.p;
	span = unorm2_spanQuickCheckYes(d->nfc, d->u16, ulen, &st);
	if (U_FAILURE(st) || span == ulen)
		return d->ws.p;
	/* NFC may grow a text by at most 3 times. */
	if (grow_u16(&d->nfc16, &d->nfccap, 3 * (size_t)ulen + 1) < 0)
		return NULL;
	nlen = unorm2_normalize(d->nfc, d->u16, ulen, d->nfc16, (int32_t)d->nfccap, &st);
	if (U_FAILURE(st))
		return d->ws.p;
	cxs_buf_reset(&d->out);
	if (cxs_buf_grow(&d->out, 3 * (size_t)nlen + 1) < 0)
		return NULL;
	u_strToUTF8(d->out.p, (int32_t)d->out.cap, &olen, d->nfc16, nlen, &st);
	if (U_FAILURE(st))
		return d->ws.p;
	*n = (size_t)olen;
	return d->out.p;
}

static size_t slot_of(const unsigned char dig[DIGEST], size_t cap)
{
	size_t h;

	memcpy(&h, dig, sizeof(h));
	return h & (cap - 1);
}

static int grow_table(cxs_dedup *d)
{
	size_t ncap = d->cap ? 2 * d->cap : 1024, i;
	struct slot *s = calloc(ncap, sizeof(*s));

	if (!s)
		return -1;
	for (i = 0; i < d->cap; i++) {
		size_t j;
		if (!d->slots[i].id)
			continue;
		for (j = slot_of(d->slots[i].dig, ncap); s[j].id; j = (j + 1) & (ncap - 1))
			;
		s[j] = d->slots[i];
	}
	free(d->slots);
	d->slots = s;
	d->cap = ncap;
	return 0;
}

int cxs_dedup_check(cxs_dedup *d, const char *text, size_t len, const char *id,
		    const char **first, cxs_err *err)
{
	unsigned char dig[DIGEST];
	struct sha256_ctx h;
	const char *s;
	size_t n, j;

	*first = NULL;
	s = normalize(d, text, len, &n);
	/* Linear probing stays short up to three quarters full. */
	if (!s || (4 * (d->n + 1) > 3 * d->cap && grow_table(d) < 0))
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	sha256_init(&h);
	sha256_update(&h, n, (const uint8_t *)s);
	sha256_digest(&h, DIGEST, dig);
	for (j = slot_of(dig, d->cap); d->slots[j].id; j = (j + 1) & (d->cap - 1))
		if (!memcmp(d->slots[j].dig, dig, DIGEST)) {
			*first = d->ids.p + d->slots[j].id - 1;
			return 1;
		}
	memcpy(d->slots[j].dig, dig, DIGEST);
	d->slots[j].id = d->ids.len + 1;
	if (cxs_buf_addstr(&d->ids, id) < 0 || cxs_buf_addch(&d->ids, '\0') < 0) {
		d->slots[j].id = 0;
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	d->n++;
	return 0;
}

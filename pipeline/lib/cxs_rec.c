/*
 * cxs_rec — validating scanner, top-level index, accessors and output (cxs_rec.h).
 *
 * The scanner is a recursive descent over the line that accepts exactly what jansson's
 * json_loadb(JSON_REJECT_DUPLICATES) accepts (tests/unit/test_rec.c and the record
 * fuzz target compare the two). It allocates nothing per value: key spans for the
 * duplicate check go on a stack reused across lines, and only an object with many keys
 * gets a hash table of its own.
 */
#include "cxs_rec.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cxs_jsonw.h"
#include "cxs_record.h"

#define MAX_DEPTH 2048      /* jansson's JSON_PARSER_MAX_DEPTH */
#define LINEAR_KEYS 16      /* objects with more keys check duplicates through a hash */

struct field {
	size_t key, keylen;       /* the key's raw bytes (between the quotes) */
	size_t start;             /* the opening quote of the key: "key":value starts here */
	size_t val, vallen;       /* the value's raw bytes */
};

struct newfield {
	const char *key;
	size_t keylen;
	size_t off, len;          /* of the value in `vals` */
	int dead;                 /* set again later: that one counts */
};

struct key {
	const char *p;            /* decoded key bytes (in the line or in `arena`) */
	size_t n;
};

struct cxs_rec {
	const char *p;            /* the text indexed */
	size_t n;
	cxs_buf canon;            /* the canonical spelling, when the line was not */
	struct field *f;
	size_t nf, capf;
	/* scanner state, valid during cxs_rec_parse */
	const unsigned char *s, *end;
	int depth, noncanon;
	const char *err;
	struct key *keys;
	size_t nkeys, capkeys;
	cxs_buf arena;            /* decoded keys with escapes; sized to the line first */
	/* output */
	cxs_buf vals;
	struct newfield *nw;
	size_t nnew, capnew;
	/* with their lengths: every field of every record is compared with each */
	struct dropkey {
		const char *key;
		size_t len;
	} *drop;
	size_t ndrop, capdrop;
	char reason[512];
};

cxs_rec *cxs_rec_new(void)
{
	return calloc(1, sizeof(struct cxs_rec));
}

void cxs_rec_free(cxs_rec *r)
{
	if (!r)
		return;
	cxs_buf_release(&r->canon);
	cxs_buf_release(&r->arena);
	cxs_buf_release(&r->vals);
	free(r->f);
	free(r->keys);
	free(r->nw);
	free(r->drop);
	free(r);
}

/* ------------------------------------------------------------------ the scanner */

enum { ERR = -1, NOMEM = -2 };

static int fail(cxs_rec *r, const char *what)
{
	r->err = what;
	return ERR;
}

static void skip_ws(cxs_rec *r)
{
	while (r->s < r->end && (*r->s == ' ' || *r->s == '\t' || *r->s == '\n' || *r->s == '\r')) {
		r->s++;
		r->noncanon = 1;
	}
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at `s` (which has at least 4 bytes), or -1. */
static long hex4(const unsigned char *s)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		if ((h = hexval(s[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Byte classes inside a string: 0 plain ASCII, 1 '"', 2 '\\', 3 control, 4 >= 0x80. */
static unsigned char strclass[256];

static void init_classes(void)
{
	int c;

	if (strclass[0])
		return;
	for (c = 0; c < 256; c++)
		strclass[c] = c < 0x20 ? 3 : c == '"' ? 1 : c == '\\' ? 2 : c >= 0x80 ? 4 : 0;
}

/* One UTF-8 sequence at r->s (a byte >= 0x80), with jansson's rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF. */
static int scan_utf8(cxs_rec *r)
{
	const unsigned char *s = r->s;
	size_t left = (size_t)(r->end - s);
	unsigned c = s[0];
	size_t k, i;

	if (c < 0xC2 || c > 0xF4)
		return fail(r, "invalid UTF-8");
	k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (left < k)
		return fail(r, "invalid UTF-8");
	for (i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return fail(r, "invalid UTF-8");
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
		return fail(r, "invalid UTF-8");
	r->s += k;
	return 0;
}

/* A backslash escape at r->s ('\\'). Only those our writer makes are canonical. */
static int scan_escape(cxs_rec *r, int *has_u)
{
	const unsigned char *s = r->s;
	long u, lo;

	if (r->end - s < 2)
		return fail(r, "premature end of input");
	switch (s[1]) {
	case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't':
		r->s += 2;
		return 0;
	case '/':
		r->noncanon = 1;
		r->s += 2;
		return 0;
	case 'u':
		break;
	default:
		return fail(r, "invalid escape");
	}
	*has_u = 1;
	if (r->end - s < 6 || (u = hex4(s + 2)) < 0)
		return fail(r, "invalid escape");
	if (u == 0)
		return fail(r, "\\u0000 is not allowed");
	if (u >= 0xDC00 && u <= 0xDFFF)
		return fail(r, "invalid Unicode");
	if (u >= 0xD800 && u <= 0xDBFF) {
		if (r->end - s < 12 || s[6] != '\\' || s[7] != 'u' || (lo = hex4(s + 8)) < 0 ||
		    lo < 0xDC00 || lo > 0xDFFF)
			return fail(r, "invalid Unicode");
		r->noncanon = 1;
		r->s += 12;
		return 0;
	}
	/* the writer spells out every character but the controls, and those with
	 * upper-case hex, and \b \f \n \r \t by their letters */
	{
		static const char hexd[] = "0123456789ABCDEF";
		if (u >= 0x20 || u == '\b' || u == '\f' || u == '\n' || u == '\r' || u == '\t' ||
		    s[4] != hexd[u >> 4] || s[5] != hexd[u & 15])
			r->noncanon = 1;
	}
	r->s += 6;
	return 0;
}

/* Decodes a validated string's raw bytes into `out` (appending). */
static int decode(const char *raw, size_t n, cxs_buf *out)
{
	size_t i = 0;

	if (cxs_buf_grow(out, n) < 0)
		return -1;
	while (i < n) {
		const char *bs = memchr(raw + i, '\\', n - i);
		size_t run = bs ? (size_t)(bs - raw) - i : n - i;
		long u;
		char tmp[4];
		size_t k;

		memcpy(out->p + out->len, raw + i, run);
		out->len += run;
		i += run;
		if (i >= n)
			break;
		switch (raw[i + 1]) {
		case 'b': tmp[0] = '\b'; k = 1; break;
		case 'f': tmp[0] = '\f'; k = 1; break;
		case 'n': tmp[0] = '\n'; k = 1; break;
		case 'r': tmp[0] = '\r'; k = 1; break;
		case 't': tmp[0] = '\t'; k = 1; break;
		case 'u':
			u = hex4((const unsigned char *)raw + i + 2);
			if (u >= 0xD800 && u <= 0xDBFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (hex4((const unsigned char *)raw + i + 8) - 0xDC00);
				i += 6;
			}
			if (u < 0x80) {
				tmp[0] = (char)u;
				k = 1;
			} else if (u < 0x800) {
				tmp[0] = (char)(0xC0 | (u >> 6));
				tmp[1] = (char)(0x80 | (u & 0x3F));
				k = 2;
			} else if (u < 0x10000) {
				tmp[0] = (char)(0xE0 | (u >> 12));
				tmp[1] = (char)(0x80 | ((u >> 6) & 0x3F));
				tmp[2] = (char)(0x80 | (u & 0x3F));
				k = 3;
			} else {
				tmp[0] = (char)(0xF0 | (u >> 18));
				tmp[1] = (char)(0x80 | ((u >> 12) & 0x3F));
				tmp[2] = (char)(0x80 | ((u >> 6) & 0x3F));
				tmp[3] = (char)(0x80 | (u & 0x3F));
				k = 4;
			}
			i += 4;
			break;
		default: tmp[0] = raw[i + 1]; k = 1; break;   /* " \ / */
		}
		/* a decoded escape is never longer than its spelling: no growth needed */
		memcpy(out->p + out->len, tmp, k);
		out->len += k;
		i += 2;
	}
	out->p[out->len] = '\0';
	return 0;
}

/* The end of the run of plain bytes from `s`: the first '"', '\\', control or byte >= 0x80.
 * Eight bytes at a time while there are eight: a lane's subtraction borrows only when
 * that lane is one of those, so a word without any sets no high bit. */
static const unsigned char *plain_run(const unsigned char *s, const unsigned char *end)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;

#ifdef __SSE2__
	/* sixteen at a time where the processor has SSE2 (every x86-64): a signed
	 * comparison with 0x20 finds the controls and the bytes >= 0x80 at once */
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
		      space = _mm_set1_epi8(0x20);

	while (end - s >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
		int m = _mm_movemask_epi8(_mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
			_mm_cmplt_epi8(x, space)));

		if (m)
			return s + __builtin_ctz((unsigned)m);
		s += 16;
	}
#endif
	while (end - s >= 8) {
		uint64_t x;

		memcpy(&x, s, 8);
		if (((x - 0x20 * ones) | ((x ^ ('"' * ones)) - ones) | ((x ^ ('\\' * ones)) - ones) | x) &
		    highs)
			break;
		s += 8;
	}
	while (s < end && !strclass[*s])
		s++;
	return s;
}

/* A string at r->s ('"'); leaves r->s after the closing quote. `*esc` tells whether it
 * had escapes. */
static int scan_string(cxs_rec *r, int *esc)
{
	int has_u = 0;

	*esc = 0;
	r->s++;
	for (;;) {
		r->s = plain_run(r->s, r->end);
		if (r->s >= r->end)
			return fail(r, "premature end of input");
		switch (strclass[*r->s]) {
		case 1:
			r->s++;
			return 0;
		case 2:
			*esc = 1;
			if (scan_escape(r, &has_u) < 0)
				return ERR;
			break;
		case 3:
			return fail(r, "control character in a string");
		default:
			/* Chinese text is a run of multi-byte characters */
			do
				if (scan_utf8(r) < 0)
					return ERR;
			while (r->s < r->end && *r->s >= 0x80);
		}
	}
}

/* A number at r->s. Integers must fit in a long long and reals must not overflow, as
 * in jansson. Canonical: what jansson prints back for the value (see cxs_rec.h). */
static int scan_number(cxs_rec *r)
{
	const unsigned char *s = r->s, *start = s, *ip, *fp = NULL;
	size_t nint, nfrac = 0;
	int neg = 0, expo = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	ip = s;
	if (s >= r->end || *s < '0' || *s > '9')
		return fail(r, "invalid number");
	if (*s == '0')
		s++;
	else
		while (s < r->end && *s >= '0' && *s <= '9')
			s++;
	nint = (size_t)(s - ip);
	if (s < r->end && *s >= '0' && *s <= '9')
		return fail(r, "invalid number");        /* a leading zero */
	if (s < r->end && *s == '.') {
		fp = ++s;
		while (s < r->end && *s >= '0' && *s <= '9')
			s++;
		nfrac = (size_t)(s - fp);
		if (!nfrac)
			return fail(r, "invalid number");
	}
	if (s < r->end && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < r->end && (*s == '+' || *s == '-'))
			s++;
		if (s >= r->end || *s < '0' || *s > '9')
			return fail(r, "invalid number");
		while (s < r->end && *s >= '0' && *s <= '9')
			s++;
		r->noncanon = 1;
		expo = 1;
		fp = fp ? fp : s;     /* a real either way */
	}
	r->s = s;
	if (!fp && nint <= 18) {
		/* eighteen digits always fit (offsets, counts) */
		if (neg && *ip == '0')
			r->noncanon = 1;             /* "-0" is read as 0 */
		return 0;
	}
	if (!fp) {
		/* an integer: must fit, as jansson reads it with strtoll */
		unsigned long long v = 0, lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
		const unsigned char *d;

		for (d = ip; d < s; d++) {
			unsigned dig = (unsigned)(*d - '0');
			if (v > (lim - dig) / 10)
				return fail(r, "too big integer");
			v = v * 10 + dig;
		}
		if (neg && v == 0)
			r->noncanon = 1;             /* "-0" is read as 0 */
		return 0;
	}
	{
		/* a real: only overflow is an error, as in jansson */
		char tmp[64], *heap = NULL, *num = tmp;
		size_t len = (size_t)(s - start);
		double d;

		if (!r->noncanon) {
			/* canonical when %.15g gives the same digits back: at most 15
			 * significant digits, no exponent needed, no trailing zero */
			const unsigned char *q = ip;
			size_t lead = 0, sig;

			if (nint == 1 && *ip == '0') {
				for (q = fp; q < fp + nfrac && *q == '0'; q++)
					lead++;
				sig = nfrac - lead;
				if (lead == nfrac) {
					if (nfrac != 1)
						r->noncanon = 1;     /* 0.00 */
				} else if (lead > 3 || sig > 15) {
					r->noncanon = 1;
				}
			} else {
				if (nfrac == 1 && *fp == '0')
					sig = nint;
				else
					sig = nint + nfrac;
				if (nint > 15 || sig > 15)
					r->noncanon = 1;
			}
			if (!(nfrac == 1 && *fp == '0') && fp[nfrac - 1] == '0')
				r->noncanon = 1;
		}
		if (!expo && nint <= 308)
			return 0;        /* no exponent and fewer than 309 digits: no overflow */
		if (len >= sizeof(tmp)) {
			if (!(heap = malloc(len + 1)))
				return NOMEM;
			num = heap;
		}
		memcpy(num, start, len);
		num[len] = '\0';
		errno = 0;
		d = strtod(num, NULL);
		free(heap);
		if ((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE)
			return fail(r, "real number overflow");
		return 0;
	}
}

static int scan_value(cxs_rec *r);

static int keys_equal(const struct key *a, const struct key *b)
{
	return a->n == b->n && !memcmp(a->p, b->p, a->n);
}

static size_t key_hash(const struct key *k)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < k->n; i++)
		h = (h ^ (unsigned char)k->p[i]) * 16777619u;
	return h;
}

/* Adds key `k` of the object whose keys start at `base`; fails on a duplicate. The
 * hash table `*tab` (size `*tabcap`, entries key index + 1) is made once the object
 * has LINEAR_KEYS keys. */
static int add_key(cxs_rec *r, size_t base, struct key k, size_t **tab, size_t *tabcap)
{
	size_t i, n = r->nkeys - base;

	if (cxs_array_grow(&r->keys, &r->capkeys, r->nkeys + 1, sizeof(*r->keys)) < 0)
		return NOMEM;
	if (n < LINEAR_KEYS) {
		for (i = base; i < r->nkeys; i++)
			if (keys_equal(&r->keys[i], &k))
				return fail(r, "duplicate object key");
		r->keys[r->nkeys++] = k;
		return 0;
	}
	if (!*tab || 2 * (n + 1) > *tabcap) {
		size_t cap = *tabcap ? *tabcap * 2 : 4 * LINEAR_KEYS, *t = calloc(cap, sizeof(*t));

		if (!t)
			return NOMEM;
		for (i = base; i < r->nkeys; i++) {
			size_t j = key_hash(&r->keys[i]) & (cap - 1);
			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = i + 1;
		}
		free(*tab);
		*tab = t;
		*tabcap = cap;
	}
	for (i = key_hash(&k) & (*tabcap - 1); (*tab)[i]; i = (i + 1) & (*tabcap - 1))
		if (keys_equal(&r->keys[(*tab)[i] - 1], &k))
			return fail(r, "duplicate object key");
	(*tab)[i] = r->nkeys + 1;
	r->keys[r->nkeys++] = k;
	return 0;
}

/* The key at r->s, decoded when it has escapes. */
static int scan_key(cxs_rec *r, struct key *k, size_t *rawstart, size_t *rawlen)
{
	int esc, rc;

	if (r->s >= r->end || *r->s != '"')
		return fail(r, "string or '}' expected");
	*rawstart = (size_t)(r->s - (const unsigned char *)r->p);
	if ((rc = scan_string(r, &esc)) < 0)
		return rc;
	k->p = r->p + *rawstart + 1;
	k->n = (size_t)(r->s - (const unsigned char *)r->p) - *rawstart - 2;
	*rawlen = k->n;
	if (esc) {
		/* the arena was sized to the line, so it never moves during a parse */
		size_t at = r->arena.len;
		decode(k->p, k->n, &r->arena);
		k->p = r->arena.p + at;
		k->n = r->arena.len - at;
	}
	return 0;
}

/* A top-level field. Lookups compare the key's raw bytes: in canonical text a key
 * with escapes holds a quote, a backslash or a control character, never a plain name. */
static int add_field(cxs_rec *r, size_t start, size_t keylen, size_t val, size_t end)
{
	struct field *f;

	if (cxs_array_grow(&r->f, &r->capf, r->nf + 1, sizeof(*r->f)) < 0)
		return NOMEM;
	f = &r->f[r->nf++];
	f->start = start;
	f->key = start + 1;
	f->keylen = keylen;
	f->val = val;
	f->vallen = end - val;
	return 0;
}

static int scan_object(cxs_rec *r, int top)
{
	size_t base = r->nkeys, *tab = NULL, tabcap = 0;
	int rc = 0;

	r->s++;
	skip_ws(r);
	if (r->s < r->end && *r->s == '}') {
		r->s++;
		return 0;
	}
	for (;;) {
		struct key k;
		size_t start, val, keylen;

		if ((rc = scan_key(r, &k, &start, &keylen)) < 0 || (rc = add_key(r, base, k, &tab, &tabcap)) < 0)
			break;
		skip_ws(r);
		if (r->s >= r->end || *r->s != ':') {
			rc = fail(r, "':' expected");
			break;
		}
		r->s++;
		skip_ws(r);
		val = (size_t)(r->s - (const unsigned char *)r->p);
		if ((rc = scan_value(r)) < 0)
			break;
		if (top && (rc = add_field(r, start, keylen, val,
					   (size_t)(r->s - (const unsigned char *)r->p))) < 0)
			break;
		skip_ws(r);
		if (r->s < r->end && *r->s == ',') {
			r->s++;
			skip_ws(r);
			continue;
		}
		if (r->s < r->end && *r->s == '}') {
			r->s++;
			break;
		}
		rc = fail(r, "'}' expected");
		break;
	}
	free(tab);
	r->nkeys = base;
	return rc;
}

static int is_digit(unsigned c)
{
	return c - '0' < 10;
}

/* Whether the eight bytes at `s` are four one-digit entries, each with its comma:
 * "d,d,d,d,". The digit bytes, masked into 16-bit lanes, are at least '0' when adding
 * 0x100 - '0' carries into the lane's bit 8, and at most '9' when adding 0x100 - ':'
 * does not. */
static int digit_commas(const unsigned char *s)
{
	const uint64_t even = 0x00FF00FF00FF00FFull, carry = 0x0100010001000100ull;
	uint64_t x, d;

	memcpy(&x, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);   /* s[0] in the low byte, as on little-endian machines */
#endif
	if ((x & ~even) != 0x2C002C002C002C00ull)      /* a comma in every odd byte */
		return 0;
	d = x & even;
	return ((d + 0x00D000D000D000D0ull) & carry) == carry &&
	       !((d + 0x00C600C600C600C6ull) & carry);
}

/* The end of the run of entries from `s` that are plain integers (no sign, no leading
 * zero, at most 18 digits) with a bare comma between them ("0,3,1,7"): offsets and
 * spans, most of a record's values. Stops after the last such integer, or returns `s`
 * when the first entry is something else, which scan_value then reads. */
static const unsigned char *int_run(const unsigned char *s, const unsigned char *end)
{
	const unsigned char *last = s;

	for (;;) {
		const unsigned char *d;

		if (end - s >= 8 && digit_commas(s)) {
			/* most gaps and lengths are one digit: eight bytes at a time */
			do
				s += 8;
			while (end - s >= 8 && digit_commas(s));
			last = s - 1;
		}
		d = s;
		if (*s == '0')
			s++;
		else
			while (s < end && is_digit(*s))
				s++;
		if (s == d || s - d > 18 ||
		    (s < end && (is_digit(*s) || *s == '.' || *s == 'e' || *s == 'E')))
			return last;
		last = s;
		if (end - s < 2 || *s != ',' || !is_digit(s[1]))
			return last;
		s++;
	}
}

static int scan_array(cxs_rec *r)
{
	int rc;

	r->s++;
	skip_ws(r);
	if (r->s < r->end && *r->s == ']') {
		r->s++;
		return 0;
	}
	for (;;) {
		const unsigned char *ints = r->s;

		if (r->s < r->end && is_digit(*r->s))
			ints = int_run(r->s, r->end);
		if (ints != r->s)
			r->s = ints;
		else if ((rc = scan_value(r)) < 0)
			return rc;
		skip_ws(r);
		if (r->s < r->end && *r->s == ',') {
			r->s++;
			skip_ws(r);
			continue;
		}
		if (r->s < r->end && *r->s == ']') {
			r->s++;
			return 0;
		}
		return fail(r, "']' expected");
	}
}

static int literal(cxs_rec *r, const char *word, size_t n)
{
	if ((size_t)(r->end - r->s) < n || memcmp(r->s, word, n))
		return fail(r, "invalid token");
	r->s += n;
	return 0;
}

static int scan_value(cxs_rec *r)
{
	int esc, rc;

	if (r->s >= r->end)
		return fail(r, "premature end of input");
	switch (*r->s) {
	case '"':
		return scan_string(r, &esc);
	case '{':
	case '[':
		if (++r->depth > MAX_DEPTH)
			return fail(r, "maximum parsing depth reached");
		rc = *r->s == '{' ? scan_object(r, 0) : scan_array(r);
		r->depth--;
		return rc;
	case 't':
		return literal(r, "true", 4);
	case 'f':
		return literal(r, "false", 5);
	case 'n':
		return literal(r, "null", 4);
	default:
		return scan_number(r);
	}
}

/* Scans r->p as a record. Returns 0, ERR or NOMEM. */
static int scan_record(cxs_rec *r)
{
	int rc;

	r->s = (const unsigned char *)r->p;
	r->end = r->s + r->n;
	r->depth = 1;
	r->noncanon = 0;
	r->err = NULL;
	r->nkeys = 0;
	r->nf = 0;
	cxs_buf_reset(&r->arena);
	if (cxs_buf_grow(&r->arena, r->n) < 0)
		return NOMEM;
	skip_ws(r);
	if (r->s >= r->end || *r->s != '{')
		return fail(r, "not an object");
	if ((rc = scan_object(r, 1)) < 0)
		return rc;
	skip_ws(r);
	if (r->s != r->end)
		return fail(r, "end of file expected");
	return 0;
}

/* The reason for a line the scanner refused, in the tree reader's words: jansson's
 * message, which it gives for every line the scanner refuses. */
static void explain(cxs_rec *r, const char *line, size_t len)
{
	json_error_t je;
	json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);

	if (!j)
		snprintf(r->reason, sizeof(r->reason), "invalid JSON at column %d: %s", je.column,
			 je.text);
	else if (!json_is_object(j))
		snprintf(r->reason, sizeof(r->reason), "record is not a JSON object");
	else   /* the scanner is stricter than jansson here: say what it saw */
		snprintf(r->reason, sizeof(r->reason), "invalid JSON at byte %zu: %s",
			 (size_t)(r->s - (const unsigned char *)line), r->err ? r->err : "?");
	json_decref(j);
}

/* Replaces a valid but non-canonical line by jansson's reading of it, printed by our
 * writer. Returns 0, or NOMEM. */
static int canonicalise(cxs_rec *r, const char *line, size_t len)
{
	json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	int rc;

	if (!j)
		return 0;     /* cannot happen for a line the scanner took; keep it as it is */
	rc = cxs_record_dump(j, &r->canon);
	json_decref(j);
	if (rc < 0)
		return NOMEM;
	r->p = r->canon.p;
	r->n = r->canon.len;
	return 0;
}

int cxs_rec_parse(cxs_rec *r, const char *line, size_t len)
{
	int rc;

	init_classes();
	r->nnew = r->ndrop = 0;
	cxs_buf_reset(&r->vals);
	r->reason[0] = '\0';
	r->p = line;
	r->n = len;
	rc = scan_record(r);
	if (rc == NOMEM)
		return -1;
	if (rc == ERR) {
		r->nf = 0;
		explain(r, line, len);
		return 1;
	}
	if (!r->noncanon)
		return 0;
	if (canonicalise(r, line, len) < 0)
		return -1;
	if (r->p == line)
		return 0;
	rc = scan_record(r);
	if (rc == NOMEM)
		return -1;
	if (rc == ERR) {
		r->nf = 0;
		snprintf(r->reason, sizeof(r->reason), "could not re-read the record: %s", r->err);
		return 1;
	}
	return 0;
}

const char *cxs_rec_reason(const cxs_rec *r)
{
	return r->reason;
}

const char *cxs_rec_text(const cxs_rec *r, size_t *len)
{
	*len = r->n;
	return r->p;
}

json_t *cxs_rec_json(const cxs_rec *r)
{
	return json_loadb(r->p, r->n, 0, NULL);
}

/* ------------------------------------------------------------------ reading fields */

static const struct field *find(const cxs_rec *r, const char *key)
{
	size_t n = strlen(key), i;

	for (i = 0; i < r->nf; i++)
		if (r->f[i].keylen == n && !memcmp(r->p + r->f[i].key, key, n))
			return &r->f[i];
	return NULL;
}

enum cxs_rec_type cxs_rec_type(const cxs_rec *r, const char *key)
{
	struct cxs_jv v;

	return cxs_rec_value(r, key, &v) ? cxs_jv_type(&v) : CXS_REC_ABSENT;
}

const char *cxs_rec_raw(const cxs_rec *r, const char *key, size_t *len)
{
	const struct field *f = find(r, key);

	if (!f)
		return NULL;
	*len = f->vallen;
	return r->p + f->val;
}

/* The end of the validated string whose opening quote is at `s`: after its closing
 * quote. */
static const char *string_end(const char *s)
{
	/* the strings walked here are array entries, mostly a word long: a byte loop beats
	 * a library search for them */
	for (s++; *s != '"'; s++)
		if (*s == '\\')
			s++;
	return s + 1;
}

int cxs_rec_string(const cxs_rec *r, const char *key, cxs_buf *out)
{
	const struct field *f = find(r, key);

	cxs_buf_reset(out);
	if (!f)
		return 0;
	if (r->p[f->val] != '"')
		return -1;
	if (decode(r->p + f->val + 1, f->vallen - 2, out) < 0)
		return -2;
	return 1;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

long cxs_rec_count(const cxs_rec *r, const char *key)
{
	struct cxs_jv v;

	return cxs_rec_value(r, key, &v) ? cxs_jv_count(&v) : -1;
}

/* The integer at `*s`, moving `*s` past it. Returns 0, or -1 when the value there is
 * not an integer. */
static int read_int(const char **s, long long *out)
{
	unsigned long long v = 0;
	const char *p = *s;
	int neg = *p == '-';

	p += neg;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (unsigned)(*p++ - '0');
	if (*p == '.' || *p == 'e' || *p == 'E')
		return -1;
	*out = neg ? (long long)(0ULL - v) : (long long)v;
	*s = p;
	return 0;
}

/* Past the separator after an entry: the next entry, or the closing ']'. */
static const char *next_entry(const char *s)
{
	s = skip_space(s);
	return *s == ',' ? skip_space(s + 1) : s;
}

int cxs_rec_ints(const cxs_rec *r, const char *key, struct cxs_ints *out, size_t *bad)
{
	const struct field *f = find(r, key);
	const char *s, *end;
	size_t n = 0;

	out->n = 0;
	if (bad)
		*bad = (size_t)-1;
	if (!f)
		return 0;
	s = r->p + f->val;
	end = s + f->vallen;
	if (*s != '[')
		return -1;
	s = skip_space(s + 1);
	if (*s == ']')
		return 1;
	/* a first guess of the count keeps reallocation out of the loop */
	if (cxs_array_grow(&out->v, &out->cap, f->vallen / 2 + 1, sizeof(*out->v)) < 0)
		return -2;
	while (*s != ']') {
		if (n >= out->cap && cxs_array_grow(&out->v, &out->cap, n + 1, sizeof(*out->v)) < 0)
			return -2;
		if (end - s >= 8 && n + 4 <= out->cap && digit_commas((const unsigned char *)s)) {
			out->v[n] = s[0] - '0';
			out->v[n + 1] = s[2] - '0';
			out->v[n + 2] = s[4] - '0';
			out->v[n + 3] = s[6] - '0';
			n += 4;
			s += 8;
			continue;
		}
		/* the text is canonical (no spaces): a digit before ',' or ']' is an entry */
		if (is_digit((unsigned char)s[0]) && (s[1] == ',' || s[1] == ']')) {
			out->v[n] = s[0] - '0';
			s++;
		} else if (read_int(&s, &out->v[n]) < 0) {
			if (bad)
				*bad = n;
			return -1;
		}
		n++;
		s = *s == ',' ? s + 1 : next_entry(s);
	}
	out->n = n;
	return 1;
}

/* Appends the validated string at `s` (its opening quote) to `out`'s arena as entry
 * `n`; returns the end of its spelling, or NULL when memory runs out. The entry's
 * offset in the arena stands in `len[n]` until finish_strings makes the pointers. */
static const char *add_string(struct cxs_strs *out, size_t n, const char *s)
{
	const char *e = string_end(s);

	if (n >= out->cap) {
		size_t cap = out->cap;
		if (cxs_array_grow(&out->s, &cap, n + 1, sizeof(*out->s)) < 0 ||
		    cxs_array_grow(&out->len, &out->cap, n + 1, sizeof(*out->len)) < 0)
			return NULL;
	}
	out->len[n] = out->arena.len;
	decode(s + 1, (size_t)(e - s) - 2, &out->arena);
	out->arena.len++;                /* keep decode's NUL */
	return e;
}

static void finish_strings(struct cxs_strs *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t off = out->len[i], next = i + 1 < n ? out->len[i + 1] : out->arena.len;
		out->s[i] = out->arena.p + off;
		out->len[i] = next - off - 1;
	}
	out->n = n;
}

/* Starts decoding the array `f` into `out`: its first entry (or ']'), or NULL when `f`
 * is not an array or (`*nomem`) the arena cannot grow. Decoded strings and their NULs
 * fit in the array's own bytes, so the arena never moves while the pointers are made. */
static const char *start_strings(const cxs_rec *r, const struct field *f, struct cxs_strs *out,
				 int *nomem)
{
	const char *s = r->p + f->val;

	*nomem = 0;
	if (*s != '[')
		return NULL;
	if (cxs_buf_grow(&out->arena, f->vallen + 1) < 0) {
		*nomem = 1;
		return NULL;
	}
	return skip_space(s + 1);
}

int cxs_rec_strings(const cxs_rec *r, const char *key, struct cxs_strs *out, size_t *bad)
{
	const struct field *f = find(r, key);
	const char *s;
	size_t n = 0;
	int nomem;

	out->n = 0;
	cxs_buf_reset(&out->arena);
	if (bad)
		*bad = (size_t)-1;
	if (!f)
		return 0;
	if (!(s = start_strings(r, f, out, &nomem)))
		return nomem ? -2 : -1;
	while (*s != ']') {
		if (*s != '"') {
			if (bad)
				*bad = n;
			return -1;
		}
		if (!(s = add_string(out, n, s)))
			return -2;
		n++;
		s = next_entry(s);
	}
	finish_strings(out, n);
	return 1;
}

int cxs_rec_pairs(const cxs_rec *r, const char *key, struct cxs_ints *idx, struct cxs_strs *strs,
		  size_t *bad)
{
	const struct field *f = find(r, key);
	const char *s;
	size_t n = 0;
	int nomem;

	idx->n = strs->n = 0;
	cxs_buf_reset(&strs->arena);
	if (bad)
		*bad = (size_t)-1;
	if (!f)
		return 0;
	if (!(s = start_strings(r, f, strs, &nomem)))
		return nomem ? -2 : -1;
	for (; *s != ']'; n++, s = next_entry(s)) {
		size_t k = n / 2;

		if (n % 2 == 0) {
			if (k >= idx->cap &&
			    cxs_array_grow(&idx->v, &idx->cap, k + 1, sizeof(*idx->v)) < 0)
				return -2;
			if (read_int(&s, &idx->v[k]) < 0)
				goto wrong;
		} else if (*s != '"') {
			goto wrong;
		} else if (!(s = add_string(strs, k, s))) {
			return -2;
		}
	}
	if (n % 2)
		goto wrong;
	idx->n = n / 2;
	finish_strings(strs, n / 2);
	return 1;
wrong:
	if (bad)
		*bad = n;
	return -1;
}

/* ------------------------------------------------------------------ nested values */

int cxs_rec_value(const cxs_rec *r, const char *key, struct cxs_jv *v)
{
	const struct field *f = find(r, key);

	if (!f)
		return 0;
	v->p = r->p + f->val;
	v->len = f->vallen;
	return 1;
}

enum cxs_rec_type cxs_jv_type(const struct cxs_jv *v)
{
	switch (v->len ? v->p[0] : '\0') {
	case '"': return CXS_REC_STRING;
	case '{': return CXS_REC_OBJECT;
	case '[': return CXS_REC_ARRAY;
	case 't': return CXS_REC_TRUE;
	case 'f': return CXS_REC_FALSE;
	case 'n': return CXS_REC_NULL;
	case '\0': return CXS_REC_ABSENT;
	default: return CXS_REC_NUMBER;
	}
}

/* Past the validated value that starts at `s`, inside a container ending before `end`. */
static const char *value_end(const char *s, const char *end)
{
	int depth = 0;

	if (*s == '"')
		return string_end(s);
	if (*s != '[' && *s != '{') {
		while (s < end && *s != ',' && *s != ']' && *s != '}' && *s != ' ' &&
		       *s != '\t' && *s != '\n' && *s != '\r')
			s++;
		return s;
	}
	for (;;) {
		switch (*s) {
		case '"':
			s = string_end(s);
			continue;
		case '[': case '{':
			depth++;
			break;
		case ']': case '}':
			if (!--depth)
				return s + 1;
			break;
		}
		s++;
	}
}

int cxs_jv_next(const struct cxs_jv *v, size_t *pos, struct cxs_jv *key, struct cxs_jv *val)
{
	const char *s, *end, *e;
	int obj;

	if (v->len < 2 || (v->p[0] != '[' && v->p[0] != '{'))
		return -1;
	obj = v->p[0] == '{';
	end = v->p + v->len - 1;              /* the closing bracket */
	s = skip_space(v->p + (*pos ? *pos : 1));
	if (*s == ',')
		s = skip_space(s + 1);
	if (s >= end)
		return 0;
	if (obj) {
		e = string_end(s);
		if (key) {
			key->p = s + 1;
			key->len = (size_t)(e - s) - 2;
		}
		s = skip_space(skip_space(e) + 1);   /* past the ':' */
	}
	e = value_end(s, end);
	val->p = s;
	val->len = (size_t)(e - s);
	*pos = (size_t)(e - v->p);
	return 1;
}

void cxs_jv_members(const struct cxs_jv *v, const char *const *names, size_t n,
		    struct cxs_jv *vals)
{
	struct cxs_jv k, e;
	size_t pos = 0, i;

	for (i = 0; i < n; i++)
		vals[i].len = 0;
	if (v->len < 2 || v->p[0] != '{')
		return;
	while (cxs_jv_next(v, &pos, &k, &e) == 1)
		for (i = 0; i < n; i++)
			if (!strncmp(k.p, names[i], k.len) && !names[i][k.len]) {
				vals[i] = e;
				break;
			}
}

int cxs_jv_get(const struct cxs_jv *v, const char *name, struct cxs_jv *val)
{
	cxs_jv_members(v, &name, 1, val);
	return val->len > 0;
}

long cxs_jv_count(const struct cxs_jv *v)
{
	size_t pos = 0;
	struct cxs_jv e;
	long n = 0;

	if (v->len < 2 || v->p[0] != '[')
		return -1;
	while (cxs_jv_next(v, &pos, NULL, &e) == 1)
		n++;
	return n;
}

int cxs_jv_string(const struct cxs_jv *v, cxs_buf *out)
{
	if (v->len < 2 || v->p[0] != '"')
		return -1;
	return decode(v->p + 1, v->len - 2, out) < 0 ? -2 : 1;
}

static int is_number(const struct cxs_jv *v)
{
	return v->len && (v->p[0] == '-' || (v->p[0] >= '0' && v->p[0] <= '9'));
}

int cxs_jv_int(const struct cxs_jv *v, long long *out)
{
	const char *s = v->p;

	if (!is_number(v) || read_int(&s, out) < 0)
		return 0;
	return 1;
}

int cxs_jv_number(const struct cxs_jv *v, double *out)
{
	long long i;

	if (cxs_jv_int(v, &i)) {
		*out = (double)i;
		return 1;
	}
	if (!is_number(v))
		return 0;
	*out = strtod(v->p, NULL);   /* validated; the programs never call setlocale */
	return 1;
}

void cxs_ints_release(struct cxs_ints *a)
{
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

void cxs_strs_release(struct cxs_strs *a)
{
	free(a->s);
	free(a->len);
	cxs_buf_release(&a->arena);
	a->s = NULL;
	a->len = NULL;
	a->n = a->cap = 0;
}

/* ------------------------------------------------------------------ output */

static void close_last(cxs_rec *r)
{
	if (r->nnew)
		r->nw[r->nnew - 1].len = r->vals.len - r->nw[r->nnew - 1].off;
}

cxs_buf *cxs_rec_set(cxs_rec *r, const char *key)
{
	size_t n = strlen(key), i;

	close_last(r);
	/* a field set twice keeps its last value, placed where it was set last */
	for (i = 0; i < r->nnew; i++)
		if (r->nw[i].keylen == n && !memcmp(r->nw[i].key, key, n))
			r->nw[i].dead = 1;
	if (cxs_array_grow(&r->nw, &r->capnew, r->nnew + 1, sizeof(*r->nw)) < 0)
		return NULL;
	r->nw[r->nnew].key = key;
	r->nw[r->nnew].keylen = n;
	r->nw[r->nnew].off = r->vals.len;
	r->nw[r->nnew].len = 0;
	r->nw[r->nnew].dead = 0;
	r->nnew++;
	return &r->vals;
}

void cxs_rec_drop(cxs_rec *r, const char *key)
{
	if (cxs_array_grow(&r->drop, &r->capdrop, r->ndrop + 1, sizeof(*r->drop)) == 0) {
		r->drop[r->ndrop].key = key;
		r->drop[r->ndrop++].len = strlen(key);
	}
}

static int add_new(const cxs_rec *r, const struct newfield *nf, cxs_buf *out, int comma)
{
	if (cxs_buf_grow(out, nf->keylen + nf->len + 4) < 0)
		return -1;
	if (comma)
		out->p[out->len++] = ',';
	out->p[out->len++] = '"';
	memcpy(out->p + out->len, nf->key, nf->keylen);
	out->len += nf->keylen;
	out->p[out->len++] = '"';
	out->p[out->len++] = ':';
	memcpy(out->p + out->len, r->vals.p + nf->off, nf->len);
	out->len += nf->len;
	out->p[out->len] = '\0';
	return 0;
}

static int dropped(const cxs_rec *r, const struct field *f)
{
	size_t i;

	for (i = 0; i < r->ndrop; i++)
		if (r->drop[i].len == f->keylen && !memcmp(r->drop[i].key, r->p + f->key, f->keylen))
			return 1;
	return 0;
}

int cxs_rec_write(cxs_rec *r, cxs_buf *out)
{
	unsigned char used[64] = { 0 };
	size_t i, j;
	int first = 1;

	close_last(r);
	if (r->nnew > sizeof(used))
		return -1;   /* a stage sets a handful of fields */
	cxs_buf_reset(out);
	if (cxs_buf_grow(out, r->n + r->vals.len + 16 * r->nnew + 2) < 0)
		return -1;
	out->p[out->len++] = '{';
	for (i = 0; i < r->nf; i++) {
		const struct field *f = &r->f[i];

		if (dropped(r, f))
			continue;
		for (j = 0; j < r->nnew; j++)
			if (!r->nw[j].dead && r->nw[j].keylen == f->keylen &&
			    !memcmp(r->nw[j].key, r->p + f->key, f->keylen))
				break;
		if (j < r->nnew) {
			if (add_new(r, &r->nw[j], out, !first) < 0)
				return -1;
			used[j] = 1;
		} else {
			size_t n = f->val + f->vallen - f->start;
			if (cxs_buf_grow(out, n + 1) < 0)
				return -1;
			if (!first)
				out->p[out->len++] = ',';
			memcpy(out->p + out->len, r->p + f->start, n);
			out->len += n;
		}
		first = 0;
	}
	for (j = 0; j < r->nnew; j++) {
		if (used[j] || r->nw[j].dead)
			continue;
		if (add_new(r, &r->nw[j], out, !first) < 0)
			return -1;
		first = 0;
	}
	return cxs_buf_addch(out, '}');
}

/*
 * cxs_jsonw — JSON values into a cxs_buf, as jansson's compact printer writes them.
 */
#include "cxs_jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Bytes that need escaping in a JSON string: control characters, '"' and '\\'. */
static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Writes the escape of `c` at `p` (at most 6 bytes); returns its end. */
static char *escape_at(char *p, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	*p++ = '\\';
	switch (c) {
	case '"': *p++ = '"'; break;
	case '\\': *p++ = '\\'; break;
	case '\b': *p++ = 'b'; break;
	case '\f': *p++ = 'f'; break;
	case '\n': *p++ = 'n'; break;
	case '\r': *p++ = 'r'; break;
	case '\t': *p++ = 't'; break;
	default:
		*p++ = 'u';
		*p++ = '0';
		*p++ = '0';
		*p++ = hex[c >> 4];
		*p++ = hex[c & 15];
	}
	return p;
}

static int add_escape(cxs_buf *out, unsigned char c)
{
	char esc[6];

	return cxs_buf_add(out, esc, (size_t)(escape_at(esc, c) - esc));
}

int cxs_jw_string(cxs_buf *out, const char *s, size_t n)
{
	size_t i = 0, run;

	if (cxs_buf_grow(out, n + 2) < 0)
		return -1;
	out->p[out->len++] = '"';
	while (i < n) {
		for (run = i; run < n && !needs_escape((unsigned char)s[run]); run++)
			;
		if (cxs_buf_add(out, s + i, run - i) < 0)
			return -1;
		if (run >= n)
			break;
		if (add_escape(out, (unsigned char)s[run]) < 0)
			return -1;
		i = run + 1;
	}
	return cxs_buf_addch(out, '"');
}

/* Digits of `u` ending at `end`; returns where they start. */
static char *digits(char *end, unsigned long long u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	return end;
}

char *cxs_jw_string_at(char *p, const char *s, size_t n)
{
	size_t i;

	*p++ = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (needs_escape(c))
			p = escape_at(p, c);
		else
			*p++ = (char)c;
	}
	*p++ = '"';
	return p;
}

int cxs_jw_int(cxs_buf *out, long long v)
{
	char tmp[24];

	return cxs_buf_add(out, tmp, (size_t)(cxs_jw_int_at(tmp, v) - tmp));
}

/* Raw writers (cxs_jsonw.h): the caller made room. */
char *cxs_jw_int_at(char *p, long long v)
{
	char tmp[24], *d;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t k;

	d = digits(tmp + sizeof(tmp), u);
	if (v < 0)
		*--d = '-';
	k = (size_t)(tmp + sizeof(tmp) - d);
	memcpy(p, d, k);
	return p + k;
}

int cxs_jw_ints(cxs_buf *out, const size_t *v, size_t n)
{
	size_t i;

	/* 21 bytes is the longest a size_t and its comma can be */
	if (cxs_buf_grow(out, n * 21 + 2) < 0)
		return -1;
	out->p[out->len++] = '[';
	for (i = 0; i < n; i++) {
		char tmp[24], *p = digits(tmp + sizeof(tmp), v[i]);
		size_t k = (size_t)(tmp + sizeof(tmp) - p);

		if (i)
			out->p[out->len++] = ',';
		memcpy(out->p + out->len, p, k);
		out->len += k;
	}
	out->p[out->len++] = ']';
	out->p[out->len] = '\0';
	return 0;
}

/* A real that is the double nearest to a multiple of 1/10000 between -100 and 100 (the
 * scores of classify, rounded to 4 decimals, and the 3-decimal language scores), written
 * without printf, which cost classify more than its scoring. %.15g prints such a double
 * as its decimal value exactly (it holds at most 6 significant digits, and the double
 * is within 1e-16 of it), so the digits are those of q / 10000 with the trailing zeros
 * dropped. Returns 1 when written, 0 when `v` is not such a number. */
static int real_4dp(cxs_buf *out, double v)
{
	char tmp[16];
	long long q, a;
	int n = 0, k;

	if (!(v > -100.0 && v < 100.0))
		return 0;
	q = (long long)(v * 10000.0 + (v >= 0 ? 0.5 : -0.5));
	if ((double)q / 10000.0 != v || (q == 0 && signbit(v)))
		return 0;
	a = q < 0 ? -q : q;
	if (q < 0)
		tmp[n++] = '-';
	if (a >= 100000)
		tmp[n++] = (char)('0' + a / 100000);
	tmp[n++] = (char)('0' + a / 10000 % 10);
	tmp[n++] = '.';
	a %= 10000;
	for (k = 1000; k > 0 && (k == 1000 || a); k /= 10) {
		tmp[n++] = (char)('0' + a / k);
		a %= k;
	}
	return cxs_buf_add(out, tmp, (size_t)n) < 0 ? -1 : 1;
}

int cxs_jw_real(cxs_buf *out, double v)
{
	char tmp[40], *e, *d, *s;
	int n = real_4dp(out, v);

	if (n)
		return n < 0 ? -1 : 0;
	n = snprintf(tmp, sizeof(tmp) - 3, "%.15g", v);

	if (n < 0 || (size_t)n >= sizeof(tmp) - 3)
		return -1;
	/* Like jansson: a real always reads back as a real, and exponents are written
	 * without '+' and leading zeros (1e300, 2.5e-7). */
	if (!strpbrk(tmp, ".eE")) {
		tmp[n++] = '.';
		tmp[n++] = '0';
		tmp[n] = '\0';
	}
	e = strchr(tmp, 'e');
	if (e) {
		d = e + 1;
		s = d;
		if (*s == '+')
			s++;
		else if (*s == '-')
			*d++ = *s++;
		while (*s == '0' && s[1])
			s++;
		memmove(d, s, strlen(s) + 1);
		n = (int)strlen(tmp);
	}
	return cxs_buf_add(out, tmp, (size_t)n);
}

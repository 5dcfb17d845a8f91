/*
 * cxs_tokens — the per-token arrays of a record in schema versions 1 and 2 (see
 * cxs_tokens.h).
 */
#include "cxs_tokens.h"

#include <stdlib.h>
#include <string.h>

#include "cxs_jsonw.h"
#include "cxs_stage.h"

struct cxs_tokens {
	struct cxs_ints ints;           /* offsets or spans; the indices of a sparse array */
	struct cxs_strs forms, stems;   /* decoded strings, when they cannot be read in place */
	size_t *off;
	size_t capoff;
	const char **form, **stem;
	size_t *formlen, *stemlen;
	size_t cap;                     /* of form, stem, formlen, stemlen */
};

/* The field names of each version: offsets, forms, stems. */
static const char *const names[2][3] = {
	{ "tokens", "forms", "stems" },
	{ "spans", "form_at", "stem_at" },
};

static const char *const producer[3] = { "cxs-normalize", "cxs-normalize", "cxs-stem" };

cxs_tokens *cxs_tokens_new(void)
{
	return calloc(1, sizeof(struct cxs_tokens));
}

void cxs_tokens_free(cxs_tokens *t)
{
	if (!t)
		return;
	cxs_ints_release(&t->ints);
	cxs_strs_release(&t->forms);
	cxs_strs_release(&t->stems);
	free(t->off);
	free(t->form);
	free(t->stem);
	free(t->formlen);
	free(t->stemlen);
	free(t);
}

static int nomem(cxs_err *reason)
{
	return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
}

/* Whether an offset at `at` falls inside a UTF-8 character of `text` (which the reader
 * checked is UTF-8): evidence cut there would be invalid text. */
static int splits(const char *text, size_t len, size_t at)
{
	return at < len && (text[at] & 0xC0) == 0x80;
}

/* Makes the per-token arrays hold `n` tokens. */
static int grow(cxs_tokens *t, size_t n)
{
	void *p;
	size_t cap;

	if (cxs_array_grow(&t->off, &t->capoff, 2 * n + 2, sizeof(*t->off)) < 0)
		return -1;
	if (n <= t->cap)
		return 0;
	cap = 2 * n + 16;
#define REGROW(f)                                                 \
	if (!(p = realloc((void *)t->f, cap * sizeof(*t->f))))    \
		return -1;                                        \
	t->f = p;
	REGROW(form) REGROW(formlen) REGROW(stem) REGROW(stemlen)
#undef REGROW
	/* raised only once every array has grown, so a failure half way leaves them to be
	 * grown again next time, never too short */
	t->cap = cap;
	return 0;
}

/* Reads the integer pairs of `name` (`tokens` in version 1, `spans` in 2) into t->ints
 * and grows the per-token arrays for them. Returns the number of pairs, or -1 with the
 * reason (-2: no memory). What is wrong with the array as a whole is said before what is
 * wrong in it. */
static long read_pairs(cxs_tokens *t, const cxs_rec *rec, int schema, cxs_err *reason)
{
	const char *name = names[schema - 1][0];
	size_t bad;
	int rc = cxs_rec_ints(rec, name, &t->ints, &bad);

	if (rc == -2 || (rc == 1 && grow(t, t->ints.n / 2) < 0))
		return -2;
	if (rc != 1 ? cxs_rec_count(rec, name) % 2 != 0 : t->ints.n % 2 != 0) {
		cxs_reject(reason, "'%s' has an odd number of %s", name,
			   schema == 1 ? "offsets" : "entries");
		return -1;
	}
	if (rc != 1) {
		if (schema == 1)
			cxs_reject(reason, "'%s' entry %zu is not a pair of integers", name, bad / 2);
		else
			cxs_reject(reason, "'%s' entry %zu is not an integer", name, bad);
		return -1;
	}
	return (long)(t->ints.n / 2);
}

/* Version 1 `tokens`: absolute [start, end) pairs in text order without overlap. */
static int offsets_v1(cxs_tokens *t, const cxs_rec *rec, const char *text, size_t textlen,
		      cxs_err *reason)
{
	size_t i, prev = 0;
	long n = read_pairs(t, rec, 1, reason);

	if (n < 0)
		return n == -2 ? -1 : 1;
	for (i = 0; i < (size_t)n; i++) {
		long long s = t->ints.v[2 * i], e = t->ints.v[2 * i + 1];

		if (s < (long long)prev || e < s || (unsigned long long)e > textlen)
			return cxs_reject(reason, "'tokens' entry %zu [%lld, %lld) is out of order or "
					  "outside the text", i, s, e);
		if (splits(text, textlen, (size_t)s) || splits(text, textlen, (size_t)e))
			return cxs_reject(reason, "'tokens' entry %zu [%lld, %lld) splits a UTF-8 "
					  "character", i, s, e);
		t->off[2 * i] = (size_t)s;
		t->off[2 * i + 1] = prev = (size_t)e;
	}
	return 0;
}

/* Version 2 `spans`: [gap, len] pairs, each token starting `gap` bytes after the end of
 * the one before. Checked so that no sum can overflow: every offset stays within the
 * text. */
static int offsets_v2(cxs_tokens *t, const cxs_rec *rec, const char *text, size_t textlen,
		      cxs_err *reason)
{
	size_t i, prev = 0;
	long n = read_pairs(t, rec, 2, reason);

	if (n < 0)
		return n == -2 ? -1 : 1;
	for (i = 0; i < (size_t)n; i++) {
		long long gap = t->ints.v[2 * i], len = t->ints.v[2 * i + 1];
		size_t s, e;

		if (gap < 0 || len < 0)
			return cxs_reject(reason, "'spans' entry %zu is negative", 2 * i + (gap >= 0));
		if ((unsigned long long)gap > textlen - prev ||
		    (unsigned long long)len > textlen - prev - (size_t)gap)
			return cxs_reject(reason, "'spans' token %zu (entries %zu and %zu) ends beyond "
					  "the %zu bytes of 'text'", i, 2 * i, 2 * i + 1, textlen);
		s = prev + (size_t)gap;
		e = s + (size_t)len;
		if (splits(text, textlen, s) || splits(text, textlen, e))
			return cxs_reject(reason, "'spans' token %zu [%zu, %zu) splits a UTF-8 "
					  "character", i, s, e);
		t->off[2 * i] = s;
		t->off[2 * i + 1] = prev = e;
	}
	return 0;
}

/* Version 1 `forms`/`stems`: one string per token, as views `s[i]`, `len[i]`. Words
 * rarely need an escape, so when none does they are read in place from the record's
 * canonical bytes (`["a","b"]`); otherwise, and for an array that is not `n` strings,
 * cxs_rec_strings decodes it into `slow` and says what is wrong. */
static int strings_v1(const cxs_rec *rec, const char *name, size_t n, struct cxs_strs *slow,
		      const char **s, size_t *len, cxs_err *reason)
{
	size_t rawlen, i, bad;
	const char *p = cxs_rec_raw(rec, name, &rawlen), *q;
	long count;
	int rc;

	for (i = 0, p++; i < n; i++) {
		if ((i && *p++ != ',') || *p != '"')
			goto slow;
		for (q = ++p; *q != '"'; q++)
			if (*q == '\\')
				goto slow;
		s[i] = p;
		len[i] = (size_t)(q - p);
		p = q + 1;
	}
	if (*p == ']')
		return 0;
slow:
	count = cxs_rec_count(rec, name);
	if ((size_t)count != n)
		return cxs_reject(reason, "'%s' has %ld entries for %zu tokens", name, count, n);
	rc = cxs_rec_strings(rec, name, slow, &bad);
	if (rc == -2)
		return -1;
	if (rc != 1)
		return cxs_reject(reason, "'%s' entry %zu is not a string", name, bad);
	for (i = 0; i < n; i++) {
		s[i] = slow->s[i];
		len[i] = slow->len[i];
	}
	return 0;
}

/* Version 2 `form_at`/`stem_at`: [i, "string"] pairs for some tokens, in increasing
 * token order, overriding what `s`/`len` hold already. */
static int strings_v2(cxs_tokens *t, const cxs_rec *rec, const char *name, size_t n,
		      struct cxs_strs *strs, const char **s, size_t *len, cxs_err *reason)
{
	size_t k, bad;
	long long prev = -1;
	int rc = cxs_rec_pairs(rec, name, &t->ints, strs, &bad);

	if (rc == -2)
		return -1;
	if (rc != 1 && cxs_rec_count(rec, name) % 2 != 0)
		return cxs_reject(reason, "'%s' has an odd number of entries", name);
	if (rc != 1)
		return cxs_reject(reason, "'%s' entry %zu is not %s", name, bad,
				  bad % 2 ? "a string" : "an integer");
	for (k = 0; k < t->ints.n; k++) {
		long long i = t->ints.v[k];

		if (i < 0 || (unsigned long long)i >= n)
			return cxs_reject(reason, "'%s' entry %zu: token %lld is out of range (%zu "
					  "tokens)", name, 2 * k, i, n);
		if (i <= prev)
			return cxs_reject(reason, "'%s' entry %zu: token %lld does not come after "
					  "token %lld", name, 2 * k, i, prev);
		if (!strs->len[k])
			return cxs_reject(reason, "'%s' entry %zu is an empty string", name, 2 * k + 1);
		s[i] = strs->s[k];
		len[i] = strs->len[k];
		prev = i;
	}
	return 0;
}

/* The first field of version `v` (0: schema 1, 1: schema 2) that `rec` has, or NULL. */
static const char *first_of(const cxs_rec *rec, int v)
{
	int f;

	for (f = 0; f < 3; f++)
		if (cxs_rec_type(rec, names[v][f]) != CXS_REC_ABSENT)
			return names[v][f];
	return NULL;
}

/* Which version `rec` spells its tokens in: 1 when it has any of the version 1 names,
 * else 2. Refuses a record with names of both, and one that lacks a field it needs,
 * naming the latest stage's field first (it names the step that was left out). */
static int which_schema(const cxs_rec *rec, int flags, int *schema, cxs_err *reason)
{
	const char *v1 = first_of(rec, 0), *v2 = first_of(rec, 1);
	int v = v1 ? 0 : 1, f;

	if (v1 && v2)
		return cxs_reject(reason, "record mixes schema versions: '%s' (version 1) beside "
				  "'%s' (version 2)", v1, v2);
	for (f = 0; f < 3; f++) {
		/* stems, offsets, forms */
		int k = (flags & CXS_TOKENS_STEMS) ? (f + 2) % 3 : f;

		if ((k < 2 || (flags & CXS_TOKENS_STEMS)) &&
		    cxs_rec_type(rec, names[v][k]) != CXS_REC_ARRAY)
			return cxs_reject(reason, "record has no '%s' array (run %s first)",
					  names[v][k], producer[k]);
	}
	*schema = v + 1;
	return 0;
}

int cxs_tokens_read(cxs_tokens *t, const cxs_rec *rec, const char *text, size_t textlen,
		    int flags, struct cxs_tokview *out, cxs_err *reason)
{
	size_t i, n;
	int rc, schema = 0;

	if ((rc = which_schema(rec, flags, &schema, reason)))
		return rc;
	rc = schema == 1 ? offsets_v1(t, rec, text, textlen, reason)
			 : offsets_v2(t, rec, text, textlen, reason);
	if (rc)
		return rc < 0 ? nomem(reason) : rc;
	n = t->ints.n / 2;
	for (i = 0; i < n; i++) {
		t->form[i] = text + t->off[2 * i];
		t->formlen[i] = t->off[2 * i + 1] - t->off[2 * i];
	}
	rc = schema == 1 ? strings_v1(rec, "forms", n, &t->forms, t->form, t->formlen, reason)
			 : strings_v2(t, rec, "form_at", n, &t->forms, t->form, t->formlen, reason);
	if (rc)
		return rc < 0 ? nomem(reason) : rc;
	/* version 1's "" form is the token's text */
	for (i = 0; schema == 1 && i < n; i++) {
		if (!t->formlen[i]) {
			t->form[i] = text + t->off[2 * i];
			t->formlen[i] = t->off[2 * i + 1] - t->off[2 * i];
		}
	}
	memset(out, 0, sizeof(*out));
	if (flags & CXS_TOKENS_STEMS) {
		if (n) {        /* no arrays yet before the first record with tokens */
			memcpy(t->stem, t->form, n * sizeof(*t->stem));
			memcpy(t->stemlen, t->formlen, n * sizeof(*t->stemlen));
		}
		rc = schema == 1 ? strings_v1(rec, "stems", n, &t->stems, t->stem, t->stemlen, reason)
				 : strings_v2(t, rec, "stem_at", n, &t->stems, t->stem, t->stemlen,
					      reason);
		if (rc)
			return rc < 0 ? nomem(reason) : rc;
		for (i = 0; schema == 1 && i < n; i++) {
			if (!t->stemlen[i]) {
				t->stem[i] = t->form[i];
				t->stemlen[i] = t->formlen[i];
			}
		}
		out->stem = t->stem;
		out->stemlen = t->stemlen;
	}
	out->n = n;
	out->off = t->off;
	out->form = t->form;
	out->formlen = t->formlen;
	out->schema = schema;
	return 0;
}

/* ---------------------------------------------------------------- writing */

/* Writes `v` in decimal at `p`; returns the end. Most gaps and lengths are one digit. */
static char *put_size(char *p, size_t v)
{
	char tmp[24], *q = tmp + sizeof(tmp);
	size_t k;

	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	do
		*--q = (char)('0' + v % 10);
	while (v /= 10);
	k = (size_t)(tmp + sizeof(tmp) - q);
	memcpy(p, q, k);
	return p + k;
}

int cxs_tokens_write_spans(cxs_buf *out, const size_t *off, size_t n)
{
	size_t i, prev = 0;
	char *p;

	/* two numbers of at most 20 digits and two commas a token */
	if (cxs_buf_grow(out, 42 * n + 2) < 0)
		return -1;
	p = out->p + out->len;
	*p++ = '[';
	for (i = 0; i < n; i++) {
		if (i)
			*p++ = ',';
		p = put_size(p, off[2 * i] - prev);
		*p++ = ',';
		p = put_size(p, off[2 * i + 1] - off[2 * i]);
		prev = off[2 * i + 1];
	}
	*p++ = ']';
	*p = '\0';
	out->len = (size_t)(p - out->p);
	return 0;
}

int cxs_tokens_add_at(cxs_buf *out, size_t i, const char *s, size_t n)
{
	char *p;

	/* room made once for the longest entry: a stem_at entry is written for every
	 * other token, and growing the buffer for each piece was most of its cost */
	if (n > ((size_t)-1 - 64) / 6 ||
	    cxs_buf_grow(out, 2 + CXS_JW_INT_MAX + CXS_JW_STRING_MAX(n)) < 0)
		return -1;
	p = out->p + out->len;
	if (out->len && p[-1] != '[')
		*p++ = ',';
	p = cxs_jw_int_at(p, (long long)i);
	*p++ = ',';
	p = cxs_jw_string_at(p, s, n);
	*p = '\0';
	out->len = (size_t)(p - out->p);
	return 0;
}

int cxs_tokens_write_forms(cxs_buf *out, const struct cxs_tokview *v, const char *text)
{
	size_t i;

	if (cxs_buf_addch(out, '[') < 0)
		return -1;
	for (i = 0; i < v->n; i++) {
		const char *t = text + v->off[2 * i];
		size_t tlen = v->off[2 * i + 1] - v->off[2 * i];

		if ((v->formlen[i] != tlen || memcmp(v->form[i], t, tlen)) &&
		    cxs_tokens_add_at(out, i, v->form[i], v->formlen[i]) < 0)
			return -1;
	}
	return cxs_buf_addch(out, ']');
}

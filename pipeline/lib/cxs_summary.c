#define _GNU_SOURCE   /* memmem */
#include "cxs_summary.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_gzio.h"
#include "cxs_record.h"

static const char *const stages[] = { "fetch", "normalize", "stem", "classify" };

struct dimrow {
	char *dim;
	long long docs, pos, neg, neu;
};

struct cxs_tally {
	struct dimrow *dims;
	size_t ndims, cap;
	json_t *langs;          /* lang -> count, insertion order = first seen */
	json_t *cells;          /* "lang\tdim\tpolarity" -> documents, first seen order */
	long long docs, sent_pos, sent_neg, sent_neu;
};
#define tally cxs_tally

static struct dimrow *dim_get(struct tally *t, const char *dim)
{
	size_t i;

	for (i = 0; i < t->ndims; i++)
		if (!strcmp(t->dims[i].dim, dim))
			return &t->dims[i];
	if (t->ndims == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct dimrow *d = realloc(t->dims, cap * sizeof(*d));
		if (!d)
			return NULL;
		t->dims = d;
		t->cap = cap;
	}
	memset(&t->dims[t->ndims], 0, sizeof(t->dims[0]));
	t->dims[t->ndims].dim = strdup(dim);
	if (!t->dims[t->ndims].dim)
		return NULL;
	return &t->dims[t->ndims++];
}

/* Seeds the rows in the pack's order so the table reads the same every night. */
static void seed_dims(struct tally *t, const char *tsv)
{
	char line[1024];
	FILE *f = tsv ? fopen(tsv, "r") : NULL;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab || tab == line)
			continue;
		*tab = '\0';
		dim_get(t, line);
	}
	fclose(f);
}

static void count_polarity(const char *p, long long *pos, long long *neg, long long *neu)
{
	if (p && !strcmp(p, "positive"))
		(*pos)++;
	else if (p && !strcmp(p, "negative"))
		(*neg)++;
	else
		(*neu)++;
}

static void tally_record(struct tally *t, json_t *rec)
{
	const char *lang = json_string_value(json_object_get(rec, "lang"));
	json_t *sigs = json_object_get(rec, "signals"), *sig;
	json_t *n;
	size_t i;

	t->docs++;
	if (!lang)
		lang = "und";
	n = json_object_get(t->langs, lang);
	json_object_set_new(t->langs, lang, json_integer(n ? json_integer_value(n) + 1 : 1));
	count_polarity(json_string_value(json_object_get(json_object_get(rec, "sentiment"),
							 "polarity")),
		       &t->sent_pos, &t->sent_neg, &t->sent_neu);
	json_array_foreach(sigs, i, sig) {
		const char *dim = json_string_value(json_object_get(sig, "dim"));
		const char *pol = json_string_value(json_object_get(sig, "polarity"));
		struct dimrow *d = dim ? dim_get(t, dim) : NULL;
		char key[512];
		if (!d)
			continue;
		d->docs++;
		count_polarity(pol, &d->pos, &d->neg, &d->neu);
		if (!pol || (strcmp(pol, "positive") && strcmp(pol, "negative")))
			pol = "neutral";
		snprintf(key, sizeof(key), "%s\t%s\t%s", lang, dim, pol);
		n = json_object_get(t->cells, key);
		json_object_set_new(t->cells, key, json_integer(n ? json_integer_value(n) + 1 : 1));
	}
}

static int stage_counts(const char *workdir, int i, long long c[4])
{
	char path[4096];
	json_t *m, *counts;

	snprintf(path, sizeof(path), "%s/%02d-%s.manifest.json", workdir, i + 1, stages[i]);
	m = json_load_file(path, 0, NULL);
	if (!m)
		return -1;
	counts = json_object_get(m, "counts");
	c[0] = json_integer_value(json_object_get(counts, "in"));
	c[1] = json_integer_value(json_object_get(counts, "out"));
	c[2] = json_integer_value(json_object_get(counts, "rejected"));
	c[3] = json_integer_value(json_object_get(counts, "skipped"));
	json_decref(m);
	return 0;
}

static void stage_table(const char *workdir, cxs_buf *out)
{
	long long c[4], prev_out = -1, skipped = 0;
	int i, broken = 0, any = 0;

	cxs_buf_addf(out, "%-12s %10s %10s %10s\n", "stage", "in", "out", "rejected");
	for (i = 0; i < 4; i++) {
		if (stage_counts(workdir, i, c) < 0) {
			cxs_buf_addf(out, "%-12s %10s %10s %10s\n", stages[i], "-", "-", "-");
			prev_out = -1;
			continue;
		}
		any = 1;
		cxs_buf_addf(out, "%-12s %10lld %10lld %10lld\n", stages[i], c[0], c[1], c[2]);
		/* Skipped documents (cxs-pipeline --state) were processed on an earlier night. */
		if (c[0] != c[1] + c[2] + c[3] || (prev_out >= 0 && prev_out != c[0]))
			broken = 1;
		prev_out = c[1];
		skipped += c[3];
	}
	if (skipped)
		cxs_buf_addf(out, "%-12s %10lld already processed on an earlier night "
			     "(01-fetch.skipped.jsonl.gz)\n", "skipped", skipped);
	if (any)
		cxs_buf_addstr(out, broken ? "WARNING: counts do not reconcile between stages\n"
				   : skipped ? "every document is in 04-classify, a rejects file or "
					       "the skipped list\n"
					     : "every document is in 04-classify or in a rejects file\n");
}

void cxs_tally_free(struct tally *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ndims; i++)
		free(t->dims[i].dim);
	free(t->dims);
	json_decref(t->langs);
	json_decref(t->cells);
	free(t);
}

cxs_tally *cxs_tally_new(const char *dimensions_tsv)
{
	struct tally *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->langs = json_object();
	t->cells = json_object();
	if (!t->langs || !t->cells) {
		cxs_tally_free(t);
		return NULL;
	}
	seed_dims(t, dimensions_tsv);
	return t;
}

/* The last occurrence of `needle` in [s, s+n). */
static const char *last_of(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	const char *p = s, *hit = NULL, *q;

	while (n >= m && (q = memmem(p, n - (size_t)(p - s), needle, m))) {
		hit = q;
		p = q + 1;
		if ((size_t)(p - s) + m > n)
			break;
	}
	return hit;
}

/* The string value right after `key` at `p` (a JSON string without escapes, which every
 * value we read here is: language codes, dimension ids, polarities), or NULL. */
static const char *value_after(const char *p, const char *end, const char *key, size_t *len)
{
	size_t k = strlen(key);
	const char *q;

	if ((size_t)(end - p) < k || memcmp(p, key, k))
		return NULL;
	p += k;
	q = memchr(p, '"', (size_t)(end - p));
	if (!q || memchr(p, '\\', (size_t)(q - p)))
		return NULL;
	*len = (size_t)(q - p);
	return p;
}

static void count_cell(struct tally *t, const char *lang, const char *dim, const char *pol)
{
	struct dimrow *d = dim_get(t, dim);
	char key[512];
	json_t *n;

	if (!d)
		return;
	d->docs++;
	count_polarity(pol, &d->pos, &d->neg, &d->neu);
	if (strcmp(pol, "positive") && strcmp(pol, "negative"))
		pol = "neutral";
	snprintf(key, sizeof(key), "%s\t%s\t%s", lang, dim, pol);
	n = json_object_get(t->cells, key);
	json_object_set_new(t->cells, key, json_integer(n ? json_integer_value(n) + 1 : 1));
}

/* Counts a line of classify output without parsing it: a record carries every token, and
 * parsing all of it would cost more than the summary is worth. Classify writes
 * "signals":[{"dim":D,"polarity":P,...},...],"sentiment":{"polarity":P,...} last, and
 * normalize "lang":L,"lang_score" earlier. Inside JSON strings quotes are escaped, so
 * these patterns can only be keys; evidence objects have no "dim". Returns -1 when the
 * line does not have this shape (the caller then parses it whole). */
static int tally_fast(struct tally *t, const char *line, size_t n)
{
	const char *end = line + n, *sig = last_of(line, n, ",\"signals\":[");
	const char *sent, *lp, *v, *p;
	char lang[64], dim[128], pol[32];
	size_t len, len2;
	json_t *c;

	if (!sig)
		return -1;
	sent = last_of(sig, (size_t)(end - sig), "],\"sentiment\":{\"polarity\":\"");
	lp = last_of(line, (size_t)(sig - line), ",\"lang\":\"");
	if (!sent || !lp || !(v = value_after(lp + 1, sig, "\"lang\":\"", &len)) ||
	    len >= sizeof(lang) || strncmp(v + len, "\",\"lang_score\":", 15))
		return -1;
	memcpy(lang, v, len);
	lang[len] = '\0';
	t->docs++;
	c = json_object_get(t->langs, lang);
	json_object_set_new(t->langs, lang, json_integer(c ? json_integer_value(c) + 1 : 1));
	for (p = sig; (p = memmem(p, (size_t)(sent - p), "{\"dim\":\"", 8)); p += 8) {
		const char *d = value_after(p + 1, sent, "\"dim\":\"", &len), *q;
		if (!d || len >= sizeof(dim) ||
		    !(q = value_after(d + len + 2, sent, "\"polarity\":\"", &len2)) ||
		    len2 >= sizeof(pol) || d[len + 1] != ',')
			continue;
		memcpy(dim, d, len);
		dim[len] = '\0';
		memcpy(pol, q, len2);
		pol[len2] = '\0';
		count_cell(t, lang, dim, pol);
	}
	v = value_after(sent + 2, end, "\"sentiment\":{\"polarity\":\"", &len);
	snprintf(pol, sizeof(pol), "%.*s", v ? (int)len : 0, v ? v : "");
	count_polarity(pol, &t->sent_pos, &t->sent_neg, &t->sent_neu);
	return 0;
}

static void tally_line(struct tally *t, const char *line, size_t n)
{
	json_t *rec;

	if (tally_fast(t, line, n) == 0)
		return;
	rec = json_loadb(line, n, 0, NULL);
	if (rec && json_is_object(rec))
		tally_record(t, rec);
	json_decref(rec);
}

int cxs_tally_file(cxs_tally *t, const char *path, cxs_err *err)
{
	cxs_gzin *in = cxs_gzin_open(path, err);
	cxs_buf line = CXS_BUF_INIT;
	char buf[1 << 16];
	long n;

	if (!in)
		return -1;
	while ((n = cxs_gzin_read(in, buf, sizeof(buf), err)) > 0) {
		const char *p = buf, *end = buf + n, *nl;
		while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
			if (line.len) {
				cxs_buf_add(&line, p, (size_t)(nl - p));
				tally_line(t, line.p, line.len);
				cxs_buf_reset(&line);
			} else if (nl > p)
				tally_line(t, p, (size_t)(nl - p));
			p = nl + 1;
		}
		if (p < end && cxs_buf_add(&line, p, (size_t)(end - p)) < 0) {
			n = cxs_err_set(err, CXS_E_NOMEM, "out of memory");
			break;
		}
	}
	if (n == 0 && line.len)
		tally_line(t, line.p, line.len);
	cxs_buf_release(&line);
	cxs_gzin_close(in);
	return n < 0 ? -1 : 0;
}

int cxs_tally_foreach_language(const cxs_tally *t, cxs_tally_lang_fn fn, void *ctx)
{
	const char *lang;
	json_t *n;
	int rc;

	json_object_foreach(t->langs, lang, n)
		if ((rc = fn(ctx, lang, (long long)json_integer_value(n))) != 0)
			return rc;
	return 0;
}

int cxs_tally_foreach_signal(const cxs_tally *t, cxs_tally_signal_fn fn, void *ctx)
{
	const char *key;
	json_t *n;
	int rc;

	json_object_foreach(t->cells, key, n) {
		char buf[512], *dim, *pol;
		snprintf(buf, sizeof(buf), "%s", key);
		dim = strchr(buf, '\t');
		pol = dim ? strchr(dim + 1, '\t') : NULL;
		if (!pol)
			continue;
		*dim++ = '\0';
		*pol++ = '\0';
		if ((rc = fn(ctx, buf, dim, pol, (long long)json_integer_value(n))) != 0)
			return rc;
	}
	return 0;
}

void cxs_summary_format(const char *workdir, const cxs_tally *t, cxs_buf *out)
{
	const char *lang;
	json_t *n;
	size_t i;

	cxs_buf_addf(out, "run: %s\n\n", workdir);
	stage_table(workdir, out);
	cxs_buf_addf(out, "\n%-12s %10s\n", "language", "documents");
	json_object_foreach(t->langs, lang, n)
		cxs_buf_addf(out, "%-12s %10lld\n", lang, (long long)json_integer_value(n));
	cxs_buf_addf(out, "%-12s %10lld\n", "all", t->docs);
	cxs_buf_addf(out, "\n%-16s %10s %10s %10s %10s\n", "dimension", "documents", "positive",
		     "negative", "neutral");
	for (i = 0; i < t->ndims; i++)
		cxs_buf_addf(out, "%-16s %10lld %10lld %10lld %10lld\n", t->dims[i].dim,
			     t->dims[i].docs, t->dims[i].pos, t->dims[i].neg, t->dims[i].neu);
	cxs_buf_addf(out, "%-16s %10lld %10lld %10lld %10lld\n", "(overall)", t->docs,
		     t->sent_pos, t->sent_neg, t->sent_neu);
}

int cxs_summary_build(const char *workdir, const char *dimensions_tsv, cxs_buf *out,
		      cxs_err *err)
{
	cxs_tally *t = cxs_tally_new(dimensions_tsv);
	char path[4096];

	if (!t)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	snprintf(path, sizeof(path), "%s/04-classify.jsonl.gz", workdir);
	if (cxs_tally_file(t, path, err) < 0) {
		cxs_tally_free(t);
		return -1;
	}
	cxs_summary_format(workdir, t, out);
	cxs_tally_free(t);
	return 0;
}

json_t *cxs_tally_json(const cxs_tally *t)
{
	return json_pack("{s:I, s:[I, I, I], s:O, s:O}", "docs", (json_int_t)t->docs, "sentiment",
			 (json_int_t)t->sent_pos, (json_int_t)t->sent_neg, (json_int_t)t->sent_neu,
			 "langs", t->langs, "cells", t->cells);
}

int cxs_tally_add_json(cxs_tally *t, const json_t *j)
{
	json_t *langs = json_object_get(j, "langs"), *cells = json_object_get(j, "cells");
	json_t *sent = json_object_get(j, "sentiment"), *n, *have;
	const char *key;

	if (!json_is_object(langs) || !json_is_object(cells) || json_array_size(sent) != 3)
		return -1;
	t->docs += json_integer_value(json_object_get(j, "docs"));
	t->sent_pos += json_integer_value(json_array_get(sent, 0));
	t->sent_neg += json_integer_value(json_array_get(sent, 1));
	t->sent_neu += json_integer_value(json_array_get(sent, 2));
	json_object_foreach(langs, key, n) {
		have = json_object_get(t->langs, key);
		json_object_set_new(t->langs, key, json_integer((have ? json_integer_value(have) : 0) +
								json_integer_value(n)));
	}
	json_object_foreach(cells, key, n) {
		char buf[512], *dim, *pol;
		long long c = json_integer_value(n);
		struct dimrow *d;

		snprintf(buf, sizeof(buf), "%s", key);
		dim = strchr(buf, '\t');
		pol = dim ? strchr(dim + 1, '\t') : NULL;
		if (!pol)
			return -1;
		*dim++ = '\0';
		*pol++ = '\0';
		d = dim_get(t, dim);
		if (!d)
			return -1;
		d->docs += c;
		if (!strcmp(pol, "positive"))
			d->pos += c;
		else if (!strcmp(pol, "negative"))
			d->neg += c;
		else
			d->neu += c;
		have = json_object_get(t->cells, key);
		json_object_set_new(t->cells, key, json_integer((have ? json_integer_value(have) : 0) + c));
	}
	return 0;
}

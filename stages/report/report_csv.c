/*
 * report_csv — writing the aggregates as CSV. Numbers use the C locale (the programs
 * never call setlocale), so a share is always written 0.1234, never 0,1234.
 */
#include "report_csv.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct report_docs_csv {
	FILE *f;
	char *path;
};

static int guard = 1;

void report_csv_guard_formulas(int on)
{
	guard = on;
}

/* A signed decimal number ("-5", "+3.25"): a spreadsheet reads it as the number it
 * is, so the guard would only spoil an id or a rating that happens to be negative. */
static int plain_number(const char *s, size_t len)
{
	size_t i = 1, digits = 0;

	if (len < 2 || (s[0] != '-' && s[0] != '+'))
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < len && s[i] == '.' && digits) {
		size_t frac = 0;

		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			frac++;
		if (!frac)
			return 0;
	}
	return digits && i == len;
}

/* Spreadsheets run a cell that begins with one of these as a formula (OWASP, "CSV
 * injection"): a crawled title "=HYPERLINK(...)" would become a live link. */
static int formula_lead(const char *s, size_t len)
{
	return len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			   s[0] == '\t' || s[0] == '\r') && !plain_number(s, len);
}

int report_csv_field(FILE *f, const char *s, size_t len)
{
	int lead = guard && formula_lead(s, len);
	size_t i;

	if (!lead && !memchr(s, ',', len) && !memchr(s, '"', len) && !memchr(s, '\n', len) &&
	    !memchr(s, '\r', len))
		return fwrite(s, 1, len, f) == len ? 0 : EOF;
	/* A guarded field is quoted with an apostrophe first, which spreadsheets show as
	 * text and drop from the cell's value. */
	if (putc('"', f) == EOF || (lead && putc('\'', f) == EOF))
		return EOF;
	for (i = 0; i < len; i++) {
		if (s[i] == '"' && putc('"', f) == EOF)
			return EOF;
		if (putc(s[i], f) == EOF)
			return EOF;
	}
	return putc('"', f) == EOF ? EOF : 0;
}

static void str(FILE *f, const char *s)
{
	report_csv_field(f, s, strlen(s));
}

static void sep(FILE *f)
{
	putc(',', f);
}

static void eol(FILE *f)
{
	fputs("\r\n", f);
}

/* Four decimals, and never "-0.0000". */
static void num(FILE *f, double v)
{
	if (fabs(v) < 0.00005)
		v = 0;
	fprintf(f, "%.4f", v);
}

static double share(long long part, long long whole)
{
	return whole > 0 ? (double)part / (double)whole : 0;
}

static FILE *create(const char *dir, const char *name, char **path, cxs_err *err)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	FILE *f;

	*path = malloc(n);
	if (!*path) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	snprintf(*path, n, "%s/%s", dir, name);
	f = fopen(*path, "w");
	if (!f) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not create '%s'", *path);
		free(*path);
		*path = NULL;
	}
	return f;
}

static int finish(FILE *f, char *path, cxs_err *err)
{
	int bad = ferror(f);

	if (fclose(f) != 0 || bad) {
		cxs_err_errno(err, CXS_E_IO, errno ? errno : EIO, "could not write '%s'", path);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

/* --- documents.csv ------------------------------------------------------------------ */

report_docs_csv *report_docs_csv_open(const char *path, cxs_err *err)
{
	report_docs_csv *w = calloc(1, sizeof *w);

	if (!w || !(w->path = strdup(path))) {
		free(w);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	w->f = fopen(path, "w");
	if (!w->f) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not create '%s'", path);
		free(w->path);
		free(w);
		return NULL;
	}
	fputs("id,lang,kind,host,uri,locator,url,title,sentiment,sentiment_score,signals", w->f);
	eol(w->f);
	return w;
}

int report_docs_csv_add(report_docs_csv *w, const struct report_doc *d, cxs_err *err)
{
	size_t i;
	FILE *f = w->f;

	str(f, d->id), sep(f), str(f, d->lang), sep(f), str(f, d->kind), sep(f);
	str(f, d->host), sep(f), str(f, d->uri), sep(f), str(f, d->locator), sep(f);
	str(f, d->url), sep(f), str(f, d->title), sep(f);
	str(f, report_polarity_name(d->sentiment)), sep(f), num(f, d->sentiment_score), sep(f);
	/* "dim:polarity;..." has no comma or quote unless a dimension id does. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);

		if (!m)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		for (i = 0; i < d->nsig; i++)
			fprintf(m, "%s%s:%s", i ? ";" : "", d->sig[i].dim,
				report_polarity_name(d->sig[i].polarity));
		fclose(m);
		report_csv_field(f, buf ? buf : "", len);
		free(buf);
	}
	eol(f);
	if (ferror(f))
		return cxs_err_errno(err, CXS_E_IO, errno ? errno : EIO, "could not write '%s'",
				     w->path);
	return 0;
}

int report_docs_csv_close(report_docs_csv *w, cxs_err *err)
{
	int rc;

	if (!w)
		return 0;
	rc = finish(w->f, w->path, err);
	free(w);
	return rc;
}

/* --- aggregates ---------------------------------------------------------------------- */

static void languages(FILE *f, const report_agg *a)
{
	long long all = report_agg_documents(a), sum[REPORT_NPOL] = { 0, 0, 0 }, with = 0;
	size_t i, p;

	fputs("lang,documents,share,with_signals,positive,negative,neutral", f);
	eol(f);
	for (i = 0; i < report_agg_nlangs(a); i++) {
		const struct report_lang *l = report_agg_lang(a, i);

		str(f, l->name);
		fprintf(f, ",%lld,", l->documents);
		num(f, share(l->documents, all));
		fprintf(f, ",%lld,%lld,%lld,%lld", l->with_signals, l->sentiment[REPORT_POS],
			l->sentiment[REPORT_NEG], l->sentiment[REPORT_NEU]);
		eol(f);
		with += l->with_signals;
		for (p = 0; p < REPORT_NPOL; p++)
			sum[p] += l->sentiment[p];
	}
	fprintf(f, "all,%lld,", all);
	num(f, all ? 1 : 0);
	fprintf(f, ",%lld,%lld,%lld,%lld", with, sum[REPORT_POS], sum[REPORT_NEG], sum[REPORT_NEU]);
	eol(f);
}

static void dimension_rows(FILE *f, const report_agg *a, size_t lang, const char *name,
			   long long docs)
{
	long long n[REPORT_NPOL], m;
	size_t d, p;

	for (d = 0; d < report_agg_ndims(a); d++) {
		report_agg_cell(a, lang, d, n);
		m = n[0] + n[1] + n[2];
		str(f, name), sep(f), str(f, report_agg_dim(a, d));
		fprintf(f, ",%lld,", m);
		num(f, share(m, docs));
		fprintf(f, ",%lld,%lld,%lld", n[REPORT_POS], n[REPORT_NEG], n[REPORT_NEU]);
		for (p = 0; p < REPORT_NPOL; p++)
			sep(f), num(f, share(n[p], m));
		eol(f);
	}
}

static void dimensions(FILE *f, const report_agg *a)
{
	size_t i;

	fputs("lang,dim,documents,share,positive,negative,neutral,"
	      "positive_share,negative_share,neutral_share", f);
	eol(f);
	dimension_rows(f, a, REPORT_ALL, "all", report_agg_documents(a));
	for (i = 0; i < report_agg_nlangs(a); i++)
		dimension_rows(f, a, i, report_agg_lang(a, i)->name,
			       report_agg_lang(a, i)->documents);
}

static int sources(FILE *f, const report_agg *a, cxs_err *err)
{
	const report_topk *t = report_agg_sources(a);
	struct report_topk_entry *e = malloc((report_topk_size(t) + 1) * sizeof *e);
	size_t i, n;

	if (!e)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	n = report_topk_list(t, e);
	fputs("kind,host,documents,overcount", f);
	eol(f);
	for (i = 0; i < n; i++) {
		const char *tab = strchr(e[i].key, '\t');

		report_csv_field(f, e[i].key, (size_t)(tab - e[i].key)), sep(f), str(f, tab + 1);
		fprintf(f, ",%lld,%lld", e[i].count, e[i].overcount);
		eol(f);
	}
	free(e);
	return 0;
}

static int term_rows(FILE *f, const report_agg *a, size_t lang, const char *name,
		     size_t top, cxs_err *err)
{
	size_t d, i, n;

	for (d = 0; d < report_agg_ndims(a); d++) {
		const report_topk *t = report_agg_terms(a, lang, d);
		struct report_topk_entry *e;

		if (!t)
			continue;
		e = malloc(report_topk_size(t) * sizeof *e);
		if (!e)
			return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		n = report_topk_list(t, e);
		for (i = 0; i < n && i < top; i++) {
			str(f, name), sep(f), str(f, report_agg_dim(a, d));
			fprintf(f, ",%zu,", i + 1);
			str(f, e[i].key);
			fprintf(f, ",%lld,%lld", e[i].count, e[i].overcount);
			eol(f);
		}
		free(e);
	}
	return 0;
}

static int terms(FILE *f, const report_agg *a, size_t top, cxs_err *err)
{
	size_t i;

	fputs("lang,dim,rank,term,hits,overcount", f);
	eol(f);
	if (term_rows(f, a, REPORT_ALL, "all", top, err) < 0)
		return -1;
	for (i = 0; i < report_agg_nlangs(a); i++)
		if (term_rows(f, a, i, report_agg_lang(a, i)->name, top, err) < 0)
			return -1;
	return 0;
}

/* The highlighted words of an example (`terms` 0) or their terms (1), joined by "; ". */
static void evidence_field(FILE *f, const struct report_example *e, int terms)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *m = open_memstream(&buf, &len);

	if (m) {
		for (i = 0; i < e->nmarks; i++) {
			fputs(i ? "; " : "", m);
			if (terms)
				fputs(e->marks[i].term, m);
			else
				fwrite(e->excerpt + e->marks[i].start, 1,
				       e->marks[i].end - e->marks[i].start, m);
		}
		fclose(m);
	}
	report_csv_field(f, buf ? buf : "", buf ? len : 0);
	free(buf);
}

static void example_rows(FILE *f, const report_agg *a, size_t dim, const char *name)
{
	static const int dirs[2] = { REPORT_POS, REPORT_NEG };
	size_t k, i, n;

	for (k = 0; k < 2; k++) {
		const struct report_example *e = report_agg_examples(a, dim, dirs[k], &n);

		for (i = 0; i < n; i++) {
			str(f, name), sep(f), str(f, report_polarity_name(dirs[k])), sep(f);
			fprintf(f, "%zu,", i + 1);
			str(f, e[i].id), sep(f), str(f, e[i].lang), sep(f);
			str(f, report_polarity_name(e[i].polarity)), sep(f);
			num(f, e[i].score), sep(f);
			str(f, e[i].title), sep(f), str(f, e[i].uri), sep(f);
			str(f, e[i].locator), sep(f), str(f, e[i].url), sep(f);
			report_csv_field(f, e[i].excerpt, e[i].excerpt_len), sep(f);
			evidence_field(f, &e[i], 0), sep(f), evidence_field(f, &e[i], 1);
			eol(f);
		}
	}
}

static void examples(FILE *f, const report_agg *a)
{
	size_t d;

	fputs("dim,direction,rank,id,lang,polarity,score,title,uri,locator,url,excerpt,"
	      "evidence,terms", f);
	eol(f);
	example_rows(f, a, REPORT_DOCUMENT, "(document)");
	for (d = 0; d < report_agg_ndims(a); d++)
		example_rows(f, a, d, report_agg_dim(a, d));
}

int report_csv_write(const report_agg *a, const char *dir, size_t top_terms, cxs_err *err)
{
	static const char *const names[] = { "languages.csv", "dimensions.csv", "sources.csv",
					     "terms.csv", "examples.csv" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		char *path;
		FILE *f = create(dir, names[i], &path, err);
		int rc = 0;

		if (!f)
			return -1;
		switch (i) {
		case 0: languages(f, a); break;
		case 1: dimensions(f, a); break;
		case 2: rc = sources(f, a, err); break;
		case 3: rc = terms(f, a, top_terms, err); break;
		default: examples(f, a); break;
		}
		if (rc < 0) {
			fclose(f);
			free(path);
			return -1;
		}
		if (finish(f, path, err) < 0)
			return -1;
	}
	return 0;
}

/*
 * report_html — the HTML report. Geometry of the charts is in whole pixels, so the same
 * aggregates always give the same bytes.
 */
#include "report_html.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHART_W 760
#define LABEL_W 150
#define BAR_W 480
#define ROW_H 22
#define BAR_H 16

static const char *const pol_class[REPORT_NPOL] = { "pos", "neg", "neu" };
/* Stacking order of the bars: positive, neutral, negative, so the two ends read apart. */
static const int stack[REPORT_NPOL] = { REPORT_POS, REPORT_NEU, REPORT_NEG };

static const char css[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:62rem;"
	"padding:0 1rem 3rem;color:#1d1d1d;background:#fff}"
	"h1{font-size:1.6rem;margin:1.2rem 0 .2rem}h2{margin-top:2.2rem;"
	"border-bottom:1px solid #ccc}h3{margin-bottom:.3rem}"
	"nav a{margin-right:.8rem}table{border-collapse:collapse;margin:.5rem 0}"
	"th,td{padding:.2rem .55rem;border-bottom:1px solid #e3e3e3;text-align:left;"
	"vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"figure{margin:1rem 0}figcaption{font-weight:600}svg{max-width:100%;height:auto}"
	"svg text{font:12px system-ui,sans-serif;fill:#1d1d1d}"
	".pos{fill:#2e7d32}.neg{fill:#c62828}.neu{fill:#9e9e9e}"
	".key span{display:inline-block;padding:0 .45rem;margin-right:.4rem;color:#fff;"
	"border-radius:3px}.key .pos{background:#2e7d32}.key .neg{background:#c62828}"
	".key .neu{background:#757575}"
	"blockquote{margin:.3rem 0 1rem;padding:.4rem .8rem;border-left:4px solid #ccc;"
	"background:#fafafa;white-space:pre-wrap;overflow-wrap:anywhere}"
	"blockquote.pos{border-color:#2e7d32}blockquote.neg{border-color:#c62828}"
	"mark{background:#ffe082;padding:0 .1rem}.meta{color:#555;font-size:.9rem}"
	".empty{color:#555;font-style:italic}"
	"@media print{nav{display:none}h2{break-after:avoid}}";

void report_html_escape(FILE *f, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
				putc(' ', f);
			else
				putc(c, f);
		}
	}
}

static void esc(FILE *f, const char *s)
{
	report_html_escape(f, s, strlen(s));
}

static double pct(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0;
}

/* --- charts -------------------------------------------------------------------------- */

static void legend(FILE *f)
{
	fputs("<p class=\"key\"><span class=\"pos\">positive</span><span class=\"neu\">neutral"
	      "</span><span class=\"neg\">negative</span></p>\n", f);
}

/* One horizontal stacked bar per dimension; the full width is every document of the
 * language, so a bar's length is the share of documents that mention the dimension. */
static void dimension_chart(FILE *f, const report_agg *a, size_t lang, const char *name,
			    long long docs)
{
	size_t d, k, rows = report_agg_ndims(a);
	long long n[REPORT_NPOL];
	int h = (int)rows * ROW_H + 8;

	fprintf(f, "<figure><figcaption>");
	esc(f, name);
	fprintf(f, " (%lld documents)</figcaption>\n", docs);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" width=\"%d\" "
		"height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", CHART_W, h,
		CHART_W, h);
	esc(f, name);
	fputs(": documents per dimension and polarity\">\n", f);
	for (d = 0; d < rows; d++) {
		int y = (int)d * ROW_H + 4, x = LABEL_W;
		long long m;

		report_agg_cell(a, lang, d, n);
		m = n[0] + n[1] + n[2];
		fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 8, y + 12);
		esc(f, report_agg_dim(a, d));
		fputs("</text>", f);
		for (k = 0; k < REPORT_NPOL; k++) {
			int p = stack[k];
			int w = docs > 0 ? (int)((double)n[p] * BAR_W / (double)docs + 0.5) : 0;

			if (n[p] > 0 && w < 1)
				w = 1;  /* a count is never invisible */
			if (w == 0)
				continue;
			fprintf(f, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
				"<title>", pol_class[p], x, y, w, BAR_H);
			esc(f, report_agg_dim(a, d));
			fprintf(f, ": %lld %s (%.1f %% of the documents that mention it)</title>"
				"</rect>", n[p], report_polarity_name(p), pct(n[p], m));
			x += w;
		}
		fprintf(f, "<text x=\"%d\" y=\"%d\">%lld (%.0f %%)</text>\n", x + 6, y + 12, m,
			pct(m, docs));
	}
	fputs("</svg></figure>\n", f);
}

/* Signals by polarity per night, each night's column scaled to 100 %. */
static void trend_chart(FILE *f, const struct report_trend *t)
{
	const int top = 10, plot_h = 160, left = 40;
	int col = t->n ? (CHART_W - left - 10) / (int)t->n : 0, bar, h = top + plot_h + 60;
	size_t i, k, every;

	if (col > 48)
		col = 48;
	bar = col > 3 ? col - 2 : col;
	every = (size_t)(col >= 40 ? 1 : 40 / (col ? col : 1) + 1);
	fprintf(f, "<figure><figcaption>Signals by polarity per night (share of all "
		"signals)</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" "
		"width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"signals "
		"by polarity per night\">\n", CHART_W, h, CHART_W, h);
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">100 %%</text>"
		"<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0 %%</text>\n", left - 4, top + 10,
		left - 4, top + plot_h);
	for (i = 0; i < t->n; i++) {
		const struct report_night *nt = &t->nights[i];
		long long all = nt->n[0] + nt->n[1] + nt->n[2];
		int x = left + (int)i * col, y = top + plot_h;

		for (k = 0; k < REPORT_NPOL && all > 0; k++) {
			int p = stack[k];
			int hh = (int)((double)nt->n[p] * plot_h / (double)all + 0.5);

			if (nt->n[p] > 0 && hh < 1)
				hh = 1;
			if (hh == 0)
				continue;
			y -= hh;
			fprintf(f, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
				"<title>", pol_class[p], x, y, bar, hh);
			esc(f, nt->date);
			fprintf(f, ": %lld %s of %lld signals</title></rect>", nt->n[p],
				report_polarity_name(p), all);
		}
		if (i % every == 0 || i + 1 == t->n) {
			fprintf(f, "<text x=\"%d\" y=\"%d\" transform=\"rotate(45 %d %d)\">",
				x + 2, top + plot_h + 14, x + 2, top + plot_h + 14);
			esc(f, nt->date);
			fputs("</text>", f);
		}
		putc('\n', f);
	}
	fputs("</svg></figure>\n", f);
}

/* --- sections ------------------------------------------------------------------------ */

static void overview(FILE *f, const report_agg *a, const struct report_meta *m)
{
	long long skipped = 0, unreadable = 0;
	size_t i;

	for (i = 0; i < m->ninputs; i++) {
		skipped += m->inputs[i].skipped;
		unreadable += m->inputs[i].unreadable;
	}
	fprintf(f, "<p class=\"meta\">%lld documents in %zu languages from %zu input%s",
		report_agg_documents(a), report_agg_nlangs(a), m->ninputs,
		m->ninputs == 1 ? "" : "s");
	if (skipped || unreadable)
		fprintf(f, "; %lld records not classify output and %lld unreadable lines left "
			"out (see Inputs)", skipped, unreadable);
	if (m->date) {
		fputs("; ", f);
		esc(f, m->date);
	}
	fputs(".</p>\n<nav><a href=\"#dimensions\">Dimensions</a><a href=\"#trend\">Trend</a>"
	      "<a href=\"#languages\">Languages</a><a href=\"#terms\">Terms</a>"
	      "<a href=\"#examples\">Examples</a><a href=\"#sources\">Sources</a>"
	      "<a href=\"#inputs\">Inputs</a></nav>\n", f);
}

static void dimensions(FILE *f, const report_agg *a)
{
	long long n[REPORT_NPOL], m, docs = report_agg_documents(a);
	size_t i, d;

	fputs("<section id=\"dimensions\"><h2>Dimensions by language</h2>\n<p>Each bar is one "
	      "dimension; its full width would be every document of the language, its parts the "
	      "documents whose signal for that dimension is positive, neutral or negative.</p>\n",
	      f);
	legend(f);
	if (!report_agg_ndims(a)) {
		fputs("<p class=\"empty\">no signals in the input</p></section>\n", f);
		return;
	}
	dimension_chart(f, a, REPORT_ALL, "All languages", docs);
	for (i = 0; i < report_agg_nlangs(a); i++) {
		const struct report_lang *l = report_agg_lang(a, i);

		if (l->with_signals)
			dimension_chart(f, a, i, l->name, l->documents);
	}
	fputs("<table><thead><tr><th>dimension</th><th class=\"n\">documents</th>"
	      "<th class=\"n\">share</th><th class=\"n\">positive</th><th class=\"n\">negative"
	      "</th><th class=\"n\">neutral</th><th class=\"n\">negative share</th></tr></thead>"
	      "<tbody>\n", f);
	for (d = 0; d < report_agg_ndims(a); d++) {
		report_agg_cell(a, REPORT_ALL, d, n);
		m = n[0] + n[1] + n[2];
		fputs("<tr><td>", f);
		esc(f, report_agg_dim(a, d));
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">%.1f %%</td>"
			"<td class=\"n\">%lld</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
			"<td class=\"n\">%.1f %%</td></tr>\n", m, pct(m, docs), n[REPORT_POS],
			n[REPORT_NEG], n[REPORT_NEU], pct(n[REPORT_NEG], m));
	}
	fputs("</tbody></table></section>\n", f);
}

static void trend(FILE *f, const struct report_trend *t)
{
	size_t i;

	fputs("<section id=\"trend\"><h2>Trend across nights</h2>\n", f);
	if (!t || !t->n) {
		fputs("<p class=\"empty\">", f);
		esc(f, t ? t->why : "no trend data: no state file given (--state FILE)");
		fputs("</p></section>\n", f);
		return;
	}
	legend(f);
	trend_chart(f, t);
	fputs("<table><thead><tr><th>night</th><th class=\"n\">positive</th><th class=\"n\">"
	      "negative</th><th class=\"n\">neutral</th><th class=\"n\">negative share</th>"
	      "</tr></thead><tbody>\n", f);
	for (i = t->n; i-- > 0;) {
		const struct report_night *n = &t->nights[i];

		fputs("<tr><td>", f);
		esc(f, n->date);
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td><td class=\"n\">"
			"%lld</td><td class=\"n\">%.1f %%</td></tr>\n", n->n[REPORT_POS],
			n->n[REPORT_NEG], n->n[REPORT_NEU],
			pct(n->n[REPORT_NEG], n->n[0] + n->n[1] + n->n[2]));
	}
	fputs("</tbody></table></section>\n", f);
}

static void languages(FILE *f, const report_agg *a)
{
	size_t i;

	fputs("<section id=\"languages\"><h2>Languages</h2>\n<table><thead><tr><th>language</th>"
	      "<th class=\"n\">documents</th><th class=\"n\">share</th><th class=\"n\">with "
	      "signals</th><th class=\"n\">positive</th><th class=\"n\">negative</th>"
	      "<th class=\"n\">neutral</th></tr></thead><tbody>\n", f);
	for (i = 0; i < report_agg_nlangs(a); i++) {
		const struct report_lang *l = report_agg_lang(a, i);

		fputs("<tr><td>", f);
		esc(f, l->name);
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">%.1f %%</td><td class=\"n\">"
			"%lld</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td><td class=\"n\">"
			"%lld</td></tr>\n", l->documents, pct(l->documents, report_agg_documents(a)),
			l->with_signals, l->sentiment[REPORT_POS], l->sentiment[REPORT_NEG],
			l->sentiment[REPORT_NEU]);
	}
	fputs("</tbody></table>\n<p class=\"meta\">positive, negative, neutral: documents by "
	      "overall sentiment.</p></section>\n", f);
}

static void term_cell(FILE *f, const report_topk *t, size_t top)
{
	struct report_topk_entry *e;
	size_t i, n;

	fputs("<td>", f);
	if (t && (e = malloc(report_topk_size(t) * sizeof *e))) {
		n = report_topk_list(t, e);
		for (i = 0; i < n && i < top; i++) {
			fputs(i ? ", " : "", f);
			esc(f, e[i].key);
			fprintf(f, " (%s%lld)", e[i].overcount ? "\xe2\x89\xa4" : "", e[i].count);
		}
		free(e);
	}
	fputs("</td>", f);
}

static void terms(FILE *f, const report_agg *a, size_t top)
{
	size_t d, i;

	fputs("<section id=\"terms\"><h2>Top evidence terms</h2>\n<p>The lexicon terms behind "
	      "the signals, most frequent first, with how often they were evidence.</p>\n"
	      "<table><thead><tr><th>dimension</th>", f);
	for (i = 0; i < report_agg_nlangs(a); i++) {
		fputs("<th>", f);
		esc(f, report_agg_lang(a, i)->name);
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
	for (d = 0; d < report_agg_ndims(a); d++) {
		fputs("<tr><th>", f);
		esc(f, report_agg_dim(a, d));
		fputs("</th>", f);
		for (i = 0; i < report_agg_nlangs(a); i++)
			term_cell(f, report_agg_terms(a, i, d), top);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></section>\n", f);
}

static void excerpt(FILE *f, const struct report_example *e)
{
	size_t at = 0, i;

	for (i = 0; i < e->nmarks; i++) {
		const struct report_mark *mk = &e->marks[i];

		report_html_escape(f, e->excerpt + at, mk->start - at);
		fputs("<mark title=\"", f);
		esc(f, mk->dim);
		fputs(": ", f);
		esc(f, mk->term);
		fputs("\">", f);
		report_html_escape(f, e->excerpt + mk->start, mk->end - mk->start);
		fputs("</mark>", f);
		at = mk->end;
	}
	report_html_escape(f, e->excerpt + at, e->excerpt_len - at);
}

static void example_list(FILE *f, const report_agg *a, size_t dim, int dir)
{
	size_t i, n;
	const struct report_example *e = report_agg_examples(a, dim, dir, &n);

	fprintf(f, "<h4>most %s</h4>\n", report_polarity_name(dir));
	if (!n)
		fprintf(f, "<p class=\"empty\">none %s</p>\n", report_polarity_name(dir));
	for (i = 0; i < n; i++) {
		fprintf(f, "<p class=\"meta\">%.4f \xc2\xb7 ", e[i].score);
		esc(f, e[i].lang);
		fputs(" \xc2\xb7 ", f);
		esc(f, e[i].id);
		if (*e[i].title) {
			fputs(" \xc2\xb7 <b>", f);
			esc(f, e[i].title);
			fputs("</b>", f);
		}
		fputs(" \xc2\xb7 ", f);
		esc(f, *e[i].url ? e[i].url : e[i].uri);
		if (*e[i].locator) {
			fputs(" ", f);
			esc(f, e[i].locator);
		}
		fprintf(f, "</p>\n<blockquote class=\"%s\">", pol_class[dir]);
		excerpt(f, &e[i]);
		fputs("</blockquote>\n", f);
	}
}

static void examples(FILE *f, const report_agg *a)
{
	size_t d;

	fputs("<section id=\"examples\"><h2>Examples</h2>\n<p>The most positive and most "
	      "negative signals, with the sentences that hold their evidence; the evidence is "
	      "highlighted.</p>\n<h3>Whole documents (overall sentiment)</h3>\n", f);
	example_list(f, a, REPORT_DOCUMENT, REPORT_POS);
	example_list(f, a, REPORT_DOCUMENT, REPORT_NEG);
	for (d = 0; d < report_agg_ndims(a); d++) {
		fputs("<h3>", f);
		esc(f, report_agg_dim(a, d));
		fputs("</h3>\n", f);
		example_list(f, a, d, REPORT_POS);
		example_list(f, a, d, REPORT_NEG);
	}
	fputs("</section>\n", f);
}

static void sources(FILE *f, const report_agg *a)
{
	const report_topk *t = report_agg_sources(a);
	struct report_topk_entry *e = malloc((report_topk_size(t) + 1) * sizeof *e);
	size_t i, n = e ? report_topk_list(t, e) : 0;

	fputs("<section id=\"sources\"><h2>Sources</h2>\n<table><thead><tr><th>kind</th>"
	      "<th>host</th><th class=\"n\">documents</th></tr></thead><tbody>\n", f);
	for (i = 0; i < n && i < 50; i++) {
		const char *tab = strchr(e[i].key, '\t');

		fputs("<tr><td>", f);
		report_html_escape(f, e[i].key, (size_t)(tab - e[i].key));
		fputs("</td><td>", f);
		esc(f, *(tab + 1) ? tab + 1 : "(local files)");
		fprintf(f, "</td><td class=\"n\">%s%lld</td></tr>\n",
			e[i].overcount ? "\xe2\x89\xa4" : "", e[i].count);
	}
	fputs("</tbody></table>\n", f);
	if (n > 50)
		fprintf(f, "<p class=\"meta\">The 50 largest of %zu sources; sources.csv lists all."
			"</p>\n", n);
	fputs("</section>\n", f);
	free(e);
}

static void inputs(FILE *f, const report_agg *a, const struct report_meta *m)
{
	size_t i;

	fputs("<section id=\"inputs\"><h2>Inputs</h2>\n<table><thead><tr><th>file</th>"
	      "<th class=\"n\">records</th><th class=\"n\">in the report</th><th class=\"n\">"
	      "not classify output</th><th class=\"n\">unreadable lines</th><th>state</th>"
	      "</tr></thead><tbody>\n", f);
	for (i = 0; i < m->ninputs; i++) {
		const struct report_input *in = &m->inputs[i];

		fputs("<tr><td>", f);
		esc(f, in->path);
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td><td class=\"n\">"
			"%lld</td><td class=\"n\">%lld</td><td>%s</td></tr>\n", in->records,
			in->reported, in->skipped, in->unreadable,
			in->damaged == 2 ? "could not be opened" :
			in->damaged ? "damaged: read up to the damage" : "complete");
	}
	fputs("</tbody></table>\n", f);
	if (report_agg_dropped_signals(a) || report_agg_bad_evidence(a))
		fprintf(f, "<p class=\"meta\">%lld signals of dimensions beyond the first %d left "
			"out; %lld evidence spans outside their text not highlighted.</p>\n",
			report_agg_dropped_signals(a), REPORT_MAX_DIMS, report_agg_bad_evidence(a));
	fputs("</section>\n", f);
}

int report_html_write(const report_agg *a, const struct report_meta *m, const char *path,
		      cxs_err *err)
{
	FILE *f = fopen(path, "w");
	int bad;

	if (!f)
		return cxs_err_errno(err, CXS_E_IO, errno, "could not create '%s'", path);
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>", f);
	esc(f, m->title ? m->title : "cxsignals report");
	fprintf(f, "</title>\n<style>%s</style>\n</head><body>\n<h1>", css);
	esc(f, m->title ? m->title : "Customer-experience signals");
	fputs("</h1>\n", f);
	overview(f, a, m);
	dimensions(f, a);
	trend(f, m->trend);
	languages(f, a);
	terms(f, a, m->top_terms);
	examples(f, a);
	sources(f, a);
	inputs(f, a, m);
	fprintf(f, "<p class=\"meta\">Made by cxs-report %s.</p>\n</body></html>\n", CXS_VERSION);
	bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return cxs_err_errno(err, CXS_E_IO, errno ? errno : EIO, "could not write '%s'",
				     path);
	return 0;
}

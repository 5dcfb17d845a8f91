/*
 * cxs-eval — scores classify output against the gold labels carried in the records.
 *
 * Not a pipeline stage: it reads 04-classify files and prints a report (a table, or one
 * JSON object with --json); it writes no records. The rules are in README.md beside this
 * file; the scoring is in cxs_eval.c.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_cli.h"
#include "cxs_eval.h"
#include "cxs_record.h"

enum { OPT_MAP = 0x100, OPT_BY_LANG, OPT_BINARY, OPT_JSON, OPT_ERRORS, OPT_VERSION };

struct lang_tally {
	char *lang;
	cxs_evaltally *t;
};

struct eval_run {
	const cxs_evalmap *map;
	cxs_evaltally *all;
	struct lang_tally *langs;
	size_t nlangs;
	int by_lang;
	int binary;
	long long bad_lines;
	cxs_writer *errors;       /* --errors: the scored records with a mistake, or NULL */
	long long nerrors;
};

static void usage(FILE *out)
{
	fputs("usage: cxs-eval --map FILE [--by-lang] [--binary] [--json] [--errors FILE] INPUT...\n"
	      "Scores cxs-classify output against the gold labels in the records (`gold`):\n"
	      "per-dimension precision, recall and F1, micro and macro averages, polarity\n"
	      "accuracy and document sentiment accuracy. INPUT is a 04-classify file (gzip or\n"
	      "plain JSON Lines); '-' reads stdin.\n"
	      "\n"
	      "      --map FILE     mapping dimension -> gold categories (a pack's eval/*.map)\n"
	      "      --by-lang      repeat the report for each language (`lang`)\n"
	      "      --binary       two-way document polarity: not positive counts as negative\n"
	      "      --json         print one JSON object instead of tables\n"
	      "      --errors FILE  write each scored record with a mistake (a missed or a\n"
	      "                     wrong dimension, a wrong polarity) to FILE as JSON Lines\n"
	      "                     (.gz: gzip), with the evidence of the signals at fault\n"
	      "  -q, --quiet        do not report bad input lines one by one\n"
	      "  -h, --help         show this help\n"
	      "      --version      show the version\n", out);
}

static cxs_evaltally *new_tally(const struct eval_run *run)
{
	cxs_evaltally *t = cxs_evaltally_new(run->map);

	if (!t)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	cxs_evaltally_set_binary(t, run->binary);
	return t;
}

static cxs_evaltally *lang_tally(struct eval_run *run, const char *lang)
{
	struct lang_tally *grown;
	size_t i;

	for (i = 0; i < run->nlangs; i++)
		if (!strcmp(run->langs[i].lang, lang))
			return run->langs[i].t;
	grown = realloc(run->langs, (run->nlangs + 1) * sizeof *grown);
	if (!grown)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	run->langs = grown;
	grown[run->nlangs].lang = strdup(lang);
	if (!grown[run->nlangs].lang)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	grown[run->nlangs].t = new_tally(run);
	return grown[run->nlangs++].t;
}

/* The evidence of the record's signals that count for map line `d`, as
 * [{"dim", "text", "term"}], with `reach` and `opinions` when classify explained them
 * (--explain): what a reader of a mistake wants to see. */
static json_t *evidence_for(const cxs_evalmap *m, size_t d, const json_t *rec)
{
	const json_t *sig, *ev;
	json_t *out = json_array();
	size_t i, j;

	json_array_foreach(json_object_get(rec, "signals"), i, sig) {
		const json_t *dim = json_object_get(sig, "dim");

		if (!json_is_string(dim) || !cxs_evalmap_counts_for(m, d, json_string_value(dim)))
			continue;
		json_array_foreach(json_object_get(sig, "evidence"), j, ev) {
			const json_t *text = json_object_get(ev, "text");
			const json_t *term = json_object_get(ev, "term");

			json_t *o = json_pack("{s:O,s:O,s:O}", "dim", dim,
				"text", text ? text : json_null(), "term", term ? term : json_null());

			if (json_object_get(ev, "reach"))
				json_object_set(o, "reach", json_object_get(ev, "reach"));
			if (json_object_get(ev, "opinions"))
				json_object_set(o, "opinions", json_object_get(ev, "opinions"));
			json_array_append_new(out, o);
		}
	}
	return out;
}

static json_t *pol_or_null(int pol)
{
	const char *name = cxs_eval_polarity_name(pol);

	return name ? json_string(name) : json_null();
}

/* The mistakes of the record just added to run->all, one object per dimension in map
 * order ("missed", "wrong" or "polarity"), or NULL when it has none. */
static json_t *mistakes(const struct eval_run *run, const json_t *rec)
{
	json_t *out = json_array();
	size_t d;

	for (d = 0; d < cxs_evalmap_ndims(run->map); d++) {
		struct cxs_evallast l;
		const char *kind = NULL;

		cxs_evaltally_last(run->all, d, &l);
		if (l.gold && !l.pred)
			kind = "missed";
		else if (l.pred && !l.gold)
			kind = "wrong";
		else if (l.gold && l.gold_pol >= 0 && l.pred_pol != l.gold_pol)
			kind = "polarity";
		if (!kind)
			continue;
		json_array_append_new(out, json_pack("{s:s,s:s,s:o,s:o,s:o}",
			"dimension", cxs_evalmap_dim(run->map, d), "kind", kind,
			"gold", l.gold ? pol_or_null(l.gold_pol) : json_null(),
			"predicted", l.pred ? pol_or_null(l.pred_pol) : json_null(),
			"evidence", evidence_for(run->map, d, rec)));
	}
	if (!json_array_size(out)) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Writes the record just added to run->all to --errors when it holds a mistake: its
 * id, lang, text and gold, the mistakes of its dimensions, and the document
 * polarity when that is wrong. */
static void write_errors(struct eval_run *run, const json_t *rec)
{
	cxs_err err = { CXS_E_NONE, "" };
	json_t *dims = mistakes(run, rec), *o;
	int gold, pred;

	cxs_evaltally_last_doc(run->all, &gold, &pred);
	if (!dims && gold == pred)
		return;
	o = json_pack("{s:O*,s:O*,s:O*,s:O*}", "id", json_object_get(rec, "id"),
		      "lang", json_object_get(rec, "lang"), "text", json_object_get(rec, "text"),
		      "gold", json_object_get(rec, "gold"));
	if (!o)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	json_object_set_new(o, "mistakes", dims ? dims : json_array());
	if (gold != pred)
		json_object_set_new(o, "document", json_pack("{s:o,s:o,s:O*}",
			"gold", pol_or_null(gold), "predicted", pol_or_null(pred),
			"score", json_object_get(json_object_get(rec, "sentiment"), "score")));
	if (cxs_writer_put(run->errors, o, &err) < 0)
		cxs_die(CXS_EXIT_IO, "%s", err.msg);
	run->nerrors++;
	json_decref(o);
}

/* Reads one input; returns -1 when it was unreadable or damaged (already reported). */
static int read_input(struct eval_run *run, const char *path)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_reader *r = cxs_reader_open(path, 0, &err);
	json_t *rec;
	int st, failed = 0;

	if (!r)
		return cxs_error("%s", err.msg);
	while ((st = cxs_reader_next(r, &rec, &err)) != CXS_READ_EOF) {
		if (st == CXS_READ_FATAL) {
			failed = cxs_error("%s", err.msg);
			break;
		}
		if (st == CXS_READ_BAD) {
			run->bad_lines++;
			cxs_note("%s", err.msg);
			continue;
		}
		st = cxs_evaltally_add(run->all, rec, &err);
		if (st < 0)
			cxs_note("%s:%lld: %s", cxs_reader_path(r), cxs_reader_line(r), err.msg);
		if (st > 0 && run->errors)
			write_errors(run, rec);
		if (st >= 0 && run->by_lang) {
			const json_t *l = json_object_get(rec, "lang");

			cxs_evaltally_add(lang_tally(run, json_is_string(l) ? json_string_value(l) :
						     "und"), rec, &err);
		}
		json_decref(rec);
	}
	cxs_reader_close(r);
	return failed;
}

static void put_score(double v)
{
	if (v < 0)
		printf(" %9s", "-");
	else
		printf(" %9.4f", v);
}

/* Gold polarities down, predicted across: where the polarity mistakes lie. */
static void print_confusion(const long long conf[CXS_EVAL_NPOL][CXS_EVAL_NPOL])
{
	int g, p;

	printf("  %-16s", "gold \\ predicted");
	for (p = 0; p < CXS_EVAL_NPOL; p++)
		printf(" %9s", cxs_eval_polarity_name(p));
	putchar('\n');
	for (g = 0; g < CXS_EVAL_NPOL; g++) {
		printf("  %-16s", cxs_eval_polarity_name(g));
		for (p = 0; p < CXS_EVAL_NPOL; p++)
			printf(" %9lld", conf[g][p]);
		putchar('\n');
	}
}

static void print_table(const cxs_evalmap *m, const cxs_evaltally *t, long long bad_lines)
{
	const struct cxs_evalcounts *c = cxs_evaltally_counts(t);
	struct cxs_evalscores s;
	size_t i;

	cxs_evaltally_scores(t, &s);
	printf("%-16s %7s %7s %7s %9s %9s %9s\n", "dimension", "gold", "pred", "tp",
	       "precision", "recall", "f1");
	for (i = 0; i < cxs_evalmap_ndims(m); i++) {
		const struct cxs_evaldim *d = cxs_evaltally_dim(t, i);

		if (!cxs_evalmap_mapped(m, i))
			continue;
		printf("%-16s %7lld %7lld %7lld", cxs_evalmap_dim(m, i), d->tp + d->fn,
		       d->tp + d->fp, d->tp);
		put_score(cxs_eval_precision(d));
		put_score(cxs_eval_recall(d));
		put_score(cxs_eval_f1(d));
		putchar('\n');
	}
	printf("%-16s %23s", "micro", "");
	put_score(s.micro_p);
	put_score(s.micro_r);
	put_score(s.micro_f1);
	printf("\n%-16s %23s", "macro", "");
	put_score(s.macro_p);
	put_score(s.macro_r);
	put_score(s.macro_f1);
	printf("\n\npolarity accuracy   ");
	if (s.polarity < 0)
		printf("-");
	else
		printf("%.4f", s.polarity);
	printf(" (%lld of %lld true positives with one gold polarity)\n", s.pol_ok, s.pol_n);
	if (s.pol_n)
		print_confusion(s.confusion);
	printf("document sentiment  ");
	if (s.doc < 0)
		printf("-");
	else
		printf("%.4f", s.doc);
	printf(" (%lld of %lld records with gold polarity)\n", c->doc_ok, c->doc);
	if (c->doc)
		print_confusion(c->doc_confusion);
	printf("records             %lld read, %lld with gold opinions, %lld without gold, "
	       "%lld bad", c->records, c->opinions, c->no_gold, c->bad);
	if (bad_lines >= 0)
		printf(", %lld unreadable lines", bad_lines);
	putchar('\n');
}

static json_t *jscore(double v)
{
	return v < 0 ? json_null() : json_real((double)(long long)(v * 1e4 + 0.5) / 1e4);
}

/* {GOLD: {PREDICTED: count}} */
static json_t *json_confusion(const long long conf[CXS_EVAL_NPOL][CXS_EVAL_NPOL])
{
	json_t *o = json_object();
	int g, p;

	for (g = 0; g < CXS_EVAL_NPOL; g++) {
		json_t *row = json_object();

		for (p = 0; p < CXS_EVAL_NPOL; p++)
			json_object_set_new(row, cxs_eval_polarity_name(p), json_integer(conf[g][p]));
		json_object_set_new(o, cxs_eval_polarity_name(g), row);
	}
	return o;
}

/* Sets the keys of one report on `o`: the names the users script against
 * (`categories`, `micro`, `macro`, `aspect_polarity_accuracy`,
 * `document_polarity_accuracy`), then the counts behind them. */
static void json_report(json_t *o, const cxs_evalmap *m, const cxs_evaltally *t)
{
	const struct cxs_evalcounts *c = cxs_evaltally_counts(t);
	struct cxs_evalscores s;
	json_t *dims = json_object();
	size_t i;

	cxs_evaltally_scores(t, &s);
	for (i = 0; i < cxs_evalmap_ndims(m); i++) {
		const struct cxs_evaldim *d = cxs_evaltally_dim(t, i);

		if (!cxs_evalmap_mapped(m, i))
			continue;
		json_object_set_new(dims, cxs_evalmap_dim(m, i), json_pack(
			"{s:I,s:I,s:I,s:o,s:o,s:o,s:I,s:I}", "gold", (json_int_t)(d->tp + d->fn),
			"pred", (json_int_t)(d->tp + d->fp), "tp", (json_int_t)d->tp,
			"precision", jscore(cxs_eval_precision(d)),
			"recall", jscore(cxs_eval_recall(d)), "f1", jscore(cxs_eval_f1(d)),
			"polarity_n", (json_int_t)d->pol_n, "polarity_ok", (json_int_t)d->pol_ok));
	}
	json_object_set_new(o, "categories", dims);
	json_object_set_new(o, "micro", json_pack("{s:o,s:o,s:o}", "precision",
		jscore(s.micro_p), "recall", jscore(s.micro_r), "f1", jscore(s.micro_f1)));
	json_object_set_new(o, "macro", json_pack("{s:o,s:o,s:o,s:I}", "precision",
		jscore(s.macro_p), "recall", jscore(s.macro_r), "f1", jscore(s.macro_f1),
		"dimensions", (json_int_t)s.macro_n));
	json_object_set_new(o, "aspect_polarity_accuracy", jscore(s.polarity));
	json_object_set_new(o, "document_polarity_accuracy", jscore(s.doc));
	json_object_set_new(o, "polarity", json_pack("{s:o,s:I,s:I,s:o}", "accuracy",
		jscore(s.polarity), "correct", (json_int_t)s.pol_ok, "scored", (json_int_t)s.pol_n,
		"confusion", json_confusion(s.confusion)));
	json_object_set_new(o, "document_sentiment", json_pack("{s:o,s:I,s:I,s:o}", "accuracy",
		jscore(s.doc), "correct", (json_int_t)c->doc_ok, "scored", (json_int_t)c->doc,
		"confusion", json_confusion(c->doc_confusion)));
	json_object_set_new(o, "records", json_pack("{s:I,s:I,s:I,s:I,s:I}",
		"read", (json_int_t)c->records, "gold_opinions", (json_int_t)c->opinions,
		"gold_polarity", (json_int_t)c->doc, "no_gold", (json_int_t)c->no_gold,
		"bad", (json_int_t)c->bad));
}

static int cmp_lang(const void *a, const void *b)
{
	return strcmp(((const struct lang_tally *)a)->lang, ((const struct lang_tally *)b)->lang);
}

static void report(struct eval_run *run, const char *map_path, int as_json)
{
	size_t i;

	if (run->nlangs)
		qsort(run->langs, run->nlangs, sizeof *run->langs, cmp_lang);
	if (as_json) {
		json_t *o = json_object(), *by;

		json_object_set_new(o, "map", json_string(map_path));
		json_object_set_new(o, "unreadable_lines", json_integer(run->bad_lines));
		json_report(o, run->map, run->all);
		if (run->by_lang) {
			by = json_object();
			for (i = 0; i < run->nlangs; i++) {
				json_t *one = json_object();

				json_report(one, run->map, run->langs[i].t);
				json_object_set_new(by, run->langs[i].lang, one);
			}
			json_object_set_new(o, "by_lang", by);
		}
		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		putchar('\n');
		json_decref(o);
		return;
	}
	print_table(run->map, run->all, run->bad_lines);
	for (i = 0; i < run->nlangs; i++) {
		printf("\n== lang %s\n", run->langs[i].lang);
		print_table(run->map, run->langs[i].t, -1);
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "map", required_argument, NULL, OPT_MAP },
		{ "by-lang", no_argument, NULL, OPT_BY_LANG },
		{ "binary", no_argument, NULL, OPT_BINARY },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "errors", required_argument, NULL, OPT_ERRORS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct eval_run run;
	cxs_err err = { CXS_E_NONE, "" };
	const char *map_path = NULL, *errors_path = NULL;
	cxs_evalmap *map;
	int c, as_json = 0, status = CXS_EXIT_OK;
	size_t i;

	cxs_cli_init("cxs-eval");
	memset(&run, 0, sizeof run);
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_MAP: map_path = optarg; break;
		case OPT_BY_LANG: run.by_lang = 1; break;
		case OPT_BINARY: run.binary = 1; break;
		case OPT_JSON: as_json = 1; break;
		case OPT_ERRORS: errors_path = optarg; break;
		case 'q': cxs_cli_set_quiet(1); break;
		case 'h': usage(stdout); return CXS_EXIT_OK;
		case OPT_VERSION: printf("cxs-eval %s\n", CXS_VERSION); return CXS_EXIT_OK;
		default: usage(stderr); return CXS_EXIT_USAGE;
		}
	}
	if (!map_path)
		cxs_die(CXS_EXIT_USAGE, "option '--map FILE' is required");
	if (optind >= argc)
		cxs_die(CXS_EXIT_USAGE, "no input given");

	map = cxs_evalmap_load(map_path, &err);
	if (!map)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	run.map = map;
	run.all = new_tally(&run);
	if (errors_path && !(run.errors = cxs_writer_open(errors_path, 6, &err)))
		cxs_die(CXS_EXIT_IO, "%s", err.msg);
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (read_input(&run, argv[i]) < 0)
			status = CXS_EXIT_PARTIAL;
	/* the mistakes first: a report is no use pointing at a file that is not there */
	if (run.errors && cxs_writer_commit(run.errors, NULL, &err) < 0)
		cxs_die(CXS_EXIT_IO, "%s", err.msg);
	report(&run, map_path, as_json);
	if (fflush(stdout) != 0 || ferror(stdout))
		cxs_die(CXS_EXIT_IO, "could not write the report to stdout");

	for (i = 0; i < run.nlangs; i++) {
		free(run.langs[i].lang);
		cxs_evaltally_free(run.langs[i].t);
	}
	free(run.langs);
	cxs_evaltally_free(run.all);
	cxs_evalmap_free(map);
	return status;
}

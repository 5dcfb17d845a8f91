/*
 * cxs-report — the reports and exports analysts open first, from 04-classify files.
 *
 * Not one of the four chained stages: it reads classify records and writes a folder of
 * CSV files, an SQLite database and one self-contained HTML page (README.md beside this
 * file). Records stream through once: the database and documents.csv take each row as
 * it comes, and everything else is an aggregate of bounded size (report_agg.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_cli.h"
#include "cxs_record.h"
#include "report_agg.h"
#include "report_csv.h"
#include "report_db.h"
#include "report_html.h"
#include "report_outdir.h"
#include "report_trend.h"

enum { OPT_LEXICON = 0x100, OPT_STATE, OPT_DATE, OPT_TITLE, OPT_EXAMPLES, OPT_TERMS, OPT_COUNTERS,
       OPT_RAW_CSV, OPT_VERSION };

struct opts {
	const char *out, *state, *date, *title, *lexicon;
	size_t examples, terms, counters;
};

/* Where the records go while they stream by. */
struct sinks {
	report_agg *agg;
	report_db *db;
	report_docs_csv *docs;
	cxs_rec *rec;               /* the line being read, reused */
	report_docbuf *doc;         /* its fields, reused */
};

static void usage(FILE *out)
{
	fputs("usage: cxs-report -o DIR [options] INPUT...\n"
	      "Writes a report of cxs-classify output into folder DIR: report.html (charts,\n"
	      "tables, examples), report.sqlite (documents, signals, evidence) and CSV files\n"
	      "(documents, languages, dimensions, sources, terms, examples). INPUT is a\n"
	      "04-classify file (gzip or plain JSON Lines); '-' reads stdin.\n"
	      "\n"
	      "  -o, --output DIR     the report folder (replaced as a whole when it exists)\n"
	      "      --lexicon PACK   the pack whose dimensions.tsv gives the order of dimensions\n"
	      "                       (default: the records' pack, when it is a bundled one)\n"
	      "      --state FILE     the driver's state database: adds the trend across nights\n"
	      "      --date TEXT      the report's date, shown in the page and the database\n"
	      "                       (without it the report holds no date: same input, same bytes)\n"
	      "      --title TEXT     the page's title\n"
	      "      --examples N     most positive and most negative examples per dimension (3)\n"
	      "      --terms N        top evidence terms per dimension and language (20)\n"
	      "      --counters N     distinct terms and sources counted exactly (500)\n"
	      "      --raw-csv        write CSV text exactly as it is, even a field that begins\n"
	      "                       with = + - @ (by default it gets a leading apostrophe, so\n"
	      "                       a spreadsheet shows it instead of running it as a formula)\n"
	      "  -q, --quiet          do not report records one by one, nor the summary\n"
	      "  -h, --help           show this help\n"
	      "      --version        show the version\n", out);
}

static void parse(int argc, char **argv, struct opts *o, int *quiet)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "lexicon", required_argument, NULL, OPT_LEXICON },
		{ "state", required_argument, NULL, OPT_STATE },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "examples", required_argument, NULL, OPT_EXAMPLES },
		{ "terms", required_argument, NULL, OPT_TERMS },
		{ "counters", required_argument, NULL, OPT_COUNTERS },
		{ "raw-csv", no_argument, NULL, OPT_RAW_CSV },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->out = optarg; break;
		case OPT_LEXICON: o->lexicon = optarg; break;
		case OPT_STATE: o->state = optarg; break;
		case OPT_DATE: o->date = optarg; break;
		case OPT_TITLE: o->title = optarg; break;
		case OPT_EXAMPLES:
			o->examples = (size_t)cxs_cli_parse_int("--examples", optarg, 0, 50);
			break;
		case OPT_TERMS:
			o->terms = (size_t)cxs_cli_parse_int("--terms", optarg, 1, 1000);
			break;
		case OPT_COUNTERS:
			o->counters = (size_t)cxs_cli_parse_int("--counters", optarg, 10, 100000);
			break;
		case OPT_RAW_CSV: report_csv_guard_formulas(0); break;
		case 'q': *quiet = 1; cxs_cli_set_quiet(1); break;
		case 'h': usage(stdout); exit(CXS_EXIT_OK);
		case OPT_VERSION: printf("cxs-report %s\n", CXS_VERSION); exit(CXS_EXIT_OK);
		default: usage(stderr); exit(CXS_EXIT_USAGE);
		}
	}
	if (!o->out)
		cxs_die(CXS_EXIT_USAGE, "option '-o DIR' is required");
	if (!strcmp(o->out, "-"))
		cxs_die(CXS_EXIT_USAGE, "a report is a folder: '-o -' is not possible");
	if (optind >= argc)
		cxs_die(CXS_EXIT_USAGE, "no input given");
}

/* Reads the dimension ids of pack folder `pack` (first field of dimensions.tsv) into the
 * aggregate's order. Returns 0, or -1 with `err` when the file cannot be read. */
static int pack_order(report_agg *agg, const char *pack, cxs_err *err)
{
	char path[4096], line[4096];
	const char *ids[REPORT_MAX_DIMS];
	size_t n = 0, i;
	FILE *f;
	int rc;

	snprintf(path, sizeof path, "%s/dimensions.tsv", pack);
	f = fopen(path, "r");
	if (!f)
		return cxs_err_errno(err, CXS_E_CONFIG, errno, "could not open '%s'", path);
	while (n < REPORT_MAX_DIMS && fgets(line, sizeof line, f)) {
		size_t len = strcspn(line, "\t\r\n");

		if (line[0] == '#' || len == 0)
			continue;
		line[len] = '\0';
		if (!(ids[n] = strdup(line)))
			break;
		n++;
	}
	fclose(f);
	rc = report_agg_set_order(agg, ids, n);
	for (i = 0; i < n; i++)
		free((char *)ids[i]);
	return rc < 0 ? cxs_err_set(err, CXS_E_NOMEM, "out of memory") : 0;
}

/* Without --lexicon: the bundled pack the records name, if there is one; its absence
 * only leaves the order to the records. */
static void default_order(report_agg *agg)
{
	const char *name = report_agg_lexicon(agg);
	char *pack;

	if (!name || name[0] == '.' || strspn(name, "abcdefghijklmnopqrstuvwxyz"
					      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
	    strlen(name))
		return;
	pack = cxs_cli_find_data(name);
	if (pack)
		pack_order(agg, pack, NULL);
	free(pack);
}

/* Hands one record to every sink. Returns 1 counted, 0 skipped (reported), -1 failed. */
static int take(struct sinks *s, const cxs_reader *r, cxs_err *err)
{
	struct report_doc doc;

	if (report_doc_read(s->doc, s->rec, &doc, err) < 0) {
		if (err->kind != CXS_E_INPUT)
			return -1;
		cxs_note("%s:%lld: %s", cxs_reader_path(r), cxs_reader_line(r), err->msg);
		cxs_err_clear(err);
		return 0;
	}
	if (report_agg_add(s->agg, &doc) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	if (report_db_add(s->db, &doc, cxs_reader_path(r), cxs_reader_line(r), err) < 0 ||
	    report_docs_csv_add(s->docs, &doc, err) < 0)
		return -1;
	return 1;
}

/* Reads one input into the sinks. Returns 0, or -1 when an output failed (`err` set);
 * a damaged input is reported here and marked in `in`. */
static int read_input(struct sinks *s, struct report_input *in, cxs_err *err)
{
	cxs_reader *r = cxs_reader_open(in->path, 0, err);
	const char *line;
	size_t len;
	int st, rc = 0;

	if (!r) {
		cxs_error("%s", err->msg);
		cxs_err_clear(err);
		in->damaged = 2;
		return 0;
	}
	while ((st = cxs_reader_next_line(r, &line, &len, err)) != CXS_READ_EOF) {
		if (st == CXS_READ_OK && (rc = cxs_rec_parse(s->rec, line, len)) != 0) {
			if (rc < 0) {
				cxs_err_set(err, CXS_E_NOMEM, "out of memory");
				break;
			}
			rc = 0;
			st = cxs_reader_bad(r, cxs_rec_reason(s->rec), err);
		}
		if (st == CXS_READ_FATAL) {
			cxs_error("%s", err->msg);
			cxs_err_clear(err);
			in->damaged = 1;
			break;
		}
		if (st == CXS_READ_BAD) {
			cxs_note("%s", err->msg);
			cxs_err_clear(err);
			in->unreadable++;
			continue;
		}
		in->records++;
		rc = take(s, r, err);
		if (rc < 0)
			break;
		if (rc == 1)
			in->reported++;
		else
			in->skipped++;
	}
	cxs_reader_close(r);
	return rc < 0 ? -1 : 0;
}

static int note_inputs(report_db *db, const struct opts *o, const struct report_input *in,
		       size_t n, cxs_err *err)
{
	char buf[128];
	size_t i;

	if (report_db_note(db, "program", "cxs-report", err) < 0 ||
	    report_db_note(db, "version", CXS_VERSION, err) < 0 ||
	    (o->date && report_db_note(db, "date", o->date, err) < 0))
		return -1;
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%lld records, %lld in the report, %lld skipped, "
			 "%lld unreadable lines%s", in[i].records, in[i].reported, in[i].skipped,
			 in[i].unreadable, in[i].damaged == 2 ? ", could not be opened" :
			 in[i].damaged ? ", damaged" : "");
		if (report_db_note(db, "input", in[i].path, err) < 0 ||
		    report_db_note(db, "input counts", buf, err) < 0)
			return -1;
	}
	return 0;
}

/* Everything after the last record: aggregates, page, database, folder. */
static int finish(struct sinks *s, report_outdir *dir, const struct opts *o,
		  const struct report_input *in, size_t n, cxs_err *err)
{
	struct report_trend trend;
	struct report_meta meta;
	int rc;

	memset(&trend, 0, sizeof trend);
	if (o->state && report_trend_read(o->state, &trend, err) < 0)
		return -1;
	if (o->state && !trend.n)
		cxs_warning("%s", trend.why);
	meta.title = o->title;
	meta.date = o->date;
	meta.inputs = in;
	meta.ninputs = n;
	meta.top_terms = o->terms;
	meta.trend = o->state ? &trend : NULL;
	rc = report_csv_write(s->agg, report_outdir_tmp(dir), o->terms, err);
	if (rc == 0)
		rc = report_html_write(s->agg, &meta, report_outdir_path(dir, "report.html"), err);
	report_trend_release(&trend);
	if (rc == 0)
		rc = note_inputs(s->db, o, in, n, err);
	if (rc == 0) {
		rc = report_db_close(s->db, err);
		s->db = NULL;
	}
	if (rc == 0) {
		rc = report_docs_csv_close(s->docs, err);
		s->docs = NULL;
	}
	return rc;
}

static void summary(const struct opts *o, const struct report_input *in, size_t n)
{
	long long records = 0, reported = 0, skipped = 0, unreadable = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		records += in[i].records;
		reported += in[i].reported;
		skipped += in[i].skipped;
		unreadable += in[i].unreadable;
	}
	fprintf(stderr, "%s: %lld records: %lld in the report, %lld skipped; %lld unreadable "
		"lines; report in '%s'\n", cxs_cli_progname(), records, reported, skipped,
		unreadable, o->out);
}

int main(int argc, char **argv)
{
	struct opts o = { NULL, NULL, NULL, NULL, NULL, 3, 20, 500 };
	struct sinks s = { NULL, NULL, NULL, NULL, NULL };
	struct report_input *in;
	cxs_err err = { CXS_E_NONE, "" };
	report_outdir *dir;
	int quiet = 0, status = CXS_EXIT_OK, failed = 0;
	size_t i, n;

	cxs_cli_init("cxs-report");
	parse(argc, argv, &o, &quiet);
	n = (size_t)(argc - optind);
	in = calloc(n, sizeof *in);
	s.agg = report_agg_new(o.examples, o.counters);
	s.rec = cxs_rec_new();
	s.doc = report_docbuf_new();
	if (!in || !s.agg || !s.rec || !s.doc)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	if (o.lexicon && pack_order(s.agg, o.lexicon, &err) < 0)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	dir = report_outdir_open(o.out, &err);
	if (!dir)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	s.db = report_db_open(report_outdir_path(dir, "report.sqlite"), &err);
	if (s.db)
		s.docs = report_docs_csv_open(report_outdir_path(dir, "documents.csv"), &err);
	failed = !s.db || !s.docs;
	for (i = 0; i < n && !failed; i++) {
		in[i].path = argv[optind + (int)i];
		if (read_input(&s, &in[i], &err) < 0)
			failed = 1;
		if (in[i].damaged)
			status = CXS_EXIT_PARTIAL;
	}
	if (!o.lexicon)
		default_order(s.agg);
	if (!failed && finish(&s, dir, &o, in, n, &err) < 0)
		failed = 1;
	if (failed) {
		report_db_abort(s.db);
		report_docs_csv_close(s.docs, NULL);
		report_outdir_abort(dir);
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	}
	if (report_outdir_commit(dir, &err) < 0)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	if (!quiet)
		summary(&o, in, n);
	report_agg_free(s.agg);
	cxs_rec_free(s.rec);
	report_docbuf_free(s.doc);
	free(in);
	return status;
}

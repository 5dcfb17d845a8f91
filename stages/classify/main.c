/*
 * cxs-classify — lexicon matching: customer-experience dimensions with polarity and
 * evidence, and the overall sentiment of each record (stages/classify/README.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>

#include "cxs_classifier.h"
#include "cxs_cli.h"
#include "cxs_lexicon.h"

enum { OPT_LEXICON = CXS_OPT_STAGE_FIRST, OPT_CHECK, OPT_KEEP_TOKENS, OPT_EXPLAIN };

static const struct option longopts[] = {
	CXS_STAGE_LONGOPTS,
	{ "lexicon", required_argument, NULL, OPT_LEXICON },
	{ "check-lexicon", required_argument, NULL, OPT_CHECK },
	{ "keep-tokens", no_argument, NULL, OPT_KEEP_TOKENS },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ NULL, 0, NULL, 0 }
};

static void usage(FILE *out)
{
	fputs("usage: cxs-classify [--lexicon PACK] -o OUTPUT INPUT...\n"
	      "       cxs-classify --check-lexicon PACK\n"
	      "\n"
	      "Matches the terms of a lexicon pack in records of cxs-stem and adds 'signals'\n"
	      "(per dimension: polarity, score, hits, evidence), 'sentiment' and 'lexicon'.\n"
	      "\n"
	      "Options:\n"
	      "      --lexicon PACK       the lexicon pack folder (default: the bundled cx-core),\n"
	      "                           or a dictionary to import: NAME[.LANG].dic (LIWC\n"
	      "                           style) or NAME[.LANG].tsv (CATEGORY<TAB>TERM...),\n"
	      "                           with cx-core's polarity words and negators\n"
	      "      --check-lexicon PACK validate PACK only: print every problem as\n"
	      "                           FILE:LINE: message and exit 3 when there are errors;\n"
	      "                           else print the warnings (FILE:LINE: warning: ...) and\n"
	      "                           a summary and exit 0\n"
	      "      --keep-tokens        keep the per-token arrays (tokens, forms, stems, stop)\n"
	      "                           in the output; by default they are left out\n"
	      "      --explain            every evidence also says how far its hit went for\n"
	      "                           polarity words ('reach') and which gave it its\n"
	      "                           valence, nearest first ('opinions')\n"
	      "\n", out);
	cxs_stage_opts_help(out);
}

/* A pack folder, or a dictionary file to import over the bundled cx-core (which gives
 * it polarity words, negators, intensifiers and languages). */
static cxs_lexicon *open_lexicon(const char *path, cxs_err *err)
{
	struct stat st;
	char *base;
	cxs_lexicon *lx;

	if (stat(path, &st) != 0 || S_ISDIR(st.st_mode) || !cxs_lexicon_is_import(path))
		return cxs_lexicon_load(path, err);
	base = cxs_cli_find_data("cx-core");
	if (!base)
		cxs_die(CXS_EXIT_CONFIG, "could not find the lexicon pack 'cx-core', which an "
			"imported dictionary takes its polarity words from (set CXS_LEXICONS)");
	lx = cxs_lexicon_import(path, base, err);
	free(base);
	return lx;
}

/* Loads the pack and prints its problems (errors and warnings); `*nerrors` receives the
 * number of errors. Dies when the pack cannot be loaded at all. */
static cxs_lexicon *load_pack(const char *path, size_t *nerrors)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx = open_lexicon(path, &err);
	const struct cxs_lex_problem *p;
	size_t i, n, nwarn;

	if (!lx)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	p = cxs_lexicon_problems(lx, &n);
	*nerrors = cxs_lexicon_nerrors(lx);
	nwarn = n - *nerrors;
	fflush(stdout);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s: %s\n", cxs_cli_progname(), p[i].text);
	if (*nerrors && nwarn)
		cxs_error("lexicon pack '%s' has %zu problem%s and %zu warning%s", path, *nerrors,
			  *nerrors == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
	else if (*nerrors)
		cxs_error("lexicon pack '%s' has %zu problem%s", path, *nerrors,
			  *nerrors == 1 ? "" : "s");
	else if (nwarn)
		cxs_warning("lexicon pack '%s' has %zu warning%s", path, nwarn,
			    nwarn == 1 ? "" : "s");
	return lx;
}

static int check_pack(const char *path)
{
	size_t n, i;
	cxs_lexicon *lx = load_pack(path, &n);

	if (!n) {
		printf("%s %s: %zu dimensions", cxs_lexicon_name(lx), cxs_lexicon_version(lx),
		       cxs_lexicon_ndims(lx));
		for (i = 0; i < cxs_lexicon_nlangs(lx); i++) {
			const cxs_lexlang *ll = cxs_lexicon_lang_at(lx, i);
			printf("%s %s %zu terms", i ? "," : ";", cxs_lexlang_code(ll),
			       cxs_lexlang_counts(ll)->terms);
		}
		printf("\n");
	}
	cxs_lexicon_free(lx);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cxs_error("write failure on standard output");
		return CXS_EXIT_IO;
	}
	return n ? CXS_EXIT_CONFIG : CXS_EXIT_OK;
}

int main(int argc, char **argv)
{
	struct cxs_stage_opts opts;
	const char *pack = NULL, *check = NULL;
	char *found = NULL;
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	cxs_classifier *cl;
	cxs_stage *s;
	size_t nproblems;
	int c, rc, status, keep_tokens = 0, explain = 0;

	cxs_cli_init(argv[0]);
	cxs_stage_opts_init(&opts);
	while ((c = getopt_long(argc, argv, CXS_STAGE_SHORTOPTS, longopts, NULL)) != -1) {
		if (c == OPT_LEXICON)
			pack = optarg;
		else if (c == OPT_CHECK)
			check = optarg;
		else if (c == OPT_KEEP_TOKENS)
			keep_tokens = 1;
		else if (c == OPT_EXPLAIN)
			explain = 1;
		else if (!cxs_stage_opts_parse(&opts, c, optarg, usage)) {
			usage(stderr);
			return CXS_EXIT_USAGE;
		}
	}
	if (check) {
		if (pack || opts.output || opts.ninputs || optind < argc) {
			cxs_error("'--check-lexicon' validates a pack only: it takes no other pack, "
				  "output or input");
			return CXS_EXIT_USAGE;
		}
		status = check_pack(check);
		u_cleanup();
		return status;
	}
	cxs_stage_opts_finish(&opts, argc, argv, optind, usage);
	if (!pack) {
		found = cxs_cli_find_data("cx-core");
		if (!found)
			cxs_die(CXS_EXIT_CONFIG, "could not find the lexicon pack 'cx-core' "
				"(give --lexicon PACK or set CXS_LEXICONS)");
		pack = found;
	}

	/* a broken pack stops the run before any input is read */
	lx = load_pack(pack, &nproblems);
	if (nproblems) {
		cxs_lexicon_free(lx);
		free(found);
		cxs_stage_opts_release(&opts);
		u_cleanup();
		return CXS_EXIT_CONFIG;
	}
	cl = cxs_classifier_new(lx, &err);
	if (!cl)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);

	cxs_classifier_keep_tokens(cl, keep_tokens);
	cxs_classifier_explain(cl, explain);

	s = cxs_cli_stage_open("classify", &opts);
	cxs_stage_option(s, "lexicon", json_string(pack));
	cxs_stage_option(s, "keep_tokens", json_boolean(keep_tokens));
	cxs_stage_option(s, "explain", json_boolean(explain));
	cxs_stage_lexicon(s, json_pack("{s:s, s:s, s:s, s:s}", "name", cxs_lexicon_name(lx),
				       "version", cxs_lexicon_version(lx), "hash",
				       cxs_lexicon_hash(lx), "path", pack));
	rc = cxs_stage_run_recs(s, opts.inputs, opts.ninputs, cxs_classifier_rec, cl, &err);
	status = cxs_cli_stage_finish(s, rc < 0, &err);

	cxs_classifier_free(cl);
	cxs_lexicon_free(lx);
	free(found);
	cxs_stage_opts_release(&opts);
	u_cleanup();
	return status;
}

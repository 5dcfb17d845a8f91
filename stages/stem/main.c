/*
 * cxs-stem — Snowball stems and stopword flags for every token of normalised records.
 *
 * Reads what cxs-normalize wrote (`lang`, `tokens`, `forms`) and adds `stems` and `stop`,
 * aligned with the tokens. The rules are in README.md beside this file.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>

#include "cxs_cli.h"
#include "cxs_stemstage.h"

enum { OPT_STOPWORDS = CXS_OPT_STAGE_FIRST, OPT_NO_STOPWORDS };

static void usage(FILE *out)
{
	fputs("usage: cxs-stem [options] -o OUTPUT INPUT...\n"
	      "Adds Snowball stems (sv, es, en; other languages keep their forms) and stopword\n"
	      "flags to the records written by cxs-normalize.\n"
	      "\n"
	      "Stem options:\n"
	      "      --stopwords DIR      stopword lists DIR/LANG.stop for sv, es, en, zh\n"
	      "                           (default: the bundled lexicons/stopwords)\n"
	      "      --no-stopwords       load no lists: every stop flag is 0\n"
	      "\n", out);
	cxs_stage_opts_help(out);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CXS_STAGE_LONGOPTS,
		{ "stopwords", required_argument, NULL, OPT_STOPWORDS },
		{ "no-stopwords", no_argument, NULL, OPT_NO_STOPWORDS },
		{ NULL, 0, NULL, 0 }
	};
	struct cxs_stage_opts opts;
	cxs_stemstage *st;
	json_t *lists, *l;
	cxs_err err = { CXS_E_NONE, "" };
	const char *given_dir = NULL;
	char *dir = NULL;
	int c, no_stopwords = 0, rc, status;
	size_t i;
	cxs_stage *s;

	cxs_cli_init("cxs-stem");
	cxs_stage_opts_init(&opts);
	while ((c = getopt_long(argc, argv, CXS_STAGE_SHORTOPTS, longopts, NULL)) != -1) {
		if (c == OPT_STOPWORDS)
			given_dir = optarg;
		else if (c == OPT_NO_STOPWORDS)
			no_stopwords = 1;
		else if (!cxs_stage_opts_parse(&opts, c, optarg, usage)) {
			usage(stderr);
			return CXS_EXIT_USAGE;
		}
	}
	cxs_stage_opts_finish(&opts, argc, argv, optind, usage);
	if (given_dir && no_stopwords)
		cxs_die(CXS_EXIT_USAGE, "options '--stopwords' and '--no-stopwords' exclude each other");

	st = cxs_stemstage_new(&err);
	if (!st)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	if (!no_stopwords) {
		dir = cxs_cli_stopword_dir(given_dir);
		if (cxs_stemstage_load_stopwords(st, dir, cxs_cli_diag, NULL, &err) < 0)
			cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	}

	s = cxs_cli_stage_open("stem", &opts);
	cxs_stage_option(s, "stopwords", dir ? json_string(dir) : json_false());
	lists = cxs_stemstage_lists(st);
	json_array_foreach(lists, i, l)
		cxs_stage_lexicon(s, json_incref(l));
	json_decref(lists);
	rc = cxs_stage_run_recs(s, opts.inputs, opts.ninputs, cxs_stemstage_rec, st, &err);
	status = cxs_cli_stage_finish(s, rc < 0, &err);

	cxs_stemstage_free(st);
	free(dir);
	cxs_stage_opts_release(&opts);
	u_cleanup();
	return status;
}

/*
 * cxs-normalize — language, sentences, word tokens and their normalised forms.
 *
 * Reads what cxs-fetch wrote (`text`, maybe `lang_hint`) and adds `lang`, `lang_score`,
 * `sentences`, `tokens` and `forms`, with every offset a byte offset into `text`. The
 * rules are in README.md beside this file.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

#include "cxs_cli.h"
#include "cxs_normalizer.h"

enum { OPT_LANG = CXS_OPT_STAGE_FIRST };

static void usage(FILE *out)
{
	fputs("usage: cxs-normalize [options] -o OUTPUT INPUT...\n"
	      "Identifies the language of the records written by cxs-fetch, splits their text\n"
	      "into sentences and word tokens (byte offsets into 'text') and adds each token's\n"
	      "NFKC case-folded form (Traditional Chinese also made Simplified).\n"
	      "\n"
	      "Normalize options:\n"
	      "      --lang LANG          take every record to be in LANG (sv, es, zh, en or\n"
	      "                           und) instead of identifying it\n"
	      "\n", out);
	cxs_stage_opts_help(out);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CXS_STAGE_LONGOPTS,
		{ "lang", required_argument, NULL, OPT_LANG },
		{ NULL, 0, NULL, 0 }
	};
	struct cxs_stage_opts opts;
	const char *lang = NULL;
	cxs_normalizer *nz;
	cxs_err err = { CXS_E_NONE, "" };
	int c, rc, status;
	cxs_stage *s;

	cxs_cli_init("cxs-normalize");
	cxs_stage_opts_init(&opts);
	while ((c = getopt_long(argc, argv, CXS_STAGE_SHORTOPTS, longopts, NULL)) != -1) {
		if (c == OPT_LANG)
			lang = optarg;
		else if (!cxs_stage_opts_parse(&opts, c, optarg, usage)) {
			usage(stderr);
			return CXS_EXIT_USAGE;
		}
	}
	cxs_stage_opts_finish(&opts, argc, argv, optind, usage);

	nz = cxs_normalizer_new(lang, &err);
	if (!nz) {
		if (err.kind == CXS_E_CONFIG)
			cxs_die(CXS_EXIT_USAGE, "unknown language '%s' for '--lang' "
				"(expected sv, es, zh, en or und)", lang);
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	}
	s = cxs_cli_stage_open("normalize", &opts);
	cxs_stage_option(s, "lang", json_string(lang ? lang : "auto"));
	rc = cxs_stage_run_records(s, opts.inputs, opts.ninputs, cxs_normalizer_record, nz, &err);
	status = cxs_cli_stage_finish(s, rc < 0, &err);

	cxs_normalizer_free(nz);
	cxs_stage_opts_release(&opts);
	u_cleanup();
	return status;
}

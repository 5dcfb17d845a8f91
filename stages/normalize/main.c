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
#include "cxs_hash.h"
#include "cxs_normalizer.h"
#include "cxs_record.h"

enum { OPT_LANG = CXS_OPT_STAGE_FIRST, OPT_MODEL };

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
	      "      --model FILE         language model (default: the bundled\n"
	      "                           lexicons/langid/model.txt)\n"
	      "\n", out);
	cxs_stage_opts_help(out);
}

/* The manifest's entry for the model: its path and SHA-256, so a new model makes the
 * output stale. Dies when the file cannot be read. */
static json_t *model_manifest(const char *path)
{
	char hex[CXS_SHA256_HEX];
	cxs_err err = { CXS_E_NONE, "" };
	json_t *j;

	if (cxs_sha256_file(path, hex, NULL, &err) < 0)
		cxs_die(err.kind == CXS_E_NOMEM ? CXS_EXIT_INTERNAL : CXS_EXIT_CONFIG,
			"could not read the language model '%s': %s", path, err.msg);
	j = json_pack("{s:s, s:s, s:s}", "name", "langid", "path", path, "hash", hex);
	if (!j)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
	return j;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CXS_STAGE_LONGOPTS,
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ NULL, 0, NULL, 0 }
	};
	struct cxs_stage_opts opts;
	const char *lang = NULL, *model_opt = NULL;
	char *model = NULL;
	json_t *lex = NULL;
	cxs_normalizer *nz;
	cxs_err err = { CXS_E_NONE, "" };
	int c, rc, status;
	cxs_stage *s;

	cxs_cli_init("cxs-normalize");
	cxs_stage_opts_init(&opts);
	while ((c = getopt_long(argc, argv, CXS_STAGE_SHORTOPTS, longopts, NULL)) != -1) {
		if (c == OPT_LANG)
			lang = optarg;
		else if (c == OPT_MODEL)
			model_opt = optarg;
		else if (!cxs_stage_opts_parse(&opts, c, optarg, usage)) {
			usage(stderr);
			return CXS_EXIT_USAGE;
		}
	}
	cxs_stage_opts_finish(&opts, argc, argv, optind, usage);

	if (lang && !cxs_normalizer_lang_ok(lang))
		cxs_die(CXS_EXIT_USAGE, "unknown language '%s' for '--lang' "
			"(expected sv, es, zh, en or und)", lang);
	if (!lang) {
		model = model_opt ? strdup(model_opt) : cxs_cli_find_data("langid/model.txt");
		if (!model)
			cxs_die(CXS_EXIT_CONFIG, "no language model (looked for the bundled "
				"'lexicons/langid/model.txt'; set CXS_LEXICONS, or give --model FILE)");
		lex = model_manifest(model);
	}
	nz = cxs_normalizer_new(lang, model, &err);
	if (!nz)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	/* Normalize and stem add about 6 bytes of record per byte of text: a text over an
	 * eighth of the record limit would make a record the next stage must refuse. */
	cxs_normalizer_set_max_text(nz, (opts.max_record ? opts.max_record
					 : CXS_MAX_RECORD_DEFAULT) / 8);
	s = cxs_cli_stage_open("normalize", &opts);
	cxs_stage_option(s, "lang", json_string(lang ? lang : "auto"));
	cxs_stage_option(s, "model", model ? json_string(model) : json_false());
	if (lex)
		cxs_stage_lexicon(s, lex);
	rc = cxs_stage_run_recs(s, opts.inputs, opts.ninputs, cxs_normalizer_rec, nz, &err);
	status = cxs_cli_stage_finish(s, rc < 0, &err);

	cxs_normalizer_free(nz);
	free(model);
	cxs_stage_opts_release(&opts);
	u_cleanup();
	return status;
}

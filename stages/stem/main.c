/*
 * cxs-stem — Snowball stems and stopword flags for every token of normalised records.
 *
 * Reads what cxs-normalize wrote (`lang`, `tokens`, `forms`) and adds `stems` and `stop`,
 * aligned with the tokens. The rules are in README.md beside this file.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>

#include "cxs_cli.h"
#include "cxs_hash.h"
#include "cxs_stemcache.h"
#include "cxs_stemmer.h"
#include "cxs_stopwords.h"
#include "cxs_textnorm.h"

enum { OPT_STOPWORDS = CXS_OPT_STAGE_FIRST, OPT_NO_STOPWORDS };

/* The languages that have a stopword list; the first three also have a stemmer. */
static const char *const langs[] = { "sv", "es", "en", "zh" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* Distinct forms remembered per language: a few MB at most, and enough for the common
 * words of a corpus, which make up most tokens. */
#define STEMCACHE_ENTRIES 16384

/* Everything the per-record work needs, opened once before the first record. */
struct stem_ctx {
	cxs_stemmer *stemmer[NLANGS];
	cxs_stemcache *cache[NLANGS];   /* NULL where the form is its own stem */
	cxs_stopwords *stop[NLANGS];    /* NULL: no list, no token is a stopword */
	json_t *lexicons[NLANGS];       /* manifest entries of the lists loaded */
	json_t *zero, *one;             /* shared by every `stop` array */
};

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

static int lang_index(const char *lang)
{
	size_t i;

	for (i = 0; lang && i < NLANGS; i++)
		if (!strcmp(langs[i], lang))
			return (int)i;
	return -1;
}

/* Appends the stem of `form` to `stems`: the form itself without a stemmer. */
static int add_stem(cxs_stemcache *cache, json_t *form, json_t *stems, cxs_err *err)
{
	json_t *stem = form;

	if (cache) {
		stem = cxs_stemcache_stem(cache, form, err);
		if (!stem)
			return -1;
	}
	if (json_array_append(stems, stem) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return 0;
}

/* Sets the reason a record is rejected and returns 1, the cxs_record_fn code for it. */
static int reject(cxs_err *reason, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int reject(cxs_err *reason, const char *fmt, ...)
{
	va_list ap;

	reason->kind = CXS_E_INPUT;
	va_start(ap, fmt);
	vsnprintf(reason->msg, sizeof(reason->msg), fmt, ap);
	va_end(ap);
	return 1;
}

/* Checks that `rec` has what cxs-normalize adds. Returns 0, or 1 with the reason. */
static int check_record(json_t *rec, cxs_err *reason)
{
	json_t *forms = json_object_get(rec, "forms"), *tokens = json_object_get(rec, "tokens");

	if (!json_is_array(forms))
		return reject(reason, "record has no 'forms' array (run cxs-normalize first)");
	if (!json_is_array(tokens))
		return reject(reason, "record has no 'tokens' array (run cxs-normalize first)");
	if (!json_is_string(json_object_get(rec, "lang")))
		return reject(reason, "record has no 'lang' string (run cxs-normalize first)");
	if (json_array_size(tokens) != 2 * json_array_size(forms))
		return reject(reason, "'tokens' has %zu offsets for %zu forms (expected two per form)",
			      json_array_size(tokens), json_array_size(forms));
	return 0;
}

/* Appends a stem and a stop flag for each of `forms` in language `li` (-1: one we have
 * neither stemmer nor list for). Returns 0, 1 with the reason (a form is not a string),
 * or -1 with the error. */
static int stem_forms(const struct stem_ctx *c, int li, json_t *forms, json_t *stems,
		      json_t *stop, cxs_err *reason)
{
	cxs_stemcache *cache = li >= 0 ? c->cache[li] : NULL;
	const cxs_stopwords *sw = li >= 0 ? c->stop[li] : NULL;
	size_t i, n = json_array_size(forms);

	for (i = 0; i < n; i++) {
		json_t *form = json_array_get(forms, i);
		int flag;

		if (!json_is_string(form))
			return reject(reason, "'forms' entry %zu is not a string", i);
		if (add_stem(cache, form, stems, reason) < 0)
			return -1;
		flag = cxs_stopwords_has(sw, json_string_value(form), json_string_length(form));
		if (json_array_append(stop, flag ? c->one : c->zero) < 0)
			return cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	}
	return 0;
}

/* The cxs_record_fn: adds `stems` and `stop` to one record. */
static int stem_record(void *vctx, json_t *rec, cxs_err *reason)
{
	const struct stem_ctx *c = vctx;
	json_t *stems, *stop;
	int rc;

	if (check_record(rec, reason))
		return 1;
	stems = json_array();
	stop = json_array();
	if (!stems || !stop)
		rc = cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	else
		rc = stem_forms(c, lang_index(json_string_value(json_object_get(rec, "lang"))),
				json_object_get(rec, "forms"), stems, stop, reason);
	if (rc == 0 && (json_object_set(rec, "stems", stems) < 0 ||
			json_object_set(rec, "stop", stop) < 0))
		rc = cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
	json_decref(stems);
	json_decref(stop);
	return rc;
}

static int is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The stopword folder: `--stopwords DIR`, else the bundled one; the caller frees it. */
static char *stopword_dir(const char *given)
{
	char *dir;

	if (given) {
		struct stat sb;

		if (stat(given, &sb) < 0)
			cxs_die(CXS_EXIT_CONFIG, "could not open stopword folder '%s': %s", given,
				strerror(errno));
		if (!S_ISDIR(sb.st_mode))
			cxs_die(CXS_EXIT_CONFIG, "stopword folder '%s' is not a folder", given);
		dir = strdup(given);
		if (!dir)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		return dir;
	}
	dir = cxs_cli_find_data("stopwords");
	if (!dir || !is_dir(dir))
		cxs_die(CXS_EXIT_CONFIG, "no bundled stopword folder found (looked for "
			"'lexicons/stopwords'; set CXS_LEXICONS, or give --stopwords DIR or "
			"--no-stopwords)");
	return dir;
}

/* Loads DIR/LANG.stop for every language that has one; dies on a bad list. */
static void load_stopwords(struct stem_ctx *c, const char *dir)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_textnorm *tn = cxs_textnorm_new(&err);
	size_t i, found = 0;

	if (!tn)
		cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	for (i = 0; i < NLANGS; i++) {
		char path[4096], hex[CXS_SHA256_HEX];
		struct stat sb;

		snprintf(path, sizeof(path), "%s/%s.stop", dir, langs[i]);
		if (stat(path, &sb) < 0 && errno == ENOENT) {
			cxs_note("no stopword list '%s': no '%s' token is flagged", path, langs[i]);
			continue;
		}
		c->stop[i] = cxs_stopwords_load(path, tn, !strcmp(langs[i], "zh"), &err);
		if (!c->stop[i] || cxs_sha256_file(path, hex, NULL, &err) < 0)
			cxs_die(err.kind == CXS_E_NOMEM ? CXS_EXIT_INTERNAL : CXS_EXIT_CONFIG, "%s",
				err.msg);
		c->lexicons[i] = json_pack("{s:s+, s:s, s:s, s:I}", "name", "stopwords/", langs[i],
					   "path", path, "hash", hex, "words",
					   (json_int_t)cxs_stopwords_count(c->stop[i]));
		found++;
	}
	cxs_textnorm_free(tn);
	if (!found)
		cxs_die(CXS_EXIT_CONFIG, "no stopword lists in '%s' (expected LANG.stop for sv, es, "
			"en or zh)", dir);
}

static void open_stemmers(struct stem_ctx *c)
{
	cxs_err err = { CXS_E_NONE, "" };
	size_t i;

	for (i = 0; i < NLANGS; i++) {
		if (!cxs_stemmer_has(langs[i]))
			continue;
		c->stemmer[i] = cxs_stemmer_new(langs[i], &err);
		if (c->stemmer[i])
			c->cache[i] = cxs_stemcache_new(c->stemmer[i], STEMCACHE_ENTRIES, &err);
		if (!c->cache[i])
			cxs_die(cxs_exit_for(err.kind), "%s", err.msg);
	}
	c->zero = json_integer(0);
	c->one = json_integer(1);
	if (!c->zero || !c->one)
		cxs_die(CXS_EXIT_INTERNAL, "out of memory");
}

static void stem_ctx_release(struct stem_ctx *c)
{
	size_t i;

	for (i = 0; i < NLANGS; i++) {
		cxs_stemcache_free(c->cache[i]);
		cxs_stemmer_free(c->stemmer[i]);
		cxs_stopwords_free(c->stop[i]);
		json_decref(c->lexicons[i]);
	}
	json_decref(c->zero);
	json_decref(c->one);
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
	struct stem_ctx ctx;
	cxs_err err = { CXS_E_NONE, "" };
	const char *given_dir = NULL;
	char *dir = NULL;
	int c, no_stopwords = 0, rc, status;
	size_t i;
	cxs_stage *s;

	cxs_cli_init("cxs-stem");
	cxs_stage_opts_init(&opts);
	memset(&ctx, 0, sizeof(ctx));
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

	open_stemmers(&ctx);
	if (!no_stopwords) {
		dir = stopword_dir(given_dir);
		load_stopwords(&ctx, dir);
	}

	s = cxs_cli_stage_open("stem", &opts);
	cxs_stage_option(s, "stopwords", dir ? json_string(dir) : json_false());
	for (i = 0; i < NLANGS; i++)
		if (ctx.lexicons[i])
			cxs_stage_lexicon(s, json_incref(ctx.lexicons[i]));
	rc = cxs_stage_run_records(s, opts.inputs, opts.ninputs, stem_record, &ctx, &err);
	status = cxs_cli_stage_finish(s, rc < 0, &err);

	stem_ctx_release(&ctx);
	free(dir);
	cxs_stage_opts_release(&opts);
	u_cleanup();
	return status;
}

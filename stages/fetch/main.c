/*
 * cxs-fetch — HTML pages, text files and JSONL review exports in; one record per
 * document out (schema version 2), with the main text, title and language hint.
 *
 * Its inputs are not records, so fetch_run drives cxs_stage itself instead of
 * cxs_stage_run_recs: every document read is counted in, then emitted or rejected
 * with a reason; a file that cannot be read makes the run partial (exit 4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <unicode/uclean.h>

#include "cxs_cli.h"
#include "cxs_buf.h"
#include "fetch_map.h"
#include "fetch_text.h"
#include "fetch_run.h"
#include "fetch_sources.h"

enum { OPT_FORMAT = CXS_OPT_STAGE_FIRST, OPT_UNIT, OPT_MAP, OPT_KEEP_DUPLICATES, OPT_FROM_LIST,
       OPT_COMMENTS, OPT_STOPWORDS, OPT_NO_STOPWORDS, OPT_LANG_HINT };

static void usage(FILE *out)
{
	fputs("usage: cxs-fetch [options] -o OUT SOURCE...\n"
	      "\n"
	      "Reads HTML pages, text files and JSONL review exports and writes one record per\n"
	      "document: id, source, title, language hint and the main text (HTML without\n"
	      "menus, sidebars, footers and cookie banners; reader comments apart). SOURCE is\n"
	      "a file, a directory (read recursively in name order; hidden files passed over,\n"
	      "unknown kinds skipped) or '-' (JSONL on standard input). An HTML or text file\n"
	      "larger than --max-record-bytes is rejected unread.\n"
	      "\n"
	      "Fetch options:\n"
	      "      --format KIND        read every source as KIND: html, jsonl, text, warc,\n"
	      "                           arc, feed, semeval, xml (feed or SemEval), csv, tsv\n"
	      "                           (default: by extension: .html .htm .xhtml; .jsonl\n"
	      "                           .ndjson .jsonl.gz; .txt .text; .warc .warc.gz; .arc\n"
	      "                           .arc.gz; .rss .atom .rdf; .xml; .csv; .tsv .tab;\n"
	      "                           else, for named files, by the first bytes)\n"
	      "      --unit UNIT          SemEval XML: one document per 'sentence' (default)\n"
	      "                           or per 'review' (2015/2016 files)\n"
	      "      --map RULES          columns (fields) of review exports to record fields:\n"
	      "                           TARGET=SOURCE[,...], TARGET text, id, title, url,\n"
	      "                           lang, author, published, gold.NAME, meta.NAME or\n"
	      "                           gold.opinions (SOURCE a pattern); SOURCE may end in\n"
	      "                           [FROM=TO;...] (e.g. gold.polarity=label[1=positive])\n"
	      "      --keep-duplicates    keep documents repeating an earlier text of the run\n"
	      "      --lang-hint LANG     the language hint of documents whose source declares\n"
	      "                           none (a SemEval file, an export without 'lang', a\n"
	      "                           page without lang): a prior for cxs-normalize\n"
	      "      --from-list FILE     more sources, one per line ('-': standard input)\n"
	      "      --comments           keep the reader comments of HTML pages in 'comments'\n"
	      "                           (left out of 'text' always, and of the record unless\n"
	      "                           asked for)\n"
	      "      --stopwords DIR      stopword lists DIR/LANG.stop (sv, es, en, zh) that\n"
	      "                           score HTML text blocks (default: the bundled\n"
	      "                           lexicons/stopwords)\n"
	      "      --no-stopwords       score HTML blocks by length and links only\n"
	      "\n"
	      "A SOURCE may also be a glob pattern ('exports/*.csv'), expanded in byte order.\n"
	      "\n", out);
	cxs_stage_opts_help(out);
}

/* A file named on the command line whose kind cannot be told, by name or content, is
 * a usage error, found before anything is written. */
static void check_named(const struct cxs_stage_opts *o, enum cxs_kind forced)
{
	struct stat st;
	const char *why;
	size_t i;

	if (forced)
		return;
	for (i = 0; i < o->ninputs; i++) {
		const char *p = o->inputs[i];
		if (strcmp(p, "-") && stat(p, &st) == 0 && !S_ISDIR(st.st_mode) &&
		    cxs_kind_of_file(p, &why) == CXS_KIND_UNKNOWN)
			cxs_die(CXS_EXIT_USAGE, "'%s': %s", p, why);
	}
}

/* The fetch options beyond --format: --map (repeatable; the rules are joined), --keep-
 * duplicates, --from-list (repeatable). Returns 0 when `c` is not one of them. */
static int table_option(int c, const char *arg, struct cxs_fetch_opts *fo, cxs_buf *map,
			struct cxs_stage_opts *o, const char ***lists, size_t *nlists)
{
	const char **p;

	switch (c) {
	case OPT_MAP:
		if ((map->len && cxs_buf_addch(map, ',') < 0) || cxs_buf_addstr(map, arg) < 0)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		fo->map = map->p;
		return 1;
	case OPT_KEEP_DUPLICATES:
		fo->keep_duplicates = 1;
		return 1;
	case OPT_FROM_LIST:
		p = realloc(*lists, (*nlists + 1) * sizeof(*p));
		if (!p)
			cxs_die(CXS_EXIT_INTERNAL, "out of memory");
		p[(*nlists)++] = arg;
		*lists = p;
		o->inputs_elsewhere = 1;
		return 1;
	}
	return 0;
}

/* A bad --map is a usage error, found before anything is written. */
static void check_map(const char *spec)
{
	cxs_err e = { CXS_E_NONE, "" };
	cxs_map *m = cxs_map_new(spec, &e);

	if (!m)
		cxs_die(e.kind == CXS_E_NOMEM ? CXS_EXIT_INTERNAL : CXS_EXIT_USAGE, "%s", e.msg);
	cxs_map_free(m);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CXS_STAGE_LONGOPTS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "map", required_argument, NULL, OPT_MAP },
		{ "keep-duplicates", no_argument, NULL, OPT_KEEP_DUPLICATES },
		{ "from-list", required_argument, NULL, OPT_FROM_LIST },
		{ "comments", no_argument, NULL, OPT_COMMENTS },
		{ "stopwords", required_argument, NULL, OPT_STOPWORDS },
		{ "no-stopwords", no_argument, NULL, OPT_NO_STOPWORDS },
		{ "lang-hint", required_argument, NULL, OPT_LANG_HINT },
		{ NULL, 0, NULL, 0 }
	};
	struct cxs_stage_opts o;
	struct cxs_fetch_opts fo;
	char lang_hint[CXS_LANG_MAX];
	enum cxs_kind forced = CXS_KIND_UNKNOWN;
	cxs_fetcher *f;
	cxs_stage *s;
	cxs_err e = { CXS_E_NONE, "" };
	cxs_buf map = CXS_BUF_INIT;
	const char **lists = NULL, *given_stop = NULL;
	char *stop_dir = NULL;
	size_t i, nlists = 0;
	int c, rc, failed, no_stopwords = 0;

	cxs_cli_init(argv[0]);
	cxs_stage_opts_init(&o);
	memset(&fo, 0, sizeof(fo));
	while ((c = getopt_long(argc, argv, CXS_STAGE_SHORTOPTS, longopts, NULL)) != -1) {
		if (c == OPT_COMMENTS) {
			fo.comments = 1;
		} else if (c == OPT_STOPWORDS) {
			given_stop = optarg;
		} else if (c == OPT_NO_STOPWORDS) {
			no_stopwords = 1;
		} else if (c == OPT_FORMAT) {
			forced = cxs_kind_parse(optarg);
			if (!forced)
				cxs_die(CXS_EXIT_USAGE, "unknown format '%s' (html, jsonl, text, warc, arc, feed, "
					"semeval, xml, csv, tsv)", optarg);
		} else if (c == OPT_LANG_HINT) {
			if (!cxs_lang_primary(optarg, strlen(optarg), lang_hint))
				cxs_die(CXS_EXIT_USAGE, "'%s' is not a language tag (e.g. sv, es, zh, en)",
					optarg);
			fo.lang_hint = lang_hint;
		} else if (c == OPT_UNIT) {
			if (strcmp(optarg, "sentence") && strcmp(optarg, "review"))
				cxs_die(CXS_EXIT_USAGE, "unknown unit '%s' (sentence, review)", optarg);
			fo.unit = optarg;
		} else if (!table_option(c, optarg, &fo, &map, &o, &lists, &nlists) &&
			   !cxs_stage_opts_parse(&o, c, optarg, usage)) {
			usage(stderr);
			return CXS_EXIT_USAGE;
		}
	}
	cxs_stage_opts_finish(&o, argc, argv, optind, usage);
	check_named(&o, forced);
	check_map(fo.map);
	if (given_stop && no_stopwords)
		cxs_die(CXS_EXIT_USAGE, "options '--stopwords' and '--no-stopwords' exclude each other");
	if (!no_stopwords)
		stop_dir = cxs_cli_stopword_dir(given_stop);
	s = cxs_cli_stage_open("fetch", &o);
	fo.forced = forced;
	if (!fo.unit)
		fo.unit = "sentence";
	fo.max_record = o.max_record;
	fo.note = cxs_cli_diag;
	fo.stopwords = stop_dir;
	f = cxs_fetcher_new(s, &fo, &e);
	if (!f) {
		cxs_stage_abort(s);
		cxs_die(cxs_exit_for(e.kind), "%s", e.msg);
	}
	cxs_stage_option(s, "format", json_string(forced ? cxs_kind_name(forced) : "auto"));
	cxs_stage_option(s, "max_record_bytes", json_integer((json_int_t)o.max_record));
	cxs_stage_option(s, "unit", json_string(fo.unit));
	cxs_stage_option(s, "map", fo.map ? json_string(fo.map) : json_null());
	cxs_stage_option(s, "keep_duplicates", json_boolean(fo.keep_duplicates));
	cxs_stage_option(s, "lang_hint", fo.lang_hint ? json_string(fo.lang_hint) : json_null());
	cxs_stage_option(s, "comments", json_boolean(fo.comments));
	cxs_stage_option(s, "stopwords", stop_dir ? json_string(stop_dir) : json_false());
	failed = 0;
	for (i = 0; i < o.ninputs && !failed; i++)
		failed = cxs_fetcher_source(f, o.inputs[i], &e) < 0;
	for (i = 0; i < nlists && !failed; i++)
		failed = cxs_fetcher_list(f, lists[i], &e) < 0;
	rc = cxs_cli_stage_finish(s, failed, &e);

	cxs_fetcher_free(f);
	cxs_stage_opts_release(&o);
	cxs_buf_release(&map);
	free(lists);
	free(stop_dir);
	xmlCleanupParser();
	u_cleanup();
	return rc;
}

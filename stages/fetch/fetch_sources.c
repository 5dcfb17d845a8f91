#include "fetch_sources.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "cxs_buf.h"


struct suffix {
	const char *suffix;
	enum cxs_kind kind;
};

static const struct suffix suffixes[] = {
	{ ".html", CXS_KIND_HTML }, { ".htm", CXS_KIND_HTML }, { ".xhtml", CXS_KIND_HTML },
	{ ".jsonl", CXS_KIND_JSONL }, { ".ndjson", CXS_KIND_JSONL },
	{ ".jsonl.gz", CXS_KIND_JSONL }, { ".ndjson.gz", CXS_KIND_JSONL },
	{ ".txt", CXS_KIND_TEXT }, { ".text", CXS_KIND_TEXT },
	{ ".warc", CXS_KIND_WARC }, { ".warc.gz", CXS_KIND_WARC },
	{ ".arc", CXS_KIND_ARC }, { ".arc.gz", CXS_KIND_ARC },
	{ ".rss", CXS_KIND_FEED }, { ".atom", CXS_KIND_FEED }, { ".rdf", CXS_KIND_FEED },
	{ ".xml", CXS_KIND_XML },
	{ ".csv", CXS_KIND_CSV }, { ".tsv", CXS_KIND_TSV }, { ".tab", CXS_KIND_TSV },
	{ ".csv.gz", CXS_KIND_CSV }, { ".tsv.gz", CXS_KIND_TSV }, { ".tab.gz", CXS_KIND_TSV },
};

/* Kind names, indexed by enum cxs_kind. */
static const char *const kind_names[] = {
	[CXS_KIND_UNKNOWN] = "unknown", [CXS_KIND_HTML] = "html", [CXS_KIND_JSONL] = "jsonl",
	[CXS_KIND_TEXT] = "text", [CXS_KIND_WARC] = "warc", [CXS_KIND_ARC] = "arc",
	[CXS_KIND_FEED] = "feed", [CXS_KIND_CSV] = "csv", [CXS_KIND_TSV] = "tsv",
	[CXS_KIND_SEMEVAL] = "semeval", [CXS_KIND_XML] = "xml",
};

/* A directory being read, and the ones above it: a symbolic link back to one of them
 * would make the walk endless. */
struct dir_chain {
	dev_t dev;
	ino_t ino;
	const struct dir_chain *up;
};

struct walker {
	enum cxs_kind forced;
	cxs_source_fn fn;
	void *ctx;
	cxs_err *err;
};

enum cxs_kind cxs_kind_parse(const char *s)
{
	size_t k;

	for (k = 1; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
		if (!strcmp(s, kind_names[k]))
			return (enum cxs_kind)k;
	return CXS_KIND_UNKNOWN;
}

const char *cxs_kind_name(enum cxs_kind k)
{
	if ((size_t)k < sizeof(kind_names) / sizeof(kind_names[0]) && kind_names[k])
		return kind_names[k];
	return "unknown";
}

enum cxs_kind cxs_kind_of_path(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n, i;

	base = base ? base + 1 : path;
	n = strlen(base);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t m = strlen(suffixes[i].suffix);
		/* A file called just ".html" is hidden, not an HTML page without a name. */
		if (n > m && !strcasecmp(base + n - m, suffixes[i].suffix))
			return suffixes[i].kind;
	}
	return CXS_KIND_UNKNOWN;
}

/* Whether `s` (`n` bytes) starts with `word` followed by the end of a tag name. */
static int tag_is(const char *s, size_t n, const char *word, int nocase)
{
	size_t m = strlen(word);

	if (n < m || (nocase ? strncasecmp(s, word, m) : strncmp(s, word, m)))
		return 0;
	return n == m || isspace((unsigned char)s[m]) || s[m] == '>' || s[m] == '/';
}

/* The first `needle` (`m` bytes) in `s` (`n` bytes), or NULL. */
static const char *find(const char *s, size_t n, const char *needle, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (!memcmp(s + i, needle, m))
			return s + i;
	return NULL;
}

/* Skips `<?...?>`, `<!--...-->` and `<!DOCTYPE ...>` (not an HTML one) and whitespace;
 * returns the offset of what follows, or `n` when the window ends first. */
static size_t skip_prolog(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		const char *end;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i + 1 >= n || s[i] != '<')
			return i;
		if (s[i + 1] == '?') {
			end = find(s + i, n - i, "?>", 2);
			end = end ? end + 1 : NULL;
		} else if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			end = find(s + i + 4, n - i - 4, "-->", 3);
			end = end ? end + 2 : NULL;
		} else if (s[i + 1] == '!' && !tag_is(s + i, n - i, "<!doctype html", 1))
			end = memchr(s + i, '>', n - i);
		else
			return i;
		if (!end)
			return n;
		i = (size_t)(end - s) + 1;
	}
}

enum cxs_kind cxs_kind_sniff(const char *data, size_t len)
{
	char ascii[CXS_SNIFF_BYTES];
	const char *s = data;
	size_t n = len, i;

	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
		s += 3;
		n -= 3;
	} else if (n >= 2 && (!memcmp(s, "\xff\xfe", 2) || !memcmp(s, "\xfe\xff", 2))) {
		/* UTF-16: the markup is ASCII, so its low bytes are enough. */
		int le = s[0] == '\xff';
		for (i = 0, n = 0; 2 * i + 3 < len && n < sizeof(ascii); i++)
			ascii[n++] = s[2 + 2 * i + le] ? '\x80' : s[2 + 2 * i + !le];
		s = ascii;
	}
	if (n >= 7 && !memcmp(s, "WARC/1.", 7))
		return CXS_KIND_WARC;
	if (n >= 11 && !memcmp(s, "filedesc://", 11))
		return CXS_KIND_ARC;
	i = skip_prolog(s, n);
	s += i;
	n -= i;
	if (n > 0 && s[0] == '{')
		return CXS_KIND_JSONL;
	if (tag_is(s, n, "<rss", 0) || tag_is(s, n, "<rdf:RDF", 0) || tag_is(s, n, "<feed", 0))
		return CXS_KIND_FEED;
	if (tag_is(s, n, "<sentences", 0) || tag_is(s, n, "<Reviews", 0))
		return CXS_KIND_SEMEVAL;
	if (tag_is(s, n, "<!doctype html", 1) || tag_is(s, n, "<html", 1))
		return CXS_KIND_HTML;
	return CXS_KIND_UNKNOWN;
}

/* Kinds whose readers take gzip-compressed files. */
static int reads_gzip(enum cxs_kind k)
{
	return k == CXS_KIND_WARC || k == CXS_KIND_ARC || k == CXS_KIND_JSONL ||
	       k == CXS_KIND_CSV || k == CXS_KIND_TSV;
}

enum cxs_kind cxs_kind_of_content(const char *path, int *gzipped)
{
	char buf[CXS_SNIFF_BYTES];
	unsigned char magic[2];
	gzFile gz;
	FILE *f = fopen(path, "rb");
	int n;

	*gzipped = 0;
	if (!f)
		return CXS_KIND_UNKNOWN;
	*gzipped = fread(magic, 1, 2, f) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
	fclose(f);
	/* zlib reads plain files as they are, and inflates gzip ones. */
	gz = gzopen(path, "rb");
	if (!gz)
		return CXS_KIND_UNKNOWN;
	n = gzread(gz, buf, sizeof(buf));
	gzclose(gz);
	if (n <= 0)
		return CXS_KIND_UNKNOWN;
	return cxs_kind_sniff(buf, (size_t)n);
}

enum cxs_kind cxs_kind_of_file(const char *path, const char **why)
{
	enum cxs_kind k = cxs_kind_of_path(path);
	struct stat st;
	int gz;

	*why = NULL;
	if (k != CXS_KIND_UNKNOWN)
		return k;
	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		*why = "cannot tell its kind from the name (see cxs-fetch --help; use --format)";
		return k;
	}
	k = cxs_kind_of_content(path, &gz);
	if (k == CXS_KIND_UNKNOWN)
		*why = "cannot tell its kind from its name or its first bytes (see cxs-fetch "
		       "--help); use --format KIND";
	else if (gz && !reads_gzip(k)) {
		*why = k == CXS_KIND_HTML ? "gzip-compressed html is not read; gunzip it first"
		     : k == CXS_KIND_FEED ? "a gzip-compressed feed is not read; gunzip it first"
		     : "gzip-compressed SemEval XML is not read; gunzip it first";
		k = CXS_KIND_UNKNOWN;
	}
	return k;
}

const char *cxs_source_uri(const char *path)
{
	const char *p = path;

	while (p[0] == '.' && p[1] == '/') {
		p += 2;
		while (*p == '/')
			p++;
	}
	return *p ? p : path;
}

static int report(struct walker *w, enum cxs_source_event ev, const char *path,
		  enum cxs_kind kind, const char *why)
{
	return w->fn(w->ctx, ev, path, kind, why);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The visible entries of the directory `path`, sorted; NULL with *n = 0 for an empty
 * directory. Returns -1 with errno when it cannot be read, -2 when memory runs out. */
static int list_dir(const char *path, char ***out, size_t *n)
{
	DIR *d = opendir(path);
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;

	*out = NULL;
	*n = 0;
	if (!d)
		return -1;
	for (;;) {
		errno = 0;
		e = readdir(d);
		if (!e)
			break;
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **p;
			cap = cap ? 2 * cap : 32;
			p = realloc(names, cap * sizeof(*p));
			if (!p)
				goto nomem;
			names = p;
		}
		names[*n] = strdup(e->d_name);
		if (!names[*n])
			goto nomem;
		(*n)++;
	}
	if (errno) {
		int saved = errno;
		closedir(d);
		free_names(names, *n);
		*n = 0;
		errno = saved;
		return -1;
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_names);
	*out = names;
	return 0;
nomem:
	closedir(d);
	free_names(names, *n);
	*n = 0;
	return -2;
}

/* `named`: NAMED_NO (found in a directory), NAMED_YES (the user named it), NAMED_GLOB
 * (a glob's match: read like a named file, but skipped when its kind cannot be told). */
enum { NAMED_NO, NAMED_YES, NAMED_GLOB };

static int walk_path(struct walker *w, const char *path, int named,
		     const struct dir_chain *up);

static int walk_dir(struct walker *w, const char *path, const struct stat *st,
		    const struct dir_chain *up)
{
	struct dir_chain here = { st->st_dev, st->st_ino, up };
	const struct dir_chain *c;
	cxs_buf child = CXS_BUF_INIT;
	char **names;
	size_t n, i, plen = strlen(path);
	int rc;

	for (c = up; c; c = c->up)
		if (c->dev == st->st_dev && c->ino == st->st_ino)
			return report(w, CXS_SOURCE_SKIP, path, CXS_KIND_UNKNOWN,
				      "a symbolic link back to a directory being read");
	rc = list_dir(path, &names, &n);
	if (rc == -2)
		return cxs_err_set(w->err, CXS_E_NOMEM, "out of memory");
	if (rc < 0)
		return report(w, CXS_SOURCE_ERROR, path, CXS_KIND_UNKNOWN, strerror(errno));
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	for (i = 0; i < n && rc == 0; i++) {
		cxs_buf_reset(&child);
		if (cxs_buf_add(&child, path, plen) < 0 ||
		    (path[plen - 1] != '/' && cxs_buf_addch(&child, '/') < 0) ||
		    cxs_buf_addstr(&child, names[i]) < 0)
			rc = cxs_err_set(w->err, CXS_E_NOMEM, "out of memory");
		else
			rc = walk_path(w, child.p, NAMED_NO, &here);
	}
	cxs_buf_release(&child);
	free_names(names, n);
	return rc;
}

static int walk_path(struct walker *w, const char *path, int named,
		     const struct dir_chain *up)
{
	struct stat st;
	enum cxs_kind kind;
	const char *why = NULL;

	if (named == NAMED_YES && !strcmp(path, "-"))
		return report(w, CXS_SOURCE_FILE, path, w->forced ? w->forced : CXS_KIND_JSONL, NULL);
	if (stat(path, &st) < 0)
		return report(w, CXS_SOURCE_ERROR, path, CXS_KIND_UNKNOWN, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, &st, up);
	if (!named && !S_ISREG(st.st_mode))
		return report(w, CXS_SOURCE_SKIP, path, CXS_KIND_UNKNOWN, "not a regular file");
	if (w->forced)
		kind = w->forced;
	else if (named)
		kind = cxs_kind_of_file(path, &why);
	else
		kind = cxs_kind_of_path(path);
	if (kind == CXS_KIND_UNKNOWN)
		return report(w, named == NAMED_YES ? CXS_SOURCE_ERROR : CXS_SOURCE_SKIP, path, kind,
			      why ? why : "not a name cxs-fetch reads (see cxs-fetch --help)");
	return report(w, CXS_SOURCE_FILE, path, kind, NULL);
}

static int is_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* A SOURCE that is no file but a pattern: its matches in byte order. */
static int walk_glob(struct walker *w, const char *pattern)
{
	glob_t g;
	size_t i;
	int rc;

	memset(&g, 0, sizeof(g));
	/* Sorted here, by bytes: glob's own order follows the locale. */
	rc = glob(pattern, GLOB_NOSORT, NULL, &g);
	if (rc == GLOB_NOSPACE) {
		globfree(&g);
		return cxs_err_set(w->err, CXS_E_NOMEM, "out of memory");
	}
	if (rc != 0) {
		globfree(&g);
		return report(w, CXS_SOURCE_ERROR, pattern, CXS_KIND_UNKNOWN,
			      rc == GLOB_NOMATCH ? "no file matches this pattern"
						 : "the pattern could not be expanded");
	}
	qsort(g.gl_pathv, g.gl_pathc, sizeof(*g.gl_pathv), cmp_names);
	for (i = 0, rc = 0; i < g.gl_pathc && rc == 0; i++)
		rc = walk_path(w, g.gl_pathv[i], NAMED_GLOB, NULL);
	globfree(&g);
	return rc;
}

int cxs_sources_walk(const char *source, enum cxs_kind forced, cxs_source_fn fn, void *ctx,
		     cxs_err *err)
{
	struct walker w;

	memset(&w, 0, sizeof(w));
	w.forced = forced;
	w.fn = fn;
	w.ctx = ctx;
	w.err = err;
	if (strcmp(source, "-") && is_glob(source) && access(source, F_OK) != 0 && errno == ENOENT)
		return walk_glob(&w, source);
	return walk_path(&w, source, NAMED_YES, NULL);
}

#include "fetch_sources.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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
			rc = walk_path(w, child.p, 0, &here);
	}
	cxs_buf_release(&child);
	free_names(names, n);
	return rc;
}

/* `named`: the user named this path (rather than it being found in a directory). */
static int walk_path(struct walker *w, const char *path, int named,
		     const struct dir_chain *up)
{
	struct stat st;
	enum cxs_kind kind;

	if (named && !strcmp(path, "-"))
		return report(w, CXS_SOURCE_FILE, path, w->forced ? w->forced : CXS_KIND_JSONL, NULL);
	if (stat(path, &st) < 0)
		return report(w, CXS_SOURCE_ERROR, path, CXS_KIND_UNKNOWN, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, &st, up);
	if (!named && !S_ISREG(st.st_mode))
		return report(w, CXS_SOURCE_SKIP, path, CXS_KIND_UNKNOWN, "not a regular file");
	kind = w->forced ? w->forced : cxs_kind_of_path(path);
	if (kind == CXS_KIND_UNKNOWN)
		return report(w, named ? CXS_SOURCE_ERROR : CXS_SOURCE_SKIP, path, kind,
			      named ? "cannot tell its kind from the name (see cxs-fetch --help; "
				      "use --format)"
				    : "not a name cxs-fetch reads (see cxs-fetch --help)");
	return report(w, CXS_SOURCE_FILE, path, kind, NULL);
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
	return walk_path(&w, source, 1, NULL);
}

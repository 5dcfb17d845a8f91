#include "cxs_lexicon.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cxs_buf.h"
#include "cxs_segment.h"
#include "cxs_stemmer.h"
#include "cxs_textnorm.h"
#include "cxs_utf8.h"

#define MAX_FILE_BYTES ((size_t)64 << 20)   /* a lexicon file, not a corpus */
#define NO_ENTRY UINT32_MAX

/* Contrast words used when a language has no LANG.contrast file. */
static const char *const builtin_contrast[][6] = {
	{ "en", "but", "however", "although", "though", NULL },
	{ "sv", "men", "fast", NULL },
	{ "es", "pero", "sin embargo", "aunque", NULL },
	{ "zh", "但是", "但", "不过", "可是", "然而" },
};

struct import;

/* Strings and small arrays that live as long as the lexicon, freed in one go. */
struct pool_chunk {
	struct pool_chunk *next;
	size_t used, cap;
	_Alignas(8) char data[];
};

/* An open-addressing hash table from a byte string to (start, count). */
struct slot {
	const char *key;
	uint32_t len, h, start, count;
};
struct table {
	struct slot *s;
	uint32_t *tag;              /* per slot: its hash with the low bit set, 0 when empty */
	size_t mask, n;
	char *keys;                 /* the keys in slot order, once the table is built */
};

/* Build-time facts about an entry, for duplicate reports. */
struct entry_info {
	struct cxs_lex_aspect *asp;
	long *asp_line;
	size_t nasp, capasp;
	long line[CXS_ROLE_COUNT];
	const char *written[CXS_ROLE_COUNT];
};

struct cxs_lexlang {
	char code[8];
	int by_chars;
	struct cxs_lex_counts counts;
	struct cxs_lex_entry *entries;
	struct cxs_lex_aspect *aspects;  /* every entry's aspects, in entry order */
	struct entry_info *info;
	size_t nentries, capentries;
	struct table keys;          /* serialised key → entry (build time) */
	struct table first;         /* exact first word → run of idx */
	struct table first_prefix;  /* prefix first word → run of idx */
	uint32_t *idx;
	struct cxs_lex_cand *cand;  /* aligned with idx */
	size_t *plens, nplens;
	/* bit (cxs_lexhash of the first `phead` bytes & PFILTER_MASK) set for every prefix
	 * first word: most forms start like none, and skip one lookup per prefix length */
	uint64_t *pfilter;
	size_t phead;
	unsigned char *needs_opinion; /* per dimension: named for this language by pack.conf's
				       * needs_opinion; NULL when none is */
	int nearest_hit;              /* named by pack.conf's nearest_hit */
	struct table chars;         /* zh: every prefix of every term → entry or NO_ENTRY */
	size_t max_chars;
	/* loading tools, closed once the language is loaded */
	cxs_segmenter *seg;
	cxs_stemmer *stem;
};

struct read_file {
	char *name;                 /* file name inside the pack */
	char *data;
	size_t len;
};

struct cxs_lexicon {
	char *dir;
	struct pool_chunk *pool;
	int oom;
	struct cxs_lex_problem *problems;
	size_t nproblems, capproblems, nerrors;
	size_t *pgroup;               /* per problem: its file's order of first appearance */
	const char **groups;          /* the files with problems, in that order */
	size_t ngroups, capgroups;
	const char *name, *version, *licence, *description;
	char hash[CXS_SHA256_HEX];
	struct cxs_lex_dim *dims;
	long *dim_line;
	size_t ndims, capdims;
	int dims_read;
	struct cxs_lexlang *langs;
	size_t nlangs;
	long langs_line;
	const char *needs_opinion;    /* pack.conf's value (pool), NUL-terminated, or NULL */
	long needs_opinion_line;
	const char *nearest_hit;      /* the same for nearest_hit */
	long nearest_hit_line;
	struct read_file *files;
	size_t nfiles, capfiles;
	/* loading tools */
	struct import *imp;           /* a dictionary being imported, or NULL for a pack */
	int quiet_warnings;
	cxs_textnorm *tn;
	cxs_buf form, key;
};

/* ---------------------------------------------------------------- memory */

static void *pool_alloc(cxs_lexicon *lx, size_t n)
{
	struct pool_chunk *c = lx->pool;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		c = malloc(sizeof(*c) + cap);
		if (!c) {
			lx->oom = 1;
			return NULL;
		}
		c->used = 0;
		c->cap = cap;
		c->next = lx->pool;
		lx->pool = c;
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

static char *pool_strndup(cxs_lexicon *lx, const char *s, size_t n)
{
	char *p = pool_alloc(lx, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Grows *pp, an array kept beside one that cxs_array_grow just took from capacity `was`
 * to `cap`, to `cap` elements too; only when that capacity changed, since a realloc to
 * the same size copies the whole array under ASan, which made loading a pack quadratic
 * there (cx-core: 5 s of CPU and 440 MB). Returns -1 without memory. */
static int grow_beside(void *pp, size_t was, size_t cap, size_t size)
{
	void **p = pp, *np;

	if (cap == was && *p)
		return 0;
	if (!(np = realloc(*p, cap * size)))
		return -1;
	*p = np;
	return 0;
}

/* ---------------------------------------------------------------- problems */

static void report(cxs_lexicon *lx, int warning, const char *file, long line,
		   const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void report(cxs_lexicon *lx, int warning, const char *file, long line,
		   const char *fmt, va_list ap)
{
	char msg[1024];
	struct cxs_lex_problem *p;
	cxs_buf text = CXS_BUF_INIT;
	size_t was;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (warning && lx->quiet_warnings)
		return;
	/* an imported dictionary is read once per language: say each problem once */
	if (lx->imp) {
		size_t i;
		for (i = 0; i < lx->nproblems; i++)
			if (lx->problems[i].line == line && lx->problems[i].warning == warning &&
			    !strcmp(lx->problems[i].file, file) && !strcmp(lx->problems[i].msg, msg))
				return;
	}
	was = lx->capproblems;
	if (cxs_array_grow(&lx->problems, &lx->capproblems, lx->nproblems + 1, sizeof(*p)) < 0 ||
	    grow_beside(&lx->pgroup, was, lx->capproblems, sizeof(*lx->pgroup)) < 0) {
		lx->oom = 1;
		return;
	}
	{
		size_t g;
		for (g = lx->ngroups; g-- > 0;)
			if (strcmp(lx->groups[g], file) == 0)
				break;
		if (g == (size_t)-1) {
			if (cxs_array_grow(&lx->groups, &lx->capgroups, lx->ngroups + 1, sizeof(*lx->groups)) < 0) {
				lx->oom = 1;
				return;
			}
			g = lx->ngroups;
			lx->groups[lx->ngroups++] = file;
		}
		lx->pgroup[lx->nproblems] = g;
	}
	if (line > 0)
		cxs_buf_addf(&text, "%s:%ld: %s%s", file, line, warning ? "warning: " : "", msg);
	else
		cxs_buf_addf(&text, "%s: %s%s", file, warning ? "warning: " : "", msg);
	p = &lx->problems[lx->nproblems];
	p->file = file;
	p->line = line;
	p->warning = warning;
	p->msg = pool_strndup(lx, msg, strlen(msg));
	p->text = text.p ? pool_strndup(lx, text.p, text.len) : NULL;
	cxs_buf_release(&text);
	if (p->msg && p->text) {
		lx->nproblems++;
		lx->nerrors += !warning;
	} else {
		lx->oom = 1;
	}
}

/* An error: the pack must not be used. */
static void problem(cxs_lexicon *lx, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(cxs_lexicon *lx, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(lx, 0, file, line, fmt, ap);
	va_end(ap);
}

/* A warning: a line that loads but does not do what it seems to. */
static void warn(cxs_lexicon *lx, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void warn(cxs_lexicon *lx, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(lx, 1, file, line, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------------- hash tables */

/* Whether the `n` bytes at `a` and `b` agree: keys are a few bytes, shorter than the
 * call to memcmp. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* A slot's tag: never 0, so that 0 marks an empty one. */
static uint32_t tag_of(uint32_t h)
{
	return h | 1u;
}

static int table_grow(struct table *t)
{
	size_t cap = t->s ? (t->mask + 1) * 2 : 64, i;
	struct slot *s = calloc(cap, sizeof(*s));
	uint32_t *tag = calloc(cap, sizeof(*tag));

	if (!s || !tag) {
		free(s);
		free(tag);
		return -1;
	}
	if (t->s) {
		for (i = 0; i <= t->mask; i++) {
			size_t j;
			if (!t->tag[i])
				continue;
			for (j = t->s[i].h & (cap - 1); tag[j]; j = (j + 1) & (cap - 1))
				;
			s[j] = t->s[i];
			tag[j] = t->tag[i];
		}
		free(t->s);
		free(t->tag);
	}
	t->s = s;
	t->tag = tag;
	t->mask = cap - 1;
	return 0;
}

/* Lookups probe the dense tags first: most tokens are no term, and telling them so
 * then touches one cache line instead of slots and their keys scattered in memory. */
static struct slot *table_find(const struct table *t, const char *k, size_t len, uint32_t h)
{
	uint32_t tag = tag_of(h);
	size_t j;

	if (!t->s)
		return NULL;
	for (j = h & t->mask; t->tag[j]; j = (j + 1) & t->mask) {
		const struct slot *s = &t->s[j];
		if (t->tag[j] == tag && s->h == h && s->len == len && same_bytes(s->key, k, len))
			return &t->s[j];
	}
	return NULL;
}

/* Copies the keys of a built table into one block in slot order and points the slots
 * at it: a token that is a first word (de, the, och: half of all tokens) has its key
 * compared, and keys scattered over the pool cost a cache miss each. Returns -1 when
 * memory runs out. */
static int table_pack_keys(struct table *t)
{
	size_t j, total = 0;
	char *p;

	if (!t->s)
		return 0;
	for (j = 0; j <= t->mask; j++)
		if (t->tag[j])
			total += t->s[j].len;
	if (!(t->keys = malloc(total + 1)))
		return -1;
	for (j = 0, p = t->keys; j <= t->mask; j++) {
		if (!t->tag[j])
			continue;
		memcpy(p, t->s[j].key, t->s[j].len);
		t->s[j].key = p;
		p += t->s[j].len;
	}
	return 0;
}

/* Finds or adds `k` (which must outlive the table); `*isnew` tells which. NULL when
 * memory runs out. */
static struct slot *table_put(struct table *t, const char *k, size_t len, int *isnew)
{
	uint32_t h = cxs_lexhash_add(CXS_LEXHASH_INIT, k, len);
	struct slot *s = table_find(t, k, len, h);
	size_t j;

	*isnew = 0;
	if (s)
		return s;
	/* at most half full: a token that is no term (most are) is told so after a probe
	 * or two, where three quarters full would take several */
	if ((!t->s || (t->n + 1) * 2 > t->mask + 1) && table_grow(t) < 0)
		return NULL;
	for (j = h & t->mask; t->tag[j]; j = (j + 1) & t->mask)
		;
	t->tag[j] = tag_of(h);
	t->s[j].key = k;
	t->s[j].len = (uint32_t)len;
	t->s[j].h = h;
	t->s[j].start = NO_ENTRY;
	t->s[j].count = 0;
	t->n++;
	*isnew = 1;
	return &t->s[j];
}

/* ---------------------------------------------------------------- files and lines */

static const char *pack_path(cxs_lexicon *lx, const char *name)
{
	size_t n = strlen(lx->dir) + 1 + strlen(name);
	char *p = pool_alloc(lx, n + 1);

	if (p)
		snprintf(p, n + 1, "%s/%s", lx->dir, name);
	return p ? p : name;
}

/* Reads pack file `name` whole and keeps it for the pack hash. Returns the index into
 * lx->files, -1 when the file does not exist (`*missing` set) or cannot be read (a
 * problem is reported). */
static int read_pack_file(cxs_lexicon *lx, const char *name, const char *path, int *missing)
{
	FILE *f = fopen(path, "rb");
	cxs_buf b = CXS_BUF_INIT;
	struct read_file *rf;
	char chunk[65536];
	size_t n;

	*missing = 0;
	if (!f) {
		if (errno == ENOENT)
			*missing = 1;
		else
			problem(lx, path, 0, "could not open: %s", strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > MAX_FILE_BYTES) {
			problem(lx, path, 0, "larger than %zu MiB", MAX_FILE_BYTES >> 20);
			fclose(f);
			cxs_buf_release(&b);
			return -1;
		}
		if (cxs_buf_add(&b, chunk, n) < 0) {
			lx->oom = 1;
			fclose(f);
			cxs_buf_release(&b);
			return -1;
		}
	}
	if (ferror(f)) {
		problem(lx, path, 0, "could not read: %s", strerror(errno));
		fclose(f);
		cxs_buf_release(&b);
		return -1;
	}
	fclose(f);
	if (cxs_array_grow(&lx->files, &lx->capfiles, lx->nfiles + 1, sizeof(*rf)) < 0 ||
	    (!b.p && cxs_buf_grow(&b, 1) < 0)) {
		lx->oom = 1;
		cxs_buf_release(&b);
		return -1;
	}
	rf = &lx->files[lx->nfiles];
	rf->name = strdup(name);
	if (!rf->name) {
		lx->oom = 1;
		cxs_buf_release(&b);
		return -1;
	}
	rf->len = b.len;
	rf->data = b.p;
	return (int)lx->nfiles++;
}

/* One data line of a pack file: fields split at TABs, each trimmed of spaces. */
#define MAX_FIELDS 8
struct line {
	long no;
	size_t nf;
	const char *f[MAX_FIELDS];
	size_t fl[MAX_FIELDS];
};

static int is_space(char c)
{
	return c == ' ' || c == '\r' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

typedef void (*line_fn)(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l);

/* Non-zero when `s` (`n` bytes) holds a byte order mark (U+FEFF). Only the very start
 * of a file may have one (editors write it); anywhere else it is an invisible character
 * glued to a term, typically where two files were pasted together. */
static int has_bom(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '\xEF', (size_t)(end - p))) != NULL && end - p >= 3) {
		if (p[1] == '\xBB' && p[2] == '\xBF')
			return 1;
		p++;
	}
	return 0;
}

#define BOM_INSIDE "BOM (U+FEFF) inside the file: only its very start may have one"

/* Calls `fn` for every line that is neither blank nor a comment; reports invalid UTF-8.
 * Returns the number of lines. */
static long each_line(cxs_lexicon *lx, const struct read_file *rf, const char *path,
		      line_fn fn, void *ctx)
{
	const char *p = rf->data, *end = rf->data + rf->len;
	long no = 0;

	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;   /* editors on Windows write a BOM; it is not part of the first term */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *s = p;
		size_t n = (size_t)(e - p);
		struct line l;

		p = nl ? nl + 1 : end;
		no++;
		if (cxs_utf8_valid_prefix(s, n) != n) {
			problem(lx, path, no, "invalid UTF-8");
			continue;
		}
		if (has_bom(s, n)) {
			problem(lx, path, no, BOM_INSIDE);
			continue;
		}
		trim(&s, &n);
		if (!n || *s == '#')
			continue;
		memset(&l, 0, sizeof(l));
		l.no = no;
		while (l.nf < MAX_FIELDS) {
			const char *tab = l.nf + 1 < MAX_FIELDS ? memchr(s, '\t', n) : NULL;
			size_t fl = tab ? (size_t)(tab - s) : n;
			const char *fs = s;

			trim(&fs, &fl);
			l.f[l.nf] = fs;
			l.fl[l.nf++] = fl;
			if (!tab)
				break;
			n -= (size_t)(tab + 1 - s);
			s = tab + 1;
		}
		fn(lx, ctx, path, &l);
	}
	return no;
}

/* Parses a plain decimal number ("2", "-1.5", ".5"): no exponents, hex, inf or nan,
 * which in a lexicon are typing mistakes. */
static int parse_number(const char *s, size_t n, double *out)
{
	char buf[64], *end;
	size_t i = 0, digits = 0;

	if (!n || n >= sizeof(buf))
		return -1;
	if (s[i] == '+' || s[i] == '-')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (i != n || !digits)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*out = strtod(buf, &end);
	return 0;
}

/* ---------------------------------------------------------------- pack.conf */

enum { KEY_NAME, KEY_VERSION, KEY_LANGUAGES, KEY_LICENCE, KEY_DESCRIPTION,
       KEY_NEEDS_OPINION, KEY_NEAREST_HIT, NKEYS };
static const char *const conf_keys[NKEYS] = { "name", "version", "languages", "licence",
					      "description", "needs_opinion", "nearest_hit" };
static const int conf_required[NKEYS] = { 1, 1, 1, 0, 0, 0, 0 };

struct conf_ctx {
	long line[NKEYS];
	const char *value[NKEYS];
	size_t vlen[NKEYS];
};

static int lang_code_ok(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return 1;
}

static void conf_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct conf_ctx *c = ctx;
	/* pack.conf has no TAB fields: rejoin what each_line split */
	const char *s = l->f[0], *eq;
	size_t n = (size_t)(l->f[l->nf - 1] + l->fl[l->nf - 1] - l->f[0]);
	const char *k, *v;
	size_t kl, vl;
	int key;

	eq = memchr(s, '=', n);
	if (!eq) {
		problem(lx, path, l->no, "expected 'key = value'");
		return;
	}
	k = s;
	kl = (size_t)(eq - s);
	v = eq + 1;
	vl = n - kl - 1;
	while (kl && (is_space(k[kl - 1]) || k[kl - 1] == '\t'))
		kl--;
	while (vl && (is_space(*v) || *v == '\t')) {
		v++;
		vl--;
	}
	if (!kl) {
		problem(lx, path, l->no, "expected 'key = value'");
		return;
	}
	for (key = 0; key < NKEYS; key++)
		if (strlen(conf_keys[key]) == kl && memcmp(conf_keys[key], k, kl) == 0)
			break;
	if (key == NKEYS && kl == 7 && memcmp(k, "license", 7) == 0)
		key = KEY_LICENCE;
	if (key == NKEYS) {
		problem(lx, path, l->no, "unknown key '%.*s'", (int)kl, k);
		return;
	}
	if (c->line[key]) {
		problem(lx, path, l->no, "duplicate key '%s' (first on line %ld)", conf_keys[key],
			c->line[key]);
		return;
	}
	c->line[key] = l->no;
	if (!vl) {
		problem(lx, path, l->no, "empty value for '%s'", conf_keys[key]);
		return;
	}
	c->value[key] = v;
	c->vlen[key] = vl;
}

static void load_conf(cxs_lexicon *lx)
{
	const char *path = pack_path(lx, "pack.conf");
	struct conf_ctx c;
	int missing, fi = read_pack_file(lx, "pack.conf", path, &missing);
	const char *s, *end;
	size_t k, n = 0;

	if (fi < 0) {
		if (missing)
			problem(lx, path, 0, "missing (every pack needs a pack.conf)");
		return;
	}
	memset(&c, 0, sizeof(c));
	each_line(lx, &lx->files[fi], path, conf_line, &c);
	for (k = 0; k < NKEYS; k++)
		if (conf_required[k] && !c.line[k])
			problem(lx, path, 0, "missing required key '%s'", conf_keys[k]);
	if (c.value[KEY_NAME])
		lx->name = pool_strndup(lx, c.value[KEY_NAME], c.vlen[KEY_NAME]);
	if (c.value[KEY_VERSION])
		lx->version = pool_strndup(lx, c.value[KEY_VERSION], c.vlen[KEY_VERSION]);
	if (c.value[KEY_LICENCE])
		lx->licence = pool_strndup(lx, c.value[KEY_LICENCE], c.vlen[KEY_LICENCE]);
	if (c.value[KEY_DESCRIPTION])
		lx->description = pool_strndup(lx, c.value[KEY_DESCRIPTION], c.vlen[KEY_DESCRIPTION]);
	if (c.value[KEY_NEEDS_OPINION]) {
		lx->needs_opinion = pool_strndup(lx, c.value[KEY_NEEDS_OPINION],
						 c.vlen[KEY_NEEDS_OPINION]);
		lx->needs_opinion_line = c.line[KEY_NEEDS_OPINION];
	}
	if (c.value[KEY_NEAREST_HIT]) {
		lx->nearest_hit = pool_strndup(lx, c.value[KEY_NEAREST_HIT],
					       c.vlen[KEY_NEAREST_HIT]);
		lx->nearest_hit_line = c.line[KEY_NEAREST_HIT];
	}
	if (!c.value[KEY_LANGUAGES])
		return;

	/* languages: space-separated codes */
	lx->langs_line = c.line[KEY_LANGUAGES];
	lx->langs = calloc(c.vlen[KEY_LANGUAGES] / 2 + 1, sizeof(*lx->langs));
	if (!lx->langs) {
		lx->oom = 1;
		return;
	}
	s = c.value[KEY_LANGUAGES];
	end = s + c.vlen[KEY_LANGUAGES];
	while (s < end) {
		const char *w = s;
		size_t wl, j;

		while (w < end && (*w == ' ' || *w == '\t' || *w == ','))
			w++;
		for (s = w; s < end && *s != ' ' && *s != '\t' && *s != ','; s++)
			;
		wl = (size_t)(s - w);
		if (!wl)
			continue;
		if (!lang_code_ok(w, wl)) {
			problem(lx, path, lx->langs_line,
				"bad language code '%.*s' (two or three lowercase letters, such as 'sv')",
				(int)wl, w);
			continue;
		}
		for (j = 0; j < n; j++)
			if (strlen(lx->langs[j].code) == wl && memcmp(lx->langs[j].code, w, wl) == 0)
				break;
		if (j < n) {
			problem(lx, path, lx->langs_line, "language '%.*s' listed twice", (int)wl, w);
			continue;
		}
		memcpy(lx->langs[n].code, w, wl);
		lx->langs[n].code[wl] = '\0';
		lx->langs[n].by_chars = strcmp(lx->langs[n].code, "zh") == 0;
		n++;
	}
	lx->nlangs = n;
}

/* ---------------------------------------------------------------- dimensions.tsv */

static int dim_id_ok(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return n > 0;
}

static long find_dim(const cxs_lexicon *lx, const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < lx->ndims; i++)
		if (strlen(lx->dims[i].id) == n && memcmp(lx->dims[i].id, id, n) == 0)
			return (long)i;
	return -1;
}

#define DIM_FORMAT "expected 'id<TAB>label<TAB>description[<TAB>parent]'"

static void dim_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct cxs_lex_dim *d;
	long prev;
	size_t was;

	(void)ctx;
	if (l->nf < 3) {
		problem(lx, path, l->no, "%s: %s",
			l->nf == 1 ? "missing TAB after the dimension id" : "missing description",
			DIM_FORMAT);
		return;
	}
	if (l->nf > 4) {
		problem(lx, path, l->no, "too many fields: %s", DIM_FORMAT);
		return;
	}
	if (!l->fl[0]) {
		problem(lx, path, l->no, "empty dimension id");
		return;
	}
	if (!dim_id_ok(l->f[0], l->fl[0])) {
		problem(lx, path, l->no,
			"bad dimension id '%.*s' (letters, digits, '_', '-' and '.' only)",
			(int)l->fl[0], l->f[0]);
		return;
	}
	if ((prev = find_dim(lx, l->f[0], l->fl[0])) >= 0) {
		problem(lx, path, l->no, "duplicate dimension '%.*s' (first on line %ld)",
			(int)l->fl[0], l->f[0], lx->dim_line[prev]);
		return;
	}
	if (!l->fl[1]) {
		problem(lx, path, l->no, "empty label for dimension '%.*s'", (int)l->fl[0], l->f[0]);
		return;
	}
	was = lx->capdims;
	if (cxs_array_grow(&lx->dims, &lx->capdims, lx->ndims + 1, sizeof(*lx->dims)) < 0 ||
	    grow_beside(&lx->dim_line, was, lx->capdims, sizeof(*lx->dim_line)) < 0) {
		lx->oom = 1;
		return;
	}
	d = &lx->dims[lx->ndims];
	d->id = pool_strndup(lx, l->f[0], l->fl[0]);
	d->label = pool_strndup(lx, l->f[1], l->fl[1]);
	d->description = pool_strndup(lx, l->f[2], l->fl[2]);
	/* the parent is checked once every id is known; keep its text for now */
	d->parent = l->nf == 4 && l->fl[3] ? pool_strndup(lx, l->f[3], l->fl[3]) : NULL;
	lx->dim_line[lx->ndims++] = l->no;
}

static void load_dims(cxs_lexicon *lx)
{
	const char *path = pack_path(lx, "dimensions.tsv");
	int missing, fi = read_pack_file(lx, "dimensions.tsv", path, &missing);
	size_t i;

	if (fi < 0) {
		if (missing)
			problem(lx, path, 0, "missing (every pack needs its dimensions)");
		return;
	}
	lx->dims_read = 1;
	each_line(lx, &lx->files[fi], path, dim_line, NULL);
	if (!lx->ndims && !lx->oom)
		problem(lx, path, 0, "no dimensions");
	for (i = 0; i < lx->ndims; i++) {
		const char *p = lx->dims[i].parent;
		size_t steps = 0;
		long j;

		if (!p)
			continue;
		j = find_dim(lx, p, strlen(p));
		if (j < 0) {
			problem(lx, path, lx->dim_line[i], "unknown parent '%s' of dimension '%s'", p,
				lx->dims[i].id);
			continue;
		}
		/* a cycle would make any roll-up of parents loop forever */
		while (j >= 0 && (size_t)j != i && steps++ <= lx->ndims)
			j = lx->dims[j].parent ? find_dim(lx, lx->dims[j].parent,
							  strlen(lx->dims[j].parent)) : -1;
		if (j >= 0)
			problem(lx, path, lx->dim_line[i], "dimension '%s' is its own ancestor",
				lx->dims[i].id);
	}
}

/* pack.conf's `needs_opinion = LANG:DIM ...`: per language, the dimensions whose hits
 * count towards a signal only when an opinion reaches them. Read after the languages and
 * the dimensions, before the terms, which take it from their language (load_lang). */
static void load_needs_opinion(cxs_lexicon *lx)
{
	const char *path = pack_path(lx, "pack.conf"), *s = lx->needs_opinion, *w, *colon;
	size_t wl, i;
	long dim;

	while (s && *s) {
		struct cxs_lexlang *ll = NULL;

		for (w = s; *w == ' ' || *w == '\t' || *w == ','; w++)
			;
		for (s = w; *s && *s != ' ' && *s != '\t' && *s != ','; s++)
			;
		wl = (size_t)(s - w);
		if (!wl)
			continue;
		colon = memchr(w, ':', wl);
		if (!colon || colon == w || colon + 1 == w + wl) {
			problem(lx, path, lx->needs_opinion_line,
				"expected 'LANG:DIMENSION' in needs_opinion, not '%.*s'", (int)wl, w);
			continue;
		}
		for (i = 0; i < lx->nlangs; i++)
			if (strlen(lx->langs[i].code) == (size_t)(colon - w) &&
			    !memcmp(lx->langs[i].code, w, (size_t)(colon - w)))
				ll = &lx->langs[i];
		dim = find_dim(lx, colon + 1, (size_t)(w + wl - colon - 1));
		if (!ll)
			problem(lx, path, lx->needs_opinion_line,
				"needs_opinion: language '%.*s' is not in 'languages'",
				(int)(colon - w), w);
		if (dim < 0 && lx->dims_read)
			problem(lx, path, lx->needs_opinion_line,
				"needs_opinion: unknown dimension '%.*s'",
				(int)(w + wl - colon - 1), colon + 1);
		if (!ll || dim < 0)
			continue;
		if (!ll->needs_opinion)
			ll->needs_opinion = calloc(lx->ndims, 1);
		if (!ll->needs_opinion) {
			lx->oom = 1;
			return;
		}
		ll->needs_opinion[dim] = 1;
	}
}

/* pack.conf's `nearest_hit = LANG ...`: the languages whose polarity words go to the
 * nearest aspect hit of their clause (cxs_scorer.h). Read after the languages. */
static void load_nearest_hit(cxs_lexicon *lx)
{
	const char *path = pack_path(lx, "pack.conf"), *s = lx->nearest_hit, *w;
	size_t wl, i;

	while (s && *s) {
		int found = 0;

		for (w = s; *w == ' ' || *w == '\t' || *w == ','; w++)
			;
		for (s = w; *s && *s != ' ' && *s != '\t' && *s != ','; s++)
			;
		wl = (size_t)(s - w);
		if (!wl)
			continue;
		for (i = 0; i < lx->nlangs; i++)
			if (strlen(lx->langs[i].code) == wl && !memcmp(lx->langs[i].code, w, wl)) {
				lx->langs[i].nearest_hit = 1;
				found = 1;
			}
		if (!found)
			problem(lx, path, lx->nearest_hit_line,
				"nearest_hit: language '%.*s' is not in 'languages'", (int)wl, w);
	}
}

/* ---------------------------------------------------------------- terms */

struct term_words {
	struct cxs_lex_word w[64];
	size_t n;
};

/* Whether the `n` bytes at `s` are letters of ASCII and Latin-1 alone (U+00C0-U+00FF
 * but × and ÷: å, ñ, é), every one of which ICU's word rules call ALetter. */
static int latin_letters(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))
			continue;
		if (p[i] != 0xC3 || i + 1 == n || p[i + 1] < 0x80 || p[i + 1] > 0xBF ||
		    p[i + 1] == 0x97 || p[i + 1] == 0xB7)
			return 0;
		i++;
	}
	return n > 0;
}

/* Whether the `n` bytes at `s` are CJK Unified Ideographs alone (U+4E00-U+9FFF). */
static int ideographs(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i + 2 < n; i += 3)
		if (p[i] < 0xE4 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 ||
		    (p[i + 2] & 0xC0) != 0x80)
			return 0;
	return n > 0 && i == n;
}

/* Whether ICU's word breaking can be skipped for part `s` of a term: a run of letters is
 * one word under ICU's rules (WB5), and most parts of Latin script terms are ASCII and
 * Latin-1 letters alone. Chinese words are joined into one anyway (term_words), so a
 * run of ideographs is taken whole, but only when normalising leaves it as it is (no
 * Traditional character), since Hant-Hans runs word by word on the ICU path; its form
 * is then left in lx->form. Skipping the break iterators, Chinese dictionary included,
 * took a quarter of the instructions of loading cx-core. */
static int one_word(cxs_lexicon *lx, struct cxs_lexlang *ll, const char *s, size_t n)
{
	cxs_err err = { CXS_E_NONE, "" };

	if (!ll->by_chars)
		return latin_letters(s, n);
	return ideographs(s, n) && cxs_textnorm_form(lx->tn, s, n, 1, &lx->form, &err) == 0 &&
	       lx->form.len == n && !memcmp(lx->form.p, s, n);
}

/* Normalises and stems one space-separated part of a term, appending its words. The
 * last word becomes a prefix word when `prefix`; every word keeps its form too when
 * `quoted` and the language stems (without stems a form is all there is to match).
 * Returns the number of words added, or -1 when a library call failed (reported). */
static int part_words(cxs_lexicon *lx, struct cxs_lexlang *ll, const char *path, long no,
		      const char *s, size_t n, int prefix, int quoted, struct term_words *tw)
{
	const cxs_segments *segs;
	cxs_span whole = { 0, n };
	cxs_segments one = { &whole, 1, &whole, 1 };
	cxs_err err = { CXS_E_NONE, "" };
	size_t i, added = 0;

	if (one_word(lx, ll, s, n))
		segs = &one;
	else if (cxs_segmenter_run(ll->seg, s, n, &segs, &err) < 0) {
		problem(lx, path, no, "%s", err.msg);
		return -1;
	}
	for (i = 0; i < segs->ntok; i++) {
		const char *w;
		size_t wl;
		int last = i + 1 == segs->ntok;

		/* a Chinese part taken whole was normalised by one_word already */
		if (!(segs == &one && ll->by_chars) &&
		    cxs_textnorm_form(lx->tn, s + segs->tok[i].start,
				      segs->tok[i].end - segs->tok[i].start, ll->by_chars, &lx->form,
				      &err) < 0) {
			problem(lx, path, no, "%s", err.msg);
			return -1;
		}
		w = lx->form.p;
		wl = lx->form.len;
		if (!wl)
			continue;
		if (tw->n == sizeof(tw->w) / sizeof(tw->w[0])) {
			problem(lx, path, no, "more than %zu words in a term",
				sizeof(tw->w) / sizeof(tw->w[0]));
			return -1;
		}
		tw->w[tw->n].form = NULL;
		tw->w[tw->n].formlen = 0;
		if (quoted && ll->stem) {
			tw->w[tw->n].form = pool_strndup(lx, w, wl);
			tw->w[tw->n].formlen = wl;
			if (!tw->w[tw->n].form)
				return -1;
		}
		if (ll->stem && !(prefix && last)) {
			w = cxs_stemmer_stem(ll->stem, lx->form.p, lx->form.len, &wl);
			if (!w) {
				lx->oom = 1;
				return -1;
			}
		}
		tw->w[tw->n].s = pool_strndup(lx, w, wl);
		tw->w[tw->n].len = wl;
		tw->w[tw->n].prefix = prefix && last;
		tw->w[tw->n].h = cxs_lexhash_add(CXS_LEXHASH_INIT, w, wl);
		if (!tw->w[tw->n].s)
			return -1;
		tw->n++;
		added++;
	}
	return (int)added;
}

/* Takes the quotes off a quoted term ("special": `*quoted` set, `*t` and `*tl` narrowed
 * to what is inside). Quotes mean the whole term, so a quote anywhere else, or an
 * empty pair, is a mistake rather than a character to match (the segmenter would
 * drop it silently). Returns 0, or -1 after reporting. */
static int unquote(cxs_lexicon *lx, const char *path, long no, const char **t, size_t *tl,
		   int *quoted)
{
	const char *s = *t;
	size_t n = *tl, i;

	*quoted = 0;
	if (!memchr(s, '"', n))
		return 0;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"' || memchr(s + 1, '"', n - 2)) {
		problem(lx, path, no, "quotes must enclose the whole term (\"term\"), with "
			"none inside: '%.*s'", (int)n, s);
		return -1;
	}
	for (i = 1; i + 1 < n && s[i] == ' '; i++)
		;
	if (i + 1 == n) {
		problem(lx, path, no, "empty quoted term: '%.*s'", (int)n, s);
		return -1;
	}
	if (memchr(s + 1, '*', n - 2)) {
		problem(lx, path, no, "'*' in a quoted term: a quoted term matches its own forms "
			"only, a wildcard every form it starts: '%.*s'", (int)n, s);
		return -1;
	}
	*t = s + 1;
	*tl = n - 2;
	*quoted = 1;
	return 0;
}

/* Turns a term as written into normalised words. Returns 0, or -1 after reporting. */
static int term_words(cxs_lexicon *lx, struct cxs_lexlang *ll, const char *path, long no,
		      const char *t, size_t tl, struct term_words *tw)
{
	const char *p, *end, *written = t;
	size_t writtenl = tl;
	int quoted;

	tw->n = 0;
	if (!tl) {
		problem(lx, path, no, "empty term");
		return -1;
	}
	if (unquote(lx, path, no, &t, &tl, &quoted) < 0)
		return -1;
	/* a researcher who quotes a term means "this form only"; where there are no stems
	 * every term already is, and silence would let them believe the quotes did more */
	if (quoted && !ll->stem)
		warn(lx, path, no, "quotes change nothing in %s terms, which match their own "
		     "forms only already: '%.*s'", ll->code, (int)writtenl, written);
	p = t;
	end = t + tl;
	if (ll->by_chars && memchr(t, '*', tl)) {
		problem(lx, path, no, "'*' wildcards are not supported in %s terms: '%.*s'",
			ll->code, (int)tl, t);
		return -1;
	}
	while (p < end) {
		const char *w = p, *star;
		size_t wl;
		int prefix = 0, got;

		while (w < end && *w == ' ')
			w++;
		for (p = w; p < end && *p != ' '; p++)
			;
		wl = (size_t)(p - w);
		if (!wl)
			continue;
		star = memchr(w, '*', wl);
		if (star && star != w + wl - 1) {
			problem(lx, path, no, "'*' is allowed only at the end of a word: '%.*s'",
				(int)tl, t);
			return -1;
		}
		if (star) {
			prefix = 1;
			wl--;
		}
		got = wl ? part_words(lx, ll, path, no, w, wl, prefix, quoted, tw) : 0;
		if (got < 0)
			return -1;
		if (prefix && (!got || !tw->w[tw->n - 1].prefix)) {
			problem(lx, path, no, "'*' must follow a word: '%.*s'", (int)tl, t);
			return -1;
		}
	}
	if (!tw->n) {
		problem(lx, path, no, "term '%.*s' has no word to match", (int)writtenl,
			written);
		return -1;
	}
	if (ll->by_chars && tw->n > 1) {
		/* Chinese is matched over characters: one word, spaces and punctuation gone */
		size_t i, len = 0;
		char *s;

		for (i = 0; i < tw->n; i++)
			len += tw->w[i].len;
		s = pool_alloc(lx, len + 1);
		if (!s)
			return -1;
		for (len = 0, i = 0; i < tw->n; i++) {
			memcpy(s + len, tw->w[i].s, tw->w[i].len);
			len += tw->w[i].len;
		}
		s[len] = '\0';
		tw->w[0].s = s;
		tw->w[0].len = len;
		tw->w[0].h = cxs_lexhash_add(CXS_LEXHASH_INIT, s, len);
		tw->n = 1;
	}
	return 0;
}

/* Finds or creates the entry of `tw`. Returns its index, or -1 without memory. */
static long entry_for(cxs_lexicon *lx, struct cxs_lexlang *ll, const struct term_words *tw)
{
	struct slot *sl;
	struct cxs_lex_word *words;
	char *key;
	size_t i, was;
	int isnew;

	cxs_buf_reset(&lx->key);
	for (i = 0; i < tw->n; i++) {
		const struct cxs_lex_word *w = &tw->w[i];
		/* a quoted word by its form: its stem follows from it */
		int kind = w->form ? '"' : w->prefix ? '*' : '=';

		if (cxs_buf_addch(&lx->key, (char)kind) < 0 ||
		    cxs_buf_add(&lx->key, w->form ? w->form : w->s,
				w->form ? w->formlen : w->len) < 0 ||
		    cxs_buf_addch(&lx->key, '\x1f') < 0) {
			lx->oom = 1;
			return -1;
		}
	}
	sl = table_find(&ll->keys, lx->key.p, lx->key.len,
			cxs_lexhash_add(CXS_LEXHASH_INIT, lx->key.p, lx->key.len));
	if (sl)
		return sl->start;
	key = pool_strndup(lx, lx->key.p, lx->key.len);
	words = pool_alloc(lx, tw->n * sizeof(*words));
	was = ll->capentries;
	if (!key || !words ||
	    cxs_array_grow(&ll->entries, &ll->capentries, ll->nentries + 1, sizeof(*ll->entries)) < 0 ||
	    grow_beside(&ll->info, was, ll->capentries, sizeof(*ll->info)) < 0) {
		lx->oom = 1;
		return -1;
	}
	sl = table_put(&ll->keys, key, lx->key.len, &isnew);
	if (!sl) {
		lx->oom = 1;
		return -1;
	}
	memcpy(words, tw->w, tw->n * sizeof(*words));
	memset(&ll->entries[ll->nentries], 0, sizeof(ll->entries[0]));
	memset(&ll->info[ll->nentries], 0, sizeof(ll->info[0]));
	ll->entries[ll->nentries].words = words;
	ll->entries[ll->nentries].nwords = tw->n;
	sl->start = (uint32_t)ll->nentries;
	return (long)ll->nentries++;
}

/* How two spellings that meet in entry `e` are described in warnings: quoted terms
 * meet by their forms (all words of a term are quoted or none are). */
static const char *meets(const struct cxs_lexlang *ll, const struct cxs_lex_entry *e)
{
	return ll->stem && !e->words[0].form ? "stems like" : "normalises like";
}

static int same_text(const char *a, const char *t, size_t tl)
{
	return strlen(a) == tl && memcmp(a, t, tl) == 0;
}

/* Gives entry `ei` the role `role` as written on line `no`, with `value` (a valence or
 * multiplier, `what` naming it; NULL for roles without a value). Returns 1 when the role
 * is new (the caller sets its value), 0 when an earlier line with another spelling
 * already gave it (waiter, waiters: the first wins), -1 for the same spelling again.
 * Either of the last two is warned about when the lines disagree, or repeat. */
static int claim_role(cxs_lexicon *lx, struct cxs_lexlang *ll, long ei, int role,
		      const char *path, long no, const char *t, size_t tl, const char *what,
		      double value)
{
	struct entry_info *inf = &ll->info[ei];

	if (ll->entries[ei].roles & (1u << role)) {
		const struct cxs_lex_entry *e = &ll->entries[ei];
		double first = role == CXS_ROLE_POLARITY ? e->valence : e->multiplier;
		int same = same_text(inf->written[role], t, tl), differ = what && first != value;

		if (same && !differ)
			warn(lx, path, no, "duplicate of line %ld", inf->line[role]);
		else if (same)
			warn(lx, path, no, "'%.*s' repeats line %ld but has %s %g, not %g; the "
			     "first line wins", (int)tl, t, inf->line[role], what, value, first);
		else if (differ)
			warn(lx, path, no, "'%.*s' %s '%s' (line %ld) but has %s %g, not %g; the "
			     "first line wins", (int)tl, t, meets(ll, e), inf->written[role],
			     inf->line[role], what, value, first);
		return same ? -1 : 0;
	}
	inf->written[role] = pool_strndup(lx, t, tl);
	if (!inf->written[role])
		return 0;
	inf->line[role] = no;
	ll->entries[ei].roles |= 1u << role;
	return 1;
}

struct file_ctx {
	struct cxs_lexlang *ll;
	int role;
};

/* A negator that is also a polarity word is always inside a match of that word, and the
 * scorer reads it as part of the word (not bad, 不错): it can never negate anything. An
 * intensifier that is also one acts only right before another polarity word (the
 * scorer's degree words: "incredibly rude") and judges everywhere else, which its author
 * may not expect either. (.sent is read before .neg and .int.) */
static void check_swallowed(cxs_lexicon *lx, const struct cxs_lexlang *ll, long ei,
			    int role, const char *path, long no, const char *t, size_t tl)
{
	const struct entry_info *inf = &ll->info[ei];

	if (!(ll->entries[ei].roles & (1u << CXS_ROLE_POLARITY)))
		return;
	if (role == CXS_ROLE_NEGATOR)
		warn(lx, path, no, "'%.*s' never negates: the polarity word '%s' (%s.sent line "
		     "%ld) takes it whole", (int)tl, t, inf->written[CXS_ROLE_POLARITY], ll->code,
		     inf->line[CXS_ROLE_POLARITY]);
	else
		warn(lx, path, no, "'%.*s' is the polarity word '%s' too (%s.sent line %ld): it "
		     "scales only a polarity word right after it and judges everywhere else",
		     (int)tl, t, inf->written[CXS_ROLE_POLARITY], ll->code,
		     inf->line[CXS_ROLE_POLARITY]);
}

static void lex_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct file_ctx *fc = ctx;
	struct cxs_lexlang *ll = fc->ll;
	struct term_words tw;
	struct entry_info *inf;
	const char *d = l->f[1], *colon;
	size_t dl = l->fl[1], i, was;
	double weight = 1.0;
	long dim = -1, ei;

	if (l->nf < 2) {
		problem(lx, path, l->no, "missing TAB between term and dimension");
		return;
	}
	if (l->nf > 2) {
		problem(lx, path, l->no, "too many fields: expected 'term<TAB>dimension[:weight]'");
		return;
	}
	colon = memchr(d, ':', dl);
	if (colon) {
		const char *w = colon + 1;
		size_t wl = (size_t)(d + dl - w);

		dl = (size_t)(colon - d);
		while (dl && d[dl - 1] == ' ')
			dl--;
		while (wl && *w == ' ') {
			w++;
			wl--;
		}
		if (parse_number(w, wl, &weight) < 0) {
			problem(lx, path, l->no, "bad weight '%.*s' (a number > 0)", (int)wl, w);
			return;
		}
		if (!(weight > 0)) {
			problem(lx, path, l->no, "weight must be > 0, not '%.*s'", (int)wl, w);
			return;
		}
	}
	if (!dl) {
		problem(lx, path, l->no, "empty dimension");
		return;
	}
	dim = find_dim(lx, d, dl);
	if (dim < 0) {
		/* without a dimensions.tsv every line would say so: that file's problem is
		 * already reported */
		if (lx->dims_read)
			problem(lx, path, l->no, "unknown dimension '%.*s'", (int)dl, d);
		return;
	}
	if (term_words(lx, ll, path, l->no, l->f[0], l->fl[0], &tw) < 0)
		return;
	if ((ei = entry_for(lx, ll, &tw)) < 0)
		return;
	inf = &ll->info[ei];
	for (i = 0; i < inf->nasp; i++) {
		const struct cxs_lex_aspect *a = &inf->asp[i];
		int same = same_text(a->term, l->f[0], l->fl[0]);

		if (a->dim != (size_t)dim)
			continue;
		if (same && a->weight == weight)
			warn(lx, path, l->no, "duplicate of line %ld", inf->asp_line[i]);
		else if (same)
			warn(lx, path, l->no, "'%.*s' repeats line %ld but has weight %g, not %g; "
			     "the first line wins", (int)l->fl[0], l->f[0], inf->asp_line[i],
			     weight, a->weight);
		else if (a->weight != weight)
			warn(lx, path, l->no, "'%.*s' %s '%s' (line %ld) but has weight %g, not "
			     "%g; the first line wins", (int)l->fl[0], l->f[0], meets(ll, &ll->entries[ei]), a->term,
			     inf->asp_line[i], weight, a->weight);
		if (!same)
			ll->counts.terms++;   /* another spelling of a term: the first one stays */
		return;
	}
	/* a term may be a cue of several dimensions, each on a line of its own with the same
	 * spelling; another spelling with another dimension is more likely a slip */
	for (i = 0; i < inf->nasp; i++) {
		if (same_text(inf->asp[i].term, l->f[0], l->fl[0]))
			break;
	}
	if (inf->nasp && i == inf->nasp)
		warn(lx, path, l->no, "'%.*s' %s '%s' (line %ld) but has dimension '%s', not "
		     "'%s'; the term counts for both", (int)l->fl[0], l->f[0], meets(ll, &ll->entries[ei]),
		     inf->asp[0].term, inf->asp_line[0], lx->dims[dim].id,
		     lx->dims[inf->asp[0].dim].id);
	was = inf->capasp;
	if (cxs_array_grow(&inf->asp, &inf->capasp, inf->nasp + 1, sizeof(*inf->asp)) < 0 ||
	    grow_beside(&inf->asp_line, was, inf->capasp, sizeof(*inf->asp_line)) < 0) {
		lx->oom = 1;
		return;
	}
	inf->asp[inf->nasp].dim = (size_t)dim;
	inf->asp[inf->nasp].weight = weight;
	inf->asp[inf->nasp].term = pool_strndup(lx, l->f[0], l->fl[0]);
	inf->asp[inf->nasp].needs_opinion = 0;   /* set by load_lang, from pack.conf */
	inf->asp_line[inf->nasp++] = l->no;
	ll->entries[ei].roles |= 1u << CXS_ROLE_ASPECT;
	ll->counts.terms++;
}

/* The shared part of .sent and .int lines, "term<TAB>number": checks the fields, parses
 * the number into `*v` and lets `in_range` judge it (reporting its own problem), then
 * finds the term's entry. Returns the entry index, or -1 after reporting a problem. */
static long number_line(cxs_lexicon *lx, struct file_ctx *fc, const char *path,
			const struct line *l, const char *what, const char *hint,
			int (*in_range)(cxs_lexicon *, const char *, const struct line *, double),
			double *v)
{
	struct term_words tw;

	if (l->nf < 2) {
		problem(lx, path, l->no, "missing TAB between term and %s", what);
		return -1;
	}
	if (l->nf > 2) {
		problem(lx, path, l->no, "too many fields: expected 'term<TAB>%s'", what);
		return -1;
	}
	if (parse_number(l->f[1], l->fl[1], v) < 0) {
		problem(lx, path, l->no, "bad %s '%.*s' (%s)", what, (int)l->fl[1], l->f[1], hint);
		return -1;
	}
	if (!in_range(lx, path, l, *v))
		return -1;
	if (term_words(lx, fc->ll, path, l->no, l->f[0], l->fl[0], &tw) < 0)
		return -1;
	return entry_for(lx, fc->ll, &tw);
}

static int valence_in_range(cxs_lexicon *lx, const char *path, const struct line *l, double v)
{
	if (v >= -4 && v <= 4)
		return 1;
	problem(lx, path, l->no, "valence out of range -4 to 4: '%.*s'", (int)l->fl[1], l->f[1]);
	return 0;
}

static int multiplier_in_range(cxs_lexicon *lx, const char *path, const struct line *l, double m)
{
	if (m > 0)
		return 1;
	problem(lx, path, l->no, "multiplier must be > 0, not '%.*s'", (int)l->fl[1], l->f[1]);
	return 0;
}

/* Whether the third field of a .sent line is the word `initial`. */
static int initial_field(const struct line *l)
{
	return l->nf == 3 && l->fl[2] == 7 && !memcmp(l->f[2], "initial", 7);
}

#define SENT_FORMAT "'term<TAB>valence', 'term<TAB>valence<TAB>initial' or " \
	"'term<TAB>valence<TAB>for:DIMENSION'"

/* The dimension of a third field `for:DIMENSION` of a .sent line, as 1 + its index; 0
 * when the field is something else, -1 (reported) when the dimension is unknown. A
 * dictionary imported on the fly takes the base pack's polarity words, whose dimensions
 * are not its categories: there a word for a dimension it lacks judges nothing, -2. */
static long for_field(cxs_lexicon *lx, const char *path, const struct line *l)
{
	long dim;

	if (l->nf != 3 || l->fl[2] < 4 || memcmp(l->f[2], "for:", 4) != 0)
		return 0;
	dim = find_dim(lx, l->f[2] + 4, l->fl[2] - 4);
	if (dim < 0 && lx->imp)
		return -2;
	if (dim < 0) {
		problem(lx, path, l->no, "unknown dimension '%.*s'", (int)l->fl[2] - 4,
			l->f[2] + 4);
		return -1;
	}
	return dim + 1;
}

/* "term<TAB>valence", "term<TAB>valence<TAB>initial" for a word that is one only when it
 * opens its sentence (the imperative "try the"), or "term<TAB>valence<TAB>for:DIMENSION"
 * for a word that judges that dimension only ("high" prices, not "high" ceilings). */
static void sent_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct file_ctx *fc = ctx;
	struct line two = *l;
	double v;
	long ei, only = for_field(lx, path, l);
	int rc, initial = initial_field(l);

	if (only < 0)
		return;
	if (initial || only)
		two.nf = 2;
	else if (l->nf > 2) {
		problem(lx, path, l->no, "too many fields: expected " SENT_FORMAT);
		return;
	}
	ei = number_line(lx, fc, path, &two, "valence", "a number from -4 to 4",
			 valence_in_range, &v);
	if (ei < 0)
		return;
	rc = claim_role(lx, fc->ll, ei, CXS_ROLE_POLARITY, path, l->no, l->f[0], l->fl[0],
			"valence", v);
	if (rc > 0) {
		fc->ll->entries[ei].valence = v;
		fc->ll->entries[ei].initial = initial;
		fc->ll->entries[ei].only_dim = (size_t)only;
	}
	if (rc >= 0)
		fc->ll->counts.polarity++;
}

static void int_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct file_ctx *fc = ctx;
	double m;
	long ei = number_line(lx, fc, path, l, "multiplier", "a number > 0",
			      multiplier_in_range, &m);
	int rc;

	if (ei < 0)
		return;
	rc = claim_role(lx, fc->ll, ei, CXS_ROLE_INTENSIFIER, path, l->no, l->f[0], l->fl[0],
			"multiplier", m);
	if (rc > 0) {
		fc->ll->entries[ei].multiplier = m;
		check_swallowed(lx, fc->ll, ei, CXS_ROLE_INTENSIFIER, path, l->no, l->f[0],
				l->fl[0]);
	}
	if (rc >= 0)
		fc->ll->counts.intensifiers++;
}

/* Whether the optional second field of a .neg line is the word `after`. */
static int neg_after_field(const struct line *l)
{
	return l->nf == 2 && l->fl[1] == 5 && !memcmp(l->f[1], "after", 5);
}

/* .neg and .contrast: one term per line; a negator may add `<TAB>after`. */
static void word_line(cxs_lexicon *lx, void *ctx, const char *path, const struct line *l)
{
	struct file_ctx *fc = ctx;
	struct term_words tw;
	long ei;
	int rc;

	if (l->nf > 1 && !(fc->role == CXS_ROLE_NEGATOR && neg_after_field(l))) {
		problem(lx, path, l->no, "unexpected TAB: one %s per line",
			fc->role == CXS_ROLE_NEGATOR ? "negator (or 'negator<TAB>after')" :
			"contrast word");
		return;
	}
	if (term_words(lx, fc->ll, path, l->no, l->f[0], l->fl[0], &tw) < 0)
		return;
	if ((ei = entry_for(lx, fc->ll, &tw)) < 0)
		return;
	rc = claim_role(lx, fc->ll, ei, fc->role, path, l->no, l->f[0], l->fl[0], NULL, 0);
	if (rc < 0)
		return;
	if (rc > 0 && fc->role == CXS_ROLE_NEGATOR) {
		fc->ll->entries[ei].neg_after = neg_after_field(l);
		check_swallowed(lx, fc->ll, ei, fc->role, path, l->no, l->f[0], l->fl[0]);
	}
	if (fc->role == CXS_ROLE_NEGATOR)
		fc->ll->counts.negators++;
	else
		fc->ll->counts.contrast++;
}

static void builtin_contrasts(cxs_lexicon *lx, struct cxs_lexlang *ll)
{
	struct file_ctx fc = { ll, CXS_ROLE_CONTRAST };
	size_t i, j;

	for (i = 0; i < sizeof(builtin_contrast) / sizeof(builtin_contrast[0]); i++) {
		if (strcmp(builtin_contrast[i][0], ll->code))
			continue;
		for (j = 1; j < 6 && builtin_contrast[i][j]; j++) {
			struct line l;

			memset(&l, 0, sizeof(l));
			l.no = (long)j;
			l.nf = 1;
			l.f[0] = builtin_contrast[i][j];
			l.fl[0] = strlen(l.f[0]);
			word_line(lx, &fc, "(built-in contrast words)", &l);
		}
	}
}

/* ---------------------------------------------------------------- indexes */

struct idx_item {
	const char *key;
	size_t len, nwords, nforms;
	uint32_t entry;
};

static int idx_cmp(const void *a, const void *b)
{
	const struct idx_item *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->nwords != y->nwords)
		return x->nwords > y->nwords ? -1 : 1;   /* longest first */
	/* then the more specific: "special" before special, as servic* before serv* */
	if (x->nforms != y->nforms)
		return x->nforms > y->nforms ? -1 : 1;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

#define PFILTER_BITS 16
#define PFILTER_MASK ((1u << PFILTER_BITS) - 1)

/* The prefix filter: the head is the shortest prefix length, at most 3 bytes (more
 * would not tell common words apart much better and the table stays 8 KB). */
static int prefix_filter(struct cxs_lexlang *ll)
{
	size_t i;

	if (!ll->nplens)
		return 0;
	ll->phead = ll->plens[0] < 3 ? ll->plens[0] : 3;
	ll->pfilter = calloc((1u << PFILTER_BITS) / 64, sizeof(*ll->pfilter));
	if (!ll->pfilter)
		return -1;
	for (i = 0; i < ll->nentries; i++) {
		const struct cxs_lex_word *w = &ll->entries[i].words[0];
		uint32_t h;

		if (!w->prefix)
			continue;
		h = cxs_lexhash_add(CXS_LEXHASH_INIT, w->s, ll->phead) & PFILTER_MASK;
		ll->pfilter[h / 64] |= (uint64_t)1 << (h % 64);
	}
	return 0;
}

_Static_assert(CXS_ROLE_COUNT <= 8, "roles fit in cxs_lex_cand.roles");
_Static_assert(sizeof(((struct term_words *)0)->w) / sizeof(struct cxs_lex_word) <= UINT8_MAX,
	       "a term's words fit in cxs_lex_cand.nwords");

/* The candidates aligned with the `n` entries of ll->idx. */
static int index_cands(struct cxs_lexlang *ll, size_t n)
{
	size_t i;

	ll->cand = malloc((n + 1) * sizeof(*ll->cand));
	if (!ll->cand)
		return -1;
	for (i = 0; i < n; i++) {
		const struct cxs_lex_entry *e = &ll->entries[ll->idx[i]];
		struct cxs_lex_cand *c = &ll->cand[i];

		c->entry = ll->idx[i];
		c->nwords = (uint8_t)e->nwords;
		c->roles = (uint8_t)e->roles;
		/* a quoted second word has its stem too, so its hash still rules it out */
		c->second_stem = e->nwords > 1 && !e->words[1].prefix;
		c->h2 = c->second_stem ? e->words[1].h : 0;
		c->first_form = e->words[0].form != NULL;
	}
	return 0;
}

/* How many of the entry's words are quoted. */
static size_t nforms(const struct cxs_lex_entry *e)
{
	size_t i, n = 0;

	for (i = 0; i < e->nwords; i++)
		n += e->words[i].form != NULL;
	return n;
}

/* Builds the first-word tables of a word-matched language. */
static int index_words(struct cxs_lexlang *ll)
{
	struct idx_item *items = malloc((ll->nentries + 1) * sizeof(*items));
	size_t i, n = 0, k;

	ll->idx = malloc((ll->nentries + 1) * sizeof(*ll->idx));
	ll->plens = malloc((ll->nentries + 1) * sizeof(*ll->plens));
	if (!items || !ll->idx || !ll->plens) {
		free(items);
		return -1;
	}
	/* exact first words first, then prefix first words, each sorted by key */
	for (k = 0; k < 2; k++) {
		size_t base = n;
		struct table *t = k ? &ll->first_prefix : &ll->first;

		for (i = 0; i < ll->nentries; i++) {
			const struct cxs_lex_word *w = &ll->entries[i].words[0];
			if (w->prefix != (int)k)
				continue;
			items[n].key = w->s;
			items[n].len = w->len;
			items[n].nwords = ll->entries[i].nwords;
			items[n].nforms = nforms(&ll->entries[i]);
			items[n].entry = (uint32_t)i;
			n++;
		}
		qsort(items + base, n - base, sizeof(*items), idx_cmp);
		for (i = base; i < n; i++) {
			int isnew;
			struct slot *s;

			ll->idx[i] = items[i].entry;
			s = table_put(t, items[i].key, items[i].len, &isnew);
			if (!s) {
				free(items);
				return -1;
			}
			if (isnew) {
				s->start = (uint32_t)i;
				if (k)
					ll->plens[ll->nplens++] = items[i].len;
			}
			s->count++;
		}
	}
	free(items);
	if (index_cands(ll, n) < 0)
		return -1;
	qsort(ll->plens, ll->nplens, sizeof(*ll->plens), size_cmp);
	for (i = k = 0; i < ll->nplens; i++)
		if (!k || ll->plens[k - 1] != ll->plens[i])
			ll->plens[k++] = ll->plens[i];
	ll->nplens = k;
	return prefix_filter(ll);
}

/* Builds the character table of zh: every prefix of every term at a character boundary,
 * so that matching can stop extending as soon as no term starts with what it has. */
static int index_chars(struct cxs_lexlang *ll)
{
	size_t i;

	for (i = 0; i < ll->nentries; i++) {
		const struct cxs_lex_word *w = &ll->entries[i].words[0];
		size_t off = 0, nchars = 0;

		while (off < w->len) {
			size_t cl;
			struct slot *s;
			int isnew;

			cxs_utf8_decode(w->s + off, w->len - off, &cl);
			off += cl;
			nchars++;
			s = table_put(&ll->chars, w->s, off, &isnew);
			if (!s)
				return -1;
			if (off == w->len)
				s->start = (uint32_t)i;
		}
		if (nchars > ll->max_chars)
			ll->max_chars = nchars;
	}
	return 0;
}

/* ---------------------------------------------------------------- languages */

/* ---------------------------------------------------------------- imported dictionaries */

/* A category of an imported dictionary: a dimension, or (valence != 0) a polarity class
 * (LIWC's posemo and negemo, or categories called positive and negative). */
struct imp_cat {
	const char *num, *name, *label;   /* num: the LIWC number; NULL in a category TSV */
	size_t numlen, namelen, labellen;
	long line;
	int valence;
};

struct imp_term {
	const char *s;
	size_t n;
	long line;
	size_t first, count;                /* its categories: imp->tcats[first..] */
};

struct import {
	const char *path;
	int dic;                            /* LIWC .dic, else a category TSV */
	struct imp_cat *cats;
	size_t ncats, capcats;
	struct imp_term *terms;
	size_t nterms, capterms;
	size_t *tcats;
	size_t ntcats, captcats;
};

static int ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The next field of `*s` (`*n` bytes) up to a TAB, or, when `any_space`, up to any
 * white space; NULL when none is left. */
static const char *next_field(const char **s, size_t *n, int any_space, size_t *len)
{
	const char *f, *e = *s + *n, *p = *s;

	while (p < e && (ws(*p) && (any_space || *p == '\t' || *p == ' ')))
		p++;
	if (p == e) {
		*s = p;
		*n = 0;
		return NULL;
	}
	f = p;
	while (p < e && !(any_space ? ws(*p) : *p == '\t'))
		p++;
	*len = (size_t)(p - f);
	while (*len && ws(f[*len - 1]))
		(*len)--;
	*n = (size_t)(e - p);
	*s = p;
	return f;
}

static int name_is(const char *s, size_t n, const char *const *names)
{
	size_t i;

	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == n && !strncasecmp(s, names[i], n))
			return 1;
	return 0;
}

static int cat_valence(const char *s, size_t n)
{
	static const char *const pos[] = { "posemo", "positive", "pos", NULL };
	static const char *const neg[] = { "negemo", "negative", "neg", NULL };

	return name_is(s, n, pos) ? 2 : name_is(s, n, neg) ? -2 : 0;
}

static long find_cat(const struct import *imp, const char *s, size_t n, int by_num)
{
	size_t i;

	for (i = 0; i < imp->ncats; i++) {
		const char *k = by_num ? imp->cats[i].num : imp->cats[i].name;
		size_t kl = by_num ? imp->cats[i].numlen : imp->cats[i].namelen;
		if (kl == n && !memcmp(k, s, n))
			return (long)i;
	}
	return -1;
}

static long add_cat(cxs_lexicon *lx, struct import *imp, const char *num, size_t numlen,
		    const char *name, size_t namelen, const char *label, size_t labellen,
		    long line)
{
	struct imp_cat *c;

	if (cxs_array_grow(&imp->cats, &imp->capcats, imp->ncats + 1, sizeof(*c)) < 0) {
		lx->oom = 1;
		return -1;
	}
	c = &imp->cats[imp->ncats];
	c->num = num;
	c->numlen = numlen;
	c->name = name;
	c->namelen = namelen;
	c->label = label ? label : name;
	c->labellen = label ? labellen : namelen;
	c->line = line;
	c->valence = cat_valence(name, namelen);
	return (long)imp->ncats++;
}

static struct imp_term *add_term(cxs_lexicon *lx, struct import *imp, const char *s, size_t n,
				 long line)
{
	struct imp_term *t;

	if (cxs_array_grow(&imp->terms, &imp->capterms, imp->nterms + 1, sizeof(*t)) < 0) {
		lx->oom = 1;
		return NULL;
	}
	t = &imp->terms[imp->nterms++];
	t->s = s;
	t->n = n;
	t->line = line;
	t->first = imp->ntcats;
	t->count = 0;
	return t;
}

static void term_cat(cxs_lexicon *lx, struct import *imp, struct imp_term *t, size_t cat)
{
	size_t i;

	for (i = t->first; i < t->first + t->count; i++)
		if (imp->tcats[i] == cat)
			return;   /* "good 1 1": once is enough */
	if (cxs_array_grow(&imp->tcats, &imp->captcats, imp->ntcats + 1, sizeof(size_t)) < 0) {
		lx->oom = 1;
		return;
	}
	imp->tcats[imp->ntcats++] = cat;
	t->count++;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* A LIWC-style dictionary: "%", lines "NUMBER<white>NAME[<white>label]", "%", then
 * lines "TERM<TAB>NUMBER..." (or TERM and numbers separated by spaces when the line
 * has no TAB; a TAB-separated term may hold spaces: a multiword term). */
static void dic_line(cxs_lexicon *lx, struct import *imp, int *part, long no, const char *s,
		     size_t n)
{
	const char *f, *g;
	size_t fl, gl;
	int tabbed = memchr(s, '\t', n) != NULL;

	if (n == 1 && *s == '%') {
		if (*part == 2)
			problem(lx, imp->path, no, "a third '%%': the dictionary has two parts "
				"(categories, then terms)");
		else
			(*part)++;
		return;
	}
	if (*part == 0) {
		problem(lx, imp->path, no, "expected '%%' to open the category list");
		*part = 1;
	}
	if (*part == 1) {
		f = next_field(&s, &n, 1, &fl);
		g = next_field(&s, &n, 1, &gl);
		if (!f || !all_digits(f, fl) || !g) {
			problem(lx, imp->path, no, "expected 'NUMBER<TAB>CATEGORY' in the category "
				"list");
			return;
		}
		while (n && ws(*s)) {
			s++;
			n--;
		}
		if (find_cat(imp, f, fl, 1) >= 0) {
			problem(lx, imp->path, no, "category number %.*s defined twice", (int)fl, f);
			return;
		}
		if (find_cat(imp, g, gl, 0) >= 0) {
			problem(lx, imp->path, no, "category '%.*s' defined twice", (int)gl, g);
			return;
		}
		add_cat(lx, imp, f, fl, g, gl, n ? s : NULL, n, no);
		return;
	}
	f = next_field(&s, &n, !tabbed, &fl);
	if (!f)
		return;
	{
		struct imp_term *t = add_term(lx, imp, f, fl, no);

		if (!t)
			return;
		while ((g = next_field(&s, &n, 1, &gl)) != NULL) {
			long c;

			if (!all_digits(g, gl)) {
				/* LIWC's conditional entries, "(02 134)53" or "<of>131/125" */
				warn(lx, imp->path, no, "'%.*s' is not a category number (LIWC "
				     "conditional categories are not supported): left out", (int)gl, g);
				if (*g == '(' && !memchr(g, ')', gl)) {
					/* "(02 134)53": the rest of the group is part of it */
					while ((g = next_field(&s, &n, 1, &gl)) != NULL &&
					       !memchr(g, ')', gl))
						;
				}
				continue;
			}
			c = find_cat(imp, g, gl, 1);
			if (c < 0)
				problem(lx, imp->path, no, "unknown category number %.*s", (int)gl, g);
			else
				term_cat(lx, imp, t, (size_t)c);
		}
		if (!t->count && !lx->oom)
			warn(lx, imp->path, no, "term '%.*s' has no category: left out", (int)fl, f);
	}
}

/* A category TSV: "CATEGORY<TAB>TERM<TAB>TERM..."; a category may come back on later
 * lines. */
static void tsv_line(cxs_lexicon *lx, struct import *imp, long no, const char *s, size_t n)
{
	const char *f, *g;
	size_t fl, gl;
	long c;

	f = next_field(&s, &n, 0, &fl);
	if (!f)
		return;
	if (!memchr(s, '\t', n)) {
		problem(lx, imp->path, no, "expected 'CATEGORY<TAB>TERM[<TAB>TERM...]'");
		return;
	}
	c = find_cat(imp, f, fl, 0);
	if (c < 0 && (c = add_cat(lx, imp, NULL, 0, f, fl, NULL, 0, no)) < 0)
		return;
	while ((g = next_field(&s, &n, 0, &gl)) != NULL) {
		struct imp_term *t;

		if (!gl)
			continue;
		t = add_term(lx, imp, g, gl, no);
		if (t)
			term_cat(lx, imp, t, (size_t)c);
	}
}

static void parse_import(cxs_lexicon *lx, struct import *imp, const struct read_file *rf)
{
	const char *p = rf->data, *end = rf->data + rf->len;
	long no = 0;
	int part = 0;

	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && !lx->oom) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p;
		size_t n = (size_t)((nl ? nl : end) - p);

		p = nl ? nl + 1 : end;
		no++;
		if (cxs_utf8_valid_prefix(s, n) != n) {
			problem(lx, imp->path, no, "invalid UTF-8");
			continue;
		}
		if (has_bom(s, n)) {
			problem(lx, imp->path, no, BOM_INSIDE);
			continue;
		}
		while (n && ws(*s)) {
			s++;
			n--;
		}
		while (n && ws(s[n - 1]))
			n--;
		if (!n || (*s == '#' && !(imp->dic && part == 0)))
			continue;
		if (imp->dic)
			dic_line(lx, imp, &part, no, s, n);
		else
			tsv_line(lx, imp, no, s, n);
	}
	if (imp->dic && part < 2 && !lx->oom)
		problem(lx, imp->path, 0, "no term list: a LIWC dictionary is '%%', categories, "
			"'%%', terms");
}

/* The categories become the dimensions, as if dimensions.tsv had listed them. */
static void import_dims(cxs_lexicon *lx, struct import *imp)
{
	static const char desc[] = "imported category";
	size_t i;

	lx->dims_read = 1;
	for (i = 0; i < imp->ncats; i++) {
		const struct imp_cat *c = &imp->cats[i];
		struct line l;

		if (c->valence)
			continue;
		memset(&l, 0, sizeof(l));
		l.no = c->line;
		l.nf = 3;
		l.f[0] = c->name;
		l.fl[0] = c->namelen;
		l.f[1] = c->label;
		l.fl[1] = c->labellen;
		l.f[2] = desc;
		l.fl[2] = sizeof(desc) - 1;
		dim_line(lx, NULL, imp->path, &l);
	}
	if (!lx->ndims && !lx->oom)
		problem(lx, imp->path, 0, "no categories that could be dimensions");
}

/* The terms of one language, as if LANG.lex (`polarity` 0) or LANG.sent (`polarity`
 * 1, terms of the polarity classes) had listed them on the dictionary's own line
 * numbers. Polarity terms come after the base pack's LANG.sent, whose valences win
 * without a warning: the researcher did not write that file. */
static void import_terms(cxs_lexicon *lx, struct file_ctx *fc, int polarity)
{
	const struct import *imp = lx->imp;
	size_t i, j;

	lx->quiet_warnings = polarity;
	for (i = 0; i < imp->nterms && !lx->oom; i++) {
		const struct imp_term *t = &imp->terms[i];

		for (j = t->first; j < t->first + t->count; j++) {
			const struct imp_cat *c = &imp->cats[imp->tcats[j]];
			struct line l;

			if (!c->valence != !polarity)
				continue;
			memset(&l, 0, sizeof(l));
			l.no = t->line;
			l.nf = 2;
			l.f[0] = t->s;
			l.fl[0] = t->n;
			if (c->valence) {
				l.f[1] = c->valence > 0 ? "2" : "-2";
				l.fl[1] = strlen(l.f[1]);
				sent_line(lx, fc, imp->path, &l);
			} else {
				l.f[1] = c->name;
				l.fl[1] = c->namelen;
				lex_line(lx, fc, imp->path, &l);
			}
		}
	}
	lx->quiet_warnings = 0;
}

/* Points every entry at its aspects, copied into one array in entry order: the scorer
 * reads them for each aspect hit, and one allocation per entry scattered them over
 * the heap (a cache miss per hit). Returns -1 when memory runs out. */
static int pack_aspects(struct cxs_lexlang *ll)
{
	size_t i, n = 0;

	for (i = 0; i < ll->nentries; i++)
		n += ll->info[i].nasp;
	if (!(ll->aspects = malloc((n + 1) * sizeof(*ll->aspects))))
		return -1;
	for (i = n = 0; i < ll->nentries; i++) {
		if (ll->info[i].nasp)
			memcpy(ll->aspects + n, ll->info[i].asp,
			       ll->info[i].nasp * sizeof(*ll->aspects));
		ll->entries[i].aspects = ll->aspects + n;
		ll->entries[i].naspects = ll->info[i].nasp;
		n += ll->info[i].nasp;
	}
	return 0;
}

static void load_lang(cxs_lexicon *lx, struct cxs_lexlang *ll)
{
	static const struct {
		const char *ext;
		int role;
		line_fn fn;
	} files[] = {
		{ "lex", CXS_ROLE_ASPECT, lex_line },
		{ "sent", CXS_ROLE_POLARITY, sent_line },
		{ "neg", CXS_ROLE_NEGATOR, word_line },
		{ "int", CXS_ROLE_INTENSIFIER, int_line },
		{ "contrast", CXS_ROLE_CONTRAST, word_line },
	};
	cxs_err err = { CXS_E_NONE, "" };
	const char *conf = pack_path(lx, "pack.conf");
	size_t i;

	ll->seg = cxs_segmenter_new(ll->code, &err);
	if (!ll->seg) {
		problem(lx, conf, lx->langs_line, "no word segmenter for language '%s': %s",
			ll->code, err.msg);
		return;
	}
	if (cxs_stemmer_has(ll->code) && !ll->by_chars) {
		ll->stem = cxs_stemmer_new(ll->code, &err);
		if (!ll->stem) {
			problem(lx, conf, lx->langs_line, "%s", err.msg);
			return;
		}
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char name[32];
		struct file_ctx fc = { ll, files[i].role };
		const char *path;
		int missing, fi;

		if (lx->imp && files[i].role == CXS_ROLE_ASPECT) {
			import_terms(lx, &fc, 0);
			continue;
		}
		snprintf(name, sizeof(name), "%s.%s", ll->code, files[i].ext);
		path = pack_path(lx, name);
		fi = read_pack_file(lx, name, path, &missing);
		if (fi >= 0)
			each_line(lx, &lx->files[fi], path, files[i].fn, &fc);
		if (lx->imp && files[i].role == CXS_ROLE_POLARITY)
			import_terms(lx, &fc, 1);
		if (fi < 0) {
			if (missing && files[i].role == CXS_ROLE_ASPECT)
				problem(lx, conf, lx->langs_line, "no '%s' for language '%s'", name,
					ll->code);
			if (missing && files[i].role == CXS_ROLE_CONTRAST)
				builtin_contrasts(lx, ll);
		}
	}
	for (i = 0; ll->needs_opinion && i < ll->nentries; i++) {
		size_t k;

		for (k = 0; k < ll->info[i].nasp; k++)
			ll->info[i].asp[k].needs_opinion = ll->needs_opinion[ll->info[i].asp[k].dim];
	}
	for (i = 0; ll->nearest_hit && i < ll->nentries; i++)
		ll->entries[i].nearest_hit = 1;
	if (pack_aspects(ll) < 0)
		lx->oom = 1;
	if ((ll->by_chars ? index_chars(ll) : index_words(ll)) < 0 ||
	    table_pack_keys(&ll->first) < 0 || table_pack_keys(&ll->first_prefix) < 0 ||
	    table_pack_keys(&ll->chars) < 0)
		lx->oom = 1;
	cxs_segmenter_free(ll->seg);
	ll->seg = NULL;
	cxs_stemmer_free(ll->stem);
	ll->stem = NULL;
}

/* ---------------------------------------------------------------- the pack */

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct read_file *)a)->name, ((const struct read_file *)b)->name);
}

static void pack_hash(cxs_lexicon *lx)
{
	cxs_sha256 h;
	size_t i;

	if (lx->nfiles)
		qsort(lx->files, lx->nfiles, sizeof(*lx->files), file_cmp);
	cxs_sha256_init(&h);
	for (i = 0; i < lx->nfiles; i++) {
		char size[32];
		int n = snprintf(size, sizeof(size), "%zu", lx->files[i].len);

		cxs_sha256_update(&h, lx->files[i].name, strlen(lx->files[i].name) + 1);
		cxs_sha256_update(&h, size, (size_t)n + 1);
		cxs_sha256_update(&h, lx->files[i].data, lx->files[i].len);
	}
	cxs_sha256_hex(&h, lx->hash);
}

struct pkey {
	size_t group, seq;
	long line;
};

static int pkey_cmp(const void *a, const void *b)
{
	const struct pkey *x = a, *y = b;
	long lx_ = x->line ? x->line : LONG_MAX, ly = y->line ? y->line : LONG_MAX;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (lx_ != ly)
		return lx_ < ly ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Orders the problems as a reader meets them: per file (in the order files were read),
 * by line, problems with a whole file last. Problems found in a later pass over a file
 * (a parent checked once all ids are known) so land on their own line. */
static void sort_problems(cxs_lexicon *lx)
{
	struct pkey *k = malloc((lx->nproblems + 1) * sizeof(*k));
	struct cxs_lex_problem *p = malloc((lx->nproblems + 1) * sizeof(*p));
	size_t i;

	if (!k || !p) {
		free(k);
		free(p);
		lx->oom = 1;
		return;
	}
	for (i = 0; i < lx->nproblems; i++) {
		k[i].group = lx->pgroup[i];
		k[i].seq = i;
		k[i].line = lx->problems[i].line;
	}
	qsort(k, lx->nproblems, sizeof(*k), pkey_cmp);
	for (i = 0; i < lx->nproblems; i++)
		p[i] = lx->problems[k[i].seq];
	free(lx->problems);
	lx->problems = p;
	free(k);
}

static cxs_lexicon *lexicon_new(const char *dir, cxs_err *err)
{
	cxs_lexicon *lx = calloc(1, sizeof(*lx));
	size_t n;

	if (!lx) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	lx->dir = strndup(dir, n);
	if (!lx->dir) {
		free(lx);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	lx->tn = cxs_textnorm_new(err);
	if (!lx->tn) {
		cxs_lexicon_free(lx);
		return NULL;
	}
	return lx;
}

static cxs_lexicon *lexicon_finish(cxs_lexicon *lx, const char *what, cxs_err *err)
{
	size_t i;

	cxs_textnorm_free(lx->tn);
	lx->tn = NULL;
	sort_problems(lx);
	pack_hash(lx);
	for (i = 0; i < lx->nfiles; i++) {
		free(lx->files[i].data);
		lx->files[i].data = NULL;
	}
	if (lx->oom) {
		cxs_lexicon_free(lx);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory loading lexicon '%s'", what);
		return NULL;
	}
	return lx;
}

cxs_lexicon *cxs_lexicon_load(const char *dir, cxs_err *err)
{
	cxs_lexicon *lx = lexicon_new(dir, err);
	size_t i;

	if (!lx)
		return NULL;
	load_conf(lx);
	load_dims(lx);
	load_needs_opinion(lx);
	load_nearest_hit(lx);
	for (i = 0; i < lx->nlangs && !lx->oom; i++)
		load_lang(lx, &lx->langs[i]);
	return lexicon_finish(lx, dir, err);
}

int cxs_lexicon_is_import(const char *path)
{
	static const char *const sfx[] = { ".dic", ".tsv", ".txt" };
	size_t n = strlen(path), i;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		size_t m = strlen(sfx[i]);
		if (n > m && !strcasecmp(path + n - m, sfx[i]))
			return 1;
	}
	return 0;
}

/* Name, version and languages of an imported dictionary: "hotel.en.dic" is "hotel" for
 * English only (when the base pack has English), "hotel.dic" is "hotel" for every
 * language of the base pack; the version is the start of the file's SHA-256. */
static void import_identity(cxs_lexicon *lx, const char *file, const struct read_file *rf)
{
	const char *base = strrchr(file, '/'), *dot, *ldot;
	char hex[CXS_SHA256_HEX];
	size_t n, i;

	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	for (ldot = base + n; ldot > base && ldot[-1] != '.'; ldot--)
		;
	ldot = ldot > base + 1 ? ldot - 1 : NULL;
	if (ldot) {
		size_t ll = n - (size_t)(ldot + 1 - base);
		for (i = 0; i < lx->nlangs; i++) {
			if (strlen(lx->langs[i].code) != ll || memcmp(lx->langs[i].code, ldot + 1, ll))
				continue;
			if (i)
				lx->langs[0] = lx->langs[i];
			lx->nlangs = 1;
			n = (size_t)(ldot - base);
			break;
		}
	}
	lx->name = pool_strndup(lx, base, n);
	cxs_sha256_buf(rf->data, rf->len, hex);
	lx->version = pool_strndup(lx, hex, 12);
}

cxs_lexicon *cxs_lexicon_import(const char *file, const char *base, cxs_err *err)
{
	cxs_lexicon *lx = lexicon_new(base, err);
	struct import imp;
	const char *name;
	int missing = 0, fi;
	size_t i;

	if (!lx)
		return NULL;
	memset(&imp, 0, sizeof(imp));
	imp.path = pool_strndup(lx, file, strlen(file));
	imp.dic = strlen(file) > 4 && !strcasecmp(file + strlen(file) - 4, ".dic");
	lx->imp = &imp;
	load_conf(lx);
	name = strrchr(file, '/');
	name = name ? name + 1 : file;
	fi = imp.path ? read_pack_file(lx, name, imp.path, &missing) : -1;
	if (fi < 0 && missing)
		problem(lx, imp.path ? imp.path : file, 0, "no such file");
	if (fi >= 0) {
		parse_import(lx, &imp, &lx->files[fi]);
		import_dims(lx, &imp);
		import_identity(lx, file, &lx->files[fi]);
		for (i = 0; i < lx->nlangs && !lx->oom; i++)
			load_lang(lx, &lx->langs[i]);
	}
	lx->imp = NULL;
	free(imp.cats);
	free(imp.terms);
	free(imp.tcats);
	return lexicon_finish(lx, file, err);
}

const struct cxs_lex_problem *cxs_lexicon_problems(const cxs_lexicon *lx, size_t *n)
{
	*n = lx->nproblems;
	return lx->problems;
}

size_t cxs_lexicon_nerrors(const cxs_lexicon *lx)
{
	return lx->nerrors;
}

const char *cxs_lexicon_name(const cxs_lexicon *lx)
{
	return lx->name;
}

const char *cxs_lexicon_version(const cxs_lexicon *lx)
{
	return lx->version;
}

const char *cxs_lexicon_hash(const cxs_lexicon *lx)
{
	return lx->hash;
}

size_t cxs_lexicon_ndims(const cxs_lexicon *lx)
{
	return lx->ndims;
}

const struct cxs_lex_dim *cxs_lexicon_dim(const cxs_lexicon *lx, size_t i)
{
	return i < lx->ndims ? &lx->dims[i] : NULL;
}

size_t cxs_lexicon_nlangs(const cxs_lexicon *lx)
{
	return lx->nlangs;
}

const cxs_lexlang *cxs_lexicon_lang_at(const cxs_lexicon *lx, size_t i)
{
	return i < lx->nlangs ? &lx->langs[i] : NULL;
}

const cxs_lexlang *cxs_lexicon_lang(const cxs_lexicon *lx, const char *code)
{
	size_t i;

	for (i = 0; code && i < lx->nlangs; i++)
		if (strcmp(lx->langs[i].code, code) == 0)
			return &lx->langs[i];
	return NULL;
}

static void lang_release(struct cxs_lexlang *ll)
{
	size_t i;

	for (i = 0; i < ll->nentries; i++) {
		free(ll->info[i].asp);
		free(ll->info[i].asp_line);
	}
	free(ll->entries);
	free(ll->aspects);
	free(ll->info);
	free(ll->keys.s);
	free(ll->keys.tag);
	free(ll->first.s);
	free(ll->first.tag);
	free(ll->first.keys);
	free(ll->first_prefix.s);
	free(ll->first_prefix.tag);
	free(ll->first_prefix.keys);
	free(ll->chars.s);
	free(ll->chars.tag);
	free(ll->chars.keys);
	free(ll->idx);
	free(ll->cand);
	free(ll->plens);
	free(ll->pfilter);
	free(ll->needs_opinion);
	cxs_segmenter_free(ll->seg);
	cxs_stemmer_free(ll->stem);
}

void cxs_lexicon_free(cxs_lexicon *lx)
{
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < lx->nlangs; i++)
		lang_release(&lx->langs[i]);
	free(lx->langs);
	for (i = 0; i < lx->nfiles; i++) {
		free(lx->files[i].name);
		free(lx->files[i].data);
	}
	free(lx->files);
	free(lx->dims);
	free(lx->dim_line);
	free(lx->problems);
	free(lx->pgroup);
	free(lx->groups);
	while (lx->pool) {
		struct pool_chunk *next = lx->pool->next;
		free(lx->pool);
		lx->pool = next;
	}
	cxs_textnorm_free(lx->tn);
	cxs_buf_release(&lx->form);
	cxs_buf_release(&lx->key);
	free(lx->dir);
	free(lx);
}

/* ---------------------------------------------------------------- lookups */

const char *cxs_lexlang_code(const cxs_lexlang *ll)
{
	return ll->code;
}

const struct cxs_lex_counts *cxs_lexlang_counts(const cxs_lexlang *ll)
{
	return &ll->counts;
}

int cxs_lexlang_by_chars(const cxs_lexlang *ll)
{
	return ll->by_chars;
}

const struct cxs_lex_entry *cxs_lexlang_entry(const cxs_lexlang *ll, uint32_t i)
{
	return &ll->entries[i];
}

static const uint32_t *run_of(const cxs_lexlang *ll, const struct table *t, const char *s,
			      size_t len, size_t *n)
{
	const struct slot *sl = table_find(t, s, len, cxs_lexhash_add(CXS_LEXHASH_INIT, s, len));

	*n = sl ? sl->count : 0;
	return sl ? ll->idx + sl->start : NULL;
}

const uint32_t *cxs_lexlang_first(const cxs_lexlang *ll, const char *s, size_t len, size_t *n)
{
	return run_of(ll, &ll->first, s, len, n);
}

static const struct cxs_lex_cand *cands_of(const cxs_lexlang *ll, const struct table *t,
					   const char *s, size_t len, uint32_t h, size_t *n)
{
	const struct slot *sl = table_find(t, s, len, h);

	*n = sl ? sl->count : 0;
	return sl ? ll->cand + sl->start : NULL;
}

const struct cxs_lex_cand *cxs_lexlang_first_cands(const cxs_lexlang *ll, const char *s,
						   size_t len, uint32_t h, size_t *n)
{
	return cands_of(ll, &ll->first, s, len, h, n);
}

const struct cxs_lex_cand *cxs_lexlang_prefix_cands(const cxs_lexlang *ll, const char *s,
						    size_t len, uint32_t h, size_t *n)
{
	return cands_of(ll, &ll->first_prefix, s, len, h, n);
}

const uint32_t *cxs_lexlang_first_prefix(const cxs_lexlang *ll, const char *s, size_t len,
					 size_t *n)
{
	return run_of(ll, &ll->first_prefix, s, len, n);
}

int cxs_lexlang_may_prefix(const cxs_lexlang *ll, const char *s, size_t len)
{
	uint32_t h;

	if (!ll->nplens || len < ll->plens[0])
		return 0;
	h = cxs_lexhash_add(CXS_LEXHASH_INIT, s, ll->phead) & PFILTER_MASK;
	return (ll->pfilter[h / 64] >> (h % 64)) & 1;
}

const size_t *cxs_lexlang_prefix_lengths(const cxs_lexlang *ll, size_t *n)
{
	*n = ll->nplens;
	return ll->plens;
}

int cxs_lexlang_chars(const cxs_lexlang *ll, const char *s, size_t len, uint32_t h,
		      uint32_t *entry)
{
	const struct slot *sl = table_find(&ll->chars, s, len, h);

	if (!sl)
		return -1;
	if (sl->start == NO_ENTRY)
		return 0;
	*entry = sl->start;
	return 1;
}

size_t cxs_lexlang_max_chars(const cxs_lexlang *ll)
{
	return ll->max_chars;
}

/*
 * fetch_map — column and field mapping of review exports (see fetch_map.h).
 */
#include "fetch_map.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum target {
	T_TEXT, T_ID, T_TITLE, T_URL, T_LANG, T_AUTHOR, T_PUBLISHED,
	T_SINGLES,                 /* the targets above take one value each */
	T_GOLD = T_SINGLES, T_META, T_OPINIONS
};

static const char *const single_names[T_SINGLES] = {
	"text", "id", "title", "url", "lang", "author", "published"
};

struct pair {
	const char *from, *to;
};

struct rule {
	enum target t;
	const char *key;           /* gold.KEY / meta.KEY */
	const char *source;        /* a name, or a pattern for T_OPINIONS */
	struct pair *pairs;
	size_t npairs;
};

struct cxs_map {
	char *spec;                /* a copy, cut into the strings the rules point to */
	struct rule *rules;
	size_t n, cap;
	int single[T_SINGLES];     /* a rule gives this target */
};

int cxs_map_given(const cxs_map *m)
{
	return m->n > 0;
}

void cxs_map_free(cxs_map *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		free(m->rules[i].pairs);
	free(m->rules);
	free(m->spec);
	free(m);
}

static int bad(cxs_err *err, const char *rule, const char *what)
{
	return cxs_err_set(err, CXS_E_CONFIG, "--map: '%s': %s", rule, what);
}

/* Splits "a=b;c=d" (cut in place) into the rule's value table. */
static int parse_table(struct rule *r, char *s, const char *rule, cxs_err *err)
{
	size_t n = 1, i;
	char *p;

	for (p = s; *p; p++)
		n += *p == ';';
	r->pairs = calloc(n, sizeof(*r->pairs));
	if (!r->pairs)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	for (i = 0; s; i++) {
		char *next = strchr(s, ';'), *eq;
		if (next)
			*next++ = '\0';
		eq = strchr(s, '=');
		if (!eq)
			return bad(err, rule, "a value table needs FROM=TO pairs separated by ';'");
		*eq = '\0';
		r->pairs[i].from = s;
		r->pairs[i].to = eq + 1;
		s = next;
	}
	r->npairs = n;
	return 0;
}

static int parse_target(struct rule *r, const char *t)
{
	size_t i;

	for (i = 0; i < T_SINGLES; i++)
		if (!strcmp(t, single_names[i])) {
			r->t = (enum target)i;
			return 0;
		}
	if (!strcmp(t, "gold.opinions")) {
		r->t = T_OPINIONS;
		return 0;
	}
	if (!strncmp(t, "gold.", 5) && t[5]) {
		r->t = T_GOLD;
		r->key = t + 5;
		return 0;
	}
	if (!strncmp(t, "meta.", 5) && t[5]) {
		r->t = T_META;
		r->key = t + 5;
		return 0;
	}
	return -1;
}

/* A second rule for the same single target, gold or meta key. */
static int duplicate(const cxs_map *m, const struct rule *r)
{
	size_t i;

	if (r->t < T_SINGLES)
		return m->single[r->t];
	if (r->t == T_OPINIONS)
		return 0;
	for (i = 0; i < m->n; i++)
		if (m->rules[i].t == r->t && !strcmp(m->rules[i].key, r->key))
			return 1;
	return 0;
}

static int parse_rule(cxs_map *m, char *s, const char *orig, cxs_err *err)
{
	struct rule r;
	char *eq = strchr(s, '='), *br;

	memset(&r, 0, sizeof(r));
	if (!eq)
		return bad(err, orig, "a rule is TARGET=SOURCE");
	*eq = '\0';
	if (parse_target(&r, s) < 0)
		return bad(err, orig, "unknown target (text, id, title, url, lang, author, "
			   "published, gold.NAME, meta.NAME, gold.opinions)");
	r.source = eq + 1;
	br = strchr(eq + 1, '[');
	if (br) {
		size_t len = strlen(br);
		if (len < 2 || br[len - 1] != ']')
			return bad(err, orig, "a value table is [FROM=TO;...] at the end of the rule");
		br[len - 1] = '\0';
		*br = '\0';
		if (parse_table(&r, br + 1, orig, err) < 0) {
			free(r.pairs);
			return -1;
		}
	}
	if (!*r.source || strpbrk(r.source, "=[]")) {
		free(r.pairs);
		return bad(err, orig, "the source must be a column or field name");
	}
	if (duplicate(m, &r)) {
		free(r.pairs);
		return bad(err, orig, "this target is already given");
	}
	if (cxs_array_grow(&m->rules, &m->cap, m->n + 1, sizeof(*m->rules)) < 0) {
		free(r.pairs);
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	if (r.t < T_SINGLES)
		m->single[r.t] = 1;
	m->rules[m->n++] = r;
	return 0;
}

cxs_map *cxs_map_new(const char *spec, cxs_err *err)
{
	cxs_map *m = calloc(1, sizeof(*m));
	cxs_buf orig = CXS_BUF_INIT;
	char *s, *next;

	if (!m || !(m->spec = strdup(spec ? spec : "")))
		goto nomem;
	for (s = m->spec; *s; s = next) {
		char *end = s;
		int depth = 0;
		/* Commas inside a value table do not end the rule. */
		while (*end && (*end != ',' || depth)) {
			depth += *end == '[';
			depth -= *end == ']' && depth;
			end++;
		}
		next = *end ? end + 1 : end;
		*end = '\0';
		if (!*s) {
			cxs_buf_release(&orig);
			cxs_map_free(m);
			cxs_err_set(err, CXS_E_CONFIG, "--map: empty rule in '%s'", spec);
			return NULL;
		}
		cxs_buf_reset(&orig);
		if (cxs_buf_addstr(&orig, s) < 0)
			goto nomem;
		if (parse_rule(m, s, orig.p, err) < 0) {
			cxs_buf_release(&orig);
			cxs_map_free(m);
			return NULL;
		}
	}
	cxs_buf_release(&orig);
	return m;
nomem:
	cxs_buf_release(&orig);
	cxs_map_free(m);
	cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	return NULL;
}

/* The rule that gives target `t` (a single), or NULL. */
static const struct rule *rule_for(const cxs_map *m, enum target t)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->rules[i].t == t)
			return &m->rules[i];
	return NULL;
}

static int has_name(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

int cxs_map_check_header(const cxs_map *m, const char *const *names, size_t n, cxs_buf *why)
{
	size_t i, j;

	cxs_buf_reset(why);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (!strcmp(names[i], names[j]))
				return cxs_buf_addf(why, "column '%s' appears twice in the header",
						    names[i]) < 0 ? -1 : 1;
	for (i = 0; i < m->n; i++) {
		const struct rule *r = &m->rules[i];
		if (r->t == T_OPINIONS) {
			for (j = 0; j < n && fnmatch(r->source, names[j], 0) != 0; j++)
				;
			if (j == n)
				return cxs_buf_addf(why, "no column matches '%s' (--map gold.opinions=%s)",
						    r->source, r->source) < 0 ? -1 : 1;
		} else if (!has_name(names, n, r->source)) {
			return cxs_buf_addf(why, "no column '%s' in the header (--map %s%s=%s)",
					    r->source, r->t < T_SINGLES ? single_names[r->t] :
					    r->t == T_GOLD ? "gold." : "meta.",
					    r->t < T_SINGLES ? "" : r->key, r->source) < 0 ? -1 : 1;
		}
	}
	if (!m->single[T_TEXT] && !has_name(names, n, "text"))
		return cxs_buf_addf(why, "no 'text' column in the header; name the column of the "
				    "text with --map text=COLUMN") < 0 ? -1 : 1;
	return 0;
}

void cxs_map_result_release(struct cxs_map_result *res)
{
	json_decref(res->meta);
	json_decref(res->gold);
	json_decref(res->hold);
	memset(res, 0, sizeof(*res));
}

/* What a value is as text, for value tables: strings as they are, integers in decimal.
 * NULL for other types. */
static const char *as_text(const json_t *v, char buf[32])
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return buf;
	}
	return NULL;
}

/* `v` through the rule's value table: a new reference. */
static json_t *translate(const struct rule *r, json_t *v)
{
	char buf[32];
	const char *s = r && r->npairs ? as_text(v, buf) : NULL;
	size_t i;

	if (s)
		for (i = 0; i < r->npairs; i++)
			if (!strcmp(s, r->pairs[i].from))
				return json_string(r->pairs[i].to);
	return json_incref(v);
}

/* "1", "-12", "4.0": a whole number as documented in fetch_map.h. */
static int integer_string(const char *s, json_int_t *out)
{
	const char *p = s + (*s == '-');
	size_t n = 0, i;

	while (p[n] >= '0' && p[n] <= '9')
		n++;
	if (n == 0 || n > 18 || (p[0] == '0' && n > 1))
		return 0;
	i = n;
	if (p[i] == '.') {
		/* "4.0", as spreadsheets and pandas write whole numbers */
		for (i++; p[i] == '0'; i++)
			;
		if (i == n + 1)
			return 0;
	}
	if (p[i])
		return 0;
	*out = (json_int_t)strtoll(s, NULL, 10);
	if (*out == 0 && *s == '-')
		return 0;
	return 1;
}

struct apply {
	const cxs_map *m;
	struct cxs_map_result *res;
	cxs_buf *why;
	json_t *hold;              /* translated values, alive as long as the result */
	int done[T_SINGLES];
	int rejected;
};

static int to_meta(struct apply *a, const char *key, json_t *v)
{
	return json_object_set(a->res->meta, key, v) == 0 ? 0 : -1;
}

static json_t *gold(struct apply *a)
{
	if (!a->res->gold)
		a->res->gold = json_object();
	return a->res->gold;
}

__attribute__((format(printf, 2, 3)))
static int reject(struct apply *a, const char *fmt, ...)
{
	va_list ap;
	int rc;

	a->rejected = 1;
	cxs_buf_reset(a->why);
	va_start(ap, fmt);
	rc = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (rc < 0 || cxs_buf_grow(a->why, (size_t)rc + 1) < 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(a->why->p, (size_t)rc + 1, fmt, ap);
	va_end(ap);
	a->why->len = (size_t)rc;
	return 0;
}

/* A single target `t` from field `key` (value `v`, already translated); `ruled`: a rule
 * named it. */
static int set_single(struct apply *a, enum target t, const char *key, json_t *v, int ruled)
{
	struct cxs_map_result *res = a->res;
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;
	size_t len = s ? json_string_length(v) : 0;

	a->done[t] = 1;
	switch (t) {
	case T_TEXT:
		if (!s)
			return ruled ? reject(a, "'%s' (the text) is not a string", key)
				     : reject(a, "%s", CXS_REASON_NO_TEXT);
		if (cxs_text_blank(s, len))
			return ruled ? reject(a, "empty text (from '%s')", key)
				     : reject(a, "%s", CXS_REASON_EMPTY_TEXT);
		res->text = s;
		res->text_len = len;
		return 0;
	case T_ID:
		if (s && len) {
			res->id = s;
		} else if (json_is_integer(v)) {
			snprintf(res->idbuf, sizeof(res->idbuf), "%" JSON_INTEGER_FORMAT,
				 json_integer_value(v));
			res->id = res->idbuf;
		} else if (!json_is_null(v) && !(s && !len)) {
			return reject(a, "%s", CXS_REASON_BAD_ID);
		}
		return 0;
	case T_LANG:
		if (s && cxs_lang_primary(s, len, res->lang)) {
			res->lang_hint = res->lang;
			return 0;
		}
		break;
	case T_TITLE:
	case T_URL:
	case T_AUTHOR:
	case T_PUBLISHED:
		if (!s)
			break;
		if (len)
			*(t == T_TITLE ? &res->title : t == T_URL ? &res->url :
			  t == T_AUTHOR ? &res->author : &res->published) = s;
		return 0;
	default:
		return 0;
	}
	/* A known field whose value does not fit: kept as it came. */
	if (json_is_null(v) || (s && !len))
		return 0;
	return to_meta(a, key, v);
}

static int set_gold(struct apply *a, const char *name, json_t *v)
{
	json_int_t n;
	json_t *g = gold(a);

	if (!g)
		return -1;
	if (json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0))
		return 0;
	if ((!strcmp(name, "polarity") || !strcmp(name, "rating")) && json_is_string(v) &&
	    integer_string(json_string_value(v), &n))
		return json_object_set_new(g, name, json_integer(n)) == 0 ? 0 : -1;
	return json_object_set(g, name, v) == 0 ? 0 : -1;
}

/* One column's value for gold.opinions. */
static int add_opinion(struct apply *a, const char *key, json_t *v)
{
	static const struct { const char *in, *out; } pol[] = {
		{ "1", "positive" }, { "positive", "positive" }, { "0", "neutral" },
		{ "neutral", "neutral" }, { "-1", "negative" }, { "negative", "negative" },
		{ "conflict", "conflict" }, { "-2", NULL }, { "", NULL },
	};
	json_t *g = gold(a), *ops, *op;
	char buf[32];
	const char *s = json_is_null(v) ? "" : as_text(v, buf);
	size_t i;

	if (!g)
		return -1;
	ops = json_object_get(g, "opinions");
	if (!json_is_array(ops)) {
		ops = json_array();
		if (!ops || json_object_set_new(g, "opinions", ops) < 0)
			return -1;
	}
	for (i = 0; s && i < sizeof(pol) / sizeof(pol[0]); i++)
		if (!strcmp(s, pol[i].in))
			break;
	if (!s || i == sizeof(pol) / sizeof(pol[0])) {
		a->rejected = 1;
		return cxs_buf_addf(a->why, "'%s': '%s' is not an opinion polarity (1, 0, -1, -2, "
				    "positive, neutral, negative, conflict or empty)", key,
				    s ? s : json_is_object(v) ? "{...}" : json_is_array(v) ? "[...]"
				    : "a non-integer") < 0 ? -1 : 0;
	}
	if (!pol[i].out)
		return 0;
	op = json_pack("{s:s,s:s}", "category", key, "polarity", pol[i].out);
	return op && json_array_append_new(ops, op) == 0 ? 0 : -1;
}

static int apply_rule(struct apply *a, const struct rule *r, const char *key, json_t *v)
{
	json_t *t;
	int rc;

	if (r->t == T_OPINIONS) {
		t = translate(r, v);
		rc = t ? add_opinion(a, key, t) : -1;
		json_decref(t);
		return rc;
	}
	t = translate(r, v);
	if (!t || json_array_append_new(a->hold, t) < 0)
		return -1;
	if (r->t < T_SINGLES)
		return set_single(a, r->t, key, t, 1);
	if (r->t == T_GOLD)
		return set_gold(a, r->key, t);
	return json_object_set(a->res->meta, r->key, t) == 0 ? 0 : -1;
}

/* A field no rule names. */
static int apply_default(struct apply *a, const char *key, json_t *v)
{
	size_t i;

	for (i = 0; i < T_SINGLES; i++)
		if (!strcmp(key, single_names[i]) && !a->m->single[i])
			return set_single(a, (enum target)i, key, v, 0);
	if (!strcmp(key, "gold") && json_is_object(v)) {
		/* The export's own gold object: rules' gold.NAME values win over it. */
		json_t *g = gold(a);
		const char *k;
		json_t *x;
		if (!g)
			return -1;
		json_object_foreach(v, k, x)
			if (!json_object_get(g, k) && json_object_set(g, k, x) < 0)
				return -1;
		return 0;
	}
	if (!strncmp(key, "gold.", 5) && key[5])
		return set_gold(a, key + 5, v);
	if (!strncmp(key, "meta.", 5) && key[5])
		return json_object_set(a->res->meta, key + 5, v) == 0 ? 0 : -1;
	return to_meta(a, key, v);
}

static int apply_field(struct apply *a, const char *key, json_t *v)
{
	size_t i;
	int ruled = 0;

	for (i = 0; i < a->m->n && !a->rejected; i++) {
		const struct rule *r = &a->m->rules[i];
		if (r->t == T_OPINIONS ? fnmatch(r->source, key, 0) != 0 : strcmp(r->source, key))
			continue;
		ruled = 1;
		if (apply_rule(a, r, key, v) < 0)
			return -1;
	}
	return ruled || a->rejected ? 0 : apply_default(a, key, v);
}

int cxs_map_apply(const cxs_map *m, const json_t *in, struct cxs_map_result *res, cxs_buf *why)
{
	struct apply a;
	const struct rule *tr;
	const char *key;
	json_t *v;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	memset(&a, 0, sizeof(a));
	cxs_buf_reset(why);
	a.m = m;
	a.res = res;
	a.why = why;
	res->meta = json_object();
	a.hold = json_array();
	if (!res->meta || !a.hold)
		rc = -1;
	json_object_foreach((json_t *)(uintptr_t)in, key, v) {
		if (rc < 0 || a.rejected)
			break;
		rc = apply_field(&a, key, v);
	}
	if (rc == 0 && !a.rejected && !a.done[T_TEXT]) {
		tr = rule_for(m, T_TEXT);
		if (tr)
			rc = reject(&a, "no field '%s' (--map text=%s)", tr->source, tr->source);
		else
			rc = reject(&a, "%s", CXS_REASON_NO_TEXT);
	}
	res->hold = a.hold;
	if (rc < 0 || a.rejected) {
		cxs_map_result_release(res);
		return rc < 0 ? -1 : 1;
	}
	if (!json_object_size(res->meta)) {
		json_decref(res->meta);
		res->meta = NULL;
	}
	return 0;
}

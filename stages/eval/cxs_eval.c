/*
 * cxs_eval — see cxs_eval.h. Maps are a few dozen short lines, so categories are looked
 * up by a linear scan: simpler than a hash and far from the cost of parsing the JSON.
 */
#include "cxs_eval.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct evaldim_map {
	char *name;      /* the label reported: a dimension, or a group's name */
	char **members;  /* a group's dimensions ("service=staff,waiting"); NULL: name */
	size_t nmembers;
	char **cats;     /* NULL-terminated; NULL for '-' */
	size_t ncats;
};

struct cxs_evalmap {
	struct evaldim_map *dims;
	size_t n;
};

/* Per-record state of a dimension while a record is added. */
enum { POL_NONE = 0, POL_POS, POL_NEG, POL_NEU, POL_MIXED };

struct cxs_evaltally {
	const cxs_evalmap *map;
	struct cxs_evaldim *dims;
	struct cxs_evalcounts counts;
	unsigned char *gold, *pred, *gpol, *ppol;  /* scratch, one per dimension */
	double *psum;    /* scratch: summed signal scores of a group's members */
	unsigned char *pnoscore;  /* scratch: a member signal had no numeric score */
	int binary;      /* document sentiment two-way: not positive counts as negative */
	int last_opinions;          /* the record added last had its aspects scored */
	int last_doc, last_docpred; /* and its document polarities (POL_*; 0: none) */
};

void cxs_evalmap_free(cxs_evalmap *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->dims[i].name);
		for (j = 0; j < m->dims[i].ncats; j++)
			free(m->dims[i].cats[j]);
		free(m->dims[i].cats);
		for (j = 0; j < m->dims[i].nmembers; j++)
			free(m->dims[i].members[j]);
		free(m->dims[i].members);
	}
	free(m->dims);
	free(m);
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* Splits "a,b,c" into a new NULL-terminated *list of *count strings; returns a message
 * for a bad list (what = "category" or "dimension"), NULL when fine. The message lives
 * until the next call: the caller copies it into its error at once. */
static const char *split_list(char ***list, size_t *count, const char *s, size_t len,
			      const char *what, int *nomem)
{
	static char msg[80];
	size_t i, start = 0, n = 1;

	for (i = 0; i < len; i++)
		if (s[i] == ',')
			n++;
	*list = calloc(n + 1, sizeof **list);
	if (!*list)
		return *nomem = 1, "out of memory";
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ',')
			continue;
		if (i == start) {
			snprintf(msg, sizeof msg, "empty %s in the list", what);
			return msg;
		}
		if (memchr(s + start, ' ', i - start)) {
			snprintf(msg, sizeof msg, "%s are separated by commas without spaces",
				 what[0] == 'c' ? "categories" : "dimensions");
			return msg;
		}
		(*list)[*count] = dupn(s + start, i - start);
		if (!(*list)[*count])
			return *nomem = 1, "out of memory";
		(*count)++;
		start = i + 1;
	}
	return NULL;
}

/* "label=dim,dim" on the left of the TAB: a group scored as one label. */
static const char *split_group(struct evaldim_map *dim, int *nomem)
{
	char *eq = strchr(dim->name, '=');
	const char *msg;

	if (!eq)
		return NULL;
	if (eq == dim->name)
		return "empty group name before '='";
	msg = split_list(&dim->members, &dim->nmembers, eq + 1, strlen(eq + 1), "dimension",
			 nomem);
	*eq = '\0';
	return msg;
}

/* Parses one non-comment line into a new dimension; returns a message or NULL. */
static const char *parse_line(cxs_evalmap *m, const char *s, size_t len, int *nomem)
{
	const char *tab = memchr(s, '\t', len);
	struct evaldim_map *dim, *grown;
	size_t nlen, i;
	const char *msg;

	if (!tab)
		return "expected 'dimension<TAB>category[,category...]' or 'dimension<TAB>-'";
	nlen = (size_t)(tab - s);
	if (nlen == 0)
		return "empty dimension name";
	if (memchr(tab + 1, '\t', len - nlen - 1))
		return "more than one TAB";
	if (len - nlen - 1 == 0)
		return "no categories (write '-' for a dimension without a gold counterpart)";
	grown = realloc(m->dims, (m->n + 1) * sizeof *m->dims);
	if (!grown)
		return *nomem = 1, "out of memory";
	m->dims = grown;
	dim = &m->dims[m->n++];
	memset(dim, 0, sizeof *dim);
	dim->name = dupn(s, nlen);
	if (!dim->name)
		return *nomem = 1, "out of memory";
	if ((msg = split_group(dim, nomem)))
		return msg;
	for (i = 0; i + 1 < m->n; i++)
		if (!strcmp(m->dims[i].name, dim->name))
			return dim->members ? "group name listed twice" : "dimension listed twice";
	if (len - nlen - 1 == 1 && tab[1] == '-')
		return NULL;
	return split_list(&dim->cats, &dim->ncats, tab + 1, len - nlen - 1, "category", nomem);
}

cxs_evalmap *cxs_evalmap_parse(const char *text, size_t len, const char *name, cxs_err *err)
{
	cxs_evalmap *m = calloc(1, sizeof *m);
	size_t pos = 0;
	long line = 0;

	if (!m) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		const char *msg;
		int nomem = 0;

		pos += n + (nl != NULL);
		line++;
		if (n && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		if (memchr(s, '\0', n))
			msg = "NUL byte in the line";
		else
			msg = parse_line(m, s, n, &nomem);
		if (msg) {
			cxs_err_set(err, nomem ? CXS_E_NOMEM : CXS_E_CONFIG, "%s:%ld: %s", name,
				    line, msg);
			cxs_evalmap_free(m);
			return NULL;
		}
	}
	if (m->n == 0) {
		cxs_err_set(err, CXS_E_CONFIG, "%s: no dimensions in the mapping", name);
		cxs_evalmap_free(m);
		return NULL;
	}
	return m;
}

cxs_evalmap *cxs_evalmap_load(const char *path, cxs_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, got;
	cxs_evalmap *m;

	if (!f) {
		cxs_err_errno(err, CXS_E_CONFIG, errno, "could not open mapping '%s'", path);
		return NULL;
	}
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				fclose(f);
				cxs_err_set(err, CXS_E_NOMEM, "out of memory");
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	if (ferror(f)) {
		cxs_err_errno(err, CXS_E_CONFIG, errno, "could not read mapping '%s'", path);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	m = cxs_evalmap_parse(buf, len, path, err);
	free(buf);
	return m;
}

size_t cxs_evalmap_ndims(const cxs_evalmap *m) { return m->n; }
const char *cxs_evalmap_dim(const cxs_evalmap *m, size_t i) { return m->dims[i].name; }
int cxs_evalmap_mapped(const cxs_evalmap *m, size_t i) { return m->dims[i].cats != NULL; }

cxs_evaltally *cxs_evaltally_new(const cxs_evalmap *m)
{
	cxs_evaltally *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->map = m;
	t->dims = calloc(m->n, sizeof *t->dims);
	t->gold = calloc(m->n, 5);
	t->psum = calloc(m->n, sizeof *t->psum);
	if (!t->dims || !t->gold || !t->psum) {
		cxs_evaltally_free(t);
		return NULL;
	}
	t->pred = t->gold + m->n;
	t->gpol = t->pred + m->n;
	t->ppol = t->gpol + m->n;
	t->pnoscore = t->ppol + m->n;
	return t;
}

void cxs_evaltally_set_binary(cxs_evaltally *t, int on)
{
	t->binary = on;
}

void cxs_evaltally_free(cxs_evaltally *t)
{
	if (!t)
		return;
	free(t->dims);
	free(t->gold);
	free(t->psum);
	free(t);
}

/* POL_POS..POL_NEU as CXS_EVAL_POSITIVE..NEUTRAL; -1 for any other code. */
static int public_pol(int code)
{
	return code >= POL_POS && code <= POL_NEU ? code - POL_POS : -1;
}

const char *cxs_eval_polarity_name(int i)
{
	static const char *const names[CXS_EVAL_NPOL] = { "positive", "negative", "neutral" };

	return i >= 0 && i < CXS_EVAL_NPOL ? names[i] : NULL;
}

static int polarity_code(const char *s)
{
	if (!strcmp(s, "positive"))
		return POL_POS;
	if (!strcmp(s, "negative"))
		return POL_NEG;
	if (!strcmp(s, "neutral"))
		return POL_NEU;
	return POL_MIXED;  /* "conflict" and anything else: no single polarity */
}

/* A document polarity: a string as above or 1/0/-1; 0 when it is neither. */
static int doc_polarity(const json_t *v)
{
	int c;

	if (json_is_string(v)) {
		c = polarity_code(json_string_value(v));
		return c == POL_MIXED ? 0 : c;
	}
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);

		return i > 0 ? (i == 1 ? POL_POS : 0) : i < 0 ? (i == -1 ? POL_NEG : 0) : POL_NEU;
	}
	return 0;
}

static int has_cat(const struct evaldim_map *d, const char *cat)
{
	size_t i;

	for (i = 0; i < d->ncats; i++)
		if (!strcmp(d->cats[i], cat))
			return 1;
	return 0;
}

/* Marks the gold dimensions of `ops` and their polarity; -1 with `err` when malformed. */
static int mark_gold(cxs_evaltally *t, const json_t *ops, cxs_err *err)
{
	const cxs_evalmap *m = t->map;
	const json_t *op;
	size_t i, d;

	if (!json_is_array(ops))
		return cxs_err_set(err, CXS_E_INPUT, "'gold.opinions' is not an array");
	json_array_foreach(ops, i, op) {
		const json_t *cat = json_object_get(op, "category");
		const json_t *pol = json_object_get(op, "polarity");
		int code;

		if (!json_is_string(cat))
			return cxs_err_set(err, CXS_E_INPUT, "gold opinion %zu has no 'category' "
					   "string", i);
		code = json_is_string(pol) ? polarity_code(json_string_value(pol)) : POL_MIXED;
		for (d = 0; d < m->n; d++) {
			if (!has_cat(&m->dims[d], json_string_value(cat)))
				continue;
			if (!t->gold[d])
				t->gpol[d] = (unsigned char)code;
			else if (t->gpol[d] != code)
				t->gpol[d] = POL_MIXED;
			t->gold[d] = 1;
		}
	}
	return 0;
}

/* Whether signal dimension `dim` counts for map line `d`: its own name, or a member. */
static int counts_for(const struct evaldim_map *d, const char *dim)
{
	size_t i;

	if (!d->members)
		return !strcmp(d->name, dim);
	for (i = 0; i < d->nmembers; i++)
		if (!strcmp(d->members[i], dim))
			return 1;
	return 0;
}

int cxs_evalmap_counts_for(const cxs_evalmap *m, size_t i, const char *dim)
{
	return i < m->n && counts_for(&m->dims[i], dim);
}

/* A group's polarity: its members' scores summed, with the classifier's rule for a
 * signal (its sign; neutral at 0). The sum of 4-decimal scores is rounded the same way,
 * so that 0.1 - 0.1 is 0 and not a float's crumb. */
static unsigned char sum_polarity(double sum)
{
	long long q = (long long)(sum * 10000.0 + (sum >= 0 ? 0.5 : -0.5));

	return q > 0 ? POL_POS : q < 0 ? POL_NEG : POL_NEU;
}

/* Marks the predicted (mapped) dimensions of `signals`; -1 with `err` when malformed.
 * A group whose members all carry a numeric `score` takes the polarity of their sum;
 * otherwise (and for a plain dimension) the last signal's `polarity` stands. */
static int mark_pred(cxs_evaltally *t, const json_t *signals, cxs_err *err)
{
	const cxs_evalmap *m = t->map;
	const json_t *sig;
	size_t i, d;

	if (!signals)
		return 0;
	if (!json_is_array(signals))
		return cxs_err_set(err, CXS_E_INPUT, "'signals' is not an array");
	json_array_foreach(signals, i, sig) {
		const json_t *dim = json_object_get(sig, "dim");
		const json_t *pol = json_object_get(sig, "polarity");
		const json_t *score = json_object_get(sig, "score");

		if (!json_is_string(dim))
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'dim' string", i);
		for (d = 0; d < m->n; d++)
			if (m->dims[d].cats && counts_for(&m->dims[d], json_string_value(dim))) {
				t->pred[d] = 1;
				t->ppol[d] = (unsigned char)(json_is_string(pol) ?
					polarity_code(json_string_value(pol)) : POL_MIXED);
				if (json_is_number(score))
					t->psum[d] += json_number_value(score);
				else
					t->pnoscore[d] = 1;
			}
	}
	for (d = 0; d < m->n; d++)
		if (t->pred[d] && m->dims[d].members && !t->pnoscore[d])
			t->ppol[d] = sum_polarity(t->psum[d]);
	return 0;
}

int cxs_evaltally_add(cxs_evaltally *t, const json_t *rec, cxs_err *err)
{
	const cxs_evalmap *m = t->map;
	const json_t *gold = json_object_get(rec, "gold");
	const json_t *ops = json_object_get(gold, "opinions");
	const json_t *gpol = json_object_get(gold, "polarity");
	size_t d;
	int doc = 0;

	t->counts.records++;
	t->last_opinions = t->last_doc = t->last_docpred = 0;
	if (!json_is_object(gold) || (!ops && !gpol)) {
		t->counts.no_gold++;
		return 0;
	}
	if (gpol && !(doc = doc_polarity(gpol))) {
		t->counts.bad++;
		return cxs_err_set(err, CXS_E_INPUT, "'gold.polarity' is not positive, negative, "
				   "neutral, 1, 0 or -1");
	}
	if (doc == POL_NEU && t->binary) {
		t->counts.bad++;
		return cxs_err_set(err, CXS_E_INPUT, "'gold.polarity' is neutral in a two-way "
				   "(--binary) evaluation");
	}
	memset(t->gold, 0, 5 * m->n);
	memset(t->psum, 0, m->n * sizeof *t->psum);
	if ((ops && mark_gold(t, ops, err) < 0) ||
	    mark_pred(t, json_object_get(rec, "signals"), err) < 0) {
		t->counts.bad++;
		return -1;
	}
	if (ops) {
		t->counts.opinions++;
		t->last_opinions = 1;
		for (d = 0; d < m->n; d++) {
			struct cxs_evaldim *c = &t->dims[d];

			if (!m->dims[d].cats)
				continue;
			if (t->gold[d] && t->pred[d]) {
				c->tp++;
				if (t->gpol[d] != POL_MIXED) {
					c->pol_n++;
					c->pol_ok += t->ppol[d] == t->gpol[d];
					if (public_pol(t->ppol[d]) >= 0)
						c->confusion[public_pol(t->gpol[d])]
							    [public_pol(t->ppol[d])]++;
				}
			} else if (t->gold[d]) {
				c->fn++;
			} else if (t->pred[d]) {
				c->fp++;
			}
		}
	}
	if (doc) {
		const json_t *s = json_object_get(json_object_get(rec, "sentiment"), "polarity");
		int pred = json_is_string(s) ? polarity_code(json_string_value(s)) : 0;

		if (t->binary && pred)
			pred = pred == POL_POS ? POL_POS : POL_NEG;
		t->counts.doc++;
		t->counts.doc_ok += pred == doc;
		if (public_pol(pred) >= 0)
			t->counts.doc_confusion[public_pol(doc)][public_pol(pred)]++;
		t->last_doc = doc;
		t->last_docpred = pred;
	}
	return 1;
}

void cxs_evaltally_last(const cxs_evaltally *t, size_t i, struct cxs_evallast *out)
{
	out->gold = out->pred = 0;
	out->gold_pol = out->pred_pol = -1;
	if (!t->last_opinions || i >= t->map->n || !t->map->dims[i].cats)
		return;
	out->gold = t->gold[i];
	out->pred = t->pred[i];
	if (out->gold)
		out->gold_pol = public_pol(t->gpol[i]);
	if (out->pred)
		out->pred_pol = public_pol(t->ppol[i]);
}

void cxs_evaltally_last_doc(const cxs_evaltally *t, int *gold, int *pred)
{
	*gold = public_pol(t->last_doc);
	*pred = public_pol(t->last_docpred);
}

const struct cxs_evaldim *cxs_evaltally_dim(const cxs_evaltally *t, size_t i)
{
	return &t->dims[i];
}

const struct cxs_evalcounts *cxs_evaltally_counts(const cxs_evaltally *t)
{
	return &t->counts;
}

static double ratio(long long num, long long den)
{
	return den > 0 ? (double)num / (double)den : -1.0;
}

double cxs_eval_precision(const struct cxs_evaldim *d) { return ratio(d->tp, d->tp + d->fp); }
double cxs_eval_recall(const struct cxs_evaldim *d) { return ratio(d->tp, d->tp + d->fn); }
double cxs_eval_f1(const struct cxs_evaldim *d)
{
	return ratio(2 * d->tp, 2 * d->tp + d->fp + d->fn);
}

void cxs_evaltally_scores(const cxs_evaltally *t, struct cxs_evalscores *out)
{
	struct cxs_evaldim sum;
	double p = 0, r = 0, f = 0, v;
	size_t i, g, k;

	memset(&sum, 0, sizeof sum);
	memset(out, 0, sizeof *out);
	for (i = 0; i < t->map->n; i++) {
		const struct cxs_evaldim *d = &t->dims[i];

		if (!t->map->dims[i].cats)
			continue;
		sum.tp += d->tp;
		sum.fp += d->fp;
		sum.fn += d->fn;
		sum.pol_n += d->pol_n;
		sum.pol_ok += d->pol_ok;
		for (g = 0; g < CXS_EVAL_NPOL; g++)
			for (k = 0; k < CXS_EVAL_NPOL; k++)
				out->confusion[g][k] += d->confusion[g][k];
		if (d->tp + d->fp + d->fn == 0)
			continue;
		/* an undefined precision or recall of a dimension that is scored counts as 0 */
		p += (v = cxs_eval_precision(d)) > 0 ? v : 0;
		r += (v = cxs_eval_recall(d)) > 0 ? v : 0;
		f += cxs_eval_f1(d);
		out->macro_n++;
	}
	out->micro_p = cxs_eval_precision(&sum);
	out->micro_r = cxs_eval_recall(&sum);
	out->micro_f1 = cxs_eval_f1(&sum);
	out->macro_p = out->macro_n ? p / (double)out->macro_n : -1.0;
	out->macro_r = out->macro_n ? r / (double)out->macro_n : -1.0;
	out->macro_f1 = out->macro_n ? f / (double)out->macro_n : -1.0;
	out->pol_n = sum.pol_n;
	out->pol_ok = sum.pol_ok;
	out->polarity = ratio(sum.pol_ok, sum.pol_n);
	out->doc = ratio(t->counts.doc_ok, t->counts.doc);
}

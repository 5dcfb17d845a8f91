#include "drv_merge.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_exit.h"
#include "cxs_gzio.h"
#include "cxs_stage.h"

/* Calls fn for every part of the run in order; stops at the first non-zero return. */
typedef int (*part_fn)(void *ctx, const struct drv_run *r, int s, const struct drv_part *p);

static int each_part(const struct drv_run *r, part_fn fn, void *ctx)
{
	size_t s;
	int i, rc;

	for (s = 0; s < r->nshards; s++)
		for (i = 0; i < r->shards[s].nparts; i++)
			if ((rc = fn(ctx, r, (int)s, &r->shards[s].parts[i])) != 0)
				return rc;
	return 0;
}

static json_t *shard_json(const struct drv_run *r, int s, const char *suffix)
{
	char file[64], *path;
	json_t *m;

	snprintf(file, sizeof(file), "shard-%05d.%s", s, suffix);
	path = drv_stage_file(r, 0, file);
	m = drv_load_json(path);
	free(path);
	return m;
}

static const char *jstr(json_t *j, const char *a, const char *b)
{
	json_t *v = json_object_get(j, a);
	const char *s = json_string_value(b ? json_object_get(v, b) : v);
	return s ? s : "-";
}

struct keyctx {
	int k;
	cxs_sha256 h;
};

static int key_part(void *ctx, const struct drv_run *r, int s, const struct drv_part *p)
{
	struct keyctx *kc = ctx;
	json_t *m = drv_part_manifest(r, kc->k, p);
	char line[256];

	(void)s;
	if (!m)
		return -1;
	snprintf(line, sizeof(line), "part-%05d-%05d %s %s\n", p->shard, p->piece,
		 jstr(m, "output", "sha256"), jstr(m, "rejects", "sha256"));
	cxs_sha256_update(&kc->h, line, strlen(line));
	json_decref(m);
	return 0;
}

int drv_merge_key(const struct drv_run *r, int k, char key[CXS_SHA256_HEX])
{
	struct keyctx kc;
	size_t s;

	kc.k = k;
	cxs_sha256_init(&kc.h);
	cxs_sha256_update(&kc.h, CXS_VERSION "\n", strlen(CXS_VERSION) + 1);
	if (k == 0)
		for (s = 0; s < r->nshards; s++) {
			json_t *m = shard_json(r, (int)s, "manifest.json");
			json_t *ix = shard_json(r, (int)s, "parts.json");
			char line[256];
			if (!m || !ix) {
				json_decref(m);
				json_decref(ix);
				return -1;
			}
			snprintf(line, sizeof(line), "shard-%05zu %s %s\n", s,
				 jstr(m, "rejects", "sha256"), jstr(ix, "skipped_sha256", NULL));
			cxs_sha256_update(&kc.h, line, strlen(line));
			json_decref(m);
			json_decref(ix);
		}
	if (each_part(r, key_part, &kc) != 0)
		return -1;
	cxs_sha256_hex(&kc.h, key);
	return 0;
}

int drv_merge_fresh(const struct drv_run *r, int k, const char *key)
{
	char *mpath = drv_merged_file(r, k, "manifest.json");
	char *out = drv_merged_file(r, k, "jsonl.gz");
	json_t *m = drv_load_json(mpath);
	int fresh = m && !strcmp(jstr(m, "parts_key", NULL), key) && access(out, F_OK) == 0;

	json_decref(m);
	free(mpath);
	free(out);
	return fresh;
}

/* ---------------------------------------------------------------- concatenation */

struct cat {
	cxs_atomic *a;
	cxs_sha256 h;
	long long bytes;
	int nfiles;
	char buf[1 << 16];
};

static int cat_file(struct cat *c, const char *path, cxs_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return cxs_err_errno(err, CXS_E_INPUT, errno, "could not read '%s'", path);
	while ((n = read(fd, c->buf, sizeof(c->buf))) > 0) {
		cxs_sha256_update(&c->h, c->buf, (size_t)n);
		c->bytes += n;
		if (cxs_atomic_write(c->a, c->buf, (size_t)n, err) < 0) {
			close(fd);
			return -1;
		}
	}
	close(fd);
	if (n < 0)
		return cxs_err_errno(err, CXS_E_INPUT, errno, "could not read '%s'", path);
	c->nfiles++;
	return 0;
}

/* Publishes `c` as `path`; an empty result becomes one empty gzip member, which every
 * reader accepts as an empty file. */
static int cat_commit(struct cat *c, const char *path, char hex[CXS_SHA256_HEX], cxs_err *err)
{
	if (c->bytes == 0) {
		cxs_gzout *g;
		cxs_atomic_abort(c->a);
		c->a = NULL;
		g = cxs_gzout_open(path, 1, err);
		return g ? cxs_gzout_commit(g, hex, NULL, err) : -1;
	}
	cxs_sha256_hex(&c->h, hex);
	{
		int rc = cxs_atomic_commit(c->a, err);
		c->a = NULL;
		return rc;
	}
}

static struct cat *cat_open(const char *path, cxs_err *err)
{
	struct cat *c = calloc(1, sizeof(*c));

	if (!c) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	c->a = cxs_atomic_open(path, err);
	if (!c->a) {
		free(c);
		return NULL;
	}
	cxs_sha256_init(&c->h);
	return c;
}

/* ---------------------------------------------------------------- merging */

struct merge {
	int k;
	struct cat *out, *rej, *skip;
	long long in, nout, rejected, skipped, rej_records;
	double seconds;
	int partial;
	json_t *errors, *first, *inputs;
	cxs_err *err;
};

static void add_counts(struct merge *mg, json_t *m)
{
	json_t *c = json_object_get(m, "counts"), *e;
	size_t i;

	mg->in += json_integer_value(json_object_get(c, "in"));
	mg->nout += json_integer_value(json_object_get(c, "out"));
	mg->rejected += json_integer_value(json_object_get(c, "rejected"));
	mg->rej_records += json_integer_value(json_object_get(json_object_get(m, "rejects"),
							      "records"));
	mg->seconds += json_number_value(json_object_get(m, "seconds"));
	if (json_is_true(json_object_get(m, "partial")))
		mg->partial = 1;
	json_array_foreach(json_object_get(m, "errors"), i, e)
		json_array_append(mg->errors, e);
	if (!mg->first)
		mg->first = json_incref(m);
}

static int merge_part(void *ctx, const struct drv_run *r, int s, const struct drv_part *p)
{
	struct merge *mg = ctx;
	json_t *m = drv_part_manifest(r, mg->k, p);
	char name[32], file[64], *path;
	int rc;

	(void)s;
	if (!m)
		return cxs_err_set(mg->err, CXS_E_INTERNAL, "a manifest of stage %s went missing",
				   drv_stage_names[mg->k]);
	drv_part_name(p->shard, p->piece, name);
	snprintf(file, sizeof(file), "%s.jsonl.gz", name);
	path = drv_stage_file(r, mg->k, file);
	rc = cat_file(mg->out, path, mg->err);
	free(path);
	if (rc == 0 && mg->k > 0) {
		snprintf(file, sizeof(file), "%s.rejects.jsonl.gz", name);
		path = drv_stage_file(r, mg->k, file);
		rc = cat_file(mg->rej, path, mg->err);
		free(path);
	}
	if (mg->k > 0)
		add_counts(mg, m);
	else
		mg->nout += json_integer_value(json_object_get(json_object_get(m, "counts"), "out"));
	json_decref(m);
	return rc;
}

/* Fetch: the shards' rejects and skipped lists, and counts from cxs-fetch's manifests. */
static int merge_shards(struct merge *mg, const struct drv_run *r)
{
	size_t s, i;
	json_t *in;

	for (s = 0; s < r->nshards; s++) {
		json_t *m = shard_json(r, (int)s, "manifest.json");
		json_t *ix = shard_json(r, (int)s, "parts.json");
		char file[64], *path;
		int rc;

		if (!m || !ix) {
			json_decref(m);
			json_decref(ix);
			return cxs_err_set(mg->err, CXS_E_INTERNAL, "shard %zu is not complete", s);
		}
		snprintf(file, sizeof(file), "shard-%05zu.rejects.jsonl.gz", s);
		path = drv_stage_file(r, 0, file);
		rc = cat_file(mg->rej, path, mg->err);
		free(path);
		if (rc == 0 && mg->skip) {
			snprintf(file, sizeof(file), "shard-%05zu.skipped.jsonl.gz", s);
			path = drv_stage_file(r, 0, file);
			rc = cat_file(mg->skip, path, mg->err);
			free(path);
		}
		{
			json_t *c = json_object_get(m, "counts");
			mg->in += json_integer_value(json_object_get(c, "in"));
			mg->rejected += json_integer_value(json_object_get(c, "rejected"));
			mg->rej_records += json_integer_value(json_object_get(c, "rejected"));
			mg->seconds += json_number_value(json_object_get(m, "seconds"));
			mg->skipped += json_integer_value(json_object_get(ix, "skipped"));
			if (json_is_true(json_object_get(m, "partial")))
				mg->partial = 1;
			json_array_extend(mg->errors, json_object_get(m, "errors"));
			json_array_foreach(json_object_get(m, "inputs"), i, in)
				json_array_append(mg->inputs, in);
			if (!mg->first)
				mg->first = json_incref(m);
		}
		json_decref(m);
		json_decref(ix);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static json_t *file_entry(const char *path, const char *hex, long long records)
{
	return json_pack("{s:s, s:s, s:I}", "path", path, "sha256", hex, "records",
			 (json_int_t)records);
}

static int write_manifest(struct merge *mg, const struct drv_run *r, const char *key,
			  const char *outhex, const char *rejhex, const char *skiphex)
{
	char *out = drv_merged_file(r, mg->k, "jsonl.gz");
	char *rej = drv_merged_file(r, mg->k, "rejects.jsonl.gz");
	char *skip = drv_merged_file(r, mg->k, "skipped.jsonl.gz");
	char *mpath = drv_merged_file(r, mg->k, "manifest.json");
	json_t *m, *counts, *opts, *lex;
	long long nparts = 0;
	size_t s;
	int rc;

	for (s = 0; s < r->nshards; s++)
		nparts += r->shards[s].nparts;
	counts = json_pack("{s:I, s:I, s:I}", "in", (json_int_t)mg->in, "out",
			   (json_int_t)mg->nout, "rejected", (json_int_t)mg->rejected);
	if (mg->skip)
		json_object_set_new(counts, "skipped", json_integer(mg->skipped));
	opts = json_object_get(mg->first, "options");
	lex = json_object_get(mg->first, "lexicons");
	m = json_pack("{s:s, s:s, s:s, s:i, s:o, s:O, s:o, s:o, s:o}",
		      "stage", drv_stage_names[mg->k], "program", "cxs-pipeline",
		      "version", CXS_VERSION, "schema", CXS_SCHEMA_VERSION,
		      "options", opts ? json_incref(opts) : json_object(),
		      "inputs", mg->inputs,
		      "lexicons", lex ? json_incref(lex) : json_array(),
		      "output", file_entry(out, outhex, mg->nout),
		      "rejects", file_entry(rej, rejhex, mg->rej_records));
	if (mg->skip)
		json_object_set_new(m, "skipped", file_entry(skip, skiphex, mg->skipped));
	json_object_set_new(m, "counts", counts);
	json_object_set_new(m, "partial", json_boolean(mg->partial));
	json_object_set(m, "errors", mg->errors);
	json_object_set_new(m, "parts", json_integer(nparts));
	json_object_set_new(m, "parts_key", json_string(key));
	json_object_set_new(m, "seconds", json_real((double)(long long)(mg->seconds * 1000) / 1000));
	rc = drv_save_json(mpath, m, mg->err);
	json_decref(m);
	free(out);
	free(rej);
	free(skip);
	free(mpath);
	return rc;
}

/* Inputs of a merged later stage: the previous merged file, as its manifest vouches. */
static void previous_input(struct merge *mg, const struct drv_run *r)
{
	char *mpath = drv_merged_file(r, mg->k - 1, "manifest.json");
	json_t *m = drv_load_json(mpath);
	json_t *o = json_object_get(m, "output");

	if (o)
		json_array_append_new(mg->inputs,
				      json_pack("{s:O, s:O, s:O}", "path", json_object_get(o, "path"),
						"sha256", json_object_get(o, "sha256"), "documents",
						json_object_get(o, "records")));
	json_decref(m);
	free(mpath);
}

int drv_merge_stage(const struct drv_run *r, int k, const char *key)
{
	cxs_err err = { CXS_E_NONE, "" };
	char outhex[CXS_SHA256_HEX], rejhex[CXS_SHA256_HEX], skiphex[CXS_SHA256_HEX] = "";
	char *out = drv_merged_file(r, k, "jsonl.gz");
	char *rej = drv_merged_file(r, k, "rejects.jsonl.gz");
	char *skip = drv_merged_file(r, k, "skipped.jsonl.gz");
	char *mpath = drv_merged_file(r, k, "manifest.json");
	struct merge mg;
	int rc = -1;

	memset(&mg, 0, sizeof(mg));
	mg.k = k;
	mg.err = &err;
	mg.errors = json_array();
	mg.inputs = json_array();
	/* The old manifest goes first: it must not vouch for files being replaced. */
	if (unlink(mpath) < 0 && errno != ENOENT) {
		cxs_err_errno(&err, CXS_E_IO, errno, "could not remove '%s'", mpath);
		goto done;
	}
	mg.out = cat_open(out, &err);
	mg.rej = mg.out ? cat_open(rej, &err) : NULL;
	if (!mg.rej)
		goto done;
	if (k == 0 && r->o->state && !(mg.skip = cat_open(skip, &err)))
		goto done;
	if (k == 0)
		rc = merge_shards(&mg, r);
	else {
		previous_input(&mg, r);
		rc = 0;
	}
	if (rc == 0)
		rc = each_part(r, merge_part, &mg) ? -1 : 0;
	if (rc == 0 && mg.in != mg.nout + mg.rejected + mg.skipped)
		rc = cxs_err_set(&err, CXS_E_INTERNAL,
				 "%s: counts do not reconcile: %lld in, %lld out, %lld rejected, "
				 "%lld skipped", drv_stage_names[k], mg.in, mg.nout, mg.rejected,
				 mg.skipped);
	if (rc == 0) {
		sigset_t old;

		/* the files and their manifest appear together, or not at all */
		cxs_atomic_hold_signals(&old);
		rc = cat_commit(mg.rej, rej, rejhex, &err);
		if (rc == 0 && mg.skip)
			rc = cat_commit(mg.skip, skip, skiphex, &err);
		if (rc == 0)
			rc = cat_commit(mg.out, out, outhex, &err);
		if (rc == 0)
			rc = write_manifest(&mg, r, key, outhex, rejhex, skiphex);
		cxs_atomic_release_signals(&old);
	}
done:
	if (mg.out)
		cxs_atomic_abort(mg.out->a);
	if (mg.rej)
		cxs_atomic_abort(mg.rej->a);
	if (mg.skip)
		cxs_atomic_abort(mg.skip->a);
	free(mg.out);
	free(mg.rej);
	free(mg.skip);
	json_decref(mg.errors);
	json_decref(mg.first);
	json_decref(mg.inputs);
	free(out);
	free(rej);
	free(skip);
	free(mpath);
	if (rc < 0) {
		cxs_error("merging %s: %s", drv_stage_names[k], err.msg);
		return cxs_exit_for(err.kind ? err.kind : CXS_E_INTERNAL);
	}
	return CXS_EXIT_OK;
}

#include "cxs_stage.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_hash.h"
#include "cxs_rec.h"
#include "cxs_record.h"
#include "cxs_utf8.h"

#define REJECT_RAW_MAX (64 << 10)

struct cxs_stage {
	char *stage;
	char *output, *rejects_path, *manifest_path;
	cxs_writer *out;
	cxs_writer *rejects;
	size_t max_record;
	cxs_diag_fn diag, diag_error;
	void *diag_ctx;
	json_t *options, *lexicons, *inputs, *errors;
	struct cxs_counts counts;
	long nerrors;
	struct timespec t0;
	time_t started;
};

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

char *cxs_stage_sibling(const char *output, const char *suffix)
{
	static const char *const exts[] = { ".jsonl.gz", ".jsonl", ".json.gz", ".json", ".gz" };
	size_t base = strlen(output), i;
	cxs_buf b = CXS_BUF_INIT;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (has_suffix(output, exts[i])) {
			base -= strlen(exts[i]);
			break;
		}
	if (cxs_buf_add(&b, output, base) < 0 || cxs_buf_addch(&b, '.') < 0 ||
	    cxs_buf_addstr(&b, suffix) < 0) {
		cxs_buf_release(&b);
		return NULL;
	}
	return cxs_buf_detach(&b, NULL);
}

/* A JSON string of `s`, which may come from a file name and so need not be UTF-8:
 * json_string() would refuse it and the value would vanish from the manifest or the
 * reject. Invalid bytes become U+FFFD. NULL only when memory runs out. */
static json_t *text_json(const char *s)
{
	cxs_buf b = CXS_BUF_INIT;
	json_t *j;

	if (!s)
		return json_null();
	if (cxs_utf8_valid_prefix(s, strlen(s)) == strlen(s))
		return json_string(s);
	if (cxs_utf8_sanitize(s, strlen(s), &b) < 0) {
		cxs_buf_release(&b);
		return NULL;
	}
	j = json_stringn(b.p ? b.p : "", b.len);
	cxs_buf_release(&b);
	return j;
}

/* Two names for one file would make two writers share one temporary. */
static int same_path(const char *a, const char *b)
{
	return a && b && strcmp(a, "-") && !strcmp(a, b);
}

static void say(cxs_stage *s, const char *msg)
{
	if (s->diag)
		s->diag(s->diag_ctx, msg);
}

static void stage_free(cxs_stage *s)
{
	free(s->stage);
	free(s->output);
	free(s->rejects_path);
	free(s->manifest_path);
	json_decref(s->options);
	json_decref(s->lexicons);
	json_decref(s->inputs);
	json_decref(s->errors);
	free(s);
}

cxs_stage *cxs_stage_open(const struct cxs_stage_config *cfg, cxs_err *err)
{
	cxs_stage *s = calloc(1, sizeof(*s));
	int to_stdout = !strcmp(cfg->output, "-");

	if (!s) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	s->stage = strdup(cfg->stage);
	s->output = strdup(cfg->output);
	if (cfg->rejects)
		s->rejects_path = strdup(cfg->rejects);
	else if (!to_stdout)
		s->rejects_path = cxs_stage_sibling(cfg->output, "rejects.jsonl.gz");
	if (cfg->manifest)
		s->manifest_path = strdup(cfg->manifest);
	else if (!to_stdout)
		s->manifest_path = cxs_stage_sibling(cfg->output, "manifest.json");
	s->options = json_object();
	s->lexicons = json_array();
	s->inputs = json_array();
	s->errors = json_array();
	s->max_record = cfg->max_record;
	s->diag = cfg->diag;
	s->diag_error = cfg->diag_error ? cfg->diag_error : cfg->diag;
	s->diag_ctx = cfg->diag_ctx;
	if (!s->stage || !s->output || !s->options || !s->lexicons || !s->inputs || !s->errors ||
	    (!to_stdout && (!s->rejects_path || !s->manifest_path))) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		stage_free(s);
		return NULL;
	}
	if (same_path(s->output, s->rejects_path) || same_path(s->output, s->manifest_path) ||
	    same_path(s->rejects_path, s->manifest_path)) {
		cxs_err_set(err, CXS_E_CONFIG, "output, rejects and manifest must be three "
			    "different files ('%s', '%s', '%s')", s->output,
			    s->rejects_path ? s->rejects_path : "-",
			    s->manifest_path ? s->manifest_path : "-");
		stage_free(s);
		return NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &s->t0);
	s->started = time(NULL);
	/* A manifest left from an earlier run must not vouch for what we write now. */
	if (s->manifest_path && unlink(s->manifest_path) < 0 && errno != ENOENT) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not remove old manifest '%s'",
			      s->manifest_path);
		stage_free(s);
		return NULL;
	}
	s->out = cxs_writer_open(cfg->output, cfg->level, err);
	if (!s->out) {
		stage_free(s);
		return NULL;
	}
	if (s->rejects_path) {
		s->rejects = cxs_writer_open(s->rejects_path, cfg->level, err);
		if (!s->rejects) {
			cxs_writer_abort(s->out);
			stage_free(s);
			return NULL;
		}
	}
	return s;
}

void cxs_stage_option(cxs_stage *s, const char *key, json_t *value)
{
	json_object_set_new(s->options, key, value);
}

void cxs_stage_lexicon(cxs_stage *s, json_t *lex)
{
	json_array_append_new(s->lexicons, lex);
}

void cxs_stage_input(cxs_stage *s, const char *path, const char *sha256, long long bytes,
		     long long documents)
{
	json_array_append_new(s->inputs, json_pack("{s:o, s:s?, s:I, s:I}", "path", text_json(path),
						  "sha256", sha256, "bytes", (json_int_t)bytes,
						  "documents", (json_int_t)documents));
}

void cxs_stage_input_detail(cxs_stage *s, const char *key, json_t *value)
{
	json_t *last = json_array_get(s->inputs, json_array_size(s->inputs) - 1);

	if (last)
		json_object_set(last, key, value);
	json_decref(value);
}

void cxs_stage_count_in(cxs_stage *s, long long n)
{
	s->counts.in += n;
}

int cxs_stage_emit(cxs_stage *s, const json_t *rec, cxs_err *err)
{
	if (cxs_writer_put(s->out, rec, err) < 0)
		return -1;
	s->counts.out++;
	return 0;
}

int cxs_stage_reject(cxs_stage *s, const char *id, const char *uri, const char *locator,
		     const char *reason, const json_t *record, const char *raw, size_t rawlen,
		     cxs_err *err)
{
	cxs_buf msg = CXS_BUF_INIT;
	const char *diag_loc = locator;
	json_t *rej;
	int rc = 0;

	/* Diagnostics read "FILE:LINE: reason"; the record keeps the self-describing
	 * locator ("line 12"). */
	if (locator && !strncmp(locator, "line ", 5))
		diag_loc = locator + 5;
	cxs_buf_addf(&msg, "%s%s%s%s%s", uri ? uri : "", diag_loc ? ":" : "",
		     diag_loc ? diag_loc : "", uri || diag_loc ? ": " : "", reason);
	say(s, msg.p ? msg.p : reason);
	cxs_buf_reset(&msg);
	rej = json_pack("{s:s?, s:s, s:{s:o?, s:s?}, s:o}", "id", id, "stage", s->stage,
			"source", "uri", uri ? text_json(uri) : NULL, "locator", locator,
			"reason", text_json(reason));
	if (!rej) {
		cxs_buf_release(&msg);
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	}
	if (record)
		json_object_set(rej, "record", (json_t *)(uintptr_t)record);
	else if (raw) {
		size_t n = rawlen > REJECT_RAW_MAX ? REJECT_RAW_MAX : rawlen;
		if (cxs_utf8_sanitize(raw, n, &msg) >= 0)
			json_object_set_new(rej, "raw", json_stringn(msg.p ? msg.p : "", msg.len));
		if (n < rawlen)
			json_object_set_new(rej, "raw_truncated_from", json_integer((json_int_t)rawlen));
	}
	if (s->rejects)
		rc = cxs_writer_put(s->rejects, rej, err);
	json_decref(rej);
	cxs_buf_release(&msg);
	if (rc == 0)
		s->counts.rejected++;
	return rc;
}

void cxs_stage_partial(cxs_stage *s, const char *msg)
{
	if (s->diag_error)
		s->diag_error(s->diag_ctx, msg);
	s->nerrors++;   /* counted apart: the message may fail to become JSON */
	json_array_append_new(s->errors, text_json(msg));
}

int cxs_stage_is_partial(const cxs_stage *s)
{
	return s->nerrors > 0;
}

const struct cxs_counts *cxs_stage_counts(const cxs_stage *s)
{
	return &s->counts;
}

static json_t *manifest(cxs_stage *s, const char *out_hash, const char *rej_hash)
{
	struct timespec t1;
	char started[32];
	double secs;
	json_t *m;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - s->t0.tv_sec) + (double)(t1.tv_nsec - s->t0.tv_nsec) / 1e9;
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&s->started));
	m = json_pack("{s:s, s:s+, s:s, s:i, s:O, s:O, s:O,"
		      " s:{s:o, s:s, s:I}, s:{s:o, s:s?, s:I},"
		      " s:{s:I, s:I, s:I}, s:b, s:O, s:s, s:f}",
		      "stage", s->stage, "program", "cxs-", s->stage, "version", CXS_VERSION,
		      "schema", CXS_SCHEMA_VERSION, "options", s->options, "inputs", s->inputs,
		      "lexicons", s->lexicons,
		      "output", "path", text_json(s->output), "sha256", out_hash,
		      "records", (json_int_t)s->counts.out,
		      "rejects", "path", text_json(s->rejects_path), "sha256", rej_hash,
		      "records", (json_int_t)s->counts.rejected,
		      "counts", "in", (json_int_t)s->counts.in, "out", (json_int_t)s->counts.out,
		      "rejected", (json_int_t)s->counts.rejected,
		      "partial", cxs_stage_is_partial(s), "errors", s->errors,
		      "started", started, "seconds", (double)((long long)(secs * 1000)) / 1000);
	return m;
}

/* Removes a file this stage renamed into place, when it is one (never stdout, a FIFO
 * or a device that was written to directly). */
static void unpublish(const char *path)
{
	struct stat st;

	if (path && strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode))
		unlink(path);
}

static int commit_all(cxs_stage *s, cxs_err *err)
{
	char out_hash[CXS_SHA256_HEX], rej_hash[CXS_SHA256_HEX];
	json_t *m;
	char *text;
	int rc;

	if (s->counts.in != s->counts.out + s->counts.rejected) {
		cxs_err_set(err, CXS_E_INTERNAL,
			    "counts do not reconcile: %lld in, %lld out, %lld rejected",
			    s->counts.in, s->counts.out, s->counts.rejected);
		cxs_stage_abort(s);
		return -1;
	}
	/* Rejects first, then the output, then the manifest: whatever fails, what was
	 * already renamed into place is taken back, so a failed stage leaves no output
	 * under its final name (exit 5) rather than a new output beside old rejects. */
	if (s->rejects) {
		rc = cxs_writer_commit(s->rejects, rej_hash, err);
		s->rejects = NULL;
		if (rc < 0) {
			cxs_writer_abort(s->out);
			s->out = NULL;
			stage_free(s);
			return -1;
		}
	}
	rc = cxs_writer_commit(s->out, out_hash, err);
	s->out = NULL;
	if (rc < 0) {
		unpublish(s->rejects_path);
		stage_free(s);
		return -1;
	}
	if (s->manifest_path) {
		m = manifest(s, out_hash, s->rejects_path ? rej_hash : NULL);
		text = m ? json_dumps(m, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) : NULL;
		json_decref(m);
		if (!text) {
			unpublish(s->rejects_path);
			unpublish(s->output);
			stage_free(s);
			return cxs_err_set(err, CXS_E_NOMEM, "could not build the manifest");
		}
		{
			size_t n = strlen(text);
			char *t2 = realloc(text, n + 2);
			if (t2) {
				text = t2;
				text[n] = '\n';
				text[n + 1] = '\0';
			}
		}
		rc = cxs_atomic_write_file(s->manifest_path, text, strlen(text), err);
		free(text);
		if (rc < 0) {
			unpublish(s->rejects_path);
			unpublish(s->output);
		}
	}
	stage_free(s);
	return rc;
}

/* Signals wait until the output, the rejects and the manifest are published (or taken
 * back): a SIGTERM between two renames would leave an output no manifest vouches for. */
int cxs_stage_commit(cxs_stage *s, cxs_err *err)
{
	sigset_t old;
	int rc;

	cxs_atomic_hold_signals(&old);
	rc = commit_all(s, err);
	cxs_atomic_release_signals(&old);
	return rc;
}

void cxs_stage_abort(cxs_stage *s)
{
	if (!s)
		return;
	cxs_writer_abort(s->out);
	cxs_writer_abort(s->rejects);
	stage_free(s);
}

int cxs_reject(cxs_err *reason, const char *fmt, ...)
{
	va_list ap;

	if (reason) {
		reason->kind = CXS_E_INPUT;
		va_start(ap, fmt);
		vsnprintf(reason->msg, sizeof(reason->msg), fmt, ap);
		va_end(ap);
	}
	return 1;
}

/* Rejects the record `rec` holds: kept whole, as a tree (rejects are few). */
static int reject_rec(cxs_stage *s, cxs_rec *rec, const char *input, long long line,
		      const char *reason, cxs_buf *id, cxs_err *err)
{
	char loc[32];
	json_t *j = cxs_rec_json(rec);
	int rc;

	snprintf(loc, sizeof(loc), "line %lld", line);
	rc = cxs_stage_reject(s, cxs_rec_string(rec, "id", id) == 1 ? id->p : NULL, input, loc,
			      reason, j, NULL, 0, err);
	json_decref(j);
	return rc;
}

/* One input through `fn`. Returns 0 (a damaged input is only noted) or -1. */
static int run_input(cxs_stage *s, const char *input, cxs_rec *rec, cxs_buf *line_out,
		     cxs_buf *id, cxs_rec_fn fn, void *ctx, cxs_err *err)
{
	char hex[CXS_SHA256_HEX], loc[32];
	long long bytes, docs = 0;
	cxs_err rerr = { CXS_E_NONE, "" };
	cxs_reader *r = cxs_reader_open(input, s->max_record, &rerr);

	if (!r) {
		cxs_stage_partial(s, rerr.msg);
		return 0;
	}
	for (;;) {
		const char *line;
		size_t len;
		int st = cxs_reader_next_line(r, &line, &len, &rerr), keep, rc;
		cxs_err reason;

		if (st == CXS_READ_EOF)
			break;
		if (st == CXS_READ_FATAL) {
			cxs_stage_partial(s, rerr.msg);
			break;
		}
		docs++;
		s->counts.in++;
		if (st == CXS_READ_OK && (rc = cxs_rec_parse(rec, line, len)) != 0) {
			if (rc < 0) {
				cxs_err_set(err, CXS_E_NOMEM, "out of memory");
				goto fatal;
			}
			st = cxs_reader_bad(r, cxs_rec_reason(rec), &rerr);
		}
		if (st == CXS_READ_BAD) {
			size_t rawlen;
			const char *raw = cxs_reader_raw(r, &rawlen);

			snprintf(loc, sizeof(loc), "line %lld", cxs_reader_line(r));
			if (cxs_stage_reject(s, NULL, input, loc, cxs_reader_reason(r), NULL, raw, rawlen,
					     err) < 0)
				goto fatal;
			continue;
		}
		/* Set only when fn fails or rejects: no per-record clearing of 1 KiB. */
		reason.kind = CXS_E_NONE;
		reason.msg[0] = '\0';
		keep = fn(ctx, rec, &reason);
		if (keep < 0) {
			cxs_err_set(err, reason.kind ? reason.kind : CXS_E_INTERNAL, "%s:%lld: %s", input,
				    cxs_reader_line(r), reason.msg);
			goto fatal;
		}
		if (keep == 0) {
			if (cxs_rec_write(rec, line_out) < 0 || cxs_buf_addch(line_out, '\n') < 0) {
				cxs_err_set(err, CXS_E_NOMEM, "out of memory");
				goto fatal;
			}
			rc = cxs_writer_put_raw(s->out, line_out->p, line_out->len, err);
			if (rc == 0)
				s->counts.out++;
		} else {
			rc = reject_rec(s, rec, input, cxs_reader_line(r), reason.msg, id, err);
		}
		if (rc < 0)
			goto fatal;
	}
	cxs_reader_hash(r, hex, &bytes);
	cxs_stage_input(s, input, hex, bytes, docs);
	cxs_reader_close(r);
	return 0;
fatal:
	cxs_reader_close(r);
	return -1;
}

int cxs_stage_run_recs(cxs_stage *s, const char *const *inputs, size_t ninputs, cxs_rec_fn fn,
		       void *ctx, cxs_err *err)
{
	cxs_rec *rec = cxs_rec_new();
	cxs_buf line = CXS_BUF_INIT, id = CXS_BUF_INIT;
	size_t i;
	int rc = 0;

	if (!rec)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	for (i = 0; i < ninputs && rc == 0; i++)
		rc = run_input(s, inputs[i], rec, &line, &id, fn, ctx, err);
	cxs_rec_free(rec);
	cxs_buf_release(&line);
	cxs_buf_release(&id);
	return rc;
}

int cxs_stage_apply_json(cxs_rec_fn fn, void *ctx, json_t *rec, cxs_err *reason)
{
	cxs_buf in = CXS_BUF_INIT, out = CXS_BUF_INIT;
	cxs_rec *r = cxs_rec_new();
	json_t *j = NULL;
	int rc;

	if (!r || cxs_record_dump(rec, &in) < 0) {
		rc = cxs_err_set(reason, CXS_E_NOMEM, "out of memory");
		goto done;
	}
	rc = cxs_rec_parse(r, in.p, in.len);
	if (rc != 0) {
		rc = rc < 0 ? cxs_err_set(reason, CXS_E_NOMEM, "out of memory")
			    : cxs_reject(reason, "%s", cxs_rec_reason(r));
		goto done;
	}
	rc = fn(ctx, r, reason);
	if (rc == 0) {
		if (cxs_rec_write(r, &out) < 0 ||
		    !(j = json_loadb(out.p, out.len, JSON_REJECT_DUPLICATES, NULL))) {
			rc = cxs_err_set(reason, CXS_E_INTERNAL, "could not re-read the record written");
			goto done;
		}
		/* the tree becomes the record written: same keys, same order */
		json_object_clear(rec);
		json_object_update(rec, j);
	}
done:
	json_decref(j);
	cxs_rec_free(r);
	cxs_buf_release(&in);
	cxs_buf_release(&out);
	return rc;
}

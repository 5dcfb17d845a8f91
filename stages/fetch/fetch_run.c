/*
 * fetch_run — what cxs-fetch does with its sources (see fetch_run.h, README.md).
 */
#include "fetch_run.h"
#include "fetch_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxs_buf.h"
#include "cxs_hash.h"
#include "cxs_record.h"
#include "fetch_charset.h"
#include "fetch_record.h"
#include "fetch_text.h"
#include "html_extract.h"

#define READ_CHUNK (64 << 10)

int cxs_fetch_fatal(struct cxs_fetcher *f, const cxs_err *e)
{
	f->err = *e;
	f->failed = 1;
	return -1;
}

void cxs_fetch_partial(struct cxs_fetcher *f, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!msg) {
		cxs_stage_partial(f->s, "an input could not be read (and memory ran out)");
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	cxs_stage_partial(f->s, msg);
	free(msg);
}

int cxs_fetch_reject(struct cxs_fetcher *f, const char *id, const char *uri,
		     const char *locator, const char *reason, const json_t *rec,
		     const char *raw, size_t rawlen)
{
	cxs_err e = { CXS_E_NONE, "" };

	if (cxs_stage_reject(f->s, id, uri, locator, reason, rec, raw, rawlen, &e) < 0)
		return cxs_fetch_fatal(f, &e);
	return 0;
}

/* 1 when `rec` repeats the text of a record emitted before (the reject is done), 0 when
 * it does not, -1 when the run must stop. */
static int duplicate(struct cxs_fetcher *f, const json_t *rec)
{
	const json_t *text = json_object_get(rec, "text"), *src = json_object_get(rec, "source");
	const char *id = json_string_value(json_object_get(rec, "id")), *first;
	cxs_err e = { CXS_E_NONE, "" };
	int rc;

	if (f->o.keep_duplicates || !json_is_string(text))
		return 0;
	rc = cxs_dedup_check(f->dedup, json_string_value(text), json_string_length(text),
			     id ? id : "", &first, &e);
	if (rc <= 0)
		return rc < 0 ? cxs_fetch_fatal(f, &e) : 0;
	cxs_buf_reset(&f->msg);
	if (cxs_buf_addf(&f->msg, "duplicate of %s", first) < 0)
		return cxs_fetch_nomem(f);
	return cxs_fetch_reject(f, id, json_string_value(json_object_get(src, "uri")),
				json_string_value(json_object_get(src, "locator")), f->msg.p,
				rec, NULL, 0) < 0 ? -1 : 1;
}

/* `rec` with `lang_hint` set to `lang`, where a declared hint would stand (before
 * `text`): a new reference, or NULL when memory runs out. */
static json_t *with_hint(const json_t *rec, const char *lang)
{
	json_t *out = json_object(), *v;
	const char *key;

	json_object_foreach((json_t *)(uintptr_t)rec, key, v) {
		if (!out || (!strcmp(key, "text") &&
			     json_object_set_new(out, "lang_hint", json_string(lang)) < 0) ||
		    json_object_set(out, key, v) < 0) {
			json_decref(out);
			return NULL;
		}
	}
	return out;
}

int cxs_fetch_emit(struct cxs_fetcher *f, const json_t *rec)
{
	cxs_err e = { CXS_E_NONE, "" };
	json_t *hinted = NULL;
	int dup = duplicate(f, rec), rc;

	if (dup)
		return dup < 0 ? -1 : 0;
	if (f->o.lang_hint && !json_object_get(rec, "lang_hint") &&
	    !(rec = hinted = with_hint(rec, f->o.lang_hint)))
		return cxs_fetch_nomem(f);
	rc = cxs_stage_emit(f->s, rec, &e);
	json_decref(hinted);
	if (rc < 0)
		return cxs_fetch_fatal(f, &e);
	return 0;
}

int cxs_fetch_nomem(struct cxs_fetcher *f)
{
	cxs_err e = { CXS_E_NOMEM, "out of memory" };

	return cxs_fetch_fatal(f, &e);
}

/* Reads `path` ("-": stdin) into f->data, at most max_record bytes. Returns 0 with
 * *size the file's size and *too_big set when it is larger than that (f->data then
 * holds only a part, and *size is -1 when the size is unknown: a pipe); -1 with errno
 * when it cannot be read. */
static int read_file(struct cxs_fetcher *f, const char *path, long long *size, int *too_big)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
	struct stat st;
	int saved;

	cxs_buf_reset(&f->data);
	*too_big = 0;
	*size = 0;
	if (fd < 0 || fstat(fd, &st) < 0)
		goto fail;
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > f->o.max_record) {
		*too_big = 1;
		*size = (long long)st.st_size;
		goto done;
	}
	for (;;) {
		ssize_t n;

		if (cxs_buf_grow(&f->data, READ_CHUNK) < 0) {
			errno = ENOMEM;
			goto fail;
		}
		n = read(fd, f->data.p + f->data.len, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (n == 0)
			break;
		f->data.len += (size_t)n;
		f->data.p[f->data.len] = '\0';
		if (f->data.len > f->o.max_record) {
			/* A pipe or a file that grew: stop reading, it is refused anyway. */
			*too_big = 1;
			*size = -1;
			goto done;
		}
	}
	*size = (long long)f->data.len;
done:
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
fail:
	saved = errno;
	if (fd >= 0 && fd != STDIN_FILENO)
		close(fd);
	errno = saved;
	return -1;
}

/* Builds, then emits or rejects the record of a whole-file document. */
/* Decoding and JSON escaping can make a record longer than the file it came from; a
 * record over --max-record-bytes would be rejected by the next stage, so it is rejected
 * here, where the reason is clearest (the reason goes to f->msg). Records whose text is
 * well under the limit are not serialised twice. */
static int too_long(struct cxs_fetcher *f, const json_t *rec, size_t text_len)
{
	if (text_len < f->o.max_record / 4)
		return 0;
	if (cxs_record_dump(rec, &f->scratch) < 0 || f->scratch.len < f->o.max_record)
		return 0;
	cxs_buf_reset(&f->msg);
	cxs_buf_addf(&f->msg, "record of %zu bytes is longer than the maximum of %zu bytes "
		     "(--max-record-bytes)", f->scratch.len, f->o.max_record);
	return 1;
}

int cxs_fetch_doc(struct cxs_fetcher *f, const struct cxs_doc *d, const char *empty_reason)
{
	json_t *rec = cxs_doc_record(d, &f->scratch);
	int rc;

	if (!rec)
		return cxs_fetch_nomem(f);
	if (cxs_text_blank(d->text, d->text_len))
		rc = cxs_fetch_reject(f, json_string_value(json_object_get(rec, "id")), d->uri,
			    d->locator, empty_reason, rec, NULL, 0);
	else if (too_long(f, rec, d->text_len))
		rc = cxs_fetch_reject(f, json_string_value(json_object_get(rec, "id")), d->uri,
			    d->locator, f->msg.p, NULL, NULL, 0);
	else
		rc = cxs_fetch_emit(f, rec);
	json_decref(rec);
	return rc;
}

void cxs_fetch_count_in(struct cxs_fetcher *f)
{
	cxs_stage_count_in(f->s, 1);
}

void cxs_fetch_input(struct cxs_fetcher *f, const char *uri, const char *sha256,
		     long long bytes, long long docs)
{
	cxs_stage_input(f->s, uri, sha256, bytes, docs);
}

int cxs_fetch_html(struct cxs_fetcher *f, const struct cxs_doc *base, const char *data,
		   size_t len, const char *transport_charset)
{
	struct cxs_html_result res;
	struct cxs_doc d;
	cxs_err e = { CXS_E_NONE, "" };
	json_t *comments;
	size_t i;
	int rc;

	if (cxs_html_extract(f->html, data, len, transport_charset, &res, &e) < 0) {
		char id[CXS_ID_HEX];
		if (e.kind != CXS_E_INPUT)
			return cxs_fetch_fatal(f, &e);
		if (!base->id)
			cxs_make_id(base->kind, base->uri, base->locator, id);
		return cxs_fetch_reject(f, base->id ? base->id : id, base->uri, base->locator,
					e.msg, NULL, NULL, 0);
	}
	comments = json_array();
	if (!comments)
		return cxs_fetch_nomem(f);
	d = *base;
	d.invalid_bytes += res.invalid_bytes;
	/* Reader comments are reviews too, but not the post: only on request. */
	for (i = 0; f->o.comments && i < res.ncomments; i++) {
		size_t clen;
		const char *c = cxs_html_comment(f->html, i, &clen);
		if (cxs_doc_append_string(comments, c, clen, &f->scratch, &d.invalid_bytes) < 0) {
			json_decref(comments);
			return cxs_fetch_nomem(f);
		}
	}
	if (!d.title)
		d.title = res.title;
	if (!d.lang_hint)
		d.lang_hint = res.lang;
	if (!d.author)
		d.author = res.author;
	if (!d.published)
		d.published = res.published;
	if (!d.url)
		d.url = res.url;
	/* A caller that decoded the bytes itself (a feed's content) says how; else the
	 * extractor's cascade decided. */
	if (!d.charset) {
		d.charset = res.charset;
		d.charset_rule = res.charset_rule;
	}
	d.text = res.text;
	d.text_len = res.text_len;
	d.comments = comments;
	rc = cxs_fetch_doc(f, &d, "no text after removing boilerplate");
	json_decref(comments);
	return rc;
}

static int do_html(struct cxs_fetcher *f, const char *uri)
{
	struct cxs_doc d;

	memset(&d, 0, sizeof(d));
	d.uri = uri;
	d.kind = "html";
	return cxs_fetch_html(f, &d, f->data.p, f->data.len, NULL);
}

static int do_text(struct cxs_fetcher *f, const char *uri)
{
	struct cxs_charset_guess g;
	struct cxs_doc d;
	cxs_err e = { CXS_E_NONE, "" };
	const char *out;
	char *t;
	size_t n;
	long bad;

	cxs_charset_sniff_text(f->cs, f->data.p, f->data.len, &g);
	bad = cxs_charset_decode(f->cs, &g, f->data.p, f->data.len, &f->text, &out, &n, &e);
	if (bad < 0)
		return cxs_fetch_fatal(f, &e);
	/* Valid UTF-8 is left where it was read (f->data, ours to edit), else decoded into
	 * f->text: either way the line ends are unified in place, without another copy. */
	t = out == f->text.p ? f->text.p : f->data.p + g.bom;
	/* The last line end terminates a line; it is not part of the text. */
	n = cxs_text_unify_newlines(t, n);
	while (n > 0 && cxs_space_at(t + n - 1, 1))
		n--;
	t[n] = '\0';
	memset(&d, 0, sizeof(d));
	d.uri = uri;
	d.kind = "text";
	d.text = t;
	d.text_len = n;
	d.charset = cxs_charset_used(f->cs);
	d.charset_rule = cxs_charset_rule_name(g.rule);
	d.invalid_bytes = bad;
	return cxs_fetch_doc(f, &d, "empty file");
}

/* One HTML page or text file: one document. */
static int do_file(struct cxs_fetcher *f, const char *path, enum cxs_kind kind)
{
	const char *uri = cxs_source_uri(path), *kname = cxs_kind_name(kind);
	char hex[CXS_SHA256_HEX], id[CXS_ID_HEX];
	const char *sha = hex;
	long long size;
	int too_big;

	if (read_file(f, path, &size, &too_big) < 0) {
		cxs_fetch_partial(f, "could not read '%s': %s", uri, strerror(errno));
		return 0;
	}
	cxs_stage_count_in(f->s, 1);
	if (!too_big)
		cxs_sha256_buf(f->data.p ? f->data.p : "", f->data.len, hex);
	else if (size < 0 || !strcmp(path, "-") || cxs_sha256_file(path, hex, NULL, NULL) < 0)
		sha = NULL;   /* not all of it was read, and a pipe or device cannot be read
			       * again (/dev/zero would never end) */
	cxs_stage_input(f->s, uri, sha, size >= 0 ? size : (long long)f->data.len, 1);
	cxs_make_id(kname, uri, NULL, id);
	if (too_big) {
		cxs_buf_reset(&f->msg);
		if ((size >= 0 ? cxs_buf_addf(&f->msg, "file of %lld bytes is larger than the maximum "
					      "of %zu bytes (--max-record-bytes)", size, f->o.max_record)
			       : cxs_buf_addf(&f->msg, "input larger than the maximum of %zu bytes "
					      "(--max-record-bytes)", f->o.max_record)) < 0)
			return cxs_fetch_nomem(f);
		return cxs_fetch_reject(f, id, uri, NULL, f->msg.p, NULL, NULL, 0);
	}
	if (f->data.len == 0)
		return cxs_fetch_reject(f, id, uri, NULL, "empty file", NULL, NULL, 0);
	return kind == CXS_KIND_HTML ? do_html(f, uri) : do_text(f, uri);
}

/* A JSONL export: one document per line. */
static int do_jsonl(struct cxs_fetcher *f, const char *path)
{
	const char *uri = cxs_source_uri(path);
	cxs_err e = { CXS_E_NONE, "" };
	cxs_reader *r = cxs_reader_open(path, f->o.max_record, &e);
	char hex[CXS_SHA256_HEX], loc[40], idbuf[CXS_EXPORT_ID_BUF];
	long long docs = 0, bytes = 0;
	const char *sha = hex;
	int rc = 0, damaged = 0;

	if (!r) {
		cxs_stage_partial(f->s, e.msg);
		return 0;
	}
	while (rc == 0) {
		json_t *in, *rec;
		const char *reason;
		int st = cxs_reader_next(r, &in, &e), bad;

		if (st == CXS_READ_EOF)
			break;
		if (st == CXS_READ_FATAL) {
			cxs_stage_partial(f->s, e.msg);
			damaged = 1;
			break;
		}
		docs++;
		cxs_stage_count_in(f->s, 1);
		snprintf(loc, sizeof(loc), "line %lld", cxs_reader_line(r));
		if (st == CXS_READ_BAD) {
			size_t rawlen;
			const char *raw = cxs_reader_raw(r, &rawlen);
			cxs_make_id("jsonl", uri, loc, idbuf);
			rc = cxs_fetch_reject(f, idbuf, uri, loc, cxs_reader_reason(r), NULL, raw, rawlen);
			continue;
		}
		if (cxs_map_given(f->map)) {
			rc = cxs_fetch_mapped(f, in, uri, "jsonl", loc, 0);
			json_decref(in);
			continue;
		}
		bad = cxs_export_record(in, uri, loc, &f->scratch, &rec, &reason);
		if (bad < 0)
			rc = cxs_fetch_nomem(f);
		else if (bad > 0)
			rc = cxs_fetch_reject(f, cxs_export_id(in, uri, loc, idbuf, &bad), uri, loc, reason, in,
				    NULL, 0);
		else
			rc = cxs_fetch_emit(f, rec);
		json_decref(rec);
		json_decref(in);
	}
	cxs_reader_hash(r, hex, &bytes);
	/* After damage the reader saw only part of the file: hash all of it. */
	if (damaged && (!strcmp(path, "-") || cxs_sha256_file(path, hex, &bytes, NULL) < 0))
		sha = NULL;
	cxs_stage_input(f->s, uri, sha, bytes, docs);
	cxs_reader_close(r);
	return rc;
}

static int on_source(void *ctx, enum cxs_source_event ev, const char *path, enum cxs_kind kind,
		     const char *why)
{
	struct cxs_fetcher *f = ctx;

	switch (ev) {
	case CXS_SOURCE_SKIP:
		if (f->o.note) {
			cxs_buf_reset(&f->msg);
			if (cxs_buf_addf(&f->msg, "skipping '%s': %s", cxs_source_uri(path), why) == 0)
				f->o.note(f->o.note_ctx, f->msg.p);
		}
		return 0;
	case CXS_SOURCE_ERROR:
		cxs_fetch_partial(f, "%scould not read '%s': %s", f->where ? f->where : "",
				  cxs_source_uri(path), why);
		return 0;
	case CXS_SOURCE_FILE:
		break;
	}
	switch (kind) {
	case CXS_KIND_JSONL:
		return do_jsonl(f, path) < 0 ? 1 : 0;
	case CXS_KIND_WARC:
	case CXS_KIND_ARC:
		return cxs_fetch_warc(f, path, kind) < 0 ? 1 : 0;
	case CXS_KIND_FEED:
		return cxs_fetch_feed(f, path) < 0 ? 1 : 0;
	case CXS_KIND_SEMEVAL:
		return cxs_fetch_semeval(f, path) < 0 ? 1 : 0;
	case CXS_KIND_XML:
		return cxs_fetch_xml(f, path) < 0 ? 1 : 0;
	case CXS_KIND_CSV:
	case CXS_KIND_TSV:
		return cxs_fetch_table(f, path, kind) < 0 ? 1 : 0;
	case CXS_KIND_HTML:
	case CXS_KIND_TEXT:
	case CXS_KIND_UNKNOWN:
		break;
	}
	return do_file(f, path, kind) < 0 ? 1 : 0;
}

/* The stopword lists of `o`, each recorded in the manifest of `s`. NULL with `err`. */
static cxs_stopdens *load_stopwords(cxs_stage *s, const struct cxs_fetch_opts *o, cxs_err *err)
{
	cxs_stopdens *sd = cxs_stopdens_load(o->stopwords, o->note, o->note_ctx, err);
	json_t *lists = sd ? cxs_stopdens_lists(sd) : NULL, *l;
	size_t i;

	if (sd && !lists) {
		cxs_stopdens_free(sd);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	json_array_foreach(lists, i, l)
		cxs_stage_lexicon(s, json_incref(l));
	json_decref(lists);
	return sd;
}

cxs_fetcher *cxs_fetcher_new(cxs_stage *s, const struct cxs_fetch_opts *o, cxs_err *err)
{
	cxs_fetcher *f = calloc(1, sizeof(*f));

	if (!f) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	f->s = s;
	f->o = *o;
	f->html = cxs_html_new(err);
	if (f->html && o->stopwords) {
		f->stop = load_stopwords(s, o, err);
		if (!f->stop) {
			cxs_fetcher_free(f);
			return NULL;
		}
		cxs_html_set_stopwords(f->html, f->stop);
	}
	f->cs = f->html ? cxs_charset_new(err) : NULL;
	f->map = f->cs ? cxs_map_new(o->map, err) : NULL;
	f->dedup = f->map ? cxs_dedup_new(err) : NULL;
	if (!f->dedup) {
		cxs_fetcher_free(f);
		return NULL;
	}
	return f;
}

/* 0, or -1 with `err` when the run has failed. */
static int run_status(cxs_fetcher *f, cxs_err *err)
{
	if (f->failed) {
		if (err)
			*err = f->err;
		return -1;
	}
	return 0;
}

int cxs_fetcher_source(cxs_fetcher *f, const char *source, cxs_err *err)
{
	cxs_err e = { CXS_E_NONE, "" };

	if (!f->failed && cxs_sources_walk(source, f->o.forced, on_source, f, &e) < 0)
		cxs_fetch_fatal(f, &e);
	return run_status(f, err);
}

/* One line of a --from-list: the name it gives (cut in place), or NULL for a blank
 * line or a comment. */
static char *list_entry(char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
			 line[n - 1] == '\t'))
		line[--n] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	return *line && *line != '#' ? line : NULL;
}

int cxs_fetcher_list(cxs_fetcher *f, const char *list, cxs_err *err)
{
	int from_stdin = !strcmp(list, "-");
	FILE *in = from_stdin ? stdin : fopen(list, "r");
	cxs_buf where = CXS_BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	long long n = 0;
	int rc = 0;

	if (!in) {
		cxs_fetch_partial(f, "could not read the list '%s': %s", list, strerror(errno));
		return run_status(f, err);
	}
	while (rc == 0 && getline(&line, &cap, in) >= 0) {
		char *name = list_entry(line);
		n++;
		if (!name)
			continue;
		cxs_buf_reset(&where);
		if (cxs_buf_addf(&where, "'%s': line %lld: ", from_stdin ? "-" : list, n) < 0) {
			rc = cxs_fetch_nomem(f);
			break;
		}
		f->where = where.p;
		if (from_stdin && !strcmp(name, "-"))
			cxs_fetch_partial(f, "%s'-' (standard input) is the list itself", where.p);
		else
			rc = cxs_fetcher_source(f, name, err);
		f->where = NULL;
	}
	if (rc == 0 && ferror(in))
		cxs_fetch_partial(f, "could not read the list '%s': %s", list, strerror(errno));
	if (!from_stdin)
		fclose(in);
	free(line);
	cxs_buf_release(&where);
	return run_status(f, err);
}

void cxs_fetcher_free(cxs_fetcher *f)
{
	if (!f)
		return;
	cxs_html_free(f->html);
	cxs_stopdens_free(f->stop);
	cxs_charset_free(f->cs);
	cxs_map_free(f->map);
	cxs_dedup_free(f->dedup);
	cxs_buf_release(&f->data);
	cxs_buf_release(&f->text);
	cxs_buf_release(&f->msg);
	cxs_buf_release(&f->scratch);
	free(f);
}

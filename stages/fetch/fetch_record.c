#include "fetch_record.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cxs_hash.h"
#include "cxs_utf8.h"
#include "fetch_text.h"

/* A JSON string of `s` with invalid sequences replaced (counted in *invalid); NULL when
 * memory runs out. Valid input, the usual case, is not copied twice. */
static json_t *clean_string(const char *s, size_t n, cxs_buf *scratch, long *invalid)
{
	long bad;

	if (cxs_utf8_valid_prefix(s, n) == n)
		return json_stringn_nocheck(s, n);
	cxs_buf_reset(scratch);
	bad = cxs_utf8_sanitize(s, n, scratch);
	if (bad < 0)
		return NULL;
	*invalid += bad;
	return json_stringn_nocheck(scratch->p ? scratch->p : "", scratch->len);
}

/* Sets `key` to `v` (stolen); returns -1 when `v` is NULL or the set fails. */
static int put(json_t *obj, const char *key, json_t *v)
{
	return v && json_object_set_new_nocheck(obj, key, v) == 0 ? 0 : -1;
}

static int put_string(json_t *obj, const char *key, const char *s, cxs_buf *scratch,
		      long *invalid)
{
	if (!s)
		return 0;
	return put(obj, key, clean_string(s, strlen(s), scratch, invalid));
}

int cxs_doc_append_string(json_t *arr, const char *s, size_t len, cxs_buf *scratch,
			  long *invalid)
{
	json_t *v = clean_string(s, len, scratch, invalid);

	return v && json_array_append_new(arr, v) == 0 ? 0 : -1;
}

json_t *cxs_doc_record(const struct cxs_doc *d, cxs_buf *scratch)
{
	char made[CXS_ID_HEX];
	long invalid = d->invalid_bytes;
	json_t *rec = json_object(), *src = json_object();
	int rc = 0;

	if (!rec || !src) {
		json_decref(rec);
		json_decref(src);
		return NULL;
	}
	if (!d->id)
		cxs_make_id(d->kind, d->uri, d->locator, made);
	rc |= put_string(rec, "id", d->id ? d->id : made, scratch, &invalid);
	rc |= put_string(src, "uri", d->uri, scratch, &invalid);
	rc |= put_string(src, "kind", d->kind, scratch, &invalid);
	rc |= put_string(src, "locator", d->locator, scratch, &invalid);
	rc |= put_string(src, "date", d->source_date, scratch, &invalid);
	rc |= put(rec, "source", src);
	rc |= put_string(rec, "url", d->url, scratch, &invalid);
	rc |= put_string(rec, "title", d->title, scratch, &invalid);
	rc |= put_string(rec, "author", d->author, scratch, &invalid);
	rc |= put_string(rec, "published", d->published, scratch, &invalid);
	rc |= put_string(rec, "lang_hint", d->lang_hint, scratch, &invalid);
	rc |= put(rec, "text", clean_string(d->text, d->text_len, scratch, &invalid));
	if (d->comments && json_array_size(d->comments))
		rc |= put(rec, "comments", json_incref((json_t *)(uintptr_t)d->comments));
	if (d->meta && json_object_size(d->meta))
		rc |= put(rec, "meta", json_incref((json_t *)(uintptr_t)d->meta));
	if (d->gold)
		rc |= put(rec, "gold", json_incref((json_t *)(uintptr_t)d->gold));
	if (d->charset) {
		json_t *enc = json_object();
		rc |= put(rec, "encoding", enc);
		if (enc) {
			rc |= put_string(enc, "charset", d->charset, scratch, &invalid);
			rc |= put_string(enc, "rule", d->charset_rule, scratch, &invalid);
		}
	}
	if (invalid > 0)
		rc |= put(rec, "invalid_bytes", json_integer(invalid));
	if (rc) {
		json_decref(rec);
		return NULL;
	}
	return rec;
}

const char *cxs_export_id(const json_t *in, const char *uri, const char *locator,
			  char buf[CXS_EXPORT_ID_BUF], int *bad)
{
	const json_t *id = json_object_get(in, "id");

	*bad = 0;
	if (json_is_string(id) && json_string_length(id) > 0)
		return json_string_value(id);
	if (json_is_integer(id)) {
		snprintf(buf, CXS_EXPORT_ID_BUF, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		return buf;
	}
	if (id && !json_is_null(id))
		*bad = 1;
	cxs_make_id("jsonl", uri, locator, buf);
	return buf;
}

/* Puts `key` into `meta`, where the fields fetch does not know (or cannot use) go. */
static int to_meta(json_t *meta, const char *key, json_t *v)
{
	return json_object_set_nocheck(meta, key, v) == 0 ? 0 : -1;
}

int cxs_export_record(const json_t *in, const char *uri, const char *locator,
		      cxs_buf *scratch, json_t **out, const char **reason)
{
	char idbuf[CXS_EXPORT_ID_BUF], lang[CXS_LANG_MAX];
	struct cxs_doc d;
	const json_t *text = json_object_get(in, "text");
	const char *key;
	json_t *v, *meta;
	int bad, rc = 0;

	*out = NULL;
	*reason = NULL;
	memset(&d, 0, sizeof(d));
	d.id = cxs_export_id(in, uri, locator, idbuf, &bad);
	if (bad) {
		*reason = CXS_REASON_BAD_ID;
		return 1;
	}
	if (!json_is_string(text)) {
		*reason = CXS_REASON_NO_TEXT;
		return 1;
	}
	if (cxs_text_blank(json_string_value(text), json_string_length(text))) {
		*reason = CXS_REASON_EMPTY_TEXT;
		return 1;
	}
	meta = json_object();
	if (!meta)
		return -1;
	json_object_foreach((json_t *)(uintptr_t)in, key, v) {
		if (!strcmp(key, "text") || (!strcmp(key, "id") && (json_is_string(v) ||
								   json_is_integer(v) ||
								   json_is_null(v))))
			continue;
		if (!strcmp(key, "lang") && json_is_string(v) &&
		    cxs_lang_primary(json_string_value(v), json_string_length(v), lang))
			d.lang_hint = lang;
		else if (!strcmp(key, "title") && json_is_string(v))
			d.title = json_string_length(v) ? json_string_value(v) : NULL;
		else if (!strcmp(key, "url") && json_is_string(v))
			d.url = json_string_length(v) ? json_string_value(v) : NULL;
		else if (!strcmp(key, "gold") && json_is_object(v))
			d.gold = v;
		else
			rc |= to_meta(meta, key, v);
	}
	d.uri = uri;
	d.kind = "jsonl";
	d.locator = locator;
	d.text = json_string_value(text);
	d.text_len = json_string_length(text);
	d.meta = meta;
	*out = rc ? NULL : cxs_doc_record(&d, scratch);
	json_decref(meta);
	return *out ? 0 : -1;
}

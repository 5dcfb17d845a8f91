/*
 * fetch_semeval — SemEval ABSA XML: 2014 (<sentences><sentence id><text>
 * <aspectTerms><aspectTerm term polarity from to/> <aspectCategories><aspectCategory
 * category polarity/>; MAMS writes the same without ids) and 2015/2016 (<Reviews>
 * <Review rid><sentences><sentence id [OutOfScope]><text><Opinions><Opinion target
 * category polarity from to/>). One document per sentence, or per review with
 * --unit review; the annotations go to `gold` in the schema cxs-eval reads (README.md,
 * "SemEval ABSA XML").
 *
 * Offsets: the data sets count characters (code points); the pipeline counts bytes of
 * UTF-8 (pipeline/README.md). `from` and `to` are converted, so `text[from:to]` (in
 * bytes) is the target; in a review they point into the joined review text.
 */
#include "fetch_semeval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cxs_hash.h"
#include "cxs_utf8.h"
#include "fetch_text.h"

#define ID_MAX 256

struct sem {
	struct cxs_fetcher *f;
	cxs_xml *x;
	const char *uri;
	int by_review;
	cxs_buf text, tmp, msg;
	long long docs;
	long long nsent, nrev;     /* positions, for data without ids */
};

int cxs_semeval_byte_offset(const char *s, size_t len, long chars, size_t *bytes)
{
	size_t i = 0;
	long n = 0;

	if (chars < 0)
		return 0;
	while (n < chars && i < len) {
		size_t k = 1;
		while (i + k < len && ((unsigned char)s[i + k] & 0xc0) == 0x80)
			k++;
		i += k;
		n++;
	}
	if (n < chars)
		return 0;
	*bytes = i;
	return 1;
}

/* A JSON string of `s`, repaired if it is not valid UTF-8; NULL when memory runs out. */
static json_t *jstr(const char *s, cxs_buf *tmp)
{
	size_t n = strlen(s);

	if (cxs_utf8_valid_prefix(s, n) == n)
		return json_stringn_nocheck(s, n);
	cxs_buf_reset(tmp);
	if (cxs_utf8_sanitize(s, n, tmp) < 0)
		return NULL;
	return json_stringn_nocheck(tmp->p ? tmp->p : "", tmp->len);
}

static int put_str(json_t *o, const char *key, const char *s, cxs_buf *tmp)
{
	json_t *v;

	if (!s)
		return 0;
	v = jstr(s, tmp);
	return v && json_object_set_new_nocheck(o, key, v) == 0 ? 0 : -1;
}

static int parse_long(const char *s, long *v)
{
	char *end;

	if (!s || !*s)
		return 0;
	*v = strtol(s, &end, 10);
	return *end == '\0';
}

/* Adds "from" and "to" (character offsets `sfrom`, `sto` into the sentence `text`) as
 * byte offsets shifted by `base`; nothing when they do not fit the sentence. */
static int put_span(json_t *o, const char *sfrom, const char *sto, const char *text,
		    size_t len, size_t base)
{
	long cf, ct;
	size_t bf, bt;

	if (!parse_long(sfrom, &cf) || !parse_long(sto, &ct) || cf > ct ||
	    !cxs_semeval_byte_offset(text, len, cf, &bf) ||
	    !cxs_semeval_byte_offset(text, len, ct, &bt))
		return 0;
	if (json_object_set_new_nocheck(o, "from", json_integer((json_int_t)(bf + base))) < 0 ||
	    json_object_set_new_nocheck(o, "to", json_integer((json_int_t)(bt + base))) < 0)
		return -1;
	return 0;
}

/* The first child element of `n` named `name`. */
static const xmlNode *child(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (cxs_xml_is(c, name, NULL))
			return c;
	return NULL;
}

/* Appends the annotations of sentence `s` (text `text`, `len` bytes, starting at byte
 * `base` of the document) to `ops` (opinions) and `terms` (2014 aspect terms). */
static int annotations(struct sem *sm, const xmlNode *s, const char *text, size_t len,
		       size_t base, json_t *ops, json_t *terms)
{
	const xmlNode *c;
	int rc = 0;

	/* 2015/2016: <Opinions><Opinion target category polarity from to/> */
	for (c = child(child(s, "Opinions"), "Opinion"); c && !rc; c = c->next) {
		const char *target = cxs_xml_attr(c, "target");
		json_t *o;
		if (!cxs_xml_is(c, "Opinion", NULL))
			continue;
		o = json_object();
		if (!o)
			return -1;
		rc |= put_str(o, "category", cxs_xml_attr(c, "category"), &sm->tmp);
		rc |= put_str(o, "polarity", cxs_xml_attr(c, "polarity"), &sm->tmp);
		/* "NULL" is how the data sets write an opinion without a target word. */
		if (target && strcmp(target, "NULL")) {
			rc |= put_str(o, "target", target, &sm->tmp);
			rc |= put_span(o, cxs_xml_attr(c, "from"), cxs_xml_attr(c, "to"), text, len,
				       base);
		}
		rc |= json_array_append_new(ops, o);
	}
	/* 2014: <aspectCategories><aspectCategory category polarity/> */
	for (c = child(child(s, "aspectCategories"), "aspectCategory"); c && !rc; c = c->next) {
		json_t *o;
		if (!cxs_xml_is(c, "aspectCategory", NULL))
			continue;
		o = json_object();
		if (!o)
			return -1;
		rc |= put_str(o, "category", cxs_xml_attr(c, "category"), &sm->tmp);
		rc |= put_str(o, "polarity", cxs_xml_attr(c, "polarity"), &sm->tmp);
		rc |= json_array_append_new(ops, o);
	}
	/* 2014: <aspectTerms><aspectTerm term polarity from to/>: targets without a
	 * category, kept apart from the opinions. */
	for (c = child(child(s, "aspectTerms"), "aspectTerm"); c && !rc; c = c->next) {
		json_t *o;
		if (!cxs_xml_is(c, "aspectTerm", NULL))
			continue;
		o = json_object();
		if (!o)
			return -1;
		rc |= put_str(o, "target", cxs_xml_attr(c, "term"), &sm->tmp);
		rc |= put_str(o, "polarity", cxs_xml_attr(c, "polarity"), &sm->tmp);
		rc |= put_span(o, cxs_xml_attr(c, "from"), cxs_xml_attr(c, "to"), text, len, base);
		rc |= json_array_append_new(terms, o);
	}
	return rc ? -1 : 0;
}

/* gold: {"opinions": [...]} and, for 2014 data, "terms"; NULL when memory runs out. */
static json_t *make_gold(json_t *ops, json_t *terms)
{
	json_t *gold = json_object();

	if (!gold || json_object_set_nocheck(gold, "opinions", ops) < 0 ||
	    (json_array_size(terms) && json_object_set_nocheck(gold, "terms", terms) < 0)) {
		json_decref(gold);
		return NULL;
	}
	return gold;
}

static int out_of_scope(const xmlNode *s)
{
	const char *v = cxs_xml_attr(s, "OutOfScope");

	return v && !strcasecmp(v, "TRUE");
}

/* The text of sentence `s` into sm->text (appended); 1 when there is none. */
static int sentence_text(struct sem *sm, const xmlNode *s)
{
	const xmlNode *t = child(s, "text");

	if (!t)
		return 1;
	return cxs_xml_text(t, &sm->text, sm->f->o.max_record + 1) < 0 ? -1 : 0;
}

static int emit(struct sem *sm, struct cxs_doc *d, const char *what)
{
	char id[CXS_ID_HEX];

	if (sm->text.len > sm->f->o.max_record) {
		cxs_buf_reset(&sm->msg);
		cxs_buf_addf(&sm->msg, "%s longer than the maximum of %zu bytes "
			     "(--max-record-bytes)", what, sm->f->o.max_record);
		if (!d->id)
			cxs_make_id(d->kind, d->uri, d->locator, id);
		return cxs_fetch_reject(sm->f, d->id ? d->id : id, d->uri, d->locator,
					sm->msg.p ? sm->msg.p : what, NULL, NULL, 0);
	}
	d->text = sm->text.p ? sm->text.p : "";
	d->text_len = sm->text.len;
	cxs_buf_reset(&sm->msg);
	cxs_buf_addf(&sm->msg, "%s has no text", what);
	return cxs_fetch_doc(sm->f, d, sm->msg.p ? sm->msg.p : "no text");
}

/* One sentence as one document. `rid` is its review's id, or NULL. */
/* Counts a document in and starts its record: locator "UNIT ID" (or "UNIT #N" when
 * the element has no usable id), the id, the language of `n`. `loc` and `lang` are the
 * caller's buffers, which `d` points into. */
static void start_doc(struct sem *sm, const xmlNode *n, const char *unit, const char *id,
		      long long nth, struct cxs_doc *d, char loc[ID_MAX + 16],
		      char lang[CXS_LANG_MAX])
{
	int own = id && *id && strlen(id) < ID_MAX;

	sm->docs++;
	cxs_fetch_count_in(sm->f);
	if (own)
		snprintf(loc, ID_MAX + 16, "%s %s", unit, id);
	else
		snprintf(loc, ID_MAX + 16, "%s #%lld", unit, nth);
	memset(d, 0, sizeof(*d));
	d->uri = sm->uri;
	d->kind = "semeval";
	d->locator = loc;
	d->id = id && *id ? id : NULL;
	if (cxs_xml_lang(n, lang))
		d->lang_hint = lang;
}

static int sentence_doc(struct sem *sm, const xmlNode *s, const char *rid)
{
	const char *sid = cxs_xml_attr(s, "id");
	char loc[ID_MAX + 16], lang[CXS_LANG_MAX];
	json_t *ops = json_array(), *terms = json_array(), *gold = NULL, *meta = json_object();
	struct cxs_doc d;
	int rc = -1;

	sm->nsent++;
	start_doc(sm, s, "sentence", sid, sm->nsent, &d, loc, lang);
	cxs_buf_reset(&sm->text);
	if (!ops || !terms || !meta || sentence_text(sm, s) < 0 ||
	    annotations(sm, s, sm->text.p ? sm->text.p : "", sm->text.len, 0, ops, terms) < 0 ||
	    !(gold = make_gold(ops, terms)) ||
	    (rid && put_str(meta, "review", rid, &sm->tmp) < 0) ||
	    (out_of_scope(s) && json_object_set_new_nocheck(meta, "out_of_scope", json_true()) < 0))
		goto done;
	/* an OutOfScope sentence without opinions was left unannotated (it speaks of another
	 * place, or of no place): no gold, so cxs-eval skips it rather than count its
	 * signals as false positives of an "annotated, no aspect" sentence */
	d.gold = out_of_scope(s) && !json_array_size(ops) ? NULL : gold;
	d.meta = meta;
	rc = emit(sm, &d, "sentence");
	goto out;
done:
	rc = cxs_fetch_nomem(sm->f);
out:
	json_decref(ops);
	json_decref(terms);
	json_decref(gold);
	json_decref(meta);
	return rc;
}

/* A whole review as one document: its sentences joined with "\n", the opinions'
 * offsets moved into the joined text. */
static int review_doc(struct sem *sm, const xmlNode *rv)
{
	const char *rid = cxs_xml_attr(rv, "rid");
	char loc[ID_MAX + 16], lang[CXS_LANG_MAX];
	json_t *ops = json_array(), *terms = json_array(), *gold = NULL, *meta = json_object();
	json_t *sids = json_array(), *oos = json_array();
	const xmlNode *s;
	struct cxs_doc d;
	int rc = 0;

	sm->nrev++;
	start_doc(sm, rv, "review", rid, sm->nrev, &d, loc, lang);
	cxs_buf_reset(&sm->text);
	if (!ops || !terms || !meta || !sids || !oos)
		rc = -1;
	for (s = child(child(rv, "sentences"), "sentence"); s && !rc; s = s->next) {
		const char *sid = cxs_xml_attr(s, "id");
		size_t base = sm->text.len;
		if (!cxs_xml_is(s, "sentence", NULL))
			continue;
		if (base && cxs_buf_addch(&sm->text, '\n') < 0) {
			rc = -1;
			break;
		}
		base = sm->text.len;
		rc = sentence_text(sm, s);
		if (rc > 0 || cxs_text_blank(sm->text.p + base, sm->text.len - base)) {
			/* A sentence without text adds nothing, not even a line. */
			sm->text.len = base ? base - 1 : 0;
			if (sm->text.p)
				sm->text.p[sm->text.len] = '\0';
			rc = 0;
			continue;
		}
		if (rc < 0 || annotations(sm, s, sm->text.p + base, sm->text.len - base, base, ops,
					  terms) < 0 ||
		    (sid && json_array_append_new(sids, jstr(sid, &sm->tmp)) < 0) ||
		    (sid && out_of_scope(s) && json_array_append_new(oos, jstr(sid, &sm->tmp)) < 0))
			rc = -1;
	}
	if (rc == 0 && (!(gold = make_gold(ops, terms)) ||
			(json_array_size(sids) && json_object_set_nocheck(meta, "sentences", sids) < 0) ||
			(json_array_size(oos) && json_object_set_nocheck(meta, "out_of_scope", oos) < 0)))
		rc = -1;
	if (rc == 0) {
		d.gold = gold;
		d.meta = meta;
		rc = emit(sm, &d, "review");
	} else {
		rc = cxs_fetch_nomem(sm->f);
	}
	json_decref(ops);
	json_decref(terms);
	json_decref(gold);
	json_decref(meta);
	json_decref(sids);
	json_decref(oos);
	return rc;
}

/* A 2015/2016 review read one sentence at a time. */
static int review_sentences(struct sem *sm, const xmlNode *rv)
{
	const char *rid = cxs_xml_attr(rv, "rid");
	const xmlNode *s;

	for (s = child(child(rv, "sentences"), "sentence"); s; s = s->next)
		if (cxs_xml_is(s, "sentence", NULL) && sentence_doc(sm, s, rid) < 0)
			return -1;
	return 0;
}

int cxs_semeval_read(struct cxs_fetcher *f, cxs_xml *x, const char *uri, const char *root,
		     long long *docs)
{
	xmlTextReaderPtr r = cxs_xml_reader(x);
	const char *unit_name = !strcmp(root, "Reviews") ? "Review" : "sentence";
	struct sem sm;
	int rc, stop = 0;

	memset(&sm, 0, sizeof(sm));
	sm.f = f;
	sm.x = x;
	sm.uri = uri;
	sm.by_review = f->o.unit && !strcmp(f->o.unit, "review");
	if (sm.by_review && strcmp(root, "Reviews") && f->o.note) {
		cxs_buf_addf(&sm.msg, "'%s': SemEval-2014 data has no reviews: one document per "
			     "sentence", uri);
		if (sm.msg.p)
			f->o.note(f->o.note_ctx, sm.msg.p);
	}
	rc = xmlTextReaderRead(r);
	while (rc == 1 && !stop) {
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		xmlNodePtr n;

		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || !name ||
		    strcmp(name, unit_name)) {
			rc = xmlTextReaderRead(r);
			continue;
		}
		cxs_xml_mark(x);
		n = xmlTextReaderExpand(r);
		if (!n)
			break;
		cxs_xml_unmark(x);
		if (!strcmp(unit_name, "sentence"))
			stop = sentence_doc(&sm, n, NULL) < 0;
		else if (sm.by_review)
			stop = review_doc(&sm, n) < 0;
		else
			stop = review_sentences(&sm, n) < 0;
		rc = xmlTextReaderNext(r);
	}
	if (!stop && (rc == 1 || rc < 0)) {
		cxs_xml_unmark(x);
		if (cxs_xml_over(x))
			cxs_fetch_partial(f, "could not read all of '%s': after %s %lld: a %s longer "
					  "than the maximum of %zu bytes (--max-record-bytes); the rest "
					  "of the file is not read", uri, sm.by_review ? "review" :
					  "sentence", sm.docs, strcmp(unit_name, "sentence") ?
					  "review" : "sentence", f->o.max_record);
		else
			cxs_fetch_partial(f, "could not read all of '%s': %s", uri,
					  cxs_xml_error(x, &sm.msg));
	}
	*docs = sm.docs;
	cxs_buf_release(&sm.text);
	cxs_buf_release(&sm.tmp);
	cxs_buf_release(&sm.msg);
	return stop ? -1 : 0;
}

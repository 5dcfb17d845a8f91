/*
 * report_doc — checking a classify record once, so the aggregates, the CSV files and the
 * database never see half a record.
 */
#include "report_doc.h"

#include <ctype.h>
#include <string.h>

static const char *const pol_names[REPORT_NPOL] = { "positive", "negative", "neutral" };

const char *report_polarity_name(int pol)
{
	return pol >= 0 && pol < REPORT_NPOL ? pol_names[pol] : "neutral";
}

static int polarity_of(const char *s)
{
	int i;

	for (i = 0; s && i < REPORT_NPOL; i++)
		if (!strcmp(s, pol_names[i]))
			return i;
	return -1;
}

int report_signal_polarity(const json_t *sig)
{
	int p = polarity_of(json_string_value(json_object_get(sig, "polarity")));

	return p < 0 ? REPORT_NEU : p;
}

static const char *str_or_empty(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

void report_host_of(const char *s, char *out, size_t n)
{
	const char *p, *end, *at, *colon;
	size_t i, len;

	out[0] = '\0';
	if (!s || n == 0)
		return;
	for (p = s; isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	if (p == s || strncmp(p, "://", 3))
		return;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	if (*p == '[') {
		colon = memchr(p, ']', (size_t)(end - p));
		end = colon ? colon + 1 : end;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon)
			end = colon;
	}
	len = (size_t)(end - p);
	if (len >= n)
		return;  /* not a host anyone types; leave it out rather than cut it */
	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[len] = '\0';
}

static int check_evidence(const json_t *ev, size_t si, cxs_err *err)
{
	size_t i;
	const json_t *e;

	if (!json_is_array(ev))
		return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'evidence' array", si);
	json_array_foreach(ev, i, e) {
		if (!json_is_object(e))
			return cxs_err_set(err, CXS_E_INPUT,
					   "evidence %zu of signal %zu is not an object", i, si);
		if (!json_is_string(json_object_get(e, "term")))
			return cxs_err_set(err, CXS_E_INPUT,
					   "evidence %zu of signal %zu has no 'term' string", i, si);
	}
	return 0;
}

static int check_signals(const json_t *sigs, cxs_err *err)
{
	size_t i;
	const json_t *s;

	json_array_foreach(sigs, i, s) {
		if (!json_is_object(s))
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu is not an object", i);
		if (!json_is_string(json_object_get(s, "dim")) ||
		    !*json_string_value(json_object_get(s, "dim")))
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'dim' string", i);
		if (polarity_of(json_string_value(json_object_get(s, "polarity"))) < 0)
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'polarity' "
					   "positive, negative or neutral", i);
		if (!json_is_number(json_object_get(s, "score")))
			return cxs_err_set(err, CXS_E_INPUT, "signal %zu has no 'score' number", i);
		if (check_evidence(json_object_get(s, "evidence"), i, err) < 0)
			return -1;
	}
	return 0;
}

int report_doc_read(const json_t *rec, struct report_doc *doc, cxs_err *err)
{
	const json_t *src = json_object_get(rec, "source");
	const json_t *sent = json_object_get(rec, "sentiment");
	const json_t *lex = json_object_get(rec, "lexicon");
	const json_t *text = json_object_get(rec, "text");

	memset(doc, 0, sizeof *doc);
	doc->signals = json_object_get(rec, "signals");
	if (!json_is_array(doc->signals))
		return cxs_err_set(err, CXS_E_INPUT,
				   "record has no 'signals' array (run cxs-classify first)");
	if (check_signals(doc->signals, err) < 0)
		return -1;
	doc->id = str_or_empty(rec, "id");
	doc->lang = str_or_empty(rec, "lang");
	if (!*doc->lang)
		doc->lang = "und";
	doc->kind = str_or_empty(src, "kind");
	doc->uri = str_or_empty(src, "uri");
	doc->locator = str_or_empty(src, "locator");
	doc->url = str_or_empty(rec, "url");
	doc->title = str_or_empty(rec, "title");
	doc->text = json_is_string(text) ? json_string_value(text) : "";
	doc->text_len = json_is_string(text) ? json_string_length(text) : 0;
	doc->sentences = json_is_array(json_object_get(rec, "sentences")) ?
			 json_object_get(rec, "sentences") : NULL;
	doc->sentiment = polarity_of(json_string_value(json_object_get(sent, "polarity")));
	if (doc->sentiment < 0)
		doc->sentiment = REPORT_NEU;
	doc->sentiment_score = json_number_value(json_object_get(sent, "score"));
	doc->lexicon = str_or_empty(lex, "name");
	doc->lexicon_version = str_or_empty(lex, "version");
	report_host_of(doc->url, doc->host, sizeof doc->host);
	if (!doc->host[0])
		report_host_of(doc->uri, doc->host, sizeof doc->host);
	return 0;
}

static int boundary(const char *t, size_t len, size_t at)
{
	return at == len || ((unsigned char)t[at] & 0xC0) != 0x80;
}

int report_doc_span_ok(const struct report_doc *doc, long long start, long long end)
{
	if (start < 0 || end <= start || (unsigned long long)end > doc->text_len)
		return 0;
	return boundary(doc->text, doc->text_len, (size_t)start) &&
	       boundary(doc->text, doc->text_len, (size_t)end);
}

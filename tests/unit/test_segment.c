/* Unit tests for cxs_segment: sentences and word tokens as byte spans of the original. */
#include <unicode/uclean.h>

#include "cxs_test.h"

#include "cxs_buf.h"
#include "cxs_segment.h"

static char joined[8192];

/* The spans of `text` sliced out of the original bytes and joined with "|", so that a
 * check compares exactly what the offsets point to. */
static const char *slices(const char *text, const cxs_span *sp, size_t n)
{
	size_t i, at = 0;

	joined[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t len = sp[i].end - sp[i].start;

		if (sp[i].start >= sp[i].end || sp[i].end > strlen(text) ||
		    at + len + 2 >= sizeof(joined))
			return "(bad span)";
		if (i)
			joined[at++] = '|';
		memcpy(joined + at, text + sp[i].start, len);
		at += len;
		joined[at] = '\0';
	}
	return joined;
}

static const cxs_segments *run(cxs_segmenter *sg, const char *text)
{
	cxs_err err = { CXS_E_NONE, "" };
	const cxs_segments *seg = NULL;

	if (cxs_segmenter_run(sg, text, strlen(text), &seg, &err) < 0) {
		printf("  segment error: %s\n", err.msg);
		return NULL;
	}
	return seg;
}

/* Every token lies inside one sentence, in order, and the spans do not overlap. */
static int well_formed(const cxs_segments *seg)
{
	size_t i, j = 0;

	for (i = 0; i < seg->nsent; i++)
		if (seg->sent[i].start >= seg->sent[i].end ||
		    (i && seg->sent[i].start < seg->sent[i - 1].end))
			return 0;
	for (i = 0; i < seg->ntok; i++) {
		if (i && seg->tok[i].start < seg->tok[i - 1].end)
			return 0;
		while (j < seg->nsent && seg->sent[j].end <= seg->tok[i].start)
			j++;
		if (j == seg->nsent || seg->tok[i].start < seg->sent[j].start ||
		    seg->tok[i].end > seg->sent[j].end)
			return 0;
	}
	return 1;
}

static cxs_segmenter *open_seg(const char *lang)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_segmenter *sg = cxs_segmenter_new(lang, &err);

	if (!sg)
		printf("  segmenter_new('%s'): %s\n", lang, err.msg);
	return sg;
}

static void test_english(void)
{
	static const char text[] =
		"  Mr. Berg waited 2.5 hours for a table. The soup was cold!\n\n"
		"Would I come back? Probably not.  ";
	cxs_segmenter *sg = open_seg("en");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_STR(slices(text, seg->sent, seg->nsent),
			  "Mr. Berg waited 2.5 hours for a table.|The soup was cold!|"
			  "Would I come back?|Probably not.");
		CHECK_STR(slices(text, seg->tok, seg->ntok),
			  "Mr|Berg|waited|2.5|hours|for|a|table|The|soup|was|cold|"
			  "Would|I|come|back|Probably|not");
		CHECK(well_formed(seg));
		CHECK_INT(seg->sent[0].start, 2);
	}
	cxs_segmenter_free(sg);
}

static void test_swedish(void)
{
	static const char text[] =
		"Personalen på caféet var trevlig. Kön gick snabbt, och kaffet smakade ännu bättre än förra året.";
	cxs_segmenter *sg = open_seg("sv");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->nsent, 2);
		CHECK_STR(slices(text, seg->tok, seg->ntok),
			  "Personalen|på|caféet|var|trevlig|Kön|gick|snabbt|och|kaffet|smakade|"
			  "ännu|bättre|än|förra|året");
		CHECK(well_formed(seg));
	}
	cxs_segmenter_free(sg);
}

static void test_spanish(void)
{
	static const char text[] = "¿Volveremos? ¡Claro que sí! El camarero fue muy amable.";
	cxs_segmenter *sg = open_seg("es");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_STR(slices(text, seg->sent, seg->nsent),
			  "¿Volveremos?|¡Claro que sí!|El camarero fue muy amable.");
		CHECK_STR(slices(text, seg->tok, seg->ntok),
			  "Volveremos|Claro|que|sí|El|camarero|fue|muy|amable");
		CHECK(well_formed(seg));
	}
	cxs_segmenter_free(sg);
}

static void test_chinese(void)
{
	static const char text[] = "服务员很热情。菜太咸了！你还会再来吗？";
	cxs_segmenter *sg = open_seg("zh");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;
	size_t i, chars = 0;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_STR(slices(text, seg->sent, seg->nsent),
			  "服务员很热情。|菜太咸了！|你还会再来吗？");
		CHECK(well_formed(seg));
		/* the dictionary groups characters: fewer tokens than the 16 Han characters */
		CHECK(seg->ntok >= 6 && seg->ntok < 16);
		for (i = 0; i < seg->ntok; i++) {
			/* whole characters (3 bytes each here), never punctuation */
			CHECK_INT((seg->tok[i].end - seg->tok[i].start) % 3, 0);
			CHECK(memcmp(text + seg->tok[i].start, "。", 3) != 0);
			chars += (seg->tok[i].end - seg->tok[i].start) / 3;
		}
		CHECK_INT(chars, 16);
		/* ICU's dictionary splits 服务员 (DESIGN.md 4): 服务|员 */
		CHECK_STR(slices(text, seg->tok, 2), "服务|员");
	}
	cxs_segmenter_free(sg);
}

/* A line break ends a sentence; an abbreviation in ICU's list for the locale does not. */
static void test_breaks_and_abbreviations(void)
{
	static const char lines[] = "Good coffee\nslow service\r\n\r\nWill return";
	static const char sra[] = "La Sra. Lund nos atendió. Todo bien.";
	cxs_segmenter *sg = open_seg("es");
	const cxs_segments *seg = sg ? run(sg, lines) : NULL;

	CHECK(seg != NULL);
	if (seg)
		CHECK_STR(slices(lines, seg->sent, seg->nsent),
			  "Good coffee|slow service|Will return");
	seg = sg ? run(sg, sra) : NULL;
	CHECK(seg != NULL);
	if (seg)
		CHECK_STR(slices(sra, seg->sent, seg->nsent), "La Sra. Lund nos atendió.|Todo bien.");
	cxs_segmenter_free(sg);
}

/* Sentences and tokens of `text` in `lang`, as "s1|s2 / t1|t2". */
static const char *both(const char *lang, const char *text)
{
	static char out[8192];
	cxs_segmenter *sg = open_seg(lang);
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	if (!seg) {
		cxs_segmenter_free(sg);
		return "(failed)";
	}
	if (!well_formed(seg))
		snprintf(out, sizeof(out), "(not well formed)");
	else {
		snprintf(out, sizeof(out), "%s / ", slices(text, seg->sent, seg->nsent));
		strncat(out, slices(text, seg->tok, seg->ntok), sizeof(out) - strlen(out) - 1);
	}
	cxs_segmenter_free(sg);
	return out;
}

/* Blog text: no space after a full stop, emoji for full stops, Chinese stops and
 * ellipses, bullet lists. */
static void test_blog_text(void)
{
	CHECK_STR(both("sv", "Maten var god.Personalen var trevlig!Vi kommer igen"),
		  "Maten var god.|Personalen var trevlig!|Vi kommer igen / "
		  "Maten|var|god|Personalen|var|trevlig|Vi|kommer|igen");
	/* an abbreviation-like word, a domain and a short lower-case word stay whole */
	CHECK_STR(both("en", "Mr.Smith was there. See example.com for more."),
		  "Mr.Smith was there.|See example.com for more. / "
		  "Mr.Smith|was|there|See|example.com|for|more");
	CHECK_STR(both("sv", "Det var t.ex.Bra"), "Det var t.ex.Bra / Det|var|t.ex.Bra");
	CHECK_STR(both("en", "Great food 😀 The staff were lovely 👍👍 We will be back 🙂"),
		  "Great food 😀|The staff were lovely 👍👍|We will be back 🙂 / "
		  "Great|food|😀|The|staff|were|lovely|👍|👍|We|will|be|back|🙂");
	/* an emoji inside a sentence, before a lower-case word, ends nothing */
	CHECK_STR(both("en", "The 🍕 was great"), "The 🍕 was great / The|🍕|was|great");
	CHECK_STR(both("zh", "服务很好。菜很好吃！还会再来吗？当然……下次见"),
		  "服务很好。|菜很好吃！|还会再来吗？|当然……下次见 / "
		  "服务|很好|菜|很好|吃|还|会|再来|吗|当然|下次|见");
	CHECK_STR(both("en", "Well... it was ok... I guess. Not great…but ok."),
		  "Well... it was ok...|I guess.|Not great…but ok. / "
		  "Well|it|was|ok|I|guess|Not|great|but|ok");
	CHECK_STR(both("en", "Pros:\n- fast delivery\n• cheap\n* clean rooms\n2. nice view"),
		  "Pros:|fast delivery|cheap|clean rooms|2. nice view / "
		  "Pros|fast|delivery|cheap|clean|rooms|2|nice|view");
}

/* Currency signs and emoji are tokens (the lexicons name them: "$" the price, "😡" a
 * feeling); other punctuation, symbols and spaces are not. A text with a currency sign
 * goes through ICU's iterator, so both ways agree. */
static void test_symbol_tokens(void)
{
	CHECK_STR(both("en", "Lunch was $12.50 & the wine £8 (a bargain) 👍"),
		  "Lunch was $12.50 & the wine £8 (a bargain) 👍 / "
		  "Lunch|was|$|12.50|the|wine|£|8|a|bargain|👍");
	CHECK_STR(both("es", "Menú a 15€, café incluido"),
		  "Menú a 15€, café incluido / Menú|a|15|€|café|incluido");
	CHECK_STR(both("sv", "Priset: 120 kr + 25 % dricks #fail"),
		  "Priset: 120 kr + 25 % dricks #fail / Priset|120|kr|25|dricks|fail");
	CHECK_STR(both("zh", "才二十元，¥15的饮料😋"),
		  "才二十元，¥15的饮料😋 / 才|二十|元|¥|15|的|饮料|😋");
}

/* Offsets are bytes of the original, also after characters that are two UTF-16 units. */
static void test_offsets_after_astral(void)
{
	static const char text[] = "Great 😀 food 🍕! Fun 𝔸 times.";
	cxs_segmenter *sg = open_seg("en");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_STR(slices(text, seg->tok, seg->ntok), "Great|😀|food|🍕|Fun|𝔸|times");
		CHECK_INT(seg->tok[2].start, strlen("Great 😀 "));
		CHECK_INT(seg->tok[6].end, strlen(text) - 1);
		CHECK(well_formed(seg));
	}
	cxs_segmenter_free(sg);
}

static void test_no_words(void)
{
	cxs_segmenter *sg = open_seg("");
	const cxs_segments *seg;

	seg = sg ? run(sg, "!!! ... -- ? * # %") : NULL;
	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->ntok, 0);
		CHECK(seg->nsent >= 1);
	}
	seg = sg ? run(sg, "") : NULL;
	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->ntok, 0);
		CHECK_INT(seg->nsent, 0);
	}
	seg = sg ? run(sg, " \n\n\t ") : NULL;
	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->ntok, 0);
		CHECK_INT(seg->nsent, 0);
	}
	cxs_segmenter_free(sg);
}

/* One segmenter over texts of different sizes: nothing of a longer text leaks into the
 * results of a shorter one. */
static void test_reuse(void)
{
	cxs_segmenter *sg = open_seg("sv");
	cxs_buf big = CXS_BUF_INIT;
	const cxs_segments *seg;
	int i;

	for (i = 0; i < 2000; i++)
		cxs_buf_addstr(&big, "Maten var god. ");
	seg = sg ? run(sg, big.p) : NULL;
	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->nsent, 2000);
		CHECK_INT(seg->ntok, 6000);
		CHECK(well_formed(seg));
	}
	seg = sg ? run(sg, "Hej då.") : NULL;
	CHECK(seg != NULL);
	if (seg) {
		CHECK_INT(seg->nsent, 1);
		CHECK_STR(slices("Hej då.", seg->tok, seg->ntok), "Hej|då");
	}
	cxs_buf_release(&big);
	cxs_segmenter_free(sg);
}

/* Invalid bytes break no promise about offsets (the caller should not pass them). */
static void test_invalid_bytes(void)
{
	static const char text[] = "ok \xFF\xFE bad \xC3";
	cxs_segmenter *sg = open_seg("en");
	const cxs_segments *seg = sg ? run(sg, text) : NULL;

	CHECK(seg != NULL);
	if (seg) {
		CHECK_STR(slices(text, seg->tok, seg->ntok), "ok|bad");
		CHECK(well_formed(seg));
	}
	cxs_segmenter_free(sg);
}

/* A copy of the spans, as the segmenter's arrays are reused by its next call. */
static size_t copy_spans(const cxs_span *sp, size_t n, cxs_span *out, size_t cap)
{
	size_t i;

	for (i = 0; i < n && i < cap; i++)
		out[i] = sp[i];
	return n;
}

/* Latin text goes through a faster path than ICU's word iterator: on random text made
 * of the characters that decide word breaks (letters, digits, the joiners '.', ',',
 * ':', quotes, and some that send the text to ICU: '_', a soft hyphen, ł, an emoji) both
 * give the very same sentences and tokens, for every language's rules. */
static void test_fast_words_agree(void)
{
	static const char *const pieces[] = {
		"a", "Z", "é", "Å", "ß", "µ", "ª", "1", "0", " ", " ", " ", ".", ",", ":", ";",
		"'", "\xE2\x80\x99", "\xE2\x80\x98", "\"", "-", "!", "?", "\n", "\r", "\t",
		"\xC2\xB7", "\xC2\xA0", "\xE2\x80\xA6", "\xE2\x80\x93", "(", "/", "@", "&",
		"_", "\xC2\xAD", "\xC5\x82", "\xF0\x9F\x98\x80", "\xE2\x80\xBC", "x", "y"
	};
	static const char *const langs[] = { "sv", "es", "en", "zh", "" };
	static cxs_span want_sent[256], want_tok[256];
	unsigned seed = 12345;
	size_t l;
	int i, k, bad = 0;

	for (l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
		cxs_segmenter *sg = open_seg(langs[l]);

		CHECK(sg != NULL);
		for (i = 0; sg && i < 3000 && bad < 3; i++) {
			char text[512] = "";
			const cxs_segments *seg;
			size_t ns, nt;
			int len = 1 + (i % 40);

			for (k = 0; k < len; k++) {
				seed = seed * 1103515245u + 12345u;
				/* the last six pieces rarely, so most texts stay simple */
				strcat(text, pieces[(seed >> 16) % (i % 4 ? 35 : 41)]);
			}
			cxs_segmenter_icu_words(sg, 1);
			if (!(seg = run(sg, text)))
				break;
			ns = copy_spans(seg->sent, seg->nsent, want_sent, 256);
			nt = copy_spans(seg->tok, seg->ntok, want_tok, 256);
			cxs_segmenter_icu_words(sg, 0);
			if (!(seg = run(sg, text)))
				break;
			if (seg->nsent != ns || seg->ntok != nt ||
			    (ns && memcmp(seg->sent, want_sent, ns * sizeof(*want_sent))) ||
			    (nt && memcmp(seg->tok, want_tok, nt * sizeof(*want_tok)))) {
				printf("  '%s' rules, text '%s': tokens %s", langs[l], text,
				       slices(text, want_tok, nt));
				printf(" from ICU, %s fast\n", slices(text, seg->tok, seg->ntok));
				bad++;
			}
		}
		CHECK_INT(bad, 0);
		cxs_segmenter_free(sg);
	}
}

/* Swedish rules join letters across ':' ("EU:s"), the others do not: the fast path
 * follows each locale's own iterator. */
static void test_colon_per_locale(void)
{
	static const char text[] = "EU:s regler, kl. 10:30.";
	cxs_segmenter *sv = open_seg("sv"), *en = open_seg("en");
	const cxs_segments *seg;

	if (sv && (seg = run(sv, text)))
		CHECK_STR(slices(text, seg->tok, seg->ntok), "EU:s|regler|kl|10|30");
	if (en && (seg = run(en, text)))
		CHECK_STR(slices(text, seg->tok, seg->ntok), "EU|s|regler|kl|10|30");
	cxs_segmenter_free(sv);
	cxs_segmenter_free(en);
}

static void test_bad_language(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	CHECK(cxs_segmenter_new("en@ss=none", &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	cxs_segmenter_free(NULL);
}

int main(void)
{
	RUN(test_english);
	RUN(test_swedish);
	RUN(test_spanish);
	RUN(test_chinese);
	RUN(test_breaks_and_abbreviations);
	RUN(test_offsets_after_astral);
	RUN(test_blog_text);
	RUN(test_symbol_tokens);
	RUN(test_no_words);
	RUN(test_reuse);
	RUN(test_invalid_bytes);
	RUN(test_fast_words_agree);
	RUN(test_colon_per_locale);
	RUN(test_bad_language);
	u_cleanup();
	return cxs_test_done();
}

/* Unit tests for cxs-normalize's language identifier (stages/normalize/cxs_langid). */
#include <unistd.h>

#include "cxs_test.h"

#include "cxs_buf.h"
#include "cxs_langid.h"

#define MODEL CXS_SRC_LEXICONS "/langid/model.txt"

static cxs_langid *li;

/* Checks that `text` (with `hint`, may be NULL) comes out as `want`; a real language
 * must come with a score in (0, 1]. */
#define EXPECT(want, text, hint) expect(want, text, hint, __LINE__)
static void expect(const char *want, const char *text, const char *hint, int line)
{
	struct cxs_langid_result r = { NULL, -1 };

	cxs_langid_detect(li, text, strlen(text), hint, &r);
	if (!r.lang || strcmp(r.lang, want)) {
		printf("  line %d: '%s' (hint %s) is '%s', expected '%s'\n", line, text,
		       hint ? hint : "none", r.lang ? r.lang : "(null)", want);
		cxs_t_cur++;
	}
	CHECK(r.score >= 0 && r.score <= 1);
	if (strcmp(want, "und"))
		CHECK(r.score > 0);
}

static double score_of(const char *text)
{
	struct cxs_langid_result r;

	cxs_langid_detect(li, text, strlen(text), NULL, &r);
	return r.score;
}

static void test_english(void)
{
	EXPECT("en", "The waiter was friendly and the food arrived quickly, but the coffee was cold.", NULL);
	EXPECT("en", "We booked a table for six and had to wait almost an hour before anyone came.", NULL);
	EXPECT("en", "Terrible service, we will not be back.", NULL);
	EXPECT("en", "The café was nice and the staff helped us find a seat.", NULL);
	EXPECT("en", "I loved the 小笼包 there, best in town.", NULL);
	EXPECT("en", "THE ROOM WAS CLEAN AND THE BEDS WERE COMFORTABLE.", NULL);
}

static void test_swedish(void)
{
	EXPECT("sv", "Personalen var trevlig men maten kom sent och kaffet var kallt.", NULL);
	EXPECT("sv", "Vi fick vänta nästan en timme på bordet, det var inte okej.", NULL);
	EXPECT("sv", "Jättegod mat och bra service, vi kommer tillbaka!", NULL);
	EXPECT("sv", "Kaffet på caféet var gott.", NULL);
	EXPECT("sv", "Hotellet var fint och rummet var rent, men frukosten kunde ha varit bättre.", NULL);
}

static void test_spanish(void)
{
	EXPECT("es", "El camarero fue muy amable y la comida llegó rápido, pero el café estaba frío.", NULL);
	EXPECT("es", "¿Volveremos? ¡Claro que sí!", NULL);
	EXPECT("es", "Reservamos una mesa para seis y tuvimos que esperar casi una hora.", NULL);
	EXPECT("es", "Nos encantó el ambiente del restaurante.", NULL);
	EXPECT("es", "Muy bueno", NULL);
}

static void test_chinese(void)
{
	EXPECT("zh", "服务员很热情，菜也很好吃，但是等了很久。", NULL);
	EXPECT("zh", "服務員態度很好，環境也不錯。", NULL);             /* Traditional */
	EXPECT("zh", "这家店的WiFi很慢，不过咖啡不错。", NULL);         /* a Latin word inside */
	EXPECT("zh", "好", NULL);
	CHECK(score_of("服务员很热情，菜也很好吃，但是等了很久。") > score_of("好"));
}

/* Languages close to ours must not be taken for them. */
static void test_other_latin_languages(void)
{
	EXPECT("und", "Die Bedienung war sehr freundlich und das Essen war gut, aber der Kaffee ist nicht heiß.", NULL);
	EXPECT("und", "Das Hotel ist toll, das Zimmer war sauber, aber das Frühstück könnte besser sein.", NULL);
	EXPECT("und", "Le serveur était très gentil mais le café n'est pas chaud.", NULL);
	EXPECT("und", "Nous avons attendu une heure avant que quelqu'un vienne.", NULL);
	EXPECT("und", "De ober was erg vriendelijk maar het eten was niet warm.", NULL);
	EXPECT("und", "We hebben een uur gewacht voordat er iemand kwam.", NULL);
	EXPECT("und", "Servitøren var hyggelig, men jeg er ikke fornøyd med maten.", NULL);
	EXPECT("und", "Vi ventet nesten en time på bordet, og det var ikke greit.", NULL);
	EXPECT("und", "Hotellet er flott, rommet var rent, men frokosten kunne vært bedre.", NULL);
	EXPECT("und", "Maden var god, men jeg synes ikke at prisen var rimelig.", NULL);      /* da */
	EXPECT("und", "O garçom foi muito simpático, mas você não vai acreditar no preço.", NULL);
	EXPECT("und", "Il cameriere era molto gentile ma il caffè non era caldo.", NULL);
}

static void test_other_scripts(void)
{
	EXPECT("und", "これはとても美味しいです。また来たいと思います。", NULL);     /* kana → not zh */
	EXPECT("und", "Официант был очень вежлив, но кофе был холодным.", NULL);
	EXPECT("und", "음식이 정말 맛있었어요.", NULL);
}

static void test_too_little_evidence(void)
{
	EXPECT("und", "", NULL);
	EXPECT("und", "OK", NULL);
	EXPECT("und", "12345 67 !!!", NULL);
	EXPECT("und", "OK", "en");
	EXPECT("und", "Hej", NULL);             /* sv, da or no */
	CHECK(score_of("OK") == 0);
}

/* A text of one longer word is decided when the model is clear about it (a sentence
 * record of a review: "Volveríamos."), and stays und when it is not or when the word
 * is another language's; a hint is the prior that tips a short one. */
static void test_one_word(void)
{
	EXPECT("es", "Volveríamos.", NULL);
	EXPECT("es", "Decepcionante", NULL);
	EXPECT("en", "Overpriced.", NULL);
	EXPECT("sv", "Fantastiskt!", NULL);
	EXPECT("und", "Impossible.", NULL);     /* en or fr: fr by a little */
	EXPECT("und", "Ausgezeichnet", NULL);
	EXPECT("und", "Heerlijk", NULL);
	EXPECT("und", "Danke!", "en");
	EXPECT("sv", "Hej", "sv");
}

/* A declared language that the text contradicts changes nothing. */
static void test_wrong_hint(void)
{
	EXPECT("en", "The waiter was friendly and the food arrived quickly.", "sv");
	EXPECT("sv", "Personalen var trevlig och maten var god.", "en");
	EXPECT("es", "La comida estaba muy buena.", "pt-BR");
	EXPECT("en", "Not worth the price.", "es");
	EXPECT("und", "Die Bedienung war sehr freundlich.", "en");
	EXPECT("zh", "服务员很热情，菜也很好吃。", "en");
	EXPECT("und", "これはとても美味しいです。", "zh");
}

/* Text that is Norwegian or Danish as much as Swedish (the same words in all three):
 * without a hint the other languages win ("und"); a hint of one of ours tips it, any
 * other hint does not. */
static void test_hint_breaks_tie(void)
{
	static const char tie[] = "Vi kommer igen.";

	EXPECT("und", tie, NULL);
	EXPECT("sv", tie, "sv");
	EXPECT("sv", tie, "SV_se");
	EXPECT("und", tie, "nb");
	EXPECT("und", tie, "en");
	EXPECT("und", tie, "swedish");
}

/* A sentence leans on its document's language when its own evidence is thin, and
 * speaks for itself when it is clear. */
static void test_sentence_prior(void)
{
	struct cxs_langid_result r;

	cxs_langid_detect_sentence(li, "Vi kommer igen.", 15, NULL, "sv", 0.9, &r);
	CHECK_STR(r.lang, "sv");
	CHECK(r.score > 0 && r.score < 0.9);
	cxs_langid_detect_sentence(li, "Toppen!", 7, NULL, "sv", 0.9, &r);
	CHECK_STR(r.lang, "sv");                /* one word: the document's */
	cxs_langid_detect_sentence(li, "!!!", 3, NULL, "zh", 0.8, &r);
	CHECK_STR(r.lang, "zh");
	CHECK(r.score > 0.39 && r.score < 0.41);
	cxs_langid_detect_sentence(li, "Toppen!", 7, NULL, "und", 0.5, &r);
	CHECK_STR(r.lang, "und");
	CHECK(r.score == 0);
	cxs_langid_detect_sentence(li, "The waiter never came back with our drinks.", 43, NULL,
				   "sv", 0.9, &r);
	CHECK_STR(r.lang, "en");
	cxs_langid_detect_sentence(li, "Die Bedienung war leider sehr unfreundlich zu uns.", 50,
				   NULL, "en", 0.9, &r);
	CHECK_STR(r.lang, "und");
}

static void test_model_file_errors(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	char path[] = "/tmp/cxs-test-langid-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	CHECK(cxs_langid_new("/nonexistent/model.txt", &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK(strstr(err.msg, "/nonexistent/model.txt") != NULL);
	fputs("# a comment\ncxs-langid 1\nclasses sv en\nscale 16\nunseen 200\ngrams 2\n"
	      "_a\t10 20\nab\t10\n", f);
	fclose(f);
	CHECK(cxs_langid_new(path, &err) == NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
	CHECK(strstr(err.msg, "line 8: expected one value") != NULL);
	unlink(path);
}

/* Only the first CXS_LANGID_SCAN bytes count, so a long document costs no more. */
static void test_long_document(void)
{
	cxs_buf b = CXS_BUF_INIT;
	struct cxs_langid_result r;

	while (b.len < CXS_LANGID_SCAN)
		cxs_buf_addstr(&b, "The staff were friendly and the room was quiet. ");
	while (b.len < 4 * CXS_LANGID_SCAN)
		cxs_buf_addstr(&b, "Personalen var trevlig och rummet var tyst. ");
	cxs_langid_detect(li, b.p, b.len, NULL, &r);
	CHECK_STR(r.lang, "en");
	CHECK(r.score > 0.9);
	cxs_buf_release(&b);
}

static void test_invalid_bytes(void)
{
	static const char bad[] = "The \xFF\xFE food was \xC3 good and the \xE6\x9C staff were kind";
	struct cxs_langid_result r;

	cxs_langid_detect(li, bad, sizeof(bad) - 1, NULL, &r);
	CHECK_STR(r.lang, "en");
	cxs_langid_detect(li, "\xE5\xA5", 2, NULL, &r);      /* a cut-off Han character */
	CHECK_STR(r.lang, "und");
	cxs_langid_free(NULL);
}

/* cxs_langid_detect_span gives what cxs_langid_detect_sentence gives on the same bytes,
 * for every span of whole characters: spans made of whole runs of letters (summed) and
 * spans that cut one or lie past the scanned part (scanned again). Returns the number
 * of spans that disagree. */
static int span_mismatches(const char *doc, size_t len, size_t step)
{
	struct cxs_langid_result whole, a, b;
	size_t s, e;
	int bad = 0;

	for (s = 0; s < len; s += step) {
		if ((doc[s] & 0xC0) == 0x80)
			continue;
		for (e = s + 1; e <= len; e += step) {
			if (e < len && (doc[e] & 0xC0) == 0x80)
				continue;
			/* the sentence calls do not disturb the document's runs */
			cxs_langid_detect(li, doc, len, "sv", &whole);
			cxs_langid_detect_sentence(li, doc + s, e - s, "sv", whole.lang, whole.score, &a);
			cxs_langid_detect_span(li, s, e, "sv", whole.lang, whole.score, &b);
			bad += strcmp(a.lang, b.lang) != 0 || a.score != b.score;
		}
	}
	return bad;
}

static void test_span_same_as_sentence(void)
{
	static const char mixed[] =
		"Maten var god. The waiter was rude.\xC3\xA9\xCC\x81 Caf\xC3\xA9" "et "
		"\xE6\x9C\x8D\xE5\x8A\xA1\xE5\x91\x98\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82"
		" \xFF bra\xE3\x81\x82 ok";
	cxs_buf b = CXS_BUF_INIT;

	CHECK_INT(span_mismatches(mixed, sizeof(mixed) - 1, 1), 0);
	while (b.len < CXS_LANGID_SCAN + 200)
		cxs_buf_addstr(&b, "Personalen var trevlig. The food was good. ");
	CHECK_INT(span_mismatches(b.p, b.len, 997), 0);
	cxs_buf_release(&b);
}

/* Short review sentences with few function words: the content words, endings and
 * letters of the larger lists must carry them (eval-langid's most common misses). */
/* The word cache changes no result: texts score exactly the same on a fresh handle,
 * again (every word a hit), and after a flood of other words has pushed theirs out
 * of both entries of their pairs; long words (past the cache's key, past the 32
 * characters used) included. */
static void test_word_cache(void)
{
	static const char *const texts[] = {
		"Personalen var trevlig men maten kom kall.",
		"The waiter was friendly and the food arrived quickly.",
		"La comida estaba fr\xC3\xAD\x61 y el camarero fue muy lento.",
		"Kundtj\xC3\xA4nstmedarbetarutbildningsprogrammet var bra.",
		"Supercalifragilisticexpialidociousandthensomemorelettersbeyond okay then.",
	};
	enum { N = sizeof(texts) / sizeof(texts[0]) };
	struct cxs_langid_result first[N], r;
	cxs_err err = { CXS_E_NONE, "" };
	cxs_langid *fresh = cxs_langid_new(MODEL, &err);
	char word[64];
	unsigned seed = 7;
	int i, pass, k;

	CHECK(fresh != NULL);
	if (!fresh)
		return;
	for (pass = 0; pass < 3; pass++) {
		if (pass == 2)
			for (i = 0; i < 200000; i++) {
				for (k = 0; k < 3 + i % 9; k++) {
					seed = seed * 1103515245u + 12345u;
					word[k] = (char)('a' + (seed >> 16) % 26);
				}
				memcpy(word + k, " och", 5);
				cxs_langid_detect(fresh, word, strlen(word), NULL, &r);
			}
		for (i = 0; i < N; i++) {
			cxs_langid_detect(fresh, texts[i], strlen(texts[i]), NULL, &r);
			if (pass == 0) {
				first[i] = r;
				continue;
			}
			CHECK_STR(r.lang, first[i].lang);
			CHECK(r.score == first[i].score);
		}
	}
	CHECK_STR(first[0].lang, "sv");
	CHECK_STR(first[1].lang, "en");
	CHECK_STR(first[2].lang, "es");
	cxs_langid_free(fresh);
}

static void test_short_review_sentences(void)
{
	EXPECT("sv", "Dålig kommunikation med säljaren.", NULL);
	EXPECT("sv", "Rekommenderas varmt, snabb leverans!", NULL);
	EXPECT("sv", "Riktigt smutsigt rum vid ankomsten.", NULL);
	EXPECT("es", "Sin duda volveremos pronto.", NULL);
	EXPECT("es", "Excelente atención, lo recomiendo.", NULL);
	EXPECT("en", "Great pizza and fantastic service.", NULL);
	EXPECT("en", "Excellent experience overall.", NULL);
	EXPECT("und", "Der Service war leider sehr langsam.", NULL);
	EXPECT("und", "O atendimento foi muito bom, mas a comida chegou fria.", NULL);
}

/* Swedish reviews borrow English words ("service", "support", "brunch") and name
 * brands and models; they stay Swedish. Norwegian, Danish and German sentences with
 * the function words Swedish lacks ("ikke", "hadde", "der", "ist") stay und. */
static void test_swedish_and_its_neighbours(void)
{
	EXPECT("sv", "Grym service och schyssta priser.", NULL);
	EXPECT("sv", "Snabb leverans och bra support.", NULL);
	EXPECT("sv", "Fin brunch men lite för dyr.", NULL);
	EXPECT("sv", "Köpte en begagnad Volvo V70 förra året.", NULL);
	EXPECT("und", "Vi hadde det veldig hyggelig på hytta i helgen.", NULL);
	EXPECT("und", "Det ble ikke noe av turen fordi været var for dårlig.", NULL);
	EXPECT("und", "Jeg synes ikke, at prisen var rimelig.", NULL);
	EXPECT("und", "Vi har ikke hørt fra dem siden.", NULL);
	EXPECT("und", "Das ist nicht der richtige Weg.", NULL);
	EXPECT("und", "Er hat es doch gesagt.", NULL);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };

	li = cxs_langid_new(MODEL, &err);
	if (!li) {
		printf("FAIL setup: %s\n", err.msg);
		return 1;
	}
	RUN(test_english);
	RUN(test_swedish);
	RUN(test_spanish);
	RUN(test_chinese);
	RUN(test_other_latin_languages);
	RUN(test_short_review_sentences);
	RUN(test_swedish_and_its_neighbours);
	RUN(test_other_scripts);
	RUN(test_too_little_evidence);
	RUN(test_one_word);
	RUN(test_wrong_hint);
	RUN(test_hint_breaks_tie);
	RUN(test_sentence_prior);
	RUN(test_model_file_errors);
	RUN(test_long_document);
	RUN(test_invalid_bytes);
	RUN(test_span_same_as_sentence);
	RUN(test_word_cache);
	cxs_langid_free(li);
	return cxs_test_done();
}

/* Unit tests of classify's matching and scoring: texts go through the same library
 * chain as cxs-normalize and cxs-stem (segmenter, textnorm, stemmer), then the matcher
 * and the scorer with the small test pack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>

#include "cxs_buf.h"
#include "cxs_classifier.h"
#include "cxs_lexicon.h"
#include "cxs_segment.h"
#include "cxs_stemmer.h"
#include "cxs_textnorm.h"
#include "cxs_test.h"

#define MAXTOK 512
#define NEAR(a, b) ((a) - (b) < 1e-9 && (b) - (a) < 1e-9)

static cxs_lexicon *lx;
static cxs_classifier *cl;
static cxs_textnorm *tn;

/* A doc and the arrays it points into. */
struct tdoc {
	struct cxs_doc d;
	size_t tok[2 * MAXTOK], sent[2 * MAXTOK], tok_sent[MAXTOK], formlen[MAXTOK],
		stemlen[MAXTOK];
	const char *form[MAXTOK], *stem[MAXTOK];
	char *owned[2 * MAXTOK];
	size_t nowned;
};

static void tdoc_release(struct tdoc *t)
{
	size_t i;

	for (i = 0; i < t->nowned; i++)
		free(t->owned[i]);
	t->nowned = 0;
}

static const char *keep(struct tdoc *t, const char *s, size_t n)
{
	char *p = strndup(s, n);

	t->owned[t->nowned++] = p;
	return p;
}

static void finish(struct tdoc *t, const char *text, size_t ntok, size_t nsent)
{
	size_t i, s = 0;

	for (i = 0; i < ntok; i++) {
		while (s + 1 < nsent && t->sent[2 * (s + 1)] <= t->tok[2 * i])
			s++;
		t->tok_sent[i] = s;
	}
	t->d.text = text;
	t->d.len = strlen(text);
	t->d.ntok = ntok;
	t->d.tok = t->tok;
	t->d.form = t->form;
	t->d.formlen = t->formlen;
	t->d.stem = t->stem;
	t->d.stemlen = t->stemlen;
	t->d.tok_sent = t->tok_sent;
	t->d.nsent = nsent;
	t->d.sent = t->sent;
}

/* What cxs-normalize and cxs-stem make of `text` in `lang`. */
static void make_doc(struct tdoc *t, const char *lang, const char *text)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_segmenter *sg = cxs_segmenter_new(lang, &err);
	cxs_stemmer *st = cxs_stemmer_has(lang) ? cxs_stemmer_new(lang, &err) : NULL;
	const cxs_segments *segs;
	cxs_buf form = CXS_BUF_INIT;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (!sg || cxs_segmenter_run(sg, text, strlen(text), &segs, &err) < 0) {
		printf("  segmenter: %s\n", err.msg);
		exit(2);
	}
	for (i = 0; i < segs->nsent && i < MAXTOK; i++) {
		t->sent[2 * i] = segs->sent[i].start;
		t->sent[2 * i + 1] = segs->sent[i].end;
	}
	for (i = 0; i < segs->ntok && i < MAXTOK; i++) {
		const char *s;
		size_t n;

		t->tok[2 * i] = segs->tok[i].start;
		t->tok[2 * i + 1] = segs->tok[i].end;
		cxs_textnorm_form(tn, text + segs->tok[i].start,
				  segs->tok[i].end - segs->tok[i].start, !strcmp(lang, "zh"), &form, &err);
		t->form[i] = keep(t, form.p, form.len);
		t->formlen[i] = form.len;
		s = st ? cxs_stemmer_stem(st, form.p, form.len, &n) : form.p;
		if (!st)
			n = form.len;
		t->stem[i] = keep(t, s, n);
		t->stemlen[i] = n;
	}
	finish(t, text, segs->ntok < MAXTOK ? segs->ntok : MAXTOK,
	       segs->nsent < MAXTOK ? segs->nsent : MAXTOK);
	cxs_buf_release(&form);
	cxs_stemmer_free(st);
	cxs_segmenter_free(sg);
}

static struct cxs_score score_text(const char *lang, const char *text)
{
	struct tdoc *t = malloc(sizeof(*t));
	struct cxs_score sc;
	cxs_err err = { CXS_E_NONE, "" };

	make_doc(t, lang, text);
	if (cxs_classifier_doc(cl, lang, &t->d, &sc, &err) < 0)
		printf("  classify: %s\n", err.msg);
	tdoc_release(t);
	free(t);
	return sc;   /* its arrays live in the classifier until the next call */
}

static const struct cxs_signal *signal_of(const struct cxs_score *sc, const char *dim)
{
	size_t i;

	for (i = 0; i < sc->nsignals; i++)
		if (!strcmp(cxs_lexicon_dim(lx, sc->signals[i].dim)->id, dim))
			return &sc->signals[i];
	return NULL;
}

/* The raw value of one dimension in `text` (0 with a failed check when it is missing). */
static double raw_of(const char *lang, const char *text, const char *dim)
{
	struct cxs_score sc = score_text(lang, text);
	const struct cxs_signal *s = signal_of(&sc, dim);

	if (!s) {
		printf("  no '%s' signal in \"%s\"\n", dim, text);
		cxs_t_cur++;
		return 0;
	}
	return s->raw;
}

static const char *polarity_of(const char *lang, const char *text, const char *dim)
{
	struct cxs_score sc = score_text(lang, text);
	const struct cxs_signal *s = signal_of(&sc, dim);

	return s ? s->polarity : "(none)";
}

/* The fixture pack's handles while a test scores with a pack of its own. */
struct saved_pack {
	cxs_lexicon *lx;
	cxs_classifier *cl;
};

/* Loads the pack in `dir` and makes score_text use it, keeping the fixture pack's handles
 * in `saved` for restore_pack; -1 (a failed check) when it does not load, and then
 * nothing changed. */
static int use_pack(const char *dir, struct saved_pack *saved)
{
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *p = cxs_lexicon_load(dir, &err);
	cxs_classifier *c = p ? cxs_classifier_new(p, &err) : NULL;

	CHECK(p != NULL);
	CHECK(c != NULL);
	if (!c) {
		printf("  %s: %s\n", dir, err.msg);
		cxs_lexicon_free(p);
		return -1;
	}
	saved->lx = lx;
	saved->cl = cl;
	lx = p;
	cl = c;
	return 0;
}

/* Frees the test's own pack and puts the fixture pack back. */
static void restore_pack(const struct saved_pack *saved)
{
	cxs_classifier_free(cl);
	cxs_lexicon_free(lx);
	lx = saved->lx;
	cl = saved->cl;
}

/* ---------------------------------------------------------------- matching */

static void test_multiword(void)
{
	const char *text = "The waiting time at the counter was slow.";
	struct cxs_score sc = score_text("en", text);
	const struct cxs_signal *s = signal_of(&sc, "waiting");

	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(s->hits, 1);
	CHECK_INT(s->nev, 1);
	CHECK_STR(s->ev[0].term, "waiting time");
	CHECK_INT(s->ev[0].start, 4);
	CHECK_INT(s->ev[0].end, 16);
	CHECK_INT(s->ev[0].sent, 0);
	CHECK_STR(s->polarity, "negative");
	/* slow is 5 tokens after the term's last word */
	CHECK(NEAR(s->raw, -1.5 / 6));
}

static void test_wildcard(void)
{
	struct cxs_score sc = score_text("en", "The service was good.");
	const struct cxs_signal *s = signal_of(&sc, "staff");

	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->ev[0].term, "servic*");
		CHECK(NEAR(s->raw, 0.5 * 1.9 / 3));
	}
	/* an exact term beats a wildcard of the same length: waiter is staff, not wait* */
	sc = score_text("en", "Our waiter smiled.");
	CHECK(signal_of(&sc, "staff") != NULL);
	CHECK(signal_of(&sc, "waiting") == NULL);
	/* a multiword term never crosses a sentence: wait* alone matches here */
	sc = score_text("en", "We kept waiting. Time went by.");
	s = signal_of(&sc, "waiting");
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->hits, 1);
		CHECK_STR(s->ev[0].term, "wait*");
		CHECK_INT(s->ev[0].start, 8);
		CHECK_INT(s->ev[0].end, 15);
	}
	/* nor a comma, semicolon, colon or bracket: the wildcard again */
	sc = score_text("en", "We kept waiting, time went by.");
	s = signal_of(&sc, "waiting");
	CHECK(s != NULL && !strcmp(s->ev[0].term, "wait*"));
	/* a dash may join the words of one (calidad - precio) */
	sc = score_text("en", "The waiting - time was slow.");
	s = signal_of(&sc, "waiting");
	CHECK(s != NULL && !strcmp(s->ev[0].term, "waiting time"));
	/* Chinese characters neither: 服务，员 is no 服务员 */
	sc = score_text("zh", "服务员很好");
	CHECK(signal_of(&sc, "staff") != NULL);
	sc = score_text("zh", "服务，员很好");
	CHECK(signal_of(&sc, "staff") == NULL);
	/* the wildcard is over the unstemmed form and its characters (servic* weighs 0.5,
	 * so an opinion makes it a signal: see test_weak_terms) */
	sc = score_text("en", "Servicing was great.");
	CHECK(signal_of(&sc, "staff") != NULL);
	sc = score_text("en", "Serving was great.");
	CHECK(signal_of(&sc, "staff") == NULL);
}

/* A term weighted below 1 (servic* 0.5) is weak evidence: alone and neutral it makes no
 * signal; with a polarity word in its clause, or with other hits adding up to 1, it does. */
static void test_weak_terms(void)
{
	struct cxs_score sc;
	const struct cxs_signal *s;

	sc = score_text("en", "Servicing took an hour.");
	CHECK(signal_of(&sc, "staff") == NULL);
	sc = score_text("en", "Servicing was great.");
	s = signal_of(&sc, "staff");
	CHECK(s != NULL);
	if (s)
		CHECK_INT(s->hits, 1);
	/* two weak hits add up to a whole one: a neutral signal */
	sc = score_text("en", "Servicing, servicing.");
	s = signal_of(&sc, "staff");
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->hits, 2);
		CHECK_STR(s->polarity, "neutral");
	}
	/* a term of weight 1 alone and neutral still makes a signal */
	sc = score_text("en", "Our waiter came.");
	CHECK(signal_of(&sc, "staff") != NULL);
	/* an opinion doubles a weak term: place (0.3) judged is 0.6, not a signal alone */
	sc = score_text("en", "A great place.");
	CHECK(signal_of(&sc, "product") == NULL);
	/* but it adds to another hit: 0.6 + servic* 0.5 judged (1.0) */
	sc = score_text("en", "A great place and a great service.");
	CHECK(signal_of(&sc, "product") == NULL);
	CHECK(signal_of(&sc, "staff") != NULL);
	sc = score_text("en", "A great place, great places.");
	s = signal_of(&sc, "product");
	CHECK(s != NULL);
	if (s)
		CHECK_INT(s->hits, 2);
}

/* 服务员 split by ICU as 服务|员 is still one term, spanning both tokens. */
static void test_zh_split_term(void)
{
	static const char text[] = "服务员很热情";
	struct tdoc *t = calloc(1, sizeof(*t));
	static const size_t spans[] = { 0, 6, 6, 9, 9, 12, 12, 18 };
	struct cxs_score sc;
	const struct cxs_signal *s;
	cxs_err err = { CXS_E_NONE, "" };
	size_t i;

	memcpy(t->tok, spans, sizeof(spans));
	for (i = 0; i < 4; i++) {
		t->form[i] = t->stem[i] = text + spans[2 * i];
		t->formlen[i] = t->stemlen[i] = spans[2 * i + 1] - spans[2 * i];
	}
	t->sent[0] = 0;
	t->sent[1] = sizeof(text) - 1;
	finish(t, text, 4, 1);
	CHECK_INT(cxs_classifier_doc(cl, "zh", &t->d, &sc, &err), 0);
	s = signal_of(&sc, "staff");
	CHECK(s != NULL);
	if (s) {
		const struct cxs_matches *mm = cxs_classifier_matches(cl);
		CHECK_INT(s->hits, 1);   /* 服务员, not 服务 as well */
		CHECK_STR(s->ev[0].term, "服务员");
		CHECK_INT(s->ev[0].start, 0);
		CHECK_INT(s->ev[0].end, 9);
		CHECK_INT(mm->m[0].t0, 0);
		CHECK_INT(mm->m[0].t1, 2);
		CHECK_STR(s->polarity, "positive");
		/* 很 (×1.3) 热情, two tokens after the term's last (员) */
		CHECK(NEAR(s->raw, 2.2 * 1.3 / 3));
	}
	free(t);
}

/* Traditional input meets Simplified terms, and Traditional terms Simplified input; the
 * evidence points into the original text. */
static void test_zh_traditional(void)
{
	const char *text = "服務員很熱情，價格有點貴。";
	struct cxs_score sc = score_text("zh", text);
	const struct cxs_signal *s = signal_of(&sc, "staff");

	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->ev[0].term, "服务员");
		CHECK_INT(s->ev[0].start, 0);
		CHECK_INT(s->ev[0].end, 9);
		CHECK_STR(s->polarity, "positive");
	}
	s = signal_of(&sc, "price");
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->ev[0].term, "價格");
		CHECK_INT(s->ev[0].start, 21);
		CHECK_INT(s->ev[0].end, 27);
		CHECK_STR(s->polarity, "negative");   /* 有点 (×0.8) 贵, in its own clause */
	}
	CHECK_STR(polarity_of("zh", "价格很贵", "price"), "negative");
}

/* ---------------------------------------------------------------- polarity rules */

static double valence_of(const char *lang, const char *text);

static void test_negation(void)
{
	double pos, neg;

	/* en: "not" two tokens before */
	pos = raw_of("en", "The food was good.", "food");
	neg = raw_of("en", "The food was not good.", "food");
	CHECK(NEAR(pos, 1.9 / 3));
	CHECK(NEAR(neg, 1.9 * -0.74 / 4));
	CHECK_STR(polarity_of("en", "The food was not good.", "food"), "negative");
	CHECK_STR(polarity_of("en", "The food isn't good.", "food"), "negative");
	/* out of the window (4 tokens back) or behind a comma: no negation */
	CHECK(raw_of("en", "Not that we cared, the food was good.", "food") > 0);
	CHECK(raw_of("en", "We did not think the food would be good.", "food") > 0);
	/* sv */
	CHECK_STR(polarity_of("sv", "Maten var bra.", "food"), "positive");
	CHECK_STR(polarity_of("sv", "Maten var inte bra.", "food"), "negative");
	/* es */
	CHECK_STR(polarity_of("es", "La comida es buena.", "food"), "positive");
	CHECK_STR(polarity_of("es", "La comida no es buena.", "food"), "negative");
	/* zh: 不 right before 好吃, and with characters or intensifiers between */
	CHECK_STR(polarity_of("zh", "这个菜很好吃。", "food"), "positive");
	CHECK_STR(polarity_of("zh", "这个菜不好吃。", "food"), "negative");
	CHECK_STR(polarity_of("zh", "这个菜不是很好吃。", "food"), "negative");
	CHECK_STR(polarity_of("zh", "这个汤没有那么好。", "food"), "negative");
	/* zh "not very": a negator that negates an intensifier above 1, after it or inside
	 * it (不太 holds 太), hedges: milder than a plain negation, still negative; a
	 * downtoner or an intensifier before the negator (很不好) does not hedge */
	CHECK(NEAR(valence_of("zh", "汤不是很好吃"), 2.9 * 1.3 * -0.15));
	CHECK(NEAR(valence_of("zh", "汤不太好吃"), 2.9 * 1.4 * -0.15));
	CHECK(valence_of("zh", "汤不太好吃") > valence_of("zh", "汤不好吃"));
	CHECK(NEAR(valence_of("zh", "汤不有点好吃"), 2.9 * 0.8 * -0.74));
	CHECK(NEAR(valence_of("zh", "汤很不好吃"), 2.9 * 1.3 * -0.74));
	/* two negators reaching one word negate it once (Spanish negative concord) */
	CHECK(NEAR(valence_of("es", "La comida no es nunca buena."), 1.9 * -0.74));
	CHECK_STR(polarity_of("es", "La comida no es nunca buena.", "food"), "negative");
	/* sv: a negator marked `after` also negates the word just before it, one token
	 * between at most ("rekommenderar inte"), unless it has a polarity word of its own
	 * after it ("trevlig och inte dyr"); one not marked (aldrig here) never looks back */
	CHECK(NEAR(valence_of("sv", "Jag rekommenderar inte stället."), 1.8 * -0.74));
	CHECK(NEAR(valence_of("sv", "Jag rekommenderar nog inte stället."), 1.8 * -0.74));
	CHECK(NEAR(valence_of("sv", "Jag rekommenderar dem nog inte."), 1.8));
	CHECK(NEAR(valence_of("sv", "Jag rekommenderar aldrig stället."), 1.8));
	CHECK(NEAR(valence_of("sv", "Jag rekommenderar, inte stället."), 1.8));
	CHECK(NEAR(valence_of("sv", "Maten var trevlig och inte dyr."), 2.1 + -1.5 * -0.74));
	CHECK_STR(polarity_of("sv", "Maten rekommenderar jag inte.", "food"), "negative");
	/* a negative word before the negator is left alone: "tyvärr inte" stays regret */
	CHECK(NEAR(valence_of("sv", "Det blev tyvärr inte av."), -1.2));
	/* a negator inside a longer intensifier or aspect term is part of it too: 特别
	 * holds 别, "sin gluten" holds "sin"; alone they still negate */
	CHECK(NEAR(valence_of("zh", "汤特别好吃"), 2.9 * 1.4));
	CHECK(NEAR(valence_of("zh", "汤别好吃"), 2.9 * -0.74));
	CHECK(NEAR(valence_of("zh", "不过好吃"), 2.9 * 1.5));   /* 不过 holds 不 */
	CHECK_STR(polarity_of("es", "La sopa sin gluten es buena.", "food"), "positive");
	CHECK_STR(polarity_of("es", "La sopa sin duda no es buena.", "food"), "negative");
	CHECK(NEAR(valence_of("es", "Sin comida buena."), 1.9 * -0.74));
	/* Spanish "poco" before a word says "not" (poco amable); inside the intensifier
	 * "un poco" it is part of it and only tones down (un poco caro) */
	CHECK_STR(polarity_of("es", "El camarero es poco amable.", "staff"), "negative");
	CHECK(NEAR(valence_of("es", "La sopa es un poco cara."), -1.5 * 0.7));
	CHECK_STR(polarity_of("es", "La sopa es un poco cara.", "food"), "negative");
	/* a negator inside a polarity word is part of it */
	CHECK_STR(polarity_of("en", "The soup was not bad.", "food"), "positive");
	CHECK_STR(polarity_of("zh", "这个菜不错。", "food"), "positive");
}

/* The valence of the one polarity word of `text` (its sentiment before normalising). */
static double valence_of(const char *lang, const char *text)
{
	return score_text(lang, text).sentiment_raw;
}

static void test_intensifiers(void)
{
	CHECK(NEAR(valence_of("en", "The food was very good."), 1.9 * 1.3));
	CHECK(NEAR(valence_of("en", "The food was slightly good."), 1.9 * 0.7));
	CHECK(NEAR(valence_of("en", "The food was a bit slow."), -1.5 * 0.8));   /* multiword */
	CHECK(NEAR(valence_of("en", "The food was really very good."), 1.9 * 1.3 * 1.25));
	/* the hit is weighted by distance as well: very adds a token */
	CHECK(NEAR(raw_of("en", "The food was very good.", "food"), 1.9 * 1.3 / 4));
	/* "very" belongs to cold, not to good further on */
	CHECK(NEAR(raw_of("en", "The food was very cold and good.", "food"),
		   -1 * 1.3 / 4 + 1.9 / 6));
	/* intensified and negated: not very good */
	CHECK(NEAR(valence_of("en", "The food was not very good."), 1.9 * 1.3 * -0.74));
	/* an intensifier further back than 3 tokens, or behind another word, does nothing */
	CHECK(NEAR(valence_of("en", "Very much of the food was good."), 1.9));
	/* sv, es, zh */
	CHECK(NEAR(valence_of("sv", "Maten var mycket bra."), 1.9 * 1.3));
	CHECK(NEAR(valence_of("sv", "Maten var lite dyr."), -1.5 * 0.8));
	CHECK(NEAR(valence_of("es", "La sopa es muy rica."), 2.4 * 1.3));
	CHECK(NEAR(valence_of("zh", "汤非常好吃"), 2.9 * 1.5));
	CHECK(NEAR(valence_of("zh", "汤有点贵"), -1.5 * 0.8));
	CHECK(NEAR(valence_of("zh", "汤很非常好吃"), 2.9 * 1.5 * 1.3));
	/* a polarity word inside a longer intensifier is part of it: the "kind" of "kind of"
	 * is no praise, and "kind of" tones down the word after it */
	CHECK(NEAR(valence_of("en", "The food was kind of cold."), -1 * 0.7));
	CHECK_STR(polarity_of("en", "The food was kind of cold.", "food"), "negative");
	CHECK(NEAR(valence_of("en", "The waiter was kind."), 2.0));
}

static void test_contrast(void)
{
	struct cxs_score sc = score_text("en", "The food was good but the service was slow.");
	const struct cxs_signal *food = signal_of(&sc, "food"), *staff = signal_of(&sc, "staff");

	CHECK(food && staff);
	if (!food || !staff)
		return;
	CHECK(NEAR(food->raw, 1.9 * 0.5 / 3));
	CHECK(NEAR(staff->raw, 0.5 * -1.5 * 1.5 / 3));
	CHECK_STR(food->polarity, "positive");
	CHECK_STR(staff->polarity, "negative");
	CHECK(NEAR(sc.sentiment_raw, 1.9 * 0.5 - 1.5 * 1.5));
	CHECK_STR(sc.sentiment_polarity, "negative");
	/* "though" divides a sentence like "although" */
	sc = score_text("en", "The food was good though the waiter was slow.");
	CHECK(NEAR(sc.sentiment_raw, 1.9 * 0.5 - 1.5 * 1.5));
	CHECK(signal_of(&sc, "staff") && NEAR(signal_of(&sc, "staff")->raw, -1.5 * 1.5 / 3));
	/* the other languages' contrast words */
	sc = score_text("sv", "Maten var bra men servitrisen var otrevlig.");
	CHECK(signal_of(&sc, "food") && NEAR(signal_of(&sc, "food")->raw, 1.9 * 0.5 / 3));
	sc = score_text("es", "La comida es buena, sin embargo el camarero es lento.");
	CHECK(signal_of(&sc, "staff") && NEAR(signal_of(&sc, "staff")->raw, -1.5 * 1.5 / 3));
	sc = score_text("zh", "菜很好吃，但是服务员很慢。");
	CHECK(signal_of(&sc, "food") && signal_of(&sc, "food")->raw > 0);
	CHECK(signal_of(&sc, "staff") && signal_of(&sc, "staff")->raw < 0);
	CHECK(NEAR(sc.sentiment_raw, 2.9 * 1.3 * 0.5 - 1.5 * 1.3 * 1.5));
}

/* Polarity goes to the dimension of its own clause. */
static void test_right_dimension(void)
{
	struct cxs_score sc = score_text("en", "The food was great but the waiter was rude.");
	const struct cxs_signal *food = signal_of(&sc, "food"), *staff = signal_of(&sc, "staff");

	CHECK(food && staff);
	if (!food || !staff)
		return;
	CHECK_STR(food->polarity, "positive");
	CHECK_STR(staff->polarity, "negative");
	CHECK(NEAR(food->raw, 3.1 * 0.5 / 3));
	CHECK(NEAR(staff->raw, -2.5 * 1.5 / 3));
	CHECK(NEAR(food->score, 0.1322));   /* 0.5167 / sqrt(0.5167² + 15), 4 decimals */
	/* a comma separates clauses as well */
	sc = score_text("en", "The soup was cold, the waiter friendly.");
	CHECK_STR(signal_of(&sc, "food") ? signal_of(&sc, "food")->polarity : "", "negative");
	CHECK_STR(signal_of(&sc, "staff") ? signal_of(&sc, "staff")->polarity : "", "positive");
	/* a clause without a polarity word takes its sentence's, by distance (a list cut
	 * by commas): food is 3 tokens from great, waiter 1 */
	CHECK(NEAR(raw_of("en", "The food, the waiter: great.", "food"), 3.1 / 4));
	CHECK(NEAR(raw_of("en", "The food, the waiter: great.", "staff"), 3.1 / 2));
	/* never across the sentence's contrast word */
	CHECK_STR(polarity_of("en", "The waiter was great, but then the soup came.", "food"),
		  "neutral");
	CHECK_STR(polarity_of("en", "The soup came, but the waiter was great.", "food"),
		  "neutral");
	/* except forward into a part that names no aspect of its own: it goes on about the
	 * hits before it (soup is 4 tokens from great, which the contrast raises × 1.5) */
	CHECK(NEAR(raw_of("en", "The soup however was great.", "food"), 3.1 * 1.5 / 4));
	CHECK_STR(polarity_of("en", "I wanted a good soup, but it was cold.", "food"),
		  "positive");   /* its own clause's word comes first */
	CHECK_STR(polarity_of("en", "I wanted the soup, but it was cold.", "food"), "negative");
	/* a sentence without a polarity word takes the record's, by distance ("Best. Sushi.
	 * Ever." is three sentences): food is 4 tokens from great */
	CHECK(NEAR(raw_of("en", "The food came. It was great.", "food"), 3.1 / 5));
	/* only from sentences without an aspect term: rude judges the waiter, not the soup */
	CHECK_STR(polarity_of("en", "The waiter was rude. I had the soup.", "food"), "neutral");
	/* but never when its own sentence has one */
	CHECK_STR(polarity_of("en", "The food was cold. The waiter was great.", "food"),
		  "negative");
	CHECK_STR(polarity_of("en", "The food was cold. The waiter was great.", "staff"),
		  "positive");
}

static void test_nearest_first(void)
{
	/* two polarity words in the clause, weighted by distance */
	double r = raw_of("en", "Good soup and cold bread.", "food");

	CHECK(NEAR(r, 1.9 / 2 + -1.0 / 3));
	/* a term that is itself a polarity word counts at distance 0 (zh 好吃 is not an aspect
	 * here, so build the case with an aspect term next to nothing else) */
	CHECK(NEAR(raw_of("en", "Soup.", "food"), 0));
	CHECK_STR(polarity_of("en", "Soup.", "food"), "neutral");
}

/* A word with a letter stretched three times or more ("goood", "ruuude") is matched as
 * written plainly: cut to two letters when that is a word of the lexicon, else to one. */
static void test_stretched(void)
{
	struct cxs_score sc;

	CHECK(NEAR(raw_of("en", "The food was goood.", "food"), 1.9 / 3));
	CHECK(NEAR(raw_of("en", "The waiter was ruuuude.", "staff"), -2.5 / 3));
	CHECK(NEAR(raw_of("en", "The SOUUUP was good.", "food"), 1.9 / 3));
	/* a stretched word the lexicon lacks either way stays as it is */
	sc = score_text("en", "Hmmmm, the food.");
	CHECK_INT(sc.nsignals, 1);
	CHECK(NEAR(sc.sentiment_raw, 0));
	/* the evidence keeps the words as written */
	sc = score_text("en", "The sooouuup.");
	CHECK_INT(sc.nsignals, 1);
	if (sc.nsignals) {
		CHECK_INT(sc.signals[0].ev[0].start, 4);
		CHECK_INT(sc.signals[0].ev[0].end, 12);
	}
}

/* In a clause with hits of two dimensions, a polarity word nearer to a hit of the other
 * dimension is that hit's ("and" cuts no clause); a hit that would keep none keeps them
 * all, as coordinated aspects share their opinion; a weak term takes nothing. */
static void test_nearest_hit(void)
{
	/* great: soup 2, waiter 6 tokens away; rude: soup 6, waiter 1 */
	CHECK(NEAR(raw_of("en", "The soup was great and the waiter rude.", "food"), 3.1 / 3));
	CHECK(NEAR(raw_of("en", "The soup was great and the waiter rude.", "staff"), -2.5 / 2));
	CHECK_STR(polarity_of("en", "The soup was bad and the waiter friendly.", "staff"),
		  "positive");
	/* great is nearer to soup, and the waiter has no other */
	CHECK(NEAR(raw_of("en", "Great soup and waiter.", "staff"), 3.1 / 4));
	/* "place" (product, 0.3) is too general to take great from the waiter */
	CHECK(NEAR(raw_of("en", "The waiter at the place was great.", "staff"), 3.1 / 6));
	/* the same dimension shares: both soups are food */
	CHECK(NEAR(raw_of("en", "The soup and the food were good.", "food"), 1.9 / 6 + 1.9 / 3));
	/* only in the languages pack.conf's nearest_hit names (pack-small: en): malo
	 * (sopa 3, camarero 7 tokens away) and amable (sopa 7, camarero 1) judge both */
	CHECK(NEAR(raw_of("es", "La sopa era mala y el camarero amable.", "food"),
		   -2.5 / 3 + 2.1 / 7));
}

static void test_emphasis(void)
{
	double plain = raw_of("en", "The food was good.", "food");

	CHECK(NEAR(raw_of("en", "The food was GOOD.", "food"), (1.9 + 0.733) / 3));
	CHECK(NEAR(raw_of("en", "THE FOOD WAS GOOD.", "food"), plain));   /* all caps: none */
	CHECK(NEAR(raw_of("en", "The food was good!!", "food"), (1.9 + 2 * 0.292) / 3));
	CHECK(NEAR(raw_of("en", "The food was good!!!!!", "food"), (1.9 + 3 * 0.292) / 3));
	CHECK(NEAR(raw_of("en", "The food was bad!", "food"), (-2.5 - 0.292) / 3));
	CHECK(NEAR(raw_of("zh", "菜很好吃！", "food"), (2.9 * 1.3 + 0.292) / 2) ||
	      NEAR(raw_of("zh", "菜很好吃！", "food"), (2.9 * 1.3 + 0.292) / 3));
}

static void test_sentiment(void)
{
	/* a sentence without an aspect still counts toward the sentiment */
	struct cxs_score sc = score_text("en", "The soup was good. It was a great evening.");

	CHECK_INT(sc.nsignals, 1);
	CHECK(NEAR(sc.sentiment_raw, 1.9 + 3.1));
	CHECK(NEAR(sc.sentiment, 0.7906));   /* 5 / sqrt(40) */
	CHECK_STR(sc.sentiment_polarity, "positive");
	sc = score_text("en", "Nothing to say.");
	CHECK_INT(sc.nsignals, 0);
	CHECK_STR(sc.sentiment_polarity, "neutral");
	CHECK(sc.sentiment == 0);
	/* a language without a lexicon in the pack */
	sc = score_text("und", "The food was good.");
	CHECK_INT(sc.nsignals, 0);
	CHECK_STR(sc.sentiment_polarity, "neutral");
}

/* A signal leans by the sign of its score: a faint judgement far from its aspect is
 * still one, while the record's sentiment keeps VADER's ±0.05 band. */
static void test_faint_signal(void)
{
	struct cxs_score sc = score_text("en",
		"The soup we had on the first evening of the trip was slightly cold.");
	const struct cxs_signal *s = signal_of(&sc, "food");

	CHECK(s != NULL);
	if (s) {
		/* cold -1 × 0.7, 12 tokens from soup: -0.0538, score -0.0139 */
		CHECK(NEAR(s->score, -0.0139));
		CHECK_STR(s->polarity, "negative");
	}
	CHECK_STR(polarity_of("en", "The soup we had was served.", "food"), "neutral");
	/* a bit good (1.52) and slow (-1.5): the record is neutral, its aspects are not */
	sc = score_text("en", "The food was a bit good and the waiter was slow.");
	CHECK(NEAR(sc.sentiment_raw, 0.8 * 1.9 - 1.5));
	CHECK_STR(sc.sentiment_polarity, "neutral");
	CHECK_STR(polarity_of("en", "The food was a bit good and the waiter was slow.", "food"),
		  "positive");
}

static void test_normalize(void)
{
	CHECK(NEAR(cxs_score_normalize(0), 0));
	CHECK(NEAR(cxs_score_normalize(1), 0.2500));
	CHECK(NEAR(cxs_score_normalize(-1), -0.2500));
	CHECK(NEAR(cxs_score_normalize(4), 0.7184));
	CHECK(NEAR(cxs_score_normalize(1e6), 1.0));
	CHECK(NEAR(cxs_score_normalize(0.19), 0.0490));
	CHECK_STR(cxs_score_polarity(0.0490), "neutral");
	CHECK_STR(cxs_score_polarity(0.05), "positive");
	CHECK_STR(cxs_score_polarity(-0.05), "negative");
	/* a signal leans by its sign: only no valence at all is neutral */
	CHECK_STR(cxs_signal_polarity(0.0049), "positive");
	CHECK_STR(cxs_signal_polarity(-0.0001), "negative");
	CHECK_STR(cxs_signal_polarity(0), "neutral");
}

static void test_evidence_cap(void)
{
	cxs_buf b = CXS_BUF_INIT;
	struct cxs_score sc;
	const struct cxs_signal *s;
	int i;

	for (i = 0; i < 60; i++)
		cxs_buf_addstr(&b, "Soup. ");
	sc = score_text("en", b.p);
	s = signal_of(&sc, "food");
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->hits, 60);
		CHECK_INT(s->nev, 50);
		CHECK_INT(s->ev[49].start, 49 * 6);
		CHECK_INT(s->ev[49].sent, 49);
	}
	cxs_buf_release(&b);
}

/* Buffers are reused across records: a big record between two small ones changes
 * nothing. */
static void test_reuse(void)
{
	double a = raw_of("en", "The waiter was rude.", "staff"), b;
	cxs_buf big = CXS_BUF_INIT;
	int i;

	for (i = 0; i < 100; i++)
		cxs_buf_addstr(&big, "The queue was slow but the meal was great! ");
	CHECK(raw_of("en", big.p, "waiting") < 0);
	b = raw_of("en", "The waiter was rude.", "staff");
	CHECK(a == b);
	cxs_buf_release(&big);
}

/* ---------------------------------------------------------------- records */

static json_t *record(const char *lang, const char *text)
{
	struct tdoc *t = malloc(sizeof(*t));
	json_t *rec = json_object(), *tok = json_array(), *sent = json_array(),
	       *forms = json_array(), *stems = json_array();
	size_t i;

	make_doc(t, lang, text);
	for (i = 0; i < t->d.ntok; i++) {
		json_array_append_new(tok, json_integer((json_int_t)t->tok[2 * i]));
		json_array_append_new(tok, json_integer((json_int_t)t->tok[2 * i + 1]));
		json_array_append_new(forms, json_stringn(t->form[i], t->formlen[i]));
		json_array_append_new(stems, json_stringn(t->stem[i], t->stemlen[i]));
	}
	for (i = 0; i < t->d.nsent; i++) {
		json_array_append_new(sent, json_integer((json_int_t)t->sent[2 * i]));
		json_array_append_new(sent, json_integer((json_int_t)t->sent[2 * i + 1]));
	}
	json_object_set_new(rec, "id", json_string("r1"));
	json_object_set_new(rec, "text", json_string(text));
	json_object_set_new(rec, "lang", json_string(lang));
	json_object_set_new(rec, "sentences", sent);
	json_object_set_new(rec, "tokens", tok);
	json_object_set_new(rec, "forms", forms);
	json_object_set_new(rec, "stems", stems);
	tdoc_release(t);
	free(t);
	return rec;
}

static void test_record_fields(void)
{
	json_t *rec = record("en", "The waiter was rude.");
	cxs_err reason = { CXS_E_NONE, "" };
	const char *key = NULL;
	json_t *v, *sig, *ev;
	int k = 0;

	CHECK_INT(cxs_classifier_record(cl, rec, &reason), 0);
	/* the three new fields come last, in this order; the per-token arrays are left out */
	json_object_foreach(rec, key, v) {
		static const char *const order[] = { "id", "text", "lang", "sentences", "signals",
						     "sentiment", "lexicon" };
		if (k < 7)
			CHECK_STR(key, order[k]);
		k++;
	}
	CHECK_INT(k, 7);
	sig = json_array_get(json_object_get(rec, "signals"), 0);
	CHECK_INT(json_array_size(json_object_get(rec, "signals")), 1);
	CHECK_STR(json_string_value(json_object_get(sig, "dim")), "staff");
	CHECK_STR(json_string_value(json_object_get(sig, "polarity")), "negative");
	CHECK(NEAR(json_real_value(json_object_get(sig, "score")),
		   cxs_score_normalize(-2.5 / 3)));
	CHECK_INT(json_integer_value(json_object_get(sig, "hits")), 1);
	ev = json_array_get(json_object_get(sig, "evidence"), 0);
	CHECK_INT(json_integer_value(json_object_get(ev, "start")), 4);
	CHECK_INT(json_integer_value(json_object_get(ev, "end")), 10);
	CHECK_STR(json_string_value(json_object_get(ev, "term")), "waiter");
	CHECK_INT(json_integer_value(json_object_get(ev, "sentence")), 0);
	v = json_object_get(rec, "sentiment");
	CHECK_STR(json_string_value(json_object_get(v, "polarity")), "negative");
	v = json_object_get(rec, "lexicon");
	CHECK_STR(json_string_value(json_object_get(v, "name")), "test-small");
	CHECK_STR(json_string_value(json_object_get(v, "version")), "0.3");
	CHECK_STR(json_string_value(json_object_get(v, "hash")), cxs_lexicon_hash(lx));
	json_decref(rec);
}

/* --keep-tokens keeps them, where they were */
static void test_record_keep_tokens(void)
{
	json_t *rec = record("en", "The waiter was rude.");
	cxs_err reason = { CXS_E_NONE, "" };
	const char *key = NULL;
	json_t *v;
	int k = 0;

	cxs_classifier_keep_tokens(cl, 1);
	CHECK_INT(cxs_classifier_record(cl, rec, &reason), 0);
	cxs_classifier_keep_tokens(cl, 0);
	json_object_foreach(rec, key, v) {
		static const char *const order[] = { "id", "text", "lang", "sentences", "tokens",
						     "forms", "stems", "signals", "sentiment", "lexicon" };
		if (k < 10)
			CHECK_STR(key, order[k]);
		k++;
	}
	CHECK_INT(k, 10);
	json_decref(rec);
}

/* An empty stem is cxs-stem's spelling of "the stem is the form": it still matches. */
static void test_record_empty_stems(void)
{
	json_t *rec = record("en", "The waiter was rude.");
	cxs_err reason = { CXS_E_NONE, "" };
	json_t *stems;
	size_t i;

	stems = json_object_get(rec, "stems");
	for (i = 0; i < json_array_size(stems); i++)
		json_array_set_new(stems, i, json_string(""));
	CHECK_INT(cxs_classifier_record(cl, rec, &reason), 0);
	CHECK_INT(json_array_size(json_object_get(rec, "signals")), 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(rec, "signals"), 0),
						    "dim")), "staff");
	json_decref(rec);
}

/* The record as schema version 2: `spans` (gaps and lengths) and sparse `form_at` and
 * `stem_at` in place of `tokens`, `forms` and `stems`. */
static json_t *record_v2(const char *lang, const char *text)
{
	json_t *rec = record(lang, text), *tok = json_object_get(rec, "tokens");
	json_t *forms = json_object_get(rec, "forms"), *stems = json_object_get(rec, "stems");
	json_t *spans = json_array(), *form_at = json_array(), *stem_at = json_array();
	json_int_t end = 0;
	size_t i;

	for (i = 0; i < json_array_size(forms); i++) {
		json_int_t s = json_integer_value(json_array_get(tok, 2 * i));
		json_int_t e = json_integer_value(json_array_get(tok, 2 * i + 1));
		const char *f = json_string_value(json_array_get(forms, i));
		const char *st = json_string_value(json_array_get(stems, i));

		json_array_append_new(spans, json_integer(s - end));
		json_array_append_new(spans, json_integer(e - s));
		end = e;
		if (strlen(f) != (size_t)(e - s) || strncmp(f, text + s, (size_t)(e - s))) {
			json_array_append_new(form_at, json_integer((json_int_t)i));
			json_array_append_new(form_at, json_string(f));
		}
		if (strcmp(st, f)) {
			json_array_append_new(stem_at, json_integer((json_int_t)i));
			json_array_append_new(stem_at, json_string(st));
		}
	}
	json_object_del(rec, "tokens");
	json_object_del(rec, "forms");
	json_object_del(rec, "stems");
	json_object_set_new(rec, "spans", spans);
	json_object_set_new(rec, "form_at", form_at);
	json_object_set_new(rec, "stem_at", stem_at);
	return rec;
}

/* Both schema versions of a record give the same signals, and neither version's
 * per-token arrays are kept. */
static void test_record_v2(void)
{
	static const char *const texts[][2] = {
		{ "en", "The waiter was rude." },
		{ "en", "The food was not good but the staff were lovely." },
		{ "zh", "服务员很热情，但是菜不好吃。" },
	};
	cxs_err reason = { CXS_E_NONE, "" };
	size_t k;

	for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		json_t *a = record(texts[k][0], texts[k][1]), *b = record_v2(texts[k][0], texts[k][1]);
		char *sa, *sb;

		CHECK(json_array_size(json_object_get(b, "form_at")) <
		      json_array_size(json_object_get(a, "tokens")) || !texts[k][1][0]);
		CHECK_INT(cxs_classifier_record(cl, a, &reason), 0);
		CHECK_INT(cxs_classifier_record(cl, b, &reason), 0);
		CHECK(json_array_size(json_object_get(a, "signals")) > 0);
		CHECK(!json_object_get(b, "spans") && !json_object_get(b, "form_at") &&
		      !json_object_get(b, "stem_at"));
		sa = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS);
		sb = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS);
		CHECK_STR(sb, sa);
		free(sa);
		free(sb);
		json_decref(a);
		json_decref(b);
	}
}

static void test_record_und(void)
{
	json_t *rec = record("und", "Lorem ipsum good.");
	cxs_err reason = { CXS_E_NONE, "" };

	CHECK_INT(cxs_classifier_record(cl, rec, &reason), 0);
	CHECK_INT(json_array_size(json_object_get(rec, "signals")), 0);
	CHECK(json_is_array(json_object_get(rec, "signals")));
	CHECK_STR(json_string_value(json_object_get(json_object_get(rec, "sentiment"), "polarity")),
		  "neutral");
	CHECK(json_object_get(rec, "lexicon") != NULL);
	json_decref(rec);
}

static int reject_reason(json_t *rec, char *out, size_t n)
{
	cxs_err reason = { CXS_E_NONE, "" };
	int rc = cxs_classifier_record(cl, rec, &reason);

	snprintf(out, n, "%s", reason.msg);
	json_decref(rec);
	return rc;
}

static void test_record_rejects(void)
{
	char why[1024];
	json_t *rec;

	rec = record("en", "The waiter was rude.");
	json_object_del(rec, "stems");
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "record has no 'stems' array (run cxs-stem first)");

	/* no names of either version: the current version's are asked for */
	rec = json_pack("{s:s, s:s}", "id", "x", "text", "fetched only");
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "record has no 'stem_at' array (run cxs-stem first)");

	rec = record("en", "The waiter was rude.");
	json_object_del(rec, "forms");
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "record has no 'forms' array (run cxs-normalize first)");

	rec = record("en", "The waiter was rude.");
	json_array_remove(json_object_get(rec, "stems"), 0);
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'stems' has 3 entries for 4 tokens");

	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "tokens"), 7, json_integer(999));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' entry 3 [15, 999) is out of order or outside the text");

	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "tokens"), 2, json_integer(0));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' entry 1 [0, 10) is out of order or outside the text");

	/* An offset inside "é" (bytes 0-1) would make evidence invalid UTF-8. */
	rec = record("en", "\xc3\xa9 food was cold.");
	json_array_set_new(json_object_get(rec, "tokens"), 0, json_integer(1));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' entry 0 [1, 2) splits a UTF-8 character");

	/* A token outside every sentence: the sentence ends before "rude". */
	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "sentences"), 1, json_integer(14));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' entry 3 lies outside every sentence");

	rec = record("en", "The waiter was rude.");
	json_array_append_new(json_object_get(rec, "tokens"), json_integer(1));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' has an odd number of offsets");

	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "forms"), 1, json_integer(1));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'forms' entry 1 is not a string");

	rec = record("en", "The waiter was rude.");
	json_array_clear(json_object_get(rec, "sentences"));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'sentences' is empty but there are tokens");

	rec = record("en", "The waiter was rude.");
	json_object_set_new(rec, "text", json_integer(3));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "record has no 'text' string");

	/* what is wrong with an array as a whole is said before what is wrong in it */
	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "tokens"), 1, json_string("x"));
	json_array_append_new(json_object_get(rec, "tokens"), json_integer(1));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'tokens' has an odd number of offsets");

	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "forms"), 1, json_integer(1));
	json_array_append_new(json_object_get(rec, "forms"), json_string("extra"));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'forms' has 5 entries for 4 tokens");

	rec = record("en", "The waiter was rude.");
	json_array_append_new(json_object_get(rec, "stems"), json_string("extra"));
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'stems' has 5 entries for 4 tokens");

	rec = record("en", "The waiter was rude.");
	json_array_set_new(json_object_get(rec, "stems"), 3, json_array());
	CHECK_INT(reject_reason(rec, why, sizeof(why)), 1);
	CHECK_STR(why, "'stems' entry 3 is not a string");
}

/* Forms and stems are read in place unless an entry has an escape; both ways give the
 * same words, and an empty stem still takes the form read either way. */
static void test_record_escapes(void)
{
	json_t *rec = record("en", "The waiter was rude.");
	cxs_err reason = { CXS_E_NONE, "" };
	json_t *sig;

	json_array_set_new(json_object_get(rec, "forms"), 0, json_string("t\"he\"\n"));
	json_array_set_new(json_object_get(rec, "stems"), 3, json_string("ru\\de"));
	json_array_set_new(json_object_get(rec, "stems"), 1, json_string(""));
	CHECK_INT(cxs_classifier_record(cl, rec, &reason), 0);
	sig = json_array_get(json_object_get(rec, "signals"), 0);
	CHECK_INT(json_array_size(json_object_get(rec, "signals")), 1);
	CHECK_STR(json_string_value(json_object_get(sig, "dim")), "staff");
	/* "ru\\de" is no polarity word: the signal has no opinion of its own */
	CHECK_STR(json_string_value(json_object_get(sig, "polarity")), "neutral");
	json_decref(rec);
}

/* A polarity word marked `initial` (pack-small: "try the" 1.5) counts only when it opens
 * its sentence, negators aside: the imperative recommends, the narrative does not. */
static void test_initial(void)
{
	CHECK(NEAR(raw_of("en", "Try the soup.", "food"), 1.5 / 2));
	CHECK_STR(polarity_of("en", "Try the soup.", "food"), "positive");
	CHECK(NEAR(valence_of("en", "Never try the soup."), 1.5 * -0.74));
	CHECK_STR(polarity_of("en", "Never try the soup.", "food"), "negative");
	/* each sentence opens anew */
	CHECK_STR(polarity_of("en", "We came at six. Try the soup.", "food"), "positive");
	/* inside a sentence it is no polarity word, nor in the sentiment */
	CHECK(NEAR(valence_of("en", "We will try the soup."), 0));
	CHECK_STR(polarity_of("en", "We will try the soup.", "food"), "neutral");
	CHECK(NEAR(valence_of("en", "The soup, try the soup."), 0));
	/* and it takes nothing from the words around it */
	CHECK(NEAR(valence_of("en", "We will try the good soup."), 1.9));
	/* what a contrast word opens is judged apart, as a sentence of its own */
	CHECK(NEAR(raw_of("en", "We came at six but try the soup.", "food"), 1.5 * 1.5 / 2));
	CHECK(NEAR(raw_of("en", "We came at six, however, never try the soup.", "food"),
		   1.5 * -0.74 * 1.5 / 2));
	CHECK(NEAR(valence_of("en", "We came at six and will try the soup."), 0));
}

/* pack.conf's needs_opinion (here es:food): a food hit no polarity word reaches makes
 * no signal, alone or in a list, but stays evidence beside a judged one; other
 * dimensions and languages keep the plain rule. */
static void test_needs_opinion(void)
{
	char dir[4096];
	struct saved_pack saved;
	struct cxs_score sc;
	const struct cxs_signal *s;

	snprintf(dir, sizeof(dir), "%s/needs-opinion", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = opinion\nversion = 1\nlanguages = en es\n"
		   "needs_opinion = es:food\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\nstaff\tStaff\tWho serves\n");
	cxs_test_write(dir, "en.lex", "soup\tfood\nwaiter\tstaff\n");
	cxs_test_write(dir, "en.sent", "good\t1.9\n");
	cxs_test_write(dir, "es.lex", "sopa\tfood\narroz\tfood\ncamarero\tstaff\n");
	cxs_test_write(dir, "es.sent", "buena\t1.9\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		sc = score_text("es", "Pedimos sopa y arroz.");
		CHECK(signal_of(&sc, "food") == NULL);
		CHECK(signal_of(&sc, "staff") == NULL);
		sc = score_text("es", "Pedimos sopa. La sopa estaba buena.");
		s = signal_of(&sc, "food");
		CHECK(s != NULL);
		if (s) {
			CHECK_INT(s->hits, 2);
			CHECK_STR(s->polarity, "positive");
		}
		/* a dimension it does not name, and a language it does not name */
		sc = score_text("es", "Vino el camarero.");
		CHECK(signal_of(&sc, "staff") != NULL);
		sc = score_text("en", "We had the soup.");
		CHECK(signal_of(&sc, "food") != NULL);
	}
	restore_pack(&saved);
}

/* The opinions of the evidence of signal `s` of the explained score `sc`: how many, and
 * the first one's text span and value. */
static void check_explained(const struct cxs_score *sc, const struct cxs_signal *s,
			    int reach, size_t nop, size_t start, size_t end, double value)
{
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(s->ev[0].reach, reach);
	CHECK_INT(s->ev[0].nop, nop);
	if (s->ev[0].nop && s->ev[0].op < sc->nopinions) {
		const struct cxs_opinion *o = &sc->opinions[s->ev[0].op];

		CHECK_INT(o->start, start);
		CHECK_INT(o->end, end);
		CHECK(NEAR(o->value, value));
	}
}

/* --explain: each evidence says how far its hit went for polarity words and which gave
 * it its valence, nearest first, with what each gave (the worked example of
 * stages/classify/README.md, and each fallback). Off, the scorer records nothing. */
static void test_explain(void)
{
	struct cxs_score sc;

	cxs_classifier_explain(cl, 1);
	sc = score_text("en", "The food was great but the waiter was rude.");
	/* great: 3.1 × 0.5 (before "but") over 1 + 2 tokens; rude: -2.5 × 1.5 over 3 */
	check_explained(&sc, signal_of(&sc, "food"), CXS_REACH_CLAUSE, 1, 13, 18,
			3.1 * 0.5 / 3);
	check_explained(&sc, signal_of(&sc, "staff"), CXS_REACH_CLAUSE, 1, 38, 42,
			-2.5 * 1.5 / 3);
	if (signal_of(&sc, "food") && sc.nopinions)
		CHECK(NEAR(sc.opinions[signal_of(&sc, "food")->ev[0].op].valence, 3.1));
	/* negated: the value says so */
	sc = score_text("en", "The waiter was not friendly.");
	check_explained(&sc, signal_of(&sc, "staff"), CXS_REACH_CLAUSE, 1, 19, 27,
			2.2 * -0.74 / 4);
	/* a list cut by commas: the sentence's word; none in the sentence: the record's */
	sc = score_text("en", "The food, the waiter: great.");
	check_explained(&sc, signal_of(&sc, "food"), CXS_REACH_SENTENCE, 1, 22, 27, 3.1 / 4);
	sc = score_text("en", "The food came. It was great.");
	check_explained(&sc, signal_of(&sc, "food"), CXS_REACH_RECORD, 1, 22, 27, 3.1 / 5);
	/* nothing reached it */
	sc = score_text("en", "We had the soup.");
	check_explained(&sc, signal_of(&sc, "food"), CXS_REACH_NONE, 0, 0, 0, 0);
	/* at most CXS_MAX_OPINIONS, nearest first */
	sc = score_text("en", "The soup was good and great and delicious and kind.");
	if (signal_of(&sc, "food")) {
		const struct cxs_evidence *e = &signal_of(&sc, "food")->ev[0];

		CHECK_INT(e->nop, CXS_MAX_OPINIONS);
		if (e->nop == CXS_MAX_OPINIONS)
			CHECK(sc.opinions[e->op].start < sc.opinions[e->op + 1].start);
	}
	cxs_classifier_explain(cl, 0);
	sc = score_text("en", "The food was great but the waiter was rude.");
	CHECK_INT(sc.nopinions, 0);
	CHECK(signal_of(&sc, "food") && signal_of(&sc, "food")->ev[0].nop == 0);
}

/* Terms of one role do not overlap: of two that do, the longer one is the match, and
 * of two as long the first. */
static void test_overlapping_terms(void)
{
	char dir[4096];
	struct saved_pack saved;
	struct cxs_score sc;
	const struct cxs_signal *s;

	snprintf(dir, sizeof(dir), "%s/overlap", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = overlap\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "waiting\tWaiting\tTime\nstaff\tStaff\tWho serves\n"
		   "view\tView\tWhat is seen\n");
	cxs_test_write(dir, "en.lex", "an hour\twaiting\nhour and a half\twaiting\n"
		   "the wait\twaiting\nwait staff\tstaff\nsea view\tview\nview terrace\tview\n");
	cxs_test_write(dir, "en.sent", "good\t1.9\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		/* "hour and a half" starts inside "an hour" and is longer */
		sc = score_text("en", "We sat there an hour and a half.");
		s = signal_of(&sc, "waiting");
		CHECK(s != NULL);
		if (s) {
			CHECK_INT(s->hits, 1);
			CHECK_STR(s->ev[0].term, "hour and a half");
		}
		/* as long: the first stays, the later one is not a match ("staff" alone is no
		 * term here) */
		sc = score_text("en", "Sadly the wait staff forgot us.");
		s = signal_of(&sc, "waiting");
		CHECK(s != NULL);
		if (s)
			CHECK_STR(s->ev[0].term, "the wait");
		CHECK(signal_of(&sc, "staff") == NULL);
		/* as long again, and the second word shared: the first is the match */
		sc = score_text("en", "A sea view terrace.");
		s = signal_of(&sc, "view");
		CHECK(s != NULL);
		if (s) {
			CHECK_INT(s->hits, 1);
			CHECK_STR(s->ev[0].term, "sea view");
		}
	}
	restore_pack(&saved);
}

/* A quoted term matches its own forms and no other form of its stems, and beats a
 * plain term of the same stem where both fit: "special" is food, specials staff. In a
 * quoted phrase every word is held to its form, the second one too. */
static void test_quoted(void)
{
	char dir[4096];
	struct saved_pack saved;
	struct cxs_score sc;
	const struct cxs_signal *s;

	snprintf(dir, sizeof(dir), "%s/quoted", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = quoted\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "food\tFood\tWhat is eaten\nstaff\tStaff\tWho serves\n");
	cxs_test_write(dir, "en.lex", "specials\tstaff\n\"special\"\tfood\n\"wait staff\"\tstaff\n");
	cxs_test_write(dir, "en.sent", "good\t1.9\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		sc = score_text("en", "The Special was good.");
		s = signal_of(&sc, "food");
		CHECK(s != NULL);
		if (s)
			CHECK_STR(s->ev[0].term, "\"special\"");
		CHECK(signal_of(&sc, "staff") == NULL);
		sc = score_text("en", "The specials were good.");
		CHECK(signal_of(&sc, "food") == NULL);
		CHECK(signal_of(&sc, "staff") != NULL);
		sc = score_text("en", "The wait staff was good.");
		CHECK(signal_of(&sc, "staff") != NULL);
		sc = score_text("en", "The waiting staff was good.");
		CHECK(signal_of(&sc, "staff") == NULL);
		sc = score_text("en", "The wait staffs were good.");
		CHECK(signal_of(&sc, "staff") == NULL);
	}
	restore_pack(&saved);
}

/* A contrast word inside a longer negator or polarity word is part of it: "anything but
 * friendly" denies the word after it and does not cut the sentence. */
static void test_contrast_inside(void)
{
	char dir[4096];
	struct saved_pack saved;

	snprintf(dir, sizeof(dir), "%s/contrast-inside", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = inside\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "staff\tStaff\tWho serves\nfood\tFood\tWhat is eaten\n");
	cxs_test_write(dir, "en.lex", "waiter\tstaff\nsoup\tfood\n");
	cxs_test_write(dir, "en.sent", "friendly\t2.2\ngood\t1.9\nnothing but praise\t2.5\n");
	cxs_test_write(dir, "en.neg", "anything but\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		CHECK(NEAR(raw_of("en", "The waiter was anything but friendly.", "staff"),
			   2.2 * -0.74 / 5));
		/* no contrast: the soup's good is not halved */
		CHECK(NEAR(raw_of("en", "Good soup, nothing but praise for the waiter.", "food"),
			   1.9 / 2));
		/* a plain "but" still contrasts */
		CHECK(NEAR(raw_of("en", "Good soup but a waiter.", "food"), 1.9 * 0.5 / 2));
	}
	restore_pack(&saved);
}

/* An adverb made from a judging adjective shares its stem ("incredibly", "incredible"):
 * right before another polarity word it is a degree word and multiplies that word, alone
 * it keeps the adjective's valence. A typed dash ends a clause, a hyphen in a word does
 * not. */
static void test_degree_words_and_dashes(void)
{
	char dir[4096];
	struct saved_pack saved;
	double rude, bland_alone;

	snprintf(dir, sizeof(dir), "%s/degree", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = degree\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "staff\tStaff\tWho serves\nfood\tFood\tWhat is eaten\n");
	cxs_test_write(dir, "en.lex", "waiter\tstaff\nsoup\tfood\n");
	cxs_test_write(dir, "en.sent", "incredible\t2.9\nrude\t-2.0\ngreat\t3.1\nbland\t-1.9\n"
		   "good\t1.9\n");
	cxs_test_write(dir, "en.neg", "not\n");
	cxs_test_write(dir, "en.int", "\"incredibly\"\t1.5\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		rude = raw_of("en", "The waiter was rude.", "staff");
		CHECK(rude < 0);
		/* a degree word: the rude waiter is not praised, only more rude (against a
		 * word of no role at the same distance) */
		CHECK(NEAR(raw_of("en", "The waiter was incredibly rude.", "staff"),
			   1.5 * raw_of("en", "The waiter was quite rude.", "staff")));
		/* alone it judges */
		CHECK(raw_of("en", "The soup was incredible.", "food") > 0);
		CHECK(NEAR(raw_of("en", "The soup was incredibly.", "food"),
			   raw_of("en", "The soup was incredible.", "food")));
		/* with a comma between it is no longer right before the other word */
		CHECK(raw_of("en", "The waiter was incredibly, rude.", "staff") >
		      1.5 * raw_of("en", "The waiter was quite rude.", "staff"));
		/* dashes end the clause of "not great" before "bland", as a comma does */
		bland_alone = raw_of("en", "The soup was not great, bland.", "food");
		CHECK(bland_alone < 0);
		CHECK(NEAR(raw_of("en", "The soup was not great -- bland.", "food"), bland_alone));
		CHECK(NEAR(raw_of("en", "The soup was not great - bland.", "food"), bland_alone));
		/* without the dash "not" reaches "bland" too */
		CHECK(raw_of("en", "The soup was not great bland.", "food") > bland_alone);
		/* a hyphen inside a word is no clause break: not good-looking is not good */
		CHECK(raw_of("en", "The waiter was not good-looking.", "staff") < 0);
	}
	restore_pack(&saved);
}

/* A polarity word marked `for:DIMENSION` judges hits of that dimension only, and counts
 * in the sentiment only beside one: "high" prices are a complaint, a "high" ceiling none. */
static void test_for_dimension(void)
{
	char dir[4096];
	struct saved_pack saved;
	struct cxs_score sc;
	const struct cxs_signal *s;

	snprintf(dir, sizeof(dir), "%s/for-dimension", cxs_test_tmpdir());
	CHECK(mkdir(dir, 0700) == 0);
	cxs_test_write(dir, "pack.conf", "name = for\nversion = 1\nlanguages = en\n");
	cxs_test_write(dir, "dimensions.tsv", "price\tPrice\tWhat it costs\n"
		   "ambience\tAmbience\tThe room\n");
	cxs_test_write(dir, "en.lex", "prices\tprice\nceiling\tambience\n");
	cxs_test_write(dir, "en.sent", "high\t-1.5\tfor:price\nlovely\t2.6\n");
	cxs_test_write(dir, "en.neg", "not\n");
	if (use_pack(dir, &saved) < 0)
		return;
	{
		CHECK(NEAR(raw_of("en", "The prices were high.", "price"), -1.5 / 3));
		CHECK(NEAR(valence_of("en", "The prices were high."), -1.5));
		/* no opinion of the ceiling, nor of the record */
		CHECK_STR(polarity_of("en", "The ceiling was high.", "ambience"), "neutral");
		CHECK(NEAR(valence_of("en", "The ceiling was high."), 0));
		/* the nearer ceiling does not take it from the prices, nor they "lovely" */
		sc = score_text("en", "A lovely room: high ceiling, prices.");
		s = signal_of(&sc, "ambience");
		CHECK(s != NULL && NEAR(s->raw, 2.6 / 4));
		s = signal_of(&sc, "price");
		CHECK(s != NULL && NEAR(s->raw, 2.6 / 5 - 1.5 / 3));
		/* negated as any polarity word */
		CHECK_STR(polarity_of("en", "The prices were not high.", "price"), "positive");
	}
	restore_pack(&saved);
}

int main(void)
{
	cxs_err err = { CXS_E_NONE, "" };
	size_t n;

	lx = cxs_lexicon_load(cxs_test_path("tests/fixtures/classify/pack-small"), &err);
	tn = cxs_textnorm_new(&err);
	if (!lx || !tn) {
		printf("FAIL setup: %s\n", err.msg);
		return 1;
	}
	cxs_lexicon_problems(lx, &n);
	cl = n ? NULL : cxs_classifier_new(lx, &err);
	if (!cl) {
		printf("FAIL setup: the test pack has problems or no memory\n");
		return 1;
	}
	RUN(test_multiword);
	RUN(test_wildcard);
	RUN(test_weak_terms);
	RUN(test_zh_split_term);
	RUN(test_zh_traditional);
	RUN(test_negation);
	RUN(test_intensifiers);
	RUN(test_contrast);
	RUN(test_right_dimension);
	RUN(test_nearest_first);
	RUN(test_nearest_hit);
	RUN(test_stretched);
	RUN(test_emphasis);
	RUN(test_sentiment);
	RUN(test_initial);
	RUN(test_needs_opinion);
	RUN(test_quoted);
	RUN(test_explain);
	RUN(test_overlapping_terms);
	RUN(test_for_dimension);
	RUN(test_degree_words_and_dashes);
	RUN(test_contrast_inside);
	RUN(test_faint_signal);
	RUN(test_normalize);
	RUN(test_evidence_cap);
	RUN(test_reuse);
	RUN(test_record_fields);
	RUN(test_record_keep_tokens);
	RUN(test_record_empty_stems);
	RUN(test_record_und);
	RUN(test_record_rejects);
	RUN(test_record_escapes);
	RUN(test_record_v2);
	cxs_classifier_free(cl);
	cxs_lexicon_free(lx);
	cxs_textnorm_free(tn);
	u_cleanup();
	return cxs_test_done();
}

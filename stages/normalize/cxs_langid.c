#include "cxs_langid.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cxs_hash.h"

/* The Latin-script languages scored. Ours come first; the others are there so that their
 * text has somewhere to go other than the nearest of ours. */
enum { L_SV, L_ES, L_EN, L_OURS, L_DE = L_OURS, L_FR, L_NL, L_PT, L_IT, L_NO, NLANG };

static const char *const lang_code[NLANG] = {
	"sv", "es", "en", "de", "fr", "nl", "pt", "it", "no"
};

/*
 * Frequent function words (and a few very common review words), lower case, written
 * for this module. A word in several lists counts 1/k for each of its k languages, so
 * shared words ("en", "de", "la") weigh little and distinctive ones ("och", "the",
 * "ikke") decide. Norwegian and Danish share one list: both must come out "und".
 */
static const char *const function_words[NLANG] = {
	[L_SV] = "och inte jag är att det som en ett på med har av för till var men om vi de "
		 "den så också eller från efter nu mycket väldigt bra hon han kan blev vad hur "
		 "där här någon något bara skulle kommer när sig mig dig oss sedan än vara "
		 "alla ingen lite mer hade kunde fick gick vår våra mitt min sin dem deras "
		 "maten personalen trevlig trevligt gott goda tyvärr aldrig igen "
		 "dålig dåligt dåliga bästa bättre sämre sämsta tack via mellan under hela "
		 "detta denna dessa dessutom verkligen inga inget ingenting vid hos mot utan "
		 "ska skall måste får gör gjorde göra sagt sade säga fått kom kommit "
		 "varit vill ville vet visste tycker tyckte känns kändes kunna alltid ofta "
		 "snabb snabbt snabba toppen fin fint fina god jättebra superbra perfekt "
		 "rekommenderar rekommenderas rekommendera nöjd nöjda missnöjd service "
		 "personal leverans kund kunder kundtjänst bemötande betalning pengar pris "
		 "priset bilen bil huset lägenheten jobbet mäklaren företaget butiken "
		 "köpte köpt beställde beställt fungerar fungerade problem svar "
		 "redan samma första andra nya nytt stor stort liten små många flera "
		 "tid dag veckor månader år efter innan sen trots eftersom därför också "
		 "ja nej hej kanske helt ganska riktigt lätt svårt enkelt tydligen "
		 "genom kr ca ej hit dit åt i dom blir bli allt alls ni er era honom henne "
		 "hela själv själva nog tror kolla bord mat fel sålt köpt kök",
	[L_ES] = "el la los las de que y en un una es no por con para lo se del al muy pero "
		 "más fue está estaba era me mi nos le les su sus como todo bien también "
		 "porque cuando hay ya sin este esta eso yo nosotros sí aunque bueno buena "
		 "mucho muchos poco nada otra otro ni son están fuimos tiene hemos volver "
		 "comida servicio camarero "
		 "mejor peor lo hasta desde sobre entre durante según hacia tras "
		 "volveremos repetiremos repetir recomiendo recomendable recomendar "
		 "excelente buen buenos buenas malo mala mal gracias sitio lugar precio "
		 "precios calidad platos plato carta postre postres vino vinos mesa "
		 "trato atención personal ambiente cena cenamos comimos comer cenar "
		 "pedimos pedí fuimos estuvimos somos tienen tienes puede pueden "
		 "algo alguien siempre nunca vez veces cada duda dudarlo primera "
		 "segundo primero todos todas hace hacer han ha había sido estar "
		 "restaurante terraza vistas cocina menú raciones casa día noche "
		 "ayer hoy pronto tan tanto tal bastante demasiado sin embargo "
		 "nuestro nuestra nuestros nuestras mis tu tus ellos ellas usted "
		 "agradable rico rica ricos sabor estupendo genial "
		 "increíble lamentable correcto correctos normal encantó encantados "
		 "encantadas lista favoritos grupo grupos familia amigos solo sólo unos unas "
		 "después tipo poco caro cara iré será pareció quedé hacerlo todo momento "
		 "muy bien mal nuestro carne pescado tierra saludo algunos varios",
	[L_EN] = "the and is was to of a in it that for with on this but not we i you they be "
		 "are were have had has my our very so at there would will from an as or just "
		 "all been what which when their them if no out about up can could did don "
		 "didn food staff really again never too place "
		 "great good best better worst bad nice excellent amazing awesome terrible "
		 "horrible delicious tasty fresh friendly helpful rude slow fast wonderful "
		 "beautiful fantastic perfect decent average overall always ever here "
		 "service restaurant dish dishes menu price prices priced wine drinks "
		 "dinner lunch experience quality atmosphere decor waiter waitress "
		 "neighborhood recommend recommended highly definitely quite pretty "
		 "well way over only also even though however while because than then "
		 "one two some any every each most more much many little lot "
		 "your its his her he she me us who how why where get got go went come "
		 "came try tried make made take took order ordered eat ate back "
		 "do does done say said like love loved enjoy enjoyed worth "
		 "right left new old first last next top notch ok okay sure",
	[L_DE] = "der die das und ist nicht ich sie es ein eine einen mit auf den dem zu von "
		 "war wir auch sehr aber noch nur wie bei für über haben hat wird sind kein "
		 "keine schon dass wenn oder mir mich uns hier immer gut essen "
		 "im in ins am vom zum zur des einer eines einem dieser diese dieses "
		 "man sich nach vor aus durch gegen ohne um unter zwischen seit bis "
		 "werden wurde wurden worden kann können könnte muss müssen soll sollte "
		 "will wollen mehr viel viele jetzt heute dann doch ja nein so was "
		 "wer wo warum weil ob als also ab neue neuen ihr ihre ihren ihrem "
		 "sein seine seiner unsere unser euch jahr jahre jahren zeit gibt "
		 "gewinnt bereits dabei damit etwa rund mal zwei drei erste ersten "
		 "selbst sowie jedoch wieder weiter heißt geht macht sagt",
	[L_FR] = "le la les est pas et un une des du de je il elle nous vous ils que qui dans "
		 "pour sur avec ce cette mais très ou au aux était été sont ont avons bien "
		 "plus tout fait ne on "
		 "ces son sa ses leur leurs notre nos votre vos se lui même aussi "
		 "comme où quand dont peut faire être avoir après avant sans sous "
		 "entre chez depuis encore alors donc car ainsi toujours jamais "
		 "deux trois premier première tous toutes autre autres",
	[L_NL] = "het een niet de van en is dat die ik je we zijn op te voor met maar ook nog "
		 "wel heel erg was hebben heb heeft er wat naar bij uit goed lekker geen "
		 "om dan zo als of door over aan tot al nu worden wordt werd kan kunnen "
		 "moet moeten zou zal deze dit ons onze hun hij zij ze mij meer veel "
		 "waar wanneer hoe waarom omdat toen jaar jaren tijd twee drie",
	[L_PT] = "não você o os as um uma e é do da dos das em no na que com para por muito "
		 "mas foi está eu ele ela são bem mais também quando isso este esta "
		 "pelo pela pelos pelas ao aos nos nas seu sua seus suas já ainda "
		 "sobre entre até depois antes sem ser ter tem têm foram será pode "
		 "como onde porque então nós eles elas uns umas isto aquele aquela",
	[L_IT] = "il della che non sono è molto di per questo ma gli lo una con del io ho "
		 "anche sempre "
		 "delle degli dei alla alle allo nella nelle nel sul sulla ai "
		 "questa questi quello quella come dove quando perché più già ancora "
		 "essere stato stata hanno abbiamo fatto può tutti tutto",
	[L_NO] = "ikke jeg er og det en til på som med har av af hun han de vi var meg deg seg "
		 "hva hvad hvor ble blev også fra etter efter nå nu mye meget veldig godt bra men "
		 "eller være noen nogen noe noget bare kun skal dette ikkje "
		 "jeg også hvis når kunne måtte ville mange mer mest alle andre "
		 "ble blitt bli blir vært hadde sine sitt sin deres dere oss "
		 "fordi derfor mellom under over etter uten mot hos sammen "
		 "år året dag dager tid gang kommer kom går gikk får fikk i",
};
/* Letters typical of a language, per occurrence (lower case). é is common in Swedish
 * and English loanwords ("café", "idé"), so it counts little anywhere. */
static const struct {
	UChar32 c;
	float w[NLANG];
} letters[] = {
	{ 0xE5, { [L_SV] = 1.0f, [L_NO] = 0.7f } },                     /* å */
	{ 0xE4, { [L_SV] = 1.0f, [L_DE] = 0.6f } },                     /* ä */
	{ 0xF6, { [L_SV] = 1.0f, [L_DE] = 0.6f } },                     /* ö */
	{ 0xF8, { [L_NO] = 2.0f } },                                    /* ø */
	{ 0xE6, { [L_NO] = 2.0f } },                                    /* æ */
	{ 0xDF, { [L_DE] = 2.0f } },                                    /* ß */
	{ 0xFC, { [L_DE] = 1.0f, [L_ES] = 0.2f } },                     /* ü */
	{ 0xF1, { [L_ES] = 2.0f } },                                    /* ñ */
	{ 0xE1, { [L_ES] = 0.7f, [L_PT] = 0.5f } },                     /* á */
	{ 0xED, { [L_ES] = 0.7f, [L_PT] = 0.5f } },                     /* í */
	{ 0xF3, { [L_ES] = 0.7f, [L_PT] = 0.5f } },                     /* ó */
	{ 0xFA, { [L_ES] = 0.7f, [L_PT] = 0.5f } },                     /* ú */
	{ 0xE9, { [L_ES] = 0.3f, [L_FR] = 0.5f, [L_PT] = 0.3f, [L_SV] = 0.1f, [L_EN] = 0.1f } },
	{ 0xE3, { [L_PT] = 2.0f } },                                    /* ã */
	{ 0xF5, { [L_PT] = 2.0f } },                                    /* õ */
	{ 0xE7, { [L_PT] = 1.0f, [L_FR] = 1.0f } },                     /* ç */
	{ 0xEA, { [L_PT] = 1.0f, [L_FR] = 1.0f } },                     /* ê */
	{ 0xE2, { [L_PT] = 0.5f, [L_FR] = 0.5f } },                     /* â */
	{ 0xE0, { [L_FR] = 1.0f, [L_PT] = 0.5f, [L_IT] = 0.5f } },      /* à */
	{ 0xE8, { [L_FR] = 1.0f, [L_IT] = 1.0f } },                     /* è */
	{ 0xF9, { [L_FR] = 1.0f, [L_IT] = 0.5f } },                     /* ù */
	{ 0xFB, { [L_FR] = 1.0f } },                                    /* û */
	{ 0xEE, { [L_FR] = 1.0f } },                                    /* î */
	{ 0xF4, { [L_FR] = 1.0f, [L_PT] = 0.5f } },                     /* ô */
	{ 0x153, { [L_FR] = 2.0f } },                                   /* œ */
	{ 0xEB, { [L_FR] = 0.5f, [L_NL] = 0.5f } },                     /* ë */
	{ 0xEF, { [L_FR] = 1.0f } },                                    /* ï */
	{ 0xF2, { [L_IT] = 1.0f } },                                    /* ò */
};

/* Character n-grams: at the start of a word, at its end, or anywhere in it. */
enum { AT_START, AT_END, ANYWHERE };
static const struct {
	const char *g;
	int where;
	float w[NLANG];
} ngrams[] = {
	{ "th", ANYWHERE, { [L_EN] = 0.5f } },
	{ "ght", ANYWHERE, { [L_EN] = 1.0f } },
	{ "wh", AT_START, { [L_EN] = 1.0f } },
	{ "ly", AT_END, { [L_EN] = 0.5f } },
	{ "ing", AT_END, { [L_EN] = 0.5f, [L_SV] = 0.1f } },
	{ "tion", AT_END, { [L_EN] = 0.5f, [L_FR] = 0.5f } },
	{ "ción", AT_END, { [L_ES] = 1.5f } },
	{ "dad", AT_END, { [L_ES] = 1.0f } },
	{ "mente", AT_END, { [L_ES] = 0.5f, [L_IT] = 0.3f, [L_PT] = 0.3f } },
	{ "ado", AT_END, { [L_ES] = 0.5f, [L_PT] = 0.5f, [L_IT] = 0.3f } },
	{ "ll", ANYWHERE, { [L_ES] = 0.2f, [L_EN] = 0.2f } },
	{ "sj", AT_START, { [L_SV] = 1.0f, [L_NO] = 0.8f } },
	{ "tj", AT_START, { [L_SV] = 1.0f } },
	{ "ligt", AT_END, { [L_SV] = 1.0f } },
	{ "arna", AT_END, { [L_SV] = 1.0f } },
	{ "erna", AT_END, { [L_SV] = 1.0f } },
	{ "orna", AT_END, { [L_SV] = 1.0f } },
	{ "sch", ANYWHERE, { [L_DE] = 1.0f, [L_NL] = 0.3f } },
	{ "cht", ANYWHERE, { [L_DE] = 0.6f, [L_NL] = 0.6f } },
	{ "ung", AT_END, { [L_DE] = 0.8f } },
	{ "ei", ANYWHERE, { [L_DE] = 0.5f, [L_NL] = 0.5f } },
	{ "ij", ANYWHERE, { [L_NL] = 1.5f } },
	{ "oe", ANYWHERE, { [L_NL] = 0.6f } },
	{ "aa", ANYWHERE, { [L_NL] = 0.8f } },
	{ "uu", ANYWHERE, { [L_NL] = 1.0f } },
	{ "eau", ANYWHERE, { [L_FR] = 1.5f } },
	{ "eux", AT_END, { [L_FR] = 1.0f } },
	{ "ção", AT_END, { [L_PT] = 1.0f } },
	{ "nh", ANYWHERE, { [L_PT] = 1.0f } },
	{ "lh", ANYWHERE, { [L_PT] = 1.0f } },
	{ "hv", AT_START, { [L_NO] = 1.5f } },
	{ "kj", ANYWHERE, { [L_NO] = 1.0f } },
	{ "zz", ANYWHERE, { [L_IT] = 1.0f } },
	{ "ión", AT_END, { [L_ES] = 1.0f } },
	{ "ía", AT_END, { [L_ES] = 0.6f, [L_PT] = 0.3f } },
	{ "ll", AT_START, { [L_ES] = 0.6f } },
	{ "ue", ANYWHERE, { [L_ES] = 0.3f } },
	{ "aba", AT_END, { [L_ES] = 0.5f, [L_PT] = 0.2f } },
	{ "igt", AT_END, { [L_SV] = 1.0f } },
	{ "ade", AT_END, { [L_SV] = 0.5f } },
	{ "het", AT_END, { [L_SV] = 0.4f, [L_NO] = 0.3f, [L_NL] = 0.3f } },
	{ "ning", AT_END, { [L_SV] = 0.4f, [L_NO] = 0.4f } },
	{ "kv", AT_START, { [L_SV] = 0.6f, [L_NO] = 0.4f } },
	{ "tt", AT_END, { [L_SV] = 0.4f } },
	{ "erade", AT_END, { [L_SV] = 0.6f } },
	{ "isk", AT_END, { [L_SV] = 0.4f, [L_NO] = 0.4f } },
	{ "ska", AT_END, { [L_SV] = 0.4f, [L_NO] = 0.3f } },
	{ "isim", ANYWHERE, { [L_ES] = 0.6f } },
	{ "iendo", AT_END, { [L_ES] = 1.0f } },
	{ "lich", AT_END, { [L_DE] = 0.8f } },
	{ "isch", AT_END, { [L_DE] = 0.8f } },
	{ "keit", AT_END, { [L_DE] = 1.0f } },
	{ "heit", AT_END, { [L_DE] = 1.0f } },
	{ "äu", ANYWHERE, { [L_DE] = 1.0f } },
	{ "tz", ANYWHERE, { [L_DE] = 0.8f } },
	{ "gli", ANYWHERE, { [L_IT] = 1.0f } },
};

/* Evidence below this (one function word of one language only, or two shared with
 * one other) is "und": a lone "OK" or "Terrible." says nothing. */
#define MIN_EVIDENCE 1.0
/* The winner's share of all evidence below which the text is called mixed: "und". */
#define MIN_SHARE 0.4
/* Languages whose scores are within this factor of each other are tied: the evidence
 * cannot tell them apart, and only a declared language can choose among them. */
#define TIE_RATIO 1.25
/* Han characters must make up this share of the written units (Han characters plus
 * words of other scripts) for zh; a hint of zh lowers it a little. */
#define ZH_SHARE 0.5
#define ZH_SHARE_HINTED 0.4
/* Kana among Han + kana from which a text is taken to be Japanese. */
#define KANA_SHARE 0.1

#define MAX_WORD 48             /* bytes; longer words are counted but not looked up */
#define NSLOTS 8192             /* a power of two, over twice the words in the lists */

struct slot {
	const char *w;          /* into function_words[], not NUL-terminated */
	size_t len;
	unsigned mask;          /* bit l: the word is in language l's list */
};

#define NGRAMS (sizeof(ngrams) / sizeof(ngrams[0]))
#define NO_GRAM 0xFF

struct cxs_langid {
	struct slot slot[NSLOTS];
	/* for every first byte, the indexes of the n-grams starting with it, ending in
	 * NO_GRAM; all lists share `gram_index` */
	const uint8_t *by_first[256];
	uint8_t gram_index[NGRAMS + 256];
	uint8_t gram_len[NGRAMS];
	/* for U+0000..U+017F, 1 + the index in letters[], or 0 */
	uint8_t letter_at[0x180];
};

/* Indexes the n-grams by their first byte (they fit a 64-bit "seen" mask). */
static void index_ngrams(struct cxs_langid *li)
{
	size_t at = 0, b, i;

	_Static_assert(NGRAMS < 64, "n-gram table must fit a 64-bit mask");
	for (b = 0; b < 256; b++) {
		li->by_first[b] = li->gram_index + at;
		for (i = 0; i < NGRAMS; i++)
			if ((unsigned char)ngrams[i].g[0] == b)
				li->gram_index[at++] = (uint8_t)i;
		li->gram_index[at++] = NO_GRAM;
	}
	for (i = 0; i < NGRAMS; i++)
		li->gram_len[i] = (uint8_t)strlen(ngrams[i].g);
}

/* The counts and scores of one text. */
struct evidence {
	double s[NLANG];
	long han, kana, hangul, latin_words, other_words;
	char word[MAX_WORD + 4];
	size_t wlen;
	int in_latin, in_other, too_long;
};

static uint32_t hash(const char *s, size_t n)
{
	return (uint32_t)cxs_hash_fnv1a(s, n);
}

/* The slot holding `w`, or the empty one where it would go. */
static size_t find_slot(const struct cxs_langid *li, const char *w, size_t n)
{
	uint32_t i = hash(w, n) & (NSLOTS - 1);

	while (li->slot[i].w && (li->slot[i].len != n || memcmp(li->slot[i].w, w, n)))
		i = (i + 1) & (NSLOTS - 1);
	return i;
}

cxs_langid *cxs_langid_new(cxs_err *err)
{
	struct cxs_langid *li = calloc(1, sizeof(*li));
	size_t l, words = 0;

	if (!li) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	for (l = 0; l < NLANG; l++) {
		const char *p = function_words[l];

		while (*p) {
			size_t n = strcspn(p, " ");
			struct slot *sl;

			if (n) {
				sl = &li->slot[find_slot(li, p, n)];
				if (!sl->w) {
					sl->w = p;
					sl->len = n;
					words++;
				}
				sl->mask |= 1u << l;
			}
			p += n;
			p += strspn(p, " ");
		}
	}
	index_ngrams(li);
	for (l = 0; l < sizeof(letters) / sizeof(letters[0]); l++)
		li->letter_at[letters[l].c] = (uint8_t)(l + 1);
	/* the tables are ours, so this is a check of this file, not of input */
	if (words * 2 > NSLOTS) {
		free(li);
		cxs_err_set(err, CXS_E_INTERNAL, "language id word table is too small");
		return NULL;
	}
	return li;
}

void cxs_langid_free(cxs_langid *li)
{
	free(li);
}

static int is_han(UChar32 c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static int is_kana(UChar32 c)
{
	return (c >= 0x3040 && c <= 0x30FF && c != 0x30FB && c != 0x30FC) ||
	       (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9D);
}

static int is_hangul(UChar32 c)
{
	return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F);
}

/* A Latin letter, folded to lower case and full-width forms to ASCII; -1 otherwise. */
static UChar32 latin_lower(UChar32 c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) : -1;
	if (c >= 0xFF21 && c <= 0xFF3A)
		return c - 0xFF21 + 'a';
	if (c >= 0xFF41 && c <= 0xFF5A)
		return c - 0xFF41 + 'a';
	if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x1E00 && c <= 0x1EFF))
		return u_tolower(c);
	return -1;
}

static void add_weights(struct evidence *ev, const float *w)
{
	size_t l;

	for (l = 0; l < NLANG; l++)
		ev->s[l] += w[l];
}

static void score_letter(const struct cxs_langid *li, struct evidence *ev, UChar32 c)
{
	if (c >= 0xC0 && c < 0x180 && li->letter_at[c])
		add_weights(ev, letters[li->letter_at[c] - 1].w);
}

/* Adds the weights of every n-gram in the word (each counts once per word). Grams are
 * looked up by their first byte, so a word costs a few comparisons per byte. */
static void score_ngrams(const struct cxs_langid *li, struct evidence *ev)
{
	const unsigned char *w = (const unsigned char *)ev->word;
	size_t n = ev->wlen, i;
	uint64_t seen = 0;

	for (i = 0; i < n; i++) {
		const uint8_t *g;

		for (g = li->by_first[w[i]]; *g != NO_GRAM; g++) {
			size_t gn = li->gram_len[*g];
			int where = ngrams[*g].where;

			if (i + gn > n || (seen & ((uint64_t)1 << *g)) ||
			    (where == AT_START && i != 0) || (where == AT_END && i + gn != n) ||
			    memcmp(w + i, ngrams[*g].g, gn))
				continue;
			seen |= (uint64_t)1 << *g;
			add_weights(ev, ngrams[*g].w);
		}
	}
}

/* Scores the Latin word just ended: its function word lists and its n-grams. */
static void end_latin_word(const struct cxs_langid *li, struct evidence *ev)
{
	const struct slot *sl;
	size_t i;

	ev->in_latin = 0;
	ev->latin_words++;
	if (ev->too_long) {
		ev->too_long = 0;
		ev->wlen = 0;
		return;
	}
	sl = &li->slot[find_slot(li, ev->word, ev->wlen)];
	if (sl->w) {
		int k = __builtin_popcount(sl->mask);

		for (i = 0; i < NLANG; i++)
			if (sl->mask & (1u << i))
				ev->s[i] += 1.0 / k;
	}
	score_ngrams(li, ev);
	ev->wlen = 0;
}

static void add_latin_letter(const struct cxs_langid *li, struct evidence *ev, UChar32 c)
{
	ev->in_latin = 1;
	score_letter(li, ev, c);
	if (ev->wlen + 4 > MAX_WORD) {
		ev->too_long = 1;
		return;
	}
	U8_APPEND_UNSAFE(ev->word, ev->wlen, c);
}

static void end_words(const struct cxs_langid *li, struct evidence *ev)
{
	if (ev->in_latin)
		end_latin_word(li, ev);
	if (ev->in_other) {
		ev->in_other = 0;
		ev->other_words++;
	}
}

/* One code point of the text into the evidence. */
static void scan_char(const struct cxs_langid *li, struct evidence *ev, UChar32 c)
{
	UChar32 lc;

	if (c >= 0x300 && c <= 0x36F)
		return;         /* a combining mark stays inside its word */
	lc = latin_lower(c);
	if (lc >= 0) {
		if (ev->in_other)
			end_words(li, ev);
		add_latin_letter(li, ev, lc);
		return;
	}
	end_words(li, ev);
	if (c == 0xBF || c == 0xA1) {           /* ¿ ¡ */
		ev->s[L_ES] += 1.5;
	} else if (is_han(c)) {
		ev->han++;
	} else if (is_kana(c)) {
		ev->kana++;
	} else if (is_hangul(c)) {
		ev->hangul++;
	} else if (c >= 0x80 && u_isalpha(c)) {
		ev->in_other = 1;
	}
}

/* The language of a tag like "sv", "en-GB", "zh_Hant", "NB": an index into lang_code,
 * NLANG for zh, -1 for anything else. */
static int hint_index(const char *hint)
{
	static const struct { const char *tag; int l; } alias[] = {
		{ "nb", L_NO }, { "nn", L_NO }, { "da", L_NO }, { "zh", NLANG },
	};
	char tag[4];
	size_t n = 0, i;

	if (!hint)
		return -1;
	while (n < 3 && ((hint[n] | 0x20) >= 'a' && (hint[n] | 0x20) <= 'z')) {
		tag[n] = (char)(hint[n] | 0x20);
		n++;
	}
	if (n != 2 || (hint[n] && hint[n] != '-' && hint[n] != '_'))
		return -1;
	tag[n] = '\0';
	for (i = 0; i < NLANG; i++)
		if (!strcmp(tag, lang_code[i]))
			return (int)i;
	for (i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (!strcmp(tag, alias[i].tag))
			return alias[i].l;
	return -1;
}

/* Rounds a value in 0..1 to three decimals, as the record shows it. */
static double round3(double x)
{
	return (double)(long)(x * 1000.0 + 0.5) / 1000.0;
}

/* Confidence grows with the amount of evidence (saturating: two function words give
 * one half, twenty nearly all) and with the winner's share of it. */
static double confidence(double best, double share)
{
	return round3(share * best / (best + 2.0));
}

/* Whether language `l` is as good as the best, `b`, for all the evidence can tell. */
static int tied(const struct evidence *ev, size_t l, size_t b)
{
	return ev->s[l] > 0 && ev->s[l] * TIE_RATIO >= ev->s[b];
}

static void decide_latin(const struct evidence *ev, int hint, struct cxs_langid_result *res)
{
	double total = 0;
	size_t l, b = 0, ties = 0;

	for (l = 0; l < NLANG; l++) {
		total += ev->s[l];
		if (ev->s[l] > ev->s[b])
			b = l;
	}
	res->lang = "und";
	res->score = 0;
	/* one word alone ("OK", "Terrible.", a name) is too little, whatever list has it */
	if (ev->s[b] < MIN_EVIDENCE || ev->latin_words < 2)
		return;
	for (l = 0; l < NLANG; l++)
		ties += l != b && tied(ev, l, b);
	if (ties) {
		/* the declared language breaks a tie it is part of; nothing else does */
		if (hint < 0 || hint >= NLANG || !tied(ev, (size_t)hint, b))
			return;
		b = (size_t)hint;
	}
	if (ev->s[b] / total < MIN_SHARE)
		return;
	res->score = confidence(ev->s[b], ev->s[b] / total);
	if (b < L_OURS)
		res->lang = lang_code[b];
}

void cxs_langid_detect(cxs_langid *li, const char *text, size_t len, const char *hint,
		       struct cxs_langid_result *res)
{
	const uint8_t *s = (const uint8_t *)text;
	int32_t i = 0, n = (int32_t)(len < CXS_LANGID_SCAN ? len : CXS_LANGID_SCAN);
	int h = hint_index(hint);
	struct evidence ev;
	double units, han_share;

	memset(&ev, 0, sizeof(ev));
	while (i < n) {
		UChar32 c = s[i];

		/* ASCII letters carry no letter weight: only the word needs them */
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' && !ev.in_other) {
			ev.in_latin = 1;
			if (ev.wlen < MAX_WORD)
				ev.word[ev.wlen++] = (char)(c | 0x20);
			else
				ev.too_long = 1;
			i++;
			continue;
		}
		U8_NEXT(s, i, n, c);
		if (c >= 0)
			scan_char(li, &ev, c);
	}
	end_words(li, &ev);

	units = (double)(ev.han + ev.kana + ev.hangul + ev.latin_words + ev.other_words);
	res->lang = "und";
	res->score = 0;
	if (units == 0)
		return;
	if (ev.kana + ev.han > 0 &&
	    (double)ev.kana / (double)(ev.kana + ev.han) >= KANA_SHARE &&
	    (double)(ev.kana + ev.han) / units >= ZH_SHARE_HINTED) {
		res->score = round3((double)(ev.kana + ev.han) / units);   /* Japanese */
		return;
	}
	han_share = (double)ev.han / units;
	if (han_share >= (h == NLANG ? ZH_SHARE_HINTED : ZH_SHARE)) {
		res->lang = "zh";
		res->score = confidence((double)ev.han, han_share);
		return;
	}
	if ((double)(ev.hangul + ev.other_words) > (double)ev.latin_words) {
		res->score = round3((double)(ev.hangul + ev.other_words) / units);
		return;
	}
	decide_latin(&ev, h, res);
}

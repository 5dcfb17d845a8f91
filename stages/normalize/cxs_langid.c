#include "cxs_langid.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cxs_utf8.h"

/*
 * The model: for every n-gram it holds, -ln P(gram | class) * scale per class, as
 * written by scripts/build-langid-model. N-grams the model does not hold are left out
 * of every class's sum: each class would get the same "unseen" cost for them.
 */
#define MAX_CLASSES 16
#define MAX_GRAM_BYTES 16       /* 4 characters of at most 4 bytes */
#define MAX_WORD 32             /* characters of a word that are used, as in the script */
#define MAX_N 4

/* Priors, in nats (one n-gram of a language's typical text weighs a few). Ours: an
 * unknown Latin text is far more likely ours than Danish in this pipeline, and it keeps
 * ours from losing close calls to their neighbours (measured on eval-langid's tune
 * half: other-language sentences stay 94 % und). A declared language and, for a
 * sentence, its document's language are worth a little more. */
#define PRIOR_OURS 3.0
#define PRIOR_HINT 4.0
#define PRIOR_DOC 4.0
/* A margin (nats) between the best two classes of this much gives a score of 0.5. */
#define MARGIN_SCALE 3.0
/* A text of one Latin word goes to the model when it holds this many n-grams (about
 * four a letter: 3 letters and more), and is taken when the winner is at least
 * ONE_WORD_SCORE (a margin of 0.5 nats) ahead: "Impossible." (en or fr) is not. */
#define ONE_WORD_GRAMS 12
#define ONE_WORD_SCORE 0.14

/* Han characters must make up this share of the written units (Han characters plus
 * words of other scripts) for zh; a hint of zh lowers it a little. */
#define ZH_SHARE 0.5
#define ZH_SHARE_HINTED 0.4
/* Kana among Han + kana from which a text is taken to be Japanese. */
#define KANA_SHARE 0.1

/* An n-gram of the model with its values, together, so that a look-up touches one
 * cache line (32 bytes with 10 classes) instead of a slot and then a row elsewhere. */
struct gram_slot {
	uint64_t key;           /* FNV-1a of the n-gram's UTF-8 bytes; 0: empty (a gram
				   hashing to 0 is refused like a collision) */
	uint16_t v[];           /* nclass */
};

/* Recent words with their n-gram sums: the frequent words make up most of any text, and
 * a hit costs one hash of the word instead of a look-up per n-gram. Two-way: a word
 * goes in the first entry of its pair, pushing the one there to the second, so two
 * frequent words of one pair do not evict each other (the bench corpus's 29,000
 * distinct words missed 68,000 times direct-mapped, 42,000 times so). An entry holds its word and its
 * sums together, so a hit touches one cache line (64 bytes with 10 classes) where the
 * key and the sums apart cost two misses: the cache is far bigger than the CPU's and
 * its misses were most of this file's time. */
#define WORDCACHE_SLOTS 65536   /* a power of two; 4 MB with 10 classes (8192 slots
                                   cost normalize 5 % more CPU on the bench corpus) */
#define WORDCACHE_KEY 22        /* bytes; longer words are scored every time */

struct word_slot {
	unsigned char len;      /* 0: empty */
	unsigned char grams;
	char key[WORDCACHE_KEY];
	uint32_t sum[];         /* nclass */
};

/* Latin words waiting for their n-gram sums: a scan looks a word's cache entry up only
 * PENDING words after it found the word, having asked the CPU to fetch that entry
 * meanwhile, so the cache's misses overlap instead of stalling the scan one by one.
 * Sums are only ever added up, so the order does not change any result. */
#define PENDING 8               /* a power of two */

struct pending {
	size_t run;                     /* index into the runs, or NO_RUN */
	unsigned char *ws;              /* its word cache pair, or NULL: too long */
	unsigned char n;                /* characters of "_word_" */
	unsigned char off[MAX_WORD + 3];        /* byte offset of each, and the end */
	unsigned char buf[(MAX_WORD + 2) * 4];  /* "_word_" in UTF-8 */
};
#define NO_RUN ((size_t)-1)

/* A run of letters of the text last given to cxs_langid_detect, with what it added to
 * the evidence: a sentence made of whole runs gets its evidence summed from them
 * instead of scanning its text again. */
struct run {
	size_t start, end;              /* bytes of the text */
	long han, kana, hangul;
	int latin, other, grams;        /* a Latin word, or a word of another script */
};

struct cxs_langid {
	int nclass;
	unsigned char *wslot;           /* WORDCACHE_SLOTS entries of `wsize` bytes */
	size_t wsize;
	char names[MAX_CLASSES][8];
	int ours[MAX_CLASSES];          /* 1 for sv, es, en */
	double scale;
	size_t nrows;                   /* n-grams */
	unsigned char *slot;            /* mask + 1 entries of `gsize` bytes */
	size_t gsize, mask;
	/* the runs of the last text cxs_langid_detect scanned (`doc`, `doc_len` bytes
	 * scanned), and each run's n-gram sums (nclass per run) */
	const char *doc;
	size_t doc_len;
	struct run *runs;
	uint32_t *run_sum;
	size_t nruns, runs_cap;
	int runs_ok;                    /* 0: memory ran out, the runs are incomplete */
	struct pending pend[PENDING];   /* a ring: `npend` words from `pend0` on */
	unsigned npend, pend0;
};

/* What a scan of one text found. */
struct evidence {
	uint64_t sum[MAX_CLASSES];
	long grams;
	long han, kana, hangul, latin_words, other_words;
	UChar32 word[MAX_WORD];
	int wlen, in_word, word_latin, word_other;
	/* with `log`: the runs are recorded in the handle; `at` is the byte offset of the
	 * character being scanned, `run` the start of the current run and the counts
	 * before it */
	int log;
	size_t at, run;
	long han0, kana0, hangul0;
};

#define FNV_BASIS 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv_bytes(uint64_t h, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * FNV_PRIME;
	return h;
}

/* Entry `i` of the n-gram table (calloc's alignment, and `gsize` a multiple of 8). */
static struct gram_slot *gram_at(const struct cxs_langid *li, size_t i)
{
	return (struct gram_slot *)(void *)(li->slot + i * li->gsize);
}

/* The entry of the n-gram with hash `h`, or the empty one where it would go. */
static struct gram_slot *find_gram(const struct cxs_langid *li, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & li->mask;
	struct gram_slot *g;

	while ((g = gram_at(li, i))->key && g->key != h)
		i = (i + 1) & li->mask;
	return g;
}

/* The values of the n-gram with hash `h`, or NULL. */
static const uint16_t *lookup(const struct cxs_langid *li, uint64_t h)
{
	struct gram_slot *g = find_gram(li, h);

	return g->key ? g->v : NULL;
}

/* ------------------------------------------------------------------------------------
 * Loading */

struct loader {
	const char *path;
	FILE *f;
	char *line;
	size_t cap;
	long lineno;
	cxs_err *err;
};

static int bad(struct loader *ld, const char *what)
{
	return cxs_err_set(ld->err, CXS_E_CONFIG, "'%s': line %ld: %s", ld->path, ld->lineno, what);
}

/* The next line that is not a comment, without its newline; NULL at the end. */
static char *next_line(struct loader *ld)
{
	ssize_t n;

	while ((n = getline(&ld->line, &ld->cap, ld->f)) >= 0) {
		ld->lineno++;
		while (n > 0 && (ld->line[n - 1] == '\n' || ld->line[n - 1] == '\r'))
			ld->line[--n] = '\0';
		if (n && ld->line[0] != '#')
			return ld->line;
	}
	return NULL;
}

/* Reads "KEY VALUE..." and returns VALUE..., or NULL (with the error set). */
static const char *header(struct loader *ld, const char *key)
{
	size_t k = strlen(key);
	char *l = next_line(ld);
	char msg[96];

	if (l && !strncmp(l, key, k) && l[k] == ' ')
		return l + k + 1;
	snprintf(msg, sizeof(msg), "expected '%s ...'", key);
	bad(ld, msg);
	return NULL;
}

static int read_number(struct loader *ld, const char *key, long lo, long hi, long *out)
{
	const char *v = header(ld, key);
	char *end;

	if (!v)
		return -1;
	errno = 0;
	*out = strtol(v, &end, 10);
	if (errno || end == v || *end || *out < lo || *out > hi)
		return bad(ld, "number out of range");
	return 0;
}

static int read_classes(struct loader *ld, struct cxs_langid *li)
{
	const char *v = header(ld, "classes");

	if (!v)
		return -1;
	while (*v) {
		size_t n = strcspn(v, " ");

		if (n == 0 || n >= sizeof(li->names[0]) || li->nclass == MAX_CLASSES)
			return bad(ld, "bad class list");
		memcpy(li->names[li->nclass], v, n);
		li->names[li->nclass][n] = '\0';
		li->ours[li->nclass] = n == 2 && (!memcmp(v, "sv", 2) || !memcmp(v, "es", 2) ||
						  !memcmp(v, "en", 2));
		li->nclass++;
		v += n;
		v += strspn(v, " ");
	}
	return li->nclass ? 0 : bad(ld, "no classes");
}

/* One "gram<TAB>v1 v2 ..." line into the table. */
static int read_gram(struct loader *ld, struct cxs_langid *li)
{
	char *l = next_line(ld), *tab, *p;
	uint16_t v16[MAX_CLASSES];
	struct gram_slot *g;
	size_t glen;
	uint64_t h;
	int c;

	if (!l)
		return bad(ld, "fewer n-grams than the header says");
	tab = strchr(l, '\t');
	glen = tab ? (size_t)(tab - l) : 0;
	if (!glen || glen > MAX_GRAM_BYTES || cxs_utf8_valid_prefix(l, glen) != glen)
		return bad(ld, "expected an n-gram of 1 to 4 characters, a tab and the values");
	p = tab + 1;
	for (c = 0; c < li->nclass; c++) {
		char *end;
		long v;

		errno = 0;
		v = strtol(p, &end, 10);
		if (errno || end == p || v < 0 || v > 65535 || (*end && *end != ' '))
			return bad(ld, "expected one value from 0 to 65535 per class");
		v16[c] = (uint16_t)v;
		p = end + (*end == ' ');
	}
	if (*p)
		return bad(ld, "more values than classes");
	h = fnv_bytes(FNV_BASIS, (const unsigned char *)l, glen);
	g = find_gram(li, h);
	if (g->key || !h)
		return bad(ld, "n-gram listed twice (or a hash collision)");
	g->key = h;
	memcpy(g->v, v16, (size_t)li->nclass * sizeof(*v16));
	return 0;
}

static int load(struct loader *ld, struct cxs_langid *li)
{
	const char *v;
	long scale, unseen, grams;
	size_t nslots = 16, r;

	v = next_line(ld);
	if (!v || strcmp(v, "cxs-langid 1"))
		return bad(ld, "not a cxs-langid 1 model (first line 'cxs-langid 1')");
	if (read_classes(ld, li) < 0 || read_number(ld, "scale", 1, 1000, &scale) < 0 ||
	    read_number(ld, "unseen", 0, 65535, &unseen) < 0 ||
	    read_number(ld, "grams", 1, 1L << 24, &grams) < 0)
		return -1;
	li->scale = (double)scale;
	li->nrows = (size_t)grams;
	while (nslots < li->nrows * 2)
		nslots *= 2;
	li->mask = nslots - 1;
	li->gsize = (sizeof(struct gram_slot) + (size_t)li->nclass * sizeof(uint16_t) + 7) &
		    ~(size_t)7;
	li->slot = calloc(nslots, li->gsize);
	li->wsize = (sizeof(struct word_slot) + (size_t)li->nclass * sizeof(uint32_t) + 63) &
		    ~(size_t)63;
	li->wslot = aligned_alloc(64, WORDCACHE_SLOTS * li->wsize);
	if (li->wslot)
		memset(li->wslot, 0, WORDCACHE_SLOTS * li->wsize);
	if (!li->slot || !li->wslot)
		return cxs_err_set(ld->err, CXS_E_NOMEM, "out of memory");
	for (r = 0; r < li->nrows; r++)
		if (read_gram(ld, li) < 0)
			return -1;
	if (next_line(ld))
		return bad(ld, "more n-grams than the header says");
	if (ferror(ld->f))
		return cxs_err_set(ld->err, CXS_E_CONFIG, "'%s': read error", ld->path);
	return 0;
}

cxs_langid *cxs_langid_new(const char *path, cxs_err *err)
{
	struct loader ld = { path, NULL, NULL, 0, 0, err };
	struct cxs_langid *li = calloc(1, sizeof(*li));

	if (!li) {
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	ld.f = fopen(path, "r");
	if (!ld.f) {
		cxs_err_set(err, CXS_E_CONFIG, "could not open the language model '%s': %s", path,
			    strerror(errno));
		free(li);
		return NULL;
	}
	if (load(&ld, li) < 0) {
		cxs_langid_free(li);
		li = NULL;
	}
	free(ld.line);
	fclose(ld.f);
	return li;
}

void cxs_langid_free(cxs_langid *li)
{
	if (!li)
		return;
	free(li->slot);
	free(li->wslot);
	free(li->runs);
	free(li->run_sum);
	free(li);
}

/* ------------------------------------------------------------------------------------
 * Scanning */

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

static int is_latin(UChar32 c)
{
	return c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF5A);
}

/* Adds every n-gram of "_word_" (but "_" alone) to `sum`; returns how many there were.
 * `buf` holds "_word_" in UTF-8, `off` the byte offset of each of its `n` characters
 * (and one past the end). */
static int word_grams(const struct cxs_langid *li, const unsigned char *buf,
		      const unsigned char *off, int n, uint32_t *sum)
{
	int i, k, c, grams = 0;

	for (i = 0; i < n; i++) {
		uint64_t h = FNV_BASIS;

		for (k = 1; k <= MAX_N && i + k <= n; k++) {
			const uint16_t *row;

			h = fnv_bytes(h, buf + off[i + k - 1], off[i + k] - off[i + k - 1]);
			if (k == 1 && (i == 0 || i == n - 1))
				continue;               /* "_" alone */
			grams++;
			row = lookup(li, h);
			if (row)
				for (c = 0; c < li->nclass; c++)
					sum[c] += row[c];
		}
	}
	return grams;
}

/* The n-gram sums of the pending word `p` into the evidence and, when it has one, its
 * run, through the word cache. */
static void score_word(struct cxs_langid *li, struct evidence *ev, const struct pending *p)
{
	size_t wlen = p->off[p->n] - 2u;
	/* entries are 64-byte aligned (aligned_alloc, `wsize` a multiple of 64) */
	struct word_slot *ws = (struct word_slot *)(void *)p->ws, *ws2 = NULL;
	uint32_t *sum, local[MAX_CLASSES];
	int c, grams;

	if (ws)
		ws2 = (struct word_slot *)(void *)(p->ws + li->wsize);
	if (ws && ws->len == wlen && !memcmp(ws->key, p->buf + 1, wlen)) {
		sum = ws->sum;
		grams = ws->grams;
	} else if (ws && ws2->len == wlen && !memcmp(ws2->key, p->buf + 1, wlen)) {
		sum = ws2->sum;
		grams = ws2->grams;
	} else {
		if (ws)
			memcpy(ws2, ws, li->wsize);
		sum = ws ? ws->sum : local;
		memset(sum, 0, (size_t)li->nclass * sizeof(*sum));
		grams = word_grams(li, p->buf, p->off, p->n, sum);
		if (ws) {
			ws->len = (unsigned char)wlen;
			ws->grams = (unsigned char)grams;
			memcpy(ws->key, p->buf + 1, wlen);
		}
	}
	ev->grams += grams;
	for (c = 0; c < li->nclass; c++)
		ev->sum[c] += sum[c];
	if (p->run != NO_RUN) {
		li->runs[p->run].grams = grams;
		memcpy(li->run_sum + p->run * (size_t)li->nclass, sum,
		       (size_t)li->nclass * sizeof(*sum));
	}
}

/* Scores the oldest pending word. */
static void score_next(struct cxs_langid *li, struct evidence *ev)
{
	score_word(li, ev, &li->pend[li->pend0]);
	li->pend0 = (li->pend0 + 1) & (PENDING - 1);
	li->npend--;
}

/* Queues the Latin word just ended (in `ev`, of run `run`) for scoring, and asks for
 * its cache entry. */
static void queue_word(struct cxs_langid *li, struct evidence *ev, size_t run)
{
	struct pending *p;
	size_t len = 0, wlen;
	int i;

	if (li->npend == PENDING)
		score_next(li, ev);
	p = &li->pend[(li->pend0 + li->npend++) & (PENDING - 1)];
	p->run = run;
	p->n = (unsigned char)(ev->wlen + 2);
	p->off[0] = 0;
	p->buf[len++] = '_';
	for (i = 0; i < ev->wlen; i++) {
		p->off[i + 1] = (unsigned char)len;
		U8_APPEND_UNSAFE(p->buf, len, ev->word[i]);
	}
	p->off[p->n - 1] = (unsigned char)len;
	p->buf[len++] = '_';
	p->off[p->n] = (unsigned char)len;
	wlen = len - 2;
	p->ws = NULL;
	if (wlen <= WORDCACHE_KEY) {
		size_t at = (size_t)fnv_bytes(FNV_BASIS, p->buf + 1, wlen) & (WORDCACHE_SLOTS - 2);

		p->ws = li->wslot + at * li->wsize;
		__builtin_prefetch(p->ws);
		__builtin_prefetch(p->ws + li->wsize);
	}
}

/* Makes room for one more run; 0 when memory runs out (the runs are then not used). */
static int reserve_run(struct cxs_langid *li)
{
	size_t cap = li->runs_cap ? 2 * li->runs_cap : 256;
	struct run *r;
	uint32_t *s;

	if (li->nruns < li->runs_cap)
		return 1;
	if (!(r = realloc(li->runs, cap * sizeof(*r))))
		return 0;
	li->runs = r;
	if (!(s = realloc(li->run_sum, cap * (size_t)li->nclass * sizeof(*s))))
		return 0;
	li->run_sum = s;
	li->runs_cap = cap;
	return 1;
}

static void end_word(struct cxs_langid *li, struct evidence *ev)
{
	struct run *r = NULL;

	if (!ev->in_word)
		return;
	if (ev->log && li->runs_ok && (li->runs_ok = reserve_run(li))) {
		r = &li->runs[li->nruns++];
		memset(r, 0, sizeof(*r));
		r->start = ev->run;
		r->end = ev->at;
		r->han = ev->han - ev->han0;
		r->kana = ev->kana - ev->kana0;
		r->hangul = ev->hangul - ev->hangul0;
	}
	if (ev->word_latin) {
		ev->latin_words++;
		if (r)
			r->latin = 1;
		queue_word(li, ev, r ? (size_t)(r - li->runs) : NO_RUN);
	} else if (ev->word_other) {
		ev->other_words++;
		if (r)
			r->other = 1;
	}
	ev->in_word = ev->word_latin = ev->word_other = 0;
	ev->wlen = 0;
}

/* A run of letters starts at the character being scanned. */
static void start_word(struct evidence *ev)
{
	ev->in_word = 1;
	ev->run = ev->at;
	ev->han0 = ev->han;
	ev->kana0 = ev->kana;
	ev->hangul0 = ev->hangul;
}

/* One code point of the text into the evidence: words are runs of letters (and the
 * marks inside them), lower-cased, as the model's script reads them. */
static void scan_char(struct cxs_langid *li, struct evidence *ev, UChar32 c)
{
	if (!u_isalpha(c) && !(ev->in_word && (U_GET_GC_MASK(c) & U_GC_M_MASK))) {
		end_word(li, ev);
		return;
	}
	if (!ev->in_word)
		start_word(ev);
	if (is_han(c))
		ev->han++;
	else if (is_kana(c))
		ev->kana++;
	else if (is_hangul(c))
		ev->hangul++;
	else if (is_latin(c))
		ev->word_latin = 1;
	else if (!(U_GET_GC_MASK(c) & U_GC_M_MASK))
		ev->word_other = 1;
	if (ev->wlen < MAX_WORD)
		ev->word[ev->wlen++] = u_tolower(c);
}

/* Scans the first CXS_LANGID_SCAN bytes of `text`; with `log`, records its runs in
 * the handle. Returns the number of bytes scanned. */
static size_t scan(struct cxs_langid *li, const char *text, size_t len, struct evidence *ev,
		   int log)
{
	const uint8_t *s = (const uint8_t *)text;
	int32_t i = 0, n = (int32_t)(len < CXS_LANGID_SCAN ? len : CXS_LANGID_SCAN);

	memset(ev, 0, sizeof(*ev));
	ev->log = log;
	while (i < n) {
		UChar32 c = s[i];

		ev->at = (size_t)i;
		if (c < 0x80) {
			/* ASCII: letters go straight into the word */
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				if (!ev->in_word)
					start_word(ev);
				ev->word_latin = 1;
				if (ev->wlen < MAX_WORD)
					ev->word[ev->wlen++] = c | 0x20;
			} else {
				end_word(li, ev);
			}
			i++;
			continue;
		}
		U8_NEXT(s, i, n, c);
		if (c >= 0)
			scan_char(li, ev, c);
		else
			end_word(li, ev);
	}
	ev->at = (size_t)n;
	end_word(li, ev);
	while (li->npend)
		score_next(li, ev);
	return (size_t)n;
}

/* ------------------------------------------------------------------------------------
 * Deciding */

/* The class of a tag like "sv", "en-GB", "nb", "NO": an index into the classes, -2 for
 * zh, -1 for anything else. */
static int hint_class(const struct cxs_langid *li, const char *hint)
{
	char tag[4];
	size_t n = 0;
	int c;

	if (!hint)
		return -1;
	while (n < 3 && ((hint[n] | 0x20) >= 'a' && (hint[n] | 0x20) <= 'z')) {
		tag[n] = (char)(hint[n] | 0x20);
		n++;
	}
	if (n != 2 || (hint[n] && hint[n] != '-' && hint[n] != '_'))
		return -1;
	tag[n] = '\0';
	if (!strcmp(tag, "zh"))
		return -2;
	if (!strcmp(tag, "nb") || !strcmp(tag, "nn"))
		strcpy(tag, "no");
	for (c = 0; c < li->nclass; c++)
		if (!strcmp(tag, li->names[c]))
			return c;
	return -1;
}

static double round3(double x)
{
	return (double)(long)(x * 1000.0 + 0.5) / 1000.0;
}

/* Confidence grows with the amount of evidence (saturating) and with the winner's share. */
static double confidence(double best, double share)
{
	return round3(share * best / (best + 2.0));
}

/* The script decides: 1 when it did (zh, or und for another script), 0 for Latin text. */
static int decide_script(const struct evidence *ev, int hint, struct cxs_langid_result *res)
{
	double units = (double)(ev->han + ev->kana + ev->hangul + ev->latin_words +
				ev->other_words);
	double han_share;

	res->lang = "und";
	res->score = 0;
	if (units == 0)
		return 1;
	if (ev->kana + ev->han > 0 &&
	    (double)ev->kana / (double)(ev->kana + ev->han) >= KANA_SHARE &&
	    (double)(ev->kana + ev->han) / units >= ZH_SHARE_HINTED) {
		res->score = round3((double)(ev->kana + ev->han) / units);   /* Japanese */
		return 1;
	}
	han_share = (double)ev->han / units;
	if (han_share >= (hint == -2 ? ZH_SHARE_HINTED : ZH_SHARE)) {
		res->lang = "zh";
		res->score = confidence((double)ev->han, han_share);
		return 1;
	}
	if ((double)(ev->hangul + ev->other_words) > (double)ev->latin_words) {
		res->score = round3((double)(ev->hangul + ev->other_words) / units);
		return 1;
	}
	return 0;
}

/* The n-gram model decides among its classes, with the priors; the winner is the
 * answer when it is one of ours, "und" otherwise. The score is margin / (margin + 3),
 * the margin being how many nats the winner is ahead of the runner-up: 0.5 for a close
 * call, 0.9 for a clear sentence, near 1 for long text. */
static void decide_model(const struct cxs_langid *li, const struct evidence *ev, int hint,
			 int prior, struct cxs_langid_result *res)
{
	double cost[MAX_CLASSES], margin;
	int c, best = 0, second = -1;
	static const char *const ours[] = { "sv", "es", "en" };

	for (c = 0; c < li->nclass; c++) {
		cost[c] = (double)ev->sum[c] / li->scale;
		if (li->ours[c])
			cost[c] -= PRIOR_OURS;
		if (c == hint)
			cost[c] -= PRIOR_HINT;
		if (c == prior)
			cost[c] -= PRIOR_DOC;
		if (cost[c] < cost[best])
			best = c;
	}
	for (c = 0; c < li->nclass; c++)
		if (c != best && (second < 0 || cost[c] < cost[second]))
			second = c;
	margin = second < 0 ? 99 * MARGIN_SCALE : cost[second] - cost[best];
	res->score = round3(margin / (margin + MARGIN_SCALE));
	res->lang = "und";
	if (li->ours[best])
		for (c = 0; c < 3; c++)
			if (!strcmp(li->names[best], ours[c]))
				res->lang = ours[c];
}

void cxs_langid_detect(cxs_langid *li, const char *text, size_t len, const char *hint,
		       struct cxs_langid_result *res)
{
	struct evidence ev;
	int h = hint_class(li, hint);

	li->nruns = 0;
	li->runs_ok = 1;
	li->doc = text;
	li->doc_len = scan(li, text, len, &ev, 1);
	if (decide_script(&ev, h, res))
		return;
	/* one short word ("OK", "Hej", a name) is too little, whatever it is; a longer
	 * one ("Volveremos.", "Overpriced.") speaks when the model is clear about it */
	if (ev.latin_words < 2 && ev.grams < ONE_WORD_GRAMS)
		return;
	decide_model(li, &ev, h, -1, res);
	if (ev.latin_words < 2 && res->score < ONE_WORD_SCORE) {
		res->lang = "und";
		res->score = 0;
	}
}

/* The decision for one sentence from its evidence (cxs_langid_detect_sentence). */
static void decide_sentence(const struct cxs_langid *li, const struct evidence *ev,
			    const char *hint, const char *doc_lang, double doc_score,
			    struct cxs_langid_result *res)
{
	static const char *const langs[] = { "sv", "es", "zh", "en" };
	int h = hint_class(li, hint), prior = doc_lang ? hint_class(li, doc_lang) : -1, c;

	if (decide_script(ev, prior == -2 ? -2 : h, res)) {
		if (strcmp(res->lang, "und") || res->score > 0 || !doc_lang)
			return;
		/* no letters at all ("!!!", "4/5"): the document's */
	} else if (ev->latin_words >= 2) {
		decide_model(li, ev, h, prior, res);
		return;
	}
	res->lang = "und";
	res->score = 0;
	for (c = 0; doc_lang && c < 4; c++)
		if (!strcmp(doc_lang, langs[c])) {
			res->lang = langs[c];
			res->score = round3(doc_score / 2);
		}
}

void cxs_langid_detect_sentence(cxs_langid *li, const char *text, size_t len,
				const char *hint, const char *doc_lang, double doc_score,
				struct cxs_langid_result *res)
{
	struct evidence ev;

	scan(li, text, len, &ev, 0);
	decide_sentence(li, &ev, hint, doc_lang, doc_score, res);
}

/* The evidence of [start, end) of the last text detected, summed from its runs: the
 * very evidence a scan of that span would give, as runs are found the same way from
 * any character boundary. 0 when the span cuts a run or lies past what was scanned. */
static int span_evidence(const struct cxs_langid *li, size_t start, size_t end,
			 struct evidence *ev)
{
	size_t lo = 0, hi = li->nruns, k;
	int c;

	if (!li->runs_ok || end > li->doc_len)
		return 0;
	while (lo < hi) {               /* the first run ending after start */
		size_t mid = lo + (hi - lo) / 2;

		if (li->runs[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	memset(ev, 0, sizeof(*ev));
	for (k = lo; k < li->nruns && li->runs[k].start < end; k++) {
		const struct run *r = &li->runs[k];
		const uint32_t *sum = li->run_sum + k * (size_t)li->nclass;

		if (r->start < start || r->end > end)
			return 0;
		ev->han += r->han;
		ev->kana += r->kana;
		ev->hangul += r->hangul;
		ev->latin_words += r->latin;
		ev->other_words += r->other;
		ev->grams += r->grams;
		if (r->latin)
			for (c = 0; c < li->nclass; c++)
				ev->sum[c] += sum[c];
	}
	return 1;
}

void cxs_langid_detect_span(cxs_langid *li, size_t start, size_t end, const char *hint,
			    const char *doc_lang, double doc_score,
			    struct cxs_langid_result *res)
{
	struct evidence ev;

	if (!span_evidence(li, start, end, &ev))
		scan(li, li->doc + start, end - start, &ev, 0);
	decide_sentence(li, &ev, hint, doc_lang, doc_score, res);
}

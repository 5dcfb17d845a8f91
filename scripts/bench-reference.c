/*
 * bench-reference: the library operations the stages are built on, timed alone on this
 * machine, so `make bench` can set a stage's MB/s beside what the machine itself allows.
 *
 * usage: bench-reference SV.txt ES.txt EN.txt ZH.txt
 *
 * Each file holds review text of one language, one review per line (scripts/bench writes
 * them from its corpus). For each operation it prints one tab-separated line:
 *
 *   op  lang  input-bytes  cpu-seconds  units
 *
 * where units counts what the operation is measured in besides bytes (tokens for the
 * stemmer, 0 otherwise). The operations are the ones issue 4 quotes reference figures for:
 * ICU UTF-8 -> UTF-16 + nfkc_cf, ICU word break (Latin and Chinese), ICU's Hant-Hans
 * transliterator, and libstemmer. gzip is measured by scripts/bench itself (Python's zlib
 * is the same C library).
 *
 * This is a measuring tool, not part of the pipeline: on error it prints to stderr and
 * exits 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct text {
    char **lines;
    size_t n, bytes;
};

struct ubuf {
    UChar *p;
    int32_t cap;
};

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench-reference: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static void load(const char *path, struct text *t)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, alloc = 0;
    ssize_t len;

    if (!f)
        die("cannot open", path);
    memset(t, 0, sizeof *t);
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (t->n == alloc) {
            alloc = alloc ? 2 * alloc : 4096;
            t->lines = xrealloc(t->lines, alloc * sizeof *t->lines);
        }
        t->lines[t->n++] = strdup(line);
        t->bytes += (size_t)len;
    }
    if (ferror(f))
        die("cannot read", path);
    free(line);
    fclose(f);
}

static void text_free(struct text *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->lines[i]);
    free(t->lines);
}

/* UTF-8 -> UTF-16 into a growing buffer; returns the length in UChars. */
static int32_t to_utf16(struct ubuf *b, const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;

    u_strFromUTF8WithSub(b->p, b->cap, &n, s, -1, 0xFFFD, NULL, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING
        || 2 * n + 16 > b->cap) {
        b->cap = 2 * n + 16;    /* room for the transliterator to grow the text */
        b->p = xrealloc(b->p, (size_t)b->cap * sizeof(UChar));
        st = U_ZERO_ERROR;
        u_strFromUTF8WithSub(b->p, b->cap, &n, s, -1, 0xFFFD, NULL, &st);
    }
    if (U_FAILURE(st))
        die("u_strFromUTF8", u_errorName(st));
    return n;
}

static void report(const char *op, const char *lang, size_t bytes, double cpu, size_t units)
{
    printf("%s\t%s\t%zu\t%.4f\t%zu\n", op, lang, bytes, cpu, units);
}

static void bench_nfkc_cf(const struct text *t, const char *lang)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
    struct ubuf in = { 0 }, out = { 0 };
    double t0;

    if (U_FAILURE(st))
        die("nfkc_cf", u_errorName(st));
    t0 = cpu_now();
    for (size_t i = 0; i < t->n; i++) {
        int32_t n = to_utf16(&in, t->lines[i]), m;

        /* NFKC case folding can lengthen text (ligatures, ß); three times is ample. */
        if (out.cap < 3 * n + 1) {
            out.cap = 3 * n + 1;
            out.p = xrealloc(out.p, (size_t)out.cap * sizeof(UChar));
        }
        st = U_ZERO_ERROR;
        m = unorm2_normalize(nfkc_cf, in.p, n, out.p, out.cap, &st);
        if (U_FAILURE(st) || m < 0)
            die("unorm2_normalize", u_errorName(st));
    }
    report("utf16+nfkc_cf", lang, t->bytes, cpu_now() - t0, 0);
    free(in.p);
    free(out.p);
}

static void bench_wordbreak(const struct text *t, const char *lang)
{
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, lang, NULL, 0, &st);
    struct ubuf in = { 0 };
    size_t words = 0;
    double t0;

    if (U_FAILURE(st))
        die("ubrk_open", u_errorName(st));
    t0 = cpu_now();
    for (size_t i = 0; i < t->n; i++) {
        int32_t n = to_utf16(&in, t->lines[i]);

        st = U_ZERO_ERROR;
        ubrk_setText(bi, in.p, n, &st);
        if (U_FAILURE(st))
            die("ubrk_setText", u_errorName(st));
        while (ubrk_next(bi) != UBRK_DONE)
            if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE)
                words++;
    }
    report("wordbreak", lang, t->bytes, cpu_now() - t0, words);
    ubrk_close(bi);
    free(in.p);
}

static void bench_hant_hans(const struct text *t, const char *lang)
{
    UErrorCode st = U_ZERO_ERROR;
    static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
    UTransliterator *tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    struct ubuf in = { 0 };
    double t0;

    if (U_FAILURE(st))
        die("utrans_openU(Hant-Hans)", u_errorName(st));
    t0 = cpu_now();
    for (size_t i = 0; i < t->n; i++) {
        int32_t n = to_utf16(&in, t->lines[i]), limit = n;

        /* to_utf16 left room for the rare rule that lengthens the text. */
        st = U_ZERO_ERROR;
        utrans_transUChars(tr, in.p, &n, in.cap, 0, &limit, &st);
        if (U_FAILURE(st))
            die("utrans_transUChars", u_errorName(st));
    }
    report("hant-hans", lang, t->bytes, cpu_now() - t0, 0);
    utrans_close(tr);
    free(in.p);
}

/* Tokens are runs of bytes other than ASCII spaces and punctuation, lowercased in
 * ASCII: close to what the stem stage hands libstemmer, without the stage's own costs. */
static void bench_stem(const struct text *t, const char *lang, const char *algorithm)
{
    struct sb_stemmer *sb = sb_stemmer_new(algorithm, "UTF_8");
    size_t tokens = 0;
    char tok[256];
    double t0;

    if (!sb)
        die("no Snowball stemmer for", algorithm);
    t0 = cpu_now();
    for (size_t i = 0; i < t->n; i++) {
        const unsigned char *p = (const unsigned char *)t->lines[i];

        while (*p) {
            size_t len = 0;

            while (*p && *p < 0x80 && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
                   && !(*p >= '0' && *p <= '9'))
                p++;
            while (*p && (*p >= 0x80 || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
                          || (*p >= '0' && *p <= '9'))) {
                if (len < sizeof tok)
                    tok[len++] = (char)((*p >= 'A' && *p <= 'Z') ? (*p | 0x20) : *p);
                p++;
            }
            if (len) {
                if (!sb_stemmer_stem(sb, (const sb_symbol *)tok, (int)len))
                    die("sb_stemmer_stem", "out of memory");
                tokens++;
            }
        }
    }
    report("libstemmer", lang, t->bytes, cpu_now() - t0, tokens);
    sb_stemmer_delete(sb);
}

int main(int argc, char **argv)
{
    static const char *langs[] = { "sv", "es", "en", "zh" };
    static const char *algorithms[] = { "swedish", "spanish", "english" };
    struct text t[4];

    if (argc != 5) {
        fprintf(stderr, "usage: bench-reference SV.txt ES.txt EN.txt ZH.txt\n");
        return 2;
    }
    for (int i = 0; i < 4; i++)
        load(argv[i + 1], &t[i]);
    for (int i = 0; i < 4; i++)
        bench_nfkc_cf(&t[i], langs[i]);
    for (int i = 0; i < 4; i++)
        bench_wordbreak(&t[i], langs[i]);
    bench_hant_hans(&t[3], langs[3]);
    for (int i = 0; i < 3; i++)
        bench_stem(&t[i], langs[i], algorithms[i]);
    for (int i = 0; i < 4; i++)
        text_free(&t[i]);
    if (fflush(stdout) || ferror(stdout))
        die("cannot write the results", NULL);
    return 0;
}

/*
 * report_topk — the most frequent keys of a stream in bounded memory (Space-Saving).
 *
 * Counts keys exactly while there are at most `capacity` distinct ones. After that a new
 * key takes the place of the key with the smallest count and inherits that count as its
 * possible overcount (Metwally, Agrawal and El Abbadi, "Efficient computation of frequent
 * and top-k elements in data streams", 2005). For every key kept, its true count lies in
 * [count - overcount, count], and every key whose true count exceeds N / capacity (N: all
 * additions) is kept. Memory: `capacity` keys and counters, never more.
 *
 * The result depends only on the sequence of additions, so the same input gives the same
 * list. Keys are copied; the counter owns its copies.
 */
#ifndef REPORT_TOPK_H
#define REPORT_TOPK_H

#include <stddef.h>

typedef struct report_topk report_topk;

struct report_topk_entry {
	const char *key;      /* owned by the counter; valid until the next add or free */
	long long count;      /* an upper bound of the true count */
	long long overcount;  /* count - overcount is a lower bound; 0 means exact */
};

/* A counter keeping at most `capacity` (>= 1) keys. NULL when memory runs out. */
report_topk *report_topk_new(size_t capacity);

/* Counts `key` (`len` bytes, no NUL) `n` (>= 1) more times. Returns 0, or -1 when
 * memory runs out (the counter is unchanged). */
int report_topk_add(report_topk *t, const char *key, size_t len, long long n);

/* Fills `out`, which has room for report_topk_size(t) entries, with every kept key,
 * highest count first, ties by key bytes; returns how many were written. The entries'
 * keys belong to the counter. */
size_t report_topk_list(const report_topk *t, struct report_topk_entry *out);

/* Keys kept now; additions in total. */
size_t report_topk_size(const report_topk *t);
long long report_topk_total(const report_topk *t);

/* Frees the counter and its keys; NULL is a no-op. */
void report_topk_free(report_topk *t);

#endif

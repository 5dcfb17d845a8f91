/*
 * report_topk — Space-Saving counter: a fixed array of entries, a chained hash from key
 * to entry, and a linear search for the smallest count when a key must be evicted (only
 * once the counter is full, and `capacity` is a few hundred).
 */
#include "report_topk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_hash.h"

struct slot {
	char *key;
	size_t len;
	long long count, overcount;
	long next;  /* next slot in the same bucket, -1 at the end */
};

struct report_topk {
	struct slot *slots;
	size_t n, cap;
	long *buckets;
	size_t nbuckets;
	long long total;
};

report_topk *report_topk_new(size_t capacity)
{
	report_topk *t = calloc(1, sizeof *t);
	size_t i;

	if (!t)
		return NULL;
	if (capacity < 1)
		capacity = 1;
	t->cap = capacity;
	t->nbuckets = 2 * capacity + 1;
	t->slots = calloc(capacity, sizeof *t->slots);
	t->buckets = malloc(t->nbuckets * sizeof *t->buckets);
	if (!t->slots || !t->buckets) {
		report_topk_free(t);
		return NULL;
	}
	for (i = 0; i < t->nbuckets; i++)
		t->buckets[i] = -1;
	return t;
}

static size_t bucket_of(const report_topk *t, const char *key, size_t len)
{
	return (size_t)(cxs_hash_fnv1a(key, len) % t->nbuckets);
}

static long find(const report_topk *t, const char *key, size_t len, size_t b)
{
	long i;

	for (i = t->buckets[b]; i >= 0; i = t->slots[i].next)
		if (t->slots[i].len == len && !memcmp(t->slots[i].key, key, len))
			return i;
	return -1;
}

static void unlink_slot(report_topk *t, long s)
{
	size_t b = bucket_of(t, t->slots[s].key, t->slots[s].len);
	long *p = &t->buckets[b];

	while (*p != s)
		p = &t->slots[*p].next;
	*p = t->slots[s].next;
}

/* The slot to give up: the smallest count, and among those the largest key, so the
 * choice never depends on where a slot happens to sit. */
static long victim(const report_topk *t)
{
	long best = 0;
	size_t i;

	for (i = 1; i < t->n; i++) {
		const struct slot *a = &t->slots[i], *b = &t->slots[best];
		size_t m = a->len < b->len ? a->len : b->len;
		int c = memcmp(a->key, b->key, m);

		if (a->count < b->count ||
		    (a->count == b->count && (c > 0 || (c == 0 && a->len > b->len))))
			best = (long)i;
	}
	return best;
}

int report_topk_add(report_topk *t, const char *key, size_t len, long long n)
{
	size_t b = bucket_of(t, key, len);
	long s = find(t, key, len, b);
	char *copy;

	if (s >= 0) {
		t->slots[s].count += n;
		t->total += n;
		return 0;
	}
	copy = malloc(len + 1);
	if (!copy)
		return -1;
	memcpy(copy, key, len);
	copy[len] = '\0';
	if (t->n < t->cap) {
		s = (long)t->n++;
		t->slots[s].count = 0;
		t->slots[s].overcount = 0;
	} else {
		s = victim(t);
		unlink_slot(t, s);
		free(t->slots[s].key);
		t->slots[s].overcount = t->slots[s].count;
	}
	t->slots[s].key = copy;
	t->slots[s].len = len;
	t->slots[s].count += n;
	t->slots[s].next = t->buckets[b];
	t->buckets[b] = s;
	t->total += n;
	return 0;
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct report_topk_entry *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->key, b->key);
}

size_t report_topk_list(const report_topk *t, struct report_topk_entry *out)
{
	size_t i;

	if (!t || !t->n)
		return 0;
	for (i = 0; i < t->n; i++) {
		out[i].key = t->slots[i].key;
		out[i].count = t->slots[i].count;
		out[i].overcount = t->slots[i].overcount;
	}
	qsort(out, t->n, sizeof *out, cmp_entry);
	return t->n;
}

size_t report_topk_size(const report_topk *t)
{
	return t ? t->n : 0;
}

long long report_topk_total(const report_topk *t)
{
	return t ? t->total : 0;
}

void report_topk_free(report_topk *t)
{
	size_t i;

	if (!t)
		return;
	if (t->slots)
		for (i = 0; i < t->n; i++)
			free(t->slots[i].key);
	free(t->slots);
	free(t->buckets);
	free(t);
}

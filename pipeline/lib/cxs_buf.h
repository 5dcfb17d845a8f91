/*
 * cxs_buf — a growable byte buffer (git's strbuf is the model).
 *
 * Invariant: `p` is always NUL-terminated when `cap > 0`, and `len` counts the bytes
 * before that NUL. A zero-initialised buffer (CXS_BUF_INIT) is valid and empty.
 * Appending functions return 0, or -1 when memory runs out (the buffer is unchanged).
 * Reuse one buffer across records (cxs_buf_reset) so the hot path does not allocate.
 */
#ifndef CXS_BUF_H
#define CXS_BUF_H

#include <stddef.h>

typedef struct cxs_buf {
	char *p;
	size_t len;
	size_t cap;
} cxs_buf;

#define CXS_BUF_INIT { NULL, 0, 0 }

/* Makes room for at least `extra` more bytes plus the terminating NUL. */
int cxs_buf_grow(cxs_buf *b, size_t extra);
int cxs_buf_add(cxs_buf *b, const void *data, size_t n);
int cxs_buf_addstr(cxs_buf *b, const char *s);
int cxs_buf_addch(cxs_buf *b, char c);
int cxs_buf_addf(cxs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer but keeps its memory. */
void cxs_buf_reset(cxs_buf *b);
/* Frees the memory; the buffer is then empty and reusable. */
void cxs_buf_release(cxs_buf *b);
/* Hands the NUL-terminated contents to the caller, who must free() them; the buffer is
 * left empty. Returns an empty allocated string for an empty buffer, NULL on no memory. */
char *cxs_buf_detach(cxs_buf *b, size_t *len);

/* Makes room for `need` elements of `size` bytes in the array whose address is `pp`
 * (a `T **`) and whose capacity is `*cap`, doubling as it grows; the array may move.
 * Returns 0, or -1 when memory runs out (the array is then unchanged). */
int cxs_array_grow(void *pp, size_t *cap, size_t need, size_t size);

#endif

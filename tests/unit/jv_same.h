/*
 * jv_same.h — whether cxs_rec's nested reading (struct cxs_jv) of a value gives what
 * jansson's tree of it holds. Shared by tests/unit/test_rec.c and the record fuzz target
 * (tests/fuzz/fuzz_record_reader.c), which include it once each.
 */
#ifndef JV_SAME_H
#define JV_SAME_H

#include <jansson.h>
#include <string.h>

#include "cxs_buf.h"
#include "cxs_rec.h"

/* Whether nested value `v` reads as jansson's tree `j` does: same type, same decoded
 * string, integer and number values, entries and members in the same order. */
static inline int jv_same(const struct cxs_jv *v, const json_t *j)
{
	static const enum cxs_rec_type types[] = {
		[JSON_OBJECT] = CXS_REC_OBJECT, [JSON_ARRAY] = CXS_REC_ARRAY,
		[JSON_STRING] = CXS_REC_STRING, [JSON_INTEGER] = CXS_REC_NUMBER,
		[JSON_REAL] = CXS_REC_NUMBER, [JSON_TRUE] = CXS_REC_TRUE,
		[JSON_FALSE] = CXS_REC_FALSE, [JSON_NULL] = CXS_REC_NULL,
	};
	struct cxs_jv k, e;
	size_t pos = 0, i = 0;
	cxs_buf b = CXS_BUF_INIT;
	long long n;
	double d;
	int ok = 1;

	if (cxs_jv_type(v) != types[json_typeof(j)])
		return 0;
	switch (json_typeof(j)) {
	case JSON_STRING:
		ok = cxs_jv_string(v, &b) == 1 && b.len == json_string_length(j) &&
		     !memcmp(b.p, json_string_value(j), b.len);
		break;
	case JSON_INTEGER:
		ok = cxs_jv_int(v, &n) == 1 && n == json_integer_value(j) &&
		     cxs_jv_number(v, &d) == 1 && d == json_number_value(j);
		break;
	case JSON_REAL:
		ok = cxs_jv_int(v, &n) == 0 && cxs_jv_number(v, &d) == 1 &&
		     d == json_real_value(j);
		break;
	case JSON_ARRAY:
		ok = cxs_jv_count(v) == (long)json_array_size(j);
		while (ok && cxs_jv_next(v, &pos, NULL, &e) == 1)
			ok = jv_same(&e, json_array_get(j, i++));
		break;
	case JSON_OBJECT: {
		void *it = json_object_iter((json_t *)j);

		while (ok && cxs_jv_next(v, &pos, &k, &e) == 1 && it) {
			const char *key = json_object_iter_key(it);
			struct cxs_jv quoted = { k.p - 1, k.len + 2 }, g;

			/* the key as written, between its quotes, decodes to jansson's; looked up
			 * by that spelling, it is this member */
			cxs_buf_reset(&b);
			ok = cxs_jv_string(&quoted, &b) == 1 && !strcmp(b.p, key) &&
			     jv_same(&e, json_object_iter_value(it));
			cxs_buf_reset(&b);
			ok = ok && cxs_buf_add(&b, k.p, k.len) == 0 && cxs_jv_get(v, b.p, &g) == 1 &&
			     g.p == e.p && g.len == e.len;
			it = json_object_iter_next((json_t *)j, it);
			i++;
		}
		ok = ok && i == json_object_size(j) && cxs_jv_count(v) == -1;
		break;
	}
	default:
		ok = cxs_jv_int(v, &n) == 0 && cxs_jv_number(v, &d) == 0 &&
		     cxs_jv_string(v, &b) == -1;
	}
	cxs_buf_release(&b);
	return ok;
}

#endif

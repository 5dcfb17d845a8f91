/*
 * fuzz_record_reader — cxs_reader (pipeline/lib/cxs_record.h) over arbitrary file bytes:
 * plain or gzip (the reader detects the magic bytes), valid and broken JSON lines, lines
 * over the record limit. Every record read is serialised again; a read must end in EOF or
 * FATAL after at most one status per line. cxs_rec (the stages' reader) must take the
 * same lines as the tree reader and give the same bytes back, and its nested reading of
 * every field (struct cxs_jv, what cxs-report walks) must hold what the tree holds.
 */
#include <string.h>

#include "cxs_buf.h"
#include "cxs_rec.h"
#include "cxs_record.h"
#include "fuzz_common.h"
#include "../unit/jv_same.h"

/* Small, so that the fuzzer reaches the "record too long" path with short inputs. */
#define FUZZ_MAX_RECORD 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cxs_buf out, out2;
	static cxs_rec *fast;
	char path[PATH_MAX];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_reader *r;
	json_t *rec;
	long long reads = 0;
	int rc;

	if (!fuzz_dir[0])
		fuzz_dir_make("record");
	if (!fast)
		fast = cxs_rec_new();
	fuzz_write("in.jsonl", data, size, path, sizeof path);
	r = cxs_reader_open(path, FUZZ_MAX_RECORD, &err);
	FUZZ_ASSERT(r);
	do {
		size_t rawlen;
		const char *raw;
		struct cxs_jv whole;

		rec = NULL;
		rc = cxs_reader_next(r, &rec, &err);
		raw = cxs_reader_raw(r, &rawlen);
		if (rc == CXS_READ_OK) {
			FUZZ_ASSERT(json_is_object(rec));
			FUZZ_ASSERT(cxs_record_dump(rec, &out) == 0);
			FUZZ_ASSERT(raw && rawlen <= FUZZ_MAX_RECORD);
			FUZZ_ASSERT(cxs_rec_parse(fast, raw, rawlen) == 0);
			FUZZ_ASSERT(cxs_rec_write(fast, &out2) == 0);
			FUZZ_ASSERT(out.len == out2.len && !memcmp(out.p, out2.p, out.len));
			whole.p = cxs_rec_text(fast, &whole.len);
			FUZZ_ASSERT(jv_same(&whole, rec));
			json_decref(rec);
		} else {
			FUZZ_ASSERT(!rec);
			if (rc == CXS_READ_BAD) {
				FUZZ_ASSERT(cxs_reader_reason(r) && *cxs_reader_reason(r));
				FUZZ_ASSERT(!raw || rawlen <= FUZZ_MAX_RECORD);
				if (strncmp(cxs_reader_reason(r), "record longer", 13) != 0) {
					FUZZ_ASSERT(cxs_rec_parse(fast, raw, rawlen) == 1);
					FUZZ_ASSERT(!strcmp(cxs_rec_reason(fast), cxs_reader_reason(r)));
				}
			}
			if (rc != CXS_READ_EOF)
				FUZZ_ASSERT(err.msg[0]);
		}
		FUZZ_ASSERT(cxs_reader_line(r) >= 0);
		/* Each status consumes at least one line; gzip can inflate a lot, but never
		 * to more lines than 1032 times its size plus a member's worth. */
		FUZZ_ASSERT(++reads <= (long long)size * 1100 + 2);
		cxs_err_clear(&err);
	} while (rc == CXS_READ_OK || rc == CXS_READ_BAD);
	if (rc == CXS_READ_EOF) {
		char hex[CXS_SHA256_HEX];
		long long bytes;

		cxs_reader_hash(r, hex, &bytes);
		FUZZ_ASSERT(bytes == (long long)size);
	}
	cxs_reader_close(r);
	return 0;
}

/*
 * fuzz_warc — the WARC/ARC reader of cxs-fetch (stages/fetch/fetch_warc.c with
 * warc_stream and warc_http) over arbitrary archive bytes, through the whole fetcher:
 * every page extracted and written, every record counted, the stage committed.
 *
 * The input is the archive file as it is (plain, or gzip when it starts with the gzip
 * magic), or, when it starts with "GZ:", the rest compressed here as one gzip member,
 * so that mutations of plain records also reach the gzip path. A small record limit
 * (4096 bytes) makes the "too big" paths reachable. The stage must reconcile (in = out
 * + rejected); the reader must not fail the run except for memory.
 */
#include <string.h>
#include <zlib.h>

#include "cxs_stage.h"
#include "fetch_run.h"
#include "fuzz_common.h"

#define FUZZ_MAX_RECORD 4096

static void write_gz(const uint8_t *data, size_t size, char *path, size_t psize)
{
	static unsigned char out[1 << 20];
	z_stream z;

	memset(&z, 0, sizeof(z));
	FUZZ_ASSERT(deflateInit2(&z, 1, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)size;
	z.next_out = out;
	z.avail_out = sizeof(out);
	FUZZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
	fuzz_write("in.warc.gz", out, sizeof(out) - z.avail_out, path, psize);
	deflateEnd(&z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[PATH_MAX], outp[PATH_MAX];
	struct cxs_stage_config cfg;
	struct cxs_fetch_opts o;
	cxs_err err = { CXS_E_NONE, "" };
	const struct cxs_counts *c;
	cxs_fetcher *f;
	cxs_stage *s;
	long long most = (long long)size;

	if (size > (1 << 19))
		return 0;
	if (!fuzz_dir[0])
		fuzz_dir_make("warc");
	if (size >= 3 && !memcmp(data, "GZ:", 3)) {
		write_gz(data + 3, size - 3, path, sizeof path);
		most = (long long)size * 1100;   /* deflate's best ratio is about 1:1032 */
	}
	else
		fuzz_write("in.warc", data, size, path, sizeof path);
	snprintf(outp, sizeof outp, "%s/out.jsonl", fuzz_dir);
	memset(&cfg, 0, sizeof(cfg));
	cfg.stage = "fetch";
	cfg.output = outp;
	cfg.level = 1;
	cfg.max_record = FUZZ_MAX_RECORD;
	s = cxs_stage_open(&cfg, &err);
	FUZZ_ASSERT(s);
	memset(&o, 0, sizeof(o));
	o.forced = CXS_KIND_WARC;
	o.max_record = FUZZ_MAX_RECORD;
	f = cxs_fetcher_new(s, &o, &err);
	FUZZ_ASSERT(f);
	if (cxs_fetcher_source(f, path, &err) < 0) {
		FUZZ_ASSERT(err.kind == CXS_E_NOMEM);
		cxs_fetcher_free(f);
		cxs_stage_abort(s);
		return 0;
	}
	c = cxs_stage_counts(s);
	FUZZ_ASSERT(c->in == c->out + c->rejected);
	FUZZ_ASSERT(c->in <= most);   /* a page takes more than one byte */
	cxs_fetcher_free(f);
	/* Not committed: publishing syncs files to disk, which would make each run slow;
	 * the counts checked above are what a commit checks. */
	cxs_stage_abort(s);
	return 0;
}

/*
 * fuzz_feed_common — one cxs-fetch run over one file for the XML fuzz targets
 * (fuzz_feed, fuzz_semeval): the bytes are written to the scratch folder, read by a
 * fetcher into a stage whose output is then discarded, and the counts checked.
 */
#ifndef FUZZ_FEED_COMMON_H
#define FUZZ_FEED_COMMON_H

#include "cxs_stage.h"
#include "fetch_run.h"
#include "fuzz_common.h"

static inline void fuzz_fetch_file(const char *name, const char *file, const uint8_t *data,
				   size_t size, const char *unit)
{
	static char in[PATH_MAX], out[PATH_MAX];
	struct cxs_stage_config cfg;
	struct cxs_fetch_opts o;
	const struct cxs_counts *c;
	cxs_err err = { CXS_E_NONE, "" };
	cxs_fetcher *f;
	cxs_stage *s;

	if (!fuzz_dir[0]) {
		fuzz_dir_make(name);
		snprintf(out, sizeof out, "%s/out.jsonl", fuzz_dir);
	}
	fuzz_write(file, data, size, in, sizeof in);
	memset(&cfg, 0, sizeof cfg);
	cfg.stage = "fetch";
	cfg.output = out;
	cfg.max_record = 4096;
	s = cxs_stage_open(&cfg, &err);
	FUZZ_ASSERT(s);
	memset(&o, 0, sizeof o);
	o.max_record = 4096;
	o.unit = unit;
	f = cxs_fetcher_new(s, &o, &err);
	FUZZ_ASSERT(f);
	if (cxs_fetcher_source(f, in, &err) < 0)
		FUZZ_ASSERT(err.kind == CXS_E_NOMEM);
	c = cxs_stage_counts(s);
	FUZZ_ASSERT(c->in == c->out + c->rejected);
	cxs_fetcher_free(f);
	cxs_stage_abort(s);
}

#endif

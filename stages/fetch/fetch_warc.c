/*
 * fetch_warc — WARC and ARC archives (placeholder until the reader lands: the file is
 * reported as not read, so the run says it is partial and nothing is lost silently).
 */
#include "fetch_internal.h"

int cxs_fetch_warc(struct cxs_fetcher *f, const char *path, enum cxs_kind kind)
{
	cxs_fetch_partial(f, "could not read '%s': %s archives are not supported yet",
			  cxs_source_uri(path), cxs_kind_name(kind));
	return 0;
}

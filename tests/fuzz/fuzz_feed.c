/*
 * fuzz_feed — cxs-fetch's feed reader (stages/fetch/fetch_feed.c over fetch_xml.c) on an
 * arbitrary file named in.rss, through a real fetcher and stage as cxs-fetch runs them,
 * with --max-record-bytes 4096 so the caps are reached. Every document counted in must
 * be emitted or rejected (in = out + rejected), and the run either goes on or fails
 * only for lack of memory.
 */
#include "fuzz_feed_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_fetch_file("feed", "in.rss", data, size, "sentence");
	return 0;
}

/*
 * fuzz_semeval — cxs-fetch's .xml reader, which tells SemEval ABSA XML from a feed by
 * the root element (stages/fetch/fetch_semeval.c, fetch_feed.c), on an arbitrary file
 * named in.xml. First byte: even reads one document per sentence, odd per review
 * (--unit). The same promises as fuzz_feed: in = out + rejected, no failure but memory.
 */
#include "fuzz_feed_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_fetch_file("semeval", "in.xml", data + 1, size - 1,
			data[0] & 1 ? "review" : "sentence");
	return 0;
}

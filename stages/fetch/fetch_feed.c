/*
 * fetch_feed — RSS and Atom feeds, SemEval ABSA XML, and .xml files that are one of
 * them (placeholder until the readers land: the file is reported as not read, so the
 * run says it is partial and nothing is lost silently).
 */
#include "fetch_internal.h"

int cxs_fetch_feed(struct cxs_fetcher *f, const char *path)
{
	cxs_fetch_partial(f, "could not read '%s': feeds are not supported yet",
			  cxs_source_uri(path));
	return 0;
}

int cxs_fetch_semeval(struct cxs_fetcher *f, const char *path)
{
	cxs_fetch_partial(f, "could not read '%s': SemEval XML is not supported yet",
			  cxs_source_uri(path));
	return 0;
}

int cxs_fetch_xml(struct cxs_fetcher *f, const char *path)
{
	cxs_fetch_partial(f, "could not read '%s': XML files are not supported yet",
			  cxs_source_uri(path));
	return 0;
}

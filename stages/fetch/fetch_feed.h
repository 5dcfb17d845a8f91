/*
 * fetch_feed — RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom 1.0 and 0.3 feeds: one document
 * per item or entry (README.md, "Feeds"). The readers' entry points are in
 * fetch_internal.h (cxs_fetch_feed, cxs_fetch_xml, cxs_fetch_semeval: all three open the
 * file here and go by its root element); this header has what the unit tests need.
 */
#ifndef FETCH_FEED_H
#define FETCH_FEED_H

#include "fetch_internal.h"
#include "fetch_xml.h"

#define CXS_FEED_DATE_MAX 40

/* The ISO 8601 form of an RFC 822 date as RSS writes it ("Tue, 10 Jun 2003 04:00:00
 * GMT" -> "2003-06-10T04:00:00Z", "5 Sep 2021 02:47 +0200" -> "2021-09-05T02:47:00+02:00";
 * two-digit years are 19xx from 50, else 20xx; without a zone the result has none).
 * Writes it into `out` and returns 1, or returns 0 when `s` is not such a date. */
int cxs_feed_date_iso(const char *s, char out[CXS_FEED_DATE_MAX]);

#endif

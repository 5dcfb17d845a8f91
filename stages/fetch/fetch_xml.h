/*
 * fetch_xml — the XML plumbing the feed and SemEval readers share: a file read as a
 * stream through libxml2's xmlTextReader, so that a feed of any size is read one item
 * (or one SemEval sentence or review) at a time, with memory bounded by the largest
 * item, not by the file.
 *
 * Safety: the reader runs with XML_PARSE_NONET and none of XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE or
 * XML_PARSE_HUGE: no network, no external DTD or entity is ever loaded (an XXE entity
 * stays an empty reference), and libxml2's entity amplification and depth limits stay
 * on (a billion-laughs file stops with a clear error). Internal entities are not
 * expanded by cxs_xml_text either, except one whose replacement is short plain text.
 *
 * Bytes: the file is read through a callback that hashes every byte (for the
 * manifest), passes over whitespace before the first '<' (real feeds start with a blank
 * line, which strict XML refuses), and refuses to read more than `cap` bytes for one
 * unit (cxs_xml_mark), so an item without an end cannot take all memory.
 *
 * Errors: libxml2 never prints; the last fatal error is kept with its line.
 */
#ifndef FETCH_XML_H
#define FETCH_XML_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "cxs_buf.h"
#include "cxs_hash.h"

typedef struct cxs_xml cxs_xml;

/* Opens `path` for streaming. `cap` bounds the bytes read for one marked unit. NULL with
 * errno set when the file cannot be opened or memory runs out (ENOMEM). */
cxs_xml *cxs_xml_open(const char *path, size_t cap);

/* The reader; owned by `x`. */
xmlTextReaderPtr cxs_xml_reader(cxs_xml *x);

/* Moves to the root element. Returns 1 there, 0 when the file has no element (empty),
 * -1 on a parse or read error (see cxs_xml_error). */
int cxs_xml_root(cxs_xml *x);

/* Marks the start of a unit (an item): from here at most `cap` more bytes are read
 * until cxs_xml_unmark. cxs_xml_over() tells whether a read failed for that reason. */
void cxs_xml_mark(cxs_xml *x);
void cxs_xml_unmark(cxs_xml *x);
int cxs_xml_over(const cxs_xml *x);

/* How many characters XML cannot hold (invalid UTF-8, control characters) were
 * replaced by U+FFFD so far; only UTF-8 files are repaired, other encodings are left
 * to libxml2, which stops at the first bad byte. */
long cxs_xml_replaced(const cxs_xml *x);

/* Why the reader stopped: a message naming the line ("line 12: Opening and ending tag
 * mismatch: item line 3 and channel"), written into `out` (reset first). Returns `out`'s
 * text. */
const char *cxs_xml_error(cxs_xml *x, cxs_buf *out);

/* The encoding of the file and what decided it: "bom", "detected" (UTF-16 or UTF-32
 * without a byte order mark, by the first bytes, XML 1.0 Appendix F), "xml" (the
 * declaration, its label as the WHATWG name) or "default" (UTF-8). Static or owned by `x`; valid until cxs_xml_close. */
const char *cxs_xml_charset(cxs_xml *x, const char **rule);

/* Reads what is left of the file (for its hash), then the SHA-256 and size of all the
 * bytes of the file into `hex` and `*bytes`. Returns 0, or -1 when the rest could not
 * be read (`hex` is then of no use). */
int cxs_xml_finish(cxs_xml *x, char hex[CXS_SHA256_HEX], long long *bytes);

/* Closes the file and frees the reader; NULL is a no-op. */
void cxs_xml_close(cxs_xml *x);

/* Node helpers for expanded subtrees (xmlTextReaderExpand). */

/* Non-zero when `n` is an element named `local` (namespace ignored when `ns` is NULL;
 * otherwise its namespace URI must be `ns`). */
int cxs_xml_is(const xmlNode *n, const char *local, const char *ns);

/* Appends the text inside `n` (text and CDATA of all descendants, in order) to `out`,
 * stopping at `max` bytes of `out`. Entity references other than the predefined ones
 * are left out unless the entity is internal and its replacement is short (64 bytes)
 * and has neither '&' nor '<'. Returns 0, or -1 when memory runs out. */
int cxs_xml_text(const xmlNode *n, cxs_buf *out, size_t max);

/* The same, with runs of whitespace collapsed to one space and the ends trimmed. */
int cxs_xml_text_collapsed(const xmlNode *n, cxs_buf *out, size_t max);

/* Appends the markup of `n`'s children (an Atom xhtml content's <div>) to `out`, at
 * most `max` bytes. Returns 0, or -1 when memory runs out. */
int cxs_xml_inner_markup(const xmlNode *n, cxs_buf *out, size_t max);

/* The nearest xml:lang of `n` or its ancestors as a lowercase primary subtag into
 * `out` (fetch_text.h, CXS_LANG_MAX bytes). Returns 1, or 0 when there is none. */
int cxs_xml_lang(const xmlNode *n, char out[9]);

/* The value of attribute `name` (no namespace) of `n`, or NULL; points into the tree. */
const char *cxs_xml_attr(const xmlNode *n, const char *name);

#endif

/*
 * cxs_conf — "key = value" configuration files (cxs-pipeline --config).
 *
 * One setting a line; blank lines and lines starting with "#" are ignored; spaces around
 * the key and the value are dropped; a value may be empty. A key may repeat (the caller
 * decides what that means: "source" adds one, others replace). Lines must be UTF-8 text
 * without NUL bytes. Errors name the file and line: "'cxs.conf': line 3: no '=' ...".
 */
#ifndef CXS_CONF_H
#define CXS_CONF_H

#include "cxs_err.h"

/* Called for each setting in file order; `key` and `value` are valid during the call
 * only. Return 0 to go on, or -1 with `err` set (kind CXS_E_CONFIG, the message without
 * file and line: cxs_conf_read adds them). */
typedef int (*cxs_conf_fn)(void *ctx, const char *key, const char *value, cxs_err *err);

/* Reads `path` and calls `fn` for each setting. Returns 0, or -1 with `err` of kind
 * CXS_E_CONFIG: for a bad line, a setting `fn` refused, and a file that cannot be read
 * (a run cannot go ahead without its configuration). */
int cxs_conf_read(const char *path, cxs_conf_fn fn, void *ctx, cxs_err *err);

#endif

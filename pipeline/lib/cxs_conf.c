#include "cxs_conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxs_utf8.h"

static char *trim(char *s, char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' ||
			   end[-1] == '\n'))
		end--;
	*end = '\0';
	return s;
}

static int bad(cxs_err *err, const char *path, long line, const char *what)
{
	return cxs_err_set(err, CXS_E_CONFIG, "'%s': line %ld: %s", path, line, what);
}

int cxs_conf_read(const char *path, cxs_conf_fn fn, void *ctx, cxs_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	if (!f)
		return cxs_err_errno(err, CXS_E_CONFIG, errno, "could not read '%s'", path);
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		char *key, *value, *eq;
		cxs_err e = { CXS_E_NONE, "" };

		lineno++;
		if (memchr(line, '\0', (size_t)n) ||
		    cxs_utf8_valid_prefix(line, (size_t)n) != (size_t)n) {
			rc = bad(err, path, lineno, "not UTF-8 text");
			break;
		}
		key = trim(line, line + n);
		if (!*key || *key == '#')
			continue;
		eq = strchr(key, '=');
		if (!eq) {
			rc = bad(err, path, lineno, "no '=' (settings are key = value)");
			break;
		}
		value = trim(eq + 1, eq + 1 + strlen(eq + 1));
		key = trim(key, eq);
		if (!*key) {
			rc = bad(err, path, lineno, "no key before '='");
			break;
		}
		if (fn(ctx, key, value, &e) < 0) {
			rc = bad(err, path, lineno, e.msg);
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = cxs_err_errno(err, CXS_E_CONFIG, errno, "could not read '%s'", path);
	free(line);
	fclose(f);
	return rc;
}

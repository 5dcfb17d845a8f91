#include "cxs_err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void vset(cxs_err *err, cxs_errkind kind, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void vset(cxs_err *err, cxs_errkind kind, const char *fmt, va_list ap)
{
	err->kind = kind;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
}

int cxs_err_set(cxs_err *err, cxs_errkind kind, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vset(err, kind, fmt, ap);
	va_end(ap);
	return -1;
}

int cxs_err_errno(cxs_err *err, cxs_errkind kind, int errnum, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vset(err, kind, fmt, ap);
	va_end(ap);
	n = strlen(err->msg);
	snprintf(err->msg + n, sizeof(err->msg) - n, ": %s", strerror(errnum));
	return -1;
}

void cxs_err_clear(cxs_err *err)
{
	if (!err)
		return;
	err->kind = CXS_E_NONE;
	err->msg[0] = '\0';
}

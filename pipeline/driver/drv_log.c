#include "drv_log.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cxs_buf.h"

static int log_fd = -1;
static long log_lines, kill_after;

int drv_log_open(const char *dir, cxs_err *err)
{
	cxs_buf p = CXS_BUF_INIT;
	const char *k = getenv("CXS_PIPELINE_KILL_AFTER");

	cxs_buf_addf(&p, "%s/run.log", dir);
	log_fd = open(p.p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (log_fd < 0) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not open the run log '%s'", p.p);
		cxs_buf_release(&p);
		return -1;
	}
	cxs_buf_release(&p);
	kill_after = k ? atol(k) : 0;
	return 0;
}

void drv_log_close(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}

void drv_log(const char *fmt, ...)
{
	char stamp[32];
	cxs_buf b = CXS_BUF_INIT;
	time_t now = time(NULL);
	va_list ap;
	int n;

	if (log_fd < 0)
		return;
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ ", gmtime(&now));
	cxs_buf_addstr(&b, stamp);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0 && cxs_buf_grow(&b, (size_t)n + 1) == 0) {
		va_start(ap, fmt);
		vsnprintf(b.p + b.len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		b.len += (size_t)n;
	}
	cxs_buf_addch(&b, '\n');
	/* One write(2) per line: O_APPEND keeps lines whole even if two processes log. */
	if (b.p && write(log_fd, b.p, b.len) < 0) {
		/* a log that cannot be written must not stop the run */
	}
	cxs_buf_release(&b);
	if (kill_after > 0 && ++log_lines == kill_after)
		raise(SIGKILL);
}

double drv_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- progress line */

static struct {
	long long docs_total, bytes_total, docs_done, bytes_done;
	double t0;
} prog[DRV_NSTAGES];
static int prog_on, prog_drawn;
static double prog_last;

void drv_progress_enable(int on)
{
	prog_on = on;
}

int drv_progress_on(void)
{
	return prog_on;
}

void drv_progress_total(int stage, long long docs, long long bytes)
{
	prog[stage].docs_total += docs;
	prog[stage].bytes_total += bytes;
}

void drv_progress_start(int stage)
{
	if (!prog[stage].t0)
		prog[stage].t0 = drv_now();
}

void drv_progress_done(int stage, long long docs, long long bytes)
{
	if (!prog[stage].t0)
		prog[stage].t0 = drv_now();
	prog[stage].docs_done += docs;
	prog[stage].bytes_done += bytes;
}

void drv_progress_clear(void)
{
	if (prog_on && prog_drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		prog_drawn = 0;
	}
}

void drv_progress_draw(void)
{
	char line[512];
	size_t n = 0;
	double now = drv_now();
	int k;

	if (!prog_on || now - prog_last < 0.25)
		return;
	prog_last = now;
	for (k = 0; k < DRV_NSTAGES && n < sizeof(line) - 100; k++) {
		double secs, rate;
		if (!prog[k].t0 || prog[k].docs_done >= prog[k].docs_total)
			continue;
		secs = now - prog[k].t0;
		rate = secs > 0 ? (double)prog[k].bytes_done / secs : 0;
		n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s %lld/%lld docs %.1f MB/s",
				      n ? " | " : "", drv_stage_names[k], prog[k].docs_done,
				      prog[k].docs_total, rate / 1e6);
		if (rate > 0) {
			long eta = (long)((double)(prog[k].bytes_total - prog[k].bytes_done) / rate);
			n += (size_t)snprintf(line + n, sizeof(line) - n, " ETA %ld:%02ld", eta / 60,
					      eta % 60);
		}
	}
	if (!n)
		return;
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	prog_drawn = 1;
}

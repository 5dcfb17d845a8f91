/*
 * cxs_fault — an LD_PRELOAD shim that makes file I/O fail the way full disks, dying disks
 * and killed jobs do, so tests can check what each program leaves behind.
 *
 * Configured by the environment (read once, at the first intercepted call):
 *
 *   CXS_FAULT       OP:N[:WHAT]
 *     OP    write | fsync | rename | close | read
 *     N     write, read: bytes that still succeed (a write crossing N is cut short there,
 *           as on a full disk); fsync, rename, close: calls that still succeed.
 *           Everything after that fails, every time (a full disk stays full).
 *     WHAT  ENOSPC (default for write), EIO (default otherwise), EDQUOT, EROFS, or KILL:
 *           the process sends itself SIGKILL at that point instead (for write, after
 *           writing the first N bytes), which is what a power cut or the OOM killer does;
 *           or TERM: the process sends itself SIGTERM once, at that point, and the call
 *           then goes through (a scheduler stopping a job at the worst moment).
 *   CXS_FAULT_PATH  only files whose path contains this string count (default: every
 *                   file; for read it is required, since every program reads many
 *                   files: data, ICU, lexicons).
 *
 * What counts: write on regular files open for writing (never a terminal or a pipe, so
 * the message saying what went wrong still reaches stderr); read on regular files; fsync
 * and fdatasync on anything (directories too: that is how a rename is made durable);
 * rename by source or target path; close of regular files open for writing (the
 * descriptor is closed, then the error returned, as Linux does).
 *
 * Counters are per process: a driver's children inherit CXS_FAULT and each meets its own
 * full disk. Without CXS_FAULT the shim does nothing.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum op { OP_NONE, OP_WRITE, OP_FSYNC, OP_RENAME, OP_CLOSE, OP_READ };

static int configured;
static enum op fault_op = OP_NONE;
static long long budget;     /* bytes or calls left before failing */
static int fault_errno;      /* 0: KILL, -1: TERM */
static const char *fault_path;

static void configure(void)
{
	const char *spec, *p;
	char *end;

	if (configured)
		return;
	configured = 1;
	spec = getenv("CXS_FAULT");
	if (!spec || !*spec)
		return;
	if (!strncmp(spec, "write:", 6))
		fault_op = OP_WRITE;
	else if (!strncmp(spec, "fsync:", 6))
		fault_op = OP_FSYNC;
	else if (!strncmp(spec, "rename:", 7))
		fault_op = OP_RENAME;
	else if (!strncmp(spec, "close:", 6))
		fault_op = OP_CLOSE;
	else if (!strncmp(spec, "read:", 5))
		fault_op = OP_READ;
	else {
		fprintf(stderr, "cxs_fault: bad CXS_FAULT '%s'\n", spec);
		abort();
	}
	p = strchr(spec, ':') + 1;
	budget = strtoll(p, &end, 10);
	fault_errno = fault_op == OP_WRITE ? ENOSPC : EIO;
	if (*end == ':') {
		p = end + 1;
		if (!strcmp(p, "KILL"))
			fault_errno = 0;
		else if (!strcmp(p, "TERM"))
			fault_errno = -1;
		else if (!strcmp(p, "ENOSPC"))
			fault_errno = ENOSPC;
		else if (!strcmp(p, "EIO"))
			fault_errno = EIO;
		else if (!strcmp(p, "EDQUOT"))
			fault_errno = EDQUOT;
		else if (!strcmp(p, "EROFS"))
			fault_errno = EROFS;
		else {
			fprintf(stderr, "cxs_fault: bad error '%s' in CXS_FAULT\n", p);
			abort();
		}
	} else if (*end) {
		fprintf(stderr, "cxs_fault: bad count in CXS_FAULT '%s'\n", spec);
		abort();
	}
	fault_path = getenv("CXS_FAULT_PATH");
	if (fault_path && !*fault_path)
		fault_path = NULL;
	if (fault_op == OP_READ && !fault_path) {
		fprintf(stderr, "cxs_fault: read faults need CXS_FAULT_PATH\n");
		abort();
	}
}

static int path_matches(const char *path)
{
	return !fault_path || (path && strstr(path, fault_path));
}

static int fd_matches(int fd, int want_write, int any_kind)
{
	char link[64], path[PATH_MAX];
	struct stat st;
	ssize_t n;
	int fl;

	if (!any_kind && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)))
		return 0;
	if (want_write) {
		fl = fcntl(fd, F_GETFL);
		if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)
			return 0;
	}
	if (!fault_path)
		return 1;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return path_matches(path);
}

/* The fault itself: die, or fail with the configured error; for TERM, signal once and
 * let the call through (0). */
static int fail(void)
{
	static int termed;

	if (fault_errno < 0) {
		if (!termed) {
			termed = 1;
			kill(getpid(), SIGTERM);
		}
		return 0;
	}
	if (!fault_errno) {
		kill(getpid(), SIGKILL);
		pause();
	}
	errno = fault_errno;
	return -1;
}

/* One counted call: 0 to let it through, -1 (errno set) when it fails. */
static int call_counts(void)
{
	if (budget > 0) {
		budget--;
		return 0;
	}
	return fail();
}

#define REAL(ret, name, args)                                                    \
	static ret(*real_##name) args;                                           \
	if (!real_##name)                                                        \
		*(void **)&real_##name = dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, write, (int, const void *, size_t));
	ssize_t w;

	configure();
	if (fault_op != OP_WRITE || n == 0 || !fd_matches(fd, 1, 0))
		return real_write(fd, buf, n);
	if (budget <= 0 && fail() < 0)
		return -1;
	if (budget > 0 && (long long)n > budget)
		n = (size_t)budget;
	w = real_write(fd, buf, n);
	if (w > 0)
		budget -= w;
	return w;
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(ssize_t, read, (int, void *, size_t));
	ssize_t r;

	configure();
	if (fault_op != OP_READ || n == 0 || !fd_matches(fd, 0, 0))
		return real_read(fd, buf, n);
	if (budget <= 0 && fail() < 0)
		return -1;
	if (budget > 0 && (long long)n > budget)
		n = (size_t)budget;
	r = real_read(fd, buf, n);
	if (r > 0)
		budget -= r;
	return r;
}

int fsync(int fd)
{
	REAL(int, fsync, (int));

	configure();
	if (fault_op == OP_FSYNC && fd_matches(fd, 0, 1) && call_counts() < 0)
		return -1;
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(int, fdatasync, (int));

	configure();
	if (fault_op == OP_FSYNC && fd_matches(fd, 0, 1) && call_counts() < 0)
		return -1;
	return real_fdatasync(fd);
}

int rename(const char *from, const char *to)
{
	REAL(int, rename, (const char *, const char *));

	configure();
	if (fault_op == OP_RENAME && (path_matches(from) || path_matches(to)) &&
	    call_counts() < 0)
		return -1;
	return real_rename(from, to);
}

int close(int fd)
{
	REAL(int, close, (int));
	int counted = 0, rc;

	configure();
	if (fault_op == OP_CLOSE && fd_matches(fd, 1, 0))
		counted = 1;
	if (counted && budget <= 0 && !fault_errno)
		return fail();
	rc = real_close(fd);
	if (counted && rc == 0 && call_counts() < 0)
		return -1;
	return rc;
}

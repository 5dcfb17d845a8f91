#include "cxs_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "cxs_buf.h"

struct cxs_lock {
	int fd;
};

/* The holder's text, whitespace-trimmed, into `buf`. */
static void read_holder(int fd, char *buf, size_t len)
{
	ssize_t n;

	if (!buf || !len)
		return;
	buf[0] = '\0';
	n = pread(fd, buf, len - 1, 0);
	if (n <= 0)
		return;
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

static int write_holder(int fd, cxs_err *err, const char *path)
{
	char host[256] = "", started[32], text[512];
	time_t now = time(NULL);
	int n;

	if (gethostname(host, sizeof(host) - 1) < 0)
		strcpy(host, "?");
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	n = snprintf(text, sizeof(text), "pid %ld started %s on %s\n", (long)getpid(), started,
		     host);
	if (ftruncate(fd, 0) < 0 || pwrite(fd, text, (size_t)n, 0) != n)
		return cxs_err_errno(err, CXS_E_IO, errno, "could not write the lock '%s'", path);
	return 0;
}

int cxs_lock_take(const char *dir, cxs_lock **lock, char *prev, size_t prevlen, cxs_err *err)
{
	cxs_buf path = CXS_BUF_INIT;
	int fd, rc;

	*lock = NULL;
	if (prev && prevlen)
		prev[0] = '\0';
	if (cxs_buf_addf(&path, "%s/lock", dir) < 0)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory"), CXS_LOCK_ERROR;
	fd = open(path.p, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not open the lock '%s'", path.p);
		cxs_buf_release(&path);
		return CXS_LOCK_ERROR;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int e = errno;
		read_holder(fd, prev, prevlen);
		close(fd);
		if (e == EWOULDBLOCK) {
			cxs_buf_release(&path);
			return CXS_LOCK_BUSY;
		}
		cxs_err_errno(err, CXS_E_IO, e, "could not lock '%s'", path.p);
		cxs_buf_release(&path);
		return CXS_LOCK_ERROR;
	}
	read_holder(fd, prev, prevlen);
	rc = prev && prev[0] ? CXS_LOCK_TAKEN_OVER : CXS_LOCK_TAKEN;
	if (write_holder(fd, err, path.p) < 0) {
		close(fd);
		cxs_buf_release(&path);
		return CXS_LOCK_ERROR;
	}
	cxs_buf_release(&path);
	*lock = malloc(sizeof(**lock));
	if (!*lock) {
		close(fd);
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory"), CXS_LOCK_ERROR;
	}
	(*lock)->fd = fd;
	return rc;
}

void cxs_lock_release(cxs_lock *lock)
{
	if (!lock)
		return;
	/* Emptied before it is unlocked: the next run then knows the last one ended well. */
	if (ftruncate(lock->fd, 0) < 0) {
		/* nothing better to do: the next run will only warn */
	}
	flock(lock->fd, LOCK_UN);
	close(lock->fd);
	free(lock);
}

void cxs_lock_forget(cxs_lock *lock)
{
	if (!lock)
		return;
	close(lock->fd);
	free(lock);
}

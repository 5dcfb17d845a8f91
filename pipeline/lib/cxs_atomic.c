#include "cxs_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct cxs_atomic {
	int fd;
	char *path;
	char *tmp;
};

/* Temporaries open now, for cxs_atomic_unlink_all. A stage has at most a handful open
 * (output, rejects, manifest); a full table just means a name is not cleaned up on a
 * signal, never an error. */
#define LIVE_MAX 16
static char *volatile live[LIVE_MAX];

static void live_add(char *tmp)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (!live[i]) {
			live[i] = tmp;
			return;
		}
}

static void live_remove(const char *tmp)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (live[i] == tmp)
			live[i] = NULL;
}

void cxs_atomic_unlink_all(void)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (live[i])
			unlink(live[i]);
}

void cxs_atomic_forget_all(void)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		live[i] = NULL;
}

cxs_atomic *cxs_atomic_open(const char *path, cxs_err *err)
{
	cxs_atomic *a = calloc(1, sizeof(*a));
	size_t n = strlen(path) + 32;

	if (!a || !(a->path = strdup(path)) || !(a->tmp = malloc(n))) {
		if (a)
			free(a->path);
		free(a);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	snprintf(a->tmp, n, "%s.tmp.%ld", path, (long)getpid());
	a->fd = open(a->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (a->fd < 0) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not create '%s'", path);
		free(a->tmp);
		free(a->path);
		free(a);
		return NULL;
	}
	live_add(a->tmp);
	return a;
}

int cxs_atomic_fd(const cxs_atomic *a)
{
	return a->fd;
}

const char *cxs_atomic_tmpname(const cxs_atomic *a)
{
	return a->tmp;
}

int cxs_atomic_write(cxs_atomic *a, const void *data, size_t len, cxs_err *err)
{
	const char *p = data;

	while (len > 0) {
		ssize_t w = write(a->fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return cxs_err_errno(err, CXS_E_IO, errno, "could not write '%s'", a->path);
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

static void free_handle(cxs_atomic *a)
{
	live_remove(a->tmp);
	free(a->tmp);
	free(a->path);
	free(a);
}

/* Makes the rename itself durable; failure here is reported, since a crash could
 * otherwise lose a file we said was written. The message names the file, which is what
 * the user was writing, and the directory. */
static int sync_dir(const char *path, cxs_err *err)
{
	char *dir = strdup(path), *slash;
	int fd, rc = 0;

	if (!dir)
		return cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		if (fsync(fd) < 0 && errno != EINVAL && errno != EROFS)
			rc = cxs_err_errno(err, CXS_E_IO, errno,
					   "could not sync directory '%s' after renaming '%s'",
					   dir, path);
		close(fd);
	}
	free(dir);
	return rc;
}

int cxs_atomic_commit(cxs_atomic *a, cxs_err *err)
{
	int rc = 0;

	if (fsync(a->fd) < 0 && errno != EINVAL && errno != EROFS)
		rc = cxs_err_errno(err, CXS_E_IO, errno, "could not sync '%s'", a->path);
	if (close(a->fd) < 0 && !rc)
		rc = cxs_err_errno(err, CXS_E_IO, errno, "could not close '%s'", a->path);
	a->fd = -1;
	if (!rc && rename(a->tmp, a->path) < 0)
		rc = cxs_err_errno(err, CXS_E_IO, errno, "could not rename '%s' to '%s'", a->tmp, a->path);
	if (rc)
		unlink(a->tmp);
	else if ((rc = sync_dir(a->path, err)) < 0)
		/* The rename may not survive a crash, and the caller reports a failure: a
		 * file under the final name would say the opposite. Take it back. */
		unlink(a->path);
	free_handle(a);
	return rc;
}

void cxs_atomic_abort(cxs_atomic *a)
{
	if (!a)
		return;
	if (a->fd >= 0)
		close(a->fd);
	unlink(a->tmp);
	free_handle(a);
}

int cxs_atomic_write_file(const char *path, const void *data, size_t len, cxs_err *err)
{
	cxs_atomic *a = cxs_atomic_open(path, err);

	if (!a)
		return -1;
	if (cxs_atomic_write(a, data, len, err) < 0) {
		cxs_atomic_abort(a);
		return -1;
	}
	return cxs_atomic_commit(a, err);
}

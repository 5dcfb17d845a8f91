#include "cxs_atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/* The PID in `name` when it is `base` ".tmp." PID, else 0. */
static long tmp_pid(const char *name, const char *base, size_t blen)
{
	char *end;
	long pid;

	if (strncmp(name, base, blen) != 0 || strncmp(name + blen, ".tmp.", 5) != 0)
		return 0;
	name += blen + 5;
	if (*name < '1' || *name > '9')
		return 0;
	errno = 0;
	pid = strtol(name, &end, 10);
	return *end || errno ? 0 : pid;
}

int cxs_atomic_is_dead_tmp(const char *name, const char *base, size_t blen)
{
	long pid = tmp_pid(name, base, blen);

	return pid && pid != (long)getpid() && (pid_t)pid == pid && kill((pid_t)pid, 0) != 0 &&
	       errno == ESRCH;
}

/* Removes "PATH.tmp.PID" files whose process is gone. A stage run by hand and killed
 * with SIGKILL (the OOM killer, a scheduler's hard limit) cannot clean up after itself,
 * and the driver's own sweep covers only its work folder; without this, a nightly job
 * writing the same output leaves one dead temporary per crash, each as big as the output.
 * A live process's temporary is never touched (kill(pid, 0) answers for it); a file that
 * cannot be read or removed is left alone: this is tidying, never a reason to fail. */
static void sweep_dead(const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	size_t blen = strlen(base), dlen = slash ? (size_t)(slash - path) : 0;
	char *dir = NULL, *victim;
	struct dirent *e;
	DIR *d;

	if (slash && !(dir = dlen ? strndup(path, dlen) : strdup("/")))
		return;
	d = opendir(dir ? dir : ".");
	while (d && (e = readdir(d))) {
		size_t n;

		if (!cxs_atomic_is_dead_tmp(e->d_name, base, blen))
			continue;
		n = (dir ? strlen(dir) + 1 : 0) + strlen(e->d_name) + 1;
		if ((victim = malloc(n))) {
			snprintf(victim, n, "%s%s%s", dir ? dir : "", dir ? "/" : "", e->d_name);
			unlink(victim);
			free(victim);
		}
	}
	if (d)
		closedir(d);
	free(dir);
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
	sweep_dead(path);
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

void cxs_atomic_hold_signals(sigset_t *old)
{
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, old);
}

void cxs_atomic_release_signals(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
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

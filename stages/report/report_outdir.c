/*
 * report_outdir — temporary folder + fsync + swap (see report_outdir.h).
 */
#define _GNU_SOURCE  /* renameat2 */
#include "report_outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxs_atomic.h"

const char *const REPORT_OUTDIR_FILES[] = {
	"report.html", "report.sqlite", "documents.csv", "languages.csv", "dimensions.csv",
	"sources.csv", "terms.csv", "examples.csv", NULL
};

struct report_outdir {
	char *dir, *tmp;
	char path[PATH_MAX];
};

static int known(const char *name)
{
	size_t i;

	for (i = 0; REPORT_OUTDIR_FILES[i]; i++)
		if (!strcmp(name, REPORT_OUTDIR_FILES[i]))
			return 1;
	return 0;
}

/* Whether `dir` may be replaced: 1 yes, 0 it does not exist, -1 no (err set). */
static int replaceable(const char *dir, cxs_err *err)
{
	struct stat sb;
	struct dirent *e;
	DIR *d;

	if (stat(dir, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		return cxs_err_errno(err, CXS_E_IO, errno, "could not use '%s'", dir);
	}
	if (!S_ISDIR(sb.st_mode))
		return cxs_err_set(err, CXS_E_IO, "'%s' exists and is not a folder", dir);
	d = opendir(dir);
	if (!d)
		return cxs_err_errno(err, CXS_E_IO, errno, "could not read '%s'", dir);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !known(e->d_name)) {
			cxs_err_set(err, CXS_E_IO, "'%s' holds '%s', which is not a report file: "
				    "not replacing it (give another -o)", dir, e->d_name);
			closedir(d);
			return -1;
		}
	closedir(d);
	return 1;
}

/* Removes the report files of `dir` (and SQLite's journal, which a killed writer
 * leaves), then `dir` itself; a folder holding anything else stays. */
static void remove_dir(const char *dir)
{
	char p[PATH_MAX];
	size_t i;

	for (i = 0; REPORT_OUTDIR_FILES[i]; i++)
		if (snprintf(p, sizeof p, "%s/%s", dir, REPORT_OUTDIR_FILES[i]) < (int)sizeof p)
			unlink(p);
	if (snprintf(p, sizeof p, "%s/report.sqlite-journal", dir) < (int)sizeof p)
		unlink(p);
	rmdir(dir);
}

/* Removes the temporary folders of `dir` whose process is gone (a report killed with
 * SIGKILL): they never had the final name, but pile up beside it night after night. */
static void sweep_stale(const char *dir, size_t n)
{
	char parent[PATH_MAX], path[PATH_MAX];
	const char *slash = memrchr(dir, '/', n), *base = slash ? slash + 1 : dir;
	size_t blen = n - (size_t)(base - dir);
	struct dirent *e;
	DIR *d;

	snprintf(parent, sizeof parent, "%.*s", slash ? (int)(slash == dir ? 1 : slash - dir) : 1,
		 slash ? dir : ".");
	if (!(d = opendir(parent)))
		return;
	while ((e = readdir(d))) {
		if (cxs_atomic_is_dead_tmp(e->d_name, base, blen) &&
		    snprintf(path, sizeof path, "%s/%s", parent, e->d_name) < (int)sizeof path)
			remove_dir(path);
	}
	closedir(d);
}

report_outdir *report_outdir_open(const char *dir, cxs_err *err)
{
	report_outdir *o;
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n + 64 >= PATH_MAX) {
		cxs_err_set(err, CXS_E_IO, "output folder name too long: '%s'", dir);
		return NULL;
	}
	if (replaceable(dir, err) < 0)
		return NULL;
	o = calloc(1, sizeof *o);
	if (!o || !(o->dir = strndup(dir, n)) || !(o->tmp = malloc(n + 32))) {
		if (o)
			free(o->dir);
		free(o);
		cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		return NULL;
	}
	sweep_stale(o->dir, n);
	snprintf(o->tmp, n + 32, "%s.tmp.%ld", o->dir, (long)getpid());
	remove_dir(o->tmp);  /* left by an earlier process with our pid */
	if (mkdir(o->tmp, 0777) != 0) {
		cxs_err_errno(err, CXS_E_IO, errno, "could not create '%s'", o->tmp);
		free(o->dir);
		free(o->tmp);
		free(o);
		return NULL;
	}
	return o;
}

const char *report_outdir_tmp(const report_outdir *o)
{
	return o->tmp;
}

const char *report_outdir_path(report_outdir *o, const char *name)
{
	snprintf(o->path, sizeof o->path, "%s/%s", o->tmp, name);
	return o->path;
}

static int sync_path(const char *p, int flags)
{
	int fd = open(p, flags | O_CLOEXEC), rc;

	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder that holds `dir`, for its fsync. */
static void sync_parent(const char *dir)
{
	char p[PATH_MAX];
	char *slash;

	snprintf(p, sizeof p, "%s", dir);
	slash = strrchr(p, '/');
	if (!slash)
		snprintf(p, sizeof p, ".");
	else if (slash == p)
		p[1] = '\0';
	else
		*slash = '\0';
	sync_path(p, O_RDONLY | O_DIRECTORY);
}

static int swap_in(report_outdir *o, cxs_err *err)
{
	char old[PATH_MAX];
	int exists = replaceable(o->dir, err);

	if (exists < 0)
		return -1;
	if (!exists) {
		if (rename(o->tmp, o->dir) == 0)
			return 0;
		return cxs_err_errno(err, CXS_E_IO, errno, "could not rename '%s' to '%s'",
				     o->tmp, o->dir);
	}
	if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
		remove_dir(o->tmp);  /* the old report, now under the temporary name */
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS)
		return cxs_err_errno(err, CXS_E_IO, errno, "could not replace '%s'", o->dir);
	/* A file system without RENAME_EXCHANGE: move the old one aside first. */
	snprintf(old, sizeof old, "%s.old.%ld", o->dir, (long)getpid());
	if (rename(o->dir, old) != 0)
		return cxs_err_errno(err, CXS_E_IO, errno, "could not move '%s' aside", o->dir);
	if (rename(o->tmp, o->dir) != 0) {
		int e = errno;

		rename(old, o->dir);
		return cxs_err_errno(err, CXS_E_IO, e, "could not rename '%s' to '%s'", o->tmp,
				     o->dir);
	}
	remove_dir(old);
	return 0;
}

int report_outdir_commit(report_outdir *o, cxs_err *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; REPORT_OUTDIR_FILES[i] && rc == 0; i++)
		if (sync_path(report_outdir_path(o, REPORT_OUTDIR_FILES[i]), O_RDONLY) != 0)
			rc = cxs_err_errno(err, CXS_E_IO, errno, "could not sync '%s'", o->path);
	if (rc == 0 && sync_path(o->tmp, O_RDONLY | O_DIRECTORY) != 0)
		rc = cxs_err_errno(err, CXS_E_IO, errno, "could not sync '%s'", o->tmp);
	if (rc == 0)
		rc = swap_in(o, err);
	if (rc < 0) {
		report_outdir_abort(o);
		return -1;
	}
	sync_parent(o->dir);
	free(o->dir);
	free(o->tmp);
	free(o);
	return 0;
}

void report_outdir_abort(report_outdir *o)
{
	if (!o)
		return;
	remove_dir(o->tmp);
	free(o->dir);
	free(o->tmp);
	free(o);
}

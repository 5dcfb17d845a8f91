#include "drv_split.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_cli.h"
#include "cxs_exit.h"
#include "cxs_gzio.h"
#include "cxs_record.h"
#include "cxs_stage.h"
#include "cxs_state.h"

static volatile pid_t fetch_pid;
static int notify_fd = -1;

static void on_signal(int sig)
{
	if (fetch_pid > 0)
		kill(fetch_pid, sig);
	cxs_atomic_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void hash_str(cxs_sha256 *h, const char *s)
{
	static const char sep = 0x1f;

	if (s)
		cxs_sha256_update(h, s, strlen(s));
	cxs_sha256_update(h, &sep, 1);
}

void drv_content_hash(const json_t *rec, char hex[CXS_SHA256_HEX])
{
	const char *who = json_string_value(json_object_get(rec, "url"));
	const char *kind = json_string_value(json_object_get(json_object_get(rec, "source"), "kind"));
	json_t *comments = json_object_get(rec, "comments"), *c;
	cxs_sha256 h;
	size_t i;

	/* Without a url, an export's own id says which review this is; but the id of an
	 * HTML page or text file is made from its path, and a crawl saved under a new dated
	 * folder each night would make every page new: those are known by content alone. */
	if (!who && kind && strcmp(kind, "html") && strcmp(kind, "text"))
		who = json_string_value(json_object_get(rec, "id"));
	cxs_sha256_init(&h);
	hash_str(&h, who);
	hash_str(&h, json_string_value(json_object_get(rec, "title")));
	hash_str(&h, json_string_value(json_object_get(rec, "text")));
	json_array_foreach(comments, i, c)
		hash_str(&h, json_string_value(c));
	cxs_sha256_hex(&h, hex);
}

struct splitter {
	struct drv_run *r;
	int shard, piece;
	cxs_gzout *out;
	long long records, total, skipped;
	json_t *parts;
	cxs_writer *skips;
	cxs_buf hashes;
	cxs_state *state;
	int level;
};

static int start_fetch(struct drv_run *r, int s, int *fd)
{
	char *prog = NULL, *man = NULL, *rej = NULL, name[64], level[16];
	const char **argv;
	struct drv_shard *sh = &r->shards[s];
	int p[2], n = 0;
	size_t i;
	pid_t pid;

	argv = calloc(sh->nfiles + (size_t)r->o->nfetch_opts + 16, sizeof(*argv));
	snprintf(name, sizeof(name), "shard-%05d.manifest.json", s);
	man = drv_stage_file(r, 0, name);
	snprintf(name, sizeof(name), "shard-%05d.rejects.jsonl.gz", s);
	rej = drv_stage_file(r, 0, name);
	prog = drv_stage_program("fetch");
	if (!argv || !man || !rej || !prog || pipe(p) < 0)
		return -1;
	argv[n++] = prog;
	argv[n++] = "-q";
	if (r->o->level >= 0) {
		snprintf(level, sizeof(level), "%d", r->o->level);
		argv[n++] = "--level";
		argv[n++] = level;
	}
	argv[n++] = "-o";
	argv[n++] = "-";
	argv[n++] = "--manifest";
	argv[n++] = man;
	argv[n++] = "--rejects";
	argv[n++] = rej;
	for (i = 0; i < (size_t)r->o->nfetch_opts; i++)
		argv[n++] = r->o->fetch_opts[i];
	argv[n++] = "--";
	for (i = 0; i < sh->nfiles; i++)
		argv[n++] = sh->files[i];
	argv[n] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		drv_child_setup(NULL);
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execv(argv[0], (char **)argv);
		fprintf(stderr, "cxs-pipeline: error: could not run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(CXS_EXIT_INTERNAL);
	}
	fetch_pid = pid;
	close(p[1]);
	*fd = p[0];
	free(prog);
	free(man);
	free(rej);
	free(argv);
	return 0;
}

static int open_part(struct splitter *sp, cxs_err *err)
{
	char name[64], *path;

	drv_part_name(sp->shard, sp->piece, name);
	strcat(name, ".jsonl.gz");
	path = drv_stage_file(sp->r, 0, name);
	sp->out = cxs_gzout_open(path, sp->level, err);
	free(path);
	sp->records = 0;
	return sp->out ? 0 : -1;
}

static int close_part(struct splitter *sp, cxs_err *err)
{
	char name[32], file[64], hex[CXS_SHA256_HEX], *path, *mpath;
	long long bytes;
	json_t *m;
	int rc;

	drv_part_name(sp->shard, sp->piece, name);
	snprintf(file, sizeof(file), "%s.jsonl.gz", name);
	path = drv_stage_file(sp->r, 0, file);
	snprintf(file, sizeof(file), "%s.manifest.json", name);
	mpath = drv_stage_file(sp->r, 0, file);
	rc = cxs_gzout_commit(sp->out, hex, &bytes, err);
	sp->out = NULL;
	if (rc == 0) {
		char split_of[32];
		snprintf(split_of, sizeof(split_of), "shard-%05d", sp->shard);
		m = json_pack("{s:s, s:s, s:s, s:i, s:s, s:{s:s, s:s, s:I, s:I},"
			      " s:{s:I, s:I, s:I}, s:b, s:[]}",
			      "stage", "fetch", "program", "cxs-pipeline", "version", CXS_VERSION,
			      "schema", CXS_SCHEMA_VERSION, "split_of", split_of,
			      "output", "path", path, "sha256", hex, "records",
			      (json_int_t)sp->records, "bytes", (json_int_t)bytes,
			      "counts", "in", (json_int_t)sp->records, "out", (json_int_t)sp->records,
			      "rejected", (json_int_t)0, "partial", 0, "errors");
		rc = m ? drv_save_json(mpath, m, err) : cxs_err_set(err, CXS_E_NOMEM, "out of memory");
		json_array_append_new(sp->parts, json_pack("{s:s, s:s, s:I, s:I}", "name", name,
							  "sha256", hex, "records",
							  (json_int_t)sp->records, "bytes",
							  (json_int_t)bytes));
		json_decref(m);
		/* One short line, written whole: the driver may start on the part now. */
		if (rc == 0 && notify_fd >= 0 &&
		    dprintf(notify_fd, "%d %lld %lld %s\n", sp->piece, sp->records, bytes, hex) < 0)
			notify_fd = -1;
	}
	free(path);
	free(mpath);
	sp->piece++;
	return rc;
}

/* With --state: 1 when the record was processed by an earlier run (it is then written
 * to the skipped list), 0 when it goes on, -1 on a failure. */
static int skip_seen(struct splitter *sp, const char *line, size_t len, cxs_err *err)
{
	char hex[CXS_SHA256_HEX], date[11], reason[64];
	json_t *rec = json_loadb(line, len, 0, NULL), *src, *skip;
	const char *id;
	int seen;

	if (!rec)   /* cxs-fetch writes JSON: this would be a bug; let the next stage say */
		return 0;
	drv_content_hash(rec, hex);
	id = json_string_value(json_object_get(rec, "id"));
	seen = cxs_state_seen(sp->state, hex, sp->r->run_id, date, err);
	if (seen == 0)
		cxs_buf_addf(&sp->hashes, "%s %s\n", hex, id ? id : "");
	if (seen != 1) {
		json_decref(rec);
		return seen;
	}
	snprintf(reason, sizeof(reason), "already processed on %s", date);
	src = json_object_get(rec, "source");
	skip = json_pack("{s:s?, s:s, s:{s:O?, s:O?}, s:s, s:s}", "id", id, "stage", "fetch",
			 "source", "uri", json_object_get(src, "uri"), "locator",
			 json_object_get(src, "locator"), "reason", reason, "content_sha256", hex);
	json_decref(rec);
	if (!skip || cxs_writer_put(sp->skips, skip, err) < 0) {
		json_decref(skip);
		return -1;
	}
	json_decref(skip);
	sp->skipped++;
	return 1;
}

static int copy_records(struct splitter *sp, FILE *in, cxs_err *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	while (rc == 0 && (n = getline(&line, &cap, in)) > 0) {
		if (n == 1 && line[0] == '\n')
			continue;
		sp->total++;
		if (sp->skips) {
			int seen = skip_seen(sp, line, (size_t)n, err);
			if (seen < 0) {
				rc = -1;
				break;
			}
			if (seen)
				continue;
		}
		if (!sp->out && open_part(sp, err) < 0) {
			rc = -1;
			break;
		}
		if (cxs_gzout_write(sp->out, line, (size_t)n, err) < 0) {
			rc = -1;
			break;
		}
		if (++sp->records == sp->r->o->shard_size)
			rc = close_part(sp, err);
	}
	if (rc == 0 && sp->out)
		rc = close_part(sp, err);
	free(line);
	return rc;
}

static int wait_fetch(void)
{
	int status;

	while (waitpid(fetch_pid, &status, 0) < 0)
		if (errno != EINTR)
			return CXS_EXIT_INTERNAL;
	fetch_pid = 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	cxs_error("'cxs-fetch' was killed by signal %d", WTERMSIG(status));
	return CXS_EXIT_INTERNAL;
}

static int publish(struct splitter *sp, int fetch_rc, cxs_err *err)
{
	char name[64], hex[CXS_SHA256_HEX] = "", *path;
	struct drv_shard *sh = &sp->r->shards[sp->shard];
	json_t *files = json_array(), *index;
	size_t i;
	int rc = 0;

	if (sp->skips) {
		rc = cxs_writer_commit(sp->skips, hex, err);
		sp->skips = NULL;
		if (rc < 0)
			return -1;
		snprintf(name, sizeof(name), "shard-%05d.hashes", sp->shard);
		path = drv_stage_file(sp->r, 0, name);
		rc = cxs_atomic_write_file(path, sp->hashes.p ? sp->hashes.p : "", sp->hashes.len,
					   err);
		free(path);
		if (rc < 0)
			return -1;
	}
	for (i = 0; i < sh->nfiles; i++)
		json_array_append_new(files, json_string(sh->files[i]));
	index = json_pack("{s:i, s:s, s:o, s:i, s:I, s:O, s:I, s:s?, s:I}", "shard", sp->shard,
			  "version", CXS_VERSION, "files", files, "fetch_exit", fetch_rc,
			  "documents", (json_int_t)sp->total, "parts", sp->parts,
			  "skipped", (json_int_t)sp->skipped, "skipped_sha256",
			  sp->r->o->state ? hex : NULL, "shard_size", (json_int_t)sp->r->o->shard_size);
	snprintf(name, sizeof(name), "shard-%05d.parts.json", sp->shard);
	path = drv_stage_file(sp->r, 0, name);
	rc = index ? drv_save_json(path, index, err) : cxs_err_set(err, CXS_E_NOMEM, "out of memory");
	free(path);
	json_decref(index);
	return rc;
}

int drv_split_shard(struct drv_run *r, int s, int notify)
{
	struct splitter sp;
	cxs_err err = { CXS_E_NONE, "" };
	char name[64], *path;
	FILE *in;
	int fd, rc, frc;

	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	notify_fd = notify;
	memset(&sp, 0, sizeof(sp));
	sp.r = r;
	sp.shard = s;
	sp.level = r->o->level >= 0 ? r->o->level : CXS_LEVEL_DEFAULT;
	sp.parts = json_array();
	/* The shard is not done until its new index says so. */
	snprintf(name, sizeof(name), "shard-%05d.parts.json", s);
	path = drv_stage_file(r, 0, name);
	unlink(path);
	free(path);
	if (r->o->state) {
		sp.state = cxs_state_open(r->o->state, 0, &err);
		if (!sp.state) {
			cxs_error("%s", err.msg);
			return cxs_exit_for(err.kind);
		}
		snprintf(name, sizeof(name), "shard-%05d.skipped.jsonl.gz", s);
		path = drv_stage_file(r, 0, name);
		sp.skips = cxs_writer_open(path, sp.level, &err);
		free(path);
		if (!sp.skips) {
			cxs_error("%s", err.msg);
			return cxs_exit_for(err.kind);
		}
	}
	if (start_fetch(r, s, &fd) < 0) {
		cxs_error("could not start cxs-fetch: %s", strerror(errno));
		return CXS_EXIT_INTERNAL;
	}
	in = fdopen(fd, "r");
	rc = in ? copy_records(&sp, in, &err) : cxs_err_set(&err, CXS_E_NOMEM, "out of memory");
	if (in)
		fclose(in);   /* a fetch still writing gets EPIPE and stops */
	frc = wait_fetch();
	if (rc < 0 || (frc != CXS_EXIT_OK && frc != CXS_EXIT_PARTIAL)) {
		cxs_gzout_abort(sp.out);
		cxs_writer_abort(sp.skips);
		if (rc < 0)
			cxs_error("shard %d: %s", s, err.msg);
		cxs_state_close(sp.state);
		json_decref(sp.parts);
		cxs_buf_release(&sp.hashes);
		return rc < 0 ? cxs_exit_for(err.kind) : frc;
	}
	rc = publish(&sp, frc, &err);
	cxs_state_close(sp.state);
	json_decref(sp.parts);
	cxs_buf_release(&sp.hashes);
	if (rc < 0) {
		cxs_error("shard %d: %s", s, err.msg);
		return cxs_exit_for(err.kind);
	}
	return frc;
}

/* The library modules the driver stands on: the summary's tally (whose fast scan must
 * count what a full parse counts), config files, the lock and the state file. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cxs_buf.h"
#include "cxs_conf.h"
#include "cxs_lock.h"
#include "cxs_state.h"
#include "cxs_summary.h"
#include "cxs_test.h"

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void summary_of(const char *dir, const char *records, cxs_buf *out)
{
	char path[512];
	cxs_err err;

	snprintf(path, sizeof(path), "%s/04-classify.jsonl.gz", dir);
	write_text(path, records);   /* plain text under a .gz name: the reader takes both */
	cxs_buf_reset(out);
	CHECK(cxs_summary_build(dir, NULL, out, &err) == 0);
}

/* Records shaped as classify writes them, one with a decoy "signals" and "lang" inside
 * meta and quotes in the evidence text; and the same records with the keys reordered, so
 * that the fast scan cannot apply and a full parse counts them. */
static void test_tally_fast_matches_parse(void)
{
	static const char fast[] =
		"{\"id\":\"a\",\"meta\":{\"lang\":\"xx\",\"signals\":[{\"dim\":\"fake\",\"polarity\":\"negative\"}]},"
		"\"text\":\"say \\\"{\\\\\\\"dim\\\\\\\":\\\\\\\"staff\\\"\",\"lang\":\"en\",\"lang_score\":0.9,"
		"\"tokens\":[0,3],\"signals\":[{\"dim\":\"staff\",\"polarity\":\"positive\",\"score\":0.5,"
		"\"hits\":1,\"evidence\":[{\"start\":0,\"end\":3,\"text\":\"\\\"dim\\\"\",\"term\":\"x\","
		"\"sentence\":0}]},{\"dim\":\"price\",\"polarity\":\"negative\",\"score\":-0.2,\"hits\":1,"
		"\"evidence\":[]}],\"sentiment\":{\"polarity\":\"positive\",\"score\":0.4},\"lexicon\":{}}\n"
		"{\"id\":\"b\",\"lang\":\"sv\",\"lang_score\":1,\"signals\":[],\"sentiment\":"
		"{\"polarity\":\"neutral\",\"score\":0},\"lexicon\":{}}\n";
	static const char slow[] =
		"{\"id\":\"a\",\"lang\":\"en\",\"signals\":[{\"polarity\":\"positive\",\"dim\":\"staff\"},"
		"{\"polarity\":\"negative\",\"dim\":\"price\"}],\"sentiment\":{\"score\":0.4,"
		"\"polarity\":\"positive\"}}\n"
		"{\"id\":\"b\",\"signals\":[],\"lang\":\"sv\",\"sentiment\":{\"polarity\":\"neutral\"}}\n";
	cxs_buf a = CXS_BUF_INIT, b = CXS_BUF_INIT;
	const char *dir = cxs_test_tmpdir();

	summary_of(dir, fast, &a);
	summary_of(dir, slow, &b);
	CHECK_STR(a.p, b.p);
	CHECK(strstr(a.p, "fake") == NULL);
	CHECK(strstr(a.p, "\nxx ") == NULL);
	CHECK(strstr(a.p, "staff                     1          1          0          0") != NULL);
	cxs_buf_release(&a);
	cxs_buf_release(&b);
}

struct seen {
	char keys[8][64], values[8][64];
	int n;
};

static int collect(void *ctx, const char *key, const char *value, cxs_err *err)
{
	struct seen *s = ctx;

	if (!strcmp(key, "bad"))
		return cxs_err_set(err, CXS_E_CONFIG, "no such setting");
	snprintf(s->keys[s->n], 64, "%s", key);
	snprintf(s->values[s->n++], 64, "%s", value);
	return 0;
}

static void test_conf(void)
{
	char path[512];
	struct seen s;
	cxs_err err;

	snprintf(path, sizeof(path), "%s/a.conf", cxs_test_tmpdir());
	write_text(path, "# comment\n\n  jobs =  2 \nsource=a b\nempty =\n");
	memset(&s, 0, sizeof(s));
	CHECK(cxs_conf_read(path, collect, &s, &err) == 0);
	CHECK_INT(s.n, 3);
	CHECK_STR(s.keys[0], "jobs");
	CHECK_STR(s.values[0], "2");
	CHECK_STR(s.values[1], "a b");
	CHECK_STR(s.values[2], "");
	write_text(path, "jobs = 1\nno equals here\n");
	CHECK(cxs_conf_read(path, collect, &s, &err) < 0);
	CHECK(strstr(err.msg, "line 2: no '='") != NULL);
	write_text(path, "\nbad = 1\n");
	CHECK(cxs_conf_read(path, collect, &s, &err) < 0);
	CHECK(strstr(err.msg, "line 2: no such setting") != NULL);
	CHECK_INT(err.kind, CXS_E_CONFIG);
}

static void test_lock(void)
{
	cxs_lock *a = NULL, *b = NULL;
	char prev[256], path[512];
	cxs_err err;

	CHECK_INT(cxs_lock_take(cxs_test_tmpdir(), &a, prev, sizeof(prev), &err), CXS_LOCK_TAKEN);
	/* flock is per open file: a second open in the same process is refused too. */
	CHECK_INT(cxs_lock_take(cxs_test_tmpdir(), &b, prev, sizeof(prev), &err), CXS_LOCK_BUSY);
	CHECK(b == NULL);
	CHECK(strncmp(prev, "pid ", 4) == 0);
	cxs_lock_release(a);
	/* A holder's name left behind (a killed run): taken over, and said who. */
	snprintf(path, sizeof(path), "%s/lock", cxs_test_tmpdir());
	write_text(path, "pid 4242 started 2026-11-23T02:00:00Z on x\n");
	CHECK_INT(cxs_lock_take(cxs_test_tmpdir(), &a, prev, sizeof(prev), &err),
		  CXS_LOCK_TAKEN_OVER);
	CHECK_STR(prev, "pid 4242 started 2026-11-23T02:00:00Z on x");
	cxs_lock_release(a);
	CHECK_INT(cxs_lock_take(cxs_test_tmpdir(), &a, prev, sizeof(prev), &err), CXS_LOCK_TAKEN);
	cxs_lock_release(a);
	cxs_lock_release(NULL);
}

static void test_state(void)
{
	char path[512], date[11];
	cxs_state *st;
	cxs_err err;

	snprintf(path, sizeof(path), "%s/state.db", cxs_test_tmpdir());
	unlink(path);
	st = cxs_state_open(path, 0, &err);          /* missing: nothing seen */
	CHECK(st != NULL);
	CHECK_INT(cxs_state_seen(st, "h1", "/runs/1", date, &err), 0);
	cxs_state_close(st);
	st = cxs_state_open(path, 1, &err);
	CHECK(st != NULL);
	CHECK(cxs_state_begin(st, &err) == 0);
	CHECK(cxs_state_add_document(st, "h1", "doc1", "/runs/1", "2026-11-22", &err) == 0);
	CHECK(cxs_state_set_run(st, "/runs/1", "2026-11-22", "t", 0, 3, 2, 1, 0, &err) == 0);
	CHECK(cxs_state_add_signal(st, "/runs/1", "2026-11-22", "en", "staff", "positive", 2, &err) == 0);
	CHECK(cxs_state_add_signal(st, "/runs/1", "2026-11-22", "en", "staff", "positive", 1, &err) == 0);
	CHECK(cxs_state_commit(st, &err) == 0);
	cxs_state_close(st);
	st = cxs_state_open(path, 0, &err);
	CHECK_INT(cxs_state_seen(st, "h1", "/runs/2", date, &err), 1);
	CHECK_STR(date, "2026-11-22");
	/* Its own run does not count as an earlier one. */
	CHECK_INT(cxs_state_seen(st, "h1", "/runs/1", date, &err), 0);
	cxs_state_close(st);
	write_text(path, "not a database at all, just text\n");
	st = cxs_state_open(path, 1, &err);
	CHECK(st == NULL);
	cxs_state_close(NULL);
}

int main(void)
{
	RUN(test_tally_fast_matches_parse);
	RUN(test_conf);
	RUN(test_lock);
	RUN(test_state);
	return cxs_test_done();
}

/* Unit tests of the core record library: gzip JSONL I/O, atomic output, stage counts. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "cxs_atomic.h"
#include "cxs_buf.h"
#include "cxs_gzio.h"
#include "cxs_jsonw.h"
#include "cxs_rec.h"
#include "cxs_record.h"
#include "cxs_stage.h"
#include "cxs_utf8.h"
#include "cxs_test.h"

static const char *tmp(const char *name)
{
	static char buf[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", cxs_test_tmpdir(), name);
	return buf[k];
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(data, 1, n, f);
	fclose(f);
}

static void write_gz(const char *path, const char *data)
{
	gzFile g = gzopen(path, "wb");

	gzwrite(g, data, (unsigned)strlen(data));
	gzclose(g);
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void test_round_trip(void)
{
	cxs_err err;
	cxs_writer *w = cxs_writer_open(tmp("rt.jsonl.gz"), 1, &err);
	cxs_reader *r;
	json_t *rec;
	int i;

	CHECK(w != NULL);
	for (i = 0; i < 1000; i++) {
		json_t *j = json_pack("{s:i, s:s, s:{s:f}}", "n", i, "text", "Servitrisen var trevlig — 服务员很好",
				      "meta", "x", 0.6);
		CHECK(cxs_writer_put(w, j, &err) == 0);
		json_decref(j);
	}
	CHECK(!exists(tmp("rt.jsonl.gz")));   /* not visible before commit */
	CHECK(cxs_writer_commit(w, NULL, &err) == 0);
	CHECK(exists(tmp("rt.jsonl.gz")));

	r = cxs_reader_open(tmp("rt.jsonl.gz"), 0, &err);
	CHECK(r != NULL);
	for (i = 0; i < 1000; i++) {
		CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
		CHECK_INT(json_integer_value(json_object_get(rec, "n")), i);
		CHECK_STR(json_string_value(json_object_get(rec, "text")), "Servitrisen var trevlig — 服务员很好");
		json_decref(rec);
	}
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_EOF);
	CHECK_INT(cxs_reader_line(r), 1000);
	cxs_reader_close(r);
}

static void test_key_order_and_numbers_kept(void)
{
	cxs_buf b = CXS_BUF_INIT;
	json_t *j = json_loads("{\"z\":1,\"a\":[1,2],\"m\":{\"k\":0.6,\"b\":true}}", 0, NULL);

	CHECK(cxs_record_dump(j, &b) == 0);
	CHECK_STR(b.p, "{\"z\":1,\"a\":[1,2],\"m\":{\"k\":0.6,\"b\":true}}");
	json_decref(j);
	cxs_buf_release(&b);
}

/* Our serialiser must write exactly what jansson's compact dump does. */
static void test_dump_matches_jansson(void)
{
	static const char *const docs[] = {
		"{\"s\":\"quote \\\" back \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f ctl \\u0001 \\u001f del \\u007f\"}",
		"{\"n\":[0,-1,9223372036854775807,-9223372036854775808,42],\"r\":[0.6,-0.0,1e300,2.5e-7,100.0,0.1235,1.0]}",
		"{\"u\":\"åäö 服务员 \\ud83d\\ude00 \\u2028\",\"e\":{},\"a\":[],\"t\":true,\"f\":false,\"z\":null}",
		"{\"deep\":[[[{\"k\":[1,{\"x\":\"\"}]}]]],\"\":\"empty key\"}",
	};
	cxs_buf b = CXS_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		json_error_t je;
		json_t *j = json_loads(docs[i], 0, &je);
		char *ref;

		CHECK(j != NULL);
		if (!j) {
			printf("  doc %zu: %s\n", i, je.text);
			continue;
		}
		ref = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
		CHECK(cxs_record_dump(j, &b) == 0);
		CHECK_STR(b.p, ref);
		free(ref);
		json_decref(j);
	}
	cxs_buf_release(&b);
}

/* The raw writers of a hot loop write what the buffer writers do, within the room
 * they promise. */
static void test_raw_writers_match(void)
{
	static const char *const strs[] = { "", "plain", "quote \" back \\ nl \n ctl \001 \037",
					    "åäö 服务员", "\x7f del" };
	static const long long ints[] = { 0, 7, -1, 1234567890123LL, -9223372036854775807LL - 1,
					  9223372036854775807LL };
	cxs_buf b = CXS_BUF_INIT;
	char raw[CXS_JW_STRING_MAX(64) + 1], *end;
	size_t i;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		size_t n = strlen(strs[i]);

		cxs_buf_reset(&b);
		CHECK(cxs_jw_string(&b, strs[i], n) == 0);
		memset(raw, 'x', sizeof(raw));
		end = cxs_jw_string_at(raw, strs[i], n);
		CHECK(end <= raw + CXS_JW_STRING_MAX(n));
		CHECK_INT(end - raw, b.len);
		CHECK(memcmp(raw, b.p, b.len) == 0);
	}
	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		cxs_buf_reset(&b);
		CHECK(cxs_jw_int(&b, ints[i]) == 0);
		end = cxs_jw_int_at(raw, ints[i]);
		CHECK(end <= raw + CXS_JW_INT_MAX);
		CHECK_INT(end - raw, b.len);
		CHECK(memcmp(raw, b.p, b.len) == 0);
	}
	/* the worst case of a string: every byte a \u00XX escape */
	end = cxs_jw_string_at(raw, "\001\002\003", 3);
	CHECK_INT(end - raw, CXS_JW_STRING_MAX(3));
	cxs_buf_release(&b);
}

static void test_bad_lines_are_reported_and_skipped(void)
{
	const char data[] = "{\"id\":\"a\"}\n"
			    "{not json}\n"
			    "\n"
			    "[1,2]\n"
			    "{\"id\":\"bad \xff utf8\"}\n"
			    "{\"id\":\"dup\",\"id\":\"dup2\"}\n"
			    "{\"id\":\"last, no newline\"}";
	cxs_err err;
	cxs_reader *r;
	json_t *rec;

	write_file(tmp("bad.jsonl"), data, sizeof(data) - 1);
	r = cxs_reader_open(tmp("bad.jsonl"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK(strstr(err.msg, "bad.jsonl:2: invalid JSON") != NULL);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);   /* blank line 3 skipped */
	CHECK_INT(cxs_reader_line(r), 4);
	CHECK_STR(cxs_reader_reason(r), "record is not a JSON object");
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK_INT(cxs_reader_line(r), 5);
	CHECK(strstr(err.msg, "invalid JSON") != NULL);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK(strstr(err.msg, "duplicate") != NULL);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	CHECK_STR(json_string_value(json_object_get(rec, "id")), "last, no newline");
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_EOF);
	cxs_reader_close(r);
}

/* A file copied or written only in part ends inside a record: the piece is rejected like
 * any bad line, and then the input is reported as damaged, not as a clean end. A bad
 * line that does end in a newline is only a reject. */
static void test_record_cut_in_half(void)
{
	const char cut[] = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"te";
	const char whole[] = "{\"id\":\"a\"}\n{\"id\":\"b\",\"te\n";
	cxs_err err;
	cxs_reader *r;
	json_t *rec;

	write_file(tmp("cut.jsonl"), cut, sizeof(cut) - 1);
	r = cxs_reader_open(tmp("cut.jsonl"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK_INT(cxs_reader_line(r), 3);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_FATAL);
	CHECK(strstr(err.msg, "cut.jsonl:3: the input ends inside a record") != NULL);
	CHECK_INT(err.kind, CXS_E_INPUT);
	cxs_reader_close(r);

	write_file(tmp("whole.jsonl"), whole, sizeof(whole) - 1);
	r = cxs_reader_open(tmp("whole.jsonl"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_EOF);
	cxs_reader_close(r);
}

/* Every gzip writer writes a header even for no data, so an empty ".gz" file was cut
 * off at byte 0: damaged (exit 4), not an empty input. An empty plain file is empty. */
static void test_empty_gz_file_is_truncated(void)
{
	cxs_err err;
	cxs_reader *r;
	json_t *rec;

	write_file(tmp("empty.jsonl.gz"), "", 0);
	r = cxs_reader_open(tmp("empty.jsonl.gz"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_FATAL);
	CHECK(strstr(err.msg, "empty.jsonl.gz': truncated gzip stream at byte 0") != NULL);
	cxs_reader_close(r);

	write_file(tmp("empty.jsonl"), "", 0);
	r = cxs_reader_open(tmp("empty.jsonl"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_EOF);
	cxs_reader_close(r);
}

static void test_overlong_record(void)
{
	char big[5000];
	cxs_buf b = CXS_BUF_INIT;
	cxs_err err;
	cxs_reader *r;
	json_t *rec;
	size_t rawlen;

	memset(big, 'x', sizeof(big));
	cxs_buf_addstr(&b, "{\"id\":1}\n{\"text\":\"");
	cxs_buf_add(&b, big, sizeof(big));
	cxs_buf_addstr(&b, "\"}\n{\"id\":3}\n");
	write_gz(tmp("long.jsonl.gz"), b.p);
	r = cxs_reader_open(tmp("long.jsonl.gz"), 2048, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_BAD);
	CHECK(strstr(err.msg, "long.jsonl.gz:2: record longer than the maximum of 2048 bytes") != NULL);
	cxs_reader_raw(r, &rawlen);
	CHECK_INT(rawlen, 2048);   /* memory stays bounded */
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	CHECK_INT(json_integer_value(json_object_get(rec, "id")), 3);
	json_decref(rec);
	cxs_reader_close(r);
	cxs_buf_release(&b);
}

static void test_truncated_and_corrupt_gzip(void)
{
	cxs_buf b = CXS_BUF_INIT;
	char *data;
	long n;
	FILE *f;
	cxs_err err;
	cxs_reader *r;
	json_t *rec;
	int i, st, ok = 0;

	for (i = 0; i < 2000; i++)
		cxs_buf_addf(&b, "{\"n\":%d,\"t\":\"record number %d with some words\"}\n", i, i * 7919);
	write_gz(tmp("t.jsonl.gz"), b.p);
	f = fopen(tmp("t.jsonl.gz"), "rb");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n);
	CHECK(fread(data, 1, (size_t)n, f) == (size_t)n);
	fclose(f);

	/* Cut in half: the records before the cut come out, then a fatal error. */
	write_file(tmp("cut.jsonl.gz"), data, (size_t)n / 2);
	r = cxs_reader_open(tmp("cut.jsonl.gz"), 0, &err);
	while ((st = cxs_reader_next(r, &rec, &err)) == CXS_READ_OK) {
		ok++;
		json_decref(rec);
	}
	CHECK(st == CXS_READ_FATAL || st == CXS_READ_BAD);
	if (st == CXS_READ_BAD)  /* the cut record itself, then the fatal error */
		CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_FATAL);
	CHECK(strstr(err.msg, "truncated gzip stream") != NULL);
	CHECK(ok > 100 && ok < 2000);
	cxs_reader_close(r);

	/* A flipped byte in the middle: a clear error naming the byte offset. */
	data[n / 2] ^= 0x55;
	write_file(tmp("flip.jsonl.gz"), data, (size_t)n);
	r = cxs_reader_open(tmp("flip.jsonl.gz"), 0, &err);
	while ((st = cxs_reader_next(r, &rec, &err)) == CXS_READ_OK || st == CXS_READ_BAD)
		json_decref(rec);
	CHECK_INT(st, CXS_READ_FATAL);
	CHECK(strstr(err.msg, "flip.jsonl.gz") != NULL);
	CHECK(strstr(err.msg, "at byte") != NULL);
	cxs_reader_close(r);
	free(data);
	cxs_buf_release(&b);
}

/* Our own files are many gzip members (one per ~1 MiB of records), read member by member
 * with libdeflate; damage must still be found and named, and a member too large for
 * that path (a 6 MiB record) must come through the streaming path intact. */
static void test_own_members_damaged_and_large(void)
{
	cxs_err err;
	cxs_writer *w = cxs_writer_open(tmp("own.jsonl.gz"), 1, &err);
	cxs_reader *r;
	json_t *rec;
	char *big = malloc(6 << 20), *data;
	long n;
	FILE *f;
	int i, st, ok = 0;

	for (i = 0; i < 30000; i++) {
		char t[96];
		json_t *j;

		/* Varied enough that 30,000 records make several members. */
		snprintf(t, sizeof(t), "%x ord %u 服务员 %lx", i * 7919u, (unsigned)i * 2654435761u,
			 (unsigned long)i * 40503ul * 2654435761ul);
		j = json_pack("{s:i, s:s}", "n", i, "t", t);
		cxs_writer_put(w, j, &err);
		json_decref(j);
	}
	memset(big, 'y', (6 << 20) - 1);
	big[(6 << 20) - 1] = '\0';
	rec = json_pack("{s:s}", "big", big);
	cxs_writer_put(w, rec, &err);
	json_decref(rec);
	CHECK(cxs_writer_commit(w, NULL, &err) == 0);

	r = cxs_reader_open(tmp("own.jsonl.gz"), 0, &err);
	while ((st = cxs_reader_next(r, &rec, &err)) == CXS_READ_OK) {
		if (ok < 30000)
			CHECK_INT(json_integer_value(json_object_get(rec, "n")), ok);
		else
			CHECK_INT(json_string_length(json_object_get(rec, "big")), (6 << 20) - 1);
		ok++;
		json_decref(rec);
	}
	CHECK_INT(st, CXS_READ_EOF);
	CHECK_INT(ok, 30001);
	cxs_reader_close(r);

	f = fopen(tmp("own.jsonl.gz"), "rb");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n);
	CHECK(fread(data, 1, (size_t)n, f) == (size_t)n);
	fclose(f);
	CHECK(n > 600000);   /* several members, or this test tests nothing */
	/* Cut inside the first member (libdeflate's way) and inside the second (the
	 * streaming way): what came before is kept, then "truncated". */
	for (i = 6; i >= 2; i -= 4) {
		write_file(tmp("owncut.jsonl.gz"), data, (size_t)n / (size_t)i);
		r = cxs_reader_open(tmp("owncut.jsonl.gz"), 0, &err);
		ok = 0;
		while ((st = cxs_reader_next(r, &rec, &err)) == CXS_READ_OK || st == CXS_READ_BAD) {
			if (st == CXS_READ_OK)
				ok++;
			json_decref(rec);
		}
		CHECK_INT(st, CXS_READ_FATAL);
		CHECK(strstr(err.msg, "truncated gzip stream") != NULL);
		CHECK(ok > 1000);
		cxs_reader_close(r);
	}
	/* A flipped byte inside a member: an error naming a byte offset, and every record
	 * handed out before it is exactly what was written (none altered by the damage).
	 * Each position flips a different kind of byte (header, literals, trailer). */
	for (i = 1; i <= 5; i++) {
		long at = n * i / 11;
		int bad = 0;

		data[at] ^= 0x20;
		write_file(tmp("ownflip.jsonl.gz"), data, (size_t)n);
		data[at] ^= 0x20;
		r = cxs_reader_open(tmp("ownflip.jsonl.gz"), 0, &err);
		ok = 0;
		while ((st = cxs_reader_next(r, &rec, &err)) == CXS_READ_OK || st == CXS_READ_BAD) {
			if (st == CXS_READ_OK && ok < 30000) {
				char t[96];
				unsigned k = (unsigned)ok;
				snprintf(t, sizeof(t), "%x ord %u 服务员 %lx", k * 7919u, k * 2654435761u,
					 (unsigned long)k * 40503ul * 2654435761ul);
				if (json_integer_value(json_object_get(rec, "n")) != ok ||
				    strcmp(json_string_value(json_object_get(rec, "t")), t))
					bad++;
				ok++;
			}
			json_decref(rec);
		}
		CHECK_INT(st, CXS_READ_FATAL);
		CHECK(strstr(err.msg, "at byte") != NULL);
		CHECK_INT(bad, 0);
		cxs_reader_close(r);
	}
	free(data);
	free(big);
}

/* A pipe may deliver the first gzip byte alone; the input is still gzip. */
static void test_gzip_magic_split_on_a_pipe(void)
{
	static const unsigned char gz[] = { /* gzip of {"a":1}\n */
		0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x56, 0x4a,
		0x54, 0xb2, 0x32, 0xac, 0xe5, 0x02, 0x00, 0x46, 0xa3, 0xe8, 0x74, 0x08, 0x00,
		0x00, 0x00 };
	char path[64];
	int fds[2];
	pid_t pid;
	cxs_err err;
	cxs_reader *r;
	json_t *rec = NULL;

	CHECK(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (write(fds[1], gz, 1) != 1)
			_exit(1);
		usleep(100000);
		if (write(fds[1], gz + 1, sizeof(gz) - 1) != (ssize_t)sizeof(gz) - 1)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	r = cxs_reader_open(path, 0, &err);
	CHECK(r != NULL);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	CHECK_INT(json_integer_value(json_object_get(rec, "a")), 1);
	json_decref(rec);
	cxs_reader_close(r);
	close(fds[0]);
	waitpid(pid, NULL, 0);
}

static void test_multimember_and_plain(void)
{
	cxs_err err;
	cxs_reader *r;
	json_t *rec;
	int n = 0;
	gzFile g = gzopen(tmp("mm.jsonl.gz"), "wb");

	gzputs(g, "{\"a\":1}\n");
	gzclose(g);
	g = gzopen(tmp("mm.jsonl.gz"), "ab");   /* appends a second gzip member */
	gzputs(g, "{\"a\":2}\n");
	gzclose(g);
	r = cxs_reader_open(tmp("mm.jsonl.gz"), 0, &err);
	while (cxs_reader_next(r, &rec, &err) == CXS_READ_OK) {
		n++;
		json_decref(rec);
	}
	CHECK_INT(n, 2);
	cxs_reader_close(r);

	write_file(tmp("plain.jsonl"), "{\"a\":1}\r\n", 9);
	r = cxs_reader_open(tmp("plain.jsonl"), 0, &err);
	CHECK_INT(cxs_reader_next(r, &rec, &err), CXS_READ_OK);
	json_decref(rec);
	cxs_reader_close(r);

	CHECK(cxs_reader_open(tmp("missing.jsonl"), 0, &err) == NULL);
	CHECK(strstr(err.msg, "could not open") != NULL);
	CHECK(cxs_reader_open(cxs_test_tmpdir(), 0, &err) == NULL);
	CHECK(strstr(err.msg, "is a directory") != NULL);
}

static void test_atomic_abort_leaves_previous(void)
{
	cxs_err err;
	cxs_atomic *a;
	char buf[32] = "";
	FILE *f;

	CHECK(cxs_atomic_write_file(tmp("a.txt"), "old\n", 4, &err) == 0);
	a = cxs_atomic_open(tmp("a.txt"), &err);
	CHECK(cxs_atomic_write(a, "new, half", 9, &err) == 0);
	CHECK(exists(cxs_atomic_tmpname(a)));
	cxs_atomic_abort(a);
	f = fopen(tmp("a.txt"), "r");
	CHECK(fgets(buf, sizeof(buf), f) != NULL);
	fclose(f);
	CHECK_STR(buf, "old\n");
	cxs_atomic_abort(NULL);

	/* Writing into a missing directory fails with the path named. */
	CHECK(cxs_atomic_open(tmp("no/such/dir/x"), &err) == NULL);
	CHECK(strstr(err.msg, "no/such/dir/x") != NULL);
	CHECK_INT(err.kind, CXS_E_IO);
}

/* A PID that no process has: a child that has exited and been reaped. */
static long dead_pid(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (long)pid;
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f)
		fclose(f);
}

/* A stage killed with SIGKILL leaves "NAME.tmp.PID"; the next open of NAME removes it,
 * but never a live process's temporary, another file's, or a name that only looks alike. */
static void test_atomic_sweeps_dead_temporaries(void)
{
	char dead[512], live[512], other[512], odd[512];
	long pid = dead_pid();
	cxs_err err;
	cxs_atomic *a;

	snprintf(dead, sizeof dead, "%s.tmp.%ld", tmp("s.jsonl.gz"), pid);
	snprintf(live, sizeof live, "%s.tmp.%ld", tmp("s.jsonl.gz"), (long)getppid());
	snprintf(other, sizeof other, "%s.tmp.%ld", tmp("t.jsonl.gz"), pid);
	snprintf(odd, sizeof odd, "%s.tmp.%ldx", tmp("s.jsonl.gz"), pid);
	touch(dead);
	touch(live);
	touch(other);
	touch(odd);
	a = cxs_atomic_open(tmp("s.jsonl.gz"), &err);
	CHECK(a != NULL);
	CHECK(!exists(dead));
	CHECK(exists(live));
	CHECK(exists(other));
	CHECK(exists(odd));
	CHECK(cxs_atomic_commit(a, &err) == 0);
	CHECK(exists(tmp("s.jsonl.gz")));
	unlink(live);
	unlink(other);
	unlink(odd);
}

static void test_identical_output_bytes(void)
{
	char h1[CXS_SHA256_HEX], h2[CXS_SHA256_HEX];
	int round;

	for (round = 0; round < 2; round++) {
		cxs_err err;
		cxs_writer *w = cxs_writer_open(tmp("det.jsonl.gz"), 3, &err);
		json_t *j = json_pack("{s:s}", "text", "same");
		cxs_writer_put(w, j, &err);
		json_decref(j);
		CHECK(cxs_writer_commit(w, round ? h2 : h1, &err) == 0);
		if (round == 0)
			sleep(1);   /* a gzip mtime would differ now */
	}
	CHECK_STR(h1, h2);
}

static int reject_odd(void *ctx, struct cxs_rec *rec, cxs_err *reason)
{
	size_t len;
	const char *n = cxs_rec_raw(rec, "n", &len);
	cxs_buf *seen;

	(void)ctx;
	if (!n || len == 0 || (n[len - 1] - '0') % 2)
		return cxs_reject(reason, "odd number");
	if (!(seen = cxs_rec_set(rec, "seen")))
		return -1;
	cxs_buf_add(seen, "true", 4);
	return 0;
}

static void test_stage_counts_reconcile(void)
{
	struct cxs_stage_config cfg = { 0 };
	const char *inputs[2];
	cxs_err err;
	cxs_stage *s;
	json_t *m;

	write_file(tmp("in.jsonl"), "{\"n\":1}\n{\"n\":2}\nbroken\n{\"n\":4}\n", 31);
	inputs[0] = tmp("in.jsonl");
	inputs[1] = tmp("absent.jsonl");
	cfg.stage = "test";
	cfg.output = tmp("st.jsonl.gz");
	cfg.level = 1;
	s = cxs_stage_open(&cfg, &err);
	CHECK(s != NULL);
	CHECK(cxs_stage_run_recs(s, inputs, 2, reject_odd, NULL, &err) == 0);
	CHECK_INT(cxs_stage_counts(s)->in, 4);
	CHECK_INT(cxs_stage_counts(s)->out, 2);
	CHECK_INT(cxs_stage_counts(s)->rejected, 2);
	CHECK(cxs_stage_is_partial(s));   /* the absent input */
	CHECK(cxs_stage_commit(s, &err) == 0);
	m = json_load_file(tmp("st.manifest.json"), 0, NULL);
	CHECK(m != NULL);
	CHECK_INT(json_integer_value(json_object_get(json_object_get(m, "counts"), "in")), 4);
	CHECK_INT(json_integer_value(json_object_get(json_object_get(m, "counts"), "rejected")), 2);
	CHECK(json_is_true(json_object_get(m, "partial")));
	CHECK(exists(tmp("st.rejects.jsonl.gz")));
	json_decref(m);
}

static void test_utf8_sanitize(void)
{
	cxs_buf b = CXS_BUF_INIT;

	CHECK_INT(cxs_utf8_sanitize("ok \xc3\xa5", 5, &b), 0);
	CHECK_STR(b.p, "ok \xc3\xa5");
	cxs_buf_reset(&b);
	/* stray continuation, overlong '/', surrogate, truncated sequence at the end, NUL */
	CHECK_INT(cxs_utf8_sanitize("a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\0e\xe6\x9c", 14, &b), 8);
	CHECK(cxs_utf8_valid_prefix(b.p, b.len) == b.len);
	cxs_buf_release(&b);
}

/* Reads all of a gzip file with zlib, an independent reader; its size in `*n`. */
static unsigned char *zlib_read_all(const char *path, size_t cap, size_t *n)
{
	gzFile g = gzopen(path, "rb");
	unsigned char *p = malloc(cap + 1);
	int got;

	*n = 0;
	if (!g || !p) {
		if (g)
			gzclose(g);
		free(p);
		return NULL;
	}
	while ((got = gzread(g, p + *n, (unsigned)(cap + 1 - *n))) > 0)
		*n += (size_t)got;
	gzclose(g);
	return p;
}

/* Every level writes gzip that zlib reads back byte for byte, the same bytes each run
 * (the determinism ISA-L's igzip lacked now and then: README.md, "Speed"). The data
 * (3 MiB, several members) mixes text with bytes that do not compress, where libdeflate
 * falls back to stored blocks and a member is a little larger than its input. */
static void test_every_level_round_trips(void)
{
	static const int levels[] = { 0, 1, 2, 3, 4, 6, 9 };
	const size_t n = 3 << 20;
	unsigned char *data = malloc(n);
	unsigned long x = 2463534242UL;
	size_t i, k;

	CHECK(data != NULL);
	if (!data)
		return;
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* the first half text-like, the second half noise */
		data[i] = i < n / 2 ? (unsigned char)("the waiter was friendly\n"[i % 24]) : (unsigned char)x;
	}
	for (k = 0; k < sizeof(levels) / sizeof(levels[0]); k++) {
		char hex[2][CXS_SHA256_HEX] = { "", "-" };
		long long size[2] = { -1, -2 };
		int run;

		for (run = 0; run < 2; run++) {
			cxs_err err = { CXS_E_NONE, "" };
			const char *path = tmp("levels.gz");
			cxs_gzout *out = cxs_gzout_open(path, levels[k], &err);
			unsigned char *back;
			size_t got, off;

			CHECK(out != NULL);
			if (!out)
				break;
			/* in pieces, as records come */
			for (off = 0; off < n; off += 100000)
				CHECK_INT(cxs_gzout_write(out, data + off, n - off < 100000 ? n - off : 100000, &err), 0);
			CHECK_INT(cxs_gzout_commit(out, hex[run], &size[run], &err), 0);
			back = zlib_read_all(path, n, &got);
			CHECK(back != NULL);
			CHECK_INT(got, n);
			CHECK(back && got == n && memcmp(back, data, n) == 0);
			free(back);
		}
		/* the same bytes (their SHA-256, as manifests record it), not only as many */
		if (strcmp(hex[0], hex[1]))
			printf("  level %d wrote different bytes in two runs\n", levels[k]);
		CHECK_STR(hex[0], hex[1]);
		/* the text half compresses to almost nothing at every level but 0 */
		if (levels[k] == 0)
			CHECK(size[0] > (long long)n);
		else
			CHECK(size[0] < (long long)(n / 2 + n / 20));
	}
	free(data);
}

int main(void)
{
	RUN(test_round_trip);
	RUN(test_key_order_and_numbers_kept);
	RUN(test_dump_matches_jansson);
	RUN(test_raw_writers_match);
	RUN(test_bad_lines_are_reported_and_skipped);
	RUN(test_record_cut_in_half);
	RUN(test_empty_gz_file_is_truncated);
	RUN(test_overlong_record);
	RUN(test_truncated_and_corrupt_gzip);
	RUN(test_multimember_and_plain);
	RUN(test_gzip_magic_split_on_a_pipe);
	RUN(test_own_members_damaged_and_large);
	RUN(test_every_level_round_trips);
	RUN(test_atomic_abort_leaves_previous);
	RUN(test_atomic_sweeps_dead_temporaries);
	RUN(test_identical_output_bytes);
	RUN(test_stage_counts_reconcile);
	RUN(test_utf8_sanitize);
	return cxs_test_done();
}

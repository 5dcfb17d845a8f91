/*
 * fuzz_lexicon_import — cxs_lexicon_import (stages/classify/cxs_lexicon.h) over arbitrary
 * dictionary files, on a small fixed base pack (en and zh, with polarity words,
 * negators and intensifiers). The first byte picks the file name: even bytes a LIWC
 * dictionary, odd a category TSV; values 0-3 name it for every language, 4-7 for
 * English only (NAME.en.dic). The rest is the file.
 *
 * A dictionary imported without errors is checked like a pack: every dimension has an
 * id, and the problems are well formed.
 */
#include <string.h>
#include <unistd.h>

#include "cxs_lexicon.h"
#include "fuzz_common.h"

static const char conf[] = "name = base\nversion = 1\nlanguages = en zh\n";
static const char sent_en[] = "good\t2\nbad\t-2\nlove*\t3\nnot bad\t1\n";
static const char neg_en[] = "not\nnever\n";
static const char int_en[] = "very\t1.5\nslightly\t0.5\n";
static const char sent_zh[] = "好\t2\n差\t-2\n";
static const char neg_zh[] = "不\n没有\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "d.dic", "d.tsv", "d.dic", "d.txt",
					     "d.en.dic", "d.en.tsv", "d.en.dic", "d.en.txt" };
	char path[PATH_MAX], file[PATH_MAX];
	cxs_err err = { CXS_E_NONE, "" };
	cxs_lexicon *lx;
	const char *name;
	size_t i, np;

	if (size < 1)
		return 0;
	if (!fuzz_dir[0]) {
		fuzz_dir_make("lexicon-import");
		fuzz_write("pack.conf", conf, sizeof conf - 1, path, sizeof path);
		fuzz_write("en.sent", sent_en, sizeof sent_en - 1, path, sizeof path);
		fuzz_write("en.neg", neg_en, sizeof neg_en - 1, path, sizeof path);
		fuzz_write("en.int", int_en, sizeof int_en - 1, path, sizeof path);
		fuzz_write("zh.sent", sent_zh, sizeof sent_zh - 1, path, sizeof path);
		fuzz_write("zh.neg", neg_zh, sizeof neg_zh - 1, path, sizeof path);
	}
	name = names[data[0] & 7];
	fuzz_write(name, (const char *)data + 1, size - 1, file, sizeof file);
	lx = cxs_lexicon_import(file, fuzz_dir, &err);
	FUZZ_ASSERT(lx || err.kind == CXS_E_NOMEM);
	if (lx) {
		const struct cxs_lex_problem *p = cxs_lexicon_problems(lx, &np);

		for (i = 0; i < np; i++)
			FUZZ_ASSERT(p[i].text && p[i].msg && p[i].file && p[i].line >= 0);
		FUZZ_ASSERT(cxs_lexicon_name(lx) && cxs_lexicon_version(lx) &&
			    strlen(cxs_lexicon_version(lx)) == 12);
		FUZZ_ASSERT(cxs_lexicon_nlangs(lx) >= 1 && cxs_lexicon_nlangs(lx) <= 2);
		for (i = 0; i < cxs_lexicon_ndims(lx); i++)
			FUZZ_ASSERT(cxs_lexicon_dim(lx, i)->id && cxs_lexicon_dim(lx, i)->label);
	}
	cxs_lexicon_free(lx);
	unlink(file);
	return 0;
}

/*
 * drv_split — one fetch shard: cxs-fetch over the shard's files, its records split into
 * parts of --shard-size documents.
 *
 * cxs-fetch writes plain JSON Lines to a pipe (its manifest and rejects go to
 * 01-fetch/shard-SSSSS.*); each line is copied as it is into the current part, so the
 * split costs one deflate and no parse. With --state each record is parsed for its
 * content hash: a document an earlier run processed goes to shard-SSSSS.skipped.jsonl.gz
 * ("already processed on DATE") instead of a part, and the hashes of the others to
 * shard-SSSSS.hashes, recorded in the state when the run ends.
 *
 * The content hash is SHA-256 over the record's `url` (else its `id`), `title`, `text`
 * and `comments`, separated by 0x1f: the same page with the same words is the same
 * document, however it was reached; the same words on another page are not.
 *
 * Each part is published with a small manifest (stage "fetch", program cxs-pipeline),
 * and the shard's index shard-SSSSS.parts.json last: a shard without an index is not done.
 */
#ifndef DRV_SPLIT_H
#define DRV_SPLIT_H

#include "drv.h"

/* Runs shard `s` (in a child process of the driver) and returns the exit status for it:
 * cxs-fetch's (0 or 4 when the shard was published), or the status of what failed.
 * Each part, once published, is announced on `notify` (-1: none) as a line "PIECE
 * RECORDS BYTES SHA256", so later stages can start on it while fetch goes on. */
int drv_split_shard(struct drv_run *r, int s, int notify);

/* The content hash described above, of a fetch record. */
void drv_content_hash(const json_t *rec, char hex[CXS_SHA256_HEX]);

#endif

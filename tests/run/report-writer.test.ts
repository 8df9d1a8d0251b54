import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/commands/analyze.ts';
import { entityBands } from '../../src/run/analyze-corpus.ts';
import { reduceShards, type ReduceOptions } from '../../src/run/reduce.ts';
import { tmpName } from '../../src/run/report-files.ts';
import { CORPUS, expectSameReports, tempDir } from '../helpers.ts';

const io = { stdout: () => {}, stderr: () => {} };
const options = (writerThread: boolean): ReduceOptions => ({
  run: { startedAt: '2026-01-01T00:00:00.000Z', tool: 'stratlens', version: 'test', input: 'shard', options: {} },
  entityBands: entityBands(),
  source: CORPUS,
  writerThread,
});

let shards: string[];

beforeAll(async () => {
  const out = tempDir();
  expect(await analyzeCommand({ input: CORPUS, out, timezone: '+08:00', maxFileBytes: 16 << 20, quiet: true, workers: 1, cacheDir: null }, io)).toBe(0);
  const shard = path.join(out, 'articles.jsonl');
  // a second shard with every article again under another path and id: twice the articles, and each
  // a near-duplicate of another, so the linker rewrites lines (duplicateOf, restated claims)
  const copy = path.join(out, 'copy.jsonl');
  const lines = readFileSync(shard, 'utf8').split('\n').filter(Boolean);
  writeFileSync(copy, lines.map((l) => { const a = JSON.parse(l); return JSON.stringify({ ...a, id: `${a.id}-copy`, path: `copy/${a.path}` }); }).join('\n') + '\n');
  shards = [shard, copy];
}, 120_000);

describe('the reduce writer thread', () => {
  it('writes the same reports as the calling thread, over many batches', async () => {
    const onThread = tempDir();
    const inThread = tempDir();
    const threaded = await reduceShards(shards, onThread, options(true));
    const plain = await reduceShards(shards, inThread, options(false));
    expect(threaded.writerThread).toBe(true);
    expect(plain.writerThread).toBe(false);
    // more articles than the writer takes in flight (4 batches of 16 lines), with rows in every CSV, and lines the linker rewrote
    expect(threaded.summary.counts.articles).toBeGreaterThan(4 * 16);
    expect(threaded.summary.counts.duplicates).toBeGreaterThan(10);
    for (const name of ['mentions.csv', 'claims.csv', 'quotes.csv', 'sentences.csv']) expect(readFileSync(path.join(onThread, name), 'utf8').split('\r\n').length).toBeGreaterThan(10);
    expect(threaded.written).toEqual(plain.written);
    // lines the linker rewrote (their links spliced into the bytes read) are what JSON.stringify writes
    const lines = readFileSync(path.join(onThread, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"restatedIn":')).length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toBe(JSON.stringify(JSON.parse(line)));
    expectSameReports(inThread, onThread);
    expect(readdirSync(onThread).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 60_000);

  it.each([true, false])('fails with the file it cannot write, and leaves no temporary report behind (writer thread: %s)', async (writerThread) => {
    const out = tempDir();
    // a folder where the temporary articles.jsonl goes: the file cannot be opened
    mkdirSync(tmpName(out, 'articles.jsonl'));
    await expect(reduceShards(shards, out, options(writerThread))).rejects.toThrow(/cannot write articles\.jsonl in .*EISDIR/);
    expect(readdirSync(out).sort()).toEqual([path.basename(tmpName(out, 'articles.jsonl'))]);
  }, 60_000);
});

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findArticleFiles } from '../../src/ingest/index.ts';
import { availableParallelism } from 'node:os';
import { defaultWorkers, emptyMapStats, FILES_PER_WORKER, mapFiles, MIN_WORKER_HEAP_MB, WORKER_FILE_BYTES, WORKER_HEAP_MB } from '../../src/run/map.ts';
import { CORPUS, tempDir } from '../helpers.ts';

const INGEST = { defaultOffset: '+08:00', maxFileBytes: 16 * 1024 * 1024 };
const ARTICLE = path.join(CORPUS, 'ithome', 'Counterpoint：中国智能手机 Q4 出货量跌 11%，苹果狂砍 21% 份额继续霸榜，荣耀拿下安卓第一.md');
/** A worker heap that holds the lexicons but not the analysis of a 1.8 MB article. */
const SMALL_HEAP_MB = MIN_WORKER_HEAP_MB;

let dir = '';
const SMALL = ['small-1.md', 'small-2.md', 'small-3.md'];
const smallOk = Object.fromEntries(SMALL.map((name) => [name, '1 article']));
beforeAll(() => {
  // three ordinary articles, and one of 1.8 MB: the same article's body 400 times. With two workers taking two
  // files each, one ordinary file is queued on the worker that the big one kills.
  dir = tempDir('stratlens-heap-');
  for (const name of SMALL) copyFileSync(ARTICLE, path.join(dir, name));
  const body = readFileSync(ARTICLE, 'utf8').split('---').slice(2).join('---');
  writeFileSync(path.join(dir, 'big.md'), `---\ntitle: big\ndate: 2022-02-08 20:53:15 +0800\n---\n${`${body}\n`.repeat(400)}`);
});

/** Maps the folder on two capped workers; what became of each file (article lines, or the error's code). */
async function outcome(extra: { workerHeapMb?: number; workerFileBytes?: number }): Promise<Record<string, string>> {
  // the files' bytes are handed over, so the tasks reach the pool at once, in this order: the big file first
  const found = (await findArticleFiles(dir)).files.map((f) => ({ ...f, content: readFileSync(f.absPath) }));
  const files = [...found.filter((f) => f.relPath === 'big.md'), ...found.filter((f) => f.relPath !== 'big.md')];
  const out: Record<string, string> = {};
  for await (const r of mapFiles(files, { ingest: INGEST, workers: 2, ...extra }, emptyMapStats())) {
    const error = r.lines.map((l) => JSON.parse(l) as { record?: string; code?: string }).find((l) => l.record === 'error');
    out[r.file.relPath] = error ? `${error.code}` : `${r.lines.filter((l) => !l.startsWith('{"record":')).length} article`;
  }
  return out;
}

describe('analysing worker threads', () => {
  it('default to every core but one (the calling thread reads, caches and writes), once there are files enough to repay them', () => {
    const cores = availableParallelism();
    expect(defaultWorkers(0)).toBe(1);
    expect(defaultWorkers(FILES_PER_WORKER - 1)).toBe(1);
    expect(defaultWorkers(1e9)).toBe(Math.max(1, cores - 1));
    expect(defaultWorkers(2 * FILES_PER_WORKER)).toBe(Math.max(1, Math.min(cores - 1, 2)));
  });

  it('cap their heap by default, well below what an uncapped V8 heap grows to', () => {
    expect(WORKER_HEAP_MB).toBeGreaterThanOrEqual(128);
    expect(WORKER_HEAP_MB).toBeLessThanOrEqual(256);
    expect(WORKER_FILE_BYTES).toBeGreaterThan(1 << 20);
  });

  it('refuses a heap cap too small to load the lexicons (a worker that cannot start would leave its files waiting)', async () => {
    await expect(outcome({ workerHeapMb: 8 })).rejects.toThrow(/workerHeapMb must be at least 64 \(got 8\)/);
  });

  it('a worker that runs out of its heap costs its own file an internal-error, never the run nor the file queued with it', async () => {
    expect(await outcome({ workerHeapMb: SMALL_HEAP_MB, workerFileBytes: 1e9 })).toEqual({ 'big.md': 'internal-error', ...smallOk });
  }, 120_000);

  it('a file larger than workerFileBytes is analysed on the calling thread, whose heap is not capped', async () => {
    expect(await outcome({ workerHeapMb: SMALL_HEAP_MB, workerFileBytes: 1 << 20 })).toEqual({ 'big.md': '1 article', ...smallOk });
  }, 120_000);
});

// The install's patch to nodejieba (patches/, applied and built by `npm install`'s
// postinstall): a worker thread that ends frees jieba's dictionaries, and the
// TextRank extractor (a second copy of the dictionary) is built only on use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { jiebaPatchState } from '../../scripts/jieba-patch-state.mjs';

const JIEBA_DIR = jiebaPatchState().jiebaDir;

/** Starts a worker that loads jieba (its full default dictionary) and cuts one sentence, and waits for it to end. */
function jiebaWorker(): Promise<string> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const jieba = require(${JSON.stringify(JIEBA_DIR)});
    jieba.load();
    parentPort.postMessage(jieba.cut('小米集团发布了新手机').join('/'));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    let cut = '';
    worker.on('message', (m: string) => (cut = m));
    worker.on('error', reject);
    worker.on('exit', () => resolve(cut));
  });
}

const rssMb = () => process.memoryUsage.rss() / 2 ** 20;

describe('the nodejieba patch', () => {
  it('is built into the installed binary (the postinstall ran: npm run postinstall redoes it)', () => {
    const { patches, marker, built } = jiebaPatchState();
    expect(patches).toEqual(['nodejieba+3.5.8.patch']);
    expect(built, `${marker} is missing or names other patches: run npm run postinstall`).toBe(true);
    expect(readFileSync(path.join(JIEBA_DIR, 'lib', 'nodejieba.cpp'), 'utf8')).toContain('NodeJieba::~NodeJieba()');
    expect(readFileSync(path.join(JIEBA_DIR, 'binding.gyp'), 'utf8')).toContain('NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS');
  });

  it('frees the dictionaries of a worker thread that ends', async () => {
    // the first worker settles the process's allocator; unpatched, each later one left ~250 MB behind
    expect(await jiebaWorker()).toContain('小米');
    const before = rssMb();
    for (let k = 0; k < 3; k++) expect(await jiebaWorker()).toContain('小米');
    const grown = rssMb() - before;
    expect(grown, `RSS grew ${grown.toFixed(0)} MB over three workers`).toBeLessThan(150);
  }, 60_000);

  it('still extracts TextRank keywords, building the extractor on first use', async () => {
    const code = `
      const { parentPort } = require('node:worker_threads');
      const jieba = require(${JSON.stringify(JIEBA_DIR)});
      jieba.load();
      parentPort.postMessage({ words: jieba.textRankExtract('小米集团发布了新手机，小米手机销量增长，手机市场竞争激烈。', 3).map((w) => w.word) });`;
    const result = await new Promise<{ words: string[] }>((resolve, reject) => {
      const worker = new Worker(code, { eval: true });
      worker.on('message', resolve);
      worker.on('error', reject);
    });
    expect(result.words).toContain('手机');
  }, 60_000);
});

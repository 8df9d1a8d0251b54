// The install's patch to nodejieba (patches/, applied and built by `npm install`'s
// postinstall): threads that load the same dictionary files share one
// dictionary, a worker thread that ends lets go of it (freed with its last
// thread), and the TextRank extractor (a second copy of the dictionary) is
// built only on use.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { jiebaPatchState } from '../../scripts/jieba-patch-state.mjs';
import { tempDir } from '../helpers.ts';

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
    expect(readFileSync(path.join(JIEBA_DIR, 'lib', 'nodejieba.cpp'), 'utf8')).toContain('struct SharedJieba');
    expect(readFileSync(path.join(JIEBA_DIR, 'binding.gyp'), 'utf8')).toContain('NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS');
    expect(readFileSync(path.join(JIEBA_DIR, 'lib', 'nodejieba.cpp'), 'utf8')).toContain('NodeJieba::trimMemory');
  });

  it('gives malloc\'s free memory back on request, without loading a dictionary', () => {
    // a fresh process: 200 MB in small blocks, every tenth kept, so free memory is scattered where free() cannot return it
    const code = `
      const j = require(${JSON.stringify(JIEBA_DIR)});
      const mb = () => process.memoryUsage.rss() / 2 ** 20;
      let blocks = [];
      for (let k = 0; k < 50000; k++) blocks.push(Buffer.alloc(4100));
      const kept = blocks.filter((_, k) => k % 10 === 0);
      blocks = null;
      gc();
      // V8 frees the blocks of dead buffers on a helper thread: give it time
      setTimeout(() => {
        const before = mb();
        const trimmed = j.trimMemory();
        console.log(JSON.stringify({ trimmed, before, after: mb(), kept: kept.length }));
      }, 500);`;
    // run as a file: under -e the dead buffers were not collected
    const script = path.join(tempDir(), 'trim.cjs');
    writeFileSync(script, code);
    const { trimmed, before, after } = JSON.parse(execFileSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' })) as { trimmed: boolean; before: number; after: number };
    expect(trimmed).toBe(true);
    // about 170 MB given back here (250 → 90)
    expect(before - after, `RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`).toBeGreaterThan(80);
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

  it('shares one dictionary among the threads that load the same files', () => {
    // in a fresh process, so that memory freed by earlier workers does not hide what loading costs
    const script = `
      const { Worker } = require('node:worker_threads');
      const rss = () => process.memoryUsage.rss() / 2 ** 20;
      const start = () => new Promise((resolve) => {
        const w = new Worker(\`
          const { parentPort } = require('node:worker_threads');
          const jieba = require(${JSON.stringify(JIEBA_DIR)});
          jieba.load();
          parentPort.postMessage(jieba.cut('小米集团发布了新手机').join('/'));
          parentPort.once('message', () => process.exit(0));\`, { eval: true });
        w.once('message', (cut) => resolve({ w, cut }));
      });
      (async () => {
        const r0 = rss();
        const a = await start();
        const r1 = rss();
        const b = await start();
        const r2 = rss();
        console.log(JSON.stringify({ cuts: [a.cut, b.cut], first: r1 - r0, second: r2 - r1 }));
        a.w.postMessage('end');
        b.w.postMessage('end');
      })();`;
    const { cuts, first, second } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cuts: string[]; first: number; second: number };
    expect(cuts).toEqual(['小米/集团/发布/了/新手机', '小米/集团/发布/了/新手机']);
    // unpatched, the second thread built a copy of its own: 137 MB more, as much as the first
    expect(first, 'the first thread builds the dictionary').toBeGreaterThan(80);
    expect(second, `the second thread added ${second.toFixed(0)} MB`).toBeLessThan(40);
  }, 60_000);

  it('shows a word one thread inserted to the others, and inserting it again changes nothing', async () => {
    const word = '星河智驾平台';
    await withTwoWorkers(async (a, b) => {
      expect(await b.ask({ tag: `发布${word}` })).not.toContain(`${word}:nz`);
      expect(await a.ask({ insert: word, as: 'nz' })).toBe(true);
      expect(await b.ask({ tag: `发布${word}` })).toContain(`${word}:nz`);
      expect(await b.ask({ insert: word, as: 'nz' })).toBe(true);
      expect(await a.ask({ tag: `发布${word}` })).toEqual(await b.ask({ tag: `发布${word}` }));
    });
  }, 60_000);

  it('lets threads tag while another inserts words', async () => {
    const sentence = '小米集团发布了新手机，华为的销量增长了百分之二十。';
    await withTwoWorkers(async (a, b) => {
      const expected = await a.ask({ tag: sentence });
      // b inserts words none of which occurs in the sentence, while a tags it over and over
      const [tags] = await Promise.all([a.ask({ tagRepeatedly: sentence, times: 3000 }), b.ask({ insertMany: 20_000 })]);
      expect(tags).toEqual([expected]);
    });
  }, 60_000);
});

type HeldWorker = Awaited<ReturnType<typeof heldWorker>>;

/** Runs `use` with two held workers, and ends them whatever it does. */
async function withTwoWorkers(use: (a: HeldWorker, b: HeldWorker) => Promise<void>): Promise<void> {
  const a = await heldWorker();
  const b = await heldWorker();
  try {
    await use(a, b);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

/** Requests a held worker answers (see {@link heldWorker}). */
type Request = { tag: string } | { insert: string; as: string } | { tagRepeatedly: string; times: number } | { insertMany: number };

/**
 * A worker thread that loads jieba (its full default dictionary), cuts one
 * sentence, then answers requests until it is ended.
 */
function heldWorker(): Promise<{ cut: string; ask: (r: Request) => Promise<unknown>; end: () => Promise<void> }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const jieba = require(${JSON.stringify(JIEBA_DIR)});
    jieba.load();
    const tagged = (s) => jieba.tag(s).map((t) => t.word + ':' + t.tag).join(' ');
    parentPort.postMessage(jieba.cut('小米集团发布了新手机').join('/'));
    parentPort.on('message', (r) => {
      if (r === 'end') process.exit(0);
      else if ('insert' in r) parentPort.postMessage(jieba.insertWord(r.insert, r.as));
      else if ('insertMany' in r) {
        for (let k = 0; k < r.insertMany; k++) jieba.insertWord('测试词' + k.toString(36) + '号', 'n');
        parentPort.postMessage(true);
      } else if ('tagRepeatedly' in r) {
        const seen = new Set();
        for (let k = 0; k < r.times; k++) seen.add(tagged(r.tagRepeatedly));
        parentPort.postMessage([...seen]);
      } else parentPort.postMessage(tagged(r.tag));
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('error', reject);
    worker.once('message', (cut: string) => {
      let pending: ((value: unknown) => void) | null = null;
      worker.on('message', (m: unknown) => pending?.(m));
      resolve({
        cut,
        ask: (r) =>
          new Promise((answer) => {
            pending = answer;
            worker.postMessage(r);
          }),
        end: () =>
          new Promise((ended) => {
            worker.once('exit', () => ended());
            worker.postMessage('end');
          }),
      });
    });
  });
}

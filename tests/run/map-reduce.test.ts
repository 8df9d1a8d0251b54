import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand, UsageError } from '../../src/commands/analyze.ts';
import { mapCommand } from '../../src/commands/map.ts';
import { reduceCommand } from '../../src/commands/reduce.ts';
import { findArticleFiles } from '../../src/ingest/index.ts';
import { analyzeCorpus } from '../../src/run/analyze-corpus.ts';
import { ResultCache } from '../../src/run/cache.ts';
import { comparePaths, parseShardLine } from '../../src/run/records.ts';
import { CORPUS, expectSameReports, reportFiles, tempDir } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/stratlens.js');
const INGEST = { defaultOffset: '+08:00', maxFileBytes: 16 * 1024 * 1024 };
const io = { stdout: () => {}, stderr: () => {} };
const single = (input: string, out: string, extra: { workers?: number; cacheDir?: string | null } = {}) =>
  analyzeCommand({ input, out, timezone: '+08:00', maxFileBytes: INGEST.maxFileBytes, quiet: true, workers: 1, ...extra }, io);

/** Collects what a command writes to its output stream. */
function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

let baseline: string;

beforeAll(async () => {
  baseline = tempDir();
  expect(await single(CORPUS, baseline)).toBe(0);
}, 120_000);

describe('map and reduce', () => {
  it('gives byte-identical reports from 4 map shards as from one run', async () => {
    const { files } = await findArticleFiles(CORPUS);
    expect(files.length).toBeGreaterThan(40);
    const dir = tempDir();
    const shards: string[] = [];
    for (let k = 0; k < 4; k++) {
      // shards split the files unevenly and out of order, as a cluster would; one shard is given a folder
      const mine = k === 3 ? [path.join(CORPUS, 'reuters')] : files.filter((f, i) => !f.relPath.startsWith('reuters/') && (i * 7) % 3 === k).map((f) => f.absPath).reverse();
      const out = sink();
      expect(await mapCommand({ paths: mine, base: CORPUS, stdin: false, ingest: INGEST, workers: 1, cacheDir: null }, out.stream)).toBe(0);
      const shard = path.join(dir, `shard-${k}.jsonl`);
      writeFileSync(shard, out.text());
      shards.push(shard);
    }
    const out = tempDir();
    expect(await reduceCommand({ shards, out, source: CORPUS, quiet: true }, io)).toBe(0);
    expectSameReports(baseline, out);
  }, 120_000);

  it('writes map records in input order: articles, then the file record', async () => {
    const out = sink();
    await mapCommand({ paths: [path.join(CORPUS, 'feeds')], stdin: false, ingest: INGEST, workers: 1, cacheDir: null }, out.stream);
    const records = out.text().trim().split('\n').map((l, i) => parseShardLine(l, 'map', i + 1));
    const files = records.filter((r) => 'record' in r && r.record === 'file');
    expect(files.length).toBeGreaterThan(0);
    // each file's record comes after its articles, and files come in path order
    const filePaths = files.map((f) => f.path);
    expect(filePaths).toEqual([...filePaths].sort(comparePaths));
    expect('record' in records[records.length - 1]!).toBe(true);
  }, 60_000);

  it('keeps one copy of an article found in two shards even when another file has its id', async () => {
    const out = sink();
    await mapCommand({ paths: [path.join(CORPUS, 'finews')], base: CORPUS, stdin: false, ingest: INGEST, workers: 1, cacheDir: null }, out.stream);
    const line = out.text().split('\n').find((l) => l.startsWith('{"id":'))!;
    const article = JSON.parse(line) as { id: string; path: string };
    const as = (p: string) => JSON.stringify({ ...article, path: p });
    const dir = tempDir();
    const [one, two] = [path.join(dir, 'one.jsonl'), path.join(dir, 'two.jsonl')];
    // a.md and b.md claim the same id; b.md was mapped twice
    writeFileSync(one, `${as('a.md')}\n${as('b.md')}\n`);
    writeFileSync(two, `${as('b.md')}\n`);
    const reports = tempDir();
    expect(await reduceCommand({ shards: [one, two], out: reports, quiet: true }, io)).toBe(0);
    const written = readFileSync(path.join(reports, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; path: string });
    expect(written.map((a) => a.path).sort()).toEqual(['a.md', 'b.md']);
    expect(new Set(written.map((a) => a.id)).size).toBe(2);
    const summary = JSON.parse(readFileSync(path.join(reports, 'summary.json'), 'utf8')) as { warnings: Array<{ code: string; path: string }> };
    expect(summary.warnings.map((w) => [w.code, w.path]).sort()).toEqual([['duplicate-id', 'b.md'], ['repeated-article', 'b.md']]);
  }, 60_000);

  it('reads {path, content} JSONL on stdin, and reports a bad line as an error record', async () => {
    const article = readFileSync(path.join(CORPUS, 'finews', readdirSync(path.join(CORPUS, 'finews'))[0]!), 'utf8');
    const input = Readable.from([`${JSON.stringify({ path: 'cluster/part-0/a.md', content: article })}\n`, 'not json\n', `${JSON.stringify({ path: 'b.md' })}\n`]);
    const out = sink();
    expect(await mapCommand({ paths: [], stdin: true, ingest: INGEST, workers: 1, cacheDir: null }, out.stream, input)).toBe(2);
    const records = out.text().trim().split('\n').map((l, i) => parseShardLine(l, 'map', i + 1));
    const articles = records.filter((r) => !('record' in r));
    expect(articles).toHaveLength(1);
    expect(articles[0]!.path).toBe('cluster/part-0/a.md');
    const errors = records.filter((r) => 'record' in r && r.record === 'error');
    expect(errors.map((e) => e.path)).toEqual(['stdin#2', 'stdin#3']);
  }, 60_000);

  it('reduces the articles.jsonl of earlier runs, and refuses a file that is not a shard, naming it and the line', async () => {
    const out = tempDir();
    expect(await reduceCommand({ shards: [path.join(baseline, 'articles.jsonl')], out, quiet: true }, io)).toBe(0);
    expect(readFileSync(path.join(out, 'articles.jsonl'), 'utf8')).toBe(readFileSync(path.join(baseline, 'articles.jsonl'), 'utf8'));
    const bad = path.join(tempDir(), 'notes.jsonl');
    writeFileSync(bad, `${readFileSync(path.join(baseline, 'articles.jsonl'), 'utf8').split('\n')[0]}\n{"oops": 1\n`);
    await expect(reduceCommand({ shards: [bad], out: tempDir(), quiet: true }, io)).rejects.toThrow(UsageError);
    await expect(reduceCommand({ shards: [bad], out: tempDir(), quiet: true }, io)).rejects.toThrow(/notes\.jsonl, line 2: not JSON/);
  }, 60_000);

  it('gives an id used by two shards to the first path and id~hash to the other, with a warning', async () => {
    const dir = tempDir();
    const line = readFileSync(path.join(baseline, 'articles.jsonl'), 'utf8').split('\n')[0]!;
    const copy = { ...JSON.parse(line), path: 'zz/copy.md' };
    writeFileSync(path.join(dir, 'a.jsonl'), `${JSON.stringify(copy)}\n`);
    writeFileSync(path.join(dir, 'b.jsonl'), `${line}\n`);
    const out = tempDir();
    await reduceCommand({ shards: [path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl')], out, quiet: true }, io);
    const ids = readFileSync(path.join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; path: string });
    const original = JSON.parse(line) as { id: string; path: string };
    expect(ids.find((a) => a.path === original.path)!.id).toBe(original.id);
    expect(ids.find((a) => a.path === 'zz/copy.md')!.id).toMatch(new RegExp(`^${original.id}~[0-9a-f]{6}$`));
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as { warnings: Array<{ path: string; code: string }> };
    expect(summary.warnings).toContainEqual(expect.objectContaining({ path: 'zz/copy.md', code: 'duplicate-id' }));
  }, 60_000);

  it('runs as a command line: map to a file, reduce it', () => {
    const dir = tempDir();
    const shard = path.join(dir, 'part-0.jsonl');
    const mapped = spawnSync('node', [BIN, 'map', path.join(CORPUS, 'finews')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(mapped.status).toBe(0);
    writeFileSync(shard, mapped.stdout);
    const reduced = spawnSync('node', [BIN, 'reduce', shard, '--out', path.join(dir, 'out')], { encoding: 'utf8' });
    expect(reduced.status).toBe(0);
    expect(reduced.stdout).toMatch(/analysed 7 articles from 7 files/);
    const missing = spawnSync('node', [BIN, 'reduce'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/reduce needs at least one shard/);
  }, 60_000);
});

describe('worker threads', () => {
  it('give the same reports as one thread', async () => {
    const out = tempDir();
    expect(await single(CORPUS, out, { workers: 2 })).toBe(0);
    expectSameReports(baseline, out);
  }, 120_000);
});

describe('the cache', () => {
  it('skips unchanged files on a re-run, gives identical reports, and analyses a changed file again', async () => {
    const input = tempDir();
    cpSync(CORPUS, input, { recursive: true });
    const cacheDir = path.join(tempDir(), 'cache');
    const run = (out: string) =>
      analyzeCorpus({ input, out, ingest: INGEST, workers: 1, cacheDir, run: { startedAt: '', tool: 't', version: 'v', input, options: {} }, started: Date.now() });
    const cold = await run(tempDir());
    expect(cold.cache).toMatchObject({ hits: 0 });
    expect(cold.cache!.misses).toBe(cold.map.files);
    const warmOut = tempDir();
    const warm = await run(warmOut);
    expect(warm.cache).toEqual({ hits: cold.map.files, misses: 0 });
    // (report.html names and links the input folder, here a copy of the baseline's)
    expectSameReports(baseline, warmOut, { html: false });
    // one changed file is analysed again; the others still come from the cache
    const changed = path.join(input, 'finews', readdirSync(path.join(input, 'finews'))[0]!);
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n\n小米集团表示，今年研发投入将超过200亿元。\n`);
    const again = await run(tempDir());
    expect(again.cache).toEqual({ hits: cold.map.files - 1, misses: 1 });
  }, 120_000);

  it('leaves neither its shard nor the first-pass file beside it in the reports folder', async () => {
    const out = tempDir();
    const input = CORPUS;
    await analyzeCorpus({ input, out, ingest: INGEST, workers: 1, cacheDir: null, run: { startedAt: '', tool: 't', version: 'v', input, options: {} }, started: Date.now() });
    expect(readdirSync(out).filter((n) => n.startsWith('.stratlens-map-'))).toEqual([]);
    expectSameReports(baseline, out, { html: false });
  }, 120_000);

  it('fails with the name of a shard it cannot write, instead of crashing the process', async () => {
    const out = tempDir();
    // a folder where the run's temporary shard goes: the file cannot be opened
    mkdirSync(path.join(out, `.stratlens-map-${process.pid}.jsonl`));
    const input = CORPUS;
    const run = analyzeCorpus({ input, out, ingest: INGEST, workers: 1, cacheDir: null, run: { startedAt: '', tool: 't', version: 'v', input, options: {} }, started: Date.now() });
    await expect(run).rejects.toThrow(/cannot write the run's temporary shard .*\.stratlens-map-\d+\.jsonl: EISDIR/);
    expect(readdirSync(out).filter((n) => !n.startsWith('.stratlens-map-'))).toEqual([]);
  }, 120_000);

  it('keeps reports already built from the same corpus, rewriting only the run block, and rebuilds edited reports', async () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const out = tempDir();
    const input = path.join(CORPUS, 'finews');
    const run = (startedAt: string) => analyzeCorpus({ input, out, ingest: INGEST, workers: 1, cacheDir, run: { startedAt, tool: 't', version: 'v', input, options: {} }, started: Date.now() });
    const first = await run('first');
    expect(first.upToDate).toBe(false);
    const before = reportFiles(out);
    const second = await run('second');
    expect(second.upToDate).toBe(true);
    expect(reportFiles(out)).toEqual(before);
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).run.startedAt).toBe('second');
    // a report changed by hand is not trusted: the run builds the reports again
    writeFileSync(path.join(out, 'claims.csv'), 'edited');
    const third = await run('third');
    expect(third.upToDate).toBe(false);
    expect(third.cache).toEqual({ hits: first.map.files, misses: 0 });
    expect(reportFiles(out)).toEqual(before);
  }, 60_000);

  it('keys entries by content, path and options', () => {
    const cache = new ResultCache(tempDir(), INGEST);
    const other = new ResultCache(tempDir(), { ...INGEST, defaultOffset: '+00:00' });
    const bytes = Buffer.from('同一篇文章');
    expect(cache.keyOf('a.md', bytes)).toBe(cache.keyOf('a.md', Buffer.from('同一篇文章')));
    expect(cache.keyOf('a.md', bytes)).not.toBe(cache.keyOf('b.md', bytes));
    expect(cache.keyOf('a.md', bytes)).not.toBe(cache.keyOf('a.md', Buffer.from('另一篇文章')));
    expect(cache.keyOf('a.md', bytes)).not.toBe(other.keyOf('a.md', bytes));
  });

  it('is turned off by --no-cache and placed by --cache-dir', () => {
    const out = tempDir();
    const noCache = spawnSync('node', [BIN, 'analyze', path.join(CORPUS, 'finews'), '--out', out, '--no-cache', '--quiet'], { encoding: 'utf8' });
    expect(noCache.status).toBe(0);
    expect(readdirSync(out)).not.toContain('.stratlens-cache');
    const cacheDir = path.join(tempDir(), 'my-cache');
    const cached = spawnSync('node', [BIN, 'analyze', path.join(CORPUS, 'finews'), '--out', out, '--cache-dir', cacheDir, '--quiet'], { encoding: 'utf8' });
    expect(cached.status).toBe(0);
    expect(readdirSync(cacheDir).length).toBe(1);
    const both = spawnSync('node', [BIN, 'analyze', CORPUS, '--no-cache', '--cache-dir', cacheDir], { encoding: 'utf8' });
    expect(both.status).toBe(1);
    const workers = spawnSync('node', [BIN, 'analyze', CORPUS, '--workers', 'two'], { encoding: 'utf8' });
    expect(workers.status).toBe(1);
    expect(workers.stderr).toMatch(/--workers "two"/);
  }, 60_000);
});

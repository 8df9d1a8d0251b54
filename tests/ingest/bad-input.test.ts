import { mkdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type AnalyzeResult } from '../../src/analyze.ts';
import { analyzeCommand, UsageError } from '../../src/commands/analyze.ts';
import { CORPUS, tempDir } from '../helpers.ts';

const GOOD = '---\ntitle: "小米发布新品"\ndate: 2022-02-08 20:53:15 +0800\n---\n<p>小米集团今日发布新品，雷军表示销量将大幅增长。</p>\n';

// GBK bytes of 小米集团营收增长 (a legacy-encoded Chinese file)
const GBK_BODY = Buffer.from('d0a1c3d7bcafcdc5d3aacad5d4f6b3a4', 'hex');

let dir: string;
let result: AnalyzeResult;
const errorFor = (p: string) => result.errors.find((e) => e.path === p);

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'good.md'), GOOD);
  writeFileSync(path.join(dir, 'empty.md'), '');
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  writeFileSync(path.join(dir, 'bad-yaml.md'), '---\ntitle: "unclosed\ndate: [2022\n---\n<p>正文</p>\n');
  writeFileSync(path.join(dir, 'no-body.md'), '---\ntitle: 只有元数据\ndate: 2022-02-08\n---\n');
  writeFileSync(path.join(dir, 'unterminated.html'), '<html><body><div><p>小米集团发布公告<p>营收增长<span>25%');
  writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 'a'));
  writeFileSync(path.join(dir, 'gbk.txt'), Buffer.concat([Buffer.from('\n\n'), GBK_BODY]));
  symlinkSync(path.join(dir, 'does-not-exist.md'), path.join(dir, 'unreadable.md'));
  writeFileSync(path.join(dir, 'formula.md'), '---\ntitle: "=HYPERLINK(\\"http://evil\\")"\n---\n<p>正文内容。</p>\n');
  mkdirSync(path.join(dir, 'a'));
  mkdirSync(path.join(dir, 'b'));
  copyFileSync(path.join(CORPUS, 'finews/2021-12-08-202112082206672930.md'), path.join(dir, 'a/copy.md'));
  copyFileSync(path.join(CORPUS, 'finews/2021-12-08-202112082206672930.md'), path.join(dir, 'b/copy.md'));
  writeFileSync(path.join(dir, 'feed.jsonl'), [JSON.stringify({ id: 'r1', title: 'A', content: '小米营收增长。', datetime: '2026-06-02T10:47:16+08:00' }), '{not json', JSON.stringify({ id: 'r3', title: 'C' }), JSON.stringify({ id: 'r4', title: 'D', brief: '华为发布新机。' })].join('\n'));
  symlinkSync(dir, path.join(dir, 'a/loop')); // a folder link back to the root must not loop
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, '.hidden/secret.md'), GOOD);
  result = await analyzeDirectory(dir);
});

describe('bad input never stops the run or costs another article', () => {
  it.each([
    ['empty.md', 'empty-file'],
    ['binary.md', 'binary-file'],
    ['bad-yaml.md', 'invalid-front-matter'],
    ['no-body.md', 'empty-body'],
    ['huge.md', 'file-too-large'],
    ['unreadable.md', 'unreadable'],
    ['feed.jsonl#2', 'invalid-json'],
    ['feed.jsonl#3', 'invalid-record'],
  ])('%s fails with code %s and a message', (p, code) => {
    const error = errorFor(p);
    expect(error?.code).toBe(code);
    expect(error!.message.length).toBeGreaterThan(15);
  });

  it('names the YAML problem for invalid front matter', () => {
    expect(errorFor('bad-yaml.md')!.message).toMatch(/YAML/);
  });

  it('analyses every good file, including unterminated HTML and the other feed records', () => {
    const paths = result.articles.map((a) => a.path).sort();
    expect(paths).toEqual(['a/copy.md', 'b/copy.md', 'feed.jsonl#1', 'feed.jsonl#4', 'formula.md', 'gbk.txt', 'good.md', 'unterminated.html']);
    const html = result.articles.find((a) => a.path === 'unterminated.html')!;
    expect(html.text).toBe('小米集团发布公告\n营收增长25%');
  });

  it('decodes a GBK file and records the encoding', () => {
    expect(result.articles.find((a) => a.path === 'gbk.txt')!.text).toBe('小米集团营收增长');
    expect(result.encodings.get('gb18030')).toBe(1);
  });

  it('gives two files with the same id distinct ids and a warning', () => {
    const ids = result.articles.filter((a) => a.path.endsWith('copy.md')).map((a) => a.id);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.filter((id) => id === '202112082206672930')).toHaveLength(1);
    expect(result.warnings.find((w) => w.code === 'duplicate-id')?.path).toBe('b/copy.md');
  });

  it('skips hidden folders', () => {
    expect(result.articles.some((a) => a.path.includes('.hidden'))).toBe(false);
  });

  it('neutralises a title that begins with = in the CSV, exits 2 and still writes the reports', async () => {
    const out = tempDir();
    const printed: string[] = [];
    const code = await analyzeCommand({ input: dir, out, timezone: '+08:00', maxFileBytes: 16 * 1024 * 1024, quiet: false }, { stdout: (s) => printed.push(s), stderr: () => {} });
    expect(code).toBe(2);
    const csv = readFileSync(path.join(out, 'articles.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.counts.failed).toBe(8);
    expect(summary.errors.map((e: { code: string }) => e.code)).toContain('file-too-large');
    expect(printed.join('')).toMatch(/failed: 8/);
  });

  it('analyses a large file when the limit is raised', async () => {
    const big = tempDir();
    writeFileSync(path.join(big, 'big.txt'), Buffer.alloc(3 * 1024 * 1024, '小米集团营收增长。\n'));
    expect((await analyzeDirectory(big, { maxFileBytes: 2 * 1024 * 1024 })).errors[0]?.code).toBe('file-too-large');
    const r = await analyzeDirectory(big, { maxFileBytes: 4 * 1024 * 1024 });
    expect(r.errors).toEqual([]);
    expect(r.articles[0]!.text.length).toBeGreaterThan(1_000_000);
  });
});

describe('usage errors', () => {
  it('rejects a missing input folder with what to do', async () => {
    await expect(analyzeCommand({ input: '/no/such/folder', out: tempDir(), timezone: '+08:00', maxFileBytes: 1e6, quiet: true }, { stdout: () => {}, stderr: () => {} })).rejects.toThrow(UsageError);
  });

  it('rejects an output folder that cannot be written', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(analyzeCommand({ input: CORPUS, out: path.join(file, 'reports'), timezone: '+08:00', maxFileBytes: 1e6, quiet: true }, { stdout: () => {}, stderr: () => {} })).rejects.toThrow(/--out/);
  });
});

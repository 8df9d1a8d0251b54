import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Span } from '../../src/doc/types.ts';
import { analyzeCommand } from '../../src/commands/analyze.ts';
import { COLUMNS } from '../../src/report/rows.ts';
import { REPORT_FILES } from '../../src/report/write.ts';
import { CORPUS, tempDir } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const options = (out: string) => ({ input: CORPUS, out, timezone: '+08:00', maxFileBytes: 16 * 1024 * 1024, quiet: true });
const io = { stdout: () => {}, stderr: () => {} };

let first: string;
let second: string;
let articles: Article[];

beforeAll(async () => {
  first = tempDir();
  second = tempDir();
  expect(await analyzeCommand(options(first), io)).toBe(0);
  expect(await analyzeCommand(options(second), io)).toBe(0);
  articles = readFileSync(path.join(first, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Article);
});

describe('analyze on real corpus articles', () => {
  it('writes every file of the contract', () => {
    for (const name of REPORT_FILES) expect(readFileSync(path.join(first, name)).length).toBeGreaterThan(0);
  });

  it('reads every fixture, sorted by id, with the Article fields of the contract', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    const ids = articles.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'path', 'title', 'publishedAt', 'source', 'url', 'categories', 'tags', 'language', 'tickers', 'text', 'sentences', 'sentiment', 'entities', 'claims', 'quotes']));
      expect(a.publishedAt === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(a.publishedAt)).toBe(true);
      expect(['zh', 'en']).toContain(a.language);
      expect(a.sentences.length).toBeGreaterThan(0);
    }
    expect(articles.find((a) => a.path === 'finews/2022-02-08-NW202202082270036781.md')?.id).toBe('NW202202082270036781');
    expect(articles.find((a) => a.path.startsWith('reuters/'))?.language).toBe('en');
  });

  it('keeps every offset true: text.slice(start, end) === span.text', () => {
    const check = (a: Article, s: Span) => expect(a.text.slice(s.start, s.end)).toBe(s.text);
    for (const a of articles) {
      for (const s of a.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(a.text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
      for (const e of a.entities) for (const m of e.mentions) check(a, m);
      for (const c of a.claims) check(a, c);
      for (const q of a.quotes) check(a, q);
      for (const ev of a.sentiment.evidence) check(a, ev);
    }
    // every sentence of every article was checked above; spans are checked as the extraction stages add them
    expect(articles.reduce((n, a) => n + a.sentences.length, 0)).toBeGreaterThan(100);
  });

  it('writes CSV files that open with BOM and header, one articles row per article', () => {
    for (const [name, columns] of Object.entries(COLUMNS)) {
      const csv = readFileSync(path.join(first, `${name}.csv`), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(csv.slice(1)) as string[][];
      expect(rows[0]).toEqual([...columns]);
      expect(rows[0]!.slice(0, 4)).toEqual(['id', 'path', 'title', 'publishedAt']);
    }
    const rows = parse(readFileSync(path.join(first, 'articles.csv'), 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id)).toEqual(articles.map((a) => a.id));
    // one row per item, whatever line breaks the text holds
    const count = (name: string) => (parse(readFileSync(path.join(first, `${name}.csv`), 'utf8').slice(1), { columns: true }) as unknown[]).length;
    expect(count('quotes')).toBe(articles.reduce((n, a) => n + a.quotes.length, 0));
    expect(count('claims')).toBe(articles.reduce((n, a) => n + a.claims.length, 0));
    expect(count('mentions')).toBe(articles.reduce((n, a) => n + a.entities.reduce((m, e) => m + e.mentions.length, 0), 0));
    expect(count('sentences')).toBe(articles.reduce((n, a) => n + a.sentences.length, 0));
  });

  it('gives byte-identical files for the same input, apart from the run block of summary.json', () => {
    for (const name of REPORT_FILES) {
      if (name === 'summary.json') continue;
      expect(readFileSync(path.join(first, name)).equals(readFileSync(path.join(second, name)))).toBe(true);
    }
    const strip = (dir: string) => {
      const s = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
      delete s.run;
      return JSON.stringify(s);
    };
    expect(strip(first)).toBe(strip(second));
  });

  it('rolls up counts, timeline and encodings in summary.json', () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8'));
    expect(summary.schemaVersion).toBe('1.1.0');
    const duplicates = articles.filter((a) => a.duplicateOf).length;
    expect(duplicates).toBe(2); // the Traditional copy and the edited repost (tests/corpus/links.test.ts)
    expect(summary.counts).toMatchObject({ articles: articles.length, failed: 0, duplicates });
    // republications are left out of the timeline
    expect(summary.timeline.reduce((n: number, t: { articles: number }) => n + t.articles, 0)).toBe(articles.filter((a) => a.publishedAt && !a.duplicateOf).length);
    expect(summary.encodings['utf-8']).toBeGreaterThan(0);
    expect(summary.run).toMatchObject({ tool: 'stratlens', input: CORPUS });
  });
});

describe('the stratlens command', () => {
  const bin = path.join(ROOT, 'bin/stratlens.js');

  it('analyses a folder, prints the summary on stdout and exits 0', () => {
    const out = tempDir();
    const stdout = execFileSync('node', [bin, 'analyze', path.join(CORPUS, 'finews'), '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/analysed 7 articles from 7 files/);
    expect(stdout).toContain(out);
  });

  it('exits 1 with a message for a bad option or a missing folder', () => {
    const bad = spawnSync('node', [bin, 'analyze', CORPUS, '--timezone', 'Beijing'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--timezone "Beijing" is not an offset/);
    const missing = spawnSync('node', [bin, 'analyze', '/no/such/dir'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(missing.stdout).toBe('');
  });
});

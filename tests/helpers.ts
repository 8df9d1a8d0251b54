import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ingestFile } from '../src/ingest/index.ts';
import type { Doc } from '../src/doc/types.ts';

/** The folder of real corpus articles copied for tests. */
export const CORPUS = fileURLToPath(new URL('./fixtures/corpus', import.meta.url));

/** A fresh temporary folder. */
export function tempDir(prefix = 'stratlens-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every report file of `dir`, with summary.json's run block (times, input) taken out. */
export function reportFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => !n.startsWith('.')).sort()) {
    let content = readFileSync(path.join(dir, name), 'utf8');
    if (name === 'summary.json') {
      const summary = JSON.parse(content) as { run?: unknown };
      delete summary.run;
      content = JSON.stringify(summary, null, 2);
    }
    files.set(name, content);
  }
  return files;
}

/** Expects the same report files in `a` and `b` (report.html left out when `html` is false). */
export function expectSameReports(a: string, b: string, { html = true } = {}): void {
  const x = reportFiles(a);
  const y = reportFiles(b);
  if (!html) {
    x.delete('report.html');
    y.delete('report.html');
  }
  expect([...y.keys()]).toEqual([...x.keys()]);
  for (const [name, content] of x) expect(y.get(name), name).toBe(content);
}

/** Ingests one fixture file (relative to the corpus folder) and returns its documents; fails on errors. */
export async function ingestFixture(relPath: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const r of ingestFile({ relPath, absPath: path.join(CORPUS, relPath), sniff: false })) {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    docs.push(r.doc);
  }
  return docs;
}

/** A document built from a string: paragraphs split at line breaks, language by script. */
export function docFrom(text: string, meta: Partial<import('../src/doc/types.ts').DocMeta> = {}): Doc {
  const blocks: Array<{ start: number; end: number; kind: 'p' }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line) blocks.push({ start: at, end: at + line.length, kind: 'p' });
    at += line.length + 1;
  }
  return {
    text,
    blocks,
    meta: { id: 't', path: 't.md', title: '', publishedAt: '2022-02-08T20:53:15+08:00', source: null, url: null, categories: [], tags: [], language: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en', tickers: [], encoding: 'utf-8', ...meta },
  };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Article } from '../doc/types.ts';
import { toCsv, type Cell } from './csv.ts';
import { HtmlReportBuilder, sourceBaseFor } from './html.ts';
import { articleRows, COLUMNS, type CsvName } from './rows.ts';
import type { Summary } from './summary.ts';

/** The files a run writes, relative to the output folder. */
export const REPORT_FILES = ['articles.jsonl', 'summary.json', 'articles.csv', 'entities.csv', 'mentions.csv', 'claims.csv', 'quotes.csv', 'sentences.csv', 'report.html'] as const;

/** Checks that the output folder can be created and written; throws a usage-level error otherwise. */
export async function ensureWritableDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const probe = path.join(dir, `.stratlens-write-test-${process.pid}`);
  await fs.writeFile(probe, '');
  await fs.rm(probe);
}

async function writeAtomic(file: string, content: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, content, 'utf8');
  await fs.rename(tmp, file);
}

/** Article JSON as published: the internal `messages` are kept, everything in contract order. */
export function articleJson(a: Article): string {
  return JSON.stringify(a);
}

/**
 * Writes every report of the contract into `dir`. Articles must already be
 * sorted by id; each file is written to a temporary name and renamed, so a
 * crash never leaves a half-written report behind.
 */
export async function writeReports(dir: string, articles: readonly Article[], summary: Summary): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const rows = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, [] as Cell[][]])) as Record<CsvName, Cell[][]>;
  const lines: string[] = [];
  const html = new HtmlReportBuilder({ sourceBase: sourceBaseFor(dir, summary.run.input) });
  for (const a of articles) {
    lines.push(articleJson(a));
    html.add(a);
    const r = articleRows(a);
    for (const name of Object.keys(rows) as CsvName[]) rows[name].push(...r[name]);
  }
  const written: string[] = [];
  const put = async (name: string, content: string) => {
    await writeAtomic(path.join(dir, name), content);
    written.push(name);
  };
  await put('articles.jsonl', lines.length ? `${lines.join('\n')}\n` : '');
  for (const name of Object.keys(COLUMNS) as CsvName[]) await put(`${name}.csv`, toCsv(COLUMNS[name], rows[name]));
  await put('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  await put('report.html', html.render(summary));
  return written;
}

import { promises as fs, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Block, Doc } from '../doc/types.ts';
import { decodeBytes, normalizeLineEndings } from './decode.ts';
import { IngestError, type ArticleError, type ArticleWarning } from './errors.ts';
import { parseFeedRecord, parsePlainText, parsePost, type RawArticle } from './formats.ts';
import { detectLanguage } from './language.ts';
import { idFromPath } from './identity.ts';
import { inlineTickers } from './tickers.ts';
import type { FoundFile } from './walk.ts';

export { findArticleFiles, type FoundFile } from './walk.ts';
export type { ArticleError, ArticleWarning } from './errors.ts';

export interface IngestOptions {
  /** offset assumed when a date carries none, e.g. +08:00 */
  defaultOffset: string;
  /** files larger than this are refused with `file-too-large` (feeds are streamed and exempt) */
  maxFileBytes: number;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { defaultOffset: '+08:00', maxFileBytes: 16 * 1024 * 1024 };

export type IngestResult =
  | { ok: true; doc: Doc; warnings: ArticleWarning[] }
  | { ok: false; error: ArticleError };

/** Joins paragraphs with "\n" and records where each one stands. */
function assemble(raw: RawArticle): { text: string; blocks: Block[] } {
  if (raw.verbatimText !== undefined) {
    const blocks: Block[] = [];
    let offset = 0;
    for (const line of raw.verbatimText.split('\n')) {
      if (line.trim()) blocks.push({ start: offset, end: offset + line.length, kind: 'p' });
      offset += line.length + 1;
    }
    return { text: raw.verbatimText, blocks };
  }
  const blocks: Block[] = [];
  let text = '';
  for (const p of raw.paragraphs) {
    if (text) text += '\n';
    blocks.push({ start: text.length, end: text.length + p.text.length, kind: p.block });
    text += p.text;
  }
  return { text, blocks };
}

/** Builds the read-only document from what a format parser found. */
export function buildDoc(raw: RawArticle, relPath: string, encoding: string): { doc: Doc; warnings: ArticleWarning[] } {
  const { text, blocks } = assemble(raw);
  if (!text.trim()) throw new IngestError('empty-body', 'The article has no body text after cleaning (front matter only, or only images and links); add the body or remove the file');
  const warnings: ArticleWarning[] = [];
  if (raw.dateText) warnings.push({ path: relPath, code: 'unknown-date', message: `Could not read the date "${raw.dateText}"; publishedAt is null. Write it as ISO 8601, e.g. 2022-02-08 20:53:15 +0800` });
  const stem = path.posix.basename(relPath).replace(/\.[^.]+$/, '');
  const doc: Doc = {
    text,
    blocks,
    meta: {
      id: raw.sourceId ?? idFromPath(relPath),
      path: relPath,
      title: raw.title || stem,
      publishedAt: raw.publishedAt,
      source: raw.source,
      url: raw.url,
      categories: raw.categories,
      tags: raw.tags,
      language: detectLanguage(text),
      tickers: [...new Set([...raw.tickers, ...inlineTickers(text).map((t) => t.ticker)])].sort(),
      encoding,
    },
  };
  return { doc, warnings };
}

function failure(relPath: string, error: unknown): IngestResult {
  if (error instanceof IngestError) return { ok: false, error: { path: relPath, code: error.code, message: error.message } };
  return { ok: false, error: { path: relPath, code: 'internal-error', message: `Unexpected error while reading this file: ${(error as Error).message}` } };
}

async function* readFeed(file: FoundFile, options: IngestOptions): AsyncGenerator<IngestResult> {
  const lines = file.content
    ? Buffer.from(file.content).toString('utf8').split(/\r?\n/)
    : createInterface({ input: createReadStream(file.absPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const rawLine of lines) {
    n++;
    const line = n === 1 ? rawLine.replace(/^\ufeff/, '') : rawLine;
    if (!line.trim()) continue;
    const relPath = `${file.relPath}#${n}`;
    if (line.length > options.maxFileBytes) {
      yield { ok: false, error: { path: relPath, code: 'file-too-large', message: `This feed record is longer than the ${options.maxFileBytes}-byte limit; raise --max-file-size to analyse it` } };
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield { ok: false, error: { path: relPath, code: 'invalid-json', message: `Line ${n} is not valid JSON (${(error as Error).message}); each line of a .jsonl feed must be one JSON object` } };
      continue;
    }
    try {
      const raw = parseFeedRecord(record, options.defaultOffset);
      yield { ok: true, ...buildDoc(raw, relPath, 'utf-8') };
    } catch (error) {
      if (error instanceof IngestError) yield failure(relPath, error);
      else yield { ok: false, error: { path: relPath, code: 'invalid-record', message: `Feed record on line ${n} cannot be used: ${(error as Error).message}` } };
    }
  }
}

/**
 * Reads one file into documents (one, or one per feed record) or errors.
 * Never throws: every problem becomes an error naming the file and the fix.
 */
export async function* ingestFile(file: FoundFile, options: IngestOptions = DEFAULT_INGEST_OPTIONS): AsyncGenerator<IngestResult> {
  const ext = path.extname(file.relPath).toLowerCase();
  try {
    const size = file.content ? file.content.byteLength : (await fs.stat(file.absPath)).size;
    if (ext === '.jsonl') {
      yield* readFeed(file, options);
      return;
    }
    if (size > options.maxFileBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      throw new IngestError('file-too-large', `The file is ${mb(size)} MB, over the ${mb(options.maxFileBytes)} MB limit for one article; split it, or raise the limit with --max-file-size`);
    }
    let bytes: Buffer;
    try {
      bytes = file.content ? Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength) : await fs.readFile(file.absPath);
    } catch (error) {
      throw new IngestError('unreadable', `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check its permissions`);
    }
    const decoded = decodeBytes(bytes);
    if ('code' in decoded) {
      // A file with no extension is only a candidate: if it is not text, it is not an article.
      // Binary bytes without a NUL byte often fail as undecodable rather than binary-file.
      if (file.sniff && (decoded.code === 'binary-file' || decoded.code === 'undecodable')) return;
      throw new IngestError(decoded.code, decoded.message);
    }
    const text = normalizeLineEndings(decoded.text);
    if (!text.trim()) throw new IngestError('empty-file', 'The file holds only white space');
    let raw: RawArticle;
    if (ext === '.html' || ext === '.htm') raw = parsePost(text, options.defaultOffset, true);
    else if (ext === '.txt' || ext === '') raw = /^\s*---[ \t]*\n/.test(text) ? parsePost(text, options.defaultOffset, false) : parsePlainText(text, options.defaultOffset);
    else raw = parsePost(text, options.defaultOffset, false);
    yield { ok: true, ...buildDoc(raw, file.relPath, decoded.encoding) };
  } catch (error) {
    yield failure(file.relPath, error);
  }
}

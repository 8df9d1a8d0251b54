import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from './analyze.ts';
import type { IngestOptions } from '../ingest/index.ts';
import { ARTICLE_EXTENSIONS, findArticleFiles, type FoundFile } from '../ingest/walk.ts';
import { ResultCache } from '../run/cache.ts';
import { defaultWorkers, emptyMapStats, mapFiles } from '../run/map.ts';
import type { ErrorRecord } from '../run/records.ts';
import { writeInTurn } from '../run/report-files.ts';

export interface MapCommandOptions {
  /** folders or files, their articles' paths written relative to `base` */
  paths: string[];
  /** the folder paths are relative to (default: the current folder), so shards mapped apart agree on paths */
  base?: string;
  /** read JSONL of {path, content} from stdin instead */
  stdin: boolean;
  ingest: IngestOptions;
  workers?: number;
  cacheDir: string | null;
}

const record = (r: ErrorRecord): string => `${JSON.stringify(r)}\n`;

/** `p` relative to `base`, with forward slashes (the form article paths take). */
const relativeTo = (base: string, p: string): string => path.relative(base, path.resolve(p)).split(path.sep).join('/');

/**
 * The files named on the command line, with paths relative to `base`: the
 * articles below a folder, as analyze walks it, or a file itself. A file
 * with an extension that is not an article's is skipped, as the walk skips it.
 */
async function filesOf(paths: readonly string[], base: string, errors: string[]): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) throw new UsageError(`"${p}" does not exist. Give folders or files of articles`);
    if (stat.isDirectory()) {
      const prefix = relativeTo(base, p);
      const under = (rel: string) => (prefix && prefix !== '.' ? `${prefix}/${rel}` : rel);
      const found = await findArticleFiles(p);
      files.push(...found.files.map((f) => ({ ...f, relPath: under(f.relPath) })));
      for (const problem of found.problems) errors.push(record({ record: 'error', path: under(problem.relPath), code: problem.code, message: problem.message }));
    } else {
      const ext = path.extname(p).toLowerCase();
      if (ext && !ARTICLE_EXTENSIONS.has(ext)) continue;
      files.push({ relPath: relativeTo(base, p), absPath: path.resolve(p), sniff: ext === '' });
    }
  }
  return files;
}

/** Articles given on stdin as JSONL of {"path": "…", "content": "…"} (content as text). */
async function filesFromStdin(stdin: Readable, errors: string[]): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  let n = 0;
  for await (const line of createInterface({ input: stdin, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    let value: { path?: unknown; content?: unknown };
    try {
      value = JSON.parse(line) as { path?: unknown; content?: unknown };
    } catch (error) {
      errors.push(record({ record: 'error', path: `stdin#${n}`, code: 'invalid-json', message: `Input line ${n} is not JSON (${(error as Error).message}); give one {"path", "content"} object a line` }));
      continue;
    }
    if (typeof value.path !== 'string' || typeof value.content !== 'string') {
      errors.push(record({ record: 'error', path: `stdin#${n}`, code: 'invalid-record', message: `Input line ${n} needs a string "path" and a string "content"` }));
      continue;
    }
    files.push({ relPath: value.path, absPath: value.path, sniff: path.extname(value.path) === '', content: Buffer.from(value.content, 'utf8') });
  }
  return files;
}

/**
 * `stratlens map`: shard records on stdout, one a line, in input order.
 * Exit status 0, or 2 when some files failed (their error records are in the output).
 */
export async function mapCommand(options: MapCommandOptions, out: Writable = process.stdout, stdin: Readable = process.stdin): Promise<number> {
  // waits when the reader is slower than the analysis, so nothing piles up in memory
  const write = (text: string) => writeInTurn(out, text);
  const errors: string[] = [];
  const files = options.stdin ? await filesFromStdin(stdin, errors) : await filesOf(options.paths.length ? options.paths : ['.'], options.base ?? process.cwd(), errors);
  for (const e of errors) await write(e);
  const stats = emptyMapStats();
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, { ...options.ingest }) : null;
  for await (const result of mapFiles(files, { ingest: options.ingest, workers: options.workers ?? defaultWorkers(files.length), cache }, stats)) {
    await write(result.lines.map((l) => `${l}\n`).join(''));
  }
  return errors.length + stats.failed > 0 ? 2 : 0;
}

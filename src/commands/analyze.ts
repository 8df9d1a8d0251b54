import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Progress } from '../analyze.ts';
import { ensureWritableDir } from '../report/write.ts';
import { summaryText } from '../cli/summary-text.ts';
import { TOOL } from '../version.ts';
import { analyzeCorpus } from '../run/analyze-corpus.ts';

export interface AnalyzeCommandOptions {
  input: string;
  out: string;
  timezone: string;
  maxFileBytes: number;
  quiet: boolean;
  /** worker threads; undefined: every core but one, as the folder's size warrants */
  workers?: number;
  /** the cache folder; null or absent: no cache (the CLI passes <out>/.stratlens-cache unless --no-cache) */
  cacheDir?: string | null;
}

/** Where the cache lives unless --cache-dir says otherwise: beside the reports. */
export const defaultCacheDir = (out: string): string => path.join(out, '.stratlens-cache');

export interface CommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  progress?: { update(p: Progress): void; done(): void };
}

/** A mistake in how the command was called: exit status 1, with what to do. */
export class UsageError extends Error {}

/**
 * `stratlens analyze`: reads the folder, writes every report, prints the
 * summary. Returns the exit status: 0 all analysed, 2 some files failed.
 */
export async function analyzeCommand(options: AnalyzeCommandOptions, io: CommandIO): Promise<number> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const stat = await fs.stat(options.input).catch(() => null);
  if (!stat) throw new UsageError(`Input folder "${options.input}" does not exist. Give a folder of articles: stratlens analyze <folder> [--out reports]`);
  if (!stat.isDirectory()) throw new UsageError(`Input "${options.input}" is a file, not a folder. Put the articles in a folder and pass the folder`);
  try {
    await ensureWritableDir(options.out);
  } catch (error) {
    throw new UsageError(`Cannot write to output folder "${options.out}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another with --out <folder>`);
  }
  const { summary, written } = await analyzeCorpus({
    input: options.input,
    out: options.out,
    ingest: { defaultOffset: options.timezone, maxFileBytes: options.maxFileBytes },
    workers: options.workers,
    cacheDir: options.cacheDir ?? null,
    onProgress: io.progress ? (p: Progress) => io.progress!.update(p) : undefined,
    started,
    run: {
      startedAt,
      tool: TOOL.name,
      version: TOOL.version,
      input: options.input,
      options: { out: options.out, timezone: options.timezone, maxFileBytes: options.maxFileBytes },
    },
  });
  io.progress?.done();
  const rel = path.relative(process.cwd(), options.out);
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(options.out) : rel;
  if (!options.quiet) io.stdout(summaryText(summary, shown, written));
  return summary.counts.failed > 0 ? 2 : 0;
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzeDirectory, type Progress } from '../analyze.ts';
import { buildSummary } from '../report/summary.ts';
import { ensureWritableDir, writeReports } from '../report/write.ts';
import { summaryText } from '../cli/summary-text.ts';
import { TOOL } from '../version.ts';
import { sentimentResources } from '../stages/sentiment.ts';

export interface AnalyzeCommandOptions {
  input: string;
  out: string;
  timezone: string;
  maxFileBytes: number;
  quiet: boolean;
}

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
  const result = await analyzeDirectory(options.input, {
    defaultOffset: options.timezone,
    maxFileBytes: options.maxFileBytes,
    onProgress: io.progress ? (p) => io.progress!.update(p) : undefined,
  });
  io.progress?.done();
  const summary = buildSummary({
    articles: result.articles,
    files: result.files,
    errors: result.errors,
    warnings: result.warnings,
    encodings: result.encodings,
    entityBands: { positive: sentimentResources().calibration.entityPositiveBand, negative: sentimentResources().calibration.entityNegativeBand },
    run: {
      startedAt,
      durationMs: Date.now() - started,
      tool: TOOL.name,
      version: TOOL.version,
      input: options.input,
      options: { out: options.out, timezone: options.timezone, maxFileBytes: options.maxFileBytes },
    },
  });
  const written = await writeReports(options.out, result.articles, summary);
  const rel = path.relative(process.cwd(), options.out);
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(options.out) : rel;
  if (!options.quiet) io.stdout(summaryText(summary, shown, written));
  return result.errors.length > 0 ? 2 : 0;
}

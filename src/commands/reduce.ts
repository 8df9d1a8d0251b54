import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { CommandIO } from './analyze.ts';
import { UsageError } from './analyze.ts';
import { summaryText } from '../cli/summary-text.ts';
import { ensureWritableDir } from '../report/write.ts';
import { entityBands } from '../run/analyze-corpus.ts';
import { reduceShards } from '../run/reduce.ts';
import { ShardError } from '../run/records.ts';
import { TOOL } from '../version.ts';

export interface ReduceCommandOptions {
  shards: string[];
  out: string;
  /** the folder the shards' article paths are relative to (map's --base), for links in report.html */
  source?: string;
  quiet: boolean;
}

/**
 * `stratlens reduce`: every report from the shards of map runs. Exit status
 * 0, or 2 when the shards record failed files (the reports are still written).
 */
export async function reduceCommand(options: ReduceCommandOptions, io: CommandIO): Promise<number> {
  const started = Date.now();
  for (const shard of options.shards) {
    const stat = await fs.stat(shard).catch(() => null);
    if (!stat?.isFile()) throw new UsageError(`Shard "${shard}" is not a file. Give the JSONL files stratlens map wrote`);
  }
  try {
    await ensureWritableDir(options.out);
  } catch (error) {
    throw new UsageError(`Cannot write to output folder "${options.out}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another with --out <folder>`);
  }
  if (options.source !== undefined) {
    const stat = await fs.stat(options.source).catch(() => null);
    if (!stat?.isDirectory()) throw new UsageError(`--source "${options.source}" is not a folder. Give the folder map's paths are relative to (its --base)`);
  }
  let result;
  try {
    result = await reduceShards(options.shards, options.out, {
      started,
      entityBands: entityBands(),
      source: options.source,
      run: { startedAt: new Date(started).toISOString(), tool: TOOL.name, version: TOOL.version, input: options.shards.join(' '), options: { out: options.out } },
    });
  } catch (error) {
    // a shard that is not map output is the caller's to fix, not a crash
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
  const rel = path.relative(process.cwd(), options.out) || '.';
  if (!options.quiet) io.stdout(summaryText(result.summary, rel, result.written));
  return result.summary.counts.failed > 0 ? 2 : 0;
}

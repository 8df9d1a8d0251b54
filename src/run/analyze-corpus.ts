/**
 * `stratlens analyze` as map and reduce on one machine: the folder's files
 * are mapped (in parallel, through the cache) into a temporary shard beside
 * the reports, and the shard is reduced into the reports. Memory stays flat
 * however large the folder: articles pass through, only their index stays.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Progress } from '../analyze.ts';
import { findArticleFiles, type IngestOptions } from '../ingest/index.ts';
import type { RunInfo } from '../report/summary.ts';
import { sentimentResources } from '../stages/sentiment.ts';
import { ResultCache, type CacheStats } from './cache.ts';
import { defaultWorkers, emptyMapStats, mapFiles, type MapStats } from './map.ts';
import { reduceShards, type ReduceResult } from './reduce.ts';
import type { ErrorRecord } from './records.ts';

export interface CorpusRunOptions {
  input: string;
  out: string;
  ingest: IngestOptions;
  /** worker threads; undefined picks {@link defaultWorkers} */
  workers?: number;
  /** the cache folder, or null for no cache */
  cacheDir: string | null;
  onProgress?: (p: Progress) => void;
  run: Omit<RunInfo, 'durationMs'>;
  started: number;
}

export interface CorpusRunResult extends ReduceResult {
  map: MapStats;
  cache: CacheStats | null;
}

/** The entity sentiment bands the summary labels entities with (those of the sentiment stage). */
export function entityBands(): { positive: number; negative: number } {
  const { calibration } = sentimentResources();
  return { positive: calibration.entityPositiveBand, negative: calibration.entityNegativeBand };
}

export async function analyzeCorpus(options: CorpusRunOptions): Promise<CorpusRunResult> {
  const { files, problems } = await findArticleFiles(options.input);
  await fs.mkdir(options.out, { recursive: true });
  const shard = path.join(options.out, `.stratlens-map-${process.pid}.jsonl`);
  const out = createWriteStream(shard, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, { ...options.ingest }) : null;
  const stats = emptyMapStats();
  try {
    for (const p of problems) await write(`${JSON.stringify({ record: 'error', path: p.relPath, code: p.code, message: p.message } satisfies ErrorRecord)}\n`);
    const mapped = mapFiles(files, { ingest: options.ingest, workers: options.workers ?? defaultWorkers(files.length), cache, onProgress: options.onProgress }, stats);
    for await (const result of mapped) await write(result.lines.map((l) => `${l}\n`).join(''));
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
    const reduced = await reduceShards([shard], options.out, { run: options.run, started: options.started, entityBands: entityBands() });
    return { ...reduced, map: stats, cache: cache?.stats ?? null };
  } finally {
    out.destroy();
    await fs.rm(shard, { force: true });
  }
}

/**
 * `stratlens analyze` as map and reduce on one machine: the folder's files
 * are mapped (in parallel, through the cache) into a temporary shard beside
 * the reports, and the shard is reduced into the reports. Memory stays flat
 * however large the folder: articles pass through, only their index stays.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Progress } from '../analyze.ts';
import type { IngestOptions } from '../ingest/index.ts';
import { findArticleFiles, type FoundFile } from '../ingest/walk.ts';
import type { RunInfo, Summary } from '../report/summary.ts';
import { loadCalibration } from '../sentiment/calibration.ts';
import { analysisFingerprint, ResultCache, type CacheStats } from './cache.ts';
import { defaultWorkers, emptyMapStats, mapFiles, type MapStats } from './map.ts';
import { reduceShards, type ReduceResult } from './reduce.ts';
import { firstPassLines, type ErrorRecord } from './records.ts';
import { writeInTurn } from './report-files.ts';

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
  /** sample RSS by stage while workers analyse (MapOptions.stageRss; the benchmark) */
  stageRss?: boolean;
}

export interface CorpusRunResult extends ReduceResult {
  map: MapStats;
  cache: CacheStats | null;
  /** true when the reports were already those of this corpus, and only summary.json's run block was written */
  upToDate: boolean;
}

/** Where a run records which corpus its reports were built from, for the next run to check. */
const MANIFEST = '.stratlens-manifest.json';

interface Manifest {
  corpus: string;
  reports: Record<string, { size: number; mtimeMs: number }>;
}

/**
 * A key for the whole input: the analysis fingerprint, the options, every
 * file's path and content hash, and the walk's problems. Reading and hashing
 * the files costs a small part of analysing them.
 */
async function corpusKey(files: readonly FoundFile[], problems: ReadonlyArray<{ relPath: string; code: string }>, options: IngestOptions): Promise<string> {
  const hashes: string[] = new Array(files.length);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const k = next++;
      const bytes = await fs.readFile(files[k]!.absPath).catch(() => null);
      hashes[k] = bytes ? createHash('sha256').update(bytes).digest('hex') : 'unreadable';
    }
  };
  await Promise.all(Array.from({ length: 16 }, reader));
  const hash = createHash('sha256').update(analysisFingerprint()).update(JSON.stringify(options));
  files.forEach((f, k) => hash.update(`\0${f.relPath}\0${hashes[k]}`));
  for (const p of problems) hash.update(`\0!${p.relPath}\0${p.code}`);
  return hash.digest('hex');
}

async function reportStamps(out: string, names: readonly string[]): Promise<Manifest['reports'] | null> {
  const stamps: Manifest['reports'] = {};
  for (const name of names) {
    const stat = await fs.stat(path.join(out, name)).catch(() => null);
    if (!stat) return null;
    stamps[name] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  return stamps;
}

/**
 * When the folder's reports were built from this very corpus and are as that
 * run left them, they are kept, and only summary.json's run block is brought
 * up to date. Returns the summary then, else null.
 */
async function reportsUpToDate(out: string, key: string, run: RunInfo): Promise<{ summary: Summary; written: string[] } | null> {
  const manifest = (await fs.readFile(path.join(out, MANIFEST), 'utf8').then((t) => JSON.parse(t) as Manifest).catch(() => null)) ?? null;
  if (!manifest || manifest.corpus !== key) return null;
  const names = Object.keys(manifest.reports);
  const stamps = await reportStamps(out, names);
  if (!stamps || names.some((n) => stamps[n]!.size !== manifest.reports[n]!.size || stamps[n]!.mtimeMs !== manifest.reports[n]!.mtimeMs)) return null;
  const summary = JSON.parse(await fs.readFile(path.join(out, 'summary.json'), 'utf8')) as Summary;
  summary.run = run;
  const tmp = path.join(out, `summary.json.tmp-${process.pid}`);
  await fs.writeFile(tmp, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
  await fs.rename(tmp, path.join(out, 'summary.json'));
  await writeManifest(out, key, names);
  return { summary, written: names };
}

async function writeManifest(out: string, key: string, names: readonly string[]): Promise<void> {
  const reports = await reportStamps(out, names);
  if (!reports) return;
  await fs.writeFile(path.join(out, MANIFEST), `${JSON.stringify({ corpus: key, reports } satisfies Manifest, null, 2)}\n`, 'utf8');
}

/** The entity sentiment bands the summary labels entities with (those of the sentiment stage). */
export function entityBands(): { positive: number; negative: number } {
  const calibration = loadCalibration();
  return { positive: calibration.entityPositiveBand, negative: calibration.entityNegativeBand };
}

export async function analyzeCorpus(options: CorpusRunOptions): Promise<CorpusRunResult> {
  const { files, problems } = await findArticleFiles(options.input);
  await fs.mkdir(options.out, { recursive: true });
  // With the cache on, an unchanged corpus whose reports are untouched is not even reduced again.
  const key = options.cacheDir ? await corpusKey(files, problems, options.ingest) : null;
  if (key) {
    const fresh = await reportsUpToDate(options.out, key, { ...options.run, durationMs: Date.now() - options.started });
    if (fresh) return { ...fresh, map: { ...emptyMapStats(), files: files.length, articles: fresh.summary.counts.articles, failed: fresh.summary.counts.failed }, cache: { hits: files.length, misses: 0 }, upToDate: true, writerThread: false };
  }
  await fs.rm(path.join(options.out, MANIFEST), { force: true });
  const shard = path.join(options.out, `.stratlens-map-${process.pid}.jsonl`);
  const out = createWriteStream(shard);
  // a shard that cannot be written (a full disk) fails the run with its name, not the process
  let shardFailure: Error | null = null;
  out.on('error', (error) => {
    shardFailure ??= new Error(`cannot write the run's temporary shard ${shard}: ${error.message}`);
    out.emit('drain');
  });
  // What the reduce's first pass needs of each line (an article's id, path, place and link fields) is written
  // beside the shard as the calling thread writes it, while the workers analyse: the first pass then reads a
  // file a fifth of the shard's size instead of the shard. Nothing of it is held in memory meanwhile.
  const firstPass = path.join(options.out, `.stratlens-map-${process.pid}.first-pass.jsonl`);
  const passOut = createWriteStream(firstPass);
  let passUsable = true;
  // a first-pass file that cannot be written is given up, and the first pass reads the shard
  passOut.on('error', () => {
    passUsable = false;
    passOut.emit('drain');
  });
  let offset = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    const pass = passUsable ? firstPassLines(bytes, offset) : null;
    if (pass === null) passUsable = false;
    else await writeInTurn(passOut, pass);
    offset += bytes.length;
    if (shardFailure) throw shardFailure;
    await writeInTurn(out, bytes);
    if (shardFailure) throw shardFailure;
  };
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, { ...options.ingest }) : null;
  const stats = emptyMapStats();
  try {
    for (const p of problems) await write(`${JSON.stringify({ record: 'error', path: p.relPath, code: p.code, message: p.message } satisfies ErrorRecord)}\n`);
    const mapped = mapFiles(files, { ingest: options.ingest, workers: options.workers ?? defaultWorkers(files.length), cache, onProgress: options.onProgress, stageRss: options.stageRss }, stats);
    for await (const result of mapped) await write(result.lines.map((l) => `${l}\n`).join(''));
    await new Promise<void>((resolve) => out.end(() => resolve()));
    if (shardFailure) throw shardFailure;
    await new Promise<void>((resolve) => passOut.end(() => resolve()));
    const reduced = await reduceShards([shard], options.out, {
      run: options.run,
      started: options.started,
      entityBands: entityBands(),
      source: options.input,
      firstPass: [passUsable ? firstPass : null],
    });
    if (key) await writeManifest(options.out, key, reduced.written);
    return { ...reduced, map: stats, cache: cache?.stats ?? null, upToDate: false };
  } finally {
    out.destroy();
    passOut.destroy();
    // a temporary file that cannot be removed is left: the error that stopped the run, if any, is the one to report
    await fs.rm(shard, { force: true }).catch(() => undefined);
    await fs.rm(firstPass, { force: true }).catch(() => undefined);
  }
}

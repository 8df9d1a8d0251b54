/**
 * The map side of a run: files in, shard lines out, in input order. Files are
 * analysed on the main thread or on a pool of worker threads (piscina), a few
 * files ahead of the one being written so reads and analysis overlap; an
 * unchanged file comes from the cache instead.
 */
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Progress } from '../analyze.ts';
import type { FoundFile, IngestOptions } from '../ingest/index.ts';
import type { Pipeline, StageTimings } from '../pipeline/runner.ts';
import type { FileResult } from './analyze-file.ts';
import type { ResultCache } from './cache.ts';
import type { ErrorRecord, FileRecord } from './records.ts';
import type { WorkerTask } from './worker.ts';
import { tuneV8ForLongRuns } from './v8-tuning.ts';
import { createStageBoard, StageRssSampler } from './stage-rss.ts';

export interface MapOptions {
  ingest: IngestOptions;
  /**
   * worker threads; with 1, a corpus of fewer than {@link FILES_PER_WORKER}
   * files is analysed on the calling thread (no pool), a larger one on one
   * worker thread, whose heap is capped ({@link WORKER_HEAP_MB})
   */
  workers: number;
  cache?: ResultCache | null;
  onProgress?: (p: Progress) => void;
  /** a pipeline to run on the calling thread, whatever the corpus size (workers build their own) */
  pipeline?: Pipeline;
  /** the old-generation heap cap of each worker thread, in MB (default {@link WORKER_HEAP_MB}, at least {@link MIN_WORKER_HEAP_MB}) */
  workerHeapMb?: number;
  /** files larger than this go to the calling thread (default {@link WORKER_FILE_BYTES}) */
  workerFileBytes?: number;
  /** sample the process's RSS by the stage the workers are in, into {@link MapStats.stagePeakRssMb} (the benchmark) */
  stageRss?: boolean;
}

/** What a map did, for the run summary and the benchmark. */
export interface MapStats {
  files: number;
  articles: number;
  failed: number;
  workers: number;
  /** milliseconds per stage, summed over all files and workers */
  timings: StageTimings;
  /**
   * with {@link MapOptions.stageRss} and worker threads: the highest RSS of
   * the process, in MB, sampled while a worker was in each stage (ingest
   * includes the moments between a file's articles)
   */
  stagePeakRssMb?: Record<string, number>;
}

/**
 * Files per worker thread worth starting: a worker spends a few seconds
 * loading jieba's dictionaries and the lexicons before its first file. Below
 * this many files, one "worker" is the calling thread itself; from it on, even
 * one worker is a thread of its own, with a capped heap, while the calling
 * thread reads, caches and writes.
 */
export const FILES_PER_WORKER = 500;

/**
 * The old-generation heap of an analysing worker thread, in MB. V8 lets an
 * uncapped heap grow far past what is live before it collects: an analysing
 * thread keeps about 80 MB live, yet its heap grew to over 250 MB. Under a
 * cap it collects sooner, at no cost in speed we could measure. An article
 * that needs more than the cap fails alone (internal-error) and a new
 * worker takes over.
 */
export const WORKER_HEAP_MB = 192;
/** The smallest worker heap that holds jieba's dictionary handles and the lexicons. */
export const MIN_WORKER_HEAP_MB = 64;
/** The young generation of a lone analysing worker thread, in MB: smaller than V8's default, with the same effect. */
export const WORKER_YOUNG_MB = 16;
/**
 * The young generation of each of several analysing worker threads, in MB.
 * Two workers on 10,000 articles peaked 24 MB lower with 8 than with 16, in
 * the same time (three runs each: 75–82 s either way). A lone worker, whose
 * collections can use an idle core, ran about 5% slower with 8.
 */
export const WORKER_YOUNG_MB_SHARED = 8;

/**
 * Files larger than this are analysed on the calling thread, whose heap is not
 * capped: a JSONL feed of thousands of articles can need more than a worker's.
 */
export const WORKER_FILE_BYTES = 4 << 20;

/**
 * A sensible default for --workers: every core but one, which the calling
 * thread keeps busy reading, caching and writing, once there are enough
 * files to repay starting them; at least one.
 */
export function defaultWorkers(files: number): number {
  return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(files / FILES_PER_WORKER)));
}

/**
 * The module a worker thread starts from. Built (dist/), it is the compiled
 * worker itself. From the TypeScript sources (tsx, vitest), worker threads do
 * not inherit the main thread's loader, so they start from a shim that
 * registers tsx first; that costs each worker some 20–30 MB more.
 */
const WORKER_MODULE = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url).href;

/**
 * Tasks the pool hands each worker at once: with one, a worker that finishes a
 * file waits, idle, until the calling thread has taken its result and sent
 * the next file, and the calling thread is often busy (reading, caching, writing).
 * With two, the next file is already in the worker's queue; the worker still
 * analyses one file at a time (src/run/worker.ts).
 */
export const TASKS_PER_WORKER = 2;

/** How many files may be read or analysed ahead of the one being written, per worker; at least MIN_AHEAD, so reads overlap. */
const AHEAD_PER_WORKER = 4;
const MIN_AHEAD = 16;

/**
 * Analyses `files` and yields each file's shard lines in the order given.
 * Stats are filled in as files finish. The pool, if any, is closed when the
 * generator ends, also when its consumer stops early.
 */
export async function* mapFiles(files: readonly FoundFile[], options: MapOptions, stats: MapStats): AsyncGenerator<FileResult & { file: FoundFile }> {
  const workers = Math.max(1, Math.floor(options.workers));
  // below this a worker cannot load the lexicons, and piscina would wait on it for ever
  if (options.workerHeapMb !== undefined && !(options.workerHeapMb >= MIN_WORKER_HEAP_MB)) throw new RangeError(`workerHeapMb must be at least ${MIN_WORKER_HEAP_MB} (got ${options.workerHeapMb})`);
  stats.workers = workers;
  const usePool = !options.pipeline && (workers > 1 || files.length >= FILES_PER_WORKER);
  // a run long enough for workers is long enough to repay V8 settings that compile less (src/run/v8-tuning.ts)
  if (usePool) tuneV8ForLongRuns();
  const board = usePool && options.stageRss ? createStageBoard() : null;
  const sampler = board ? new StageRssSampler(board) : null;
  const poolOf = (threads: number, tasksPerWorker: number) =>
    new Piscina({
      filename: WORKER_MODULE,
      workerData: board ? { stageBoard: board } : undefined,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: tasksPerWorker,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: workers > 1 ? WORKER_YOUNG_MB_SHARED : WORKER_YOUNG_MB },
    });
  const pool = usePool ? poolOf(workers, TASKS_PER_WORKER) : null;
  // A worker that dies (out of its heap on a huge article) takes the file queued behind its own with it. Failed
  // files are tried once more on a worker of their own that takes one file at a time, so only the file that
  // kills a worker is lost. Started on the first failure.
  const retry: { pool: Piscina | null } = { pool: null };
  // analysis on the calling thread, loaded when it first has a file to analyse (localAnalysis)
  let local: Promise<(file: FoundFile, ingest: IngestOptions) => Promise<FileResult>> | null = null;
  const cache = options.cache ?? null;
  let done = 0;

  const analyse = async (file: FoundFile): Promise<FileResult> => {
    let key: string | null = null;
    let task: WorkerTask = { file, options: options.ingest };
    // The file is read once here (for the cache key, and so the analysis does not wait on the disk) and handed
    // over; a file over the size limit is refused unread, and one that cannot be read is left to ingest to report.
    const size = file.content?.byteLength ?? (await fs.stat(file.absPath).catch(() => null))?.size;
    if (size !== undefined && (size <= options.ingest.maxFileBytes || file.relPath.endsWith('.jsonl'))) {
      const bytes = file.content ?? (await fs.readFile(file.absPath).catch(() => null));
      if (bytes) {
        if (cache) {
          key = cache.keyOf(file.relPath, bytes);
          const hit = await cache.get(key);
          if (hit) return { lines: hit, timings: {} };
        }
        task = { file: { ...file, content: bytes }, options: options.ingest };
      }
    }
    const inThread = !pool || (task.file.content?.byteLength ?? 0) > (options.workerFileBytes ?? WORKER_FILE_BYTES);
    // a worker that dies on one file (out of memory on a huge article) costs that file only: piscina starts
    // another worker, and the file is tried again alone (it may have been queued behind the one that killed it)
    let result: FileResult;
    try {
      result = inThread
        ? await (await (local ??= localAnalysis(options.pipeline)))(task.file, task.options)
        : ((await pool.run(task).catch(() => (retry.pool ??= poolOf(1, 1)).run(task))) as FileResult);
    } catch (error) {
      const failure: ErrorRecord = { record: 'error', path: file.relPath, code: 'internal-error', message: `Analysis failed (${(error as Error).message}); please report this with the file attached` };
      return { lines: [JSON.stringify(failure), JSON.stringify({ record: 'file', path: file.relPath, encoding: '', articles: 0 } satisfies FileRecord)], timings: {} };
    }
    if (cache && key) await cache.put(key, result.lines);
    return result;
  };

  // stage names for the sampler's codes: ingest, then the pipeline's stages, the order of a file's timings
  let stageNames: string[] | null = null;
  sampler?.start();

  const ahead = Math.max(MIN_AHEAD, workers * AHEAD_PER_WORKER);
  const queue: Array<{ file: FoundFile; result: Promise<FileResult> }> = [];
  let next = 0;
  try {
    while (next < files.length || queue.length > 0) {
      while (next < files.length && queue.length < ahead) {
        const file = files[next++]!;
        const result = analyse(file).then((r) => {
          if (sampler && !stageNames && Object.keys(r.timings).length > 1) stageNames = Object.keys(r.timings);
          done++;
          tally(stats, r);
          options.onProgress?.({ filesDone: done, filesTotal: files.length, articles: stats.articles, failed: stats.failed, currentPath: file.relPath });
          return r;
        });
        // a rejection is read when the file's turn comes; mark it handled so it is not reported twice
        result.catch(() => undefined);
        queue.push({ file, result });
      }
      const head = queue.shift()!;
      yield { file: head.file, ...(await head.result) };
    }
  } finally {
    if (sampler) {
      sampler.stop();
      stats.stagePeakRssMb = sampler.peaksMb(stageNames ?? []);
    }
    await Promise.all([pool?.destroy(), retry.pool?.destroy()]);
  }
}

/**
 * Analysis on the calling thread, with `pipeline` or one built now. Its
 * modules (the stages, their lexicons and NLP packages: about 25 MB) are
 * loaded only then, so a calling thread that leaves every file to workers
 * never holds them.
 */
async function localAnalysis(given: Pipeline | undefined): Promise<(file: FoundFile, ingest: IngestOptions) => Promise<FileResult>> {
  const { analyzeFileToLines } = await import('./analyze-file.ts');
  const pipeline = given ?? (await import('../pipeline/runner.ts')).createPipeline((await import('../pipeline/default.ts')).defaultStages());
  return (file, ingest) => analyzeFileToLines(file, ingest, pipeline);
}

function tally(stats: MapStats, r: FileResult): void {
  stats.files++;
  for (const line of r.lines) {
    if (line.startsWith('{"record":"error"')) stats.failed++;
    else if (!line.startsWith('{"record":')) stats.articles++;
  }
  for (const [stage, ms] of Object.entries(r.timings)) stats.timings[stage] = (stats.timings[stage] ?? 0) + ms;
}

/** Fresh stats for {@link mapFiles}. */
export function emptyMapStats(): MapStats {
  return { files: 0, articles: 0, failed: 0, workers: 1, timings: {} };
}

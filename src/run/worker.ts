/**
 * The task a worker thread runs: one file through ingest and the pipeline.
 * Each worker builds its own pipeline (and so loads jieba's dictionaries and
 * the lexicons once, on its first file).
 */
import type { FoundFile, IngestOptions } from '../ingest/index.ts';
import { createPipeline, type Pipeline } from '../pipeline/runner.ts';
import { defaultStages } from '../pipeline/default.ts';
import { analyzeFileToLines, type FileResult } from './analyze-file.ts';
import { trimMallocArenas } from '../segment/jieba.ts';
import { workerData } from 'node:worker_threads';
import { IDLE, INGEST, stageCode, stageMarker } from './stage-rss.ts';

/**
 * Files between two calls to {@link trimMallocArenas}. Two workers on 10,000
 * bench articles peaked at 429 and 432 MB with it every 50 files, against 457
 * and 462 MB without (alternating runs), in the same time: what a worker frees
 * stays in its malloc arena until it is trimmed.
 */
export const TRIM_EVERY_TASKS = 50;
let tasks = 0;

export interface WorkerTask {
  file: FoundFile;
  options: IngestOptions;
}

let pipeline: Pipeline | null = null;
/**
 * Where this thread tells the calling thread which stage it is in, when the
 * map samples RSS by stage (MapOptions.stageRss): codes as in src/run/stage-rss.ts.
 */
const board = (workerData as { stageBoard?: unknown } | null)?.stageBoard;
const mark = board instanceof SharedArrayBuffer ? stageMarker(board) : null;
const pipelineOptions = mark ? { onStage: (index: number) => mark(stageCode(index)) } : {};
/** The task being analysed: the next one waits for it (see analyzeInWorker). */
let current: Promise<unknown> = Promise.resolve();

/**
 * Analyses one file. The pool hands a worker its next task while it is still
 * on one ({@link TASKS_PER_WORKER} in src/run/map.ts), so the worker never
 * waits on the calling thread between files; the tasks still run one after
 * the other, never interleaved, so each stage's time is its own.
 */
export default function analyzeInWorker(task: WorkerTask): Promise<FileResult> {
  const run = current.then(async () => {
    mark?.(INGEST);
    try {
      return await analyzeFileToLines(task.file, task.options, (pipeline ??= createPipeline(defaultStages(), pipelineOptions)));
    } finally {
      mark?.(IDLE);
    }
  });
  current = run
    .catch(() => undefined)
    .then(() => {
      if (++tasks % TRIM_EVERY_TASKS === 0) trimMallocArenas();
    });
  return run;
}

/**
 * The task a worker thread runs: one file through ingest and the pipeline.
 * Each worker builds its own pipeline (and so loads jieba's dictionaries and
 * the lexicons once, on its first file).
 */
import type { FoundFile, IngestOptions } from '../ingest/index.ts';
import { createPipeline, type Pipeline } from '../pipeline/runner.ts';
import { defaultStages } from '../pipeline/default.ts';
import { analyzeFileToLines, type FileResult } from './analyze-file.ts';

export interface WorkerTask {
  file: FoundFile;
  options: IngestOptions;
}

let pipeline: Pipeline | null = null;
/** The task being analysed: the next one waits for it (see analyzeInWorker). */
let current: Promise<unknown> = Promise.resolve();

/**
 * Analyses one file. The pool hands a worker its next task while it is still
 * on one ({@link TASKS_PER_WORKER} in src/run/map.ts), so the worker never
 * waits on the calling thread between files; the tasks still run one after
 * the other, never interleaved, so each stage's time is its own.
 */
export default function analyzeInWorker(task: WorkerTask): Promise<FileResult> {
  const run = current.then(() => analyzeFileToLines(task.file, task.options, (pipeline ??= createPipeline(defaultStages()))));
  current = run.catch(() => undefined);
  return run;
}

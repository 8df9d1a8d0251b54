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

export default async function analyzeInWorker(task: WorkerTask): Promise<FileResult> {
  pipeline ??= createPipeline(defaultStages());
  return analyzeFileToLines(task.file, task.options, pipeline);
}

/**
 * One file through ingest and the pipeline, as shard lines: the unit of work
 * of a map, run on the main thread or in a worker, and what the cache keeps.
 */
import { analyzeDoc } from '../analyze.ts';
import { ingestFile, type FoundFile, type IngestOptions } from '../ingest/index.ts';
import type { Pipeline, StageTimings } from '../pipeline/runner.ts';
import { articleJson } from '../report/write.ts';
import type { FileRecord, MetaRecord } from './records.ts';

export interface FileResult {
  /** the file's shard lines, in reading order: its articles, errors and warnings, then its file record */
  lines: string[];
  /** milliseconds each stage spent on this file (ingest included) */
  timings: StageTimings;
}

const meta = (r: MetaRecord): string => JSON.stringify(r);

/** Reads and analyses one file; never throws (a failure is an error record for that file or article). */
export async function analyzeFileToLines(file: FoundFile, options: IngestOptions, pipeline: Pipeline): Promise<FileResult> {
  const before = { ...pipeline.timings };
  let ingestMs = 0;
  const lines: string[] = [];
  let articles = 0;
  let encoding = '';
  let mark = performance.now();
  for await (const result of ingestFile(file, options)) {
    ingestMs += performance.now() - mark;
    if (!result.ok) {
      lines.push(meta({ record: 'error', ...result.error }));
    } else {
      for (const w of result.warnings) lines.push(meta({ record: 'warning', ...w }));
      const analysed = analyzeDoc(result.doc, pipeline);
      if ('code' in analysed) lines.push(meta({ record: 'error', ...analysed }));
      else {
        lines.push(articleJson(analysed));
        articles++;
        encoding = result.doc.meta.encoding;
      }
    }
    mark = performance.now();
  }
  ingestMs += performance.now() - mark;
  const file_: FileRecord = { record: 'file', path: file.relPath, encoding, articles };
  lines.push(meta(file_));
  const timings: StageTimings = { ingest: ingestMs };
  for (const [stage, ms] of Object.entries(pipeline.timings)) timings[stage] = ms - (before[stage] ?? 0);
  return { lines, timings };
}

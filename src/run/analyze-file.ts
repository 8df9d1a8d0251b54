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
  // Stage times are taken around each article's (synchronous) analysis, so files analysed
  // concurrently on one thread do not count each other's time.
  const timings: StageTimings = {};
  let ingestMs = 0;
  const lines: string[] = [];
  let articles = 0;
  let encoding = '';
  // ingest is timed from asking for the next article to getting it; the caller hands over the file's bytes,
  // so no other file's work runs in between
  let mark = performance.now();
  for await (const result of ingestFile(file, options)) {
    ingestMs += performance.now() - mark;
    if (!result.ok) {
      lines.push(meta({ record: 'error', ...result.error }));
    } else {
      for (const w of result.warnings) lines.push(meta({ record: 'warning', ...w }));
      const before = { ...pipeline.timings };
      const analysed = analyzeDoc(result.doc, pipeline);
      for (const [stage, ms] of Object.entries(pipeline.timings)) timings[stage] = (timings[stage] ?? 0) + ms - (before[stage] ?? 0);
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
  return { lines, timings: { ingest: ingestMs, ...timings } };
}

/**
 * One measurement, run in a child process of its own (forked by
 * scripts/bench.ts) so that the peak RSS it reports belongs to this run
 * alone: a process's maxRSS never goes down, so runs measured in one process
 * would all report the largest.
 *
 * The run is the real one `stratlens analyze` makes: the folder is mapped
 * (on this thread or on worker threads, through the cache when one is given)
 * into a shard and reduced into the reports, streaming.
 *
 * Usage (by fork): measure.ts '<json MeasureSpec>'; the figures come back over IPC.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { analyzeCorpus } from '../../src/run/analyze-corpus.ts';

export interface MeasureSpec {
  corpus: string;
  /** a small real folder analysed first on this thread, so one-time loading is not counted; null: count it */
  warmUp: string | null;
  workers: number;
  cacheDir: string | null;
  out: string;
  /** also time raw nodejieba cut over the articles' texts */
  rawCut: boolean;
}

/** What the child measures; everything derived from it is computed by the parent. */
export interface Measurement {
  spec: MeasureSpec;
  files: number;
  articles: number;
  chars: number;
  languages: Record<string, { articles: number; chars: number; rawCutMs: number }>;
  errors: Record<string, number>;
  warnings: Record<string, number>;
  warmUpMs: number;
  totalMs: number;
  totalCpuMs: number;
  /** per stage, summed over threads (ingest included) */
  stageMs: Record<string, number>;
  rawCut: { ms: number; cpuMs: number; chars: number; words: number };
  cache: { hits: number; misses: number } | null;
  peakRssMb: number;
  /** the peak when the last file was analysed, before the reduce: what the reduce adds is peakRssMb minus this */
  mapPeakRssMb: number;
  /**
   * the highest RSS sampled (every 20 ms) while each stage ran on a worker,
   * and while the calling thread walked, wrote and reduced after the map
   * ('walk+reduce'), in MB; empty for a run without workers
   */
  stagePeakRssMb: Record<string, number>;
  /** RSS once lexicons and dictionaries are loaded: the part of the peak that does not depend on the corpus. */
  warmRssMb: number;
  /** a hash of every report but summary.json's run block, to show two runs wrote the same reports */
  reportsDigest: string;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Wall and CPU time of a step. CPU time well below wall time means the machine was busy with other work. */
async function timed<T>(step: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await step();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Reports can be larger than a string can hold: they are hashed as streams, summary.json (small) without its run block. */
async function digestReports(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => !n.startsWith('.')).sort()) {
    hash.update(name).update('\0');
    if (name === 'summary.json') {
      const summary = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { run?: unknown };
      delete summary.run;
      hash.update(JSON.stringify(summary));
    } else for await (const chunk of createReadStream(join(dir, name))) hash.update(chunk as Buffer);
  }
  return hash.digest('hex').slice(0, 16);
}

async function measure(spec: MeasureSpec): Promise<Measurement> {
  // the pipeline's modules and jieba are loaded on this thread only for a warm-up and for the raw cut (after the
  // run): `stratlens analyze`'s calling thread does not hold them when workers analyse, and neither does this one
  const warmUp = spec.warmUp ? await timed(async () => (await import('../../src/analyze.ts')).analyzeDirectory(spec.warmUp!)) : { ms: 0 };
  const warmRssMb = process.memoryUsage.rss() / 2 ** 20;
  const started = Date.now();
  let mapPeakRssMb = 0;
  // after the map, the process's RSS is sampled on this thread's timer (the reduce awaits its reads and the writer thread)
  let reducePeakRssMb = 0;
  let reduceSampler: NodeJS.Timeout | null = null;
  const sampleReduce = () => {
    reducePeakRssMb = Math.max(reducePeakRssMb, process.memoryUsage.rss() / 2 ** 20);
  };
  const run = await timed(() =>
    analyzeCorpus({
      input: spec.corpus,
      out: spec.out,
      ingest: { defaultOffset: '+08:00', maxFileBytes: 16 * 1024 * 1024 },
      workers: spec.workers,
      cacheDir: spec.cacheDir,
      run: { startedAt: new Date(started).toISOString(), tool: 'stratlens-bench', version: '', input: spec.corpus, options: {} },
      started,
      stageRss: true,
      onProgress: (p) => {
        if (p.filesDone === p.filesTotal) {
          mapPeakRssMb = process.resourceUsage().maxRSS / 1024;
          sampleReduce();
          reduceSampler ??= setInterval(sampleReduce, 20);
        }
      },
    }),
  );
  if (reduceSampler) clearInterval(reduceSampler);
  sampleReduce();
  const result = run.value;
  const summary = result.summary;
  // the pipeline's own peak, read before the raw cut below loads jieba on this thread (maxRSS is in kilobytes on Linux and macOS)
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  // Raw cut over the same texts, read back from articles.jsonl one at a time (so memory stays flat), per language
  // because jieba's speed differs on Latin text. Same process, same dictionary files as the segment stage.
  const languages: Measurement['languages'] = {};
  const cutTotals = { ms: 0, cpuMs: 0, chars: 0, words: 0 };
  if (spec.rawCut) {
    const { rawCut } = await import('../../src/segment/jieba.ts');
    const lines = createInterface({ input: createReadStream(join(spec.out, 'articles.jsonl'), { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const { text, language } = JSON.parse(line) as { text: string; language: string };
      const cut = await timed(() => rawCut(text).length);
      const l = (languages[language] ??= { articles: 0, chars: 0, rawCutMs: 0 });
      l.articles++;
      l.chars += text.length;
      l.rawCutMs += cut.ms;
      cutTotals.ms += cut.ms;
      cutTotals.cpuMs += cut.cpuMs;
      cutTotals.chars += text.length;
      cutTotals.words += cut.value;
    }
  }

  return {
    spec,
    files: summary.counts.files,
    articles: summary.counts.articles,
    chars: cutTotals.chars,
    languages,
    errors: countBy(summary.errors, (e) => e.code),
    warnings: countBy(summary.warnings, (w) => w.code),
    warmUpMs: warmUp.ms,
    totalMs: run.ms,
    totalCpuMs: run.cpuMs,
    stageMs: { ...result.map.timings },
    rawCut: cutTotals,
    cache: result.cache,
    peakRssMb,
    mapPeakRssMb,
    stagePeakRssMb: result.map.stagePeakRssMb ? { ...result.map.stagePeakRssMb, 'walk+reduce': reducePeakRssMb } : {},
    warmRssMb,
    reportsDigest: await digestReports(spec.out),
  };
}

const [specJson] = process.argv.slice(2);
if (!specJson || !process.send) {
  console.error("measure.ts is forked by scripts/bench.ts: measure.ts '<json spec>'");
  process.exit(1);
}
const measurement = await measure(JSON.parse(specJson) as MeasureSpec);
process.send(measurement, () => process.exit(0));

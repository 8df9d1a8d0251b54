/**
 * One measurement, run in a child process of its own (forked by
 * scripts/bench.ts) so that the peak RSS it reports belongs to this corpus
 * size alone: a process's maxRSS never goes down, so sizes measured in one
 * process would all report the largest.
 *
 * Usage (by fork): measure.ts <corpus-dir> <warm-up-dir>; the figures come back over IPC.
 */
import { analyzeDirectory } from '../../src/analyze.ts';
import { rawCut } from '../../src/segment/jieba.ts';

/** What the child measures; everything derived from it is computed by the parent. */
export interface Measurement {
  files: number;
  articles: number;
  chars: number;
  languages: Record<string, { articles: number; chars: number }>;
  errors: Record<string, number>;
  warnings: Record<string, number>;
  warmUpMs: number;
  totalMs: number;
  stageMs: Record<string, number>;
  rawCut: { ms: number; chars: number; words: number };
  peakRssMb: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function measure(corpusDir: string, warmUpDir: string): Promise<Measurement> {
  // One-time costs (jieba's dictionaries, lexicon loading and validation, JIT)
  // are paid on a small real folder first, so the figures are steady-state throughput.
  const warmUpStart = performance.now();
  await analyzeDirectory(warmUpDir);
  const warmUpMs = performance.now() - warmUpStart;

  const started = performance.now();
  const result = await analyzeDirectory(corpusDir);
  const totalMs = performance.now() - started;

  const languages: Measurement['languages'] = {};
  for (const a of result.articles) {
    const entry = (languages[a.language] ??= { articles: 0, chars: 0 });
    entry.articles++;
    entry.chars += a.text.length;
  }
  const texts = result.articles.map((a) => a.text);
  // Same texts, same process, same (user-extended) dictionary as the segment stage used.
  const cutStart = performance.now();
  let words = 0;
  for (const text of texts) words += rawCut(text).length;
  const cutMs = performance.now() - cutStart;
  const chars = texts.reduce((sum, t) => sum + t.length, 0);

  return {
    files: result.files,
    articles: result.articles.length,
    chars,
    languages,
    errors: countBy(result.errors, (e) => e.code),
    warnings: countBy(result.warnings, (w) => w.code),
    warmUpMs,
    totalMs,
    stageMs: { ...result.timings },
    rawCut: { ms: cutMs, chars, words },
    // maxRSS is in kilobytes on Linux and macOS.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [corpusDir, warmUpDir] = process.argv.slice(2);
if (!corpusDir || !warmUpDir || !process.send) {
  console.error('measure.ts is forked by scripts/bench.ts: measure.ts <corpus-dir> <warm-up-dir>');
  process.exit(1);
}
const measurement = await measure(corpusDir, warmUpDir);
process.send(measurement, () => process.exit(0));

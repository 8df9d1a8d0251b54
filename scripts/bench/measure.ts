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
  languages: Record<string, { articles: number; chars: number; rawCutMs: number }>;
  errors: Record<string, number>;
  warnings: Record<string, number>;
  warmUpMs: number;
  totalMs: number;
  totalCpuMs: number;
  stageMs: Record<string, number>;
  rawCut: { ms: number; cpuMs: number; chars: number; words: number };
  peakRssMb: number;
  /** RSS once lexicons and dictionaries are loaded: the part of the peak that does not depend on the corpus. */
  warmRssMb: number;
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

async function measure(corpusDir: string, warmUpDir: string): Promise<Measurement> {
  // One-time costs (jieba's dictionaries, lexicon loading and validation, JIT)
  // are paid on a small real folder first, so the figures are steady-state throughput.
  const warmUp = await timed(() => analyzeDirectory(warmUpDir));
  const warmRssMb = process.memoryUsage.rss() / 2 ** 20;

  const run = await timed(() => analyzeDirectory(corpusDir));
  const result = run.value;

  const byLanguage = new Map<string, string[]>();
  for (const a of result.articles) {
    if (!byLanguage.has(a.language)) byLanguage.set(a.language, []);
    byLanguage.get(a.language)!.push(a.text);
  }
  // Same texts, same process, same (user-extended) dictionary as the segment
  // stage used; timed per language because jieba's speed differs on Latin text.
  const languages: Measurement['languages'] = {};
  const cutTotals = { ms: 0, cpuMs: 0, chars: 0, words: 0 };
  for (const [language, texts] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cut = await timed(() => texts.reduce((words, text) => words + rawCut(text).length, 0));
    const chars = texts.reduce((sum, t) => sum + t.length, 0);
    languages[language] = { articles: texts.length, chars, rawCutMs: cut.ms };
    cutTotals.ms += cut.ms;
    cutTotals.cpuMs += cut.cpuMs;
    cutTotals.chars += chars;
    cutTotals.words += cut.value;
  }

  return {
    files: result.files,
    articles: result.articles.length,
    chars: cutTotals.chars,
    languages,
    errors: countBy(result.errors, (e) => e.code),
    warnings: countBy(result.warnings, (w) => w.code),
    warmUpMs: warmUp.ms,
    totalMs: run.ms,
    totalCpuMs: run.cpuMs,
    stageMs: { ...result.timings },
    rawCut: cutTotals,
    // maxRSS is in kilobytes on Linux and macOS.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    warmRssMb,
  };
}

const [corpusDir, warmUpDir] = process.argv.slice(2);
if (!corpusDir || !warmUpDir || !process.send) {
  console.error('measure.ts is forked by scripts/bench.ts: measure.ts <corpus-dir> <warm-up-dir>');
  process.exit(1);
}
const measurement = await measure(corpusDir, warmUpDir);
process.send(measurement, () => process.exit(0));

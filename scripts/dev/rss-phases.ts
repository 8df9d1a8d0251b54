// Where a run's peak RSS falls: samples RSS and the calling thread's heap while
// `analyze` maps and reduces a folder, and prints the highest of each per phase.
//   npx tsc -p . --noEmit false --outDir /tmp/jsout --rewriteRelativeImportExtensions, then
//   node /tmp/jsout/scripts/dev/rss-phases.js <folder> [workers] [cacheDir]
import { getHeapStatistics } from 'node:v8';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeCorpus } from '../../src/run/analyze-corpus.ts';

const [input, workers = '2', cacheDir] = process.argv.slice(2);
if (!input) throw new Error('usage: rss-phases.js <folder> [workers]');
const mb = (n: number) => Math.round(n / 2 ** 20);
let phase = 'start';
const peaks: Record<string, { rss: number; heapTotal: number; heapUsed: number; external: number }> = {};
const sample = () => {
  const m = process.memoryUsage();
  const h = getHeapStatistics();
  const p = (peaks[phase] ??= { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 });
  p.rss = Math.max(p.rss, mb(m.rss));
  p.heapTotal = Math.max(p.heapTotal, mb(h.total_heap_size));
  p.heapUsed = Math.max(p.heapUsed, mb(h.used_heap_size));
  p.external = Math.max(p.external, mb(m.external + m.arrayBuffers));
};
const timer = setInterval(sample, 100);
const out = mkdtempSync(path.join(tmpdir(), 'rss-phases-'));
await analyzeCorpus({
  input,
  out,
  ingest: { defaultOffset: '+08:00', maxFileBytes: 16 << 20 },
  workers: Number(workers),
  cacheDir: cacheDir ?? null,
  run: { startedAt: '', tool: '', version: '', input, options: {} },
  started: Date.now(),
  onProgress: (p) => {
    sample();
    phase = p.filesDone === p.filesTotal ? 'reduce' : 'map';
  },
});
sample();
clearInterval(timer);
console.log(JSON.stringify(peaks), 'maxRSS', Math.round(process.resourceUsage().maxRSS / 1024));

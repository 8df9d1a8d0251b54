/**
 * Stage timings on one folder, after a warm-up on the gold articles; with
 * several runs, the last line gives each stage's fastest run (the least
 * disturbed by a noisy machine):
 *   npx tsx scripts/dev/stage-times.ts /tmp/stratlens-bench-1000-XXXX [runs]
 */
import { analyzeDirectory } from '../../src/analyze.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx scripts/dev/stage-times.ts <folder> [runs]');
const runs = Number(process.argv[3] ?? 1);
await analyzeDirectory('data/gold/articles');
const best: Record<string, number> = {};
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const { timings } = await analyzeDirectory(dir);
  for (const [k, v] of Object.entries(timings)) best[k] = Math.min(best[k] ?? Infinity, v);
  const row = Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  ');
  console.log(`run ${r + 1}: total ${(performance.now() - t).toFixed(0)}  ${row}  claims/segment ${(timings.claims! / timings.segment!).toFixed(2)}`);
}
const ratio = (k: string) => (best[k]! / best.segment!).toFixed(2);
console.log(`best: ${Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  ')}  entities/segment ${ratio('entities')}  claims/segment ${ratio('claims')}`);

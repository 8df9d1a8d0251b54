import { analyzeDirectory } from '../../src/analyze.ts';
await analyzeDirectory('data/gold/articles');
const t = performance.now();
const r = await analyzeDirectory(process.argv[2]!);
console.error('ms', performance.now() - t, r.timings);

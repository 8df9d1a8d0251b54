import { analyzeDirectory } from '../../src/analyze.ts';
const r = await analyzeDirectory(process.argv[2] ?? 'data/gold/articles');
const r2 = await analyzeDirectory(process.argv[2] ?? 'data/gold/articles');
console.log(r2.timings);

// Profiles one analyze run (map + reduce) over a folder: node --cpu-prof --import tsx scripts/dev/prof-run.ts <folder> [workers] [cacheDir]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeCorpus } from '../../src/run/analyze-corpus.ts';
const [input = 'data/sample', workers = '1', cacheDir] = process.argv.slice(2);
const out = process.env.OUT ?? mkdtempSync(path.join(tmpdir(), 'prof-run-'));
const t = performance.now();
const r = await analyzeCorpus({ input, out, ingest: { defaultOffset: '+08:00', maxFileBytes: 16 << 20 }, workers: Number(workers), cacheDir: cacheDir ?? null, run: { startedAt: '', tool: '', version: '', input, options: {} }, started: Date.now() });
console.error('total', (performance.now() - t).toFixed(0), 'ms', r.map.timings, r.cache);

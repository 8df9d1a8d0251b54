// Old in-memory analyse+write against the map/reduce run: byte-identical reports expected (summary's run block aside).
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeDirectory } from '../../src/analyze.ts';
import { buildSummary } from '../../src/report/summary.ts';
import { writeReports } from '../../src/report/write.ts';
import { analyzeCorpus, entityBands } from '../../src/run/analyze-corpus.ts';
const input = process.argv[2] ?? 'data/sample';
const workers = Number(process.argv[3] ?? 1);
const a = mkdtempSync(path.join(tmpdir(), 'cmp-a-'));
const b = mkdtempSync(path.join(tmpdir(), 'cmp-b-'));
const run = { startedAt: 'x', durationMs: 0, tool: 't', version: 'v', input, options: {} };
let t = performance.now();
const r = await analyzeDirectory(input);
await writeReports(a, r.articles, buildSummary({ ...r, run, entityBands: entityBands() }));
console.log('old', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
await analyzeCorpus({ input, out: b, ingest: { defaultOffset: '+08:00', maxFileBytes: 16 * 1024 * 1024 }, workers, cacheDir: null, run, started: 0 });
console.log('new', (performance.now() - t).toFixed(0), 'ms');
for (const f of readdirSync(a).sort()) {
  let x = readFileSync(path.join(a, f), 'utf8');
  let y = readFileSync(path.join(b, f), 'utf8');
  if (f === 'summary.json') {
    const s = (j: string) => { const o = JSON.parse(j); delete o.run; return JSON.stringify(o, null, 1); };
    x = s(x); y = s(y);
  }
  console.log(f, x === y ? 'same' : `DIFFERENT (${x.length} vs ${y.length})`);
}
console.log('new files', readdirSync(b).sort().join(' '));

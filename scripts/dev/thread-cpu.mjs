// Where a run's CPU goes, by thread (Linux): runs the built `analyze` (npm run build first) on a folder and
// prints the CPU seconds of every thread of the process when the map ends (the analysing workers are still
// alive then) and at the end. Threads are told apart by their ids, not their names (Node names them all
// "node"): the process id is the calling thread, the busiest others are the analysing workers, and the
// rest are V8's helpers (concurrent compilation and garbage collection) and libuv's file-system threads.
//   node scripts/dev/thread-cpu.mjs <folder> [workers]
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeCorpus } from '../../dist/src/run/analyze-corpus.js';

const [input, workers = '1'] = process.argv.slice(2);
if (!input) throw new Error('usage: thread-cpu.mjs <folder> [workers]');

/** CPU seconds of each thread of this process that has used at least 0.1 s. */
function threads() {
  const out = [];
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux)
      const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
      if (cpu >= 0.1) out.push({ tid: Number(tid), cpu });
    } catch {
      // the thread ended while we looked
    }
  }
  return out;
}

function print(label, wallMs) {
  const all = threads();
  const main = all.find((t) => t.tid === process.pid)?.cpu ?? 0;
  const others = all.filter((t) => t.tid !== process.pid).sort((a, b) => b.cpu - a.cpu);
  const busy = others.slice(0, label === 'map end' ? Number(workers) : 0);
  const helpers = others.slice(busy.length);
  const sum = (list) => list.reduce((s, t) => s + t.cpu, 0).toFixed(1);
  console.log(
    `${label} (${(wallMs / 1000).toFixed(1)} s wall): calling thread ${main.toFixed(1)} s` +
      (busy.length ? `, workers ${busy.map((t) => t.cpu.toFixed(1)).join(' + ')} s` : '') +
      `, other threads ${sum(helpers)} s (${helpers.map((t) => t.cpu.toFixed(1)).join(' ')})`,
  );
}

const started = performance.now();
let mapped = false;
await analyzeCorpus({
  input,
  out: path.join(tmpdir(), `stratlens-thread-cpu-${process.pid}`),
  ingest: { defaultOffset: '+08:00', maxFileBytes: 16 << 20 },
  workers: Number(workers),
  cacheDir: null,
  run: { startedAt: '', tool: '', version: '', input, options: {} },
  started: Date.now(),
  onProgress: (p) => {
    if (p.filesDone === p.filesTotal && !mapped) {
      mapped = true;
      print('map end', performance.now() - started);
    }
  },
});
print('end', performance.now() - started);

// Times a reduce of shard files and reports memory: reduce-time.ts <out> <shard…>
import { reduceShards } from '../../src/run/reduce.ts';
import { entityBands } from '../../src/run/analyze-corpus.ts';
const [out, ...shards] = process.argv.slice(2);
const t = performance.now();
const r = await reduceShards(shards, out!, { run: { startedAt: '', tool: '', version: '', input: '', options: {} }, entityBands: entityBands() });
console.log('reduce', (performance.now() - t).toFixed(0), 'ms', r.summary.counts.articles, 'articles; rss', (process.memoryUsage.rss() / 2 ** 20).toFixed(0), 'MB, peak', (process.resourceUsage().maxRSS / 1024).toFixed(0), 'MB, heap', (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));

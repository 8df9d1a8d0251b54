/**
 * `npm run bench`: throughput and memory of the whole pipeline on a synthetic
 * corpus built from the real articles, against raw nodejieba `cut` on the same
 * text, per stage, with the targets of issues 4, 5 and 9 as PASS/FAIL lines.
 * It prints figures, it is not a test: the machine is shared and noisy.
 *
 *   npm run bench                               # 1000 articles, about a minute
 *   npm run bench -- --articles 3000 --seed 7
 *   npm run bench -- --sizes 10000,50000        # the sizes issue 9 asks for
 *   npm run bench -- --keep                     # keep the generated corpus for a look
 *
 * Writes reports/bench.json with every figure and the machine it ran on.
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { builtFile } from '../bin/build-state.mjs';
import { jiebaPatchState } from './jieba-patch-state.mjs';
import type { Measurement, MeasureSpec } from './bench/measure.ts';
import { crossSizeChecks, formatCheck, formatSize, summarise, type SizeReport } from './bench/report.ts';
import { loadTemplates } from './bench/templates.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Every real article the project holds; the folders overlap and copies are dropped.
const TEMPLATE_ROOTS = ['../shared/corpus', 'tests/fixtures/corpus', 'data/sample', 'data/gold/articles'].map((p) => resolve(ROOT, p));
const WARM_UP_DIR = resolve(ROOT, 'data/sample');
// The runs are measured on the build (dist/), as `stratlens analyze` runs it; `npm run bench` builds it first.
const MEASURE = builtFile('scripts/bench/measure.ts');
const OUT = resolve(ROOT, 'reports/bench.json');

const USAGE = 'usage: npm run bench -- [--articles N | --sizes N,M,…] [--seed S] [--keep]   (N, M, S whole numbers)';

function parseOptions(): { sizes: number[]; seed: number; keep: boolean } {
  const usageError = (problem: string): never => {
    console.error(`${problem}\n${USAGE}`);
    process.exit(1);
  };
  const options = {
    articles: { type: 'string', default: '1000' },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  } as const;
  const values = (() => {
    try {
      return parseArgs({ options }).values;
    } catch (error) {
      return usageError((error as Error).message);
    }
  })();
  const sizes = (values.sizes ?? values.articles).split(',').map(Number);
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed)) usageError('sizes must be positive whole numbers and the seed a whole number');
  return { sizes, seed, keep: values.keep };
}

/** Measures one run in a fresh process, so its peak RSS is its own. */
function measureInChild(spec: MeasureSpec): Promise<Measurement> {
  return new Promise((done, fail) => {
    let measurement: Measurement | undefined;
    // plain node: the build needs no loader
    const child = fork(MEASURE!, [JSON.stringify(spec)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => { measurement = m as Measurement; });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (measurement) done(measurement);
      else fail(new Error(`the measuring process ended (${signal ?? `exit ${code}`}) without figures`));
    });
  });
}

const round = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);

const { sizes, seed, keep } = parseOptions();
const machine = {
  cpus: cpus().length,
  availableParallelism: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemMb: Math.round(totalmem() / 2 ** 20),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};
const templates = await loadTemplates(TEMPLATE_ROOTS);
const kinds = templates.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.kind]: (acc[t.kind] ?? 0) + 1 }), {});
const loadBefore = loadavg()[0]!;
if (!MEASURE) {
  console.error('stratlens bench: dist/ is missing or older than src/; run it as npm run bench, which builds it first (or npm run build)');
  process.exit(1);
}
console.log(`stratlens bench · seed ${seed} · node ${machine.node} · ${machine.cpus} × ${machine.cpuModel} · load ${loadBefore.toFixed(1)}`);
// Other processes on a 2-core machine slow every figure; say so rather than let them pass as the pipeline's.
if (loadBefore > machine.cpus / 2) console.log(`note: the machine is busy (load ${loadBefore.toFixed(1)} on ${machine.cpus} cpus), so the figures are noisy; cpu/wall below shows how much CPU the runs got`);
// Without the install's nodejieba patch, every worker holds a second copy of the dictionary: the RSS figures would not be this project's.
if (!jiebaPatchState().built) console.log('note: nodejieba was not rebuilt with patches/ (run npm run postinstall); each worker builds a dictionary of its own (~130 MB), so the RSS figures are high');
console.log(`templates: ${templates.length} real articles (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})\n`);

const reports: SizeReport[] = [];
const failures: Array<{ size: number; error: string }> = [];
for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `stratlens-bench-${size}-`));
  try {
    const corpus = await generateCorpus(templates, join(dir, 'corpus'), size, seed);
    const spec = (name: string, out: string, workers: number, cache: string, warmUp: boolean): MeasureSpec => ({
      corpus: join(dir, 'corpus'),
      warmUp: warmUp ? WARM_UP_DIR : null,
      workers,
      cacheDir: join(dir, cache),
      out: join(dir, `out-${out}`),
      rawCut: name === 'one',
    });
    // one worker, cold (stage figures, raw cut, memory); two workers, cold, their own cache and reports;
    // then the first command again, unchanged corpus, same cache and reports folder: the re-run a user makes
    // no warm-up: a corpus this size is analysed on a worker thread, so a warm-up here would only load a second copy of jieba
    const one = await measureInChild(spec('one', 'one', 1, 'cache-one', false));
    const two = await measureInChild(spec('two', 'two', 2, 'cache-two', false));
    const rerun = await measureInChild(spec('rerun', 'one', 1, 'cache-one', false));
    const report = summarise(size, corpus, one, { two, rerun });
    reports.push(report);
    console.log(`${formatSize(report)}\n`);
  } catch (error) {
    failures.push({ size, error: (error as Error).message });
    console.error(`── ${size} articles: ${(error as Error).message}\n`);
  } finally {
    if (keep) console.log(`  corpus kept in ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}

const acrossSizes = crossSizeChecks(reports);
if (acrossSizes.length > 0) console.log(`across sizes\n${acrossSizes.map(formatCheck).join('\n')}\n`);

await mkdir(resolve(ROOT, 'reports'), { recursive: true });
const load = { before: loadBefore, after: loadavg()[0]! };
await writeFile(OUT, `${JSON.stringify({ machine, load, seed, templates: templates.length, templateRoots: TEMPLATE_ROOTS.map((p) => relative(ROOT, p)), runs: reports, acrossSizes, failures }, round, 2)}\n`);
console.log(`figures written to ${relative(ROOT, OUT)}`);
if (failures.length > 0) process.exitCode = 1;

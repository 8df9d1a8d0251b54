/**
 * Calibrates lexicons/sentiment/calibration.json on the gold set. Runs the
 * pipeline once, then rescores every gold article with the sentiment stage
 * alone (fast) and prints:
 * - for the aggregation weights: accuracy of each setting in a small grid,
 *   each with its own best bands, so a reader sees how flat the optimum is
 *   (`--weights`);
 * - for the current weights: the article and main-entity bands that give the
 *   best label accuracy (then macro-F1), the range of bands that do as well,
 *   and the pair in the middle of that range — the one to copy, since a band
 *   at the edge of its plateau flips labels at the first lexicon change;
 * - the gold articles and entities still labelled wrong with those bands.
 * Copy the chosen values into calibration.json by hand; the README says how.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDirectory } from '../src/analyze.ts';
import type { Doc } from '../src/doc/types.ts';
import { loadGold } from '../src/eval/gold.ts';
import { macroF1, matchKey } from '../src/eval/metrics.ts';
import { labelOf } from '../src/sentiment/score.ts';
import type { Calibration } from '../src/sentiment/calibration.ts';
import { scoreSentiment, sentimentResources } from '../src/stages/sentiment.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELS = ['positive', 'neutral', 'negative'] as const;
const gold = loadGold(path.join(ROOT, 'data/gold/annotations'));
const { articles } = await analyzeDirectory(path.join(ROOT, 'data/gold/articles'));
const byPath = new Map(articles.map((a) => [a.path, a]));

/** Each gold article with its analysed form and the pipeline's ids for its main entities. */
const cases = gold.flatMap((g) => {
  const a = byPath.get(g.file) ?? byPath.get(`${g.file}#1`);
  if (!a) return [];
  const doc = { text: a.text, blocks: [], meta: { title: a.title, language: a.language } } as unknown as Doc;
  const entities = g.entities.filter((e) => e.main && e.sentiment).map((e) => {
    const keys = new Set([e.name, ...e.aliases].map(matchKey));
    const found = a.entities.find((x) => x.id === e.id || keys.has(matchKey(x.name)) || x.mentions.some((m) => keys.has(matchKey(m.text))));
    return { gold: e.sentiment!, name: e.id, id: found?.id ?? null };
  });
  return [{ file: g.file, gold: g.sentiment, article: a, doc, entities }];
});

type Pair = { gold: string; score: number; name: string };
function scores(overrides: Partial<Calibration>): { articles: Pair[]; entities: Pair[] } {
  const out = { articles: [] as Pair[], entities: [] as Pair[] };
  for (const c of cases) {
    const r = scoreSentiment(c.doc, c.article, overrides);
    out.articles.push({ gold: c.gold, score: r.sentiment.score, name: path.basename(c.file) });
    // A main entity the pipeline did not find scores 0, and so reads neutral, as the scorer counts it.
    for (const e of c.entities) out.entities.push({ gold: e.gold, score: e.id ? r.entitySentiments[e.id]!.score : 0, name: `${e.name} in ${path.basename(c.file)}` });
  }
  return out;
}

const BANDS = Array.from({ length: 21 }, (_, i) => Math.round(i * 25) / 1000);

interface Fit { positive: number; negative: number; accuracy: number; f1: number; ties: Array<[number, number]> }
/** The best bands for these scores: highest accuracy, then macro-F1; among ties the middle of the plateau. */
function fit(pairs: readonly Pair[]): Fit {
  let best = { accuracy: -1, f1: -1 };
  let ties: Array<[number, number]> = [];
  for (const p of BANDS) {
    for (const n of BANDS) {
      const labelled = pairs.map((x) => [x.gold, labelOf(x.score, p, n)] as [string, string]);
      const accuracy = labelled.filter(([g, l]) => g === l).length / Math.max(1, labelled.length);
      const f1 = macroF1(labelled, [...LABELS]);
      const better = accuracy > best.accuracy + 1e-9 || (Math.abs(accuracy - best.accuracy) < 1e-9 && f1 > best.f1 + 1e-9);
      if (better) { best = { accuracy, f1 }; ties = []; }
      if (better || (Math.abs(accuracy - best.accuracy) < 1e-9 && Math.abs(f1 - best.f1) < 1e-9)) ties.push([p, n]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const positive = median(ties.map(([p]) => p));
  const negative = median(ties.filter(([p]) => p === positive).map(([, n]) => n));
  return { positive, negative, ...best, ties };
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
const show = (name: string, f: Fit, count: number) =>
  console.log(`${name} (${count}): accuracy ${f.accuracy.toFixed(3)}, macro-F1 ${f.f1.toFixed(3)}; ` +
    `as good for positive band ${range(f.ties.map(([p]) => p))}, negative band ${range(f.ties.map(([, n]) => n))} (${f.ties.length} pairs); ` +
    `chosen positive ${f.positive.toFixed(3)}, negative ${f.negative.toFixed(3)}`);

const current = sentimentResources().calibration;
if (process.argv.includes('--weights')) {
  // Aggregation weights: a coarse grid around the current values, each setting with its own best bands.
  const grid: Record<string, number[]> = {
    evidencePrior: [0.5, 1, 2],
    neutralWeight: [0, 0.1, 0.25, 0.5],
    titleShare: [0.2, 0.3, 0.4],
    quoteWeight: [0.5, 0.75, 1],
  };
  console.log('article accuracy / macro-F1 by aggregation weights (each with its best bands):');
  const rows: Array<[string, Fit]> = [];
  const keys = Object.keys(grid);
  const walk = (i: number, chosen: Record<string, number>): void => {
    if (i === keys.length) {
      rows.push([JSON.stringify(chosen), fit(scores(chosen).articles)]);
      return;
    }
    for (const v of grid[keys[i]!]!) walk(i + 1, { ...chosen, [keys[i]!]: v });
  };
  walk(0, {});
  rows.sort((a, b) => b[1].accuracy - a[1].accuracy || b[1].f1 - a[1].f1);
  for (const [setting, f] of rows.slice(0, 12)) console.log(`  ${setting}  ${f.accuracy.toFixed(3)}  ${f.f1.toFixed(3)}`);
  const top = rows[0]![1].accuracy;
  console.log(`  ${rows.filter(([, f]) => Math.abs(f.accuracy - top) < 1e-9).length} of ${rows.length} settings reach ${top.toFixed(3)}\n`);
  const entityGrid = { entityPrior: [0.25, 0.5, 1, 2], personPrior: [0.5, 1, 2, 4] };
  console.log('main-entity accuracy / macro-F1 by entity priors (each with its best bands):');
  for (const entityPrior of entityGrid.entityPrior) {
    const cells = entityGrid.personPrior.map((personPrior) => {
      const f = fit(scores({ entityPrior, personPrior }).entities);
      return `person ${personPrior}: ${f.accuracy.toFixed(3)}/${f.f1.toFixed(3)}`;
    });
    console.log(`  company ${entityPrior}  ${cells.join('  ')}`);
  }
  console.log();
}

const { articles: articlePairs, entities: entityPairs } = scores({});
const articleFit = fit(articlePairs);
const entityFit = fit(entityPairs);
console.log(`current weights: ${JSON.stringify({ evidencePrior: current.evidencePrior, neutralWeight: current.neutralWeight, titleShare: current.titleShare, quoteWeight: current.quoteWeight, entityPrior: current.entityPrior, personPrior: current.personPrior })}`);
show('articles', articleFit, articlePairs.length);
show('main entities', entityFit, entityPairs.length);
const wrong = (pairs: readonly Pair[], f: Fit) => pairs.filter((x) => labelOf(x.score, f.positive, f.negative) !== x.gold);
console.log('\nstill wrong with the chosen bands:');
for (const x of wrong(articlePairs, articleFit)) console.log(`  article  gold ${x.gold.padEnd(8)} score ${x.score.toFixed(3).padStart(6)}  ${x.name}`);
for (const x of wrong(entityPairs, entityFit)) console.log(`  entity   gold ${x.gold.padEnd(8)} score ${x.score.toFixed(3).padStart(6)}  ${x.name}`);

/**
 * Calibrates the neutral bands of lexicons/sentiment/calibration.json on the
 * gold set: runs the pipeline once, then prints label accuracy and macro-F1
 * for a range of bands, for articles and for main entities. Copy the best
 * bands into the calibration file by hand; the README says how.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDirectory } from '../src/analyze.ts';
import { loadGold } from '../src/eval/gold.ts';
import { macroF1, matchKey } from '../src/eval/metrics.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const gold = loadGold(path.join(ROOT, 'data/gold/annotations'));
const { articles } = await analyzeDirectory(path.join(ROOT, 'data/gold/articles'));
const byPath = new Map(articles.map((a) => [a.path, a]));

const articlePairs: Array<[string, number]> = [];
const entityPairs: Array<[string, number]> = [];
for (const g of gold) {
  const a = byPath.get(g.file) ?? byPath.get(`${g.file}#1`);
  if (!a) continue;
  articlePairs.push([g.sentiment, a.sentiment.score]);
  for (const e of g.entities.filter((x) => x.main && x.sentiment)) {
    const keys = new Set([e.name, ...e.aliases].map(matchKey));
    const p = a.entities.find((x) => x.id === e.id || keys.has(matchKey(x.name)) || x.mentions.some((m) => keys.has(matchKey(m.text))));
    entityPairs.push([e.sentiment!, p ? p.sentiment.score : 0]);
  }
}

const label = (score: number, positive: number, negative: number) => (score > positive ? 'positive' : score < -negative ? 'negative' : 'neutral');
const report = (name: string, pairs: Array<[string, number]>) => {
  console.log(`${name} (${pairs.length}): positive band, negative band → accuracy, macro-F1 (best 8)`);
  const rows: Array<[number, number, number, number]> = [];
  for (let p = 0; p <= 0.5001; p += 0.025) {
    for (let n = 0; n <= 0.5001; n += 0.025) {
      const labelled = pairs.map(([g, s]) => [g, label(s, p, n)] as [string, string]);
      const acc = labelled.filter(([g, l]) => g === l).length / Math.max(1, labelled.length);
      rows.push([p, n, acc, macroF1(labelled, ['positive', 'neutral', 'negative'])]);
    }
  }
  rows.sort((a, b) => b[2] - a[2] || b[3] - a[3] || a[0] - b[0]);
  for (const [p, n, acc, f1] of rows.slice(0, 8)) console.log(`  ${p.toFixed(3)}  ${n.toFixed(3)}  ${acc.toFixed(3)}  ${f1.toFixed(3)}`);
};
report('articles', articlePairs);
report('main entities', entityPairs);

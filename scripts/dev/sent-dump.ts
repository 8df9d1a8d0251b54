import path from 'node:path';
import { analyzeDirectory } from '../../src/analyze.ts';
import { loadGold } from '../../src/eval/gold.ts';
const gold = loadGold('data/gold/annotations');
const { articles } = await analyzeDirectory('data/gold/articles');
const byPath = new Map(articles.map((a) => [a.path, a]));
for (const g of gold) {
  const a = byPath.get(g.file) ?? byPath.get(`${g.file}#1`)!;
  const ev = [...a.sentiment.evidence].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight)).slice(0, 8).map((e) => `${e.text}${e.weight > 0 ? '+' : ''}${e.weight}`).join(' ');
  console.log(`${g.sentiment.padEnd(8)} ${a.sentiment.score.toFixed(2).padStart(6)} ${path.basename(g.file).slice(0, 24).padEnd(24)} ${ev}`);
}

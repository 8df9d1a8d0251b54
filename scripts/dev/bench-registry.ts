// Times the registry scan alone over a corpus folder (dev aid for the entity stage's cost).
import { analyzeDirectory } from '../../src/analyze.ts';
import { findRegistryMentions } from '../../src/entities/matcher.ts';
import { entityResources } from '../../src/stages/entities.ts';
const { articles } = await analyzeDirectory(process.argv[2] ?? 'data/gold/articles');
const { index } = entityResources();
const texts = articles.map((a) => a.text);
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const t = performance.now();
  let n = 0;
  for (const text of texts) n += findRegistryMentions(index, text).length;
  console.log(`registry scan: ${(performance.now() - t).toFixed(0)} ms, ${n} mentions, ${texts.reduce((s, x) => s + x.length, 0)} chars`);
}

/**
 * A check that claims work keeps its results: `inputs` runs the stages before
 * claims over folders and saves what buildClaims reads; `outputs` runs
 * buildClaims on the saved inputs and writes the claims, to compare with a
 * run of the code before a change. Inputs are saved once, so edits elsewhere
 * (entities, quotes) cannot show up as claim differences.
 *
 *   npx tsx scripts/dev/claims-snapshot.ts inputs /tmp/in.json data/gold/articles data/sample …
 *   npx tsx scripts/dev/claims-snapshot.ts outputs /tmp/in.json /tmp/out.json
 *   npx tsx scripts/dev/claims-snapshot.ts time /tmp/in.json [runs]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildClaims, type ClaimContext } from '../../src/claims/build.ts';
import { findArticleFiles, ingestFile } from '../../src/ingest/index.ts';
import { createPipeline } from '../../src/pipeline/runner.ts';
import { entitiesStage, entityResources } from '../../src/stages/entities.ts';
import { quotesStage } from '../../src/stages/quotes.ts';
import { segmentStage } from '../../src/stages/segment.ts';

type Input = Omit<ClaimContext, 'cues'> & { path: string };
const [mode, first, ...rest] = process.argv.slice(2);

if (mode === 'inputs') {
  const pipeline = createPipeline([segmentStage, entitiesStage, quotesStage]);
  const inputs: Input[] = [];
  for (const root of rest) {
    const { files } = await findArticleFiles(root);
    for (const file of files) {
      for await (const r of ingestFile(file)) {
        if (!r.ok) continue;
        const l = pipeline.run(r.doc);
        inputs.push({ path: `${root}/${r.doc.meta.path}`, text: r.doc.text, lang: r.doc.meta.language === 'en' ? 'en' : 'zh', publishedAt: r.doc.meta.publishedAt, sentences: l.sentences!, entities: l.entities!, quotes: l.quotes! });
      }
    }
  }
  writeFileSync(first!, JSON.stringify(inputs));
  console.log(`${inputs.length} articles`);
} else if (mode === 'outputs') {
  const inputs = JSON.parse(readFileSync(first!, 'utf8')) as Input[];
  const cues = entityResources().cues;
  const t = performance.now();
  const out = inputs.map((i) => ({ path: i.path, claims: buildClaims({ ...i, cues }) }));
  console.log(`${out.length} articles, ${out.reduce((n, o) => n + o.claims.length, 0)} claims, ${(performance.now() - t).toFixed(0)} ms`);
  writeFileSync(rest[0]!, JSON.stringify(out, null, 1));
} else if (mode === 'time') {
  // the best of several passes over the saved inputs: a steadier figure than one run on a noisy machine
  const inputs = JSON.parse(readFileSync(first!, 'utf8')) as Input[];
  const cues = entityResources().cues;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < Number(rest[0] ?? 5); r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const i of inputs) buildClaims({ ...i, cues });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time counts the collector's helper threads too, but not time the machine gave to others
  console.log(`${inputs.length} articles: best ${Math.min(...times).toFixed(0)} ms (cpu ${Math.min(...cpu).toFixed(0)} ms), runs ${times.map((t) => t.toFixed(0)).join(' ')}`);
} else throw new Error('usage: claims-snapshot.ts inputs <in.json> <folder…> | outputs <in.json> <out.json> | time <in.json> [runs]');

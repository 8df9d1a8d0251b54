// Times the parts of the entity stage separately over a folder's articles (dev aid): entity-parts.ts <folder>
import { findArticleFiles, ingestFile } from '../../src/ingest/index.ts';
import type { Doc } from '../../src/doc/types.ts';
import { segmentStage } from '../../src/stages/segment.ts';
import { entityResources, findEntities } from '../../src/stages/entities.ts';
import { findRegistryMentions } from '../../src/entities/matcher.ts';
import { discoverEntities } from '../../src/entities/discovery.ts';
import { discoverEnglish } from '../../src/entities/discovery-en.ts';
import { resolveCoreference } from '../../src/entities/coref.ts';
import { RangeSet } from '../../src/doc/spans.ts';
const { files } = await findArticleFiles(process.argv[2] ?? 'data/gold/articles');
const docs: Array<{ doc: Doc; tokens: never }> = [];
for (const f of files) for await (const r of ingestFile(f)) if (r.ok) docs.push({ doc: r.doc, tokens: (segmentStage.run(r.doc, {} as never) as unknown as { tokens: never }).tokens });
const { index, cues } = entityResources();
const time = (name: string, fn: (d: (typeof docs)[number]) => unknown) => {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (const d of docs) fn(d);
    best = Math.min(best, performance.now() - t);
  }
  console.log(name.padEnd(22), best.toFixed(0).padStart(6), 'ms');
};
const seg = (d: (typeof docs)[number]) => segmentStage.run(d.doc, {} as never);
time('segment', seg);
time('whole entity stage', (d) => findEntities(d.doc, d.tokens));
time('registry', (d) => findRegistryMentions(index, d.doc.text));
const known = new Map(docs.map((d) => [d, findRegistryMentions(index, d.doc.text)]));
time('discover (all)', (d) => discoverEntities(d.doc.text, d.doc.meta.language, d.tokens, known.get(d)!, cues));
time('discover english part', (d) => discoverEnglish(d.doc.text, d.doc.meta.language, new RangeSet([...known.get(d)!].sort((a, b) => a.start - b.start))));
time('coref', (d) => resolveCoreference(d.doc.text, d.doc.meta.language, known.get(d)!, cues, index.registry));
const disc = new Map(docs.map((d) => [d, discoverEntities(d.doc.text, d.doc.meta.language, d.tokens, known.get(d)!, cues)]));
time('named filter', (d) => {
  const discovered = disc.get(d)!;
  const units = discovered.filter((x) => x.org && x.type === 'company');
  const inside = (k: { start: number; end: number }, x: { start: number; end: number }) => x.start <= k.start && k.end <= x.end;
  return known.get(d)!.filter((k) => !units.some((u) => u.org === k.id && inside(k, u)) && !(k.type === 'location' && discovered.some((x) => inside(k, x))));
});
time('coref (all named)', (d) => resolveCoreference(d.doc.text, d.doc.meta.language, [...known.get(d)!, ...disc.get(d)!], cues, index.registry));
const { group, tickerMentions, isOutletCredit } = await import('../../src/stages/entities.ts');
time('outlet credit filter', (d) => known.get(d)!.filter((m) => !isOutletCredit(d.doc, m, index)));
time('ticker mentions', (d) => tickerMentions(d.doc.text, index));
const all = new Map(docs.map((d) => [d, [...known.get(d)!, ...disc.get(d)!, ...resolveCoreference(d.doc.text, d.doc.meta.language, [...known.get(d)!, ...disc.get(d)!], cues, index.registry)]]));
time('group', (d) => group(d.doc, all.get(d)!));

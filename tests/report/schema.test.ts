import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS_FILE, renderFieldDocs } from '../../scripts/schema-docs.ts';
import { analyzeDirectory } from '../../src/analyze.ts';
import { loadSchema, validateArticle, validateSummary } from '../../src/report/schema.ts';
import { buildSummary, type RunInfo } from '../../src/report/summary.ts';
import { writeReports } from '../../src/report/write.ts';
import { entityBands } from '../../src/run/analyze-corpus.ts';
import { TOOL } from '../../src/version.ts';
import { tempDir } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled sample and the gold articles: Chinese and English, Markdown, HTML, wires and feeds. */
const CORPORA = { sample: 'data/sample', gold: 'data/gold/articles' } as const;
type CorpusName = keyof typeof CORPORA;

type Json = Record<string, any>;

/** What the report writer put on disk for each corpus, read back as a consumer would. */
const output = {} as Record<CorpusName, { lines: string[]; summary: Json }>;

beforeAll(async () => {
  for (const [name, rel] of Object.entries(CORPORA) as Array<[CorpusName, string]>) {
    const started = Date.now();
    const result = await analyzeDirectory(path.join(ROOT, rel));
    const run: RunInfo = { startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, tool: TOOL.name, version: TOOL.version, input: rel, options: { timezone: '+08:00' } };
    const dir = tempDir('stratlens-schema-');
    await writeReports(dir, result.articles, buildSummary({ ...result, run, entityBands: entityBands() }));
    output[name] = {
      lines: readFileSync(path.join(dir, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean),
      summary: JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Json,
    };
  }
}, 120_000);

const articlesOf = (name: CorpusName): Json[] => output[name].lines.map((l) => JSON.parse(l) as Json);

describe.each(Object.keys(CORPORA) as CorpusName[])('real output of %s', (name) => {
  it('has articles to check', () => {
    expect(output[name].lines.length).toBeGreaterThan(10);
  });

  it('every line of articles.jsonl matches schema/article.schema.json', () => {
    const problems = articlesOf(name).flatMap((a) => validateArticle(a).map((m) => `${a.id} ${m}`));
    expect(problems).toEqual([]);
  });

  it('summary.json matches schema/summary.schema.json', () => {
    expect(validateSummary(output[name].summary)).toEqual([]);
  });
});

describe('the real output exercises the optional parts of the schema', () => {
  const all = () => [...articlesOf('sample'), ...articlesOf('gold')];
  it.each([
    ['a coreference mention', (a: Json) => a.entities.some((e: Json) => e.mentions.some((m: Json) => m.coref))],
    ['a discovered entity', (a: Json) => a.entities.some((e: Json) => e.discovered)],
    ['an entity with an org', (a: Json) => a.entities.some((e: Json) => e.org)],
    ['a quote with a speaker', (a: Json) => a.quotes.some((q: Json) => q.speaker !== null)],
    ['a quote without a speaker', (a: Json) => a.quotes.some((q: Json) => q.speaker === null)],
    ['a ranged claim', (a: Json) => a.claims.some((c: Json) => c.valueMax !== null)],
    ['a target with a horizon', (a: Json) => a.claims.some((c: Json) => c.horizonYears !== null)],
  ])('%s', (_what, has) => {
    expect(all().some(has)).toBe(true);
  });
});

/** A real article with entities, claims and an attributed quote, to break on purpose. */
function realArticle(): Json {
  const a = articlesOf('gold').find((x) => x.entities.length > 0 && x.claims.length > 0 && x.quotes.some((q: Json) => q.speaker));
  if (!a) throw new Error('no gold article with entities, claims and an attributed quote');
  return structuredClone(a);
}

describe('validateArticle reports what is wrong, and where', () => {
  it.each<[string, (a: Json) => void, string]>([
    ['a claim kind outside the vocabulary', (a) => { a.claims[0].kind = 'revenue'; }, '/claims/0/kind: must be equal to one of the allowed values'],
    ['a missing top-level field', (a) => { delete a.publishedAt; }, '/: missing required property "publishedAt"'],
    ['a missing nested field', (a) => { delete a.claims[0].sentence; }, '/claims/0: missing required property "sentence"'],
    ['an unknown property on the article', (a) => { a.wordCount = 120; }, '/: unknown property "wordCount"'],
    ['an unknown property on an entity', (a) => { a.entities[0].confidence = 0.9; }, '/entities/0: unknown property "confidence"'],
    ['a negative offset', (a) => { a.entities[0].mentions[0].start = -1; }, '/entities/0/mentions/0/start: must be >= 0'],
    ['a fractional offset', (a) => { a.claims[0].end = 12.5; }, '/claims/0/end: must be integer'],
    ['a date without its offset', (a) => { a.publishedAt = '2022-02-08 20:53:15'; }, '/publishedAt: must match pattern'],
    ['a sentiment score out of range', (a) => { a.sentiment.score = 1.5; }, '/sentiment/score: must be <= 1'],
    ['a sentiment label outside the vocabulary', (a) => { a.sentences[0].sentiment.label = 'mixed'; }, '/sentences/0/sentiment/label: must be equal to one of the allowed values'],
    ['an entity type outside the vocabulary', (a) => { a.entities[0].type = 'brand'; }, '/entities/0/type: must be equal to one of the allowed values'],
    ['a quote kind outside the vocabulary', (a) => { a.quotes[0].kind = 'tweet'; }, '/quotes/0/kind: must be equal to one of the allowed values'],
    ['null where null is not allowed', (a) => { a.title = null; }, '/title: must be string'],
    ['an extra field on a speaker', (a) => { a.quotes.find((q: Json) => q.speaker).speaker.role = 'CEO'; }, 'unknown property "role"'],
    ['discovered written as false', (a) => { a.entities[0].discovered = false; }, '/entities/0/discovered: must be true'],
    ['a negative restatement count', (a) => { a.claims[0].restatedIn = -1; }, '/claims/0/restatedIn: must be >= 0'],
    ['firstSeen without its article', (a) => { a.claims[0].firstSeen = { publishedAt: null }; }, '/claims/0/firstSeen: missing required property "article"'],
  ])('rejects %s', (_what, breakIt, expected) => {
    const article = realArticle();
    breakIt(article);
    const messages = validateArticle(article);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(expected);
  });

  it('reports every problem of a record at once', () => {
    const article = realArticle();
    article.claims[0].kind = 'revenue';
    delete article.url;
    article.extra = true;
    expect(validateArticle(article)).toHaveLength(3);
  });

  it('accepts the fields being added for duplicate detection', () => {
    const article = realArticle();
    article.duplicateOf = 'NW202202082270036781';
    article.claims[0].firstSeen = { article: 'NW202202082270036781', publishedAt: '2022-02-08T20:53:15+08:00' };
    article.claims[0].restatedIn = 2;
    article.claims[1 % article.claims.length].firstSeen = { article: 'h5e6d5291a0bb', publishedAt: null };
    expect(validateArticle(article)).toEqual([]);
  });
});

describe('validateSummary reports what is wrong, and where', () => {
  const summary = () => structuredClone(output.sample.summary);

  it.each<[string, (s: Json) => void, string]>([
    ['an error code outside the list', (s) => { s.errors.push({ path: 'a.md', code: 'bad-file', message: 'Something went wrong with it' }); }, '/errors/0/code: must be equal to one of the allowed values'],
    ['a missing count', (s) => { delete s.counts.articles; }, '/counts: missing required property "articles"'],
    ['an unknown count', (s) => { s.counts.pages = 3; }, '/counts: unknown property "pages"'],
    ['a claim kind outside the vocabulary in byKind', (s) => { s.claims.byKind.revenue = 2; }, '/claims/byKind: property name must be valid'],
    ['a month that is not YYYY-MM', (s) => { s.timeline[0].month = '2022-2'; }, '/timeline/0/month: must match pattern'],
    ['a negative duration', (s) => { s.run.durationMs = -5; }, '/run/durationMs: must be >= 0'],
    ['a start time that is not a date-time', (s) => { s.run.startedAt = 'yesterday'; }, '/run/startedAt: must match format "date-time"'],
    ['another major schema version', (s) => { s.schemaVersion = '2.0.0'; }, '/schemaVersion: must match pattern'],
  ])('rejects %s', (_what, breakIt, expected) => {
    const s = summary();
    breakIt(s);
    expect(validateSummary(s).join('\n')).toContain(expected);
  });

  it('accepts restatements and contradictions, and checks their shape', () => {
    const s = summary();
    s.counts.duplicates = 1;
    s.counts.restatements = 1;
    s.counts.contradictions = 1;
    s.claims.restatements = [
      { subject: 'xiaomi', metric: '研发投入', kind: 'investment', status: 'target', value: 100000000000, valueMax: null, unit: 'CNY', scope: null,
        firstSeen: { article: 'a', publishedAt: '2022-02-08T20:53:15+08:00' }, articles: 2, claims: [{ article: 'a', claim: 0 }, { article: 'b', claim: 3 }] },
    ];
    s.claims.contradictions = [
      { subject: 'xiaomi', metric: '营收', kind: 'financial', status: 'reported', period: '2026-Q2', unit: 'CNY', scope: null,
        values: [
          { value: 108900000000, valueMax: null, qualifier: 'exact', articles: 1, claims: [{ article: 'a', claim: 1 }] },
          { value: 118900000000, valueMax: null, qualifier: 'exact', articles: 1, claims: [{ article: 'c', claim: 0 }] },
        ] },
    ];
    expect(validateSummary(s)).toEqual([]);
    // a restatement needs two articles, and a contradiction two values
    s.claims.restatements[0].articles = 1;
    s.claims.contradictions[0].values.pop();
    expect(validateSummary(s).join('\n')).toMatch(/restatements\/0\/articles: must be >= 2[\s\S]*contradictions\/0\/values: must NOT have fewer than 2 items/);
  });
});

describe('the schemas document themselves', () => {
  /** Every object schema in a tree, with its path in the schema file. */
  function* objects(node: Json, at: string): Generator<[string, Json]> {
    if (!node || typeof node !== 'object') return;
    if (node.properties) yield [at, node];
    for (const [key, child] of Object.entries(node.properties ?? {})) yield* objects(child as Json, `${at}/properties/${key}`);
    for (const [key, child] of Object.entries(node.$defs ?? {})) yield* objects(child as Json, `${at}/$defs/${key}`);
    if (node.items) yield* objects(node.items, `${at}/items`);
  }

  it.each(['article', 'summary'] as const)('%s: every property has a description and every described object is closed', (name) => {
    const schema = loadSchema(name) as Json;
    expect(schema.$id).toMatch(/^urn:stratlens:schema:/);
    expect(schema.title).toBeTruthy();
    const problems: string[] = [];
    for (const [at, node] of objects(schema, '#')) {
      if (node.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
      for (const [key, prop] of Object.entries(node.properties as Record<string, Json>)) {
        if (typeof prop.description !== 'string' || prop.description.length < 10) problems.push(`${at}/properties/${key}: no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('docs/output-fields.md is what scripts/schema-docs.ts renders (run `npx tsx scripts/schema-docs.ts` after editing a schema)', () => {
    expect(readFileSync(DOCS_FILE, 'utf8')).toBe(renderFieldDocs());
  });
});

import type { Article, EntityType, Sentiment, SentimentLabel } from '../doc/types.ts';
import type { ArticleError, ArticleWarning } from '../ingest/errors.ts';
import { labelOf } from '../sentiment/score.ts';

export const SCHEMA_VERSION = '1.0.0';

export interface RunInfo {
  startedAt: string;
  durationMs: number;
  tool: string;
  version: string;
  input: string;
  options: Record<string, unknown>;
}

export interface EntityRollup {
  id: string;
  name: string;
  type: EntityType;
  articles: number;
  mentions: number;
  sentiment: Sentiment;
}

export interface Summary {
  schemaVersion: string;
  run: RunInfo;
  counts: { files: number; articles: number; failed: number; entities: number; claims: number; quotes: number; warnings: number };
  entities: EntityRollup[];
  claims: { byKind: Record<string, number>; byStatus: Record<string, number> };
  timeline: Array<{ month: string; articles: number }>;
  languages: Record<string, number>;
  encodings: Record<string, number>;
  errors: ArticleError[];
  warnings: ArticleWarning[];
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

function sortedCounts(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Rolls the articles up into summary.json (run info supplied by the caller). */
export function buildSummary(input: {
  articles: readonly Article[];
  files: number;
  errors: readonly ArticleError[];
  warnings: readonly ArticleWarning[];
  encodings: ReadonlyMap<string, number>;
  run: RunInfo;
  /** the neutral band of entity sentiment, as the sentiment stage labels entities */
  entityBands: { positive: number; negative: number };
}): Summary {
  const entities = new Map<string, EntityRollup & { scoreSum: number }>();
  const byKind = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const months = new Map<string, number>();
  const languages = new Map<string, number>();
  let claims = 0;
  let quotes = 0;
  for (const a of input.articles) {
    claims += a.claims.length;
    quotes += a.quotes.length;
    bump(languages, a.language);
    if (a.publishedAt) bump(months, a.publishedAt.slice(0, 7));
    for (const c of a.claims) {
      bump(byKind, c.kind);
      bump(byStatus, c.status);
    }
    for (const e of a.entities) {
      const r = entities.get(e.id) ?? { id: e.id, name: e.name, type: e.type, articles: 0, mentions: 0, sentiment: { score: 0, label: 'neutral' as SentimentLabel }, scoreSum: 0 };
      r.articles++;
      r.mentions += e.mentions.length;
      r.scoreSum += e.sentiment.score;
      entities.set(e.id, r);
    }
  }
  const rollup = [...entities.values()]
    .map(({ scoreSum, ...r }) => {
      const score = round(scoreSum / r.articles);
      return { ...r, sentiment: { score, label: labelOf(score, input.entityBands.positive, input.entityBands.negative) } };
    })
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPath = (a: { path: string; code: string }, b: { path: string; code: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    schemaVersion: SCHEMA_VERSION,
    run: input.run,
    counts: {
      files: input.files,
      articles: input.articles.length,
      failed: input.errors.length,
      entities: rollup.length,
      claims,
      quotes,
      warnings: input.warnings.length,
    },
    entities: rollup,
    claims: { byKind: sortedCounts(byKind), byStatus: sortedCounts(byStatus) },
    timeline: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, articles]) => ({ month, articles })),
    languages: sortedCounts(languages),
    encodings: sortedCounts(new Map(input.encodings)),
    errors: [...input.errors].sort(byPath),
    warnings: [...input.warnings].sort(byPath),
  };
}

import type { Article, EntityType, Sentiment, SentimentLabel } from '../doc/types.ts';
import type { ArticleError, ArticleWarning } from '../ingest/errors.ts';
import { labelOf } from '../sentiment/score.ts';
import type { ContradictionSummary, CorpusLinks, RestatementSummary } from '../corpus/link.ts';

export const SCHEMA_VERSION = '1.1.0';

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
  counts: {
    files: number;
    articles: number;
    failed: number;
    entities: number;
    claims: number;
    quotes: number;
    warnings: number;
    duplicates: number;
    restatements: number;
    contradictions: number;
  };
  entities: EntityRollup[];
  claims: { byKind: Record<string, number>; byStatus: Record<string, number>; restatements: RestatementSummary[]; contradictions: ContradictionSummary[] };
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

/**
 * Rolls articles up into summary.json one at a time, so a corpus of any size
 * is summarised in memory that grows with its distinct entities and months,
 * not with its articles. Articles must be added in id order for the sums to
 * be the same in every run.
 */
export class SummaryBuilder {
  private readonly entities = new Map<string, EntityRollup & { scoreSum: number }>();
  private readonly byKind = new Map<string, number>();
  private readonly byStatus = new Map<string, number>();
  private readonly months = new Map<string, number>();
  private readonly languages = new Map<string, number>();
  private readonly encodings = new Map<string, number>();
  private readonly errors: ArticleError[] = [];
  private readonly warnings: ArticleWarning[] = [];
  private articles = 0;
  private duplicates = 0;
  private links: CorpusLinks | null = null;
  private claims = 0;
  private quotes = 0;

  /** @param entityBands the neutral band of entity sentiment, as the sentiment stage labels entities */
  constructor(private readonly entityBands: { positive: number; negative: number }) {}

  /** Adds one article. A republication (`duplicateOf`) is counted as an article and a duplicate, and left out of every other roll-up. */
  add(a: Article): void {
    this.articles++;
    if (a.duplicateOf !== undefined) {
      this.duplicates++;
      return;
    }
    this.claims += a.claims.length;
    this.quotes += a.quotes.length;
    bump(this.languages, a.language);
    if (a.publishedAt) bump(this.months, a.publishedAt.slice(0, 7));
    for (const c of a.claims) {
      bump(this.byKind, c.kind);
      bump(this.byStatus, c.status);
    }
    for (const e of a.entities) {
      const r = this.entities.get(e.id) ?? { id: e.id, name: e.name, type: e.type, articles: 0, mentions: 0, sentiment: { score: 0, label: 'neutral' as SentimentLabel }, scoreSum: 0 };
      r.articles++;
      r.mentions += e.mentions.length;
      r.scoreSum += e.sentiment.score;
      this.entities.set(e.id, r);
    }
  }

  /** The corpus pass's results (restatements and contradictions). */
  setLinks(links: CorpusLinks): void {
    this.links = links;
  }

  addEncoding(encoding: string, count = 1): void {
    bump(this.encodings, encoding, count);
  }

  addError(error: ArticleError): void {
    this.errors.push(error);
  }

  addWarning(warning: ArticleWarning): void {
    this.warnings.push(warning);
  }

  build(files: number, run: RunInfo): Summary {
    const { positive, negative } = this.entityBands;
    const rollup = [...this.entities.values()]
      .map(({ scoreSum, ...r }) => {
        const score = round(scoreSum / r.articles);
        return { ...r, sentiment: { score, label: labelOf(score, positive, negative) } };
      })
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const byPath = (a: { path: string; code: string }, b: { path: string; code: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    return {
      schemaVersion: SCHEMA_VERSION,
      run,
      counts: {
        files,
        articles: this.articles,
        failed: this.errors.length,
        entities: rollup.length,
        claims: this.claims,
        quotes: this.quotes,
        warnings: this.warnings.length,
        duplicates: this.duplicates,
        restatements: this.links?.restatements.total ?? 0,
        contradictions: this.links?.contradictions.total ?? 0,
      },
      entities: rollup,
      claims: {
        byKind: sortedCounts(this.byKind),
        byStatus: sortedCounts(this.byStatus),
        restatements: this.links?.restatements.list ?? [],
        contradictions: this.links?.contradictions.list ?? [],
      },
      timeline: [...this.months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, articles]) => ({ month, articles })),
      languages: sortedCounts(this.languages),
      encodings: sortedCounts(this.encodings),
      errors: [...this.errors].sort(byPath),
      warnings: [...this.warnings].sort(byPath),
    };
  }
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
  /** the corpus pass's results, when it ran over these articles */
  links?: CorpusLinks;
}): Summary {
  const builder = new SummaryBuilder(input.entityBands);
  if (input.links) builder.setLinks(input.links);
  for (const a of input.articles) builder.add(a);
  for (const [encoding, count] of input.encodings) builder.addEncoding(encoding, count);
  for (const e of input.errors) builder.addError(e);
  for (const w of input.warnings) builder.addWarning(w);
  return builder.build(input.files, input.run);
}

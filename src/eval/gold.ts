import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ClaimKind, ClaimStatus, EntityType, Qualifier, QuoteKind, SentimentLabel } from '../doc/types.ts';

/** One annotated entity of a gold article (data/gold/README.md). */
export interface GoldEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  main?: boolean;
  sentiment?: SentimentLabel;
  optional?: boolean;
}

export interface GoldClaim {
  text: string;
  occurrence: number;
  kind: ClaimKind;
  status: ClaimStatus;
  value: number;
  valueMax: number | null;
  qualifier?: Qualifier;
  unit?: string | null;
  subject?: string | null;
}

export interface GoldQuote {
  kind: QuoteKind;
  begin: string;
  end: string;
  occurrence?: number;
  speaker: string | null;
}

export interface GoldArticle {
  /** annotation file name, for messages */
  annotation: string;
  /** path of the article under data/gold/articles */
  file: string;
  language: string;
  topic?: 'on' | 'off';
  sentiment: SentimentLabel;
  entities: GoldEntity[];
  claims: GoldClaim[];
  quotes: GoldQuote[];
}

const LABELS = new Set(['positive', 'neutral', 'negative']);
const KINDS = new Set(['investment', 'financial', 'volume', 'growth', 'share', 'ranking', 'price', 'other']);
const ENTITY_TYPES = new Set(['company', 'person', 'product', 'organization', 'location']);
const QUOTE_KINDS = new Set(['speech', 'document', 'indirect', 'term']);

/** Checks one annotation's shape; returns the problems found (empty when valid). */
export function validateGold(name: string, g: Partial<GoldArticle>): string[] {
  const p: string[] = [];
  const at = (where: string, what: string) => p.push(`${name}: ${where}: ${what}`);
  if (typeof g.file !== 'string') at('file', 'missing');
  if (!LABELS.has(g.sentiment as string)) at('sentiment', `"${g.sentiment}" is not positive, neutral or negative`);
  for (const [i, e] of (g.entities ?? []).entries()) {
    if (!e.id || !ENTITY_TYPES.has(e.type)) at(`entities[${i}]`, `needs an id and a type (got ${e.id}, ${e.type})`);
    if (!Array.isArray(e.aliases)) at(`entities[${i}] ${e.id}`, 'aliases must be a list');
    if (e.main && !LABELS.has(e.sentiment as string)) at(`entities[${i}] ${e.id}`, 'a main entity needs a sentiment label');
  }
  for (const [i, c] of (g.claims ?? []).entries()) {
    if (!c.text || !(c.occurrence >= 1)) at(`claims[${i}]`, 'needs text and occurrence >= 1');
    if (!KINDS.has(c.kind)) at(`claims[${i}] ${c.text}`, `unknown kind "${c.kind}"`);
    if (c.status !== 'target' && c.status !== 'reported') at(`claims[${i}] ${c.text}`, `unknown status "${c.status}"`);
    if (typeof c.value !== 'number' || !Number.isFinite(c.value)) at(`claims[${i}] ${c.text}`, 'value must be a number');
  }
  for (const [i, q] of (g.quotes ?? []).entries()) {
    if (!QUOTE_KINDS.has(q.kind) || !q.begin || !q.end) at(`quotes[${i}]`, 'needs kind, begin and end');
  }
  return p;
}

/** Loads every annotation under `dir`; throws one error listing every invalid one. */
export function loadGold(dir: string): GoldArticle[] {
  const problems: string[] = [];
  const gold: GoldArticle[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let data: Partial<GoldArticle>;
    try {
      data = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Partial<GoldArticle>;
    } catch (error) {
      problems.push(`${name}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const found = validateGold(name, data);
    problems.push(...found);
    if (found.length === 0) {
      gold.push({ annotation: name, file: data.file!, language: data.language ?? 'zh', topic: data.topic, sentiment: data.sentiment!, entities: data.entities ?? [], claims: data.claims ?? [], quotes: data.quotes ?? [] });
    }
  }
  if (problems.length) throw new Error(`Invalid gold annotations:\n  ${problems.join('\n  ')}`);
  return gold;
}

/** Start of the n-th (1-based) occurrence of `needle` in `text`, or -1. */
export function nthIndexOf(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

import type { Article, Entity } from '../doc/types.ts';
import { nthIndexOf, type GoldArticle, type GoldClaim, type GoldEntity } from './gold.ts';
import { emptyCounts, matchKey, type Counts } from './metrics.ts';

interface Range {
  start: number;
  end: number;
}

/** What one gold article contributes to the scores, with the misses and false positives. */
export interface ArticleScore {
  file: string;
  goldErrors: string[];
  entities: Counts;
  entitiesByType: Record<string, Counts>;
  mentions: Counts;
  claims: Counts;
  claimsKind: Counts;
  claimValues: { correct: number; total: number };
  claimStatus: { correct: number; total: number };
  quotes: Counts;
  speakers: { correct: number; total: number };
  sentiment: { gold: string; predicted: string };
  entitySentiment: Array<{ id: string; gold: string; predicted: string | null }>;
  misses: string[];
  falsePositives: string[];
}

const SCORED_TYPES = new Set(['company', 'person', 'organization']);

const overlap = (a: Range, b: Range) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const len = (r: Range) => r.end - r.start;

function entityMatches(pred: Entity, gold: GoldEntity): boolean {
  if (pred.id === gold.id) return true;
  const keys = new Set([gold.name, ...gold.aliases].map(matchKey));
  return [pred.name, pred.nameEn ?? '', ...pred.mentions.map((m) => m.text)].some((n) => n && keys.has(matchKey(n)));
}

/** All occurrences of the gold aliases, longest alias first, without overlaps. */
function goldMentions(text: string, aliases: string[]): Range[] {
  const taken: Range[] = [];
  for (const alias of [...new Set(aliases)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
      const r = { start: at, end: at + alias.length };
      if (!taken.some((t) => overlap(t, r) > 0)) taken.push(r);
    }
  }
  return taken;
}

/** Greedy one-to-one matching of candidate pairs, best score first. */
function matchPairs<P, G>(preds: P[], golds: G[], score: (p: P, g: G) => number): Map<number, number> {
  const pairs: Array<[number, number, number]> = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    const s = score(p, g);
    if (s > 0) pairs.push([s, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const byPred = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const [, i, j] of pairs) {
    if (byPred.has(i) || usedGold.has(j)) continue;
    byPred.set(i, j);
    usedGold.add(j);
  }
  return byPred;
}

const sameNumber = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : Math.abs(a! - b!) <= 1e-6 * Math.max(1, Math.abs(b!));

/** Scores one article against its annotation (data/gold/README.md, "Matching rules"). */
export function scoreArticle(article: Article, gold: GoldArticle): ArticleScore {
  const text = article.text;
  const s: ArticleScore = {
    file: gold.file, goldErrors: [], entities: emptyCounts(), entitiesByType: {}, mentions: emptyCounts(),
    claims: emptyCounts(), claimsKind: emptyCounts(), claimValues: { correct: 0, total: 0 }, claimStatus: { correct: 0, total: 0 },
    quotes: emptyCounts(), speakers: { correct: 0, total: 0 }, sentiment: { gold: gold.sentiment, predicted: article.sentiment.label },
    entitySentiment: [], misses: [], falsePositives: [],
  };

  // Entities: optional gold entities, and predictions that match them, are left out on both sides.
  const goldEntities = gold.entities.filter((e) => SCORED_TYPES.has(e.type) && !e.optional);
  const optional = gold.entities.filter((e) => SCORED_TYPES.has(e.type) && e.optional);
  const predEntities = article.entities.filter((e) => SCORED_TYPES.has(e.type) && !optional.some((o) => entityMatches(e, o)));
  const entityPairs = matchPairs(predEntities, goldEntities, (p, g) => (p.id === g.id ? 2 : entityMatches(p, g) ? 1 : 0));
  const matchedGold = new Map<number, Entity>();
  predEntities.forEach((p, i) => {
    const j = entityPairs.get(i);
    if (j === undefined) {
      s.entities.fp++;
      s.falsePositives.push(`entity ${p.id} (${p.name}, ${p.type})`);
    } else matchedGold.set(j, p);
  });
  goldEntities.forEach((g, j) => {
    const byType = (s.entitiesByType[g.type] ??= emptyCounts());
    const pred = matchedGold.get(j);
    if (pred) {
      s.entities.tp++;
      byType.tp++;
    } else {
      s.entities.fn++;
      byType.fn++;
      s.misses.push(`entity ${g.id} (${g.name}, ${g.type})`);
    }
    // Mention level: the gold alias occurrences against the matched entity's mentions.
    const goldRanges = goldMentions(text, g.aliases.length ? g.aliases : [g.name]);
    if (goldRanges.length === 0) s.goldErrors.push(`entity ${g.id}: none of its aliases (${g.aliases.join(', ')}) is in the text`);
    // References (该公司, AAPL.O) are not names: the gold lists names only.
    const predRanges = (pred?.mentions ?? []).filter((m) => !m.coref);
    const hits = goldRanges.filter((r) => predRanges.some((m) => m.start === r.start && m.end === r.end)).length;
    s.mentions.tp += hits;
    s.mentions.fn += goldRanges.length - hits;
    s.mentions.fp += predRanges.length - hits;
    if (g.main && g.sentiment) s.entitySentiment.push({ id: g.id, gold: g.sentiment, predicted: pred?.sentiment.label ?? null });
  });
  predEntities.forEach((p, i) => {
    if (!entityPairs.has(i)) s.mentions.fp += p.mentions.filter((m) => !m.coref).length;
  });

  // Claims: several gold claims on one span count once.
  const spans = new Map<string, { range: Range; claims: GoldClaim[] }>();
  for (const c of gold.claims) {
    const at = nthIndexOf(text, c.text, c.occurrence);
    if (at < 0) {
      s.goldErrors.push(`claim "${c.text}" (occurrence ${c.occurrence}) is not in the text`);
      continue;
    }
    const key = `${at}:${c.text.length}`;
    const entry = spans.get(key) ?? { range: { start: at, end: at + c.text.length }, claims: [] };
    entry.claims.push(c);
    spans.set(key, entry);
  }
  const goldSpans = [...spans.values()];
  const claimPairs = matchPairs(article.claims, goldSpans, (p, g) => {
    const o = overlap(p, g.range);
    return o > 0 && o >= 0.5 * Math.min(len(p), len(g.range)) && len(p) <= 2 * len(g.range) + 6 ? o / Math.max(len(p), len(g.range)) : 0;
  });
  const claimMatched = new Set<number>();
  article.claims.forEach((p, i) => {
    const j = claimPairs.get(i);
    if (j === undefined) {
      s.claims.fp++;
      s.claimsKind.fp++;
      s.falsePositives.push(`claim "${p.text}" ${p.kind} ${p.value}`);
      return;
    }
    claimMatched.add(j);
    const g = goldSpans[j]!;
    s.claims.tp++;
    if (g.claims.some((c) => c.kind === p.kind)) s.claimsKind.tp++;
    else {
      s.claimsKind.fp++;
      s.claimsKind.fn++;
      s.misses.push(`claim kind "${g.claims[0]!.text}": gold ${g.claims[0]!.kind}, predicted ${p.kind}`);
    }
    s.claimValues.total++;
    if (g.claims.some((c) => sameNumber(c.value, p.value) && sameNumber(c.valueMax, p.valueMax))) s.claimValues.correct++;
    else s.misses.push(`claim value "${g.claims[0]!.text}": gold ${g.claims[0]!.value}${g.claims[0]!.valueMax !== null ? `..${g.claims[0]!.valueMax}` : ''}, predicted ${p.value}${p.valueMax !== null ? `..${p.valueMax}` : ''}`);
    s.claimStatus.total++;
    if (g.claims.some((c) => c.status === p.status)) s.claimStatus.correct++;
  });
  goldSpans.forEach((g, j) => {
    if (claimMatched.has(j)) return;
    s.claims.fn++;
    s.claimsKind.fn++;
    s.misses.push(`claim "${g.claims[0]!.text}" ${g.claims[0]!.kind} ${g.claims[0]!.value}`);
  });

  // Quotes: speech and document.
  const goldQuotes: Array<{ range: Range; speaker: string | null; label: string }> = [];
  for (const q of gold.quotes.filter((q) => q.kind === 'speech' || q.kind === 'document')) {
    const at = nthIndexOf(text, q.begin, q.occurrence ?? 1);
    const endAt = at < 0 ? -1 : text.indexOf(q.end, at);
    if (at < 0 || endAt < 0) {
      s.goldErrors.push(`quote "${q.begin}…${q.end}" is not in the text`);
      continue;
    }
    goldQuotes.push({ range: { start: at, end: endAt + q.end.length }, speaker: q.speaker, label: `${q.kind} "${q.begin}…"` });
  }
  const predQuotes = article.quotes.filter((q) => q.kind === 'speech' || q.kind === 'document');
  const quotePairs = matchPairs(predQuotes, goldQuotes, (p, g) => {
    const o = overlap(p, g.range);
    return o >= 0.5 * Math.max(len(p), len(g.range)) && o > 0 ? o / Math.max(len(p), len(g.range)) : 0;
  });
  const quoteMatched = new Set<number>();
  predQuotes.forEach((p, i) => {
    const j = quotePairs.get(i);
    if (j === undefined) {
      s.quotes.fp++;
      s.falsePositives.push(`quote ${p.kind} "${p.text.slice(0, 20)}…"`);
      return;
    }
    quoteMatched.add(j);
    s.quotes.tp++;
    const g = goldQuotes[j]!;
    const speaker = gold.entities.find((e) => e.id === g.speaker);
    const ok = g.speaker === null ? p.speaker === null : p.speaker !== null && (p.speaker.id === g.speaker || (!!speaker && [speaker.name, ...speaker.aliases].map(matchKey).includes(matchKey(p.speaker.name))));
    s.speakers.total++;
    if (ok) s.speakers.correct++;
    else s.misses.push(`speaker of ${g.label}: gold ${g.speaker}, predicted ${p.speaker?.id ?? null}`);
  });
  goldQuotes.forEach((g, j) => {
    if (!quoteMatched.has(j)) {
      s.quotes.fn++;
      s.misses.push(`quote ${g.label}`);
    }
  });
  if (s.sentiment.gold !== s.sentiment.predicted) s.misses.push(`sentiment: gold ${s.sentiment.gold}, predicted ${s.sentiment.predicted}`);
  return s;
}

import type { SentimentEvidence } from '../doc/types.ts';
import type { LexiconMatch, SentimentLexicon } from '../lexicons/sentiment.ts';

/** One term (or metric-movement pair) that moved a sentence's score, in text offsets. */
export interface ScoredItem extends SentimentEvidence {
  /** index of the clause within the sentence */
  clause: number;
}

/** How a stretch of text reads: the raw sum, the hedge factor and the items behind it. */
export interface RawScore {
  raw: number;
  /** 1 when nothing hedges the text; lower for 或, 可能, rhetorical questions */
  confidence: number;
  items: ScoredItem[];
  /** start offsets of the clauses, for targeting entities */
  clauses: number[];
}

// How far a degree adverb reaches, and how far a metric reaches to its movement word (characters).
const DEGREE_REACH = 4;
const METRIC_REACH = 6;

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Scores a Chinese sentence `text.slice(start, end)` with the sentiment
 * lexicons: polarity terms, flipped by negators in scope (an even number of
 * negators cancels), scaled by degree adverbs; a metric followed by a
 * movement (亏损收窄, 成本上升) scores by the metric's direction; text after
 * an adversative (但, 而) weighs more and text before it less; hedges and
 * rhetorical questions lower confidence, never flip polarity.
 */
export function scoreChinese(text: string, start: number, end: number, lexicon: SentimentLexicon): RawScore {
  const sentence = text.slice(start, end);
  const matches = lexicon.scan(sentence);
  const clauses = [0];
  for (let i = 0; i < sentence.length; i++) if (lexicon.clauseBreaks.has(sentence[i]!) && i + 1 < sentence.length) clauses.push(i + 1);
  const clauseOf = (pos: number) => {
    let c = 0;
    while (c + 1 < clauses.length && clauses[c + 1]! <= pos) c++;
    return c;
  };

  const items: Array<ScoredItem & { local: number }> = [];
  let negations: Array<{ until: number; clause: number }> = [];
  let degree: { at: number; multiplier: number; clause: number } | null = null;
  let confidence = 1;
  const contrasts: Array<{ at: number; clause: number; match: LexiconMatch }> = [];
  const used = new Set<LexiconMatch>();

  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const clause = clauseOf(m.start);
    if (m.hedge) confidence = Math.min(confidence, m.hedge.confidenceMultiplier);
    if (m.contrast) contrasts.push({ at: m.start, clause, match: m });
    if (m.negator) {
      negations.push({ until: m.end + m.negator.scope, clause });
      continue;
    }
    if (m.degree) {
      degree = { at: m.end, multiplier: m.degree.multiplier, clause };
      continue;
    }
    if (used.has(m)) continue;
    let weight = 0;
    let itemEnd = m.end;
    // A metric and the movement that follows it read by the metric's direction: 亏损收窄 is good news.
    if (m.metric && m.metric.direction !== 'context-dependent') {
      const next = matches.slice(k + 1).find((n) => n.movement && n.start - m.end <= METRIC_REACH && clauseOf(n.start) === clause);
      if (next?.movement) {
        const sign = (next.movement.movement === 'up' ? 1 : -1) * (m.metric.direction === 'higher-is-better' ? 1 : -1);
        weight = sign * (next.movement.intensity ?? 1);
        itemEnd = next.end;
        used.add(next);
      }
    }
    if (weight === 0 && m.polarity) weight = m.polarity.weight;
    if (weight === 0) continue;
    if (degree && degree.clause === clause && m.start - degree.at <= DEGREE_REACH) weight *= degree.multiplier;
    degree = null;
    const active = negations.filter((n) => n.clause === clause && m.start < n.until);
    if (active.length % 2 === 1) weight = -weight;
    negations = [];
    items.push({ text: text.slice(start + m.start, start + itemEnd), start: start + m.start, end: start + itemEnd, weight, clause, local: m.start });
  }

  // An adversative (但, 然而, 而) weighs what follows it more; a concessive (虽然) weighs its own clause less.
  for (const c of contrasts) {
    const entry = c.match.contrast!;
    for (const item of items) {
      const after = entry.type === 'adversative' ? item.local >= c.at : item.clause !== c.clause;
      const before = entry.type === 'adversative' ? item.local < c.at : item.clause === c.clause && item.local > c.at;
      if (after) item.weight *= entry.afterWeight;
      else if (before) item.weight *= entry.beforeWeight;
    }
  }
  const raw = items.reduce((sum, i) => sum + i.weight, 0);
  return {
    raw: round(raw),
    confidence,
    items: items.map(({ local: _local, ...item }) => ({ ...item, weight: round(item.weight) })),
    clauses: clauses.map((c) => start + c),
  };
}

/** Squashes a raw sum into [-1, 1]; two ordinary terms of one sign make about ±0.6. */
export function squash(raw: number): number {
  return round(Math.tanh(raw / 3));
}

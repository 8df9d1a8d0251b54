import type { SentimentEvidence, SentimentLabel } from '../doc/types.ts';

/** One term (or metric-movement pair) that moved a sentence's score, in text offsets. */
export interface ScoredItem extends SentimentEvidence {
  /** index of the clause within the sentence */
  clause: number;
}

/** How a stretch of text reads: the raw sum, the hedge factor and the items behind it. */
export interface RawScore {
  raw: number;
  /** 1 when nothing hedges the text; lower for 或, 可能, may, rhetorical questions */
  confidence: number;
  items: ScoredItem[];
  /** start offsets (in the text) of the clauses, for targeting entities */
  clauses: number[];
}

/** A contrast marker found in a sentence, in sentence-local positions. */
export interface ContrastMark {
  type: 'adversative' | 'concessive';
  /** where the marker starts */
  at: number;
  /** for a concessive marker: where the conceded part ends (the next clause break, or an adversative) */
  concededEnd: number;
  afterWeight: number;
  beforeWeight: number;
}

export const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The label of a score, given the neutral band (and a separate negative band when asymmetric). */
export function labelOf(score: number, band: number, negativeBand = band): SentimentLabel {
  return score > band ? 'positive' : score < -negativeBand ? 'negative' : 'neutral';
}

/**
 * The factor contrast gives a term at sentence-local position `pos`. An
 * adversative (但, but) favours what follows it; a concessive (虽然, although)
 * discounts the part it opens and favours the rest. Markers do not multiply:
 * 虽然…但… is one contrast, so a term takes the strongest favour it gets,
 * else the strongest discount.
 */
export function contrastFactor(pos: number, marks: readonly ContrastMark[]): number {
  let favour = 1;
  let discount = 1;
  for (const m of marks) {
    const conceded = m.type === 'adversative' ? pos < m.at : pos >= m.at && pos < m.concededEnd;
    if (conceded) discount = Math.min(discount, m.beforeWeight);
    else if (m.type === 'concessive' || pos >= m.at) favour = Math.max(favour, m.afterWeight);
  }
  return favour !== 1 ? favour : discount;
}

/** Squashes a raw sum into [-1, 1]; two ordinary terms of one sign make about ±0.6. */
export function squash(raw: number): number {
  return round(Math.tanh(raw / 3));
}

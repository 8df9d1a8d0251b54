import type { Claim, SentimentEvidence } from '../doc/types.ts';
import type { SentimentLexicon } from '../lexicons/sentiment.ts';
import { englishRules } from './english.ts';

/** A growth claim read as evidence about its subject. */
export interface ClaimItem extends SentimentEvidence {
  /** entity id the claim is about, or null when the claims layer could not tell */
  subject: string | null;
}

// A claim counts like an ordinary evaluative term (增长 +1, 下滑 −1); a target like a hedged one.
const CLAIM_WEIGHT = 1;
const TARGET_FACTOR = 0.7;

/**
 * The direction of a claim's metric: 1 when more is better, −1 when less is
 * (亏损, costs), 0 when it depends (价格). A metric that itself names a change
 * (降幅, 增速, 跌幅) is 1: the claim's signed value already says which way it went.
 */
function metricSign(metric: string | null, lexicon: SentimentLexicon): number {
  if (!metric) return 1;
  for (let i = 0; i < metric.length; i++) if (lexicon.matchesAt(metric, i).some((m) => m.movement)) return 1;
  const found = lexicon.scan(metric).find((m) => m.metric);
  if (found?.metric) return found.metric.direction === 'higher-is-better' ? 1 : found.metric.direction === 'lower-is-better' ? -1 : 0;
  const english = metric.toLowerCase().split(/\s+/).map((w) => englishRules().metrics.get(w)).filter(Boolean).at(-1);
  return english === 'lower-is-better' ? -1 : 1;
}

/**
 * Growth claims with a sign, as evidence by sentence index: 出货量同比下跌10%
 * (value −10) is bad news for its subject, 亏损同比扩大20% too (a loss is a
 * lower-is-better metric), 营收同比增长25% good news. A target (预计…下降)
 * counts less than a reported result.
 */
export function claimEvidence(claims: readonly Claim[], sentenceCount: number, lexicon: SentimentLexicon): Map<number, ClaimItem[]> {
  const bySentence = new Map<number, ClaimItem[]>();
  for (const c of claims) {
    if (c.kind !== 'growth' || c.value === 0 || c.sentence < 0 || c.sentence >= sentenceCount) continue;
    const sign = Math.sign(c.value) * metricSign(c.metric, lexicon);
    if (sign === 0) continue;
    const weight = sign * CLAIM_WEIGHT * (c.status === 'target' ? TARGET_FACTOR : 1);
    const list = bySentence.get(c.sentence) ?? [];
    list.push({ text: c.text, start: c.start, end: c.end, weight, subject: c.subject });
    bySentence.set(c.sentence, list);
  }
  return bySentence;
}

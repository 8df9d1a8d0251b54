import { round } from './score.ts';

/** One sentence's (or the title's) reading and how much it counts in the article. */
export interface WeightedScore {
  /** in [-1, 1]; 0 when no term fired */
  score: number;
  weight: number;
}

/** The knobs of {@link balanceScore}; calibrated values live in lexicons/sentiment/calibration.json. */
export interface BalanceOptions {
  /** pseudo-evidence on the neutral side: a little evidence of one sign stays close to neutral */
  evidencePrior: number;
  /** how much a sentence with no evidence (a plain fact) pulls the article towards neutral */
  neutralWeight: number;
}

/**
 * An article's score as the balance of its positive and negative evidence:
 * (P − N) / (P + N + prior + neutralWeight · Z), where P and N are the
 * weighted sums of the positive and negative sentence scores and Z the weight
 * of the sentences that carry none. An article that praises and criticises in
 * equal measure reads neutral however long it is, a one-sided article leans
 * to its side, and a long factual report with a few warm words stays near
 * neutral — which a plain sum of term weights gets wrong on all three counts.
 */
export function balanceScore(parts: readonly WeightedScore[], options: BalanceOptions): number {
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  for (const { score, weight } of parts) {
    if (score > 0) positive += weight * score;
    else if (score < 0) negative -= weight * score;
    else neutral += weight;
  }
  const denominator = positive + negative + options.evidencePrior + options.neutralWeight * neutral;
  return denominator > 0 ? round((positive - negative) / denominator) : 0;
}

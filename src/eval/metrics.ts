/** True/false positive and false negative counts. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Adds `b` into `a`. */
export function addCounts(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/**
 * Precision, recall and F1. With nothing predicted precision is 1 (no false
 * claims were made); with nothing to find recall is 1.
 */
export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

/** A ratio of correct over total, null when there is nothing to measure. */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number | null;
}

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? null : round(correct / total) };
}

/** Macro-F1 over labels, from (gold, predicted) pairs. */
export function macroF1(pairs: ReadonlyArray<[string, string]>, labels: readonly string[]): number {
  const f1s = labels.map((label) => {
    const c = emptyCounts();
    for (const [gold, pred] of pairs) {
      if (gold === label && pred === label) c.tp++;
      else if (pred === label) c.fp++;
      else if (gold === label) c.fn++;
    }
    return prf(c).f1;
  });
  return round(f1s.reduce((a, b) => a + b, 0) / labels.length);
}

/** Comparison key: full/half width, case and spaces folded. */
export { foldKey as matchKey } from '../text/keys.ts';

/** The shape of a numeral as the readers return it (internal to the recognizer). */
import type { ArabicNumber } from './arabic.ts';
import type { Exact } from './decimal.ts';

/** A numeral as read, before units and qualifier words. */
export interface Numeral {
  start: number;
  end: number;
  /** lower and upper bound; equal unless the numeral is vague (几) or a pair (两三) */
  lo: Exact;
  hi: Exact;
  /** 多/余 inside the numeral (十多万): more than lo */
  open: boolean;
  /** two adjacent digits (两三个, 二三十): an explicit range */
  pair: boolean;
  /** 几 or 数 stands for a digit */
  vague: boolean;
  /** begins with a place word and no digit (百分之, 千元, 万亿) */
  bareLead: boolean;
  /** nothing but one bare 百 or 千 — a number only in a few contexts */
  bareSingle: boolean;
  /** exponent of the 万/亿/Latin scale that ends the numeral (15亿 → 8), else 0 */
  scaleExp: number;
  /** the numeral is exactly this Arabic number */
  arabic: ArabicNumber | null;
  /** digits read one by one (九九, 二〇二一) */
  positional: string | null;
  /** a fraction (三分之一, 3/5, 1 3/5) */
  fraction: boolean;
  /** a fraction over a bare power of ten (百分之五, 千分之一, 十分之一), valued in percent */
  percentFraction: boolean;
  /** for percent fractions, where the numerator is (the number the text actually writes) */
  inner: { start: number; end: number } | null;
  negative: boolean;
}

/** A numeral with default flags. */
export function makeNumeral(start: number, end: number, lo: Exact, hi: Exact = lo): Numeral {
  return {
    start, end, lo, hi, open: false, pair: false, vague: false, bareLead: false, bareSingle: false, scaleExp: 0,
    arabic: null, positional: null, fraction: false, percentFraction: false, inner: null, negative: false,
  };
}

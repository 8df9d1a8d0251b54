/**
 * Percentages: signs and words after a number (%, ‰, 个百分点, percent), tenths
 * (三成 = 30%, 三成半 = 35%, 七成六 = 76%) and discounts (八折 = 80%,
 * 75折 = 75%, 9.9折 = 99%). Percentage points keep the unit 'pp'.
 */
import { arabicDigitAt, foldAt, isSpaceCode, skipSpaces } from './chars.ts';
import { add, compare, int, mul, scale, type Exact } from './decimal.ts';
import type { Numeral } from './numeral.ts';
import { BIG, DIGIT, MARKER, PERCENT_SUFFIXES, PERCENT_WORDS, POSITIONAL, SMALL, type PercentSuffix } from './tables.ts';
import { charIn } from './words.ts';

const TEN = int(10);
const FIVE = int(5);

/** The percent suffix after a number, honouring each word's exclusions (折旧 is not a discount). */
export function percentSuffixAt(text: string, i: number): { entry: PercentSuffix; end: number } | null {
  return PERCENT_SUFFIXES.longest(text, i, (e, end) => !charIn(text, end, e.notBefore));
}

/** A single digit (Arabic or Chinese, not 两) at i, else -1. */
function singleDigitAt(text: string, i: number): number {
  const a = arabicDigitAt(text, i);
  if (a >= 0) return a;
  const c = text.charCodeAt(i);
  return POSITIONAL[c] ? DIGIT[c]! : -1;
}

/** True when the character at i could continue a numeral (so it is not a lone trailing digit). */
function continuesNumeral(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return singleDigitAt(text, i) >= 0 || SMALL[c]! > 0 || BIG[c]! > 0 || MARKER.get(c) === 'point' || foldAt(text, i) === 46 || percentSuffixAt(text, i) !== null;
}

/**
 * The value in percent of `num` followed by `entry`, with the end of the
 * expression (tenths may take a trailing 半 or digit), or null when the pair is
 * not a percentage (十折 means nothing; 十二成 neither).
 */
export function percentValue(text: string, num: Numeral, entry: PercentSuffix, suffixEnd: number): { lo: Exact; hi: Exact; end: number } | null {
  if (entry.style === 'plain') {
    const f = entry.multiplier;
    return { lo: f ? mul(num.lo, f) : num.lo, hi: f ? mul(num.hi, f) : num.hi, end: suffixEnd };
  }
  if (num.fraction || num.percentFraction || num.negative || num.open) return null;
  if (entry.style === 'tenths') {
    if (compare(num.hi, TEN) > 0) return null;
    let lo = mul(num.lo, TEN);
    let hi = mul(num.hi, TEN);
    let end = suffixEnd;
    if (text[end] === '半') {
      lo = add(lo, FIVE); hi = add(hi, FIVE); end++;
    } else {
      // 七成六, 七成 六: one more digit is the next tenth
      const q = skipSpaces(text, end);
      const d = singleDigitAt(text, q);
      if (d >= 0 && !continuesNumeral(text, q + 1)) { lo = add(lo, int(d)); hi = add(hi, int(d)); end = q + 1; }
    }
    return { lo, hi, end };
  }
  // Discounts: two digits read one by one are the percentage itself (75折, 九九折);
  // a single digit, possibly with a decimal, counts tenths (八折, 9.9折, 三点一折)
  const twoDigits = num.positional?.length === 2 || (num.arabic !== null && num.arabic.intDigits.length === 2 && num.arabic.fracDigits === null);
  if (twoDigits && compare(num.lo, TEN) >= 0) return { lo: num.lo, hi: num.hi, end: suffixEnd };
  if (compare(num.hi, TEN) < 0 && compare(num.lo, int(0)) > 0) return { lo: mul(num.lo, TEN), hi: mul(num.hi, TEN), end: suffixEnd };
  return null;
}

/** 7 2 折, 九 九 折: two single digits apart, then 折. Returns the percent and end, or null. */
export function readSpacedDiscount(text: string, i: number): { value: Exact; end: number } | null {
  const d1 = singleDigitAt(text, i);
  if (d1 < 1 || !isSpaceCode(text.charCodeAt(i + 1))) return null;
  const q = skipSpaces(text, i + 1);
  const d2 = singleDigitAt(text, q);
  if (d2 < 0) return null;
  const s = percentSuffixAt(text, skipSpaces(text, q + 1));
  if (!s || s.entry.style !== 'discount') return null;
  return { value: add(scale(int(d1), 1), int(d2)), end: s.end };
}

/** A fixed percent word at i (打对折 → 对折, 半成), with its value in percent. */
export function percentWordAt(text: string, i: number): { value: Exact; end: number } | null {
  const m = PERCENT_WORDS.longest(text, i, (e) => e.requiresPrev === null || text.slice(i - e.requiresPrev.length, i) === e.requiresPrev);
  return m ? { value: m.entry.exact, end: m.end } : null;
}

/**
 * Place words. 十/百/千 multiply the digit before them; 万/亿/兆 multiply
 * everything since the previous bigger scale (一万五千亿 = 1.5×10^12,
 * 四万万 = 4×10^8); Latin scale words (40k, 7.4 billion) and 打 (a dozen)
 * multiply a finished number.
 */
import { arabicDigitAt, isLatinAt, skipSpaces } from './chars.ts';
import { add, mul, scale, ZERO, type Exact } from './decimal.ts';
import { LATIN_SCALES, MULTIPLIERS } from './tables.ts';
import { charIn } from './words.ts';

/** A finished group: the value it stands for, and the power of ten it was scaled to. */
export interface Group {
  lo: Exact;
  hi: Exact;
  exp: number;
}

/**
 * Scales the current section by 10^exp, first folding in the groups below that
 * scale (the 万 group of 一万五千亿). Returns false when there is nothing to scale.
 */
export function applyBigScale(groups: Group[], curLo: Exact, curHi: Exact, hasCur: boolean, exp: number): boolean {
  let lo = curLo;
  let hi = curHi;
  let inner = 0;
  let popped = false;
  while (groups.length > 0 && groups[groups.length - 1]!.exp <= exp) {
    const g = groups.pop()!;
    lo = add(lo, g.lo);
    hi = add(hi, g.hi);
    inner = Math.max(inner, g.exp);
    popped = true;
  }
  if (!hasCur && !popped) return false;
  groups.push({ lo: scale(lo, exp), hi: scale(hi, exp), exp: exp + inner });
  return true;
}

/** Sum of the groups' lower and upper bounds. */
export function sumGroups(groups: readonly Group[]): { lo: Exact; hi: Exact } {
  let lo = ZERO;
  let hi = ZERO;
  for (const g of groups) { lo = add(lo, g.lo); hi = add(hi, g.hi); }
  return { lo, hi };
}

/** A Latin scale word after a number (40k, -2.5 M, 7.4 billion): its exponent and end, or null. */
export function readLatinScale(text: string, end: number, singleDigit: boolean): { exp: number; end: number } | null {
  const p = skipSpaces(text, end);
  const m = LATIN_SCALES.longest(text, p);
  if (!m) return null;
  // 4K and 8K are screen resolutions, not four thousand (5k salaries are)
  if (singleDigit && m.entry.word === 'K') return null;
  // a word scale needs a space before it ("7.4 billion"); a letter scale must not have letters or digits glued after it
  if (m.entry.word.length > 2 && p === end) return null;
  if (isLatinAt(text, m.end) || arabicDigitAt(text, m.end) >= 0) return null;
  return { exp: m.entry.exponent, end: m.end };
}

/** 打 (a dozen) right after a number: the factor and end, or null when 打 starts a verb (打开, 打造). */
export function readMultiplier(text: string, end: number): { factor: Exact; end: number } | null {
  const m = MULTIPLIERS.get(text.charCodeAt(end));
  if (!m || charIn(text, end + 1, m.notBefore)) return null;
  return { factor: m.factor, end: end + 1 };
}

/** Multiplies both bounds. */
export function scaleBounds(lo: Exact, hi: Exact, factor: Exact): { lo: Exact; hi: Exact } {
  return { lo: mul(lo, factor), hi: mul(hi, factor) };
}

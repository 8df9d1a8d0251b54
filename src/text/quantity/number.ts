/**
 * A whole number as written: sign, numeral core or Arabic form, fractions
 * (三分之一, 百分之五, 3/5), mixed numbers (三又三分之一), Latin scale words
 * (40k, 7.4 billion) and 打 (a dozen).
 */
import { readArabic, readArabicTail } from './arabic.ts';
import { arabicDigitAt, foldAt, isAlnumAt, skipSpaces } from './chars.ts';
import { add, div, int, isInteger, isZero, mul, negate, scale, equals, type Exact } from './decimal.ts';
import { readCore } from './numerals.ts';
import { makeNumeral, type Numeral } from './numeral.ts';
import { readLatinScale, readMultiplier } from './scale.ts';
import { BIG, DIGIT, FRACTION_MARKERS, MARKER, SMALL } from './tables.ts';

export interface ReadOptions {
  /** a bare 万/亿 may begin the number (上万, 过亿) */
  bareBig?: boolean;
  /** reading the numerator of a fraction: no nested fraction */
  inFraction?: boolean;
  /** reading the fraction of a mixed number: no nested 又 */
  inMixed?: boolean;
}

const HUNDRED: Exact = int(100);

function isPowerOfTen(v: Exact): boolean {
  return isInteger(v) && /^10*$/.test(v.n.toString());
}

/** True when a numeral can begin at i (used after 负 and signs). */
function startsNumeral(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return arabicDigitAt(text, i) >= 0 || DIGIT[c]! >= 0 || SMALL[c]! > 0 || BIG[c]! > 0 || MARKER.get(c) === 'vague';
}

/** Reads a signed number at i, or null. */
export function readNumber(text: string, i: number, options: ReadOptions = {}): Numeral | null {
  let p = i;
  let negative = false;
  const c = foldAt(text, i);
  if (c === 45 || c === 43) {
    // -5, +3 — but not the hyphen of a range (10-15) or the second of two signs (－－9)
    const prev = foldAt(text, i - 1);
    if (i > 0 && (isAlnumAt(text, i - 1) || prev === 45 || prev === 43 || prev === 37 || prev === 46)) return null;
    if (!(arabicDigitAt(text, i + 1) >= 0 || (foldAt(text, i + 1) === 46 && arabicDigitAt(text, i + 2) >= 0))) return null;
    negative = c === 45;
    p++;
  } else if (MARKER.get(text.charCodeAt(i)) === 'negative') {
    // 负三十二, 负1.1 — 负债 and 负责 are not numbers
    if (!startsNumeral(text, i + 1)) return null;
    negative = true;
    p++;
  }
  const num = readUnsigned(text, p, options);
  if (!num) return null;
  if (negative) {
    const lo = num.lo;
    num.lo = negate(num.hi);
    num.hi = negate(lo);
    num.negative = true;
  }
  num.start = i;
  return num;
}

function readUnsigned(text: string, p: number, options: ReadOptions): Numeral | null {
  let num: Numeral | null = null;
  if (arabicDigitAt(text, p) >= 0 || foldAt(text, p) === 46) {
    const a = readArabic(text, p);
    const tail = a ? readArabicTail(text, a) : null;
    if (tail) {
      num = makeNumeral(p, tail.end, tail.value);
      num.fraction = tail.fraction;
    }
  }
  num ??= readCore(text, p, options.bareBig ?? false);
  if (!num) return null;

  if (!options.inFraction && !num.fraction && !num.open && !num.vague && !num.pair && !isZero(num.lo)) {
    const marker = FRACTION_MARKERS.longest(text, skipSpaces(text, num.end));
    const numerator = marker ? readNumber(text, skipSpaces(text, marker.end), { inFraction: true }) : null;
    if (numerator) {
      const den = num.lo;
      if (num.bareLead && isPowerOfTen(den)) {
        // 百分之五, 千分之一, 十分之一: a share of a bare power of ten is a percentage
        num.lo = div(mul(numerator.lo, HUNDRED), den);
        num.hi = div(mul(numerator.hi, HUNDRED), den);
        num.percentFraction = true;
        num.inner = { start: numerator.start, end: numerator.end };
        num.pair = numerator.pair;
        num.vague = numerator.vague;
        num.open = numerator.open;
      } else {
        num.lo = div(numerator.lo, den);
        num.hi = div(numerator.hi, den);
        num.fraction = true;
      }
      num.end = numerator.end;
      num.scaleExp = 0;
      num.arabic = null;
      num.positional = null;
      num.bareSingle = false;
    }
  }

  if (!options.inFraction && !options.inMixed && !num.fraction && !num.percentFraction && isInteger(num.lo) && equals(num.lo, num.hi)) {
    // 三又三分之一, 3又一千分之23
    const r = skipSpaces(text, num.end);
    if (MARKER.get(text.charCodeAt(r)) === 'mixed') {
      const f = readNumber(text, skipSpaces(text, r + 1), { inMixed: true });
      if (f && f.fraction && !f.negative) {
        num.lo = num.hi = add(num.lo, f.lo);
        num.end = f.end;
        num.fraction = true;
        num.scaleExp = 0;
        num.arabic = null;
      }
    }
  }

  if (!num.fraction && !num.percentFraction && arabicDigitAt(text, num.end - 1) >= 0) {
    const single = num.arabic !== null && num.arabic.intDigits.length === 1 && num.arabic.fracDigits === null;
    const s = readLatinScale(text, num.end, single);
    if (s) {
      num.lo = scale(num.lo, s.exp);
      num.hi = scale(num.hi, s.exp);
      num.end = s.end;
      num.scaleExp = s.exp;
      num.arabic = null;
    }
  }

  if (!num.fraction && !num.percentFraction && isInteger(num.lo)) {
    const m = readMultiplier(text, num.end);
    if (m) {
      num.lo = mul(num.lo, m.factor);
      num.hi = mul(num.hi, m.factor);
      num.end = m.end;
      num.arabic = null;
      num.positional = null;
      num.bareSingle = false;
    }
  }
  return num;
}

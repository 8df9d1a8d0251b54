/**
 * Arabic numerals: digits with thousands separators and decimals (1,100.9;
 * ４，５６５; .5), and the forms that only Arabic numbers take: scientific
 * notation (2e5, 1.5×10^8), powers (2^-1) and slash fractions (3/5, 1 3/5).
 */
import { arabicDigitAt, foldAt, isFullWidthDigitAt, isLatinAt } from './chars.ts';
import { div, fromDigits, add, power, scale, isZero, type Exact } from './decimal.ts';

/** One run of Arabic digits as written. */
export interface ArabicNumber {
  start: number;
  end: number;
  value: Exact;
  intDigits: string;
  fracDigits: string | null;
  /** written with thousands separators */
  grouped: boolean;
  /** one link of a dotted chain (2022.02.08, 14.0.1): a date, version or address, not one number */
  chained: boolean;
}

const DOT = 46;
const COMMA = 44;
const FULL_COMMA = 0xff0c;

function readDigits(text: string, i: number): string {
  let s = '';
  for (let d = arabicDigitAt(text, i); d >= 0; d = arabicDigitAt(text, ++i)) s += d;
  return s;
}

function isDot(text: string, i: number): boolean {
  return foldAt(text, i) === DOT;
}

/** Reads an Arabic number at i (digits, or a decimal that starts with a point: .5). */
export function readArabic(text: string, i: number): ArabicNumber | null {
  let p = i;
  let intDigits = readDigits(text, p);
  p += intDigits.length;
  let grouped = false;
  if (intDigits === '') {
    // ".5" — but not the "...9" of an ellipsis or the ".2222" after a dotted link
    if (!isDot(text, i) || arabicDigitAt(text, i + 1) < 0) return null;
    if (i > 0 && (isDot(text, i - 1) || arabicDigitAt(text, i - 1) >= 0)) return null;
  } else if (intDigits.length <= 3) {
    // Thousands groups: exactly three digits after each separator. A full-width
    // comma groups only full-width digits: after ASCII digits it is the Chinese list comma.
    for (;;) {
      const sep = text.charCodeAt(p);
      if (sep !== COMMA && sep !== FULL_COMMA) break;
      if (sep === FULL_COMMA && !(isFullWidthDigitAt(text, p - 1) && isFullWidthDigitAt(text, p + 1))) break;
      const group = readDigits(text, p + 1);
      if (group.length !== 3) break;
      intDigits += group;
      grouped = true;
      p += 4;
    }
  }
  // A number preceded by "digit." is a later link of a dotted chain.
  let chained = intDigits !== '' && i >= 2 && isDot(text, i - 1) && arabicDigitAt(text, i - 2) >= 0;
  let fracDigits: string | null = null;
  if (!chained && isDot(text, p) && arabicDigitAt(text, p + 1) >= 0) {
    const frac = readDigits(text, p + 1);
    const after = p + 1 + frac.length;
    if (isDot(text, after) && arabicDigitAt(text, after + 1) >= 0) chained = true;
    else { fracDigits = frac; p = after; }
  }
  if (isDot(text, p) && arabicDigitAt(text, p + 1) >= 0) chained = true;
  if (p === i) return null; // ".3.4": a leading point that starts a chain reads nothing
  return { start: i, end: p, value: fromDigits(intDigits, fracDigits ?? ''), intDigits, fracDigits, grouped, chained };
}

/** An Arabic-only form that extends a plain number: exponent, power or slash fraction. */
export interface ArabicTail {
  end: number;
  value: Exact;
  fraction: boolean;
}

function readSigned(text: string, i: number, manySigns: boolean): { value: number; end: number } | null {
  let p = i;
  let neg = false;
  for (let c = foldAt(text, p); c === 43 || c === 45; c = foldAt(text, ++p)) {
    if (c === 45) neg = !neg;
    if (!manySigns && p > i) return null;
  }
  const digits = readDigits(text, p);
  if (digits === '' || digits.length > 3) return null;
  return { value: neg ? -Number(digits) : Number(digits), end: p + digits.length };
}

/** Reads what may follow an Arabic number `a`: e/E exponent, ^power, ×10^n, /denominator, or " a/b" (a mixed number). */
export function readArabicTail(text: string, a: ArabicNumber): ArabicTail | null {
  const p = a.end;
  const c = foldAt(text, p);
  const plain = !a.grouped && !a.chained;
  if (plain && (c === 101 || c === 69)) {
    // 2e5, 2.7890e-1, 12.32e+14 — one sign at most
    const e = readSigned(text, p + 1, false);
    if (e && !isLatinAt(text, e.end)) return { end: e.end, value: scale(a.value, e.value), fraction: false };
  }
  if (plain && c === 94) {
    // 2^5, 2^-1, -1.1^--23: the signs of the exponent multiply
    const e = readSigned(text, p + 1, true);
    if (e && !(isZero(a.value) && e.value < 0)) return { end: e.end, value: power(a.value, e.value), fraction: false };
  }
  if (plain && (c === 215 || c === 42 || c === 120 || c === 88)) {
    // 1.5×10^8
    if (arabicDigitAt(text, p + 1) === 1 && arabicDigitAt(text, p + 2) === 0 && foldAt(text, p + 3) === 94) {
      const e = readSigned(text, p + 4, false);
      if (e) return { end: e.end, value: scale(a.value, e.value), fraction: false };
    }
  }
  if (plain && a.fracDigits === null) {
    if (c === 47) {
      // 3/5 — but 2022/02/08 is a date
      const den = readArabic(text, p + 1);
      if (den && den.fracDigits === null && !den.grouped && !isZero(den.value) && foldAt(text, den.end) !== 47) {
        return { end: den.end, value: div(a.value, den.value), fraction: true };
      }
    }
    if (c === 32) {
      // 1 3/5: a whole number, one space, a fraction
      const num = readArabic(text, p + 1);
      if (num && num.fracDigits === null && !num.grouped && foldAt(text, num.end) === 47) {
        const den = readArabic(text, num.end + 1);
        if (den && den.fracDigits === null && !den.grouped && !isZero(den.value) && foldAt(text, den.end) !== 47) {
          return { end: den.end, value: add(a.value, div(num.value, den.value)), fraction: true };
        }
      }
    }
  }
  return null;
}

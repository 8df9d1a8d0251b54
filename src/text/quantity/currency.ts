/**
 * Money: currency signs and codes before an amount (¥, US$, RMB, 人民币),
 * currency words after it (元, 美元, 亿元, billion euros), and sub-units that
 * may follow an amount in the main unit (五元三毛, 两美元又三美分).
 */
import { isHanAt, isLatinAt, skipSpaces } from './chars.ts';
import { add, mul, ZERO, type Exact } from './decimal.ts';
import { readNumber } from './number.ts';
import { CURRENCY_MINORS, CURRENCY_PREFIXES, CURRENCY_SUFFIXES, MARKER, DIGIT, type CurrencyWord } from './tables.ts';
import { charIn } from './words.ts';

/** A standalone word (三块) is money only at the end of a phrase, or before 钱. */
function standaloneOk(text: string, end: number): boolean {
  return !isHanAt(text, end) || text[end] === '钱';
}

/** A currency sign, code or name before an amount. Codes must not be glued to letters before them. */
export function currencyPrefixAt(text: string, i: number): { entry: CurrencyWord; end: number } | null {
  const m = CURRENCY_PREFIXES.longest(text, i);
  if (!m) return null;
  if (isLatinAt(text, i) && isLatinAt(text, i - 1)) return null;
  return m;
}

/** A currency word after an amount, honouring standalone words and exclusions (元年 is not money). */
export function currencySuffixAt(text: string, i: number): { entry: CurrencyWord; end: number } | null {
  return CURRENCY_SUFFIXES.longest(text, i, (e, end) => !charIn(text, end, e.notBefore) && (!e.standalone || standaloneOk(text, end)));
}

/**
 * Sub-units after an amount in `code` (50元6角三分): the amount they add and where they end.
 * Each is a small whole number directly followed by a sub-unit of the same currency.
 */
export function readMinorUnits(text: string, end: number, code: string): { add: Exact; end: number } {
  let total = ZERO;
  let p = end;
  for (let k = 0; k < 2; k++) {
    let q = p;
    // 两美元又三美分, 五元零五分
    if (MARKER.get(text.charCodeAt(q)) === 'mixed' || DIGIT[text.charCodeAt(q)] === 0) q = skipSpaces(text, q + 1);
    const num = readNumber(text, q, { inFraction: true, inMixed: true });
    if (!num || num.fraction || num.open || num.vague || num.pair || num.negative) break;
    // 五元三毛 ends the phrase or goes on to the next sub-unit (6角三分)
    const unit = CURRENCY_MINORS.longest(text, num.end, (e, e2) => e.code === code && (standaloneOk(text, e2) || DIGIT[text.charCodeAt(e2)]! >= 0));
    if (!unit || !unit.entry.minorFactor) break;
    total = add(total, mul(num.lo, unit.entry.minorFactor));
    p = unit.end;
  }
  return { add: total, end: p };
}

/**
 * Quantity and time recognition for Chinese (and basic English) business text.
 * Pure functions over a string; all offsets are half-open UTF-16 indexes.
 */
import { equals, toDecimalString } from './decimal.ts';
import { readNumber } from './number.ts';
import { scanQuantities } from './scanner.ts';
import type { Quantity, RecognizeOptions } from './types.ts';

export type { Qualifier, Quantity, QuantityKind, QuantityMode, RecognizeOptions, TimeExpression } from './types.ts';
export { recognizeTimes } from './time.ts';

/** Finds the quantities in `text`, sorted by start, non-overlapping, longest match first. */
export function recognizeQuantities(text: string, options: RecognizeOptions = {}): Quantity[] {
  return scanQuantities(text, options.mode ?? 'business').map((m) => {
    const q: Quantity = { text: m.text, start: m.start, end: m.end, kind: m.kind, value: m.value, valueMax: m.valueMax, qualifier: m.qualifier, unit: m.unit };
    if (m.exact !== undefined) q.exact = m.exact;
    return q;
  });
}

/** The exact decimal string of a whole numeral ('十二亿三千万' → '1230000000'), or null when `s` is not exactly one exact terminating number. */
export function parseChineseNumber(s: string): string | null {
  const num = readNumber(s, 0);
  if (!num || num.end !== s.length || num.open || num.vague || num.pair || !equals(num.lo, num.hi)) return null;
  return toDecimalString(num.lo);
}

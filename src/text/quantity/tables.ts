/**
 * Lookup tables built once, at module load, from lexicons/quantity/.
 * Per-character tables are typed arrays indexed by UTF-16 code so the scanner
 * can test a character without hashing.
 */
import { loadQuantityLexicon } from '../../lexicons/quantity.ts';
import type { CurrencyEntry, PercentSuffixEntry, QualifierEntry, UnitEntry, WordNumberEntry, PercentWordEntry, MarkerRole, LatinScaleEntry, TimeWordEntry } from '../../lexicons/quantity.ts';
import { parseDecimal, type Exact } from './decimal.ts';
import { keyOf, WordTable } from './words.ts';
import { isLatinAt } from './chars.ts';

export const LEXICON = loadQuantityLexicon();

/** Digit value of a Chinese numeral character, -1 if none. */
export const DIGIT = new Int8Array(65536).fill(-1);
/** 1 when the digit may be read one by one (二〇二一, 九九, 点三三): every digit but the colloquial 两. */
export const POSITIONAL = new Uint8Array(65536);
/** Exponent of 十/百/千 (1–3), 0 if none. */
export const SMALL = new Uint8Array(65536);
/** Exponent of 万/亿/兆 (4, 8, 12), 0 if none. */
export const BIG = new Uint8Array(65536);
/** Role of single-character markers (点, 负, 几, 多, 又). */
export const MARKER = new Map<number, MarkerRole>();

for (const d of LEXICON.digits) {
  DIGIT[d.word.charCodeAt(0)] = d.value;
  if (!d.colloquial) POSITIONAL[d.word.charCodeAt(0)] = 1;
}
for (const s of LEXICON.scales) (s.class === 'small' ? SMALL : BIG)[s.word.charCodeAt(0)] = s.exponent;
for (const m of LEXICON.markers) if (m.word.length === 1) MARKER.set(m.word.charCodeAt(0), m.role);

/** The fraction marker 分之, matched with spaces allowed between its characters. */
export const FRACTION_MARKERS = new WordTable(LEXICON.markers.filter((m) => m.role === 'fraction'), { spaced: () => true });

/** Latin scale words after a number: k, M, billion (case-sensitive: m is metres). */
export const LATIN_SCALES = new WordTable<LatinScaleEntry>(LEXICON.latinScales);

/** The multiplier 打 (a dozen) with its exclusions. */
export const MULTIPLIERS = new Map(LEXICON.multipliers.map((m) => [m.word.charCodeAt(0), { factor: parseDecimal(m.factor), notBefore: m.notBefore }]));

/** Fixed words that are numbers by themselves (半百, 个位数), with exact bounds. */
export const WORD_NUMBERS = new WordTable<WordNumberEntry & { lo: Exact; hi: Exact }>(
  LEXICON.words.map((w) => ({ ...w, lo: parseDecimal(w.value), hi: parseDecimal(w.valueMax ?? w.value) })),
);

/** Fixed percent words (对折, 半成), value in percent. */
export const PERCENT_WORDS = new WordTable<PercentWordEntry & { exact: Exact }>(
  LEXICON.percentWords.map((w) => ({ ...w, exact: parseDecimal(w.value) })),
);

/** Currency words by position. Latin ones match in any case. */
export type CurrencyWord = CurrencyEntry & { minorFactor: Exact | null };
const currencies: CurrencyWord[] = LEXICON.currencies.map((c) => ({ ...c, minorFactor: c.factor === null ? null : parseDecimal(c.factor) }));
export const CURRENCY_PREFIXES = new WordTable(currencies.filter((c) => c.position === 'prefix'), { caseInsensitive: true });
export const CURRENCY_SUFFIXES = new WordTable(currencies.filter((c) => c.position === 'suffix'), { caseInsensitive: true });
export const CURRENCY_MINORS = new WordTable(currencies.filter((c) => c.position === 'minor'));

/** Percent suffixes (%, 个百分点, 成, 折, percent). */
export type PercentSuffix = PercentSuffixEntry & { multiplier: Exact | null };
export const PERCENT_SUFFIXES = new WordTable<PercentSuffix>(
  LEXICON.percentSuffixes.map((p) => ({ ...p, multiplier: p.factor === null ? null : parseDecimal(p.factor) })),
  { caseInsensitive: true, spaced: (p) => p.spaced },
);

/** Counted nouns, measures and time units after a number. */
export const UNITS = new WordTable<UnitEntry>(LEXICON.units);

const byPosition = (pos: QualifierEntry['position']): QualifierEntry[] => LEXICON.qualifiers.filter((q) => q.position === pos);
export const QUALIFIER_PREFIXES = new WordTable(byPosition('prefix'));
export const QUALIFIER_SUFFIXES = new WordTable(byPosition('suffix').filter((q) => !q.beforeUnit));
export const QUALIFIER_BEFORE_UNIT = new WordTable(byPosition('suffix').filter((q) => q.beforeUnit));
export const RANGE_CONNECTORS = new WordTable(byPosition('connector'));
export const QUALIFIER_LINKS = new WordTable(byPosition('link'));
export const ORDINAL_PREFIXES = new WordTable(byPosition('ordinal'), { caseInsensitive: true });

/** Words that contain numerals but are not numbers (四川, 一切, 队伍). */
export const NON_NUMERALS = new WordTable(LEXICON.nonNumerals);

/** Time words for recognizeTimes, by role. */
export function timeWords(role: TimeWordEntry['role']): TimeWordEntry[] {
  return LEXICON.timeWords.filter((t) => t.role === role);
}

/** The word lists whose words can begin a quantity (or hide one: NON_NUMERALS), at the scanner's start positions. */
const LEAD_TABLES: ReadonlyArray<WordTable<{ word: string }>> = [CURRENCY_PREFIXES, QUALIFIER_PREFIXES, ORDINAL_PREFIXES, NON_NUMERALS, WORD_NUMBERS, PERCENT_WORDS];

/** Characters at which a quantity (or a word that hides one) can begin. */
export const START = new Uint8Array(65536);
{
  const mark = (code: number): void => {
    START[code] = 1;
    // full-width twin of an ASCII symbol, and both cases of a Latin letter
    if (code >= 0x21 && code <= 0x7e) START[code + 0xfee0] = 1;
  };
  for (let c = 48; c <= 57; c++) mark(c);
  for (let c = 65; c <= 90; c++) { mark(c); mark(c + 32); }
  for (let c = 0; c < 65536; c++) if (DIGIT[c]! >= 0 || SMALL[c] || BIG[c]) START[c] = 1;
  for (const [c, role] of MARKER) if (role === 'negative' || role === 'vague' || role === 'vague-lead') START[c] = 1;
  for (const t of LEAD_TABLES) for (const c of t.firstCodes()) mark(c);
  for (const s of ['.', '-', '+']) mark(s.charCodeAt(0));
}

/**
 * Start characters that can begin nothing but a word of {@link LEAD_TABLES}
 * (上 of 上千, 不 of 不到, 之 of 之一): every other character of START (digits,
 * numerals, markers, ASCII and its full-width twins) is 0. At such a
 * character a quantity can begin only where one of those words does, so the
 * scanner first checks the next character against {@link leadPairAt}.
 */
export const WORD_LEAD = new Uint8Array(65536);
const LEAD_PAIR_SLOTS = 1 << 14;
const leadPairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (LEAD_PAIR_SLOTS - 1);
const LEAD_PAIRS = new Int32Array(LEAD_PAIR_SLOTS >>> 5);
/** A second character as the loosest of the tables' rules compares it (full width folded, any case). */
const leadKey = (code: number): number => keyOf(code, true);
{
  // first characters are folded keys: full-width forms are already ASCII here
  for (const t of LEAD_TABLES) for (const c of t.firstCodes()) if (c > 0x7e && !isLatinAt(String.fromCharCode(c), 0)) WORD_LEAD[c] = 1;
  for (let c = 0; c < 65536; c++) if (DIGIT[c]! >= 0 || SMALL[c] || BIG[c] || MARKER.has(c)) WORD_LEAD[c] = 0;
  for (const t of LEAD_TABLES) {
    for (const [a, b] of t.leadKeys()) {
      // a one-character word (前, 约) or one whose characters may stand apart: the character alone may begin a quantity
      if (b < 0) WORD_LEAD[a] = 0;
      else {
        const slot = leadPairSlot(a, leadKey(b));
        LEAD_PAIRS[slot >>> 5]! |= 1 << (slot & 31);
      }
    }
  }
}

/** False when the word-lead character at i is not followed by the second character of any word it begins (a hashed test: true may be wrong, false never is). */
export function leadPairAt(text: string, i: number): boolean {
  if (i + 1 >= text.length) return false;
  const slot = leadPairSlot(text.charCodeAt(i), leadKey(text.charCodeAt(i + 1)));
  return ((LEAD_PAIRS[slot >>> 5]! >>> (slot & 31)) & 1) === 1;
}

/**
 * English figures the quantity recognizer reads only in part: qualifier words
 * (more than, nearly), ranges written with “to” ($50 billion to $53 billion,
 * 45 to 50 million), spelled-out amounts (one million), fractions (a third,
 * two-thirds), cents and the Taiwan dollar (T$2). All offsets are relative to
 * the sentence string they were found in.
 */
import type { Quantity } from '../text/quantity/index.ts';
import type { Figure } from './figures.ts';

// Qualifier words right before a number; the recognizer's own table is Chinese.
const QUALIFIERS: ReadonlyArray<[RegExp, Quantity['qualifier']]> = [
  [/(?:^|[^A-Za-z])(more than|over|at least|just over|as many as|as much as|upwards of)\s+$/i, 'at_least'],
  [/(?:^|[^A-Za-z])(about|around|nearly|almost|roughly|approximately|some|close to|an estimated|estimated)\s+$/i, 'about'],
  [/(?:^|[^A-Za-z])(up to|less than|under|fewer than|just under|no more than)\s+$/i, 'at_most'],
];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6 };
const SCALE_WORD = /\b(thousand|million|billion|trillion|bn|mn)\b/i;
const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, fifty: 50, hundred: 100 };
const SPELLED = /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\s+(thousand|million|billion|trillion)\b/gi;
// Fractions of a whole, as percentages rounded to one decimal (a third → 33.3), the way reports round them.
const FRACTIONS: Record<string, number> = { half: 50, 'a third': 33.3, 'one-third': 33.3, 'one third': 33.3, 'two-thirds': 66.7, 'two thirds': 66.7, 'a quarter': 25, 'one-quarter': 25, 'three-quarters': 75, 'three quarters': 75 };
const FRACTION = /\b(half|a third|one[- ]third|two[- ]thirds|a quarter|one-quarter|three[- ]quarters)\b/gi;

const overlapsAny = (qs: readonly Quantity[], start: number, end: number) => qs.some((q) => q.start < end && start < q.end);

/** `q` as a figure (the object itself, given the two fields a figure adds: no copy per number). */
function figure(q: Quantity, extra: { scaled?: boolean; fraction?: boolean } = {}): Figure {
  const f = q as Figure;
  f.scaled = extra.scaled ?? (SCALE_WORD.test(q.text) || /[万亿]/.test(q.text));
  f.fraction = extra.fraction ?? false;
  return f;
}

/** Spelled-out amounts and fractions the recognizer leaves out. */
function wordFigures(s: string, known: readonly Quantity[]): Figure[] {
  const found: Figure[] = [];
  for (const m of s.matchAll(SPELLED)) {
    if (overlapsAny(known, m.index, m.index + m[0].length)) continue;
    const value = WORD_NUMBERS[m[1]!.toLowerCase()]! * SCALES[m[2]!.toLowerCase()]!;
    found.push(figure({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'number', value, valueMax: null, qualifier: 'exact', unit: null }, { scaled: true }));
  }
  for (const m of s.matchAll(FRACTION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(known, start, end)) continue;
    // first half, second-half, half-year: halves of a period, not of a whole
    if (/(?:first|second|1st|2nd|latter|fiscal|calendar)[- ]$/i.test(s.slice(Math.max(0, start - 8), start)) || /^[- ](?:year|yearly|time|hour|day)/i.test(s.slice(end))) continue;
    const value = FRACTIONS[m[0].toLowerCase()] ?? FRACTIONS[m[0].toLowerCase().replace(/ /g, '-')]!;
    found.push(figure({ text: m[0], start, end, kind: 'percent', value, valueMax: null, qualifier: 'exact', unit: '%' }, { fraction: true }));
  }
  return found;
}

/** Joins `45 to 50 million` and `$50 billion to $53 billion` into one range. */
function joinRanges(s: string, figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1];
    const gap = b ? s.slice(a.end, b.start) : '';
    const between = b !== undefined && /^\s+and\s+$/i.test(gap) && /\bbetween\s+$/i.test(s.slice(0, a.start));
    // “from 5 to 10 percent” is a change, not a range
    if (!b || a.fraction || b.fraction || (!/^\s*(?:to|-|–)\s*$/i.test(gap) && !between) || /\bfrom\s+$/i.test(s.slice(0, a.start))) {
      out.push(a);
      continue;
    }
    if (a.unit !== null && a.unit !== b.unit) {
      out.push(a);
      continue;
    }
    const scale = SCALE_WORD.exec(b.text);
    const low = !a.scaled && scale ? a.value * SCALES[scale[1]!.toLowerCase()]! : a.value;
    if (low > b.value) {
      out.push(a);
      continue;
    }
    out.push({ ...b, text: s.slice(a.start, b.end), start: a.start, kind: 'range', value: low, valueMax: b.valueMax ?? b.value, qualifier: 'range', scaled: b.scaled });
    i++;
  }
  return out;
}

/** Applies English reading rules to the recognizer's figures of one sentence. */
export function englishFigures(s: string, recognized: readonly Quantity[]): Figure[] {
  let figures = [...recognized.map((q) => figure(q)), ...wordFigures(s, recognized)].sort((a, b) => a.start - b.start);
  figures = figures.map((f) => {
    let q = f;
    const before = s.slice(Math.max(0, q.start - 20), q.start);
    const after = s.slice(q.end, q.end + 12);
    // 12 cents a share; T$2 and NT$2 are Taiwan dollars, which the recognizer reads as US$
    const cents = q.unit === null && !q.scaled ? /^\s+cents?\b/i.exec(after) : null;
    if (cents) q = { ...q, kind: 'currency', unit: 'USD', value: q.value / 100, end: q.end + cents[0].length, text: s.slice(q.start, q.end + cents[0].length) };
    if (q.unit === 'USD' && q.text.startsWith('$')) {
      const prefix = /(?:^|[^A-Za-z])(N?T)$/.exec(s.slice(Math.max(0, q.start - 3), q.start));
      if (prefix) q = { ...q, unit: 'TWD', start: q.start - prefix[1]!.length, text: s.slice(q.start - prefix[1]!.length, q.end) };
    }
    if (q.qualifier === 'exact') {
      for (const [re, qualifier] of QUALIFIERS) {
        const m = re.exec(before);
        if (!m) continue;
        const start = q.start - (before.length - before.lastIndexOf(m[1]!));
        q = { ...q, qualifier, start, text: s.slice(start, q.end) };
        break;
      }
      const more = /^\s+or\s+(?:more|higher|above)\b/i.exec(s.slice(q.end, q.end + 16));
      if (more && q.qualifier === 'exact') q = { ...q, qualifier: 'at_least', end: q.end + more[0].length, text: s.slice(q.start, q.end + more[0].length) };
    }
    return q;
  });
  // 20 years, within 24 hours, a 10-year-old company: durations and ages, not amounts
  return joinRanges(s, figures).filter((q) => q.unit !== null || !/^[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|quarters?|decades?)\b/i.test(s.slice(q.end, q.end + 10)));
}

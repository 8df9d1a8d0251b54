/**
 * Time expressions of business copy: years (2021年, 2021年全年, 今年), quarters
 * (一季度, 第四季度, Q1, 前三季度), halves (上半年, H1), months (1月, 一月份,
 * 首月) and spans of years (三年内, 未来三年, 5年). Relative words resolve
 * against the article's publishedAt.
 */
import { foldAt, isAlnumAt, skipSpaces } from './chars.ts';
import { equals, isInteger, toNumber } from './decimal.ts';
import { readNumber } from './number.ts';
import { BIG, DIGIT, SMALL, timeWords } from './tables.ts';
import type { TimeExpression } from './types.ts';
import { WordTable } from './words.ts';

interface Anchor { year: number; month: number }
type Kind = TimeExpression['kind'];
interface Hit { end: number; kind: Kind; period: string | null; horizonYears: number | null }

const RELATIVE = new WordTable(timeWords('relative'));
const HALVES = new WordTable(timeWords('half'));
const FIRST_MONTH = new WordTable(timeWords('first-month'));
const YEAR_UNITS = new WordTable(timeWords('year-unit'));
const YEAR_SUFFIXES = new WordTable(timeWords('year-suffix'));
const HORIZON_PREFIXES = new WordTable(timeWords('horizon-prefix'));
const HORIZON_SUFFIXES = new WordTable(timeWords('horizon-suffix'));
const QUARTER = '季度';

/** 1 for the (folded) characters at which a time expression can begin. */
const START = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) START[c] = 1;
for (const ch of 'QHFqhf第前半首') START[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 65536; c++) if (DIGIT[c]! >= 0 || SMALL[c]! > 0) START[c] = 1;
for (const t of [RELATIVE, HALVES, FIRST_MONTH, HORIZON_PREFIXES]) for (const c of t.firstCodes()) START[c] = 1;

// The readers of one position (year, horizon, period) each read the number there: read it once.
let memoText = '';
let memoAt = -1;
let memoNumber: ReturnType<typeof readNumber> = null;

/** readNumber(text, i), remembered for the last position asked (readers never change the numeral they get). */
function numberAt(text: string, i: number): ReturnType<typeof readNumber> {
  if (i !== memoAt || text !== memoText) {
    memoNumber = readNumber(text, i);
    memoText = text;
    memoAt = i;
  }
  return memoNumber;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A small whole number written in Chinese or Arabic digits at i, with its end. */
function smallInt(text: string, i: number, max: number): { value: number; end: number } | null {
  const num = numberAt(text, i);
  if (!num || num.negative || num.fraction || num.percentFraction || !isInteger(num.lo) || !equals(num.lo, num.hi)) return null;
  const value = toNumber(num.lo);
  return value >= 1 && value <= max ? { value, end: num.end } : null;
}

/** The year at i: 2021年, 二〇二一年, 2021财年, FY2021, 今年, and 22年 when a period follows. */
function readYear(text: string, i: number, anchor: Anchor | null): { year: number | null; end: number } | null {
  const rel = RELATIVE.longest(text, i, (e) => e.kind === 'year');
  if (rel) return { year: anchor ? anchor.year + rel.entry.offset! : null, end: rel.end };
  // FY2021: the test runs only at an F
  const c = text.charCodeAt(i);
  const fy = c === 70 || c === 102 ? /^FY ?(\d{4}|\d{2})(?![0-9A-Za-z])/i.exec(text.slice(i, i + 8)) : null;
  if (fy && !isAlnumAt(text, i - 1)) return { year: fy[1]!.length === 2 ? 2000 + Number(fy[1]) : Number(fy[1]), end: i + fy[0].length };
  const num = numberAt(text, i);
  if (!num || num.negative || !isInteger(num.lo) || !equals(num.lo, num.hi)) return null;
  const digits = num.arabic?.intDigits ?? num.positional ?? '';
  const unit = YEAR_UNITS.longest(text, skipSpaces(text, num.end)); // 2022 年 in spaced copy
  if (digits.length === 4 && /^(?:19|20)/.test(digits)) {
    if (unit) return { year: Number(digits), end: unit.end };
    // 2021Q4, 2021 H1
    const q = skipSpaces(text, num.end);
    if (num.arabic && /^[QH][1-4](?![0-9A-Za-z])/i.test(text.slice(q, q + 3))) return { year: Number(digits), end: num.end };
    return null;
  }
  // 22年上半年: two digits are a year only when a period of that year follows
  if (digits.length === 2 && num.arabic && unit?.entry.word === '年' && periodAfter(text, unit.end, null, false)) {
    return { year: 2000 + Number(digits), end: unit.end };
  }
  return null;
}

/**
 * A quarter, half, month or first month at i, resolved in `year` (null when
 * unknown). 首月 resolves only after a written year (上市首月 is not January).
 */
function periodAfter(text: string, i: number, year: number | null, written: boolean): Hit | null {
  const y = year === null ? '' : String(year);
  const known = year !== null;
  // Q4, H1 (Latin, optionally after one space)
  const lp = skipSpaces(text, i);
  // (only at a Q or an H)
  const lc = text.charCodeAt(lp);
  const latin = lc === 81 || lc === 113 || lc === 72 || lc === 104 ? /^([QH])([1-4])(?![0-9A-Za-z])/i.exec(text.slice(lp, lp + 3)) : null;
  if (latin && (lp === i || !isAlnumAt(text, lp - 1))) {
    const n = Number(latin[2]);
    if (latin[1]!.toUpperCase() === 'Q') return { end: lp + 2, kind: 'quarter', period: known ? `${y}-Q${n}` : null, horizonYears: null };
    if (n <= 2) return { end: lp + 2, kind: 'half', period: known ? `${y}-H${n}` : null, horizonYears: null };
  }
  const half = HALVES.longest(text, i);
  if (half) return { end: half.end, kind: 'half', period: known ? `${y}-H${half.entry.half}` : null, horizonYears: null };
  const first = FIRST_MONTH.longest(text, i);
  if (first) return { end: first.end, kind: 'month', period: known && written ? `${y}-01` : null, horizonYears: null };
  // 前三季度: the quarters so far
  if (text[i] === '前') {
    const n = smallInt(text, i + 1, 4);
    if (n && text.startsWith(QUARTER, n.end)) return { end: n.end + 2, kind: 'quarter', period: known ? `${y}-Q1/${y}-Q${n.value}` : null, horizonYears: null };
  }
  const start = text[i] === '第' ? i + 1 : i;
  const n = smallInt(text, start, 12);
  if (!n) return null;
  if (n.value <= 4 && text.startsWith(QUARTER, n.end)) return { end: n.end + 2, kind: 'quarter', period: known ? `${y}-Q${n.value}` : null, horizonYears: null };
  if (start === i && text[n.end] === '月' && text[n.end - 1] !== '个') {
    let end = n.end + 1;
    if (text.startsWith('份', end)) end++;
    // 2月8日: the day belongs to the expression
    const d = smallInt(text, end, 31);
    if (d && (text[d.end] === '日' || text[d.end] === '号')) end = d.end + 1;
    return { end, kind: 'month', period: known ? `${y}-${pad(n.value)}` : null, horizonYears: null };
  }
  return null;
}

/** 上季度, 本月: relative quarters and months. */
function relativePeriod(text: string, i: number, anchor: Anchor | null): Hit | null {
  const m = RELATIVE.longest(text, i, (e) => e.kind !== 'year');
  if (!m) return null;
  const kind = m.entry.kind === 'quarter' ? 'quarter' : 'month';
  if (!anchor) return { end: m.end, kind, period: null, horizonYears: null };
  if (kind === 'quarter') {
    const idx = anchor.year * 4 + Math.floor((anchor.month - 1) / 3) + m.entry.offset!;
    return { end: m.end, kind, period: `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`, horizonYears: null };
  }
  const idx = anchor.year * 12 + anchor.month - 1 + m.entry.offset!;
  return { end: m.end, kind, period: `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`, horizonYears: null };
}

/** 三年内, 未来三年, 5年, 半年内: a span of years. */
function horizon(text: string, i: number): Hit | null {
  const pre = HORIZON_PREFIXES.longest(text, i);
  const p = pre ? pre.end : i;
  let years: number | null = null;
  let q = p;
  if (text[p] === '半' && text[p + 1] === '年') { years = 0.5; q = p + 1; } else {
    const n = smallInt(text, p, 100);
    if (!n || n.end === p) return null;
    const digits = text.slice(p, n.end);
    if (/^\d{4}$/.test(digits)) return null;
    years = n.value;
    q = n.end;
  }
  if (text.startsWith('个', q)) q++;
  if (text[q] !== '年') return null;
  let end = q + 1;
  // 一年半
  if (text[end] === '半' && years >= 1) { years += 0.5; end++; }
  const suf = HORIZON_SUFFIXES.longest(text, end);
  if (suf) end = suf.end;
  return { end, kind: 'horizon', period: null, horizonYears: years };
}

function matchAt(text: string, i: number, anchor: Anchor | null): Hit | null {
  const year = readYear(text, i, anchor);
  if (year) {
    const after = periodAfter(text, year.end, year.year, true);
    if (after) return after;
    const suffix = YEAR_SUFFIXES.longest(text, year.end);
    return { end: suffix ? suffix.end : year.end, kind: 'year', period: year.year === null ? null : String(year.year), horizonYears: null };
  }
  const rel = relativePeriod(text, i, anchor);
  const h = horizon(text, i);
  // a quarter, half or month with no year takes the year of the article's date
  const alone = periodAfter(text, i, anchor ? anchor.year : null, false);
  let best: Hit | null = null;
  for (const c of [rel, alone, h]) if (c && (!best || c.end > best.end)) best = c;
  return best;
}

function isChineseNumeral(c: number): boolean {
  return DIGIT[c]! >= 0 || SMALL[c]! > 0 || BIG[c]! > 0;
}

function parseAnchor(publishedAt: string | null | undefined): Anchor | null {
  const m = publishedAt ? /^(\d{4})-(\d{2})/.exec(publishedAt) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** Finds time expressions in `text`; relative ones (今年, 上季度, 一季度 alone) resolve against `publishedAt` (its own local date). */
export function recognizeTimes(text: string, publishedAt?: string | null): TimeExpression[] {
  const anchor = parseAnchor(publishedAt);
  const out: TimeExpression[] = [];
  for (let i = 0; i < text.length;) {
    // never start inside a token (A2021, 12021) or inside a Chinese numeral (the 二月 of 十二月)
    if (START[foldAt(text, i)] !== 1 || (isAlnumAt(text, i) && isAlnumAt(text, i - 1)) || (i > 0 && isChineseNumeral(text.charCodeAt(i - 1)))) { i++; continue; }
    const m = matchAt(text, i, anchor);
    if (!m || m.end <= i) { i++; continue; }
    out.push({ text: text.slice(i, m.end), start: i, end: m.end, kind: m.kind, period: m.period, horizonYears: m.horizonYears });
    i = m.end;
  }
  return out;
}

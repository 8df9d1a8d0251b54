/**
 * The single left-to-right pass: at each character that can begin a quantity,
 * read the longest quantity there (qualifier words, currency or rank word,
 * number, unit, range), or skip a word that only looks numeric (四川, 5G, a URL).
 */
import { endOfIdentifier, isAlnumAt, isLatinAt, skipSpaces } from './chars.ts';
import { compare, div, int, mul, pow10n, toDecimalString, toNumber, type Exact } from './decimal.ts';
import { percentValue, percentWordAt } from './percent.ts';
import { readPiece, type Piece } from './piece.ts';
import { readNumber } from './number.ts';
import { qualifierPrefixAt, qualifierSuffixAt, rangeConnectorAt } from './ranges.ts';
import { BIG, CURRENCY_PREFIXES, DIGIT, MARKER, NON_NUMERALS, ORDINAL_PREFIXES, PERCENT_WORDS, POSITIONAL, QUALIFIER_PREFIXES, SMALL, START, WORD_LEAD, WORD_NUMBERS, leadPairAt } from './tables.ts';
import type { Qualifier, Quantity, QuantityKind, QuantityMode } from './types.ts';

/** A quantity with where its number is written, for callers that need the bare numeral. */
export interface QuantityMatch extends Quantity {
  /** the number itself, without qualifier words, currency or unit (for 百分之五, the 五) */
  numeral: { start: number; end: number };
  /** the percent sign or word, currency word or counted noun after the number, as written */
  suffix: string | null;
}

type Outcome = QuantityMatch | { skipTo: number } | null;

/**
 * 1 for the Latin letters a quantity can begin with: the first letters of the
 * words that lead one (US$, RMB, No., Top), and any letter the number readers
 * take. At other letters matchAt finds nothing, so the scanner only skips the word.
 */
const LATIN_LEAD = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (!isLatinAt(String.fromCharCode(c), 0)) continue;
  const leads = [WORD_NUMBERS, PERCENT_WORDS, QUALIFIER_PREFIXES, CURRENCY_PREFIXES, ORDINAL_PREFIXES].some((t) => t.hasFirst(c));
  if (leads || DIGIT[c]! >= 0 || POSITIONAL[c] || SMALL[c] || BIG[c] || MARKER.has(c)) LATIN_LEAD[c] = 1;
}

const URL_START = /(?:https?:\/\/|www\.)/iy;

function urlEnd(text: string, i: number): number {
  // a link starts with h or w (http, www): other letters need no regex
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 104 && c !== 119) return -1;
  URL_START.lastIndex = i;
  if (!URL_START.test(text)) return -1;
  let p = URL_START.lastIndex;
  while (p < text.length && /[\x21-\x7e]/.test(text[p]!) && !/["'<>()]/.test(text[p]!)) p++;
  return p;
}

function build(text: string, start: number, end: number, kind: QuantityKind, lo: Exact, hi: Exact, qualifier: Qualifier,
  unit: string | null, numeral: { start: number; end: number }, suffix: string | null): QuantityMatch {
  const q: QuantityMatch = {
    text: text.slice(start, end), start, end, kind, value: toNumber(lo), valueMax: qualifier === 'range' ? toNumber(hi) : null,
    qualifier, unit, numeral, suffix,
  };
  const exact = toDecimalString(lo);
  if (exact !== null) q.exact = exact;
  return q;
}

/** Fixed words that are quantities by themselves: 半百, 个位数, 打对折, 半成. */
function fixedWordAt(text: string, i: number): QuantityMatch | null {
  const w = WORD_NUMBERS.longest(text, i);
  if (w) {
    const range = compare(w.entry.lo, w.entry.hi) !== 0;
    return build(text, i, w.end, 'number', w.entry.lo, w.entry.hi, range ? 'range' : 'exact', null, { start: i, end: w.end }, null);
  }
  const p = percentWordAt(text, i);
  return p ? build(text, i, p.end, 'percent', p.value, p.value, 'exact', '%', { start: i, end: p.end }, text.slice(i, p.end)) : null;
}

/**
 * Joins `first` and `second` into one range (10-15亿元, 10至15%, 3万-5万元), or
 * returns null when they do not measure the same thing or are out of order.
 * A bare first end takes the second end's unit, and its 万/亿 when it is smaller.
 */
function joinRange(text: string, first: Piece, second: Piece): { lo: Exact; hi: Exact; kind: Piece['kind']; unit: string | null } | null {
  if ((first.kind === 'ordinal') !== (second.kind === 'ordinal') || first.num.open || first.moreAfter) return null;
  let lo = first.lo;
  let hi = first.hi;
  const bare = first.kind === 'number' && first.unit === null && !first.digits;
  if (bare && (second.kind !== 'number' || second.unit !== null || second.num.scaleExp > 0)) {
    const e = second.num.scaleExp;
    if (first.num.scaleExp === 0 && e > 0 && compare(first.hi, div(second.num.lo, int(pow10n(e)))) <= 0) {
      lo = mul(lo, int(pow10n(e)));
      hi = mul(hi, int(pow10n(e)));
    }
    if (second.percent) {
      const pv = percentValue(text, { ...first.num, lo, hi }, second.percent, first.end);
      if (!pv) return null;
      lo = pv.lo;
    }
  } else if (first.kind !== second.kind || first.unit !== second.unit) return null;
  if (compare(lo, second.hi) > 0) return null;
  return { lo, hi: second.hi, kind: second.kind, unit: second.unit };
}

function isYearLike(p: Piece): boolean {
  const d = p.num.arabic?.intDigits ?? p.num.positional ?? '';
  return d.length === 4 && /^(?:19|20)/.test(d) && p.unit === null && p.kind === 'number';
}

/** The quantity starting at i, an instruction to skip, or null. */
function matchAt(text: string, i: number, mode: QuantityMode): Outcome {
  const fixed = fixedWordAt(text, i);
  if (fixed) return fixed;
  const qp = qualifierPrefixAt(text, i);
  const p = qp ? skipSpaces(text, qp.end) : i;
  let first = readPiece(text, p, qp ? qp.entry.bareScale || qp.entry.onlyBareScale : false);
  if (!first) return null;
  if (qp && qp.entry.onlyBareScale && !first.num.bareLead) return null;
  // 超过一切: the word after the qualifier is not a number
  if (qp && (NON_NUMERALS.longest(text, first.num.start)?.end ?? -1) >= first.num.end) return null;
  if (first.identifierEnd > 0) return { skipTo: first.identifierEnd };

  let range: ReturnType<typeof joinRange> = null;
  let end = first.end;
  let second: Piece | null = null;
  const conn = rangeConnectorAt(text, skipSpaces(text, first.end));
  if (conn) second = readPiece(text, skipSpaces(text, conn.end), false);
  if (second && second.identifierEnd === 0) {
    // A third link (400-800-1234, 2022-02-08) makes a code or a date, not a range
    let chainEnd = -1;
    // a few links are enough to know it is a chain; walking all of a long one would be quadratic
    for (let s: Piece | null = second, links = 0; s && links < 8; links++) {
      const c3 = rangeConnectorAt(text, skipSpaces(text, s.end));
      const n3 = c3 && c3.entry.word === conn!.entry.word ? readNumber(text, skipSpaces(text, c3.end)) : null;
      if (!n3) break;
      chainEnd = n3.end;
      s = readPiece(text, n3.start, false);
    }
    if (chainEnd > 0) {
      if (mode === 'business') return { skipTo: chainEnd };
    } else {
      range = joinRange(text, first, second);
      if (range) end = second.end;
    }
  }
  if (first.time || (range && second!.time)) {
    if (mode === 'business') return { skipTo: end };
    // numerals mode: the number stays, the time unit is not part of it
    range = null;
    first = { ...first, end: first.num.end, suffix: null, unit: first.kind === 'ordinal' ? 'rank' : null, time: false };
    end = first.end;
  }
  if (mode === 'business' && range && isYearLike(first) && isYearLike(second!)) return { skipTo: end };

  const qs = first.moreAfter ? null : qualifierSuffixAt(text, end);
  if (qs) end = qs.end;

  const isRange = range !== null || first.num.pair || first.num.vague || first.digits;
  let qualifier: Qualifier = 'exact';
  if (isRange) qualifier = 'range';
  else if (first.ordinal && first.ordinal.qualifier && first.ordinal.qualifier !== 'exact') qualifier = first.ordinal.qualifier;
  else if (qs?.entry.qualifier) qualifier = qs.entry.qualifier;
  else if (qp?.entry.qualifier) qualifier = qp.entry.qualifier;
  else if (first.num.open || first.moreAfter) qualifier = 'at_least';

  // Business reading: a bare number that is a year, a code or a phone number is not a quantity
  if (mode === 'business' && !range && !qs && !qp && first.kind === 'number' && first.unit === null && !first.moreAfter && !first.num.negative) {
    const a = first.num.arabic;
    if (a?.chained) return { skipTo: end };
    const d = a && a.fracDigits === null && !a.grouped ? a.intDigits : first.num.positional ?? '';
    if (d.length >= 5 || (d.length >= 2 && d[0] === '0') || isYearLike(first)) return { skipTo: end };
    // A lone Chinese digit that counts nothing is a name or a word (程一笑, 沪深两市, 零售)
    if (!a && first.suffix === null && first.num.end - first.num.start === 1 && !first.num.bareLead) return { skipTo: end };
  }
  // 百 and 千 alone count only money (千元) or after a qualifier (上千, 近百)
  if (first.num.bareSingle && first.kind !== 'currency' && !qp) return null;

  const kind: QuantityKind = range !== null || first.num.pair ? 'range' : first.kind;
  const lo = range ? range.lo : first.lo;
  const hi = range ? range.hi : first.hi;
  const unit = range ? range.unit : first.unit;
  const start = qp ? i : first.start;
  const numeral = first.num.inner ?? { start: first.num.start, end: first.num.end };
  return build(text, start, end, kind, lo, hi, qualifier, unit, numeral, range ? second!.suffix : first.suffix);
}

/** All quantities in `text`, left to right, longest match first, never overlapping. */
export function scanQuantities(text: string, mode: QuantityMode = 'business'): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!START[code] || (WORD_LEAD[code] === 1 && !leadPairAt(text, i))) { i++; continue; }
    if (isLatinAt(text, i)) {
      const url = urlEnd(text, i);
      if (url > i) { i = url; continue; }
      if (LATIN_LEAD[text.charCodeAt(i)] === 1 && !isAlnumAt(text, i - 1)) {
        const m = matchAt(text, i, mode);
        if (m && 'kind' in m) { out.push(m); i = m.end; continue; }
      }
      i = endOfIdentifier(text, i);
      continue;
    }
    const blocked = NON_NUMERALS.longest(text, i);
    const m = matchAt(text, i, mode);
    const mEnd = m === null ? -1 : 'skipTo' in m ? m.skipTo : m.end;
    if (blocked && mEnd <= blocked.end) { i = blocked.end; continue; }
    if (m === null) { i++; continue; }
    if ('skipTo' in m) { i = Math.max(m.skipTo, i + 1); continue; }
    if (m.end <= i) { i++; continue; } // defensive: every quantity covers at least one character
    out.push(m);
    i = m.end;
  }
  return out;
}

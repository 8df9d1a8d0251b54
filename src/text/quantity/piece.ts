/**
 * One number with what is written right around it: a currency sign or rank
 * word before it, and the percent sign, currency word, counted noun or time
 * unit after it. Ranges and qualifier words are joined on top of pieces.
 */
import { arabicDigitAt, endOfIdentifier, foldAt, isLatinAt, skipSpaces } from './chars.ts';
import { add, int, isInteger, compare, pow10n, sub, type Exact } from './decimal.ts';
import { currencyPrefixAt, currencySuffixAt, readMinorUnits } from './currency.ts';
import { readNumber } from './number.ts';
import { makeNumeral, type Numeral } from './numeral.ts';
import { percentSuffixAt, percentValue, readSpacedDiscount } from './percent.ts';
import { ordinalPrefixAt, qualifierBeforeUnitAt, rankCueOk } from './ranges.ts';
import { UNITS, type PercentSuffix } from './tables.ts';
import type { QualifierEntry, UnitEntry } from '../../lexicons/quantity.ts';
import { charIn } from './words.ts';

export type PieceKind = 'number' | 'percent' | 'currency' | 'ordinal';

export interface Piece {
  start: number;
  end: number;
  num: Numeral;
  lo: Exact;
  hi: Exact;
  kind: PieceKind;
  unit: string | null;
  /** the word after the number that gave kind or unit, as written */
  suffix: string | null;
  /** the percent word, kept so that the bare start of a range (10至15%) can take it */
  percent: PercentSuffix | null;
  /** the rank prefix (第, 前, Top) */
  ordinal: QualifierEntry | null;
  /** a time unit follows (2021年, 5年, 2月): the number is a time */
  time: boolean;
  /** 两位数: lo..hi spans the numbers with that many digits */
  digits: boolean;
  /** 30余家, 四百多: 多/余 between the number and its noun */
  moreAfter: boolean;
  /** > 0 when the number is part of an identifier (5G, A15, 01810.HK): where that ends */
  identifierEnd: number;
}

/** A counted noun, measure or time unit at i. */
export function unitAt(text: string, i: number): { entry: UnitEntry; end: number } | null {
  return UNITS.longest(text, i, (e, end) => !charIn(text, end, e.notBefore));
}

function makePiece(start: number, end: number, num: Numeral, kind: PieceKind): Piece {
  return {
    start, end, num, lo: num.lo, hi: num.hi, kind, unit: kind === 'ordinal' ? 'rank' : null, suffix: null, percent: null,
    ordinal: null, time: false, digits: false, moreAfter: false, identifierEnd: 0,
  };
}

const ENGLISH_ORDINAL = /^(?:st|nd|rd|th)$/i;

/** Reads one piece at p. `bareBig` lets a bare 万/亿 begin the number (after 上, 过, 近). */
export function readPiece(text: string, p: number, bareBig: boolean): Piece | null {
  let q = p;
  const cp = currencyPrefixAt(text, q);
  const ord = cp ? null : ordinalPrefixAt(text, q);
  if (cp) q = skipSpaces(text, cp.end);
  else if (ord) q = /^[\u3400-\u9fff]/.test(ord.entry.word) ? ord.end : skipSpaces(text, ord.end);

  if (!cp && !ord) {
    const sd = readSpacedDiscount(text, q);
    if (sd) {
      const piece = makePiece(p, sd.end, makeNumeral(q, sd.end, sd.value), 'percent');
      return { ...piece, unit: '%', suffix: '折' };
    }
  }
  const num = readNumber(text, q, { bareBig });
  if (!num) return null;

  if (ord) {
    if (!isInteger(num.lo) || num.fraction || num.percentFraction || num.negative || !rankCueOk(text, p, num.end, ord.entry)) return null;
    const piece = makePiece(p, num.end, num, 'ordinal');
    piece.ordinal = ord.entry;
    const u = unitAt(text, num.end);
    if (u?.entry.class === 'time') { piece.time = true; piece.end = u.end; } // 第一季度 is a time
    return piece;
  }

  const piece = makePiece(p, num.end, num, num.percentFraction ? 'percent' : 'number');
  if (num.percentFraction) piece.unit = '%';
  let s = num.end;
  if (!num.open && !num.fraction && !num.percentFraction) {
    const more = qualifierBeforeUnitAt(text, s);
    if (more) { piece.moreAfter = true; s = piece.end = more.end; }
  }
  const t = skipSpaces(text, s);
  let pc = num.percentFraction || cp ? null : percentSuffixAt(text, t);
  const pv = pc ? percentValue(text, num, pc.entry, pc.end) : null;
  if (!pv) pc = null;
  const cs = num.percentFraction ? null : currencySuffixAt(text, t);
  const us = unitAt(text, t); // 2021 年, 5 家: spaced copy keeps the unit
  const pcEnd = pv ? pv.end : -1;
  const best = Math.max(cs?.end ?? -1, pcEnd, us?.end ?? -1);

  if (cs && cs.end === best) {
    piece.kind = 'currency';
    piece.unit = cs.entry.code;
    piece.suffix = text.slice(t, cs.end);
    const minor = readMinorUnits(text, cs.end, cs.entry.code);
    piece.lo = add(num.lo, minor.add);
    piece.hi = add(num.hi, minor.add);
    piece.end = minor.end;
    if (cp && cp.entry.code !== cs.entry.code) piece.start = q; // 人民币100美元: the word after the amount decides
  } else if (pc && pv && pcEnd === best) {
    piece.kind = 'percent';
    piece.unit = pc.entry.unit;
    piece.percent = pc.entry;
    piece.suffix = text.slice(t, pc.end);
    piece.lo = pv.lo;
    piece.hi = pv.hi;
    piece.end = pv.end;
  } else if (us && us.end === best) {
    piece.end = us.end;
    piece.suffix = text.slice(t, us.end);
    const cls = us.entry.class;
    if (cls === 'time') piece.time = true;
    else if (cls === 'digits') {
      // 两位数: the numbers that have that many digits, 10..99
      const n = Number(num.lo.n);
      if (!isInteger(num.lo) || compare(num.lo, num.hi) !== 0 || n < 1 || n > 15) return null;
      piece.lo = int(pow10n(n - 1));
      piece.hi = sub(int(pow10n(n)), int(1));
      piece.digits = true;
    } else piece.unit = us.entry.unit ?? us.entry.word;
  } else if (cp) {
    piece.kind = 'currency';
    piece.unit = cp.entry.code;
  }

  // Glued to Latin letters or a ticker suffix (5G, 7nm, 01810.HK): an identifier, unless 1st/2nd
  const e = piece.end;
  if (piece.suffix === null && arabicDigitAt(text, e - 1) >= 0 && (isLatinAt(text, e) || (foldAt(text, e) === 46 && isLatinAt(text, e + 1)))) {
    if (num.arabic && ENGLISH_ORDINAL.test(text.slice(e, e + 2)) && !isLatinAt(text, e + 2)) {
      piece.kind = 'ordinal';
      piece.unit = 'rank';
      piece.end = e + 2;
    } else piece.identifierEnd = endOfIdentifier(text, num.start);
  }
  // HK:01810, SH:600519
  if (foldAt(text, num.start - 1) === 58 && isLatinAt(text, num.start - 2)) piece.identifierEnd = Math.max(piece.identifierEnd, endOfIdentifier(text, num.start));
  return piece;
}

/**
 * Qualifier words around a number (约, 超过, 近, 不到 before it; 左右, 以上,
 * 多, + after it) and the connectors of ranges (10-15亿, 10%~15%, 10至15%).
 */
import { arabicDigitAt, foldAt, isLatinAt } from './chars.ts';
import type { QualifierEntry } from '../../lexicons/quantity.ts';
import { BIG, QUALIFIER_BEFORE_UNIT, QUALIFIER_LINKS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES, RANGE_CONNECTORS, ORDINAL_PREFIXES } from './tables.ts';
import { charIn } from './words.ts';

type Hit = { entry: QualifierEntry; end: number } | null;

/**
 * A qualifier before a number (约, 超过, 不到), unless the character before it
 * makes it part of another word (最近, 通过). `end` is after an optional
 * linking particle (超过了80, 至少有10).
 */
export function qualifierPrefixAt(text: string, i: number): Hit {
  const m = QUALIFIER_PREFIXES.longest(text, i, (e) => !charIn(text, i - 1, e.notAfter));
  if (!m) return null;
  const link = QUALIFIER_LINKS.longest(text, m.end);
  return link ? { entry: m.entry, end: link.end } : m;
}

/** A qualifier that sits between the number and its counted noun: 30余家, 3000多台, 四百多. */
export function qualifierBeforeUnitAt(text: string, i: number): Hit {
  // 十多万 was already read as one numeral; here 多 must not precede a big scale
  return QUALIFIER_BEFORE_UNIT.longest(text, i, (_e, end) => !(BIG[text.charCodeAt(end)]! > 0));
}

/** A qualifier after a number or its unit: 左右, 以上, 以内, 4000+. */
export function qualifierSuffixAt(text: string, i: number): Hit {
  return QUALIFIER_SUFFIXES.longest(text, i, (e, end) => {
    if (charIn(text, end, e.notBefore)) return false;
    // 4000+ but not 1+1 or 5G+
    if (e.word === '+' || e.word === '＋') return !(arabicDigitAt(text, end) >= 0 || isLatinAt(text, end) || foldAt(text, end) === 43);
    return true;
  });
}

/** A range connector at i. */
export function rangeConnectorAt(text: string, i: number): Hit {
  return RANGE_CONNECTORS.longest(text, i);
}

/**
 * A rank prefix at i: 第 (exact), 前 (top N, only with a ranking cue), Top, No.
 * `numberEnd` is unknown yet, so 前's cue after the number is checked by the caller.
 */
export function ordinalPrefixAt(text: string, i: number): Hit {
  const m = ORDINAL_PREFIXES.longest(text, i);
  if (!m) return null;
  if (isLatinAt(text, i) && isLatinAt(text, i - 1)) return null;
  return m;
}

/** Whether 前's ranking cue is present: a cue word before it (排名前三) or after the number (前三名). */
export function rankCueOk(text: string, prefixStart: number, numberEnd: number, entry: QualifierEntry): boolean {
  if (entry.cueAfter.length === 0 && entry.cueBefore.length === 0) return true;
  if (entry.cueAfter.some((w) => text.startsWith(w, numberEnd))) return true;
  return entry.cueBefore.some((w) => prefixStart >= w.length && text.endsWith(w, prefixStart));
}

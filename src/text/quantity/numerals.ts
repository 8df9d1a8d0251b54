/**
 * The numeral core: Chinese numerals, Arabic digits and the two mixed
 * (一千二百三十四, 壹佰伍拾, 3万4000, 25万6千, 1,100.9亿, 三点五万), with the vague
 * forms that stay inside a numeral (三十几万, 十多万, 两三, 二三十).
 */
import { readArabic, type ArabicNumber } from './arabic.ts';
import { arabicDigitAt, foldAt, skipSpaces } from './chars.ts';
import { add, compare, fromDigits, int, ONE, pow10n, scale, ZERO, type Exact } from './decimal.ts';
import { applyBigScale, sumGroups, type Group } from './scale.ts';
import { BIG, DIGIT, FRACTION_MARKERS, MARKER, POSITIONAL, SMALL } from './tables.ts';
import { makeNumeral, type Numeral } from './numeral.ts';

interface Pending { lo: Exact; hi: Exact; single: boolean; kind: 'digit' | 'arabic' | 'positional' }

/** True when only big scales and then 分之 follow (万分之三, 万万分之七). */
function fractionAhead(text: string, i: number): boolean {
  // at most three stacked scales (百万万分之七); a longer run is not a numeral
  const stop = Math.min(text.length, i + 3);
  while (i < stop && BIG[text.charCodeAt(i)]! > 0) i++;
  return FRACTION_MARKERS.longest(text, skipSpaces(text, i)) !== null;
}

/**
 * Reads the numeral core at `start`. `bareBig` lets a bare 万/亿 begin it
 * (after 上, 过, 近: 上万, 过亿). Spaces are allowed between the parts of a
 * Chinese numeral (一百 五 十 二), never before Arabic digits.
 */
export function readCore(text: string, start: number, bareBig: boolean): Numeral | null {
  const n = text.length;
  const groups: Group[] = [];
  let secLo = ZERO;
  let secHi = ZERO;
  let hasSec = false;
  let pend: Pending | null = null;
  let lastSmall = 0;
  let lastBig = 0;
  let zero = false;
  let pointDone = false;
  let tokens = 0;
  let p = start;
  let end = start;
  let groupEnd = start;
  let open = false;
  let pair = false;
  let vague = false;
  let bareLead = false;
  let arabic: ArabicNumber | null = null;
  let positional: string | null = null;

  while (p < n) {
    const q = tokens > 0 ? skipSpaces(text, p) : p;
    if (q >= n) break;
    const spaced = q > p;
    const c = text.charCodeAt(q);
    const next = q + 1 < n ? text.charCodeAt(q + 1) : 0;

    // Arabic digits join without a space (3万4000), or after a space as one digit before a place word (7万 5千 4百)
    if ((!spaced || (arabicDigitAt(text, q) >= 0 && SMALL[text.charCodeAt(q + 1)]! > 0 && (lastSmall || lastBig)))
      && (arabicDigitAt(text, q) >= 0 || (tokens === 0 && foldAt(text, q) === 46))) {
      if (pend || pointDone) break;
      const a = readArabic(text, q);
      if (!a) break;
      // After a place word the digits must fit below it: 3万4000, 1千零20
      const limit = lastSmall || lastBig;
      if (tokens > 0 && (a.grouped || a.chained || (limit > 0 && compare(a.value, int(pow10n(limit))) >= 0))) break;
      pend = { lo: a.value, hi: a.value, single: a.intDigits.length === 1 && a.fracDigits === null, kind: 'arabic' };
      arabic = tokens === 0 ? a : null;
      p = end = a.end;
      tokens++;
      continue;
    }

    const dv = DIGIT[c]!;
    if (dv >= 0) {
      if (pend || pointDone) break;
      const dv2 = q + 1 < n ? DIGIT[next]! : -1;
      if (dv === 0 && !(tokens === 0 && dv2 >= 0 && POSITIONAL[c])) {
        // 零 marks skipped places (一千零五); alone or leading it is zero (零点五, 零十)
        zero = true;
        if (tokens === 0) end = q + 1;
        p = q + 1;
        tokens++;
        continue;
      }
      if (dv2 >= 0) {
        const dv3 = q + 2 < n ? DIGIT[text.charCodeAt(q + 2)]! : -1;
        // 两三个, 二三十, 十五六: two neighbouring digits are a range, not 23
        if (dv !== 0 && dv2 === dv + 1 && dv3 < 0) {
          pend = { lo: int(dv), hi: int(dv2), single: true, kind: 'digit' };
          pair = true;
          p = end = q + 2;
          tokens++;
          continue;
        }
        // 九九, 三八, 二〇二一: digits read one by one
        if (tokens === 0 && POSITIONAL[c]) {
          let r = q;
          let s = '';
          while (r < n && POSITIONAL[text.charCodeAt(r)] && DIGIT[text.charCodeAt(r)]! >= 0) s += DIGIT[text.charCodeAt(r++)];
          if ([...s].every((d, k) => k === 0 || Number(d) === Number(s[k - 1]) + 1)) {
            // 三四五名 counts off 3, 4, 5: a range, not 345
            pend = { lo: int(Number(s[0])), hi: int(Number(s[s.length - 1])), single: false, kind: 'digit' };
            pair = true;
          } else {
            pend = { lo: fromDigits(s), hi: fromDigits(s), single: false, kind: 'positional' };
            positional = s;
          }
          p = end = r;
          tokens++;
          continue;
        }
        break;
      }
      pend = { lo: int(dv), hi: int(dv), single: true, kind: 'digit' };
      p = end = q + 1;
      tokens++;
      continue;
    }

    const role = MARKER.get(c);
    if (role === 'vague' || (role === 'vague-lead' && tokens === 0 && (SMALL[next]! > 0 || BIG[next]! > 0))) {
      if (pend || pointDone) break;
      // 几 in a later place is any digit, so 三十几万 starts at the 300000 the text states;
      // leading 几/数 means 'several': 几十 is 20..90
      pend = { lo: int(tokens === 0 ? 2 : 0), hi: int(9), single: true, kind: 'digit' };
      vague = true;
      p = end = q + 1;
      tokens++;
      continue;
    }

    const se = SMALL[c]!;
    if (se > 0) {
      if (pointDone || (lastSmall > 0 && se >= lastSmall) || pend?.kind === 'positional') break;
      // A bare 十 after 零 (一百零十万), a bare place word at the start (十五, 百三, 千分之)
      if (!pend && !(tokens === 0 || (zero && se === 1))) break;
      const mLo = pend ? pend.lo : ONE;
      const mHi = pend ? pend.hi : ONE;
      if (tokens === 0) bareLead = true;
      secLo = add(secLo, scale(mLo, se));
      secHi = add(secHi, scale(mHi, se));
      hasSec = true;
      pend = null;
      lastSmall = se;
      zero = false;
      p = end = q + 1;
      tokens++;
      continue;
    }

    const be = BIG[c]!;
    if (be > 0) {
      let lo = add(secLo, pend ? pend.lo : ZERO);
      let hi = add(secHi, pend ? pend.hi : ZERO);
      let hasCur = hasSec || pend !== null;
      // 100万200万 is two numbers: a scale equal to the last group's ends the numeral after that group
      if (hasCur && groups.length > 0 && groups[groups.length - 1]!.exp === be) {
        secLo = secHi = ZERO;
        hasSec = false;
        pend = null;
        end = groupEnd;
        break;
      }
      if (!hasCur && groups.length === 0) {
        // 万 or 亿 with nothing before: only 万亿, 万分之, or after 上/过/近
        if (tokens > 0 || !(bareBig || BIG[next]! > be || fractionAhead(text, q))) break;
        lo = hi = ONE;
        hasCur = true;
        bareLead = true;
      }
      // no written number goes past 10^48; stacked scales beyond that are not a numeral
      if (be + (groups[groups.length - 1]?.exp ?? 0) > 48 || !applyBigScale(groups, lo, hi, hasCur, be)) break;
      secLo = secHi = ZERO;
      hasSec = false;
      pend = null;
      lastSmall = 0;
      lastBig = be;
      zero = false;
      p = end = groupEnd = q + 1;
      tokens++;
      continue;
    }

    if (role === 'more') {
      // 十多万, 五百 余万, 三十万多亿: 多/余 stays inside only before a big scale
      const r = skipSpaces(text, q + 1);
      if ((hasSec || pend || groups.length > 0) && r < n && BIG[text.charCodeAt(r)]! > 0) {
        open = true;
        p = r;
        continue;
      }
      break;
    }

    if (role === 'point') {
      if (pointDone || (pend && pend.kind !== 'digit') || !(hasSec || pend || zero || groups.length > 0)) break;
      let r = skipSpaces(text, q + 1);
      let frac = '';
      while (r < n && POSITIONAL[text.charCodeAt(r)] && DIGIT[text.charCodeAt(r)]! >= 0) frac += DIGIT[text.charCodeAt(r++)];
      // 十点三十分 is a clock time, and 两 never follows a decimal point (两百点两)
      if (frac === '' || (r < n && SMALL[text.charCodeAt(r)]! > 0)) break;
      const tail = abbreviate(pend, lastSmall, lastBig, hasSec, zero);
      const f = fromDigits('', frac);
      secLo = add(add(secLo, tail.lo), f);
      secHi = add(add(secHi, tail.hi), f);
      hasSec = true;
      pend = null;
      pointDone = true;
      p = end = r;
      tokens++;
      continue;
    }
    break;
  }

  if (tokens === 0) return null;
  // a lone 几 counts nothing
  if (vague && !hasSec && groups.length === 0) return null;
  const tail = abbreviate(pend, lastSmall, lastBig, hasSec, zero);
  const sum = sumGroups(groups);
  const num = makeNumeral(start, end, add(add(sum.lo, secLo), tail.lo), add(add(sum.hi, secHi), tail.hi));
  num.open = open;
  num.pair = pair;
  num.vague = vague;
  num.bareLead = bareLead;
  num.bareSingle = tokens === 1 && bareLead && SMALL[text.charCodeAt(start)]! >= 2;
  num.scaleExp = !hasSec && !pend && groups.length > 0 ? groups[groups.length - 1]!.exp : 0;
  num.arabic = tokens === 1 ? arabic : null;
  num.positional = tokens === 1 ? positional : null;
  return num;
}

/**
 * The value of a trailing digit. After a place word with nothing skipped it
 * fills the next lower place: 一千三 = 1300, 一万三 = 13000, 两千四百五 = 2450;
 * after 零 or 十 it is a plain digit (五亿零六, 二十五).
 */
function abbreviate(pend: Pending | null, lastSmall: number, lastBig: number, hasSec: boolean, zero: boolean): { lo: Exact; hi: Exact } {
  if (!pend) return { lo: ZERO, hi: ZERO };
  let e = 0;
  if (pend.single && !zero && pend.kind !== 'positional') {
    if (lastSmall >= 2) e = lastSmall - 1;
    else if (lastSmall === 0 && lastBig > 0 && !hasSec) e = lastBig - 1;
  }
  return { lo: scale(pend.lo, e), hi: scale(pend.hi, e) };
}

/**
 * Longest-match lookup of lexicon words at a position, keyed by first character.
 * Built once at module load; matching allocates nothing but the result.
 */
import { fold, foldAt, isLatinAt, isSpaceCode } from './chars.ts';

interface Options<T> {
  /** Latin letters match in any case. */
  caseInsensitive?: boolean;
  /** Entries whose characters may be separated by spaces (个 百 分 点). */
  spaced?: (entry: T) => boolean;
}

/** A character as a table compares it: full width folded, and ASCII capitals lowered when the table ignores case. */
export function keyOf(code: number, ci: boolean): number {
  const c = fold(code);
  return ci && c >= 65 && c <= 90 ? c + 32 : c;
}

/** One word as the table compares it: its characters' keys, and the rules of its edges. */
interface Compiled<T> {
  entry: T;
  keys: number[];
  spaced: boolean;
  /** the word ends in a Latin letter, so it must end at a word boundary */
  latinEnd: boolean;
}

/** A word list indexed for matching at a position. */
export class WordTable<T extends { word: string }> {
  private readonly byFirst = new Map<number, Compiled<T>[]>();
  /** 1 for each key some word starts with: most positions miss, and miss without a map lookup */
  private readonly firsts = new Uint8Array(65536);
  private readonly ci: boolean;

  constructor(entries: readonly T[], options: Options<T> = {}) {
    this.ci = options.caseInsensitive ?? false;
    const spaced = options.spaced ?? (() => false);
    for (const e of entries) {
      const w = e.word;
      const keys: number[] = [];
      for (let k = 0; k < w.length; k++) keys.push(keyOf(w.charCodeAt(k), this.ci));
      const list = this.byFirst.get(keys[0]!) ?? [];
      list.push({ entry: e, keys, spaced: spaced(e), latinEnd: isLatinAt(w, w.length - 1) });
      this.byFirst.set(keys[0]!, list);
      this.firsts[keys[0]!] = 1;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.entry.word.length - a.entry.word.length);
  }

  /** True when some word starts with this character. */
  hasFirst(code: number): boolean {
    return this.firsts[keyOf(code, this.ci)] === 1;
  }

  /** First characters of all words (for building a start-character table). */
  firstCodes(): number[] {
    return [...this.byFirst.keys()];
  }

  /** The first two keys of each word (-1 as the second for a one-character word), for a start filter. */
  leadKeys(): Array<[number, number]> {
    return [...this.byFirst.values()].flat().map((c) => [c.keys[0]!, c.keys.length > 1 && !c.spaced ? c.keys[1]! : -1]);
  }

  /** The longest entry at i that `accept` allows, with its end. */
  longest(text: string, i: number, accept?: (entry: T, end: number) => boolean): { entry: T; end: number } | null {
    if (i >= text.length) return null;
    const first = keyOf(text.charCodeAt(i), this.ci);
    if (this.firsts[first] === 0) return null;
    let best: { entry: T; end: number } | null = null;
    for (const c of this.byFirst.get(first)!) {
      const end = this.endOf(text, i, c);
      if (end < 0 || (best && end <= best.end)) continue;
      if (accept && !accept(c.entry, end)) continue;
      best = { entry: c.entry, end };
    }
    return best;
  }

  /** The end of the word `c` when it occurs at i (whose first character is already known to match), else -1. */
  private endOf(text: string, i: number, c: Compiled<T>): number {
    const keys = c.keys;
    let p = i + 1;
    for (let k = 1; k < keys.length; k++) {
      if (c.spaced) while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
      if (p >= text.length || keyOf(text.charCodeAt(p), this.ci) !== keys[k]) return -1;
      p++;
    }
    // "won" must not match the start of "wonder"; "M" must not match "Mate"
    if (c.latinEnd && isLatinAt(text, p)) return -1;
    return p;
  }
}

/** True when the character at i is one of `chars` (a notBefore / notAfter list). */
export function charIn(text: string, i: number, chars: readonly string[]): boolean {
  if (i < 0 || i >= text.length || chars.length === 0) return false;
  return chars.includes(text[i]!);
}

/** The folded code at i as a one-character string, for symbol comparisons. */
export function foldedChar(text: string, i: number): string {
  const c = foldAt(text, i);
  return c < 0 ? '' : String.fromCharCode(c);
}

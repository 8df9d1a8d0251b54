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

function keyOf(code: number, ci: boolean): number {
  const c = fold(code);
  return ci && c >= 65 && c <= 90 ? c + 32 : c;
}

/** A word list indexed for matching at a position. */
export class WordTable<T extends { word: string }> {
  private readonly byFirst = new Map<number, T[]>();
  private readonly ci: boolean;
  private readonly spaced: (entry: T) => boolean;

  constructor(entries: readonly T[], options: Options<T> = {}) {
    this.ci = options.caseInsensitive ?? false;
    this.spaced = options.spaced ?? (() => false);
    for (const e of entries) {
      const k = keyOf(e.word.charCodeAt(0), this.ci);
      const list = this.byFirst.get(k) ?? [];
      list.push(e);
      this.byFirst.set(k, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** True when some word starts with this character. */
  hasFirst(code: number): boolean {
    return this.byFirst.has(keyOf(code, this.ci));
  }

  /** First characters of all words (for building a start-character table). */
  firstCodes(): number[] {
    return [...this.byFirst.keys()];
  }

  /** The end of `entry.word` when it occurs at i, else -1. Latin words must end at a word boundary. */
  matchEntry(text: string, i: number, entry: T): number {
    const w = entry.word;
    const spaced = this.spaced(entry);
    let p = i;
    for (let k = 0; k < w.length; k++) {
      if (k > 0 && spaced) while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
      if (p >= text.length || keyOf(text.charCodeAt(p), this.ci) !== keyOf(w.charCodeAt(k), this.ci)) return -1;
      p++;
    }
    // "won" must not match the start of "wonder"; "M" must not match "Mate"
    if (isLatinAt(w, w.length - 1) && isLatinAt(text, p)) return -1;
    return p;
  }

  /** The longest entry at i that `accept` allows, with its end. */
  longest(text: string, i: number, accept?: (entry: T, end: number) => boolean): { entry: T; end: number } | null {
    if (i >= text.length) return null;
    const list = this.byFirst.get(keyOf(text.charCodeAt(i), this.ci));
    if (!list) return null;
    let best: { entry: T; end: number } | null = null;
    for (const e of list) {
      const end = this.matchEntry(text, i, e);
      if (end < 0 || (best && end <= best.end)) continue;
      if (accept && !accept(e, end)) continue;
      best = { entry: e, end };
    }
    return best;
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

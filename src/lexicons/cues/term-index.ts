/**
 * Longest-first lookup of the terms of one cue list. Case, word edges,
 * bucketing and the greedy scan follow the conventions shared with the
 * sentiment lexicon (../term-match.ts); on top of them:
 * - an ASCII apostrophe in a term also matches ’ (world's / world’s);
 * - `notPrecededBy` / `notFollowedBy` list strings that veto a match when they
 *   stand right before / after it, compared under the same rule as terms
 *   (也就是说 is not the speech verb 说).
 */
import { bucketByFirstChar, candidatesAt, cutsAsciiWord, isAsciiWordCode, matchesHere, sameFoldedChar, sortLongestFirst, type SameChar, type TermTrie } from '../term-match.ts';
import type { Lang, TermEntry, TermMatch } from './types.ts';

/** The shared case rule, plus the curly apostrophe that news sites print for '. */
const sameChar: SameChar = (lexicon, text) => (lexicon === 39 ? text === 39 || text === 0x2019 : sameFoldedChar(lexicon, text));

const PAIR_SLOTS = 1 << 16;
/** The slot of a pair of character codes in a {@link TermIndex}'s pair filter. */
const pairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_SLOTS - 1);
/** The characters of the text that match a term's character under {@link sameChar}. */
export const textCodes = (c: number): number[] => (c >= 97 && c <= 122 ? [c, c - 32] : c === 39 ? [c, 0x2019] : [c]);

/** Longest-first lookup of the terms of one lexicon list. */
export class TermIndex<E extends TermEntry> {
  /** All entries, longest term first, then by code unit order. */
  readonly entries: readonly E[];
  private readonly buckets: TermTrie<E>;

  /**
   * What a match can start with, in the text's characters (both cases of a
   * lower-case letter, ’ for '): `starts` 1 at each first character, 2 where
   * a one-character term starts; `pairs` a bit for each hashed first two
   * characters. Scans pass over the rest at once.
   */
  private readonly starts = new Uint8Array(65536);
  private readonly pairs = new Int32Array(PAIR_SLOTS >>> 5);

  constructor(entries: readonly E[]) {
    this.entries = sortLongestFirst(entries, (e) => e.term);
    this.buckets = bucketByFirstChar(this.entries, (e) => e.term);
    for (const { term } of this.entries) {
      for (const a of textCodes(term.charCodeAt(0))) {
        if (term.length === 1) this.starts[a] = 2;
        else {
          this.starts[a] ||= 1;
          for (const b of textCodes(term.charCodeAt(1))) {
            const slot = pairSlot(a, b);
            this.pairs[slot >>> 5]! |= 1 << (slot & 31);
          }
        }
      }
    }
  }

  /** The entry whose term matches `term` exactly under the case rule. */
  get(term: string): E | undefined {
    return candidatesAt(this.buckets, term, 0).find((e) => e.term.length === term.length && matchesHere(e.term, term, 0, sameChar));
  }

  /** The longest entry matching at `index` whose boundaries and guards allow it. */
  matchAt(text: string, index: number, lang?: Lang): TermMatch<E> | null {
    for (const entry of candidatesAt(this.buckets, text, index)) {
      const m = TermIndex.accept(entry, text, index, lang);
      if (m) return m;
    }
    return null;
  }

  /**
   * The match of `entry` at `index` when its term, boundaries and guards allow
   * it there, else null: the test matchAt applies to each candidate, longest
   * first (for scans that find candidates of several lists at once).
   */
  static accept<E extends TermEntry>(entry: E, text: string, index: number, lang?: Lang): TermMatch<E> | null {
    if (lang !== undefined && entry.lang !== lang) return null;
    const end = index + entry.term.length;
    if (!matchesHere(entry.term, text, index, sameChar)) return null;
    if (cutsAsciiWord(entry.term, text, index, end)) return null;
    if (entry.notPrecededBy?.some((g) => matchesHere(g, text, index - g.length, sameChar))) return null;
    if (entry.notFollowedBy?.some((g) => matchesHere(g, text, end, sameChar))) return null;
    return { entry, text: text.slice(index, end), start: index, end };
  }

  /**
   * Whether a term may match at `i`, by the start filters (never false where
   * {@link matchAt} finds a match); a term that starts with a letter or digit
   * never starts inside a Latin word.
   */
  mayStartAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    const start = this.starts[c]!;
    if (start === 0 || (isAsciiWordCode(c) && isAsciiWordCode(text.charCodeAt(i - 1)))) return false;
    if (start === 2) return true;
    const slot = pairSlot(c, text.charCodeAt(i + 1));
    return ((this.pairs[slot >>> 5]! >>> (slot & 31)) & 1) === 1;
  }

  /** Leftmost-longest, non-overlapping matches in reading order (the same as scanLongest over matchAt). */
  findAll(text: string, lang?: Lang): TermMatch<E>[] {
    const found: TermMatch<E>[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.mayStartAt(text, i) ? this.matchAt(text, i, lang) : null;
      if (match) {
        found.push(match);
        i = match.end;
      } else i++;
    }
    return found;
  }
}

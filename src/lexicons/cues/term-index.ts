/**
 * Longest-first lookup of the terms of one cue list. Case, word edges,
 * bucketing and the greedy scan follow the conventions shared with the
 * sentiment lexicon (../term-match.ts); on top of them:
 * - an ASCII apostrophe in a term also matches ’ (world's / world’s);
 * - `notPrecededBy` / `notFollowedBy` list strings that veto a match when they
 *   stand right before / after it, compared under the same rule as terms
 *   (也就是说 is not the speech verb 说).
 */
import { bucketByFirstChar, candidatesAt, cutsAsciiWord, matchesHere, sameFoldedChar, sortLongestFirst, type SameChar, type TermTrie } from '../term-match.ts';
import type { Lang, TermEntry, TermMatch } from './types.ts';

/** The shared case rule, plus the curly apostrophe that news sites print for '. */
const sameChar: SameChar = (lexicon, text) => (lexicon === 39 ? text === 39 || text === 0x2019 : sameFoldedChar(lexicon, text));

/** Longest-first lookup of the terms of one lexicon list. */
export class TermIndex<E extends TermEntry> {
  /** All entries, longest term first, then by code unit order. */
  readonly entries: readonly E[];
  private readonly buckets: TermTrie<E>;

  /** 1 for each character code a term can start with (both cases of an ASCII letter, ’ for '): scans pass over the rest at once */
  private readonly starts = new Uint8Array(65536);

  constructor(entries: readonly E[]) {
    this.entries = sortLongestFirst(entries, (e) => e.term);
    this.buckets = bucketByFirstChar(this.entries, (e) => e.term);
    for (const { term } of this.entries) {
      const c = term.charCodeAt(0);
      this.starts[c] = 1;
      if (c >= 97 && c <= 122) this.starts[c - 32] = 1;
      if (c >= 65 && c <= 90) this.starts[c + 32] = 1;
      if (c === 39) this.starts[0x2019] = 1;
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

  /** Leftmost-longest, non-overlapping matches in reading order (the same as scanLongest over matchAt). */
  findAll(text: string, lang?: Lang): TermMatch<E>[] {
    const found: TermMatch<E>[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.starts[text.charCodeAt(i)] === 1 ? this.matchAt(text, i, lang) : null;
      if (match) {
        found.push(match);
        i = match.end;
      } else i++;
    }
    return found;
  }
}

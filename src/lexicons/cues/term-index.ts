/**
 * Longest-first lookup of the terms of one cue list. Case, word edges,
 * bucketing and the greedy scan follow the conventions shared with the
 * sentiment lexicon (../term-match.ts); on top of them:
 * - an ASCII apostrophe in a term also matches ’ (world's / world’s);
 * - `notPrecededBy` / `notFollowedBy` list strings that veto a match when they
 *   stand right before / after it, compared under the same rule as terms
 *   (也就是说 is not the speech verb 说).
 */
import { bucketByFirstChar, candidatesAt, cutsAsciiWord, matchesHere, sameFoldedChar, scanLongest, sortLongestFirst, type SameChar, type TermTrie } from '../term-match.ts';
import type { Lang, TermEntry, TermMatch } from './types.ts';

/** The shared case rule, plus the curly apostrophe that news sites print for '. */
const sameChar: SameChar = (lexicon, text) => (lexicon === "'" ? text === "'" || text === '’' : sameFoldedChar(lexicon, text));

/** Longest-first lookup of the terms of one lexicon list. */
export class TermIndex<E extends TermEntry> {
  /** All entries, longest term first, then by code unit order. */
  readonly entries: readonly E[];
  private readonly buckets: TermTrie<E>;

  constructor(entries: readonly E[]) {
    this.entries = sortLongestFirst(entries, (e) => e.term);
    this.buckets = bucketByFirstChar(this.entries, (e) => e.term);
  }

  /** The entry whose term matches `term` exactly under the case rule. */
  get(term: string): E | undefined {
    return candidatesAt(this.buckets, term, 0).find((e) => e.term.length === term.length && matchesHere(e.term, term, 0, sameChar));
  }

  /** The longest entry matching at `index` whose boundaries and guards allow it. */
  matchAt(text: string, index: number, lang?: Lang): TermMatch<E> | null {
    for (const entry of candidatesAt(this.buckets, text, index)) {
      if (lang !== undefined && entry.lang !== lang) continue;
      const end = index + entry.term.length;
      if (!matchesHere(entry.term, text, index, sameChar)) continue;
      if (cutsAsciiWord(entry.term, text, index, end)) continue;
      if (entry.notPrecededBy?.some((g) => matchesHere(g, text, index - g.length, sameChar))) continue;
      if (entry.notFollowedBy?.some((g) => matchesHere(g, text, end, sameChar))) continue;
      return { entry, text: text.slice(index, end), start: index, end };
    }
    return null;
  }

  /** Leftmost-longest, non-overlapping matches in reading order. */
  findAll(text: string, lang?: Lang): TermMatch<E>[] {
    return scanLongest(text, (t, i) => this.matchAt(t, i, lang));
  }
}

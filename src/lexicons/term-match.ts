/**
 * The matching conventions the cue lexicons (cues/) and the sentiment lexicon
 * (sentiment/) share, kept in one place so the two cannot drift apart:
 * - a lowercase ASCII letter in a term matches either case, any other
 *   character matches itself only (`revenue` matches `Revenue`; `US` does not
 *   match `us`);
 * - a term edge that is an ASCII letter or digit must not touch another ASCII
 *   letter or digit in the text (`price` is not found in `prices`, `ST` not in
 *   `STEM`, `996` not in `19960`);
 * - terms are bucketed by their folded first character, longest first, so the
 *   first term that fits at a position is the longest one;
 * - a scan takes the longest match at each position and continues after it.
 */

/** True for an ASCII letter or digit: what an English word or a number is made of. */
export const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && ch.length > 0 && isAsciiWordCode(ch.charCodeAt(0));

/** isAsciiWord by character code (NaN, past either end of a text, is not a word character). */
export const isAsciiWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** An ASCII capital lowered; every other character unchanged (Chinese has no case). */
export const foldAscii = (ch: string): string => (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch);

/** Compares one lexicon character with one text character, by UTF-16 code. */
export type SameChar = (lexicon: number, text: number) => boolean;

/** The case rule: a lowercase ASCII letter in the lexicon matches either case, anything else only itself. */
export const sameFoldedChar: SameChar = (lexicon, text) => (lexicon >= 97 && lexicon <= 122 ? (text >= 65 && text <= 90 ? text + 32 : text) === lexicon : text === lexicon);

/** Whether `term` stands in `text` at `at`, character by character under `same` (default: the case rule). */
export function matchesHere(term: string, text: string, at: number, same: SameChar = sameFoldedChar): boolean {
  if (at < 0 || at + term.length > text.length) return false;
  for (let i = 0; i < term.length; i++) if (!same(term.charCodeAt(i), text.charCodeAt(at + i))) return false;
  return true;
}

/** True when `term`, found at [start, end) of `text`, would cut an ASCII word: a Latin edge touching a letter or digit. */
export function cutsAsciiWord(term: string, text: string, start: number, end: number): boolean {
  return (isAsciiWordCode(term.charCodeAt(0)) && isAsciiWordCode(text.charCodeAt(start - 1))) || (isAsciiWordCode(term.charCodeAt(term.length - 1)) && isAsciiWordCode(text.charCodeAt(end)));
}

/** `items` longest term first, ties in code-unit order, so the output does not depend on file order. */
export function sortLongestFirst<T>(items: Iterable<T>, termOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const x = termOf(a);
    const y = termOf(b);
    return y.length - x.length || (x < y ? -1 : x > y ? 1 : 0);
  });
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  items: T[] | null;
}

/** A character code as the trie compares it: ASCII capitals lowered, the curly apostrophe as the straight one. */
const trieCode = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c);

const NONE: readonly never[] = [];

/**
 * Terms in a character trie on folded character codes (ASCII case, curly
 * apostrophe), so a lookup at a position costs the length of the longest
 * term that starts there, not the number of terms sharing its first
 * character, and reads the text by code without making strings. The trie
 * only narrows: it is looser than any case rule, and callers still check a
 * candidate with {@link matchesHere}.
 */
export class TermTrie<T> {
  private readonly root: TrieNode<T> = { next: null, items: null };
  /** the root's children by character code, for the lookup every position makes */
  private readonly first: Array<TrieNode<T> | null> = new Array<TrieNode<T> | null>(65536).fill(null);

  /** `items` in lookup order (longest first); that order is kept among terms of one length. */
  constructor(items: Iterable<T>, termOf: (item: T) => string) {
    for (const item of items) {
      const term = termOf(item);
      if (!term) continue;
      let node = this.root;
      for (let i = 0; i < term.length; i++) {
        const c = trieCode(term.charCodeAt(i));
        node.next ??= new Map();
        let child = node.next.get(c);
        if (!child) {
          child = { next: null, items: null };
          node.next.set(c, child);
        }
        node = child;
      }
      (node.items ??= []).push(item);
    }
    for (const [code, child] of this.root.next ?? []) this.first[code] = child;
  }

  /** The items whose folded term stands at `text[i]`, longest term first. */
  at(text: string, i: number): readonly T[] {
    let node: TrieNode<T> | null | undefined = this.first[trieCode(text.charCodeAt(i))];
    if (!node) return NONE;
    let found: Array<readonly T[]> | null = node.items ? [node.items] : null;
    for (let j = i + 1; j < text.length && node.next; j++) {
      node = node.next.get(trieCode(text.charCodeAt(j)));
      if (!node) break;
      if (node.items) (found ??= []).push(node.items);
    }
    if (!found) return NONE;
    if (found.length === 1) return found[0]!;
    const out: T[] = [];
    for (let k = found.length - 1; k >= 0; k--) out.push(...found[k]!);
    return out;
  }
}

/** `items` (already in lookup order) indexed for {@link candidatesAt}. */
export function bucketByFirstChar<T>(items: Iterable<T>, termOf: (item: T) => string): TermTrie<T> {
  return new TermTrie(items, termOf);
}

/** The items whose term may start at `text[i]`, longest first; none past the end of the text. */
export function candidatesAt<T>(index: TermTrie<T>, text: string, i: number): readonly T[] {
  return i < text.length ? index.at(text, i) : NONE;
}

/** Leftmost-longest, non-overlapping matches in reading order: at each position `matchAt`, then on after its end. */
export function scanLongest<M extends { readonly end: number }>(text: string, matchAt: (text: string, i: number) => M | null): M[] {
  const found: M[] = [];
  for (let i = 0; i < text.length; ) {
    const match = matchAt(text, i);
    if (match) {
      found.push(match);
      i = match.end;
    } else i++;
  }
  return found;
}

/**
 * Cheap tests that let the claim builder skip work: a template is tried on a
 * sentence only when its longest literal word occurs in it, a word claim is
 * looked for only where one of its terms can begin, and the cue lists are
 * scanned in one pass. Computed once per lexicon set; the tests only ever keep
 * more than the exact matchers would, never less.
 */
import type { CompiledTemplate, CueLexicons, Lang, TermEntry, TermMatch } from '../lexicons/cues.ts';
import { TermIndex, textCodes } from '../lexicons/cues/term-index.ts';
import { TermTrie } from '../lexicons/term-match.ts';

/** The longest literal word of a template, folded to lower case: 据{source}数据显示 → 数据显示, according to {source} → according. */
function keyWord(pattern: string): string {
  const words = pattern.replace(/\{[a-z]+\}/g, ' ').split(/\s+/).filter((w) => w !== '' && !w.includes("'"));
  return words.reduce((best, w) => (w.length > best.length ? w : best), '').toLowerCase();
}

/** A template list's key words: the distinct ones, each template's index among them, and each distinct word's first and last character. */
interface KeyWords {
  distinct: string[];
  of: Int32Array;
  first: Int32Array;
  last: Int32Array;
}

const keys = new WeakMap<object, KeyWords>();

/** The characters of one sentence, hashed into 1024 bits: a word with a character not in it is not in the sentence. */
const seen = new Int32Array(32);
const seenHas = (c: number): boolean => ((seen[(c & 1023) >>> 5]! >>> (c & 31)) & 1) === 1;

/** The templates of `list` whose key word occurs in `lower` (the sentence in lower case), in list order. */
export function plausibleTemplates<E>(list: readonly CompiledTemplate<E>[], lower: string): CompiledTemplate<E>[] {
  let k = keys.get(list);
  if (!k) {
    const words = list.map((t) => keyWord(t.pattern));
    const distinct = [...new Set(words)];
    k = {
      distinct,
      of: Int32Array.from(words, (w) => distinct.indexOf(w)),
      first: Int32Array.from(distinct, (w) => (w === '' ? -1 : w.charCodeAt(0))),
      last: Int32Array.from(distinct, (w) => (w === '' ? -1 : w.charCodeAt(w.length - 1))),
    };
    keys.set(list, k);
  }
  seen.fill(0);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i) & 1023;
    seen[c >>> 5]! |= 1 << (c & 31);
  }
  // many templates share a key word (数据显示): test each word once, by its end characters before searching for it
  const present = new Uint8Array(k.distinct.length);
  let any = false;
  for (let j = 0; j < k.distinct.length; j++) {
    const first = k.first[j]!;
    if (first < 0 || (seenHas(first) && seenHas(k.last[j]!) && lower.includes(k.distinct[j]!))) {
      present[j] = 1;
      any = true;
    }
  }
  if (!any) return [];
  const out: CompiledTemplate<E>[] = [];
  for (let i = 0; i < list.length; i++) if (present[k.of[i]!] === 1) out.push(list[i]!);
  return out;
}

const wordClaimStarts = new WeakMap<CueLexicons, Uint8Array>();

/**
 * 1 for each character a word claim's term can begin with, as the text writes
 * it (both cases of a lower-case letter, ’ for '): ranking words with a rank,
 * vague magnitudes and changes that imply their size.
 */
export function wordClaimStartTable(cues: CueLexicons): Uint8Array {
  let table = wordClaimStarts.get(cues);
  if (!table) {
    table = new Uint8Array(65536);
    const terms: TermEntry[] = [
      ...cues.rankings.entries.filter((e) => e.rank !== null),
      ...cues.magnitudes.entries,
      ...cues.growth.entries.filter((e) => e.impliedValue !== undefined),
    ];
    for (const { term } of terms) for (const c of textCodes(term.charCodeAt(0))) table[c] = 1;
    wordClaimStarts.set(cues, table);
  }
  return table;
}

/** One term list to scan, with the language its entries must have (undefined: any). */
export interface ScanList<E extends TermEntry> {
  index: TermIndex<E>;
  lang: Lang | undefined;
}

/** Every list's terms in one trie (items tagged with their list), and the lists each character can start. */
interface CombinedLists {
  trie: TermTrie<{ k: number; entry: TermEntry }>;
  firsts: Uint8Array;
}

const combined = new WeakMap<readonly ScanList<TermEntry>[], CombinedLists>();

/**
 * Leftmost-longest matches of several term lists in one pass over `text`
 * (the same result as each list's `findAll`). The lists' terms share one
 * trie, so a position costs one walk however many lists have a term there;
 * each list keeps its own matches, longest first and never overlapping
 * one another, exactly as its own scan would.
 */
export function scanLists(lists: readonly ScanList<TermEntry>[], text: string): TermMatch<TermEntry>[][] {
  if (lists.length > 8) throw new Error('scanLists: at most 8 lists');
  let c = combined.get(lists);
  if (!c) {
    const firsts = new Uint8Array(65536);
    const items: Array<{ k: number; entry: TermEntry }> = [];
    lists.forEach((l, k) => {
      for (const entry of l.index.entries) {
        items.push({ k, entry });
        const code = entry.term.charCodeAt(0);
        firsts[code]! |= 1 << k;
        // the trie folds ASCII case and reads ’ as ': so must the table
        if (code >= 97 && code <= 122) firsts[code - 32]! |= 1 << k;
        if (code >= 65 && code <= 90) firsts[code + 32]! |= 1 << k;
        if (code === 39) firsts[0x2019]! |= 1 << k;
      }
    });
    // a list's entries go in in its own lookup order, so among one list's candidates the trie keeps that order
    c = { trie: new TermTrie(items, (item) => item.entry.term), firsts };
    combined.set(lists, c);
  }
  const found: TermMatch<TermEntry>[][] = lists.map(() => []);
  const next = lists.map(() => 0);
  let previousWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a term that starts with a Latin letter or digit never starts inside a Latin word (the edge rule)
    const word = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    const inside = word && previousWord;
    previousWord = word;
    if (inside) continue;
    const mask = c.firsts[code]!;
    if (mask === 0) continue;
    let wanted = 0;
    for (let k = 0; k < lists.length; k++) if ((mask & (1 << k)) !== 0 && i >= next[k]!) wanted |= 1 << k;
    if (wanted === 0) continue;
    for (const { k, entry } of c.trie.at(text, i)) {
      if ((wanted & (1 << k)) === 0) continue;
      const m = TermIndex.accept(entry, text, i, lists[k]!.lang);
      if (!m) continue;
      found[k]!.push(m);
      next[k] = m.end;
      wanted &= ~(1 << k);
      if (wanted === 0) break;
    }
  }
  return found;
}

/**
 * Cheap tests that let the claim builder skip work: a template is tried on a
 * sentence only when its longest literal word occurs in it, and a sentence
 * without a numeral is read only when a word claim (冠军, doubled, 两位数)
 * occurs in it. Both are computed once per lexicon set; they only ever keep
 * more than the exact matchers would, never less.
 */
import type { CompiledTemplate, CueLexicons, Lang, TermEntry, TermIndex, TermMatch } from '../lexicons/cues.ts';
import { TermTrie } from '../lexicons/term-match.ts';

/** The longest literal word of a template, folded to lower case: 据{source}数据显示 → 数据显示, according to {source} → according. */
function keyWord(pattern: string): string {
  const words = pattern.replace(/\{[a-z]+\}/g, ' ').split(/\s+/).filter((w) => w !== '' && !w.includes("'"));
  return words.reduce((best, w) => (w.length > best.length ? w : best), '').toLowerCase();
}

const keys = new WeakMap<object, { words: string[]; trie: TermTrie<string>; starts: Uint8Array }>();

/** The templates of `list` whose key word occurs in `lower` (the sentence in lower case), in list order. */
export function plausibleTemplates<E>(list: readonly CompiledTemplate<E>[], lower: string): CompiledTemplate<E>[] {
  let k = keys.get(list);
  if (!k) {
    const words = list.map((t) => keyWord(t.pattern));
    const distinct = [...new Set(words)].filter((w) => w !== '');
    const starts = new Uint8Array(65536);
    for (const w of distinct) starts[w.charCodeAt(0)] = 1;
    k = { words, trie: new TermTrie(distinct, (w) => w), starts };
    keys.set(list, k);
  }
  // one pass over the sentence finds every key word in it (many templates share one, 数据显示);
  // the trie folds only ASCII case and the curly apostrophe, and `lower` is in lower case already
  const present = new Set<string>();
  if (k.words.includes('')) present.add('');
  for (let i = 0; i < lower.length; i++) {
    if (k.starts[lower.charCodeAt(i)] === 0) continue;
    for (const w of k.trie.at(lower, i)) present.add(w);
  }
  if (present.size === 0) return [];
  const out: CompiledTemplate<E>[] = [];
  for (let i = 0; i < list.length; i++) if (present.has(k.words[i]!)) out.push(list[i]!);
  return out;
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
// a lower-case ASCII letter of a term matches either case, ' also matches ’ (the lexicon case rule)
const loose = (term: string) => [...term].map((ch) => (ch >= 'a' && ch <= 'z' ? `[${ch}${ch.toUpperCase()}]` : ch === "'" ? "['’]" : escape(ch))).join('');

const wordClaimTests = new WeakMap<CueLexicons, RegExp>();

/** A test that a sentence may hold a ranking word, a vague magnitude or a change that implies its size. */
export function mayHoldWordClaim(cues: CueLexicons, s: string): boolean {
  let re = wordClaimTests.get(cues);
  if (!re) {
    const terms: TermEntry[] = [
      ...cues.rankings.entries.filter((e) => e.rank !== null),
      ...cues.magnitudes.entries,
      ...cues.growth.entries.filter((e) => e.impliedValue !== undefined),
    ];
    re = new RegExp([...new Set(terms.map((e) => loose(e.term)))].join('|'));
    wordClaimTests.set(cues, re);
  }
  return re.test(s);
}

/** One term list to scan, with the language its entries must have (undefined: any). */
export interface ScanList<E extends TermEntry> {
  index: TermIndex<E>;
  lang: Lang | undefined;
}

const firstChars = new WeakMap<readonly ScanList<TermEntry>[], Uint8Array>();

/**
 * Leftmost-longest matches of several term lists in one pass over `text`
 * (the same result as each list's `findAll`): a table of the characters that
 * start a term of each list lets most positions of Chinese text be skipped
 * with one lookup, instead of one lookup per list.
 */
export function scanLists(lists: readonly ScanList<TermEntry>[], text: string): TermMatch<TermEntry>[][] {
  if (lists.length > 8) throw new Error('scanLists: at most 8 lists');
  let table = firstChars.get(lists);
  if (!table) {
    table = new Uint8Array(65536);
    lists.forEach((l, k) => {
      for (const e of l.index.entries) {
        const c = e.term.charCodeAt(0);
        table![c]! |= 1 << k;
        // a lower-case ASCII letter matches either case
        if (c >= 97 && c <= 122) table![c - 32]! |= 1 << k;
      }
    });
    firstChars.set(lists, table);
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
    const mask = table[code]!;
    if (mask === 0) continue;
    for (let k = 0; k < lists.length; k++) {
      if ((mask & (1 << k)) === 0 || i < next[k]!) continue;
      const m = lists[k]!.index.matchAt(text, i, lists[k]!.lang);
      if (m) {
        found[k]!.push(m);
        next[k] = m.end;
      }
    }
  }
  return found;
}

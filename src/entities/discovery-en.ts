import { lowerBound, RangeSet } from '../doc/spans.ts';
import { englishNames, englishWordKinds } from '../english/nlp.ts';
import { discoveryLookups, loadDiscoveryLexicon } from '../lexicons/discovery.ts';
import { slugFor } from './ids.ts';
import type { FoundMention } from './types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A capitalised name word, hyphenated parts included (Sung-soo), or initials (J.K.).
const NAME_WORD = "(?:[A-Z]\\.){1,3}|[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?";
const NAME = `(?:${NAME_WORD})(?: (?:${NAME_WORD})){1,2}`;

let personPattern: RegExp | null = null;
const EMPLOYER_BEFORE_TITLE = /^ (?:analyst|spokesman|spokeswoman|chief|executive|head|president|director|strategist|economist|vice)\b/;

/** Names that a title stands before (analyst Bevan Yeh) or a speech verb after (Kim Sung-soo said). */
function cuedPeople(text: string): Array<{ start: number; end: number; text: string; type: 'person' | 'organization' }> {
  if (!personPattern) {
    const lex = loadDiscoveryLexicon();
    const before = lex.englishPersonCues.before.map(escape).join('|');
    const after = lex.englishPersonCues.after.map(escape).join('|');
    personPattern = new RegExp(`(?<=\\b(?:${before}),? )(${NAME})\\b|\\b(${NAME})(?=,? (?:${after})\\b)`, 'g');
  }
  return [...text.matchAll(personPattern)].map((m) => {
    const name = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(name);
    // said Fubon Securities analyst William Wang: a name followed by a job title is the employer.
    const employer = EMPLOYER_BEFORE_TITLE.test(text.slice(start + name.length, start + name.length + 20));
    return { start, end: start + name.length, text: name, type: employer ? ('organization' as const) : ('person' as const) };
  });
}

function discovered(start: number, end: number, name: string, type: 'person' | 'organization'): FoundMention {
  return { start, end, id: slugFor(name, type), type, name, nameEn: name, org: null, discovered: true };
}

/**
 * English people and organisations the registry lacks, in English text or in
 * Latin runs inside Chinese text (Kwon Young-soo, Nabila Popal): compromise's
 * findings, plus names a title or a speech verb marks as people. Titles it
 * keeps in front (Executive Tim Cook) and generic words (Chinese company,
 * Co Ltd) are dropped.
 */
export function discoverEnglish(text: string, language: string, taken: RangeSet<FoundMention>): FoundMention[] {
  const words = discoveryLookups();
  const titleWords = words.englishTitleWords;
  const generic = words.englishGenericWords;
  const suffixes = words.englishCorporateSuffixesLongestFirst;
  const found: FoundMention[] = [];
  // In English text a run of capitalised words that a cheap reading settles (a known given name first, an
  // organisation's head word last) is not read by compromise; the others are, with a few words around them.
  const heads = words.englishOrganizationHeads;
  const surnames = words.romanizedSurnames;
  const lists: SettleLists = { heads, titles: titleWords, generic, surnames };
  const english = language === 'en' ? candidateSentences(text, taken, (run) => settleRun(text, run, lists, taken)) : null;
  const runs = english ? english.windows : [...text.matchAll(/[A-Z][A-Za-z.'’-]*(?: +[A-Z][A-Za-z.'’-]*)+/g)].map((m) => ({ start: m.index, text: m[0] }));
  // In Chinese text only people are taken from compromise, and a Latin person's name is words like Nabila Popal or
  // Kwon Young-soo: runs of model names and acronyms (MIX Fold, Model Y, SNE Research) are not worth its time.
  // In Chinese text the same cheap reading settles a Latin run first; only people are kept from it.
  const settledInChinese: Named[] = [];
  const ask = (r: { start: number; text: string }): boolean => {
    if (!LATIN_PERSON.test(r.text)) return false;
    if (english) return true;
    if (taken.overlaps({ start: r.start, end: r.start + r.text.length })) return false;
    const settled = settleRun(text, { start: r.start, end: r.start + r.text.length }, lists, taken);
    if (settled && settled !== 'none') for (const n of settled) if (n.type === 'person') settledInChinese.push({ ...n, start: r.start + n.start, end: r.start + n.end });
    return settled === null;
  };
  const named = namesInRuns(runs.map((r) => (ask(r) ? r : { text: '' })));
  // Cued names are matched on the whole text (a sentence split at J.J. Kinahan would cut them); compromise only on candidates.
  const passes = [
    { start: 0, candidates: english ? [...cuedPeople(text), ...english.settled] : settledInChinese },
    ...runs.map((run, r) => ({ start: run.start, candidates: [...(language === 'en' ? [] : cuedPeople(run.text)), ...named[r]!.filter((n) => language === 'en' || n.type === 'person')] })),
  ];
  for (const run of passes) {
    const { candidates } = run;
    for (const n of candidates) {
      let start = run.start + n.start;
      let end = run.start + n.end;
      // compromise cuts hyphenated given names (Kim Sung-soo → Kim Sung-): take the whole word.
      while (end < text.length && isWordOrHyphen(text.charCodeAt(end)) && isWordOrHyphen(text.charCodeAt(end - 1))) end++;
      let words = text.slice(start, end).replace(/[\s(（,.'’]+$/, '').replace(/['’]s$/, '').split(/\s+/);
      while (words.length > 1 && (titleWords.has(words[0]!.toLowerCase()) || generic.has(words[0]!))) {
        start += words[0]!.length + 1;
        words = words.slice(1);
      }
      // Registry names go without corporate suffixes: FBR Capital Markets & Co → FBR Capital Markets.
      let name = words.join(' ');
      if (n.type === 'organization') {
        for (const suffix of suffixes) if (name.endsWith(` ${suffix}`) && name.length > suffix.length + 3) name = name.slice(0, -suffix.length - 1);
        words = name.split(' ');
      }
      end = start + name.length;
      const last = words[words.length - 1]!;
      if (name.length < 3 || !/^[A-Z]/.test(name) || words.every((w) => generic.has(w)) || (generic.has(last) && /^[a-z]/.test(last)) || words.some((w) => /^(?:No\.\d|\d)/.test(w))) continue;
      if (n.type === 'person' && words.length < 2) continue;
      if (text.slice(start, end) !== name) continue;
      const m = discovered(start, end, name, n.type);
      if (!taken.overlaps(m)) {
        taken.add(m);
        found.push(m);
      }
    }
  }
  // A name found once stands for itself wherever else the article writes it, including at the start of a
  // sentence, where compromise is not asked (and a repeated run is asked about only once).
  for (const m of [...found]) {
    for (let at = text.indexOf(m.name); at >= 0; at = text.indexOf(m.name, at + m.name.length)) {
      const end = at + m.name.length;
      if (/[A-Za-z0-9]/.test(text[at - 1] ?? '') || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
      const again = { ...m, start: at, end };
      if (!taken.overlaps(again)) {
        taken.add(again);
        found.push(again);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const isWordOrHyphen = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isNameChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 0x2019 || c === 46 || c === 45;
/** A word that begins with a capital and goes on as a name does, after an opening bracket or quote: (Reuters, “Apple, O'Neil. */
function isCapitalised(word: string): boolean {
  const lead = '("“‘\''.includes(word[0]!) ? 1 : 0;
  return word.length > lead + 1 && isUpper(word.charCodeAt(lead)) && isNameChar(word.charCodeAt(lead + 1));
}

/** A word of a Latin person's name: Nabila, Young-soo, McBride, O'Neil. */
const PERSON_WORD = "[A-Z](?:[a-z]+|[a-z]?[A-Z][a-z]+|['’][A-Z][a-z]+)(?:-[A-Za-z][a-z]+)?";
/** A Latin run inside Chinese text that could hold a person's name: two such words in a row (CFO Chuck McBride). */
const LATIN_PERSON = new RegExp(`(?<![A-Za-z'’-])${PERSON_WORD} ${PERSON_WORD}(?![A-Za-z'’-])`);
const WHOLE_PERSON_WORD = new RegExp(`^${PERSON_WORD}$`);

/** Words of context kept before and after a run of capitalised words for compromise: titles before, speech verbs after. */
const WORDS_BEFORE = 1;
const WORDS_AFTER = 0;
/** Lower-case words that may stand inside a name (Bank of America, Johnson & Johnson, Ludwig van Beethoven). */
const NAME_LINKS = new Set(['of', 'and', '&', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'da', 'bin', 'al']);

/**
 * The stretches of English text worth handing to compromise: each run of
 * capitalised words (after a sentence's first word) of two words or more
 * that a registry mention does not cover whole, with a couple of words either
 * side, clipped to its sentence. compromise is the costly part of entity
 * finding and its cost grows with the text it reads, while most sentences
 * name only known entities and most words of the rest are not names.
 * A one-word run is left out: a person needs two words, and compromise tags
 * an unknown single word as an organisation only by its lexicon, which the
 * registry already covers for the companies of the field.
 */
function candidateSentences(text: string, taken: RangeSet<FoundMention>, settle: (run: { start: number; end: number }) => Named[] | 'none' | null): { windows: Window[]; settled: Named[] } {
  const out: Window[] = [];
  const settled: Named[] = [];
  const asked = new Set<string>();
  for (const m of text.matchAll(/[^\n.!?]+(?:[.!?](?![\s"”]|$)[^\n.!?]*)*[.!?]*["”]?/g)) {
    const sentence = m[0];
    const words = [...sentence.matchAll(/\S+/g)];
    const capital = words.map((w) => isCapitalised(w[0]));
    // a run already asked about in this article is not asked again: its names are found by repetition
    let last: { start: number; end: number; runs: Array<{ start: number; end: number }> } | null = null;
    for (let k = 0; k < words.length; k++) {
      if (!capital[k]) continue;
      // a sentence's first word is capitalised anyway: a run there is read only by the cheap rules, and only a person is kept
      const initial = k === 0 && !/^\s/.test(sentence);
      // the run: capitalised words, joined by the lower-case links names use
      let j = k;
      let count = 1;
      while (j + 1 < words.length && (capital[j + 1] || (NAME_LINKS.has(words[j + 1]![0]) && j + 2 < words.length && capital[j + 2]))) {
        j++;
        if (capital[j]) count++;
        if (/[,;:)”"]$/.test(words[j]![0])) break;
      }
      const runStart = m.index + words[k]!.index;
      const runEnd = m.index + words[j]!.index + words[j]![0].length;
      let uncovered = false;
      for (let q = k; q <= j && !uncovered; q++) {
        const at = m.index + words[q]!.index;
        uncovered = capital[q]! && !taken.overlaps({ start: at, end: at + words[q]![0].replace(/[^A-Za-z]+$/, '').length });
      }
      k = j;
      const runText = text.slice(runStart, runEnd).replace(/[^A-Za-z]+$/, '');
      if (count < 2 || !uncovered || asked.has(runText)) continue;
      if (!initial) asked.add(runText);
      const from = words[Math.max(0, words.findIndex((w) => m.index + w.index === runStart) - WORDS_BEFORE)]!;
      const to = words[Math.min(words.length - 1, j + WORDS_AFTER)]!;
      const start = m.index + from.index;
      const end = Math.max(runEnd, m.index + to.index + to[0].length);
      const run = { start: runStart, end: m.index + words[j]!.index + words[j]![0].replace(/[^A-Za-z]+$/, '').length };
      const named = settle(run);
      if (named === 'none') continue;
      if (named) {
        for (const n of named) if (!initial || (n.type === 'person' && n.start === 0)) settled.push({ ...n, start: run.start + n.start, end: run.start + n.end });
        continue;
      }
      if (initial) continue;
      if (last && start <= last.end) {
        last.end = Math.max(last.end, end);
        last.runs.push(run);
      } else {
        if (last) out.push({ start: last.start, text: text.slice(last.start, last.end), runs: last.runs });
        last = { start, end, runs: [run] };
      }
    }
    const done = last as { start: number; end: number; runs: Array<{ start: number; end: number }> } | null;
    if (done) out.push({ start: done.start, text: text.slice(done.start, done.end), runs: done.runs });
  }
  return { windows: out, settled };
}

/** A stretch of text for compromise, with the runs of capitalised words that made it worth reading (offsets into the text). */
interface Window {
  start: number;
  text: string;
  runs: Array<{ start: number; end: number }>;
}

type Named = ReturnType<typeof englishNames>[number];

let lexicon: ReturnType<typeof englishWordKinds> | null = null;

/**
 * What a run of capitalised words is, when a cheap reading settles it: a
 * person when, after any title words, its first word is a given name in
 * compromise's lexicon (Zachary Kirkhorn, Chief Financial Officer Jennifer Li)
 * and every word is shaped like a name; an organisation when it ends with an
 * organisation's head word (KGI Securities, Coda Holdings); 'none' when every
 * word is a common word of compromise's lexicon and none can be part of a
 * name (Global Mobile Internet Conference). Null sends the run to
 * compromise's tagger, which costs far more.
 */
interface SettleLists {
  heads: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  generic: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
}

/** A listing code written in the text (HWT.UL, AAPL.O, 005930.KS): never part of a name. */
const RIC = /^\(?[A-Z0-9]{1,6}\.[A-Z]{1,2}\)?[,.]?$/;

/**
 * {@link settleOne} on a run, and when that cannot settle it, on its parts
 * either side of `of` and `and` (analyst Daniel Ives of FBR Capital Markets &
 * Co: a person and an organisation). Names come with offsets into the run.
 */
function settleRun(text: string, run: { start: number; end: number }, lists: SettleLists, taken: RangeSet<FoundMention>): Named[] | 'none' | null {
  const whole = settleOne(text, run, lists, taken);
  if (whole !== null) return whole === 'none' ? 'none' : [whole];
  const runText = text.slice(run.start, run.end);
  const parts = [...runText.matchAll(/(?:^| (?:of|and) )((?:(?! (?:of|and) ).)+)/g)].map((m) => ({ start: run.start + m.index + m[0].length - m[1]!.length, end: run.start + m.index + m[0].length }));
  if (parts.length < 2) return null;
  const named: Named[] = [];
  for (const part of parts) {
    const one = settleOne(text, part, lists, taken);
    if (one === null) return null;
    if (one !== 'none') named.push({ ...one, start: one.start + part.start - run.start, end: one.end + part.start - run.start });
  }
  return named.length ? named : 'none';
}

function settleOne(text: string, run: { start: number; end: number }, lists: SettleLists, taken: RangeSet<FoundMention>): Named | 'none' | null {
  const { heads, titles, generic, surnames } = lists;
  const all = text.slice(run.start, run.end).split(' ');
  lexicon ??= englishWordKinds();
  const common = (w: string) => lexicon!.commonWords.has(w.toLowerCase().replace(/['’]s$/, '')) || generic.has(w);
  const offsets: number[] = [];
  all.reduce((at, w) => (offsets.push(at), at + w.length + 1), 0);
  const known = all.map((w, k) => RIC.test(w) || taken.overlaps({ start: run.start + offsets[k]!, end: run.start + offsets[k]! + w.length }));
  // titles, common words and registry names in front (Apple Chief Financial Officer Luca Maestri) are not a person's name
  let from = 0;
  while (all.length - from > 2 && (titles.has(all[from]!.toLowerCase()) || common(all[from]!) || known[from])) from++;
  const words = all.slice(from);
  const span = (type: Named['type'], first: number): Named => {
    const start = offsets[first]!;
    const end = offsets[all.length - 1]! + all[all.length - 1]!.length;
    return { start, end, text: all.slice(first).join(' '), type };
  };
  const first = words[0]!.toLowerCase();
  if (words.length >= 2 && words.length <= 4 && lexicon.givenNames.has(first) && words.every((w) => WHOLE_PERSON_WORD.test(w) || w === 'Jr')) return span('person', from);
  // an East Asian name: two or three name-shaped words, uncommon ones, with a family name first or last (Wong Wai Ming, Yuanqing Yang)
  if (words.length <= 3 && (surnames.has(words[0]!) || surnames.has(words[words.length - 1]!)) && words.every((w) => WHOLE_PERSON_WORD.test(w) && !common(w) && !heads.has(w))) return span('person', from);
  // an organisation: a head word last, a name-like word before it, and no registry name inside (Foxconn Technology Group)
  const named = all.slice(0, -1).some((w) => !common(w) && !titles.has(w.toLowerCase()));
  if (all.length >= 2 && heads.has(all[all.length - 1]!) && named && !known.some(Boolean) && !lexicon.givenNames.has(all[0]!.toLowerCase())) return span('organization', 0);
  // nothing new: common words, registry names and their corporate endings (The Nokia, Samsung Electronics Co Ltd)
  if (all.every((w, k) => common(w) || known[k] || heads.has(w.replace(/[,.]$/, '')))) return 'none';
  return null;
}

/**
 * compromise's names for several runs of text in one call (its per-call cost
 * dominates short runs). A run whose text repeats one already asked about is
 * not read again, and an empty run gets no names.
 */
function namesInRuns(runs: ReadonlyArray<{ text: string }>): Array<ReturnType<typeof englishNames>> {
  const SEPARATOR = '\n\n';
  const first = new Map<string, number>();
  const asked: number[] = [];
  runs.forEach((r, k) => {
    if (r.text && !first.has(r.text)) {
      first.set(r.text, asked.length);
      asked.push(k);
    }
  });
  const joined = asked.map((k) => runs[k]!.text).join(SEPARATOR);
  const offsets: Array<{ start: number }> = [];
  let at = 0;
  for (const k of asked) {
    offsets.push({ start: at });
    at += runs[k]!.text.length + SEPARATOR.length;
  }
  const names = asked.map(() => [] as ReturnType<typeof englishNames>);
  for (const n of joined ? englishNames(joined) : []) {
    const q = lowerBound(offsets, n.start + 1) - 1;
    if (q < 0 || n.end > offsets[q]!.start + runs[asked[q]!]!.text.length) continue;
    names[q]!.push({ ...n, start: n.start - offsets[q]!.start, end: n.end - offsets[q]!.start });
  }
  return runs.map((r) => (r.text ? names[first.get(r.text)!]! : []));
}

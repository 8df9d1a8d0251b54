import { lowerBound, RangeSet } from '../doc/spans.ts';
import { englishNames } from '../english/nlp.ts';
import { loadDiscoveryLexicon } from '../lexicons/discovery.ts';
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
  const lex = loadDiscoveryLexicon();
  const titleWords = new Set(lex.englishTitleWords.map((w) => w.toLowerCase()));
  const generic = new Set(lex.englishGenericWords);
  const suffixes = [...lex.englishCorporateSuffixes].sort((a, b) => b.length - a.length);
  const found: FoundMention[] = [];
  const runs = language === 'en' ? candidateSentences(text, taken) : [...text.matchAll(/[A-Z][A-Za-z.'’-]*(?: +[A-Z][A-Za-z.'’-]*)+/g)].map((m) => ({ start: m.index, text: m[0] }));
  const named = namesInRuns(runs);
  // Cued names are matched on the whole text (a sentence split at J.J. Kinahan would cut them); compromise only on candidates.
  const passes = [
    { start: 0, candidates: language === 'en' ? cuedPeople(text) : [] },
    ...runs.map((run, r) => ({ start: run.start, candidates: [...(language === 'en' ? [] : cuedPeople(run.text)), ...named[r]!.filter((n) => language === 'en' || n.type === 'person')] })),
  ];
  for (const run of passes) {
    const { candidates } = run;
    for (const n of candidates) {
      let start = run.start + n.start;
      let end = run.start + n.end;
      // compromise cuts hyphenated given names (Kim Sung-soo → Kim Sung-): take the whole word.
      while (end < text.length && /[A-Za-z-]/.test(text[end]!) && /[A-Za-z-]/.test(text[end - 1]!)) end++;
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
  return found;
}

/**
 * English sentences worth handing to compromise: those with a capitalised
 * word after their first that no registry mention covers. compromise is the
 * costly part of entity finding; most sentences name only known entities.
 */
function candidateSentences(text: string, taken: RangeSet<FoundMention>): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  for (const m of text.matchAll(/[^\n.!?]+(?:[.!?](?![\s"”]|$)[^\n.!?]*)*[.!?]*["”]?/g)) {
    const sentence = m[0];
    const words = [...sentence.matchAll(/\b[A-Z][A-Za-z'’-]+/g)].filter((w) => w.index > 0 || /^\s/.test(sentence));
    if (words.some((w) => !taken.overlaps({ start: m.index + w.index, end: m.index + w.index + w[0].length }))) out.push({ start: m.index, text: sentence });
  }
  return out;
}

/** compromise's names for several runs of text in one call (its per-call cost dominates short runs). */
function namesInRuns(runs: ReadonlyArray<{ text: string }>): Array<ReturnType<typeof englishNames>> {
  const SEPARATOR = '\n\n';
  const joined = runs.map((r) => r.text).join(SEPARATOR);
  const offsets: Array<{ start: number }> = [];
  let at = 0;
  for (const r of runs) {
    offsets.push({ start: at });
    at += r.text.length + SEPARATOR.length;
  }
  const out = runs.map(() => [] as ReturnType<typeof englishNames>);
  for (const n of joined ? englishNames(joined) : []) {
    const r = lowerBound(offsets, n.start + 1) - 1;
    if (r < 0 || n.end > offsets[r]!.start + runs[r]!.text.length) continue;
    out[r]!.push({ ...n, start: n.start - offsets[r]!.start, end: n.end - offsets[r]!.start });
  }
  return out;
}

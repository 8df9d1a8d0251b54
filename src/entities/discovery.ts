import { readFileSync } from 'node:fs';
import type { Token } from '../doc/types.ts';
import { RangeSet } from '../doc/spans.ts';
import { englishNames } from '../english/nlp.ts';
import type { CueLexicons } from '../lexicons/cues.ts';
import { slugFor } from './ids.ts';
import type { FoundMention } from './types.ts';

/** Cues for names the registry lacks (lexicons/discovery/names.json). */
interface DiscoveryLexicon {
  companySuffixes: string[];
  organizationSuffixes: string[];
  namePartStopWords: string[];
  englishTitleWords: string[];
}

let lexicon: DiscoveryLexicon | null = null;

function discoveryLexicon(): DiscoveryLexicon {
  if (!lexicon) {
    const file = new URL('../../lexicons/discovery/names.json', import.meta.url);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<DiscoveryLexicon>;
    const problems = (['companySuffixes', 'organizationSuffixes', 'namePartStopWords', 'englishTitleWords'] as const)
      .filter((k) => !Array.isArray(data[k]) || !data[k]!.every((w) => typeof w === 'string' && w.length > 0))
      .map((k) => `"${k}" must be a list of non-empty strings`);
    if (problems.length) throw new Error(`lexicons/discovery/names.json:\n  ${problems.join('\n  ')}`);
    lexicon = data as DiscoveryLexicon;
  }
  return lexicon;
}

const HAN_NAME = /^[\u3400-\u9fff]{2,3}$/;
// Tags of tokens that may be part of an organisation's own name.
const NAME_TAGS = new Set(['nt', 'nz', 'ns', 'nr', 'nrt', 'nrfg', 'j', 'eng', 'x', 'n', 'nr1']);

function discovered(start: number, end: number, name: string, type: 'company' | 'organization' | 'person'): FoundMention {
  return { start, end, id: slugFor(name, type), type, name, nameEn: /[\u3400-\u9fff]/.test(name) ? null : name, org: null, discovered: true };
}

/**
 * Organisations the registry lacks: a name part (one to three name-like
 * tokens) closed by a suffix such as 集团, 证券, 科技 or 协会 — 徐矿集团,
 * 中航证券. References like 该公司, 上市公司, 子公司 are not names.
 */
function discoverOrganizations(text: string, tokens: readonly Token[], taken: RangeSet<FoundMention>): FoundMention[] {
  const lex = discoveryLexicon();
  const stop = new Set(lex.namePartStopWords);
  const suffixes = [...lex.companySuffixes.map((s) => [s, 'company'] as const), ...lex.organizationSuffixes.map((s) => [s, 'organization'] as const)].sort((a, b) => b[0].length - a[0].length);
  const found: FoundMention[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const suffix = suffixes.find(([s]) => t.text === s || (t.text.endsWith(s) && t.text.length <= s.length + 2 && t.tag === 'nt'));
    if (!suffix) continue;
    let first = k;
    while (first > 0 && k - first < 3) {
      const prev = tokens[first - 1]!;
      if (prev.end !== tokens[first]!.start || !NAME_TAGS.has(prev.tag) || stop.has(prev.text) || /^[0-9０-９]/.test(prev.text)) break;
      first--;
    }
    if (first === k && t.text === suffix[0]) continue;
    const start = tokens[first]!.start;
    const namePart = text.slice(start, t.end - suffix[0].length);
    if (namePart.length < 2 || stop.has(namePart) || !/[\u3400-\u9fffA-Za-z]/.test(namePart)) continue;
    const m = discovered(start, t.end, text.slice(start, t.end), suffix[1]);
    if (!taken.overlaps(m)) {
      taken.add(m);
      found.push(m);
    }
  }
  return found;
}

/**
 * People the registry lacks: a name jieba tags as a person (nr) standing
 * right after a title (联合CEO赵海军, 分析师郭明錤, 执行副总裁李柯).
 */
function discoverPeople(text: string, tokens: readonly Token[], taken: RangeSet<FoundMention>, cues: CueLexicons): FoundMention[] {
  const found: FoundMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    let end = t.end;
    let name = t.text;
    // jieba sometimes cuts a three-character name 2 + 1 (赵海 / 军): join a following lone character.
    const next = tokens[k + 1];
    if (name.length === 2 && next && next.start === end && next.text.length === 1 && /[\u3400-\u9fff]/.test(next.text) && (next.tag === 'nr' || next.tag === 'x' || next.tag === 'ng')) {
      name += next.text;
      end = next.end;
    }
    if (!(t.tag === 'nr' || t.tag === 'nrfg' || t.tag === 'nrt') || !HAN_NAME.test(name)) continue;
    const before = text.slice(Math.max(0, t.start - 8), t.start);
    const titled = cues.titles.entries.some((e) => e.lang === 'zh' && before.endsWith(e.term));
    if (!titled) continue;
    const m = discovered(t.start, end, name, 'person');
    if (!taken.overlaps(m)) {
      taken.add(m);
      found.push(m);
    }
  }
  return found;
}

/** English people and organisations the registry lacks, in English text or in Latin runs inside Chinese text. */
function discoverEnglish(text: string, language: string, taken: RangeSet<FoundMention>): FoundMention[] {
  const lex = discoveryLexicon();
  const titleWords = new Set(lex.englishTitleWords.map((w) => w.toLowerCase()));
  const found: FoundMention[] = [];
  const runs = language === 'en' ? [{ start: 0, text }] : [...text.matchAll(/[A-Z][A-Za-z.'’-]*(?: +[A-Z][A-Za-z.'’-]*)+/g)].map((m) => ({ start: m.index, text: m[0] }));
  for (const run of runs) {
    for (const n of englishNames(run.text)) {
      if (language !== 'en' && n.type !== 'person') continue;
      // compromise keeps titles in front of a name: Executive Tim Cook → Tim Cook.
      let start = run.start + n.start;
      let name = n.text.replace(/[.,'’]+$|'s$|’s$/g, '');
      const words = name.split(/\s+/);
      while (words.length > 1 && titleWords.has(words[0]!.toLowerCase())) {
        start += words[0]!.length + 1;
        words.shift();
      }
      name = words.join(' ');
      if (name.length < 3 || !/^[A-Z]/.test(name) || (n.type === 'person' && words.length < 2)) continue;
      const m = discovered(start, start + name.length, name, n.type);
      if (text.slice(m.start, m.end) !== name) continue;
      if (!taken.overlaps(m)) {
        taken.add(m);
        found.push(m);
      }
    }
  }
  return found;
}

/** Names the registry lacks, marked `discovered`, with stable ids. */
export function discoverEntities(text: string, language: string, tokens: readonly Token[], known: readonly FoundMention[], cues: CueLexicons): FoundMention[] {
  const taken = new RangeSet(known);
  const found = discoverEnglish(text, language, taken);
  if (language === 'zh') {
    found.push(...discoverOrganizations(text, tokens, taken));
    found.push(...discoverPeople(text, tokens, taken, cues));
  }
  return found;
}

import { lowerBound, overlaps, RangeSet } from '../doc/spans.ts';
import type { CueLexicons } from '../lexicons/cues.ts';
import type { EntityRegistry } from '../lexicons/entities.ts';
import type { FoundMention } from './types.ts';
import { discoveryLookups } from '../lexicons/discovery.ts';

const LATIN_WORD_CHAR = /[A-Za-z0-9]/;

/**
 * People named in full in English are named by surname afterwards: Tim Cook
 * … Cook. An East Asian name written family name first (Lee Sang-hoon, Liu
 * De, Wong Wai Ming) is named by its first word. Each later standalone
 * surname becomes a mention of that person.
 */
function surnameMentions(text: string, mentions: readonly FoundMention[]): FoundMention[] {
  const out: FoundMention[] = [];
  const people = new Map<string, FoundMention>();
  const familyFirst = discoveryLookups().romanizedSurnames;
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const full = text.slice(m.start, m.end);
    const words = full.split(/\s+/);
    if (words.length < 2) continue;
    // Wong Wai Ming, Lee Sang-hoon: the family name comes first (Yuanqing Yang, written the Western way, is not)
    const surname = familyFirst.has(words[0]!) && !familyFirst.has(words[words.length - 1]!) ? words[0]! : words[words.length - 1]!;
    if (!/^[A-Z][a-z]+$/.test(surname)) continue;
    if (!people.has(surname)) people.set(surname, m);
  }
  const taken = new RangeSet([...mentions].sort((a, b) => a.start - b.start));
  for (const [surname, person] of people) {
    for (let at = text.indexOf(surname, person.end); at >= 0; at = text.indexOf(surname, at + 1)) {
      const end = at + surname.length;
      if (LATIN_WORD_CHAR.test(text[at - 1] ?? '') || LATIN_WORD_CHAR.test(text[end] ?? '')) continue;
      const m: FoundMention = { ...person, start: at, end };
      if (!taken.overlaps(m)) {
        taken.add(m);
        out.push(m);
      }
    }
  }
  return out;
}

/**
 * References to an organisation (该公司, the company) resolve to the company
 * mentioned last; a company followed by a title (小米CEO) refers to the
 * registry's holder of that title when the article names that person too.
 */
function referenceMentions(text: string, language: string, mentions: readonly FoundMention[], cues: CueLexicons, registry: EntityRegistry): FoundMention[] {
  const out: FoundMention[] = [];
  const lang = language === 'en' ? 'en' : 'zh';
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const orgPronouns = cues.pronouns.findAll(text, lang).filter((p) => p.entry.refersTo === 'organization' && p.entry.kind === 'pronoun' && (lang === 'en' ? p.text.includes(' ') : p.text.length >= 3));
  const taken = new RangeSet(sorted);
  const companies = sorted.filter((m) => m.type === 'company');
  for (const p of orgPronouns) {
    if (taken.overlaps(p)) continue;
    const last = companies[lowerBound(companies, p.start) - 1];
    if (last && last.end <= p.start) out.push({ ...last, start: p.start, end: p.end, coref: true });
  }
  const named = new Set(mentions.filter((m) => m.type === 'person').map((m) => m.id));
  for (const company of companies) {
    const title = cues.titles.matchAt(text, company.end, lang);
    if (!title) continue;
    const holder = registry.people.find((p) => p.org === company.id && named.has(p.id) && p.title.includes(title.text));
    if (!holder) continue;
    // 小米CEO雷军 names him anyway; only the bare title is a reference.
    const next = sorted[lowerBound(sorted, title.end)];
    if (next && next.start <= title.end + 1 && next.type === 'person') continue;
    const m: FoundMention = { start: title.start, end: title.end, id: holder.id, type: 'person', name: holder.name, nameEn: holder.nameEn, org: holder.org, discovered: false, coref: true };
    if (!taken.overlaps(m)) out.push(m);
  }
  return out;
}

/** Mentions that refer back to an entity already named in the article. */
export function resolveCoreference(text: string, language: string, mentions: readonly FoundMention[], cues: CueLexicons, registry: EntityRegistry): FoundMention[] {
  const surnames = language === 'en' || /[A-Z][a-z]+ [A-Z][a-z]+/.test(text) ? surnameMentions(text, mentions) : [];
  return [...surnames, ...referenceMentions(text, language, [...mentions, ...surnames], cues, registry)];
}

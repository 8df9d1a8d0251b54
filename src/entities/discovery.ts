import type { Token } from '../doc/types.ts';
import { RangeSet } from '../doc/spans.ts';
import type { CueLexicons } from '../lexicons/cues.ts';
import { discoveryLookups, loadDiscoveryLexicon } from '../lexicons/discovery.ts';
import { discoverEnglish } from './discovery-en.ts';
import { slugFor } from './ids.ts';
import type { FoundMention } from './types.ts';

const HAN_NAME = /^[\u3400-\u9fff]{2,3}$/;
// A token that can be part of a name: Han characters, Latin letters, digits, &, ·.
const NAME_CHARS = /^[\u3400-\u9fffA-Za-z0-9&·]+$/;
const PERSON_TAGS = new Set(['nr', 'nrfg', 'nrt']);
// jieba tags a word it has never seen (吴泽明, 杨光) x; it tags punctuation x too, hence NAME_CHARS as well.
const isNameTag = (tag: string) => (tag.startsWith('n') && tag !== 'ng') || tag === 'j' || tag === 'eng' || tag === 'x';
// What follows a person's name in news copy: appointments and speech.
const PERSON_AFTER = /^(?:被任命|出任|担任|接任|卸任|升任|兼任|任|表示|称|说|指出|认为|透露|强调|回应|介绍|坦言|直言|宣布)/;

function discovered(start: number, end: number, name: string, type: 'company' | 'organization' | 'person', org: string | null = null): FoundMention {
  return { start, end, id: slugFor(name, type), type, name, nameEn: null, org, discovered: true };
}

function keep(found: FoundMention[], taken: RangeSet<FoundMention>, m: FoundMention): void {
  if (taken.overlaps(m)) return;
  taken.add(m);
  found.push(m);
}

/**
 * Organisations the registry lacks: a name part (one to three name tokens)
 * closed by a suffix such as 集团, 证券, 科技 or 协会 — 徐矿集团, 中航证券.
 * References like 该公司, 上市公司, 子公司 are not names.
 */
function discoverOrganizations(text: string, tokens: readonly Token[], taken: RangeSet<FoundMention>): FoundMention[] {
  const { namePartStopWords: stop, organizationSuffixesByLastChar: suffixes } = discoveryLookups();
  const found: FoundMention[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    // jieba knows some organisations whole (纽约商品交易所/nt, 江苏省委/nt).
    const suffix = suffixes.get(t.text.charCodeAt(t.text.length - 1))?.find(([s]) => t.text === s || (t.text.endsWith(s) && t.tag === 'nt' && t.text.length >= s.length + 2 && t.text.length <= 12));
    if (!suffix) continue;
    let first = k;
    while (first > 0 && k - first < 3) {
      const prev = tokens[first - 1]!;
      if (prev.end !== tokens[first]!.start || !NAME_CHARS.test(prev.text) || stop.has(prev.text) || /^[0-9]/.test(prev.text) || !isNameTag(prev.tag)) break;
      first--;
    }
    if (first === k && t.text === suffix[0]) continue;
    if (first === k && t.tag === 'nt') {
      // jieba's own organisation words include references (上市公司): the part before the suffix must be a name.
      if (!stop.has(t.text.slice(0, -suffix[0].length)) && !stop.has(t.text)) keep(found, taken, discovered(t.start, t.end, t.text, suffix[1]));
      continue;
    }
    const start = tokens[first]!.start;
    const namePart = text.slice(start, t.end - suffix[0].length);
    if (namePart.length < 2 || stop.has(namePart) || !NAME_CHARS.test(namePart)) continue;
    keep(found, taken, discovered(start, t.end, text.slice(start, t.end), suffix[1]));
  }
  return found;
}

/** Business units named after their company: 华为云, 京东零售, 华为终端. */
function discoverBusinessUnits(text: string, known: readonly FoundMention[], taken: RangeSet<FoundMention>): FoundMention[] {
  const units = discoveryLookups().businessUnitSuffixesLongestFirst;
  const found: FoundMention[] = [];
  for (const m of known) {
    if (m.type !== 'company') continue;
    const unit = units.find((u) => text.startsWith(u, m.end));
    // 华为云CEO is a unit; 华为云计算 or 华为汽车业务 continue into a longer word.
    if (!unit || /[\u3400-\u9fff]/.test(text[m.end + unit.length] ?? '') && !/^(?:CEO|业务|的|与|和|、|，)/.test(text.slice(m.end + unit.length))) continue;
    const name = text.slice(m.start, m.end + unit.length);
    const unitMention = discovered(m.start, m.end + unit.length, name, 'company', m.id);
    found.push(unitMention);
  }
  return found;
}

/**
 * Lists such as 长盈精密、华兴源创、英集芯涨停 (stock lists): an item that opens
 * with a name and a company suffix (水晶光电, 五方光电涨停) is a company; when
 * at least half the items are companies, the other short items are too.
 */
function discoverListItems(text: string, taken: RangeSet<FoundMention>, companies: ReadonlySet<string>): FoundMention[] {
  const lex = loadDiscoveryLexicon();
  const { companySuffixesLongestFirst: suffixes, namePartStopWords: stop } = discoveryLookups();
  const found: FoundMention[] = [];
  // a list of three items has two 、 at least
  const first = text.indexOf('、');
  if (first < 0 || text.indexOf('、', first + 1) < 0) return found;
  for (const list of text.matchAll(/[\u3400-\u9fffA-Za-z0-9]{2,10}(?:、[\u3400-\u9fffA-Za-z0-9]{2,10}){2,}/g)) {
    const items: Array<{ start: number; end: number; text: string }> = [];
    let at = list.index;
    for (const part of list[0].split('、')) {
      items.push({ start: at, end: at + part.length, text: part });
      at += part.length + 1;
    }
    const known = new Set<number>();
    items.forEach((item, k) => {
      if (taken.all.some((m) => companies.has(m.id) && m.start >= item.start && m.end <= item.end)) known.add(k);
      for (let len = 2; len <= 4 && !known.has(k); len++) {
        const suffix = suffixes.find((x) => item.text.startsWith(x, len));
        if (!suffix || stop.has(item.text.slice(0, len))) continue;
        const m = discovered(item.start, item.start + len + suffix.length, item.text.slice(0, len + suffix.length), 'company');
        if (!taken.overlaps(m)) keep(found, taken, m);
        known.add(k);
      }
    });
    if (known.size < Math.max(2, lex.listMinimumShare * items.length)) continue;
    items.forEach((item, k) => {
      // The last item may run on into the sentence (…联合光电涨幅超): only a known suffix can cut it.
      if (known.has(k) || k === items.length - 1 || item.text.length > 6) return;
      keep(found, taken, discovered(item.start, item.end, item.text, 'company'));
    });
  }
  return found;
}

/**
 * People the registry lacks: a name jieba tags as a person (nr) right after a
 * title (联合CEO赵海军, 分析师郭明錤) or right before an appointment or speech
 * verb (张平安被任命为…, 杨光表示).
 */
function discoverPeople(text: string, tokens: readonly Token[], taken: RangeSet<FoundMention>, cues: CueLexicons): FoundMention[] {
  const found: FoundMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // only a person word or an unknown word can be (the start of) a name
    if (!(PERSON_TAGS.has(t.tag) || t.tag === 'x')) continue;
    let end = t.end;
    let name = t.text;
    // jieba sometimes cuts a three-character name 2 + 1 (赵海 / 军): join a following lone character.
    const next = tokens[k + 1];
    if (name.length === 2 && next && next.start === end && next.text.length === 1 && /[\u3400-\u9fff]/.test(next.text) && (PERSON_TAGS.has(next.tag) || next.tag === 'x' || next.tag === 'ng')) {
      name += next.text;
      end = next.end;
    }
    // 王军任… : jieba glues the verb 任 (takes the post of) to an unknown name.
    if (t.tag === 'x' && /^[\u3400-\u9fff]{2,3}任$/.test(name)) {
      name = name.slice(0, -1);
      end -= 1;
    }
    if (!(PERSON_TAGS.has(t.tag) || t.tag === 'x') || !HAN_NAME.test(name)) continue;
    const before = text.slice(Math.max(0, t.start - 8), t.start);
    // Chinese copy writes English titles too: 盒马CEO严筱磊, 集团CTO吴泽明.
    const titled = chineseTitles(cues).some((term) => before.endsWith(term));
    if (!titled && !PERSON_AFTER.test(text.slice(end, end + 4))) continue;
    // An unknown word needs a title before it to be read as a name; a verb after it is not enough.
    if (t.tag === 'x' && !titled && !/^(?:被任命|出任|担任|接任|卸任|任|表示)/.test(text.slice(end, end + 3))) continue;
    keep(found, taken, discovered(t.start, end, name, 'person'));
  }
  return found;
}

const TITLES = new WeakMap<object, readonly string[]>();
/** The titles Chinese copy writes before a name: the Chinese ones and English acronyms (盒马CEO严筱磊, 集团CTO吴泽明). */
function chineseTitles(cues: CueLexicons): readonly string[] {
  let titles = TITLES.get(cues.titles);
  if (!titles) {
    titles = cues.titles.entries.filter((e) => e.lang === 'zh' || /^[A-Z]{2,4}$/.test(e.term)).map((e) => e.term);
    TITLES.set(cues.titles, titles);
  }
  return titles;
}

let surnamePattern: RegExp | null = null;

/**
 * People whose names jieba cut apart (张/平安被任命为…): a common surname and
 * one or two characters, with an appointment or speech verb right after or a
 * title right before.
 */
function discoverSurnamedPeople(text: string, taken: RangeSet<FoundMention>, cues: CueLexicons): FoundMention[] {
  if (!surnamePattern) {
    const surnames = [...loadDiscoveryLexicon().chineseSurnames].sort((a, b) => b.length - a.length).join('|');
    surnamePattern = new RegExp(`(?:${surnames})[\\u3400-\\u9fff]{1,2}(?=被任命|出任|担任|接任|卸任|升任|兼任|任[^务何意性命]|表示|指出|透露|强调|坦言|直言)`, 'g');
  }
  const titles = chineseTitles(cues);
  const found: FoundMention[] = [];
  for (const m of text.matchAll(surnamePattern)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    const delimited = m.index === 0 || /[，。、：；\s（(“"]$/.test(before) || titles.some((t) => before.endsWith(t));
    if (!delimited) continue;
    keep(found, taken, discovered(m.index, m.index + m[0].length, m[0], 'person'));
  }
  return found;
}

/** Names the registry lacks, marked `discovered`, with stable ids. */
export function discoverEntities(text: string, language: string, tokens: readonly Token[], known: readonly FoundMention[], cues: CueLexicons): FoundMention[] {
  // A place inside an organisation's name (纽约 in 纽约商品交易所) does not block discovering it.
  const taken = new RangeSet(known.filter((m) => language === 'en' || m.type !== 'location').sort((a, b) => a.start - b.start));
  const found = discoverEnglish(text, language, taken);
  if (language === 'zh') {
    const units = discoverBusinessUnits(text, known, taken);
    found.push(...units);
    found.push(...discoverOrganizations(text, tokens, taken));
    found.push(...discoverPeople(text, tokens, taken, cues));
    found.push(...discoverSurnamedPeople(text, taken, cues));
    const companies = new Set([...known, ...found].filter((m) => m.type === 'company').map((m) => m.id));
    found.push(...discoverListItems(text, taken, companies));
  }
  return found;
}

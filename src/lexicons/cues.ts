/**
 * Cue lexicons for the claim builder and the quote finder: the types of the
 * JSON files under lexicons/claims and lexicons/quotes, a loader that validates
 * them strictly (one error listing every problem), and the lookup structures
 * the stages use: term indexes (longest term first) and compiled templates.
 *
 * Matching conventions shared by terms, templates and guards:
 * - a lowercase ASCII letter matches either case, any other character matches
 *   itself only (`revenue` matches `Revenue`; `US` does not match `us`);
 *   an ASCII apostrophe also matches ’;
 * - a term or template edge that is an ASCII letter or digit must not touch
 *   another ASCII letter or digit in the text (`price` is not found in `prices`);
 * - `notPrecededBy` / `notFollowedBy` list strings that veto a match when they
 *   stand right before / after it (也就是说 is not the speech verb 说).
 *
 * Template syntax (documented here and in each file's note):
 * literal text with slots in braces. A space means optional whitespace, or
 * required whitespace between two ASCII word characters.
 *   {source} {author}  the attributed entity: in Chinese templates a lazy run
 *                      of 1–24 characters (room for “Counterpoint Research”)
 *                      without line breaks, quotes or clause punctuation, not
 *                      starting inside an ASCII word, so it needs literal text
 *                      after it; in English templates 1–6 capitalised words
 *   {any}              like a lazy Chinese slot (0–24 chars, English 0–40), not captured
 *   {gap}              the “…” of a discontinuous speech verb (对…表示), captured
 *   {doc}              one of the document nouns of the same language (内部信, memo)
 *   {n} {m}            a number: digits (also full-width) or Chinese numerals;
 *                      English number words in English templates
 *   {year}             a four-digit year 1900–2099
 *   {surname}          one Han character, or one capitalised English word
 * Numbers are matched atomically, so a guard after them holds. A Chinese
 * template that starts with a free slot is anchored on its right only.
 * Where matches of a list's templates overlap, the most specific wins (more
 * literal text, then more constrained slots, then fewer free slots).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));

/** Languages a lexicon entry can be written for. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Claim kinds (CONTRACT.md `Claim.kind`). */
export const METRIC_KINDS = ['investment', 'financial', 'volume', 'growth', 'share', 'ranking', 'price', 'other'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
/** Whether a rise in a metric is good news for the company. */
export const METRIC_DIRECTIONS = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
/** Claim statuses (CONTRACT.md `Claim.status`). */
export const CLAIM_STATUSES = ['target', 'reported'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** How a ranking word fixes the rank: exactly, as a ceiling, or against a rival. */
export const RANK_QUALIFIERS = ['exact', 'at_most', 'relative'] as const;
export type RankQualifier = (typeof RANK_QUALIFIERS)[number];
/** What a scope limits a claim to: a geography, a tier or camp, a sales channel. */
export const SCOPE_TYPES = ['region', 'segment', 'channel'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
/** Claim qualifiers a price band can carry (CONTRACT.md `Claim.qualifier`). */
export const BAND_QUALIFIERS = ['exact', 'about', 'at_least', 'at_most', 'range'] as const;
export type BandQualifier = (typeof BAND_QUALIFIERS)[number];
/** What a change rate is measured against. */
export const GROWTH_BASES = ['year-on-year', 'quarter-on-quarter', 'month-on-month', 'sequential'] as const;
export type GrowthBase = (typeof GROWTH_BASES)[number];
/** The speech act a speech verb performs. */
export const SPEECH_ACTS = ['state', 'claim', 'stress', 'reveal', 'admit', 'announce', 'respond', 'write', 'believe', 'introduce', 'predict', 'ask', 'deny'] as const;
export type SpeechAct = (typeof SPEECH_ACTS)[number];
/** What a back-reference can stand for. */
export const REFERENTS = ['person', 'organization', 'any'] as const;
export type Referent = (typeof REFERENTS)[number];
/** pronoun (他), role (a bare title: 董事长表示) or address ({surname}总). */
export const PRONOUN_KINDS = ['pronoun', 'role', 'address'] as const;
export type PronounKind = (typeof PRONOUN_KINDS)[number];
/** How reliable a cue is: 1 weak (needs support nearby), 2 usual, 3 unambiguous. */
export type Strength = 1 | 2 | 3;

/** Fields every word-list entry may carry. */
export interface TermEntry {
  term: string;
  lang: Lang;
  note?: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
}
/** Fields every template entry may carry. */
export interface TemplateEntry {
  pattern: string;
  lang: Lang;
  note?: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
}
/** claims/metrics.json `entries`. */
export interface MetricEntry extends TermEntry { canonical: string; kind: MetricKind; direction: MetricDirection }
/** claims/modality.json `entries`. */
export interface ModalityEntry extends TermEntry { status: ClaimStatus; strength: Strength }
/** A time-to-target phrase: {n} years, or until {year}. */
export interface HorizonEntry extends TemplateEntry { horizon: 'years' | 'until-year' }
/** claims/sources.json `entries`. */
export interface SourceEntry extends TemplateEntry { status: ClaimStatus }
/** claims/rankings.json `entries`. */
export interface RankingEntry extends TermEntry { rank: number | null; qualifier: RankQualifier; cueOnly?: true }
/** A ranking phrase whose rank is the {n} slot. */
export interface RankingPatternEntry extends TemplateEntry { qualifier: 'exact' | 'at_most' }
/** claims/scopes.json `entries`. */
export interface ScopeEntry extends TermEntry { canonical: string; type: ScopeType }
/** claims/scopes.json `priceBands`. */
export interface PriceBandEntry extends TemplateEntry { qualifier: BandQualifier; currency: string }
/** claims/growth.json `entries`. */
export interface GrowthEntry extends TermEntry { sign: 1 | -1; impliedValue?: number }
/** claims/growth.json `bases`. */
export interface GrowthBaseEntry extends TermEntry { base: GrowthBase }
/** A vague magnitude (两位数) read as a range of percentages. */
export interface MagnitudeEntry extends TermEntry { min: number; max: number }
/** quotes/speech-verbs.json `entries`. */
export interface SpeechVerbEntry extends TermEntry { act: SpeechAct; strength: Strength }
/** quotes/document-intros.json `entries`. */
export interface DocumentIntroEntry extends TemplateEntry { kind: 'document'; authorSlot: boolean; strength: Strength }
/** quotes/document-intros.json `documentNouns`. */
export type DocumentNounEntry = TermEntry;
/** quotes/pronouns.json `entries`. */
export interface PronounEntry extends TermEntry { refersTo: Referent; kind: PronounKind; gender?: 'm' | 'f' }
/** quotes/titles.json `entries`. */
export type TitleEntry = TermEntry;

/** Slot names a template may use; each list allows a subset. */
export const SLOT_NAMES = ['source', 'author', 'any', 'gap', 'doc', 'n', 'm', 'year', 'surname'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** A template compiled to a RegExp (flags `dg`) whose named groups are its slots. */
export interface CompiledTemplate<E> {
  entry: E;
  pattern: string;
  regex: RegExp;
  slots: SlotName[];
  /** Characters of literal text; more literal text means a more specific template. */
  literalLength: number;
}
/** What a slot captured, with offsets into the searched text (spaces trimmed). */
export interface SlotMatch { text: string; start: number; end: number }
/** One template match. */
export interface TemplateMatch<E> {
  entry: E;
  pattern: string;
  text: string;
  start: number;
  end: number;
  slots: Partial<Record<SlotName, SlotMatch>>;
}
/** One term match. */
export interface TermMatch<E> { entry: E; text: string; start: number; end: number }

/** Everything the claim builder and the quote finder read, ready for lookup. */
export interface CueLexicons {
  metrics: TermIndex<MetricEntry>;
  modality: TermIndex<ModalityEntry>;
  horizons: CompiledTemplate<HorizonEntry>[];
  sources: CompiledTemplate<SourceEntry>[];
  rankings: TermIndex<RankingEntry>;
  rankingPatterns: CompiledTemplate<RankingPatternEntry>[];
  scopes: TermIndex<ScopeEntry>;
  priceBands: CompiledTemplate<PriceBandEntry>[];
  growth: TermIndex<GrowthEntry>;
  growthBases: TermIndex<GrowthBaseEntry>;
  magnitudes: TermIndex<MagnitudeEntry>;
  speechVerbs: TermIndex<SpeechVerbEntry>;
  /** Speech verbs written with “…” (对…表示), compiled with a {gap} slot. */
  discontinuousSpeechVerbs: CompiledTemplate<SpeechVerbEntry>[];
  documentIntros: CompiledTemplate<DocumentIntroEntry>[];
  documentNouns: TermIndex<DocumentNounEntry>;
  pronouns: TermIndex<PronounEntry>;
  /** Pronoun entries of kind `address` ({surname}总), compiled. */
  addressForms: CompiledTemplate<PronounEntry>[];
  titles: TermIndex<TitleEntry>;
}

/** Thrown once by {@link loadCueLexicons} with every problem found, each naming file and entry. */
export class CueLexiconError extends Error {
  readonly problems: readonly string[];
  constructor(dir: string, problems: readonly string[]) {
    super(`Invalid cue lexicons in ${dir} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CueLexiconError';
    this.problems = problems;
  }
}

// ── matching primitives ────────────────────────────────────────────────────

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const foldAscii = (ch: string): string => (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch);

/** Whether a text character matches a lexicon character under the case rule above. */
function sameChar(lexicon: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  if (lexicon >= 'a' && lexicon <= 'z') return foldAscii(text) === lexicon;
  if (lexicon === "'") return text === "'" || text === '’';
  return lexicon === text;
}

function matchesHere(lexicon: string, text: string, at: number): boolean {
  if (at < 0 || at + lexicon.length > text.length) return false;
  for (let i = 0; i < lexicon.length; i++) if (!sameChar(lexicon[i]!, text[at + i])) return false;
  return true;
}

/** Longest-first lookup of the terms of one lexicon list. */
export class TermIndex<E extends TermEntry> {
  /** All entries, longest term first, then by code unit order. */
  readonly entries: readonly E[];
  private readonly buckets = new Map<string, E[]>();

  constructor(entries: readonly E[]) {
    this.entries = [...entries].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    for (const entry of this.entries) {
      const key = foldAscii(entry.term[0]!);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(entry);
      else this.buckets.set(key, [entry]);
    }
  }

  /** The entry whose term matches `term` exactly under the case rule. */
  get(term: string): E | undefined {
    return this.buckets.get(foldAscii(term[0] ?? ''))?.find((e) => e.term.length === term.length && matchesHere(e.term, term, 0));
  }

  /** The longest entry matching at `index` whose boundaries and guards allow it. */
  matchAt(text: string, index: number, lang?: Lang): TermMatch<E> | null {
    const ch = text[index];
    if (ch === undefined) return null;
    for (const entry of this.buckets.get(foldAscii(ch)) ?? []) {
      if (lang !== undefined && entry.lang !== lang) continue;
      const end = index + entry.term.length;
      if (!matchesHere(entry.term, text, index)) continue;
      if (isAsciiWord(entry.term[0]) && isAsciiWord(text[index - 1])) continue;
      if (isAsciiWord(entry.term[entry.term.length - 1]) && isAsciiWord(text[end])) continue;
      if (entry.notPrecededBy?.some((g) => matchesHere(g, text, index - g.length))) continue;
      if (entry.notFollowedBy?.some((g) => matchesHere(g, text, end))) continue;
      return { entry, text: text.slice(index, end), start: index, end };
    }
    return null;
  }

  /** Leftmost-longest, non-overlapping matches in reading order. */
  findAll(text: string, lang?: Lang): TermMatch<E>[] {
    const found: TermMatch<E>[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.matchAt(text, i, lang);
      if (match) {
        found.push(match);
        i = match.end;
      } else i++;
    }
    return found;
  }
}

/**
 * All matches of the templates in `text`, most specific template first where
 * matches overlap (templates come ordered that way), returned in reading order.
 */
export function matchTemplates<E>(templates: readonly CompiledTemplate<E>[], text: string): TemplateMatch<E>[] {
  const kept: TemplateMatch<E>[] = [];
  for (const template of templates) {
    for (const m of text.matchAll(template.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (kept.some((k) => k.start < end && start < k.end)) continue;
      const slots: Partial<Record<SlotName, SlotMatch>> = {};
      for (const name of template.slots) {
        const span = m.indices?.groups?.[name];
        const value = m.groups?.[name];
        if (!span || value === undefined) continue;
        // a slot never keeps the spaces around it (Counterpoint 指出)
        const lead = value.length - value.trimStart().length;
        const text = value.trim();
        slots[name] = { text, start: span[0] + lead, end: span[0] + lead + text.length };
      }
      kept.push({ entry: template.entry, pattern: template.pattern, text: m[0], start, end, slots });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ── template compilation ───────────────────────────────────────────────────

const FREE_SLOTS: ReadonlySet<SlotName> = new Set(['source', 'author', 'any', 'gap']);
const NUMBER_SLOTS: ReadonlySet<SlotName> = new Set(['n', 'm', 'year']);
const ZH_FREE_CHAR = '[^\\n\\r。！？；，,：:“”"「」『』]';
/** A Chinese slot never starts inside an ASCII word (…Counte|rpoint Research). */
const NOT_MID_WORD = '(?!(?<=[A-Za-z0-9])[A-Za-z0-9])';
/** Longest Chinese free slot: room for an English name inside Chinese text (Counterpoint Research). */
export const ZH_SLOT_MAX = 24;
const EN_FREE_CHAR = '[^\\n\\r.;:!?"“”]';
// a capitalised word with at least one letter (3M, Bain & Co, I/B/E/S), or initials (U.S.); a period never
// joins two words, because Reuters bodies run sentences together (StreetAccount.Apple)
const NAME_TOKEN = "(?:[A-Z]\\.){2,4}|(?=[A-Za-z0-9&'’/\\-]*[A-Za-z])[A-Z0-9][A-Za-z0-9&'’/\\-]{0,29}";
const NAME_RUN = `(?:${NAME_TOKEN})(?:[ \\t]+(?:(?:of|and|for|de|&)[ \\t]+)?(?:${NAME_TOKEN})){0,5}`;
const ZH_NUMBER = '[0-9０-９]+(?:[.．][0-9０-９]+)?[千万亿]?|[零〇一二两三四五六七八九十百千万]+';
const EN_NUMBER_WORDS = ['fifteen', 'hundred', 'eleven', 'twelve', 'twenty', 'fifty', 'three', 'seven', 'eight', 'four', 'five', 'nine', 'one', 'two', 'six', 'ten'];

const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

/** A literal compiled under the case rule; spaces become whitespace runs. */
function literalRegex(literal: string, before = '', after = ''): string {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i]!;
    if (ch === ' ') {
      const prev = i > 0 ? literal[i - 1] : before;
      const next = i + 1 < literal.length ? literal[i + 1] : after;
      out += isAsciiWord(prev) && isAsciiWord(next) ? '[ \\t\\u00a0]+' : '[ \\t\\u00a0\\u3000]*';
    } else if (ch >= 'a' && ch <= 'z') out += `[${ch}${ch.toUpperCase()}]`;
    else if (ch === "'") out += "['’]";
    else out += escapeChar(ch);
  }
  return out;
}

function slotRegex(name: SlotName, lang: Lang, nouns: readonly string[]): string {
  switch (name) {
    case 'source':
    case 'author':
      // an English name starts a word: “theIDC said” has no source
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{1,${ZH_SLOT_MAX}}?` : `(?<![A-Za-z0-9&'’.\\-])${NAME_RUN}`;
    case 'any':
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{0,${ZH_SLOT_MAX}}?` : `${EN_FREE_CHAR}{0,40}?`;
    case 'gap':
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{1,${ZH_SLOT_MAX}}?` : `${EN_FREE_CHAR}{1,40}?`;
    case 'doc':
      return [...nouns].sort((a, b) => b.length - a.length).map((n) => literalRegex(n)).join('|');
    case 'n':
    case 'm':
      // a number starts where the numeral starts: 过去十三年内 holds no “三年内”
      return lang === 'zh'
        ? `(?<![0-9０-９.．零〇一二两三四五六七八九十百千万])(?:${ZH_NUMBER})`
        : `(?<![0-9.,])(?:[0-9]+(?:[.,][0-9]+)*[kKmM]?|${EN_NUMBER_WORDS.map((w) => literalRegex(w)).join('|')})`;
    case 'year':
      return '(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])';
    case 'surname':
      return lang === 'zh' ? '[\\u4e00-\\u9fff]' : "[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?";
  }
}

type Part = { literal: string } | { slot: SlotName };

/** Rules a list puts on its templates. */
interface TemplateRule { allowed: readonly SlotName[]; required: readonly SlotName[] }

/**
 * Compiles one template, or reports why it cannot be compiled. `nouns` are the
 * document nouns of the template's language, for {doc}.
 */
function compileTemplate<E extends { lang: Lang; notPrecededBy?: string[]; notFollowedBy?: string[] }>(
  pattern: string, entry: E, rule: TemplateRule, nouns: readonly string[], say: (msg: string) => void,
): CompiledTemplate<E> | null {
  const parts: Part[] = [];
  const problems: string[] = [];
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) { problems.push('has a "}" without "{"'); break; }
    if (open === -1) { parts.push({ literal: rest }); break; }
    if (close === -1) { problems.push('has a "{" without "}"'); break; }
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const name = rest.slice(open + 1, close);
    if ((SLOT_NAMES as readonly string[]).includes(name) && rule.allowed.includes(name as SlotName)) parts.push({ slot: name as SlotName });
    else problems.push(`unknown slot {${name}}; allowed here: ${rule.allowed.map((s) => `{${s}}`).join(' ') || 'none'}`);
    rest = rest.slice(close + 1);
  }
  const slots = parts.flatMap((p) => ('slot' in p ? [p.slot] : []));
  for (const name of rule.required) if (!slots.includes(name)) problems.push(`is missing the slot {${name}}`);
  for (const name of new Set(slots)) if (name !== 'any' && slots.filter((s) => s === name).length > 1) problems.push(`uses {${name}} more than once`);
  const literalLength = parts.reduce((sum, p) => sum + ('literal' in p ? p.literal.length : 0), 0);
  if (literalLength === 0) problems.push('has no literal text');
  if (pattern !== pattern.trim() || pattern.includes('  ')) problems.push('has leading, trailing or double spaces');
  if (/[\n\r]/.test(pattern)) problems.push('contains a line break');
  if (slots.includes('doc') && nouns.length === 0) problems.push(`uses {doc} but there are no "${entry.lang}" document nouns`);
  parts.forEach((part, i) => {
    if (!('slot' in part)) return;
    const next = parts[i + 1];
    const lazy = FREE_SLOTS.has(part.slot) && (entry.lang === 'zh' || part.slot === 'any' || part.slot === 'gap');
    if (lazy && next === undefined) problems.push(`ends with the lazy slot {${part.slot}}, which needs literal text after it`);
    if (next && 'slot' in next && FREE_SLOTS.has(part.slot) && FREE_SLOTS.has(next.slot)) problems.push(`has two free slots side by side ({${part.slot}}{${next.slot}})`);
  });
  if (problems.length > 0) { problems.forEach(say); return null; }

  let body = '';
  parts.forEach((part, i) => {
    if ('literal' in part) {
      const before = parts[i - 1], after = parts[i + 1];
      body += literalRegex(part.literal, before && 'literal' in before ? before.literal.slice(-1) : '', after && 'literal' in after ? after.literal[0] : '');
    } else {
      const inner = slotRegex(part.slot, entry.lang, nouns);
      if (part.slot === 'any') body += `(?:${inner})`;
      // numbers are atomic, so a guard after them cannot be dodged by backtracking (第十五季度 is not 第十)
      else if (NUMBER_SLOTS.has(part.slot)) body += `(?=(?<${part.slot}>${inner}))\\k<${part.slot}>`;
      else body += `(?<${part.slot}>${inner})`;
    }
  });
  const first = parts[0], last = parts[parts.length - 1];
  const lead = first && 'literal' in first && isAsciiWord(first.literal[0]) ? '(?<![A-Za-z0-9])' : '';
  const tail = last && 'literal' in last && isAsciiWord(last.literal[last.literal.length - 1]) ? '(?![A-Za-z0-9])' : '';
  const notBefore = entry.notPrecededBy?.length ? `(?<!${entry.notPrecededBy.map((g) => literalRegex(g)).join('|')})` : '';
  const notAfter = entry.notFollowedBy?.length ? `(?!${entry.notFollowedBy.map((g) => literalRegex(g)).join('|')})` : '';
  try {
    const regex = new RegExp(`${notBefore}${lead}${body}${tail}${notAfter}`, 'dg');
    return { entry, pattern, regex, slots: slots.filter((s) => s !== 'any'), literalLength };
  } catch (error) {
    say(`does not compile: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Most specific first: more literal text, then more constrained slots, then
 * fewer free slots (以下是内部信原文： is {doc} alone, not {author}内部 + {doc}信), then by pattern.
 */
function bySpecificity<E>(a: CompiledTemplate<E>, b: CompiledTemplate<E>): number {
  const free = (t: CompiledTemplate<E>) => t.slots.filter((s) => FREE_SLOTS.has(s)).length;
  const constrained = (t: CompiledTemplate<E>) => t.slots.length - free(t);
  return b.literalLength - a.literalLength || constrained(b) - constrained(a) || free(a) - free(b) || (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0);
}

// ── schema ─────────────────────────────────────────────────────────────────

type Raw = Record<string, unknown>;
type Field =
  | { t: 'string'; req?: true }
  | { t: 'enum'; values: readonly unknown[]; req?: true }
  | { t: 'int'; min: number; max: number; req?: true; nullable?: true }
  | { t: 'number'; min: number; max: number; req?: true }
  | { t: 'bool'; req?: true }
  | { t: 'true' }
  | { t: 'strings' };

interface ListSpec {
  key: string;
  id: 'term' | 'pattern';
  fields: Record<string, Field>;
  /** For pattern lists: the template rule. For term lists: the rule for terms that are templates. */
  template?: TemplateRule;
  /** For term lists: the template a term stands for, or null for a plain term. */
  termTemplate?: (term: string) => string | null;
  check?: (entry: Raw, say: (msg: string) => void) => void;
}
/** A file-level check sees the valid entries of each list, and every object entry (to tell a bad target from a missing one). */
type FileCheck = (valid: Record<string, Raw[]>, all: Record<string, Raw[]>, say: (msg: string) => void) => void;
interface FileSpec { path: string; lists: ListSpec[]; check?: FileCheck }

const req = true as const;
const GUARDS: Record<string, Field> = { note: { t: 'string' }, notPrecededBy: { t: 'strings' }, notFollowedBy: { t: 'strings' } };
const TERM: Record<string, Field> = { term: { t: 'string', req }, lang: { t: 'enum', values: LANGS, req }, ...GUARDS };
const PATTERN: Record<string, Field> = { pattern: { t: 'string', req }, lang: { t: 'enum', values: LANGS, req }, ...GUARDS };
const STRENGTH: Field = { t: 'int', min: 1, max: 3, req };

function checkField(name: string, field: Field, value: unknown, say: (msg: string) => void): void {
  const show = JSON.stringify(value);
  switch (field.t) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '' || value !== value.trim() || /[\n\r\t]/.test(value)) say(`"${name}" must be a non-empty one-line string without surrounding spaces, got ${show}`);
      return;
    case 'enum':
      if (!field.values.includes(value)) say(`"${name}" must be one of ${field.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show}`);
      return;
    case 'int':
      if (value === null && field.nullable) return;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < field.min || value > field.max) say(`"${name}" must be an integer from ${field.min} to ${field.max}${field.nullable ? ' or null' : ''}, got ${show}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < field.min || value > field.max) say(`"${name}" must be a number from ${field.min} to ${field.max}, got ${show}`);
      return;
    case 'bool':
      if (typeof value !== 'boolean') say(`"${name}" must be true or false, got ${show}`);
      return;
    case 'true':
      if (value !== true) say(`"${name}" may only be true (leave it out otherwise), got ${show}`);
      return;
    case 'strings':
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === '' || v !== v.trim())) say(`"${name}" must be a non-empty list of non-empty strings, got ${show}`);
      else if (new Set(value).size !== value.length) say(`"${name}" lists a string twice`);
  }
}

const hasHan = (s: string): boolean => /[\u3400-\u9fff]/.test(s);

/** Validates one list; returns its valid entries and compiles the templates among them. */
function checkList(file: string, spec: ListSpec, value: unknown, nouns: Record<Lang, string[]>, problems: string[]): { valid: Raw[]; templates: CompiledTemplate<Raw>[] } {
  const valid: Raw[] = [];
  const templates: CompiledTemplate<Raw>[] = [];
  if (!Array.isArray(value)) {
    problems.push(`${file}: "${spec.key}" must be a list`);
    return { valid, templates };
  }
  const seen = new Map<string, number>();
  value.forEach((item: unknown, i) => {
    const idText = item && typeof item === 'object' && typeof (item as Raw)[spec.id] === 'string' ? ` ${JSON.stringify((item as Raw)[spec.id])}` : '';
    const before = problems.length;
    const say = (msg: string) => problems.push(`${file} ${spec.key}[${i}]${idText}: ${msg}`);
    if (!item || typeof item !== 'object' || Array.isArray(item)) return say('must be an object');
    const entry = item as Raw;
    for (const name of Object.keys(entry)) if (!(name in spec.fields)) say(`unknown field "${name}"`);
    for (const [name, field] of Object.entries(spec.fields)) {
      if (entry[name] === undefined) { if ('req' in field && field.req) say(`missing field "${name}"`); }
      else checkField(name, field, entry[name], say);
    }
    const id = entry[spec.id];
    if (typeof id === 'string' && entry.lang === 'en' && hasHan(id)) say('is marked "en" but contains Chinese characters');
    if (problems.length > before) return;
    // a duplicate is reported but still checked, so its other problems show up too
    const earlier = seen.get(id as string);
    if (earlier !== undefined) say(`duplicates ${spec.key}[${earlier}]`);
    else seen.set(id as string, i);
    spec.check?.(entry, say);
    const pattern = spec.id === 'pattern' ? (id as string) : spec.termTemplate?.(id as string) ?? null;
    if (spec.id === 'term' && pattern === null && /[{}…]/.test(id as string)) say('a plain term may not contain "{", "}" or "…"');
    if (problems.length > before) return;
    if (pattern !== null && spec.template) {
      const compiled = compileTemplate(pattern, entry as Raw & { lang: Lang }, spec.template, nouns[entry.lang as Lang], say);
      if (compiled) templates.push(compiled);
    }
    if (problems.length === before) valid.push(entry);
  });
  return { valid, templates };
}

/**
 * Every entry's canonical must be a "zh" entry of the same list that is its own
 * canonical and agrees on `agree`. An invalid head was reported already, so its
 * dependents are not reported again.
 */
function checkCanonicals(valid: Raw[], all: Raw[], agree: string, say: (msg: string) => void): void {
  const heads = new Map(all.filter((e) => e.lang === 'zh' && e.canonical === e.term).map((e) => [e.term, e]));
  valid.forEach((e) => {
    const head = heads.get(e.canonical);
    if (head && !valid.includes(head)) return;
    if (!head) say(`${JSON.stringify(e.term)}: canonical ${JSON.stringify(e.canonical)} is not a "zh" entry that is its own canonical`);
    else if (head[agree] !== e[agree]) say(`${JSON.stringify(e.term)}: ${agree} ${JSON.stringify(e[agree])} differs from its canonical's ${JSON.stringify(head[agree])}`);
  });
}

const FILES: FileSpec[] = [
  {
    path: 'claims/metrics.json',
    lists: [{ key: 'entries', id: 'term', fields: { ...TERM, canonical: { t: 'string', req }, kind: { t: 'enum', values: METRIC_KINDS, req }, direction: { t: 'enum', values: METRIC_DIRECTIONS, req } } }],
    check: (valid, all, say) => checkCanonicals(valid.entries ?? [], all.entries ?? [], 'kind', say),
  },
  {
    path: 'claims/modality.json',
    lists: [
      { key: 'entries', id: 'term', fields: { ...TERM, status: { t: 'enum', values: CLAIM_STATUSES, req }, strength: STRENGTH } },
      {
        key: 'horizons', id: 'pattern', fields: { ...PATTERN, horizon: { t: 'enum', values: ['years', 'until-year'], req } },
        template: { allowed: ['n', 'year', 'any'], required: [] },
        check: (e, say) => {
          const slot = e.horizon === 'years' ? '{n}' : '{year}';
          if (!(e.pattern as string).includes(slot)) say(`horizon "${e.horizon}" needs the slot ${slot}`);
        },
      },
    ],
  },
  {
    path: 'claims/sources.json',
    lists: [{ key: 'entries', id: 'pattern', fields: { ...PATTERN, status: { t: 'enum', values: CLAIM_STATUSES, req } }, template: { allowed: ['source', 'any'], required: ['source'] } }],
  },
  {
    path: 'claims/rankings.json',
    lists: [
      {
        key: 'entries', id: 'term',
        fields: { ...TERM, rank: { t: 'int', min: 1, max: 1000, req, nullable: true }, qualifier: { t: 'enum', values: RANK_QUALIFIERS, req }, cueOnly: { t: 'true' } },
        check: (e, say) => {
          if (e.cueOnly && e.rank !== null) say('a cueOnly entry carries no rank (use null)');
          if (!e.cueOnly && e.qualifier !== 'relative' && e.rank === null) say(`qualifier "${e.qualifier}" needs a rank`);
          if (e.qualifier === 'at_most' && e.rank === 1) say('"at_most" rank 1 is "exact" rank 1');
        },
      },
      { key: 'patterns', id: 'pattern', fields: { ...PATTERN, qualifier: { t: 'enum', values: ['exact', 'at_most'], req } }, template: { allowed: ['n'], required: ['n'] } },
    ],
  },
  {
    path: 'claims/scopes.json',
    lists: [
      { key: 'entries', id: 'term', fields: { ...TERM, canonical: { t: 'string', req }, type: { t: 'enum', values: SCOPE_TYPES, req } } },
      {
        key: 'priceBands', id: 'pattern', fields: { ...PATTERN, qualifier: { t: 'enum', values: BAND_QUALIFIERS, req }, currency: { t: 'string', req } },
        template: { allowed: ['n', 'm'], required: ['n'] },
        check: (e, say) => {
          if ((e.qualifier === 'range') !== (e.pattern as string).includes('{m}')) say('qualifier "range" goes with the slot {m}, and only it');
          if (!/^[A-Z]{3}$/.test(e.currency as string)) say(`"currency" must be an ISO 4217 code, got ${JSON.stringify(e.currency)}`);
        },
      },
    ],
    check: (valid, all, say) => checkCanonicals(valid.entries ?? [], all.entries ?? [], 'type', say),
  },
  {
    path: 'claims/growth.json',
    lists: [
      {
        key: 'entries', id: 'term', fields: { ...TERM, sign: { t: 'enum', values: [1, -1], req }, impliedValue: { t: 'number', min: -100, max: 10000 } },
        check: (e, say) => { if (typeof e.impliedValue === 'number' && Math.sign(e.impliedValue) !== e.sign) say('"impliedValue" must have the sign of "sign"'); },
      },
      { key: 'bases', id: 'term', fields: { ...TERM, base: { t: 'enum', values: GROWTH_BASES, req } } },
      {
        key: 'magnitudes', id: 'term', fields: { ...TERM, min: { t: 'number', min: 0, max: 100000, req }, max: { t: 'number', min: 0, max: 100000, req } },
        check: (e, say) => { if ((e.min as number) > (e.max as number)) say('"min" is greater than "max"'); },
      },
    ],
  },
  {
    path: 'quotes/speech-verbs.json',
    lists: [{
      key: 'entries', id: 'term', fields: { ...TERM, act: { t: 'enum', values: SPEECH_ACTS, req }, strength: STRENGTH },
      template: { allowed: ['gap'], required: ['gap'] },
      termTemplate: (term) => (term.includes('…') ? term.replace('…', '{gap}') : null),
      check: (e, say) => {
        const term = e.term as string;
        if (term.split('…').length > 2) say('a discontinuous verb has exactly one "…"');
        if (term.startsWith('…') || term.endsWith('…')) say('"…" stands between two parts, never at an edge');
      },
    }],
  },
  {
    path: 'quotes/document-intros.json',
    lists: [
      { key: 'documentNouns', id: 'term', fields: TERM },
      {
        key: 'entries', id: 'pattern',
        fields: { ...PATTERN, kind: { t: 'enum', values: ['document'], req }, authorSlot: { t: 'bool', req }, strength: STRENGTH },
        template: { allowed: ['author', 'doc', 'any'], required: [] },
        check: (e, say) => { if (e.authorSlot !== (e.pattern as string).includes('{author}')) say('"authorSlot" must be true exactly when the pattern has {author}'); },
      },
    ],
  },
  {
    path: 'quotes/pronouns.json',
    lists: [{
      key: 'entries', id: 'term',
      fields: { ...TERM, refersTo: { t: 'enum', values: REFERENTS, req }, kind: { t: 'enum', values: PRONOUN_KINDS, req }, gender: { t: 'enum', values: ['m', 'f'] } },
      template: { allowed: ['surname'], required: ['surname'] },
      termTemplate: (term) => (term.includes('{') ? term : null),
      check: (e, say) => {
        if ((e.kind === 'address') !== (e.term as string).includes('{surname}')) say('kind "address" goes with the slot {surname}, and only it');
        if (e.gender !== undefined && e.refersTo !== 'person') say('"gender" applies only to refersTo "person"');
      },
    }],
  },
  { path: 'quotes/titles.json', lists: [{ key: 'entries', id: 'term', fields: TERM }] },
];

/** The lexicon files, relative to the lexicon root. */
export const CUE_LEXICON_FILES: readonly string[] = FILES.map((f) => f.path);

// ── loader ─────────────────────────────────────────────────────────────────

/**
 * Reads and validates every cue lexicon under `dir` (default: the project's
 * lexicons/ folder) and returns them compiled. Throws one {@link CueLexiconError}
 * listing every problem, so a broken lexicon stops the run before any article.
 */
export function loadCueLexicons(dir: string = DEFAULT_DIR): CueLexicons {
  const problems: string[] = [];
  const lists = new Map<string, Raw[]>();
  const templates = new Map<string, CompiledTemplate<Raw>[]>();
  const nouns: Record<Lang, string[]> = { zh: [], en: [] };
  for (const file of FILES) {
    let data: unknown;
    try {
      const source = readFileSync(join(dir, file.path), 'utf8');
      try {
        data = JSON.parse(source);
      } catch (error) {
        problems.push(`${file.path}: is not valid JSON: ${(error as Error).message}`);
        continue;
      }
    } catch (error) {
      problems.push(`${file.path}: cannot be read: ${(error as Error).message}`);
      continue;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) { problems.push(`${file.path}: must be a JSON object`); continue; }
    const top = data as Raw;
    const keys = ['note', ...file.lists.map((l) => l.key)];
    for (const key of Object.keys(top)) if (!keys.includes(key)) problems.push(`${file.path}: unknown top-level field "${key}"`);
    if (typeof top.note !== 'string' || top.note.trim() === '') problems.push(`${file.path}: "note" must say what the file is and where it comes from`);
    const found: Record<string, Raw[]> = {};
    const all: Record<string, Raw[]> = {};
    for (const spec of file.lists) {
      const result = checkList(file.path, spec, top[spec.key], nouns, problems);
      found[spec.key] = result.valid;
      all[spec.key] = Array.isArray(top[spec.key]) ? (top[spec.key] as unknown[]).filter((e): e is Raw => !!e && typeof e === 'object') : [];
      lists.set(`${file.path}#${spec.key}`, result.valid);
      templates.set(`${file.path}#${spec.key}`, result.templates.sort(bySpecificity));
      if (spec.key === 'documentNouns') for (const e of result.valid) nouns[e.lang as Lang].push(e.term as string);
    }
    file.check?.(found, all, (msg) => problems.push(`${file.path}: ${msg}`));
  }
  if (problems.length > 0) throw new CueLexiconError(dir, problems);

  const terms = <E extends TermEntry>(path: string, key = 'entries', keep: (e: E) => boolean = () => true) =>
    new TermIndex((lists.get(`${path}#${key}`) as unknown as E[]).filter(keep));
  const compiled = <E>(path: string, key = 'entries') => templates.get(`${path}#${key}`) as unknown as CompiledTemplate<E>[];
  return {
    metrics: terms<MetricEntry>('claims/metrics.json'),
    modality: terms<ModalityEntry>('claims/modality.json'),
    horizons: compiled<HorizonEntry>('claims/modality.json', 'horizons'),
    sources: compiled<SourceEntry>('claims/sources.json'),
    rankings: terms<RankingEntry>('claims/rankings.json'),
    rankingPatterns: compiled<RankingPatternEntry>('claims/rankings.json', 'patterns'),
    scopes: terms<ScopeEntry>('claims/scopes.json'),
    priceBands: compiled<PriceBandEntry>('claims/scopes.json', 'priceBands'),
    growth: terms<GrowthEntry>('claims/growth.json'),
    growthBases: terms<GrowthBaseEntry>('claims/growth.json', 'bases'),
    magnitudes: terms<MagnitudeEntry>('claims/growth.json', 'magnitudes'),
    speechVerbs: terms<SpeechVerbEntry>('quotes/speech-verbs.json', 'entries', (e) => !e.term.includes('…')),
    discontinuousSpeechVerbs: compiled<SpeechVerbEntry>('quotes/speech-verbs.json'),
    documentIntros: compiled<DocumentIntroEntry>('quotes/document-intros.json'),
    documentNouns: terms<DocumentNounEntry>('quotes/document-intros.json', 'documentNouns'),
    pronouns: terms<PronounEntry>('quotes/pronouns.json', 'entries', (e) => e.kind !== 'address'),
    addressForms: compiled<PronounEntry>('quotes/pronouns.json'),
    titles: terms<TitleEntry>('quotes/titles.json'),
  };
}

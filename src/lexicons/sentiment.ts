/**
 * Sentiment lexicons: the types of the six JSON files under lexicons/sentiment,
 * a loader that validates them strictly (one error listing every problem, with
 * file and entry), and a longest-match index over all their terms.
 *
 * How the sentiment stage is meant to apply them (each file's `note` says the same):
 * - polarity: a term's `weight` in [-3, 3] is its default contribution;
 * - negators: flip a polarity term that starts within `scope` characters after
 *   the negator, never past a clause break (`clauseBreaks`); an even count cancels;
 * - degree: multiply the next polarity term (or metric movement) in the clause;
 * - contrast: adversative markers weight the text before / after them by
 *   `beforeWeight` / `afterWeight`; a concessive marker's conceded clause gets
 *   `beforeWeight` and the rest of the sentence `afterWeight`;
 * - hedges: multiply the magnitude (confidence) of the clause (type `hedge`) or
 *   sentence (type `question`) by `confidenceMultiplier`, never flipping it;
 * - metric-direction: a metric followed by a movement word in the same clause
 *   scores sign(movement) × sign(direction) × intensity instead of the default
 *   weights (亏损收窄 → positive, 成本上升 → negative).
 *
 * Matching conventions (shared with the cue lexicons in cues.ts):
 * - a lowercase ASCII letter in a term matches either case; any other character
 *   matches itself only;
 * - a term edge that is an ASCII letter or digit must not touch another ASCII
 *   letter or digit in the text (`ST` is not found in `STEM`, `996` not in `19960`);
 * - `notFollowedBy` / `notPrecededBy` list strings that veto the match when they
 *   stand right after / before it (不 in 不断, 略 in 战略, 而 in 从而).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, from this file's place in src/lexicons/. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_DIR = join(PROJECT_ROOT, 'lexicons', 'sentiment');

/** The six files of lexicons/sentiment, all required. */
export const SENTIMENT_FILES = ['polarity.json', 'negators.json', 'degree.json', 'contrast.json', 'hedges.json', 'metric-direction.json'] as const;
export type SentimentFile = (typeof SENTIMENT_FILES)[number];
/** general: everyday evaluative words; finance: markets, earnings, credit, macro; strategy: competition, products, people, law. */
export const DOMAINS = ['general', 'finance', 'strategy'] as const;
export type SentimentDomain = (typeof DOMAINS)[number];
/** a adjective, v verb, n noun, i four-character idiom or set phrase; optional, given only where sure. */
export const PARTS_OF_SPEECH = ['a', 'v', 'n', 'i'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
/** adversative markers (但, 却) turn at themselves; concessive ones (虽然) at the end of the clause they open. */
export const CONTRAST_TYPES = ['adversative', 'concessive'] as const;
export type ContrastType = (typeof CONTRAST_TYPES)[number];
/** A hedge covers its clause, a question cue its whole sentence. */
export const HEDGE_TYPES = ['hedge', 'question'] as const;
export type HedgeType = (typeof HEDGE_TYPES)[number];
/** Which way of a metric is good news; context-dependent metrics (价格, 利率) stay neutral. */
export const DIRECTIONS = ['higher-is-better', 'lower-is-better', 'context-dependent'] as const;
export type MetricDirection = (typeof DIRECTIONS)[number];
export const MOVEMENTS = ['up', 'down'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Context strings that veto a match when they touch it. */
export interface Guards {
  notFollowedBy?: string[];
  notPrecededBy?: string[];
}
/** A polarity term; `weight` in [-3, 3], non-zero, whole or half. */
export interface PolarityEntry extends Guards { term: string; weight: number; pos?: PartOfSpeech; domain: SentimentDomain; note?: string }
/** A negator; `scope`: characters after its end that it reaches, within its clause. */
export interface NegatorEntry extends Guards { term: string; scope: number; note?: string }
/** A degree adverb; `multiplier` in (0, 3], above 1 intensifies. */
export interface DegreeEntry extends Guards { term: string; multiplier: number; note?: string }
/** A contrast marker; weights in (0, 3] for the conceded (before) and asserted (after) parts. */
export interface ContrastEntry extends Guards { term: string; type: ContrastType; afterWeight: number; beforeWeight: number; note: string }
/** A hedge or question cue; `confidenceMultiplier` in (0, 1). */
export interface HedgeEntry extends Guards { term: string; type: HedgeType; confidenceMultiplier: number; note?: string }
/** A metric and which way of it is good news. */
export interface MetricEntry { metric: string; direction: MetricDirection; note?: string }
/** A movement word; `intensity` (default 1) scales a metric movement like a degree adverb. */
export interface MovementEntry extends Guards { term: string; movement: Movement; intensity?: number; note?: string }

/** The roles a lexicon string can play; a string may be a polarity term, a metric and a movement at once. */
export interface LexiconRoles {
  polarity?: PolarityEntry;
  negator?: NegatorEntry;
  degree?: DegreeEntry;
  contrast?: ContrastEntry;
  hedge?: HedgeEntry;
  metric?: MetricEntry;
  movement?: MovementEntry;
}
export type LexiconRole = keyof LexiconRoles;
/** A lexicon string found in a text: half-open UTF-16 range, with the roles whose guards allowed it. */
export interface LexiconMatch extends LexiconRoles { term: string; start: number; end: number }

/** The validated lexicon, ready for a left-to-right longest-match scan. */
export interface SentimentLexicon {
  dir: string;
  polarity: ReadonlyMap<string, PolarityEntry>;
  negators: ReadonlyMap<string, NegatorEntry>;
  degree: ReadonlyMap<string, DegreeEntry>;
  contrast: ReadonlyMap<string, ContrastEntry>;
  hedges: ReadonlyMap<string, HedgeEntry>;
  metrics: ReadonlyMap<string, MetricEntry>;
  movements: ReadonlyMap<string, MovementEntry>;
  /** Characters that end a clause: negator scope and hedges stop there. */
  clauseBreaks: ReadonlySet<string>;
  /** Every lexicon string, bucketed by its first character (lowercased if ASCII), longest first. */
  index: ReadonlyMap<string, readonly (LexiconRoles & { term: string })[]>;
  /** The longest string matching at `i` with at least one role whose guards allow it, else null. */
  matchAt(text: string, i: number): LexiconMatch | null;
  /** Every string matching at `i` with its allowed roles, longest first (for callers that back off). */
  matchesAt(text: string, i: number): LexiconMatch[];
  /** Greedy left-to-right scan: at each position the longest match, then continue after it. */
  scan(text: string): LexiconMatch[];
}

/** One thing wrong with the lexicon files. */
export interface LexiconProblem { file: SentimentFile; entry?: string; message: string }

/** Thrown once by {@link loadSentimentLexicon} with every problem found, each naming file and entry. */
export class SentimentLexiconError extends Error {
  readonly problems: readonly LexiconProblem[];
  constructor(dir: string, problems: readonly LexiconProblem[]) {
    const lines = problems.map((p) => `  - ${p.file}${p.entry ? ` ${p.entry}` : ''}: ${p.message}`);
    super(`Invalid sentiment lexicon in ${dir} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'SentimentLexiconError';
    this.problems = problems;
  }
}

// ── field checks ───────────────────────────────────────────────────────────

/** Returns a problem description, or undefined when the value is fine. */
type Check = (value: unknown) => string | undefined;
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

const text: Check = (v) => {
  if (typeof v !== 'string') return `must be a string, got ${show(v)}`;
  if (v.trim() === '') return 'must not be empty';
  if (v !== v.trim()) return `${show(v)} has leading or trailing whitespace`;
  return undefined;
};
const oneOf = (values: readonly string[]): Check => (v) =>
  typeof v === 'string' && values.includes(v) ? undefined : `${show(v)} is not one of ${values.join(', ')}`;
const number = (min: number, max: number, opts: { minOpen?: boolean; integer?: boolean; halves?: boolean; nonZero?: boolean; notOne?: boolean } = {}): Check => (v) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a number, got ${show(v)}`;
  const range = `${opts.minOpen ? '(' : '['}${min}, ${max}]`;
  if (v > max || v < min || (opts.minOpen && v === min)) return `${v} is out of range ${range}`;
  if (opts.nonZero && v === 0) return 'must not be zero';
  if (opts.notOne && v === 1) return '1 has no effect';
  if (opts.integer && !Number.isInteger(v)) return `${v} must be a whole number`;
  if (opts.halves && !Number.isInteger(v * 2)) return `${v} must be a whole or half number`;
  return undefined;
};
const strings: Check = (v) => {
  if (!Array.isArray(v)) return `must be an array of strings, got ${show(v)}`;
  const bad = v.filter((s) => typeof s !== 'string' || s === '');
  if (bad.length) return `has empty or non-string items ${show(bad)}`;
  const dup = v.filter((s, i) => v.indexOf(s) !== i);
  return dup.length ? `lists ${show(dup)} twice` : undefined;
};
const GUARDS = { notFollowedBy: strings, notPrecededBy: strings };

/** Required and optional fields of one kind of entry; `key` names the entry's string. */
interface EntrySpec { key: 'term' | 'metric'; required: Record<string, Check>; optional: Record<string, Check> }
const POLARITY: EntrySpec = { key: 'term', required: { term: text, weight: number(-3, 3, { nonZero: true, halves: true }), domain: oneOf(DOMAINS) }, optional: { pos: oneOf(PARTS_OF_SPEECH), note: text, ...GUARDS } };
const NEGATOR: EntrySpec = { key: 'term', required: { term: text, scope: number(1, 20, { integer: true }) }, optional: { note: text, ...GUARDS } };
const DEGREE: EntrySpec = { key: 'term', required: { term: text, multiplier: number(0, 3, { minOpen: true, notOne: true }) }, optional: { note: text, ...GUARDS } };
const CONTRAST: EntrySpec = { key: 'term', required: { term: text, type: oneOf(CONTRAST_TYPES), afterWeight: number(0, 3, { minOpen: true }), beforeWeight: number(0, 3, { minOpen: true }), note: text }, optional: GUARDS };
const HEDGE: EntrySpec = { key: 'term', required: { term: text, type: oneOf(HEDGE_TYPES), confidenceMultiplier: number(0, 1, { minOpen: true, notOne: true }) }, optional: { note: text, ...GUARDS } };
const METRIC: EntrySpec = { key: 'metric', required: { metric: text, direction: oneOf(DIRECTIONS) }, optional: { note: text } };
const MOVEMENT: EntrySpec = { key: 'term', required: { term: text, movement: oneOf(MOVEMENTS) }, optional: { intensity: number(0, 3, { minOpen: true }), note: text, ...GUARDS } };

/** Top-level fields allowed besides `note` and `entries`. */
const EXTRA_FIELDS: Partial<Record<SentimentFile, Record<string, Check>>> = {
  'negators.json': { scopeUnit: oneOf(['characters']), clauseBreaks: strings },
  'metric-direction.json': { movements: (v) => (Array.isArray(v) ? undefined : 'must be an array') },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects the problems of one run of the loader. */
class Problems {
  readonly list: LexiconProblem[] = [];
  add(file: SentimentFile, message: string, entry?: string): void {
    this.list.push(entry === undefined ? { file, message } : { file, entry, message });
  }
}

/** Validates a list of entries against `spec`; returns the valid ones keyed by their (unique) string. */
function checkEntries<E>(file: SentimentFile, list: string, raw: unknown, spec: EntrySpec, problems: Problems): Map<string, E> {
  const out = new Map<string, E>();
  if (!Array.isArray(raw)) {
    problems.add(file, `\`${list}\` must be an array`);
    return out;
  }
  const firstAt = new Map<string, number>();
  raw.forEach((entry: unknown, i) => {
    const key = isRecord(entry) && typeof entry[spec.key] === 'string' ? (entry[spec.key] as string) : undefined;
    const where = `${list}[${i}]${key !== undefined ? ` (“${key}”)` : ''}`;
    if (!isRecord(entry)) return problems.add(file, `must be an object, got ${show(entry)}`, where);
    let ok = true;
    for (const [field, check] of Object.entries(spec.required)) {
      const problem = field in entry ? check(entry[field]) : 'is missing';
      if (problem) { ok = false; problems.add(file, `\`${field}\` ${problem}`, where); }
    }
    for (const [field, value] of Object.entries(entry)) {
      if (field in spec.required) continue;
      const check = spec.optional[field];
      const problem = check ? check(value) : 'is not a known field';
      if (problem) { ok = false; problems.add(file, `\`${field}\` ${problem}`, where); }
    }
    if (key === undefined) return;
    const trimmed = key.trim();
    const first = firstAt.get(trimmed);
    if (first !== undefined) return problems.add(file, `duplicate of ${list}[${first}] “${trimmed}”`, where);
    firstAt.set(trimmed, i);
    if (ok) out.set(key, entry as E);
  });
  return out;
}

function readJson(dir: string, file: SentimentFile, problems: Problems): Record<string, unknown> | undefined {
  let raw: string;
  try {
    raw = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    problems.add(file, `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    problems.add(file, `is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (!isRecord(data)) {
    problems.add(file, 'must be a JSON object with `note` and `entries`');
    return undefined;
  }
  const extra = EXTRA_FIELDS[file] ?? {};
  const noteProblem = 'note' in data ? text(data.note) : 'is missing';
  if (noteProblem) problems.add(file, `\`note\` ${noteProblem}`);
  for (const [field, value] of Object.entries(data)) {
    if (field === 'note' || field === 'entries') continue;
    const check = extra[field];
    const problem = check ? check(value) : 'is not a known top-level field';
    if (problem) problems.add(file, `\`${field}\` ${problem}`);
  }
  for (const field of Object.keys(extra)) if (!(field in data)) problems.add(file, `\`${field}\` is missing`);
  return data;
}

// ── matching ───────────────────────────────────────────────────────────────

type IndexedRecord = LexiconRoles & { term: string };
const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const foldAscii = (ch: string): string => (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch);

function matchesHere(term: string, text: string, at: number): boolean {
  if (at < 0 || at + term.length > text.length) return false;
  for (let k = 0; k < term.length; k++) {
    const want = term[k]!;
    const got = text[at + k]!;
    if (want >= 'a' && want <= 'z' ? foldAscii(got) !== want : got !== want) return false;
  }
  return true;
}

function setRole<K extends LexiconRole>(target: LexiconRoles, role: K, entry: LexiconRoles[K]): void {
  target[role] = entry;
}

function guardsAllow(guards: Guards, text: string, start: number, end: number): boolean {
  if (guards.notFollowedBy?.some((s) => text.startsWith(s, end))) return false;
  if (guards.notPrecededBy?.some((s) => s.length <= start && text.startsWith(s, start - s.length))) return false;
  return true;
}

/** The roles of `record` whose guards allow a match at [start, end), or null when none does. */
function allowedRoles(record: IndexedRecord, text: string, start: number, end: number): LexiconMatch | null {
  const term = record.term;
  if (isAsciiWord(term[0]) && isAsciiWord(text[start - 1])) return null;
  if (isAsciiWord(term[term.length - 1]) && isAsciiWord(text[end])) return null;
  const match: LexiconMatch = { term: text.slice(start, end), start, end };
  let any = false;
  for (const role of ['polarity', 'negator', 'degree', 'contrast', 'hedge', 'movement'] as const) {
    const entry = record[role];
    if (entry && guardsAllow(entry, text, start, end)) { setRole(match, role, entry); any = true; }
  }
  if (record.metric) { match.metric = record.metric; any = true; }
  return any ? match : null;
}

function buildIndex(roles: Map<string, IndexedRecord>): Map<string, IndexedRecord[]> {
  const sorted = [...roles.values()].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const index = new Map<string, IndexedRecord[]>();
  for (const record of sorted) {
    const key = foldAscii(record.term[0]!);
    const bucket = index.get(key);
    if (bucket) bucket.push(record);
    else index.set(key, [record]);
  }
  return index;
}

// ── loader ─────────────────────────────────────────────────────────────────

/**
 * Roles that must not share a string (a word is a polarity term or a negator, never both).
 * Metrics and movement words may also be polarity terms: 亏损 is both, 增长 too.
 */
const EXCLUSIVE_ROLES: readonly LexiconRole[] = ['polarity', 'negator', 'degree', 'contrast', 'hedge'];

/**
 * Reads and validates the six sentiment lexicon files from `dir` (absolute, or
 * relative to the project root; default lexicons/sentiment) and returns the
 * lookup structures. Throws one {@link SentimentLexiconError} listing every problem.
 */
export function loadSentimentLexicon(dir?: string): SentimentLexicon {
  const root = dir === undefined ? DEFAULT_DIR : isAbsolute(dir) ? dir : resolve(PROJECT_ROOT, dir);
  const problems = new Problems();
  const data = Object.fromEntries(SENTIMENT_FILES.map((f) => [f, readJson(root, f, problems)])) as Record<SentimentFile, Record<string, unknown> | undefined>;
  const entries = <E>(file: SentimentFile, spec: EntrySpec, list = 'entries'): Map<string, E> =>
    data[file] ? checkEntries<E>(file, list, data[file]![list], spec, problems) : new Map<string, E>();

  const polarity = entries<PolarityEntry>('polarity.json', POLARITY);
  const negators = entries<NegatorEntry>('negators.json', NEGATOR);
  const degree = entries<DegreeEntry>('degree.json', DEGREE);
  const contrast = entries<ContrastEntry>('contrast.json', CONTRAST);
  const hedges = entries<HedgeEntry>('hedges.json', HEDGE);
  const metrics = entries<MetricEntry>('metric-direction.json', METRIC);
  const movements = entries<MovementEntry>('metric-direction.json', MOVEMENT, 'movements');

  // One record per string, gathering its roles; a string claimed by two exclusive roles is a problem.
  const records = new Map<string, IndexedRecord>();
  const owner = new Map<string, SentimentFile>();
  const roleLists: [LexiconRole, SentimentFile, ReadonlyMap<string, object>][] = [
    ['polarity', 'polarity.json', polarity],
    ['negator', 'negators.json', negators],
    ['degree', 'degree.json', degree],
    ['contrast', 'contrast.json', contrast],
    ['hedge', 'hedges.json', hedges],
    ['metric', 'metric-direction.json', metrics],
    ['movement', 'metric-direction.json', movements],
  ];
  for (const [role, file, map] of roleLists) {
    const exclusive = EXCLUSIVE_ROLES.includes(role);
    for (const [term, entry] of map) {
      const first = owner.get(term);
      if (exclusive && first) {
        problems.add(file, `also listed in ${first}: a string may be only one of polarity term, negator, degree adverb, contrast marker or hedge`, `“${term}”`);
      } else if (!exclusive && first && first !== 'polarity.json') {
        problems.add(file, `${role} is also listed in ${first}`, `“${term}”`);
      } else if (role === 'movement' && metrics.has(term)) {
        problems.add(file, 'is both a metric and a movement word', `“${term}”`);
      }
      if (exclusive && !first) owner.set(term, file);
      const record = records.get(term) ?? { term };
      setRole(record, role, entry as LexiconRoles[LexiconRole]);
      records.set(term, record);
    }
  }

  if (problems.list.length) throw new SentimentLexiconError(root, problems.list);

  const index = buildIndex(records);
  const clauseBreaks = new Set((data['negators.json']?.clauseBreaks as string[] | undefined) ?? []);
  const matchesAt = (text: string, i: number): LexiconMatch[] => {
    const ch = text[i];
    if (ch === undefined) return [];
    const found: LexiconMatch[] = [];
    for (const record of index.get(foldAscii(ch)) ?? []) {
      if (!matchesHere(record.term, text, i)) continue;
      const match = allowedRoles(record, text, i, i + record.term.length);
      if (match) found.push(match);
    }
    return found;
  };
  const matchAt = (text: string, i: number): LexiconMatch | null => {
    const ch = text[i];
    if (ch === undefined) return null;
    for (const record of index.get(foldAscii(ch)) ?? []) {
      if (!matchesHere(record.term, text, i)) continue;
      const match = allowedRoles(record, text, i, i + record.term.length);
      if (match) return match;
    }
    return null;
  };
  const scan = (text: string): LexiconMatch[] => {
    const found: LexiconMatch[] = [];
    for (let i = 0; i < text.length; ) {
      const match = matchAt(text, i);
      if (match) { found.push(match); i = match.end; } else i++;
    }
    return found;
  };
  return { dir: root, polarity, negators, degree, contrast, hedges, metrics, movements, clauseBreaks, index, matchAt, matchesAt, scan };
}

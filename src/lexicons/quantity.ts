/**
 * Loader and strict checks for the word lists under lexicons/quantity/.
 * Every problem in every file is collected and reported at once, naming the
 * file, the list, the entry and what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectPath } from '../paths.ts';

export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';

export interface DigitEntry { word: string; value: number; colloquial: boolean }
export interface ScaleEntry { word: string; exponent: number; class: 'small' | 'big' }
export interface LatinScaleEntry { word: string; exponent: number }
export interface MultiplierEntry { word: string; factor: string; notBefore: string[] }
export type MarkerRole = 'point' | 'negative' | 'fraction' | 'mixed' | 'vague' | 'vague-lead' | 'more';
export interface MarkerEntry { word: string; role: MarkerRole }
export interface WordNumberEntry { word: string; value: string; valueMax: string | null }
export interface CurrencyEntry {
  word: string; code: string; position: 'prefix' | 'suffix' | 'minor';
  factor: string | null; standalone: boolean; notBefore: string[];
}
export type UnitClass = 'count' | 'measure' | 'time' | 'digits';
export interface UnitEntry { word: string; class: UnitClass; unit: string | null; notBefore: string[] }
export interface PercentSuffixEntry {
  word: string; unit: '%' | 'pp'; factor: string | null; style: 'plain' | 'tenths' | 'discount';
  spaced: boolean; notBefore: string[];
}
export interface PercentWordEntry { word: string; value: string; requiresPrev: string | null }
export interface QualifierEntry {
  word: string; position: 'prefix' | 'suffix' | 'connector' | 'link' | 'ordinal'; qualifier: Qualifier | null;
  bareScale: boolean; onlyBareScale: boolean; beforeUnit: boolean;
  notAfter: string[]; notBefore: string[]; cueAfter: string[]; cueBefore: string[];
}
export type TimeWordRole = 'relative' | 'half' | 'first-month' | 'year-unit' | 'year-suffix' | 'horizon-prefix' | 'horizon-suffix';
export interface TimeWordEntry {
  word: string; role: TimeWordRole; kind: 'year' | 'quarter' | 'month' | null; offset: number | null; half: number | null;
}
export interface NonNumeralEntry { word: string }

/** Everything the quantity recognizer reads from lexicons/quantity/, validated. */
export interface QuantityLexicon {
  digits: DigitEntry[]; scales: ScaleEntry[]; latinScales: LatinScaleEntry[]; multipliers: MultiplierEntry[];
  markers: MarkerEntry[]; words: WordNumberEntry[]; currencies: CurrencyEntry[]; units: UnitEntry[];
  percentSuffixes: PercentSuffixEntry[]; percentWords: PercentWordEntry[]; qualifiers: QualifierEntry[];
  timeWords: TimeWordEntry[]; nonNumerals: NonNumeralEntry[];
}

type FieldType = 'word' | 'char' | 'int' | 'decimal' | 'boolean' | 'chars' | 'words' | 'code' | readonly string[];
interface FieldSpec { type: FieldType; required?: boolean }
interface ListSpec {
  file: string; key: string; target: keyof QuantityLexicon; fields: Record<string, FieldSpec>; identity?: string;
  /** a rule across fields of one entry: the problem, or null */
  check?: (entry: Record<string, unknown>) => string | null;
}

const word: FieldSpec = { type: 'word', required: true };
const chars: FieldSpec = { type: 'chars' };
const flag: FieldSpec = { type: 'boolean' };
const QUALIFIERS = ['exact', 'about', 'at_least', 'at_most', 'range'] as const;

/** The files and lists the recognizer needs, with the fields each entry may carry. */
const LISTS: ListSpec[] = [
  { file: 'numerals.json', key: 'digits', target: 'digits', fields: { word: { type: 'char', required: true }, value: { type: 'int', required: true }, colloquial: flag },
    check: (e) => (Number(e.value) < 0 || Number(e.value) > 9 ? '"value" must be 0–9' : null) },
  { file: 'numerals.json', key: 'scales', target: 'scales', fields: { word: { type: 'char', required: true }, exponent: { type: 'int', required: true }, class: { type: ['small', 'big'], required: true } } },
  { file: 'numerals.json', key: 'latinScales', target: 'latinScales', fields: { word, exponent: { type: 'int', required: true } } },
  { file: 'numerals.json', key: 'multipliers', target: 'multipliers', fields: { word: { type: 'char', required: true }, factor: { type: 'decimal', required: true }, notBefore: chars } },
  { file: 'numerals.json', key: 'markers', target: 'markers', fields: { word, role: { type: ['point', 'negative', 'fraction', 'mixed', 'vague', 'vague-lead', 'more'], required: true } } },
  { file: 'numerals.json', key: 'words', target: 'words', fields: { word, value: { type: 'decimal', required: true }, valueMax: { type: 'decimal' } } },
  { file: 'currencies.json', key: 'entries', target: 'currencies', identity: 'position', fields: { word, code: { type: 'code', required: true }, position: { type: ['prefix', 'suffix', 'minor'], required: true }, factor: { type: 'decimal' }, standalone: flag, notBefore: chars },
    check: (e) => ((e.position === 'minor') !== (e.factor !== undefined) ? '"factor" is required for minor units and only for them' : null) },
  { file: 'units.json', key: 'entries', target: 'units', fields: { word, class: { type: ['count', 'measure', 'time', 'digits'], required: true }, unit: { type: 'word' }, notBefore: chars } },
  { file: 'percent.json', key: 'suffixes', target: 'percentSuffixes', fields: { word, unit: { type: ['%', 'pp'], required: true }, factor: { type: 'decimal' }, style: { type: ['plain', 'tenths', 'discount'] }, spaced: flag, notBefore: chars } },
  { file: 'percent.json', key: 'words', target: 'percentWords', fields: { word, value: { type: 'decimal', required: true }, requiresPrev: { type: 'word' } } },
  { file: 'qualifiers.json', key: 'entries', target: 'qualifiers', identity: 'position', fields: { word, position: { type: ['prefix', 'suffix', 'connector', 'link', 'ordinal'], required: true }, qualifier: { type: QUALIFIERS }, bareScale: flag, onlyBareScale: flag, beforeUnit: flag, notAfter: chars, notBefore: chars, cueAfter: { type: 'words' }, cueBefore: { type: 'words' } },
    check: (e) => ((e.position === 'connector' || e.position === 'link') !== (e.qualifier === undefined) ? '"qualifier" is required except for connectors and links' : null) },
  { file: 'time.json', key: 'entries', target: 'timeWords', identity: 'role', fields: { word, role: { type: ['relative', 'half', 'first-month', 'year-unit', 'year-suffix', 'horizon-prefix', 'horizon-suffix'], required: true }, kind: { type: ['year', 'quarter', 'month'] }, offset: { type: 'int' }, half: { type: 'int' } },
    check: (e) => {
      if ((e.role === 'relative') !== (e.kind !== undefined && e.offset !== undefined)) return 'relative words need "kind" and "offset", others take neither';
      if ((e.role === 'half') !== (e.half === 1 || e.half === 2)) return 'halves need "half" 1 or 2, others take none';
      return null;
    } },
  { file: 'non-numerals.json', key: 'entries', target: 'nonNumerals', fields: { word } },
];

const DEFAULTS: Record<string, unknown> = {
  colloquial: false, standalone: false, spaced: false, bareScale: false, onlyBareScale: false, beforeUnit: false,
  notBefore: [], notAfter: [], cueAfter: [], cueBefore: [], style: 'plain',
};

function checkValue(type: FieldType, v: unknown): string | null {
  const isWord = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.trim() === x;
  if (Array.isArray(type)) return typeof v === 'string' && type.includes(v) ? null : `must be one of ${type.join(', ')}`;
  switch (type) {
    case 'word': return isWord(v) ? null : 'must be a non-empty string without surrounding spaces';
    case 'char': return typeof v === 'string' && [...v].length === 1 ? null : 'must be exactly one character';
    case 'int': return Number.isInteger(v) ? null : 'must be an integer';
    case 'decimal': return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? null : 'must be a decimal number written as a string, e.g. "0.01"';
    case 'boolean': return typeof v === 'boolean' ? null : 'must be true or false';
    case 'code': return typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? null : 'must be a three-letter upper-case code (ISO 4217)';
    case 'chars': return Array.isArray(v) && v.every((c) => typeof c === 'string' && [...c].length === 1) && new Set(v).size === v.length ? null : 'must be a list of distinct single characters';
    case 'words': return Array.isArray(v) && v.every(isWord) && new Set(v).size === v.length ? null : 'must be a list of distinct non-empty strings';
    default: return 'has an unknown type';
  }
}

/**
 * Validates raw parsed JSON files (by file name) and returns the lexicon plus every problem found.
 * Files named in `unreadable` were already reported (bad JSON) and are not checked further.
 */
export function validateQuantityLexicon(files: Readonly<Record<string, unknown>>, dirLabel = 'lexicons/quantity', unreadable: ReadonlySet<string> = new Set()): { lexicon: QuantityLexicon; problems: string[] } {
  const problems: string[] = [];
  const lexicon = Object.fromEntries(LISTS.map((l) => [l.target, [] as unknown[]])) as unknown as Record<keyof QuantityLexicon, unknown[]>;
  const keysByFile = new Map<string, string[]>();
  for (const l of LISTS) keysByFile.set(l.file, [...(keysByFile.get(l.file) ?? ['note']), l.key]);
  for (const [file, keys] of keysByFile) {
    if (unreadable.has(file)) continue;
    const doc = files[file];
    if (doc === undefined) { problems.push(`${dirLabel}/${file}: file is missing`); continue; }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) { problems.push(`${dirLabel}/${file}: must be a JSON object`); continue; }
    for (const k of Object.keys(doc)) if (!keys.includes(k)) problems.push(`${dirLabel}/${file}: unknown top-level field "${k}" (expected ${keys.join(', ')})`);
    if (typeof (doc as Record<string, unknown>).note !== 'string') problems.push(`${dirLabel}/${file}: "note" must say where the list comes from`);
  }
  for (const spec of LISTS) {
    const doc = files[spec.file] as Record<string, unknown> | undefined;
    if (unreadable.has(spec.file) || typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue;
    const list = doc[spec.key];
    const where = `${dirLabel}/${spec.file} ${spec.key}`;
    if (!Array.isArray(list)) { problems.push(`${where}: must be a list of entries`); continue; }
    const seen = new Set<string>();
    list.forEach((raw, i) => {
      const label = `${where}[${i}]${raw && typeof raw === 'object' && typeof (raw as { word?: unknown }).word === 'string' ? ` ("${(raw as { word: string }).word}")` : ''}`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) { problems.push(`${label}: must be an object`); return; }
      const entry = raw as Record<string, unknown>;
      let ok = true;
      for (const k of Object.keys(entry)) {
        if (k === 'note') { if (typeof entry.note !== 'string') { problems.push(`${label}: "note" must be a string`); ok = false; } continue; }
        const field = spec.fields[k];
        if (!field) { problems.push(`${label}: unknown field "${k}" (allowed: ${[...Object.keys(spec.fields), 'note'].join(', ')})`); ok = false; continue; }
        const why = checkValue(field.type, entry[k]);
        if (why) { problems.push(`${label}: "${k}" ${why}`); ok = false; }
      }
      for (const [k, f] of Object.entries(spec.fields)) if (f.required && !(k in entry)) { problems.push(`${label}: "${k}" is required`); ok = false; }
      const key = `${String(entry.word)}\u0000${spec.identity ? String(entry[spec.identity]) : ''}`;
      if (seen.has(key)) { problems.push(`${label}: duplicate entry`); ok = false; }
      seen.add(key);
      const why = ok && spec.check ? spec.check(entry) : null;
      if (why) { problems.push(`${label}: ${why}`); ok = false; }
      if (!ok) return;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(spec.fields)) out[k] = k in entry ? entry[k] : k in DEFAULTS ? DEFAULTS[k] : null;
      lexicon[spec.target].push(out);
    });
  }
  return { lexicon: lexicon as unknown as QuantityLexicon, problems };
}

const DIR = pathToFileURL(`${projectPath('lexicons', 'quantity')}/`);

/** Reads and validates lexicons/quantity/*.json; throws one error listing every problem. */
export function loadQuantityLexicon(dir: URL = DIR): QuantityLexicon {
  const files: Record<string, unknown> = {};
  const unreadable = new Set<string>();
  const problems: string[] = [];
  for (const file of new Set(LISTS.map((l) => l.file))) {
    const path = fileURLToPath(new URL(file, dir));
    let text: string;
    try { text = readFileSync(path, 'utf8'); } catch { continue; } // reported as missing below
    try { files[file] = JSON.parse(text); } catch (e) { problems.push(`${path}: invalid JSON (${(e as Error).message})`); unreadable.add(file); }
  }
  const result = validateQuantityLexicon(files, fileURLToPath(dir).replace(/\/$/, ''), unreadable);
  problems.push(...result.problems);
  if (problems.length) throw new Error(`Invalid quantity lexicon (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${problems.join('\n  ')}`);
  return result.lexicon;
}

/**
 * The declarative schema the cue loader checks files against: field kinds,
 * list and file specs, and the checks of one field and of one list (which
 * also compiles the list's templates).
 */
import { isIntegerIn, isOneOf, isRecord } from '../validate.ts';
import { compileTemplate, type TemplateRule } from './templates.ts';
import { LANGS, type CompiledTemplate, type Lang } from './types.ts';

/** One entry as parsed from JSON, before its fields are known to be valid. */
export type Raw = Record<string, unknown>;
/** The kind of one field: `req` marks it required; `true` is a flag that is either true or absent. */
export type Field =
  | { t: 'string'; req?: true }
  | { t: 'enum'; values: readonly unknown[]; req?: true }
  | { t: 'int'; min: number; max: number; req?: true; nullable?: true }
  | { t: 'number'; min: number; max: number; req?: true }
  | { t: 'bool'; req?: true }
  | { t: 'true' }
  | { t: 'strings' };

/** One list of a file: its key, the field naming each entry, its fields and its extra checks. */
export interface ListSpec {
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
export type FileCheck = (valid: Record<string, Raw[]>, all: Record<string, Raw[]>, say: (msg: string) => void) => void;
/** One lexicon file: its path under the lexicon root, its lists and a check across them. */
export interface FileSpec { path: string; lists: ListSpec[]; check?: FileCheck }

/** Shorthand that keeps the field tables readable: `{ t: 'string', req }`. */
export const req = true as const;
const GUARDS: Record<string, Field> = { note: { t: 'string' }, notPrecededBy: { t: 'strings' }, notFollowedBy: { t: 'strings' } };
/** The fields of every word-list entry. */
export const TERM: Record<string, Field> = { term: { t: 'string', req }, lang: { t: 'enum', values: LANGS, req }, ...GUARDS };
/** The fields of every template entry. */
export const PATTERN: Record<string, Field> = { pattern: { t: 'string', req }, lang: { t: 'enum', values: LANGS, req }, ...GUARDS };
/** A cue's strength: 1 weak, 2 usual, 3 unambiguous. */
export const STRENGTH: Field = { t: 'int', min: 1, max: 3, req };

/** Reports through `say` what is wrong with one field's value, if anything. */
function checkField(name: string, field: Field, value: unknown, say: (msg: string) => void): void {
  const show = JSON.stringify(value);
  switch (field.t) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '' || value !== value.trim() || /[\n\r\t]/.test(value)) say(`"${name}" must be a non-empty one-line string without surrounding spaces, got ${show}`);
      return;
    case 'enum':
      if (!isOneOf(field.values, value)) say(`"${name}" must be one of ${field.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show}`);
      return;
    case 'int':
      if (value === null && field.nullable) return;
      if (!isIntegerIn(value, field.min, field.max)) say(`"${name}" must be an integer from ${field.min} to ${field.max}${field.nullable ? ' or null' : ''}, got ${show}`);
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
export function checkList(file: string, spec: ListSpec, value: unknown, nouns: Record<Lang, string[]>, problems: string[]): { valid: Raw[]; templates: CompiledTemplate<Raw>[] } {
  const valid: Raw[] = [];
  const templates: CompiledTemplate<Raw>[] = [];
  if (!Array.isArray(value)) {
    problems.push(`${file}: "${spec.key}" must be a list`);
    return { valid, templates };
  }
  const seen = new Map<string, number>();
  value.forEach((item: unknown, i) => {
    const idText = isRecord(item) && typeof item[spec.id] === 'string' ? ` ${JSON.stringify(item[spec.id])}` : '';
    const before = problems.length;
    const say = (msg: string) => problems.push(`${file} ${spec.key}[${i}]${idText}: ${msg}`);
    if (!isRecord(item)) return say('must be an object');
    const entry = item;
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

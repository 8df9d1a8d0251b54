/**
 * What a valid entry of each sentiment file looks like: one small check per
 * kind of value, and the required and optional fields of every kind of entry.
 */
import { isOneOf } from '../validate.ts';
import { CONTRAST_TYPES, DIRECTIONS, DOMAINS, HEDGE_TYPES, MOVEMENTS, PARTS_OF_SPEECH, type SentimentFile } from './types.ts';

/** Returns a problem description, or undefined when the value is fine. */
export type Check = (value: unknown) => string | undefined;

/** A value as it appears in the file, for messages. */
export const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** A non-empty string without surrounding whitespace. */
export const text: Check = (v) => {
  if (typeof v !== 'string') return `must be a string, got ${show(v)}`;
  if (v.trim() === '') return 'must not be empty';
  if (v !== v.trim()) return `${show(v)} has leading or trailing whitespace`;
  return undefined;
};
const oneOf = (values: readonly string[]): Check => (v) => (isOneOf(values, v) ? undefined : `${show(v)} is not one of ${values.join(', ')}`);
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
export interface EntrySpec { key: 'term' | 'metric'; required: Record<string, Check>; optional: Record<string, Check> }
/** The entry specs, one per list: polarity.json, negators.json, …, and metric-direction.json's two lists. */
export const POLARITY: EntrySpec = { key: 'term', required: { term: text, weight: number(-3, 3, { nonZero: true, halves: true }), domain: oneOf(DOMAINS) }, optional: { pos: oneOf(PARTS_OF_SPEECH), note: text, ...GUARDS } };
export const NEGATOR: EntrySpec = { key: 'term', required: { term: text, scope: number(1, 20, { integer: true }) }, optional: { note: text, ...GUARDS } };
export const DEGREE: EntrySpec = { key: 'term', required: { term: text, multiplier: number(0, 3, { minOpen: true, notOne: true }) }, optional: { note: text, ...GUARDS } };
export const CONTRAST: EntrySpec = { key: 'term', required: { term: text, type: oneOf(CONTRAST_TYPES), afterWeight: number(0, 3, { minOpen: true }), beforeWeight: number(0, 3, { minOpen: true }), note: text }, optional: GUARDS };
export const HEDGE: EntrySpec = { key: 'term', required: { term: text, type: oneOf(HEDGE_TYPES), confidenceMultiplier: number(0, 1, { minOpen: true, notOne: true }) }, optional: { note: text, ...GUARDS } };
export const METRIC: EntrySpec = { key: 'metric', required: { metric: text, direction: oneOf(DIRECTIONS) }, optional: { note: text } };
export const MOVEMENT: EntrySpec = { key: 'term', required: { term: text, movement: oneOf(MOVEMENTS) }, optional: { intensity: number(0, 3, { minOpen: true }), note: text, ...GUARDS } };

/** Top-level fields allowed besides `note` and `entries`. */
export const EXTRA_FIELDS: Partial<Record<SentimentFile, Record<string, Check>>> = {
  'negators.json': { scopeUnit: oneOf(['characters']), clauseBreaks: strings },
  'metric-direction.json': { movements: (v) => (Array.isArray(v) ? undefined : 'must be an array') },
};

/**
 * The English rules of lexicons/sentiment/english.json: corrections to the
 * AFINN financial list (neutral words, extra polarity words, phrases) and the
 * grammar the list cannot carry (metrics and their movements, negators,
 * degree adverbs, contrast markers, hedges). Validated strictly at load: one
 * error lists every problem, with entry and field.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LexiconError, type LexiconProblem } from '../lexicons/validate.ts';
import { projectPath } from '../paths.ts';

export type Direction = 'higher-is-better' | 'lower-is-better';

/** The English rules, keyed by lower-case word (phrases by their lower-case words joined with one space). */
export interface EnglishRules {
  negationReach: number;
  neutral: ReadonlySet<string>;
  polarity: ReadonlyMap<string, number>;
  metrics: ReadonlyMap<string, Direction>;
  movements: ReadonlyMap<string, { sign: 1 | -1; intensity: number }>;
  phrases: ReadonlyMap<string, number>;
  /** the longest phrase, in words */
  longestPhrase: number;
  /** what a phrase's first word can be: each start of a phrase that ends before a space or a hyphen */
  phraseStarts: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  degree: ReadonlyMap<string, number>;
  contrast: ReadonlyMap<string, { type: 'adversative' | 'concessive'; afterWeight: number; beforeWeight: number }>;
  hedges: ReadonlyMap<string, number>;
  /** a comparative measured against expectations: fewer … than expected */
  expectations: { reach: number; weight: number; markers: ReadonlySet<string>; better: ReadonlySet<string>; worse: ReadonlySet<string> };
}

const FILE = 'english.json';
const URL_OF_FILE = pathToFileURL(projectPath('lexicons', 'sentiment', 'english.json'));

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWord = (v: unknown): v is string => typeof v === 'string' && v !== '' && v === v.trim() && v === v.toLowerCase();
const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Reads and validates english.json; throws one {@link LexiconError} listing every problem. */
export function loadEnglishRules(url: URL = URL_OF_FILE): EnglishRules {
  const problems: LexiconProblem[] = [];
  const problem = (entry: string | null, field: string | null, message: string) => problems.push({ file: FILE, entry, field, message });
  const data = JSON.parse(readFileSync(url, 'utf8')) as Row;
  if (typeof data.note !== 'string' || data.note.trim() === '') problem(null, 'note', 'must say where the list comes from');

  const rows = (list: string): Row[] => {
    const raw = data[list];
    if (!Array.isArray(raw)) {
      problem(null, list, 'must be an array');
      return [];
    }
    return raw.filter((row, i) => isRow(row) || (problem(`${list}[${i}]`, null, 'must be an object'), false)) as Row[];
  };
  const words = (list: string): string[] => {
    const raw = data[list];
    if (!Array.isArray(raw)) {
      problem(null, list, 'must be an array');
      return [];
    }
    return raw.filter((w, i) => isWord(w) || (problem(`${list}[${i}]`, null, `${JSON.stringify(w)} must be a lower-case word`), false)) as string[];
  };
  // Checks one entry's fields and keeps it under its key; a key listed twice is a problem.
  const keyed = <V>(list: string, key: string, read: (row: Row, bad: (field: string, message: string) => undefined) => V | undefined): Map<string, V> => {
    const out = new Map<string, V>();
    rows(list).forEach((row, i) => {
      const name = row[key];
      const entry = isWord(name) ? `${list} “${name}”` : `${list}[${i}]`;
      let ok = isWord(name);
      if (!ok) problem(entry, key, `${JSON.stringify(name)} must be lower-case text`);
      const value = read(row, (field, message) => { ok = false; problem(entry, field, message); return undefined; });
      if (!ok || value === undefined) return;
      if (out.has(name as string)) return problem(entry, key, 'is listed twice');
      out.set(name as string, value);
    });
    return out;
  };
  const weight = (field: string, min: number, max: number) => (row: Row, bad: (f: string, m: string) => undefined) => {
    if (!inRange(row[field], min, max)) return bad(field, `must be a number from ${min} to ${max}, got ${JSON.stringify(row[field])}`);
    return row[field] as number;
  };

  const negationReach = data.negationReach;
  if (!inRange(negationReach, 1, 10) || !Number.isInteger(negationReach)) problem(null, 'negationReach', 'must be a whole number of words from 1 to 10');
  const polarity = keyed('polarity', 'word', weight('weight', -5, 5));
  const phrases = keyed('phrases', 'phrase', weight('weight', -5, 5));
  const degree = keyed('degree', 'word', weight('multiplier', 0.1, 3));
  const hedges = keyed('hedges', 'word', weight('multiplier', 0.1, 0.99));
  const metrics = keyed('metrics', 'word', (row, bad) =>
    row.direction === 'higher-is-better' || row.direction === 'lower-is-better' ? (row.direction as Direction) : bad('direction', 'must be higher-is-better or lower-is-better'));
  const movements = keyed('movements', 'word', (row, bad) => {
    if (row.movement !== 'up' && row.movement !== 'down') return bad('movement', 'must be up or down');
    const intensity = row.intensity ?? 1;
    if (!inRange(intensity, 0.1, 3)) return bad('intensity', 'must be a number from 0.1 to 3');
    return { sign: row.movement === 'up' ? (1 as const) : (-1 as const), intensity };
  });
  const contrast = keyed('contrast', 'word', (row, bad) => {
    if (row.type !== 'adversative' && row.type !== 'concessive') return bad('type', 'must be adversative or concessive');
    if (!inRange(row.afterWeight, 0.1, 3) || !inRange(row.beforeWeight, 0.1, 3)) return bad('afterWeight', 'afterWeight and beforeWeight must be numbers from 0.1 to 3');
    return { type: row.type as 'adversative' | 'concessive', afterWeight: row.afterWeight as number, beforeWeight: row.beforeWeight as number };
  });
  const expectations = isRow(data.expectations) ? data.expectations : {};
  if (!isRow(data.expectations)) problem(null, 'expectations', 'must be an object');
  const listOf = (field: string): Set<string> => {
    const raw = expectations[field];
    if (!Array.isArray(raw) || !raw.every(isWord)) problem('expectations', field, 'must be an array of lower-case words');
    return new Set(Array.isArray(raw) ? raw.filter(isWord) : []);
  };
  const expectationRule = {
    reach: inRange(expectations.reach, 1, 8) ? expectations.reach : (problem('expectations', 'reach', 'must be a number of words from 1 to 8'), 1),
    weight: inRange(expectations.weight, 0.5, 5) ? expectations.weight : (problem('expectations', 'weight', 'must be a number from 0.5 to 5'), 1),
    markers: listOf('markers'), better: listOf('better'), worse: listOf('worse'),
  };
  const neutral = new Set(words('neutral'));
  const negators = new Set(words('negators'));
  for (const w of neutral) if (polarity.has(w)) problem(`neutral “${w}”`, null, 'is also a polarity word');
  if (problems.length) throw new LexiconError(`Invalid English sentiment rules in lexicons/sentiment/${FILE}`, problems);
  return {
    negationReach: negationReach as number,
    neutral, polarity, metrics, movements, phrases, negators, degree, contrast, hedges, expectations: expectationRule,
    longestPhrase: Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length)),
    phraseStarts: new Set([...phrases.keys()].flatMap((p) => [...p.matchAll(/[ -]/g)].map((m) => p.slice(0, m.index)))),
  };
}

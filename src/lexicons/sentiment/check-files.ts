/**
 * Reading the sentiment files and checking them field by field. Every problem
 * is collected (with file and entry) rather than thrown, so that one run of
 * the loader reports all of them.
 */
import { join } from 'node:path';
import { jsonFailureMessage, readJsonFile } from '../read-json.ts';
import { isRecord } from '../validate.ts';
import { EXTRA_FIELDS, text, show, type EntrySpec } from './schema.ts';
import type { LexiconProblem, SentimentFile } from './types.ts';

/** Collects the problems of one run of the loader. */
export class Problems {
  readonly list: LexiconProblem[] = [];
  add(file: SentimentFile, message: string, entry?: string): void {
    this.list.push(entry === undefined ? { file, message } : { file, entry, message });
  }
}

/** Validates a list of entries against `spec`; returns the valid ones keyed by their (unique) string. */
export function checkEntries<E>(file: SentimentFile, list: string, raw: unknown, spec: EntrySpec, problems: Problems): Map<string, E> {
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

/** Reads one file and checks its top level (`note`, and the extra fields it allows); undefined when unusable. */
export function readLexiconFile(dir: string, file: SentimentFile, problems: Problems): Record<string, unknown> | undefined {
  const read = readJsonFile(join(dir, file));
  if (!read.ok) {
    problems.add(file, jsonFailureMessage(read));
    return undefined;
  }
  const data = read.data;
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

/**
 * Walking the lists of an entity file. Entries and grammar items are read the
 * same way: each object gets a field reader whose problems are filed under the
 * entry's label; anything else is reported and left out, so the other entries
 * are still checked.
 */
import { FieldReader, describe, isRecord, type ProblemList, type Report } from '../validate.ts';

/** Report `file` as missing, unless reading it already failed (that problem says more). */
export function reportMissingFile(problems: ProblemList, file: string): void {
  if (!problems.all.some((p) => p.file === file)) problems.add(file, null, null, 'missing file');
}

/**
 * `read` applied, in order, to each object of the array `root[key]`, with a
 * reader whose problems go under `labelOf(raw, index)`. A non-array is
 * reported under `key` and reads as empty.
 */
export function readList<T>(
  problems: ProblemList,
  file: string,
  root: Record<string, unknown>,
  key: string,
  labelOf: (raw: unknown, index: number) => string,
  read: (r: FieldReader, report: Report) => T,
): T[] {
  const list = root[key];
  if (!Array.isArray(list)) {
    problems.add(file, null, key, `expected an array, got ${describe(list)}`);
    return [];
  }
  const out: T[] = [];
  list.forEach((raw: unknown, index) => {
    const label = labelOf(raw, index);
    const report: Report = (field, message) => problems.add(file, label, field, message);
    if (!isRecord(raw)) report(null, `expected an object, got ${describe(raw)}`);
    else out.push(read(new FieldReader(raw, report), report));
  });
  return out;
}

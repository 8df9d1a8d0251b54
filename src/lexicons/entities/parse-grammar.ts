/**
 * Reading product-grammar.json field by field: the number stops, the model
 * suffixes and the per-series rules. How they fit together, and with the
 * product entries, is checked in validate-grammar.ts.
 */
import { FieldReader, ProblemList, describe, isRecord } from '../validate.ts';
import { readList, reportMissingFile } from './read-list.ts';
import { ENTITY_FILES, type ProductGrammar } from './types.ts';

/** The grammar, or an empty one when the file is missing or not an object. */
export function readGrammar(root: unknown, problems: ProblemList): ProductGrammar {
  const file = ENTITY_FILES.productGrammar;
  const empty: ProductGrammar = { note: '', numberStops: [], suffixes: [], rules: [] };
  if (root === undefined) {
    reportMissingFile(problems, file);
    return empty;
  }
  if (!isRecord(root)) {
    problems.add(file, null, null, `expected an object, got ${describe(root)}`);
    return empty;
  }
  const top = new FieldReader(root, (field, message) => problems.add(file, null, field, message));
  top.onlyKeys(['note', 'numberStops', 'suffixes', 'rules']);
  // All items are collected before any is read, so shape problems are listed ahead of field problems.
  const items = (key: 'suffixes' | 'rules', label: (raw: Record<string, unknown>, i: number) => string): { r: FieldReader }[] =>
    readList(problems, file, root, key, (raw, i) => (isRecord(raw) ? label(raw, i) : `${key}[${i}]`), (r) => ({ r }));
  const suffixes = items('suffixes', (raw, i) => (typeof raw.id === 'string' ? `suffix ${raw.id}` : `suffixes[${i}]`)).map(({ r }) => {
    r.onlyKeys(['id', 'forms', 'attached']);
    const attached = r.boolean('attached');
    return { id: r.string('id'), forms: r.strings('forms', { nonEmpty: true }), ...(attached ? { attached: true } : {}) };
  });
  const rules = items('rules', (raw, i) => (typeof raw.id === 'string' ? `rule ${raw.id}` : `rules[${i}]`)).map(({ r }) => {
    r.onlyKeys(['id', 'brand', 'series', 'words', 'number', 'suffixes', 'template']);
    const number = r.object('number');
    number?.onlyKeys(['min', 'max', 'digits']);
    const digits = number?.integer('digits', 1, 6, { optional: true });
    return {
      id: r.string('id'),
      brand: r.string('brand'),
      series: r.string('series', { nullable: true }),
      words: r.strings('words', { nonEmpty: true }),
      number: { min: number?.integer('min', 0, 99999) ?? 0, max: number?.integer('max', 0, 99999) ?? 0, ...(digits !== undefined ? { digits } : {}) },
      suffixes: r.strings('suffixes'),
      template: r.string('template'),
    };
  });
  return { note: top.string('note'), numberStops: top.strings('numberStops'), suffixes, rules };
}

/**
 * Reading the five entry files and context-rules.json field by field. Every
 * problem goes to the shared problem list with file, entry and field; the
 * checks across entries and files come later (validate-*.ts).
 */
import { FieldReader, ProblemList, SLUG, checkText, describe, isRecord, type Report } from '../validate.ts';
import { readList, reportMissingFile } from './read-list.ts';
import { isTicker, ricToTicker } from './tickers.ts';
import {
  COMPANY_ROLES, ENTITY_FILES, LOCATION_KINDS, ORGANIZATION_KINDS, PRODUCT_CATEGORIES, SECTORS,
  type Alias, type CompanyEntry, type ContextRule, type EntityFileRole, type EntryBase, type LocationEntry,
  type OrganizationEntry, type PersonEntry, type ProductEntry,
} from './types.ts';

/** Reads one entry into its typed form, reporting what is wrong with it. */
export type EntryParser<T> = (reader: FieldReader, report: Report) => T;

/** The entries of one file, or none when the file is missing or not of the expected shape. */
export function readEntries<T>(sources: Partial<Record<EntityFileRole, unknown>>, role: EntityFileRole, parse: EntryParser<T>, problems: ProblemList): T[] {
  const file = ENTITY_FILES[role];
  const root = sources[role];
  if (root === undefined) {
    reportMissingFile(problems, file);
    return [];
  }
  if (!isRecord(root)) {
    problems.add(file, null, null, `expected an object with "note" and "entries", got ${describe(root)}`);
    return [];
  }
  const top = new FieldReader(root, (field, message) => problems.add(file, null, field, message));
  top.onlyKeys(['note', 'entries']);
  top.string('note');
  // A context rule has no id; it is named by what it decides: 小米→xiaomi.
  const labelOf = (raw: unknown, index: number): string =>
    isRecord(raw) && typeof raw.id === 'string' ? raw.id : role === 'contextRules' && isRecord(raw) ? `${String(raw.alias)}→${String(raw.entity)}` : `#${index}`;
  return readList(problems, file, root, 'entries', labelOf, parse);
}

const BASE_KEYS = ['id', 'name', 'nameEn', 'aliases', 'note'];

/** The fields every entry shares; checks that the id is a slug. */
function parseBase(r: FieldReader, report: Report): EntryBase {
  const id = r.string('id');
  if (id !== '' && !SLUG.test(id)) report('id', `${JSON.stringify(id)} is not a lowercase ASCII slug (letters, digits, single hyphens)`);
  const note = r.string('note', { optional: true });
  return { id, name: r.string('name'), nameEn: r.string('nameEn', { nullable: true }), aliases: parseAliases(r, report), ...(note !== undefined ? { note } : {}) };
}

/** Aliases: plain strings, or objects that carry flags and say why. */
function parseAliases(r: FieldReader, report: Report): Alias[] {
  const raw = r.raw.aliases;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report('aliases', `expected an array, got ${describe(raw)}`);
    return [];
  }
  const out: Alias[] = [];
  raw.forEach((item: unknown, index) => {
    const field = `aliases[${index}]`;
    if (!isRecord(item)) {
      const problem = checkText(item);
      if (problem === null) out.push(item as string);
      else report(field, `${problem}; an alias is a string or an object {"text", "note", flags}`);
      return;
    }
    const spec = new FieldReader(item, (sub, message) => report(sub === null ? field : `${field}.${sub}`, message));
    spec.onlyKeys(['text', 'note', 'ambiguous', 'shared', 'caseSensitive']);
    const flags = { ambiguous: spec.boolean('ambiguous'), shared: spec.boolean('shared'), caseSensitive: spec.boolean('caseSensitive') };
    if (!flags.ambiguous && !flags.shared && !flags.caseSensitive) report(field, 'an alias object needs at least one of ambiguous, shared, caseSensitive set to true; otherwise list a plain string');
    out.push({
      text: spec.string('text'),
      note: spec.string('note'),
      ...(flags.ambiguous ? { ambiguous: true } : {}),
      ...(flags.shared ? { shared: true } : {}),
      ...(flags.caseSensitive ? { caseSensitive: true } : {}),
    });
  });
  return out;
}

/** One entry of companies.json. */
export function parseCompany(r: FieldReader, report: Report): CompanyEntry {
  r.onlyKeys([...BASE_KEYS, 'tickers', 'rics', 'sector', 'role', 'country', 'parent']);
  const parent = r.string('parent', { optional: true });
  const rics = r.has('rics') ? r.strings('rics') : undefined;
  const tickers = r.strings('tickers');
  tickers.forEach((t, i) => {
    if (!isTicker(t)) report(`tickers[${i}]`, `${JSON.stringify(t)} is not a ticker; expected EXCHANGE:CODE such as HK:01810, SH:600519, SZ:300750, US:AAPL, KS:005930, TW:2330, T:6758`);
  });
  (rics ?? []).forEach((ric, i) => {
    const ticker = ricToTicker(ric);
    if (ticker === null) report(`rics[${i}]`, `${JSON.stringify(ric)} is not a RIC with a known exchange suffix (.O, .N, .HK, .SS, .SZ, .KS, .TW, .T, …)`);
    else if (!tickers.includes(ticker)) report(`rics[${i}]`, `${ric} converts to ${ticker}, which is not listed in tickers`);
  });
  return {
    ...parseBase(r, report),
    tickers,
    ...(rics !== undefined ? { rics } : {}),
    sector: r.oneOf('sector', SECTORS),
    role: r.oneOf('role', COMPANY_ROLES),
    country: r.string('country', { nullable: true }),
    ...(parent !== undefined ? { parent } : {}),
  };
}

/** One entry of people.json. */
export function parsePerson(r: FieldReader, report: Report): PersonEntry {
  r.onlyKeys([...BASE_KEYS, 'org', 'title']);
  return { ...parseBase(r, report), org: r.string('org'), title: r.string('title') };
}

/** One entry of products.json. */
export function parseProduct(r: FieldReader, report: Report): ProductEntry {
  r.onlyKeys([...BASE_KEYS, 'brand', 'series', 'isSeries', 'category', 'year']);
  const series = r.string('series', { optional: true });
  const isSeries = r.boolean('isSeries');
  const year = r.integer('year', 1970, 2100, { optional: true });
  if (isSeries && series !== undefined) report('series', 'a series entry (isSeries: true) cannot itself belong to a series');
  return {
    ...parseBase(r, report),
    brand: r.string('brand'),
    ...(series !== undefined ? { series } : {}),
    ...(isSeries ? { isSeries: true } : {}),
    category: r.oneOf('category', PRODUCT_CATEGORIES),
    ...(year !== undefined ? { year } : {}),
  };
}

/** One entry of organizations.json. */
export function parseOrganization(r: FieldReader, report: Report): OrganizationEntry {
  r.onlyKeys([...BASE_KEYS, 'kind', 'country']);
  return { ...parseBase(r, report), kind: r.oneOf('kind', ORGANIZATION_KINDS), country: r.string('country', { nullable: true }) };
}

/** One entry of locations.json. */
export function parseLocation(r: FieldReader, report: Report): LocationEntry {
  r.onlyKeys([...BASE_KEYS, 'kind', 'parent']);
  return { ...parseBase(r, report), kind: r.oneOf('kind', LOCATION_KINDS), parent: r.string('parent', { nullable: true }) };
}

/** One entry of context-rules.json. */
export function parseContextRule(r: FieldReader, report: Report): ContextRule {
  r.onlyKeys(['alias', 'entity', 'note', 'rejectIfFollowedBy', 'rejectIfPrecededBy', 'requireNearby', 'requireElsewhere', 'examples']);
  const list = (key: string): readonly string[] | undefined => (r.has(key) ? r.strings(key, { nonEmpty: true }) : undefined);
  const followed = list('rejectIfFollowedBy');
  const preceded = list('rejectIfPrecededBy');
  const elsewhere = list('requireElsewhere');
  const nearbyReader = r.object('requireNearby', { optional: true });
  if (nearbyReader) nearbyReader.onlyKeys(['words', 'window']);
  const nearby = nearbyReader ? { words: nearbyReader.strings('words', { nonEmpty: true }), window: nearbyReader.integer('window', 1, 200) ?? 1 } : undefined;
  if (!followed && !preceded && !nearby && !elsewhere) report(null, 'a rule needs at least one of rejectIfFollowedBy, rejectIfPrecededBy, requireNearby, requireElsewhere');
  const examplesReader = r.object('examples');
  examplesReader?.onlyKeys(['accept', 'reject']);
  const examples = { accept: examplesReader?.strings('accept', { nonEmpty: true }) ?? [], reject: examplesReader?.strings('reject', { nonEmpty: true }) ?? [] };
  return {
    alias: r.string('alias'),
    entity: r.string('entity'),
    note: r.string('note'),
    ...(followed ? { rejectIfFollowedBy: followed } : {}),
    ...(preceded ? { rejectIfPrecededBy: preceded } : {}),
    ...(nearby ? { requireNearby: nearby } : {}),
    ...(elsewhere ? { requireElsewhere: elsewhere } : {}),
    examples,
  };
}

/**
 * The bilingual entity registry: schema of lexicons/entities/*.json, a loader
 * that validates every file strictly and throws one error listing every
 * problem, lookup maps on normalised keys, and two small reference evaluators
 * the entity stage can reuse — context rules for ambiguous aliases and the
 * model-name grammar for unlisted product models.
 *
 * The data format is documented in lexicons/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldReader, ProblemList, SLUG, checkText, describe, isRecord } from './validate.ts';

export { LexiconError, type LexiconProblem } from './validate.ts';

// ───────────────────────────── schema ─────────────────────────────

/** The five kinds of entity; matches `Entity.type` in the output contract. */
export type EntityType = 'company' | 'person' | 'product' | 'organization' | 'location';

export const COMPANY_ROLES = ['maker', 'platform', 'retailer', 'research-firm', 'broker', 'investor', 'media', 'operator', 'supplier', 'other'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export const SECTORS = [
  'consumer-electronics', 'automotive', 'battery', 'semiconductor', 'components', 'internet', 'e-commerce', 'software',
  'telecom', 'retail', 'finance', 'research', 'media', 'investment', 'energy', 'conglomerate', 'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PRODUCT_CATEGORIES = ['phone', 'tablet', 'laptop', 'wearable', 'chip', 'vehicle', 'battery', 'os', 'app', 'service', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const ORGANIZATION_KINDS = ['government', 'ministry', 'regulator', 'exchange', 'association', 'research-institute', 'university', 'international', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LOCATION_KINDS = ['country', 'region', 'special-region', 'province', 'city'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/**
 * An alias with flags. `ambiguous`: a common word or name — link only with
 * context. `shared`: deliberately claimed by more than one entity.
 * `caseSensitive`: match only with exactly this capitalisation (Apple, Meta).
 * Listing an entry's own name this way flags the name itself.
 */
export interface AliasSpec {
  readonly text: string;
  readonly note: string;
  readonly ambiguous?: boolean;
  readonly shared?: boolean;
  readonly caseSensitive?: boolean;
}
export type Alias = string | AliasSpec;

interface EntryBase {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly aliases: readonly Alias[];
  readonly note?: string;
}
export interface CompanyEntry extends EntryBase {
  /** `EXCHANGE:CODE`, e.g. `HK:01810`, `US:AAPL`. */
  readonly tickers: readonly string[];
  /** Reuters instrument codes that convert exactly to one of `tickers`. */
  readonly rics?: readonly string[];
  readonly sector: Sector;
  readonly role: CompanyRole;
  /** Location id of the home country or region, or null. */
  readonly country: string | null;
  /** Owning company id, for brands, subsidiaries and business units. */
  readonly parent?: string;
}
export interface PersonEntry extends EntryBase {
  /** Company id, or organization id for officials. */
  readonly org: string;
  readonly title: string;
}
export interface ProductEntry extends EntryBase {
  /** Company id that sells the product. */
  readonly brand: string;
  /** Id of a product entry with `isSeries: true`. */
  readonly series?: string;
  readonly isSeries?: boolean;
  readonly category: ProductCategory;
  readonly year?: number;
}
export interface OrganizationEntry extends EntryBase {
  readonly kind: OrganizationKind;
  readonly country: string | null;
}
export interface LocationEntry extends EntryBase {
  readonly kind: LocationKind;
  /** Enclosing location id, or null for top-level regions. */
  readonly parent: string | null;
}

/** Disambiguation rule for one alias of one entity (see lexicons/README.md). */
export interface ContextRule {
  readonly alias: string;
  readonly entity: string;
  readonly note: string;
  readonly rejectIfFollowedBy?: readonly string[];
  readonly rejectIfPrecededBy?: readonly string[];
  readonly requireNearby?: { readonly words: readonly string[]; readonly window: number };
  readonly requireElsewhere?: readonly string[];
  readonly examples: { readonly accept: readonly string[]; readonly reject: readonly string[] };
}

/** A model-name suffix: `Pro Max` → `pro-max`; attached ones are single letters after the number (12S). */
export interface ModelSuffix {
  readonly id: string;
  readonly forms: readonly string[];
  readonly attached?: boolean;
}
/** How one series word is followed by a model number (see product-grammar.json). */
export interface ModelRule {
  readonly id: string;
  readonly brand: string;
  readonly series: string | null;
  readonly words: readonly string[];
  readonly number: { readonly min: number; readonly max: number; readonly digits?: number };
  readonly suffixes: readonly string[];
  /** Product id pattern containing `{model}`, e.g. `galaxy-z-fold{model}`. */
  readonly template: string;
}
export interface ProductGrammar {
  readonly note: string;
  readonly numberStops: readonly string[];
  readonly suffixes: readonly ModelSuffix[];
  readonly rules: readonly ModelRule[];
}

interface EntityCommon {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  /** Owning company: a company's parent, a person's org, a product's brand; else null. */
  readonly org: string | null;
}
/** One registry entity: the common fields plus its typed lexicon entry. */
export type RegistryEntity = EntityCommon &
  (
    | { readonly type: 'company'; readonly entry: CompanyEntry }
    | { readonly type: 'person'; readonly entry: PersonEntry }
    | { readonly type: 'product'; readonly entry: ProductEntry }
    | { readonly type: 'organization'; readonly entry: OrganizationEntry }
    | { readonly type: 'location'; readonly entry: LocationEntry }
  );

/** What an alias key resolves to. */
export interface AliasTarget {
  readonly id: string;
  readonly type: EntityType;
  /** The alias as listed (exact case), for case-sensitive matching. */
  readonly text: string;
  readonly ambiguous: boolean;
  readonly shared: boolean;
  readonly caseSensitive: boolean;
}

/** The validated, frozen registry. */
export interface EntityRegistry {
  readonly companies: readonly CompanyEntry[];
  readonly people: readonly PersonEntry[];
  readonly products: readonly ProductEntry[];
  readonly organizations: readonly OrganizationEntry[];
  readonly locations: readonly LocationEntry[];
  readonly contextRules: readonly ContextRule[];
  readonly productGrammar: ProductGrammar;
  readonly byId: ReadonlyMap<string, RegistryEntity>;
  /** {@link aliasKey} of every name, English name and alias → its targets. */
  readonly byAlias: ReadonlyMap<string, readonly AliasTarget[]>;
  /** `HK:01810` → company id. */
  readonly byTicker: ReadonlyMap<string, string>;
  /** `1810.HK` → company id. */
  readonly byRic: ReadonlyMap<string, string>;
  /** {@link aliasKey} of a rule's alias → the rules for it. */
  readonly contextRulesByAlias: ReadonlyMap<string, readonly ContextRule[]>;
}

// ───────────────────────────── keys ─────────────────────────────

const MIDDLE_DOTS = new Set([0x30fb, 0xff65, 0x2022, 0x2027, 0x2219]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63]);

function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code === 0x09 ? 0x20 : code;
  if (code >= 0xff01 && code <= 0xff5e) return foldUnit(code - 0xfee0); // full-width ASCII
  if (code === 0x3000 || code === 0xa0 || code === 0x202f || code === 0x205f || (code >= 0x2000 && code <= 0x200a)) return 0x20;
  if (MIDDLE_DOTS.has(code)) return 0xb7; // 安迪·贾西 / 安迪・贾西
  if (HYPHENS.has(code)) return 0x2d;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves pass through
  // Other capitals (Škoda, Ä): lower-case only when that keeps one code unit (not İ → i̇).
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * Fold text for comparison: full-width ASCII → half-width, letters → lower
 * case, horizontal spaces (tab, ideographic space, no-break space) → U+0020,
 * middle dots → `·`, dash variants → `-`.
 *
 * Invariant: the output has exactly the input's length and position i of the
 * output comes from position i of the input (one UTF-16 unit each; surrogates
 * and line breaks pass through), so an offset found in `normalizeKey(text)` is
 * an offset into `text`.
 */
export function normalizeKey(text: string): string {
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = foldUnit(text.charCodeAt(i));
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Lookup key for an alias: {@link normalizeKey}, whitespace runs collapsed, trimmed. Not length-preserving. */
export function aliasKey(text: string): string {
  return normalizeKey(text).replace(/\s+/g, ' ').trim();
}

// ───────────────────────────── tickers ─────────────────────────────

const LETTER_CODE = /^[A-Z0-9]{1,6}(?:-[A-Z])?$/;
const TICKER_CODES: Readonly<Record<string, RegExp>> = {
  HK: /^\d{5}$/, SH: /^\d{6}$/, SZ: /^\d{6}$/, BJ: /^\d{6}$/, KS: /^\d{6}$/, KQ: /^\d{6}$/, TW: /^\d{4,6}$/,
  T: /^\d{3}[0-9A-Z]$/, US: /^[A-Z]{1,5}(?:\.[A-Z])?$/,
  DE: LETTER_CODE, PA: LETTER_CODE, AS: LETTER_CODE, HE: LETTER_CODE, ST: LETTER_CODE, SW: LETTER_CODE, L: LETTER_CODE, TO: LETTER_CODE, MI: LETTER_CODE,
};
const RIC_EXCHANGES: Readonly<Record<string, string>> = {
  O: 'US', OQ: 'US', N: 'US', A: 'US', K: 'US', HK: 'HK', SS: 'SH', SZ: 'SZ', KS: 'KS', KQ: 'KQ', TW: 'TW', T: 'T',
  DE: 'DE', PA: 'PA', AS: 'AS', HE: 'HE', ST: 'ST', S: 'SW', L: 'L', TO: 'TO', MI: 'MI',
};

/** True for `EXCHANGE:CODE` with a known exchange prefix and a code of that exchange's shape. */
export function isTicker(ticker: string): boolean {
  const match = /^([A-Z]{1,2}):(.+)$/.exec(ticker);
  const pattern = match ? TICKER_CODES[match[1]!] : undefined;
  return pattern !== undefined && pattern.test(match![2]!);
}

/**
 * Convert a Reuters instrument code to a ticker: `AAPL.O` → `US:AAPL`,
 * `1810.HK` → `HK:01810`, `600519.SS` → `SH:600519`, `ERICb.ST` → `ST:ERIC-B`.
 * Returns null for an unknown exchange suffix.
 */
export function ricToTicker(ric: string): string | null {
  const match = /^([A-Za-z0-9]+)\.([A-Z]{1,2})$/.exec(ric);
  const exchange = match ? RIC_EXCHANGES[match[2]!] : undefined;
  if (!match || exchange === undefined) return null;
  let code = match[1]!;
  const shareClass = /^([A-Z0-9]+)([a-z])$/.exec(code); // Reuters writes share classes in lower case
  if (shareClass) code = `${shareClass[1]}${exchange === 'US' ? '.' : '-'}${shareClass[2]!.toUpperCase()}`;
  if (exchange === 'HK' && /^\d{1,5}$/.test(code)) code = code.padStart(5, '0');
  return `${exchange}:${code}`;
}

// ───────────────────────────── loading ─────────────────────────────

/** The seven files of lexicons/entities, by role. */
export const ENTITY_FILES = {
  companies: 'companies.json',
  people: 'people.json',
  products: 'products.json',
  organizations: 'organizations.json',
  locations: 'locations.json',
  contextRules: 'context-rules.json',
  productGrammar: 'product-grammar.json',
} as const;
export type EntityFileRole = keyof typeof ENTITY_FILES;

const DEFAULT_DIR = fileURLToPath(new URL('../../lexicons/entities/', import.meta.url));

/**
 * Read and validate every file in `dir` (default: the project's
 * lexicons/entities). Throws one {@link LexiconError} listing every problem.
 */
export function loadEntityRegistry(dir: string = DEFAULT_DIR): EntityRegistry {
  const problems = new ProblemList();
  const sources: Partial<Record<EntityFileRole, unknown>> = {};
  for (const [role, file] of Object.entries(ENTITY_FILES) as [EntityFileRole, string][]) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      problems.add(file, null, null, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    try {
      sources[role] = JSON.parse(text) as unknown;
    } catch (error) {
      problems.add(file, null, null, `invalid JSON: ${(error as Error).message}`);
    }
  }
  return buildEntityRegistry(sources, { problems, label: dir });
}

/**
 * Validate already-parsed file contents and build the registry. A role that
 * is absent is reported as a missing file. Throws one {@link LexiconError}.
 */
export function buildEntityRegistry(
  sources: Partial<Record<EntityFileRole, unknown>>,
  options: { problems?: ProblemList; label?: string } = {},
): EntityRegistry {
  const problems = options.problems ?? new ProblemList();
  const read = <T>(role: EntityFileRole, parse: EntryParser<T>): T[] => readEntries(sources, role, parse, problems);
  const lexicon: Lexicon = {
    companies: read('companies', parseCompany),
    people: read('people', parsePerson),
    products: read('products', parseProduct),
    organizations: read('organizations', parseOrganization),
    locations: read('locations', parseLocation),
    contextRules: read('contextRules', parseContextRule),
    productGrammar: readGrammar(sources.productGrammar, problems),
  };
  const entities = collectEntities(lexicon, problems);
  checkReferences(lexicon, entities, problems);
  const byAlias = checkAliases(lexicon, entities, problems);
  checkContextRules(lexicon, entities, byAlias, problems);
  checkGrammar(lexicon, entities, problems);
  const tickers = checkTickers(lexicon.companies, problems);
  problems.throwIfAny(`Invalid entity lexicon (${options.label ?? 'lexicons/entities'})`);
  return deepFreeze({
    ...lexicon,
    byId: new Map([...entities.values()].map((e) => [e.id, e.entity])),
    byAlias: new Map([...byAlias].map(([key, claims]) => [key, claims.map((c) => c.target)])),
    byTicker: tickers.byTicker,
    byRic: tickers.byRic,
    contextRulesByAlias: groupBy(lexicon.contextRules, (rule) => aliasKey(rule.alias)),
  });
}

/** The targets of `text` (any case or width), or an empty list. */
export function lookupAlias(registry: EntityRegistry, text: string): readonly AliasTarget[] {
  return registry.byAlias.get(aliasKey(text)) ?? [];
}

interface Lexicon {
  readonly companies: CompanyEntry[];
  readonly people: PersonEntry[];
  readonly products: ProductEntry[];
  readonly organizations: OrganizationEntry[];
  readonly locations: LocationEntry[];
  readonly contextRules: ContextRule[];
  readonly productGrammar: ProductGrammar;
}

type Report = (field: string | null, message: string) => void;
type EntryParser<T> = (reader: FieldReader, report: Report) => T;

function readEntries<T>(sources: Partial<Record<EntityFileRole, unknown>>, role: EntityFileRole, parse: EntryParser<T>, problems: ProblemList): T[] {
  const file = ENTITY_FILES[role];
  const root = sources[role];
  if (root === undefined) {
    if (!problems.all.some((p) => p.file === file)) problems.add(file, null, null, 'missing file');
    return [];
  }
  if (!isRecord(root)) {
    problems.add(file, null, null, `expected an object with "note" and "entries", got ${describe(root)}`);
    return [];
  }
  const top = new FieldReader(root, (field, message) => problems.add(file, null, field, message));
  top.onlyKeys(['note', 'entries']);
  top.string('note');
  if (!Array.isArray(root.entries)) {
    problems.add(file, null, 'entries', `expected an array, got ${describe(root.entries)}`);
    return [];
  }
  return root.entries.map((raw: unknown, index) => {
    const label = isRecord(raw) && typeof raw.id === 'string' ? raw.id : role === 'contextRules' && isRecord(raw) ? `${String(raw.alias)}→${String(raw.entity)}` : `#${index}`;
    const report: Report = (field, message) => problems.add(file, label, field, message);
    if (!isRecord(raw)) {
      report(null, `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    return parse(new FieldReader(raw, report), report);
  }).filter((entry): entry is NonNullable<typeof entry> => entry !== undefined) as T[];
}

const BASE_KEYS = ['id', 'name', 'nameEn', 'aliases', 'note'];

function parseBase(r: FieldReader, report: Report): EntryBase {
  const id = r.string('id');
  if (id !== '' && !SLUG.test(id)) report('id', `${JSON.stringify(id)} is not a lowercase ASCII slug (letters, digits, single hyphens)`);
  const note = r.string('note', { optional: true });
  return { id, name: r.string('name'), nameEn: r.string('nameEn', { nullable: true }), aliases: parseAliases(r, report), ...(note !== undefined ? { note } : {}) };
}

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

function parseCompany(r: FieldReader, report: Report): CompanyEntry {
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

function parsePerson(r: FieldReader, report: Report): PersonEntry {
  r.onlyKeys([...BASE_KEYS, 'org', 'title']);
  return { ...parseBase(r, report), org: r.string('org'), title: r.string('title') };
}

function parseProduct(r: FieldReader, report: Report): ProductEntry {
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

function parseOrganization(r: FieldReader, report: Report): OrganizationEntry {
  r.onlyKeys([...BASE_KEYS, 'kind', 'country']);
  return { ...parseBase(r, report), kind: r.oneOf('kind', ORGANIZATION_KINDS), country: r.string('country', { nullable: true }) };
}

function parseLocation(r: FieldReader, report: Report): LocationEntry {
  r.onlyKeys([...BASE_KEYS, 'kind', 'parent']);
  return { ...parseBase(r, report), kind: r.oneOf('kind', LOCATION_KINDS), parent: r.string('parent', { nullable: true }) };
}

function parseContextRule(r: FieldReader, report: Report): ContextRule {
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

function readGrammar(root: unknown, problems: ProblemList): ProductGrammar {
  const file = ENTITY_FILES.productGrammar;
  const empty: ProductGrammar = { note: '', numberStops: [], suffixes: [], rules: [] };
  if (root === undefined) {
    if (!problems.all.some((p) => p.file === file)) problems.add(file, null, null, 'missing file');
    return empty;
  }
  if (!isRecord(root)) {
    problems.add(file, null, null, `expected an object, got ${describe(root)}`);
    return empty;
  }
  const top = new FieldReader(root, (field, message) => problems.add(file, null, field, message));
  top.onlyKeys(['note', 'numberStops', 'suffixes', 'rules']);
  const items = (key: 'suffixes' | 'rules', label: (raw: Record<string, unknown>, i: number) => string): { r: FieldReader; report: Report }[] => {
    const list = root[key];
    if (!Array.isArray(list)) {
      problems.add(file, null, key, `expected an array, got ${describe(list)}`);
      return [];
    }
    return list.flatMap((raw: unknown, i) => {
      const entry = isRecord(raw) ? label(raw, i) : `${key}[${i}]`;
      const report: Report = (field, message) => problems.add(file, entry, field, message);
      if (!isRecord(raw)) report(null, `expected an object, got ${describe(raw)}`);
      return isRecord(raw) ? [{ r: new FieldReader(raw, report), report }] : [];
    });
  };
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

// ───────────────────────────── cross-file checks ─────────────────────────────

interface Collected {
  readonly id: string;
  readonly file: string;
  readonly entity: RegistryEntity;
}

function collectEntities(lexicon: Lexicon, problems: ProblemList): Map<string, Collected> {
  const out = new Map<string, Collected>();
  const add = (file: string, entity: RegistryEntity): void => {
    if (entity.id === '') return;
    const earlier = out.get(entity.id);
    if (earlier) problems.add(file, entity.id, 'id', `duplicate id; already used by an entry in ${earlier.file}`);
    else out.set(entity.id, { id: entity.id, file, entity });
  };
  const common = (e: EntryBase, org: string | null) => ({ id: e.id, name: e.name, nameEn: e.nameEn, org });
  for (const e of lexicon.companies) add(ENTITY_FILES.companies, { ...common(e, e.parent ?? null), type: 'company', entry: e });
  for (const e of lexicon.people) add(ENTITY_FILES.people, { ...common(e, e.org), type: 'person', entry: e });
  for (const e of lexicon.products) add(ENTITY_FILES.products, { ...common(e, e.brand), type: 'product', entry: e });
  for (const e of lexicon.organizations) add(ENTITY_FILES.organizations, { ...common(e, null), type: 'organization', entry: e });
  for (const e of lexicon.locations) add(ENTITY_FILES.locations, { ...common(e, null), type: 'location', entry: e });
  return out;
}

function checkReferences(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): void {
  const expect = (file: string, entry: string, field: string, target: string | null | undefined, types: readonly EntityType[]): void => {
    if (target === null || target === undefined || target === '') return;
    const found = entities.get(target);
    if (!found) problems.add(file, entry, field, `${JSON.stringify(target)} is not the id of any entry (expected a ${types.join(' or ')} id)`);
    else if (!types.includes(found.entity.type)) problems.add(file, entry, field, `${JSON.stringify(target)} is a ${found.entity.type}, expected a ${types.join(' or ')}`);
  };
  const { companies, people, products, organizations, locations } = ENTITY_FILES;
  for (const c of lexicon.companies) {
    expect(companies, c.id, 'parent', c.parent, ['company']);
    expect(companies, c.id, 'country', c.country, ['location']);
  }
  for (const p of lexicon.people) expect(people, p.id, 'org', p.org, ['company', 'organization']);
  for (const p of lexicon.products) {
    expect(products, p.id, 'brand', p.brand, ['company']);
    expect(products, p.id, 'series', p.series, ['product']);
    const series = p.series ? entities.get(p.series)?.entity : undefined;
    if (series?.type === 'product' && !series.entry.isSeries) problems.add(products, p.id, 'series', `${p.series} is not a series entry (isSeries: true)`);
  }
  for (const o of lexicon.organizations) expect(organizations, o.id, 'country', o.country, ['location']);
  for (const l of lexicon.locations) expect(locations, l.id, 'parent', l.parent, ['location']);
  // A parent chain must end: 哈弗 → 长城汽车 → (none), never back to itself.
  const chains: [string, readonly { id: string; parent?: string | null }[]][] = [[companies, lexicon.companies], [locations, lexicon.locations]];
  for (const [file, list] of chains) {
    const parentOf = new Map(list.map((e) => [e.id, e.parent ?? null]));
    for (const e of list) {
      const seen = new Set([e.id]);
      for (let at = parentOf.get(e.id) ?? null; at !== null; at = parentOf.get(at) ?? null) {
        if (seen.has(at)) {
          problems.add(file, e.id, 'parent', `parent chain loops back (${[...seen, at].join(' → ')})`);
          break;
        }
        seen.add(at);
      }
    }
  }
}

interface AliasClaim {
  readonly target: AliasTarget;
  readonly file: string;
  readonly field: string;
}

/** Check names and aliases within and across entries; return the alias index. */
function checkAliases(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): Map<string, AliasClaim[]> {
  const index = new Map<string, AliasClaim[]>();
  for (const { id, file, entity } of entities.values()) {
    const entry = entity.entry;
    const own = new Map<string, { field: string; text: string; caseSensitive: boolean }[]>();
    const claim = (text: string, field: string, spec: Partial<AliasSpec>, isName: boolean): void => {
      const key = aliasKey(text);
      if (key === '') return;
      if (key.replace(/[\s\d\p{P}\p{S}]/gu, '').length === 0 && !isName) problems.add(file, id, field, `alias ${JSON.stringify(text)} has no letters; numbers and symbols alone are too ambiguous`);
      else if ([...key.replace(/\s/g, '')].length < 2) problems.add(file, id, field, `alias ${JSON.stringify(text)} is a single character; too ambiguous to match`);
      const listed = own.get(key) ?? [];
      const target: AliasTarget = { id, type: entity.type, text, ambiguous: spec.ambiguous ?? false, shared: spec.shared ?? false, caseSensitive: spec.caseSensitive ?? false };
      if (listed.length > 0 && !isName) {
        const flagsName = typeof spec.text === 'string' && listed.every((l) => l.field === 'name' || l.field === 'nameEn');
        const caseVariant = target.caseSensitive && listed.every((l) => l.caseSensitive && l.text !== text);
        if (flagsName) {
          // An alias object repeating the name flags the name itself: it replaces the name's claim.
          index.set(key, (index.get(key) ?? []).filter((c) => c.target.id !== id));
          listed.length = 0;
        } else if (!caseVariant) {
          problems.add(file, id, field, `alias ${JSON.stringify(text)} repeats ${listed[0]!.field} (${JSON.stringify(listed[0]!.text)}) once case and width are folded; list it once`);
          return;
        }
      }
      if (listed.length > 0 && isName) return; // nameEn equal to name (OPPO/OPPO)
      listed.push({ field, text, caseSensitive: target.caseSensitive });
      own.set(key, listed);
      const claims = index.get(key) ?? [];
      claims.push({ target, file, field });
      index.set(key, claims);
    };
    claim(entry.name, 'name', {}, true);
    if (entry.nameEn !== null) claim(entry.nameEn, 'nameEn', {}, true);
    entry.aliases.forEach((alias, i) => (typeof alias === 'string' ? claim(alias, `aliases[${i}]`, {}, false) : claim(alias.text, `aliases[${i}]`, alias, false)));
  }
  const ruled = new Set(lexicon.contextRules.map((r) => `${aliasKey(r.alias)}\u0000${r.entity}`));
  for (const [key, claims] of index) {
    const ids = [...new Set(claims.map((c) => c.target.id))];
    if (ids.length === 1) {
      for (const c of claims.filter((c) => c.target.shared)) problems.add(c.file, c.target.id, c.field, `alias ${JSON.stringify(c.target.text)} is marked shared but no other entity claims it`);
      continue;
    }
    if (claims.every((c) => c.target.shared)) continue;
    const unruled = ids.filter((id) => !ruled.has(`${key}\u0000${id}`));
    if (unruled.length <= 1) continue;
    const first = claims[0]!;
    const others = claims.slice(1).map((c) => `${c.target.id} (${c.file})`).join(', ');
    problems.add(first.file, first.target.id, first.field, `alias ${JSON.stringify(first.target.text)} is also claimed by ${others}; mark it {"shared": true} on every claimant, or add a context rule in ${ENTITY_FILES.contextRules} for all but one`);
  }
  return index;
}

function checkContextRules(lexicon: Lexicon, entities: Map<string, Collected>, index: Map<string, AliasClaim[]>, problems: ProblemList): void {
  const file = ENTITY_FILES.contextRules;
  const seen = new Set<string>();
  for (const rule of lexicon.contextRules) {
    const label = `${rule.alias}→${rule.entity}`;
    const claimedBy = (text: string): boolean => (index.get(aliasKey(text)) ?? []).some((c) => c.target.id === rule.entity);
    if (seen.has(label)) problems.add(file, label, null, 'duplicate rule for this alias and entity; merge them');
    seen.add(label);
    if (rule.entity === '' || rule.alias === '') continue;
    if (!entities.has(rule.entity)) {
      problems.add(file, label, 'entity', `${JSON.stringify(rule.entity)} is not the id of any entry`);
      continue;
    }
    if (!claimedBy(rule.alias)) problems.add(file, label, 'alias', `${JSON.stringify(rule.alias)} is not a name or alias of ${rule.entity}`);
    (rule.requireElsewhere ?? []).forEach((text, i) => {
      if (!claimedBy(text)) problems.add(file, label, `requireElsewhere[${i}]`, `${JSON.stringify(text)} is not a name or alias of ${rule.entity}`);
      else if (aliasKey(text) === aliasKey(rule.alias)) problems.add(file, label, `requireElsewhere[${i}]`, 'must name a different alias than the rule\'s own');
    });
    for (const expected of ['accept', 'reject'] as const) {
      rule.examples[expected].forEach((example, i) => {
        const field = `examples.${expected}[${i}]`;
        const verdict = evaluateExample(rule, example);
        if (verdict === null) problems.add(file, label, field, `${JSON.stringify(example)} does not contain ${JSON.stringify(rule.alias)} (mark the mention with [brackets] when it is not the first occurrence)`);
        else if (verdict !== (expected === 'accept')) problems.add(file, label, field, `the rule ${verdict ? 'accepts' : 'rejects'} ${JSON.stringify(example)}, but the example expects it to ${expected}`);
      });
    }
  }
}

/** Run a rule on one example; null when the example has no usable mention. */
function evaluateExample(rule: ContextRule, example: string): boolean | null {
  const open = example.indexOf('[');
  const close = example.indexOf(']', open + 1);
  const text = open >= 0 && close > open ? example.slice(0, open) + example.slice(open + 1, close) + example.slice(close + 1) : example;
  const key = normalizeKey(text);
  if (open >= 0 && close > open) {
    const start = open;
    const end = close - 1;
    return aliasKey(text.slice(start, end)) === aliasKey(rule.alias) ? contextRuleAccepts(rule, key, start, end) : null;
  }
  const found = formRegex(rule.alias, 'g').exec(key);
  return found ? contextRuleAccepts(rule, key, found.index, found.index + found[0].length) : null;
}

function checkGrammar(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): void {
  const file = ENTITY_FILES.productGrammar;
  const grammar = lexicon.productGrammar;
  const suffixIds = new Map<string, ModelSuffix>();
  const forms = new Map<string, string>();
  for (const s of grammar.suffixes) {
    const label = `suffix ${s.id}`;
    if (s.id !== '' && !SLUG.test(s.id)) problems.add(file, label, 'id', `${JSON.stringify(s.id)} is not a lowercase ASCII slug`);
    if (suffixIds.has(s.id)) problems.add(file, label, 'id', 'duplicate suffix id');
    suffixIds.set(s.id, s);
    s.forms.forEach((form, i) => {
      const compact = aliasKey(form).replace(/ /g, '');
      if (s.attached && !/^[a-z]$/.test(compact)) problems.add(file, label, `forms[${i}]`, 'an attached suffix must be a single Latin letter (written straight after the number, as in 12S)');
      const owner = forms.get(compact);
      if (owner !== undefined && owner !== s.id) problems.add(file, label, `forms[${i}]`, `${JSON.stringify(form)} is also a form of suffix ${owner}`);
      forms.set(compact, s.id);
    });
  }
  const ruleIds = new Set<string>();
  for (const rule of grammar.rules) {
    const label = `rule ${rule.id}`;
    if (rule.id !== '' && !SLUG.test(rule.id)) problems.add(file, label, 'id', `${JSON.stringify(rule.id)} is not a lowercase ASCII slug`);
    if (ruleIds.has(rule.id)) problems.add(file, label, 'id', 'duplicate rule id');
    ruleIds.add(rule.id);
    const brand = entities.get(rule.brand)?.entity;
    if (rule.brand !== '' && brand?.type !== 'company') problems.add(file, label, 'brand', `${JSON.stringify(rule.brand)} is not a company id`);
    if (rule.series !== null && rule.series !== '') {
      const series = entities.get(rule.series)?.entity;
      if (series?.type !== 'product' || !series.entry.isSeries) problems.add(file, label, 'series', `${JSON.stringify(rule.series)} is not a product series id (isSeries: true)`);
    }
    if (rule.number.min > rule.number.max) problems.add(file, label, 'number', `min ${rule.number.min} is greater than max ${rule.number.max}`);
    rule.suffixes.forEach((id, i) => {
      if (!suffixIds.has(id)) problems.add(file, label, `suffixes[${i}]`, `${JSON.stringify(id)} is not a suffix id`);
    });
    if (rule.template !== '' && (rule.template.split('{model}').length !== 2 || !SLUG.test(rule.template.replace('{model}', '1-x')))) {
      problems.add(file, label, 'template', `${JSON.stringify(rule.template)} must be a slug containing {model} once, e.g. "iphone-{model}"`);
    }
  }
  if (problems.all.some((p) => p.file === file)) return; // the consistency check below needs a sound grammar
  // Every listed model must get its own id from the grammar: 小米12 Pro → xiaomi-12-pro.
  for (const product of lexicon.products) {
    const rules = grammar.rules.filter((r) => r.brand === product.brand);
    if (rules.length === 0 || product.isSeries) continue;
    const texts = [product.name, product.nameEn, ...product.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    texts.forEach((text, i) => {
      const parsed = text === null ? null : parseModelName(grammar, text, rules);
      if (parsed && parsed.id !== product.id) {
        const field = i === 0 ? 'name' : i === 1 ? 'nameEn' : `aliases[${i - 2}]`;
        problems.add(ENTITY_FILES.products, product.id, field, `${JSON.stringify(text)} reads as ${parsed.id} under product-grammar rule ${parsed.rule}; rename the entry or fix the grammar`);
      }
    });
  }
}

function checkTickers(companies: readonly CompanyEntry[], problems: ProblemList): { byTicker: Map<string, string>; byRic: Map<string, string> } {
  const byTicker = new Map<string, string>();
  const byRic = new Map<string, string>();
  for (const c of companies) {
    for (const [list, map, field] of [[c.tickers, byTicker, 'tickers'], [c.rics ?? [], byRic, 'rics']] as const) {
      list.forEach((code, i) => {
        const owner = map.get(code);
        if (owner !== undefined && owner !== c.id) problems.add(ENTITY_FILES.companies, c.id, `${field}[${i}]`, `${code} is also listed by ${owner}`);
        else if (owner === c.id) problems.add(ENTITY_FILES.companies, c.id, `${field}[${i}]`, `${code} is listed twice`);
        else map.set(code, c.id);
      });
    }
  }
  return { byTicker, byRic };
}

// ───────────────────────────── context rules ─────────────────────────────

const FORM_CACHE = new Map<string, string>();

/** Regex source for a lexicon form on normalised text: a space matches any run of spaces, including none. */
function formSource(form: string): string {
  let source = FORM_CACHE.get(form);
  if (source === undefined) {
    source = aliasKey(form).split(' ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' *');
    FORM_CACHE.set(form, source);
  }
  return source;
}

function formRegex(form: string, flags: string): RegExp {
  return new RegExp(formSource(form), flags);
}

/**
 * Decide whether the mention `key.slice(start, end)` of `rule.alias` should be
 * linked to `rule.entity`. `key` is `normalizeKey(articleText)`, so offsets are
 * those of the article. Rejected when the text right after the mention starts
 * with a rejectIfFollowedBy entry or the text right before it ends with a
 * rejectIfPrecededBy entry; otherwise, when the rule has requirements, accepted
 * only if a requireNearby word lies within `window` characters on either side
 * or a requireElsewhere alias occurs anywhere else in the article.
 */
export function contextRuleAccepts(rule: ContextRule, key: string, start: number, end: number): boolean {
  const compiled = compileRule(rule);
  if (compiled.followed?.test(key.slice(end, end + 64))) return false;
  if (compiled.preceded?.test(key.slice(Math.max(0, start - 64), start))) return false;
  if (!compiled.nearby && !compiled.elsewhere) return true;
  const window = rule.requireNearby?.window ?? 0;
  if (compiled.nearby?.test(key.slice(Math.max(0, start - window), start)) || compiled.nearby?.test(key.slice(end, end + window))) return true;
  if (compiled.elsewhere) {
    const masked = key.slice(0, start) + '\u0000'.repeat(end - start) + key.slice(end);
    if (compiled.elsewhere.test(masked)) return true;
  }
  return false;
}

interface CompiledContextRule {
  readonly followed?: RegExp;
  readonly preceded?: RegExp;
  readonly nearby?: RegExp;
  readonly elsewhere?: RegExp;
}

const COMPILED_RULES = new WeakMap<ContextRule, CompiledContextRule>();

function compileRule(rule: ContextRule): CompiledContextRule {
  let compiled = COMPILED_RULES.get(rule);
  if (!compiled) {
    const alternatives = (forms: readonly string[] | undefined): string | undefined => (forms && forms.length > 0 ? `(?:${forms.map(formSource).join('|')})` : undefined);
    const followed = alternatives(rule.rejectIfFollowedBy);
    const preceded = alternatives(rule.rejectIfPrecededBy);
    const nearby = alternatives(rule.requireNearby?.words);
    const elsewhere = alternatives(rule.requireElsewhere);
    compiled = {
      ...(followed ? { followed: new RegExp(`^${followed}`) } : {}),
      ...(preceded ? { preceded: new RegExp(`${preceded}$`) } : {}),
      ...(nearby ? { nearby: new RegExp(nearby) } : {}),
      ...(elsewhere ? { elsewhere: new RegExp(elsewhere) } : {}),
    };
    COMPILED_RULES.set(rule, compiled);
  }
  return compiled;
}

// ───────────────────────────── model grammar ─────────────────────────────

/** A model name recognised by the grammar, with offsets into the scanned text. */
export interface ModelMatch {
  readonly id: string;
  readonly rule: string;
  readonly brand: string;
  readonly series: string | null;
  readonly start: number;
  readonly end: number;
  readonly number: string;
  readonly suffixes: readonly string[];
}

interface CompiledRule {
  readonly rule: ModelRule;
  readonly regex: RegExp;
  readonly suffixByForm: ReadonlyMap<string, string>;
}

const COMPILED = new WeakMap<ProductGrammar, readonly CompiledRule[]>();

function compileGrammar(grammar: ProductGrammar): readonly CompiledRule[] {
  let compiled = COMPILED.get(grammar);
  if (compiled) return compiled;
  const suffixes = new Map(grammar.suffixes.map((s) => [s.id, s]));
  const byLength = (a: string, b: string): number => b.length - a.length;
  compiled = grammar.rules.map((rule) => {
    const suffixByForm = new Map<string, string>();
    const attached: string[] = [];
    const spaced: string[] = [];
    for (const id of rule.suffixes) {
      const suffix = suffixes.get(id);
      for (const form of suffix?.forms ?? []) {
        suffixByForm.set(aliasKey(form).replace(/ /g, ''), id);
        (suffix?.attached ? attached : spaced).push(form);
      }
    }
    // A Latin word must not continue a longer word (xmate 40), nor may the model continue into one (12space).
    const words = [...rule.words].sort(byLength).map((w) => (/^[a-z0-9]/.test(aliasKey(w)) ? `(?<![a-z0-9])${formSource(w)}` : formSource(w)));
    const attachedPart = attached.length > 0 ? `(?:(${attached.sort(byLength).map(formSource).join('|')})(?![a-z0-9]))?` : '()';
    const spacedPart = spaced.length > 0 ? `(?: *(${spaced.sort(byLength).map(formSource).join('|')}))?` : '()';
    const regex = new RegExp(`(?:${words.join('|')}) *(\\d+)${attachedPart}${spacedPart}(?![a-z0-9])`, 'dy');
    return { rule, regex, suffixByForm };
  });
  COMPILED.set(grammar, compiled);
  return compiled;
}

/**
 * The longest model name starting at `pos` in `key` (a {@link normalizeKey}
 * of the text, so offsets are the text's), or null. Rules are tried in file
 * order; `rules` narrows the set (e.g. to one brand).
 */
export function matchModelAt(grammar: ProductGrammar, key: string, pos: number, rules?: readonly ModelRule[]): ModelMatch | null {
  let best: ModelMatch | null = null;
  for (const { rule, regex, suffixByForm } of compileGrammar(grammar)) {
    if (rules && !rules.includes(rule)) continue;
    regex.lastIndex = pos;
    const m = regex.exec(key);
    if (!m || !m.indices) continue;
    const digits = m[1]!;
    const value = Number(digits);
    if (value < rule.number.min || value > rule.number.max) continue;
    if (rule.number.digits !== undefined && digits.length !== rule.number.digits) continue;
    const afterNumber = m.indices[1]![1];
    // 小米12月, 荣耀100万, 小米1.5亿: a number followed by a unit or a decimal is a quantity.
    if (/^\.\d/.test(key.slice(afterNumber, afterNumber + 2)) || grammar.numberStops.some((stop) => key.startsWith(aliasKey(stop), afterNumber))) continue;
    const suffixes = [m[2], m[3]].filter((s): s is string => s !== undefined && s !== '').map((s) => suffixByForm.get(s.replace(/ /g, '')) ?? s);
    const attachedId = m[2] ? suffixes[0]! : '';
    const spacedId = m[3] ? suffixes[suffixes.length - 1]! : '';
    const model = `${digits}${attachedId}${spacedId ? `-${spacedId}` : ''}`;
    const end = pos + m[0].length;
    if (best === null || end > best.end) {
      best = { id: rule.template.replace('{model}', model), rule: rule.id, brand: rule.brand, series: rule.series, start: pos, end, number: digits, suffixes };
    }
  }
  return best;
}

/** Read a whole string as a model name (`iPhone 15 Pro Max` → iphone-15-pro-max), or null. */
export function parseModelName(grammar: ProductGrammar, text: string, rules?: readonly ModelRule[]): ModelMatch | null {
  const key = normalizeKey(text.trim());
  const match = matchModelAt(grammar, key, 0, rules);
  return match && match.end === key.length ? match : null;
}

// ───────────────────────────── helpers ─────────────────────────────

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
}

/** Freeze a registry, including its maps' values, so no stage can edit shared lexicon data. */
function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    const map = value as Map<unknown, unknown>;
    const readOnly = (): never => {
      throw new TypeError('the entity registry is read-only');
    };
    map.set = readOnly;
    map.delete = readOnly;
    map.clear = readOnly;
    return Object.freeze(value);
  }
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

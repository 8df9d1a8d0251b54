/**
 * The entity loader: reads the seven files, parses each, runs the checks
 * across files, and returns the registry frozen with its lookup maps. It
 * throws one {@link LexiconError} listing every problem before any article is
 * read.
 */
import { join } from 'node:path';
import { readJsonFile } from '../read-json.ts';
import { ProblemList, type LexiconError } from '../validate.ts';
import { aliasKey } from './keys.ts';
import { parseCompany, parseContextRule, parseLocation, parseOrganization, parsePerson, parseProduct, readEntries, type EntryParser } from './parse-entries.ts';
import { readGrammar } from './parse-grammar.ts';
import { ENTITY_FILES, type AliasTarget, type EntityFileRole, type EntityRegistry, type Lexicon } from './types.ts';
import { checkAliases } from './validate-aliases.ts';
import { checkContextRules } from './validate-context-rules.ts';
import { checkGrammar } from './validate-grammar.ts';
import { checkReferences, checkTickers, collectEntities } from './validate-references.ts';
import { projectPath } from '../../paths.ts';

const DEFAULT_DIR = projectPath('lexicons', 'entities');

/**
 * Read and validate every file in `dir` (default: the project's
 * lexicons/entities). Throws one {@link LexiconError} listing every problem.
 */
export function loadEntityRegistry(dir: string = DEFAULT_DIR): EntityRegistry {
  const problems = new ProblemList();
  const sources: Partial<Record<EntityFileRole, unknown>> = {};
  for (const [role, file] of Object.entries(ENTITY_FILES) as [EntityFileRole, string][]) {
    const read = readJsonFile(join(dir, file));
    if (read.ok) sources[role] = read.data;
    else if (read.failure === 'unreadable') problems.add(file, null, null, `cannot read the file (${(read.error as NodeJS.ErrnoException).code ?? String(read.error)})`);
    else problems.add(file, null, null, `invalid JSON: ${(read.error as Error).message}`);
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

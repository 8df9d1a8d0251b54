/**
 * The bilingual entity registry: schema of lexicons/entities/*.json, a loader
 * that validates every file strictly and throws one error listing every
 * problem, lookup maps on normalised keys, and two small reference evaluators
 * the entity stage can reuse — context rules for ambiguous aliases and the
 * model-name grammar for unlisted product models.
 *
 * The data format is documented in lexicons/README.md. The code lives in
 * ./entities/ — types, keys, tickers, parsing, the cross-file checks
 * (validate-*.ts), the two evaluators and the loader; this module is its
 * public face, so importers do not depend on that layout.
 */
export { LexiconError, type LexiconProblem } from './validate.ts';
export {
  COMPANY_ROLES, ENTITY_FILES, LOCATION_KINDS, ORGANIZATION_KINDS, PRODUCT_CATEGORIES, SECTORS,
  type Alias, type AliasSpec, type AliasTarget, type CompanyEntry, type CompanyRole, type ContextRule, type EntityFileRole,
  type EntityRegistry, type EntityType, type LocationEntry, type LocationKind, type ModelRule, type ModelSuffix,
  type OrganizationEntry, type OrganizationKind, type PersonEntry, type ProductCategory, type ProductEntry, type ProductGrammar,
  type RegistryEntity, type Sector,
} from './entities/types.ts';
export { aliasKey, normalizeKey } from './entities/keys.ts';
export { isTicker, ricToTicker } from './entities/tickers.ts';
export { buildEntityRegistry, loadEntityRegistry, lookupAlias } from './entities/load.ts';
export { contextRuleAccepts } from './entities/context-rules.ts';
export { matchModelAt, parseModelName, type ModelMatch } from './entities/model-grammar.ts';

/**
 * The schema of lexicons/entities/*.json (documented in lexicons/README.md):
 * the seven files, the five kinds of entry and their labels, aliases, context
 * rules, the product-name grammar, and the frozen registry built from them.
 */

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

/** The fields every kind of entry has. */
export interface EntryBase {
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

/** The fields every registry entity has, whatever its type. */
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

/** The parsed contents of the seven files, before the cross-file checks. */
export interface Lexicon {
  readonly companies: CompanyEntry[];
  readonly people: PersonEntry[];
  readonly products: ProductEntry[];
  readonly organizations: OrganizationEntry[];
  readonly locations: LocationEntry[];
  readonly contextRules: ContextRule[];
  readonly productGrammar: ProductGrammar;
}

/**
 * The schema of the cue lexicons under lexicons/claims and lexicons/quotes
 * (one interface per list), and the lookup structures the claim builder and
 * the quote finder receive: term indexes and compiled templates.
 */
import type { TermIndex } from './term-index.ts';

/** Languages a lexicon entry can be written for. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Claim kinds (CONTRACT.md `Claim.kind`). */
export const METRIC_KINDS = ['investment', 'financial', 'volume', 'growth', 'share', 'ranking', 'price', 'other'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
/** Whether a rise in a metric is good news for the company. */
export const METRIC_DIRECTIONS = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
/** Claim statuses (CONTRACT.md `Claim.status`). */
export const CLAIM_STATUSES = ['target', 'reported'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** How a ranking word fixes the rank: exactly, as a ceiling, or against a rival. */
export const RANK_QUALIFIERS = ['exact', 'at_most', 'relative'] as const;
export type RankQualifier = (typeof RANK_QUALIFIERS)[number];
/** What a scope limits a claim to: a geography, a tier or camp, a sales channel. */
export const SCOPE_TYPES = ['region', 'segment', 'channel'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
/** Claim qualifiers a price band can carry (CONTRACT.md `Claim.qualifier`). */
export const BAND_QUALIFIERS = ['exact', 'about', 'at_least', 'at_most', 'range'] as const;
export type BandQualifier = (typeof BAND_QUALIFIERS)[number];
/** What a change rate is measured against. */
export const GROWTH_BASES = ['year-on-year', 'quarter-on-quarter', 'month-on-month', 'sequential'] as const;
export type GrowthBase = (typeof GROWTH_BASES)[number];
/** The speech act a speech verb performs. */
export const SPEECH_ACTS = ['state', 'claim', 'stress', 'reveal', 'admit', 'announce', 'respond', 'write', 'believe', 'introduce', 'predict', 'ask', 'deny'] as const;
export type SpeechAct = (typeof SPEECH_ACTS)[number];
/** What a back-reference can stand for. */
export const REFERENTS = ['person', 'organization', 'any'] as const;
export type Referent = (typeof REFERENTS)[number];
/** pronoun (他), role (a bare title: 董事长表示) or address ({surname}总). */
export const PRONOUN_KINDS = ['pronoun', 'role', 'address'] as const;
export type PronounKind = (typeof PRONOUN_KINDS)[number];
/** How reliable a cue is: 1 weak (needs support nearby), 2 usual, 3 unambiguous. */
export type Strength = 1 | 2 | 3;

/** Fields every word-list entry may carry. */
export interface TermEntry {
  term: string;
  lang: Lang;
  note?: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
}
/** Fields every template entry may carry. */
export interface TemplateEntry {
  pattern: string;
  lang: Lang;
  note?: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
}
/** claims/metrics.json `entries`. */
export interface MetricEntry extends TermEntry { canonical: string; kind: MetricKind; direction: MetricDirection }
/** claims/modality.json `entries`. */
export interface ModalityEntry extends TermEntry { status: ClaimStatus; strength: Strength }
/** A time-to-target phrase: {n} years, or until {year}. */
export interface HorizonEntry extends TemplateEntry { horizon: 'years' | 'until-year' }
/** claims/sources.json `entries`. */
export interface SourceEntry extends TemplateEntry { status: ClaimStatus }
/** claims/rankings.json `entries`. */
export interface RankingEntry extends TermEntry { rank: number | null; qualifier: RankQualifier; cueOnly?: true }
/** A ranking phrase whose rank is the {n} slot. */
export interface RankingPatternEntry extends TemplateEntry { qualifier: 'exact' | 'at_most' }
/** claims/scopes.json `entries`. */
export interface ScopeEntry extends TermEntry { canonical: string; type: ScopeType }
/** claims/scopes.json `priceBands`. */
export interface PriceBandEntry extends TemplateEntry { qualifier: BandQualifier; currency: string }
/** claims/growth.json `entries`. */
export interface GrowthEntry extends TermEntry { sign: 1 | -1; impliedValue?: number }
/** claims/growth.json `bases`. */
export interface GrowthBaseEntry extends TermEntry { base: GrowthBase }
/** A vague magnitude (两位数) read as a range of percentages. */
export interface MagnitudeEntry extends TermEntry { min: number; max: number }
/** quotes/speech-verbs.json `entries`. */
export interface SpeechVerbEntry extends TermEntry { act: SpeechAct; strength: Strength }
/** quotes/document-intros.json `entries`. */
export interface DocumentIntroEntry extends TemplateEntry { kind: 'document'; authorSlot: boolean; strength: Strength }
/** quotes/document-intros.json `documentNouns`. */
export type DocumentNounEntry = TermEntry;
/** quotes/pronouns.json `entries`. */
export interface PronounEntry extends TermEntry { refersTo: Referent; kind: PronounKind; gender?: 'm' | 'f' }
/** quotes/titles.json `entries`. */
export type TitleEntry = TermEntry;

/** Slot names a template may use; each list allows a subset. */
export const SLOT_NAMES = ['source', 'author', 'any', 'gap', 'doc', 'n', 'm', 'year', 'surname'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** A template compiled to a RegExp (flags `dg`) whose named groups are its slots. */
export interface CompiledTemplate<E> {
  entry: E;
  pattern: string;
  regex: RegExp;
  slots: SlotName[];
  /** Characters of literal text; more literal text means a more specific template. */
  literalLength: number;
}
/** What a slot captured, with offsets into the searched text (spaces trimmed). */
export interface SlotMatch { text: string; start: number; end: number }
/** One template match. */
export interface TemplateMatch<E> {
  entry: E;
  pattern: string;
  text: string;
  start: number;
  end: number;
  slots: Partial<Record<SlotName, SlotMatch>>;
}
/** One term match. */
export interface TermMatch<E> { entry: E; text: string; start: number; end: number }

/** Everything the claim builder and the quote finder read, ready for lookup. */
export interface CueLexicons {
  metrics: TermIndex<MetricEntry>;
  modality: TermIndex<ModalityEntry>;
  horizons: CompiledTemplate<HorizonEntry>[];
  sources: CompiledTemplate<SourceEntry>[];
  rankings: TermIndex<RankingEntry>;
  rankingPatterns: CompiledTemplate<RankingPatternEntry>[];
  scopes: TermIndex<ScopeEntry>;
  priceBands: CompiledTemplate<PriceBandEntry>[];
  growth: TermIndex<GrowthEntry>;
  growthBases: TermIndex<GrowthBaseEntry>;
  magnitudes: TermIndex<MagnitudeEntry>;
  speechVerbs: TermIndex<SpeechVerbEntry>;
  /** Speech verbs written with “…” (对…表示), compiled with a {gap} slot. */
  discontinuousSpeechVerbs: CompiledTemplate<SpeechVerbEntry>[];
  documentIntros: CompiledTemplate<DocumentIntroEntry>[];
  documentNouns: TermIndex<DocumentNounEntry>;
  pronouns: TermIndex<PronounEntry>;
  /** Pronoun entries of kind `address` ({surname}总), compiled. */
  addressForms: CompiledTemplate<PronounEntry>[];
  titles: TermIndex<TitleEntry>;
}

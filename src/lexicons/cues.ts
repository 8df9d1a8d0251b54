/**
 * Cue lexicons for the claim builder and the quote finder: the types of the
 * JSON files under lexicons/claims and lexicons/quotes, a loader that validates
 * them strictly (one error listing every problem), and the lookup structures
 * the stages use: term indexes (longest term first) and compiled templates.
 *
 * The code lives in ./cues/ — types, the term index (matching conventions),
 * templates (syntax and compilation), template matching, the schema and file
 * specs, the loader. This module is its public face, so importers do not
 * depend on that layout.
 */
export {
  BAND_QUALIFIERS, CLAIM_STATUSES, GROWTH_BASES, LANGS, METRIC_DIRECTIONS, METRIC_KINDS, PRONOUN_KINDS, RANK_QUALIFIERS,
  REFERENTS, SCOPE_TYPES, SLOT_NAMES, SPEECH_ACTS,
  type BandQualifier, type ClaimStatus, type CompiledTemplate, type CueLexicons, type DocumentIntroEntry, type DocumentNounEntry,
  type GrowthBase, type GrowthBaseEntry, type GrowthEntry, type HorizonEntry, type Lang, type MagnitudeEntry, type MetricDirection,
  type MetricEntry, type MetricKind, type ModalityEntry, type PriceBandEntry, type PronounEntry, type PronounKind, type RankQualifier,
  type RankingEntry, type RankingPatternEntry, type Referent, type ScopeEntry, type ScopeType, type SlotMatch, type SlotName,
  type SourceEntry, type SpeechAct, type SpeechVerbEntry, type Strength, type TemplateEntry, type TemplateMatch, type TermEntry,
  type TermMatch, type TitleEntry,
} from './cues/types.ts';
export { TermIndex } from './cues/term-index.ts';
export { ZH_SLOT_MAX } from './cues/templates.ts';
export { matchTemplates } from './cues/template-match.ts';
export { CUE_LEXICON_FILES } from './cues/files.ts';
export { CueLexiconError, loadCueLexicons } from './cues/load.ts';

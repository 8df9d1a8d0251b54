/**
 * Sentiment lexicons: the types of the six JSON files under lexicons/sentiment,
 * a loader that validates them strictly (one error listing every problem, with
 * file and entry), and a longest-match index over all their terms.
 *
 * The code lives in ./sentiment/ (types, schema, file checks, matching, the
 * loader); this module is its public face, so importers do not depend on that
 * layout.
 */
export {
  CONTRAST_TYPES, DIRECTIONS, DOMAINS, HEDGE_TYPES, MOVEMENTS, PARTS_OF_SPEECH, SENTIMENT_FILES,
  type ContrastEntry, type ContrastType, type DegreeEntry, type Guards, type HedgeEntry, type HedgeType,
  type LexiconMatch, type LexiconProblem, type LexiconRole, type LexiconRoles, type MetricDirection, type MetricEntry,
  type Movement, type MovementEntry, type NegatorEntry, type PartOfSpeech, type PolarityEntry, type SentimentDomain,
  type SentimentFile, type SentimentLexicon,
} from './sentiment/types.ts';
export { SentimentLexiconError, loadSentimentLexicon } from './sentiment/load.ts';

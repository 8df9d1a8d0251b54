/**
 * The schema of the six JSON files under lexicons/sentiment, and the shape of
 * the validated lexicon the sentiment stage reads.
 *
 * How the sentiment stage is meant to apply them (each file's `note` says the same):
 * - polarity: a term's `weight` in [-3, 3] is its default contribution;
 * - negators: flip a polarity term that starts within `scope` characters after
 *   the negator, never past a clause break (`clauseBreaks`); an even count cancels;
 * - degree: multiply the next polarity term (or metric movement) in the clause;
 * - contrast: adversative markers weight the text before / after them by
 *   `beforeWeight` / `afterWeight`; a concessive marker's conceded clause gets
 *   `beforeWeight` and the rest of the sentence `afterWeight`;
 * - hedges: multiply the magnitude (confidence) of the clause (type `hedge`) or
 *   sentence (type `question`) by `confidenceMultiplier`, never flipping it;
 * - metric-direction: a metric followed by a movement word in the same clause
 *   scores sign(movement) × sign(direction) × intensity instead of the default
 *   weights (亏损收窄 → positive, 成本上升 → negative).
 */
import type { TermTrie } from '../term-match.ts';

/** The six files of lexicons/sentiment, all required. */
export const SENTIMENT_FILES = ['polarity.json', 'negators.json', 'degree.json', 'contrast.json', 'hedges.json', 'metric-direction.json'] as const;
export type SentimentFile = (typeof SENTIMENT_FILES)[number];
/** general: everyday evaluative words; finance: markets, earnings, credit, macro; strategy: competition, products, people, law. */
export const DOMAINS = ['general', 'finance', 'strategy'] as const;
export type SentimentDomain = (typeof DOMAINS)[number];
/** a adjective, v verb, n noun, i four-character idiom or set phrase; optional, given only where sure. */
export const PARTS_OF_SPEECH = ['a', 'v', 'n', 'i'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
/** adversative markers (但, 却) turn at themselves; concessive ones (虽然) at the end of the clause they open. */
export const CONTRAST_TYPES = ['adversative', 'concessive'] as const;
export type ContrastType = (typeof CONTRAST_TYPES)[number];
/** A hedge covers its clause, a question cue its whole sentence. */
export const HEDGE_TYPES = ['hedge', 'question'] as const;
export type HedgeType = (typeof HEDGE_TYPES)[number];
/** Which way of a metric is good news; context-dependent metrics (价格, 利率) stay neutral. */
export const DIRECTIONS = ['higher-is-better', 'lower-is-better', 'context-dependent'] as const;
export type MetricDirection = (typeof DIRECTIONS)[number];
export const MOVEMENTS = ['up', 'down'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Context strings that veto a match when they touch it. */
export interface Guards {
  notFollowedBy?: string[];
  notPrecededBy?: string[];
}
/** A polarity term; `weight` in [-3, 3], non-zero, whole or half. */
export interface PolarityEntry extends Guards { term: string; weight: number; pos?: PartOfSpeech; domain: SentimentDomain; note?: string }
/** A negator; `scope`: characters after its end that it reaches, within its clause. */
export interface NegatorEntry extends Guards { term: string; scope: number; note?: string }
/** A degree adverb; `multiplier` in (0, 3], above 1 intensifies. */
export interface DegreeEntry extends Guards { term: string; multiplier: number; note?: string }
/** A contrast marker; weights in (0, 3] for the conceded (before) and asserted (after) parts. */
export interface ContrastEntry extends Guards { term: string; type: ContrastType; afterWeight: number; beforeWeight: number; note: string }
/** A hedge or question cue; `confidenceMultiplier` in (0, 1). */
export interface HedgeEntry extends Guards { term: string; type: HedgeType; confidenceMultiplier: number; note?: string }
/** A metric and which way of it is good news. */
export interface MetricEntry { metric: string; direction: MetricDirection; note?: string }
/** A movement word; `intensity` (default 1) scales a metric movement like a degree adverb. */
export interface MovementEntry extends Guards { term: string; movement: Movement; intensity?: number; note?: string }

/** The roles a lexicon string can play; a string may be a polarity term, a metric and a movement at once. */
export interface LexiconRoles {
  polarity?: PolarityEntry;
  negator?: NegatorEntry;
  degree?: DegreeEntry;
  contrast?: ContrastEntry;
  hedge?: HedgeEntry;
  metric?: MetricEntry;
  movement?: MovementEntry;
}
export type LexiconRole = keyof LexiconRoles;
/** A lexicon string found in a text: half-open UTF-16 range, with the roles whose guards allowed it. */
export interface LexiconMatch extends LexiconRoles { term: string; start: number; end: number }

/** The validated lexicon, ready for a left-to-right longest-match scan. */
export interface SentimentLexicon {
  dir: string;
  polarity: ReadonlyMap<string, PolarityEntry>;
  negators: ReadonlyMap<string, NegatorEntry>;
  degree: ReadonlyMap<string, DegreeEntry>;
  contrast: ReadonlyMap<string, ContrastEntry>;
  hedges: ReadonlyMap<string, HedgeEntry>;
  metrics: ReadonlyMap<string, MetricEntry>;
  movements: ReadonlyMap<string, MovementEntry>;
  /** Characters that end a clause: negator scope and hedges stop there. */
  clauseBreaks: ReadonlySet<string>;
  /** Every lexicon string in a character trie (ASCII case folded), longest first at each position. */
  index: TermTrie<LexiconRoles & { term: string }>;
  /** The longest string matching at `i` with at least one role whose guards allow it, else null. */
  matchAt(text: string, i: number): LexiconMatch | null;
  /** Every string matching at `i` with its allowed roles, longest first (for callers that back off). */
  matchesAt(text: string, i: number): LexiconMatch[];
  /** Greedy left-to-right scan: at each position the longest match, then continue after it. */
  scan(text: string): LexiconMatch[];
}

/** One thing wrong with the lexicon files. */
export interface LexiconProblem { file: SentimentFile; entry?: string; message: string }

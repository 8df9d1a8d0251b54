/**
 * The sentiment loader: reads the six files, checks them and the way their
 * strings overlap, and throws one error listing every problem before any
 * article is scored.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { bulletList, countProblems } from '../validate.ts';
import { Problems, checkEntries, readLexiconFile } from './check-files.ts';
import { buildMatcher, setRole, type IndexedRecord } from './match.ts';
import { CONTRAST, DEGREE, HEDGE, METRIC, MOVEMENT, NEGATOR, POLARITY, type EntrySpec } from './schema.ts';
import {
  SENTIMENT_FILES,
  type ContrastEntry, type DegreeEntry, type HedgeEntry, type LexiconProblem, type LexiconRole, type LexiconRoles,
  type MetricEntry, type MovementEntry, type NegatorEntry, type PolarityEntry, type SentimentFile, type SentimentLexicon,
} from './types.ts';
import { PROJECT_ROOT } from '../../paths.ts';

const DEFAULT_DIR = join(PROJECT_ROOT, 'lexicons', 'sentiment');

/** Thrown once by {@link loadSentimentLexicon} with every problem found, each naming file and entry. */
export class SentimentLexiconError extends Error {
  readonly problems: readonly LexiconProblem[];
  constructor(dir: string, problems: readonly LexiconProblem[]) {
    const lines = problems.map((p) => `${p.file}${p.entry ? ` ${p.entry}` : ''}: ${p.message}`);
    super(`Invalid sentiment lexicon in ${dir} (${countProblems(problems.length)}):\n${bulletList(lines)}`);
    this.name = 'SentimentLexiconError';
    this.problems = problems;
  }
}

/**
 * Roles that must not share a string (a word is a polarity term or a negator, never both).
 * Metrics and movement words may also be polarity terms: 亏损 is both, 增长 too.
 */
const EXCLUSIVE_ROLES: readonly LexiconRole[] = ['polarity', 'negator', 'degree', 'contrast', 'hedge'];

/**
 * Reads and validates the six sentiment lexicon files from `dir` (absolute, or
 * relative to the project root; default lexicons/sentiment) and returns the
 * lookup structures. Throws one {@link SentimentLexiconError} listing every problem.
 */
export function loadSentimentLexicon(dir?: string): SentimentLexicon {
  const root = dir === undefined ? DEFAULT_DIR : isAbsolute(dir) ? dir : resolve(PROJECT_ROOT, dir);
  const problems = new Problems();
  const data = Object.fromEntries(SENTIMENT_FILES.map((f) => [f, readLexiconFile(root, f, problems)])) as Record<SentimentFile, Record<string, unknown> | undefined>;
  const entries = <E>(file: SentimentFile, spec: EntrySpec, list = 'entries'): Map<string, E> =>
    data[file] ? checkEntries<E>(file, list, data[file]![list], spec, problems) : new Map<string, E>();

  const polarity = entries<PolarityEntry>('polarity.json', POLARITY);
  const negators = entries<NegatorEntry>('negators.json', NEGATOR);
  const degree = entries<DegreeEntry>('degree.json', DEGREE);
  const contrast = entries<ContrastEntry>('contrast.json', CONTRAST);
  const hedges = entries<HedgeEntry>('hedges.json', HEDGE);
  const metrics = entries<MetricEntry>('metric-direction.json', METRIC);
  const movements = entries<MovementEntry>('metric-direction.json', MOVEMENT, 'movements');

  // One record per string, gathering its roles; a string claimed by two exclusive roles is a problem.
  const records = new Map<string, IndexedRecord>();
  const owner = new Map<string, SentimentFile>();
  const roleLists: [LexiconRole, SentimentFile, ReadonlyMap<string, object>][] = [
    ['polarity', 'polarity.json', polarity],
    ['negator', 'negators.json', negators],
    ['degree', 'degree.json', degree],
    ['contrast', 'contrast.json', contrast],
    ['hedge', 'hedges.json', hedges],
    ['metric', 'metric-direction.json', metrics],
    ['movement', 'metric-direction.json', movements],
  ];
  for (const [role, file, map] of roleLists) {
    const exclusive = EXCLUSIVE_ROLES.includes(role);
    for (const [term, entry] of map) {
      const first = owner.get(term);
      if (exclusive && first) {
        problems.add(file, `also listed in ${first}: a string may be only one of polarity term, negator, degree adverb, contrast marker or hedge`, `“${term}”`);
      } else if (!exclusive && first && first !== 'polarity.json') {
        problems.add(file, `${role} is also listed in ${first}`, `“${term}”`);
      } else if (role === 'movement' && metrics.has(term)) {
        problems.add(file, 'is both a metric and a movement word', `“${term}”`);
      }
      if (exclusive && !first) owner.set(term, file);
      const record = records.get(term) ?? { term };
      setRole(record, role, entry as LexiconRoles[LexiconRole]);
      records.set(term, record);
    }
  }

  if (problems.list.length) throw new SentimentLexiconError(root, problems.list);

  const clauseBreaks = new Set((data['negators.json']?.clauseBreaks as string[] | undefined) ?? []);
  return { dir: root, polarity, negators, degree, contrast, hedges, metrics, movements, clauseBreaks, ...buildMatcher(records) };
}

/**
 * The cue loader: reads every file of the schema, checks it, compiles its
 * templates, and returns the term indexes and template lists the claim
 * builder and the quote finder use. It fails once, listing every problem,
 * each naming file and entry.
 */
import { join } from 'node:path';
import { jsonFailureMessage, readJsonFile } from '../read-json.ts';
import { bulletList, countProblems, isRecord } from '../validate.ts';
import { FILES } from './files.ts';
import { checkList, type Raw } from './schema.ts';
import { bySpecificity } from './templates.ts';
import { TermIndex } from './term-index.ts';
import type {
  CompiledTemplate, CueLexicons, DocumentIntroEntry, DocumentNounEntry, GrowthBaseEntry, GrowthEntry, HorizonEntry, Lang,
  MagnitudeEntry, MetricEntry, ModalityEntry, PriceBandEntry, PronounEntry, RankingEntry, RankingPatternEntry, ScopeEntry,
  SourceEntry, SpeechVerbEntry, TermEntry, TitleEntry,
} from './types.ts';
import { projectPath } from '../../paths.ts';

const DEFAULT_DIR = projectPath('lexicons');

/** Thrown once by {@link loadCueLexicons} with every problem found, each naming file and entry. */
export class CueLexiconError extends Error {
  readonly problems: readonly string[];
  constructor(dir: string, problems: readonly string[]) {
    super(`Invalid cue lexicons in ${dir} (${countProblems(problems.length)}):\n${bulletList(problems)}`);
    this.name = 'CueLexiconError';
    this.problems = problems;
  }
}

/**
 * Reads and validates every cue lexicon under `dir` (default: the project's
 * lexicons/ folder) and returns them compiled. Throws one {@link CueLexiconError}
 * listing every problem, so a broken lexicon stops the run before any article.
 */
export function loadCueLexicons(dir: string = DEFAULT_DIR): CueLexicons {
  const problems: string[] = [];
  const lists = new Map<string, Raw[]>();
  const templates = new Map<string, CompiledTemplate<Raw>[]>();
  const nouns: Record<Lang, string[]> = { zh: [], en: [] };
  for (const file of FILES) {
    const read = readJsonFile(join(dir, file.path));
    if (!read.ok) { problems.push(`${file.path}: ${jsonFailureMessage(read)}`); continue; }
    if (!isRecord(read.data)) { problems.push(`${file.path}: must be a JSON object`); continue; }
    const top = read.data;
    const keys = ['note', ...file.lists.map((l) => l.key)];
    for (const key of Object.keys(top)) if (!keys.includes(key)) problems.push(`${file.path}: unknown top-level field "${key}"`);
    if (typeof top.note !== 'string' || top.note.trim() === '') problems.push(`${file.path}: "note" must say what the file is and where it comes from`);
    const found: Record<string, Raw[]> = {};
    const all: Record<string, Raw[]> = {};
    for (const spec of file.lists) {
      const result = checkList(file.path, spec, top[spec.key], nouns, problems);
      found[spec.key] = result.valid;
      all[spec.key] = Array.isArray(top[spec.key]) ? (top[spec.key] as unknown[]).filter(isRecord) : [];
      lists.set(`${file.path}#${spec.key}`, result.valid);
      templates.set(`${file.path}#${spec.key}`, result.templates.sort(bySpecificity));
      // The spec lists documentNouns before the intros, so {doc} templates compile against them.
      if (spec.key === 'documentNouns') for (const e of result.valid) nouns[e.lang as Lang].push(e.term as string);
    }
    file.check?.(found, all, (msg) => problems.push(`${file.path}: ${msg}`));
  }
  if (problems.length > 0) throw new CueLexiconError(dir, problems);

  const terms = <E extends TermEntry>(path: string, key = 'entries', keep: (e: E) => boolean = () => true) =>
    new TermIndex((lists.get(`${path}#${key}`) as unknown as E[]).filter(keep));
  const compiled = <E>(path: string, key = 'entries') => templates.get(`${path}#${key}`) as unknown as CompiledTemplate<E>[];
  return {
    metrics: terms<MetricEntry>('claims/metrics.json'),
    modality: terms<ModalityEntry>('claims/modality.json'),
    horizons: compiled<HorizonEntry>('claims/modality.json', 'horizons'),
    sources: compiled<SourceEntry>('claims/sources.json'),
    rankings: terms<RankingEntry>('claims/rankings.json'),
    rankingPatterns: compiled<RankingPatternEntry>('claims/rankings.json', 'patterns'),
    scopes: terms<ScopeEntry>('claims/scopes.json'),
    priceBands: compiled<PriceBandEntry>('claims/scopes.json', 'priceBands'),
    growth: terms<GrowthEntry>('claims/growth.json'),
    growthBases: terms<GrowthBaseEntry>('claims/growth.json', 'bases'),
    magnitudes: terms<MagnitudeEntry>('claims/growth.json', 'magnitudes'),
    speechVerbs: terms<SpeechVerbEntry>('quotes/speech-verbs.json', 'entries', (e) => !e.term.includes('…')),
    discontinuousSpeechVerbs: compiled<SpeechVerbEntry>('quotes/speech-verbs.json'),
    documentIntros: compiled<DocumentIntroEntry>('quotes/document-intros.json'),
    documentNouns: terms<DocumentNounEntry>('quotes/document-intros.json', 'documentNouns'),
    pronouns: terms<PronounEntry>('quotes/pronouns.json', 'entries', (e) => e.kind !== 'address'),
    addressForms: compiled<PronounEntry>('quotes/pronouns.json'),
    titles: terms<TitleEntry>('quotes/titles.json'),
  };
}

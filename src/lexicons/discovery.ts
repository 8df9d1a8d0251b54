import { jsonFailureMessage, readJsonFile } from './read-json.ts';
import { projectPath } from '../paths.ts';

/** Cues for discovering names the registry lacks (lexicons/discovery/names.json). */
export interface DiscoveryLexicon {
  companySuffixes: string[];
  organizationSuffixes: string[];
  namePartStopWords: string[];
  businessUnitSuffixes: string[];
  listMinimumShare: number;
  englishTitleWords: string[];
  englishGenericWords: string[];
  englishCorporateSuffixes: string[];
  /** last words of an English organisation's name (Holdings, Securities, University): a capitalised run ending in one names an organisation */
  englishOrganizationHeads: string[];
  chineseSurnames: string[];
  /** East Asian family names as English writes them (Wang, Wong, Kim, Tanaka): they mark a run of name-shaped words as a person */
  romanizedSurnames: string[];
  englishPersonCues: { before: string[]; after: string[] };
}

const LISTS = ['companySuffixes', 'organizationSuffixes', 'namePartStopWords', 'businessUnitSuffixes', 'englishTitleWords', 'englishGenericWords', 'englishCorporateSuffixes', 'englishOrganizationHeads', 'chineseSurnames', 'romanizedSurnames'] as const;
let cached: DiscoveryLexicon | null = null;

const isWordList = (v: unknown) => Array.isArray(v) && v.every((w) => typeof w === 'string' && w.length > 0);

/** Loads and validates the discovery lexicon once; throws one error listing every problem. */
export function loadDiscoveryLexicon(): DiscoveryLexicon {
  if (cached) return cached;
  const file = readJsonFile(projectPath('lexicons', 'discovery', 'names.json'));
  if (!file.ok) throw new Error(`lexicons/discovery/names.json ${jsonFailureMessage(file)}`);
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) throw new Error('lexicons/discovery/names.json: must be a JSON object of named lists');
  const data = file.data as Record<string, unknown>;
  const problems = LISTS.filter((k) => !isWordList(data[k])).map((k) => `"${k}" must be a list of non-empty strings`);
  const share = data.listMinimumShare;
  if (typeof share !== 'number' || share <= 0 || share > 1) problems.push('"listMinimumShare" must be a number in (0, 1]');
  const cues = data.englishPersonCues as { before?: unknown; after?: unknown } | undefined;
  if (!cues || !isWordList(cues.before) || !isWordList(cues.after)) problems.push('"englishPersonCues" needs "before" and "after" lists of strings');
  if (problems.length) throw new Error(`lexicons/discovery/names.json:\n  ${problems.join('\n  ')}`);
  cached = data as unknown as DiscoveryLexicon;
  return cached;
}

/** The discovery lists as the matchers read them: word sets, and suffix lists longest first. */
export interface DiscoveryLookups {
  namePartStopWords: ReadonlySet<string>;
  /** company and organisation suffixes with their type, longest first, by their last character (a token is checked against a few, not all) */
  organizationSuffixesByLastChar: ReadonlyMap<number, ReadonlyArray<readonly [string, 'company' | 'organization']>>;
  companySuffixesLongestFirst: readonly string[];
  businessUnitSuffixesLongestFirst: readonly string[];
  /** lower case */
  englishTitleWords: ReadonlySet<string>;
  englishGenericWords: ReadonlySet<string>;
  englishCorporateSuffixesLongestFirst: readonly string[];
  englishOrganizationHeads: ReadonlySet<string>;
  romanizedSurnames: ReadonlySet<string>;
}

let lookups: DiscoveryLookups | null = null;

/** {@link DiscoveryLookups} of the loaded lexicon, built once (discovery runs on every article). */
export function discoveryLookups(): DiscoveryLookups {
  if (lookups) return lookups;
  const lex = loadDiscoveryLexicon();
  const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
  const byLastChar = new Map<number, Array<readonly [string, 'company' | 'organization']>>();
  const suffixes = [...lex.companySuffixes.map((w) => [w, 'company'] as const), ...lex.organizationSuffixes.map((w) => [w, 'organization'] as const)];
  for (const suffix of suffixes.sort((a, b) => b[0].length - a[0].length)) {
    const last = suffix[0].charCodeAt(suffix[0].length - 1);
    byLastChar.set(last, [...(byLastChar.get(last) ?? []), suffix]);
  }
  lookups = {
    namePartStopWords: new Set(lex.namePartStopWords),
    organizationSuffixesByLastChar: byLastChar,
    companySuffixesLongestFirst: longestFirst(lex.companySuffixes),
    businessUnitSuffixesLongestFirst: longestFirst(lex.businessUnitSuffixes),
    englishTitleWords: new Set(lex.englishTitleWords.map((w) => w.toLowerCase())),
    englishGenericWords: new Set(lex.englishGenericWords),
    englishCorporateSuffixesLongestFirst: longestFirst(lex.englishCorporateSuffixes),
    englishOrganizationHeads: new Set(lex.englishOrganizationHeads),
    romanizedSurnames: new Set(lex.romanizedSurnames),
  };
  return lookups;
}

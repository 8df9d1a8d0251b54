/**
 * The one adapter for natural (and, as English entity discovery lands,
 * compromise). Only natural's sentiment submodules are loaded: its index
 * pulls in database clients whose dotenv banners would print on stdout.
 */
import { createRequire } from 'node:module';
import { scoreEnglishSentence, type EnglishWordScores } from '../sentiment/english.ts';
import type { RawScore } from '../sentiment/score.ts';

const require = createRequire(import.meta.url);

interface Analyzer {
  vocabulary: Record<string, number>;
  negations: string[];
}

let vocabulary: EnglishWordScores | null = null;

/**
 * The AFINN-165 financial-market-news word list (lower-case word → score,
 * ±1…±5), natural's negations and its stop words, read through natural's
 * SentimentAnalyzer. natural 8.1 looks that list up under a name the package
 * does not export (afinnFinancialMarketNews, not afinn165FinancialMarketNews)
 * and so scores everything 0; we build the analyzer on AFINN, hand it the
 * financial list and read its vocabulary and negations back. The list is kept
 * unstemmed: Porter stems merge words a business reader keeps apart
 * (securities and secure, general and generous, used and useful), so
 * src/sentiment/english.ts looks words up whole or by their inflection.
 */
export function englishSentimentVocabulary(): EnglishWordScores {
  if (!vocabulary) {
    const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (lang: string, stem: null, type: string) => Analyzer;
    const naturalRequire = createRequire(require.resolve('natural/lib/natural/sentiment/SentimentAnalyzer.js'));
    const financial = (naturalRequire('afinn-165-financialmarketnews') as { afinn165FinancialMarketNews: Record<string, number> }).afinn165FinancialMarketNews;
    const analyzer = new SentimentAnalyzer('English', null, 'afinn');
    analyzer.vocabulary = Object.assign(Object.create(null) as Record<string, number>, financial);
    // Function words in the financial list (has, like) carry no view of a company: natural's own stop words drop them.
    const stopwords = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);
    const scores = new Map<string, number>();
    for (const [word, score] of Object.entries(analyzer.vocabulary)) if (!stopwords.has(word)) scores.set(word.toLowerCase(), score);
    vocabulary = { scores, negations: analyzer.negations, stopwords };
  }
  return vocabulary;
}

/** How an English sentence reads on the AFINN scale (±1…±5 a word): the raw sum, its confidence and the words that fired. */
export function scoreEnglish(text: string, start: number, end: number): RawScore {
  return scoreEnglishSentence(text, start, end, englishSentimentVocabulary());
}

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}
interface CompromiseDoc {
  match(pattern: string): { json(options: { offset: true }): CompromiseMatch[] };
}

type Compromise = ((text: string) => CompromiseDoc) & { model(): { one: { lexicon: Record<string, string | string[]> } } };
let compromise: Compromise | null = null;

function loadCompromise(): Compromise {
  // compromise/two (the tagger) finds the same people and organisations as the full build at half the cost.
  compromise ??= (require('compromise/two') as { default?: Compromise }).default ?? (require('compromise/two') as Compromise);
  return compromise;
}

/** Tags of compromise's lexicon a word of a name can carry. */
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific', 'Organization', 'ProperNoun', 'Place', 'Country', 'City', 'Region', 'Acronym', 'Possessive']);

/**
 * Two word lists read from compromise's lexicon (lower case): given names
 * (Zachary, Sue, Jennifer), and common words none of whose tags can be part
 * of a name (global, internet, conference).
 */
export function englishWordKinds(): { givenNames: Set<string>; commonWords: Set<string> } {
  const givenNames = new Set<string>();
  const commonWords = new Set<string>();
  for (const [word, tags] of Object.entries(loadCompromise().model().one.lexicon)) {
    const list = [tags].flat();
    if (list.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) givenNames.add(word);
    else if (!word.includes(' ') && !list.some((t) => NAME_TAGS.has(t))) commonWords.add(word);
  }
  return { givenNames, commonWords };
}

interface CompromiseRule {
  match: string;
  tag?: string;
  unTag?: string;
}
interface CompromiseView extends CompromiseDoc {
  compute(steps: string | string[]): CompromiseView;
  sweep(net: unknown): unknown;
}
interface CompromiseLib {
  tokenize(text: string): CompromiseView;
  world(): { model: { two: { matches: CompromiseRule[] } } };
  methods(): { one: { buildNet(rules: CompromiseRule[], world: unknown): unknown } };
}

/** Tags the post-tagger rules that matter for names write or read. */
const NAME_RULE = /Person|FirstName|LastName|MaleName|FemaleName|Honorific|Organization|Company|ProperNoun|Acronym|Place|Country|City|Region/;
let nameNet: unknown = null;
/** compromise's own steps before its post-tagger (nlp.world().hooks in 14.17), run as the full tagger runs them. */
const PRE_STEPS = ['contractions', 'alias', 'machine', 'index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo'];

/**
 * compromise's tagger with only the post-tagger rules about names: its
 * lexicon and pre-tagger as they are, then the rules that tag or read
 * people, organisations, places and proper nouns (about one rule in six).
 * The full tagger's other rules (verb phrases, imperatives, contractions)
 * cost most of its time and do not change who is a person.
 */
function tagNames(text: string): CompromiseDoc {
  const nlp = loadCompromise() as unknown as CompromiseLib;
  // buildNet parses the rules in place: it is given copies, so compromise's own net is left as it is
  nameNet ??= nlp.methods().one.buildNet(
    nlp.world().model.two.matches.filter((r) => NAME_RULE.test(`${r.match} ${r.tag ?? ''} ${r.unTag ?? ''}`)).map((r) => ({ ...r })),
    nlp.world(),
  );
  const doc = nlp.tokenize(text).compute(PRE_STEPS);
  doc.sweep(nameNet);
  return doc.compute('unfreeze');
}

/**
 * People and organisations compromise finds in English text, with offsets
 * into `text`: by default with the names-only tagger, or with compromise's
 * full tagger (`full`, for comparing the two: scripts/dev/cmp-tagger.ts).
 */
export function englishNames(text: string, tagger: 'names' | 'full' = 'names'): Array<{ start: number; end: number; text: string; type: 'person' | 'organization' }> {
  const doc = tagger === 'full' ? loadCompromise()(text) : tagNames(text);
  const pick = (matches: CompromiseMatch[], type: 'person' | 'organization') =>
    matches
      .map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length, text: text.slice(m.offset.start, m.offset.start + m.offset.length), type }))
      .filter((m) => m.text.trim() === m.text && m.text.length > 0);
  return [...pick(doc.match('#Person+').json({ offset: true }), 'person'), ...pick(doc.match('#Organization+').json({ offset: true }), 'organization')].sort((a, b) => a.start - b.start);
}

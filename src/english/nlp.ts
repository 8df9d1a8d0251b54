/**
 * The one adapter for natural (and, as English entity discovery lands,
 * compromise). Only natural's sentiment submodules are loaded: its index
 * pulls in database clients whose dotenv banners would print on stdout.
 */
import { createRequire } from 'node:module';
import type { SentimentEvidence } from '../doc/types.ts';

const require = createRequire(import.meta.url);

interface Analyzer {
  vocabulary: Record<string, number>;
  negations: string[];
  getSentiment(words: string[]): number;
}
interface Stemmer {
  stem(word: string): string;
}

let analyzer: Analyzer | null = null;
let stopwords: Set<string> | null = null;
let stemmer: Stemmer | null = null;

/**
 * natural's SentimentAnalyzer with the AFINN-165 financial-market-news word
 * list. natural 8.1 looks that list up under a name the package does not
 * export (afinnFinancialMarketNews, not afinn165FinancialMarketNews) and so
 * scores everything 0; we build the analyzer on AFINN and hand it the
 * financial list, stemmed the way natural stems its own vocabularies.
 */
function englishAnalyzer(): { analyzer: Analyzer; stemmer: Stemmer } {
  if (!analyzer || !stemmer) {
    const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (lang: string, stem: Stemmer, type: string) => Analyzer;
    stemmer = (require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer);
    const naturalRequire = createRequire(require.resolve('natural/lib/natural/sentiment/SentimentAnalyzer.js'));
    const financial = (naturalRequire('afinn-165-financialmarketnews') as { afinn165FinancialMarketNews: Record<string, number> }).afinn165FinancialMarketNews;
    const a = new SentimentAnalyzer('English', stemmer, 'afinn');
    const vocabulary: Record<string, number> = Object.create(null);
    for (const [word, score] of Object.entries(financial)) vocabulary[stemmer.stem(word)] = score;
    // Function words in the financial list (has, like) carry no view of a company: natural's own stop words drop them.
    stopwords = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);
    for (const word of stopwords) delete vocabulary[stemmer.stem(word)];
    a.vocabulary = vocabulary;
    analyzer = a;
  }
  return { analyzer, stemmer };
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
const CLAUSE = /[,;:()]|\s(?:but|however|although|though|while|whereas)\s/gi;

/** How an English sentence reads by AFINN (financial news): the raw sum (AFINN scale, ±5 a word) and the words that fired. */
export function scoreEnglish(text: string, start: number, end: number): { raw: number; items: SentimentEvidence[] } {
  const { analyzer: a, stemmer: s } = englishAnalyzer();
  const sentence = text.slice(start, end);
  const items: SentimentEvidence[] = [];
  let raw = 0;
  // natural negates every word after a negation; a clause keeps that scope local.
  let from = 0;
  const bounds = [...sentence.matchAll(CLAUSE)].map((m) => m.index).concat(sentence.length);
  for (const to of bounds) {
    const clause = sentence.slice(from, to);
    const words = [...clause.matchAll(WORD)];
    if (words.length) {
      raw += a.getSentiment(words.map((w) => w[0])) * words.length;
      let negated = false;
      for (const w of words) {
        const lower = w[0].toLowerCase().replace(/’/g, "'");
        if (a.negations.includes(lower) || lower.endsWith("n't")) {
          negated = true;
          continue;
        }
        const score = a.vocabulary[lower] ?? a.vocabulary[s.stem(lower)];
        if (score === undefined) continue;
        const at = start + from + w.index;
        items.push({ text: text.slice(at, at + w[0].length), start: at, end: at + w[0].length, weight: negated ? -score : score });
      }
    }
    from = to;
  }
  return { raw, items };
}

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}
interface CompromiseDoc {
  match(pattern: string): { json(options: { offset: true }): CompromiseMatch[] };
}

let compromise: ((text: string) => CompromiseDoc) | null = null;

/** People and organisations compromise finds in English text, with offsets into `text`. */
export function englishNames(text: string): Array<{ start: number; end: number; text: string; type: 'person' | 'organization' }> {
  // compromise/two (the tagger) finds the same people and organisations as the full build at half the cost.
  compromise ??= (require('compromise/two') as { default?: (t: string) => CompromiseDoc }).default ?? (require('compromise/two') as (t: string) => CompromiseDoc);
  const doc = compromise(text);
  const pick = (matches: CompromiseMatch[], type: 'person' | 'organization') =>
    matches
      .map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length, text: text.slice(m.offset.start, m.offset.start + m.offset.length), type }))
      .filter((m) => m.text.trim() === m.text && m.text.length > 0);
  return [...pick(doc.match('#Person+').json({ offset: true }), 'person'), ...pick(doc.match('#Organization+').json({ offset: true }), 'organization')].sort((a, b) => a.start - b.start);
}

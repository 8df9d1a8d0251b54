/**
 * The one adapter for nodejieba. It returns words aligned to offsets in the
 * original text (nodejieba gives none), with jieba's part-of-speech tags, and
 * keeps digit runs whole (nodejieba cuts `1000` into four tokens).
 */
import { createRequire } from 'node:module';
import type { Token } from '../doc/types.ts';

interface Jieba {
  load(options?: { userDict?: string }): void;
  tag(sentence: string): Array<{ word: string; tag: string }>;
  cut(sentence: string, strict?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

/** The loaded segmenter; loads jieba's dictionaries on first use (a few hundred ms). */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = require('nodejieba') as Jieba;
    jieba.load();
  }
  return jieba;
}

/**
 * Adds words to jieba's dictionary so they are never cut (company names,
 * product names, strategy terms). Tags follow jieba's set: nt organisation,
 * nr person, nz other proper noun.
 */
export function addWords(words: Iterable<{ word: string; tag: string }>): void {
  const j = segmenter();
  for (const { word, tag } of words) {
    // jieba's dictionary splits on spaces: a multi-word name cannot be a single entry.
    if (word && !/\s/.test(word)) j.insertWord(word, tag);
  }
}

// A numeral as written: digit groups joined by a decimal point or thousands comma.
const NUMERAL_PREFIX = /^[0-9０-９]+(?:[.,．，][0-9０-９]+)*[.,．，]?$/;
const DIGIT_AT = /[0-9０-９]/;

/** Raw jieba `cut`, for benchmarks that compare the pipeline with the segmenter alone. */
export function rawCut(text: string): string[] {
  return segmenter().cut(text);
}

/**
 * Segments text into tagged tokens with offsets. Whitespace tokens are
 * dropped; a numeral cut into pieces (`1`, `,`, `000.5`) is merged back
 * into one `m` token.
 */
export function segment(text: string): Token[] {
  const tagged = segmenter().tag(text);
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of tagged) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue; // jieba never rewrites text; skip defensively rather than misalign
    cursor = at + word.length;
    if (!word.trim()) continue;
    const prev = tokens[tokens.length - 1];
    const joined = prev && prev.end === at ? prev.text + word : '';
    const continuesNumber = DIGIT_AT.test(word[0]!) || DIGIT_AT.test(text[cursor] ?? '');
    if (prev && joined && /^[0-9０-９]/.test(prev.text) && continuesNumber && NUMERAL_PREFIX.test(joined)) {
      prev.end = cursor;
      prev.text = joined;
      prev.tag = 'm';
      continue;
    }
    const isNumeral = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/.test(word);
    tokens.push({ start: at, end: cursor, text: word, tag: isNumeral ? 'm' : tag });
  }
  return tokens;
}

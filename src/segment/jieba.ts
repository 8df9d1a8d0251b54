/**
 * The one adapter for nodejieba. It returns words aligned to offsets in the
 * original text (nodejieba gives none), with jieba's part-of-speech tags, and
 * keeps digit runs whole (nodejieba cuts `1000` into four tokens).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Token } from '../doc/types.ts';

interface Jieba {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
  load(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  tag(sentence: string): Array<{ word: string; tag: string }>;
  /** added by patches/nodejieba+*.patch: tag's words as [start, end, tag] triples in UTF-16 units, tags by index */
  tagSpans?(sentence: string): { spans: Int32Array; tags: string[] };
  cut(sentence: string, strict?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  /** added by the patch: glibc's malloc_trim(0); true when memory was given back */
  trimMemory?(): boolean;
}

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

/**
 * Dictionary words rarer than this (jieba's own frequency count) are left
 * out of the dictionary jieba loads. cppjieba keeps its dictionary as a trie
 * of hash maps: the full list (349k words) costs about 250 MB in every thread
 * that segments. Most of it is 160k words counted only 3 times, nearly all
 * long compounds (尖端科技, 所持股份) that jieba's HMM and the registry's user
 * words cut as well or better; left out, the dictionary holds about 190k
 * words and costs about 130 MB less.
 */
const MIN_WORD_FREQUENCY = 4;
/** Words of this many characters or fewer are kept whatever their count: the rare two-character words (此番, 所持, 首推) are common in news copy. */
const ALWAYS_KEPT_LENGTH = 2;

/**
 * jieba's dictionary without its rarest words, written once to the temporary
 * folder (named by the source file's size and the threshold) and reused.
 */
function compactDictionary(full: string): string {
  const size = readFileSync(full).byteLength;
  const compact = path.join(tmpdir(), `stratlens-jieba-dict-${size}-f${MIN_WORD_FREQUENCY}-l${ALWAYS_KEPT_LENGTH}.utf8`);
  if (!existsSync(compact)) {
    const kept = readFileSync(full, 'utf8')
      .split('\n')
      .filter((line) => {
        const [word = '', count] = line.split(' ');
        // cppjieba stops the process on a line without its three columns: only whole entries are written
        return word !== '' && line.split(' ').length === 3 && (Number(count) >= MIN_WORD_FREQUENCY || [...word].length <= ALWAYS_KEPT_LENGTH);
      });
    const tmp = `${compact}.${process.pid}.tmp`;
    writeFileSync(tmp, `${kept.join('\n')}\n`, 'utf8');
    renameSync(tmp, compact);
  }
  return compact;
}

/** The loaded segmenter; loads jieba's dictionaries on first use (a few hundred ms). */
function segmenter(): Jieba {
  if (!jieba) {
    const j = require('nodejieba') as Jieba;
    // the keyword-extraction tables (idf, stop words) are never used: a one-line table each saves their memory
    const empty = path.join(tmpdir(), 'stratlens-jieba-empty.utf8');
    if (!existsSync(empty)) writeFileSync(empty, 'stratlens 1.0\n', 'utf8');
    j.load({ dict: compactDictionary(j.DEFAULT_DICT), hmmDict: j.DEFAULT_HMM_DICT, userDict: j.DEFAULT_USER_DICT, idfDict: empty, stopWordDict: empty });
    jieba = j;
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

/**
 * Asks malloc to give the memory it holds free back to the system (the
 * patch's `trimMemory`, glibc only); false when there is none to give or the
 * patch is not built. Loads no dictionary. An analysing worker calls it every
 * {@link TRIM_EVERY_TASKS} files (src/run/worker.ts): glibc keeps what a
 * thread frees in that thread's arena, and two workers' RSS crept up file by
 * file.
 */
export function trimMallocArenas(): boolean {
  const j = jieba ?? (require('nodejieba') as Jieba);
  return j.trimMemory?.() ?? false;
}

/** Raw jieba `cut`, for benchmarks that compare the pipeline with the segmenter alone. */
export function rawCut(text: string): string[] {
  return segmenter().cut(text);
}

/** Words as the segmenter gives them: [start, end, tag index] triples, and the tags they index. */
interface TaggedSpans {
  spans: ArrayLike<number>;
  tags: readonly string[];
}

/**
 * Segments text into tagged tokens with offsets. Whitespace tokens are
 * dropped; a numeral cut into pieces (`1`, `,`, `000.5`) is merged back
 * into one `m` token.
 */
export function segment(text: string): Token[] {
  const j = segmenter();
  // the patched binary gives each word's place; nodejieba as published gives only its text (tagByWords)
  return tokensOf(text, j.tagSpans ? j.tagSpans(text) : tagByWords(text));
}

/**
 * jieba's tag, its words placed in the text by searching for each after the
 * one before: the way of nodejieba as published, and the reference the
 * patched tagSpans is tested against.
 */
export function tagByWords(text: string): TaggedSpans {
  const spans: number[] = [];
  const tags: string[] = [];
  const index = new Map<string, number>();
  let cursor = 0;
  for (const { word, tag } of segmenter().tag(text)) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue; // jieba never rewrites text; skip defensively rather than misalign
    cursor = at + word.length;
    let k = index.get(tag);
    if (k === undefined) index.set(tag, (k = tags.push(tag) - 1));
    spans.push(at, cursor, k);
  }
  return { spans, tags };
}

/** Tokens from placed words: see {@link segment}. */
export function tokensOf(text: string, { spans, tags }: TaggedSpans): Token[] {
  const tokens: Token[] = [];
  for (let k = 0; k < spans.length; k += 3) {
    const at = spans[k]!;
    const cursor = spans[k + 1]!;
    const word = text.slice(at, cursor);
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
    tokens.push({ start: at, end: cursor, text: word, tag: isNumeral ? 'm' : tags[spans[k + 2]!]! });
  }
  return tokens;
}

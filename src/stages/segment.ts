import type { Token } from '../doc/types.ts';
import { defineStage } from '../pipeline/stage.ts';
import { segment } from '../segment/jieba.ts';
import { splitSentences } from '../segment/sentences.ts';

const LATIN_WORD = /[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]/g;

/** English tokens by a plain word pattern; jieba adds nothing to Latin text. */
function latinTokens(text: string): Token[] {
  return [...text.matchAll(LATIN_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], tag: /^\d/.test(m[0]) ? 'm' : 'eng' }));
}

/** Words (jieba for Chinese) and sentences, the layers every later stage reads. */
export const segmentStage = defineStage({
  name: 'segment',
  requires: [],
  provides: ['tokens', 'sentences'],
  run(doc) {
    const tokens = doc.meta.language === 'zh' ? segment(doc.text) : latinTokens(doc.text);
    return { tokens, sentences: splitSentences(doc.text) };
  },
});

import type { Token } from '../doc/types.ts';
import { defineStage } from '../pipeline/stage.ts';
import { addWords, segment } from '../segment/jieba.ts';
import { entityResources } from './entities.ts';
import { splitSentences } from '../segment/sentences.ts';

const LATIN_WORD = /[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]/g;

/** English tokens by a plain word pattern; jieba adds nothing to Latin text. */
function latinTokens(text: string): Token[] {
  return [...text.matchAll(LATIN_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], tag: /^\d/.test(m[0]) ? 'm' : 'eng' }));
}

const JIEBA_TAGS = { company: 'nt', organization: 'nt', person: 'nr', product: 'nz', location: 'ns' } as const;
let dictionaryReady = false;

/**
 * Teaches jieba the registry's names once, so 宁德时代, 小米集团 and 余承东
 * come out as single words with a name tag.
 */
function ensureUserDictionary(): void {
  if (dictionaryReady) return;
  const { registry } = entityResources().index;
  const words: Array<{ word: string; tag: string }> = [];
  for (const entity of registry.byId.values()) {
    for (const alias of [entity.name, ...entity.entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))]) {
      if (/[\u3400-\u9fff]/.test(alias)) words.push({ word: alias, tag: JIEBA_TAGS[entity.type] });
    }
  }
  addWords(words);
  dictionaryReady = true;
}

/** Words (jieba for Chinese) and sentences, the layers every later stage reads. */
export const segmentStage = defineStage({
  name: 'segment',
  requires: [],
  provides: ['tokens', 'sentences'],
  run(doc) {
    if (doc.meta.language === 'zh') ensureUserDictionary();
    const tokens = doc.meta.language === 'zh' ? segment(doc.text) : latinTokens(doc.text);
    return { tokens, sentences: splitSentences(doc.text) };
  },
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findArticleFiles } from '../../src/ingest/walk.ts';
import { segment, tagByWords, tokensOf } from '../../src/segment/jieba.ts';
import { CORPUS, ingestFixture } from '../helpers.ts';

describe('segment (nodejieba adapter)', () => {
  const text = '小米12和12 Pro 首月出货量1,000.5台，同比增长25.6%，营收16.4亿元。\r\nApple Inc 出货１２３４部';

  it('aligns every token to its offsets in the text', () => {
    for (const t of segment(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps numerals whole, including separators, decimals and full-width digits', () => {
    const numerals = segment(text).filter((t) => t.tag === 'm').map((t) => t.text);
    expect(numerals).toEqual(expect.arrayContaining(['12', '1,000.5', '25.6', '16.4', '１２３４']));
  });

  it('keeps part-of-speech tags and drops white space', () => {
    const tokens = segment('雷军表示，小米将坚持高端化。');
    expect(tokens.find((t) => t.text === '表示')?.tag).toBe('v');
    expect(tokens.find((t) => t.text === '坚持')?.tag).toBe('v');
    expect(tokens.every((t) => t.text.trim() === t.text && t.text.length > 0)).toBe(true);
  });

  it('does not run a list of numbers together across separators followed by letters', () => {
    expect(segment('3,4,5').map((t) => t.text)).toEqual(['3,4,5']);
    expect(segment('增长25%，利润').map((t) => t.text)).toContain('25');
  });
});

describe('tagSpans (the patched nodejieba) against tag', () => {
  const jieba = createRequire(import.meta.url)('nodejieba') as {
    tag(text: string): Array<{ word: string; tag: string }>;
    tagSpans?(text: string): { spans: Int32Array; tags: string[] };
  };

  it('places every word of tag, with its tag, in UTF-16 units (characters outside the BMP count two)', () => {
    const text = '😀腾讯𠀀控股 2023年营收１２３．５亿元\r\n\tApple 📱 Inc.';
    expect(jieba.tagSpans, 'the installed nodejieba lacks tagSpans: run npm run postinstall').toBeTypeOf('function');
    const { spans, tags } = jieba.tagSpans!(text);
    const words = [];
    for (let k = 0; k < spans.length; k += 3) words.push({ word: text.slice(spans[k]!, spans[k + 1]!), tag: tags[spans[k + 2]!] });
    expect(words).toEqual(jieba.tag(text));
    expect(spans[spans.length - 2]).toBe(text.length);
    expect(jieba.tagSpans!('')).toEqual({ spans: new Int32Array(0), tags: [] });
  });

  it('gives the same tokens as placing tag\'s words by search, on every article of the corpus', async () => {
    const { files } = await findArticleFiles(CORPUS);
    let articles = 0;
    for (const file of files) {
      for (const doc of await ingestFixture(file.relPath).catch(() => [])) {
        articles++;
        expect(segment(doc.text), doc.meta.path).toEqual(tokensOf(doc.text, tagByWords(doc.text)));
      }
    }
    expect(articles).toBeGreaterThan(50);
  });
});

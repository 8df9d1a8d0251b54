import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type AnalyzeResult } from '../../src/analyze.ts';
import { CORPUS, tempDir } from '../helpers.ts';

// Issue 10: the public Reuters dataset (duynht/financial-news-dataset) stores
// its articles without an extension; the copies in fixtures/corpus/reuters/
// were given `.txt`, so the test takes it off again. The reuters-2016 folder
// holds blog reposts (front matter + HTML), not wires; one is renamed too, to
// show that a front-matter file with no extension is still read as a post.
const WIRES = {
  // EST dateline, a morning hour; byline `-- By Miyoung Kim`
  samsung: 'us-samsung-investment-idUSBRE9A500U20131106',
  // EDT dateline, 12:52pm (noon stays 12); an empty byline line `-- `
  xiaomi: 'us-google-xiaomi-idUSBRE97S0X820130829',
};
const REPOST = '2016-04-28-chinas-xiaomi-aims-to-double-smart-home-device-sales-this-year-to-1-54-billion';

// A PNG signature and the start of its IHDR chunk (which holds NUL bytes), then arbitrary bytes.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0x9c, 0x3e, 0xd1, 0x07, 0x55, 0xe2, 0x18, 0xa0]);
// Binary bytes without a NUL: not valid UTF-8, and not GB18030 either (0xff never starts a GB18030 character).
const BLOB = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x80, 0x81, 0xff, 0x90, 0x02, 0x1b, 0x80, 0xfe, 0x41, 0xc3, 0x28, 0xff, 0x80, 0x80, 0x07, 0xff]);

let result: AnalyzeResult;
const article = (p: string) => result.articles.find((a) => a.path === p);

beforeAll(async () => {
  const dir = tempDir();
  for (const stem of Object.values(WIRES)) copyFileSync(path.join(CORPUS, 'reuters', `${stem}.txt`), path.join(dir, stem));
  copyFileSync(path.join(CORPUS, 'reuters-2016', `${REPOST}.md`), path.join(dir, REPOST));
  writeFileSync(path.join(dir, 'logo'), PNG);
  writeFileSync(path.join(dir, 'blob'), BLOB);
  result = await analyzeDirectory(dir);
});

describe('Reuters wires stored without an extension', () => {
  it.each([
    [WIRES.samsung, {
      id: 'USBRE9A500U20131106',
      title: 'Samsung Electronics vows more aggressive investment, targets tablets',
      // Wed Nov 6, 2013 3:41am EST
      publishedAt: '2013-11-06T03:41:00-05:00',
      source: 'Reuters',
      url: 'http://www.reuters.com/article/2013/11/06/us-samsung-investment-idUSBRE9A500U20131106',
      language: 'en',
    }],
    [WIRES.xiaomi, {
      id: 'USBRE97S0X820130829',
      title: "China's Xiaomi poaches Google's Barra to power global drive",
      // Thu Aug 29, 2013 12:52pm EDT
      publishedAt: '2013-08-29T12:52:00-04:00',
      source: 'Reuters',
      url: 'http://www.reuters.com/article/2013/08/29/us-google-xiaomi-idUSBRE97S0X820130829',
      language: 'en',
    }],
  ])('%s is read as a wire: headline, dateline with its zone, link, English', (stem, meta) => {
    expect(article(stem)).toMatchObject(meta);
  });

  it.each([
    [WIRES.samsung, 'SEOUL (Reuters) - Samsung Electronics Co Ltd vowed to double its dividend yield', 'CFO Lee estimated R&D spending would be around $14 billion.', 'Miyoung Kim'],
    [WIRES.xiaomi, 'SAN FRANCISCO (Reuters) - Xiaomi Tech, a fast-growing Chinese maker of cheap smartphones', 'according to IT consultancy Canalys.', 'http://www.reuters.com'],
  ])('%s: the body starts at the dateline, ends before the credit, and keeps no header line', (stem, opening, closing, headerOnly) => {
    const text = article(stem)!.text;
    expect(text.startsWith(opening)).toBe(true);
    expect(text.endsWith(closing)).toBe(true);
    expect(text).not.toMatch(/^-- /m);
    expect(text).not.toContain(headerOnly);
    expect(text).not.toMatch(/\((?:Additional reporting|Editing) by/);
  });

  it('analyses a wire with no extension like any other article', () => {
    const a = article(WIRES.samsung)!;
    expect(a.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['samsung', 'apple']));
    expect(a.quotes.some((q) => q.kind === 'speech' && q.speaker?.id === 'lee-sang-hoon')).toBe(true);
  });

  it('reads a repost whose extension was dropped as the same post: front matter, [ad_1] markers removed', () => {
    expect(article(REPOST)).toMatchObject({
      id: 'USKCN0XP0CP',
      title: "China's Xiaomi aims to double smart home device sales this year to $1.54 billion",
      publishedAt: '2016-04-28T05:26:03+08:00',
      language: 'en',
    });
    expect(article(REPOST)!.text.startsWith('BEIJING Chinese smartphone maker Xiaomi Inc')).toBe(true);
    expect(article(REPOST)!.text).not.toContain('[ad_');
  });
});

describe('binary files with no extension', () => {
  // A file with no extension is only a candidate article (src/ingest/index.ts):
  // when its bytes are not text it is passed over, as a .png would be by the walk.
  it.each([['logo'], ['blob']])('%s is never analysed and never fails the run', (name) => {
    expect(result.articles.map((a) => a.path)).not.toContain(name);
    expect(result.errors.filter((e) => e.path === name)).toEqual([]);
  });

  it('leaves exactly the three text files as articles, with no errors', () => {
    expect(result.files).toBe(5);
    expect(result.articles.map((a) => a.path).sort()).toEqual([REPOST, WIRES.xiaomi, WIRES.samsung].sort());
    expect(result.errors).toEqual([]);
  });
});

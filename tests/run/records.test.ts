import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analyze.ts';
import type { Article } from '../../src/doc/types.ts';
import { articleJson } from '../../src/report/write.ts';
import { articleHead, linkFields } from '../../src/run/records.ts';
import { CORPUS } from '../helpers.ts';

let articles: Article[];

beforeAll(async () => {
  articles = (await analyzeDirectory(CORPUS)).articles;
}, 120_000);

describe('reading an article line without parsing all of it', () => {
  it('gives the same id, path, date, fingerprint, text length and claims as a full parse, for every real article', () => {
    expect(articles.length).toBeGreaterThan(50);
    for (const a of articles) {
      const line = articleJson(a);
      const full = JSON.parse(line) as Article;
      expect(articleHead(line)).toEqual({ id: full.id, path: full.path });
      expect(linkFields(line)).toEqual({ publishedAt: full.publishedAt, fingerprint: full.fingerprint, text: { length: full.text.length }, claims: full.claims });
    }
  });

  it('is not fooled by keys written inside the text, and escapes before quotation marks', () => {
    const a = structuredClone(articles.find((x) => x.claims.length > 0)!);
    a.title = 'a "quoted" title \\\\';
    a.text = `${a.text} ,"claims":[1],"quotes":[ \\"],"fingerprint":"ffffffffffffffff" \\`;
    const line = JSON.stringify(a);
    expect(linkFields(line)).toEqual({ publishedAt: a.publishedAt, fingerprint: a.fingerprint, text: { length: a.text.length }, claims: a.claims });
  });

  it('returns null for a line laid out otherwise (an article of an older run without a fingerprint), so the caller parses it whole', () => {
    const { fingerprint, ...old } = articles[0]!;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(linkFields(JSON.stringify(old))).toBeNull();
    expect(linkFields('{"record":"file","path":"a.md","articles":1,"encoding":"utf-8"}')).toBeNull();
  });
});

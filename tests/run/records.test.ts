import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analyze.ts';
import type { Article } from '../../src/doc/types.ts';
import { articleJson } from '../../src/report/write.ts';
import { articleHead, firstPassLines, linkFields, relinkedLine, type FirstPassLine } from '../../src/run/records.ts';
import { CORPUS } from '../helpers.ts';

let articles: Article[];

beforeAll(async () => {
  articles = (await analyzeDirectory(CORPUS)).articles;
}, 120_000);

describe('reading an article line without parsing all of it', () => {
  it('gives the same id, path, date, fingerprint, text length and claims as a full parse, for every real article', () => {
    expect(articles.length).toBeGreaterThan(50);
    for (const a of articles) {
      const json = articleJson(a);
      const line = Buffer.from(json);
      const full = JSON.parse(json) as Article;
      expect(articleHead(line)).toEqual({ id: full.id, path: full.path });
      expect(linkFields(line)).toEqual({ publishedAt: full.publishedAt, fingerprint: full.fingerprint, text: { length: full.text.length }, claims: full.claims });
    }
  });

  it('is not fooled by keys written inside the text, and escapes before quotation marks', () => {
    const a = structuredClone(articles.find((x) => x.claims.length > 0)!);
    a.title = 'a "quoted" title \\\\';
    a.text = `${a.text} ,"claims":[1],"quotes":[ \\"],"fingerprint":"ffffffffffffffff" \\`;
    const line = Buffer.from(JSON.stringify(a));
    expect(linkFields(line)).toEqual({ publishedAt: a.publishedAt, fingerprint: a.fingerprint, text: { length: a.text.length }, claims: a.claims });
  });

  it.each([
    ['two- and three-byte characters', 'é 中文，“引号”'],
    ['characters beyond the Basic Multilingual Plane (two code units each)', '𠮷野家 😀 ok'],
    ['escapes: line breaks, tabs, control characters, backslashes and quotation marks', 'a\nb\tc\u0001d\\e"f"\r\n'],
    ['a lone surrogate, which JSON writes as an escape', 'x\ud800y'],
    ['an empty text', ''],
  ])('counts the text as a JavaScript string does, without decoding it: %s', (_name, text) => {
    const a = { ...structuredClone(articles[0]!), text };
    expect(linkFields(Buffer.from(JSON.stringify(a)))!.text.length).toBe(a.text.length);
  });

  it('decodes a text that is not well-formed UTF-8 instead of counting it, and counts it as decoding does', () => {
    const a = { ...structuredClone(articles[0]!), text: 'ab' };
    const good = Buffer.from(JSON.stringify(a));
    const at = good.indexOf(Buffer.from('"text":"ab"')) + 8;
    // 0xff can begin no UTF-8 sequence: decoding makes it U+FFFD
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    expect(linkFields(bad)!.text.length).toBe((JSON.parse(bad.toString('utf8')) as Article).text.length);
  });

  it('reads the id and path of a line whose path is long, and of none that is not an article', () => {
    const a = { ...structuredClone(articles[0]!), path: `${'长'.repeat(3000)}/a "b".md` };
    expect(articleHead(Buffer.from(JSON.stringify(a)))).toEqual({ id: a.id, path: a.path });
    expect(articleHead(Buffer.from('{"record":"file","path":"a.md","articles":1,"encoding":"utf-8"}'))).toBeNull();
    expect(articleHead(Buffer.from('{"id":"abc"'))).toBeNull();
  });

  it('returns null for a line laid out otherwise (an article of an older run without a fingerprint), so the caller parses it whole', () => {
    const { fingerprint, ...old } = articles[0]!;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(linkFields(Buffer.from(JSON.stringify(old)))).toBeNull();
    expect(linkFields(Buffer.from('{"record":"file","path":"a.md","articles":1,"encoding":"utf-8"}'))).toBeNull();
  });
});

describe('writing the corpus pass\'s links into an article line', () => {
  /** What CorpusLinker.apply does to an article: links on its claims, and maybe a duplicateOf. */
  const link = (a: Article, duplicateOf?: string) => {
    a.claims.forEach((c, i) => {
      c.firstSeen = { article: `first-${i}`, publishedAt: '2024-01-02T03:04:05+08:00' };
      c.restatedIn = i + 2;
    });
    if (duplicateOf !== undefined) a.duplicateOf = duplicateOf;
  };

  it.each([
    ['claims linked', undefined],
    ['claims linked and a duplicate found', 'h0123456789ab'],
  ])('gives the bytes JSON.stringify gives the linked article, for every real article: %s', (_name, duplicateOf) => {
    let spliced = 0;
    for (const original of articles) {
      const line = Buffer.from(articleJson(original));
      const a = JSON.parse(line.toString('utf8')) as Article;
      const before = a.duplicateOf;
      link(a, duplicateOf);
      const out = relinkedLine(line, a, before);
      // a duplicateOf the line had and the pass changed is declined (tested below)
      if (before !== undefined && before !== a.duplicateOf) continue;
      expect(out?.toString('utf8')).toBe(JSON.stringify(a));
      if (a.claims.length > 0) spliced++;
    }
    expect(spliced).toBeGreaterThan(10);
  });

  it('keeps a duplicateOf the line already had, and declines one that changed', () => {
    const a = structuredClone(articles.find((x) => x.claims.length > 0)!);
    a.duplicateOf = 'h000000000001';
    const line = Buffer.from(JSON.stringify(a));
    const same = JSON.parse(line.toString('utf8')) as Article;
    link(same);
    expect(relinkedLine(line, same, 'h000000000001')?.toString('utf8')).toBe(JSON.stringify(same));
    const changed = JSON.parse(line.toString('utf8')) as Article;
    link(changed, 'h000000000002');
    expect(relinkedLine(line, changed, 'h000000000001')).toBeNull();
  });

  it('declines a line laid out otherwise, for the caller to write the article whole', () => {
    const a = structuredClone(articles.find((x) => x.claims.length > 0)!);
    link(a);
    expect(relinkedLine(Buffer.from(JSON.stringify(a, null, 1)), a, undefined)).toBeNull();
    const { quotes, ...noQuotes } = a;
    expect(quotes).toBeDefined();
    expect(relinkedLine(Buffer.from(JSON.stringify(noQuotes)), a, undefined)).toBeNull();
  });
});

describe('the first-pass file written beside a shard', () => {
  it('gives each article its place in the shard and its link fields, and keeps other records as they are', () => {
    const meta = '{"record":"file","path":"a.md","encoding":"utf-8","articles":1}';
    const shardLines = [meta, ...articles.slice(0, 20).map(articleJson), '{"record":"error","path":"b.md","code":"empty-file","message":"m"}'];
    const before = Buffer.from('{"record":"warning","path":"c.md","code":"unknown-date","message":"w"}\n');
    const text = Buffer.from(shardLines.map((l) => `${l}\n`).join(''));
    const shard = Buffer.concat([before, text]);
    const out = firstPassLines(text, before.length)!.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as FirstPassLine);
    expect(out).toHaveLength(shardLines.length);
    out.forEach((line, i) => {
      if (!('at' in line)) {
        expect(JSON.stringify(line)).toBe(shardLines[i]);
        return;
      }
      const [offset, length] = line.at;
      const bytes = shard.subarray(offset, offset + length);
      expect(bytes.toString('utf8')).toBe(shardLines[i]);
      expect(line.article).toEqual({ ...articleHead(bytes), ...linkFields(bytes) });
    });
    expect(out.filter((l) => 'at' in l)).toHaveLength(20);
  });

  it('gives up on a line that is neither a record nor an article laid out as stratlens writes them', () => {
    const { fingerprint, ...old } = articles[0]!;
    expect(fingerprint).toBeDefined();
    expect(firstPassLines(Buffer.from(`${articleJson(articles[1]!)}\n${JSON.stringify(old)}\n`), 0)).toBeNull();
  });
});

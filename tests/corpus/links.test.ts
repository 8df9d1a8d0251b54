/**
 * The corpus pass on real articles (tests/fixtures/corpus, see
 * CORPUS-SOURCES.md): a Traditional Chinese copy and an edited repost are
 * near-duplicates of their originals, a 36氪 feature restates two targets of
 * a 财联社 wire, and the edited repost contradicts the original's revenue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type AnalyzeResult } from '../../src/analyze.ts';
import type { Article } from '../../src/doc/types.ts';
import { DuplicateIndex, fingerprint, hammingDistance, MAX_DISTANCE } from '../../src/corpus/duplicates.ts';
import { ClaimIndex, valueInterval } from '../../src/corpus/claims-index.ts';
import { buildSummary } from '../../src/report/summary.ts';
import { CORPUS } from '../helpers.ts';

const TRADITIONAL = 'traditional/Counterpoint：中国智能手机 Q4 出货量跌 11%，苹果狂砍 21% 份额继续霸榜，荣耀拿下安卓第一.md';
const SIMPLIFIED = 'ithome/Counterpoint：中国智能手机 Q4 出货量跌 11%，苹果狂砍 21% 份额继续霸榜，荣耀拿下安卓第一.md';
const EDITED = 'edited/eastmoney_2026-08-19_202608183844881696-edited.jsonl#1';
const ORIGINAL = 'feeds/eastmoney_2026-08-19_202608183844881696.jsonl#1';
const WIRE = 'NW202202082270036781'; // 财联社: 雷军组建高端化战略工作组
const FEATURE = '36kr/小米高端机学iPhone，变革得从MIUI开始.md';

let result: AnalyzeResult;
const byPath = (p: string): Article => {
  const a = result.articles.find((x) => x.path === p);
  if (!a) throw new Error(`no article ${p}`);
  return a;
};

beforeAll(async () => {
  result = await analyzeDirectory(CORPUS);
}, 120_000);

describe('near-duplicates on the real corpus', () => {
  it('links the Traditional copy with its Simplified original, and the edited repost with the original feed item, and nothing else', () => {
    const [trad, simp] = [byPath(TRADITIONAL), byPath(SIMPLIFIED)];
    // same date: either may be taken as the original, but one points at the other
    expect([trad.duplicateOf, simp.duplicateOf].filter(Boolean)).toHaveLength(1);
    expect(trad.duplicateOf === simp.id || simp.duplicateOf === trad.id).toBe(true);
    // published an hour later: the edited repost is the copy
    expect(byPath(EDITED).duplicateOf).toBe(byPath(ORIGINAL).id);
    expect(byPath(ORIGINAL).duplicateOf).toBeUndefined();
    expect(result.articles.filter((a) => a.duplicateOf).map((a) => a.path).sort()).toEqual([EDITED, trad.duplicateOf ? TRADITIONAL : SIMPLIFIED].sort());
    expect(result.links.duplicates).toBe(2);
  });

  it('keeps every other pair of real articles well apart', () => {
    const fps = result.articles.map((a) => ({ path: a.path, fp: a.fingerprint }));
    const pairs = new Set([[TRADITIONAL, SIMPLIFIED].sort().join('|'), [EDITED, ORIGINAL].sort().join('|')]);
    for (let i = 0; i < fps.length; i++) {
      for (let j = i + 1; j < fps.length; j++) {
        const d = hammingDistance(fps[i]!.fp, fps[j]!.fp);
        if (pairs.has([fps[i]!.path, fps[j]!.path].sort().join('|'))) expect(d).toBeLessThanOrEqual(MAX_DISTANCE);
        // a margin over the threshold, so a small change of tokenisation cannot merge real articles
        else expect(d, `${fps[i]!.path} vs ${fps[j]!.path}`).toBeGreaterThan(MAX_DISTANCE + 4);
      }
    }
  });

  it('leaves republications out of the roll-ups, and counts them', () => {
    const summary = buildSummary({ ...result, run: { startedAt: '', durationMs: 0, tool: 't', version: 'v', input: CORPUS, options: {} }, entityBands: { positive: 0.1, negative: -0.1 } });
    const independent = result.articles.filter((a) => !a.duplicateOf);
    expect(summary.counts.articles).toBe(result.articles.length);
    expect(summary.counts.duplicates).toBe(2);
    expect(summary.counts.claims).toBe(independent.reduce((n, a) => n + a.claims.length, 0));
    expect(summary.counts.claims).toBeLessThan(result.articles.reduce((n, a) => n + a.claims.length, 0));
    expect(summary.timeline.reduce((n, m) => n + m.articles, 0)).toBe(independent.filter((a) => a.publishedAt).length);
    const honor = summary.entities.find((e) => e.id === 'honor')!;
    expect(honor.articles).toBe(independent.filter((a) => a.entities.some((e) => e.id === 'honor')).length);
  });
});

describe('Traditional Chinese input', () => {
  it('reads the Traditional copy like its original: the same entities and claims at the same offsets, with the original characters', () => {
    const [trad, simp] = [byPath(TRADITIONAL), byPath(SIMPLIFIED)];
    expect(trad.text).not.toBe(simp.text);
    expect(trad.text).toContain('榮耀');
    expect(trad.entities.map((e) => e.id)).toEqual(simp.entities.map((e) => e.id));
    expect(trad.claims.map((c) => [c.start, c.end, c.kind, c.value, c.subject])).toEqual(simp.claims.map((c) => [c.start, c.end, c.kind, c.value, c.subject]));
    for (const span of [...trad.entities.flatMap((e) => e.mentions), ...trad.claims, ...trad.quotes]) expect(trad.text.slice(span.start, span.end)).toBe(span.text);
    expect(trad.entities.find((e) => e.id === 'honor')!.mentions.map((m) => m.text)).toContain('榮耀');
  });
});

describe('restated and contradicting claims on the real corpus', () => {
  it('links the feature\'s 5年1000亿 research plan and premium-market target to the wire that stated them first', () => {
    const feature = byPath(FEATURE);
    const restated = feature.claims.filter((c) => c.firstSeen);
    expect(restated.map((c) => [c.kind, c.value])).toEqual(expect.arrayContaining([['investment', 100000000000], ['ranking', 1]]));
    for (const c of restated) expect(c.firstSeen).toEqual({ article: WIRE, publishedAt: '2022-02-08T20:53:15+08:00' });
    const wire = result.articles.find((a) => a.id === WIRE)!;
    const plan = wire.claims.find((c) => c.kind === 'investment' && c.value === 100000000000)!;
    expect(plan.restatedIn).toBe(1);
    expect(result.links.restatements.list.find((r) => r.kind === 'investment')).toMatchObject({ subject: 'xiaomi', firstSeen: { article: WIRE }, articles: 2 });
  });

  it('flags the repost that changed Xiaomi\'s Q2 revenue from 1089亿 to 1189亿', () => {
    const revenue = result.links.contradictions.list.find((c) => c.subject === 'xiaomi' && c.metric === '营收' && c.period === '2026-Q2');
    expect(revenue).toBeDefined();
    const values = revenue!.values.map((v) => v.value);
    expect(values).toEqual(expect.arrayContaining([108900000000, 118900000000]));
    const edited = byPath(EDITED).id;
    expect(revenue!.values.find((v) => v.value === 118900000000)!.claims.map((c) => c.article)).toEqual([edited]);
    // a republication never counts as an independent restatement
    for (const r of result.links.restatements.list) expect(r.claims.map((c) => c.article)).not.toContain(edited);
  });
});

describe('DuplicateIndex', () => {
  const entry = (id: string, text: string, publishedAt: string | null = null) => ({ id, publishedAt, fingerprint: fingerprint(text), length: text.length });

  it('gives the same fingerprint whatever the width, case and punctuation', () => {
    const text = byPath(ORIGINAL).text;
    const variant = text.replace(/，/g, ',').replace(/2026/g, '２０２６').replace(/Q2/g, 'q2');
    expect(variant).not.toBe(text);
    expect(hammingDistance(fingerprint(text), fingerprint(variant))).toBe(0);
  });

  it('joins near-duplicates transitively and picks the earliest as the original, in any order', () => {
    const text = byPath(ORIGINAL).text;
    expect(text).toContain('1089亿元');
    const items = [
      entry('c', `${text}\n（来源：东方财富网）`, '2026-08-19T12:00:00+08:00'),
      entry('a', text, '2026-08-19T10:00:00+08:00'),
      entry('b', text.replace('1089亿元', '1189亿元'), '2026-08-19T11:00:00+08:00'),
      entry('z', byPath(FEATURE).text, '2026-08-01T00:00:00+08:00'),
    ];
    for (const order of [items, [...items].reverse()]) {
      const index = new DuplicateIndex();
      for (const e of order) index.add(e);
      expect([...index.finish()]).toEqual([['b', 'a'], ['c', 'a']]);
    }
  });

  it('never joins texts of very different lengths, whatever the bits say', () => {
    const index = new DuplicateIndex();
    index.add({ id: 'short', publishedAt: null, fingerprint: '0123456789abcdef', length: 100 });
    index.add({ id: 'long', publishedAt: null, fingerprint: '0123456789abcdef', length: 1000 });
    expect(index.finish().size).toBe(0);
  });
});

describe('ClaimIndex', () => {
  const claim = (over: Partial<Article['claims'][number]>): Article['claims'][number] => ({
    kind: 'financial', status: 'reported', text: 'x', start: 0, end: 1, value: 1, valueMax: null, qualifier: 'exact', unit: 'CNY',
    metric: '营收', subject: 'xiaomi', period: '2026-Q2', horizonYears: null, scope: null, source: null, sentence: 0, ...over,
  });

  it('treats rounding and 超 as agreement, and a different figure as a contradiction', () => {
    expect(valueInterval(1089e8, null, 'exact', 'CNY').high).toBeGreaterThan(1090e8);
    const index = new ClaimIndex();
    index.add('a', '2026-08-18T00:00:00+08:00', [claim({ value: 1089e8 })]);
    index.add('b', '2026-08-19T00:00:00+08:00', [claim({ value: 1090e8 })]);
    index.add('c', '2026-08-19T00:00:00+08:00', [claim({ value: 1000e8, qualifier: 'at_least' })]);
    expect(index.finish().contradictions).toEqual([]);
    index.add('d', '2026-08-20T00:00:00+08:00', [claim({ value: 1189e8 })]);
    expect(index.finish().contradictions).toHaveLength(1);
  });

  it('does not compare a target with a result, or one period with another', () => {
    const index = new ClaimIndex();
    index.add('a', null, [claim({ value: 1000e8, status: 'target' })]);
    index.add('b', null, [claim({ value: 900e8 })]);
    index.add('c', null, [claim({ value: 800e8, period: '2026-Q1' })]);
    expect(index.finish().contradictions).toEqual([]);
  });

  it('does not count a republication as a restatement', () => {
    const index = new ClaimIndex();
    index.add('a', '2026-08-18T00:00:00+08:00', [claim({ value: 62e8, metric: '经调整净利润' })]);
    index.add('b', '2026-08-19T00:00:00+08:00', [claim({ value: 62e8, metric: '经调整净利润' })]);
    expect(index.finish().restatements).toHaveLength(1);
    index.setDuplicates(new Map([['b', 'a']]));
    expect(index.finish().restatements).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Article, Claim, Entity, Quote } from '../../src/doc/types.ts';
import type { GoldArticle } from '../../src/eval/gold.ts';
import { validateGold } from '../../src/eval/gold.ts';
import { macroF1, prf } from '../../src/eval/metrics.ts';
import { aggregate } from '../../src/eval/run.ts';
import { scoreArticle } from '../../src/eval/score-article.ts';

// From the reference article (finews/2022-02-08-NW202202082270036781.md).
const TEXT = '雷军表示：“坚持‘快，更稳’的策略。”小米集团坚决执行“5年1000亿”研发计划，市场占有率排名第三。小米手机出货量实现了两位数的增长。';
const at = (s: string, from = 0) => ({ start: TEXT.indexOf(s, from), end: TEXT.indexOf(s, from) + s.length, text: s });

function entity(id: string, name: string, mentions: string[], label: 'positive' | 'neutral' = 'positive'): Entity {
  return { id, name, nameEn: null, type: id === 'lei-jun' ? 'person' : 'company', mentions: mentions.map((m) => at(m, m === '小米' ? TEXT.indexOf('小米手机') : 0)), salience: 0.5, sentiment: { score: 0.3, label } };
}
function claim(text: string, kind: Claim['kind'], value: number, valueMax: number | null = null, status: Claim['status'] = 'target'): Claim {
  return { ...at(text), kind, status, value, valueMax, qualifier: 'exact', unit: 'CNY', metric: null, subject: 'xiaomi', period: null, horizonYears: null, scope: null, source: null, sentence: 0 };
}
function quote(text: string, speaker: Quote['speaker']): Quote {
  return { ...at(text), kind: 'speech', speaker, cue: '表示', sentence: 0 };
}

const GOLD: GoldArticle = {
  annotation: 'test.json', file: 'a.md', language: 'zh', sentiment: 'positive',
  entities: [
    { id: 'xiaomi', type: 'company', name: '小米', aliases: ['小米集团', '小米'], main: true, sentiment: 'positive' },
    { id: 'lei-jun', type: 'person', name: '雷军', aliases: ['雷军'] },
  ],
  claims: [
    { text: '5年1000亿', occurrence: 1, kind: 'investment', status: 'target', value: 100000000000, valueMax: null },
    { text: '市场占有率排名第三', occurrence: 1, kind: 'ranking', status: 'reported', value: 3, valueMax: null },
    { text: '两位数的增长', occurrence: 1, kind: 'growth', status: 'reported', value: 10, valueMax: 99 },
  ],
  quotes: [{ kind: 'speech', begin: '坚持‘快', end: '的策略。', speaker: 'lei-jun' }],
};

function article(over: Partial<Article>): Article {
  return {
    id: 'a', path: 'a.md', title: 't', publishedAt: null, source: null, url: null, categories: [], tags: [], language: 'zh', tickers: [],
    text: TEXT, sentences: [{ start: 0, end: TEXT.length }], sentiment: { score: 0.4, label: 'positive', evidence: [] },
    entities: [entity('xiaomi', '小米', ['小米集团', '小米']), entity('lei-jun', '雷军', ['雷军'])],
    claims: [claim('5年1000亿', 'investment', 100000000000), claim('排名第三', 'ranking', 3, null, 'reported'), claim('两位数的增长', 'growth', 10, 99, 'reported')],
    quotes: [quote('坚持‘快，更稳’的策略。', { id: 'lei-jun', name: '雷军' })],
    messages: [],
    fingerprint: '0000000000000000',
    ...over,
  };
}

describe('scoreArticle', () => {
  it('gives full marks to a perfect prediction', () => {
    const s = aggregate([scoreArticle(article({}), GOLD)]);
    expect(s.entities.article.f1).toBe(1);
    expect(s.claims.span.f1).toBe(1);
    expect(s.claims.spanKind.f1).toBe(1);
    expect(s.claims.value.accuracy).toBe(1);
    expect(s.claims.status.accuracy).toBe(1);
    expect(s.quotes.quotes.f1).toBe(1);
    expect(s.quotes.speaker.accuracy).toBe(1);
    expect(s.sentiment.article.accuracy).toBe(1);
    expect(s.sentiment.entity.accuracy).toBe(1);
  });

  it('drops recall and lists the miss when a claim is not found', () => {
    const score = scoreArticle(article({ claims: [claim('5年1000亿', 'investment', 100000000000)] }), GOLD);
    const s = aggregate([score]);
    expect(s.claims.span.recall).toBeCloseTo(1 / 3, 3);
    expect(s.claims.span.precision).toBe(1);
    expect(score.misses).toContain('claim "两位数的增长" growth 10');
  });

  it('counts a wrong value, kind and status without losing the span match', () => {
    const s = aggregate([scoreArticle(article({ claims: [claim('两位数的增长', 'share', 10, null, 'target')] }), GOLD)]);
    expect(s.claims.span.tp).toBe(1);
    expect(s.claims.spanKind.tp).toBe(0);
    expect(s.claims.value.accuracy).toBe(0);
    expect(s.claims.status.accuracy).toBe(0);
  });

  it('does not match a claim span that is far longer than the gold one', () => {
    const s = aggregate([scoreArticle(article({ claims: [claim('小米集团坚决执行“5年1000亿”研发计划，市场占有率', 'investment', 100000000000)] }), GOLD)]);
    expect(s.claims.span.tp).toBe(0);
    expect(s.claims.span.fp).toBe(1);
  });

  it('counts a false positive entity and matches entities by alias', () => {
    const s = aggregate([scoreArticle(article({ entities: [entity('xiaomi-corp', '小米集团', ['小米集团']), entity('apple', '苹果', [])] }), GOLD)]);
    expect(s.entities.article.tp).toBe(1);
    expect(s.entities.article.fp).toBe(1);
    expect(s.entities.article.fn).toBe(1);
  });

  it('ignores optional gold entities on both sides', () => {
    const gold = { ...GOLD, entities: [...GOLD.entities, { id: 'canalys', type: 'company' as const, name: 'Canalys', aliases: ['Canalys'], optional: true }] };
    const withIt = aggregate([scoreArticle(article({ entities: [...article({}).entities, { ...entity('canalys', 'Canalys', []), mentions: [] }] }), gold)]);
    const without = aggregate([scoreArticle(article({}), gold)]);
    expect(withIt.entities.article.f1).toBe(1);
    expect(without.entities.article.f1).toBe(1);
  });

  it('scores a wrong speaker and a wrong article label', () => {
    const s = aggregate([scoreArticle(article({ quotes: [quote('坚持‘快，更稳’的策略。', null)], sentiment: { score: 0, label: 'neutral', evidence: [] } }), GOLD)]);
    expect(s.quotes.quotes.f1).toBe(1);
    expect(s.quotes.speaker.accuracy).toBe(0);
    expect(s.sentiment.article.accuracy).toBe(0);
  });

  it('reports a gold span that is not in the text as a gold error', () => {
    const gold = { ...GOLD, claims: [...GOLD.claims, { text: '三年手机销量全球第一', occurrence: 1, kind: 'ranking' as const, status: 'target' as const, value: 1, valueMax: null }] };
    expect(scoreArticle(article({}), gold).goldErrors).toEqual(['claim "三年手机销量全球第一" (occurrence 1) is not in the text']);
  });

  it('scores mentions by exact span', () => {
    const s = aggregate([scoreArticle(article({}), GOLD)]);
    // gold mentions: 雷军, 小米集团, 小米 (in 小米手机): predicted 雷军, 小米集团, 小米 → all three
    expect(s.entities.mentions.tp).toBe(3);
  });
});

describe('metrics', () => {
  it('computes precision, recall and F1', () => {
    expect(prf({ tp: 8, fp: 2, fn: 8 })).toMatchObject({ precision: 0.8, recall: 0.5, f1: 0.6154 });
  });

  it('computes macro-F1 over the three labels', () => {
    expect(macroF1([['positive', 'positive'], ['negative', 'neutral'], ['neutral', 'neutral']], ['positive', 'neutral', 'negative'])).toBeCloseTo((1 + 2 / 3 + 0) / 3, 3);
  });
});

describe('validateGold', () => {
  it('lists every problem of a broken annotation', () => {
    const problems = validateGold('bad.json', { file: 'x.md', sentiment: 'great' as never, entities: [{ id: 'x', type: 'company', name: 'X', aliases: [], main: true }], claims: [{ text: '', occurrence: 0, kind: 'profit' as never, status: 'maybe' as never, value: 'ten' as never, valueMax: null }], quotes: [] });
    expect(problems).toHaveLength(6);
  });
});

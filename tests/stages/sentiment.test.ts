import { describe, expect, it } from 'vitest';
import { balanceScore } from '../../src/sentiment/aggregate.ts';
import { analyzeText } from '../pipeline/analyze-text.ts';

/** The score of the first sentence of `text` and the evidence behind it. */
const sentence = (text: string, title = '') => {
  const a = analyzeText(text, { title });
  return { score: a.sentences[0]!.sentiment!.score, evidence: a.sentiment.evidence.map((e) => [e.text, e.weight]) };
};
/** Each entity's label, by id. */
const entityLabels = (text: string, title = '') =>
  Object.fromEntries(analyzeText(text, { title }).entities.map((e) => [e.id, e.sentiment.label]));

describe('Chinese negation', () => {
  // Sentences from the corpus articles named in each comment.
  it.each([
    // finews/2022-02-08-NW202202082270036781.md: 好走 under 并不 reads negative
    ['不过，对于小米而言，高端化之路并不那么好走。', 'negative'],
    // cnbeta/郭明錤…: 无法 flips 抵消 (offset), what cannot be offset is the decline
    ['到哪两者都无法抵消 5G 需求下滑等因素的影响。', 'negative'],
    // 36kr/LG能源的逆袭之路能否持久？: 不小 is a degree word (considerable), not a negation of 降幅
    ['其他合资品牌基本较去年同期有不小降幅。', 'negative'],
    // an even number of negators cancels
    ['这并不是没有优势。', 'positive'],
  ])('%s → %s', (text, label) => {
    const { score } = sentence(text);
    expect(label === 'positive' ? score > 0 : score < 0).toBe(true);
  });
});

describe('Chinese degree adverbs', () => {
  // ithome/机构：三星一季度…: 大幅 strengthens a fall, 小幅 softens it
  it('scales the term that follows', () => {
    const plain = sentence('OPPO的市场份额出现了下降。').score;
    const strong = sentence('OPPO的市场份额出现了大幅下降。').score;
    const slight = sentence('OPPO的市场份额出现了小幅下降。').score;
    expect(strong).toBeLessThan(plain);
    expect(plain).toBeLessThan(slight);
    expect(slight).toBeLessThan(0);
  });
});

describe('Chinese contrast', () => {
  it.each([
    // ofweek/特斯拉价格又上调…: the clause after 但是…却 outweighs the conceded fall
    ['虽然同比下降了53．2％，但是环比却增长了498．3％。', 'positive'],
    // the mirror image: praise conceded, criticism asserted
    ['虽然销量增长，但是利润大幅下滑。', 'negative'],
    // 而…也 adds, it does not contrast: both halves keep their weight
    ['小米的市场份额同比下降了18%，而OPPO和vivo的市场份额也出现了大幅下降。', 'negative'],
  ])('%s → %s', (text, label) => {
    const { score } = sentence(text);
    expect(label === 'positive' ? score > 0 : score < 0).toBe(true);
  });

  it('weighs 虽然…但… once, not twice', () => {
    const { evidence } = sentence('尽管目前宁德时代在海外市场还谈不上强势，但是它的增长速度却是榜单中表现最为迅猛的。');
    for (const [, weight] of evidence) expect(Math.abs(weight as number)).toBeLessThanOrEqual(3);
  });
});

describe('hedges and headline questions', () => {
  // cnbeta/郭明錤：苹果或于2023年面临iPhone增速放缓的重大考验: 或 lowers confidence, never flips
  it('a hedge keeps the sign and lowers the magnitude', () => {
    const certain = sentence('苹果于2023年面临iPhone增速放缓的重大考验。').score;
    const hedged = sentence('苹果或于2023年面临iPhone增速放缓的重大考验。').score;
    expect(certain).toBeLessThan(0);
    expect(hedged).toBeLessThan(0);
    expect(Math.abs(hedged)).toBeLessThan(Math.abs(certain));
  });

  it.each([
    // a doubting headline question damps the article (36kr/LG能源的逆袭之路能否持久？)
    ['LG能源的逆袭之路能否持久？', 'LG能源完成逆袭，市场份额大幅增长，表现强劲。', true],
    // an explanatory question does not (kuaikeji/…为什么华为仍然自信？)
    ['为什么华为仍然自信？', '华为市场份额大幅增长，表现强劲。', false],
  ])('headline %s damps the article: %s', (title, body, damped) => {
    const plain = analyzeText(body).sentiment.score;
    const withTitle = analyzeText(body, { title }).sentiment.score;
    expect(withTitle).toBeGreaterThan(0);
    if (damped) expect(withTitle).toBeLessThan(plain);
  });
});

describe('metric direction', () => {
  it.each([
    ['公司上半年亏损扩大。', 'negative'],
    ['公司上半年亏损收窄。', 'positive'],
    // ofweek/特斯拉价格又上调…, 36kr/破大防…: a rising cost is bad news
    ['汽车行业成本上升，车企开启涨价模式。', 'negative'],
    ['关于此次的调价，业内人士分析主要还是因为原材料成本上涨因素的影响。', 'negative'],
    // cnbeta/郭明錤…: a rise that slows is the growth slowing
    ['苹果的 iPhone 出货量增长或在 2022~2023 年经历放缓。', 'negative'],
    // English: a metric and its movement (reuters/us-huawei-results…, reuters-2016/apple-sells-fewer…)
    ['Huawei said operating profit fell 22 percent.', 'negative'],
    ['First-half revenues rose 5.1 percent from a year earlier.', 'positive'],
    ['The carmaker said its losses narrowed in the quarter.', 'positive'],
    ['Costs rose sharply.', 'negative'],
  ])('%s → %s', (text, label) => {
    const { score } = sentence(text);
    expect(label === 'positive' ? score > 0 : score < 0).toBe(true);
  });
});

describe('English negation and scale', () => {
  it.each([
    // natural negates to the end of the sentence; here the reach is a few words in the clause
    ['The company was not profitable, and sales rose strongly.', 'positive'],
    ['Sales did not improve.', 'negative'],
    // a comparative measured against expectations (reuters-2016/apple-sells-fewer…)
    ['Apple sells fewer iPhones than expected.', 'negative'],
    ['Apple\'s overall performance was "slightly better than feared," said Ives at FBR.', 'positive'],
    // names are not evaluations: Greater China, Everbright Securities
    ['Revenue in Greater China was $18.37 billion.', 'neutral'],
  ])('%s → %s', (text, label) => {
    const { score } = sentence(text);
    expect(label === 'neutral' ? score === 0 : label === 'positive' ? score > 0 : score < 0).toBe(true);
  });

  it('puts English on the Chinese scale (one ordinary word is about ±1)', () => {
    const { evidence } = sentence('The results were disappointing.');
    expect(evidence).toEqual([['disappointing', -1]]);
  });
});

describe('entity targeting', () => {
  it.each([
    // data/gold/README.md: contrast splits the sentence between its subjects
    ['苹果份额下滑，而小米逆势增长。', { apple: 'negative', xiaomi: 'positive' }],
    ['苹果份额下滑而小米逆势增长。', { apple: 'negative', xiaomi: 'positive' }],
    // a clause without a subject continues the last one: first place is Xiaomi's
    ['小米超越苹果，成为全球第一。', { xiaomi: 'positive', apple: 'negative' }],
    // kuaikeji/中国PC、平板市场现状一览…: a list shares what is said of it
    ['华为、荣耀最亮眼。', { huawei: 'positive', honor: 'positive' }],
    // 36kr/LG能源的逆袭之路能否持久？: the object of a verb of winning lost, and so did the subject of a passive
    ['LG能源解决方案在今年5月份击败了宁德时代。', { 'lg-energy-solution': 'positive', catl: 'negative' }],
    ['宁德时代被LG能源解决方案反超。', { 'lg-energy-solution': 'positive', catl: 'negative' }],
  ])('%s', (text, expected) => {
    const labels = entityLabels(text);
    for (const [id, label] of Object.entries(expected)) expect([id, labels[id]]).toEqual([id, label]);
  });

  it('credits a growth claim to its subject, not to the source (出货量同比下跌 is bad news for that company)', () => {
    const entities = analyzeText('据Canalys数据，小米第四季度出货量同比下跌11%。').entities;
    const score = (id: string) => entities.find((e) => e.id === id)!.sentiment.score;
    expect(entities.find((e) => e.id === 'xiaomi')!.sentiment.label).toBe('negative');
    // Canalys only inherits some of the article's reading; no evidence is its own.
    expect(score('canalys')).toBeGreaterThan(score('xiaomi') / 2);
  });
});

describe('article aggregation', () => {
  it('balances positive and negative evidence instead of summing it', () => {
    const mixed = balanceScore([{ score: 0.6, weight: 1 }, { score: -0.6, weight: 1 }], { evidencePrior: 1, neutralWeight: 0.25 });
    const oneSided = balanceScore([{ score: 0.6, weight: 1 }, { score: 0.6, weight: 1 }], { evidencePrior: 1, neutralWeight: 0.25 });
    const diluted = balanceScore([{ score: 0.6, weight: 1 }, ...Array.from({ length: 20 }, () => ({ score: 0, weight: 1 }))], { evidencePrior: 1, neutralWeight: 0.25 });
    expect(mixed).toBe(0);
    expect(oneSided).toBeGreaterThan(0.5);
    expect(diluted).toBeLessThan(oneSided / 2);
  });

  it('reads an article that names no company as off-topic, hence neutral (feeds/cls_2026-06-03…)', () => {
    const a = analyzeText('此后，COMEX铜库存保持上升态势。业内人士表示，非美市场短缺持续加剧。');
    expect(a.sentiment.label).toBe('neutral');
  });

  it('gives the headline a fixed share, so a long body does not drown it', () => {
    const body = Array.from({ length: 20 }, (_, i) => `第${i + 1}段介绍了公司的产品线。`).join('');
    const a = analyzeText(`${body}华为表示业务稳定。`, { title: '华为上半年利润大幅下滑' });
    expect(a.sentiment.score).toBeLessThan(0);
  });

  it('ignores terms inside names (健康 in 京东健康)', () => {
    const a = analyzeText('京东健康将于明天上市。');
    expect(a.sentiment.evidence.map((e) => e.text)).not.toContain('健康');
  });
});

import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/doc/types.ts';
import { analyzeText } from '../pipeline/analyze-text.ts';

// analyzeText dates its documents 2022-02-08, like the Xiaomi letter the issue quotes.
const claimsOf = (text: string, meta: Parameters<typeof analyzeText>[1] = {}) => analyzeText(text, meta).claims;

/** The claim whose span includes `span`, so a case names the figure it is about. */
function claimAt(claims: readonly Claim[], span: string): Claim | undefined {
  return claims.find((c) => c.text.includes(span));
}

describe('claims: the examples of issue 5 and CONTRACT.md', () => {
  it.each([
    // finews/2022-02-08 (Xiaomi's internal letter)
    ['雷军表示，小米将坚决执行“5年1000亿”研发计划。', '5年1000亿',
      { kind: 'investment', status: 'target', text: '5年1000亿', value: 100000000000, valueMax: null, qualifier: 'exact', unit: 'CNY', horizonYears: 5, subject: 'xiaomi' }],
    ['小米确立了“三年手机销量全球第一”的品牌战略。', '全球第一',
      { kind: 'ranking', status: 'target', text: '三年手机销量全球第一', value: 1, unit: 'rank', horizonYears: 3, scope: '全球' }],
    ['小米手机在2021年全年，中国市场出货量实现了两位数的增长，市场占有率排名第三。', '排名第三',
      { kind: 'ranking', status: 'reported', text: '市场占有率排名第三', value: 3, qualifier: 'exact', unit: 'rank', period: '2021' }],
    ['小米手机在2021年全年，中国市场出货量实现了两位数的增长，市场占有率排名第三。', '两位数',
      { kind: 'growth', status: 'reported', text: '两位数的增长', value: 10, valueMax: 99, qualifier: 'range', unit: '%' }],
    ['小米12Pro成为了京东、天猫一月份4000+ 价格段安卓销量冠军。', '4000+',
      { kind: 'price', text: '4000+ 价格段', value: 4000, qualifier: 'at_least', unit: 'CNY', subject: 'xiaomi' }],
    // the same sentence: a rank-1 claim whose scope is the price band
    ['小米12Pro成为了京东、天猫一月份4000+ 价格段安卓销量冠军。', '冠军',
      { kind: 'ranking', text: '安卓销量冠军', value: 1, unit: 'rank', scope: '4000+ 价格段' }],
    // finews/2022-02-11 (KION results)
    ['凯傲集团营业收入75.3亿欧元，同比增长25.6%。', '25.6%',
      { kind: 'growth', status: 'reported', text: '同比增长25.6%', value: 25.6, unit: '%' }],
    ['凯傲集团营业收入75.3亿欧元，同比增长25.6%。', '75.3亿欧元',
      { kind: 'financial', value: 7530000000, unit: 'EUR', metric: '营业收入' }],
    // ithome Counterpoint headline: a quarter without a year, reported in February, is last year's
    ['Counterpoint：中国智能手机Q4出货量跌11%。', '11%',
      { kind: 'growth', status: 'reported', text: '跌11%', value: -11, unit: '%', period: '2021-Q4', scope: '中国' }],
    ['小米首先要迎接的是长期占据着销量榜Top 2的苹果和三星。', 'Top 2',
      { kind: 'ranking', text: '销量榜Top 2', value: 2, qualifier: 'at_most', unit: 'rank' }],
    ['净利润4.3亿欧元，同比增长2.25倍。', '2.25倍',
      { kind: 'growth', value: 225, unit: '%' }],
  ])('%s → %s', (sentence, span, expected) => {
    expect(claimAt(claimsOf(sentence), span)).toMatchObject(expected);
  });

  it.each([
    ['The company posted revenue of $7.4 billion in the quarter.', '$7.4 billion',
      { kind: 'financial', status: 'reported', value: 7400000000, unit: 'USD', metric: 'revenue' }],
    ['Net profit rose 10 percent from a year earlier.', '10 percent',
      { kind: 'growth', status: 'reported', text: 'rose 10 percent', value: 10, unit: '%' }],
    // reuters/us-huawei-results: No.2 without a space
    ["Huawei, the world's No.2 telecommunications gear maker, posted a fall in profit.", 'No.2',
      { kind: 'ranking', value: 2, qualifier: 'exact', unit: 'rank', scope: '全球', subject: 'huawei' }],
    ["Xiaomi is China's second-largest smartphone maker.", 'second-largest',
      { kind: 'ranking', value: 2, unit: 'rank', scope: '中国' }],
    // reuters-2016 Apple results: a range written with “to”, a guidance
    ['Apple forecast second-quarter revenue of $50 billion to $53 billion.', '$50 billion',
      { kind: 'financial', status: 'target', value: 50000000000, valueMax: 53000000000, qualifier: 'range', unit: 'USD' }],
    ['Apple said it sold 74.8 million iPhones in the quarter.', '74.8 million',
      { kind: 'volume', value: 74800000, unit: 'units' }],
    ['Greater China revenue was $18.37 billion, accounting for 24.2 percent of total revenue.', '24.2 percent',
      { kind: 'share', value: 24.2, unit: '%' }],
    ['Apple reported earnings of 12 cents per share.', '12 cents',
      { kind: 'financial', value: 0.12, unit: 'USD' }],
  ])('%s → %s', (sentence, span, expected) => {
    expect(claimAt(claimsOf(sentence), span)).toMatchObject(expected);
  });
});

describe('claims: figures that are not claims', () => {
  it.each([
    ['a date', '2022年2月8日，雷军发布内部信。'],
    ['a year on its own', '小米成立于2010年。'],
    ['a duration on its own', '雷军说，这三年时间过得很快。'],
    ['a duration looking back', '过去5年，小米经历了很多。'],
    ['a model number', '小米12今天正式发布。'],
    ['an English model number', 'Apple introduced the iPhone 13 in September.'],
    ['a chip name', '骁龙8芯片性能强劲。'],
    ['a Hong Kong stock code', '小米集团（01810.HK）今日发布公告。'],
    ['an A-share stock code', '贵州茅台（600519）今日发布公告。'],
    ['a phone number', '客服电话：400-100-5678。'],
    ['list markers 1) 2)', '1) 提升产品力；2) 扩大渠道。'],
    ['list markers 一、二、', '一、坚持高端化。二、扩大渠道。'],
    ['list markers 第一，第二，', '第一，坚持高端化；第二，扩大渠道。'],
    ['names with numerals', '三星和一加都发布了新机。'],
    ['a brand with a numeral', '七彩虹发布新显卡。'],
    ['a company named by a number', '360公司发布公告。'],
    ['English times and durations', 'The meeting lasted 3 hours and ended at 5 p.m.'],
    // market data (data/gold README): share prices, indexes, commodity quotes, exchange rates
    ['a share price and its move', '截至4月6日美股收盘，京东股价报收59美元，跌幅3%。'],
    ['an index move', '今日三大指数集体走高，其中，创业板指大涨超2%。'],
    ['a commodity quote', 'COMEX铜价6月2日盘中冲高至6.649美元/磅。'],
    ['an exchange rate', '($1 = 6.1210 Chinese yuan)'],
    ['a stock move in English', 'Tesla shares rose 17 percent to $65.50 in after-hours trading.'],
    // counting words of running text
    ['one of something', '特斯拉上海工厂每生产一台Model 3，就会给LG能源贡献出一份订单。'],
    ['a small count in Chinese numerals', '这两款车的涨价幅度很大。'],
  ])('%s: %s', (_what, sentence) => {
    expect(claimsOf(sentence)).toEqual([]);
  });

  it('drops a conversion in brackets and keeps the amount it converts', () => {
    // reuters-2016 Xiaomi smart home: 10 billion yuan ($1.54 billion)
    const claims = claimsOf('Xiaomi aims to reach 10 billion yuan ($1.54 billion) this year.');
    expect(claims.map((c) => [c.value, c.unit])).toEqual([[10000000000, 'CNY']]);
  });
});

describe('claims: status', () => {
  it.each([
    // a forecast word labels only the figure right after it (feeds/cls Apple results)
    ['iPad收入61.9亿美元，预估68.9亿美元，MAC收入103.5亿美元。', '103.5亿美元', 'reported'],
    ['iPad收入61.9亿美元，预估68.9亿美元，MAC收入103.5亿美元。', '68.9亿美元', 'target'],
    // a weak 将 reaches the figures chained to the one after it (feeds/eastmoney Counterpoint forecast)
    ['2026年全球智能手机出货量将同比下降13.9%至约10.8亿部。', '10.8亿部', 'target'],
    // a target word after the figure (ofweek Huawei stores)
    ['余承东在公司内部也定下了明年销售30万台的目标。', '30万台', 'target'],
    // comparing with a forecast is not a forecast (reuters Tesla)
    ['Tesla reported its first-ever quarterly profit, trouncing Wall Street estimates, as it delivered nearly 5,000 Model S cars.', '5,000', 'reported'],
    // the figure's own past year (cnbeta Ming-Chi Kuo)
    ['郭明錤将2022年的增长率预测下调至5~7%，远低于2021年16%的增长。', '16%', 'reported'],
  ])('%s → %s is %s', (sentence, span, status) => {
    expect(claimAt(claimsOf(sentence), span)?.status).toBe(status);
  });
});

describe('claims: offsets', () => {
  it('every claim span is a slice of the text', () => {
    const text = '小米集团2021年营收3283亿元，同比增长33.5%；市场份额为14%，排名全球第三。\nApple sold 74.8 million iPhones, up 0.4 percent.';
    for (const c of analyzeText(text).claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

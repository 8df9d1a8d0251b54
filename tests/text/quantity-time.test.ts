import { describe, expect, it } from 'vitest';
import { recognizeTimes, type TimeExpression } from '../../src/text/quantity/index.ts';

// 财联社, 2022-02-08 20:53 Beijing time (the Xiaomi premium-strategy letter)
const PUBLISHED = '2022-02-08T20:53:15+08:00';

type Expected = Partial<TimeExpression>;

describe('recognizeTimes', () => {
  it.each<[string, Expected]>([
    ['2021年营收', { text: '2021年', kind: 'year', period: '2021', horizonYears: null }],
    ['2021年全年', { text: '2021年全年', kind: 'year', period: '2021' }],
    ['2021财年', { text: '2021财年', period: '2021' }],
    ['二〇二一年', { period: '2021' }],
    ['远低于 2022 年的增长', { text: '2022 年', period: '2022' }],
    ['FY2021', { kind: 'year', period: '2021' }],
    ['今年', { kind: 'year', period: '2022' }],
    ['去年', { period: '2021' }],
    ['明年', { period: '2023' }],
    ['前年', { period: '2020' }],
    ['Q1', { kind: 'quarter', period: '2022-Q1' }],
    ['2021Q4', { period: '2021-Q4' }],
    ['2021 Q4', { text: '2021 Q4', period: '2021-Q4' }],
    ['一季度', { kind: 'quarter', period: '2022-Q1' }],
    ['第一季度', { text: '第一季度', period: '2022-Q1' }],
    ['四季度', { period: '2022-Q4' }],
    ['去年四季度', { text: '去年四季度', period: '2021-Q4' }],
    ['2021年第四季度', { text: '2021年第四季度', period: '2021-Q4' }],
    ['2021财年第三季度', { period: '2021-Q3' }],
    ['上季度', { period: '2021-Q4' }],
    ['前三季度', { kind: 'quarter', period: '2022-Q1/2022-Q3' }],
    ['上半年', { kind: 'half', period: '2022-H1' }],
    ['下半年', { period: '2022-H2' }],
    ['H1', { kind: 'half', period: '2022-H1' }],
    ['2022年上半年', { text: '2022年上半年', period: '2022-H1' }],
    ['22年上半年', { period: '2022-H1' }],
    ['一月份', { kind: 'month', period: '2022-01' }],
    ['1月', { period: '2022-01' }],
    ['十二月', { period: '2022-12' }],
    ['去年12月', { text: '去年12月', period: '2021-12' }],
    ['上个月', { kind: 'month', period: '2022-01' }],
    ['2月8日雷军发布内部信', { text: '2月8日', kind: 'month', period: '2022-02' }],
    // 首月 is a month of something; it is January only after a year
    ['上市首月', { text: '首月', kind: 'month', period: null }],
    ['2022年首月', { period: '2022-01' }],
    // CONTRACT.md: “5年1000亿” → horizonYears 5
    ['5年1000亿', { text: '5年', kind: 'horizon', period: null, horizonYears: 5 }],
    ['三年内', { text: '三年内', horizonYears: 3 }],
    ['未来三年', { text: '未来三年', horizonYears: 3 }],
    ['五年', { horizonYears: 5 }],
    ['三年手机销量全球第一', { text: '三年', horizonYears: 3 }],
    ['半年内', { horizonYears: 0.5 }],
    ['一年半', { horizonYears: 1.5 }],
  ])('%s', (input, expected) => {
    const found = recognizeTimes(input, PUBLISHED);
    expect(found, JSON.stringify(found)).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it.each<[string, string | null]>([
    ['今年一季度', null],
    ['上季度', null],
    ['上半年', null],
    ['2021年', '2021'],
    ['2021年第四季度', '2021-Q4'],
  ])('without publishedAt, %s resolves to %s', (input, period) => {
    expect(recognizeTimes(input)[0]?.period).toBe(period);
  });

  it.each(['3个月', '小米12', 'A2021年', '12021', '第三方'])('%s holds no time', (input) => {
    expect(recognizeTimes(input, PUBLISHED)).toEqual([]);
  });

  it('finds several in one sentence, with exact offsets', () => {
    const text = '小米2021年第四季度营收851亿元，预计今年上半年和未来三年继续增长，2月8日雷军发布内部信。';
    const found = recognizeTimes(text, PUBLISHED);
    expect(found.map((t) => [t.text, t.period ?? t.horizonYears])).toEqual([
      ['2021年第四季度', '2021-Q4'],
      ['今年上半年', '2022-H1'],
      ['未来三年', 3],
      ['2月8日', '2022-02'],
    ]);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

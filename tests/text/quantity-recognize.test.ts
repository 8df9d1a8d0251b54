import { describe, expect, it } from 'vitest';
import { recognizeQuantities, type Quantity } from '../../src/text/quantity/index.ts';
import { leadPairAt, WORD_LEAD } from '../../src/text/quantity/tables.ts';
import { loadQuantityLexicon } from '../../src/lexicons/quantity.ts';

type Expected = Partial<Quantity>;

/** The one quantity in `input` (the test fails if there is not exactly one). */
function only(input: string): Quantity {
  const all = recognizeQuantities(input);
  expect(all, JSON.stringify(all)).toHaveLength(1);
  return all[0]!;
}

describe('percentages', () => {
  it.each<[string, Expected]>([
    ['增长５３．２％', { text: '５３．２％', kind: 'percent', value: 53.2, unit: '%' }],
    ['占比53．2％', { text: '53．2％', value: 53.2, unit: '%' }],
    ['同比下降-22.2%', { text: '-22.2%', value: -22.2 }],
    ['负3.9%', { text: '负3.9%', value: -3.9 }],
    ['百分之零点九', { kind: 'percent', value: 0.9, unit: '%' }],
    ['百分之五十', { value: 50 }],
    ['百分之百', { value: 100 }],
    ['千分之三', { value: 0.3 }],
    ['3‰', { value: 0.3, unit: '%' }],
    // Recognizers-Text#2257: a share of a bare power of ten is a percentage
    ['十分之一', { text: '十分之一', kind: 'percent', value: 10, unit: '%' }],
    ['三成', { value: 30, unit: '%' }],
    ['同比增近五成', { text: '近五成', value: 50, qualifier: 'about' }],
    ['三成半', { value: 35 }],
    ['七成六', { value: 76 }],
    ['半成', { value: 5 }],
    ['下降2.4个百分点', { text: '2.4个百分点', kind: 'percent', value: 2.4, unit: 'pp' }],
    ['提升了三 个百分点', { text: '三 个百分点', value: 3, unit: 'pp' }],
    ['全场打八折', { text: '八折', value: 80, unit: '%' }],
    ['75折', { value: 75 }],
    ['9.9折', { value: 99 }],
    ['打对折', { text: '对折', value: 50 }],
    ['up 12 percent', { text: '12 percent', value: 12, unit: '%' }],
    ['3.5 percentage points', { value: 3.5, unit: 'pp' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toMatchObject(expected);
  });

  it.each([
    ['十折', 'ten tenths is no discount'],
    ['折旧5年', 'depreciation, not a discount'],
    ['三折叠屏', 'a tri-fold screen'],
  ])('%s is not a percentage (%s)', (input) => {
    expect(recognizeQuantities(input).filter((q) => q.kind === 'percent')).toEqual([]);
  });
});

describe('ordinals', () => {
  it.each<[string, Expected]>([
    ['排名第三', { text: '第三', kind: 'ordinal', value: 3, qualifier: 'exact', unit: 'rank' }],
    ['第1', { text: '第1', value: 1, unit: 'rank' }],
    ['第二百五十', { value: 250 }],
    ['第２５０', { text: '第２５０', value: 250 }],
    ['第3万回', { text: '第3万', value: 30000 }],
    // CONTRACT.md: 销量榜Top 2 → ranking, value 2, at_most
    ['销量榜Top 2', { text: 'Top 2', kind: 'ordinal', value: 2, qualifier: 'at_most', unit: 'rank' }],
    // Recognizers-Text#1942
    ['单销量排名前三的品牌', { text: '前三', value: 3, qualifier: 'at_most' }],
    ['前五大客户', { text: '前五', value: 5, qualifier: 'at_most' }],
    ["the world's No.2 maker", { text: 'No.2', value: 2, qualifier: 'exact' }],
    ['ranked 3rd', { text: '3rd', kind: 'ordinal', value: 3 }],
  ])('%s', (input, expected) => {
    expect(only(input)).toMatchObject(expected);
  });

  it.each(['第三方支付', '第一时间回应', '第一季度', '前两年'])('%s has no rank', (input) => {
    expect(recognizeQuantities(input)).toEqual([]);
  });
});

describe('approximations and ranges', () => {
  it.each<[string, Expected]>([
    ['近100亿元', { text: '近100亿元', kind: 'currency', value: 10000000000, qualifier: 'about', unit: 'CNY' }],
    ['约3万台', { value: 30000, qualifier: 'about', unit: 'units' }],
    ['大约5000人', { value: 5000, qualifier: 'about', unit: '人' }],
    ['超3000家', { value: 3000, qualifier: 'at_least', unit: '家' }],
    ['超过1000万辆', { value: 10000000, qualifier: 'at_least', unit: 'units' }],
    ['超过了80', { text: '超过了80', value: 80, qualifier: 'at_least' }],
    ['逾200家', { value: 200, qualifier: 'at_least' }],
    ['30余家', { text: '30余家', value: 30, valueMax: null, qualifier: 'at_least', unit: '家' }],
    ['3000多款', { value: 3000, qualifier: 'at_least', unit: '款' }],
    ['300万台左右', { text: '300万台左右', value: 3000000, qualifier: 'about' }],
    ['10%以上', { value: 10, qualifier: 'at_least', unit: '%' }],
    ['5%以下', { value: 5, qualifier: 'at_most' }],
    ['不到1%', { text: '不到1%', value: 1, qualifier: 'at_most' }],
    ['不足千人', { text: '不足千人', value: 1000, qualifier: 'at_most' }],
    ['过百亿', { value: 10000000000, qualifier: 'at_least' }],
    ['上万家', { value: 10000, qualifier: 'at_least', unit: '家' }],
    ['近千亿', { value: 100000000000, qualifier: 'about' }],
    // CONTRACT.md: 4000+ 价格段 → value 4000, at_least
    ['4000+价格段', { text: '4000+', value: 4000, qualifier: 'at_least' }],
    // 几 in a later place is any digit 0–9; leading 几/数 is 2–9 (Recognizers-Text#2657: 数十 is 20..100)
    ['三十几万', { kind: 'number', value: 300000, valueMax: 390000, qualifier: 'range' }],
    ['十几万人', { value: 100000, valueMax: 190000, qualifier: 'range', unit: '人' }],
    ['几十万人', { value: 200000, valueMax: 900000, qualifier: 'range' }],
    ['数十家', { value: 20, valueMax: 90, qualifier: 'range', unit: '家' }],
    ['十来万', { value: 100000, qualifier: 'at_least' }], // Recognizers-Text#2652
    // CONTRACT.md: 两位数的增长 → 10..99
    ['两位数的增长', { text: '两位数', kind: 'number', value: 10, valueMax: 99, qualifier: 'range' }],
    ['个位数增长', { text: '个位数', value: 1, valueMax: 9, qualifier: 'range' }],
    // two digits side by side are a range, never 23 (WeTextProcessing#232: 三四十万)
    ['两三个', { text: '两三个', kind: 'range', value: 2, valueMax: 3, qualifier: 'range', unit: '个' }],
    ['三四十万', { kind: 'range', value: 300000, valueMax: 400000 }],
    ['一万六七', { kind: 'range', value: 16000, valueMax: 17000 }],
    ['二三十个百分点', { kind: 'range', value: 20, valueMax: 30, unit: 'pp' }],
    ['10%-15%', { text: '10%-15%', kind: 'range', value: 10, valueMax: 15, unit: '%' }],
    ['10%~15%', { kind: 'range', value: 10, valueMax: 15, unit: '%' }],
    ['10至15%', { text: '10至15%', kind: 'range', value: 10, valueMax: 15, unit: '%' }],
    ['同比增长54%-69%', { text: '54%-69%', value: 54, valueMax: 69 }],
    ['10-15亿元', { kind: 'range', value: 1000000000, valueMax: 1500000000, unit: 'CNY' }],
    ['3万-5万元', { value: 30000, valueMax: 50000, unit: 'CNY' }],
    ['2500-4000元价格档', { text: '2500-4000元', value: 2500, valueMax: 4000, unit: 'CNY' }],
    ['一千到一千五百', { kind: 'range', value: 1000, valueMax: 1500 }],
    ['七到八成', { kind: 'range', value: 70, valueMax: 80, unit: '%' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toMatchObject(expected);
  });

  it.each([
    ['股价涨10%到15元', 2, 'different units are two quantities'],
    ['100万200万', 2, 'a list, not 1000200万'],
    ['三千万五千万', 2, 'a list'],
  ])('%s gives %d quantities (%s)', (input, n) => {
    expect(recognizeQuantities(input)).toHaveLength(n);
  });
});

describe('currency', () => {
  it.each<[string, Expected]>([
    ['15元', { kind: 'currency', value: 15, unit: 'CNY' }],
    ['奖池金额攀升至36.57亿元。', { text: '36.57亿元', value: 3657000000, unit: 'CNY' }],
    ['净流出1200亿美元', { text: '1200亿美元', value: 120000000000, unit: 'USD' }],
    ['每股1.95港元', { value: 1.95, unit: 'HKD' }],
    ['200港币', { unit: 'HKD' }],
    ['30欧元', { unit: 'EUR' }],
    ['1万亿日元', { value: 1000000000000, unit: 'JPY' }],
    ['低于之前预期的5.6万亿韩元', { text: '5.6万亿韩元', value: 5600000000000, unit: 'KRW' }],
    ['100英镑', { unit: 'GBP' }],
    ['5306亿台币', { value: 530600000000, unit: 'TWD' }],
    ['20亿新台币', { unit: 'TWD' }],
    ['1.0092瑞士法郎', { unit: 'CHF' }],
    ['￥300', { text: '￥300', value: 300, unit: 'CNY' }],
    ['¥300', { unit: 'CNY' }],
    ['$20', { value: 20, unit: 'USD' }],
    ['US$1.2 billion', { text: 'US$1.2 billion', value: 1200000000, unit: 'USD' }],
    ['HK$3.5 billion', { value: 3500000000, unit: 'HKD' }],
    ['€5bn', { value: 5000000000, unit: 'EUR' }],
    ['RMB 100 million', { value: 100000000, unit: 'CNY' }],
    ['revenue of 8.12 trillion won', { text: '8.12 trillion won', value: 8120000000000, unit: 'KRW' }],
    ['a $7.4 billion deal', { text: '$7.4 billion', value: 7400000000, unit: 'USD' }],
    ['5.44 billion euros', { value: 5440000000, unit: 'EUR' }],
    ['8亿元人民币', { text: '8亿元人民币', value: 800000000, unit: 'CNY' }],
    ['人民币 8千元', { text: '人民币 8千元', value: 8000, unit: 'CNY' }],
    ['约人民币100亿元', { text: '约人民币100亿元', value: 10000000000, qualifier: 'about', unit: 'CNY' }],
    ['千元机', { text: '千元', value: 1000, unit: 'CNY' }],
    ['五元三毛', { value: 5.3, unit: 'CNY' }],
    ['50元6角三分', { value: 50.63, unit: 'CNY' }],
    ['两美元又三美分', { value: 2.03, unit: 'USD' }],
    ['花费我三块', { text: '三块', value: 3, unit: 'CNY' }],
    ['三块钱', { text: '三块钱', unit: 'CNY' }],
    // Recognizers-Text#2664: approximate amounts keep their qualifier
    ['三十几万元', { value: 300000, valueMax: 390000, qualifier: 'range', unit: 'CNY' }],
    ['二百余万元', { value: 2000000, qualifier: 'at_least', unit: 'CNY' }],
    ['一千多万元', { value: 10000000, qualifier: 'at_least', unit: 'CNY' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toMatchObject({ kind: 'currency', ...expected });
  });

  it.each([
    ['五角大楼宣布了作战计划', 'the Pentagon: 角 counts only after an amount in yuan'],
    ['2021元年', '元年 is a first year'],
    ['三块屏幕', 'pieces, not yuan'],
  ])('%s has no money (%s)', (input) => {
    expect(recognizeQuantities(input).filter((q) => q.kind === 'currency')).toEqual([]);
  });
});

describe('counted units', () => {
  it.each<[string, Expected]>([
    ['300万台', { value: 3000000, unit: 'units' }],
    ['5万辆', { value: 50000, unit: 'units' }],
    ['3部手机', { value: 3, unit: 'units' }],
    ['10家', { unit: '家' }],
    ['3000人', { unit: '人' }],
    ['200户', { unit: '户' }],
    ['1万个', { value: 10000, unit: '个' }],
    ['5款', { unit: '款' }],
    ['10颗', { unit: '颗' }],
    ['3片', { unit: '片' }],
    ['4块屏幕', { text: '4块', unit: '块' }],
    ['3.6亿股', { value: 360000000, unit: '股' }],
    ['增长3倍', { text: '3倍', unit: '倍' }],
    ['三星级酒店', { text: '三星级', value: 3, unit: '星级' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toMatchObject({ kind: 'number', ...expected });
  });

  it.each(['台湾', '部门', '家电', '人民'])('%s is a word, not a count', (input) => {
    expect(recognizeQuantities(`三${input}`).filter((q) => q.unit !== null)).toEqual([]);
  });
});

describe('not quantities (default business mode)', () => {
  it.each([
    ['2021年营收', 'a year is a time'],
    ['2022 年', 'a spaced year'],
    ['2月8日', 'a date'],
    ['未来三年', 'a horizon'],
    ['5年1000亿', 'keeps only the amount'],
    ['第一季度', 'a quarter'],
    ['600519', 'a stock code'],
    ['股票代码01810', 'a stock code with a leading zero'],
    ['小米集团（01810.HK）', 'a ticker'],
    ['HK:01810', 'a listing'],
    ['13812345678', 'a phone number'],
    ['400-800-1234', 'a hyphenated phone number'],
    ['2022-02-08', 'an ISO date'],
    ['2022.02.08', 'a dotted date'],
    ['V10.3.1', 'a version'],
    ['5G手机', 'glued to a letter'],
    ['7nm制程', 'glued to a unit in letters'],
    ['4K屏幕', 'a screen resolution'],
    ['A202107211321363588510367', 'an order number'],
    ['http://example.com/a?x=30%25&y=2%', 'inside a URL'],
    ['四川', 'a place name'],
    ['一切', 'a word'],
    ['统一', 'a word'],
    ['队伍', 'a word with a formal numeral'],
    ['陆续', 'a word with a formal numeral'],
    ['十分重要', '十分 is very'],
    ['三星手机', 'a brand'],
    ['程一笑', 'a lone character in a name'],
    ['沪深两市', 'a lone character'],
    ['零售', 'a word'],
  ])('%s → [] (%s)', (input) => {
    const found = recognizeQuantities(input);
    expect(found.filter((q) => !(input === '5年1000亿' && q.text === '1000亿'))).toEqual([]);
  });

  it.each([
    // documented: model numbers after a space or a Chinese brand stay plain numbers (the caller masks entity spans)
    ['iPhone 13', '13'],
    ['小米12', '12'],
    ['Model 3', '3'],
  ])('%s gives the plain number %s', (input, text) => {
    expect(only(input)).toMatchObject({ text, kind: 'number', unit: null, qualifier: 'exact' });
  });
});

describe('numerals mode', () => {
  it.each<[string, string[]]>([
    ['１９９１年１月１６日', ['１９９１', '１', '１６']],
    ['九年八吨', ['九', '八吨']],
    ['600519', ['600519']],
    ['2222.2222.22222.222', ['2222', '2222', '22222', '222']],
  ])('%s', (input, texts) => {
    expect(recognizeQuantities(input, { mode: 'numerals' }).map((q) => q.text)).toEqual(texts);
  });
});

describe('offsets', () => {
  const inputs = [
    '其中，小米智能手机业务营收为591亿元，同比增长86.8%，占总营收比重为67.3%；IoT与生活消费品营收为207亿元。',
    '１９９１年１月１６日晚巴黎时间２０点：法国总统密特朗发表电视讲话',
    '特斯拉第三季度共售出24.13万辆汽车，比去年同期增加10.2万辆，多了整整73.2%（2019年，特斯拉全年一共才卖了367500辆）。',
    '😀 emoji前面的3.5亿元和𠮷野家的两三家店',
    '据可靠估计，未来五年电动车产销增速将保持在40%以上，到2025年电动车新车占比将突破20%。',
  ];
  it.each(inputs)('slices back to the text, sorted and non-overlapping: %s', (input) => {
    for (const mode of ['business', 'numerals'] as const) {
      const found = recognizeQuantities(input, { mode });
      let last = 0;
      for (const q of found) {
        expect(input.slice(q.start, q.end)).toBe(q.text);
        expect(q.start).toBeGreaterThanOrEqual(last);
        last = q.end;
      }
    }
  });
});

describe('robustness', () => {
  // Random strings over the characters the recognizer cares about; a leading
  // point inside a dotted chain (".3.4") once produced an empty match and looped.
  const alphabet = [...'0123456789０１２.．,，-－~至到%％‰一二两三四五六七八九十百千万亿零〇壹拾佰萬億点负分之又几多余左右以上约近超过第前年月日季度元美港台家个成折 kMbillionwonTopQ$¥€😀\n'];
  let seed = 7;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const inputs = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(rnd() * 24) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));

  it('keeps every invariant on 3000 random strings', () => {
    for (const s of inputs) {
      for (const mode of ['business', 'numerals'] as const) {
        let last = 0;
        for (const q of recognizeQuantities(s, { mode })) {
          const ok = s.slice(q.start, q.end) === q.text && q.start >= last && q.end > q.start && Number.isFinite(q.value)
            && (q.valueMax === null) === (q.qualifier !== 'range') && (q.valueMax === null || q.valueMax >= q.value);
          if (!ok) expect.fail(`${JSON.stringify(s)} → ${JSON.stringify(q)}`);
          last = q.end;
        }
      }
    }
  });

  it('passes over a word-lead character only where none of its words begins', () => {
    // the scanner's start filter must keep every position where a prefix, ordinal, currency, fixed or non-numeral word stands
    const lex = loadQuantityLexicon();
    const words = [
      ...lex.qualifiers.filter((q) => q.position === 'prefix' || q.position === 'ordinal'), ...lex.currencies.filter((c) => c.position === 'prefix'),
      ...lex.nonNumerals, ...lex.words, ...lex.percentWords,
    ].map((e) => e.word);
    const led = words.filter((w) => WORD_LEAD[w.charCodeAt(0)] === 1);
    expect(led).toContain('不到');
    for (const w of led) if (!leadPairAt(`${w}5`, 0)) expect.fail(`the filter skips ${w}`);
    // numerals, markers and one-character words (约, 第, 前) are never filtered
    for (const ch of '一两十万亿负几约第前5') expect(WORD_LEAD[ch.charCodeAt(0)], ch).toBe(0);
    expect(recognizeQuantities('不到5成')).toHaveLength(1);
  });

  it('stays linear on long runs', () => {
    for (const s of ['万'.repeat(20000), '1.'.repeat(10000), '5-'.repeat(10000), '两三'.repeat(10000), '十'.repeat(20000)]) {
      const t0 = performance.now();
      recognizeQuantities(s, { mode: 'numerals' });
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});

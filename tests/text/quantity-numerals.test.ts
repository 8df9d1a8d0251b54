import { describe, expect, it } from 'vitest';
import { parseChineseNumber, recognizeQuantities } from '../../src/text/quantity/index.ts';

describe('parseChineseNumber', () => {
  it.each([
    // Arabic numerals: separators, decimals, full-width forms
    ['1,100万', '11000000'],
    ['1,100.9亿', '110090000000'],
    ['1,050,000,000', '1050000000'],
    ['５３．２', '53.2'],
    ['４，５６５', '4565'],
    ['.5', '0.5'],
    // Chinese numerals, 两, 零, 〇, formal digits
    ['十二亿三千万', '1230000000'],
    ['一万零一十二', '10012'],
    ['一万零十二', '10012'],
    ['一千零五', '1005'],
    ['两千两百二十五', '2225'], // cn2an#62
    ['一千八百万', '18000000'], // chinese2digits#2 read it as 1008000000
    ['二〇二一', '2021'],
    ['零点五', '0.5'],
    ['壹佰伍拾', '150'],
    ['肆佰陸拾', '460'],
    ['贰拾万', '200000'],
    ['倆千两百贰拾二', '2222'],
    // a trailing digit fills the next place down
    ['两千四百五', '2450'],
    ['一万三', '13000'],
    ['九十二万四', '924000'],
    ['百三', '130'],
    // scale words
    ['万亿', '1000000000000'],
    ['千亿', '100000000000'],
    ['百万', '1000000'],
    ['十万', '100000'],
    ['二十万亿', '20000000000000'],
    ['三万亿', '3000000000000'], // cn2an#19
    ['三千万亿', '3000000000000000'], // cn2an#19
    ['一万五千亿', '1500000000000'], // Recognizers-Text#759
    ['四万万', '400000000'],
    ['五兆六十二亿四万五千二', '5006200045200'],
    ['4.78萬億', '4780000000000'],
    // mixed Arabic and Chinese
    ['1.2万亿', '1200000000000'],
    ['16.4亿', '1640000000'],
    ['3万4000', '34000'],
    ['25万6千', '256000'],
    ['1千零20', '1020'],
    ['2千零30万', '20300000'],
    ['7千3百', '7300'], // chinese2digits#24
    ['7万 5千 4百', '75400'],
    // negatives, fractions, scientific notation
    ['负三十二', '-32'],
    ['负1.1', '-1.1'],
    ['-10000', '-10000'],
    ['五分之一', '0.2'],
    ['五百分之2333', '4.666'],
    ['一千分之一', '0.001'],
    ['负一又二分之一', '-1.5'],
    ['３／５', '0.6'],
    ['1 3/5', '1.6'],
    ['1.5e10', '15000000000'],
    ['1.5×10^8', '150000000'],
    ['2^-1', '0.5'],
    ['２.７８９０e－１', '0.2789'],
    ['40k', '40000'],
    ['十打', '120'],
  ])('%s → %s', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });

  it.each([
    ['三分之一', 'a third has no exact decimal'],
    ['三十几万', 'a range'],
    ['两三', 'a range'],
    ['十多万', 'only a lower bound'],
    ['万', 'a bare place word'],
    ['万万', 'a bare place word'],
    ['一百块', 'more than a numeral'],
    ['abc', 'no numeral'],
  ])('%s → null (%s)', (input) => {
    expect(parseChineseNumber(input)).toBeNull();
  });
});

describe('exact values', () => {
  it.each([
    // cn2an#55: 16.4亿 came out as 1639999999 through floats
    ['16.4亿', 1640000000, '1640000000'],
    ['16.9亿', 1690000000, '1690000000'],
    ['1.1亿', 110000000, '110000000'],
    ['0.07亿', 7000000, '7000000'],
    ['1.2万亿', 1200000000000, '1200000000000'],
    ['4.78万亿', 4780000000000, '4780000000000'],
    ['36.57亿元', 3657000000, '3657000000'],
    ['百分之零点九', 0.9, '0.9'],
  ])('%s is exactly %d', (input, value, exact) => {
    const [q] = recognizeQuantities(input);
    expect(q?.value).toBe(value);
    expect(q?.exact).toBe(exact);
  });

  it('keeps a non-terminating fraction without an exact string', () => {
    const [q] = recognizeQuantities('三分之一');
    expect(q).toMatchObject({ kind: 'number', value: 1 / 3 });
    expect(q?.exact).toBeUndefined();
  });
});

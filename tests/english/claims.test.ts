import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/doc/types.ts';
import { analyzeText } from '../pipeline/analyze-text.ts';

// Each sentence is copied from a wire in tests/fixtures/corpus/reuters* (the
// comment names it) and analysed with that wire's date, since "this year" and
// "next year" are read against it.
const DATES = {
  apple2016: '2016-01-26T22:52:05+08:00',
  xiaomi2016: '2016-04-28T05:26:03+08:00',
  appleCook: '2012-05-30T02:45:00-04:00',
  alibaba: '2013-10-13T17:00:00-04:00',
  bydComeback: '2013-08-25T22:31:00-04:00',
  googleXiaomi: '2013-08-29T12:52:00-04:00',
  huawei: '2012-07-24T09:11:00-04:00',
  lenovo: '2013-11-07T07:22:00-05:00',
  microsoft: '2013-09-03T19:16:00-04:00',
  samsung: '2013-11-06T03:41:00-05:00',
  tesla: '2013-05-08T20:18:00-04:00',
  tsmc2009: '2009-07-30T05:00:00-04:00',
} as const;
type Wire = keyof typeof DATES;

const claimsOf = (wire: Wire, sentence: string) => analyzeText(sentence, { publishedAt: DATES[wire] }).claims;

/** The claim whose span includes `span`, so a case names the figure it is about. */
function claimAt(claims: readonly Claim[], span: string): Claim | undefined {
  return claims.find((c) => c.text.includes(span));
}

type Case = [Wire, string, string, Partial<Claim>];

describe('English amounts: currencies, scales, and a conversion counted once', () => {
  it.each<Case>([
    // reuters/us-microsoft-nokia-…
    ['microsoft', "HELSINKI/SEATTLE (Reuters) - Microsoft Corp will buy Nokia's phone business and license its patents for 5.44 billion euros ($7.2 billion), a bold foray into mobile devices that also brings potential chief executive contender Stephen Elop back into the fold.",
      '5.44 billion euros', { value: 5440000000, valueMax: null, qualifier: 'exact', unit: 'EUR' }],
    // reuters/us-tsmc-idUSTRE56T1LV20090730: Taiwan dollars, a result and the estimate it beat
    ['tsmc2009', "The company reported a net profit of T$24.44 billion ($743 million) in April-June, slightly better than market estimates of a T$23.3 billion profit and sharply higher than the first quarter's T$1.56 billion.",
      'T$24.44 billion', { kind: 'financial', status: 'reported', value: 24440000000, unit: 'TWD' }],
    ['tsmc2009', "The company reported a net profit of T$24.44 billion ($743 million) in April-June, slightly better than market estimates of a T$23.3 billion profit and sharply higher than the first quarter's T$1.56 billion.",
      'T$1.56 billion', { kind: 'financial', status: 'reported', value: 1560000000, unit: 'TWD' }],
    // reuters/us-huawei-results-…
    ['huawei', 'In a seven paragraph statement, it said operating profit of 8.79 billion yuan ($1.4 billion) for January to June was lower than a year earlier but up 20.3 percent compared with the second half of 2011.',
      '8.79 billion yuan', { kind: 'financial', status: 'reported', value: 8790000000, unit: 'CNY' }],
    // reuters/us-byd-comeback-…: this half's profit and last year's
    ['bydComeback', 'Shenzhen-based BYD said on Sunday its first-half net profit rose to 426.9 million yuan ($69.74 million), well ahead of the 16.3 million yuan it earned in the same period a year earlier, helped by strong auto sales and an improvement in its solar cell business.',
      '426.9 million yuan', { kind: 'financial', status: 'reported', value: 426900000, unit: 'CNY' }],
    ['bydComeback', 'Shenzhen-based BYD said on Sunday its first-half net profit rose to 426.9 million yuan ($69.74 million), well ahead of the 16.3 million yuan it earned in the same period a year earlier, helped by strong auto sales and an improvement in its solar cell business.',
      '16.3 million yuan', { kind: 'financial', status: 'reported', value: 16300000, unit: 'CNY' }],
  ])('%s: %s → %s', (wire, sentence, span, expected) => {
    expect(claimAt(claimsOf(wire, sentence), span)).toMatchObject(expected);
  });

  it.each<[Wire, string, number]>([
    ['microsoft', "HELSINKI/SEATTLE (Reuters) - Microsoft Corp will buy Nokia's phone business and license its patents for 5.44 billion euros ($7.2 billion), a bold foray into mobile devices that also brings potential chief executive contender Stephen Elop back into the fold.", 7200000000],
    ['tsmc2009', "The company reported a net profit of T$24.44 billion ($743 million) in April-June, slightly better than market estimates of a T$23.3 billion profit and sharply higher than the first quarter's T$1.56 billion.", 743000000],
    ['huawei', 'In a seven paragraph statement, it said operating profit of 8.79 billion yuan ($1.4 billion) for January to June was lower than a year earlier but up 20.3 percent compared with the second half of 2011.', 1400000000],
    ['bydComeback', 'Shenzhen-based BYD said on Sunday its first-half net profit rose to 426.9 million yuan ($69.74 million), well ahead of the 16.3 million yuan it earned in the same period a year earlier, helped by strong auto sales and an improvement in its solar cell business.', 69740000],
    // reuters-2016/2016-04-28-chinas-xiaomi-…
    ['xiaomi2016', "Xiaomi expects sales of smart home devices to reach 10 billion yuan ($1.54 billion) this year, up from 5 billion yuan a year ago, said the company's vice president Liu De, speaking to reporters at the Global Mobile Internet Conference in Beijing.", 1540000000],
  ])('%s: the conversion in brackets is not a second claim (%s)', (wire, sentence, converted) => {
    const claims = claimsOf(wire, sentence);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter((c) => c.unit === 'USD' && Math.abs(c.value - converted) < 1)).toEqual([]);
  });
});

describe('English rates and shares', () => {
  it.each<Case>([
    // reuters/us-huawei-results-…: a fall written as a noun
    ['huawei', "HONG KONG (Reuters) - Huawei Technologies Co Ltd HWT.UL, the world's No.2 telecommunications gear maker, posted a 22 percent fall in first-half operating profit, citing the \"significant challenge\" of the global economy and the telecoms equipment market.",
      '22 percent', { kind: 'growth', status: 'reported', value: -22, unit: '%' }],
    ['huawei', 'First-half revenues rose 5.1 percent from a year earlier to 102.7 billion yuan.',
      '5.1 percent', { kind: 'growth', status: 'reported', value: 5.1, unit: '%' }],
    ['huawei', 'First-half revenues rose 5.1 percent from a year earlier to 102.7 billion yuan.',
      '102.7 billion yuan', { kind: 'financial', status: 'reported', value: 102700000000, unit: 'CNY' }],
    // reuters/us-byd-comeback-…
    ["bydComeback", "Its car sales jumped 25 percent to more than 250,000 units in the first six months of this year, outpacing China's overall auto market growth rate of 11 percent.",
      '25 percent', { kind: 'growth', status: 'reported', value: 25, unit: '%' }],
    ["bydComeback", "Its car sales jumped 25 percent to more than 250,000 units in the first six months of this year, outpacing China's overall auto market growth rate of 11 percent.",
      '250,000', { kind: 'volume', status: 'reported', value: 250000, qualifier: 'at_least', unit: 'units' }],
    ["bydComeback", "Its car sales jumped 25 percent to more than 250,000 units in the first six months of this year, outpacing China's overall auto market growth rate of 11 percent.",
      '11 percent', { kind: 'growth', value: 11, unit: '%' }],
    // reuters/us-update-2-lenovo-…: a contraction is a negative change
    ['lenovo', "Acer's chief executive stepped down this week after poor results at the Taiwanese firm in a quarter when the PC industry contracted 7.6 percent globally, according to IDC.",
      '7.6 percent', { kind: 'growth', status: 'reported', value: -7.6, unit: '%' }],
    ['lenovo', 'The progress at Lenovo, with a 17.7 percent share of worldwide PC shipments according to research firm IDC, is in sharp contrast with that of other PC makers like Acer Incorporated ( 2353.TW ).',
      '17.7 percent', { kind: 'share', status: 'reported', value: 17.7, unit: '%' }],
    // reuters/us-samsung-investment-…: two shares in one sentence
    ['samsung', "Samsung, whose smartphone market share rose to a record 35.2 percent in July-September versus Apple's 13.4 percent, remains a second player in the tablet market.",
      '35.2 percent', { kind: 'share', status: 'reported', value: 35.2, unit: '%' }],
    ['samsung', "Samsung, whose smartphone market share rose to a record 35.2 percent in July-September versus Apple's 13.4 percent, remains a second player in the tablet market.",
      '13.4 percent', { kind: 'share', status: 'reported', value: 13.4, unit: '%' }],
  ])('%s: %s → %s', (wire, sentence, span, expected) => {
    expect(claimAt(claimsOf(wire, sentence), span)).toMatchObject(expected);
  });
});

describe('English ranks', () => {
  it.each<Case>([
    // reuters/us-huawei-results-…: No.2 without a space
    ['huawei', "HONG KONG (Reuters) - Huawei Technologies Co Ltd HWT.UL, the world's No.2 telecommunications gear maker, posted a 22 percent fall in first-half operating profit, citing the \"significant challenge\" of the global economy and the telecoms equipment market.",
      'No.2', { kind: 'ranking', status: 'reported', value: 2, qualifier: 'exact', unit: 'rank' }],
    ['huawei', "Shenzhen-based Huawei, also the world's sixth-biggest handset maker, is unlisted and provides few figures about its corporate performance.",
      'sixth-biggest', { kind: 'ranking', status: 'reported', value: 6, unit: 'rank' }],
    // reuters/us-update-2-lenovo-…
    ['lenovo', "Now the world's fourth-biggest smartphone maker, the company also said it's looking for new businesses to buy as it remoulds itself.",
      'fourth-biggest', { kind: 'ranking', status: 'reported', value: 4, unit: 'rank' }],
    ['lenovo', "BEIJING (Reuters) - China's Lenovo Group Ltd ( 0992.HK ), the world's biggest personal computer maker, is reinventing itself as a growing force in mobile devices and data storage servers to beat the slump in the PC market that is crippling less agile rivals.",
      "world's biggest", { kind: 'ranking', value: 1, unit: 'rank' }],
    // reuters/us-tsmc-idUSTRE56T1LV20090730: second largest, unhyphenated
    ['tsmc2009', "TSMC's results came a day after United Microelectronics Corp, ( 2330.TW ), the world's second largest contract chip maker, swung to a much bigger-than-expected quarterly net profit after three straight quarters in the red.",
      'second largest', { kind: 'ranking', value: 2, unit: 'rank' }],
    // reuters/us-microsoft-nokia-…: No. 2 with a space
    ['microsoft', "Nokia remains the world's No. 2 mobile phone maker behind Samsung, but it is not in the top five in the more lucrative and faster-growing smartphone market.",
      'No. 2', { kind: 'ranking', value: 2, unit: 'rank' }],
  ])('%s: %s → %s', (wire, sentence, span, expected) => {
    expect(claimAt(claimsOf(wire, sentence), span)).toMatchObject(expected);
  });
});

describe('English volumes and prices', () => {
  it.each<Case>([
    // reuters/us-microsoft-nokia-…
    ['microsoft', 'Last quarter, Nokia sold 7.4 million smartphones.',
      '7.4 million', { kind: 'volume', status: 'reported', value: 7400000, unit: 'units' }],
    // reuters-2016/2016-01-26-apple-…
    ['apple2016', 'The most valuable publicly traded U.S. tech company said on Tuesday it sold 74.8 million iPhones in its fiscal first quarter, ended Dec. 26, the first full quarter of sales of the iPhone 6S and 6S Plus.',
      '74.8 million', { kind: 'volume', status: 'reported', value: 74800000, unit: 'units' }],
    // reuters/us-apple-cook-…
    ['appleCook', 'Apple already sells a $99 set top box called Apple TV that streams Netflix and other content.',
      '$99', { kind: 'price', status: 'reported', value: 99, unit: 'USD' }],
    // reuters/us-google-xiaomi-…: three prices, and the model number iPhone 5 is none
    ['googleXiaomi', "Xiaomi's latest smartphone, the Hongmi, sells for $130, much less than the $770 iPhone 5 or the $470 for the latest Samsung Galaxy model, the market leader in China.",
      '$130', { kind: 'price', value: 130, unit: 'USD' }],
    ['googleXiaomi', "Xiaomi's latest smartphone, the Hongmi, sells for $130, much less than the $770 iPhone 5 or the $470 for the latest Samsung Galaxy model, the market leader in China.",
      '$770', { kind: 'price', value: 770, unit: 'USD' }],
    ['googleXiaomi', "Xiaomi's latest smartphone, the Hongmi, sells for $130, much less than the $770 iPhone 5 or the $470 for the latest Samsung Galaxy model, the market leader in China.",
      '$470', { kind: 'price', value: 470, unit: 'USD' }],
  ])('%s: %s → %s', (wire, sentence, span, expected) => {
    expect(claimAt(claimsOf(wire, sentence), span)).toMatchObject(expected);
  });

  it('reads no claim in the model number of "the $770 iPhone 5"', () => {
    const claims = claimsOf('googleXiaomi', "Xiaomi's latest smartphone, the Hongmi, sells for $130, much less than the $770 iPhone 5 or the $470 for the latest Samsung Galaxy model, the market leader in China.");
    expect(claims.filter((c) => c.value === 5)).toEqual([]);
  });
});

describe('English status: plans, expectations, forecasts and targets', () => {
  it.each<[Wire, string, string, Partial<Claim>]>([
    // reuters/us-autos-tesla-…: “expects to deliver”, and the earlier target
    ['tesla', 'The company, led by billionaire Elon Musk, said it expects to deliver 21,000 Model S cars worldwide, up 5 percent from its earlier target of 20,000.',
      '21,000', { kind: 'volume', status: 'target', value: 21000, unit: 'units' }],
    ['tesla', 'The company, led by billionaire Elon Musk, said it expects to deliver 21,000 Model S cars worldwide, up 5 percent from its earlier target of 20,000.',
      '20,000', { kind: 'volume', status: 'target', value: 20000 }],
    // reuters/us-autos-tesla-…: will spend
    ['tesla', 'Tesla will spend about $200 million on capital expenditures in 2013.',
      '$200 million', { kind: 'investment', status: 'target', value: 200000000, qualifier: 'about', unit: 'USD' }],
    // reuters-2016/2016-04-28-chinas-xiaomi-…: aims to double; expects … this year, against last year's figure
    ['xiaomi2016', "BEIJING Chinese smartphone maker Xiaomi Inc [XTC.UL] aims to double sales of smart home technology devices like rice cookers and air purifiers this year, the company's vice president said on Thursday, as it accelerates diversification of business lines to cope with the saturation of smartphones at home and abroad.",
      'double', { kind: 'growth', status: 'target', value: 100, unit: '%' }],
    ['xiaomi2016', "Xiaomi expects sales of smart home devices to reach 10 billion yuan ($1.54 billion) this year, up from 5 billion yuan a year ago, said the company's vice president Liu De, speaking to reporters at the Global Mobile Internet Conference in Beijing.",
      '10 billion yuan', { kind: 'financial', status: 'target', value: 10000000000, unit: 'CNY' }],
    ['xiaomi2016', "Xiaomi expects sales of smart home devices to reach 10 billion yuan ($1.54 billion) this year, up from 5 billion yuan a year ago, said the company's vice president Liu De, speaking to reporters at the Global Mobile Internet Conference in Beijing.",
      '5 billion yuan', { kind: 'financial', status: 'reported', value: 5000000000, unit: 'CNY' }],
    // reuters-2016/2016-01-26-apple-…: a forecast range and the analysts' forecast
    ['apple2016', "Apple forecast second-quarter revenue of $50 billion to $53 billion, below analysts' average forecast of $55.5 billion.",
      '$50 billion', { kind: 'financial', status: 'target', value: 50000000000, valueMax: 53000000000, qualifier: 'range', unit: 'USD' }],
    ['apple2016', "Apple forecast second-quarter revenue of $50 billion to $53 billion, below analysts' average forecast of $55.5 billion.",
      '$55.5 billion', { kind: 'financial', status: 'target', value: 55500000000, unit: 'USD' }],
    // reuters/us-alibaba-retail-…: investing … by 2020, in an article of 2013
    ['alibaba', "HANGZHOU, China (Reuters) - Alibaba Group's plans to revolutionize China's retail industry, investing $16 billion in logistics and support by 2020, will open up China's vast interior and bring access to hundreds of millions of potential new customers.",
      '$16 billion', { kind: 'investment', status: 'target', value: 16000000000, unit: 'USD' }],
    // reuters/us-huawei-results-…: plans to spend
    ['huawei', 'Huawei plans to spend $200 million on advertising this year to help boost sales, Shao Yang, the chief marketing officer of Huawei Device, the division that sells handsets, tablets and dongles, said in June.',
      '$200 million', { kind: 'investment', status: 'target', value: 200000000, unit: 'USD' }],
    // reuters/us-samsung-investment-…: expected to increase
    ['samsung', "Assuming conservatively that Samsung will keep its marketing budget stable at last year's 6.5 percent of sales, outlays are expected to increase 16 percent to a staggering $14.2 billion this year, on par with its R&D spending.",
      '16 percent', { kind: 'growth', status: 'target', value: 16, unit: '%' }],
    ['samsung', "Assuming conservatively that Samsung will keep its marketing budget stable at last year's 6.5 percent of sales, outlays are expected to increase 16 percent to a staggering $14.2 billion this year, on par with its R&D spending.",
      '$14.2 billion', { status: 'target', value: 14200000000, unit: 'USD' }],
    // reuters/us-update-2-lenovo-…: a year-ago result and a consensus forecast
    ['lenovo', 'Desktop PCs were its only business line not to grow as July-September net profit surged compared with $162 million a year ago and a $199.12 million consensus forecast on Thomson Reuters Starmine SmartEstimate.',
      '$162 million', { kind: 'financial', status: 'reported', value: 162000000, unit: 'USD' }],
    ['lenovo', 'Desktop PCs were its only business line not to grow as July-September net profit surged compared with $162 million a year ago and a $199.12 million consensus forecast on Thomson Reuters Starmine SmartEstimate.',
      '$199.12 million', { kind: 'financial', status: 'target', value: 199120000, unit: 'USD' }],
    // reuters/us-update-2-lenovo-…: beating estimates does not make the result an estimate
    ['lenovo', 'Lenovo said on Thursday net profit beat estimates, jumping over a third in July-September to a quarterly record of $219.7 million.',
      '$219.7 million', { kind: 'financial', status: 'reported', value: 219700000, unit: 'USD' }],
  ])('%s: %s → %s', (wire, sentence, span, expected) => {
    expect(claimAt(claimsOf(wire, sentence), span)).toMatchObject(expected);
  });
});

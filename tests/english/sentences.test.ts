import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

// Issue 10: English sentences split so that abbreviations (Inc., Corp., U.S.,
// No.2), initials, decimals, tickers and quotations survive, and a sentence
// that does end on an abbreviation still ends there. Every case is a passage
// of a wire in tests/fixtures/corpus/reuters*, named in its comment.
describe('English sentence splitting on real wire passages', () => {
  it.each([
    // reuters-2016/2016-01-26-apple-…: U.S., Dec. 26, decimals
    ['The most valuable publicly traded U.S. tech company said on Tuesday it sold 74.8 million iPhones in its fiscal first quarter, ended Dec. 26, the first full quarter of sales of the iPhone 6S and 6S Plus. The 0.4 percent growth in shipments was the lowest since the product was launched in 2007.',
      ['The most valuable publicly traded U.S. tech company said on Tuesday it sold 74.8 million iPhones in its fiscal first quarter, ended Dec. 26, the first full quarter of sales of the iPhone 6S and 6S Plus.',
        'The 0.4 percent growth in shipments was the lowest since the product was launched in 2007.']],
    // reuters/us-huawei-results-…: No.2 and the instrument code HWT.UL
    ["HONG KONG (Reuters) - Huawei Technologies Co Ltd HWT.UL, the world's No.2 telecommunications gear maker, posted a 22 percent fall in first-half operating profit, citing the \"significant challenge\" of the global economy and the telecoms equipment market.",
      ["HONG KONG (Reuters) - Huawei Technologies Co Ltd HWT.UL, the world's No.2 telecommunications gear maker, posted a 22 percent fall in first-half operating profit, citing the \"significant challenge\" of the global economy and the telecoms equipment market."]],
    // reuters/us-huawei-results-…: tickers in parentheses inside a sentence
    ['The company, whose expansion plans have been met with some suspicion in the United States and Australia over concerns about cyber security, said revenues rose just 5 percent although it expressed confidence it would achieve its full-year target of boosting sales 15-20 percent. The drop in operating profits comes after rival Ericsson ( ERICb.ST ) reported below-forecast profits and competitors Franco-American Alcatel-Lucent ( ALUA.PA ) and China\'s ZTE Corp ( 0763.HK ) ( 000063.SZ ) issued profit warnings, largely reflecting sluggish telecom spending during the global economic downturn.',
      ['The company, whose expansion plans have been met with some suspicion in the United States and Australia over concerns about cyber security, said revenues rose just 5 percent although it expressed confidence it would achieve its full-year target of boosting sales 15-20 percent.',
        'The drop in operating profits comes after rival Ericsson ( ERICb.ST ) reported below-forecast profits and competitors Franco-American Alcatel-Lucent ( ALUA.PA ) and China\'s ZTE Corp ( 0763.HK ) ( 000063.SZ ) issued profit warnings, largely reflecting sluggish telecom spending during the global economic downturn.']],
    // reuters/us-microsoft-nokia-…: No. 2 with a space, after a closed quotation
    ['"It is difficult to say if it\'s cheap or expensive." Nokia remains the world\'s No. 2 mobile phone maker behind Samsung, but it is not in the top five in the more lucrative and faster-growing smartphone market.',
      ['"It is difficult to say if it\'s cheap or expensive."',
        'Nokia remains the world\'s No. 2 mobile phone maker behind Samsung, but it is not in the top five in the more lucrative and faster-growing smartphone market.']],
    // reuters-2016/2016-01-26-apple-…: initials J.J.
    ['"It\'s disappointing to see them miss on an already downward adjusted sales number and the fact is that with their iPhone growth slowing what was needed was a product to be excited about," said J.J. Kinahan, chief strategist at TD Ameritrade. "Pressure on the shares will continue without a well-defined plan to grow sales or a new product."',
      ['"It\'s disappointing to see them miss on an already downward adjusted sales number and the fact is that with their iPhone growth slowing what was needed was a product to be excited about," said J.J. Kinahan, chief strategist at TD Ameritrade.',
        '"Pressure on the shares will continue without a well-defined plan to grow sales or a new product."']],
    // reuters-2016/2016-05-23-…-samsung-…: J.K. and Jay Y. Lee, one sentence
    ["Long-time mobile chief J.K. Shin ceded day-to-day management in December when Dongjin Koh became president of the handset unit in the biggest leadership change to date under the conglomerate's heir-apparent Jay Y. Lee.",
      ["Long-time mobile chief J.K. Shin ceded day-to-day management in December when Dongjin Koh became president of the handset unit in the biggest leadership change to date under the conglomerate's heir-apparent Jay Y. Lee."]],
    // reuters/us-apple-cook-…: U.S. inside the sentence, a capitalised name after the full stop
    ["Apple has been criticized for relying on low-cost Asian manufacturers to assemble its products and for contributing to the decline of the U.S. manufacturing sector. Cook, who took the helm of the world's most valuable technology company in August shortly before founder Steve Jobs died, said manufacturing in the United States was difficult because of declining tool-and-die manufacturing expertise, among other things, but he was working on it.",
      ['Apple has been criticized for relying on low-cost Asian manufacturers to assemble its products and for contributing to the decline of the U.S. manufacturing sector.',
        "Cook, who took the helm of the world's most valuable technology company in August shortly before founder Steve Jobs died, said manufacturing in the United States was difficult because of declining tool-and-die manufacturing expertise, among other things, but he was working on it."]],
    // reuters/us-apple-cook-…: quotations keep their closing mark; a quotation that continues is its own sentence
    ['"This is an area of intense interest for us," Cook said, referring to Apple\'s existing television set-top box product. "We\'re going to keep pulling this string and see where it takes us." When asked specifically if Apple was making a television set, Cook said he was not going to answer that question.',
      ['"This is an area of intense interest for us," Cook said, referring to Apple\'s existing television set-top box product.',
        '"We\'re going to keep pulling this string and see where it takes us."',
        'When asked specifically if Apple was making a television set, Cook said he was not going to answer that question.']],
    // reuters/us-tsmc-idUSTRE56T1LV20090730: amounts with decimals, T$ and a conversion in brackets
    ['It raised capital spending for this year to $2.3 billion from $1.5 billion previously, company officials said on Thursday. The company reported a net profit of T$24.44 billion ($743 million) in April-June, slightly better than market estimates of a T$23.3 billion profit and sharply higher than the first quarter\'s T$1.56 billion.',
      ['It raised capital spending for this year to $2.3 billion from $1.5 billion previously, company officials said on Thursday.',
        'The company reported a net profit of T$24.44 billion ($743 million) in April-June, slightly better than market estimates of a T$23.3 billion profit and sharply higher than the first quarter\'s T$1.56 billion.']],
    // reuters-2016/2016-01-26-apple-…: Co. closing a paragraph
    ["Apple's guidance for the March quarter implies iPhone sales of 45 to 50 million units in the March quarter, which would mark the company's first-ever decline in sales of the gadget, said analyst Daniel Ives of FBR Capital Markets & Co.\nIn the same quarter last year Apple sold 61.2 million iPhones.",
      ["Apple's guidance for the March quarter implies iPhone sales of 45 to 50 million units in the March quarter, which would mark the company's first-ever decline in sales of the gadget, said analyst Daniel Ives of FBR Capital Markets & Co.",
        'In the same quarter last year Apple sold 61.2 million iPhones.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('a sentence that ends on an abbreviation still ends there', () => {
  it.each([
    // reuters/us-autos-tesla-…: the data provider I/B/E/S closes the sentence
    ['The automaker reported adjusted first-quarter earnings of 12 cents per share, triple the 4 cents per share expected by analysts, on average, according to Thomson Reuters I/B/E/S. Tesla also reported higher-than-expected revenue of $562 million.',
      ['The automaker reported adjusted first-quarter earnings of 12 cents per share, triple the 4 cents per share expected by analysts, on average, according to Thomson Reuters I/B/E/S.',
        'Tesla also reported higher-than-expected revenue of $562 million.']],
    // reuters-2016/2016-01-26-apple-…: the same, before “Revenue”
    ['Apple reported earnings of $3.28 per share, beating the average analyst estimate of $3.23 per share, according to Thomson Reuters I/B/E/S. Revenue increased 1.7 percent to $75.87 billion, both records for the company.',
      ['Apple reported earnings of $3.28 per share, beating the average analyst estimate of $3.23 per share, according to Thomson Reuters I/B/E/S.',
        'Revenue increased 1.7 percent to $75.87 billion, both records for the company.']],
    // reuters/us-alibaba-retail-…: Bain & Co. closes the sentence
    ['Ma\'s group has fought off foreign rivals to dominate China\'s e-commerce sector, and now controls over three-quarters of a market that is forecast to grow at 32 percent a year up to 2015, according to Bain & Co. With less than half the population online, there is huge growth potential.',
      ['Ma\'s group has fought off foreign rivals to dominate China\'s e-commerce sector, and now controls over three-quarters of a market that is forecast to grow at 32 percent a year up to 2015, according to Bain & Co.',
        'With less than half the population online, there is huge growth potential.']],
    // reuters/us-ces-lenovo-interview-…: U.S. closes the sentence
    ['It is building a plant in the U.S. It also plans to add more local products and local research and development.',
      ['It is building a plant in the U.S.', 'It also plans to add more local products and local research and development.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

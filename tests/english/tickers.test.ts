import { describe, expect, it } from 'vitest';
import { analyzeText } from '../pipeline/analyze-text.ts';

// Issue 10: instrument codes written in wire text, `( AAPL.O )`, `( 005930.KS )`,
// `( 2330.TW )`, are mentions of their company and never claims. Sentences from
// the wires in tests/fixtures/corpus/reuters*, named in the comments.
describe('tickers in wire text link to their company and are not claims', () => {
  it.each([
    // reuters/us-huawei-results-…
    ['However, both Huawei and ZTE have had considerable success in selling mobile phones globally, including to the U.S. market, where their prices are generally cheaper compared with larger rivals such as Apple Inc ( AAPL.O ) and Samsung Electronics Co Ltd ( 005930.KS ).', 'AAPL.O', 'apple'],
    ['However, both Huawei and ZTE have had considerable success in selling mobile phones globally, including to the U.S. market, where their prices are generally cheaper compared with larger rivals such as Apple Inc ( AAPL.O ) and Samsung Electronics Co Ltd ( 005930.KS ).', '005930.KS', 'samsung'],
    // reuters/us-tsmc-idUSTRE56T1LV20090730
    ["TAIPEI (Reuters) - TSMC ( 2330.TW ), the world's largest contract chipmaker, underlined the strong recovery in the once-struggling sector as it clocked its biggest profit in three quarters and raised its capital spending target.", '2330.TW', 'tsmc'],
    // reuters/us-update-2-lenovo-…
    ["BEIJING (Reuters) - China's Lenovo Group Ltd ( 0992.HK ), the world's biggest personal computer maker, is reinventing itself as a growing force in mobile devices and data storage servers to beat the slump in the PC market that is crippling less agile rivals.", '0992.HK', 'lenovo'],
    // reuters/us-byd-comeback-…: two listings of one company
    ['SHANGHAI (Reuters) - BYD Co Ltd ( 1211.HK ) ( 002594.SZ ), the Warren Buffett-backed company best known for electric cars, is in the midst of a revival thanks to traditional gasoline-fueled vehicles.', '1211.HK', 'byd'],
    ['SHANGHAI (Reuters) - BYD Co Ltd ( 1211.HK ) ( 002594.SZ ), the Warren Buffett-backed company best known for electric cars, is in the midst of a revival thanks to traditional gasoline-fueled vehicles.', '002594.SZ', 'byd'],
    // reuters/us-autos-tesla-…: a ticker in a sentence that holds a claim
    ['DETROIT (Reuters) - Tesla Motors Inc ( TSLA.O ) reported its first-ever quarterly profit on Wednesday, trouncing Wall Street estimates, as the 10-year-old automaker delivered nearly 5,000 Model S electric cars during the first three months of the year.', 'TSLA.O', 'tesla'],
    // reuters-2016/…: reposts write the code without spaces
    ['SEOUL From the way it chooses smartphone components to the models it brings to market, Samsung Electronics (005930.KS) has undergone a painful process of breaking from its past to reverse a slide in its handset business.', '005930.KS', 'samsung'],
    ['SAN FRANCISCO Apple Inc (AAPL.O) forecast its first revenue drop in 13 years and reported the slowest-ever growth in iPhone shipments as the critical Chinese market showed signs of weakening, suggesting the technology company\'s period of exponential growth may be ending.', 'AAPL.O', 'apple'],
  ])('%s: %s → %s', (sentence, ric, id) => {
    const a = analyzeText(sentence);
    expect(a.entities.find((e) => e.id === id)?.mentions.map((m) => m.text)).toContain(ric);
    const code = ric.split('.')[0]!;
    expect(a.claims.filter((c) => c.text.includes(code) || String(c.value).includes(code.replace(/^0+/, '')))).toEqual([]);
  });
});

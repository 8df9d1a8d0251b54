import { describe, expect, it } from 'vitest';
import type { Article, Span } from '../../src/doc/types.ts';
import { analyzeDoc } from '../../src/analyze.ts';
import { createPipeline } from '../../src/pipeline/runner.ts';
import { defaultStages } from '../../src/pipeline/default.ts';
import { looksTraditional, resliceTexts, simplifyCharacters, toSimplifiedSameLength, traditionalShare, TRADITIONAL_SHARE } from '../../src/text/traditional.ts';
import { ingestFixture } from '../helpers.ts';

// A Counterpoint report on IT之家, and its hand-made Hong Kong Traditional copy
// (tests/fixtures/CORPUS-SOURCES.md says how it was made).
const NAME = 'Counterpoint：中国智能手机 Q4 出货量跌 11%，苹果狂砍 21% 份额继续霸榜，荣耀拿下安卓第一.md';
const simplifiedDoc = async () => (await ingestFixture(`ithome/${NAME}`))[0]!;
const traditionalDoc = async () => (await ingestFixture(`traditional/${NAME}`))[0]!;

describe('toSimplifiedSameLength', () => {
  it.each([
    ['數據顯示，蘋果在中國市場依然表現強勁', '数据显示，苹果在中国市场依然表现强劲'],
    // Hong Kong and Taiwan variants go through OpenCC's standard form
    ['裡面', '里面'],
    ['台灣', '台湾'],
    ['用户羣', '用户群'],
    ['峯會', '峰会'],
    // phrases decide one-to-many characters
    ['乾燥', '干燥'],
    ['乾隆', '乾隆'],
    ['頭髮', '头发'],
    ['著名', '著名'],
    ['穿著', '穿着'],
    // 二噁英 → 二𫫇英 would add a code unit: that stretch goes character by character
    ['二噁英', '二恶英'],
    // a character whose Simplified form needs a surrogate pair is kept
    ['㗲', '㗲'],
    // regional vocabulary is words, not script: left alone
    ['軟體', '软体'],
    // Simplified text stays as it is, variants included (the tw table alone would give 什幺)
    ['什么', '什么'],
    ['台湾', '台湾'],
    ['Apple iPhone 13 份额 21%', 'Apple iPhone 13 份额 21%'],
  ])('%s → %s', (input, expected) => {
    const output = toSimplifiedSameLength(input);
    expect(output).toBe(expected);
    expect(output.length).toBe(input.length);
  });

  it('gives back the Simplified original of the whole Traditional article, length for length', async () => {
    const [original, traditional] = [await simplifiedDoc(), await traditionalDoc()];
    expect(traditional.text).not.toBe(original.text);
    expect(traditional.text.length).toBe(original.text.length);
    const simplified = toSimplifiedSameLength(traditional.text);
    expect(simplified.length).toBe(traditional.text.length);
    // measured: no character differs (the HK copy's 迴歸, 摺疊, 佔據, 舞台 all come back)
    expect(simplified).toBe(original.text);
  });
});

describe('simplifyCharacters', () => {
  it('maps the Traditional copy and its original onto the same characters', async () => {
    const [original, traditional] = [await simplifiedDoc(), await traditionalDoc()];
    const folded = simplifyCharacters(traditional.text);
    expect(folded.length).toBe(traditional.text.length);
    expect(folded).toBe(simplifyCharacters(original.text));
  });

  it('goes character by character, without phrases', () => {
    expect(simplifyCharacters('乾隆與乾燥')).toBe('干隆与干燥');
    expect(simplifyCharacters('台灣 峯會 裡面')).toBe('台湾 峰会 里面');
  });
});

describe('looksTraditional', () => {
  it('is true for the Traditional copy, false for its Simplified original', async () => {
    const [original, traditional] = [await simplifiedDoc(), await traditionalDoc()];
    expect(looksTraditional(traditional.text)).toBe(true);
    expect(looksTraditional(original.text)).toBe(false);
    // measured 32% of the Han characters change in the copy, none in the original
    expect(traditionalShare(traditional.text)).toBeGreaterThan(0.25);
    expect(traditionalShare(original.text)).toBe(0);
  });

  it('is false for Simplified text that quotes a Hong Kong report in Traditional characters', async () => {
    // 36氪 on Tencent's results: “於聯營公司的投資”, “以公允價值計量且其變動計入損益的金融資產”
    const [doc] = await ingestFixture('36kr/财报_不突出_的腾讯，比过去更像一家VC了.md');
    expect(doc!.text).toContain('於聯營公司的投資');
    expect(traditionalShare(doc!.text)).toBeGreaterThan(0);
    expect(traditionalShare(doc!.text)).toBeLessThan(TRADITIONAL_SHARE);
    expect(looksTraditional(doc!.text)).toBe(false);
  });

  it('is false for English and for text with too few Han characters to tell', async () => {
    const [wire] = await ingestFixture('reuters/us-huawei-results-idUSBRE86N0SI20120724.txt');
    expect(looksTraditional(wire!.text)).toBe(false);
    expect(traditionalShare(wire!.text)).toBeNull();
    expect(looksTraditional('華為')).toBe(false);
    expect(looksTraditional('')).toBe(false);
  });
});

describe('resliceTexts', () => {
  it('puts the original characters back into every span of an object tree', () => {
    const original = '蘋果與華為';
    const shadow = toSimplifiedSameLength(original);
    const tree = {
      text: shadow, // no offsets: not a span, left alone
      entities: [{ id: 'apple', name: '苹果', mentions: [{ start: 0, end: 2, text: '苹果' }] }],
      claims: [{ start: 3, end: 5, text: '华为', metric: '华为' }],
      nested: { deeper: [[{ start: 2, end: 3, text: '与' }]] },
      // a text that is not as long as its range is not a span of this text
      odd: { start: 0, end: 5, text: 'x' },
    };
    resliceTexts(tree, original);
    expect(tree.text).toBe(shadow);
    expect(tree.entities[0]!.mentions[0]!.text).toBe('蘋果');
    expect(tree.entities[0]!.name).toBe('苹果');
    expect(tree.claims[0]).toEqual({ start: 3, end: 5, text: '華為', metric: '华为' });
    expect(tree.nested.deeper[0]![0]!.text).toBe('與');
    expect(tree.odd.text).toBe('x');
  });

  it('survives shared and circular references', () => {
    const span = { start: 0, end: 1, text: '华' };
    const tree: Record<string, unknown> = { a: span, b: [span] };
    tree.self = tree;
    resliceTexts(tree, '華');
    expect(span.text).toBe('華');
  });

  it('lets the pipeline read a Traditional article on its Simplified shadow', async () => {
    // what the integrator does: analyse the shadow, then restore the text and the spans
    const [original, traditional] = [await simplifiedDoc(), await traditionalDoc()];
    const pipeline = createPipeline(defaultStages());
    const shadow = { ...traditional, text: toSimplifiedSameLength(traditional.text) };
    const article = analyzeDoc(shadow, pipeline) as Article;
    resliceTexts(article, traditional.text);
    article.text = traditional.text;
    const spans: Span[] = [...article.entities.flatMap((e) => e.mentions), ...article.claims, ...article.quotes, ...article.sentiment.evidence];
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    expect(article.entities.find((e) => e.id === 'honor')?.mentions[0]?.text).toBe('榮耀');
    // the shadow is the original's text, so the layers are the original's, span for span
    const reference = analyzeDoc(original, pipeline) as Article;
    expect(article.entities.map((e) => [e.id, e.mentions.map((m) => m.start)])).toEqual(reference.entities.map((e) => [e.id, e.mentions.map((m) => m.start)]));
    expect(article.claims.map((c) => [c.start, c.kind, c.value, c.subject])).toEqual(reference.claims.map((c) => [c.start, c.kind, c.value, c.subject]));
  });
});

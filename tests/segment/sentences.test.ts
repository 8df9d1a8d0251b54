import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    // the reference article: a closing quote stays with its sentence
    ['雷军表示：“从战略尝试，走向战略进攻。”不过，高端化之路并不好走。', ['雷军表示：“从战略尝试，走向战略进攻。”', '不过，高端化之路并不好走。']],
    ['坚持‘快，更稳’的策略；从战略尝试，走向战略进攻', ['坚持‘快，更稳’的策略；', '从战略尝试，走向战略进攻']],
    ['高端之路能走通吗？答案是肯定的！', ['高端之路能走通吗？', '答案是肯定的！']],
    ['市场在变化……小米在努力。', ['市场在变化……', '小米在努力。']],
    ['第一段\n第二段。', ['第一段', '第二段。']],
    // English: abbreviations, decimals, No.2, domain names
    ['Apple Inc. said U.S. sales rose 3.5 percent. Cook agreed.', ['Apple Inc. said U.S. sales rose 3.5 percent.', 'Cook agreed.']],
    ["Huawei is the world's No.2 maker. Mr. Ren founded it.", ["Huawei is the world's No.2 maker.", 'Mr. Ren founded it.']],
    ['Amazon.com Inc shares hit a record. J. Smith said so.', ['Amazon.com Inc shares hit a record.', 'J. Smith said so.']],
    ['"This is an area of intense interest for us." Cook said.', ['"This is an area of intense interest for us."', 'Cook said.']],
    ['Prices rose 10 percent in Jan. and fell later.', ['Prices rose 10 percent in Jan. and fell later.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('trims white space and skips punctuation-only pieces', () => {
    expect(split('  小米。 。 华为。  ')).toEqual(['小米。', '华为。']);
  });

  it('covers the text in order without overlap', () => {
    const text = '2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组。\n为此，小米确立了“三年手机销量全球第一”的品牌战略！Apple Inc. said so.';
    const sentences = splitSentences(text);
    for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
  });
});

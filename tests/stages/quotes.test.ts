import { describe, expect, it } from 'vitest';
import { findMarkPairs } from '../../src/quotes/marks.ts';
import { analyzeText } from '../pipeline/analyze-text.ts';
import { ingestFixture } from '../helpers.ts';
import { analyzeDoc } from '../../src/analyze.ts';
import { createPipeline } from '../../src/pipeline/runner.ts';
import { defaultStages } from '../../src/pipeline/default.ts';

const quotesOf = (text: string) => analyzeText(text).quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker?.id ?? null }));

describe('quotation marks', () => {
  it.each([
    ['雷军表示：“坚持‘快，更稳’的策略。”', ['坚持‘快，更稳’的策略。']],
    ['“第一段\n“第二段”', ['第一段\n“第二段']],
    ['他说「好」，又说『行』', ['好', '行']],
    ['"This is an area of intense interest for us," Cook said.', ['This is an area of intense interest for us,']],
    ['《小米的遗憾》不是引语', []],
  ])('%j', (text, contents) => {
    const { pairs } = findMarkPairs(text);
    expect(pairs.map((p) => text.slice(p.contentStart, p.contentEnd))).toEqual(contents);
  });

  it('reports an unbalanced mark as a message, not a crash', () => {
    const { pairs, messages } = findMarkPairs('雷军表示：“坚持高端化。\n下一段');
    expect(pairs).toEqual([]);
    expect(messages[0]).toMatchObject({ ruleId: 'quotes/unbalanced', start: 5 });
    expect(findMarkPairs('只有闭合”').messages[0]!.message).toMatch(/no opening mark/);
  });
});

describe('speech, indirect speech and terms, with speakers', () => {
  // Sentences from the corpus articles named in each comment.
  it.each([
    // finews/2022-02-08-NW202202082270036781.md
    ['接下来对于小米而言，产品高端化之路进入了新的阶段。雷军表示：“坚持‘快，更稳’的策略；从战略尝试，走向战略进攻，从性能领先走向体验优先。”',
      { kind: 'speech', text: '坚持‘快，更稳’的策略；从战略尝试，走向战略进攻，从性能领先走向体验优先。', speaker: 'lei-jun' }],
    // feeds/cls_2026-06-03_2389836.jsonl
    ['比亚迪集团执行副总裁李柯在一档访谈节目中明确表示：“比亚迪也在开发（人形机器人）。机器人的竞争在于谁有最强的制造能力。”',
      { kind: 'speech', text: '比亚迪也在开发（人形机器人）。机器人的竞争在于谁有最强的制造能力。', speaker: 'li-ke' }],
    // speaker after the quotation (36kr/破大防…)
    ['“芯片短缺和大幅涨价让很多中国车企意识到，供应环节不能过度依赖一级供应商。”乘联会秘书长崔东树近日发文称，自主品牌车企自强化解芯片压力。',
      { kind: 'speech', text: '芯片短缺和大幅涨价让很多中国车企意识到，供应环节不能过度依赖一级供应商。', speaker: 'cui-dongshu' }],
    // a pronoun resolved to the last person
    ['雷军在发布会上亮相。“我们会坚定不移执行高端化战略。”他强调。',
      { kind: 'speech', text: '我们会坚定不移执行高端化战略。', speaker: 'lei-jun' }],
    // an organisation as speaker
    ['中信证券指出：“当前电子板块估值处于历史低位，核心资产价值凸显。”',
      { kind: 'speech', text: '当前电子板块估值处于历史低位，核心资产价值凸显。', speaker: 'citic-securities' }],
    // indirect speech
    ['中芯国际联合CEO赵海军表示，基于客户需求和在手订单情况，公司对于今年的整体运营情况更加乐观。',
      { kind: 'indirect', text: '基于客户需求和在手订单情况，公司对于今年的整体运营情况更加乐观', speaker: 'zhao-haijun' }],
    // terms: scare quotes and slogans, never speech
    ['小米确立了“三年手机销量全球第一”的品牌战略，坚决执行“5年1000亿”研发计划。', { kind: 'term', text: '三年手机销量全球第一', speaker: null }],
    ['比如小米一直强调的“手机×AIoT”的核心战略。', { kind: 'term', text: '手机×AIoT', speaker: null }],
    // English (reuters/us-apple-cook-…): speaker after, inversion, pronoun
    ['Apple Inc Chief Executive Tim Cook spoke on Tuesday. "This is an area of intense interest for us," Cook said.',
      { kind: 'speech', text: 'This is an area of intense interest for us,', speaker: 'tim-cook' }],
    ['Tim Cook spoke. "You could have an S on your chest and a cape on your back," said Cook, who later cited Robert Kennedy.',
      { kind: 'speech', text: 'You could have an S on your chest and a cape on your back,', speaker: 'tim-cook' }],
    ['Tim Cook spoke at length. "I love museums, but I don\'t want to live in one," he said.',
      { kind: 'speech', text: "I love museums, but I don't want to live in one,", speaker: 'tim-cook' }],
  ])('%s', (text, expected) => {
    expect(quotesOf(text)).toContainEqual(expected);
  });

  it('does not take a book title for a quotation', () => {
    expect(quotesOf('他在《小米的遗憾》一文中写道，小米过度依赖手机业务。').filter((q) => q.kind !== 'indirect')).toEqual([]);
  });
});

describe('reproduced documents', () => {
  it('finds the internal letter of the reference article, written by 雷军, to the end of the text', async () => {
    const [doc] = await ingestFixture('finews/2022-02-08-NW202202082270036781.md');
    const article = analyzeDoc(doc!, createPipeline(defaultStages()));
    if ('code' in article) throw new Error(article.message);
    const letter = article.quotes.find((q) => q.kind === 'document');
    expect(letter).toMatchObject({ speaker: { id: 'lei-jun', name: '雷军' }, cue: '以下是雷军内部信原文：' });
    expect(letter!.text.startsWith('小米同学们，大家新年好！')).toBe(true);
    expect(letter!.text.endsWith('4000+ 价格段安卓销量冠军。')).toBe(true);
    expect(article.text.slice(letter!.start, letter!.end)).toBe(letter!.text);
    // claims inside the letter take its author as their source
    const inLetter = article.claims.filter((c) => c.start >= letter!.start && c.text.includes('1000亿'));
    expect(inLetter.map((c) => c.source)).toEqual(['lei-jun']);
  });

  it.each([
    ['华为今日发布声明。全文如下：\n我们始终遵守各国法律。\n华为将继续服务客户。', '我们始终遵守各国法律。\n华为将继续服务客户。'],
    ['以下为公告原文：\n本公司董事会宣布业绩。', '本公司董事会宣布业绩。'],
  ])('%j', (text, body) => {
    expect(analyzeText(text).quotes.find((q) => q.kind === 'document')?.text).toBe(body);
  });
});

import { describe, expect, it } from 'vitest';
import { isBoilerplate, stripTrailingCredit } from '../../src/ingest/boilerplate.ts';

describe('editorial boilerplate', () => {
  // Each line is from an article of ../shared/corpus.
  it.each([
    '本文来自微信公众号“锋出行”（ID:fengchuxing2021），作者：雷科技汽车出行组，编辑：小猿曰车，36氪经授权发布。原标题：《动力电池市场争夺战》',
    '编者按：本文来自微信公众号“智东西”（ID:zhidxcom），作者：云鹏，编辑：心缘，36氪经授权发布。',
    '文｜董洁 编辑｜乔芊',
    '责任编辑：朝晖',
    '图片来源：华为智选',
    '来源 | 理想汽车官网',
    '（图片来自：台积电官网）',
    '版权声明：本文为车快评原创，转载请联系授权，未经允许严禁转载。',
    '注：本文素材来源于网络',
    '(Reporting by Beijing Newsroom; Writing by Yimou Lee; Editing by Kenneth Maxwell)',
    'Source',
  ])('drops %s', (p) => expect(isBoilerplate(p)).toBe(true));

  it.each([
    '数据来源：SNE Research',
    '▲ 资料来源：Counterpoint Market Monitor（小米包含红米；OPPO 不包括一加；vivo 包含 iQOO）',
    '文章指出，小米的高端化战略还有不少挑战。',
    '编辑部认为，华为仍然自信。',
    '本文认为小米将继续增长。',
    'Sources said Apple would unveil a TV.',
  ])('keeps %s', (p) => expect(isBoilerplate(p)).toBe(false));

  it('strips a wire credit that closes the last paragraph', () => {
    expect(stripTrailingCredit('Shares rose 2 percent. (Reporting by Poornima Gupta; Editing by Richard Chang)')).toBe('Shares rose 2 percent.');
    expect(stripTrailingCredit('The company (Apple) said so.')).toBe('The company (Apple) said so.');
  });
});

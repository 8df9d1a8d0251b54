import { describe, expect, it } from 'vitest';
import { segment } from '../../src/segment/jieba.ts';

describe('segment (nodejieba adapter)', () => {
  const text = '小米12和12 Pro 首月出货量1,000.5台，同比增长25.6%，营收16.4亿元。\r\nApple Inc 出货１２３４部';

  it('aligns every token to its offsets in the text', () => {
    for (const t of segment(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps numerals whole, including separators, decimals and full-width digits', () => {
    const numerals = segment(text).filter((t) => t.tag === 'm').map((t) => t.text);
    expect(numerals).toEqual(expect.arrayContaining(['12', '1,000.5', '25.6', '16.4', '１２３４']));
  });

  it('keeps part-of-speech tags and drops white space', () => {
    const tokens = segment('雷军表示，小米将坚持高端化。');
    expect(tokens.find((t) => t.text === '表示')?.tag).toBe('v');
    expect(tokens.find((t) => t.text === '坚持')?.tag).toBe('v');
    expect(tokens.every((t) => t.text.trim() === t.text && t.text.length > 0)).toBe(true);
  });

  it('does not run a list of numbers together across separators followed by letters', () => {
    expect(segment('3,4,5').map((t) => t.text)).toEqual(['3,4,5']);
    expect(segment('增长25%，利润').map((t) => t.text)).toContain('25');
  });
});

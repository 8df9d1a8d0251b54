import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DOMAINS, SENTIMENT_FILES, SentimentLexiconError, loadSentimentLexicon,
  type LexiconMatch, type LexiconRole, type SentimentLexicon,
} from '../../src/lexicons/sentiment.ts';

let lex: SentimentLexicon;
beforeAll(() => { lex = loadSentimentLexicon(); });

/** Each match of a greedy scan as `term:roles`, roles in a fixed order. */
function scanned(text: string): string[] {
  const order: LexiconRole[] = ['polarity', 'negator', 'degree', 'contrast', 'hedge', 'metric', 'movement'];
  return lex.scan(text).map((m: LexiconMatch) => `${m.term}:${order.filter((r) => m[r]).join('+')}`);
}

describe('the real sentiment lexicon', () => {
  it('loads and meets the minimum sizes', () => {
    expect(lex.polarity.size).toBeGreaterThanOrEqual(3000);
    expect(lex.negators.size).toBeGreaterThanOrEqual(16);
    expect(lex.degree.size).toBeGreaterThanOrEqual(13);
    expect(lex.contrast.size).toBeGreaterThanOrEqual(10);
    expect(lex.hedges.size).toBeGreaterThanOrEqual(17);
    expect(lex.metrics.size).toBeGreaterThanOrEqual(60);
    expect(lex.movements.size).toBeGreaterThanOrEqual(18);
  });

  it('covers every domain with both signs', () => {
    for (const domain of DOMAINS) {
      const weights = [...lex.polarity.values()].filter((e) => e.domain === domain).map((e) => e.weight);
      expect(weights.some((w) => w > 0), domain).toBe(true);
      expect(weights.some((w) => w < 0), domain).toBe(true);
    }
  });

  it('offers the candidates at a position longest first, and finds every string at its own start', () => {
    const text = '市场份额大幅下滑，业绩不及预期，净利润暴跌。revenue rose sharply';
    for (let i = 0; i < text.length; i++) {
      const lengths = lex.index.at(text, i).map((r) => r.term.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    }
    for (const term of [...lex.polarity.keys()].slice(0, 300)) expect(lex.index.at(term, 0).some((r) => r.term === term), term).toBe(true);
  });

  it('gives the clause breaks that bound negator scope', () => {
    for (const ch of ['，', '。', '；', '？', '\n']) expect(lex.clauseBreaks.has(ch)).toBe(true);
  });

  // Signs a financial-news reader would agree on, including the domain-specific ones (减持, 回购, 承压).
  it.each([
    ['增长', 1], ['突破', 1], ['领先', 1], ['冠军', 1], ['开门红', 1], ['回暖', 1], ['复苏', 1], ['超预期', 1],
    ['大涨', 1], ['创新高', 1], ['盈利', 1], ['扭亏', 1], ['热销', 1], ['供不应求', 1], ['龙头', 1], ['稳健', 1],
    ['逆势', 1], ['爆款', 1], ['获批', 1], ['中标', 1], ['提振', 1], ['利好', 1], ['回购', 1], ['突飞猛进', 1], ['脱颖而出', 1],
    ['下滑', -1], ['亏损', -1], ['承压', -1], ['挑战', -1], ['裁员', -1], ['萎缩', -1], ['不及预期', -1], ['暴雷', -1],
    ['下跌', -1], ['跳水', -1], ['腰斩', -1], ['违约', -1], ['处罚', -1], ['调查', -1], ['诉讼', -1], ['召回', -1],
    ['减持', -1], ['停产', -1], ['短缺', -1], ['低迷', -1], ['疲软', -1], ['内卷', -1], ['出走', -1], ['风波', -1],
    ['质疑', -1], ['危机', -1], ['每况愈下', -1], ['举步维艰', -1], ['出清', -1],
  ] as const)('%s has sign %i', (term, sign) => {
    const entry = lex.polarity.get(term);
    expect(entry, term).toBeDefined();
    expect(Math.sign(entry!.weight)).toBe(sign);
  });

  it.each([
    ['亏损', 'lower-is-better'], ['成本', 'lower-is-better'], ['库存', 'lower-is-better'], ['负债', 'lower-is-better'], ['失业率', 'lower-is-better'],
    ['营收', 'higher-is-better'], ['净利润', 'higher-is-better'], ['市场份额', 'higher-is-better'], ['出货量', 'higher-is-better'], ['股价', 'higher-is-better'],
    ['价格', 'context-dependent'],
  ] as const)('metric %s is %s', (metric, direction) => {
    expect(lex.metrics.get(metric)?.direction).toBe(direction);
  });

  it.each([
    ['扩大', 'up'], ['上升', 'up'], ['翻倍', 'up'], ['收窄', 'down'], ['回落', 'down'], ['萎缩', 'down'],
  ] as const)('movement %s goes %s', (term, movement) => {
    expect(lex.movements.get(term)?.movement).toBe(movement);
  });

  it('gives a metric that is also a polarity term the sign its direction implies', () => {
    for (const [metric, { direction }] of lex.metrics) {
      const weight = lex.polarity.get(metric)?.weight;
      if (weight === undefined || direction === 'context-dependent') continue;
      expect(Math.sign(weight), metric).toBe(direction === 'higher-is-better' ? 1 : -1);
    }
  });

  it('carries the scope of negators and the weights of contrast markers', () => {
    expect(lex.negators.get('不')?.scope).toBeGreaterThan(0);
    expect(lex.contrast.get('但是')).toMatchObject({ type: 'adversative', afterWeight: 1.5, beforeWeight: 0.5 });
    expect(lex.contrast.get('虽然')?.type).toBe('concessive');
    expect(lex.hedges.get('吗')?.type).toBe('question');
    expect(lex.degree.get('略')?.multiplier).toBeLessThan(1);
  });
});

describe('longest-match scan', () => {
  it.each([
    // Fixed phrases win over their parts: no double negation or intensification.
    ['业绩不及预期', ['业绩:metric', '不及预期:polarity']],
    ['净利润大幅增长', ['净利润:metric', '大幅增长:polarity+movement']],
    // Metric + movement: the stage decides the sign from the metric's direction.
    ['亏损大幅收窄', ['亏损:polarity+metric', '大幅:degree', '收窄:polarity+movement']],
    ['成本上升', ['成本:metric', '上升:polarity+movement']],
    // 不断 is a degree adverb, not 不 + 断.
    ['营收不断增长', ['营收:metric', '不断:degree', '增长:polarity+movement']],
    ['并不那么好走', ['并不:negator', '好走:polarity']],
    // 略 inside 战略 is not a softener; 而 in 而言 is not a contrast (小米“高端化”, finews 2022-02-08).
    ['高端化战略', []],
    ['对于小米而言', []],
    ['苹果份额下滑，而小米逆势增长', ['份额下滑:polarity', '而:contrast', '逆势增长:polarity']],
    // 宁德时代净利润大增131%却遭高瓴减持 (虎嗅早报)
    ['净利润大增131%却遭高瓴减持', ['净利润:metric', '大增:polarity+movement', '却:contrast', '减持:polarity']],
    // Headline question: the hedge lowers confidence (财联社 2022-02-08).
    ['小米“高端化”之路能走通吗？', ['能走通吗:hedge', '？:hedge']],
    // Brand names are not evaluations: 理想ONE (Li Auto), 哈曼卡顿 (Harman Kardon), 微信.
    ['理想ONE超过奥迪', []],
    ['哈曼卡顿音响', []],
    ['微信用户数', ['用户数:metric']],
    // 第一 as an ordinal is not a ranking.
    ['第一季度', []],
    ['全球第一', ['全球第一:polarity']],
    // ASCII terms need ASCII word boundaries.
    ['*ST公司', ['*ST:polarity']],
    ['STEM教育', []],
  ])('%s → %j', (text, expected) => {
    expect(scanned(text)).toEqual(expected);
  });

  it('returns half-open UTF-16 offsets into the text', () => {
    const text = '特斯拉股价大涨12.66%，但交付不及预期';
    for (const m of lex.scan(text)) expect(text.slice(m.start, m.end)).toBe(m.term);
  });

  it('matchesAt lists every match at a position, longest first', () => {
    expect(lex.matchesAt('不及预期', 0).map((m) => m.term)).toEqual(['不及预期', '不及', '不']);
    expect(lex.matchAt('不及预期', 0)?.polarity?.weight).toBeLessThan(0);
    expect(lex.matchAt('abc', 5)).toBeNull();
  });
});

describe('a broken lexicon', () => {
  let dir: string | undefined;
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });

  const files: Record<(typeof SENTIMENT_FILES)[number], unknown> = {
    'polarity.json': {
      note: 'test',
      entries: [
        { term: '增长', weight: 1, domain: 'general' },
        { term: '增长 ', weight: 1, domain: 'general' },
        { term: '下滑', weight: 0, domain: 'finance' },
        { term: '暴雷', weight: -4, domain: 'finance' },
        { term: '回暖', weight: 1.25, domain: 'general' },
        { term: '', weight: 1, domain: 'general' },
        { term: '承压', weight: -1, domain: 'market' },
        { term: '利好', weight: 1, domain: 'finance', colour: 'red' },
        { term: '不', weight: -1, domain: 'general' },
      ],
    },
    'negators.json': { note: 'test', scopeUnit: 'characters', clauseBreaks: ['，'], entries: [{ term: '不', scope: 4 }, { term: '没', scope: 0 }] },
    'degree.json': { note: 'test', entries: [{ term: '非常', multiplier: 5 }] },
    'contrast.json': { note: 'test', entries: [{ term: '但', type: 'adversative', afterWeight: 1.5, beforeWeight: 0.5 }] },
    'hedges.json': { note: 'test', extra: true, entries: [{ term: '或', type: 'maybe', confidenceMultiplier: 0.8 }] },
    'metric-direction.json': {
      note: 'test',
      entries: [{ metric: '亏损', direction: 'down-is-good' }],
      movements: [{ term: '扩大', movement: 'sideways' }],
    },
  };

  it('throws one error naming every problem with file and entry', () => {
    dir = mkdtempSync(join(tmpdir(), 'stratlens-sentiment-'));
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(data, null, 2));
    let error: unknown;
    try { loadSentimentLexicon(dir); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SentimentLexiconError);
    const problems = (error as SentimentLexiconError).problems.map((p) => `${p.file} ${p.entry ?? ''}: ${p.message}`);
    const expected = [
      /^polarity\.json entries\[1\] \(“增长 ”\): `term` "增长 " has leading or trailing whitespace/,
      /^polarity\.json entries\[1\] \(“增长 ”\): duplicate of entries\[0\] “增长”/,
      /^polarity\.json entries\[2\] \(“下滑”\): `weight` must not be zero/,
      /^polarity\.json entries\[3\] \(“暴雷”\): `weight` -4 is out of range \[-3, 3\]/,
      /^polarity\.json entries\[4\] \(“回暖”\): `weight` 1\.25 must be a whole or half number/,
      /^polarity\.json entries\[5\] \(“”\): `term` must not be empty/,
      /^polarity\.json entries\[6\] \(“承压”\): `domain` "market" is not one of general, finance, strategy/,
      /^polarity\.json entries\[7\] \(“利好”\): `colour` is not a known field/,
      /^negators\.json entries\[1\] \(“没”\): `scope` 0 is out of range \[1, 20\]/,
      /^negators\.json “不”: also listed in polarity\.json/,
      /^degree\.json entries\[0\] \(“非常”\): `multiplier` 5 is out of range \(0, 3\]/,
      /^contrast\.json entries\[0\] \(“但”\): `note` is missing/,
      /^hedges\.json : `extra` is not a known top-level field/,
      /^hedges\.json entries\[0\] \(“或”\): `type` "maybe" is not one of hedge, question/,
      /^metric-direction\.json entries\[0\] \(“亏损”\): `direction` "down-is-good" is not one of/,
      /^metric-direction\.json movements\[0\] \(“扩大”\): `movement` "sideways" is not one of up, down/,
    ];
    for (const pattern of expected) expect(problems.some((p) => pattern.test(p)), String(pattern)).toBe(true);
    expect(problems).toHaveLength(expected.length);
    // The message a person reads carries the same list.
    expect((error as Error).message).toContain(`(${expected.length} problems)`);
    expect((error as Error).message).toContain('polarity.json entries[3] (“暴雷”)');
  });

  it('reports missing and unparsable files', () => {
    dir = mkdtempSync(join(tmpdir(), 'stratlens-sentiment-'));
    writeFileSync(join(dir, 'polarity.json'), '{ "note": "x", "entries": [ }');
    expect(() => loadSentimentLexicon(dir)).toThrow(/polarity\.json: is not valid JSON[\s\S]*negators\.json: cannot be read/);
  });
});

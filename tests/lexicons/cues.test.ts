import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_STATUSES, CUE_LEXICON_FILES, CueLexiconError, METRIC_KINDS, SPEECH_ACTS,
  ZH_SLOT_MAX, loadCueLexicons, matchTemplates,
  type CompiledTemplate, type CueLexicons,
} from '../../src/lexicons/cues.ts';

const ROOT = fileURLToPath(new URL('../../lexicons/', import.meta.url));
let lex: CueLexicons;
beforeAll(() => { lex = loadCueLexicons(); });

/** The first (leftmost) match's slots as plain text, or null when nothing matches. */
function firstMatch<E>(templates: readonly CompiledTemplate<E>[], text: string): Record<string, string> | null {
  const match = matchTemplates(templates, text)[0];
  if (!match) return null;
  const slots: Record<string, string> = { matched: match.text };
  for (const [name, slot] of Object.entries(match.slots)) if (slot) slots[name] = slot.text;
  return slots;
}

describe('the real cue lexicons', () => {
  it('load and meet the minimum sizes', () => {
    expect(lex.metrics.entries.length).toBeGreaterThanOrEqual(120);
    expect(lex.speechVerbs.entries.length + lex.discontinuousSpeechVerbs.length).toBeGreaterThanOrEqual(80);
    expect(lex.sources.length).toBeGreaterThanOrEqual(25);
    expect(lex.titles.entries.length).toBeGreaterThanOrEqual(40);
    expect(lex.documentNouns.entries.length).toBeGreaterThanOrEqual(9);
  });

  it('cover both languages in every word list', () => {
    for (const index of [lex.metrics, lex.modality, lex.rankings, lex.scopes, lex.growth, lex.growthBases, lex.speechVerbs, lex.pronouns, lex.titles, lex.documentNouns]) {
      expect(new Set(index.entries.map((e) => e.lang))).toEqual(new Set(['zh', 'en']));
    }
  });

  it('use only the contract enums', () => {
    for (const e of lex.metrics.entries) expect(METRIC_KINDS).toContain(e.kind);
    for (const e of lex.modality.entries) expect(CLAIM_STATUSES).toContain(e.status);
    for (const e of lex.speechVerbs.entries) expect(SPEECH_ACTS).toContain(e.act);
  });

  it('sort terms longest first', () => {
    const lengths = lex.speechVerbs.entries.map((e) => e.term.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it.each([
    ['metrics', ['营收', '营业收入', '收入', '净利润', '归母净利润', '净亏损', '毛利率', '利润', '研发投入', '研发费用', '资本支出', '融资', '投资', '回购', '出货量', '销量', '交付量', '产量', '装机量', '激活量', '用户数', '月活', '市场份额', '市场占有率', '占比', '份额', '市值', '估值', '股价', '售价', '价格', '均价', '价格段', '订单', 'GMV', '成交额', '门店', '体验店', 'revenue', 'sales', 'net profit', 'net income', 'operating profit', 'shipments', 'deliveries', 'market share', 'market value', 'valuation', 'capital expenditure', 'capex', 'R&D spending', 'investment', 'price']],
    ['modality', ['目标', '计划', '力争', '将', '预计', '有望', '拟', '争取', '冲刺', '规划', '希望', '预期', '确保', '要', '力求', '瞄准', '未来', 'aims to', 'expects', 'expected to', 'forecast', 'plans', 'target', 'guidance', 'will', 'projected', '实现', '达到', '同比增长', '录得', '完成', '达', '为', '累计', '创下', 'reported', 'posted', 'rose', 'fell', 'was', 'reached']],
    ['rankings', ['冠军', '销冠', '第一', '首位', '榜首', '头名', '龙头', '亚军', '季军', '前三', '前五', '仅次于', '超越', '反超', '击败', '位列', '位居', '排名', '排行', 'No.1', 'second-largest', 'third-biggest', "world's largest", 'top-five']],
    ['scopes', ['全球', '全国', '中国', '国内', '海外', '国际', '欧洲', '美国', '印度', '东南亚', '高端市场', '中高端', '安卓阵营', '安卓', '国产', '线上', '线下', '电商平台', 'global', 'worldwide', 'China', 'domestic', 'overseas', 'U.S.', 'Europe', 'premium segment']],
    ['growth', ['增长', '增加', '上升', '上涨', '提升', '大增', '猛增', '翻番', '翻倍', '下降', '下滑', '下跌', '减少', '跌', '萎缩', '回落', '缩水', '暴跌', '腰斩', 'rose', 'grew', 'jumped', 'increased', 'fell', 'declined', 'dropped', 'slumped']],
    ['growthBases', ['同比', '环比', '较上年同期', 'year-on-year', 'YoY', 'quarter-on-quarter']],
    ['speechVerbs', ['表示', '称', '说', '说道', '指出', '强调', '透露', '坦言', '直言', '写道', '认为', '介绍', '回应', '宣布', '在内部信中表示', '在微博上表示', '告诉', '提到', '谈到', '补充', '重申', '承认', '否认', '预测', '预计', '相信', '感叹', '呼吁', '称赞', '批评', '回忆', '解释', '分析', '发文', '发文称', '撰文', '发布内部信称', 'said', 'says', 'told', 'added', 'wrote', 'according to', 'noted', 'explained', 'stated', 'announced', 'commented', 'declined to comment']],
    ['pronouns', ['他', '她', '其', '该负责人', '该人士', '上述负责人', '该高管', '对方', '董事长', 'CEO', '总裁', '创始人', 'he', 'she', 'the chief executive', 'the CEO', 'the company', 'the spokesman', 'the spokeswoman']],
    ['titles', ['创始人', '董事长', '董事长兼CEO', 'CEO', '首席执行官', '总裁', '总经理', '副总裁', '高级副总裁', 'CFO', '首席财务官', '合伙人', '分析师', '首席分析师', '负责人', '发言人', '联席CEO', '联合创始人', '总监', '主席', '部长', '官员', 'chief executive', 'president', 'chairman', 'founder', 'analyst', 'spokesman', 'spokeswoman', 'vice president']],
    ['documentNouns', ['内部信', '公开信', '全员信', '邮件', '声明', '公告', '致股东信', '讲话', '演讲']],
  ] as const)('%s lists the required terms', (list, terms) => {
    const index = lex[list];
    expect(terms.filter((t) => index.get(t) === undefined)).toEqual([]);
  });

  it.each([
    ['营收', 'financial', '营收', 'higher-is-better'],
    ['净亏损', 'financial', '净亏损', 'lower-is-better'],
    ['研发费用', 'investment', '研发投入', 'higher-is-better'],
    ['市场占有率', 'share', '市场份额', 'higher-is-better'],
    ['Net Income', 'financial', '净利润', 'higher-is-better'],
    ['capex', 'investment', '资本支出', 'neutral'],
  ])('metric %s → %s, canonical %s', (term, kind, canonical, direction) => {
    expect(lex.metrics.get(term)).toMatchObject({ kind, canonical, direction });
  });

  it.each([
    ['冠军', 1, 'exact'], ['前三', 3, 'at_most'], ['仅次于', 2, 'relative'], ['超越', null, 'relative'], ['second-largest', 2, 'exact'], ['top-five', 5, 'at_most'],
  ])('ranking %s → rank %s, %s', (term, rank, qualifier) => {
    expect(lex.rankings.get(term)).toMatchObject({ rank, qualifier });
  });

  it('marks weak and contrary cues', () => {
    expect(lex.modality.get('将')).toMatchObject({ status: 'target', strength: 1 });
    expect(lex.modality.get('要')).toMatchObject({ status: 'target', strength: 1 });
    expect(lex.speechVerbs.get('declined to comment')).toMatchObject({ act: 'deny' });
    expect(lex.growth.get('腰斩')).toMatchObject({ sign: -1, impliedValue: -50 });
    expect(lex.rankings.get('位列')).toMatchObject({ rank: null, cueOnly: true });
  });
});

describe('term lookup in running text', () => {
  it.each([
    // finews/2022-02-08 (小米 internal letter)
    ['speechVerbs', '此外，雷军还在内部信中透露，小米12', ['在内部信中透露']],
    ['speechVerbs', '雷军表示：“坚持‘快，更稳’的策略', ['表示']],
    ['speechVerbs', '也就是说，可以说这是对小米来说最难的一年', []],
    ['speechVerbs', '被称为小米的“简称”', []],
    ['speechVerbs', 'Apple Chief Executive Tim Cook said on Tuesday', ['said']],
    ['rankings', '小米12Pro成为了4000+ 价格段安卓销量冠军', ['销量冠军']],
    ['rankings', '第一季度营收', []],
    ['scopes', 'sales in the US rose, analysts told us', ['US']],
    ['scopes', '小米的高端化之路，国产高端手机市场份额第一', ['国产', '高端']],
    ['metrics', 'prices of shipments', ['prices', 'shipments']],
    ['metrics', '京东GMV同比增长', ['GMV']],
    ['titles', '小米集团创始人、董事长兼CEO雷军', ['创始人', '董事长兼CEO']],
    ['growth', '营收同比下降10%，净利润翻倍', ['下降', '翻倍']],
    ['modality', '华为将近一半的营收为海外', ['为']],
    ['modality', '营收超预期，预计全年将达到100亿元', ['预计', '将', '达到']],
    ['speechVerbs', '如果说小米以性价比著称，不得不说', []],
  ] as const)('%s in %s', (list, text, expected) => {
    expect(lex[list].findAll(text).map((m) => m.text)).toEqual(expected);
  });
});

describe('compiled templates', () => {
  it.each([
    ['据Canalys数据显示，小米出货量', { source: 'Canalys' }],
    ['据IDC最新数据显示', { source: 'IDC' }],
    ['据乘联会数据显示，', { source: '乘联会' }],
    ['据彭博社称，', { source: '彭博社' }],
    // finews/2022-02-08: the qualifier stays in the slot for the claim builder to resolve
    ['根据Canalys智能手机市场报告显示，', { source: 'Canalys智能手机市场' }],
    ['国家统计局数据显示，', { source: '国家统计局' }],
    ['according to IDC, shipments fell', { source: 'IDC' }],
    ['According to data from Counterpoint Research, Apple', { source: 'Counterpoint Research' }],
    ['Strategy Analytics estimates that', { source: 'Strategy Analytics' }],
  ] as const)('source in %s', (text, expected) => {
    expect(firstMatch(lex.sources, text)).toMatchObject(expected);
  });

  it.each([
    ['以下是雷军内部信原文：', { author: '雷军', doc: '内部信' }],
    ['以下为小米集团的公开信全文：', { author: '小米集团', doc: '公开信' }],
    ['以下是内部信原文：', { doc: '内部信' }],
    ['全文如下：', { matched: '全文如下：' }],
    ['华为发布声明如下：', { doc: '声明' }],
    ["Here is the full text of Cook's memo:", { author: 'Cook', doc: 'memo' }],
    ['The letter reads: Dear colleagues', { doc: 'letter' }],
  ] as const)('document intro in %s', (text, expected) => {
    expect(firstMatch(lex.documentIntros, text)).toMatchObject(expected);
  });

  it('gives no author when the intro has none', () => {
    expect(firstMatch(lex.documentIntros, '以下是内部信原文：')?.author).toBeUndefined();
  });

  it.each([
    ['市场占有率排名第三', { matched: '第三', n: '三' }],
    ['长期占据着销量榜Top 2的苹果和三星', { n: '2' }],
    ['跻身TOP10', { n: '10' }],
    ['Xiaomi is No. 3 in Europe', { n: '3' }],
    ['第十五季度', null],
    ['第一财经记者', null],
    ['第三方', null],
  ] as const)('ranking pattern in %s', (text, expected) => {
    const found = firstMatch(lex.rankingPatterns, text);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });

  it.each([
    ['一月份4000+ 价格段安卓销量冠军', { n: '4000' }, 'at_least'],
    ['2000-3000元价位段', { n: '2000', m: '3000' }, 'range'],
    ['千元以下', { n: '千' }, 'at_most'],
    ['phones priced above $1,000', { n: '1,000' }, 'at_least'],
  ] as const)('price band in %s', (text, expected, qualifier) => {
    expect(firstMatch(lex.priceBands, text)).toMatchObject(expected);
    expect(matchTemplates(lex.priceBands, text)[0]?.entry.qualifier).toBe(qualifier);
  });

  it.each([
    ['三年内拿下国产高端手机市场份额第一', { n: '三' }],
    ['到2025年实现', { year: '2025' }],
    ['aims to double sales by 2025', { year: '2025' }],
    ['over the next five years', { n: 'five' }],
    ['近三年内', null],
    ['过去十三年内', null],
  ] as const)('horizon in %s', (text, expected) => {
    const found = firstMatch(lex.horizons, text);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });

  it.each([
    ['对36氪表示：', { gap: '36氪' }],
    ['王秋凤向记者透露，', { gap: '记者' }],
    ['在谈及钉钉新定位时表示，', { gap: '谈及钉钉新定位' }],
  ] as const)('discontinuous speech verb in %s', (text, expected) => {
    expect(firstMatch(lex.discontinuousSpeechVerbs, text)).toMatchObject(expected);
  });

  it.each([
    ['雷总表示', { surname: '雷' }],
    ['Mr. Cook said', { surname: 'Cook' }],
    ['总经理表示', null],
    ['小米总部', null],
  ] as const)('address form in %s', (text, expected) => {
    const found = firstMatch(lex.addressForms, text);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });

  it('keeps slots short and on one line', () => {
    expect(firstMatch(lex.sources, '据\n彭博社称')).toBeNull();
    // too long for 据{source}数据显示; the right-anchored {source}数据显示 keeps the last ZH_SLOT_MAX characters
    const long = matchTemplates(lex.sources, `据${'很'.repeat(ZH_SLOT_MAX + 1)}数据显示`)[0];
    expect(long?.pattern).toBe('{source}数据显示');
    expect(long?.slots.source?.text).toHaveLength(ZH_SLOT_MAX);
  });

  it('reports slot offsets into the text', () => {
    const text = '2021年，据Canalys数据显示，';
    const slot = matchTemplates(lex.sources, text)[0]?.slots.source;
    expect(slot && text.slice(slot.start, slot.end)).toBe('Canalys');
  });
});

describe('a broken lexicon', () => {
  let dir = '';
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  function edit(file: string, change: (data: Record<string, any>) => void): void {
    const path = join(dir, file);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    change(data);
    writeFileSync(path, JSON.stringify(data));
  }

  it('throws one error that lists every problem with file and entry', () => {
    dir = mkdtempSync(join(tmpdir(), 'cues-'));
    cpSync(ROOT, dir, { recursive: true });
    edit('claims/metrics.json', (d) => {
      d.entries[0].kinds = 'financial';                     // unknown field
      d.entries[1].kind = 'money';                          // bad enum
      d.entries.push({ ...d.entries[2] });                  // duplicate
      d.entries.push({ term: '毛收入', lang: 'zh', canonical: '毛收益', kind: 'financial', direction: 'neutral' }); // unknown canonical
    });
    edit('claims/modality.json', (d) => { d.entries[0].strength = 4; });                 // out of range
    edit('claims/sources.json', (d) => {
      d.entries.push({ pattern: '据{sauce}数据显示', lang: 'zh', status: 'reported' });     // unknown slot
      d.entries.push({ pattern: '据报道', lang: 'zh', status: 'reported' });                // missing {source}
      d.entries.push({ pattern: '数据来自{source}', lang: 'zh', status: 'reported' });      // lazy slot at the end
    });
    edit('claims/rankings.json', (d) => { d.entries.push({ term: '探花', lang: 'zh', rank: null, qualifier: 'exact' }); }); // exact without rank
    edit('quotes/speech-verbs.json', (d) => { d.entries.push({ term: '对…说…道', lang: 'zh', act: 'state', strength: 2 }); }); // two gaps
    edit('quotes/document-intros.json', (d) => { d.entries.push({ pattern: '以下是{author}原文：', lang: 'zh', kind: 'document', authorSlot: false, strength: 3 }); }); // duplicate + authorSlot
    writeFileSync(join(dir, 'quotes/titles.json'), '{ "note": "x", "entries": [');   // not JSON

    let error: unknown;
    try { loadCueLexicons(dir); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CueLexiconError);
    const problems = (error as CueLexiconError).problems;
    const expected: [string, RegExp][] = [
      ['claims/metrics.json entries[0] "营收"', /unknown field "kinds"/],
      ['claims/metrics.json entries[1] "营业收入"', /"kind" must be one of/],
      ['claims/metrics.json entries[', /duplicates entries\[2\]/],
      ['claims/metrics.json', /"毛收入": canonical "毛收益" is not/],
      ['claims/modality.json entries[0] "目标"', /"strength" must be an integer from 1 to 3/],
      ['claims/sources.json entries[', /unknown slot \{sauce\}/],
      ['claims/sources.json entries[', /"据\{sauce\}数据显示": is missing the slot \{source\}/],
      ['claims/sources.json entries[', /"据报道": is missing the slot \{source\}/],
      ['claims/sources.json entries[', /ends with the lazy slot \{source\}/],
      ['claims/rankings.json entries[', /"探花": qualifier "exact" needs a rank/],
      ['quotes/speech-verbs.json entries[', /exactly one "…"/],
      ['quotes/document-intros.json entries[', /duplicates entries\[0\]/],
      ['quotes/document-intros.json entries[', /"authorSlot" must be true exactly when/],
      ['quotes/titles.json', /is not valid JSON/],
    ];
    for (const [prefix, pattern] of expected) {
      expect(problems.some((p) => p.startsWith(prefix) && pattern.test(p)), `${prefix} ${pattern}`).toBe(true);
    }
    expect(problems, problems.join("\n")).toHaveLength(expected.length);
    expect((error as Error).message).toContain(`${problems.length} problems`);
    for (const problem of problems) expect((error as Error).message).toContain(problem);
  });

  it('rejects a file with an unknown top-level field and no note', () => {
    dir = mkdtempSync(join(tmpdir(), 'cues-'));
    cpSync(ROOT, dir, { recursive: true });
    edit('claims/growth.json', (d) => { delete d.note; d.extra = []; });
    expect(() => loadCueLexicons(dir)).toThrow(/claims\/growth\.json: unknown top-level field "extra"[\s\S]*claims\/growth\.json: "note"/);
  });

  it('reports a missing file by name', () => {
    dir = mkdtempSync(join(tmpdir(), 'cues-'));
    cpSync(ROOT, dir, { recursive: true });
    rmSync(join(dir, 'quotes/pronouns.json'));
    expect(() => loadCueLexicons(dir)).toThrow(/quotes\/pronouns\.json: cannot be read/);
  });

  it('names every lexicon file it reads', () => {
    expect(CUE_LEXICON_FILES).toHaveLength(10);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeText } from '../pipeline/analyze-text.ts';

const ids = (text: string) => analyzeText(text).entities.map((e) => e.id);
const entity = (text: string, id: string) => analyzeText(text).entities.find((e) => e.id === id);

describe('ambiguous aliases, both ways', () => {
  it.each([
    // 苹果: Apple against the fruit
    ['苹果发布了新款iPhone，今年苹果在中国的份额上升。', 'apple', true],
    ['他每天吃一个苹果，苹果汁销量大增。', 'apple', false],
    // 小米: Xiaomi against the grain
    ['小米发布了2021年财报，小米面临高端化挑战。', 'xiaomi', true],
    ['早餐喝一碗小米粥。', 'xiaomi', false],
    // 荣耀: Honor against glory
    ['荣耀拿下安卓第一，荣耀Magic4热销。', 'honor', true],
    ['员工的荣耀感来自工作本身。', 'honor', false],
    // 三星: Samsung against a hotel rating
    ['三星一季度智能手机出货量全球第一。', 'samsung', true],
    ['这是一家三星级酒店。', 'samsung', false],
    // 理想: Li Auto against the word
    ['理想汽车3月交付量创新高，理想ONE销量领先。', 'li-auto', true],
    ['他的理想是成为一名工程师。', 'li-auto', false],
    // 一加: OnePlus against arithmetic
    ['一加发布了新款手机，一加手机在印度热销。', 'oneplus', true],
    ['一加一等于二。', 'oneplus', false],
  ])('%s → %s %s', (text, id, expected) => {
    expect(ids(text).includes(id)).toBe(expected);
  });
});

describe('linking on real sentences', () => {
  it.each([
    // finews/2022-02-08-NW202202082270036781.md: 小米集团 and 小米 are one entity; 雷军 is a person of Xiaomi
    ['2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组。小米确立了品牌战略。', 'xiaomi', ['小米集团', '小米']],
    ['2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组。', 'lei-jun', ['雷军']],
    // product grammar: brand, series, number, suffix; an unlisted model still links to its brand
    ['小米12 Pro首月出货量远超预期，小米13 Ultra也将发布。', 'xiaomi-13-ultra', ['小米13 Ultra']],
    // 雷总 is 雷军 once the article names him
    ['雷军出席了发布会。雷总表示，小米将全力以赴。', 'lei-jun', ['雷军', '雷总']],
    // English: full name, then surname
    ['Apple Inc Chief Executive Tim Cook said technology for televisions was of intense interest. Cook also said he hoped to see Apple products made in the United States.', 'tim-cook', ['Tim Cook', 'Cook']],
    // English company names and aliases
    ['Samsung Electronics Co Ltd vowed to double its dividend yield. Samsung said so.', 'samsung', ['Samsung Electronics', 'Samsung']],
  ])('%s', (text, id, mentions) => {
    const e = entity(text, id);
    expect(e).toBeDefined();
    expect(e!.mentions.filter((m) => !m.coref).map((m) => m.text)).toEqual(mentions);
  });

  it('gives a product its brand, and a person the company', () => {
    const a = analyzeText('小米12 Pro首月出货量远超预期，雷军表示满意。');
    expect(a.entities.find((e) => e.id === 'xiaomi-12-pro')).toMatchObject({ type: 'product', org: 'xiaomi' });
    expect(a.entities.find((e) => e.id === 'lei-jun')).toMatchObject({ type: 'person', org: 'xiaomi' });
  });

  it('resolves 该公司 to the company named before it', () => {
    const a = analyzeText('宁德时代发布年报。该公司表示，海外订单持续增长。');
    expect(a.entities.find((e) => e.id === 'catl')!.mentions.map((m) => [m.text, m.coref ?? false])).toEqual([['宁德时代', false], ['该公司', true]]);
  });
});

describe('discovery of names the registry lacks', () => {
  it.each([
    // finews/2021-12-08-202112082206710723.md
    ['面对今冬明春能源供需紧张形势，徐矿集团超额完成100万吨煤炭应急储备任务。', '徐矿集团', 'company'],
    // feeds/cls_2026-05-15_2371994.jsonl
    ['在今日的一季报业绩说明会上，中芯国际联合CEO赵海军表示，公司对于今年更加乐观。', '赵海军', 'person'],
    // ofweek/华为最新人事调整…: a name jieba cuts apart, before an appointment verb
    ['免去余承东华为云CEO职位，张平安被任命为华为云CEO。', '张平安', 'person'],
    // a business unit of a known company (36kr/最前线｜刘强东卸任京东集团CEO…)
    ['京东零售CEO辛利军表示，京东将继续投入。', '京东零售', 'company'],
    // finews/2022-05-31…: a stock list
    ['截至收盘，国光电器、水晶光电、科瑞技术、鹏鼎控股、兴瑞科技涨停。', '科瑞技术', 'company'],
    // reuters/us-tsmc-apple-…: an analyst named after a speech verb
    ['"Apple is trying to diversify its orders," said Fubon Securities analyst William Wang.', 'William Wang', 'person'],
  ])('%s finds %s (%s)', (text, name, type) => {
    const e = analyzeText(text).entities.find((x) => x.name === name);
    expect(e).toMatchObject({ type, discovered: true });
    expect(e!.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each([
    ['该公司表示，上市公司和子公司都在增长。'],
    ['两大交易所的库存差距也有走阔。'],
  ])('does not take references for names: %s', (text) => {
    expect(analyzeText(text).entities.filter((e) => e.discovered)).toEqual([]);
  });

  it('does not list the outlet of a dateline or credit line', () => {
    const a = analyzeText('财联社5月15日电，中芯国际发布一季报。', { source: '财联社' });
    expect(a.entities.map((e) => e.id)).not.toContain('cls');
    expect(analyzeText('SEOUL (Reuters) - Samsung Electronics Co Ltd vowed to double its dividend.', { source: 'Reuters' }).entities.map((e) => e.id)).not.toContain('reuters');
  });

  it('weighs salience by title, lead and frequency', () => {
    const a = analyzeText('小米发布新机。华为也发布新机。小米销量领先，小米份额上升。', { title: '小米高端化之路' });
    const xiaomi = a.entities.find((e) => e.id === 'xiaomi')!;
    const huawei = a.entities.find((e) => e.id === 'huawei')!;
    expect(xiaomi.salience).toBeGreaterThan(huawei.salience);
    expect(xiaomi.salience).toBeLessThanOrEqual(1);
  });
});

describe('listings written in the text', () => {
  // reuters/us-update-2-lenovo-rises-as-mobile-data-…
  const text = 'The 4.7 percent share means only Apple Inc ( AAPL.O ), Samsung Electronics ( 005930.KS ) and Huawei Technologies HWT.UL are bigger.';

  it('links ( AAPL.O ) and ( 005930.KS ) to their companies and never makes them claims', () => {
    const a = analyzeText(text);
    expect(a.entities.find((e) => e.id === 'apple')!.mentions.map((m) => [m.text, m.coref ?? false])).toEqual([['Apple Inc', false], ['AAPL.O', true]]);
    expect(a.entities.find((e) => e.id === 'samsung')!.mentions.some((m) => m.text === '005930.KS')).toBe(true);
    expect(a.claims.map((c) => c.text).join(' ')).not.toMatch(/AAPL|005930/);
  });
});

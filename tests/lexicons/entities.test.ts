import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ENTITY_FILES,
  type EntityFileRole,
  type EntityRegistry,
  aliasKey,
  contextRuleAccepts,
  isTicker,
  loadEntityRegistry,
  lookupAlias,
  matchModelAt,
  normalizeKey,
  parseModelName,
  ricToTicker,
} from '../../src/lexicons/entities.ts';
import { LexiconError, type LexiconProblem, SLUG } from '../../src/lexicons/validate.ts';

const registry: EntityRegistry = loadEntityRegistry();

describe('the real entity lexicons', () => {
  it.each([
    ['companies', registry.companies.length, 320],
    ['people', registry.people.length, 160],
    ['products', registry.products.length, 220],
    ['organizations', registry.organizations.length, 40],
    ['locations', registry.locations.length, 60],
    ['context rules', registry.contextRules.length, 6],
  ])('has at least the minimum number of %s', (_label, count, minimum) => {
    expect(count).toBeGreaterThanOrEqual(minimum);
  });

  it('gives every entity a slug id, a name and a resolvable owner', () => {
    for (const entity of registry.byId.values()) {
      expect(entity.id).toMatch(SLUG);
      expect(entity.name.length).toBeGreaterThan(0);
      if (entity.org !== null) expect(registry.byId.has(entity.org)).toBe(true);
    }
    expect(registry.byId.size).toBe(
      registry.companies.length + registry.people.length + registry.products.length + registry.organizations.length + registry.locations.length,
    );
  });

  it.each([
    // [alias as written in text, expected id]
    ['小米', 'xiaomi'],
    ['小米集团-W', 'xiaomi'],
    ['ＸＩＡＯＭＩ', 'xiaomi'],
    ['苹果公司', 'apple'],
    ['宁德时代', 'catl'],
    ['LG能源解决方案', 'lg-energy-solution'],
    ['哈弗', 'haval'],
    ['天猫', 'tmall'],
    ['中信证券', 'citic-securities'],
    ['Canalys', 'canalys'],
    ['集邦咨询', 'trendforce'],
    ['雷军', 'lei-jun'],
    ['Tim Cook', 'tim-cook'],
    ['郭明錤', 'ming-chi-kuo'],
    ['安迪・贾西', 'andy-jassy'], // katakana middle dot, as some sites write it
    ['iPhone 13 Pro Max', 'iphone-13-pro-max'],
    ['骁龙8 Gen 1', 'snapdragon-8-gen-1'],
    ['鸿蒙', 'harmonyos'],
    ['工信部', 'miit'],
    ['港交所', 'hkex'],
    ['中汽协', 'caam'],
    ['东南亚', 'southeast-asia'],
  ])('resolves %s to %s', (alias, id) => {
    expect(lookupAlias(registry, alias).map((t) => t.id)).toContain(id);
  });

  it('links a company and its brands, people and products', () => {
    expect(registry.byId.get('haval')?.org).toBe('great-wall-motor');
    expect(registry.byId.get('tmall')?.org).toBe('alibaba');
    expect(registry.byId.get('lei-jun')?.org).toBe('xiaomi');
    expect(registry.byId.get('kirin-9000')?.org).toBe('hisilicon');
    expect(registry.byId.get('zhong-nonexistent')).toBeUndefined();
  });

  it('maps tickers and Reuters codes to companies', () => {
    expect(registry.byTicker.get('HK:01810')).toBe('xiaomi');
    expect(registry.byTicker.get('SZ:300750')).toBe('catl');
    expect(registry.byRic.get('AAPL.O')).toBe('apple');
    expect(registry.byTicker.get(ricToTicker('TSM.N')!)).toBe('tsmc');
  });

  it('flags generic names and case-sensitive English words', () => {
    expect(lookupAlias(registry, '张勇')[0]).toMatchObject({ id: 'zhang-yong', ambiguous: true });
    expect(lookupAlias(registry, 'apple')[0]).toMatchObject({ id: 'apple', text: 'Apple', caseSensitive: true });
    expect(lookupAlias(registry, 'Facebook').map((t) => t.id).sort()).toEqual(['facebook', 'meta']);
  });

  it('is read-only', () => {
    expect(() => (registry.companies as unknown[]).push({})).toThrow(TypeError);
    expect(() => (registry.byAlias as Map<string, unknown>).set('x', [])).toThrow(TypeError);
  });
});

describe('context rules', () => {
  const accepts = (alias: string, text: string, at = text.indexOf(alias)): boolean => {
    const rule = registry.contextRulesByAlias.get(aliasKey(alias))?.[0];
    if (!rule) throw new Error(`no rule for ${alias}`);
    return contextRuleAccepts(rule, normalizeKey(text), at, at + alias.length);
  };

  it.each([
    // 36kr, 2022-02-16: “与雷军一起喝小米粥的13人”
    ['小米', '与雷军一起喝小米粥的13人中', false],
    ['小米', '小米面临高端化挑战', true],
    ['苹果', '一斤苹果涨到10元', false],
    ['苹果', '苹果发布了新款iPhone', true],
    ['荣耀', '王者荣耀日活过亿', false],
    ['荣耀', '荣耀发布Magic4系列', true],
    ['三星', '入住三星级酒店', false],
    ['一加', '一加一等于二', false],
    ['一加', '一加10 Pro正式发布', true],
    ['理想', '业绩不理想', false],
    ['理想', '这是一个理想的选择', false],
    ['理想', '理想1月交付1.2万辆', true],
    ['IDC', 'IDC数据显示，一季度手机出货量下降', true],
    ['IDC', '公司IDC业务收入增长', false],
  ])('%s in %s → %s', (alias, text, expected) => {
    expect(accepts(alias, text)).toBe(expected);
  });

  it('accepts bare 理想 far from car words when 理想汽车 appears elsewhere in the article', () => {
    const text = `理想汽车发布财报。${'此外'.repeat(30)}理想称将扩大团队`;
    expect(accepts('理想', text, text.lastIndexOf('理想'))).toBe(true);
    const alone = `${'此外'.repeat(30)}理想称将扩大团队`;
    expect(accepts('理想', alone, alone.lastIndexOf('理想'))).toBe(false);
  });
});

describe('product grammar', () => {
  it.each([
    ['小米13 Ultra', 'xiaomi-13-ultra'],
    ['小米12S Ultra', 'xiaomi-12s-ultra'],
    ['iPhone 15 Pro Max', 'iphone-15-pro-max'],
    ['iPhone13ProMax', 'iphone-13-pro-max'],
    ['Galaxy Z Fold5', 'galaxy-z-fold5'],
    ['三星S23 Ultra', 'galaxy-s23-ultra'],
    ['Redmi K50 电竞版', 'redmi-k50-gaming'],
    ['华为Mate 60 Pro+', 'huawei-mate-60-pro-plus'],
    ['骁龙8+ Gen1', 'snapdragon-8-plus-gen-1'],
    ['天玑9000+', 'dimensity-9000-plus'],
    ['麒麟9000S', 'kirin-9000s'],
    ['极氪001', 'zeekr-001'],
    ['ＩＰＨＯＮＥ　１４', 'iphone-14'], // full-width letters and space
  ])('reads %s as %s', (name, id) => {
    expect(parseModelName(registry.productGrammar, name)?.id).toBe(id);
  });

  it.each(['小米12月', '小米2022', '小米1.5亿', '荣耀100万', '极氪10', '苹果'])('does not read %s as a model', (text) => {
    expect(parseModelName(registry.productGrammar, text)).toBeNull();
  });

  it('finds models inside running text with offsets into the original', () => {
    const text = '小米12月发布小米12 Pro，苹果iPhone 15 Pro Max售价7999元。';
    const key = normalizeKey(text);
    const found: string[] = [];
    for (let i = 0; i < key.length; i++) {
      const match = matchModelAt(registry.productGrammar, key, i);
      if (!match) continue;
      found.push(`${match.id}=${text.slice(match.start, match.end)}`);
      i = match.end - 1;
    }
    expect(found).toEqual(['xiaomi-12-pro=小米12 Pro', 'iphone-15-pro-max=苹果iPhone 15 Pro Max']);
  });
});

describe('normalizeKey', () => {
  it.each([
    ['ＸｉａｏＭＩ', 'xiaomi'],
    ['ＩＴ之家', 'it之家'],
    ['５３．２％', '53.2%'],
    ['小米\u3000集团', '小米 集团'],
    ['安迪・贾西', '安迪·贾西'],
    ['Škoda', 'škoda'],
    ['𠮷野家 A', '𠮷野家 a'], // astral character: two code units in, two out
    ['第一行\n第二行', '第一行\n第二行'], // line breaks are kept, so matches never cross them
  ])('%s → %s, same length', (input, expected) => {
    const key = normalizeKey(input);
    expect(key).toBe(expected);
    expect(key.length).toBe(input.length);
  });

  it('keeps every offset for arbitrary text', () => {
    let text = '';
    for (let code = 0; code < 0x10000; code += 7) text += String.fromCharCode(code);
    expect(normalizeKey(text).length).toBe(text.length);
  });

  it('collapses spaces only in alias keys', () => {
    expect(aliasKey('  Xiaomi \u3000 Corp ')).toBe('xiaomi corp');
  });
});

describe('tickers', () => {
  it.each([
    ['HK:01810', true],
    ['SZ:300750', true],
    ['US:BRK.B', true],
    ['ST:ERIC-B', true],
    ['HK:1810', false],
    ['NASDAQ:AAPL', false],
    ['US:aapl', false],
    ['01810.HK', false],
  ])('isTicker(%s) → %s', (ticker, expected) => {
    expect(isTicker(ticker)).toBe(expected);
  });

  it.each([
    ['AAPL.O', 'US:AAPL'],
    ['0700.HK', 'HK:00700'],
    ['600519.SS', 'SH:600519'],
    ['ERICb.ST', 'ST:ERIC-B'],
    ['AAPL', null],
  ])('ricToTicker(%s) → %s', (ric, ticker) => {
    expect(ricToTicker(ric)).toBe(ticker);
  });
});

// ─── broken registries: one error that lists every problem ───

type Files = Record<EntityFileRole, { note?: string; entries?: Record<string, unknown>[]; [key: string]: unknown }>;

/** A small registry that passes validation; each case breaks a copy of it. */
function validFiles(): Files {
  const note = 'test fixture';
  return {
    companies: {
      note,
      entries: [
        { id: 'xiaomi', name: '小米', nameEn: 'Xiaomi', aliases: ['小米集团'], tickers: ['HK:01810'], rics: ['1810.HK'], sector: 'consumer-electronics', role: 'maker', country: 'china' },
        { id: 'apple', name: '苹果', nameEn: 'Apple', aliases: ['苹果公司'], tickers: ['US:AAPL'], sector: 'consumer-electronics', role: 'maker', country: null },
      ],
    },
    people: { note, entries: [{ id: 'lei-jun', name: '雷军', nameEn: 'Lei Jun', aliases: [], org: 'xiaomi', title: 'CEO' }] },
    products: {
      note,
      entries: [
        { id: 'xiaomi-number', name: '小米数字系列', nameEn: null, aliases: [], brand: 'xiaomi', isSeries: true, category: 'phone' },
        { id: 'xiaomi-12-pro', name: '小米12 Pro', nameEn: 'Xiaomi 12 Pro', aliases: ['小米12Pro'], brand: 'xiaomi', series: 'xiaomi-number', category: 'phone', year: 2021 },
      ],
    },
    organizations: { note, entries: [{ id: 'miit', name: '工信部', nameEn: 'MIIT', aliases: [], kind: 'ministry', country: 'china' }] },
    locations: { note, entries: [{ id: 'china', name: '中国', nameEn: 'China', aliases: [], kind: 'country', parent: null }] },
    contextRules: {
      note,
      entries: [{ alias: '小米', entity: 'xiaomi', note: 'millet', rejectIfFollowedBy: ['粥'], examples: { accept: ['小米发布新机'], reject: ['喝小米粥'] } }],
    },
    productGrammar: {
      note,
      numberStops: ['月'],
      suffixes: [{ id: 'pro', forms: ['Pro'] }],
      rules: [{ id: 'xiaomi-number', brand: 'xiaomi', series: 'xiaomi-number', words: ['小米', 'Xiaomi'], number: { min: 1, max: 30 }, suffixes: ['pro'], template: 'xiaomi-{model}' }],
    },
  };
}

const tempRoot = mkdtempSync(join(tmpdir(), 'stratlens-entities-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

let caseCount = 0;
function writeFiles(files: Partial<Record<EntityFileRole, unknown>>, raw: Partial<Record<EntityFileRole, string>> = {}): string {
  const dir = join(tempRoot, `case-${caseCount++}`);
  mkdirSync(dir);
  for (const role of Object.keys(ENTITY_FILES) as EntityFileRole[]) {
    const text = raw[role] ?? (files[role] === undefined ? undefined : JSON.stringify(files[role], null, 2));
    if (text !== undefined) writeFileSync(join(dir, ENTITY_FILES[role]), text);
  }
  return dir;
}

function problemsOf(dir: string): LexiconProblem[] {
  try {
    loadEntityRegistry(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return [...(error as LexiconError).problems];
  }
  throw new Error('expected the registry to be rejected');
}

type Expected = { file: string; entry: string | null; field: string | null; message: RegExp };
const entries = (f: Files, role: EntityFileRole): Record<string, unknown>[] => f[role].entries!;

const brokenCases: [string, (f: Files) => void, Expected[]][] = [
  [
    'duplicate ids across files',
    (f) => entries(f, 'people').push({ id: 'xiaomi', name: '小米某人', nameEn: null, org: 'xiaomi', title: '员工' }),
    [{ file: 'people.json', entry: 'xiaomi', field: 'id', message: /duplicate id; already used by an entry in companies\.json/ }],
  ],
  [
    'an id that is not a slug',
    (f) => (entries(f, 'companies')[1]!.id = 'Apple_Inc'),
    [{ file: 'companies.json', entry: 'Apple_Inc', field: 'id', message: /not a lowercase ASCII slug/ }],
  ],
  [
    'a dangling org',
    (f) => (entries(f, 'people')[0]!.org = 'xiaomi-group'),
    [{ file: 'people.json', entry: 'lei-jun', field: 'org', message: /"xiaomi-group" is not the id of any entry/ }],
  ],
  [
    'a brand that is not a company',
    (f) => (entries(f, 'products')[1]!.brand = 'lei-jun'),
    [{ file: 'products.json', entry: 'xiaomi-12-pro', field: 'brand', message: /"lei-jun" is a person, expected a company/ }],
  ],
  [
    'an alias claimed by two entities',
    (f) => (entries(f, 'companies')[1]!.aliases = ['小米集团']),
    [{ file: 'companies.json', entry: 'xiaomi', field: 'aliases[0]', message: /"小米集团" is also claimed by apple/ }],
  ],
  [
    'an alias listed twice once case is folded',
    (f) => (entries(f, 'companies')[0]!.aliases = ['XIAOMI']),
    [{ file: 'companies.json', entry: 'xiaomi', field: 'aliases[0]', message: /repeats nameEn/ }],
  ],
  [
    'bad tickers and a RIC that does not match them',
    (f) => Object.assign(entries(f, 'companies')[0]!, { tickers: ['HK:1810', 'NASDAQ:XIAOMI'], rics: ['1810.HK'] }),
    [
      { file: 'companies.json', entry: 'xiaomi', field: 'tickers[0]', message: /"HK:1810" is not a ticker/ },
      { file: 'companies.json', entry: 'xiaomi', field: 'tickers[1]', message: /"NASDAQ:XIAOMI" is not a ticker/ },
      { file: 'companies.json', entry: 'xiaomi', field: 'rics[0]', message: /converts to HK:01810, which is not listed/ },
    ],
  ],
  [
    'a misspelt field and a missing required one',
    (f) => {
      const person = entries(f, 'people')[0]!;
      person.alias = person.aliases;
      delete person.aliases;
      delete person.title;
    },
    [
      { file: 'people.json', entry: 'lei-jun', field: 'alias', message: /unknown field/ },
      { file: 'people.json', entry: 'lei-jun', field: 'title', message: /missing required field/ },
    ],
  ],
  [
    'a context rule whose example disagrees and whose alias belongs to another entity',
    (f) => entries(f, 'contextRules').push({ alias: '苹果', entity: 'xiaomi', note: 'wrong', rejectIfPrecededBy: ['吃'], examples: { accept: ['吃苹果'], reject: ['香蕉'] } }),
    [
      { file: 'context-rules.json', entry: '苹果→xiaomi', field: 'alias', message: /"苹果" is not a name or alias of xiaomi/ },
      { file: 'context-rules.json', entry: '苹果→xiaomi', field: 'examples.accept[0]', message: /the rule rejects "吃苹果", but the example expects it to accept/ },
      { file: 'context-rules.json', entry: '苹果→xiaomi', field: 'examples.reject[0]', message: /does not contain "苹果"/ },
    ],
  ],
  [
    'a listed model whose id disagrees with the grammar',
    (f) => (entries(f, 'products')[1]!.id = 'mi-12-pro'),
    [
      { file: 'products.json', entry: 'mi-12-pro', field: 'name', message: /reads as xiaomi-12-pro under product-grammar rule xiaomi-number/ },
      { file: 'products.json', entry: 'mi-12-pro', field: 'nameEn', message: /reads as xiaomi-12-pro/ },
      { file: 'products.json', entry: 'mi-12-pro', field: 'aliases[0]', message: /reads as xiaomi-12-pro/ },
    ],
  ],
  [
    'an alias marked shared on one side only',
    (f) => (entries(f, 'companies')[1]!.aliases = [{ text: '小米集团', shared: true, note: 'test' }]),
    [
      { file: 'companies.json', entry: 'xiaomi', field: 'aliases[0]', message: /also claimed by apple/ },
    ],
  ],
  [
    'a grammar rule naming an unknown suffix and a bad template',
    (f) => Object.assign((f.productGrammar.rules as Record<string, unknown>[])[0]!, { suffixes: ['pro', 'ultra'], template: 'Xiaomi' }),
    [
      { file: 'product-grammar.json', entry: 'rule xiaomi-number', field: 'suffixes[1]', message: /"ultra" is not a suffix id/ },
      { file: 'product-grammar.json', entry: 'rule xiaomi-number', field: 'template', message: /must be a slug containing \{model\}/ },
    ],
  ],
];

describe('a broken registry', () => {
  it('accepts the unbroken fixture', () => {
    const fixture = loadEntityRegistry(writeFiles(validFiles()));
    expect(lookupAlias(fixture, '小米12Pro')[0]?.id).toBe('xiaomi-12-pro');
  });

  it.each(brokenCases)('reports %s', (_name, breakIt, expected) => {
    const files = validFiles();
    breakIt(files);
    const problems = problemsOf(writeFiles(files));
    expect(problems).toHaveLength(expected.length);
    for (const want of expected) expect(problems).toContainEqual({ file: want.file, entry: want.entry, field: want.field, message: expect.stringMatching(want.message) });
  });

  it('lists every problem of every file in one error', () => {
    const files = validFiles();
    for (const [, breakIt] of brokenCases) breakIt(files);
    let error: unknown;
    try {
      loadEntityRegistry(writeFiles(files));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LexiconError);
    const { problems, message } = error as LexiconError;
    for (const file of ['companies.json', 'people.json', 'products.json', 'context-rules.json', 'product-grammar.json']) {
      expect(problems.some((p) => p.file === file)).toBe(true);
    }
    expect(problems.length).toBeGreaterThanOrEqual(12);
    expect(message.split('\n')).toHaveLength(problems.length + 1);
    expect(message).toContain('people.json › lei-jun › org: "xiaomi-group" is not the id of any entry');
  });

  it('reports a missing file and invalid JSON without stopping at the first', () => {
    const dir = writeFiles({ ...validFiles(), locations: undefined }, { organizations: '{ "note": "x", "entries": [ }' });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'locations.json', message: expect.stringMatching(/cannot read the file \(ENOENT\)/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'organizations.json', message: expect.stringMatching(/invalid JSON/) }));
    // The people file is intact but its org, and the companies' country, still resolve or fail on their own.
    expect(problems).toContainEqual(expect.objectContaining({ file: 'companies.json', entry: 'xiaomi', field: 'country' }));
  });

  it.each<[string, (f: Files) => void]>([
    ['a context rule', (f) => {
      entries(f, 'companies')[1]!.aliases = ['小米集团'];
      entries(f, 'contextRules').push({ alias: '小米集团', entity: 'apple', note: 'test', requireNearby: { words: ['iPhone'], window: 10 }, examples: { accept: ['小米集团的iPhone'], reject: ['小米集团发布'] } });
    }],
    ['shared on every claimant', (f) => {
      entries(f, 'companies')[0]!.aliases = [{ text: '小米集团', shared: true, note: 'test' }];
      entries(f, 'companies')[1]!.aliases = [{ text: '小米集团', shared: true, note: 'test' }];
    }],
  ])('allows an alias claimed twice when %s disambiguates it', (_name, change) => {
    const files = validFiles();
    change(files);
    const fixture = loadEntityRegistry(writeFiles(files));
    expect(lookupAlias(fixture, '小米集团').map((t) => t.id).sort()).toEqual(['apple', 'xiaomi']);
  });
});

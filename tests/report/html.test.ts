import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analyze.ts';
import type { Article, Claim, Entity, Quote } from '../../src/doc/types.ts';
import { HtmlReportBuilder, jsonForScript, sourceBaseFor } from '../../src/report/html.ts';
import { buildSummary, type Summary } from '../../src/report/summary.ts';
import { writeReports } from '../../src/report/write.ts';
import { tempDir } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = path.join(ROOT, 'data/sample');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BANDS = { positive: 0.425, negative: 0.025 };
const RUN = { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0, tool: 'stratlens', version: 'test', input: SAMPLE, options: {} };

function summaryOf(articles: readonly Article[], input = SAMPLE): Summary {
  return buildSummary({ articles, files: articles.length, errors: [], warnings: [], encodings: new Map(), run: { ...RUN, input }, entityBands: BANDS });
}

/** The JSON the page carries, as the page's script reads it. */
function pageData(html: string): any {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no report-data block');
  return JSON.parse(match[1]!);
}

const entity = (id: string, score: number, label: Entity['sentiment']['label'], type: Entity['type'] = 'company'): Entity => ({
  id, name: id.toUpperCase(), nameEn: null, type, mentions: [{ start: 0, end: 2, text: 'xx' }], salience: 0.5, sentiment: { score, label },
});
const claim = (i: number, subject: string | null): Claim => ({
  kind: i % 2 ? 'growth' : 'financial', status: 'reported', text: `${i}%`, start: 0, end: 2, value: i, valueMax: null, qualifier: 'exact',
  unit: '%', metric: null, subject, period: null, horizonYears: null, scope: null, source: null, sentence: 0,
});
const quote = (i: number, speaker: string | null): Quote => ({
  kind: 'speech', text: `quote ${i}`, start: 0, end: 2, speaker: speaker ? { id: speaker, name: speaker } : null, cue: 'said', sentence: 0,
});

/** A small article; every field can be overridden. */
function article(n: number, over: Partial<Article> & { duplicateOf?: string } = {}): Article {
  const id = `a${String(n).padStart(3, '0')}`;
  return {
    id, path: `news/${id}.md`, title: `Title ${n}`, publishedAt: `2022-0${(n % 3) + 1}-10T08:00:00+08:00`, source: null, url: null,
    categories: [], tags: [], language: 'zh', tickers: [], text: '小米增长10%。', sentences: [{ start: 0, end: 8 }],
    sentiment: { score: 0, label: 'neutral', evidence: [] },
    entities: [entity('xiaomi', 0.5, 'positive')], claims: [claim(n, 'xiaomi'), claim(n + 1000, null)], quotes: [quote(n, 'lei-jun'), quote(n + 1000, null)],
    messages: [],
    fingerprint: '0000000000000000',
    ...over,
  };
}

describe('HtmlReportBuilder', () => {
  it('keeps at most maxClaims claims and maxQuotes quotes, says how many there were, and prefers claims about a company', () => {
    const builder = new HtmlReportBuilder({ maxClaims: 5, maxQuotes: 3 });
    const articles = Array.from({ length: 20 }, (_, i) => article(i));
    for (const a of articles) builder.add(a);
    const data = pageData(builder.render(summaryOf(articles)));
    expect(data.counts).toMatchObject({ articles: 20, claims: 40, claimsShown: 5, quotes: 40, quotesShown: 3 });
    expect(data.claims).toHaveLength(5);
    expect(data.claims.every((c: { subject: string | null }) => c.subject === 'xiaomi')).toBe(true);
    // a spread over the corpus, not just its first articles
    expect(new Set(data.claims.map((c: { a: number }) => data.articles[c.a].id)).size).toBe(5);
    expect(data.claims.some((c: { a: number }) => data.articles[c.a].id > 'a005')).toBe(true);
    expect(data.quoteGroups.flatMap((g: { quotes: unknown[] }) => g.quotes)).toHaveLength(3);
    expect(data.quoteGroups[0].speaker).toEqual({ id: 'lei-jun', name: 'lei-jun' });
    // only articles some row links to travel in the page
    expect(data.articles.length).toBeLessThanOrEqual(5 + 3 + 1);
  });

  it('keeps the same rows however the stream is cut: a smaller cap keeps a subset of a larger one', () => {
    const articles = Array.from({ length: 60 }, (_, i) => article(i));
    const keys = (cap: number) => {
      const b = new HtmlReportBuilder({ maxClaims: cap, maxQuotes: cap });
      for (const a of articles) b.add(a);
      const data = pageData(b.render(summaryOf(articles)));
      return new Set<string>(data.claims.map((c: { a: number; value: number }) => `${data.articles[c.a].id}/${c.value}`));
    };
    const small = keys(4);
    const large = keys(25);
    expect(small.size).toBe(4);
    expect(large.size).toBe(25);
    for (const k of small) expect(large.has(k), k).toBe(true);
  });

  it('gives byte-identical pages for the same articles, however often it renders', () => {
    const articles = Array.from({ length: 30 }, (_, i) => article(i));
    const build = () => {
      const b = new HtmlReportBuilder({ maxClaims: 7, maxQuotes: 4 });
      for (const a of articles) b.add(a);
      return b;
    };
    const one = build();
    const first = one.render(summaryOf(articles));
    expect(one.render(summaryOf(articles))).toBe(first);
    expect(build().render(summaryOf(articles))).toBe(first);
  });

  it('keeps article text from breaking out of the data block: </script>, <!-- and line separators', () => {
    const title = '</script><script>alert(1)</script> 小米<!--\u2028\u2029';
    const b = new HtmlReportBuilder();
    const a = article(1, { title });
    b.add(a);
    const html = b.render(summaryOf([a]));
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).not.toMatch(/[\u2028\u2029]/);
    expect(html).not.toContain('<!--');
    expect(pageData(html).articles[0].title).toBe(title.replace(/\s+/g, ' ').trim());
    expect(jsonForScript({ t: '</SCRIPT>\u2028' })).toBe('{"t":"\\u003c/SCRIPT>\\u2028"}');
  });

  it('leaves republications (duplicateOf) out of counts, charts and rows', () => {
    const original = article(1);
    const copy = article(2, { duplicateOf: original.id, entities: [entity('huawei', -0.8, 'negative')], publishedAt: '2023-05-01T00:00:00+08:00' });
    const b = new HtmlReportBuilder();
    b.add(original);
    b.add(copy);
    const data = pageData(b.render(summaryOf([original, copy])));
    expect(data.counts).toMatchObject({ articles: 1, duplicates: 1, claims: 2, quotes: 2 });
    expect(data.entities.map((e: { id: string }) => e.id)).toEqual(['xiaomi']);
    expect(data.months).toEqual([{ month: '2022-02', articles: 1 }]);
    expect(data.articles.map((x: { id: string }) => x.id)).toEqual([original.id]);
  });

  it('links to the web page when there is one, else to the file (a feed record to its feed), never to another scheme', () => {
    const b = new HtmlReportBuilder({ sourceBase: '../data/' });
    const web = article(1, { url: 'https://example.com/a?b=1' });
    const file = article(2, { path: '财经 news/雷军 #1.md' });
    const feed = article(3, { path: 'feeds/cls.jsonl#12' });
    const script = article(4, { url: 'javascript:alert(1)', path: 'x/y.md' });
    for (const a of [web, file, feed, script]) b.add(a);
    const hrefs = Object.fromEntries(pageData(b.render(summaryOf([web, file, feed, script]))).articles.map((x: { id: string; href: string }) => [x.id, x.href]));
    expect(hrefs).toEqual({
      a001: 'https://example.com/a?b=1',
      a002: `../data/${encodeURIComponent('财经 news')}/${encodeURIComponent('雷军 #1.md')}`,
      a003: '../data/feeds/cls.jsonl',
      a004: '../data/x/y.md',
    });
    expect(sourceBaseFor('/r/out', '/r/data/in')).toBe('../data/in/');
    expect(sourceBaseFor('/r/out', '/r/out')).toBe('');
  });

  it('keeps an entity summary: articles, split by sentiment label, average score, a monthly company timeline', () => {
    const b = new HtmlReportBuilder();
    const articles = [
      article(1, { publishedAt: '2022-01-03T08:00:00+08:00', entities: [entity('xiaomi', 0.6, 'positive'), entity('china', 0, 'neutral', 'location')] }),
      article(2, { publishedAt: '2022-03-03T08:00:00+08:00', entities: [entity('xiaomi', -0.4, 'negative')] }),
      article(3, { publishedAt: '2022-03-20T08:00:00+08:00', entities: [entity('xiaomi', 0.2, 'neutral')] }),
    ];
    for (const a of articles) b.add(a);
    const data = pageData(b.render(summaryOf(articles)));
    expect(data.entities[0]).toMatchObject({ id: 'xiaomi', articles: 3, score: 0.133, labels: { positive: 1, neutral: 1, negative: 1 } });
    // a month without articles stays a gap on the axis
    expect(data.months.map((m: { month: string }) => m.month)).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(data.timeline).toEqual([{ id: 'xiaomi', name: 'XIAOMI', scores: [0.6, null, -0.1], articles: [1, 0, 2] }]);
    expect(data.timeline.map((t: { id: string }) => t.id)).not.toContain('china');
  });

  it('renders a page for an empty corpus', () => {
    const data = pageData(new HtmlReportBuilder().render(summaryOf([])));
    expect(data.counts.articles).toBe(0);
    expect(data.claims).toEqual([]);
    expect(data.months).toEqual([]);
  });
});

describe('report.html in a browser', () => {
  let browser: Browser;
  let sampleDir: string;
  let emptyDir: string;
  let articles: Article[];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    const result = await analyzeDirectory(SAMPLE);
    articles = result.articles;
    sampleDir = tempDir('stratlens-html-');
    await writeReports(sampleDir, articles, summaryOf(articles));
    emptyDir = tempDir('stratlens-html-empty-');
    await writeReports(emptyDir, [], summaryOf([], emptyDir));
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report with every request that is not a local file refused, collecting errors and such requests. */
  async function open(dir: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    return { page, problems };
  }

  it('draws every chart with Chart.js, without errors or network requests', async () => {
    const { page, problems } = await open(sampleDir);
    const charts = await page.evaluate(() =>
      ['chart-months', 'chart-entities', 'chart-sentiment'].map((id) => {
        const canvas = document.getElementById(id) as HTMLCanvasElement | null;
        const chart = canvas ? (window as any).Chart.getChart(canvas) : undefined;
        const datasets = chart ? (chart.data.datasets as Array<{ data: unknown[] }>) : [];
        return { id, canvas: !!canvas, chart: !!chart, datasets: datasets.length, points: datasets.reduce((n, d) => n + d.data.filter((v) => typeof v === 'number').length, 0), width: canvas?.width ?? 0 };
      }),
    );
    for (const c of charts) {
      expect(c, c.id).toMatchObject({ canvas: true, chart: true });
      expect(c.datasets, c.id).toBeGreaterThanOrEqual(1);
      expect(c.points, c.id).toBeGreaterThan(0);
      expect(c.width, c.id).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
    expect(await page.locator('#entities-table').textContent()).toContain('苹果');
    expect(await page.locator('#entities-table').textContent()).toContain('Apple');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists every claim and filters the table by kind, company and status', async () => {
    const { page, problems } = await open(sampleDir);
    const rows = page.locator('#claims-table tbody tr:not(.no-match)');
    const visible = page.locator('#claims-table tbody tr:not(.no-match):not([hidden])');
    const total = articles.reduce((n, a) => n + a.claims.length, 0);
    expect(total).toBeGreaterThan(10);
    expect(await rows.count()).toBe(total);
    expect(await visible.count()).toBe(total);

    // the least common kind, so the filter must hide rows
    const counts = new Map<string, number>();
    for (const c of articles.flatMap((a) => a.claims)) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    const [kind, count] = [...counts].sort((x, y) => x[1] - y[1])[0]!;
    await page.selectOption('#filter-kind', kind);
    expect(await visible.count()).toBe(count);
    expect(count).toBeLessThan(total);
    expect(new Set(await visible.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.kind)))).toEqual(new Set([kind]));
    expect(await page.locator('#claims-count').textContent()).toContain(`Showing ${count} of`);

    await page.click('#filter-reset');
    await page.selectOption('#filter-subject', 'xiaomi');
    await page.selectOption('#filter-status', 'target');
    const expected = articles.flatMap((a) => a.claims).filter((c) => c.subject === 'xiaomi' && c.status === 'target').length;
    expect(await visible.count()).toBe(expected);
    expect(expected).toBeLessThan(total);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('links every row to its article: the URL when it has one, else its file', async () => {
    const { page, problems } = await open(sampleDir);
    const links = await page.evaluate(() =>
      ['#entities-table', '#claims-table', '#quotes'].map((sel) => ({ sel, hrefs: [...document.querySelectorAll(`${sel} a.src`)].map((a) => ({ attr: a.getAttribute('href')!, resolved: (a as HTMLAnchorElement).href })) })),
    );
    const urls = new Set(articles.map((a) => a.url).filter((u): u is string => !!u));
    let files = 0;
    let webs = 0;
    for (const { sel, hrefs } of links) {
      expect(hrefs.length, sel).toBeGreaterThan(0);
      for (const { attr, resolved } of hrefs) {
        if (/^https?:/.test(attr)) {
          expect(urls.has(attr), attr).toBe(true);
          webs++;
        } else {
          // a relative link from the report folder that lands on the article's file
          expect(resolved.startsWith('file:'), attr).toBe(true);
          const file = fileURLToPath(resolved);
          expect(existsSync(file), file).toBe(true);
          expect(articles.some((a) => !a.url && path.join(SAMPLE, a.path.replace(/#\d+$/, '')) === file), file).toBe(true);
          files++;
        }
      }
    }
    expect(webs).toBeGreaterThan(0);
    expect(files).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an empty state for a corpus without articles, without errors', async () => {
    const { page, problems } = await open(emptyDir);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(await page.locator('#empty').textContent()).toContain('No articles');
    expect(await page.locator('#content').isHidden()).toBe(true);
    expect(await page.evaluate(() => typeof (window as any).Chart)).toBe('function');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('writes report.html next to the other reports, the same bytes for the same input', async () => {
    const again = tempDir('stratlens-html-');
    await writeReports(again, articles, summaryOf(articles));
    // the two folders sit side by side in the temp folder, so their links to the input are the same
    expect(readFileSync(path.join(again, 'report.html')).equals(readFileSync(path.join(sampleDir, 'report.html')))).toBe(true);
  });
});

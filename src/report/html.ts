/**
 * report.html: one self-contained page (Chart.js inlined, data as JSON, no
 * network) for people who want to look at a run rather than open the CSV
 * files. Built in one streaming pass: `add` keeps only the compact data the
 * page shows, with caps, so memory and file size stay bounded however large
 * the corpus is; `render` turns that into the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article, Claim, EntityType, QuoteKind } from '../doc/types.ts';
import { fnv1a } from '../text/hash.ts';
import type { Summary } from './summary.ts';

export interface HtmlReportOptions {
  /** URL prefix ('' or ending in '/') from the report's folder to the input folder; file links of articles without a URL start with it */
  sourceBase?: string;
  /** what the page names as its input (default: the summary's run.input) */
  inputLabel?: string;
  /** claim rows kept for the table (default 3000) */
  maxClaims?: number;
  /** quotations kept (default 2000) */
  maxQuotes?: number;
  /** entities in the bar chart (default 20) */
  chartEntities?: number;
  /** entities in the entity table (default 50) */
  entityRows?: number;
  /** companies in the sentiment timeline (default 5) */
  timelineCompanies?: number;
}

const DEFAULTS: Required<Omit<HtmlReportOptions, 'sourceBase' | 'inputLabel'>> = { maxClaims: 3000, maxQuotes: 2000, chartEntities: 20, entityRows: 50, timelineCompanies: 5 };

/** Articles linked from each row of the entity table: the ones where the entity is most salient. */
const LINKS_PER_ENTITY = 3;
/** Longest texts carried into the page, in UTF-16 units; longer ones are cut with an ellipsis. */
const LIMITS = { title: 160, claim: 120, context: 180, quote: 320, label: 80 };
/** A month axis longer than this (a stray date in 1970) lists only the months that have articles. */
const MAX_FILLED_MONTHS = 600;

interface ArticleRef {
  seq: number;
  id: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  href: string;
}

interface EntityStat {
  id: string;
  name: string;
  nameEn: string | null;
  type: EntityType;
  articles: number;
  mentions: number;
  scoreSum: number;
  positive: number;
  neutral: number;
  negative: number;
  /** the articles where the entity is most salient, best first (flat pairs: a corpus has many entities seen once) */
  top: Array<ArticleRef | number>;
  /** for a company: its entity sentiment by month, as flat triples month, score sum, articles */
  monthly: Array<string | number> | null;
}

/** A claim as the page shows it: the claim's own fields, and the words around it. */
interface ClaimRow extends RankKey, Pick<Claim, 'kind' | 'status' | 'text' | 'value' | 'valueMax' | 'qualifier' | 'unit' | 'metric' | 'subject' | 'period'> {
  context: [string, string] | null;
}

interface QuoteRow extends RankKey {
  kind: QuoteKind;
  speaker: { id: string; name: string } | null;
  cue: string | null;
  text: string;
}

/** Adds an article to an entity's best links (flat pairs ref, salience), keeping the most salient, earlier articles first on ties. */
function keepTop(top: Array<ArticleRef | number>, ref: ArticleRef, salience: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1] as number) < salience) at -= 2;
  if (at >= LINKS_PER_ENTITY * 2) return;
  top.splice(at, 0, ref, salience);
  if (top.length > LINKS_PER_ENTITY * 2) top.length = LINKS_PER_ENTITY * 2;
}

/** Adds a score to a company's month (flat triples month, sum, count). */
function addMonthly(monthly: Array<string | number>, month: string, score: number): void {
  for (let i = monthly.length - 3; i >= 0; i -= 3) {
    if (monthly[i] === month) {
      monthly[i + 1] = (monthly[i + 1] as number) + score;
      monthly[i + 2] = (monthly[i + 2] as number) + 1;
      return;
    }
  }
  monthly.push(month, score, 1);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cuts `text` to `max` units at a whole character, with an ellipsis; runs of white space become one space. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(flat.charAt(end - 1))) end--;
  return `${flat.slice(0, end)}…`;
}

/**
 * The words of a sentence before and after a claim, together at most about
 * `max` units, with ellipses where they were cut: the page shows the claim
 * highlighted in its sentence.
 */
function around(text: string, from: number, to: number, start: number, end: number, max: number): [string, string] {
  const budget = Math.max(20, Math.floor((max - (end - start)) / 2));
  let s = Math.max(from, start - budget);
  let e = Math.min(to, end + budget);
  if (/[\udc00-\udfff]/.test(text.charAt(s))) s++;
  if (/[\ud800-\udbff]/.test(text.charAt(e - 1))) e--;
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  return [`${s > from ? '…' : ''}${flat(text.slice(s, start)).trimStart()}`, `${flat(text.slice(end, e)).trimEnd()}${e < to ? '…' : ''}`];
}

/** What decides whether a row is kept: lower priority first, then the hash; article order and place break ties. */
interface RankKey {
  priority: number;
  hash: number;
  ref: ArticleRef;
  start: number;
}

const byRank = (a: RankKey, b: RankKey) => a.priority - b.priority || a.hash - b.hash || a.ref.seq - b.ref.seq || a.start - b.start;

/**
 * Keeps the `cap` best rows by rank, sorting and cutting now and then so at
 * most twice `cap` are ever held. A row that ranks below the last one kept at
 * the latest cut can never be kept, so it is not even built.
 */
class BoundedSelection<T extends RankKey> {
  private items: T[] = [];
  private worst: RankKey | null = null;
  seen = 0;

  constructor(private readonly cap: number) {}

  offer(key: RankKey, build: () => T): void {
    this.seen++;
    if (this.cap <= 0 || (this.worst && byRank(key, this.worst) > 0)) return;
    this.items.push(build());
    if (this.items.length >= this.cap * 2) this.trim();
  }

  kept(): readonly T[] {
    this.trim();
    return this.items;
  }

  private trim(): void {
    this.items.sort(byRank);
    if (this.items.length >= this.cap) {
      this.items.length = this.cap;
      this.worst = this.items[this.cap - 1]!;
    }
  }
}

/** Newest first, undated last; then article order and place in the text. */
const byDateDesc = (a: { ref: ArticleRef; start: number }, b: typeof a) =>
  (a.ref.publishedAt === b.ref.publishedAt ? 0 : a.ref.publishedAt === null ? 1 : b.ref.publishedAt === null ? -1 : compare(b.ref.publishedAt, a.ref.publishedAt)) ||
  a.ref.seq - b.ref.seq ||
  a.start - b.start;

const byArticles = (a: EntityStat, b: EntityStat) => b.articles - a.articles || b.mentions - a.mentions || compare(a.id, b.id);

/** Quotations by how much they say: attributed before unattributed, speech and documents before reported speech. */
const QUOTE_KIND_RANK: Record<QuoteKind, number> = { speech: 0, document: 1, indirect: 2, term: 3 };

/**
 * The URL prefix from the report folder to the input folder, for links to
 * article files: relative when it can be (the two folders move together),
 * else a file: URL.
 */
export function sourceBaseFor(reportDir: string, inputDir: string): string {
  const rel = path.relative(path.resolve(reportDir), path.resolve(inputDir));
  if (rel === '') return '';
  if (path.isAbsolute(rel)) return `${pathToFileURL(path.resolve(inputDir)).href}/`;
  return `${rel.split(path.sep).map(encodeURIComponent).join('/')}/`;
}

/** A link for the article: its URL when it is a web address, else its file (a feed record's file, without `#line`). */
function articleHref(a: Article, sourceBase: string): string {
  if (a.url && /^https?:\/\//i.test(a.url)) return a.url;
  const file = a.path.replace(/#\d+$/, '');
  return sourceBase + file.split('/').map(encodeURIComponent).join('/');
}

/** JSON that is safe inside a <script> element: no `</script>`, `<!--` or line separators can end or bend it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

let chartJsSource: string | null = null;

/** The Chart.js UMD build, read once from the installed package, without its source-map comment (the page fetches nothing). */
function chartJs(): string {
  if (chartJsSource === null) {
    // the package exports only its entry points; the UMD build sits beside the CommonJS one
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
    chartJsSource = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n').replace(/<\/(script)/gi, '<\\/$1');
  }
  return chartJsSource;
}

/**
 * Collects what report.html shows from articles added one at a time (in id
 * order, for a deterministic page). Republications (`duplicateOf`) are left
 * out of every count, chart and table. Held in memory: a small record per
 * distinct entity (with up to three article links), a sentiment sum per
 * company and month, and at most twice `maxClaims` claim rows and
 * `maxQuotes` quotations, chosen by priority and then by a hash of their
 * article and place, so the sample is spread over the corpus.
 */
export class HtmlReportBuilder {
  private readonly options: Required<Omit<HtmlReportOptions, 'inputLabel'>> & { inputLabel?: string };
  private readonly entities = new Map<string, EntityStat>();
  private readonly months = new Map<string, number>();
  private readonly languages = new Map<string, number>();
  private readonly claims: BoundedSelection<ClaimRow>;
  private readonly quotes: BoundedSelection<QuoteRow>;
  private articles = 0;
  private duplicates = 0;
  private undated = 0;
  private terms = 0;

  constructor(options: HtmlReportOptions = {}) {
    this.options = { sourceBase: '', ...DEFAULTS, ...options };
    this.claims = new BoundedSelection<ClaimRow>(this.options.maxClaims);
    this.quotes = new BoundedSelection<QuoteRow>(this.options.maxQuotes);
  }

  add(article: Article): void {
    if ((article as { duplicateOf?: string }).duplicateOf) {
      this.duplicates++;
      return;
    }
    const seq = this.articles++;
    const ref: ArticleRef = {
      seq,
      id: article.id,
      title: clip(article.title || article.path, LIMITS.title),
      publishedAt: article.publishedAt,
      source: article.source,
      href: articleHref(article, this.options.sourceBase),
    };
    this.languages.set(article.language, (this.languages.get(article.language) ?? 0) + 1);
    const month = article.publishedAt && /^\d{4}-\d\d/.test(article.publishedAt) ? article.publishedAt.slice(0, 7) : null;
    if (month) this.months.set(month, (this.months.get(month) ?? 0) + 1);
    else this.undated++;

    for (const e of article.entities) {
      let stat = this.entities.get(e.id);
      if (!stat) {
        stat = { id: e.id, name: e.name, nameEn: e.nameEn, type: e.type, articles: 0, mentions: 0, scoreSum: 0, positive: 0, neutral: 0, negative: 0, top: [], monthly: null };
        this.entities.set(e.id, stat);
      }
      stat.articles++;
      stat.mentions += e.mentions.length;
      stat.scoreSum += e.sentiment.score;
      stat[e.sentiment.label]++;
      keepTop(stat.top, ref, e.salience);
      if (e.type === 'company' && month) addMonthly((stat.monthly ??= []), month, e.sentiment.score);
    }

    article.claims.forEach((c, i) => {
      // claims about a named company first: the table is filtered by company
      const key = { ref, priority: c.subject ? 0 : 1, hash: fnv1a(`${article.id}\u0000c${i}`), start: c.start };
      const sentence = article.sentences[c.sentence];
      this.claims.offer(key, () => ({
        ...key,
        kind: c.kind,
        status: c.status,
        text: clip(c.text, LIMITS.claim),
        value: c.value,
        valueMax: c.valueMax,
        qualifier: c.qualifier,
        unit: c.unit,
        metric: c.metric === null ? null : clip(c.metric, LIMITS.label),
        subject: c.subject,
        period: c.period,
        context: sentence && sentence.start <= c.start && c.end <= sentence.end ? around(article.text, sentence.start, sentence.end, c.start, c.end, LIMITS.context) : null,
      }));
    });

    article.quotes.forEach((q, i) => {
      // scare quotes, slogans and names are not something anyone said
      if (q.kind === 'term') {
        this.terms++;
        return;
      }
      const key = { ref, priority: (q.speaker ? 0 : 10) + QUOTE_KIND_RANK[q.kind], hash: fnv1a(`${article.id}\u0000q${i}`), start: q.start };
      this.quotes.offer(key, () => ({
        ...key,
        kind: q.kind,
        speaker: q.speaker ? { id: q.speaker.id, name: clip(q.speaker.name, LIMITS.label) } : null,
        cue: q.cue,
        text: clip(q.text, LIMITS.quote),
      }));
    });
  }

  /** The page; `summary` gives the file, failure and run counts. Calling it again gives the same page. */
  render(summary: Summary): string {
    const o = this.options;
    const refs = new Map<ArticleRef, number>();
    const link = (ref: ArticleRef) => {
      let index = refs.get(ref);
      if (index === undefined) refs.set(ref, (index = refs.size));
      return index;
    };
    const ranked = [...this.entities.values()].sort(byArticles);
    const entities = ranked.slice(0, Math.max(o.entityRows, o.chartEntities)).map((e) => ({
      id: e.id,
      name: e.name,
      nameEn: e.nameEn,
      type: e.type,
      articles: e.articles,
      mentions: e.mentions,
      score: Math.round((e.scoreSum / e.articles) * 1000) / 1000,
      labels: { positive: e.positive, neutral: e.neutral, negative: e.negative },
      links: e.top.filter((t): t is ArticleRef => typeof t !== 'number').map(link),
    }));
    const axis = this.monthAxis();
    const companies = ranked.filter((e) => e.type === 'company' && e.monthly).slice(0, o.timelineCompanies);
    const timeline = companies.map((e) => {
      const byMonth = new Map<string, { sum: number; n: number }>();
      for (let i = 0; i < e.monthly!.length; i += 3) byMonth.set(e.monthly![i] as string, { sum: e.monthly![i + 1] as number, n: e.monthly![i + 2] as number });
      return {
        id: e.id,
        name: e.name,
        scores: axis.map((m) => {
          const cell = byMonth.get(m);
          return cell ? Math.round((cell.sum / cell.n) * 1000) / 1000 : null;
        }),
        articles: axis.map((m) => byMonth.get(m)?.n ?? 0),
      };
    });

    const claimRows = [...this.claims.kept()].sort(byDateDesc);
    const subjects: Record<string, string> = {};
    for (const c of claimRows) if (c.subject) subjects[c.subject] = this.entities.get(c.subject)?.name ?? c.subject;
    const claims = claimRows.map((c) => ({
      a: link(c.ref),
      kind: c.kind,
      status: c.status,
      text: c.text,
      value: c.value,
      valueMax: c.valueMax,
      qualifier: c.qualifier,
      unit: c.unit,
      metric: c.metric,
      subject: c.subject,
      period: c.period,
      context: c.context,
    }));

    const groups = new Map<string, { speaker: { id: string; name: string } | null; quotes: QuoteRow[] }>();
    for (const q of this.quotes.kept()) {
      const key = q.speaker ? `s:${q.speaker.id}` : 'none';
      const group = groups.get(key) ?? { speaker: q.speaker, quotes: [] };
      group.quotes.push(q);
      groups.set(key, group);
    }
    const quoteGroups = [...groups.values()]
      .sort((x, y) => (x.speaker === null ? 1 : 0) - (y.speaker === null ? 1 : 0) || y.quotes.length - x.quotes.length || compare(x.speaker?.name ?? '', y.speaker?.name ?? '') || compare(x.speaker?.id ?? '', y.speaker?.id ?? ''))
      .map((g) => ({ speaker: g.speaker, quotes: [...g.quotes].sort(byDateDesc).map((q) => ({ a: link(q.ref), kind: q.kind, cue: q.cue, text: q.text })) }));

    const articles = [...refs.keys()].map((r) => ({ id: r.id, title: r.title, date: r.publishedAt ? r.publishedAt.slice(0, 10) : null, source: r.source, href: r.href }));
    const data = {
      run: { tool: summary.run.tool, version: summary.run.version, input: this.options.inputLabel ?? summary.run.input },
      counts: {
        articles: this.articles,
        duplicates: this.duplicates,
        undated: this.undated,
        files: summary.counts.files,
        failed: summary.counts.failed,
        warnings: summary.counts.warnings,
        entities: this.entities.size,
        claims: this.claims.seen,
        claimsShown: claims.length,
        quotes: this.quotes.seen,
        quotesShown: quoteGroups.reduce((n, g) => n + g.quotes.length, 0),
        terms: this.terms,
      },
      languages: Object.fromEntries([...this.languages.entries()].sort(([a, x], [b, y]) => y - x || compare(a, b))),
      months: axis.map((m) => ({ month: m, articles: this.months.get(m) ?? 0 })),
      chartEntities: Math.min(o.chartEntities, entities.length),
      entityRows: Math.min(o.entityRows, entities.length),
      entities,
      timeline,
      subjects,
      claims,
      quoteGroups,
      articles,
    };
    return page(jsonForScript(data), chartJs());
  }

  /** Every month from the first to the last with articles, so gaps show as gaps. */
  private monthAxis(): string[] {
    const known = [...this.months.keys()].sort();
    if (known.length < 2) return known;
    const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const first = index(known[0]!);
    const last = index(known[known.length - 1]!);
    if (last - first + 1 > MAX_FILLED_MONTHS) return known;
    const months: string[] = [];
    for (let i = first; i <= last; i++) months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
    return months;
  }
}

function page(json: string, chartJsCode: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stratlens report</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><div class="wrap">
<h1>stratlens <span>report</span></h1>
<p id="run" class="run"></p>
</div></header>
<main class="wrap">
<noscript><p class="empty">This report draws its charts and tables with JavaScript; please allow scripts for this file.</p></noscript>
<section id="stats" class="stats" aria-label="Totals"></section>
<ul id="notes" class="notes"></ul>
<section id="empty" class="card empty" hidden>
<h2>No articles to report</h2>
<p>The run found no articles to analyse. Check that the input folder holds .md, .txt, .html or .jsonl files, and see summary.json for files that could not be read.</p>
</section>
<div id="content">
<section class="card">
<h2>Articles per month</h2>
<p class="hint" id="months-hint">By publication date.</p>
<div class="chart" style="height:260px"><canvas id="chart-months" aria-label="Articles per month" role="img"></canvas></div>
</section>
<div class="grid">
<section class="card">
<h2>Top entities</h2>
<p class="hint">By number of articles; each bar split by how the articles treat the entity.</p>
<div class="chart" id="entities-box"><canvas id="chart-entities" aria-label="Top entities by articles" role="img"></canvas></div>
</section>
<section class="card">
<h2>Sentiment of the main companies</h2>
<p class="hint">Monthly average of how articles treat each company (−1 negative … +1 positive).</p>
<div class="chart" id="sentiment-box"><canvas id="chart-sentiment" aria-label="Sentiment timeline of the main companies" role="img"></canvas></div>
</section>
</div>
<section class="card">
<h2>Entities</h2>
<div class="scroll"><table id="entities-table"><thead><tr><th class="num">#</th><th>Entity</th><th>Type</th><th class="num">Articles</th><th class="num">Mentions</th><th>Sentiment</th><th>Most central in</th></tr></thead><tbody></tbody></table></div>
</section>
<section class="card">
<h2>Claims</h2>
<div class="filters">
<label>Company <select id="filter-subject"></select></label>
<label>Kind <select id="filter-kind"></select></label>
<label>Status <select id="filter-status"></select></label>
<button type="button" id="filter-reset">Reset</button>
<span id="claims-count" class="count" aria-live="polite"></span>
</div>
<div class="scroll tall"><table id="claims-table" class="fixed"><colgroup><col style="width:96px"><col style="width:112px"><col style="width:92px"><col><col style="width:112px"><col style="width:104px"><col style="width:80px"><col style="width:190px"></colgroup><thead><tr><th>Date</th><th>Company</th><th>Kind</th><th>Claim</th><th class="num">Value</th><th>Metric</th><th>Period</th><th>Article</th></tr></thead><tbody></tbody></table></div>
</section>
<section class="card">
<h2>Quotes by speaker</h2>
<p class="hint">Direct and reported speech and reproduced documents, grouped by who said them; the speakers with most quotes first.</p>
<div id="quotes" class="quotes"></div>
</section>
</div>
<footer id="footer" class="foot"></footer>
</main>
<script type="application/json" id="report-data">${json}</script>
<script>${chartJsCode}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}

const STYLE = `
:root{--bg:#f4f6f9;--card:#fff;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--pos:#16a34a;--neu:#9ca3af;--neg:#dc2626}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
.top{background:#0f172a;color:#e2e8f0;padding:22px 0 18px;margin-bottom:24px}
.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
.top h1 span{color:#93c5fd;font-weight:500}
.run{margin:4px 0 0;color:#94a3b8;font-size:13px;word-break:break-all}
h2{font-size:16px;margin:0 0 4px;font-weight:650}
.hint{margin:0 0 14px;color:var(--muted);font-size:12.5px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:12px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.stat b{display:block;font-size:21px;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap}
.stat b.long{font-size:17px;line-height:31px}
.stat span{color:var(--muted);font-size:12.5px}
.notes{list-style:none;margin:0 0 16px;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.notes li{background:#fff7ed;border:1px solid #fed7aa;color:#9a3412;border-radius:999px;padding:3px 12px;font-size:12.5px}
.notes:empty{display:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;margin-bottom:20px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.grid>.card{min-width:0}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
.chart{position:relative}
.empty h2{margin-bottom:8px}
.empty p{color:var(--muted);margin:0}
.scroll{overflow:auto;border:1px solid var(--line);border-radius:8px;max-height:460px}
.scroll.tall{max-height:620px}
table{border-collapse:collapse;width:100%;font-size:13px}
th{position:sticky;top:0;background:#f8fafc;text-align:left;font-weight:600;color:#374151;border-bottom:1px solid var(--line);padding:8px 10px;white-space:nowrap;z-index:1}
td{border-bottom:1px solid #f1f5f9;padding:7px 10px;vertical-align:top}
tbody tr:hover{background:#f8fafc}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.muted{color:var(--muted)}
table.fixed{table-layout:fixed}
table.fixed td{overflow-wrap:anywhere}
table.fixed a.src{max-width:100%}
.claimcell{color:#374151}
.tags .tag{display:block;width:fit-content;margin-bottom:4px}
mark{background:#fef3c7;color:var(--ink);font-weight:600;border-radius:3px;padding:0 2px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
a.src{display:inline-block;max-width:200px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
.links a.src{max-width:210px;display:block}
.qmeta a.src{max-width:460px}
.tag{display:inline-block;padding:1px 8px;border-radius:999px;font-size:11.5px;background:#eef2ff;color:#3730a3;white-space:nowrap}
.tag.target{background:#fef3c7;color:#92400e}
.tag.reported{background:#e0f2fe;color:#075985}
.senti{display:inline-flex;align-items:center;gap:6px;white-space:nowrap;font-variant-numeric:tabular-nums}
.mix{display:inline-flex;width:64px;height:8px;border-radius:4px;overflow:hidden;background:var(--line)}
.mix i{display:block;height:100%}
.mix .positive{background:var(--pos)}.mix .neutral{background:var(--neu)}.mix .negative{background:var(--neg)}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:10px 0 12px}
.filters label{font-size:12.5px;color:var(--muted);display:flex;align-items:center;gap:6px}
select,button{font:inherit;font-size:13px;padding:5px 8px;border:1px solid #d1d5db;border-radius:6px;background:#fff;color:var(--ink);max-width:260px}
button{cursor:pointer}
button:hover{background:#f3f4f6}
.count{margin-left:auto;color:var(--muted);font-size:12.5px}
details.speaker{border:1px solid var(--line);border-radius:8px;margin-bottom:10px;background:#fff}
details.speaker>summary{cursor:pointer;padding:9px 14px;font-weight:600;list-style-position:inside}
details.speaker>summary .muted{font-weight:400;margin-left:6px}
details.speaker ol{margin:0;padding:0 14px 6px;list-style:none}
details.speaker li{border-top:1px solid #f1f5f9;padding:8px 0}
.qtext{margin:0 0 3px;padding-left:10px;border-left:3px solid #c7d2fe}
.qmeta{font-size:12px;color:var(--muted);display:flex;gap:8px;flex-wrap:wrap;align-items:baseline}
.quotes{max-height:760px;overflow:auto;padding-right:4px}
.foot{color:var(--muted);font-size:12px;padding:4px 0 28px}
`;

/** The page's script: plain DOM, text set with textContent only, so nothing from an article becomes markup. */
const CLIENT = String.raw`
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const $ = (id) => document.getElementById(id);
  const COLORS = { positive: '#16a34a', neutral: '#9ca3af', negative: '#dc2626' };
  const SERIES = ['#2563eb', '#ea580c', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ca8a04'];
  const nf = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children || []) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function plural(n, word) { return nf.format(n) + ' ' + word + (n === 1 ? '' : 's'); }

  function articleLink(index) {
    const a = data.articles[index];
    const title = a.title + (a.source ? ' — ' + a.source : '') + (a.date ? ' (' + a.date + ')' : '') + '\n' + a.href;
    return el('a', { class: 'src', href: a.href, title: title, target: '_blank', rel: 'noopener noreferrer' }, [a.title]);
  }

  // how the articles treat an entity: the share of positive, neutral and negative articles, and the average score
  function sentiment(e) {
    const bar = el('span', { class: 'mix', title: ['positive', 'neutral', 'negative'].map((k) => nf.format(e.labels[k]) + ' ' + k).join(', ') });
    for (const k of ['positive', 'neutral', 'negative']) if (e.labels[k]) bar.append(el('i', { class: k, style: 'flex-grow:' + e.labels[k] }));
    return el('span', { class: 'senti' }, [bar, (e.score > 0 ? '+' : '') + e.score.toFixed(2)]);
  }

  function value(c) {
    const q = { about: '~', at_least: '≥', at_most: '≤' }[c.qualifier] || '';
    const num = (v) => (Math.abs(v) >= 10000 ? compact.format(v) : nf.format(v));
    const range = c.valueMax !== null && c.valueMax !== undefined ? '–' + num(c.valueMax) : '';
    if (c.unit === '%') return q + num(c.value) + range + '%';
    if (c.unit === 'rank') return q + '#' + num(c.value) + range;
    return q + num(c.value) + range + (c.unit ? ' ' + c.unit : '');
  }

  // header, totals and notes
  const c = data.counts;
  $('run').textContent = 'Input: ' + data.run.input + ' · ' + data.run.tool + ' ' + data.run.version;
  const langs = Object.entries(data.languages).map(([k, n]) => k + ' ' + nf.format(n)).join(' · ');
  const monthsWithData = data.months.filter((m) => m.articles > 0);
  const span = monthsWithData.length ? monthsWithData[0].month + (monthsWithData.length > 1 ? ' – ' + monthsWithData[monthsWithData.length - 1].month : '') : '—';
  const stats = [[nf.format(c.articles), 'articles' + (langs ? ' (' + langs + ')' : '')], [span, 'period covered'], [nf.format(c.entities), 'distinct entities'], [nf.format(c.claims), 'quantitative claims'], [nf.format(c.quotes), 'quotations']];
  if (c.failed) stats.push([nf.format(c.failed), 'files failed (see summary.json)']);
  for (const [big, small] of stats) $('stats').append(el('div', { class: 'stat' }, [el('b', { class: big.length > 12 ? 'long' : null, text: big }), el('span', { text: small })]));
  const notes = [];
  if (c.duplicates) notes.push(plural(c.duplicates, 'republication') + ' of other articles left out of every count');
  if (c.claimsShown < c.claims) notes.push('Claims table: ' + nf.format(c.claimsShown) + ' of ' + nf.format(c.claims) + ' claims shown (' + nf.format(c.claims - c.claimsShown) + ' left out; claims.csv has them all)');
  if (c.quotesShown < c.quotes) notes.push('Quotes: ' + nf.format(c.quotesShown) + ' of ' + nf.format(c.quotes) + ' shown (' + nf.format(c.quotes - c.quotesShown) + ' left out; quotes.csv has them all)');
  if (c.terms) notes.push(nf.format(c.terms) + ' scare quotes, slogans and names in quotation marks not listed as quotes');
  if (c.undated) notes.push(plural(c.undated, 'article') + ' without a date not in the timelines');
  for (const n of notes) $('notes').append(el('li', { text: n }));
  $('footer').textContent = 'Generated by ' + data.run.tool + ' ' + data.run.version + '. Every row links to its article: the web page when known, else the file in the input folder. Charts drawn with Chart.js (MIT licence).';

  if (!c.articles) {
    $('empty').hidden = false;
    $('content').hidden = true;
    return;
  }

  // charts
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#4b5563';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.tooltip.backgroundColor = 'rgba(15,23,42,0.92)';
  const grid = { color: '#eef0f3' };
  // a long month axis is labelled by year (every year, or every few), a short one by month
  const monthLabels = data.months.map((m) => m.month);
  const yearStep = Math.ceil(monthLabels.length / 12 / 14);
  const monthTicks = {
    maxRotation: 0,
    autoSkip: monthLabels.length <= 36,
    autoSkipPadding: 12,
    callback: (value, index) => {
      const m = monthLabels[index];
      if (monthLabels.length <= 36) return m;
      return m.endsWith('-01') && Number(m.slice(0, 4)) % yearStep === 0 ? m.slice(0, 4) : null;
    },
  };

  if (c.undated) $('months-hint').textContent = 'By publication date; ' + plural(c.undated, 'article') + ' without a date not shown.';
  new Chart($('chart-months'), {
    type: 'bar',
    data: { labels: monthLabels, datasets: [{ label: 'Articles', data: data.months.map((m) => m.articles), backgroundColor: '#3b82f6', borderRadius: 2, maxBarThickness: 36, minBarLength: 0 }] },
    options: { plugins: { legend: { display: false } }, scales: { x: { grid: { display: false }, ticks: monthTicks }, y: { beginAtZero: true, grid: grid, ticks: { precision: 0 } } } },
  });

  const top = data.entities.slice(0, data.chartEntities);
  // the two charts side by side share a height, enough for a readable bar per entity
  const sideHeight = Math.max(320, top.length * 24 + 70) + 'px';
  $('entities-box').style.height = sideHeight;
  $('sentiment-box').style.height = sideHeight;
  new Chart($('chart-entities'), {
    type: 'bar',
    data: {
      labels: top.map((e) => e.name),
      datasets: ['positive', 'neutral', 'negative'].map((label) => ({ label: label, data: top.map((e) => e.labels[label]), backgroundColor: COLORS[label], borderWidth: 0, barPercentage: 0.8, categoryPercentage: 0.85 })),
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
        tooltip: { callbacks: {
          title: (items) => { const e = top[items[0].dataIndex]; return e.name + (e.nameEn && e.nameEn !== e.name ? ' (' + e.nameEn + ')' : '') + ' · ' + e.type; },
          footer: (items) => { const e = top[items[0].dataIndex]; return plural(e.articles, 'article') + ', average sentiment ' + e.score.toFixed(2); },
        } },
      },
      scales: { x: { stacked: true, beginAtZero: true, grid: grid, ticks: { precision: 0 }, title: { display: true, text: 'articles' } }, y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } } },
    },
  });

  const sentimentBox = $('chart-sentiment');
  if (data.timeline.length) {
    new Chart(sentimentBox, {
      type: 'line',
      data: {
        labels: monthLabels,
        datasets: data.timeline.map((s, i) => ({ label: s.name, data: s.scores, borderColor: SERIES[i % SERIES.length], backgroundColor: SERIES[i % SERIES.length], spanGaps: true, tension: 0, pointRadius: 3.5, pointHoverRadius: 5, borderWidth: 2 })),
      },
      options: {
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
          tooltip: { callbacks: { label: (item) => { const s = data.timeline[item.datasetIndex]; const n = s.articles[item.dataIndex]; return s.name + ': ' + (item.raw > 0 ? '+' : '') + Number(item.raw).toFixed(2) + ' (' + plural(n, 'article') + ')'; } } },
        },
        scales: { x: { grid: { display: false }, ticks: monthTicks }, y: { min: -1, max: 1, grid: grid, ticks: { stepSize: 0.5 } } },
      },
    });
  } else {
    sentimentBox.parentElement.replaceWith(el('p', { class: 'muted', text: 'No dated articles name a company.' }));
  }

  // entity table
  const entityBody = document.querySelector('#entities-table tbody');
  data.entities.slice(0, data.entityRows).forEach((e, i) => {
    entityBody.append(el('tr', {}, [
      el('td', { class: 'num muted', text: String(i + 1) }),
      el('td', {}, [el('b', { text: e.name }), e.nameEn && e.nameEn !== e.name ? el('span', { class: 'muted', text: ' ' + e.nameEn }) : null]),
      el('td', {}, [el('span', { class: 'tag', text: e.type })]),
      el('td', { class: 'num', text: nf.format(e.articles) }),
      el('td', { class: 'num', text: nf.format(e.mentions) }),
      el('td', {}, [sentiment(e)]),
      el('td', { class: 'links' }, e.links.map(articleLink)),
    ]));
  });

  // claims table and its filters
  const claimBody = document.querySelector('#claims-table tbody');
  const rows = data.claims.map((cl) => {
    const a = data.articles[cl.a];
    const tr = el('tr', {}, [
      el('td', { class: 'nowrap muted', text: a.date || '—' }),
      el('td', { text: cl.subject ? data.subjects[cl.subject] : '—' }),
      el('td', { class: 'tags' }, [el('span', { class: 'tag', text: cl.kind }), el('span', { class: 'tag ' + cl.status, text: cl.status })]),
      el('td', { class: 'claimcell' }, [cl.context ? el('span', { class: 'ctx' }, [cl.context[0], el('mark', { text: cl.text }), cl.context[1]]) : el('mark', { text: cl.text })]),
      el('td', { class: 'num', text: value(cl) }),
      el('td', { text: cl.metric || '' }),
      el('td', { text: cl.period || '' }),
      el('td', {}, [articleLink(cl.a)]),
    ]);
    tr.dataset.subject = cl.subject || '';
    tr.dataset.kind = cl.kind;
    tr.dataset.status = cl.status;
    claimBody.append(tr);
    return tr;
  });
  const noMatch = el('tr', { class: 'no-match' }, [el('td', { colspan: 8, class: 'muted', text: data.claims.length ? 'No claims match these filters.' : 'No quantitative claims were found.' })]);
  claimBody.append(noMatch);

  function fillSelect(select, all, key, labelOf) {
    const counts = new Map();
    for (const cl of data.claims) counts.set(cl[key] || '', (counts.get(cl[key] || '') || 0) + 1);
    const entries = [...counts.entries()].sort((x, y) => y[1] - x[1] || (labelOf(x[0]) < labelOf(y[0]) ? -1 : 1));
    select.append(el('option', { value: '*', text: all + ' (' + nf.format(data.claims.length) + ')' }));
    for (const [v, n] of entries) select.append(el('option', { value: v, text: labelOf(v) + ' (' + nf.format(n) + ')' }));
  }
  const filters = { subject: $('filter-subject'), kind: $('filter-kind'), status: $('filter-status') };
  fillSelect(filters.subject, 'All companies', 'subject', (v) => (v ? data.subjects[v] : '(no company)'));
  fillSelect(filters.kind, 'All kinds', 'kind', (v) => v);
  fillSelect(filters.status, 'All', 'status', (v) => v);

  function applyFilters() {
    let shown = 0;
    for (const tr of rows) {
      const ok = Object.entries(filters).every(([key, select]) => select.value === '*' || tr.dataset[key] === select.value);
      tr.hidden = !ok;
      if (ok) shown++;
    }
    noMatch.hidden = shown > 0;
    $('claims-count').textContent = 'Showing ' + nf.format(shown) + ' of ' + plural(rows.length, 'claim') + (c.claimsShown < c.claims ? ' (' + nf.format(c.claims) + ' in the corpus)' : '');
  }
  for (const select of Object.values(filters)) select.addEventListener('change', applyFilters);
  $('filter-reset').addEventListener('click', () => { for (const select of Object.values(filters)) select.value = '*'; applyFilters(); });
  applyFilters();

  // quotations grouped by speaker
  const quoteBox = $('quotes');
  if (!data.quoteGroups.length) quoteBox.append(el('p', { class: 'muted', text: 'No quotations were found.' }));
  data.quoteGroups.forEach((g, i) => {
    const items = g.quotes.map((q) => el('li', {}, [
      el('p', { class: 'qtext', text: q.text }),
      el('div', { class: 'qmeta' }, [el('span', { class: 'tag', text: q.kind }), q.cue ? el('span', { text: q.cue }) : null, el('span', { text: data.articles[q.a].date || '' }), articleLink(q.a)]),
    ]));
    quoteBox.append(el('details', { class: 'speaker', open: i < 3 }, [
      el('summary', {}, [g.speaker ? g.speaker.name : 'Unattributed', el('span', { class: 'muted', text: plural(g.quotes.length, 'quote') })]),
      el('ol', {}, items),
    ]));
  });
})();
`;

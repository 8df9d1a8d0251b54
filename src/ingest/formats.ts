import { markdownToHtml } from './markdown.ts';
import { collapseWhitespace, htmlToText, type Paragraph } from './html-text.ts';
import { firstString, parseFrontMatter, rawScalar, stringList } from './front-matter.ts';
import { decodeEntities, sourceIdFrom } from './identity.ts';
import { isBoilerplate, stripTrailingCredit } from './boilerplate.ts';
import { normalizeDate } from './dates.ts';

/** What a format parser finds in one article, before ids and sentences. */
export interface RawArticle {
  title: string;
  publishedAt: string | null;
  /** a date was given but could not be read */
  dateText: string | null;
  source: string | null;
  url: string | null;
  categories: string[];
  tags: string[];
  tickers: string[];
  paragraphs: Paragraph[];
  sourceId: string | null;
  /** the text exactly as given (feed records), used instead of joining paragraphs */
  verbatimText?: string;
}

const DATE_KEYS = ['date', 'publishedAt', 'published_at', 'pubDate', 'post_date', 'datetime', 'created', 'published'];
const GENERIC_AUTHORS = /^(staff|admin|editor|anonymous|unknown|staff writer)$/i;
// Outlets recognised by the host of an article's link.
const HOST_SOURCES: Array<[RegExp, string]> = [
  [/(^|\.)reuters\.com$/, 'Reuters'],
  [/(^|\.)cls\.cn$/, '财联社'],
  [/(^|\.)eastmoney\.com$/, '东方财富'],
  [/(^|\.)10jqka\.com\.cn$/, '同花顺'],
  [/(^|\.)36kr\.com$/, '36氪'],
  [/(^|\.)ithome\.com$/, 'IT之家'],
];

function hostSource(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url.startsWith('//') ? `http:${url}` : url).hostname;
    return HOST_SOURCES.find(([re]) => re.test(host))?.[1] ?? null;
  } catch {
    return null;
  }
}

function dateFrom(data: Record<string, unknown>, raw: string, defaultOffset: string): { publishedAt: string | null; dateText: string | null } {
  let unread: string | null = null;
  for (const key of DATE_KEYS) {
    const value = data[key];
    // `published: true` (WordPress exports) is a flag, not a date.
    if (value === undefined || value === null || typeof value === 'boolean') continue;
    const written = rawScalar(raw, key) ?? value;
    const publishedAt = normalizeDate(written, defaultOffset);
    if (publishedAt) return { publishedAt, dateText: null };
    unread ??= String(written);
  }
  return { publishedAt: null, dateText: unread };
}

/** A Markdown or HTML post with optional YAML front matter (Jekyll, Hexo, WordPress exports). */
export function parsePost(text: string, defaultOffset: string, isHtml: boolean): RawArticle {
  const fm = parseFrontMatter(text);
  const data = fm.data;
  let body = fm.body.replace(/\[ad_\d+\]/g, '');
  let title = firstString(data.title) ?? firstString(data.original_title) ?? firstString(data.post_title);
  let { publishedAt, dateText } = dateFrom(data, fm.raw, defaultOffset);
  if (isHtml && !fm.present) {
    title ??= /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1] ?? null;
    const meta = /<meta[^>]+(?:property|name)="(?:article:published_time|pubdate|publishdate)"[^>]+content="([^"]+)"/i.exec(body);
    if (meta) ({ publishedAt, dateText } = { publishedAt: normalizeDate(meta[1], defaultOffset), dateText: null });
  } else if (!isHtml) {
    body = markdownToHtml(body);
  }
  const extracted = htmlToText(body);
  const url = extracted.url ?? firstString(data.url) ?? firstString(data.link) ?? firstString(data.original_link) ?? firstString(data.canonical_url) ?? firstString(data.permalink);
  const author = firstString(data.author);
  const source = extracted.source ?? firstString(data.source) ?? hostSource(url) ?? (author && !GENERIC_AUTHORS.test(author) ? author : null);
  return {
    title: collapseWhitespace(decodeEntities(title ?? '')),
    publishedAt,
    dateText,
    source,
    url,
    categories: stringList(data.categories ?? data.category ?? data.original_cats),
    tags: stringList(data.tags),
    tickers: extracted.tickers,
    paragraphs: extracted.paragraphs,
    sourceId: sourceIdFrom([url, firstString(data.infoCode)]),
  };
}

/**
 * Plain text. Reuters wire files open with four `-- ` lines (headline, byline,
 * dateline, URL); each later line is a paragraph. Other text files take a
 * short first line as the title and blank-line separated paragraphs.
 */
export function parsePlainText(text: string, defaultOffset: string): RawArticle {
  const lines = text.split('\n');
  const header: string[] = [];
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  while (i < lines.length && lines[i]!.startsWith('-- ')) header.push(lines[i++]!.slice(3).trim());
  if (header.length >= 2) {
    const title = header[0]!;
    const dateLine = header.find((h, k) => k > 0 && normalizeDate(h, defaultOffset) !== null) ?? null;
    const url = header.find((h) => /^https?:\/\//.test(h)) ?? null;
    const texts = lines.slice(i).map(collapseWhitespace).filter((t) => t && !isBoilerplate(t));
    if (texts.length) texts[texts.length - 1] = stripTrailingCredit(texts[texts.length - 1]!);
    const paragraphs = texts.filter(Boolean).map((t) => ({ text: t, block: 'p' as const }));
    return {
      title, publishedAt: dateLine ? normalizeDate(dateLine, defaultOffset) : null, dateText: null,
      source: hostSource(url) ?? (url ? null : null), url, categories: [], tags: [], tickers: [], paragraphs,
      sourceId: sourceIdFrom([url]),
    };
  }
  // Bylines and credits are dropped here as they are from HTML bodies.
  let blocks = text.split(/\n[ \t\u3000]*\n/).map(collapseWhitespace).filter((t) => t && !isBoilerplate(t));
  if (blocks.length) blocks[blocks.length - 1] = stripTrailingCredit(blocks[blocks.length - 1]!);
  blocks = blocks.filter(Boolean);
  let title = '';
  if (blocks.length > 1 && blocks[0]!.length <= 100) title = blocks.shift()!;
  return {
    title, publishedAt: null, dateText: null, source: null, url: null, categories: [], tags: [], tickers: [],
    paragraphs: blocks.map((t) => ({ text: t, block: 'p' as const })), sourceId: null,
  };
}

const FEED_TICKER = /^(?:(sh|sz|hk|us)[.:]?)?([0-9A-Z]{1,6})(?:[.:](sh|sz|hk|us|o|n))?$/i;

function feedTickers(stocks: unknown): string[] {
  const found = new Set<string>();
  const codes = typeof stocks === 'string' ? [...stocks.matchAll(/'code':\s*'([^']*)'/g)].map((m) => m[1]!) : Array.isArray(stocks) ? stocks.map((s) => String((s as { code?: unknown })?.code ?? '')) : [];
  for (const code of codes) {
    if (!code || /^BK/i.test(code)) continue;
    const m = FEED_TICKER.exec(code.trim());
    const market = (m?.[1] ?? m?.[3])?.toUpperCase();
    if (m && market && ['SH', 'SZ', 'HK', 'US'].includes(market)) found.add(`${market}:${m[2]!.toUpperCase()}`);
    else if (m && /^6\d{5}$/.test(code)) found.add(`SH:${code}`);
    else if (m && /^[03]\d{5}$/.test(code)) found.add(`SZ:${code}`);
  }
  return [...found].sort();
}

/** One news-feed record (a line of a .jsonl feed). Throws a plain Error with the reason when unusable. */
export function parseFeedRecord(record: unknown, defaultOffset: string): RawArticle {
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw new Error('the line is not a JSON object');
  const r = record as Record<string, unknown>;
  const content = typeof r.content === 'string' && r.content.trim() ? r.content : typeof r.brief === 'string' ? r.brief : '';
  if (!content.trim()) throw new Error('the record has no "content" or "brief" text');
  const text = content.replace(/\r\n?/g, '\n');
  const url = firstString(r.url) ?? firstString(r.shareurl);
  const publishedAt = normalizeDate(r.datetime ?? null, defaultOffset) ?? normalizeDate(r.ctime !== undefined ? Number(r.ctime) : null, defaultOffset);
  const id = firstString(r.id);
  return {
    title: collapseWhitespace(firstString(r.title) ?? ''),
    publishedAt,
    dateText: publishedAt ? null : firstString(r.datetime) ?? firstString(r.ctime),
    source: firstString(r.source_name) ?? hostSource(url),
    url,
    categories: stringList(typeof r.category === 'string' ? r.category.split(',').filter(Boolean) : r.category),
    tags: [],
    tickers: feedTickers(r.stocks),
    paragraphs: [],
    verbatimText: text,
    sourceId: id,
  };
}

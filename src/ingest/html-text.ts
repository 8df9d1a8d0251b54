import { load } from 'cheerio/slim';
import { isBoilerplate, stripTrailingCredit } from './boilerplate.ts';

/** A paragraph of cleaned text and the kind of block it came from. */
export interface Paragraph {
  text: string;
  block: 'p' | 'heading' | 'blockquote' | 'li';
}

export interface BodyText {
  paragraphs: Paragraph[];
  /** listings named by stock widgets, e.g. HK:01810 */
  tickers: string[];
  /** the outlet named by a credit line such as （文章来源：财联社） */
  source: string | null;
  /** the trailing share or source link */
  url: string | null;
}

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

// Eastmoney market numbers in widget codes such as `01810|116`.
const MARKETS: Record<string, string> = { '0': 'SZ', '1': 'SH', '116': 'HK', '128': 'HK', '105': 'US', '106': 'US', '107': 'US' };
const STOCK_WIDGET = /<!--\s*EM_StockImg_Start\s*-->[\s\S]*?<!--\s*EM_StockImg_End\s*-->/g;
const DATA_CODE = /data-code2?="(?:K\s+)?([A-Za-z0-9]+)\|(\d+)/g;

const SKIPPED = new Set(['script', 'style', 'noscript', 'img', 'svg', 'iframe', 'template', 'head', 'meta', 'link', 'nav', 'footer', 'button', 'input', 'select', 'textarea', 'video', 'audio', 'canvas', 'figcaption', 'object', 'embed']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'main', 'aside', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'table', 'tbody', 'thead', 'tr', 'figure', 'hr', 'address', 'center', 'form', 'fieldset', 'body', 'html']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const CJK = /[\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const CREDIT = /^[（(]\s*(?:文章|本文|新闻|稿件)?来源[：:]\s*([^（）()]{1,40}?)\s*[）)]$/;
const URL_ONLY = /^(?:https?:)?\/\/\S+$/;
const NAVIGATION = /^返回/;

/** Widget tickers as `MARKET:CODE`; sector codes (BK…) are not listings. */
export function tickersFromWidgets(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(DATA_CODE)) {
    const [, code, market] = m;
    if (!code || /^BK/i.test(code)) continue;
    const prefix = MARKETS[market!];
    if (prefix) found.add(`${prefix}:${code.toUpperCase()}`);
  }
  return [...found].sort();
}

function isHidden(attribs: Record<string, string> | undefined): boolean {
  if (!attribs) return false;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = (attribs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Collapses white space inside a paragraph. A line break between two Chinese
 * characters is dropped (it is a line wrap, not a word gap); any other run of
 * white space becomes one space.
 */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/[\s\ufeff\u200b]+/g, (run: string, offset: number, all: string) => {
      const before = all[offset - 1] ?? '';
      const after = all[offset + run.length] ?? '';
      if (/[\n\r]/.test(run) && CJK.test(before) && CJK.test(after)) return '';
      return ' ';
    })
    .trim();
}

/**
 * Turns an HTML body into paragraphs of clean text: widgets, hidden elements,
 * images, scripts and navigation go; <strong>/<b> text stays; the credit line
 * becomes `source` and a trailing bare link becomes `url`.
 */
export function htmlToText(html: string): BodyText {
  const tickers = tickersFromWidgets(html);
  const $ = load(html.replace(STOCK_WIDGET, ' '), {}, false);
  const raw: Array<Paragraph & { linkChars: number }> = [];
  let buffer = '';
  let linkChars = 0;
  let block: Paragraph['block'] = 'p';

  const flush = () => {
    const text = collapseWhitespace(buffer);
    if (text) raw.push({ text, block, linkChars });
    buffer = '';
    linkChars = 0;
  };

  const walk = (node: DomNode, context: Paragraph['block'], inLink: boolean): void => {
    if (node.type === 'text') {
      const data = node.data ?? '';
      if (buffer === '') block = context;
      buffer += data;
      if (inLink) linkChars += data.trim().length;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = (node.name ?? '').toLowerCase();
    if (SKIPPED.has(name) || isHidden(node.attribs)) return;
    if (name === 'br') return flush();
    const isBlock = BLOCKS.has(name) || HEADINGS.has(name) || name === 'blockquote' || name === 'li';
    const inner: Paragraph['block'] = HEADINGS.has(name) ? 'heading' : name === 'blockquote' ? 'blockquote' : name === 'li' && context === 'p' ? 'li' : context;
    if (isBlock) flush();
    if (name === 'td' || name === 'th') buffer += ' ';
    for (const child of node.children ?? []) walk(child, inner, inLink || name === 'a');
    if (isBlock) flush();
  };
  for (const node of $.root()[0]!.children as unknown as DomNode[]) walk(node, 'p', false);
  flush();

  let source: string | null = null;
  let url: string | null = null;
  const paragraphs: Paragraph[] = [];
  for (const p of raw) {
    const linkOnly = p.linkChars >= p.text.replace(/[\s｜|·/]/g, '').length;
    const credit = CREDIT.exec(p.text);
    if (credit) {
      source = credit[1]!.trim();
    } else if (URL_ONLY.test(p.text)) {
      url = p.text.startsWith('//') ? `http:${p.text}` : p.text;
    } else if ((linkOnly && NAVIGATION.test(p.text)) || isBoilerplate(p.text)) {
      // navigation such as 返回财联社新闻｜返回首页, bylines, credits
    } else {
      paragraphs.push({ text: p.text, block: p.block });
    }
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last) {
    last.text = stripTrailingCredit(last.text);
    if (!last.text) paragraphs.pop();
  }
  return { paragraphs, tickers, source, url };
}

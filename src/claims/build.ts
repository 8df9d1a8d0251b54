import type { Claim, Entity, Quote, Sentence } from '../doc/types.ts';
import { overlaps } from '../doc/spans.ts';
import type { CueLexicons } from '../lexicons/cues.ts';
import { recognizeTimes, type TimeExpression } from '../text/quantity/index.ts';
import { isMoney, readBare, readCount, readMoney } from './amounts.ts';
import { periodAt, sourceOf, subjectAt, type Mention } from './context.ts';
import { addLateCues, clauseAt, hasWordClaim, nearestBefore, sentenceCues } from './cues.ts';
import { mayHoldFigure, sentenceFigures, type Figure } from './figures.ts';
import { readRate, type Reading } from './rates.ts';
import { statusOf, type Anchor } from './status.ts';
import { taken, type Draft, type View } from './view.ts';
import { impliedGrowthDrafts, magnitudeDrafts, rankingDrafts } from './word-claims.ts';

/** What the claim builder reads besides the text. */
export interface ClaimContext {
  text: string;
  lang: 'zh' | 'en';
  publishedAt: string | null;
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  quotes: readonly Quote[];
  cues: CueLexicons;
}

// Every time expression the recognizer reads holds one of these (2021年, 三月, 一季度, Q4, H1, FY2021, 未来三年): a sentence without them has none.
const TIME_WORD = /[年月季QqHhFf]/;

/**
 * Whether a figure can be read as a claim at all: a bare small number (3, 12)
 * without a unit or scale counts nothing on its own in Chinese copy (English
 * copy leaves the counted noun to a metric: stores … to 60); sentences with
 * nothing else are not worth a cue scan.
 */
function mayBeClaim(f: Figure, lang: 'zh' | 'en'): boolean {
  return lang === 'en' || f.kind === 'ordinal' || f.unit !== null || f.scaled || f.value >= 100 || f.fraction;
}

/** Reads one figure of the sentence into a draft claim, or null when it is not a claim. */
function readFigure(v: View, f: Figure): Draft | null {
  if (f.kind === 'ordinal') return null; // ranks are read with their ranking words
  const clause = clauseAt(v.cues, f.start, v.end);
  let r: Reading | null = null;
  if (f.unit === '%' || f.unit === 'pp' || f.kind === 'percent' || f.unit === '倍') r = readRate(v, f, clause);
  else if (isMoney(f.unit)) r = readMoney(v, f, clause);
  else if (f.unit !== null && f.unit !== 'rank') r = readCount(v, f, clause);
  else if (f.unit === null) r = readBare(v, f, clause);
  if (!r) return null;
  const factor = r.scale * (r.kind === 'growth' ? r.sign : 1);
  const unit = r.unit !== undefined ? r.unit : f.unit ?? (r.kind === 'financial' || r.kind === 'investment' || r.kind === 'price' ? (v.lang === 'zh' ? 'CNY' : 'USD') : null);
  return {
    kind: r.kind, start: Math.min(r.start, f.start), end: Math.max(r.end, f.end), core: f.start,
    value: f.value * factor, valueMax: f.valueMax === null ? null : f.valueMax * factor, qualifier: f.qualifier, unit, metric: r.metric,
  };
}

/**
 * Market data is not a claim (data/gold README): a figure governed by a
 * share price, an index or a commodity word — the nearest cue before it in its
 * clause, the word right after it ($7,500 tax credit), the market word a
 * metric belongs to (融资买入额占比超30%), or a market word close by in a
 * clause that names no business metric before the figure (以0美元的价格行权) —
 * and a figure whose clause has no business metric of its own in a sentence
 * about market data (股价报收59美元，跌幅3%).
 */
function isMarketData(v: View, pos: number, end: number): boolean {
  const { market, metrics } = v.cues;
  if (market.length === 0) return false;
  const clause = clauseAt(v.cues, pos, v.end);
  const inClause = market.filter((m) => m.start >= clause.start && m.start < clause.end);
  const business = metrics.filter((m) => m.start >= clause.start && m.end <= pos);
  if (inClause.length > 0) {
    const lastMarket = inClause.filter((m) => m.end <= pos).at(-1);
    if (lastMarket && !business.some((m) => m.start > lastMarket.start)) return true;
    const governing = business.at(-1);
    if (governing && inClause.some((m) => m.end <= governing.start && governing.start - m.end <= 1)) return true;
    if (inClause.some((m) => m.start >= end && /^[\s\u3000的]*$/.test(v.text.slice(end, m.start)))) return true;
    if (business.length === 0 && inClause.some((m) => m.end <= pos || m.start - end <= 20)) return true;
  }
  const own = metrics.some((m) => m.start >= clause.start && m.end <= clause.end && m.entry.kind !== 'growth');
  return !own && market.some((m) => m.end <= pos);
}

/** Adds a draft to the sentence's claims unless it is market data or another claim holds its figure. */
function accept(v: View, found: Draft | null): void {
  if (!found || isMarketData(v, found.core, found.end)) return;
  // a claim whose lead-in words another claim already holds keeps its figure (12%的市场份额 | 位居第二)
  const d = taken(v, found) ? { ...found, start: found.core } : found;
  if (taken(v, d) || d.start >= d.end) return;
  v.drafts.push(d);
}

/** What a draft's context fields are read from, besides its sentence. */
interface Around {
  times: readonly TimeExpression[];
  anchor: Anchor | null;
  mentions: readonly Mention[];
  quotes: readonly Quote[];
  /** sales channels named in the sentence (京东、天猫): never the subject */
  channels: ReadonlyArray<{ start: number; end: number }>;
  sentence: number;
}

/** A draft with its status, subject, period, horizon, scope and source: the finished claim. */
function claimOf(v: View, found: Draft, a: Around): Claim {
  const { text, cues: c } = v;
  let d = found;
  const clause = clauseAt(c, d.start, v.end);
  // A span of years before the figure in its clause (三年, 5年, 三年内, 未来三年) makes it a target with a horizon;
  // 近三年, 过去5年 and 一年前 look back, and 半年度 is a reporting period.
  const horizonTime = a.times.find((t) => t.kind === 'horizon' && t.horizonYears !== null && t.end <= d.start + 1 && t.start >= clause.start && !/过去|近|前/.test(text.slice(Math.max(0, t.start - 2), t.start)) && !/^(?:(?:以|之)?前|度)/.test(text.slice(t.end, t.end + 2)));
  // 到2025年 sets a target; 从2011年…到2014年 in an article of 2021 tells history
  const horizonCue = c.horizons.find((h) => h.end <= d.end && (h.year === null || a.anchor === null || h.year >= a.anchor.year)) ?? (horizonTime ? { years: horizonTime.horizonYears } : undefined);
  // 5年1000亿, 三年手机销量全球第一: the horizon is part of the claim's span.
  if (horizonTime && d.start - horizonTime.end <= 6 && d.kind !== 'growth' && !taken(v, { start: horizonTime.start, end: d.start })) d = { ...d, start: horizonTime.start };
  const status = statusOf(v, d, clause, a.times, a.anchor, horizonCue !== undefined);
  const { period, horizon } = periodAt(a.times, d.end, status === 'reported', a.anchor);
  const scope = nearestBefore(c.scopes, d.start + 1, v.start) ?? c.scopes.find((x) => x.start >= d.start && x.end <= d.end) ?? null;
  const band = c.priceBands.find((b) => overlaps(b, d) || (b.end <= d.start && d.start - b.end <= 6));
  return {
    kind: d.kind, status, text: text.slice(d.start, d.end), start: d.start, end: d.end,
    value: d.value, valueMax: d.valueMax, qualifier: d.qualifier, unit: d.unit, metric: d.metric,
    subject: subjectAt(a.mentions, d.start, clause.start, a.channels),
    period,
    horizonYears: status === 'target' ? horizonCue?.years ?? horizon : null,
    scope: band && d.kind !== 'price' ? band.text : scope ? scope.entry.canonical : null,
    source: sourceOf(a.quotes, c, d.start, a.mentions),
    sentence: a.sentence,
  };
}

/** Year and month of publication, from an ISO date. */
function publicationAnchor(publishedAt: string | null): Anchor | null {
  const m = publishedAt ? /^(\d{4})-(\d{2})/.exec(publishedAt) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * Binds each quantity of an article to what it measures: kind, status,
 * metric, subject, scope, period, horizon and source (CONTRACT.md `Claim`).
 * Numbers inside names (三星, 小米12, 360), bare dates, list markers and
 * market data are not claims.
 */
export function buildClaims(ctx: ClaimContext): Claim[] {
  const { text, cues, lang } = ctx;
  const mentions: Mention[] = ctx.entities.flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity }))).sort((a, b) => a.start - b.start);
  const names = mentions.filter((m) => m.entity.type !== 'location');
  const anchor = publicationAnchor(ctx.publishedAt);
  const claims: Claim[] = [];
  let previous: Draft[] = [];
  let nameAt = 0;
  ctx.sentences.forEach((sentence, index) => {
    const s = text.slice(sentence.start, sentence.end);
    // the amounts of the sentence right before, for 华硕（83万） after 惠普以97万台…
    const carried = previous;
    previous = [];
    // a sentence without a figure can only hold word claims (冠军, doubled)
    const hasNumeral = mayHoldFigure(s, lang);
    if (!hasNumeral && !hasWordClaim(s, lang, cues)) return;
    while (nameAt < names.length && names[nameAt]!.end <= sentence.start) nameAt++;
    const sentenceNames: Mention[] = [];
    for (let i = nameAt; i < names.length && names[i]!.start < sentence.end; i++) sentenceNames.push(names[i]!);
    const figures = hasNumeral ? sentenceFigures(text, sentence.start, sentence.end, lang, sentenceNames) : [];
    // (a sentence without a numeral got here only because it holds a word claim)
    if (!figures.some((f) => mayBeClaim(f, lang)) && hasNumeral && !hasWordClaim(s, lang, cues)) return;

    const c = sentenceCues(text, sentence.start, sentence.end, lang, cues);
    const v: View = { text, lang, start: sentence.start, end: sentence.end, cues: c, figures, drafts: [], previous: carried, mentions: sentenceNames };
    // Price bands: 4000+ 价格段, 4000元以上.
    for (const b of c.priceBands) {
      const f = figures.find((x) => overlaps(x, b));
      // 90-105亿元 is a range of amounts, not a band of retail prices
      if (f && f.value < 1e6) accept(v, { kind: 'price', start: b.start, end: b.end, core: b.start, value: f.value, valueMax: f.valueMax, qualifier: b.qualifier as Claim['qualifier'], unit: b.currency, metric: null });
    }
    for (const d of magnitudeDrafts(v)) accept(v, d);
    for (const f of figures) accept(v, readFigure(v, f));
    for (const d of impliedGrowthDrafts(v)) accept(v, d);
    for (const d of rankingDrafts(v)) accept(v, d);

    if (v.drafts.length === 0) return;
    addLateCues(c, text, sentence.start, sentence.end, lang, cues);
    const times = TIME_WORD.test(s) ? recognizeTimes(s, ctx.publishedAt) : [];
    for (const t of times) {
      t.start += sentence.start;
      t.end += sentence.start;
    }
    const around: Around = { times, anchor, mentions, quotes: ctx.quotes, channels: c.scopes.filter((x) => x.entry.type === 'channel'), sentence: index };
    for (const d of v.drafts.sort((a, b) => a.start - b.start)) claims.push(claimOf(v, d, around));
    previous = v.drafts.filter((d) => d.kind === 'volume' || d.kind === 'financial' || d.kind === 'investment' || d.kind === 'price');
  });
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}

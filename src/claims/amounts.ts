/**
 * Reading an amount: money (financial, investment, price), a count of
 * business things (volume), or a bare number that takes its kind from the
 * metric around it or from the amount it is listed with.
 */
import type { ClaimKind } from '../doc/types.ts';
import { nearestBefore } from './cues.ts';
import type { Figure } from './figures.ts';
import type { Reading } from './rates.ts';
import { growthBefore, metricAfter, metricBefore, type Draft, type View } from './view.ts';

/** True for an ISO 4217 unit (CNY, USD): the figure is money. */
export const isMoney = (unit: string | null): boolean => unit !== null && /^[A-Z]{3}$/.test(unit);

// Counted nouns that number events, ages, parts of a text or shares of stock, not business volumes.
const NOT_VOLUME = new Set(['次', '倍', '岁', '届', '轮', '期', '页', '章', '篇', '段', '句', '天', '步', '点', '道', '例', '起', '场', '手', '股', '人次', '家次', '星级', '位数', '位數', '层', '周年']);
// Generic measure words (个, 种, 款, 名): a business count only when it is large or a volume metric governs it.
const WEAK_COUNTERS = new Set(['个', '個', '家', '种', '项', '項', '名', '位', '款', '只', '份', '批', '支', '座', '张', '所', '间', '笔', '单', '双', '对', '對', '根', '枚', '片', '块', '颗', '套', '条', '件']);
// Physical measures (10米, 5公斤): a volume only when a volume metric governs them (产能3万吨 has its own unit, 吨, kept apart).
const MEASURES = new Set(['米', '公里', '千米', '平方米', '平米', '亩', '克', '公斤', '千克', '升', '瓦', '千瓦', '千瓦时', '度']);
// Volume metrics whose counted things are products, reported with unit `units`.
const PRODUCT_COUNTS = new Set(['销量', '出货量', '交付量', '产量', '产能', '激活量', '保有量', '订单量', '库存']);
// The volume metrics that are verbs (sold, delivered): they govern the figure after them, never name what it counts.
const VOLUME_VERB = /^(?:sold|sells?|selling|deliver(?:s|ed|ing)?|ship(?:s|ped)?|built|build|produced?)$/i;
const AMOUNT_KINDS: ReadonlySet<ClaimKind> = new Set(['volume', 'financial', 'investment', 'price']);

const moneyKind = (kind: string): ClaimKind => (kind === 'investment' || kind === 'price' ? kind : 'financial');

/** Reads money. */
export function readMoney(v: View, f: Figure, clause: { start: number; end: number }): Reading | null {
  const { text } = v;
  const before = text.slice(Math.max(v.start, f.start - 3), f.start);
  const after = text.slice(f.end, f.end + 12);
  // Exchange rates ($1 = 6.1210 yuan) and quotes per share or per unit of a commodity (8元/股, 6.649美元/磅) are market data.
  if (/^\s*[=＝]/.test(after) || /[=＝]\s*$/.test(before) || /^\s*[/／]\s*(?:股|磅|吨|盎司|桶|克|千克|公斤|斤)/.test(after)) return null;
  // 三元前驱体, 一块屏幕: a small amount in Chinese numerals is a word (ternary, a piece), not money
  if (/^[一二两三四五六七八九十][元块]$/.test(f.text)) return null;
  // A conversion in brackets repeats the amount before it: 10 billion yuan ($1.54 billion).
  if (/[（(]\s*$/.test(before)) {
    const prev = [...v.figures].reverse().find((x) => x.end <= f.start);
    if (prev && isMoney(prev.unit) && /^\s*[（(]\s*$/.test(text.slice(prev.end, f.start))) return null;
  }
  const metric = (m: { start: number; end: number } | null | undefined) => (m ? text.slice(m.start, m.end) : null);
  const band = /^[\s\u3000]*(?:的)?[\s\u3000]*(?:价格段|价位段|价格带|价格区间|price (?:range|band|segment))/i.exec(after);
  if (band) return { kind: 'price', start: f.start, end: f.end + band[0].length, sign: 1, scale: 1, metric: band[0].trim() };
  // earnings of $3.28 per share: a per-share figure is financial, never a price, and its span takes the “per share”
  const perShare = /^\s+(?:per|a) share\b/i.exec(after);
  const end = perShare ? f.end + perShare[0].length : f.end;
  const mb = metricBefore(v, f.start, clause.start);
  // the $99 set-top box, the $770 iPhone 5: an unscaled amount used as an adjective is a price
  if (v.lang === 'en' && !f.scaled && !perShare && /\b(?:a|an|the)\s+$/i.test(text.slice(Math.max(v.start, f.start - 5), f.start)) && /^\s+(?!(?:would|will|is|was|are|were|has|had|could|can|may|might|should|means?|tax|that|which|who|in|on|at|and|or|to|from|of|as|by|with|than)\b)[A-Za-z]/i.test(after)) {
    return { kind: 'price', start: f.start, end, sign: 1, scale: 1, metric: null };
  }
  // 低至1999元的售价, 1000亿的研发投入: the metric named right after the amount
  const follows = metricAfter(v, end);
  if (follows && follows.gap.includes('的') && !mb?.linked && ['price', 'investment', 'financial'].includes(follows.m.entry.kind)) {
    return { kind: moneyKind(follows.m.entry.kind), start: f.start, end: follows.m.end, sign: 1, scale: 1, metric: metric(follows.m) };
  }
  const growth = growthBefore(v, f, clause.start);
  if (growth) {
    // 上调至6.599万美元 gives the new price; 减少了5.42亿美元 and 涨幅超过5000美元 are changes stated as amounts (financial).
    const m = mb?.m ?? nearestBefore(v.cues.metrics, f.start, v.start);
    const kind = growth.toLevel && m ? moneyKind(m.entry.kind) : 'financial';
    const start = v.lang === 'zh' ? (mb?.linked ? mb.m.start : growth.cue.start) : f.start;
    return { kind, start, end, sign: 1, scale: 1, metric: metric(m) };
  }
  const money = (kind: string): ClaimKind => (perShare ? 'financial' : moneyKind(kind));
  if (mb && (mb.linked || mb.near)) return { kind: money(mb.m.entry.kind), start: mb.linked ? mb.m.start : f.start, end, sign: 1, scale: 1, metric: metric(mb.m) };
  // 售价由5.449万美元上调至5.799万美元，Model Y由之前的6.299万美元…: the metric of the clause before carries over
  const c = v.cues.clauses;
  const previousClause = c[Math.max(0, c.indexOf(clause.start) - 1)]!;
  const earlier = nearestBefore(v.cues.metrics, f.start, previousClause);
  if (earlier) return { kind: money(earlier.entry.kind), start: f.start, end, sign: 1, scale: 1, metric: metric(earlier) };
  const sib = siblingAmount(v, f);
  return sib ? { ...sib, end, unit: undefined } : { kind: 'financial', start: f.start, end, sign: 1, scale: 1, metric: null };
}

/** Reads a count with its counted noun (30万台, 15家, 3000人). */
export function readCount(v: View, f: Figure, clause: { start: number; end: number }): Reading | null {
  const unit = f.unit!;
  if (NOT_VOLUME.has(unit)) return null;
  const mb = metricBefore(v, f.start, clause.start);
  const after = metricAfter(v, f.end);
  const before = mb && mb.m.entry.kind === 'volume' && (mb.linked || mb.near) ? mb : null;
  const follows = after && after.m.entry.kind === 'volume' ? after.m : null;
  // 一台, 一个点: one of something, written 一, is an article, not a volume (装机量仅有1.0GWh is one)
  if (/[一壹]\D?$/.test(f.text) || (f.value < 2 && !before && !follows)) return null;
  if (!before && !follows) {
    // 两款, 三个, 二度, 几十位: counting words of running text
    if (MEASURES.has(unit) || /^[一二两三四五六七八九十]\D?$/.test(f.text) || (WEAK_COUNTERS.has(unit) && (f.value < 10 || /[几数]/.test(f.text)))) return null;
  }
  return { kind: 'volume', start: before?.linked ? before.m.start : f.start, end: follows ? follows.end : f.end, sign: 1, scale: 1, metric: before ? v.text.slice(before.m.start, before.m.end) : follows ? v.text.slice(follows.start, follows.end) : null };
}

/** Reads a number without a unit: 出货量为30万, 93万的出货量, sold 74.8 million iPhones, 好于去年的12亿. */
export function readBare(v: View, f: Figure, clause: { start: number; end: number }): Reading | null {
  const { text } = v;
  const metric = (m: { start: number; end: number }) => text.slice(m.start, m.end);
  const big = f.scaled || f.value >= 1000;
  const mb = metricBefore(v, f.start, clause.start);
  const governing = mb && (mb.linked || (v.lang === 'en' && mb.near)) ? mb.m : null;
  if (governing) {
    const kind = governing.entry.kind;
    const start = mb!.linked ? governing.start : f.start;
    if (kind === 'volume') return { kind: 'volume', start, end: f.end, sign: 1, scale: 1, metric: metric(governing), unit: countedUnit(v, governing) };
    if (v.lang === 'zh' && f.scaled && (kind === 'investment' || kind === 'financial' || kind === 'price')) return { kind, start, end: f.end, sign: 1, scale: 1, metric: metric(governing), unit: 'CNY' };
  }
  const after = metricAfter(v, f.end);
  const afterKind = after?.m.entry.kind;
  // a plan or budget named after its amount (“5年1000亿”研发计划)
  if (after && v.lang === 'zh' && f.scaled && (afterKind === 'investment' || afterKind === 'financial')) return { kind: afterKind, start: f.start, end: f.end, sign: 1, scale: 1, metric: metric(after.m), unit: 'CNY' };
  if (after && afterKind === 'volume' && (big || v.lang === 'en')) return { kind: 'volume', start: f.start, end: after.m.end, sign: 1, scale: 1, metric: metric(after.m), unit: countedUnit(v, after.m) };
  if (v.lang === 'en') {
    // 2,100 pure electric vehicles, 10 million U.S. households, 21,000 Model S cars
    const noun = v.cues.metrics.find((m) => m.start >= f.end && m.start - f.end <= 24 && m.entry.kind === 'volume' && !VOLUME_VERB.test(m.text));
    if (noun && /^\s+(?:[A-Za-z.\-]+\s+){0,3}$/.test(text.slice(f.end, noun.start)) && !/[,;]/.test(text.slice(f.end, noun.start))) {
      return { kind: 'volume', start: f.start, end: noun.end, sign: 1, scale: 1, metric: metric(noun), unit: countedUnit(v, noun) };
    }
    // expand its stores … to 60: the new level of the count the clause is about
    const count = nearestBefore(v.cues.metrics, f.start, clause.start);
    if (count && count.entry.kind === 'volume' && /\bto\s+$/i.test(text.slice(Math.max(v.start, f.start - 4), f.start))) {
      return { kind: 'volume', start: f.start, end: f.end, sign: 1, scale: 1, metric: metric(count), unit: countedUnit(v, count) };
    }
  }
  if (!big && !(v.lang === 'en' && f.value >= 100)) return null;
  return siblingAmount(v, f);
}

/** The unit of a count: `units` for products, else the counted noun (stores, households). */
function countedUnit(v: View, m: { start: number; end: number; entry: { canonical: string } }): string {
  return PRODUCT_COUNTS.has(m.entry.canonical) || v.lang === 'zh' ? 'units' : v.text.slice(m.start, m.end).toLowerCase();
}

/**
 * An amount listed with another amount takes its kind and unit: 好于去年的12亿
 * after 28亿人民币, 2530 万 after 2740 万部, a target of 20,000 after 21,000
 * cars. 华硕（83万） takes the previous sentence's counts when its own
 * sentence names no metric.
 */
function siblingAmount(v: View, f: Figure): Reading | null {
  let d: Draft | null = null;
  for (const x of v.drafts) if (x.end <= f.start && AMOUNT_KINDS.has(x.kind) && (!d || x.end > d.end)) d = x;
  const between = d ? v.figures.filter((x) => x.start >= d!.end && x.end <= f.start && x.unit !== '%' && x.unit !== 'pp') : [];
  const gap = d ? v.text.slice(d.end, f.start) : '';
  const close = d && between.length === 0 && !/[。；;\n]/.test(gap) && gap.length <= (v.lang === 'zh' ? 12 : 80);
  if (!close) {
    d = null;
    const bracketed = /[（(]\s*$/.test(v.text.slice(Math.max(v.start, f.start - 2), f.start));
    const named = v.mentions.some((m) => m.end <= f.start && f.start - m.end <= 2);
    if (bracketed && named && v.cues.metrics.length === 0) d = v.previous.at(-1) ?? null;
  }
  if (!d || f.value < d.value / 1000 || f.value > d.value * 1000) return null;
  return { kind: d.kind, start: f.start, end: f.end, sign: 1, scale: 1, metric: d.metric, unit: d.unit };
}

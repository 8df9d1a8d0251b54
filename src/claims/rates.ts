/**
 * Reading a percentage (or a multiple, or percentage points): is it a change
 * (growth), a part of a whole (share), a margin (financial), or nothing?
 */
import type { ClaimKind } from '../doc/types.ts';
import { nearestBefore } from './cues.ts';
import type { Figure } from './figures.ts';
import { draftBefore, figureBetween, growthAfter, growthBefore, metricAfter, metricBefore, type View } from './view.ts';

/** How a figure reads: its kind, the span it gives the claim, and how to turn its value into the claim's. */
export interface Reading {
  kind: ClaimKind;
  start: number;
  end: number;
  /** -1 for a decline, which makes a growth value negative */
  sign: 1 | -1;
  /** a factor for the value: multiples of growth are percentages (2.25倍 → 225) */
  scale: number;
  metric: string | null;
  /** the unit when the figure's own is missing or changes (CNY for 24.68万 after 售价, units for 30万 after 出货量) */
  unit?: string | null;
}

// A percentage followed by where the money goes or comes from is a part of a budget or of revenue (10% 用于先进封装).
const ALLOCATION = /^[\s\u3000]*(?:将)?(?:用于|投向|投入|来自|来源于|流向)/;
// Metrics that are themselves rates (增速, 毛利率, gross margin): a percentage after them is their level, not a part of a whole.
const isRate = (m: { text: string; entry: { kind: string } }) => m.entry.kind === 'growth' || /率|margin|rate|yield|ratio/i.test(m.text);

/** Reads a percentage, percentage points, a fraction word or a multiple. */
export function readRate(v: View, f: Figure, clause: { start: number; end: number }): Reading | null {
  const { text } = v;
  const metricText = (m: { start: number; end: number } | null | undefined) => (m ? text.slice(m.start, m.end) : null);
  const mb = metricBefore(v, f.start, clause.start);
  const level = v.lang === 'zh' ? levelOf(v, f, clause) : null;
  if (level) return level;
  // 纯电动汽车占比为43％的比亚迪涨至4.6倍: a rate metric linked before the figure outranks a change word after it
  const ratedBefore = mb?.linked && ['share', 'growth', 'financial'].includes(mb.m.entry.kind);
  const growth = growthBefore(v, f, clause.start) ?? (f.unit === '倍' || ratedBefore ? null : growthAfter(v, f));

  // 同比增长2.25倍, 一倍以上: multiples of growth are percentages; a bare multiple (三倍于) is not a claim.
  if (f.unit === '倍') return growth && !growth.toLevel ? { kind: 'growth', start: growth.start, end: f.end, sign: growth.sign, scale: 100, metric: metricText(mb?.m), unit: '%' } : null;
  if (growth && !growth.toLevel) return { kind: 'growth', start: growth.start, end: Math.max(growth.end, f.end), sign: growth.sign, scale: 1, metric: metricText(mb?.m) };

  const after = metricAfter(v, f.end);
  // 下滑到了17.4%, rose to a record 35.2 percent, 放缓至5%: the new level of the metric before.
  if (growth) {
    const m = mb?.m ?? nearestBefore(v.cues.metrics, f.start, v.start);
    // revenue growth would pick up to 10 percent: the level of the metric's growth
    const ofGrowth = m !== null && v.cues.growth.some((g) => g !== growth.cue && g.start >= m.end && g.end <= growth.cue.start);
    const kind = ofGrowth ? 'growth' : m?.entry.kind;
    if (!m || !kind || !['share', 'growth', 'financial'].includes(kind)) return null;
    const start = v.lang === 'zh' ? (mb?.linked ? m.start : growth.cue.start) : f.start;
    return { kind: kind as ClaimKind, start, end: f.end, sign: 1, scale: 1, metric: metricText(m) };
  }
  if (f.fraction) return shareOf(v, f, mb);

  // Shares: 12%的市场份额, 市场份额为16%, 占总投票权的76.9%, 销售额的10%, 35~40% 的出货量, 24.2 percent of total revenue.
  if (after && after.m.entry.kind === 'share') return { kind: 'share', start: f.start, end: after.m.end, sign: 1, scale: 1, metric: metricText(after.m) };
  const of = shareOf(v, f, mb);
  if (mb && mb.linked && mb.m.entry.kind === 'share') return { kind: 'share', start: mb.m.start, end: of?.end ?? f.end, sign: 1, scale: 1, metric: metricText(mb.m) };
  if (of) return of;
  if (f.unit !== 'pp') {
    const before = text.slice(Math.max(clause.start, f.start - 3), f.start);
    const dated = /(?:年|月|季度|季|日|周|期|月份|年度|上半年|下半年)的[\s\u3000]*$/.test(text.slice(Math.max(clause.start, f.start - 6), f.start));
    if (v.lang === 'zh' && /的[\s\u3000]*$/.test(before) && !dated && !(mb && isRate(mb.m) && mb.near)) {
      const whole = mb && mb.near ? mb.m : null;
      return { kind: 'share', start: whole ? whole.start : f.start, end: f.end, sign: 1, scale: 1, metric: metricText(whole) };
    }
    if (after && after.gap.includes('的') && !isRate(after.m)) return { kind: 'share', start: f.start, end: after.m.end, sign: 1, scale: 1, metric: metricText(after.m) };
    if (v.lang === 'zh' && ALLOCATION.test(text.slice(f.end, f.end + 6))) return { kind: 'share', start: f.start, end: f.end, sign: 1, scale: 1, metric: null };
    if (parenthesised(v, f)) return { kind: 'share', start: f.start, end: f.end, sign: 1, scale: 1, metric: null };
  }

  // A rate the metric before governs: 毛利率9.8%, 增速为5%, 跌幅3%.
  if (mb && (mb.linked || mb.near)) {
    // revenue growth of 10 percent: a change word between makes the figure the metric's growth (but not “rose to”)
    const k = v.cues.growth.some((g) => g.start >= mb.m.end && g.end <= f.start && !/^\s*(?:to\b|至|到)/.test(v.text.slice(g.end, g.end + 3))) ? 'growth' : mb.m.entry.kind;
    if (k === 'growth') return { kind: 'growth', start: mb.linked ? mb.m.start : f.start, end: f.end, sign: mb.m.entry.direction === 'lower-is-better' ? -1 : 1, scale: 1, metric: metricText(mb.m) };
    if (k === 'share' || k === 'financial') return { kind: k, start: mb.linked ? mb.m.start : f.start, end: f.end, sign: 1, scale: 1, metric: metricText(mb.m) };
  }
  if (after && after.m.entry.kind === 'growth') return { kind: 'growth', start: f.start, end: after.m.end, sign: 1, scale: 1, metric: metricText(after.m) };
  // Percentage points are a change of a rate (好于行业21个百分点); the sign follows the change word of the clause.
  if (f.unit === 'pp') {
    const g = nearestBefore(v.cues.growth, f.start, clause.start);
    return { kind: 'growth', start: f.start, end: f.end, sign: g ? g.entry.sign : 1, scale: 1, metric: metricText(mb?.m) };
  }
  return sibling(v, f);
}

/**
 * The two ends of a change of level: 毛利率由2025年第二季度的22.5%下降至2026年第二季度的19.8%.
 * Both are levels of the metric before them, not changes.
 */
function levelOf(v: View, f: Figure, clause: { start: number; end: number }): Reading | null {
  const { text } = v;
  const m = nearestBefore(v.cues.metrics, f.start, clause.start);
  if (!m || !['share', 'growth', 'financial'].includes(m.entry.kind)) return null;
  const before = text.slice(m.end, f.start);
  const from = /(?:由|从)[^，。；：]{0,14}$/.test(before) && v.cues.growth.some((g) => g.start >= f.end && g.start - f.end <= 2 && /^(?:了)?(?:至|到)/.test(text.slice(g.end, g.end + 2)));
  const to = v.cues.growth.some((g) => g.start >= m.end && g.end <= f.start && /^(?:了)?(?:至|到)[^，。；：\d]{0,14}$/.test(text.slice(g.end, f.start)) && /的[\s\u3000]*$/.test(text.slice(g.end, f.start)));
  if (!from && !to) return null;
  return { kind: m.entry.kind, start: f.start, end: f.end, sign: 1, scale: 1, metric: text.slice(m.start, m.end) };
}

/** 24.2 percent of total revenue, half of BYD's revenues, accounting for 50 percent, 17.7 percent share, 占股13.9%. */
function shareOf(v: View, f: Figure, mb: ReturnType<typeof metricBefore>): Reading | null {
  const whole = v.lang === 'en' ? wholeAfter(v, f) : null;
  if (mb && mb.near && mb.m.entry.canonical === '占比' && !figureBetween(v, mb.m.end, f.start, f)) {
    // Chinese spans open with the verb (占总投票权的76.9%); English ones with the figure and what it is a part of
    const start = v.lang === 'zh' && (mb.linked || f.start - mb.m.end <= 12) ? mb.m.start : f.start;
    return { kind: 'share', start, end: whole?.end ?? f.end, sign: 1, scale: 1, metric: whole?.metric ?? null };
  }
  return whole ? { kind: 'share', start: f.start, end: whole.end, sign: 1, scale: 1, metric: whole.metric } : null;
}

/** What an English percentage is a part of: “of total revenue”, “of Tesla's revenue”, “of the tablet business”, or “share”. */
function wholeAfter(v: View, f: Figure): { end: number; metric: string | null } | null {
  const { text } = v;
  const after = text.slice(f.end, Math.min(v.end, f.end + 60));
  const share = /^\s+(?:market\s+)?(?:share|stake)\b/i.exec(after);
  if (share) return { end: f.end + share[0].length, metric: null };
  const of = /^\s+of\s+(?:(?:the|its|their|total|all|overall)\s+)*(?:[A-Z][\w.&-]*(?:['’]s)\s+)?/.exec(after);
  if (!of) return null;
  // the whole must be a business quantity: a metric, or something a company owns (Tesla's revenue, the tablet business)
  const rest = f.end + of[0].length;
  // (the metric may have taken a word of the phrase: “of total revenue” is the metric “total revenue”)
  const metric = v.cues.metrics.find((m) => m.start > f.end && m.end > rest && m.start - rest <= 12);
  const owned = /^\s+of\s+the\s+[\w-]+\s+(?:business|market|segment|industry)\b/i.exec(after);
  if (metric) return { end: metric.end, metric: text.slice(metric.start, metric.end) };
  if (owned) return { end: f.end + owned[0].length, metric: null };
  return /['’]s\s+$/.test(of[0]) ? { end: rest, metric: null } : null;
}

/** （8.7%） right after a company or a sales figure gives that company's share. */
function parenthesised(v: View, f: Figure): boolean {
  const before = v.text.slice(Math.max(v.start, f.start - 2), f.start);
  if (!/[（(]\s*$/.test(before) || !/^\s*[）)]/.test(v.text.slice(f.end, f.end + 2))) return false;
  const open = f.start - (before.length - before.search(/[（(]/));
  const d = draftBefore(v, open + 1);
  if (d && /^\s*$/.test(v.text.slice(d.end, open))) return d.kind === 'volume' || d.kind === 'financial';
  return v.mentions.some((m) => m.end <= open && /^\s*$/.test(v.text.slice(m.end, open)));
}

/** 分别下滑了27%和28%, 35.2 percent … versus Apple's 13.4 percent: the second figure reads like the first. */
function sibling(v: View, f: Figure): Reading | null {
  const d = draftBefore(v, f.start);
  if (!d || (d.kind !== 'growth' && d.kind !== 'share') || figureBetween(v, d.end, f.start, f)) return null;
  const gap = v.text.slice(d.end, f.start);
  const ok = v.lang === 'zh'
    // 和28%, 、8.1%, 而去年同期为0.4%, 和 vivo 的 8%: a coordination, then at most a name or a period and a copula
    ? gap.length <= 8 && /^[\s\u3000）)]*(?:和|、|及|与|以及|而|，|,)[\s\u3000（(]*(?:[\u4e00-\u9fffA-Za-z\s]{0,6}[的为是][\s\u3000]*)?$/.test(gap) && !/[。；]/.test(gap)
    : gap.length <= 40 && /\b(?:and|versus|vs\.?|compared with|against|while)\b/i.test(gap);
  if (!ok) return null;
  return { kind: d.kind, start: f.start, end: f.end, sign: d.value < 0 ? -1 : 1, scale: 1, metric: d.metric };
}

/**
 * What the readers of one sentence share: the sentence, its cues and figures,
 * the claims found so far, and the small tests of the text between two words
 * (“does this gap only link a metric to its figure?”).
 */
import type { Claim, ClaimKind } from '../doc/types.ts';
import type { GrowthEntry, MetricEntry, TermMatch } from '../lexicons/cues.ts';
import { nearestBefore, type SentenceCues } from './cues.ts';
import type { Figure } from './figures.ts';

/** A claim before status, subject and the other context fields are attached. */
export interface Draft {
  kind: ClaimKind;
  start: number;
  end: number;
  /** where the figure or rank word itself starts: a span may be trimmed back to it */
  core: number;
  value: number;
  valueMax: number | null;
  qualifier: Claim['qualifier'];
  unit: string | null;
  metric: string | null;
  status?: Claim['status'];
}

/** One sentence as the readers see it. */
export interface View {
  text: string;
  lang: 'zh' | 'en';
  start: number;
  end: number;
  cues: SentenceCues;
  figures: Figure[];
  /** claims accepted so far in this sentence */
  drafts: Draft[];
  /** the amount claims of the sentence right before */
  previous: Draft[];
  /** entity mentions (not locations) inside this sentence, sorted */
  mentions: Array<{ start: number; end: number }>;
}

// Words that may stand between a metric and its figure (营收达到了3.2亿元, 份额为16%, 装机量仅有5.86GWh).
const ZH_LINK = /^[\s\u3000\u00a0的则也仍均皆都已经将会再还共总计累仅只有为是达到了约超过逾突破接近近高在于保持维持继续实现录得创下却更分别亦即]*$/;
// The same for English (revenue of $58 billion, shipments were 30 million, R&D spending would be around $14 billion).
const EN_LINK = new Set(['of', 'at', 'to', 'was', 'were', 'is', 'are', 'be', 'been', 'would', 'will', 'could', 'totaled', 'totalled', 'reached', 'hit', 'stood', 'came', 'in', 'amounted', 'a', 'an', 'record', 'just', 'only', 'its', 'their', 'the', 'by', 'some', 'another', 'roughly', 'about', 'nearly', 'almost', 'around', 'for', 'total', 'totaling', 'totalling', 'worth', 'than', 'more', 'over', 'up']);
// What may stand between a change word and its rate (增长了32%, 上涨高达153%, rose just 5 percent, fell by nearly 40 percent).
const ZH_GROWTH_GAP = /^[\s\u3000\u00a0了约近超过逾高达到至为接幅度均皆在以上更是仍也都已经将会分别则再乎足多]*$/;
const EN_GROWTH_GAP = new Set(['by', 'just', 'only', 'nearly', 'almost', 'about', 'around', 'roughly', 'some', 'over', 'more', 'than', 'a', 'an', 'further', 'another', 'sharply', 'slightly', 'as', 'much', 'to', 'its', 'their', 'his', 'her', 'the', 'number', 'of', 'record']);

const words = (gap: string) => (gap.trim() ? gap.trim().split(/\s+/) : []);

/** True when the text from `from` to `to` only links a metric to the figure after it. */
export function linked(v: View, from: number, to: number): boolean {
  if (to < from) return false;
  const gap = v.text.slice(from, to);
  if (v.lang === 'zh') return gap.length <= 8 && ZH_LINK.test(gap);
  const w = words(gap.replace(/['’]s\b/g, ''));
  return gap.length <= 40 && w.length <= 5 && w.every((x) => EN_LINK.has(x.toLowerCase()));
}

/** The business metric nearest before `pos` in the clause, and whether it is linked to `pos`. */
export function metricBefore(v: View, pos: number, floor: number): { m: TermMatch<MetricEntry>; linked: boolean; near: boolean } | null {
  const m = nearestBefore(v.cues.metrics, pos, floor);
  if (!m) return null;
  const between = v.figures.some((f) => f.start >= m.end && f.end <= pos);
  return { m, linked: !between && linked(v, m.end, pos), near: !between && pos - m.end <= (v.lang === 'zh' ? 12 : 30) };
}

/** The metric right after a figure: 12%的市场份额, 93万的出货量, “5年1000亿”研发计划, 17.7 percent share. */
export function metricAfter(v: View, pos: number): { m: TermMatch<MetricEntry>; gap: string } | null {
  for (const m of v.cues.metrics) {
    if (m.start < pos) continue;
    const gap = v.text.slice(pos, m.start);
    if (v.lang === 'zh' ? /^[\s\u3000”’」』"']*的?[\s\u3000]*$/.test(gap) : /^\s*$/.test(gap)) return { m, gap };
    return null;
  }
  return null;
}

/** A change word tied to a figure. `toLevel`: it gives the new level (降至, 下滑到了, rose to), not a rate. */
export interface GrowthCue {
  start: number;
  end: number;
  sign: 1 | -1;
  toLevel: boolean;
  cue: TermMatch<GrowthEntry>;
}

/** The change word before the figure `f` in its clause, with the base (同比) that opens the span. */
export function growthBefore(v: View, f: { start: number; end: number }, floor: number): GrowthCue | null {
  const g = nearestBefore(v.cues.growth, f.start, floor);
  if (!g) return null;
  const gap = v.text.slice(g.end, f.start);
  let toLevel: boolean;
  if (v.lang === 'zh') {
    if (gap.length > 8 || !ZH_GROWTH_GAP.test(gap)) return null;
    toLevel = /至$/.test(g.text) || /^[\s了]*(?:至|到)/.test(gap);
  } else {
    // a metric may stand between (boosting sales 15-20 percent, Increasing production by over 3000%)
    let rest = gap;
    for (const m of v.cues.metrics) if (m.start >= g.end && m.end <= f.start) rest = rest.replace(v.text.slice(m.start, m.end), ' ');
    const w = words(rest);
    if (gap.length > 40 || w.length > 4 || !w.every((x) => EN_GROWTH_GAP.has(x.toLowerCase()))) return null;
    toLevel = w.some((x) => x.toLowerCase() === 'to');
    // slashing the number of dealers by a third: the span is the figure with its preposition
    if (w.length > 2) {
      const by = /\bby\s+$/i.exec(v.text.slice(f.start - 4, f.start));
      return { start: by ? f.start - by[0].length : f.start, end: f.end, sign: g.entry.sign, toLevel, cue: g };
    }
  }
  const base = nearestBefore(v.cues.bases, g.start, floor);
  const start = base && g.start - base.end <= 3 ? base.start : g.start;
  return { start, end: f.end, sign: g.entry.sign, toLevel, cue: g };
}

/** The change word right after the figure: 22 percent fall, 16% 的增长, 8% 的整体下滑. */
export function growthAfter(v: View, f: { start: number; end: number }): GrowthCue | null {
  const g = v.cues.growth.find((x) => x.start >= f.end);
  if (!g) return null;
  const gap = v.text.slice(f.end, g.start);
  const ok = v.lang === 'zh' ? /^[\s\u3000]*(?:的[\s\u3000]*[\u4e00-\u9fff]{0,3})?$/.test(gap) && !/[，。；]/.test(gap) : /^[\s-]*(?:(?:quarterly|annual|yearly|sales|revenue|profit|earnings)\s+)?$/i.test(gap);
  return ok ? { start: f.start, end: g.end, sign: g.entry.sign, toLevel: false, cue: g } : null;
}

/** The last claim of the sentence that ends before `pos`. */
export function draftBefore(v: View, pos: number): Draft | null {
  let best: Draft | null = null;
  for (const d of v.drafts) if (d.end <= pos && (!best || d.end > best.end)) best = d;
  return best;
}

/** True when a claim of the sentence already holds part of `r`. */
export function taken(v: View, r: { start: number; end: number }): boolean {
  for (const d of v.drafts) if (d.start < r.end && r.start < d.end) return true;
  return false;
}

/** True when a figure other than `except` lies between `from` and `to`. */
export function figureBetween(v: View, from: number, to: number, except?: Figure): boolean {
  return v.figures.some((f) => f !== except && f.start >= from && f.end <= to);
}

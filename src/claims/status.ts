/**
 * Whether a claim is a target (plan, goal, forecast, guidance) or a reported
 * fact. The nearest cue wins, with refinements: a cue in the claim's own
 * clause beats one further back; a cue that labels another figure
 * (预估68.9亿美元) governs only that figure; a comparison with a forecast
 * (beat estimates) is not a forecast; a target word right after the figure
 * (…的目标, consensus forecast) makes it a target; and the figure's own date
 * decides when it is plainly past or future.
 */
import type { ClaimStatus } from '../doc/types.ts';
import type { TimeExpression } from '../text/quantity/index.ts';
import type { SentenceCues } from './cues.ts';
import type { Draft, View } from './view.ts';

/** Year and month of publication, for telling past periods from future ones. */
export interface Anchor {
  year: number;
  month: number;
}

// Phrases that date a figure in the past: up from 5 billion yuan a year ago, just 17.6 million in 2010.
const EN_PAST = /^[^,;.]{0,24}?\b(?:a year (?:ago|earlier)|the year-earlier|last year|a quarter (?:ago|earlier)|the previous (?:year|quarter)|in ((?:19|20)\d\d))\b/i;
// A forecast word after these is compared with, not made: beat estimates, trouncing Wall Street estimates, than expected.
const COMPARES = /\b(?:beat|beats|beating|topped|tops|topping|trounced|trouncing|exceeded|exceeding|missed|missing|than|above|below|ahead of)\s+(?:[\w'’-]+\s+){0,2}$/i;
const EN_FROM = /\b(?:up|down|rising|falling|compared) (?:from|with)\s+(?:(?:about|around|nearly|just)\s+)?$/i;

/** The month index (year × 12 + month − 1) where a period starts and ends, or null. */
function bounds(period: string | null): [number, number] | null {
  if (!period) return null;
  const parts = period.split('/');
  const one = (p: string): [number, number] | null => {
    const m = /^(\d{4})(?:-(Q|H)?(\d{1,2}))?$/.exec(p);
    if (!m) return null;
    const y = Number(m[1]) * 12;
    if (!m[3]) return [y, y + 11];
    const n = Number(m[3]);
    if (m[2] === 'Q') return [y + (n - 1) * 3, y + n * 3 - 1];
    if (m[2] === 'H') return [y + (n - 1) * 6, y + n * 6 - 1];
    return [y + n - 1, y + n - 1];
  };
  const a = one(parts[0]!);
  const b = one(parts.at(-1)!);
  return a && b ? [a[0], b[1]] : null;
}

/** Whether the time an expression names is over (`past`) or still to come (`future`) at publication. */
function tense(t: TimeExpression, anchor: Anchor | null): 'past' | 'future' | null {
  const b = bounds(t.period);
  if (!b || !anchor) return null;
  const now = anchor.year * 12 + anchor.month - 1;
  if (b[1] < now) return 'past';
  // a quarter or a month without a written year takes the year of publication, which may be wrong (Q4 read in February): only years count as future
  if (b[0] > now && t.kind === 'year') return 'future';
  return null;
}

type Cue = SentenceCues['modality'][number];

/** Whether cue `m` labels the figure at `at`: 预估68.9亿美元, the estimate of $3.23. */
function tied(v: View, m: { end: number }, at: number): boolean {
  return at >= m.end && (v.lang === 'zh' ? at - m.end <= 2 : /^\s+(?:(?:of|for|at)\s+)?$/.test(v.text.slice(m.end, at)));
}

/** Whether cue `m` labels another figure of the sentence before the claim. */
function labelsOther(v: View, d: Draft, m: Cue): boolean {
  for (const f of v.figures) if (f.start < d.start && tied(v, m, f.start)) return true;
  return false;
}

/**
 * A reported cue that is a claim's own wording (同比下降, 达到), this claim's or
 * another's, or sits inside a metric's name (同比增长率), states nothing about this figure.
 */
function isWording(v: View, d: Draft, m: Cue): boolean {
  if (m.entry.status !== 'reported') return false;
  if (m.start >= d.start) return true;
  for (const x of v.drafts) if (x !== d && x.start <= m.start && m.end <= x.end) return true;
  for (const x of v.cues.metrics) if (x.start < m.end && m.start < x.end) return true;
  return false;
}

/** beat estimates, trouncing Wall Street estimates: a comparison with a forecast. */
function compares(v: View, m: { start: number }): boolean {
  return v.lang === 'en' && COMPARES.test(v.text.slice(Math.max(v.start, m.start - 24), m.start));
}

/**
 * A weak cue (将, will, 要) reaches a figure close after it, and the figures
 * chained to that one by 至/to (将同比下降13.9%至约10.8亿部).
 */
function reaches(v: View, d: Draft, m: Cue): boolean {
  const reach = v.lang === 'zh' ? 10 : 40;
  if (d.core - m.end <= reach) return true;
  for (const x of v.drafts) {
    if (x !== d && x.start >= m.end && x.start - m.end <= reach && x.end <= d.start && /^[\s\u3000]*(?:至|到|to)?[\s\u3000]*$/i.test(v.text.slice(x.end, d.start))) return true;
  }
  return false;
}

/** The status of a draft claim; `horizon` says a time to reach it was given (三年内, by 2025). */
export function statusOf(v: View, d: Draft, clause: { start: number; end: number }, times: readonly TimeExpression[], anchor: Anchor | null, horizon: boolean): ClaimStatus {
  if (d.status) return d.status;
  const { text } = v;
  const c = v.cues;
  // The figure's own date: 2021 年的 16% (a past year), 明年销售30万台, just 17.6 million in 2010.
  let own: TimeExpression | null = null;
  for (const t of times) {
    if ((t.end <= d.start && d.start - t.end <= 8 && t.start >= clause.start) || (t.start >= d.end && t.start - d.end <= 4 && t.start < clause.end)) {
      own = t;
      break;
    }
  }
  const ownTense = own ? tense(own, anchor) : null;
  if (v.lang === 'en') {
    const past = EN_PAST.exec(text.slice(d.end, clause.end));
    if ((past && (!past[1] || (anchor !== null && Number(past[1]) < anchor.year))) || EN_FROM.test(text.slice(clause.start, d.core))) return 'reported';
  }
  let afterTarget = false;
  let forecastBeforeOwnDate = false;
  for (const m of c.modality) {
    if (m.entry.status !== 'target') continue;
    // a forecast word before the figure's own past date governs it (预计上半年净利润…)
    if (own && m.entry.strength >= 2 && m.start >= clause.start && m.end <= own.start) forecastBeforeOwnDate = true;
    // a target word right after the figure: 定下了明年销售30万台的目标, a $199.12 million consensus forecast, 70-80%的资本支出将用于
    if (m.start >= d.end && (m.entry.strength >= 2 ? m.start - d.end <= 3 && /^[\s\u3000]*的?[\s\u3000]*$/.test(text.slice(d.end, m.start)) : m.start === d.end && v.lang === 'zh')) afterTarget = true;
  }
  if (ownTense === 'past' && !forecastBeforeOwnDate) return 'reported';
  if (afterTarget || horizon || ownTense === 'future') return 'target';

  // Cues before the figure: a cue that labels another figure governs that figure only; wording states nothing.
  let lastReported: Cue | null = null;
  let earlier: Cue | null = null;
  const targets: Cue[] = [];
  for (const m of c.modality) {
    if (m.end > d.core || isWording(v, d, m)) continue;
    if (!tied(v, m, d.start) && !tied(v, m, d.core) && (labelsOther(v, d, m) || compares(v, m))) continue;
    if (m.start < clause.start) earlier = m;
    else if (m.entry.status === 'target') targets.push(m);
    else if (m.entry.strength >= 2) lastReported = m;
  }
  // a reported cue between a weak target cue and the figure cuts the weak cue off
  for (const m of targets) if (m.entry.strength >= 2 || (reaches(v, d, m) && (!lastReported || m.start > lastReported.start))) return 'target';
  if (lastReported) return 'reported';
  const pastAnchored = /截至|截止|\bas of\b/.test(text.slice(clause.start, d.start));
  // English commas mark off asides more than clauses (The company, whose expansion plans…, said revenues rose): only a clear forecast word reaches across
  if (earlier && earlier.entry.status === 'target' && earlier.entry.strength >= (v.lang === 'zh' ? 2 : 3) && !pastAnchored) return 'target';
  // 据Canalys预测, IDC forecasts: the source's own status
  if (!pastAnchored) for (const s of c.sources) if (s.status === 'target' && s.end <= d.start && !compares(v, s)) return 'target';
  return 'reported';
}

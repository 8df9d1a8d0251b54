/**
 * The context fields of a claim: who it is about (subject), who says so
 * (source), and the period it covers.
 */
import type { Entity, Quote } from '../doc/types.ts';
import { lowerBound } from '../doc/spans.ts';
import type { TimeExpression } from '../text/quantity/index.ts';
import type { SentenceCues } from './cues.ts';

/** An entity mention with its entity. */
export interface Mention {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * The nearest company before `pos`; a product names its maker only inside the
 * claim's own clause, and a platform named as a sales channel (京东、天猫4000+
 * 价格段) is where the figure was measured, not whose it is.
 */
export function subjectAt(mentions: readonly Mention[], pos: number, clauseStart: number, channels: ReadonlyArray<{ start: number; end: number }> = []): string | null {
  let fallback: string | null = null;
  for (let i = lowerBound(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > pos || channels.some((c) => c.start <= m.start && m.end <= c.end)) continue;
    // iPhone出货量… is Apple's; 对标 iPhone， 三年内拿下… is Xiaomi's
    if (m.entity.type === 'product' && m.entity.org && m.start >= clauseStart) return m.entity.org;
    if (m.entity.type === 'company' || m.entity.type === 'organization') return m.entity.id;
    if (m.entity.type === 'person' && m.entity.org && !fallback) fallback = m.entity.org;
  }
  return fallback;
}

/**
 * The period of the nearest dated expression before `pos` (or the first in the
 * sentence), and the nearest horizon. A quarter or month written without a
 * year takes the year of publication (Q4 in February); a reported figure
 * cannot cover a period that has not begun, so it moves back a year.
 */
export function periodAt(times: readonly TimeExpression[], pos: number, reported: boolean, published: { year: number; month: number } | null): { period: string | null; horizon: number | null } {
  let found: TimeExpression | null = null;
  let horizon: number | null = null;
  for (const t of times) {
    if (t.start >= pos) break;
    if (t.period) found = t;
    if (t.horizonYears !== null) horizon = t.horizonYears;
  }
  found ??= times.find((t) => t.period) ?? null;
  let period = found?.period ?? null;
  const m = period ? /^(\d{4})-(Q|H)?(\d{1,2})$/.exec(period) : null;
  if (m && reported && published && found && !/\d{4}|\d{2}年|年|FY/i.test(found.text)) {
    const firstMonth = m[2] === 'Q' ? (Number(m[3]) - 1) * 3 + 1 : m[2] === 'H' ? (Number(m[3]) - 1) * 6 + 1 : Number(m[3]);
    if (Number(m[1]) === published.year && firstMonth > published.month) period = `${Number(m[1]) - 1}-${m[2] ?? ''}${m[3]}`;
  }
  return { period, horizon };
}

/** Who makes the claim: 据Canalys数据显示 names a source; a claim inside a quotation is its speaker's. */
export function sourceOf(quotes: readonly Quote[], c: SentenceCues, pos: number, mentions: readonly Mention[]): string | null {
  for (const src of c.sources) {
    if (!src.slot) continue;
    for (let i = lowerBound(mentions, src.slot.start); i < mentions.length && mentions[i]!.start < src.slot.end; i++) {
      if (mentions[i]!.end <= src.slot.end) return mentions[i]!.entity.id;
    }
  }
  const quote = quotes.find((q) => (q.kind === 'speech' || q.kind === 'document' || q.kind === 'indirect') && q.start <= pos && pos < q.end && q.speaker);
  return quote?.speaker?.id ?? null;
}

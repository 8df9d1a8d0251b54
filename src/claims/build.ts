import type { Claim, ClaimKind, Entity, Quote, Sentence } from '../doc/types.ts';
import { lowerBound, overlaps } from '../doc/spans.ts';
import type { CueLexicons } from '../lexicons/cues.ts';
import { recognizeQuantities, recognizeTimes, type Quantity, type TimeExpression } from '../text/quantity/index.ts';
import { clauseIndex, sentenceCues, type SentenceCues } from './cues.ts';

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

interface Mention {
  start: number;
  end: number;
  entity: Entity;
}

// How far a cue may stand from its number, in characters.
const NEAR = 12;
// Counted nouns that number events, people in a story or parts of a text rather than business volumes.
const NON_CLAIM_UNITS = new Set(['次', '位', '个', '名', '种', '项', '步', '点', '条', '件', '句', '天', '倍', '岁', '届', '轮', '期', '页', '段', '章']);

function nearestBefore<T extends { start: number; end: number }>(items: readonly T[], pos: number, floor: number): T | null {
  let best: T | null = null;
  for (const i of items) if (i.end <= pos && i.start >= floor && (!best || i.end > best.end)) best = i;
  return best;
}

/** The kind a quantity's context gives it, and the cue that decided it. */
function classify(q: Quantity, c: SentenceCues, clauseStart: number, text: string): { kind: ClaimKind; from: number; sign: number; metric: string | null } | null {
  const metric = nearestBefore(c.metrics, q.start, clauseStart) ?? c.metrics.find((m) => m.start >= q.end && m.start - q.end <= 4) ?? null;
  const volumeMetric = metric && metric.entry.kind === 'volume';
  const growthBefore = nearestBefore(c.growth, q.start, clauseStart);
  const growthAfter = c.growth.find((g) => g.start >= q.end && g.start - q.end <= 3);
  const growth = growthBefore && q.start - growthBefore.end <= 4 ? growthBefore : growthAfter ?? null;
  const metricText = metric ? text.slice(metric.start, metric.end) : null;
  if (q.kind === 'percent' || q.unit === 'pp') {
    if (growth) {
      const base = nearestBefore(c.bases, growth.start, clauseStart);
      const from = Math.min(growth.start, base && growth.start - base.end <= 2 ? base.start : growth.start, q.start);
      return { kind: 'growth', from, sign: growth.entry.sign, metric: metricText };
    }
    if (metric && (metric.entry.kind === 'share' || metric.entry.kind === 'growth')) return { kind: metric.entry.kind, from: Math.min(metric.start, q.start), sign: 1, metric: metricText };
    if (metric && q.start - metric.end <= NEAR) return { kind: metric.entry.kind === 'other' ? 'financial' : metric.entry.kind, from: q.start, sign: 1, metric: metricText };
    return null;
  }
  if (q.kind === 'currency' || (q.unit === null && /[万亿]/.test(q.text) && metric && (metric.entry.kind === 'investment' || metric.entry.kind === 'financial'))) {
    const kind: ClaimKind = metric && ['investment', 'financial', 'price'].includes(metric.entry.kind) ? metric.entry.kind : metric?.entry.kind === 'volume' ? 'financial' : 'financial';
    return { kind, from: q.start, sign: 1, metric: metricText };
  }
  // Counted things are volumes when a volume metric governs them (出货量1.2亿台) or the unit is a
  // business count (15家体验店, 10万辆); 一次, 一位, 两个 in running text are not claims.
  if (q.unit !== null && q.unit !== '%' && q.unit !== 'rank') {
    if (volumeMetric || q.unit === 'units' || (q.value >= 2 && !NON_CLAIM_UNITS.has(q.unit))) return { kind: 'volume', from: q.start, sign: 1, metric: metricText };
  }
  return null;
}

function subjectAt(mentions: readonly Mention[], pos: number, clauseStart: number): string | null {
  const companies = (m: Mention) => m.entity.type === 'company' || m.entity.type === 'organization';
  let fallback: string | null = null;
  for (let i = lowerBound(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > pos) continue;
    // A product speaks for its maker only within the claim's own clause (iPhone出货量…); 对标 iPhone， 三年内拿下… is Xiaomi's.
    if (m.entity.type === 'product' && m.entity.org && m.start >= clauseStart) return m.entity.org;
    if (companies(m)) return m.entity.id;
    if (m.entity.type === 'person' && m.entity.org && !fallback) fallback = m.entity.org;
  }
  return fallback;
}

function period(times: readonly TimeExpression[], pos: number): { period: string | null; horizon: number | null } {
  const before = times.filter((t) => t.start < pos);
  const p = [...before].reverse().find((t) => t.period) ?? times.find((t) => t.period) ?? null;
  const h = [...before].reverse().find((t) => t.horizonYears !== null) ?? null;
  return { period: p?.period ?? null, horizon: h?.horizonYears ?? null };
}

/**
 * Binds each quantity of an article to what it measures: kind, status,
 * metric, subject, scope, period, horizon and source (CONTRACT.md `Claim`).
 * Numbers inside names (三星, 小米12, 360) and bare dates are not claims.
 */
export function buildClaims(ctx: ClaimContext): Claim[] {
  const { text, cues, lang } = ctx;
  const mentions: Mention[] = ctx.entities.flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity }))).sort((a, b) => a.start - b.start);
  const names = mentions.filter((m) => m.entity.type !== 'location');
  const claims: Claim[] = [];
  ctx.sentences.forEach((sentence, index) => {
    const s = text.slice(sentence.start, sentence.end);
    const quantities = recognizeQuantities(s)
      .map((q) => ({ ...q, start: q.start + sentence.start, end: q.end + sentence.start }))
      .filter((q) => !names.some((m) => overlaps(m, q)));
    // Most sentences state no figure and no rank: skip the cue scan for them.
    if (quantities.length === 0 && cues.rankings.findAll(s, lang).length === 0 && !/[0-9０-９]|第[一二三四五六七八九十]/.test(s)) return;
    const c = sentenceCues(text, sentence.start, sentence.end, lang, cues);
    const times = recognizeTimes(s, ctx.publishedAt).map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }));
    const add = (found: Omit<Claim, 'text' | 'sentence' | 'subject' | 'period' | 'horizonYears' | 'scope' | 'source' | 'status'> & { status?: Claim['status'] }) => {
      let claim = found;
      if (claims.some((k) => overlaps(k, claim))) return;
      const clauseStart = c.clauses[clauseIndex(c.clauses, claim.start)]!;
      const { period: p, horizon } = period(times, claim.end);
      const modality = nearestBefore(c.modality, claim.end, sentence.start);
      // A span of years before the figure in its clause (三年, 5年, 三年内, 未来三年) makes it a target with a horizon.
      const horizonTime = times.find((t) => t.kind === 'horizon' && t.horizonYears !== null && t.end <= claim.start + 1 && t.start >= clauseStart && !/过去|近|前/.test(text.slice(Math.max(0, t.start - 2), t.start)));
      const horizonCue = c.horizons.find((h) => h.end <= claim.end) ?? (horizonTime ? { start: horizonTime.start, end: horizonTime.end, years: horizonTime.horizonYears } : undefined);
      const target = (modality && modality.entry.status === 'target' && (modality.entry.strength >= 2 || modality.start >= clauseStart)) || horizonCue !== undefined || c.sources.some((src) => src.status === 'target');
      const scope = nearestBefore(c.scopes, claim.start + 1, sentence.start) ?? c.scopes.find((x) => x.start >= claim.start && x.end <= claim.end) ?? null;
      const band = c.priceBands.find((b) => overlaps(b, claim) || (b.end <= claim.start && claim.start - b.end <= 6));
      // 5年1000亿, 三年手机销量全球第一: the horizon is part of the claim's span.
      if (horizonTime && claim.start - horizonTime.end <= 6 && claim.kind !== 'growth') claim = { ...claim, start: horizonTime.start };
      claims.push({
        ...claim,
        text: text.slice(claim.start, claim.end),
        status: claim.status ?? (target ? 'target' : 'reported'),
        subject: subjectAt(mentions, claim.start, clauseStart),
        period: p,
        horizonYears: target ? horizonCue?.years ?? horizon : null,
        scope: band && claim.kind !== 'price' ? band.text : scope ? scope.entry.canonical : null,
        source: sourceOf(ctx, c, claim.start, mentions),
        sentence: index,
      });
    };

    // Vague magnitudes: 两位数的增长.
    for (const m of c.magnitudes) {
      const growth = c.growth.find((g) => g.start >= m.end && g.start - m.end <= 3);
      if (!growth) continue;
      add({ kind: 'growth', start: m.start, end: growth.end, value: m.min * growth.entry.sign, valueMax: m.max * growth.entry.sign, qualifier: 'range', unit: '%', metric: nearestMetric(c, m.start, text) });
    }
    // Price bands: 4000+ 价格段, 4000元以上.
    for (const b of c.priceBands) {
      const q = quantities.find((x) => overlaps(x, b));
      if (!q) continue;
      add({ kind: 'price', start: b.start, end: b.end, value: q.value, valueMax: q.valueMax, qualifier: b.qualifier as Claim['qualifier'], unit: b.currency, metric: nearestMetric(c, b.start, text) });
    }
    // Rankings: 排名第三, 全球第一, 销量冠军, Top 2.
    for (const r of [...c.rankingPatterns.map((p) => ({ ...p, cueOnly: false })), ...c.rankings.filter((r) => r.entry.rank !== null && !r.entry.cueOnly).map((r) => ({ start: r.start, end: r.end, rank: r.entry.rank!, qualifier: r.entry.qualifier === 'at_most' ? 'at_most' as const : 'exact' as const, text: r.text, cueOnly: false }))]) {
      const clauseStart = c.clauses[clauseIndex(c.clauses, r.start)]!;
      const context = [...c.metrics, ...c.scopes, ...c.rankings.filter((x) => x.entry.cueOnly)].filter((x) => x.end <= r.start && x.start >= clauseStart && r.start - x.end <= NEAR);
      const isPattern = /\d|[一二三四五六七八九十]/.test(r.text) && !/^(?:top|TOP|Top)/.test(r.text);
      if (isPattern && context.length === 0) continue; // 第一，… is a list marker
      const from = context.length ? Math.min(...context.map((x) => x.start)) : r.start;
      add({ kind: 'ranking', start: from, end: r.end, value: r.rank, valueMax: null, qualifier: r.qualifier, unit: 'rank', metric: nearestMetric(c, r.start, text) });
    }
    for (const q of quantities) {
      if (q.kind === 'ordinal') continue;
      const clauseStart = c.clauses[clauseIndex(c.clauses, q.start)]!;
      const kind = classify(q, c, clauseStart, text);
      if (!kind) continue;
      const value = kind.kind === 'growth' ? q.value * kind.sign : q.value;
      const valueMax = q.valueMax === null ? null : kind.kind === 'growth' ? q.valueMax * kind.sign : q.valueMax;
      const unit = q.unit ?? (kind.kind === 'investment' || kind.kind === 'financial' ? (lang === 'zh' ? 'CNY' : 'USD') : null);
      add({ kind: kind.kind, start: kind.from, end: q.end, value, valueMax, qualifier: q.qualifier, unit, metric: kind.metric });
    }
  });
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}

function nearestMetric(c: SentenceCues, pos: number, text: string): string | null {
  const m = nearestBefore(c.metrics, pos, c.clauses[0]!);
  return m ? text.slice(m.start, m.end) : null;
}

/** Who makes the claim: 据Canalys数据显示 names a source; a claim inside a quotation is its speaker's. */
function sourceOf(ctx: ClaimContext, c: SentenceCues, pos: number, mentions: readonly Mention[]): string | null {
  for (const src of c.sources) {
    if (!src.slot) continue;
    const named = mentions.find((m) => m.start >= src.slot!.start && m.end <= src.slot!.end);
    if (named) return named.entity.id;
  }
  const quote = ctx.quotes.find((q) => (q.kind === 'speech' || q.kind === 'document' || q.kind === 'indirect') && q.start <= pos && pos < q.end && q.speaker);
  return quote?.speaker?.id ?? null;
}

import type { CueLexicons, GrowthEntry, MetricEntry, ModalityEntry, RankingEntry, ScopeEntry, TermMatch } from '../lexicons/cues.ts';
import { matchTemplates } from '../lexicons/cues.ts';

/** The claim cues of one sentence, with offsets into the article text. */
export interface SentenceCues {
  metrics: TermMatch<MetricEntry>[];
  modality: TermMatch<ModalityEntry>[];
  growth: TermMatch<GrowthEntry>[];
  bases: Array<{ start: number; end: number }>;
  magnitudes: Array<{ start: number; end: number; min: number; max: number; text: string }>;
  rankings: TermMatch<RankingEntry>[];
  scopes: TermMatch<ScopeEntry>[];
  horizons: Array<{ start: number; end: number; years: number | null }>;
  sources: Array<{ start: number; end: number; slot: { start: number; end: number; text: string } | null; status: 'target' | 'reported' }>;
  rankingPatterns: Array<{ start: number; end: number; rank: number; qualifier: 'exact' | 'at_most'; text: string }>;
  priceBands: Array<{ start: number; end: number; qualifier: string; currency: string; text: string }>;
  /** clause boundaries (offsets where a new clause starts) */
  clauses: number[];
}

const CLAUSE_BREAK = /[，,；;：:。！？!?\n]/;

const shift = <T extends { start: number; end: number }>(items: T[], by: number): T[] => items.map((i) => ({ ...i, start: i.start + by, end: i.end + by }));

/** Reads a rank written in a slot: digits or Chinese numerals up to 99. */
export function rankNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s.length === 1) return s === '十' ? 10 : digits[s] ?? null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digits[m[1]]! : 1) * 10 + (m[2] ? digits[m[2]]! : 0);
  return null;
}

/** Finds every claim cue of the sentence `text.slice(start, end)`. */
export function sentenceCues(text: string, start: number, end: number, lang: 'zh' | 'en', cues: CueLexicons): SentenceCues {
  const s = text.slice(start, end);
  const clauses = [start];
  for (let i = 0; i < s.length; i++) if (CLAUSE_BREAK.test(s[i]!)) clauses.push(start + i + 1);
  const templates = <E>(list: Parameters<typeof matchTemplates<E>>[0]) => matchTemplates(list, s).filter((m) => (m.entry as { lang?: string }).lang === undefined || (m.entry as { lang?: string }).lang === lang);
  return {
    metrics: shift(cues.metrics.findAll(s, lang), start),
    modality: shift(cues.modality.findAll(s, lang), start),
    growth: shift(cues.growth.findAll(s, lang), start),
    bases: shift(cues.growthBases.findAll(s, lang), start),
    magnitudes: shift(cues.magnitudes.findAll(s, lang).map((m) => ({ start: m.start, end: m.end, min: m.entry.min, max: m.entry.max, text: m.text })), start),
    rankings: shift(cues.rankings.findAll(s, lang), start),
    scopes: shift(cues.scopes.findAll(s, lang), start),
    horizons: templates(cues.horizons).map((m) => ({ start: start + m.start, end: start + m.end, years: m.slots.n ? rankNumber(m.slots.n.text) : null })),
    sources: templates(cues.sources).map((m) => ({
      start: start + m.start,
      end: start + m.end,
      slot: m.slots.source ? { start: start + m.slots.source.start, end: start + m.slots.source.end, text: m.slots.source.text } : null,
      status: m.entry.status,
    })),
    rankingPatterns: templates(cues.rankingPatterns).flatMap((m) => {
      const rank = m.slots.n ? rankNumber(m.slots.n.text) : null;
      return rank === null ? [] : [{ start: start + m.start, end: start + m.end, rank, qualifier: m.entry.qualifier, text: m.text }];
    }),
    priceBands: templates(cues.priceBands).map((m) => ({ start: start + m.start, end: start + m.end, qualifier: m.entry.qualifier, currency: m.entry.currency, text: m.text })),
    clauses,
  };
}

/** The clause index of `pos` within a sentence's clause starts. */
export function clauseIndex(clauses: readonly number[], pos: number): number {
  let c = 0;
  while (c + 1 < clauses.length && clauses[c + 1]! <= pos) c++;
  return c;
}

import type { CueLexicons, GrowthBaseEntry, GrowthEntry, MagnitudeEntry, MetricEntry, ModalityEntry, RankingEntry, ScopeEntry, TermEntry, TermMatch } from '../lexicons/cues.ts';
import { matchTemplates } from '../lexicons/cues.ts';
import { plausibleTemplates, scanLists, wordClaimStartTable, type ScanList } from './prefilter.ts';

/** The claim cues of one sentence, with offsets into the article text. */
export interface SentenceCues {
  /** business metrics (every kind but `other`) */
  metrics: TermMatch<MetricEntry>[];
  /** market-data words (metrics of kind `other`: 股价, 指数, shares): figures they govern are not claims */
  market: TermMatch<MetricEntry>[];
  modality: TermMatch<ModalityEntry>[];
  growth: TermMatch<GrowthEntry>[];
  bases: Array<{ start: number; end: number }>;
  magnitudes: Array<{ start: number; end: number; min: number; max: number; text: string }>;
  rankings: TermMatch<RankingEntry>[];
  scopes: TermMatch<ScopeEntry>[];
  /** time given to reach a target: {n} years, or until a year */
  horizons: Array<{ start: number; end: number; years: number | null; year: number | null }>;
  sources: Array<{ start: number; end: number; slot: { start: number; end: number; text: string } | null; status: 'target' | 'reported' }>;
  rankingPatterns: Array<{ start: number; end: number; rank: number; qualifier: 'exact' | 'at_most'; text: string }>;
  priceBands: Array<{ start: number; end: number; qualifier: string; currency: string; text: string }>;
  /** clause boundaries (offsets where a new clause starts) */
  clauses: number[];
}

// Clause breaks, Chinese and ASCII alike: commas, semicolons, colons and sentence ends.
const CLAUSE_BREAK = new Uint8Array(65536);
for (const ch of '，,；;：:。！？!?\n') CLAUSE_BREAK[ch.charCodeAt(0)] = 1;
const isDigit = (code: number) => code >= 48 && code <= 57;

const shift = <T extends { start: number; end: number }>(items: T[], by: number): T[] => {
  for (const i of items) {
    i.start += by;
    i.end += by;
  }
  return items;
};

/** Reads a rank written in a slot: digits or Chinese numerals up to 99. */
export function rankNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s.length === 1) return s === '十' ? 10 : digits[s] ?? null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digits[m[1]]! : 1) * 10 + (m[2] ? digits[m[2]]! : 0);
  return null;
}

/**
 * Whether a sentence can hold a claim without a written number: a ranking
 * word (冠军, largest), a vague magnitude (两位数) or a change that implies its
 * size (翻番, doubled). Sentences with neither a number nor one of these are
 * skipped before the full cue scan.
 */
export function hasWordClaim(s: string, lang: 'zh' | 'en', cues: CueLexicons): boolean {
  const all = lang === 'zh' ? undefined : 'en';
  const { rankings, magnitudes, growth } = cues;
  const starts = wordClaimStartTable(cues);
  for (let i = 0; i < s.length; i++) {
    if (starts[s.charCodeAt(i)] === 0) continue;
    if (rankings.mayStartAt(s, i) && rankings.matchAt(s, i, all)?.entry.rank != null) return true;
    if (magnitudes.mayStartAt(s, i) && magnitudes.matchAt(s, i, lang)) return true;
    if (growth.mayStartAt(s, i) && growth.matchAt(s, i, lang)?.entry.impliedValue !== undefined) return true;
  }
  return false;
}

const listsByLang = new WeakMap<CueLexicons, Record<'zh' | 'en', ScanList<TermEntry>[]>>();

/** The term lists a sentence is scanned for, in the order sentenceCues reads them. */
function termLists(cues: CueLexicons, lang: 'zh' | 'en'): ScanList<TermEntry>[] {
  let lists = listsByLang.get(cues);
  if (!lists) {
    const make = (l: 'zh' | 'en'): ScanList<TermEntry>[] => {
      // Chinese copy borrows English metric, ranking and scope words (GMV, Top 2, Android); English copy never holds Chinese ones.
      const borrowed = l === 'zh' ? undefined : 'en';
      return [
        { index: cues.metrics, lang: borrowed }, { index: cues.modality, lang: l }, { index: cues.growth, lang: l }, { index: cues.growthBases, lang: l },
        { index: cues.magnitudes, lang: l }, { index: cues.rankings, lang: borrowed }, { index: cues.scopes, lang: borrowed },
      ];
    };
    lists = { zh: make('zh'), en: make('en') };
    listsByLang.set(cues, lists);
  }
  return lists[lang];
}

type WithLang = { lang?: string };

/** Matches of the templates of `list` in `s`; templates whose key word is not in the sentence are not tried. */
function templateHits<E>(list: Parameters<typeof matchTemplates<E>>[0], s: string, lower: string, lang: 'zh' | 'en' | undefined) {
  const hits = matchTemplates(plausibleTemplates(list, lower), s);
  return lang === undefined ? hits : hits.filter((m) => (m.entry as WithLang).lang === undefined || (m.entry as WithLang).lang === lang);
}

/**
 * Finds the claim cues of the sentence `text.slice(start, end)`. Horizons and
 * sources, which matter only once the sentence holds a claim and whose
 * templates are the costliest, are left empty for {@link addLateCues}.
 */
export function sentenceCues(text: string, start: number, end: number, lang: 'zh' | 'en', cues: CueLexicons): SentenceCues {
  const s = text.slice(start, end);
  const clauses = [start];
  for (let i = 0; i < s.length; i++) {
    // a comma between digits groups thousands ($7,500; 1,100.9亿): it ends no clause
    const code = s.charCodeAt(i);
    if (CLAUSE_BREAK[code] === 1 && !((code === 44 || code === 0xff0c) && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)))) clauses.push(start + i + 1);
  }
  const lower = s.toLowerCase();
  const [metricHits, modality, growth, bases, magnitudes, rankings, scopes] = scanLists(termLists(cues, lang), s).map((hits) => shift(hits, start));
  const metrics = metricHits as TermMatch<MetricEntry>[];
  const rankingPatterns: SentenceCues['rankingPatterns'] = [];
  // Top 2 and No.1 are written in Chinese copy too
  for (const m of templateHits(cues.rankingPatterns, s, lower, lang === 'zh' ? undefined : lang)) {
    const rank = m.slots.n ? rankNumber(m.slots.n.text) : null;
    if (rank !== null) rankingPatterns.push({ start: start + m.start, end: start + m.end, rank, qualifier: m.entry.qualifier, text: m.text });
  }
  return {
    metrics: metrics.filter((m) => m.entry.kind !== 'other'),
    market: metrics.filter((m) => m.entry.kind === 'other'),
    modality: modality as TermMatch<ModalityEntry>[],
    // a change word inside a metric's name (增长率, make up) belongs to the metric
    growth: (growth as TermMatch<GrowthEntry>[]).filter((g) => !metrics.some((m) => m.start < g.end && g.start < m.end)),
    bases: bases as TermMatch<GrowthBaseEntry>[],
    magnitudes: (magnitudes as TermMatch<MagnitudeEntry>[]).map((m) => ({ start: m.start, end: m.end, min: m.entry.min, max: m.entry.max, text: m.text })),
    rankings: rankings as TermMatch<RankingEntry>[],
    scopes: scopes as TermMatch<ScopeEntry>[],
    horizons: [],
    sources: [],
    rankingPatterns,
    priceBands: templateHits(cues.priceBands, s, lower, lang).map((m) => ({ start: start + m.start, end: start + m.end, qualifier: m.entry.qualifier, currency: m.entry.currency, text: m.text })),
    clauses,
  };
}

/** Fills the horizons and sources of cues found by {@link sentenceCues}. */
export function addLateCues(c: SentenceCues, text: string, start: number, end: number, lang: 'zh' | 'en', cues: CueLexicons): void {
  const s = text.slice(start, end);
  const lower = s.toLowerCase();
  c.horizons = templateHits(cues.horizons, s, lower, lang).map((m) => ({ start: start + m.start, end: start + m.end, years: m.slots.n ? rankNumber(m.slots.n.text) : null, year: m.slots.year ? Number(m.slots.year.text) : null }));
  c.sources = templateHits(cues.sources, s, lower, lang).map((m) => ({
    start: start + m.start,
    end: start + m.end,
    slot: m.slots.source ? { start: start + m.slots.source.start, end: start + m.slots.source.end, text: m.slots.source.text } : null,
    status: m.entry.status,
  }));
}

/** The clause index of `pos` within a sentence's clause starts. */
export function clauseIndex(clauses: readonly number[], pos: number): number {
  let c = 0;
  while (c + 1 < clauses.length && clauses[c + 1]! <= pos) c++;
  return c;
}

/** The start and end of the clause that holds `pos`. */
export function clauseAt(c: SentenceCues, pos: number, sentenceEnd: number): { start: number; end: number } {
  const i = clauseIndex(c.clauses, pos);
  return { start: c.clauses[i]!, end: c.clauses[i + 1] ?? sentenceEnd };
}

/** The last item that ends at or before `pos` and starts at or after `floor`. */
export function nearestBefore<T extends { start: number; end: number }>(items: readonly T[], pos: number, floor: number): T | null {
  let best: T | null = null;
  for (const i of items) if (i.end <= pos && i.start >= floor && (!best || i.end > best.end)) best = i;
  return best;
}

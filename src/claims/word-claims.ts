/**
 * Claims whose value is a word, not a figure: ranks (排名第三, 销量冠军, Top 2,
 * world's second-largest), vague magnitudes (两位数的增长) and changes that
 * state their own size (翻番, doubled).
 */
import { clauseAt, nearestBefore } from './cues.ts';
import { taken, type Draft, type View } from './view.ts';

interface Rank {
  start: number;
  end: number;
  rank: number;
  qualifier: 'exact' | 'at_most';
  text: string;
  /** a bare ordinal (第三, 前五) reads as a rank only with a ranking word, a metric or a scope before it */
  needsContext: boolean;
}

// 分列三四五名, 分别位列第二、三位: one span ranks several subjects in turn; its first rank goes to the first subject.
const DISTRIBUTIVE = /(?:分列|分居|分别位列|分别位居|分别排在|分别排名)第?([一二三四五六七八九十])[一二三四五六七八九十、]{1,8}[名位]/g;
const ZH_DIGITS = '一二三四五六七八九十';
// What may stand between two words of a ranking phrase (市场占有率排名第三, 全球动力电池市场的头把交椅, 销量榜Top 2).
const ZH_CHAIN_GAP = /^[\s\u3000的了在是为居列排于到至仍继续再次首次持续长期稳定均也都同样位榜中]{0,4}$/;
// A verb right before a bare ordinal makes it a rank: 仍是第一, 成为第二, 升至第二, 掉到了第4位, 位于第三.
const ZH_RANK_VERB = /(?:是|为|居|列|到|至|于|升|降|排|占据|获得?|夺得?|拿下|重回|保持|处于)了?[\s\u3000]*$/;
// A word that announces a rank may have its field between (位居细分市场第一, 排名全球第三).
const ZH_FIELD = /^[\u4e00-\u9fffA-Za-z\s]{0,6}$/;

function candidates(v: View): Rank[] {
  const { cues, text } = v;
  const found: Rank[] = [];
  const s = text.slice(v.start, v.end);
  for (const m of s.matchAll(DISTRIBUTIVE)) {
    found.push({ start: v.start + m.index, end: v.start + m.index + m[0].length, rank: ZH_DIGITS.indexOf(m[1]!) + 1, qualifier: 'exact', text: m[0], needsContext: false });
  }
  for (const p of cues.rankingPatterns) {
    // 第5名成员, 第一位员工: an ordinal of people counts members, it ranks nothing
    const next = text.slice(p.end, p.end + 1);
    const counting = /[名位]$/.test(p.text) && /^[\u4e00-\u9fff]/.test(next) && !/^[的之和与及]/.test(next);
    const bare = (/^(?:第|前|\d|[一二三四五六七八九十百千])/.test(p.text) && !/名$/.test(p.text)) || counting;
    found.push({ ...p, needsContext: bare || (v.lang === 'zh' && /^[A-Za-z]/.test(p.text)) });
  }
  // No.2 written without a space: the recognizer reads it as an ordinal, the ranking template does not
  for (const f of v.figures) {
    if (f.kind === 'ordinal' && /^no\.\s*\d+$/i.test(f.text)) found.push({ start: f.start, end: f.end, rank: f.value, qualifier: 'exact', text: f.text, needsContext: v.lang === 'zh' });
  }
  for (const r of cues.rankings) {
    if (r.entry.rank === null || r.entry.cueOnly) continue;
    // topped $200 billion, 超过100万台: a ranking word before a figure compares amounts
    if (v.figures.some((f) => f.start >= r.end && f.start - r.end <= 2 && f.kind !== 'ordinal')) continue;
    // its biggest market, the firm's largest office: a bare superlative ranks only within a named scope (world's, China's)
    const bare = (/^(?:第|前)/.test(r.text) && !/名$/.test(r.text)) || /^(?:largest|biggest)$/i.test(r.text);
    found.push({ start: r.start, end: r.end, rank: r.entry.rank, qualifier: r.entry.qualifier === 'at_most' ? 'at_most' : 'exact', text: r.text, needsContext: bare });
  }
  // longest first where candidates overlap (第一名 over 第一)
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Rank[] = [];
  for (const r of found) if (kept.length === 0 || kept.at(-1)!.end <= r.start) kept.push(r);
  return kept;
}

/** Ranking claims of the sentence that no other claim of it holds. */
export function rankingDrafts(v: View): Draft[] {
  const { cues, text } = v;
  const found = candidates(v);
  if (found.length === 0) return [];
  const context = [...cues.metrics, ...cues.scopes, ...cues.rankings.filter((r) => r.entry.cueOnly)].sort((a, b) => a.start - b.start);
  const out: Draft[] = [];
  for (const r of found) {
    if (taken(v, r)) continue;
    const clause = clauseAt(cues, r.start, v.end);
    // walk back over the words that make this a rank of something: 市场占有率 + 排名 + 第三
    let from = r.start;
    for (;;) {
      const x = nearestBefore(context, from, clause.start);
      if (!x || taken(v, x)) break;
      const gap = text.slice(x.end, from);
      const announces = 'cueOnly' in x.entry && x.entry.cueOnly === true && from === r.start;
      if (v.lang === 'zh' ? !ZH_CHAIN_GAP.test(gap) && !(announces && ZH_FIELD.test(gap)) : !/^[\s]*(?:['’]s\s+|\s*(?:[A-Za-z-]+\s+){0,2})?$/.test(gap)) break;
      from = x.start;
    }
    const prev = out.at(-1);
    const listed = prev !== undefined && /^[\s\u3000]*[、和及与,，]?[\s\u3000]*$/.test(text.slice(prev.end, r.start)) && r.start - prev.end <= 2;
    const verb = v.lang === 'zh' && ZH_RANK_VERB.test(text.slice(clause.start, r.start));
    if (r.needsContext && from === r.start && !listed && !verb) continue; // 第一，… is a list marker
    // the metric is the one the ranking phrase names (安卓销量冠军), else the clause's
    out.push({ kind: 'ranking', start: from, end: r.end, core: r.start, value: r.rank, valueMax: null, qualifier: r.qualifier, unit: 'rank', metric: metricOf(v, r.end, from === r.start ? clause.start : from) });
  }
  return out;
}

function metricOf(v: View, pos: number, floor: number): string | null {
  const m = nearestBefore(v.cues.metrics, pos, floor);
  return m ? v.text.slice(m.start, m.end) : null;
}

/** 两位数的增长, double-digit quarterly growth: a range of percentages. */
export function magnitudeDrafts(v: View): Draft[] {
  const out: Draft[] = [];
  for (const m of v.cues.magnitudes) {
    const g = v.cues.growth.find((x) => x.start >= m.end && (v.lang === 'zh' ? /^[\s的]{0,3}$/ : /^[\s-]+(?:[A-Za-z]+\s+)?$/).test(v.text.slice(m.end, x.start)));
    if (!g) continue;
    out.push({ kind: 'growth', start: m.start, end: g.end, core: m.start, value: m.min * g.entry.sign, valueMax: m.max * g.entry.sign, qualifier: 'range', unit: '%', metric: null });
  }
  return out;
}

/** 较去年同期翻番, nearly doubled, aims to double sales: a change that states its own size. */
export function impliedGrowthDrafts(v: View): Draft[] {
  const out: Draft[] = [];
  for (const g of v.cues.growth) {
    if (g.entry.impliedValue === undefined) continue;
    // a figure right after gives the size itself (翻了1.5倍)
    if (v.figures.some((f) => f.start >= g.end && f.start - g.end <= 3)) continue;
    // the bare verb needs its object (double sales, double its dividend yield); “double down on” is an idiom
    if (/^double$/i.test(g.text) && !v.cues.metrics.some((m) => m.start >= g.end && /^\s+(?:(?:its|their|the|annual)\s+)?$/i.test(v.text.slice(g.end, m.start)))) continue;
    const clause = clauseAt(v.cues, g.start, v.end);
    const base = nearestBefore(v.cues.bases, g.start, clause.start);
    const hedge = (v.lang === 'zh' ? /(?:近|接近|将近|几乎)$/ : /\b(?:nearly|almost|roughly|about)\s+$/i).exec(v.text.slice(clause.start, g.start));
    let start = g.start;
    if (hedge) start -= hedge[0].length;
    if (base && start - base.end <= 3) start = base.start;
    out.push({ kind: 'growth', start, end: g.end, core: g.start, value: g.entry.impliedValue, valueMax: null, qualifier: hedge ? 'about' : 'exact', unit: '%', metric: metricOf(v, g.start, clause.start) });
  }
  return out;
}

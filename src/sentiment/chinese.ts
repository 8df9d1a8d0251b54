import type { LexiconMatch, SentimentLexicon } from '../lexicons/sentiment.ts';
import { contrastFactor, round, type ContrastMark, type RawScore, type ScoredItem } from './score.ts';

export { squash, type RawScore, type ScoredItem } from './score.ts';

// How far a degree adverb reaches, and how far a metric reaches to its movement word (characters).
const DEGREE_REACH = 4;
const METRIC_REACH = 6;
// How far a rise reaches to a later slowing in its clause (增长或在明年经历放缓).
const SLOWING_REACH = 20;
// Particles that make a clause after 而 additive: 而…也 is "and … too", not "whereas".
const ADDITIVE = /也|亦|同样/;
// No single term outweighs the strongest lexicon entry, however many modifiers stack on it.
const MAX_WEIGHT = 3;

/**
 * Scores a Chinese sentence `text.slice(start, end)` with the sentiment
 * lexicons: polarity terms, flipped by negators in scope (an even number of
 * negators cancels), scaled by degree adverbs; a metric followed by a
 * movement (亏损收窄, 成本上升) scores by the metric's direction, and a rise
 * followed by a slowing (增长…放缓) reads as the growth slowing; text after
 * an adversative (但, 而) weighs more and text before it less; hedges and
 * rhetorical questions lower confidence, never flip polarity.
 */
export function scoreChinese(text: string, start: number, end: number, lexicon: SentimentLexicon): RawScore {
  const sentence = text.slice(start, end);
  const matches = lexicon.scan(sentence);
  const clauses = [0];
  for (let i = 0; i < sentence.length; i++) if (lexicon.clauseBreaks.has(sentence[i]!) && i + 1 < sentence.length) clauses.push(i + 1);
  const clauseOf = (pos: number) => {
    let c = 0;
    while (c + 1 < clauses.length && clauses[c + 1]! <= pos) c++;
    return c;
  };
  const clauseEnd = (pos: number) => clauses[clauseOf(pos) + 1] ?? sentence.length;

  const items: Array<ScoredItem & { local: number }> = [];
  let negations: Array<{ until: number; clause: number }> = [];
  let degree: { at: number; multiplier: number; clause: number } | null = null;
  let confidence = 1;
  const contrasts: ContrastMark[] = [];
  const used = new Set<LexiconMatch>();

  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const clause = clauseOf(m.start);
    if (m.hedge) confidence = Math.min(confidence, m.hedge.confidenceMultiplier);
    // 而 with 也/亦/同样 in its clause adds rather than contrasts (小米份额下降，而OPPO的份额也下降).
    const additive = m.contrast?.type === 'adversative' && m.term === '而' && ADDITIVE.test(sentence.slice(m.end, clauseEnd(m.start)));
    if (m.contrast && !additive) {
      const entry = m.contrast;
      // A concession runs to the end of its clause, or to an adversative (虽然…但…) if one comes first.
      let adversative: LexiconMatch | undefined;
      for (let j = k + 1; j < matches.length && !adversative; j++) if (matches[j]!.contrast?.type === 'adversative') adversative = matches[j];
      const concededEnd = Math.min(clauseEnd(m.start), adversative?.start ?? sentence.length);
      contrasts.push({ type: entry.type, at: m.start, concededEnd, afterWeight: entry.afterWeight, beforeWeight: entry.beforeWeight });
    }
    if (m.negator) {
      negations.push({ until: m.end + m.negator.scope, clause });
      continue;
    }
    if (m.degree) {
      degree = { at: m.end, multiplier: m.degree.multiplier, clause };
      continue;
    }
    if (used.has(m)) continue;
    let weight = 0;
    let itemEnd = m.end;
    const sameClauseAfter = (n: LexiconMatch) => clauseOf(n.start) === clause;
    // A rise followed in its clause by a fall or slowdown is the growth slowing (出货量增长或在明年经历放缓):
    // the fall is what moves, unless another metric or a contrast comes between.
    const slowingAfter = (from: number, rise: LexiconMatch) => {
      for (let j = from + 1; j < matches.length; j++) {
        const n = matches[j]!;
        if (n.metric || n.contrast || !sameClauseAfter(n) || n.start - rise.end > SLOWING_REACH) return undefined;
        if (n.movement?.movement === 'down') return n;
      }
      return undefined;
    };
    // A metric and the movement that follows it read by the metric's direction: 亏损收窄 is good news.
    if (m.metric && m.metric.direction !== 'context-dependent') {
      let at = k + 1;
      while (at < matches.length && matches[at]!.start - m.end <= METRIC_REACH && !(matches[at]!.movement && sameClauseAfter(matches[at]!))) at++;
      let next = at < matches.length && matches[at]!.start - m.end <= METRIC_REACH ? matches[at] : undefined;
      if (next?.movement?.movement === 'up') {
        const slowing = slowingAfter(at, next);
        if (slowing) { used.add(next); next = slowing; }
      }
      if (next?.movement) {
        const sign = (next.movement.movement === 'up' ? 1 : -1) * (m.metric.direction === 'higher-is-better' ? 1 : -1);
        weight = sign * (next.movement.intensity ?? 1);
        itemEnd = next.end;
        used.add(next);
      }
    }
    // A growth word on its own (增长…放缓) is a good metric that falls.
    if (weight === 0 && m.movement?.movement === 'up' && (m.polarity?.weight ?? 0) > 0) {
      const slowing = slowingAfter(k, m);
      if (slowing?.movement) {
        weight = -(slowing.movement.intensity ?? 1);
        itemEnd = slowing.end;
        used.add(slowing);
      }
    }
    if (weight === 0 && m.polarity) weight = m.polarity.weight;
    if (weight === 0) continue;
    if (degree && degree.clause === clause && m.start - degree.at <= DEGREE_REACH) weight *= degree.multiplier;
    degree = null;
    const active = negations.filter((n) => n.clause === clause && m.start < n.until);
    if (active.length % 2 === 1) weight = -weight;
    negations = [];
    items.push({ text: text.slice(start + m.start, start + itemEnd), start: start + m.start, end: start + itemEnd, weight, clause, local: m.start });
  }

  for (const item of items) {
    const w = item.weight * contrastFactor(item.local, contrasts);
    item.weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, w));
  }
  const raw = items.reduce((sum, i) => sum + i.weight, 0);
  return {
    raw: round(raw),
    confidence,
    items: items.map(({ local: _local, ...item }) => ({ ...item, weight: round(item.weight) })),
    clauses: clauses.map((c) => start + c),
  };
}

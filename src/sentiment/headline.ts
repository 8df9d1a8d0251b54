import type { Entity } from '../doc/types.ts';
import type { SentimentLexicon } from '../lexicons/sentiment.ts';
import type { MentionRef } from './targets.ts';

/** Mentions of each entity in the title, found by the texts it is mentioned by in the body. */
export function titleMentions(title: string, entities: readonly Entity[]): MentionRef[] {
  const found: MentionRef[] = [];
  for (const e of entities) {
    for (const form of new Set([e.name, ...e.mentions.map((m) => m.text)])) {
      for (let at = title.indexOf(form); form && at >= 0; at = title.indexOf(form, at + form.length)) found.push({ start: at, end: at + form.length, id: e.id });
    }
  }
  // Longest first at each place, no overlaps (小米集团 over 小米).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((m, i) => !found.slice(0, i).some((n) => n.start < m.end && m.start < n.end));
}

/**
 * How much a Chinese headline's hedge or question (能否持久？, 或将…) lowers
 * confidence in the whole article. The question word says what kind of
 * question it is: 能否/吗 doubt, 为什么/如何 explain (为什么华为仍然自信？
 * is no doubt about Huawei), so the bare question mark counts only when no
 * question word does.
 */
export function headlineDoubt(title: string, lexicon: SentimentLexicon): number {
  const hedges = lexicon.scan(title).filter((m) => m.hedge);
  const words = hedges.filter((m) => !/^[？?]$/.test(m.term));
  const counted = words.some((m) => m.hedge!.type === 'question') ? words : hedges;
  return Math.min(1, ...counted.map((m) => m.hedge!.confidenceMultiplier));
}


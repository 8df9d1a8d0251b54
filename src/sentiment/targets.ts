import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';

/** An entity mention, in text offsets. */
export interface MentionRef {
  start: number;
  end: number;
  id: string;
}

// Clause breaks for targeting. 、 is not one: 华为、荣耀最亮眼 praises both.
const ZH_BREAK = /[，,；;：:！!？?。\n]/g;
const EN_BREAK = /[;:()!?]|,(?!\s*(?:and|or)\s)|\s[-–—]\s/g;
// What joins two mentions into one list (华为、荣耀; Apple and Samsung): the list shares what is said of it.
const ZH_COORDINATION = /^\s*(?:、|和|与|及|以及|跟|同)\s*$/;
const EN_COORDINATION = /^\s*(?:,|and|&|or|,\s*and)\s*$/i;
// A mention right after one of these is not the subject of its clause (根据IDC…; 受苹果影响; according to IDC).
const ZH_NOT_SUBJECT = /(?:根据|依据|按照|据|受|相比|相较于?|较|比|对于?|向|给|来自|除了?)\s*$/;
const EN_NOT_SUBJECT = /\b(?:according to|than|from|by|of|with|against|said|says)\s*$/i;

/** Start offsets (in the text) of the clauses of `text.slice(start, end)`, for targeting. */
export function targetClauses(text: string, start: number, end: number, language: string): number[] {
  const starts = [start];
  const pattern = language === 'en' ? EN_BREAK : ZH_BREAK;
  for (const m of text.slice(start, end).matchAll(pattern)) {
    const at = start + m.index + m[0].length;
    if (at < end) starts.push(at);
  }
  return starts;
}

// 被 governs a verb at most this many characters on, with the agent between them (宁德时代被松下与LG能源反超).
const PASSIVE_REACH = 15;

interface RivalRules {
  defeat: ReadonlySet<string>;
  objectReach: Record<string, number>;
  passive: Record<string, readonly string[]>;
}
let rivals: RivalRules | null = null;

/** lexicons/sentiment/targets.json: verbs of winning over a rival, checked at load. */
function rivalRules(): RivalRules {
  if (!rivals) {
    const file = 'lexicons/sentiment/targets.json';
    const data = JSON.parse(readFileSync(projectPath(file), 'utf8')) as Record<string, unknown>;
    const defeat = data.defeat;
    const reach = data.objectReach as Record<string, unknown> | undefined;
    const passive = data.passive as Record<string, unknown> | undefined;
    const words = (v: unknown) => Array.isArray(v) && v.every((w) => typeof w === 'string' && w.trim() === w && w !== '');
    const problems = [
      !words(defeat) && '`defeat` must be an array of words',
      !(reach && typeof reach.zh === 'number' && typeof reach.en === 'number') && '`objectReach` must give a number of characters for zh and en',
      !(passive && words(passive.zh) && words(passive.en)) && '`passive` must list words for zh and en',
    ].filter(Boolean);
    if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
    rivals = { defeat: new Set((defeat as string[]).map((w) => w.toLowerCase())), objectReach: reach as Record<string, number>, passive: passive as Record<string, string[]> };
  }
  return rivals;
}

/** Who each item is about: the entities it credits, and the rivals it counts against (X击败Y: Y). */
export interface Targets {
  owners: string[];
  rivals: string[];
}

/**
 * Which entities each item (a span of evidence) is about, reading Chinese
 * and English news the way topic chains work:
 * - the mention nearest before the item in its clause (苹果份额下滑而小米逆势增长:
 *   the fall is Apple's, the growth Xiaomi's), with any mentions listed
 *   together with it (华为、荣耀最亮眼);
 * - else the subject — first mention, not counting one governed by a
 *   preposition (根据IDC, according to IDC) — of the nearest earlier clause
 *   that has one, since a clause without a subject continues the last one
 *   (小米超越苹果，成为全球第一: first place is Xiaomi's);
 * - else the first mention in the same or the next clause (受疫情影响，小米出货量下滑);
 * - else none: the caller decides (the previous sentence's subject, or nobody).
 * `mentions` are this sentence's, sorted by start.
 */
export function targetItems(
  items: ReadonlyArray<{ start: number; end: number }>,
  mentions: readonly MentionRef[],
  clauses: readonly number[],
  text: string,
  language: string,
): Targets[] {
  const clauseOf = (pos: number) => {
    let c = 0;
    while (c + 1 < clauses.length && clauses[c + 1]! <= pos) c++;
    return c;
  };
  const coordination = language === 'en' ? EN_COORDINATION : ZH_COORDINATION;
  const notSubject = language === 'en' ? EN_NOT_SUBJECT : ZH_NOT_SUBJECT;
  const subjectOf = (c: number) => {
    const inClause = mentions.map((m, k) => k).filter((k) => clauseOf(mentions[k]!.start) === c);
    return inClause.find((k) => !notSubject.test(text.slice(clauses[c]!, mentions[k]!.start))) ?? -1;
  };
  // The list a mention belongs to: neighbours joined by 、/和/and, the same clause, no other words between.
  const withList = (k: number): string[] => {
    const ids = [mentions[k]!.id];
    for (let j = k; j > 0 && coordination.test(text.slice(mentions[j - 1]!.end, mentions[j]!.start)); j--) ids.push(mentions[j - 1]!.id);
    for (let j = k; j + 1 < mentions.length && coordination.test(text.slice(mentions[j]!.end, mentions[j + 1]!.start)); j++) ids.push(mentions[j + 1]!.id);
    return [...new Set(ids)];
  };
  const lang = language === 'en' ? 'en' : 'zh';
  const rules = rivalRules();
  return items.map((item) => {
    const owners = ownersOf(item);
    const verb = text.slice(item.start, item.end).toLowerCase();
    if (!rules.defeat.has(verb)) return { owners, rivals: [] };
    // The loser of a verb of winning: its object, or with a passive (X被Y反超, X was overtaken by Y) the one before it.
    const clause = clauseOf(item.start);
    const passiveAt = lang === 'zh'
      ? Math.max(-1, ...rules.passive.zh!.map((p) => text.lastIndexOf(p, item.start - 1))
        .filter((at) => at >= clauses[clause]! && item.start - at <= PASSIVE_REACH && mentions.some((m) => m.start > at && m.end <= item.start)))
      : -1;
    const byAgent = lang === 'en' ? new RegExp(`^\\s+(?:${rules.passive.en!.join('|')})\\s`, 'i').test(text.slice(item.end, item.end + 5)) : false;
    if (passiveAt >= 0 || byAgent) {
      const before = mentions.filter((m) => m.end <= (passiveAt >= 0 ? passiveAt : item.start) && clauseOf(m.start) === clause);
      const after = mentions.find((m) => m.start >= item.end && m.start - item.end <= rules.objectReach[lang]! && clauseOf(m.start) === clause);
      const patient = before.at(-1)?.id;
      if (!patient) return { owners, rivals: [] };
      // In English the agent follows "by"; in Chinese it stands between 被 and the verb, where the nearest-before rule finds it.
      return { owners: byAgent ? (after ? [after.id] : []) : owners.filter((id) => id !== patient), rivals: [patient] };
    }
    const object = mentions.findIndex((m) => m.start >= item.end && m.start - item.end <= rules.objectReach[lang]! && clauseOf(m.start) === clause);
    return { owners, rivals: object >= 0 ? withList(object).filter((id) => !owners.includes(id)) : [] };
  });

  function ownersOf(item: { start: number; end: number }): string[] {
    const clause = clauseOf(item.start);
    let nearest = -1;
    for (let k = 0; k < mentions.length && mentions[k]!.start <= item.start; k++) if (clauseOf(mentions[k]!.start) === clause && mentions[k]!.end <= item.end) nearest = k;
    if (nearest >= 0) return withList(nearest);
    for (let c = clause - 1; c >= 0; c--) {
      const subject = subjectOf(c);
      if (subject >= 0) return withList(subject);
    }
    // Only as far as the next clause: a speaker named at the end of a long sentence is not what it is about.
    const after = mentions.findIndex((m) => m.start >= item.end && clauseOf(m.start) <= clause + 1);
    return after >= 0 ? withList(after) : [];
  }
}

/**
 * Longest-match lookup over every sentiment lexicon string at once. Case,
 * word edges, bucketing and the greedy scan follow the conventions shared
 * with the cue lexicons (../term-match.ts). Guards here compare exactly:
 * `notFollowedBy` / `notPrecededBy` veto a role when one of their strings
 * stands right after / before the match (不 in 不断, 略 in 战略, 而 in 从而).
 */
import { bucketByFirstChar, candidatesAt, cutsAsciiWord, matchesHere, scanLongest, sortLongestFirst } from '../term-match.ts';
import type { Guards, LexiconMatch, LexiconRole, LexiconRoles, SentimentLexicon } from './types.ts';

/** One lexicon string with every role it plays. */
export type IndexedRecord = LexiconRoles & { term: string };

/** Give `target` one role, keeping the entry's type tied to the role's. */
export function setRole<K extends LexiconRole>(target: LexiconRoles, role: K, entry: LexiconRoles[K]): void {
  target[role] = entry;
}

function guardsAllow(guards: Guards, text: string, start: number, end: number): boolean {
  if (guards.notFollowedBy?.some((s) => text.startsWith(s, end))) return false;
  if (guards.notPrecededBy?.some((s) => s.length <= start && text.startsWith(s, start - s.length))) return false;
  return true;
}

/** The roles of `record` whose guards allow a match at [start, end), or null when none does. */
function allowedRoles(record: IndexedRecord, text: string, start: number, end: number): LexiconMatch | null {
  if (cutsAsciiWord(record.term, text, start, end)) return null;
  const match: LexiconMatch = { term: text.slice(start, end), start, end };
  let any = false;
  for (const role of ['polarity', 'negator', 'degree', 'contrast', 'hedge', 'movement'] as const) {
    const entry = record[role];
    if (entry && guardsAllow(entry, text, start, end)) { setRole(match, role, entry); any = true; }
  }
  // Metric entries carry no guards (the schema allows none), so a metric always counts.
  if (record.metric) { match.metric = record.metric; any = true; }
  return any ? match : null;
}

/** `record` found at `i` with its allowed roles, or null. */
function matchRecord(record: IndexedRecord, text: string, i: number): LexiconMatch | null {
  return matchesHere(record.term, text, i) ? allowedRoles(record, text, i, i + record.term.length) : null;
}

/** The index and the three lookups of a {@link SentimentLexicon}, built over every string's record. */
export function buildMatcher(records: ReadonlyMap<string, IndexedRecord>): Pick<SentimentLexicon, 'index' | 'matchAt' | 'matchesAt' | 'scan'> {
  const termOf = (record: IndexedRecord): string => record.term;
  const index = bucketByFirstChar(sortLongestFirst(records.values(), termOf), termOf);
  const matchesAt = (text: string, i: number): LexiconMatch[] => {
    const found: LexiconMatch[] = [];
    for (const record of candidatesAt(index, text, i)) {
      const match = matchRecord(record, text, i);
      if (match) found.push(match);
    }
    return found;
  };
  const matchAt = (text: string, i: number): LexiconMatch | null => {
    for (const record of candidatesAt(index, text, i)) {
      const match = matchRecord(record, text, i);
      if (match) return match;
    }
    return null;
  };
  const scan = (text: string): LexiconMatch[] => scanLongest(text, matchAt);
  return { index, matchAt, matchesAt, scan };
}

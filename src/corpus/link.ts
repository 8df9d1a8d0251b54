/**
 * The corpus pass: what can only be known with every article in hand.
 * Near-duplicates get `duplicateOf`; claims that other independent articles
 * restate get `firstSeen` and `restatedIn`; restatements and contradictions
 * go to summary.json. Articles are added one at a time (streamed from the
 * shards), `finish` links them, and `apply` annotates each article as it is
 * written. Only fingerprints and compact claim keys are kept in memory.
 */
import type { Article } from '../doc/types.ts';
import { ClaimIndex, type ClaimLinks, type ClaimRef, type Contradiction, type Restatement } from './claims-index.ts';
import { DuplicateIndex, fingerprint } from './duplicates.ts';

/** Entries of each list kept in summary.json (the links stay on every claim in articles.jsonl). */
export const SUMMARY_LIMIT = 1000;
/** Claims listed per restatement or stated value in summary.json. */
export const MEMBERS_LIMIT = 50;

/** A claim in summary.json: the article's id and the claim's index in its `claims`. */
export interface ClaimPointer {
  article: string;
  claim: number;
}

export interface RestatementSummary extends Omit<Restatement, 'members'> {
  /** the independent statements, first-seen order (at most MEMBERS_LIMIT) */
  claims: ClaimPointer[];
}

export interface ContradictionSummary extends Omit<Contradiction, 'values'> {
  values: Array<Omit<Contradiction['values'][number], 'members'> & { articles: number; claims: ClaimPointer[] }>;
}

export interface CorpusLinks {
  duplicates: number;
  restatements: { total: number; list: RestatementSummary[] };
  contradictions: { total: number; list: ContradictionSummary[] };
}

export class CorpusLinker {
  private readonly duplicateIndex = new DuplicateIndex();
  private readonly claimIndex = new ClaimIndex();
  private duplicates: Map<string, string> | null = null;

  /** Adds one article (its final id); order does not matter. */
  add(a: Pick<Article, 'id' | 'publishedAt' | 'text' | 'claims'> & { fingerprint?: string }): void {
    this.duplicateIndex.add({ id: a.id, publishedAt: a.publishedAt, fingerprint: a.fingerprint ?? fingerprint(a.text), length: a.text.length });
    this.claimIndex.add(a.id, a.publishedAt, a.claims);
  }

  /**
   * Gives every article added so far its final id: a reduce adds articles as
   * it first meets them, before it knows which ids it must make unique.
   */
  renameAll(rename: (id: string) => string): void {
    this.duplicateIndex.renameAll(rename);
    this.claimIndex.renameAll(rename);
  }

  /** Links everything added; call once, before `apply`. */
  finish(): CorpusLinks {
    this.duplicates = this.duplicateIndex.finish();
    this.claimIndex.setDuplicates(this.duplicates);
    return summarize(this.claimIndex.finish(), this.duplicates.size);
  }

  /** Sets `duplicateOf` and the claims' `firstSeen` / `restatedIn` on one article; true when it changed. */
  apply(a: Article): boolean {
    if (!this.duplicates) throw new Error('CorpusLinker.apply before finish');
    let changed = false;
    const original = this.duplicates.get(a.id);
    if (original !== undefined) {
      a.duplicateOf = original;
      changed = true;
    }
    a.claims.forEach((c, i) => {
      const link = this.claimIndex.linkFor(a.id, i);
      if (!link) return;
      c.firstSeen = link.firstSeen;
      c.restatedIn = link.restatedIn;
      changed = true;
    });
    return changed;
  }
}

const pointer = (r: ClaimRef): ClaimPointer => ({ article: r.article, claim: r.claim });

function summarize(links: ClaimLinks, duplicates: number): CorpusLinks {
  // the most widely restated first; ties keep the index's (first-seen) order
  const restatements = links.restatements
    .map((r, order) => ({ r, order }))
    .sort((a, b) => b.r.articles - a.r.articles || a.order - b.order)
    .slice(0, SUMMARY_LIMIT)
    .map(({ r: { members, ...rest } }) => ({ ...rest, claims: members.filter((m) => !m.duplicateOf).slice(0, MEMBERS_LIMIT).map(pointer) }));
  const contradictions = links.contradictions.slice(0, SUMMARY_LIMIT).map(({ values, ...rest }) => ({
    ...rest,
    values: values.map(({ members, ...v }) => ({ ...v, articles: new Set(members.map((m) => m.article)).size, claims: members.slice(0, MEMBERS_LIMIT).map(pointer) })),
  }));
  return {
    duplicates,
    restatements: { total: links.restatements.length, list: restatements },
    contradictions: { total: links.contradictions.length, list: contradictions },
  };
}

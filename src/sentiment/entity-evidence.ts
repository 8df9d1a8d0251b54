import type { Entity } from '../doc/types.ts';
import type { Targets } from './targets.ts';

/** The positive and negative evidence credited to one entity. */
export interface Tally {
  positive: number;
  negative: number;
}

/**
 * The entities evidence can be about, by mention id: companies, people and
 * organisations as themselves, a product as the company it belongs to (小米12
 * 迎来开门红 is good news for Xiaomi); places are settings, not targets.
 */
export function targetableIds(entities: readonly Entity[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const e of entities) {
    if (e.type === 'company' || e.type === 'person' || e.type === 'organization') ids.set(e.id, e.id);
    else if (e.type === 'product' && e.org) ids.set(e.id, e.org);
  }
  return ids;
}

/** Adds an item's weight to the entities it is about, and takes it from the rivals it counts against. */
export function credit(acc: Map<string, Tally>, targets: Targets, weight: number, trace?: (id: string, weight: number) => void): void {
  const add = (id: string, w: number) => {
    trace?.(id, w);
    const a: Tally = acc.get(id) ?? { positive: 0, negative: 0 };
    if (w > 0) a.positive += w;
    else a.negative -= w;
    acc.set(id, a);
  };
  for (const id of targets.owners) add(id, weight);
  for (const id of targets.rivals) add(id, -weight);
}


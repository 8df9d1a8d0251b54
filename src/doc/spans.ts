import type { Sentence, Span } from './types.ts';

/** The sentence that contains `offset` (or the nearest one), by binary search. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(lo, sentences.length - 1));
}

/** A span of `text` from `start` to `end`, with its text, so the offset invariant holds by construction. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** True when two ranges share at least one position. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the first range whose start is >= `pos` in ranges sorted by start. */
export function lowerBound(ranges: ReadonlyArray<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Non-overlapping ranges kept sorted, with logarithmic overlap checks, so
 * that finding mentions stays linear on very long articles.
 */
export class RangeSet<R extends { start: number; end: number }> {
  private readonly items: R[] = [];

  constructor(ranges: Iterable<R> = []) {
    for (const r of ranges) this.add(r);
  }

  /** True when `r` overlaps a range in the set. */
  overlaps(r: { start: number; end: number }): boolean {
    const i = lowerBound(this.items, r.start);
    for (let k = Math.max(0, i - 1); k < this.items.length && this.items[k]!.start < r.end; k++) {
      if (overlaps(this.items[k]!, r)) return true;
    }
    return false;
  }

  add(r: R): void {
    this.items.splice(lowerBound(this.items, r.start), 0, r);
  }

  /** The ranges in order. */
  get all(): readonly R[] {
    return this.items;
  }
}

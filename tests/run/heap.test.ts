import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { trimHeap } from '../../src/run/heap.ts';

const MB = 2 ** 20;

describe('trimHeap', () => {
  it('runs a full collection once the committed heap has grown past the trigger, giving the pages back', () => {
    // about 240 MB of doubles, kept alive until they are garbage
    let junk: number[][] | null = Array.from({ length: 300 }, () => new Array<number>(100_000).fill(1.5));
    expect(junk.length).toBe(300);
    junk = null;
    const before = getHeapStatistics().total_heap_size;
    expect(before).toBeGreaterThan(200 * MB);
    // it looks at the heap every 8th call
    for (let i = 0; i < 8; i++) trimHeap();
    expect(getHeapStatistics().total_heap_size).toBeLessThan(before - 150 * MB);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

const trims = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/segment/jieba.ts', async (original) => ({
  ...(await original<typeof import('../../src/segment/jieba.ts')>()),
  trimMallocArenas: () => {
    trims.count++;
    return true;
  },
}));
vi.mock('../../src/run/analyze-file.ts', () => ({
  analyzeFileToLines: async (file: { relPath: string }) => {
    if (file.relPath.startsWith('bad')) throw new Error('boom');
    return { lines: [file.relPath], timings: {} };
  },
}));
vi.mock('../../src/pipeline/default.ts', () => ({ defaultStages: () => [] }));

const { default: analyzeInWorker, TRIM_EVERY_TASKS } = await import('../../src/run/worker.ts');
const task = (relPath: string) => ({ file: { relPath, absPath: `/x/${relPath}` }, options: { defaultOffset: '+08:00', maxFileBytes: 1 } }) as never;

describe('an analysing worker', () => {
  beforeEach(() => {
    trims.count = 0;
  });

  it(`gives malloc's free memory back every ${TRIM_EVERY_TASKS} files, failed ones included`, async () => {
    const runs = Array.from({ length: 2 * TRIM_EVERY_TASKS + 3 }, (_, k) => analyzeInWorker(task(k % 7 === 0 ? `bad-${k}.md` : `f-${k}.md`)).catch(() => 'failed'));
    const results = await Promise.all(runs);
    // the chain's last step runs after the last task settles
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(results.filter((r) => r === 'failed')).toHaveLength(Math.ceil((2 * TRIM_EVERY_TASKS + 3) / 7));
    expect(trims.count).toBe(2);
  });
});

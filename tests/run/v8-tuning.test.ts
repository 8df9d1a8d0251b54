import { afterEach, describe, expect, it, vi } from 'vitest';

const flags = vi.hoisted(() => ({ set: [] as string[] }));
vi.mock('node:v8', async (original) => ({
  ...(await original<typeof import('node:v8')>()),
  setFlagsFromString: (flag: string) => {
    flags.set.push(flag);
  },
}));

afterEach(() => {
  flags.set = [];
  vi.resetModules();
});

describe('V8 tuning for long runs', () => {
  it('sets each flag once per process', async () => {
    const { tuneV8ForLongRuns, V8_TUNING_FLAGS } = await import('../../src/run/v8-tuning.ts');
    expect(V8_TUNING_FLAGS.length).toBeGreaterThan(0);
    expect(tuneV8ForLongRuns({})).toBe(true);
    expect(tuneV8ForLongRuns({})).toBe(true);
    expect(flags.set).toEqual([...V8_TUNING_FLAGS]);
  });

  it('leaves V8 as it is when STRATLENS_V8_TUNING=0', async () => {
    const { tuneV8ForLongRuns } = await import('../../src/run/v8-tuning.ts');
    expect(tuneV8ForLongRuns({ STRATLENS_V8_TUNING: '0' })).toBe(false);
    expect(flags.set).toEqual([]);
  });

  it('is applied by a map that starts worker threads, and not by one that stays on the calling thread', async () => {
    const { mapFiles, emptyMapStats } = await import('../../src/run/map.ts');
    const { V8_TUNING_FLAGS } = await import('../../src/run/v8-tuning.ts');
    const drain = async (workers: number) => {
      for await (const _ of mapFiles([], { ingest: { defaultOffset: '+08:00', maxFileBytes: 1 << 20 }, workers }, emptyMapStats())) void _;
    };
    await drain(1);
    expect(flags.set).toEqual([]);
    await drain(2);
    expect(flags.set).toEqual([...V8_TUNING_FLAGS]);
  }, 60_000);
});

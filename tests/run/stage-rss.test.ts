import { describe, expect, it } from 'vitest';
import { createStageBoard, stageMarker, StageRssSampler } from '../../src/run/stage-rss.ts';
import { emptyMapStats, mapFiles } from '../../src/run/map.ts';
import { findArticleFiles } from '../../src/ingest/walk.ts';
import { defaultStages } from '../../src/pipeline/default.ts';

const MB = 1 << 20;

describe('peak RSS by stage', () => {
  it('credits each reading to the stages running at that moment, keeping the highest', () => {
    const board = createStageBoard();
    let rss = 100 * MB;
    const sampler = new StageRssSampler(board, () => rss);
    const first = stageMarker(board);
    const second = stageMarker(board);
    sampler.sample(); // nobody in a stage yet: nothing is credited
    first(1);
    sampler.sample();
    first(2);
    second(3);
    rss = 150 * MB;
    sampler.sample();
    rss = 120 * MB;
    sampler.sample(); // lower than the stages' peaks so far
    first(0);
    second(0);
    rss = 500 * MB;
    sampler.sample();
    expect(sampler.peaksMb(['ingest', 'segment', 'entities'])).toEqual({ ingest: 100, segment: 150, entities: 150 });
    // a code beyond the names given is still reported
    first(9);
    sampler.sample();
    expect(sampler.peaksMb(['ingest'])).toMatchObject({ 'stage 9': 500 });
  });

  it('is filled in by a map on worker threads, under the pipeline stages\' names', async () => {
    const { files } = await findArticleFiles('tests/fixtures/corpus');
    const stats = emptyMapStats();
    for await (const _ of mapFiles(files, { ingest: { defaultOffset: '+08:00', maxFileBytes: 16 * MB }, workers: 2, stageRss: true }, stats)) void _;
    const peaks = stats.stagePeakRssMb!;
    const names = ['ingest', ...defaultStages().map((s) => s.name)];
    // loading jieba and the lexicons alone keeps a worker in its first stages for a second or more
    expect(Object.keys(peaks).length).toBeGreaterThan(0);
    for (const [name, mb] of Object.entries(peaks)) {
      expect(names).toContain(name);
      expect(mb).toBeGreaterThan(20);
      expect(mb).toBeLessThanOrEqual(process.resourceUsage().maxRSS / 1024 + 1);
    }
  }, 120_000);

  it('is not sampled unless asked for', async () => {
    const { files } = await findArticleFiles('tests/fixtures/corpus');
    const stats = emptyMapStats();
    for await (const _ of mapFiles(files.slice(0, 3), { ingest: { defaultOffset: '+08:00', maxFileBytes: 16 * MB }, workers: 2 }, stats)) void _;
    expect(stats.stagePeakRssMb).toBeUndefined();
    expect(stats.articles).toBeGreaterThan(0);
  }, 120_000);
});

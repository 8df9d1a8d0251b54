import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc/types.ts';
import { checkStageOrder, createPipeline } from '../../src/pipeline/runner.ts';
import { defineStage } from '../../src/pipeline/stage.ts';
import { segmentStage } from '../../src/stages/segment.ts';

const doc: Doc = {
  text: '小米集团营收增长。华为发布新机。',
  blocks: [],
  meta: { id: 'x', path: 'x.md', title: 't', publishedAt: null, source: null, url: null, categories: [], tags: [], language: 'zh', tickers: [], encoding: 'utf-8' },
};

const claimsStage = defineStage({
  name: 'claims',
  requires: ['sentences'],
  provides: ['claims'],
  run: (_doc, layers) => ({ claims: [], messages: [{ ruleId: 'test', message: `${layers.sentences.length} sentences` }] }),
});

describe('pipeline runner', () => {
  it('rejects a stage whose requirement no earlier stage provides, before any article is read', () => {
    expect(() => checkStageOrder([claimsStage, segmentStage])).toThrow(/"claims" requires "sentences"/);
  });

  it('rejects a layer provided twice', () => {
    expect(() => createPipeline([segmentStage, segmentStage])).toThrow(/already provides/);
  });

  it('hands each stage the layers it asked for and collects messages', () => {
    const layers = createPipeline([segmentStage, claimsStage]).run(doc);
    expect(layers.sentences).toHaveLength(2);
    expect(layers.claims).toEqual([]);
    expect(layers.messages).toEqual([{ ruleId: 'test', message: '2 sentences' }]);
  });

  it('a stage that mutates an earlier layer fails when layers are frozen', () => {
    const mutating = defineStage({
      name: 'bad',
      requires: ['sentences'],
      provides: ['quotes'],
      run: (_doc, layers) => {
        (layers.sentences as unknown as unknown[]).push({ start: 0, end: 1 });
        return { quotes: [] };
      },
    });
    expect(() => createPipeline([segmentStage, mutating], { freeze: true }).run({ ...doc, meta: { ...doc.meta } })).toThrow(TypeError);
  });

  it('tells onStage which stage is about to run, then -1 when all have run', () => {
    const seen: number[] = [];
    const pipeline = createPipeline([segmentStage, claimsStage], {
      onStage: (index) => seen.push(index, pipeline.timings.segment! > 0 ? 1 : 0),
    });
    pipeline.run(doc);
    // segment has not run when it is announced; it has by the time claims is
    expect(seen).toEqual([0, 0, 1, 1, -1, 1]);
  });

  it('a stage that forgets a layer it declared is a programmer error', () => {
    const forgetful = defineStage({ name: 'forgetful', requires: [], provides: ['claims'], run: () => ({}) as never });
    expect(() => createPipeline([forgetful]).run(doc)).toThrow(/did not return its "claims" layer/);
  });
});

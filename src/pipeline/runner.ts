import type { Doc, LayerName, Layers, Message } from '../doc/types.ts';
import type { Stage } from './stage.ts';

/** A stage of any layer signature, as the runner holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<any, any>;

/** Time spent in each stage, accumulated over every article a pipeline ran. */
export type StageTimings = Record<string, number>;

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  /** Runs every stage on one document and returns all the layers. */
  run(doc: Doc): Partial<Layers>;
  readonly timings: StageTimings;
}

export interface PipelineOptions {
  /** Freeze each layer before handing it on, so a stage that mutates fails loudly (tests). */
  freeze?: boolean;
  /** called with each stage's index just before it runs, and with -1 once the last has run (src/run/stage-rss.ts) */
  onStage?: (index: number) => void;
}

/**
 * Checks that each stage's requirements are provided by an earlier stage and
 * that no layer is provided twice. Throws a configuration error listing every
 * problem, before any article is read.
 */
export function checkStageOrder(stages: readonly AnyStage[]): void {
  const provided = new Set<LayerName>(['messages']);
  const problems: string[] = [];
  for (const stage of stages) {
    for (const need of stage.requires as LayerName[]) {
      if (!provided.has(need)) problems.push(`stage "${stage.name}" requires "${need}", which no earlier stage provides`);
    }
    for (const out of stage.provides as LayerName[]) {
      if (provided.has(out) && out !== 'messages') problems.push(`stage "${stage.name}" provides "${out}", which an earlier stage already provides`);
      provided.add(out);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid pipeline:\n  ${problems.join('\n  ')}`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/** Builds a pipeline from stages in order; stages only return what they add and the runner merges. */
export function createPipeline(stages: readonly AnyStage[], options: PipelineOptions = {}): Pipeline {
  checkStageOrder(stages);
  const timings: StageTimings = Object.fromEntries(stages.map((s) => [s.name, 0]));
  return {
    stages,
    timings,
    run(doc: Doc): Partial<Layers> {
      const layers: Partial<Layers> = {};
      const messages: Message[] = [];
      if (options.freeze) deepFreeze(doc);
      const { onStage } = options;
      for (let index = 0; index < stages.length; index++) {
        const stage = stages[index]!;
        onStage?.(index);
        const view: Partial<Layers> = {};
        for (const need of stage.requires as LayerName[]) (view as Record<string, unknown>)[need] = layers[need];
        const started = performance.now();
        const output = stage.run(doc, view as never) as Partial<Layers> & { messages?: Message[] };
        timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - started;
        for (const out of stage.provides as LayerName[]) {
          if (out === 'messages') continue;
          const layer = output[out];
          if (layer === undefined) throw new Error(`stage "${stage.name}" did not return its "${out}" layer`);
          (layers as Record<string, unknown>)[out] = options.freeze ? deepFreeze(layer) : layer;
        }
        if (output.messages) messages.push(...output.messages);
      }
      onStage?.(-1);
      layers.messages = messages;
      return layers;
    },
  };
}

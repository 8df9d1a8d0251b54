import type { Doc, LayerName, Layers, Message } from '../doc/types.ts';

/** What a stage returns: the layers it provides, plus any messages about the article. */
export type StageOutput<P extends LayerName> = Pick<Layers, P> & { messages?: Message[] };

/**
 * One step of the pipeline. It declares the layers it reads (`requires`) and
 * the ones it adds (`provides`); the runner checks the order before any
 * article is read, and hands `run` exactly the layers it asked for.
 */
export interface Stage<R extends LayerName = LayerName, P extends LayerName = LayerName> {
  readonly name: string;
  readonly requires: readonly R[];
  readonly provides: readonly P[];
  run(doc: Doc, layers: Readonly<Pick<Layers, R>>): StageOutput<P>;
}

/** Helper that keeps the literal layer names when declaring a stage. */
export function defineStage<R extends LayerName, P extends LayerName>(stage: Stage<R, P>): Stage<R, P> {
  return stage;
}

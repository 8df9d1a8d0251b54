import { analyzeDoc } from '../../src/analyze.ts';
import type { Article } from '../../src/doc/types.ts';
import { defaultStages } from '../../src/pipeline/default.ts';
import { createPipeline } from '../../src/pipeline/runner.ts';
import { docFrom } from '../helpers.ts';

const pipeline = createPipeline(defaultStages(), { freeze: true });

/** Runs the whole default pipeline on a string (layers frozen, so a mutating stage fails). */
export function analyzeText(text: string, meta: Parameters<typeof docFrom>[1] = {}): Article {
  const result = analyzeDoc(docFrom(text, meta), pipeline);
  if ('code' in result) throw new Error(result.message);
  return result;
}

import { entitiesStage } from '../stages/entities.ts';
import { quotesStage } from '../stages/quotes.ts';
import { segmentStage } from '../stages/segment.ts';
import { sentimentStage } from '../stages/sentiment.ts';
import type { AnyStage } from './runner.ts';

/**
 * The stages `analyze` runs, in order. Extraction stages (entities, claims,
 * sentiment, quotes) join this list as they land; until then their layers
 * are empty in the output.
 */
export function defaultStages(): AnyStage[] {
  return [segmentStage, entitiesStage, quotesStage, sentimentStage];
}

import { claimsStage } from '../stages/claims.ts';
import { entitiesStage } from '../stages/entities.ts';
import { quotesStage } from '../stages/quotes.ts';
import { segmentStage } from '../stages/segment.ts';
import { sentimentStage } from '../stages/sentiment.ts';
import type { AnyStage } from './runner.ts';

/**
 * The stages `analyze` runs, in order. Quotes come before claims so that a
 * claim inside a quotation can take its speaker as its source.
 */
export function defaultStages(): AnyStage[] {
  return [segmentStage, entitiesStage, quotesStage, claimsStage, sentimentStage];
}

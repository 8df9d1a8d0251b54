/**
 * The sentiment calibration (lexicons/sentiment/calibration.json): bands and
 * weights fitted on the gold set. Apart from the sentiment stage, so that the
 * reduce, which labels entities with its bands, loads it without the stage's
 * lexicons and NLP packages.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';

/** Bands and weights, calibrated on the gold set (lexicons/sentiment/calibration.json). */
export interface Calibration {
  sentenceBand: number;
  articlePositiveBand: number;
  articleNegativeBand: number;
  entityPositiveBand: number;
  entityNegativeBand: number;
  titleShare: number;
  leadWeight: number;
  leadSentences: number;
  evidencePrior: number;
  neutralWeight: number;
  quoteWeight: number;
  entityPrior: number;
  personPrior: number;
}

const CALIBRATION_KEYS = [
  'sentenceBand', 'articlePositiveBand', 'articleNegativeBand', 'entityPositiveBand', 'entityNegativeBand',
  'titleShare', 'leadWeight', 'leadSentences', 'evidencePrior', 'neutralWeight', 'quoteWeight', 'entityPrior', 'personPrior',
] as const;

let cached: Calibration | null = null;

/** The calibration, read once and checked: every value a non-negative number. */
export function loadCalibration(): Calibration {
  if (!cached) {
    const calibration = JSON.parse(readFileSync(projectPath('lexicons', 'sentiment', 'calibration.json'), 'utf8')) as Calibration;
    const problems = CALIBRATION_KEYS.filter((key) => typeof calibration[key] !== 'number' || calibration[key] < 0);
    if (problems.length) throw new Error(`lexicons/sentiment/calibration.json: ${problems.map((k) => `"${k}"`).join(', ')} must be non-negative numbers`);
    cached = calibration;
  }
  return cached;
}

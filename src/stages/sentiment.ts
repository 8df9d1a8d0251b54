import { readFileSync } from 'node:fs';
import type { Doc, Entity, Sentence, Sentiment, SentimentEvidence, SentimentLabel } from '../doc/types.ts';
import { scoreEnglish } from '../english/nlp.ts';
import { loadSentimentLexicon, type SentimentLexicon } from '../lexicons/sentiment.ts';
import { defineStage } from '../pipeline/stage.ts';
import { lowerBound } from '../doc/spans.ts';
import { scoreChinese, squash, type RawScore } from '../sentiment/chinese.ts';

/** Neutral bands and weights, calibrated on the gold set (lexicons/sentiment/calibration.json). */
export interface Calibration {
  sentenceBand: number;
  articlePositiveBand: number;
  articleNegativeBand: number;
  titleQuestionWeight: number;
  entityBand: number;
  titleWeight: number;
  leadWeight: number;
  leadSentences: number;
}

let cached: { lexicon: SentimentLexicon; calibration: Calibration } | null = null;

/** The lexicon and calibration, loaded once and validated at load. */
export function sentimentResources(): { lexicon: SentimentLexicon; calibration: Calibration } {
  if (!cached) {
    const calibration = JSON.parse(readFileSync(new URL('../../lexicons/sentiment/calibration.json', import.meta.url), 'utf8')) as Calibration;
    for (const key of ['sentenceBand', 'articlePositiveBand', 'articleNegativeBand', 'titleQuestionWeight', 'entityBand', 'titleWeight', 'leadWeight', 'leadSentences'] as const) {
      if (typeof calibration[key] !== 'number' || calibration[key] < 0) throw new Error(`lexicons/sentiment/calibration.json: "${key}" must be a non-negative number`);
    }
    cached = { lexicon: loadSentimentLexicon(), calibration };
  }
  return cached;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The label of a score, given the neutral band (and a separate negative band when asymmetric). */
export function labelOf(score: number, band: number, negativeBand = band): SentimentLabel {
  return score > band ? 'positive' : score < -negativeBand ? 'negative' : 'neutral';
}

// English AFINN weights run to ±5 a word, the Chinese lexicon's to ±3: halve English to compare.
const ENGLISH_SCALE = 0.5;

function scoreRange(text: string, start: number, end: number, language: string, lexicon: SentimentLexicon): RawScore {
  if (language !== 'en') return scoreChinese(text, start, end, lexicon);
  const { raw, items } = scoreEnglish(text, start, end);
  return { raw: raw * ENGLISH_SCALE, confidence: 1, items: items.map((i) => ({ ...i, weight: i.weight * ENGLISH_SCALE, clause: 0 })), clauses: [start] };
}

/**
 * Which entity each scored item is about: the entity mentioned last before
 * it in the same clause, else the first entity the sentence mentions (its
 * subject). So in 苹果份额下滑，而小米逆势增长 the fall is Apple's and the
 * growth Xiaomi's.
 */
function targets(score: RawScore, mentions: ReadonlyArray<{ start: number; id: string }>, sentence: Sentence): Array<string | null> {
  const inSentence = mentions.slice(lowerBound(mentions, sentence.start), lowerBound(mentions, sentence.end));
  const clauseOf = (pos: number) => {
    let c = 0;
    while (c + 1 < score.clauses.length && score.clauses[c + 1]! <= pos) c++;
    return c;
  };
  return score.items.map((item) => {
    const clause = clauseOf(item.start);
    const before = inSentence.filter((m) => clauseOf(m.start) === clause && m.start <= item.start);
    if (before.length) return before[before.length - 1]!.id;
    const inClause = inSentence.filter((m) => clauseOf(m.start) === clause);
    if (inClause.length) return inClause[0]!.id;
    return inSentence[0]?.id ?? null;
  });
}

/** Sentence, article and entity sentiment, with the evidence behind the article score. */
export function scoreSentiment(doc: Doc, sentences: readonly Sentence[], entities: readonly Entity[]) {
  const { lexicon, calibration: cal } = sentimentResources();
  const language = doc.meta.language;
  const mentions = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, id: e.id }))).sort((a, b) => a.start - b.start);
  const entityRaw = new Map<string, { sum: number; sentences: number }>();
  const evidence: SentimentEvidence[] = [];
  const sentenceSentiments: Sentiment[] = [];
  let weighted = 0;
  let weights = 0;

  const title = doc.meta.title;
  let titleConfidence = 1;
  if (title) {
    const t = scoreRange(title, 0, title.length, language, lexicon);
    if (t.confidence < 1 || /[？?]\s*$/.test(title)) titleConfidence = cal.titleQuestionWeight;
    const s = squash(t.raw) * t.confidence;
    if (s !== 0) {
      weighted += cal.titleWeight * s;
      weights += cal.titleWeight;
    }
    for (const e of entities) {
      if (s !== 0 && e.mentions.some((m) => title.includes(m.text))) entityRaw.set(e.id, { sum: t.raw * t.confidence, sentences: 1 });
    }
  }

  sentences.forEach((sentence, index) => {
    const r = scoreRange(doc.text, sentence.start, sentence.end, language, lexicon);
    const score = round(squash(r.raw) * r.confidence);
    sentenceSentiments.push({ score, label: labelOf(score, cal.sentenceBand) });
    if (r.items.length === 0) return;
    const w = index < cal.leadSentences ? cal.leadWeight : 1;
    weighted += w * score;
    weights += w;
    for (const { clause: _clause, ...item } of r.items) evidence.push(item);
    const owners = targets(r, mentions, sentence);
    const touched = new Set<string>();
    r.items.forEach((item, i) => {
      const id = owners[i];
      if (!id) return;
      const acc = entityRaw.get(id) ?? { sum: 0, sentences: 0 };
      acc.sum += item.weight * r.confidence;
      if (!touched.has(id)) acc.sentences++;
      touched.add(id);
      entityRaw.set(id, acc);
    });
  });

  // Dividing by (weights + 1) keeps one stray term in a long article close to neutral.
  const articleScore = round((weights ? weighted / (weights + 1) : 0) * titleConfidence);
  const entitySentiments: Record<string, Sentiment> = {};
  for (const e of entities) {
    const acc = entityRaw.get(e.id);
    const score = acc ? round(squash(acc.sum / Math.sqrt(Math.max(1, acc.sentences)))) : 0;
    entitySentiments[e.id] = { score, label: labelOf(score, cal.entityBand) };
  }
  const strongest = [...evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.start - b.start).slice(0, 50);
  return {
    sentiment: { score: articleScore, label: labelOf(articleScore, cal.articlePositiveBand, cal.articleNegativeBand), evidence: strongest.sort((a, b) => a.start - b.start) },
    sentenceSentiments,
    entitySentiments,
  };
}

/** The sentiment layers (CONTRACT.md: sentence, article and entity sentiment). */
export const sentimentStage = defineStage({
  name: 'sentiment',
  requires: ['sentences', 'entities'],
  provides: ['sentiment', 'sentenceSentiments', 'entitySentiments'],
  run(doc, layers) {
    return scoreSentiment(doc, layers.sentences, layers.entities);
  },
});

import type { Claim, Doc, Entity, Quote, Sentence, Sentiment, SentimentEvidence } from '../doc/types.ts';
import { scoreEnglish } from '../english/nlp.ts';
import { loadSentimentLexicon, type SentimentLexicon } from '../lexicons/sentiment.ts';
import { defineStage } from '../pipeline/stage.ts';
import { lowerBound } from '../doc/spans.ts';
import { balanceScore, type WeightedScore } from '../sentiment/aggregate.ts';
import { scoreChinese } from '../sentiment/chinese.ts';
import { claimEvidence } from '../sentiment/claims.ts';
import { labelOf, round, squash, type RawScore } from '../sentiment/score.ts';
import { credit, targetableIds, type Tally } from '../sentiment/entity-evidence.ts';
import { headlineDoubt, titleMentions } from '../sentiment/headline.ts';
import { targetClauses, targetItems, type MentionRef } from '../sentiment/targets.ts';
import { loadCalibration, type Calibration } from '../sentiment/calibration.ts';

let cached: { lexicon: SentimentLexicon; calibration: Calibration } | null = null;

/** The lexicon and calibration, loaded once and validated at load. */
export function sentimentResources(): { lexicon: SentimentLexicon; calibration: Calibration } {
  if (!cached) {
    cached = { lexicon: loadSentimentLexicon(), calibration: loadCalibration() };
  }
  return cached;
}

// A term this close to a growth claim (a 22 percent fall; 同比下降13.9%) states the same movement.
const CLAIM_REACH = 12;

// English AFINN weights run to ±5 a word, the Chinese lexicon's to ±3: halve English to compare.
const ENGLISH_SCALE = 0.5;

/** How `text.slice(start, end)` reads, on the Chinese lexicon's scale whatever the language. */
export function scoreRange(text: string, start: number, end: number, language: string, lexicon: SentimentLexicon): RawScore {
  if (language !== 'en') return scoreChinese(text, start, end, lexicon);
  const r = scoreEnglish(text, start, end);
  return { ...r, raw: round(r.raw * ENGLISH_SCALE), items: r.items.map((i) => ({ ...i, weight: round(i.weight * ENGLISH_SCALE) })) };
}

/** Quoted stretches (speech, reported speech, reproduced documents), sorted: what people say rather than what the article reports. */
function quotedRanges(quotes: readonly Quote[]): Array<{ start: number; end: number }> {
  return quotes.filter((q) => q.kind !== 'term').map((q) => ({ start: q.start, end: q.end })).sort((a, b) => a.start - b.start);
}
const inside = (pos: number, ranges: ReadonlyArray<{ start: number; end: number }>) => ranges.some((r) => r.start <= pos && pos < r.end);

/** Drops terms inside a name: 健康 in 京东健康, 理想 in 理想汽车 name a company, they do not praise it. */
function withoutNames(score: RawScore, names: readonly MentionRef[]): RawScore {
  const items = score.items.filter((i) => !names.some((m) => m.start < i.end && i.start < m.end));
  if (items.length === score.items.length) return score;
  return { ...score, items, raw: round(items.reduce((sum, i) => sum + i.weight, 0)) };
}

/**
 * Sentence, article and entity sentiment, with the evidence behind the
 * article score. `calibration` overrides the calibrated values (the
 * calibration script tries alternatives this way).
 */
export function scoreSentiment(
  doc: Doc,
  layers: { sentences: readonly Sentence[]; entities: readonly Entity[]; claims?: readonly Claim[]; quotes?: readonly Quote[] },
  calibration?: Partial<Calibration>,
  /** called with every piece of evidence credited to an entity (for development scripts) */
  trace?: (id: string, evidence: SentimentEvidence) => void,
) {
  const { lexicon, calibration: calibrated } = sentimentResources();
  const cal = { ...calibrated, ...calibration };
  const { sentences, entities } = layers;
  const language = doc.meta.language;
  const mentions: MentionRef[] = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, id: e.id }))).sort((a, b) => a.start - b.start);
  const targetable = targetableIds(entities);
  const onlyTargets = (list: readonly MentionRef[]) => list.flatMap((m) => (targetable.has(m.id) ? [{ ...m, id: targetable.get(m.id)! }] : []));
  const quoted = quotedRanges(layers.quotes ?? []);
  const speakers = (layers.quotes ?? []).filter((q) => q.speaker).map((q) => ({ start: q.start, end: q.end, id: q.speaker!.id }));
  const claimItems = claimEvidence(layers.claims ?? [], sentences.length, lexicon);
  const entityEvidence = new Map<string, Tally>();
  const titleEvidence = new Map<string, Tally>();
  const factual = new Map<string, number>();
  const evidence: SentimentEvidence[] = [];
  const sentenceSentiments: Sentiment[] = [];
  const parts: WeightedScore[] = [];

  const title = doc.meta.title;
  let titleDoubt = 1;
  let titleScore: number | null = null;
  if (title) {
    const inTitle = titleMentions(title, entities);
    const t = withoutNames(scoreRange(title, 0, title.length, language, lexicon), inTitle);
    titleDoubt = language === 'en' ? t.confidence : headlineDoubt(title, lexicon);
    if (t.items.length) titleScore = squash(t.raw) * t.confidence;
    const targets = targetItems(t.items, onlyTargets(inTitle), targetClauses(title, 0, title.length, language), title, language);
    t.items.forEach((item, i) => credit(titleEvidence, targets[i]!, item.weight * t.confidence, trace && ((id, weight) => trace(id, { ...item, weight }))));
  }

  sentences.forEach((sentence, index) => {
    const inSentence = mentions.slice(lowerBound(mentions, sentence.start), lowerBound(mentions, sentence.end));
    const r = withoutNames(scoreRange(doc.text, sentence.start, sentence.end, language, lexicon), inSentence);
    const score = round(squash(r.raw) * r.confidence);
    sentenceSentiments.push({ score, label: labelOf(score, cal.sentenceBand) });
    // Claims with a direction (出货量同比下跌10%) feed their subject: a term in or right by the claim is the
    // subject's, and a claim no term covers (增长至…, a bare "up 5 percent") is evidence of its own.
    const claimed = claimItems.get(index) ?? [];
    const near = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end + CLAIM_REACH && b.start < a.end + CLAIM_REACH;
    const items: Array<{ text: string; start: number; end: number; weight: number; subject: string | null }> = [
      ...r.items.map(({ clause: _clause, ...i }) => ({ ...i, subject: claimed.find((c) => near(c, i))?.subject ?? null })),
      ...claimed.filter((c) => !r.items.some((i) => near(c, i))),
    ];
    // Reported speech counts less than what the article itself reports: a company praising itself is not news of success.
    const weights = items.map((i) => i.weight * (inside(i.start, quoted) ? cal.quoteWeight : 1));
    const narrative = weights.reduce((s, w) => s + w, 0);
    parts.push({ score: items.length ? squash(narrative) * r.confidence : 0, weight: index < cal.leadSentences ? cal.leadWeight : 1 });
    for (const { subject: _subject, ...item } of items) evidence.push(item);

    const named = onlyTargets(inSentence);
    const credited = new Set<string>();
    const targets = items.length ? targetItems(items, named, targetClauses(doc.text, sentence.start, sentence.end, language), doc.text, language) : [];
    items.forEach((item, i) => {
      // What a speaker says is about its subject, not about the speaker (a CEO praising the company).
      const speaker = speakers.find((q) => q.start <= item.start && item.start < q.end)?.id;
      const owners = (item.subject ? [item.subject] : targets[i]!.owners).filter((id) => id !== speaker);
      for (const id of [...owners, ...targets[i]!.rivals]) credited.add(id);
      credit(entityEvidence, { owners, rivals: targets[i]!.rivals }, weights[i]! * r.confidence, trace && ((id, weight) => trace(id, { ...item, weight })));
    });
    // A sentence that names an entity and says nothing good or bad of it is a plain fact about it.
    for (const id of new Set(named.map((m) => m.id))) if (!credited.has(id)) factual.set(id, (factual.get(id) ?? 0) + 1);
  });

  // The label says how an article reads for the companies it covers (data/gold/README.md): one that names
  // no company (a commodity or currency report, a macro note) is off-topic and reads neutral.
  const coversCompanies = entities.some((e) => e.type === 'company');
  // The headline states the news the body elaborates: when it carries evidence it is a fixed share of
  // the score however long the body, so that a long report does not drown its own headline.
  const body = balanceScore(parts, cal);
  const blended = titleScore === null ? body : cal.titleShare * titleScore + (1 - cal.titleShare) * body;
  const articleScore = coversCompanies ? round(blended * titleDoubt) : 0;
  // An entity's score is the balance of the evidence about it, shrunk towards a prior by `entityPrior`
  // pseudo-evidence: for a company the article's own reading scaled by its salience (a company the article
  // is about reads like the article unless the evidence about it says otherwise; one named in passing does
  // not), for a person neutral (people are rarely the news); sentences that name it without evidence pull
  // it towards neutral as they do the article.
  const entitySentiments: Record<string, Sentiment> = {};
  for (const e of entities) {
    const acc = entityEvidence.get(e.id) ?? { positive: 0, negative: 0 };
    const [prior, strength] = e.type === 'company' ? [articleScore * e.salience, cal.entityPrior] : [0, cal.personPrior];
    const plain = cal.neutralWeight * (factual.get(e.id) ?? 0);
    const body = (acc.positive - acc.negative + strength * prior) / (acc.positive + acc.negative + strength + plain);
    // As for the article, what the headline says of the entity is a fixed share of its score.
    const headline = titleEvidence.get(e.id);
    const score = round(headline ? cal.titleShare * squash(headline.positive - headline.negative) + (1 - cal.titleShare) * body : body);
    entitySentiments[e.id] = { score, label: labelOf(score, cal.entityPositiveBand, cal.entityNegativeBand) };
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
  requires: ['sentences', 'entities', 'claims', 'quotes'],
  provides: ['sentiment', 'sentenceSentiments', 'entitySentiments'],
  run(doc, layers) {
    return scoreSentiment(doc, layers);
  },
});

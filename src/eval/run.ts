import path from 'node:path';
import { analyzeDirectory } from '../analyze.ts';
import { loadGold, type GoldArticle } from './gold.ts';
import { accuracy, addCounts, emptyCounts, macroF1, prf, type Accuracy, type Counts, type PRF } from './metrics.ts';
import { scoreArticle, type ArticleScore } from './score-article.ts';

/** Scores of one group of gold articles (all, or one language). */
export interface Scores {
  articles: number;
  entities: { article: PRF; byType: Record<string, PRF>; mentions: PRF };
  claims: { span: PRF; spanKind: PRF; value: Accuracy; status: Accuracy };
  quotes: { quotes: PRF; speaker: Accuracy };
  sentiment: { article: Accuracy; macroF1: number; entity: Accuracy };
}

export interface EvalReport {
  gold: string;
  overall: Scores;
  byLanguage: Record<string, Scores>;
  goldErrors: string[];
  perArticle: Array<Pick<ArticleScore, 'file' | 'misses' | 'falsePositives'> & { language: string }>;
}

const LABELS = ['positive', 'neutral', 'negative'];

/** Sums article scores into one group's scores. */
export function aggregate(scores: readonly ArticleScore[]): Scores {
  const sum = (pick: (s: ArticleScore) => Counts) => {
    const c = emptyCounts();
    for (const s of scores) addCounts(c, pick(s));
    return prf(c);
  };
  const acc = (pick: (s: ArticleScore) => { correct: number; total: number }) => {
    let correct = 0;
    let total = 0;
    for (const s of scores) {
      correct += pick(s).correct;
      total += pick(s).total;
    }
    return accuracy(correct, total);
  };
  const byType: Record<string, Counts> = {};
  for (const s of scores) for (const [type, c] of Object.entries(s.entitiesByType)) addCounts((byType[type] ??= emptyCounts()), c);
  const sentimentPairs = scores.map((s) => [s.sentiment.gold, s.sentiment.predicted] as [string, string]);
  const entitySentiment = scores.flatMap((s) => s.entitySentiment);
  return {
    articles: scores.length,
    entities: {
      article: sum((s) => s.entities),
      byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, c]) => [t, prf(c)])),
      mentions: sum((s) => s.mentions),
    },
    claims: { span: sum((s) => s.claims), spanKind: sum((s) => s.claimsKind), value: acc((s) => s.claimValues), status: acc((s) => s.claimStatus) },
    quotes: { quotes: sum((s) => s.quotes), speaker: acc((s) => s.speakers) },
    sentiment: {
      article: accuracy(sentimentPairs.filter(([g, p]) => g === p).length, sentimentPairs.length),
      macroF1: macroF1(sentimentPairs, LABELS),
      entity: accuracy(entitySentiment.filter((e) => e.gold === e.predicted).length, entitySentiment.length),
    },
  };
}

/**
 * Runs the whole pipeline on the gold articles and scores it. Gold spans that
 * cannot be found, and gold articles the pipeline did not produce, are
 * reported in `goldErrors`.
 */
export async function runEvaluation(goldDir: string): Promise<EvalReport> {
  const gold: GoldArticle[] = loadGold(path.join(goldDir, 'annotations'));
  const result = await analyzeDirectory(path.join(goldDir, 'articles'));
  const byPath = new Map(result.articles.map((a) => [a.path, a]));
  const goldErrors: string[] = result.errors.map((e) => `${e.path}: the pipeline failed on a gold article: ${e.code}: ${e.message}`);
  const scores: Array<ArticleScore & { language: string }> = [];
  for (const g of gold) {
    const article = byPath.get(g.file) ?? byPath.get(`${g.file}#1`);
    if (!article) {
      goldErrors.push(`${g.annotation}: no article at ${g.file}`);
      continue;
    }
    const s = scoreArticle(article, g);
    goldErrors.push(...s.goldErrors.map((e) => `${g.annotation}: ${e}`));
    scores.push({ ...s, language: g.language });
  }
  const languages = [...new Set(scores.map((s) => s.language))].sort();
  return {
    gold: path.relative(process.cwd(), goldDir) || goldDir,
    overall: aggregate(scores),
    byLanguage: Object.fromEntries(languages.map((l) => [l, aggregate(scores.filter((s) => s.language === l))])),
    goldErrors,
    perArticle: scores.map((s) => ({ file: s.file, language: s.language, misses: s.misses, falsePositives: s.falsePositives })),
  };
}

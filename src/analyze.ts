import type { Article, Doc, Layers } from './doc/types.ts';
import { findArticleFiles, ingestFile, DEFAULT_INGEST_OPTIONS, type ArticleError, type ArticleWarning, type IngestOptions } from './ingest/index.ts';
import { idFromPath } from './ingest/identity.ts';
import { createPipeline, type Pipeline, type StageTimings } from './pipeline/runner.ts';
import { defaultStages } from './pipeline/default.ts';
import { fingerprint } from './corpus/duplicates.ts';
import { CorpusLinker, type CorpusLinks } from './corpus/link.ts';
import { looksTraditional, resliceTexts, toSimplifiedSameLength } from './text/traditional.ts';

/** Progress after each file, for a CLI to show. */
export interface Progress {
  filesDone: number;
  filesTotal: number;
  articles: number;
  failed: number;
  currentPath: string;
}

export interface AnalyzeOptions extends Partial<IngestOptions> {
  onProgress?: (p: Progress) => void;
  pipeline?: Pipeline;
}

export interface AnalyzeResult {
  articles: Article[];
  files: number;
  errors: ArticleError[];
  warnings: ArticleWarning[];
  encodings: Map<string, number>;
  /** near-duplicates, restatements and contradictions across the articles (already applied to them) */
  links: CorpusLinks;
  timings: StageTimings;
}

const NEUTRAL = { score: 0, label: 'neutral' as const, evidence: [] };

/** Assembles the published Article from the document and its layers. */
export function toArticle(doc: Doc, layers: Partial<Layers>): Article {
  const m = doc.meta;
  return {
    id: m.id,
    path: m.path,
    title: m.title,
    publishedAt: m.publishedAt,
    source: m.source,
    url: m.url,
    categories: [...m.categories],
    tags: [...m.tags],
    language: m.language,
    tickers: [...m.tickers],
    text: doc.text,
    sentences: (layers.sentences ?? []).map((s, i) => {
      const sentiment = layers.sentenceSentiments?.[i];
      return sentiment ? { ...s, sentiment } : s;
    }),
    sentiment: layers.sentiment ?? NEUTRAL,
    entities: (layers.entities ?? []).map((e) => {
      const sentiment = layers.entitySentiments?.[e.id];
      return sentiment ? { ...e, sentiment } : e;
    }),
    claims: layers.claims ?? [],
    quotes: layers.quotes ?? [],
    messages: layers.messages ?? [],
    fingerprint: fingerprint(doc.text),
  };
}

/** Runs the pipeline over one document; an exception in a stage becomes an error for that article only. */
export function analyzeDoc(doc: Doc, pipeline: Pipeline): Article | ArticleError {
  try {
    if (!looksTraditional(doc.text)) return toArticle(doc, pipeline.run(doc));
    // Traditional Chinese (Hong Kong, Taiwan): the stages read a Simplified copy of
    // the same length, so every offset they find also points into the original
    // (the article itself is made from the original, so its text, title and fingerprint are the original's)
    const shadow: Doc = { ...doc, text: toSimplifiedSameLength(doc.text), meta: { ...doc.meta, title: toSimplifiedSameLength(doc.meta.title) } };
    const article = toArticle(doc, pipeline.run(shadow));
    resliceTexts(article, doc.text);
    return article;
  } catch (error) {
    return { path: doc.meta.path, code: 'internal-error', message: `Analysis failed (${(error as Error).message}); please report this with the file attached` };
  }
}

/**
 * Analyses every article below `root`. Bad files become errors and never
 * cost the other articles; duplicate ids are made unique and reported.
 * Articles come back sorted by id.
 */
export async function analyzeDirectory(root: string, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const ingestOptions: IngestOptions = {
    defaultOffset: options.defaultOffset ?? DEFAULT_INGEST_OPTIONS.defaultOffset,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_INGEST_OPTIONS.maxFileBytes,
  };
  const pipeline = options.pipeline ?? createPipeline(defaultStages());
  const { files, problems } = await findArticleFiles(root);
  const errors: ArticleError[] = problems.map((p) => ({ path: p.relPath, code: p.code, message: p.message }));
  const warnings: ArticleWarning[] = [];
  const articles: Article[] = [];
  const encodings = new Map<string, number>();
  const ids = new Map<string, string>();
  let filesDone = 0;
  for (const file of files) {
    for await (const result of ingestFile(file, ingestOptions)) {
      if (!result.ok) {
        errors.push(result.error);
        continue;
      }
      warnings.push(...result.warnings);
      let doc = result.doc;
      const firstPath = ids.get(doc.meta.id);
      if (firstPath !== undefined) {
        const unique = `${doc.meta.id}~${idFromPath(doc.meta.path).slice(1, 7)}`;
        warnings.push({ path: doc.meta.path, code: 'duplicate-id', message: `Id ${doc.meta.id} is already used by ${firstPath}; this article was given the id ${unique}. Remove the copy if it is a duplicate` });
        doc = { ...doc, meta: { ...doc.meta, id: unique } };
      }
      ids.set(doc.meta.id, doc.meta.path);
      encodings.set(doc.meta.encoding, (encodings.get(doc.meta.encoding) ?? 0) + 1);
      const analysed = analyzeDoc(doc, pipeline);
      if ('code' in analysed) errors.push(analysed);
      else articles.push(analysed);
    }
    filesDone++;
    options.onProgress?.({ filesDone, filesTotal: files.length, articles: articles.length, failed: errors.length, currentPath: file.relPath });
  }
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const linker = new CorpusLinker();
  for (const a of articles) linker.add(a);
  const links = linker.finish();
  for (const a of articles) linker.apply(a);
  return { articles, files: files.length, errors, warnings, encodings, links, timings: { ...pipeline.timings } };
}

/** Public API of stratlens. */
export { analyzeDirectory, analyzeDoc, toArticle, type AnalyzeOptions, type AnalyzeResult, type Progress } from './analyze.ts';
export { findArticleFiles, ingestFile, buildDoc, DEFAULT_INGEST_OPTIONS, type IngestOptions, type IngestResult, type ArticleError, type ArticleWarning } from './ingest/index.ts';
export { createPipeline, checkStageOrder, type Pipeline } from './pipeline/runner.ts';
export { defineStage, type Stage } from './pipeline/stage.ts';
export { defaultStages } from './pipeline/default.ts';
export { buildSummary, SCHEMA_VERSION, type Summary } from './report/summary.ts';
export { writeReports, REPORT_FILES } from './report/write.ts';
export type * from './doc/types.ts';

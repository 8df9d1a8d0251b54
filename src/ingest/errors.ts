/** Stable codes for files or records that could not become articles (summary.json `errors`). */
export type IngestErrorCode =
  | 'unreadable'
  | 'empty-file'
  | 'binary-file'
  | 'undecodable'
  | 'file-too-large'
  | 'invalid-front-matter'
  | 'empty-body'
  | 'invalid-json'
  | 'invalid-record'
  | 'internal-error';

/** A file or feed record that failed, with a message a person can act on. */
export interface ArticleError {
  path: string;
  code: IngestErrorCode;
  message: string;
}

/** A problem that did not cost the article, e.g. a duplicate id that was made unique. */
export interface ArticleWarning {
  path: string;
  code: 'duplicate-id' | 'unknown-date' | 'unbalanced-quotes' | string;
  message: string;
}

/** Thrown inside ingest to reject one file; caught per file, never escapes the run. */
export class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, message: string) {
    super(message);
  }
}

/**
 * The records of a map shard: what `stratlens map` writes, one JSON object a
 * line, and what `stratlens reduce` reads. Articles are written exactly as in
 * articles.jsonl; the other records carry what the reports need besides the
 * articles and are told apart by their `record` field:
 *
 *   {"record":"file","path":"a/b.md","encoding":"utf-8","articles":1}
 *   {"record":"error","path":"a/c.md","code":"empty-file","message":"…"}
 *   {"record":"warning","path":"a/b.md","code":"…","message":"…"}
 *
 * An articles.jsonl written by `stratlens analyze` is a valid shard too: it
 * has no file records, so reduce counts its distinct article files instead.
 */
import type { Article } from '../doc/types.ts';
import type { ArticleError, ArticleWarning } from '../ingest/errors.ts';

export interface FileRecord {
  record: 'file';
  /** the file's path relative to the input folder */
  path: string;
  /** the encoding of each article it held (a feed's records are all utf-8) */
  encoding: string;
  /** articles read from it */
  articles: number;
}

export type ErrorRecord = { record: 'error' } & ArticleError;
export type WarningRecord = { record: 'warning' } & ArticleWarning;
export type MetaRecord = FileRecord | ErrorRecord | WarningRecord;
export type ShardRecord = Article | MetaRecord;

/** A shard that cannot be read as shard records: the caller's input to fix, named in the message. */
export class ShardError extends Error {}

/** True for the records that are not articles. */
export function isMetaRecord(r: ShardRecord): r is MetaRecord {
  return typeof (r as { record?: unknown }).record === 'string';
}

/** Parses one shard line, naming the shard and line when it is not a record. */
export function parseShardLine(line: string, shard: string, lineNo: number): ShardRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ShardError(`${shard}, line ${lineNo}: not JSON (${(error as Error).message}); a shard holds one JSON record a line, as stratlens map writes it`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShardError(`${shard}, line ${lineNo}: not a JSON object`);
  const r = value as Record<string, unknown>;
  if (typeof r.record === 'string') {
    if (!['file', 'error', 'warning'].includes(r.record) || typeof r.path !== 'string') throw new ShardError(`${shard}, line ${lineNo}: unknown record "${String(r.record)}" or no path`);
    return r as unknown as MetaRecord;
  }
  if (typeof r.id !== 'string' || typeof r.path !== 'string' || typeof r.text !== 'string') throw new ShardError(`${shard}, line ${lineNo}: not an Article (it needs id, path and text)`);
  return r as unknown as Article;
}

const ARTICLE_HEAD = /^\{"id":("(?:[^"\\]|\\.)*"),"path":("(?:[^"\\]|\\.)*"),"/;

/**
 * The id and path of a shard line without parsing the whole article: articles
 * are written with `id` and `path` first. Null for any other line, which is
 * then parsed whole.
 */
export function articleHead(line: string): { id: string; path: string } | null {
  const m = ARTICLE_HEAD.exec(line.length > 4096 ? line.slice(0, 4096) : line);
  return m ? { id: JSON.parse(m[1]!) as string, path: JSON.parse(m[2]!) as string } : null;
}

/** What the corpus pass needs of an article (src/corpus/link.ts). */
export interface LinkFields {
  publishedAt: string | null;
  fingerprint: string;
  text: { length: number };
  claims: Article['claims'];
}

/** The end of the JSON string literal that opens at `open` (the index just past its closing quote), or -1. */
function stringEnd(line: string, open: number): number {
  for (let q = line.indexOf('"', open + 1); q >= 0; q = line.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (line.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
  return -1;
}

/**
 * The fields the corpus pass reads, parsed out of an article line without
 * parsing the rest (the sentences, entities and quotes are most of a line).
 * A key in quotation marks cannot occur inside a JSON string, whose quotation
 * marks are escaped, so the first `"claims":[` is the article's own, and so
 * on. Null when the line is not laid out as stratlens writes articles; the
 * caller then parses it whole.
 */
export function linkFields(line: string): LinkFields | null {
  const published = line.indexOf(',"publishedAt":');
  const textKey = line.indexOf(',"text":"');
  const claimsKey = line.indexOf(',"claims":[');
  const quotesKey = claimsKey < 0 ? -1 : line.indexOf('],"quotes":[', claimsKey);
  const fingerprintKey = line.lastIndexOf(',"fingerprint":"');
  if (published < 0 || textKey < 0 || quotesKey < 0 || fingerprintKey < 0) return null;
  try {
    const dateAt = published + ',"publishedAt":'.length;
    const dateEnd = line.startsWith('null', dateAt) ? dateAt + 4 : stringEnd(line, dateAt);
    const textEnd = stringEnd(line, textKey + ',"text":'.length);
    const fpAt = fingerprintKey + ',"fingerprint":'.length;
    if (dateEnd < 0 || textEnd < 0) return null;
    return {
      publishedAt: JSON.parse(line.slice(dateAt, dateEnd)) as string | null,
      fingerprint: JSON.parse(line.slice(fpAt, stringEnd(line, fpAt))) as string,
      text: { length: (JSON.parse(line.slice(textKey + ',"text":'.length, textEnd)) as string).length },
      claims: JSON.parse(line.slice(claimsKey + ',"claims":'.length, quotesKey + 1)) as Article['claims'],
    };
  } catch {
    return null;
  }
}

/**
 * Orders article paths as the folder walk reads them: by file path, then by
 * feed line number (data.jsonl#2 before data.jsonl#10).
 */
export function comparePaths(a: string, b: string): number {
  const [fileA, lineA] = splitPath(a);
  const [fileB, lineB] = splitPath(b);
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return lineA - lineB;
}

/** An article path as its file and its feed line (0 for a file that is one article). */
function splitPath(articlePath: string): [string, number] {
  const hash = articlePath.lastIndexOf('#');
  return hash >= 0 && /^\d+$/.test(articlePath.slice(hash + 1)) ? [articlePath.slice(0, hash), Number(articlePath.slice(hash + 1))] : [articlePath, 0];
}

/** The file an article came from: its path without a feed's #line. */
export function fileOfPath(articlePath: string): string {
  return splitPath(articlePath)[0];
}

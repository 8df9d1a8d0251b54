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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The end of the JSON string literal that opens at byte `open` of `line`
 * (the index just past its closing quotation mark), or -1. UTF-8 bytes of
 * characters beyond ASCII never equal a quotation mark or a backslash, so
 * the bytes can be scanned as they are.
 */
function stringEnd(line: Uint8Array, open: number): number {
  for (let q = line.indexOf(QUOTE, open + 1); q >= 0; q = line.indexOf(QUOTE, q + 1)) {
    let backslashes = 0;
    while (line[q - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
  return -1;
}

/** The JSON string literal at bytes [from, to) of `line`, parsed. */
const stringAt = (line: Buffer, from: number, to: number): string => JSON.parse(line.toString('utf8', from, to)) as string;

/** Whether `key`'s bytes are those of `line` from `at` on. */
const bytesAt = (line: Buffer, key: Buffer, at: number): boolean => at >= 0 && at + key.length <= line.length && line.compare(key, 0, key.length, at, at + key.length) === 0;

const ID_KEY = Buffer.from('{"id":"');
const PATH_KEY = Buffer.from(',"path":"');

/** Where an article line's id and path are: the [start, end) of each JSON string, in bytes; null for any other line. */
function headPlaces(line: Buffer): { id: [number, number]; path: [number, number] } | null {
  if (!bytesAt(line, ID_KEY, 0)) return null;
  const idEnd = stringEnd(line, ID_KEY.length - 1);
  if (!bytesAt(line, PATH_KEY, idEnd)) return null;
  const pathEnd = stringEnd(line, idEnd + PATH_KEY.length - 1);
  return pathEnd < 0 ? null : { id: [ID_KEY.length - 1, idEnd], path: [idEnd + PATH_KEY.length - 1, pathEnd] };
}

/**
 * The id and path of a shard line without decoding the whole article:
 * articles are written with `id` and `path` first. Null for any other line,
 * which is then parsed whole.
 */
export function articleHead(line: Buffer): { id: string; path: string } | null {
  const places = headPlaces(line);
  if (!places) return null;
  try {
    return { id: stringAt(line, ...places.id), path: stringAt(line, ...places.path) };
  } catch {
    return null;
  }
}

/**
 * The length (in UTF-16 code units, as a JavaScript string counts) of the
 * JSON string literal at bytes [from, to) of `line`, quotation marks
 * included, without decoding it; -1 when the bytes are not well-formed
 * UTF-8, for the caller to decode them instead.
 */
function literalLength(line: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let k = from + 1; k < to - 1; ) {
    const b = line[k]!;
    if (b === BACKSLASH) {
      // \uXXXX is one code unit (a pair of them, two), any other escape one character
      k += line[k + 1] === 0x75 ? 6 : 2;
      units++;
    } else if (b < 0x80) {
      k++;
      units++;
    } else if (b >= 0xc2 && b < 0xe0) {
      k += 2;
      units++;
    } else if (b >= 0xe0 && b < 0xf0) {
      k += 3;
      units++;
    } else if (b >= 0xf0 && b < 0xf5) {
      // beyond the Basic Multilingual Plane: a surrogate pair
      k += 4;
      units += 2;
    } else return -1;
  }
  return units;
}

/** What the corpus pass needs of an article (src/corpus/link.ts). */
export interface LinkFields {
  publishedAt: string | null;
  fingerprint: string;
  text: { length: number };
  claims: Article['claims'];
}

const PUBLISHED_KEY = Buffer.from(',"publishedAt":');
const TEXT_KEY = Buffer.from(',"text":"');
const CLAIMS_KEY = Buffer.from(',"claims":[');
const QUOTES_KEY = Buffer.from('],"quotes":[');
const FINGERPRINT_KEY = Buffer.from(',"fingerprint":"');
const NULL = Buffer.from('null');

/** Where the fields the corpus pass reads are in an article line: the [start, end) of each JSON value, in bytes. */
interface LinkPlaces {
  publishedAt: [number, number];
  text: [number, number];
  fingerprint: [number, number];
  claims: [number, number];
}

/** Where an article line's claims are: the [start, end) of the array, in bytes (the quotes follow them); null when not laid out so. */
function claimsPlace(line: Buffer): [number, number] | null {
  const claimsKey = line.indexOf(CLAIMS_KEY);
  const quotesKey = claimsKey < 0 ? -1 : line.indexOf(QUOTES_KEY, claimsKey);
  return quotesKey < 0 ? null : [claimsKey + CLAIMS_KEY.length - 1, quotesKey + 1];
}

/**
 * Finds the fields the corpus pass reads in an article line's bytes without
 * decoding the rest (the sentences, entities and quotes are most of a
 * line). A key in quotation marks cannot occur inside a JSON string, whose
 * quotation marks are escaped, so the first `"claims":[` is the article's
 * own, and so on. Null when the line is not laid out as stratlens writes
 * articles.
 */
function linkPlaces(line: Buffer): LinkPlaces | null {
  const published = line.indexOf(PUBLISHED_KEY);
  const textKey = line.indexOf(TEXT_KEY);
  const claims = claimsPlace(line);
  const fingerprintKey = line.lastIndexOf(FINGERPRINT_KEY);
  if (published < 0 || textKey < 0 || !claims || fingerprintKey < 0) return null;
  const dateAt = published + PUBLISHED_KEY.length;
  const dateEnd = bytesAt(line, NULL, dateAt) ? dateAt + NULL.length : stringEnd(line, dateAt);
  const textAt = textKey + TEXT_KEY.length - 1;
  const textEnd = stringEnd(line, textAt);
  const fpAt = fingerprintKey + FINGERPRINT_KEY.length - 1;
  const fpEnd = stringEnd(line, fpAt);
  if (dateEnd < 0 || textEnd < 0 || fpEnd < 0) return null;
  return { publishedAt: [dateAt, dateEnd], text: [textAt, textEnd], fingerprint: [fpAt, fpEnd], claims };
}

/** The length of the text at `place` as a JavaScript string counts it, counted in the bytes where they are well-formed UTF-8. */
function textLength(line: Buffer, place: [number, number]): number {
  const length = literalLength(line, ...place);
  return length >= 0 ? length : stringAt(line, ...place).length;
}

/**
 * The fields the corpus pass reads, parsed out of an article line's bytes
 * without decoding the rest ({@link linkPlaces}). Null when the line is not
 * laid out as stratlens writes articles; the caller then parses it whole.
 */
export function linkFields(line: Buffer): LinkFields | null {
  const places = linkPlaces(line);
  if (!places) return null;
  try {
    return {
      publishedAt: JSON.parse(line.toString('utf8', ...places.publishedAt)) as string | null,
      fingerprint: stringAt(line, ...places.fingerprint),
      text: { length: textLength(line, places.text) },
      claims: JSON.parse(line.toString('utf8', ...places.claims)) as Article['claims'],
    };
  } catch {
    return null;
  }
}

/**
 * A line of a first-pass file: what the reduce's first pass takes from one
 * shard line, written beside the shard as the shard is written (see
 * {@link firstPassLines}). An article's line carries its place in the shard
 * (`at`: byte offset and length) and its link fields; any other record is
 * written as it is.
 */
export type FirstPassLine = { at: [number, number]; article: { id: string; path: string } & LinkFields } | MetaRecord;

const RECORD_KEY = Buffer.from('{"record":"');
/** The fixed parts of a first-pass line (the key of the date is the shard's own, PUBLISHED_KEY). */
const PATH_PART = Buffer.from(',"path":');
const FINGERPRINT_PART = Buffer.from(',"fingerprint":');
const END_PART = Buffer.from('}}\n');

/**
 * The first-pass lines of shard text (whole lines, each ended by a line
 * feed) that starts at byte `offset` of its shard: one line for each of its
 * lines. An article's fields are copied as the bytes of their JSON values,
 * not decoded and written again (the calling thread does this while the
 * workers analyse). Null when a line is neither a record nor an article
 * laid out as stratlens writes them; the reduce must then read the shard
 * itself.
 */
export function firstPassLines(text: Buffer, offset: number): Buffer | null {
  const parts: Buffer[] = [];
  for (let from = 0, nl = text.indexOf(10); nl >= 0; from = nl + 1, nl = text.indexOf(10, from)) {
    const line = text.subarray(from, nl + 1);
    if (bytesAt(line, RECORD_KEY, 0)) {
      parts.push(line);
      continue;
    }
    const head = headPlaces(line);
    const link = head ? linkPlaces(line) : null;
    if (!head || !link) return null;
    const slice = (place: [number, number]) => line.subarray(...place);
    let length: number;
    try {
      length = textLength(line, link.text);
    } catch {
      return null;
    }
    parts.push(
      Buffer.from(`{"at":[${offset + from},${nl - from}],"article":{"id":`),
      slice(head.id),
      PATH_PART,
      slice(head.path),
      PUBLISHED_KEY,
      slice(link.publishedAt),
      FINGERPRINT_PART,
      slice(link.fingerprint),
      Buffer.from(`,"text":{"length":${length}},"claims":`),
      slice(link.claims),
      END_PART,
    );
  }
  return Buffer.concat(parts);
}

const DUPLICATE_KEY = Buffer.from(',"duplicateOf":');

/**
 * An article line with the corpus pass's links written in: `line` as read
 * (laid out as stratlens writes articles, as JSON.stringify wrote them),
 * `article` the same article after CorpusLinker.apply, `duplicateBefore` its
 * `duplicateOf` before. The pass changes only the claims (`firstSeen`,
 * `restatedIn`) and `duplicateOf`, so only the claims are written again and
 * spliced in, and a new `duplicateOf` is added at the end, where
 * JSON.stringify puts a key set last: the same bytes as
 * JSON.stringify(article), for a fraction of the work (in a corpus of wire
 * copy most articles restate a claim). Null when the line is laid out
 * otherwise or `duplicateOf` changed, for the caller to write it whole.
 */
export function relinkedLine(line: Buffer, article: Pick<Article, 'claims' | 'duplicateOf'>, duplicateBefore: string | undefined): Buffer | null {
  const claims = claimsPlace(line);
  if (!claims || line[line.length - 1] !== 0x7d) return null;
  const [start, end] = claims;
  const parts = [line.subarray(0, start), Buffer.from(JSON.stringify(article.claims))];
  if (article.duplicateOf === duplicateBefore) parts.push(line.subarray(end));
  else if (duplicateBefore === undefined && line.lastIndexOf(DUPLICATE_KEY) < 0) {
    parts.push(line.subarray(end, line.length - 1), DUPLICATE_KEY, Buffer.from(`${JSON.stringify(article.duplicateOf)}}`));
  } else return null;
  return Buffer.concat(parts);
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

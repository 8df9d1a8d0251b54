/**
 * The reduce side of a run: shard files in (map output, or articles.jsonl of
 * earlier runs), every report out. Streaming passes, so memory grows with
 * an index entry per article, not with the articles:
 * 1. read every record: errors, warnings and files go to the summary; each
 *    article leaves its id, path and place in the shard; ids used twice are
 *    made unique (the copy later in path order gets `id~hash`, as one run
 *    over the folder gives it);
 *    pass 1 also feeds the corpus pass (near-duplicates, restated and
 *    contradicting claims: src/corpus/link.ts) with the few fields it needs;
 * 2. read the articles in id order, annotated with those links, and write
 *    articles.jsonl, the CSV files, summary.json and report.html; in a large
 *    reduce, articles.jsonl and the CSV files are written by a thread of
 *    their own (src/run/report-writer.ts) while this one goes on reading.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Article } from '../doc/types.ts';
import { idFromPath } from '../ingest/identity.ts';
import type { ArticleWarning } from '../ingest/errors.ts';
import { SummaryBuilder, type RunInfo, type Summary } from '../report/summary.ts';
import { HtmlReportBuilder, sourceBaseFor } from '../report/html.ts';
import { CorpusLinker } from '../corpus/link.ts';
import { trimHeap } from './heap.ts';
import { ARTICLE_REPORTS, ArticleReports, ArticleReportsThread, ReportFiles, type ArticleSink } from './report-files.ts';
import { articleHead, linkFields, relinkedLine, comparePaths, fileOfPath, isMetaRecord, parseShardLine, ShardError, type FirstPassLine, type ShardRecord } from './records.ts';

/** Articles read ahead of the one being handed out in pass 2. */
const READ_AHEAD = 32;

/**
 * From this many articles on, articles.jsonl and the CSV files are written on
 * a thread of their own ({@link ArticleReportsThread}): below it, starting
 * the thread costs more than it saves.
 */
export const WRITER_THREAD_ARTICLES = 1000;

/** One line of a shard: its bytes (without the line break, or a byte-order mark the shard opens with), and its place. */
interface ShardLine {
  bytes: Buffer;
  offset: number;
  length: number;
  lineNo: number;
}

/** Whether a line holds anything but white space (a blank line is skipped). */
function hasContent(bytes: Buffer): boolean {
  for (const b of bytes) {
    // beyond ASCII, the line is decoded to tell (U+3000 is white space too)
    if (b >= 0x80) return bytes.toString('utf8').trim() !== '';
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return true;
  }
  return false;
}

/** The lines of a file with their byte offsets (a Buffer-level split, so offsets are exact for any text). */
async function* shardLines(file: string): AsyncGenerator<ShardLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  let lineNo = 0;
  const line = (bytes: Buffer): ShardLine | null => {
    lineNo++;
    const at = offset;
    offset += bytes.length + 1;
    const kept = lineBytes(bytes);
    return hasContent(kept) ? { bytes: kept, offset: at, length: bytes.length, lineNo } : null;
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      const part = chunk.subarray(from, nl);
      const found = line(pendingBytes ? Buffer.concat([...pending, part]) : part);
      if (found) yield found;
      pending = [];
      pendingBytes = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingBytes += chunk.length - from;
    }
  }
  if (pendingBytes) {
    const found = line(Buffer.concat(pending));
    if (found) yield found;
  }
}

/** A record of pass 1 (an article: only its id, path and link fields) and its place in its shard. */
interface PlacedRecord {
  record: ShardRecord;
  offset: number;
  length: number;
}

/** The records of a shard for pass 1: an article's id and path and the fields the corpus pass needs, read from its bytes. */
async function* shardRecords(file: string): AsyncGenerator<PlacedRecord> {
  for await (const line of shardLines(file)) {
    // an article needs only its id, path and link fields here; the whole of it is read in pass 2
    const head = articleHead(line.bytes);
    const link = head ? linkFields(line.bytes) : null;
    const record = head && link ? ({ ...head, ...link } as unknown as Article) : parseShardLine(line.bytes.toString('utf8'), file, line.lineNo);
    yield { record, offset: line.offset, length: line.length };
  }
}

/** The same records, read from a first-pass file written beside the shard (about a fifth of its size). */
async function* firstPassRecords(file: string): AsyncGenerator<PlacedRecord> {
  for await (const line of shardLines(file)) {
    const value = JSON.parse(line.bytes.toString('utf8')) as FirstPassLine;
    if ('at' in value) yield { record: value.article as unknown as Article, offset: value.at[0], length: value.at[1] };
    else yield { record: value, offset: 0, length: 0 };
  }
}

interface IndexEntry {
  id: string;
  path: string;
  shard: number;
  offset: number;
  length: number;
  /** the id this article is published under, when its own was taken */
  renamedTo?: string;
  /** a second copy of an article already read (the same path in two shards): left out */
  repeated?: boolean;
}

export interface ReduceOptions {
  /** the summary's run block, without its duration (filled in at the end) */
  run: Omit<RunInfo, 'durationMs'> & { durationMs?: number };
  /** when the run started, for the duration */
  started?: number;
  entityBands: { positive: number; negative: number };
  /** the folder article paths are relative to: report.html links files through it, and shows it as the input */
  source?: string;
  /** write articles.jsonl and the CSV files on a thread of their own; default: from {@link WRITER_THREAD_ARTICLES} articles on */
  writerThread?: boolean;
  /**
   * for each shard, a first-pass file written beside it (records.ts,
   * firstPassLines) for the first pass to read instead of the shard, or
   * null to read the shard
   */
  firstPass?: ReadonlyArray<string | null>;
}

export interface ReduceResult {
  summary: Summary;
  written: string[];
  /** whether articles.jsonl and the CSV files were written on a thread of their own */
  writerThread: boolean;
}

/** Builds every report in `outDir` from shard files. */
export async function reduceShards(shards: readonly string[], outDir: string, options: ReduceOptions): Promise<ReduceResult> {
  await fs.mkdir(outDir, { recursive: true });
  const summary = new SummaryBuilder(options.entityBands);
  const entries: IndexEntry[] = [];
  const filesSeen = new Set<string>();
  let fileRecords = 0;
  const articleFiles = new Set<string>();
  const linker = new CorpusLinker();
  const linked = new Set<string>();

  // Pass 1: the index, and everything that is not an article.
  for (const [shard, file] of shards.entries()) {
    const firstPass = options.firstPass?.[shard];
    for await (const { record, offset, length } of firstPass ? firstPassRecords(firstPass) : shardRecords(file)) {
      trimHeap();
      if (!isMetaRecord(record)) {
        // the linker knows the article by its place in `entries` until ids are made unique;
        // a second copy of the same article (same id and path) is left to the warning below
        const copy = `${record.id}\u0000${record.path}`;
        if (!linked.has(copy)) {
          linked.add(copy);
          linker.add({ ...record, id: String(entries.length) });
        }
        entries.push({ id: record.id, path: record.path, shard, offset, length });
        articleFiles.add(fileOfPath(record.path));
        continue;
      }
      const { record: kind, ...rest } = record;
      if (kind === 'error') summary.addError(rest as never);
      else if (kind === 'warning') summary.addWarning(rest as never);
      else if (!filesSeen.has(record.path)) {
        // the same file mapped twice (a re-run shard) counts once
        filesSeen.add(record.path);
        fileRecords++;
        if (record.articles > 0) summary.addEncoding(record.encoding, record.articles);
      }
    }
  }
  for (const w of renameDuplicateIds(entries)) summary.addWarning(w);
  const idOf = (e: IndexEntry) => e.renamedTo ?? e.id;
  linker.renameAll((k) => idOf(entries[Number(k)]!));
  summary.setLinks(linker.finish());
  entries.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : comparePaths(a.path, b.path)));

  // Pass 2: the articles in id order, linked across the corpus.
  const wanted = entries.filter((e) => !e.repeated);
  const reports = new ReportFiles(outDir);
  const writerThread = options.writerThread ?? wanted.length >= WRITER_THREAD_ARTICLES;
  const handles = await Promise.all(shards.map((s) => fs.open(s, 'r')));
  let thread: ArticleReportsThread | null = null;
  try {
    thread = writerThread ? new ArticleReportsThread(outDir, reports) : null;
    const articles: ArticleSink = thread ?? new ArticleReports(reports);
    const html = new HtmlReportBuilder(options.source === undefined ? { inputLabel: options.run.input } : { sourceBase: sourceBaseFor(outDir, options.source), inputLabel: options.source });
    for await (const { article, bytes, renamed } of readArticles(wanted, handles, shards, idOf)) {
      trimHeap();
      const duplicateBefore = article.duplicateOf;
      const linked = linker.apply(article);
      summary.add(article);
      html.add(article);
      // an article the reduce left as it was is written as the bytes it was read from, a linked one with its
      // links spliced in where it can be
      const line = renamed ? null : linked ? relinkedLine(bytes, article, duplicateBefore) : bytes;
      await articles.add(line ?? Buffer.from(JSON.stringify(article)), article);
    }
    await articles.finish();
    // without file records (articles.jsonl of earlier runs), the files are those the articles came from
    const files = fileRecords > 0 ? fileRecords : articleFiles.size;
    const run: RunInfo = { ...options.run, durationMs: options.run.durationMs ?? (options.started !== undefined ? Date.now() - options.started : 0) };
    const built = summary.build(files, run);
    await reports.write('summary.json', `${JSON.stringify(built, null, 2)}\n`);
    await reports.write('report.html', html.render(built));
    const [jsonl, ...csvs] = ARTICLE_REPORTS;
    const written = await reports.finish([jsonl!, 'summary.json', ...csvs, 'report.html']);
    return { summary: built, written, writerThread };
  } catch (error) {
    await thread?.stop();
    await reports.abort();
    throw error;
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}

/**
 * A shard line's bytes as articles.jsonl keeps them: without the \r of a
 * line ending in CRLF, or the byte-order mark a shard may open with.
 */
function lineBytes(line: Buffer): Buffer {
  const from = line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf ? 3 : 0;
  const to = line.length > from && line[line.length - 1] === 13 ? line.length - 1 : line.length;
  return from === 0 && to === line.length ? line : line.subarray(from, to);
}

/**
 * The articles of `entries`, in order, parsed and given their final ids.
 * Reads run a few articles ahead of the one handed out, so the disk and the
 * parsing overlap.
 */
async function* readArticles(
  entries: readonly IndexEntry[],
  handles: readonly FileHandle[],
  shards: readonly string[],
  idOf: (e: IndexEntry) => string,
): AsyncGenerator<{ article: Article; bytes: Buffer; renamed: boolean }> {
  // each line in memory of its own (not a slice of Buffer's shared pool), so it can be moved to the writer thread
  const read = (e: IndexEntry) => {
    const buffer = Buffer.allocUnsafeSlow(e.length);
    return handles[e.shard]!.read(buffer, 0, e.length, e.offset).then(() => buffer);
  };
  const ahead: Array<Promise<Buffer>> = [];
  for (let k = 0; k < Math.min(READ_AHEAD, entries.length); k++) ahead.push(read(entries[k]!));
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const bytes = lineBytes(await ahead.shift()!);
    if (k + READ_AHEAD < entries.length) ahead.push(read(entries[k + READ_AHEAD]!));
    const json = bytes.toString('utf8');
    let article: Article;
    try {
      article = JSON.parse(json) as Article;
    } catch (error) {
      throw new ShardError(`${shards[e.shard]}: the article ${e.id} is not valid JSON (${(error as Error).message}); the shard is damaged`);
    }
    const renamed = idOf(e) !== article.id;
    if (renamed) article.id = idOf(e);
    yield { article, bytes, renamed };
  }
}

/**
 * Gives every id used by more than one article to the first of them in path
 * order and `id~hash` to the others, with a warning for each.
 */
function renameDuplicateIds(entries: IndexEntry[]): ArticleWarning[] {
  const byId = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  const warnings: ArticleWarning[] = [];
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    list.sort((a, b) => comparePaths(a.path, b.path) || a.shard - b.shard || a.offset - b.offset);
    const first = list[0]!;
    const paths = new Set([first.path]);
    for (const e of list.slice(1)) {
      // the same article again (one file in two shards): only its first copy is kept
      if (paths.has(e.path)) {
        e.repeated = true;
        warnings.push({ path: e.path, code: 'repeated-article', message: `This article is in more than one shard; the copy in shard ${e.shard + 1} is left out` });
        continue;
      }
      paths.add(e.path);
      e.renamedTo = `${id}~${idFromPath(e.path).slice(1, 7)}`;
      warnings.push({ path: e.path, code: 'duplicate-id', message: `Id ${id} is already used by ${first.path}; this article was given the id ${e.renamedTo}. Remove the copy if it is a duplicate` });
    }
  }
  return warnings;
}

/**
 * Writing the reports of a reduce: the files under temporary names, renamed
 * together at the end, and the per-article reports (articles.jsonl and the
 * CSV files), which grow by an article's lines at a time.
 */
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Article } from '../doc/types.ts';
import { csvLines, csvStart, type Cell } from '../report/csv.ts';
import { articleRows, COLUMNS, type CsvName } from '../report/rows.ts';
import type { WriterMessage, WriterReply } from './report-writer.ts';

/** CSV rows held before they are written: fewer, larger writes, and few enough rows to keep memory flat. */
const CSV_BATCH_ROWS = 2000;

const CSV_NAMES = Object.keys(COLUMNS) as CsvName[];
const NEWLINE = Buffer.from('\n');

/** The reports {@link ArticleReports} writes, in the order a run lists them. */
export const ARTICLE_REPORTS: readonly string[] = ['articles.jsonl', ...CSV_NAMES.map((n) => `${n}.csv`)];

/** Writes to a stream, waiting while the stream is behind (its buffer full) so memory stays flat. */
export async function writeInTurn(stream: Writable, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/** The temporary name a report is written under until the run is done. */
export const tmpName = (dir: string, name: string): string => path.join(dir, `${name}.tmp-${process.pid}`);

/** The reports' files, written under temporary names and renamed together at the end. */
export class ReportFiles {
  private readonly streams = new Map<string, WriteStream>();
  /** reports another thread writes under the same temporary names: renamed and cleaned up with these */
  private readonly adopted = new Set<string>();
  /** the first error of any stream (a full disk, a folder in the way): every later write or close throws it */
  private failure: Error | null = null;

  constructor(private readonly dir: string) {}

  private stream(name: string): WriteStream {
    let s = this.streams.get(name);
    if (!s) {
      const stream = createWriteStream(tmpName(this.dir, name), { encoding: 'utf8', highWaterMark: 1 << 20 });
      stream.on('error', (error) => {
        this.failure ??= new Error(`cannot write ${name} in ${this.dir}: ${error.message}`);
        // a write waiting for the disk to catch up is woken to see the failure
        stream.emit('drain');
      });
      this.streams.set(name, stream);
      s = stream;
    }
    return s;
  }

  /** Takes on reports written by another thread (src/run/report-writer.ts) under this folder's temporary names. */
  adopt(names: readonly string[]): void {
    for (const name of names) this.adopted.add(name);
  }

  /** Appends text (written as UTF-8) or bytes to a report, waiting when the disk is behind so memory stays flat. */
  async write(name: string, text: string | Uint8Array): Promise<void> {
    const s = this.stream(name);
    if (this.failure) throw this.failure;
    if (text.length) await writeInTurn(s, text);
    if (this.failure) throw this.failure;
  }

  /** Closes every report this object writes. */
  async close(): Promise<void> {
    for (const s of this.streams.values()) {
      if (this.failure) break;
      await new Promise<void>((resolve) => {
        s.once('error', () => resolve());
        s.end(() => resolve());
      });
    }
    if (this.failure) throw this.failure;
  }

  /** Closes every report and moves each of `order` that was written to its name. Returns those moved. */
  async finish(order: readonly string[]): Promise<string[]> {
    await this.close();
    const written: string[] = [];
    for (const name of order) {
      if (!this.streams.has(name) && !this.adopted.has(name)) continue;
      await fs.rename(tmpName(this.dir, name), path.join(this.dir, name));
      written.push(name);
    }
    return written;
  }

  /** Removes the temporary files after a failure. */
  async abort(): Promise<void> {
    for (const s of this.streams.values()) s.destroy();
    // a file that cannot be removed is left: the error that stopped the run is the one to report
    for (const name of new Set([...this.streams.keys(), ...this.adopted])) await fs.rm(tmpName(this.dir, name), { force: true }).catch(() => undefined);
  }
}

/** Where a reduce sends each article, in id order, for articles.jsonl and the CSV files. */
export interface ArticleSink {
  /** `line` is the article's line of articles.jsonl in UTF-8, without its newline; `article` the same article, parsed */
  add(line: Uint8Array, article: Article): Promise<void>;
  /** Writes what is still held; the files are then complete (and closed, when another thread wrote them). */
  finish(): Promise<void>;
}

/** articles.jsonl and the CSV files, written on this thread. */
export class ArticleReports implements ArticleSink {
  private readonly pending = Object.fromEntries(CSV_NAMES.map((n) => [n, [] as Cell[][]])) as Record<CsvName, Cell[][]>;
  private started = false;

  constructor(private readonly files: ReportFiles) {}

  private async start(): Promise<void> {
    this.started = true;
    await this.files.write('articles.jsonl', '');
    for (const name of CSV_NAMES) await this.files.write(`${name}.csv`, csvStart(COLUMNS[name]));
  }

  // rows are turned into CSV text a batch at a time
  private async flushCsv(name: CsvName): Promise<void> {
    await this.files.write(`${name}.csv`, csvLines(this.pending[name]));
    this.pending[name] = [];
  }

  /** Writes the CSV rows held so far. */
  async flush(): Promise<void> {
    if (!this.started) await this.start();
    for (const name of CSV_NAMES) await this.flushCsv(name);
  }

  async add(line: Uint8Array, article: Article): Promise<void> {
    if (!this.started) await this.start();
    await this.files.write('articles.jsonl', line);
    await this.files.write('articles.jsonl', NEWLINE);
    const rows = articleRows(article);
    for (const name of CSV_NAMES) {
      const pending = this.pending[name];
      for (const row of rows[name]) pending.push(row);
      if (pending.length >= CSV_BATCH_ROWS) await this.flushCsv(name);
    }
  }

  async finish(): Promise<void> {
    await this.flush();
  }
}

/**
 * The module the writer thread starts from: built, the compiled writer; from
 * the TypeScript sources, the shim that registers tsx first (as for the map's
 * workers), told which module to load.
 */
const WRITER_MODULE = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./report-writer.js', import.meta.url);

/** Lines sent to the writer thread in one message, and at most how many bytes. */
const BATCH_LINES = 16;
const BATCH_BYTES = 4 << 20;
/** Batches sent and not yet written: enough to keep the writer busy, few enough to keep memory flat. */
const MAX_IN_FLIGHT = 4;

/** A view that is the whole of its memory, which can then be handed to another thread without a copy. */
const ownsItsMemory = (bytes: Uint8Array): boolean => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;

/**
 * articles.jsonl and the CSV files, written on a thread of their own
 * (src/run/report-writer.ts) under `files`' temporary names. The calling
 * thread only hands over each article's line, as the bytes it read (moved,
 * not copied, when they own their memory); the writer writes them as they
 * are, parses them again and does the rest: turning rows into CSV text and
 * encoding it cost about half of a reduce's time on one thread.
 */
export class ArticleReportsThread implements ArticleSink {
  private readonly worker: Worker;
  private batch: Uint8Array[] = [];
  private batchBytes = 0;
  private inFlight = 0;
  private done = false;
  private failure: Error | null = null;
  /** resolved on every reply and on the thread's end, for whoever waits */
  private wake: (() => void) | null = null;

  constructor(dir: string, files: ReportFiles) {
    files.adopt(ARTICLE_REPORTS);
    this.worker = new Worker(WRITER_MODULE, { workerData: { dir, stratlensModule: './report-writer.ts' } });
    this.worker.on('message', (reply: WriterReply) => {
      if (reply.type === 'ack') this.inFlight--;
      else if (reply.type === 'done') this.done = true;
      else this.failure ??= new Error(`writing the article reports failed: ${reply.message}`);
      this.poke();
    });
    this.worker.on('error', (error) => {
      this.failure ??= error;
      this.poke();
    });
    this.worker.on('exit', (code) => {
      if (!this.done) this.failure ??= new Error(`the thread writing the article reports stopped (exit code ${code})`);
      this.poke();
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Waits until `ready` holds, throwing the writer's failure if it fails first. */
  private async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (ready()) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private async send(message: WriterMessage): Promise<void> {
    await this.until(() => this.inFlight < MAX_IN_FLIGHT);
    if ('lines' in message) {
      this.inFlight++;
      // lines that own their memory are moved to the writer; any other (a slice of a shared pool) is copied
      this.worker.postMessage(message, message.lines.filter(ownsItsMemory).map((l) => l.buffer as ArrayBuffer));
    } else this.worker.postMessage(message);
  }

  /** Takes `line` over: once handed over, its memory may belong to the writer thread. */
  async add(line: Uint8Array): Promise<void> {
    this.batch.push(line);
    this.batchBytes += line.byteLength;
    if (this.batch.length >= BATCH_LINES || this.batchBytes >= BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const lines = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    await this.send({ lines });
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.send({ end: true });
    await this.until(() => this.done);
  }

  /** Stops the thread (after a failure elsewhere), so its files can be removed. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

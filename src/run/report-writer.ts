/**
 * The thread that writes articles.jsonl and the CSV files of a large reduce
 * ({@link ArticleReportsThread} in src/run/report-files.ts starts it). It
 * takes batches of articles.jsonl lines, in id order, parses each and writes
 * its lines and CSV rows, while the calling thread goes on reading the
 * shards and building summary.json and report.html.
 *
 * Messages in: `{ lines: Uint8Array[] }` (each line's UTF-8 bytes, without
 * its newline), then `{ end: true }`. Out: `{ type: 'ack' }`
 * for each batch written, `{ type: 'done' }` when the files are closed, or
 * `{ type: 'error', message }`, after which the thread takes no more work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../doc/types.ts';
import { configureTrim, trimHeap } from './heap.ts';
import { ArticleReports, ReportFiles } from './report-files.ts';

export type WriterMessage = { lines: Uint8Array[] } | { end: true };
export type WriterReply = { type: 'ack' } | { type: 'done' } | { type: 'error'; message: string };

// This thread keeps little alive (a batch of articles and its rows), so its heap is trimmed sooner than the
// calling thread's: reducing 10,000 articles, the run's peak fell from 355 to 304 MB in about the same time
// (9.3 and 9.6 s). Lower still (32 MB, 16 MB headroom), it collected so often that the reduce took 16 s.
configureTrim({ floorMb: 64, headroomMb: 32 });
const port = parentPort!;
const files = new ReportFiles((workerData as { dir: string }).dir);
const reports = new ArticleReports(files);
let work: Promise<void> = Promise.resolve();
let failed = false;
const reply = (message: WriterReply) => port.postMessage(message);

// messages are handled one after the other, in the order they came
port.on('message', (message: WriterMessage) => {
  work = work.then(async () => {
    if (failed) return;
    try {
      if ('lines' in message) {
        for (const line of message.lines) {
          trimHeap();
          const bytes = Buffer.from(line.buffer, line.byteOffset, line.byteLength);
          await reports.add(bytes, JSON.parse(bytes.toString('utf8')) as Article);
        }
        // the rows of a batch are written with it: held rows keep their articles' texts alive
        await reports.flush();
        reply({ type: 'ack' });
      } else {
        await reports.finish();
        await files.close();
        reply({ type: 'done' });
        port.close();
      }
    } catch (error) {
      failed = true;
      reply({ type: 'error', message: (error as Error).message });
    }
  });
});

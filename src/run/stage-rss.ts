/**
 * Peak RSS by stage, for the benchmark: which stage was running when the
 * process's memory peaked.
 *
 * Each analysing worker writes the code of the stage it is in to a slot of
 * a shared board (an Atomics store: nothing it would notice); the calling
 * thread reads the process's RSS on a timer and credits it to every stage
 * running at that moment. Codes: 0 for none, 1 for ingest, 2 + k for the
 * pipeline's k-th stage, which is the order of a file's timings
 * (src/run/analyze-file.ts), so the calling thread names the codes from the
 * timings without loading the stages.
 */

/** Worker slots on a board; more workers than this share the last slot. */
const SLOTS = 64;

/** The code of a worker in no stage. */
export const IDLE = 0;
/** The code of ingest, which also covers the moments between a file's articles. */
export const INGEST = 1;
/** The code of the pipeline's `index`-th stage, as the runner's onStage gives it; -1 (all stages have run) is back to the file's ingest. */
export const stageCode = (index: number): number => (index < 0 ? INGEST : index + 2);

/** A board for {@link stageMarker} and {@link StageRssSampler}: slot 0 counts the workers that took a slot. */
export function createStageBoard(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (SLOTS + 1));
}

/** The worker side: a function that records the stage this thread is in (code as above). */
export function stageMarker(board: SharedArrayBuffer): (code: number) => void {
  const cells = new Int32Array(board);
  const slot = Math.min(SLOTS, Atomics.add(cells, 0, 1) + 1);
  return (code) => {
    Atomics.store(cells, slot, code);
  };
}

/** The calling thread's side: samples RSS every `intervalMs` while started. */
export class StageRssSampler {
  private readonly cells: Int32Array;
  /** highest RSS seen, in bytes, by stage code */
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    board: SharedArrayBuffer,
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {
    this.cells = new Int32Array(board);
  }

  start(intervalMs = 20): void {
    this.timer ??= setInterval(() => this.sample(), intervalMs).unref();
  }

  /** Reads RSS once and credits it to the stages running now. */
  sample(): void {
    const slots = Math.min(SLOTS, Atomics.load(this.cells, 0));
    let rss = -1;
    for (let slot = 1; slot <= slots; slot++) {
      const code = Atomics.load(this.cells, slot);
      if (code === 0) continue;
      if (rss < 0) rss = this.rss();
      if (rss > (this.peaks.get(code) ?? 0)) this.peaks.set(code, rss);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Peaks in MB by stage name; `stageNames` lists ingest, then the pipeline's stages in order. */
  peaksMb(stageNames: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [code, bytes] of [...this.peaks].sort((a, b) => a[0] - b[0])) out[stageNames[code - INGEST] ?? `stage ${code}`] = bytes / (1 << 20);
    return out;
  }
}

import type { Progress } from '../analyze.ts';

/** Formats seconds as 1h02m, 3m05s or 12s. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** One progress line: count, rate, ETA and the file being read. */
export function progressLine(p: Progress, elapsedMs: number, width = 100): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? p.filesDone / seconds : 0;
  const eta = rate > 0 ? (p.filesTotal - p.filesDone) / rate : NaN;
  const pct = p.filesTotal ? Math.floor((100 * p.filesDone) / p.filesTotal) : 100;
  const line = `${p.filesDone}/${p.filesTotal} files (${pct}%) · ${p.articles} articles · ${p.failed} failed · ${rate.toFixed(1)} files/s · ETA ${formatDuration(eta)} · ${p.currentPath}`;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** A throttled progress reporter that redraws one line on a terminal. */
export function createProgressReporter(stream: NodeJS.WriteStream): { update(p: Progress): void; done(): void } {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.filesDone < p.filesTotal) return;
      last = now;
      stream.write(`\r\x1b[2K${progressLine(p, now - started, (stream.columns ?? 100) - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

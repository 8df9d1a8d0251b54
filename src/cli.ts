#!/usr/bin/env node
/** Command line: argument parsing, progress, exit status — nothing else. */
import { parseArgs } from 'node:util';
import { analyzeCommand, defaultCacheDir, UsageError } from './commands/analyze.ts';
import { createProgressReporter } from './cli/progress.ts';
import { parseOffset } from './ingest/dates.ts';
import { TOOL } from './version.ts';
import { projectPath } from './paths.ts';

const DEFAULT_INPUT = projectPath('data', 'sample');

const HELP = `stratlens ${TOOL.version}: structured data from corporate-strategy news

Usage:
  stratlens analyze [folder] [--out reports] [--workers N] [--no-cache] [--timezone +08:00] [--max-file-size 16] [--quiet]
      Analyse every article below <folder> (default: the bundled sample, data/sample)
      and write the reports of the output contract into --out.
  stratlens map [folder|file…] [--base DIR] [--stdin] [--timezone +08:00] [--max-file-size 16] [--workers N] [--cache-dir DIR]
      Analyse articles and write shard records (Article JSONL, plus file, error and
      warning records) to stdout, with paths relative to --base (default: the current
      folder). --stdin reads JSONL of {"path", "content"} instead.
  stratlens reduce <shard.jsonl…> [--out reports] [--source DIR] [--quiet]
      Build every report from the shards of one or more map runs. --source names
      the folder the shards' paths are relative to (map's --base), so that
      report.html can link each article to its file.
  stratlens quantities
      Read lines of text on stdin; print the quantities found in each as a JSON array.

Options:
  --out <dir>            output folder (default: reports)
  --workers <n>          worker threads (default: every core but one, fewer for small folders)
  --no-cache             analyse every file again, even if unchanged since the last run
  --cache-dir <dir>      where unchanged files' results are kept (default: <out>/.stratlens-cache)
  --timezone <offset>    offset for dates written without one (default: +08:00)
  --max-file-size <MB>   refuse single articles larger than this (default: 16)
  --quiet                print nothing on success
  -h, --help             this help
  -v, --version          the version

Exit status: 0 all files analysed; 2 some files failed (reports still written); 1 usage error.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'reports' },
      timezone: { type: 'string', default: '+08:00' },
      'max-file-size': { type: 'string', default: '16' },
      quiet: { type: 'boolean', default: false },
      workers: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      stdin: { type: 'boolean', default: false },
      base: { type: 'string' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.version) {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  if (command === 'quantities') {
    const { quantitiesCommand } = await import('./commands/quantities.ts');
    return quantitiesCommand(process.stdin, (s) => process.stdout.write(s));
  }
  if (!['analyze', 'map', 'reduce'].includes(command)) throw new UsageError(`Unknown command "${command}". Run stratlens --help for the commands`);
  const timezone = parseOffset(values.timezone);
  if (!timezone) throw new UsageError(`--timezone "${values.timezone}" is not an offset. Write it like +08:00 or -05:00`);
  const maxMb = Number(values['max-file-size']);
  if (!(maxMb > 0)) throw new UsageError(`--max-file-size "${values['max-file-size']}" is not a positive number of megabytes`);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers "${values.workers}" is not a whole number of at least 1`);
  }
  const progress = process.stderr.isTTY && !values.quiet ? createProgressReporter(process.stderr) : undefined;
  const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s), progress };
  const ingest = { defaultOffset: timezone, maxFileBytes: Math.round(maxMb * 1024 * 1024) };
  if (command === 'map') {
    const { mapCommand } = await import('./commands/map.ts');
    if (values.stdin && rest.length > 0) throw new UsageError('map reads either --stdin or paths, not both');
    return mapCommand({ paths: rest, base: values.base, stdin: values.stdin, ingest, workers, cacheDir: values['cache-dir'] ?? null });
  }
  if (command === 'reduce') {
    const { reduceCommand } = await import('./commands/reduce.ts');
    if (rest.length === 0) throw new UsageError('reduce needs at least one shard: stratlens reduce shard-1.jsonl shard-2.jsonl --out reports');
    return reduceCommand({ shards: rest, out: values.out, source: values.source, quiet: values.quiet }, io);
  }
  if (rest.length > 1) throw new UsageError(`analyze takes one folder, got ${rest.length}: ${rest.join(' ')}`);
  if (values['no-cache'] && values['cache-dir']) throw new UsageError('--no-cache and --cache-dir contradict each other; give one');
  return analyzeCommand(
    {
      input: rest[0] ?? DEFAULT_INPUT,
      out: values.out,
      timezone,
      maxFileBytes: ingest.maxFileBytes,
      quiet: values.quiet,
      workers,
      cacheDir: values['no-cache'] ? null : (values['cache-dir'] ?? defaultCacheDir(values.out)),
    },
    io,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`stratlens: ${(error as Error).message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`stratlens: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
    }
  },
);

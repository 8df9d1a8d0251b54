/**
 * The incremental-run cache: a file's shard lines, kept under a key made of
 * the file's bytes, its path, the run's options and a fingerprint of
 * everything that decides the analysis (the tool's version, its source, its
 * lexicons and the versions of the NLP packages). An unchanged file is not
 * analysed again; any change to any of those gives a new key.
 *
 * Layout: <dir>/<fingerprint>/<k0k1>/<key>.jsonl. A run prunes the folders of
 * other fingerprints (an older version's entries can never be hit again).
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL } from '../version.ts';
import { PROJECT_ROOT as ROOT } from '../paths.ts';

/**
 * What decides the analysis besides the input: the code that runs (src/, or
 * dist/src/ when the build runs, so an edit not yet built does not count),
 * the lexicons, and the packages that segment and tag.
 */
const FINGERPRINT_DIRS = [fileURLToPath(new URL('..', import.meta.url)), path.join(ROOT, 'lexicons')];
const FINGERPRINT_PACKAGES = ['nodejieba', 'compromise', 'natural', 'cheerio', 'gray-matter', 'pinyin-pro'];

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

let fingerprint: string | null = null;

/** A hash of the tool's version, source, lexicons and NLP package versions; computed once a process. */
export function analysisFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  hash.update(`${TOOL.name}@${TOOL.version}\0`);
  for (const dir of FINGERPRINT_DIRS) {
    for (const file of filesBelow(dir).sort()) {
      hash.update(`${path.relative(ROOT, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
  for (const name of FINGERPRINT_PACKAGES) {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : 'absent';
    hash.update(`${name}@${version}\0`);
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

/** Cache statistics for the run summary and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly dir: string;
  private pruned = false;
  private readonly made = new Set<string>();

  /** @param options what else changes results (time zone, size limit), as part of every key */
  constructor(
    root: string,
    private readonly options: Record<string, unknown>,
  ) {
    this.dir = path.join(root, analysisFingerprint());
  }

  /** The key of a file: its bytes, its path in the corpus and the run's options. */
  keyOf(relPath: string, bytes: Uint8Array): string {
    return createHash('sha256').update(JSON.stringify(this.options)).update('\0').update(relPath).update('\0').update(bytes).digest('hex');
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.jsonl`);
  }

  /** The lines kept for `key`, or null. A damaged entry is a miss. */
  async get(key: string): Promise<string[] | null> {
    let content: string;
    try {
      content = await fs.readFile(this.fileOf(key), 'utf8');
    } catch {
      this.stats.misses++;
      return null;
    }
    // an entry ends with a newline: a torn write (a crash mid-write) is not trusted
    if (!content.endsWith('\n')) {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    return content.slice(0, -1).split('\n');
  }

  /** Keeps `lines` under `key`, written to a temporary name and renamed so readers never see half an entry. */
  async put(key: string, lines: readonly string[]): Promise<void> {
    const file = this.fileOf(key);
    const dir = path.dirname(file);
    if (!this.made.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(tmp, `${lines.join('\n')}\n`, 'utf8');
    await fs.rename(tmp, file);
    if (!this.pruned) await this.prune();
  }

  /** Removes the entries of other fingerprints: they belong to another version of the tool or its lexicons. */
  private async prune(): Promise<void> {
    this.pruned = true;
    const root = path.dirname(this.dir);
    const mine = path.basename(this.dir);
    for (const entry of await fs.readdir(root).catch(() => [] as string[])) {
      if (entry === mine || !/^[0-9a-f]{16}$/.test(entry)) continue;
      const full = path.join(root, entry);
      if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) await fs.rm(full, { recursive: true, force: true });
    }
  }
}

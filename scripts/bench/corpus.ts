/**
 * Writes a synthetic corpus of any size from the real articles: each copy
 * takes a template, swaps some of its paragraphs with paragraphs of other
 * articles in the same format and language, redraws its figures, moves its
 * dates and gets its own id and path. Files keep their source formats
 * (Markdown with front matter, Reuters wires, JSONL feeds) so that ingest
 * does its real work.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRandom, type Random } from './random.ts';
import type { Template } from './templates.ts';
import { shiftDates, stampIds, stampRecordId, varyNumbers } from './vary.ts';

export interface CorpusStats {
  articles: number;
  files: { md: number; txt: number; jsonl: number };
  bytes: number;
  generateMs: number;
}

// Feeds arrive as files of many records; 50 keeps the file count realistic.
const RECORDS_PER_FEED_FILE = 50;
// Enough mixing that copies differ, little enough that each copy still reads as one story.
const SWAP_PARAGRAPH = 0.35;
const SHUFFLE_PARAGRAPHS = 0.5;
const MAX_SHIFT_DAYS = 400;
// A file name that carries the source's own code (finews), which ingest reads as the id.
const CODED_NAME = /^\d{4}-\d{2}-\d{2}-(?:NW)?\d{15,}/;

type Pools = Map<string, string[]>;
const poolKey = (t: Template) => `${t.kind}:${t.language}`;

/** Paragraphs that can move between articles: all but a body's first and last, which hold wrappers and headlines. */
function buildPools(templates: readonly Template[]): Pools {
  const pools: Pools = new Map();
  for (const t of templates) {
    const movable = t.kind === 'feed' ? t.chunks.slice(1) : t.chunks.slice(1, -1);
    pools.set(poolKey(t), [...(pools.get(poolKey(t)) ?? []), ...movable]);
  }
  return pools;
}

function varyBody(t: Template, pools: Pools, random: Random): string {
  const keepsLast = t.kind !== 'feed';
  if (t.chunks.length < (keepsLast ? 3 : 2)) return varyNumbers(t.chunks.join(''), random);
  const first = t.chunks[0]!;
  const last = keepsLast ? t.chunks[t.chunks.length - 1]! : '';
  const pool = pools.get(poolKey(t)) ?? [];
  let middle = t.chunks.slice(1, keepsLast ? -1 : undefined).map((c) => (pool.length > 0 && random.chance(SWAP_PARAGRAPH) ? random.pick(pool) : c));
  if (random.chance(SHUFFLE_PARAGRAPHS)) middle = random.shuffle(middle);
  return varyNumbers([first, ...middle, last].join(''), random);
}

function varyRecord(t: Template, serial: number, days: number, pools: Pools, random: Random): Record<string, unknown> {
  const record = { ...t.record };
  const content = varyBody(t, pools, random);
  const original = t.chunks.join('');
  if (typeof record.brief === 'string') record.brief = record.brief === original ? content : varyNumbers(record.brief, random);
  if (typeof record.title === 'string') record.title = varyNumbers(record.title, random);
  for (const key of ['datetime', 'date']) if (typeof record[key] === 'string') record[key] = shiftDates(record[key] as string, days);
  if (typeof record.ctime === 'number' || (typeof record.ctime === 'string' && /^\d+$/.test(record.ctime))) {
    const ctime = Number(record.ctime) + days * 86_400;
    record.ctime = typeof record.ctime === 'number' ? ctime : String(ctime);
  }
  record.id = stampRecordId(record.id, serial);
  record.content = content;
  return record;
}

/** The file text and relative path of one Markdown or wire copy. */
function varyFile(t: Template, serial: number, days: number, pools: Pools, random: Random): { path: string; text: string } {
  const header = shiftDates(t.header.replace(/^(title:)(.*)$/m, (_, key: string, value: string) => key + varyNumbers(value, random)), days);
  const text = stampIds(header + varyBody(t, pools, random), serial);
  const name = CODED_NAME.test(t.fileName) ? stampIds(shiftDates(t.fileName, days), serial) : `${serial}-${t.fileName}`;
  // Buckets of 1000 keep folders a size file systems and people handle well.
  return { path: join(t.family, String(Math.floor(serial / 1000)).padStart(3, '0'), name), text };
}

/** Generates `articles` articles from the templates into `dir` (which should be empty); the same seed gives the same bytes. */
export async function generateCorpus(templates: readonly Template[], dir: string, articles: number, seed: number): Promise<CorpusStats> {
  const started = performance.now();
  const random = createRandom(seed);
  const pools = buildPools(templates);
  const stats: CorpusStats = { articles, files: { md: 0, txt: 0, jsonl: 0 }, bytes: 0, generateMs: 0 };
  const madeDirs = new Set<string>();
  const write = async (relPath: string, text: string) => {
    const path = join(dir, relPath);
    if (!madeDirs.has(dirname(path))) {
      await mkdir(dirname(path), { recursive: true });
      madeDirs.add(dirname(path));
    }
    await writeFile(path, text);
    stats.bytes += Buffer.byteLength(text);
  };
  let feedLines: string[] = [];
  const flushFeed = async () => {
    if (feedLines.length === 0) return;
    await write(join('feeds', `feed-${String(stats.files.jsonl).padStart(5, '0')}.jsonl`), `${feedLines.join('\n')}\n`);
    stats.files.jsonl++;
    feedLines = [];
  };
  for (let serial = 0; serial < articles; serial++) {
    const t = random.pick(templates);
    const days = random.int(2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS;
    if (t.kind === 'feed') {
      feedLines.push(JSON.stringify(varyRecord(t, serial, days, pools, random)));
      if (feedLines.length === RECORDS_PER_FEED_FILE) await flushFeed();
      continue;
    }
    const file = varyFile(t, serial, days, pools, random);
    await write(file.path, file.text);
    stats.files[t.kind]++;
  }
  await flushFeed();
  stats.generateMs = performance.now() - started;
  return stats;
}

/**
 * Near-duplicate detection for republished stories: a 64-bit SimHash of each
 * article's text, and an index that finds every pair of fingerprints within
 * a small Hamming distance without comparing all pairs.
 *
 * The index keeps five numbers and the id per article, so it can take
 * millions of articles streamed from disk; texts are never kept.
 */
import { fnv1a, fnv1aStep, FNV_OFFSET } from '../text/hash.ts';
import { simplifyCharacters } from '../text/traditional.ts';

/**
 * Articles whose fingerprints differ in at most this many of 64 bits are
 * near-duplicates. Measured on the project's real articles
 * (tests/corpus/duplicates.test.ts): a republication with a source line
 * added, punctuation or width changed, or one figure edited stays within 0–3
 * bits; unrelated articles, even on the same event the same day, are 14 bits
 * or more apart; a story that lost a fifth of its text drifts to 4–10 bits.
 */
export const MAX_DISTANCE = 3;

/**
 * The shorter text must be at least this share of the longer one. SimHash
 * already keeps a short flash item away from a long feature that contains
 * it; the guard makes sure, whatever the fingerprints say.
 */
export const MIN_LENGTH_RATIO = 0.8;

/** Consecutive text units (Han characters, or words of other scripts) per shingle. */
const SHINGLE_UNITS = 3;

/**
 * One text unit: a single Han, kana or Hangul character (Chinese has no
 * spaces, and a character is roughly half a word), or a run of other letters,
 * digits and marks (a word of English, a figure like 1089). Whitespace and
 * punctuation fall between units and are dropped.
 */
const SINGLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** 0 between units, 1 a unit of its own, 2 part of a word. */
function classOf(ch: string): number {
  return SINGLE.test(ch) ? 1 : WORD.test(ch) ? 2 : 0;
}
/** classOf for every code unit of the BMP (surrogates are classified as whole code points). */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) CLASS[c] = classOf(String.fromCharCode(c));

/** murmur3's finaliser: every input bit reaches every output bit. */
function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * murmur3-style hash of a shingle given as unit hashes, seeded: two seeds
 * give the two independent 32-bit halves of a 64-bit shingle hash. Order
 * matters (a b c ≠ c b a).
 */
function hashShingle(units: Uint32Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    let k = Math.imul(units[i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return finalMix(h ^ (to - from));
}

const SEED_HIGH = 0x9747b28c;
const SEED_LOW = 0x2f1e5d03;

/**
 * The text's units as 32-bit hashes, after folding width and case (NFKC,
 * lower case) and script (Traditional characters to Simplified, so that a
 * Hong Kong or Taiwan repost matches its source). Exported for tests and tuning.
 */
export function textUnits(text: string): Uint32Array {
  const folded = simplifyCharacters(text.normalize('NFKC').toLowerCase());
  const hashes: number[] = [];
  // FNV-1a of the current word's code units, -1 between words
  let word = -1;
  const endWord = () => {
    if (word !== -1) hashes.push(word >>> 0);
    word = -1;
  };
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length;
    const kind = pair ? classOf(folded.slice(i, i + 2)) : CLASS[code]!;
    const width = pair ? 2 : 1;
    if (kind === 2) {
      let h = word === -1 ? FNV_OFFSET : word;
      for (let k = 0; k < width; k++) h = fnv1aStep(h, folded.charCodeAt(i + k));
      word = h >>> 0;
    } else {
      endWord();
      // a unit of its own: the FNV-1a hash of its one or two code units
      if (kind === 1) hashes.push(width === 1 ? fnv1aStep(FNV_OFFSET, code) >>> 0 : fnv1a(folded.slice(i, i + width)));
    }
    i += width - 1;
  }
  endWord();
  return Uint32Array.from(hashes);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * The SimHash of a text: 16 hex digits. Each shingle of three consecutive
 * units votes on each of 64 bits with its hash; a bit is set when more
 * shingles have it set than not. Similar texts share most shingles, so their
 * votes and their fingerprints differ in few bits. An empty text gives 0.
 */
export function fingerprint(text: string): string {
  const units = textUnits(text);
  if (units.length === 0) return '0000000000000000';
  // each shingle hash is counted by its bytes (8 tables of 256), and the
  // votes of the 64 bits are read off those counts at the end
  const counts = new Int32Array(8 * 256);
  const shingles = Math.max(1, units.length - SHINGLE_UNITS + 1);
  for (let s = 0; s < shingles; s++) {
    const to = Math.min(units.length, s + SHINGLE_UNITS);
    const low = hashShingle(units, s, to, SEED_LOW);
    const high = hashShingle(units, s, to, SEED_HIGH);
    counts[low & 0xff]!++;
    counts[256 + ((low >>> 8) & 0xff)]!++;
    counts[512 + ((low >>> 16) & 0xff)]!++;
    counts[768 + (low >>> 24)]!++;
    counts[1024 + (high & 0xff)]!++;
    counts[1280 + ((high >>> 8) & 0xff)]!++;
    counts[1536 + ((high >>> 16) & 0xff)]!++;
    counts[1792 + (high >>> 24)]!++;
  }
  // a bit is set when more shingles have it set than not
  const halves = [0, 0];
  for (let byte = 0; byte < 8; byte++) {
    for (let bit = 0; bit < 8; bit++) {
      let set = 0;
      for (let v = 0; v < 256; v++) if (v & (1 << bit)) set += counts[byte * 256 + v]!;
      if (2 * set > shingles) halves[byte >> 2]! |= 1 << ((byte & 3) * 8 + bit);
    }
  }
  const [low, high] = halves as [number, number];
  return hex8(high) + hex8(low);
}

/** Set bits in a 32-bit number. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two fingerprints (16 hex digits each). */
export function hammingDistance(a: string, b: string): number {
  const [ah, al] = parseFingerprint(a);
  const [bh, bl] = parseFingerprint(b);
  return popcount((ah ^ bh) >>> 0) + popcount((al ^ bl) >>> 0);
}

function parseFingerprint(fp: string): [number, number] {
  if (!/^[0-9a-f]{16}$/i.test(fp)) throw new Error(`Not a fingerprint: "${fp}"; expected 16 hex digits from fingerprint()`);
  return [parseInt(fp.slice(0, 8), 16), parseInt(fp.slice(8), 16)];
}

export interface DuplicateEntry {
  id: string;
  publishedAt: string | null;
  fingerprint: string;
  /** the text's length; texts of very different lengths are never duplicates */
  length: number;
}

function lengthsCompatible(a: number, b: number): boolean {
  const [short, long] = a <= b ? [a, b] : [b, a];
  return long === 0 || short / long >= MIN_LENGTH_RATIO;
}

/**
 * Collects fingerprints and, at the end, groups near-duplicates. With
 * `MAX_DISTANCE` 3, two fingerprints within distance 3 agree exactly on at
 * least one of their four 16-bit bands (pigeonhole), so only articles sharing
 * a band are compared: about n²/65536 comparisons per band instead of n².
 */
export class DuplicateIndex {
  private ids: string[] = [];
  private readonly times: number[] = [];
  private readonly highs: number[] = [];
  private readonly lows: number[] = [];
  private readonly lengths: number[] = [];

  /** Adds one article. Order does not matter. */
  add(entry: DuplicateEntry): void {
    const [high, low] = parseFingerprint(entry.fingerprint);
    const time = entry.publishedAt === null ? NaN : Date.parse(entry.publishedAt);
    this.ids.push(entry.id);
    this.times.push(time);
    this.highs.push(high);
    this.lows.push(low);
    this.lengths.push(entry.length);
  }

  /** Gives every article added so far its final id (ids given at `add` may be provisional). */
  renameAll(rename: (id: string) => string): void {
    this.ids = this.ids.map(rename);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Maps each duplicate's id to the id of its cluster's original: the
   * earliest `publishedAt` (unknown dates last), then the smallest id.
   * Near-duplicate pairs join clusters transitively (A≈B and B≈C put A, B
   * and C together), so the result is the same in any add order. Entries are
   * in order of duplicate id.
   */
  finish(): Map<string, string> {
    const n = this.ids.length;
    const parent = new Int32Array(n).map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    const union = (a: number, b: number): void => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const representatives = this.joinIdentical(union);
    this.joinNear(representatives, union);
    return this.originals(find);
  }

  /**
   * Joins articles with identical fingerprints first (sorted by length, a
   * run of compatible lengths is one group) so that a text republished
   * thousands of times does not make one band bucket quadratic. Returns one
   * representative per group with the group's shortest and longest length.
   */
  private joinIdentical(union: (a: number, b: number) => void): Array<{ index: number; min: number; max: number }> {
    const order = Array.from(this.ids.keys()).sort((a, b) => this.highs[a]! - this.highs[b]! || this.lows[a]! - this.lows[b]! || this.lengths[a]! - this.lengths[b]! || a - b);
    const groups: Array<{ index: number; min: number; max: number }> = [];
    let current: { index: number; min: number; max: number } | null = null;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const prev = k > 0 ? order[k - 1]! : -1;
      if (current && this.highs[i] === this.highs[prev] && this.lows[i] === this.lows[prev] && lengthsCompatible(this.lengths[prev]!, this.lengths[i]!)) {
        union(current.index, i);
        current.max = this.lengths[i]!;
        continue;
      }
      current = { index: i, min: this.lengths[i]!, max: this.lengths[i]! };
      groups.push(current);
    }
    return groups;
  }

  /** Compares the representatives that share a 16-bit band and joins those within MAX_DISTANCE. */
  private joinNear(reps: Array<{ index: number; min: number; max: number }>, union: (a: number, b: number) => void): void {
    const band = (r: number, b: number): number => {
      const i = reps[r]!.index;
      const word = b < 2 ? this.highs[i]! : this.lows[i]!;
      return b % 2 === 0 ? word >>> 16 : word & 0xffff;
    };
    const starts = new Int32Array(65537);
    const sorted = new Int32Array(reps.length);
    for (let b = 0; b < 4; b++) {
      // counting sort on the band's 16 bits: each bucket is a run of `sorted`
      starts.fill(0);
      for (let r = 0; r < reps.length; r++) starts[band(r, b) + 1]!++;
      for (let v = 0; v < 65536; v++) starts[v + 1]! += starts[v]!;
      const fill = starts.slice(0, 65536);
      for (let r = 0; r < reps.length; r++) sorted[fill[band(r, b)]!++] = r;
      for (let v = 0; v < 65536; v++) {
        const from = starts[v]!;
        const to = starts[v + 1]!;
        for (let x = from; x < to; x++) {
          for (let y = x + 1; y < to; y++) {
            const [r, s] = [sorted[x]!, sorted[y]!];
            // a pair that agrees on an earlier band was compared there already
            let seen = false;
            for (let e = 0; e < b && !seen; e++) seen = band(r, e) === band(s, e);
            if (!seen && this.near(reps[r]!, reps[s]!)) union(reps[r]!.index, reps[s]!.index);
          }
        }
      }
    }
  }

  private near(a: { index: number; min: number; max: number }, b: { index: number; min: number; max: number }): boolean {
    const distance = popcount((this.highs[a.index]! ^ this.highs[b.index]!) >>> 0) + popcount((this.lows[a.index]! ^ this.lows[b.index]!) >>> 0);
    if (distance > MAX_DISTANCE) return false;
    // the closest lengths of the two groups decide
    if (a.max >= b.min && b.max >= a.min) return true;
    return a.max < b.min ? lengthsCompatible(a.max, b.min) : lengthsCompatible(b.max, a.min);
  }

  /** Picks each cluster's original and maps every other member to it. */
  private originals(find: (i: number) => number): Map<string, string> {
    const earlier = (a: number, b: number): boolean => {
      const [ta, tb] = [this.times[a]!, this.times[b]!];
      if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(tb);
      if (!Number.isNaN(ta) && ta !== tb) return ta < tb;
      return this.ids[a]! < this.ids[b]!;
    };
    const original = new Map<number, number>();
    for (let i = 0; i < this.ids.length; i++) {
      const root = find(i);
      const best = original.get(root);
      if (best === undefined || earlier(i, best)) original.set(root, i);
    }
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < this.ids.length; i++) {
      const o = original.get(find(i))!;
      if (o !== i && this.ids[i] !== this.ids[o]) pairs.push([this.ids[i]!, this.ids[o]!]);
    }
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    return new Map(pairs);
  }
}

/**
 * Traditional → Simplified Chinese for matching. The only module that imports
 * opencc-js. Lexicons, cues and number words are written in Simplified
 * characters; a Traditional article (Hong Kong or Taiwan press) is read on a
 * Simplified shadow of its text that has exactly the same UTF-16 length, so
 * every offset found on the shadow points into the original, and
 * `resliceTexts` puts the original characters back into the spans.
 */
import { Locale, Trie } from 'opencc-js/t2cn';

type DictLike = string | readonly (readonly [string, string])[];

/** One step of the conversion chain: phrases first (longest match), one code point at a time as the fallback. */
interface Step {
  phrases: Trie;
  /** single code point → replacement of the same UTF-16 length */
  chars: Map<string, string>;
}

let chain: Step[] | null = null;

function entries(dict: DictLike): Array<readonly [string, string]> {
  if (typeof dict !== 'string') return [...dict];
  return dict
    .split('|')
    .map((line) => line.split(' '))
    .filter((pair): pair is [string, string] => pair.length >= 2 && pair[0] !== '' && pair[1] !== '')
    .map(([from, to]) => [from, to] as const);
}

/**
 * A step from one dictionary group; earlier dictionaries win, as in opencc.
 * `keep` lists characters the step must leave alone.
 */
function step(group: readonly DictLike[], keep: ReadonlySet<string> = new Set()): Step {
  const phrases = new Trie();
  const chars = new Map<string, string>();
  for (const dict of [...group].reverse()) {
    const pairs = entries(dict).filter(([from]) => !keep.has(from));
    phrases.loadDict(pairs);
    for (const [from, to] of pairs) {
      if ([...from].length === 1 && to.length === from.length) chars.set(from, to);
    }
  }
  return { phrases, chars };
}

/**
 * The steps, built on first use and kept: Hong Kong variants, then Taiwan
 * variants, to OpenCC's standard Traditional form (裡 → 裏, 峰 → 峯), then
 * standard Traditional → Simplified. Regional vocabulary (軟體 → 软件) is left
 * alone: it is a change of words, not of script, and often of length.
 */
function steps(): Step[] {
  if (!chain) {
    const [hk, tw, cn] = [Locale.from.hk?.[0], Locale.from.tw?.[0], Locale.to.cn?.[0]];
    if (!hk || !tw || !cn) throw new Error('opencc-js: unexpected dictionary layout for hk/tw → cn');
    const simplified = step(cn);
    // A variant rule whose source is already a Simplified character (台 → 臺, 么 → 幺)
    // is undone by the last step, or turns good Simplified text into a variant (什么 → 什幺).
    const targets = new Set(simplified.chars.values());
    chain = [step(hk, targets), step(tw, targets), simplified];
  }
  return chain;
}

/** Converts code point by code point, keeping any that would change length. */
function byCharacter(stretch: string, chars: Map<string, string>): string {
  let out = '';
  for (const c of stretch) out += chars.get(c) ?? c;
  return out;
}

function applyStep(text: string, { phrases, chars }: Step): string {
  let out = '';
  let copyFrom = 0;
  for (let i = 0; i < text.length; ) {
    const match = phrases.matchPrefix(text, i);
    if (!match) {
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    out += text.slice(copyFrom, i);
    // a phrase that changes length (二噁英 → 二𫫇英) would shift every later offset
    out += match.value.length === match.end - i ? match.value : byCharacter(text.slice(i, match.end), chars);
    i = copyFrom = match.end;
  }
  return out + text.slice(copyFrom);
}

/**
 * Simplified form of `text` with exactly the same UTF-16 length, so that
 * offsets found on the result index the original. Phrase conversions are
 * used where they keep the length (乾燥 → 干燥 but 乾隆 stays), otherwise the
 * stretch falls back to character conversion; characters whose Simplified
 * form needs a surrogate pair are kept as they are.
 */
export function toSimplifiedSameLength(text: string): string {
  let out = text;
  for (const s of steps()) out = applyStep(out, s);
  return out;
}

/** Character conversion, composed over the steps: BMP targets of one code unit in `bmp` (0: unchanged), the rest in `other`. */
interface CharacterMap {
  bmp: Uint16Array;
  other: Map<string, string>;
}

let characterMap: CharacterMap | null = null;

function characters(): CharacterMap {
  if (!characterMap) {
    const bmp = new Uint16Array(65536);
    const other = new Map<string, string>();
    const all = steps();
    // compose the steps: a Hong Kong variant goes to standard Traditional, then to Simplified
    for (const { chars } of all) {
      for (const from of chars.keys()) {
        const to = all.reduce((c, s) => s.chars.get(c) ?? c, from);
        if (to === from) continue;
        if (from.length === 1 && to.length === 1) {
          if (bmp[from.charCodeAt(0)] === 0) bmp[from.charCodeAt(0)] = to.charCodeAt(0);
        } else if (!other.has(from)) other.set(from, to);
      }
    }
    characterMap = { bmp, other };
  }
  return characterMap;
}

/**
 * Character-by-character Simplified form, same length, no phrases: 乾 → 干
 * everywhere, even in 乾隆. Not for reading; for keys that must agree between
 * a Simplified text and its Traditional copy (fingerprints, lookups), since
 * both sides go through the same map. Many times faster than
 * `toSimplifiedSameLength`.
 */
export function simplifyCharacters(text: string): string {
  const { bmp, other } = characters();
  let out = '';
  let copyFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // only CJK ideographs (and their extensions, as surrogate pairs) have Traditional forms
    if (code < 0x3400) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      const c = text.slice(i, i + 2);
      const to = other.get(c);
      if (to !== undefined) {
        out += text.slice(copyFrom, i) + to;
        copyFrom = i + 2;
      }
      i++;
      continue;
    }
    const to = bmp[code]!;
    if (to !== 0) {
      out += text.slice(copyFrom, i) + String.fromCharCode(to);
      copyFrom = i + 1;
    }
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** How much of the text `looksTraditional` reads. */
const SAMPLE_LENGTH = 4000;
/** Fewer Han characters than this say nothing about the script (a ticker, a name). */
const MIN_HAN = 20;
/**
 * Share of Han characters that change under conversion above which a text is
 * Traditional. Measured on the project's corpus: Simplified articles stay at or
 * below 0.4% (a few names such as 郭明錤 keep a Traditional character), the
 * Traditional copy of a Simplified article is above 20% (see tests/text/traditional.test.ts).
 */
export const TRADITIONAL_SHARE = 0.05;

/** Per UTF-16 code unit: 0 not a Han character, 1 Han, 2 Han with another Simplified form. */
let hanTable: Uint8Array | null = null;

function hanClasses(): Uint8Array {
  if (!hanTable) {
    const table = new Uint8Array(65536);
    const han = /\p{Script=Han}/u;
    for (let c = 0x2e80; c < 0xd800; c++) if (han.test(String.fromCharCode(c))) table[c] = 1;
    for (let c = 0xe000; c < 0x10000; c++) if (han.test(String.fromCharCode(c))) table[c] = 1;
    for (const [from, to] of steps()[2]!.chars) if (from.length === 1 && to !== from && table[from.charCodeAt(0)] === 1) table[from.charCodeAt(0)] = 2;
    hanTable = table;
  }
  return hanTable;
}

/** Share of the Han characters among the first few thousand that change under character conversion; null when too few. */
export function traditionalShare(text: string): number | null {
  const table = hanClasses();
  const n = Math.min(text.length, SAMPLE_LENGTH);
  let han = 0;
  let changed = 0;
  // (characters outside the BMP are rare enough to leave out)
  for (let i = 0; i < n; i++) {
    const k = table[text.charCodeAt(i)]!;
    if (k === 0) continue;
    han++;
    if (k === 2) changed++;
  }
  return han < MIN_HAN ? null : changed / han;
}

/** True when the text is written in Traditional characters (a cheap test on its opening). */
export function looksTraditional(text: string): boolean {
  const share = traditionalShare(text);
  return share !== null && share > TRADITIONAL_SHARE;
}

/**
 * Walks an object tree and, on every object with numeric `start` and `end`
 * and a string `text` as long as `end - start`, replaces `text` with
 * `original.slice(start, end)`. Used after analysing the Simplified shadow of
 * a Traditional article, to give mentions, claims, quotes and evidence their
 * original characters back. Changes `value` in place.
 */
export function resliceTexts(value: unknown, original: string): void {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    const { start, end, text } = record;
    if (typeof start === 'number' && typeof end === 'number' && typeof text === 'string' && text.length === end - start && start >= 0 && end <= original.length) {
      record.text = original.slice(start, end);
    }
    for (const key of Object.keys(record)) visit(record[key]);
  };
  visit(value);
}

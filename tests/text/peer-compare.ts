/**
 * Runs the Chinese cases of Microsoft Recognizers-Text (MIT, copied under
 * tests/fixtures/peer-specs/recognizers-text/) through our recognizer.
 *
 * How a case is compared: the peer lists results as (Text, Start, value);
 * ours are mapped to the same form and a case passes when both lists hold the
 * same results — same start, same text after NFKC and lower-casing (the peer
 * reports ２２％ as 22%), and the same value within a relative 1e-9 (the peer
 * prints doubles with 15 digits). A value the peer cannot resolve (null, or a
 * case marked IgnoreResolution) is compared on text only. Currency results
 * that carry an ISO code must also agree on it.
 *
 * Mapping ours to the peer's models:
 * - Number (read in 'numerals' mode, which keeps years and dates): every
 *   number and ordinal gives its bare numeral (199个 → 199, 第零十刃 → 零十,
 *   四百多 → 四百); a percentage gives its numeral only when the number is
 *   written as a number (百分之五十 → 五十, 六个百分点 → 六) — the peer's number
 *   model reports nothing for 二％ or 九折; money gives nothing; an explicit
 *   two-number range (两三, 10-15) gives nothing, as the peer has no such number.
 * - Percent, Ordinal, Currency (default 'business' mode): quantities of that kind,
 *   explicit ranges excepted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseChineseNumber } from '../../src/text/quantity/index.ts';
import { scanQuantities, type QuantityMatch } from '../../src/text/quantity/scanner.ts';

export type PeerModel = 'number' | 'percentage' | 'ordinal' | 'currency' | 'numberrange';

interface PeerResult { Text: string; TypeName: string; Start: number; End: number; Resolution?: { value?: string | null; isoCurrency?: string } }
export interface PeerCase { Input: string; Results: PeerResult[]; NotSupported?: string; IgnoreResolution?: boolean; Comment?: string }

/** One result in the compared form. */
export interface Found { text: string; start: number; value: number | null; iso?: string | undefined; interval?: string }

export const PEER_FILES: Record<PeerModel, string> = {
  number: 'Number-Chinese-NumberModel.json',
  percentage: 'Number-Chinese-PercentModel.json',
  ordinal: 'Number-Chinese-OrdinalModel.json',
  currency: 'NumberWithUnit-Chinese-CurrencyModel.json',
  numberrange: 'Number-Chinese-NumberRangeModel.json',
};

const DIR = new URL('../fixtures/peer-specs/recognizers-text/', import.meta.url);

/** The cases of one peer file. */
export function loadPeerCases(model: PeerModel): PeerCase[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(PEER_FILES[model], DIR)), 'utf8')) as PeerCase[];
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().trim();

function numeralValue(text: string, m: QuantityMatch): number {
  if (m.kind !== 'percent') return m.value;
  const s = parseChineseNumber(text.slice(m.numeral.start, m.numeral.end));
  return s === null ? Number.NaN : Number(s);
}

function interval(m: QuantityMatch): string {
  const v = String(m.value);
  switch (m.qualifier) {
    case 'range': return `[${v},${m.valueMax})`;
    case 'at_least': return `[${v},)`;
    case 'at_most': return `(,${v}]`;
    default: return `[${v},${v}]`;
  }
}

/** Our results for `input`, in the peer's form for `model`. */
export function ours(model: PeerModel, input: string): Found[] {
  const matches = scanQuantities(input, model === 'number' ? 'numerals' : 'business');
  const out: Found[] = [];
  for (const m of matches) {
    if (model === 'numberrange') {
      if (m.qualifier !== 'exact') out.push({ text: m.text, start: m.start, value: null, interval: interval(m) });
      continue;
    }
    if (m.kind === 'range') continue;
    if (model === 'number') {
      if (m.kind === 'currency' || (m.kind === 'percent' && m.suffix !== null && m.unit !== 'pp')) continue;
      out.push({ text: input.slice(m.numeral.start, m.numeral.end), start: m.numeral.start, value: numeralValue(input, m) });
    } else if (m.kind === (model === 'percentage' ? 'percent' : model)) {
      out.push({ text: m.text, start: m.start, value: m.value, iso: m.kind === 'currency' ? m.unit ?? undefined : undefined });
    }
  }
  return out;
}

/** The peer's expected results for a case. */
export function expected(model: PeerModel, c: PeerCase): Found[] {
  return c.Results.filter((r) => r.TypeName === model).map((r) => {
    const raw = r.Resolution?.value ?? null;
    const value = raw === null || c.IgnoreResolution || model === 'numberrange' ? null : Number(raw.replace('%', ''));
    return { text: r.Text, start: r.Start, value, iso: r.Resolution?.isoCurrency, interval: model === 'numberrange' ? raw ?? '' : undefined };
  });
}

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null) return true;
  if (b === null || Number.isNaN(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** Interval endpoints compared loosely: the peer's open/closed brackets are not something our qualifiers record. */
function sameInterval(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined) return true;
  const ends = (s: string): string[] => s.replace(/[[\]()]/g, '').split(',').map((x) => (x === '' ? '' : String(Number(x))));
  return b !== undefined && ends(a).join(',') === ends(b).join(',');
}

/** True when `got` holds exactly the `want` results. */
export function sameResults(want: Found[], got: Found[]): boolean {
  if (want.length !== got.length) return false;
  const left = [...got];
  for (const w of want) {
    const k = left.findIndex((g) => g.start === w.start && norm(g.text) === norm(w.text) && sameValue(w.value, g.value)
      && (w.iso === undefined || w.iso === g.iso) && sameInterval(w.interval, g.interval));
    if (k < 0) return false;
    left.splice(k, 1);
  }
  return true;
}

const show = (f: Found[]): string => f.map((x) => `${x.text}@${x.start}=${x.interval ?? x.value}${x.iso ? ` ${x.iso}` : ''}`).join(' | ') || '∅';

/** Runs one model's file; returns pass counts and a line per failure. */
export function runPeerModel(model: PeerModel): { total: number; passed: number; failures: string[] } {
  const cases = loadPeerCases(model);
  const failures: string[] = [];
  for (const c of cases) {
    const want = expected(model, c);
    const got = ours(model, c.Input);
    if (!sameResults(want, got)) failures.push(`${JSON.stringify(c.Input)}\n      expected ${show(want)}\n      got      ${show(got)}`);
  }
  return { total: cases.length, passed: cases.length - failures.length, failures };
}

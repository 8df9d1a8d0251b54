/**
 * The figures of one sentence: the quantity recognizer's output, plus what a
 * claim needs that the recognizer leaves to its callers (English phrasing,
 * energy units glued to digits), minus numbers inside names (三星, 小米12).
 */
import { lowerBound } from '../doc/spans.ts';
import { loadQuantityLexicon } from '../lexicons/quantity.ts';
import { recognizeQuantities, type Quantity } from '../text/quantity/index.ts';
import { englishFigures } from './english.ts';

/** A quantity as the claim builder reads it. */
export interface Figure extends Quantity {
  /** written with a scale word (万, 亿, million): an amount, never a model number or a list marker */
  scaled: boolean;
  /** a fraction word (a third, half) read as a percentage */
  fraction: boolean;
}

/** A range of the text that belongs to a name. */
export interface NameRange {
  start: number;
  end: number;
}

// Battery and power-plant capacity (5.86GWh): the recognizer drops numbers glued to Latin letters (5G, 7nm).
const ENERGY = /(?<![0-9A-Za-z.])([0-9]+(?:[.．][0-9]+)?)\s?(GWh|MWh|kWh|TWh|GW|MW)(?![A-Za-z])/g;

function energyFigures(s: string, known: readonly Quantity[]): Figure[] {
  const found: Figure[] = [];
  // every unit of ENERGY is written with a W
  if (!s.includes('W')) return found;
  for (const m of s.matchAll(ENERGY)) {
    const start = m.index;
    const end = start + m[0].length;
    if (known.some((q) => q.start < end && start < q.end)) continue;
    found.push({ text: m[0], start, end, kind: 'number', value: Number(m[1]!.replace('．', '.')), valueMax: null, qualifier: 'exact', unit: m[2]!, scaled: true, fraction: false });
  }
  return found;
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
let zhFigureTest: RegExp | null = null;

/**
 * Whether a sentence may hold a figure: Arabic digits, 百分之/三分之一, an
 * ordinal (第三), a Chinese numeral with a scale word (三千万), or one followed
 * by a counted noun, a currency or a percent word (三家, 五亿元, 六成). Chinese
 * numerals also live inside words (一些, 统一, 唯一); sentences with only those
 * are not worth the recognizer's time. The test keeps more than the recognizer
 * finds, never less.
 */
export function mayHoldFigure(s: string, lang: 'zh' | 'en'): boolean {
  if (lang === 'en') return EN_NUMERAL.test(s);
  if (DIGIT.test(s)) return true;
  if (!zhFigureTest) {
    const q = loadQuantityLexicon();
    const numeral = `[${escape([...q.digits, ...q.scales].map((d) => d.word).filter((w) => w.length === 1).join(''))}]`;
    const scale = `[${escape(q.scales.map((d) => d.word).filter((w) => w.length === 1).join(''))}]`;
    const after = [...q.units.filter((u) => u.class !== 'time').map((u) => u.word), ...q.currencies.filter((c) => c.position !== 'prefix').map((c) => c.word), ...q.percentSuffixes.map((p) => p.word), '位数']
      .sort((a, b) => b.length - a.length).map(escape).join('|');
    zhFigureTest = new RegExp(`[0-9０-９]|分之|第${numeral}|${numeral}*${scale}${numeral}*${scale}|${numeral}${scale}|${numeral}+[多余几来]?(?:${after})`);
  }
  return zhFigureTest.test(s);
}

const DIGIT = /[0-9０-９]/;
// English numbers: digits, or the number and fraction words englishFigures reads.
const EN_NUMERAL = /[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|half|third|thirds|quarter|quarters)\b/i;

/** True when `[start, end)` overlaps one of `names` (sorted by start). */
function insideName(names: readonly NameRange[], start: number, end: number): boolean {
  // mentions are short, so looking back a few entries from the first one that starts at or after `end` is enough
  for (let i = lowerBound(names, end) - 1; i >= 0 && names[i]!.start > start - 64; i--) if (names[i]!.start < end && start < names[i]!.end) return true;
  return false;
}

/**
 * Figures of the sentence `text.slice(start, end)`, with article offsets,
 * sorted by start; `names` are the entity mentions of the sentence, sorted.
 */
export function sentenceFigures(text: string, start: number, end: number, lang: 'zh' | 'en', names: readonly NameRange[]): Figure[] {
  const s = text.slice(start, end);
  const recognized = recognizeQuantities(s);
  let figures: Figure[];
  if (lang === 'en') figures = englishFigures(s, recognized);
  else {
    figures = recognized as Figure[];
    for (const f of figures) {
      f.scaled = f.text.includes('万') || f.text.includes('亿');
      f.fraction = false;
    }
  }
  figures.push(...energyFigures(s, figures));
  figures.sort((a, b) => a.start - b.start);
  const kept: Figure[] = [];
  for (const f of figures) {
    f.start += start;
    f.end += start;
    if (!insideName(names, f.start, f.end)) kept.push(f);
  }
  return kept;
}

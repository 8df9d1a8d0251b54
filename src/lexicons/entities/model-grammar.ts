/**
 * The reference reader of model names (iPhone 15 Pro Max, 小米12S Ultra) for
 * products the registry does not list, following product-grammar.json. The
 * loader uses it to check listed models; the entity stage to find unlisted
 * ones. Each grammar is compiled once.
 */
import { aliasKey, formSource, normalizeKey } from './keys.ts';
import type { ModelRule, ProductGrammar } from './types.ts';

/** A model name recognised by the grammar, with offsets into the scanned text. */
export interface ModelMatch {
  readonly id: string;
  readonly rule: string;
  readonly brand: string;
  readonly series: string | null;
  readonly start: number;
  readonly end: number;
  readonly number: string;
  readonly suffixes: readonly string[];
}

interface CompiledRule {
  readonly rule: ModelRule;
  readonly regex: RegExp;
  readonly suffixByForm: ReadonlyMap<string, string>;
  /** the first character codes of the rule's words: a match can start with no other */
  readonly starts: ReadonlySet<number>;
}

const COMPILED = new WeakMap<ProductGrammar, readonly CompiledRule[]>();

function compileGrammar(grammar: ProductGrammar): readonly CompiledRule[] {
  let compiled = COMPILED.get(grammar);
  if (compiled) return compiled;
  const suffixes = new Map(grammar.suffixes.map((s) => [s.id, s]));
  const byLength = (a: string, b: string): number => b.length - a.length;
  compiled = grammar.rules.map((rule) => {
    const suffixByForm = new Map<string, string>();
    const attached: string[] = [];
    const spaced: string[] = [];
    for (const id of rule.suffixes) {
      const suffix = suffixes.get(id);
      for (const form of suffix?.forms ?? []) {
        suffixByForm.set(aliasKey(form).replace(/ /g, ''), id);
        (suffix?.attached ? attached : spaced).push(form);
      }
    }
    // A Latin word must not continue a longer word (xmate 40), nor may the model continue into one (12space).
    const words = [...rule.words].sort(byLength).map((w) => (/^[a-z0-9]/.test(aliasKey(w)) ? `(?<![a-z0-9])${formSource(w)}` : formSource(w)));
    const attachedPart = attached.length > 0 ? `(?:(${attached.sort(byLength).map(formSource).join('|')})(?![a-z0-9]))?` : '()';
    const spacedPart = spaced.length > 0 ? `(?: *(${spaced.sort(byLength).map(formSource).join('|')}))?` : '()';
    const regex = new RegExp(`(?:${words.join('|')}) *(\\d+)${attachedPart}${spacedPart}(?![a-z0-9])`, 'dy');
    const starts = new Set(rule.words.map((w) => aliasKey(w).charCodeAt(0)));
    return { rule, regex, suffixByForm, starts };
  });
  COMPILED.set(grammar, compiled);
  return compiled;
}

/**
 * The longest model name starting at `pos` in `key` (a {@link normalizeKey}
 * of the text, so offsets are the text's), or null. Rules are tried in file
 * order; `rules` narrows the set (e.g. to one brand).
 */
export function matchModelAt(grammar: ProductGrammar, key: string, pos: number, rules?: readonly ModelRule[]): ModelMatch | null {
  let best: ModelMatch | null = null;
  const first = key.charCodeAt(pos);
  for (const { rule, regex, suffixByForm, starts } of compileGrammar(grammar)) {
    if (!starts.has(first) || (rules && !rules.includes(rule))) continue;
    regex.lastIndex = pos;
    const m = regex.exec(key);
    if (!m || !m.indices) continue;
    const digits = m[1]!;
    const value = Number(digits);
    if (value < rule.number.min || value > rule.number.max) continue;
    if (rule.number.digits !== undefined && digits.length !== rule.number.digits) continue;
    const afterNumber = m.indices[1]![1];
    // 小米12月, 荣耀100万, 小米1.5亿: a number followed by a unit or a decimal is a quantity.
    if (/^\.\d/.test(key.slice(afterNumber, afterNumber + 2)) || grammar.numberStops.some((stop) => key.startsWith(aliasKey(stop), afterNumber))) continue;
    const suffixes = [m[2], m[3]].filter((s): s is string => s !== undefined && s !== '').map((s) => suffixByForm.get(s.replace(/ /g, '')) ?? s);
    const attachedId = m[2] ? suffixes[0]! : '';
    const spacedId = m[3] ? suffixes[suffixes.length - 1]! : '';
    const model = `${digits}${attachedId}${spacedId ? `-${spacedId}` : ''}`;
    const end = pos + m[0].length;
    if (best === null || end > best.end) {
      best = { id: rule.template.replace('{model}', model), rule: rule.id, brand: rule.brand, series: rule.series, start: pos, end, number: digits, suffixes };
    }
  }
  return best;
}

/** Read a whole string as a model name (`iPhone 15 Pro Max` → iphone-15-pro-max), or null. */
export function parseModelName(grammar: ProductGrammar, text: string, rules?: readonly ModelRule[]): ModelMatch | null {
  const key = normalizeKey(text.trim());
  const match = matchModelAt(grammar, key, 0, rules);
  return match && match.end === key.length ? match : null;
}

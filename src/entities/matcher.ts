import {
  aliasKey,
  contextRuleAccepts,
  matchModelAt,
  normalizeKey,
  type AliasTarget,
  type EntityRegistry,
  type RegistryEntity,
} from '../lexicons/entities.ts';
import { TermTrie } from '../lexicons/term-match.ts';
import type { FoundMention } from './types.ts';

interface AliasCandidate {
  key: string;
  targets: readonly AliasTarget[];
}

/** The registry compiled for scanning: aliases in a character trie on normalised keys. */
export interface AliasIndex {
  registry: EntityRegistry;
  aliases: TermTrie<AliasCandidate>;
  /** first characters of model-name words (小, i, g…), where the product grammar is tried */
  modelStarts: Set<string>;
  /** how far after its first character a model name's number may start: its longest words, and some spaces */
  modelReach: number;
  /**
   * Filters on how aliases and model words begin, small enough to stay in the
   * processor's cache. {@link startChars}: 1 at the code of every first
   * character. Then a bit per hashed slot: {@link startPairs} for the first
   * two characters of keys shorter than three (a one-character key marks
   * every pair it begins) and of model words with a space among their first
   * three characters, whose spaces the grammar lets vary; {@link startTriples}
   * for the first three characters of the other keys. Most positions,
   * English word starts among them (th, in, co), are passed over at once; a
   * collision only costs a trie lookup.
   */
  startChars: Uint8Array;
  startPairs: Int32Array;
  startTriples: Int32Array;
}

const PAIR_SLOTS = 1 << 20;
/** Whether bit `slot` of a bit set is 1. */
const hasBit = (bits: Int32Array, slot: number): boolean => ((bits[slot >>> 5]! >>> (slot & 31)) & 1) === 1;
/** The slot of a pair of character codes in {@link AliasIndex.startPairs}. */
const pairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_SLOTS - 1);
/** The slot of three character codes in {@link AliasIndex.startTriples}. */
const tripleSlot = (a: number, b: number, c: number): number => (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ c) & (PAIR_SLOTS - 1);

/** A lower-case ASCII letter or a digit (keys are case-folded): what Latin words are made of. */
const isLatinCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Compiles the registry's aliases for {@link findRegistryMentions}. Done once per process. */
export function buildAliasIndex(registry: EntityRegistry): AliasIndex {
  const candidates = [...registry.byAlias].filter(([key]) => key).map(([key, targets]) => ({ key, targets }));
  const aliases = new TermTrie(candidates, (c) => c.key);
  const modelStarts = new Set<string>();
  let modelReach = 0;
  for (const rule of registry.productGrammar.rules) {
    for (const word of rule.words) {
      modelStarts.add(aliasKey(word)[0]!);
      modelReach = Math.max(modelReach, word.length + 4);
    }
  }
  const startChars = new Uint8Array(65536);
  const startPairs = new Int32Array(PAIR_SLOTS >>> 5);
  const startTriples = new Int32Array(PAIR_SLOTS >>> 5);
  const setBit = (bits: Int32Array, slot: number) => (bits[slot >>> 5]! |= 1 << (slot & 31));
  const mark = (key: string, exact: boolean) => {
    startChars[key.charCodeAt(0)] = 1;
    if (key.length === 1) for (let c = 0; c < 65536; c += 1) setBit(startPairs, pairSlot(key.charCodeAt(0), c));
    else if (key.length === 2 || (!exact && key.slice(0, 3).includes(' '))) setBit(startPairs, pairSlot(key.charCodeAt(0), key.charCodeAt(1)));
    else setBit(startTriples, tripleSlot(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2)));
  };
  for (const { key } of candidates) mark(key, true);
  for (const rule of registry.productGrammar.rules) for (const word of rule.words) mark(aliasKey(word), false);
  return { registry, aliases, modelStarts, modelReach, startChars, startPairs, startTriples };
}

const NO_TARGETS: readonly AliasTarget[] = [];

function mentionOf(entity: RegistryEntity, start: number, end: number): FoundMention {
  return { start, end, id: entity.id, type: entity.type, name: entity.name, nameEn: entity.nameEn, org: entity.org, discovered: false };
}

/** The targets of an alias found at [start, end) that its context rules and case rules allow. */
function allowedTargets(index: AliasIndex, candidate: AliasCandidate, text: string, key: string, start: number, end: number): readonly AliasTarget[] {
  const rules = index.registry.contextRulesByAlias.get(candidate.key);
  // most aliases have neither context rules nor a case rule: their targets stand as they are
  if (!rules && !candidate.targets.some((t) => t.caseSensitive)) return candidate.targets;
  return candidate.targets.filter((t) => {
    if (t.caseSensitive && text.slice(start, end) !== t.text) return false;
    return (rules ?? []).filter((r) => r.entity === t.id).every((r) => contextRuleAccepts(r, key, start, end));
  });
}

/**
 * Finds registry entities and model names in `text`, leftmost-longest:
 * aliases on normalised keys (width and case folded), Latin aliases only at
 * word boundaries, context rules for ambiguous readings (小米粥, 三星级), and
 * the product grammar for models the registry does not list (小米13 Ultra).
 * An alias flagged ambiguous (雷总) links only when the same entity is named
 * unambiguously elsewhere in the article.
 */
export function findRegistryMentions(index: AliasIndex, text: string): FoundMention[] {
  const key = normalizeKey(text);
  const found: FoundMention[] = [];
  // per mention found: whether only ambiguous aliases name it, and the targets its alias may stand for
  const ambiguousOnly: boolean[] = [];
  const alternatives: Array<readonly AliasTarget[]> = [];
  const { registry } = index;
  // every model name has its number within a few characters of its start (Galaxy Z Fold 3, 小米 12): where no
  // digit follows soon, the product grammar is not tried
  let nextDigit = -1;
  for (let i = 0; i < key.length; ) {
    const code = key.charCodeAt(i);
    const latinBefore = i > 0 && isLatinCode(key.charCodeAt(i - 1));
    // nothing starts with this character, and nothing Latin starts inside a Latin word: most positions end here
    const next = key.charCodeAt(i + 1);
    if (
      index.startChars[code] === 0 ||
      (!hasBit(index.startPairs, pairSlot(code, next)) && !hasBit(index.startTriples, tripleSlot(code, next, key.charCodeAt(i + 2)))) ||
      (latinBefore && isLatinCode(code))
    ) {
      i++;
      continue;
    }
    let best: { end: number; targets: readonly AliasTarget[] } | null = null;
    for (const candidate of index.aliases.at(key, i)) {
      const end = i + candidate.key.length;
      if (best && end <= best.end) break;
      if (!key.startsWith(candidate.key, i)) continue;
      if (isLatinCode(candidate.key.charCodeAt(candidate.key.length - 1)) && isLatinCode(key.charCodeAt(end))) continue;
      const targets = allowedTargets(index, candidate, text, key, i, end);
      if (targets.length) best = { end, targets };
    }
    if (nextDigit < i) {
      nextDigit = i;
      while (nextDigit < key.length && !(key.charCodeAt(nextDigit) >= 48 && key.charCodeAt(nextDigit) <= 57)) nextDigit++;
    }
    const model = nextDigit - i <= index.modelReach && index.modelStarts.has(key[i]!) && !latinBefore ? matchModelAt(registry.productGrammar, key, i) : null;
    if (model && (!best || model.end > best.end)) {
      const listed = registry.byId.get(model.id);
      const brand = registry.byId.get(model.brand);
      const mention: FoundMention = listed
        ? mentionOf(listed, i, model.end)
        : { start: i, end: model.end, id: model.id, type: 'product', name: text.slice(i, model.end), nameEn: null, org: model.brand, discovered: true };
      mention.org = brand?.id ?? model.brand;
      found.push(mention);
      ambiguousOnly.push(false);
      alternatives.push(NO_TARGETS);
      i = model.end;
      continue;
    }
    if (best) {
      const first = best.targets[0]!;
      const entity = registry.byId.get(first.id)!;
      found.push(mentionOf(entity, i, best.end));
      ambiguousOnly.push(best.targets.every((t) => t.ambiguous));
      alternatives.push(best.targets);
      i = best.end;
      continue;
    }
    i++;
  }
  // Second pass: ambiguous aliases need an unambiguous mention of the entity; shared aliases take
  // the reading the rest of the article supports.
  const confirmed = new Set<string>();
  found.forEach((m, k) => {
    if (!ambiguousOnly[k]) confirmed.add(m.id);
  });
  const out: FoundMention[] = [];
  found.forEach((m, k) => {
    const targets = alternatives[k]!;
    if (targets.length > 1) {
      const supported = targets.find((t) => confirmed.has(t.id) && !(t.ambiguous && !confirmed.has(t.id)));
      const chosen = supported ?? targets.find((t) => !t.ambiguous);
      if (chosen) out.push(mentionOf(registry.byId.get(chosen.id)!, m.start, m.end));
    } else if (!ambiguousOnly[k] || confirmed.has(m.id)) out.push(m);
  });
  return out;
}

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
   * A filter on the first two characters of aliases and model words: 1 at
   * {@link pairSlot} of every such pair, and 1 at a single character's slot
   * for one-character aliases. Positions whose pair is not marked are passed
   * over at once; a collision only costs a trie lookup.
   */
  startPairs: Uint8Array;
}

const PAIR_SLOTS = 1 << 20;
/** The slot of a pair of character codes in {@link AliasIndex.startPairs}. */
const pairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_SLOTS - 1);

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
  const startPairs = new Uint8Array(PAIR_SLOTS);
  const mark = (key: string) => {
    if (key.length === 1) for (let c = 0; c < 65536; c += 1) startPairs[pairSlot(key.charCodeAt(0), c)] = 1;
    else startPairs[pairSlot(key.charCodeAt(0), key.charCodeAt(1))] = 1;
  };
  for (const { key } of candidates) mark(key);
  for (const rule of registry.productGrammar.rules) for (const word of rule.words) mark(aliasKey(word));
  return { registry, aliases, modelStarts, modelReach, startPairs };
}

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
  const found: Array<FoundMention & { ambiguousOnly: boolean; alternatives: readonly AliasTarget[] }> = [];
  const { registry } = index;
  // every model name has its number within a few characters of its start (Galaxy Z Fold 3, 小米 12): where no
  // digit follows soon, the product grammar is not tried
  let nextDigit = -1;
  for (let i = 0; i < key.length; ) {
    const code = key.charCodeAt(i);
    const latinBefore = i > 0 && isLatinCode(key.charCodeAt(i - 1));
    // nothing starts with this character, and nothing Latin starts inside a Latin word: most positions end here
    if (index.startPairs[pairSlot(code, key.charCodeAt(i + 1))] === 0 || (latinBefore && isLatinCode(code))) {
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
      found.push({
        ...(listed ? mentionOf(listed, i, model.end) : { start: i, end: model.end, id: model.id, type: 'product' as const, name: text.slice(i, model.end), nameEn: null, org: model.brand, discovered: true }),
        org: brand?.id ?? model.brand,
        ambiguousOnly: false,
        alternatives: [],
      });
      i = model.end;
      continue;
    }
    if (best) {
      const first = best.targets[0]!;
      const entity = registry.byId.get(first.id)!;
      found.push({ ...mentionOf(entity, i, best.end), ambiguousOnly: best.targets.every((t) => t.ambiguous), alternatives: best.targets });
      i = best.end;
      continue;
    }
    i++;
  }
  // Second pass: ambiguous aliases need an unambiguous mention of the entity; shared aliases take
  // the reading the rest of the article supports.
  const confirmed = new Set(found.filter((m) => !m.ambiguousOnly).map((m) => m.id));
  const out: FoundMention[] = [];
  for (const { ambiguousOnly, alternatives, ...m } of found) {
    if (alternatives.length > 1) {
      const supported = alternatives.find((t) => confirmed.has(t.id) && !(t.ambiguous && !confirmed.has(t.id)));
      const chosen = supported ?? alternatives.find((t) => !t.ambiguous);
      if (!chosen) continue;
      const entity = registry.byId.get(chosen.id)!;
      out.push(mentionOf(entity, m.start, m.end));
      continue;
    }
    if (ambiguousOnly && !confirmed.has(m.id)) continue;
    out.push(m);
  }
  return out;
}

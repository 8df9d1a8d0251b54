/**
 * Context rules checked against the registry: each rule names an entity and
 * one of its aliases, appears once, and decides its own examples the way the
 * examples say — so a rule that no longer does what its author meant fails at
 * load time rather than in an article.
 */
import type { ProblemList } from '../validate.ts';
import { contextRuleAccepts } from './context-rules.ts';
import { aliasKey, formRegex, normalizeKey } from './keys.ts';
import { ENTITY_FILES, type ContextRule, type Lexicon } from './types.ts';
import type { AliasClaim } from './validate-aliases.ts';
import type { Collected } from './validate-references.ts';

/** Check every rule; `index` is the alias index from the alias check. */
export function checkContextRules(lexicon: Lexicon, entities: Map<string, Collected>, index: Map<string, AliasClaim[]>, problems: ProblemList): void {
  const file = ENTITY_FILES.contextRules;
  const seen = new Set<string>();
  for (const rule of lexicon.contextRules) {
    const label = `${rule.alias}→${rule.entity}`;
    const claimedBy = (text: string): boolean => (index.get(aliasKey(text)) ?? []).some((c) => c.target.id === rule.entity);
    if (seen.has(label)) problems.add(file, label, null, 'duplicate rule for this alias and entity; merge them');
    seen.add(label);
    if (rule.entity === '' || rule.alias === '') continue;
    if (!entities.has(rule.entity)) {
      problems.add(file, label, 'entity', `${JSON.stringify(rule.entity)} is not the id of any entry`);
      continue;
    }
    if (!claimedBy(rule.alias)) problems.add(file, label, 'alias', `${JSON.stringify(rule.alias)} is not a name or alias of ${rule.entity}`);
    (rule.requireElsewhere ?? []).forEach((text, i) => {
      if (!claimedBy(text)) problems.add(file, label, `requireElsewhere[${i}]`, `${JSON.stringify(text)} is not a name or alias of ${rule.entity}`);
      else if (aliasKey(text) === aliasKey(rule.alias)) problems.add(file, label, `requireElsewhere[${i}]`, 'must name a different alias than the rule\'s own');
    });
    for (const expected of ['accept', 'reject'] as const) {
      rule.examples[expected].forEach((example, i) => {
        const field = `examples.${expected}[${i}]`;
        const verdict = evaluateExample(rule, example);
        if (verdict === null) problems.add(file, label, field, `${JSON.stringify(example)} does not contain ${JSON.stringify(rule.alias)} (mark the mention with [brackets] when it is not the first occurrence)`);
        else if (verdict !== (expected === 'accept')) problems.add(file, label, field, `the rule ${verdict ? 'accepts' : 'rejects'} ${JSON.stringify(example)}, but the example expects it to ${expected}`);
      });
    }
  }
}

/** Run a rule on one example; null when the example has no usable mention. */
function evaluateExample(rule: ContextRule, example: string): boolean | null {
  const open = example.indexOf('[');
  const close = example.indexOf(']', open + 1);
  const text = open >= 0 && close > open ? example.slice(0, open) + example.slice(open + 1, close) + example.slice(close + 1) : example;
  const key = normalizeKey(text);
  if (open >= 0 && close > open) {
    const start = open;
    const end = close - 1;
    return aliasKey(text.slice(start, end)) === aliasKey(rule.alias) ? contextRuleAccepts(rule, key, start, end) : null;
  }
  const found = formRegex(rule.alias, 'g').exec(key);
  return found ? contextRuleAccepts(rule, key, found.index, found.index + found[0].length) : null;
}

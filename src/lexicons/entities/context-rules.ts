/**
 * The reference evaluator for context rules, shared by the loader (which runs
 * each rule on its own examples) and the entity stage. Rules are compiled to
 * regexes over normalised text once per rule object.
 */
import { formSource } from './keys.ts';
import type { ContextRule } from './types.ts';

/**
 * Decide whether the mention `key.slice(start, end)` of `rule.alias` should be
 * linked to `rule.entity`. `key` is `normalizeKey(articleText)`, so offsets are
 * those of the article. Rejected when the text right after the mention starts
 * with a rejectIfFollowedBy entry or the text right before it ends with a
 * rejectIfPrecededBy entry; otherwise, when the rule has requirements, accepted
 * only if a requireNearby word lies within `window` characters on either side
 * or a requireElsewhere alias occurs anywhere else in the article.
 */
export function contextRuleAccepts(rule: ContextRule, key: string, start: number, end: number): boolean {
  const compiled = compileRule(rule);
  if (compiled.followed?.test(key.slice(end, end + 64))) return false;
  if (compiled.preceded?.test(key.slice(Math.max(0, start - 64), start))) return false;
  if (!compiled.nearby && !compiled.elsewhere) return true;
  const window = rule.requireNearby?.window ?? 0;
  if (compiled.nearby?.test(key.slice(Math.max(0, start - window), start)) || compiled.nearby?.test(key.slice(end, end + window))) return true;
  if (compiled.elsewhere) {
    const masked = key.slice(0, start) + '\u0000'.repeat(end - start) + key.slice(end);
    if (compiled.elsewhere.test(masked)) return true;
  }
  return false;
}

interface CompiledContextRule {
  readonly followed?: RegExp;
  readonly preceded?: RegExp;
  readonly nearby?: RegExp;
  readonly elsewhere?: RegExp;
}

const COMPILED_RULES = new WeakMap<ContextRule, CompiledContextRule>();

function compileRule(rule: ContextRule): CompiledContextRule {
  let compiled = COMPILED_RULES.get(rule);
  if (!compiled) {
    const alternatives = (forms: readonly string[] | undefined): string | undefined => (forms && forms.length > 0 ? `(?:${forms.map(formSource).join('|')})` : undefined);
    const followed = alternatives(rule.rejectIfFollowedBy);
    const preceded = alternatives(rule.rejectIfPrecededBy);
    const nearby = alternatives(rule.requireNearby?.words);
    const elsewhere = alternatives(rule.requireElsewhere);
    compiled = {
      ...(followed ? { followed: new RegExp(`^${followed}`) } : {}),
      ...(preceded ? { preceded: new RegExp(`${preceded}$`) } : {}),
      ...(nearby ? { nearby: new RegExp(nearby) } : {}),
      ...(elsewhere ? { elsewhere: new RegExp(elsewhere) } : {}),
    };
    COMPILED_RULES.set(rule, compiled);
  }
  return compiled;
}

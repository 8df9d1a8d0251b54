/**
 * Names and aliases, checked within and across entries, and the alias index
 * built as they are checked. An alias must be specific enough to match (not a
 * single character, not digits alone), listed once per entity, and claimed by
 * one entity only unless it is marked shared or a context rule picks the
 * entity.
 */
import type { ProblemList } from '../validate.ts';
import { aliasKey } from './keys.ts';
import { ENTITY_FILES, type AliasSpec, type AliasTarget, type Lexicon } from './types.ts';
import type { Collected } from './validate-references.ts';

/** One entity's claim on an alias key, with where it was listed. */
export interface AliasClaim {
  readonly target: AliasTarget;
  readonly file: string;
  readonly field: string;
}

/** Check names and aliases within and across entries; return the alias index. */
export function checkAliases(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): Map<string, AliasClaim[]> {
  const index = new Map<string, AliasClaim[]>();
  for (const { id, file, entity } of entities.values()) {
    const entry = entity.entry;
    const own = new Map<string, { field: string; text: string; caseSensitive: boolean }[]>();
    const claim = (text: string, field: string, spec: Partial<AliasSpec>, isName: boolean): void => {
      const key = aliasKey(text);
      if (key === '') return;
      if (key.replace(/[\s\d\p{P}\p{S}]/gu, '').length === 0 && !isName) problems.add(file, id, field, `alias ${JSON.stringify(text)} has no letters; numbers and symbols alone are too ambiguous`);
      else if ([...key.replace(/\s/g, '')].length < 2) problems.add(file, id, field, `alias ${JSON.stringify(text)} is a single character; too ambiguous to match`);
      const listed = own.get(key) ?? [];
      const target: AliasTarget = { id, type: entity.type, text, ambiguous: spec.ambiguous ?? false, shared: spec.shared ?? false, caseSensitive: spec.caseSensitive ?? false };
      if (listed.length > 0 && !isName) {
        const flagsName = typeof spec.text === 'string' && listed.every((l) => l.field === 'name' || l.field === 'nameEn');
        const caseVariant = target.caseSensitive && listed.every((l) => l.caseSensitive && l.text !== text);
        if (flagsName) {
          // An alias object repeating the name flags the name itself: it replaces the name's claim.
          index.set(key, (index.get(key) ?? []).filter((c) => c.target.id !== id));
          listed.length = 0;
        } else if (!caseVariant) {
          problems.add(file, id, field, `alias ${JSON.stringify(text)} repeats ${listed[0]!.field} (${JSON.stringify(listed[0]!.text)}) once case and width are folded; list it once`);
          return;
        }
      }
      if (listed.length > 0 && isName) return; // nameEn equal to name (OPPO/OPPO)
      listed.push({ field, text, caseSensitive: target.caseSensitive });
      own.set(key, listed);
      const claims = index.get(key) ?? [];
      claims.push({ target, file, field });
      index.set(key, claims);
    };
    claim(entry.name, 'name', {}, true);
    if (entry.nameEn !== null) claim(entry.nameEn, 'nameEn', {}, true);
    entry.aliases.forEach((alias, i) => (typeof alias === 'string' ? claim(alias, `aliases[${i}]`, {}, false) : claim(alias.text, `aliases[${i}]`, alias, false)));
  }
  const ruled = new Set(lexicon.contextRules.map((r) => `${aliasKey(r.alias)}\u0000${r.entity}`));
  for (const [key, claims] of index) {
    const ids = [...new Set(claims.map((c) => c.target.id))];
    if (ids.length === 1) {
      for (const c of claims.filter((c) => c.target.shared)) problems.add(c.file, c.target.id, c.field, `alias ${JSON.stringify(c.target.text)} is marked shared but no other entity claims it`);
      continue;
    }
    if (claims.every((c) => c.target.shared)) continue;
    const unruled = ids.filter((id) => !ruled.has(`${key}\u0000${id}`));
    if (unruled.length <= 1) continue;
    const first = claims[0]!;
    const others = claims.slice(1).map((c) => `${c.target.id} (${c.file})`).join(', ');
    problems.add(first.file, first.target.id, first.field, `alias ${JSON.stringify(first.target.text)} is also claimed by ${others}; mark it {"shared": true} on every claimant, or add a context rule in ${ENTITY_FILES.contextRules} for all but one`);
  }
  return index;
}

/**
 * The product grammar checked on its own (slug ids, known suffixes, sound
 * templates, real brands and series) and against the product entries: a
 * listed model must read, under the grammar, as its own id.
 */
import { ProblemList, SLUG } from '../validate.ts';
import { aliasKey } from './keys.ts';
import { parseModelName } from './model-grammar.ts';
import { ENTITY_FILES, type Lexicon, type ModelSuffix } from './types.ts';
import type { Collected } from './validate-references.ts';

/** Check the grammar, then, if it is sound, every listed model of a brand it covers. */
export function checkGrammar(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): void {
  const file = ENTITY_FILES.productGrammar;
  const grammar = lexicon.productGrammar;
  const suffixIds = new Map<string, ModelSuffix>();
  const forms = new Map<string, string>();
  for (const s of grammar.suffixes) {
    const label = `suffix ${s.id}`;
    if (s.id !== '' && !SLUG.test(s.id)) problems.add(file, label, 'id', `${JSON.stringify(s.id)} is not a lowercase ASCII slug`);
    if (suffixIds.has(s.id)) problems.add(file, label, 'id', 'duplicate suffix id');
    suffixIds.set(s.id, s);
    s.forms.forEach((form, i) => {
      const compact = aliasKey(form).replace(/ /g, '');
      if (s.attached && !/^[a-z]$/.test(compact)) problems.add(file, label, `forms[${i}]`, 'an attached suffix must be a single Latin letter (written straight after the number, as in 12S)');
      const owner = forms.get(compact);
      if (owner !== undefined && owner !== s.id) problems.add(file, label, `forms[${i}]`, `${JSON.stringify(form)} is also a form of suffix ${owner}`);
      forms.set(compact, s.id);
    });
  }
  const ruleIds = new Set<string>();
  for (const rule of grammar.rules) {
    const label = `rule ${rule.id}`;
    if (rule.id !== '' && !SLUG.test(rule.id)) problems.add(file, label, 'id', `${JSON.stringify(rule.id)} is not a lowercase ASCII slug`);
    if (ruleIds.has(rule.id)) problems.add(file, label, 'id', 'duplicate rule id');
    ruleIds.add(rule.id);
    const brand = entities.get(rule.brand)?.entity;
    if (rule.brand !== '' && brand?.type !== 'company') problems.add(file, label, 'brand', `${JSON.stringify(rule.brand)} is not a company id`);
    if (rule.series !== null && rule.series !== '') {
      const series = entities.get(rule.series)?.entity;
      if (series?.type !== 'product' || !series.entry.isSeries) problems.add(file, label, 'series', `${JSON.stringify(rule.series)} is not a product series id (isSeries: true)`);
    }
    if (rule.number.min > rule.number.max) problems.add(file, label, 'number', `min ${rule.number.min} is greater than max ${rule.number.max}`);
    rule.suffixes.forEach((id, i) => {
      if (!suffixIds.has(id)) problems.add(file, label, `suffixes[${i}]`, `${JSON.stringify(id)} is not a suffix id`);
    });
    if (rule.template !== '' && (rule.template.split('{model}').length !== 2 || !SLUG.test(rule.template.replace('{model}', '1-x')))) {
      problems.add(file, label, 'template', `${JSON.stringify(rule.template)} must be a slug containing {model} once, e.g. "iphone-{model}"`);
    }
  }
  if (problems.all.some((p) => p.file === file)) return; // the consistency check below needs a sound grammar
  // Every listed model must get its own id from the grammar: 小米12 Pro → xiaomi-12-pro.
  for (const product of lexicon.products) {
    const rules = grammar.rules.filter((r) => r.brand === product.brand);
    if (rules.length === 0 || product.isSeries) continue;
    const texts = [product.name, product.nameEn, ...product.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    texts.forEach((text, i) => {
      const parsed = text === null ? null : parseModelName(grammar, text, rules);
      if (parsed && parsed.id !== product.id) {
        const field = i === 0 ? 'name' : i === 1 ? 'nameEn' : `aliases[${i - 2}]`;
        problems.add(ENTITY_FILES.products, product.id, field, `${JSON.stringify(text)} reads as ${parsed.id} under product-grammar rule ${parsed.rule}; rename the entry or fix the grammar`);
      }
    });
  }
}

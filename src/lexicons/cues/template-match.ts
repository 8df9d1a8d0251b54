/** Finding the compiled templates of one cue list in a text. */
import type { CompiledTemplate, SlotMatch, SlotName, TemplateMatch } from './types.ts';

/**
 * All matches of the templates in `text`, most specific template first where
 * matches overlap (templates come ordered that way), returned in reading order.
 */
export function matchTemplates<E>(templates: readonly CompiledTemplate<E>[], text: string): TemplateMatch<E>[] {
  const kept: TemplateMatch<E>[] = [];
  for (const template of templates) {
    for (const m of text.matchAll(template.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (kept.some((k) => k.start < end && start < k.end)) continue;
      const slots: Partial<Record<SlotName, SlotMatch>> = {};
      for (const name of template.slots) {
        const span = m.indices?.groups?.[name];
        const value = m.groups?.[name];
        if (!span || value === undefined) continue;
        // a slot never keeps the spaces around it (Counterpoint 指出)
        const lead = value.length - value.trimStart().length;
        const text = value.trim();
        slots[name] = { text, start: span[0] + lead, end: span[0] + lead + text.length };
      }
      kept.push({ entry: template.entry, pattern: template.pattern, text: m[0], start, end, slots });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Finding the compiled templates of one cue list in a text. */
import type { CompiledTemplate, SlotMatch, SlotName, TemplateMatch } from './types.ts';

/**
 * All matches of the templates in `text`, most specific template first where
 * matches overlap (templates come ordered that way), returned in reading order.
 */
export function matchTemplates<E>(templates: readonly CompiledTemplate<E>[], text: string): TemplateMatch<E>[] {
  const kept: TemplateMatch<E>[] = [];
  for (const template of templates) {
    // An exec loop on the template's own (global) regex finds what matchAll would, without the copy of the
    // regex matchAll makes on every call; lastIndex is 0 between calls.
    const regex = template.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // an empty match moves on by one character, as matchAll does
      if (end === start) regex.lastIndex = start + (regex.unicode && isSurrogatePairAt(text, start) ? 2 : 1);
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
    regex.lastIndex = 0;
  }
  return kept.sort((a, b) => a.start - b.start);
}

function isSurrogatePairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

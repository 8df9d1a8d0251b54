/**
 * Checks that matchTemplates returns what the matchAll version it replaced
 * returned, for every template list of the cue lexicons over every sentence
 * and paragraph of the inputs saved by claims-snapshot.ts:
 *   npx tsx scripts/dev/template-check.ts /tmp/in.json
 */
import { readFileSync } from 'node:fs';
import { loadCueLexicons, matchTemplates, type CompiledTemplate, type TemplateMatch } from '../../src/lexicons/cues.ts';
import type { SlotMatch, SlotName } from '../../src/lexicons/cues/types.ts';

/** The implementation before the change, verbatim. */
function reference<E>(templates: readonly CompiledTemplate<E>[], text: string): TemplateMatch<E>[] {
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
        const lead = value.length - value.trimStart().length;
        const text = value.trim();
        slots[name] = { text, start: span[0] + lead, end: span[0] + lead + text.length };
      }
      kept.push({ entry: template.entry, pattern: template.pattern, text: m[0], start, end, slots });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

const cues = loadCueLexicons();
const lists = Object.entries(cues).filter(([, v]) => Array.isArray(v) && v.length > 0 && (v[0] as { regex?: unknown }).regex instanceof RegExp) as Array<[string, CompiledTemplate<unknown>[]]>;
const inputs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Array<{ text: string; sentences: Array<{ start: number; end: number }> }>;
const texts: string[] = [];
for (const a of inputs) {
  for (const s of a.sentences) texts.push(a.text.slice(s.start, s.end));
  texts.push(...a.text.split('\n'), a.text);
}
let compared = 0;
let matches = 0;
let differences = 0;
for (const [name, list] of lists) {
  for (const text of texts) {
    const want = JSON.stringify(reference(list, text));
    const got = JSON.stringify(matchTemplates(list, text));
    compared++;
    matches += got.length > 2 ? 1 : 0;
    if (want !== got && differences++ < 5) console.log(`difference in ${name} on ${JSON.stringify(text.slice(0, 80))}\n  want ${want}\n  got  ${got}`);
  }
}
console.log(`${lists.map(([n, l]) => `${n} (${l.length})`).join(', ')}: ${compared} texts compared, ${matches} with matches, ${differences} differences`);
process.exitCode = differences > 0 ? 1 : 0;

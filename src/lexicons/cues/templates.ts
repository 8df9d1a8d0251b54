/**
 * Template compilation for the cue lexicons: a pattern with slots becomes a
 * RegExp (flags `dg`) whose named groups are the slots.
 *
 * Template syntax (documented here and in each file's note):
 * literal text with slots in braces. A space means optional whitespace, or
 * required whitespace between two ASCII word characters. Literal text follows
 * the case rule of terms (a lowercase ASCII letter matches either case, ' also
 * matches ’), and a Latin edge must not touch another ASCII letter or digit.
 *   {source} {author}  the attributed entity: in Chinese templates a lazy run
 *                      of 1–24 characters (room for “Counterpoint Research”)
 *                      without line breaks, quotes or clause punctuation, not
 *                      starting inside an ASCII word, so it needs literal text
 *                      after it; in English templates 1–6 capitalised words
 *   {any}              like a lazy Chinese slot (0–24 chars, English 0–40), not captured
 *   {gap}              the “…” of a discontinuous speech verb (对…表示), captured
 *   {doc}              one of the document nouns of the same language (内部信, memo)
 *   {n} {m}            a number: digits (also full-width) or Chinese numerals;
 *                      English number words in English templates
 *   {year}             a four-digit year 1900–2099
 *   {surname}          one Han character, or one capitalised English word
 * Numbers are matched atomically, so a guard after them holds. A Chinese
 * template that starts with a free slot is anchored on its right only.
 * Where matches of a list's templates overlap, the most specific wins (more
 * literal text, then more constrained slots, then fewer free slots).
 */
import { isAsciiWord } from '../term-match.ts';
import { SLOT_NAMES, type CompiledTemplate, type Lang, type SlotName } from './types.ts';

const FREE_SLOTS: ReadonlySet<SlotName> = new Set(['source', 'author', 'any', 'gap']);
const NUMBER_SLOTS: ReadonlySet<SlotName> = new Set(['n', 'm', 'year']);
const ZH_FREE_CHAR = '[^\\n\\r。！？；，,：:“”"「」『』]';
/** A Chinese slot never starts inside an ASCII word (…Counte|rpoint Research). */
const NOT_MID_WORD = '(?!(?<=[A-Za-z0-9])[A-Za-z0-9])';
/** Longest Chinese free slot: room for an English name inside Chinese text (Counterpoint Research). */
export const ZH_SLOT_MAX = 24;
const EN_FREE_CHAR = '[^\\n\\r.;:!?"“”]';
// a capitalised word with at least one letter (3M, Bain & Co, I/B/E/S), or initials (U.S.); a period never
// joins two words, because Reuters bodies run sentences together (StreetAccount.Apple)
const NAME_TOKEN = "(?:[A-Z]\\.){2,4}|(?=[A-Za-z0-9&'’/\\-]*[A-Za-z])[A-Z0-9][A-Za-z0-9&'’/\\-]{0,29}";
const NAME_RUN = `(?:${NAME_TOKEN})(?:[ \\t]+(?:(?:of|and|for|de|&)[ \\t]+)?(?:${NAME_TOKEN})){0,5}`;
const ZH_NUMBER = '[0-9０-９]+(?:[.．][0-9０-９]+)?[千万亿]?|[零〇一二两三四五六七八九十百千万]+';
const EN_NUMBER_WORDS = ['fifteen', 'hundred', 'eleven', 'twelve', 'twenty', 'fifty', 'three', 'seven', 'eight', 'four', 'five', 'nine', 'one', 'two', 'six', 'ten'];

const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

/** A literal compiled under the case rule; spaces become whitespace runs. */
function literalRegex(literal: string, before = '', after = ''): string {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i]!;
    if (ch === ' ') {
      const prev = i > 0 ? literal[i - 1] : before;
      const next = i + 1 < literal.length ? literal[i + 1] : after;
      out += isAsciiWord(prev) && isAsciiWord(next) ? '[ \\t\\u00a0]+' : '[ \\t\\u00a0\\u3000]*';
    } else if (ch >= 'a' && ch <= 'z') out += `[${ch}${ch.toUpperCase()}]`;
    else if (ch === "'") out += "['’]";
    else out += escapeChar(ch);
  }
  return out;
}

function slotRegex(name: SlotName, lang: Lang, nouns: readonly string[]): string {
  switch (name) {
    case 'source':
    case 'author':
      // an English name starts a word: “theIDC said” has no source
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{1,${ZH_SLOT_MAX}}?` : `(?<![A-Za-z0-9&'’.\\-])${NAME_RUN}`;
    case 'any':
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{0,${ZH_SLOT_MAX}}?` : `${EN_FREE_CHAR}{0,40}?`;
    case 'gap':
      return lang === 'zh' ? `${NOT_MID_WORD}${ZH_FREE_CHAR}{1,${ZH_SLOT_MAX}}?` : `${EN_FREE_CHAR}{1,40}?`;
    case 'doc':
      return [...nouns].sort((a, b) => b.length - a.length).map((n) => literalRegex(n)).join('|');
    case 'n':
    case 'm':
      // a number starts where the numeral starts: 过去十三年内 holds no “三年内”
      return lang === 'zh'
        ? `(?<![0-9０-９.．零〇一二两三四五六七八九十百千万])(?:${ZH_NUMBER})`
        : `(?<![0-9.,])(?:[0-9]+(?:[.,][0-9]+)*[kKmM]?|${EN_NUMBER_WORDS.map((w) => literalRegex(w)).join('|')})`;
    case 'year':
      return '(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])';
    case 'surname':
      return lang === 'zh' ? '[\\u4e00-\\u9fff]' : "[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?";
  }
}

type Part = { literal: string } | { slot: SlotName };

/** Rules a list puts on its templates. */
export interface TemplateRule { allowed: readonly SlotName[]; required: readonly SlotName[] }

/**
 * Compiles one template, or reports why it cannot be compiled. `nouns` are the
 * document nouns of the template's language, for {doc}.
 */
export function compileTemplate<E extends { lang: Lang; notPrecededBy?: string[]; notFollowedBy?: string[] }>(
  pattern: string, entry: E, rule: TemplateRule, nouns: readonly string[], say: (msg: string) => void,
): CompiledTemplate<E> | null {
  const parts: Part[] = [];
  const problems: string[] = [];
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) { problems.push('has a "}" without "{"'); break; }
    if (open === -1) { parts.push({ literal: rest }); break; }
    if (close === -1) { problems.push('has a "{" without "}"'); break; }
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const name = rest.slice(open + 1, close);
    if ((SLOT_NAMES as readonly string[]).includes(name) && rule.allowed.includes(name as SlotName)) parts.push({ slot: name as SlotName });
    else problems.push(`unknown slot {${name}}; allowed here: ${rule.allowed.map((s) => `{${s}}`).join(' ') || 'none'}`);
    rest = rest.slice(close + 1);
  }
  const slots = parts.flatMap((p) => ('slot' in p ? [p.slot] : []));
  for (const name of rule.required) if (!slots.includes(name)) problems.push(`is missing the slot {${name}}`);
  for (const name of new Set(slots)) if (name !== 'any' && slots.filter((s) => s === name).length > 1) problems.push(`uses {${name}} more than once`);
  const literalLength = parts.reduce((sum, p) => sum + ('literal' in p ? p.literal.length : 0), 0);
  if (literalLength === 0) problems.push('has no literal text');
  if (pattern !== pattern.trim() || pattern.includes('  ')) problems.push('has leading, trailing or double spaces');
  if (/[\n\r]/.test(pattern)) problems.push('contains a line break');
  if (slots.includes('doc') && nouns.length === 0) problems.push(`uses {doc} but there are no "${entry.lang}" document nouns`);
  parts.forEach((part, i) => {
    if (!('slot' in part)) return;
    const next = parts[i + 1];
    const lazy = FREE_SLOTS.has(part.slot) && (entry.lang === 'zh' || part.slot === 'any' || part.slot === 'gap');
    if (lazy && next === undefined) problems.push(`ends with the lazy slot {${part.slot}}, which needs literal text after it`);
    if (next && 'slot' in next && FREE_SLOTS.has(part.slot) && FREE_SLOTS.has(next.slot)) problems.push(`has two free slots side by side ({${part.slot}}{${next.slot}})`);
  });
  if (problems.length > 0) { problems.forEach(say); return null; }

  let body = '';
  parts.forEach((part, i) => {
    if ('literal' in part) {
      const before = parts[i - 1], after = parts[i + 1];
      body += literalRegex(part.literal, before && 'literal' in before ? before.literal.slice(-1) : '', after && 'literal' in after ? after.literal[0] : '');
    } else {
      const inner = slotRegex(part.slot, entry.lang, nouns);
      if (part.slot === 'any') body += `(?:${inner})`;
      // numbers are atomic, so a guard after them cannot be dodged by backtracking (第十五季度 is not 第十)
      else if (NUMBER_SLOTS.has(part.slot)) body += `(?=(?<${part.slot}>${inner}))\\k<${part.slot}>`;
      else body += `(?<${part.slot}>${inner})`;
    }
  });
  const first = parts[0], last = parts[parts.length - 1];
  const lead = first && 'literal' in first && isAsciiWord(first.literal[0]) ? '(?<![A-Za-z0-9])' : '';
  const tail = last && 'literal' in last && isAsciiWord(last.literal[last.literal.length - 1]) ? '(?![A-Za-z0-9])' : '';
  const notBefore = entry.notPrecededBy?.length ? `(?<!${entry.notPrecededBy.map((g) => literalRegex(g)).join('|')})` : '';
  const notAfter = entry.notFollowedBy?.length ? `(?!${entry.notFollowedBy.map((g) => literalRegex(g)).join('|')})` : '';
  try {
    const regex = new RegExp(`${notBefore}${lead}${body}${tail}${notAfter}`, 'dg');
    return { entry, pattern, regex, slots: slots.filter((s) => s !== 'any'), literalLength };
  } catch (error) {
    say(`does not compile: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Most specific first: more literal text, then more constrained slots, then
 * fewer free slots (以下是内部信原文： is {doc} alone, not {author}内部 + {doc}信), then by pattern.
 */
export function bySpecificity<E>(a: CompiledTemplate<E>, b: CompiledTemplate<E>): number {
  const free = (t: CompiledTemplate<E>) => t.slots.filter((s) => FREE_SLOTS.has(s)).length;
  const constrained = (t: CompiledTemplate<E>) => t.slots.length - free(t);
  return b.literalLength - a.literalLength || constrained(b) - constrained(a) || free(a) - free(b) || (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0);
}

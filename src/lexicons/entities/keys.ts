/**
 * Comparison keys for entity names. Entities are matched on folded text (case,
 * width, spaces, dots and dashes) rather than on the text itself, and the fold
 * keeps every offset, so a match in the key is a match in the article.
 */

const MIDDLE_DOTS = new Set([0x30fb, 0xff65, 0x2022, 0x2027, 0x2219]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63]);

function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code === 0x09 ? 0x20 : code;
  if (code >= 0xff01 && code <= 0xff5e) return foldUnit(code - 0xfee0); // full-width ASCII
  if (code === 0x3000 || code === 0xa0 || code === 0x202f || code === 0x205f || (code >= 0x2000 && code <= 0x200a)) return 0x20;
  if (MIDDLE_DOTS.has(code)) return 0xb7; // 安迪·贾西 / 安迪・贾西
  if (HYPHENS.has(code)) return 0x2d;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves pass through
  // Other capitals (Škoda, Ä): lower-case only when that keeps one code unit (not İ → i̇).
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** foldUnit of each UTF-16 code, plus one, filled in as codes are met (0: not yet). */
const FOLDED = new Uint16Array(65536 + 1);

/**
 * Fold text for comparison: full-width ASCII → half-width, letters → lower
 * case, horizontal spaces (tab, ideographic space, no-break space) → U+0020,
 * middle dots → `·`, dash variants → `-`.
 *
 * Invariant: the output has exactly the input's length and position i of the
 * output comes from position i of the input (one UTF-16 unit each; surrogates
 * and line breaks pass through), so an offset found in `normalizeKey(text)` is
 * an offset into `text`.
 */
export function normalizeKey(text: string): string {
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded = FOLDED[code]!;
    if (folded === 0) FOLDED[code] = folded = foldUnit(code) + 1;
    codes[i] = folded - 1;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Lookup key for an alias: {@link normalizeKey}, whitespace runs collapsed, trimmed. Not length-preserving. */
export function aliasKey(text: string): string {
  return normalizeKey(text).replace(/\s+/g, ' ').trim();
}

const FORM_CACHE = new Map<string, string>();

/** Regex source for a lexicon form on normalised text: a space matches any run of spaces, including none. */
export function formSource(form: string): string {
  let source = FORM_CACHE.get(form);
  if (source === undefined) {
    source = aliasKey(form).split(' ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' *');
    FORM_CACHE.set(form, source);
  }
  return source;
}

/** {@link formSource} compiled with `flags`. */
export function formRegex(form: string, flags: string): RegExp {
  return new RegExp(formSource(form), flags);
}

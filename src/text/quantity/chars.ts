/**
 * Character classes for numerals. Full-width forms (０-９, ％, ．) are folded to
 * ASCII when compared, never rewritten, so offsets into the text stay exact.
 */

/** The ASCII code of a full-width ASCII variant (０ → 0, ％ → %), else the code unchanged. */
export function fold(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** The folded code at i, or -1 past the end. */
export function foldAt(text: string, i: number): number {
  return i < text.length ? fold(text.charCodeAt(i)) : -1;
}

/** 0–9 when position i holds an Arabic digit (ASCII or full-width), else -1. */
export function arabicDigitAt(text: string, i: number): number {
  const c = foldAt(text, i);
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

/** True for a full-width digit ０-９. */
export function isFullWidthDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xff10 && c <= 0xff19;
}

/** Spaces that may separate the parts of a numeral (never a line break). */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x09;
}

/** The index of the first non-space character at or after i. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** A Latin letter, full-width letters included. */
export function isLatinAt(text: string, i: number): boolean {
  const c = foldAt(text, i) | 0x20;
  return c >= 97 && c <= 122;
}

/** A Latin letter or an Arabic digit (the characters of an identifier such as A15 or 5G). */
export function isAlnumAt(text: string, i: number): boolean {
  return isLatinAt(text, i) || arabicDigitAt(text, i) >= 0;
}

/** A CJK ideograph. */
export function isHanAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** The end of the run of letters, digits and joining punctuation starting at i (an identifier such as iPhone13 or A2021). */
export function endOfIdentifier(text: string, i: number): number {
  while (i < text.length) {
    const c = fold(text.charCodeAt(i));
    // a letter (c | 0x20 folds the case) or a digit
    if (((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 48 && c <= 57)) { i++; continue; }
    // 01810.HK, GPT-4, A-share codes: joiners count only between alphanumerics
    if ((c === 46 || c === 45 || c === 95) && isAlnumAt(text, i + 1)) { i++; continue; }
    break;
  }
  return i;
}

/** 32-bit FNV-1a over UTF-16 code units: a small, stable, platform-independent string hash. */

/** The FNV-1a offset basis: the hash of the empty string. */
export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step: the hash so far, extended by one code unit (not yet made unsigned). */
export function fnv1aStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** FNV-1a of a whole string, as an unsigned 32-bit number. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnv1aStep(h, text.charCodeAt(i));
  return h >>> 0;
}

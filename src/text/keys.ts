/**
 * A comparison key for names: full/half width (NFKC), case and spaces folded.
 * Not length-preserving; for offsets use the registry's normalizeKey.
 */
export function foldKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

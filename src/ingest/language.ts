
/**
 * Chinese or English by script ratio: Han characters against Latin letters.
 * A Chinese article quoting English names is still Chinese: one Han character
 * carries about as much as a five-letter word, hence the low threshold.
 */
export function detectLanguage(text: string): 'zh' | 'en' {
  // the first 20,000 characters: Han (U+3400–9FFF, U+F900–FAFF) against ASCII letters
  let han = 0;
  let latin = 0;
  for (let i = 0, n = Math.min(text.length, 20000); i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (han === 0 && latin === 0) return 'zh';
  return han >= 0.15 * (han + latin) ? 'zh' : 'en';
}

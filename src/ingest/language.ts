const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Chinese or English by script ratio: Han characters against Latin letters.
 * A Chinese article quoting English names is still Chinese: one Han character
 * carries about as much as a five-letter word, hence the low threshold.
 */
export function detectLanguage(text: string): 'zh' | 'en' {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return 'zh';
  return han >= 0.15 * (han + latin) ? 'zh' : 'en';
}

import { pinyin } from 'pinyin-pro';

/**
 * A stable, readable id for a discovered entity: its name in pinyin (Chinese)
 * or in lower case (Latin), as a slug. 赵海军 → zhao-haijun; Kwon Young-soo →
 * kwon-young-soo. Chinese family name first, as the registry's ids are.
 */
export function slugFor(name: string, type: string): string {
  const han = /[\u3400-\u9fff]/.test(name);
  let slug: string;
  if (han) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''));
    slug = type === 'person' && syllables.length >= 2 ? `${syllables[0]}-${syllables.slice(1).join('')}` : syllables.filter(Boolean).join('-');
  } else {
    slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-');
  }
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '');
  return slug || `entity-${name.length}`;
}

import { pinyin } from 'pinyin-pro';

/**
 * A stable, readable id for a discovered entity: its name in pinyin (Chinese)
 * or in lower case (Latin), as a slug. 赵海军 → zhao-haijun; Kwon Young-soo →
 * kwon-young-soo. Chinese family name first, as the registry's ids are.
 */
export function slugFor(name: string, type: string): string {
  // Discovery asks for the slug of every candidate, and a corpus names the same people and firms again and
  // again: pinyin conversion is the costly part, so slugs are remembered (a bounded table, emptied when full).
  const key = `${type}\u0000${name}`;
  const known = slugs.get(key);
  if (known !== undefined) return known;
  const slug = makeSlug(name, type);
  if (slugs.size >= SLUG_MEMORY) slugs.clear();
  slugs.set(key, slug);
  return slug;
}

const SLUG_MEMORY = 50_000;
const slugs = new Map<string, string>();

function makeSlug(name: string, type: string): string {
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

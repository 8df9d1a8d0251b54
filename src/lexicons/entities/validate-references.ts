/**
 * Identity checks across the entity files: ids are unique across all five
 * entry files, tickers and RICs belong to one company, every reference (parent,
 * org, brand, series, country) names an entry of the right type, and parent
 * chains end.
 */
import type { ProblemList } from '../validate.ts';
import { ENTITY_FILES, type CompanyEntry, type EntityType, type EntryBase, type Lexicon, type RegistryEntity } from './types.ts';

/** A registry entity with the file it came from, for messages. */
export interface Collected {
  readonly id: string;
  readonly file: string;
  readonly entity: RegistryEntity;
}

/** Every entry as a registry entity by id; a second entry with an id already used is reported and left out. */
export function collectEntities(lexicon: Lexicon, problems: ProblemList): Map<string, Collected> {
  const out = new Map<string, Collected>();
  const add = (file: string, entity: RegistryEntity): void => {
    if (entity.id === '') return;
    const earlier = out.get(entity.id);
    if (earlier) problems.add(file, entity.id, 'id', `duplicate id; already used by an entry in ${earlier.file}`);
    else out.set(entity.id, { id: entity.id, file, entity });
  };
  const common = (e: EntryBase, org: string | null) => ({ id: e.id, name: e.name, nameEn: e.nameEn, org });
  for (const e of lexicon.companies) add(ENTITY_FILES.companies, { ...common(e, e.parent ?? null), type: 'company', entry: e });
  for (const e of lexicon.people) add(ENTITY_FILES.people, { ...common(e, e.org), type: 'person', entry: e });
  for (const e of lexicon.products) add(ENTITY_FILES.products, { ...common(e, e.brand), type: 'product', entry: e });
  for (const e of lexicon.organizations) add(ENTITY_FILES.organizations, { ...common(e, null), type: 'organization', entry: e });
  for (const e of lexicon.locations) add(ENTITY_FILES.locations, { ...common(e, null), type: 'location', entry: e });
  return out;
}

/** Every reference names an entry of the right type; a series is a series entry; parent chains end. */
export function checkReferences(lexicon: Lexicon, entities: Map<string, Collected>, problems: ProblemList): void {
  const expect = (file: string, entry: string, field: string, target: string | null | undefined, types: readonly EntityType[]): void => {
    if (target === null || target === undefined || target === '') return;
    const found = entities.get(target);
    if (!found) problems.add(file, entry, field, `${JSON.stringify(target)} is not the id of any entry (expected a ${types.join(' or ')} id)`);
    else if (!types.includes(found.entity.type)) problems.add(file, entry, field, `${JSON.stringify(target)} is a ${found.entity.type}, expected a ${types.join(' or ')}`);
  };
  const { companies, people, products, organizations, locations } = ENTITY_FILES;
  for (const c of lexicon.companies) {
    expect(companies, c.id, 'parent', c.parent, ['company']);
    expect(companies, c.id, 'country', c.country, ['location']);
  }
  for (const p of lexicon.people) expect(people, p.id, 'org', p.org, ['company', 'organization']);
  for (const p of lexicon.products) {
    expect(products, p.id, 'brand', p.brand, ['company']);
    expect(products, p.id, 'series', p.series, ['product']);
    const series = p.series ? entities.get(p.series)?.entity : undefined;
    if (series?.type === 'product' && !series.entry.isSeries) problems.add(products, p.id, 'series', `${p.series} is not a series entry (isSeries: true)`);
  }
  for (const o of lexicon.organizations) expect(organizations, o.id, 'country', o.country, ['location']);
  for (const l of lexicon.locations) expect(locations, l.id, 'parent', l.parent, ['location']);
  // A parent chain must end: 哈弗 → 长城汽车 → (none), never back to itself.
  const chains: [string, readonly { id: string; parent?: string | null }[]][] = [[companies, lexicon.companies], [locations, lexicon.locations]];
  for (const [file, list] of chains) {
    const parentOf = new Map(list.map((e) => [e.id, e.parent ?? null]));
    for (const e of list) {
      const seen = new Set([e.id]);
      for (let at = parentOf.get(e.id) ?? null; at !== null; at = parentOf.get(at) ?? null) {
        if (seen.has(at)) {
          problems.add(file, e.id, 'parent', `parent chain loops back (${[...seen, at].join(' → ')})`);
          break;
        }
        seen.add(at);
      }
    }
  }
}

/** `HK:01810` → company and `1810.HK` → company; a code listed twice, by one company or two, is reported. */
export function checkTickers(companies: readonly CompanyEntry[], problems: ProblemList): { byTicker: Map<string, string>; byRic: Map<string, string> } {
  const byTicker = new Map<string, string>();
  const byRic = new Map<string, string>();
  for (const c of companies) {
    for (const [list, map, field] of [[c.tickers, byTicker, 'tickers'], [c.rics ?? [], byRic, 'rics']] as const) {
      list.forEach((code, i) => {
        const owner = map.get(code);
        if (owner !== undefined && owner !== c.id) problems.add(ENTITY_FILES.companies, c.id, `${field}[${i}]`, `${code} is also listed by ${owner}`);
        else if (owner === c.id) problems.add(ENTITY_FILES.companies, c.id, `${field}[${i}]`, `${code} is listed twice`);
        else map.set(code, c.id);
      });
    }
  }
  return { byTicker, byRic };
}

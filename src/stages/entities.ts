import type { Doc, Entity, Span, Token } from '../doc/types.ts';
import { resolveCoreference } from '../entities/coref.ts';
import { discoverEntities } from '../entities/discovery.ts';
import { buildAliasIndex, findRegistryMentions, type AliasIndex } from '../entities/matcher.ts';
import type { FoundMention } from '../entities/types.ts';
import { loadCueLexicons, type CueLexicons } from '../lexicons/cues.ts';
import { loadEntityRegistry } from '../lexicons/entities.ts';
import { defineStage } from '../pipeline/stage.ts';
import { foldKey } from '../text/keys.ts';
import { inlineTickers } from '../ingest/tickers.ts';

let resources: { index: AliasIndex; cues: CueLexicons } | null = null;

/** The registry index and cue lexicons, loaded and validated once. */
export function entityResources(): { index: AliasIndex; cues: CueLexicons } {
  resources ??= { index: buildAliasIndex(loadEntityRegistry()), cues: loadCueLexicons() };
  return resources;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Salience from title presence (0.35), the lead paragraph (0.15) and
 * frequency relative to the most mentioned entity (0.5).
 */
function salience(doc: Doc, mentions: readonly Span[], names: readonly string[], maxCount: number): number {
  const inTitle = names.some((n) => n.length > 1 && doc.meta.title.includes(n)) ? 1 : 0;
  const leadEnd = doc.blocks[0]?.end ?? Math.min(doc.text.length, 200);
  const inLead = mentions.some((m) => m.start < Math.max(leadEnd, 120)) ? 1 : 0;
  return round(0.35 * inTitle + 0.15 * inLead + 0.5 * (mentions.length / Math.max(1, maxCount)));
}

/** Groups mentions into entities, sorted by salience, then first mention, then id. */
export function group(doc: Doc, mentions: readonly FoundMention[]): Entity[] {
  const byId = new Map<string, FoundMention[]>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const list = byId.get(m.id) ?? [];
    list.push(m);
    byId.set(m.id, list);
  }
  const maxCount = Math.max(1, ...[...byId.values()].map((l) => l.length));
  const entities = [...byId.values()].map((list) => {
    const first = list.find((m) => !m.discovered) ?? list[0]!;
    const spans: Span[] = list.map((m) => ({ start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), ...(m.coref ? { coref: true } : {}) }));
    const names = [...new Set([first.name, first.nameEn ?? '', ...spans.filter((s) => !s.coref).map((s) => s.text)])];
    const entity: Entity = {
      id: first.id,
      name: first.name,
      nameEn: first.nameEn,
      type: first.type,
      mentions: spans,
      salience: salience(doc, spans, names, maxCount),
      sentiment: { score: 0, label: 'neutral' },
    };
    if (first.org) entity.org = first.org;
    if (list.every((m) => m.discovered)) entity.discovered = true;
    return entity;
  });
  return entities.sort((a, b) => b.salience - a.salience || a.mentions[0]!.start - b.mentions[0]!.start || (a.id < b.id ? -1 : 1));
}

// Datelines and credits name the outlet, not an actor: 财联社5月15日电, 36氪获悉, (Reuters) -, （第一财经）.
const DATELINE_AFTER = /^\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:电|讯|获悉|消息|报道|独家获悉)|^\)\s*-/;

export function isOutletCredit(doc: Doc, m: FoundMention, index: AliasIndex): boolean {
  const text = doc.text;
  const entry = index.registry.byId.get(m.id);
  if (!entry || entry.type !== 'company' || entry.entry.role !== 'media') return false;
  // The article's own outlet (told Reuters, IT之家 7 月 9 日消息) is the publisher, not an actor.
  const source = foldKey(doc.meta.source ?? '');
  if (source && [entry.name, entry.nameEn ?? ''].some((n) => n && source.includes(foldKey(n)))) return true;
  if (/[（(]/.test(text[m.start - 1] ?? '') && /[）)]/.test(text[m.end] ?? '')) return true;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  return m.start - lineStart <= 40 && DATELINE_AFTER.test(text.slice(m.end, m.end + 12));
}

/** Listings written in the text (Apple Inc ( AAPL.O )) link to their company, as references. */
export function tickerMentions(text: string, index: AliasIndex): FoundMention[] {
  const { registry } = index;
  return inlineTickers(text).flatMap((t) => {
    const id = registry.byRic.get(t.ric) ?? registry.byTicker.get(t.ticker);
    const entity = id ? registry.byId.get(id) : undefined;
    if (!entity) return [];
    return [{ start: t.start, end: t.end, id: entity.id, type: entity.type, name: entity.name, nameEn: entity.nameEn, org: entity.org, discovered: false, coref: true }];
  });
}

/** Every company, person, product, organisation and location of an article, linked to canonical entities. */
export function findEntities(doc: Doc, tokens: readonly Token[]): Entity[] {
  const { index, cues } = entityResources();
  const known = findRegistryMentions(index, doc.text).filter((m) => !isOutletCredit(doc, m, index));
  const discovered = discoverEntities(doc.text, doc.meta.language, tokens, known, cues);
  // A business unit (华为云) replaces the company mention inside it (华为).
  const units = discovered.filter((d) => d.org && d.type === 'company');
  const inside = (k: FoundMention, d: FoundMention) => d.start <= k.start && k.end <= d.end;
  const named = [
    ...known.filter((k) => !units.some((u) => u.org === k.id && inside(k, u)) && !(k.type === 'location' && discovered.some((d) => inside(k, d)))),
    ...discovered,
  ];
  const references = resolveCoreference(doc.text, doc.meta.language, named, cues, index.registry);
  return group(doc, [...named, ...references, ...tickerMentions(doc.text, index)]);
}

/** The entities layer (CONTRACT.md `Entity`). */
export const entitiesStage = defineStage({
  name: 'entities',
  requires: ['tokens'],
  provides: ['entities'],
  run(doc, layers) {
    return { entities: findEntities(doc, layers.tokens) };
  },
});

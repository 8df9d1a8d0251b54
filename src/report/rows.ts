import type { Article } from '../doc/types.ts';
import type { Cell } from './csv.ts';
import { sentenceIndexAt } from '../doc/spans.ts';

/** Column lists of the CSV files, in order; the README documents each one. */
export const COLUMNS = {
  articles: ['id', 'path', 'title', 'publishedAt', 'source', 'url', 'language', 'categories', 'tags', 'tickers', 'chars', 'sentences', 'entities', 'claims', 'quotes', 'sentiment_score', 'sentiment_label', 'top_entities', 'messages', 'duplicate_of'],
  entities: ['id', 'path', 'title', 'publishedAt', 'entity_id', 'entity_name', 'entity_name_en', 'entity_type', 'org', 'discovered', 'mentions', 'salience', 'sentiment_score', 'sentiment_label'],
  mentions: ['id', 'path', 'title', 'publishedAt', 'entity_id', 'entity_name', 'entity_type', 'text', 'start', 'end', 'sentence', 'sentence_text'],
  claims: ['id', 'path', 'title', 'publishedAt', 'kind', 'status', 'text', 'value', 'value_max', 'qualifier', 'unit', 'metric', 'subject', 'period', 'horizon_years', 'scope', 'source', 'start', 'end', 'sentence', 'sentence_text', 'first_seen_article', 'first_seen_at', 'restated_in'],
  quotes: ['id', 'path', 'title', 'publishedAt', 'kind', 'speaker_id', 'speaker_name', 'cue', 'text', 'start', 'end', 'sentence'],
  sentences: ['id', 'path', 'title', 'publishedAt', 'sentence', 'start', 'end', 'sentiment_score', 'sentiment_label', 'text'],
} as const;

export type CsvName = keyof typeof COLUMNS;

const list = (items: readonly string[]) => items.join('; ');
const head = (a: Article): Cell[] => [a.id, a.path, a.title, a.publishedAt];

function sentenceText(a: Article, index: number): string {
  const s = a.sentences[index];
  return s ? a.text.slice(s.start, s.end) : '';
}

/** All CSV rows one article contributes, by file. */
export function articleRows(a: Article): Record<CsvName, Cell[][]> {
  const top = [...a.entities].sort((x, y) => y.salience - x.salience || (x.id < y.id ? -1 : 1)).slice(0, 5).map((e) => e.name);
  return {
    articles: [[
      ...head(a), a.source, a.url, a.language, list(a.categories), list(a.tags), list(a.tickers), a.text.length,
      a.sentences.length, a.entities.length, a.claims.length, a.quotes.length, a.sentiment.score, a.sentiment.label,
      list(top), a.messages.length, a.duplicateOf ?? null,
    ]],
    entities: a.entities.map((e) => [
      ...head(a), e.id, e.name, e.nameEn, e.type, e.org ?? null, e.discovered ?? false, e.mentions.length, e.salience,
      e.sentiment.score, e.sentiment.label,
    ]),
    mentions: a.entities.flatMap((e) => e.mentions.map((m) => {
      const index = sentenceIndexAt(a.sentences, m.start);
      return [...head(a), e.id, e.name, e.type, m.text, m.start, m.end, index, sentenceText(a, index)];
    })),
    claims: a.claims.map((c) => [
      ...head(a), c.kind, c.status, c.text, c.value, c.valueMax, c.qualifier, c.unit, c.metric, c.subject, c.period,
      c.horizonYears, c.scope, c.source, c.start, c.end, c.sentence, sentenceText(a, c.sentence),
      c.firstSeen?.article ?? null, c.firstSeen?.publishedAt ?? null, c.restatedIn ?? null,
    ]),
    quotes: a.quotes.map((q) => [
      ...head(a), q.kind, q.speaker?.id ?? null, q.speaker?.name ?? null, q.cue, q.text, q.start, q.end, q.sentence,
    ]),
    sentences: a.sentences.map((s, i) => [
      ...head(a), i, s.start, s.end, s.sentiment?.score ?? null, s.sentiment?.label ?? null, a.text.slice(s.start, s.end),
    ]),
  };
}

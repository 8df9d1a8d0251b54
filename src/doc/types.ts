/**
 * The document model: one article becomes one read-only `Doc`; stages add
 * stand-off layers (ranges over `doc.text`) and never change the text.
 * The shapes here are the ones CONTRACT.md publishes.
 */

/** A half-open range of UTF-16 code units into `doc.text`, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** on an entity mention: a reference (该公司, the company, 小米CEO) rather than a name */
  coref?: boolean;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** A sentiment score in [-1, 1] and its label. */
export interface Sentiment {
  score: number;
  label: SentimentLabel;
}

/** One lexicon term that fired, with its weight and where it stands. */
export interface SentimentEvidence extends Span {
  weight: number;
}

export interface SentimentWithEvidence extends Sentiment {
  evidence: SentimentEvidence[];
}

/** A sentence: its range and, once the sentiment stage ran, its sentiment. */
export interface Sentence {
  start: number;
  end: number;
  sentiment?: Sentiment;
}

/** A word from the segmenter, aligned back to `doc.text`. */
export interface Token extends Span {
  /** part-of-speech tag as the segmenter gives it (jieba's tag set), or '' */
  tag: string;
}

export type EntityType = 'company' | 'person' | 'product' | 'organization' | 'location';

export interface Entity {
  id: string;
  name: string;
  nameEn: string | null;
  type: EntityType;
  mentions: Span[];
  salience: number;
  sentiment: Sentiment;
  /** the company a person or product belongs to */
  org?: string;
  /** true when the entity is not in the registry but was found in the text */
  discovered?: boolean;
}

export type ClaimKind =
  | 'investment'
  | 'financial'
  | 'volume'
  | 'growth'
  | 'share'
  | 'ranking'
  | 'price'
  | 'other';
export type ClaimStatus = 'target' | 'reported';
export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';

export interface Claim extends Span {
  kind: ClaimKind;
  status: ClaimStatus;
  value: number;
  valueMax: number | null;
  qualifier: Qualifier;
  unit: string | null;
  metric: string | null;
  subject: string | null;
  period: string | null;
  horizonYears: number | null;
  scope: string | null;
  source: string | null;
  sentence: number;
  /** set by the corpus pass when other articles state the same figure: the earliest of them all */
  firstSeen?: { article: string; publishedAt: string | null };
  /** set with firstSeen: how many other independent articles state it */
  restatedIn?: number;
}

export type QuoteKind = 'speech' | 'document' | 'indirect' | 'term';

export interface Quote extends Span {
  kind: QuoteKind;
  speaker: { id: string; name: string } | null;
  cue: string | null;
  sentence: number;
}

/** A note on an article for people: where, which rule, what to do. */
export interface Message {
  ruleId: string;
  message: string;
  start?: number;
  end?: number;
}

/** The metadata an Article publishes (CONTRACT.md), in contract order. */
export interface ArticleMeta {
  id: string;
  path: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  url: string | null;
  categories: string[];
  tags: string[];
  language: string;
  tickers: string[];
}

/** Metadata found by ingest; everything a report needs besides the layers. */
export interface DocMeta extends ArticleMeta {
  /** the encoding the file was decoded from, e.g. utf-8 or gb18030 */
  encoding: string;
}

/** What ingest produces: cleaned text plus metadata. Read-only from here on. */
export interface Doc {
  readonly text: string;
  readonly meta: Readonly<DocMeta>;
  /** the paragraphs of `text` and the kind of block each came from (heading, blockquote…) */
  readonly blocks: readonly Block[];
}

/** A paragraph of `doc.text` and the kind of block it came from. */
export interface Block {
  start: number;
  end: number;
  kind: 'p' | 'heading' | 'blockquote' | 'li';
}

/** The layers stages may add, by name. */
export interface Layers {
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  claims: Claim[];
  sentiment: SentimentWithEvidence;
  /** one per sentence, in order; merged into `Article.sentences` */
  sentenceSentiments: Sentiment[];
  /** by entity id; merged into each `Entity.sentiment` */
  entitySentiments: Record<string, Sentiment>;
  quotes: Quote[];
  messages: Message[];
}

export type LayerName = keyof Layers;

/** One line of articles.jsonl (CONTRACT.md `Article`). */
export interface Article extends ArticleMeta {
  text: string;
  sentences: Sentence[];
  sentiment: SentimentWithEvidence;
  entities: Entity[];
  claims: Claim[];
  quotes: Quote[];
  /** notes for people about problems found in this article */
  messages: Message[];
  /** SimHash of `text` (16 hex digits): articles a few bits apart are near-duplicates */
  fingerprint: string;
  /** set by the corpus pass when this article republishes an earlier one: that article's id */
  duplicateOf?: string;
}

/**
 * Cross-article claim linking: the same figure stated by several articles
 * (restatements) and different figures for the same measure and period
 * (contradictions). Claims are added article by article and kept as compact
 * keys and numbers, never as text, so a corpus can be streamed through.
 */
import type { Claim, ClaimKind, ClaimStatus, Qualifier } from '../doc/types.ts';
import { foldKey } from '../text/keys.ts';
import { simplifyCharacters } from '../text/traditional.ts';

/** Where a claim was first published. */
export interface FirstSeen {
  article: string;
  publishedAt: string | null;
}

/** One claim of one article: its index in the article's `claims`. */
export interface ClaimRef {
  article: string;
  claim: number;
  publishedAt: string | null;
  /** set when the article is a near-duplicate of another: not an independent statement */
  duplicateOf?: string;
}

/** The same figure stated in more than one independent article. */
export interface Restatement {
  subject: string;
  /** the metric as compared: width, case and script folded */
  metric: string;
  kind: ClaimKind;
  status: ClaimStatus;
  value: number;
  valueMax: number | null;
  unit: string | null;
  /** the scope the members agree on (folded), null when none states one */
  scope: string | null;
  firstSeen: FirstSeen;
  /** independent articles stating it, the first one included */
  articles: number;
  /** every occurrence, duplicates included (flagged), first-seen order */
  members: ClaimRef[];
}

/** One of the values stated in a contradiction, with where it was stated. */
export interface StatedValue {
  value: number;
  valueMax: number | null;
  qualifier: Qualifier;
  members: ClaimRef[];
}

/** Different figures for the same subject, metric, kind, status, period, unit and scope. */
export interface Contradiction {
  subject: string;
  metric: string;
  kind: ClaimKind;
  status: ClaimStatus;
  period: string;
  unit: string | null;
  scope: string | null;
  /** every value stated for it, in increasing order */
  values: StatedValue[];
}

export interface ClaimLinks {
  restatements: Restatement[];
  contradictions: Contradiction[];
}

/** What the integrator adds to one claim. */
export interface ClaimLink {
  firstSeen: FirstSeen;
  /** independent articles other than the first-seen one that state the same claim */
  restatedIn: number;
}

const QUALIFIERS: readonly Qualifier[] = ['exact', 'about', 'at_least', 'at_most', 'range'];

/**
 * Amounts come out of unit scaling (1089 × 10⁸), so a float can carry noise
 * in its last bits; twelve significant digits are far more than any article
 * states and make 1000亿 and 100000000000 the same key.
 */
export function normalizeValue(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

/** A metric, unit or scope as compared: NFKC, lower case, no spaces, Simplified characters. */
function fold(s: string | null): string {
  return s === null ? '' : simplifyCharacters(foldKey(s));
}

function byTimeThenId(ta: number, tb: number, a: string, b: string): number {
  const na = Number.isNaN(ta);
  const nb = Number.isNaN(tb);
  if (na !== nb) return na ? 1 : -1;
  if (!na && ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A growable column of numbers in a typed array: 4 or 8 bytes an entry,
 * where a JavaScript array of numbers costs 8 and boxes fractions.
 */
class Column<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

const ints = () => new Column((n) => new Int32Array(n));
const floats = () => new Column((n) => new Float64Array(n));

/** Appends `claim` to the list of `key` in `map`. */
function addTo<K>(map: Map<K, number[]>, key: K, claim: number): void {
  const list = map.get(key);
  if (list) list.push(claim);
  else map.set(key, [claim]);
}

/** Claims that share a key, with what the key holds. */
interface ClaimGroup {
  /** the key as text, for ordering: the same text for the same key, whatever the corpus */
  text: () => string;
  /** subject, metric (folded), kind, status, unit */
  head: [string, string, ClaimKind, ClaimStatus, string];
  /** the period (contradiction groups) */
  period: string;
  /** the stated value and upper value (restatement groups) */
  value: number;
  valueMax: number | null;
  scope: string;
  claims: number[];
}

/**
 * Collects the claims of many articles and links them. Restatements match on
 * subject, metric, kind, status, value, upper value, unit and scope (an
 * unknown scope matches the one known scope of the others); the period is
 * left out on purpose, because it is the field the extractor most often
 * misreads (the same Xiaomi 2026 Q2 revenue of 1089亿元 comes out as 2026-Q3
 * in one feed item and 2026-Q2 in another). Contradictions need the period,
 * and compare only claims that agree on it, on the status (a target is not
 * contradicted by a result), the unit and the scope (the same way).
 *
 * Memory: per claim, eight numbers in typed arrays (40 bytes); the texts a
 * claim is compared on (subject, metric, kind, status and unit together, the
 * period, the scope) are interned, and they repeat across a corpus. Claims
 * are grouped by key only in `finish`.
 */
export class ClaimIndex {
  private articleIds: string[] = [];
  private readonly articleDates: Array<string | null> = [];
  private readonly articleTimes: number[] = [];
  private readonly duplicateOf: Array<string | null> = [];
  private readonly textIds = new Map<string, number>();
  private readonly texts: string[] = [];
  // one entry per kept claim, in parallel columns
  private readonly claimArticle = ints();
  private readonly claimIndex = ints();
  /** interned JSON of [subject, folded metric, kind, status, unit] */
  private readonly heads = ints();
  /** interned period, -1 when none */
  private readonly periods = ints();
  private readonly values = floats();
  /** NaN when none */
  private readonly valueMaxes = floats();
  /** index in QUALIFIERS */
  private readonly qualifiers = ints();
  /** interned folded scope, -1 when unknown */
  private readonly scopes = ints();
  /** each article's first position in the columns (its claims are contiguous) */
  private readonly articleClaims: number[] = [];
  /**
   * Once `finish` has run: per claim position, its restatement's link (an
   * index into `restatementLinks`, -1 for none), and article number by id.
   * Typed arrays rather than a map keyed by article and claim: a corpus of
   * 50,000 articles has over half a million linked claims.
   */
  private links: { ofClaim: Int32Array; restatementLinks: ClaimLink[]; articleOf: Map<string, number> } | null = null;

  private intern(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.textIds.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /**
   * Adds one article's claims (indexes are positions in `claims`). Claims
   * without subject or metric, or with a value that is not a finite number,
   * are left out. `duplicateOf` names the original of a near-duplicate article.
   */
  add(articleId: string, publishedAt: string | null, claims: readonly Claim[], duplicateOf?: string): void {
    const article = this.articleIds.length;
    this.articleIds.push(articleId);
    this.articleDates.push(publishedAt);
    this.articleTimes.push(publishedAt === null ? NaN : Date.parse(publishedAt));
    this.duplicateOf.push(duplicateOf ?? null);
    this.articleClaims.push(this.claimArticle.length);
    this.links = null;
    claims.forEach((c, i) => {
      if (!c.subject || !c.metric || !Number.isFinite(c.value)) return;
      const valueMax = c.valueMax === null || !Number.isFinite(c.valueMax) ? NaN : normalizeValue(c.valueMax);
      this.claimArticle.push(article);
      this.claimIndex.push(i);
      this.heads.push(this.intern(JSON.stringify([c.subject, fold(c.metric), c.kind, c.status, c.unit === null ? '' : c.unit.normalize('NFKC').trim()])));
      this.periods.push(c.period ? this.intern(c.period) : -1);
      this.values.push(normalizeValue(c.value));
      this.valueMaxes.push(valueMax);
      this.qualifiers.push(Math.max(0, QUALIFIERS.indexOf(c.qualifier)));
      this.scopes.push(c.scope ? this.intern(fold(c.scope)) : -1);
    });
  }

  /** Gives every article added so far its final id (ids given at `add` may be provisional). */
  renameAll(rename: (id: string) => string): void {
    this.articleIds = this.articleIds.map(rename);
    this.links = null;
  }

  /** Marks the articles that `duplicates` maps to their original (a DuplicateIndex's result), after they were added. */
  setDuplicates(duplicates: ReadonlyMap<string, string>): void {
    this.articleIds.forEach((id, a) => {
      this.duplicateOf[a] = duplicates.get(id) ?? null;
    });
    this.links = null;
  }

  /** Links all claims added so far. Output order depends only on the data, not on the add order. */
  finish(): ClaimLinks {
    const positions: number[][] = [];
    const restatements = this.findRestatements(positions);
    const ofClaim = new Int32Array(this.claimArticle.length).fill(-1);
    const restatementLinks = restatements.map((r, k) => {
      for (const position of positions[k]!) ofClaim[position] = k;
      return { firstSeen: r.firstSeen, restatedIn: r.articles - 1 };
    });
    const articleOf = new Map<string, number>();
    // the last article of an id wins, as it would in a map keyed by id and claim
    this.articleIds.forEach((id, a) => articleOf.set(id, a));
    this.links = { ofClaim, restatementLinks, articleOf };
    return { restatements, contradictions: this.findContradictions() };
  }

  /** The restatement link of one claim, once `finish` has run; undefined when no other independent article states it. */
  linkFor(articleId: string, claimIndex: number): ClaimLink | undefined {
    if (!this.links) return undefined;
    const a = this.links.articleOf.get(articleId);
    if (a === undefined) return undefined;
    const end = a + 1 < this.articleClaims.length ? this.articleClaims[a + 1]! : this.claimArticle.length;
    const indexes = this.claimIndex.data;
    for (let position = this.articleClaims[a]!; position < end; position++) {
      if (indexes[position] !== claimIndex) continue;
      const k = this.links.ofClaim[position]!;
      return k < 0 ? undefined : this.links.restatementLinks[k];
    }
    return undefined;
  }

  /**
   * Claim positions grouped by key, then by scope: claims with different
   * known scopes (京东 and 中高端) are not the same claim; a claim with no
   * scope joins the others when they agree on one. A restatement key is the
   * head, value and upper value; a contradiction key the head and period
   * (claims without a period are left out). Claims are bucketed by head
   * first, so the finer keys exist only for one head at a time.
   */
  private groups(kind: 'restatement' | 'contradiction'): ClaimGroup[] {
    const heads = this.heads.data;
    const periods = this.periods.data;
    const values = this.values.data;
    const valueMaxes = this.valueMaxes.data;
    const scopes = this.scopes.data;
    const byHead = new Map<number, number[]>();
    for (let c = 0; c < this.claimArticle.length; c++) if (kind === 'restatement' || periods[c]! >= 0) addTo(byHead, heads[c]!, c);
    const groups: ClaimGroup[] = [];
    for (const [head, inHead] of byHead) {
      const headFields = JSON.parse(this.texts[head]!) as ClaimGroup['head'];
      // restatements: by value, then upper value (NaN, none, is a key like any other in a Map); contradictions: by period
      let keyed: number[][];
      if (kind === 'restatement') {
        const byValue = new Map<number, Map<number, number[]>>();
        for (const c of inHead) {
          let byMax = byValue.get(values[c]!);
          if (!byMax) byValue.set(values[c]!, (byMax = new Map()));
          addTo(byMax, valueMaxes[c]!, c);
        }
        keyed = [...byValue.values()].flatMap((byMax) => [...byMax.values()]);
      } else {
        const byPeriod = new Map<number, number[]>();
        for (const c of inHead) addTo(byPeriod, periods[c]!, c);
        keyed = [...byPeriod.values()];
      }
      for (const claims of keyed) {
        const first = claims[0]!;
        const value = values[first]!;
        const valueMax = Number.isNaN(valueMaxes[first]!) ? null : valueMaxes[first]!;
        const period = kind === 'contradiction' ? this.texts[periods[first]!]! : '';
        // the key as one JSON text, ['r', …head, value, valueMax] or ['c', …head, period], made only when asked for
        const text = () => (kind === 'restatement' ? JSON.stringify(['r', ...headFields, value, valueMax]) : JSON.stringify(['c', ...headFields, period]));
        const byScope = new Map<number, number[]>();
        for (const c of claims) addTo(byScope, scopes[c]!, c);
        const known = [...byScope.keys()].filter((scope) => scope >= 0);
        const group = (scope: string, list: number[]): ClaimGroup => ({ text, head: headFields, period, value, valueMax, scope, claims: list });
        if (known.length <= 1) {
          groups.push(group(known.length ? this.texts[known[0]!]! : '', claims));
          continue;
        }
        for (const [scope, list] of byScope) groups.push(group(scope < 0 ? '' : this.texts[scope]!, list));
      }
    }
    return groups;
  }

  private ref(claim: number): ClaimRef {
    const a = this.claimArticle.data[claim]!;
    const ref: ClaimRef = { article: this.articleIds[a]!, claim: this.claimIndex.data[claim]!, publishedAt: this.articleDates[a]! };
    const dup = this.duplicateOf[a];
    if (dup) ref.duplicateOf = dup;
    return ref;
  }

  private compareClaims = (x: number, y: number): number => {
    const articles = this.claimArticle.data;
    const [a, b] = [articles[x]!, articles[y]!];
    return byTimeThenId(this.articleTimes[a]!, this.articleTimes[b]!, this.articleIds[a]!, this.articleIds[b]!) || this.claimIndex.data[x]! - this.claimIndex.data[y]!;
  };

  /** The restatements, in output order; `positions` receives each one's claim positions. */
  private findRestatements(positions: number[][]): Restatement[] {
    const articles = this.claimArticle.data;
    const found: Array<{ restatement: Restatement; time: number; key: string; claims: number[] }> = [];
    for (const group of this.groups('restatement')) {
      const { claims, scope } = group;
      const independent = new Set(claims.map((c) => articles[c]!).filter((a) => this.duplicateOf[a] === null));
      if (independent.size < 2) continue;
      claims.sort(this.compareClaims);
      const first = articles[claims.find((c) => independent.has(articles[c]!))!]!;
      const [subject, metric, kind, status, unit] = group.head;
      found.push({
        time: this.articleTimes[first]!,
        key: `${group.text()}${scope}`,
        claims,
        restatement: {
          subject,
          metric,
          kind,
          status,
          value: group.value,
          valueMax: group.valueMax,
          unit: unit || null,
          scope: scope || null,
          firstSeen: { article: this.articleIds[first]!, publishedAt: this.articleDates[first]! },
          articles: independent.size,
          members: claims.map((c) => this.ref(c)),
        },
      });
    }
    found.sort((a, b) => byTimeThenId(a.time, b.time, a.restatement.firstSeen.article, b.restatement.firstSeen.article) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const f of found) positions.push(f.claims);
    return found.map((f) => f.restatement);
  }

  private findContradictions(): Contradiction[] {
    const articles = this.claimArticle.data;
    const values = this.values.data;
    const valueMaxes = this.valueMaxes.data;
    const qualifiers = this.qualifiers.data;
    const found: Array<{ contradiction: Contradiction; key: string }> = [];
    for (const group of this.groups('contradiction')) {
      const { claims, scope } = group;
      if (new Set(claims.map((c) => articles[c]!)).size < 2) continue;
      // distinct stated values, each with its claims
      const distinct = new Map<string, { value: number; valueMax: number; qualifier: number; claims: number[] }>();
      for (const c of claims) {
        const id = `${values[c]}|${valueMaxes[c]}|${qualifiers[c]}`;
        const entry = distinct.get(id);
        if (entry) entry.claims.push(c);
        else distinct.set(id, { value: values[c]!, valueMax: valueMaxes[c]!, qualifier: qualifiers[c]!, claims: [c] });
      }
      const stated = [...distinct.values()].sort((a, b) => a.value - b.value || (a.valueMax || 0) - (b.valueMax || 0) || a.qualifier - b.qualifier);
      const [subject, metric, kind, status, unit] = group.head;
      const intervals = stated.map((s) => valueInterval(s.value, Number.isNaN(s.valueMax) ? null : s.valueMax, QUALIFIERS[s.qualifier]!, unit));
      if (!conflicting(stated.map((s) => s.claims.map((c) => articles[c]!)), intervals)) continue;
      found.push({
        key: `${group.text()}${scope}`,
        contradiction: {
          subject,
          metric,
          kind,
          status,
          period: group.period,
          unit: unit || null,
          scope: scope || null,
          values: stated.map((s) => ({
            value: s.value,
            valueMax: Number.isNaN(s.valueMax) ? null : s.valueMax,
            qualifier: QUALIFIERS[s.qualifier]!,
            members: [...s.claims].sort(this.compareClaims).map((c) => this.ref(c)),
          })),
        },
      });
    }
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return found.map((f) => f.contradiction);
  }
}

/** The numbers a stated value allows. */
interface Interval {
  low: number;
  high: number;
}

/** Relative tolerance for rounding: 1089亿 and 1090亿 are the same figure. */
export const VALUE_TOLERANCE = 0.01;
/** Relative tolerance for a value stated as approximate (约60亿). */
export const ABOUT_TOLERANCE = 0.05;

function decimals(value: number): number {
  const text = String(value);
  const point = text.indexOf('.');
  return point < 0 || text.includes('e') ? 0 : text.length - point - 1;
}

/**
 * The interval a stated value allows: the value widened by the rounding
 * tolerance (a percentage also by half its last stated digit: 16% covers
 * 16.4%, not 17%), open above for 超过 and below for 不到.
 */
export function valueInterval(value: number, valueMax: number | null, qualifier: Qualifier, unit: string): Interval {
  const relative = qualifier === 'about' ? ABOUT_TOLERANCE : VALUE_TOLERANCE;
  const slack = (v: number) => Math.max(Math.abs(v) * relative, unit === '%' ? 0.5 * 10 ** -decimals(v) * 0.999 : 0);
  const top = valueMax ?? value;
  const low = Math.min(value, top);
  const high = Math.max(value, top);
  return {
    low: qualifier === 'at_most' ? -Infinity : low - slack(low),
    high: qualifier === 'at_least' ? Infinity : high + slack(high),
  };
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * True when two articles disagree: each states a value that none of the
 * other's values allows. An article that states two values itself (two
 * segments both called 收入) does not contradict another that states one of them.
 */
function conflicting(articlesByValue: number[][], intervals: Interval[]): boolean {
  const valuesOf = new Map<number, Set<number>>();
  articlesByValue.forEach((articles, v) => {
    for (const a of articles) {
      const set = valuesOf.get(a) ?? new Set<number>();
      set.add(v);
      valuesOf.set(a, set);
    }
  });
  // articles stating the same set of values behave alike: compare each set once
  const signatures = [...new Map([...valuesOf.values()].map((s) => [[...s].sort((x, y) => x - y).join(','), [...s]] as const)).values()];
  const unmatched = (mine: readonly number[], theirs: readonly number[]) => mine.some((v) => theirs.every((w) => !overlaps(intervals[v]!, intervals[w]!)));
  for (let i = 0; i < signatures.length; i++) {
    for (let j = i + 1; j < signatures.length; j++) {
      if (unmatched(signatures[i]!, signatures[j]!) && unmatched(signatures[j]!, signatures[i]!)) return true;
    }
  }
  return false;
}

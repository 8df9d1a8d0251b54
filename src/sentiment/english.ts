import { loadEnglishRules, type EnglishRules } from './english-lexicon.ts';
import { contrastFactor, round, type ContrastMark, type RawScore, type ScoredItem } from './score.ts';

/** What the English scorer needs from the word list (src/english/nlp.ts supplies natural's AFINN list). */
export interface EnglishWordScores {
  /** lower-case word or phrase → AFINN score (±1…±5) */
  scores: ReadonlyMap<string, number>;
  negations: readonly string[];
  stopwords: ReadonlySet<string>;
}

interface Token {
  text: string;
  lower: string;
  /** sentence-local offsets */
  start: number;
  end: number;
  clause: number;
  /** a name (Greater China, Everbright Securities) or an all-caps heading: never scored */
  name: boolean;
}

// A movement reaches this many words to its metric (profit fell; a 22 percent fall in operating profit).
const METRIC_REACH = 5;
// A degree adverb reaches this many words to the term it scales (rose very sharply).
const DEGREE_REACH = 2;
// No single English term outweighs the strongest AFINN entry.
const MAX_WEIGHT = 5;

const WORD = /[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?|[,;:()?!]|\s[-–—]\s|[“”"]/g;
const BREAK = /^(?:[,;:()?!]|\s[-–—]\s)$/;
const QUOTE = /^[“”"]$/;

let rules: EnglishRules | null = null;
/** The English rules, loaded once. */
export function englishRules(): EnglishRules {
  rules ??= loadEnglishRules();
  return rules;
}

/**
 * Words whose first letter is capitalised inside a sentence are names in news
 * copy (Greater China, United States, Everbright Securities) unless the
 * sentence is set in headline case, where most words are capitalised.
 */
function markNames(tokens: Token[], sentence: string): void {
  const long = tokens.filter((t) => t.lower.length >= 4 && /[a-z]/i.test(t.text[0]!));
  const headline = long.length >= 3 && long.filter((t) => /^[A-Z]/.test(t.text)).length / long.length > 0.6;
  tokens.forEach((t, i) => {
    if (!/^[A-Za-z]/.test(t.text)) return;
    const allCaps = t.text.length > 1 && t.text === t.text.toUpperCase();
    const before = sentence.slice(0, t.start).trimEnd();
    const opensSentence = i === 0 || before === '' || /[.!?:“"(]$/.test(before) || QUOTE.test(tokens[i - 1]!.text);
    t.name = allCaps || (!headline && /^[A-Z]/.test(t.text) && !opensSentence);
  });
}

/**
 * The AFINN score of a word, looked up whole, then by its inflection
 * (profits → profit, surged → surge, slipped → slip). Derivations (-ly,
 * -ity) are not followed: publicly is not public, security not secure.
 */
function afinn(word: string, list: EnglishWordScores, neutral: ReadonlySet<string>): number | undefined {
  const direct = list.scores.get(word);
  if (direct !== undefined) return direct;
  const candidates: string[] = [];
  if (word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) candidates.push(word.slice(0, -1));
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix) || word.length < suffix.length + 3) continue;
    const stem = word.slice(0, -suffix.length);
    candidates.push(stem, `${stem}e`);
    if (stem.at(-1) === stem.at(-2)) candidates.push(stem.slice(0, -1));
    if (stem.endsWith('i')) candidates.push(`${stem.slice(0, -1)}y`);
  }
  for (const c of candidates) {
    // Two-letter leftovers are other words (has → ha).
    if (c.length < 3 || list.stopwords.has(c) || neutral.has(c)) continue;
    const score = list.scores.get(c);
    if (score !== undefined) return score;
  }
  return undefined;
}

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  for (const m of sentence.matchAll(WORD)) {
    if (BREAK.test(m[0])) {
      clause++;
      continue;
    }
    if (QUOTE.test(m[0])) {
      tokens.push({ text: m[0], lower: m[0], start: m.index, end: m.index + m[0].length, clause, name: false });
      continue;
    }
    const text = m[0];
    tokens.push({ text, lower: text.toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + text.length, clause, name: false });
  }
  return tokens;
}

/**
 * Scores an English sentence `text.slice(start, end)` on the AFINN scale
 * (±1…±5 a word): AFINN financial-news words as corrected by
 * lexicons/sentiment/english.json; a metric near a movement reads by the
 * metric's direction (profit fell, losses narrowed) as one item; negators
 * flip what follows within a few words of their clause (natural's own
 * negation runs to the end of the sentence); degree adverbs scale; the part
 * after "but" weighs more and an "although" clause less; modals and
 * forecasts lower confidence, never the sign.
 */
export function scoreEnglishSentence(text: string, start: number, end: number, list: EnglishWordScores): RawScore {
  const r = englishRules();
  const sentence = text.slice(start, end);
  const tokens = tokenize(sentence);
  markNames(tokens, sentence);
  const words = tokens.filter((t) => !QUOTE.test(t.text));

  let confidence = /\?\s*["”]?\s*$/.test(sentence) ? (r.hedges.get('?') ?? 1) : 1;
  const contrasts: ContrastMark[] = [];
  const clauseEnd = (i: number) => words.find((w, j) => j > i && w.clause !== words[i]!.clause)?.start ?? sentence.length;
  words.forEach((w, i) => {
    if (w.name) return;
    const hedge = r.hedges.get(w.lower);
    if (hedge !== undefined) confidence = Math.min(confidence, hedge);
    const c = r.contrast.get(w.lower);
    // "yet" after "not" or "has" is "not yet", not a contrast.
    if (c && !(w.lower === 'yet' && i > 0 && /^(?:not|has|have|had)$/.test(words[i - 1]!.lower))) {
      const adversative = words.slice(i + 1).find((n) => r.contrast.get(n.lower)?.type === 'adversative');
      contrasts.push({ type: c.type, at: w.start, concededEnd: Math.min(clauseEnd(i), adversative?.start ?? sentence.length), afterWeight: c.afterWeight, beforeWeight: c.beforeWeight });
    }
  });

  // `head` is the word that carries the item: the movement of a metric pair (sales did not improve), else its first word.
  const items: Array<ScoredItem & { first: number; head: number; local: number }> = [];
  const used = new Set<number>();
  const push = (from: number, to: number, weight: number, head = from) => {
    for (let k = from; k <= to; k++) used.add(k);
    const a = words[from]!;
    const b = words[to]!;
    items.push({ text: text.slice(start + a.start, start + b.end), start: start + a.start, end: start + b.end, weight, clause: a.clause, first: from, head, local: a.start });
  };

  // Fixed phrases first (fell short, better than expected), longest first.
  for (let i = 0; i < words.length; i++) {
    if (!r.phraseStarts.has(words[i]!.lower)) continue;
    for (let n = Math.min(r.longestPhrase, words.length - i); n >= 2; n--) {
      const span = words.slice(i, i + n);
      if (span.some((w) => w.clause !== words[i]!.clause)) continue;
      const weight = r.phrases.get(span.map((w) => w.lower).join(' ')) ?? r.phrases.get(span.map((w) => w.lower).join('-'));
      if (weight === undefined) continue;
      if (weight !== 0) push(i, i + n - 1, weight);
      else for (let k = i; k < i + n; k++) used.add(k);
      i += n - 1;
      break;
    }
  }

  // A comparative measured against expectations (fewer iPhones than expected, better than feared).
  const x = r.expectations;
  words.forEach((w, i) => {
    if (w.lower !== 'than' || !x.markers.has(words[i + 1]?.lower ?? '') || used.has(i + 1)) return;
    for (let k = i - 1; k >= 0 && k >= i - x.reach && words[k]!.clause === w.clause && !used.has(k); k--) {
      const sign = x.better.has(words[k]!.lower) ? 1 : x.worse.has(words[k]!.lower) ? -1 : 0;
      if (sign) return push(k, i + 1, sign * x.weight);
    }
  });

  // A movement and the nearest free metric in its clause are one item, read by the metric's direction.
  const movementOf = (w: Token) => r.movements.get(w.lower) ?? (w.lower.includes('-') ? r.movements.get(w.lower.split('-')[0]!) : undefined);
  words.forEach((w, i) => {
    const move = movementOf(w);
    if (!move || used.has(i) || w.name || r.metrics.has(w.lower)) return;
    let best = -1;
    for (let d = 1; d <= METRIC_REACH && best < 0; d++) {
      for (const j of [i - d, i + d]) {
        const m = words[j];
        if (m && !used.has(j) && !m.name && m.clause === w.clause && r.metrics.has(m.lower)) { best = j; break; }
      }
    }
    if (best < 0) return;
    used.add(i);
    used.add(best);
    const weight = move.sign * (r.metrics.get(words[best]!.lower) === 'higher-is-better' ? 1 : -1) * 2 * move.intensity;
    push(Math.min(i, best), Math.max(i, best), weight, i);
  });

  // Single words: the project's own list, then AFINN; neutral words and names stay silent.
  words.forEach((w, i) => {
    if (used.has(i) || w.name || r.negators.has(w.lower) || r.degree.has(w.lower) || r.contrast.has(w.lower)) return;
    let weight = r.polarity.get(w.lower);
    // An unpaired metric keeps its own AFINN weight (a loss is bad news) unless it is listed neutral (profit).
    if (weight === undefined && !r.neutral.has(w.lower)) weight = afinn(w.lower, list, r.neutral);
    if (weight === undefined) {
      const move = movementOf(w);
      if (move && !r.neutral.has(w.lower)) weight = move.sign * move.intensity;
    }
    if (weight) push(i, i, weight);
  });
  items.sort((a, b) => a.first - b.first);

  const negates = (w: Token) => r.negators.has(w.lower) || list.negations.includes(w.lower) || w.lower.endsWith("n't");
  for (const item of items) {
    const clause = words[item.head]!.clause;
    // Negators within reach before the head flip the item; "not only" and "not just" add rather than negate.
    let flips = 0;
    for (let k = item.head - 1; k >= 0 && k >= item.head - r.negationReach; k--) {
      const w = words[k]!;
      if (w.clause !== clause) break;
      if (negates(w) && !/^(?:only|just|least)$/.test(words[k + 1]?.lower ?? '')) flips++;
    }
    if (flips % 2 === 1) item.weight = -item.weight;
    // A degree adverb stands just before its word (very strong) or, for a verb, just after it (rose sharply).
    const around = [...Array.from({ length: DEGREE_REACH }, (_, d) => item.head - 1 - d), item.head + 1];
    const degreeAt = around.find((k) => k >= 0 && words[k] && !used.has(k) && words[k]!.clause === clause && r.degree.has(words[k]!.lower));
    if (degreeAt !== undefined) item.weight *= r.degree.get(words[degreeAt]!.lower)!;
    item.weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, item.weight * contrastFactor(item.local, contrasts)));
  }

  const clauseStarts = [...new Set(words.map((w) => w.clause))].map((c) => start + words.find((w) => w.clause === c)!.start);
  const clauseIndex = new Map([...new Set(words.map((w) => w.clause))].map((c, i) => [c, i]));
  return {
    raw: round(items.reduce((s, i) => s + i.weight, 0)),
    confidence,
    items: items.map(({ first: _f, head: _h, local: _l, ...item }) => ({ ...item, clause: clauseIndex.get(item.clause) ?? 0, weight: round(item.weight) })),
    clauses: clauseStarts.length ? clauseStarts : [start],
  };
}

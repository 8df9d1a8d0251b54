import type { Doc, Entity, Message, Quote, Sentence } from '../doc/types.ts';
import { overlaps, sentenceIndexAt } from '../doc/spans.ts';
import { loadCueLexicons, type CueLexicons } from '../lexicons/cues.ts';
import { defineStage } from '../pipeline/stage.ts';
import { findDocuments } from '../quotes/documents.ts';
import { findMarkPairs } from '../quotes/marks.ts';
import { clauseStart, governingSpeaker, SpeakerResolver } from '../quotes/speakers.ts';

let lexicons: CueLexicons | null = null;
const cues = () => (lexicons ??= loadCueLexicons());

// A term (scare quotes, slogans, names) is short and has no sentence inside it.
const TERM_MAX = 20;
const SENTENCE_PUNCTUATION = /[。！？!?；;]/;

function entityFor(entities: readonly Entity[], start: number, end: number): Entity | null {
  let best: Entity | null = null;
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'company' && e.type !== 'organization') continue;
    if (e.mentions.some((m) => m.start >= start && m.end <= end) && (!best || (e.type === 'person' && best.type !== 'person'))) best = e;
  }
  return best;
}

/** Quotations of one article: speech, reproduced documents, indirect speech and terms. */
export function findQuotes(doc: Doc, sentences: readonly Sentence[], entities: readonly Entity[]): { quotes: Quote[]; messages: Message[] } {
  const text = doc.text;
  const lang = doc.meta.language === 'en' ? 'en' : 'zh';
  const lex = cues();
  const resolver = new SpeakerResolver(text, entities, lex, lang);
  const quotes: Quote[] = [];
  const add = (q: Omit<Quote, 'text' | 'sentence'>) => {
    if (q.end > q.start) quotes.push({ ...q, text: text.slice(q.start, q.end), sentence: sentenceIndexAt(sentences, q.start) });
  };

  for (const d of findDocuments(doc, lex)) {
    const author = d.author ? entityFor(entities, d.author.start, d.author.end) : null;
    add({ kind: 'document', start: d.start, end: d.end, speaker: author ? { id: author.id, name: author.name } : null, cue: d.intro });
  }

  const { pairs, messages } = findMarkPairs(text);
  let previous: { close: number; speaker: Quote['speaker'] } | null = null;
  for (const pair of pairs) {
    const content = text.slice(pair.contentStart, pair.contentEnd);
    let attribution = resolver.before(pair.open) ?? resolver.after(pair.close);
    // A quotation that follows an attributed one with nothing between them continues it ("…," Cook said. "We're going…").
    if (!attribution && previous?.speaker && /^[\s\n]*$/.test(text.slice(previous.close, pair.open).replace(/^[^"“「『\n]*[.。!！?？]/, ''))) {
      attribution = { speaker: previous.speaker, cue: null as unknown as string, start: pair.open, end: pair.open };
    }
    if (lang === 'en') attribution ??= governingSpeaker(resolver, text, pair.open, sentences[sentenceIndexAt(sentences, pair.open)]?.start ?? 0, lex, lang);
    const isTerm = !attribution && content.length <= TERM_MAX && !SENTENCE_PUNCTUATION.test(content) && !pair.multiParagraph;
    if (isTerm || content.trim().length === 0) {
      add({ kind: 'term', start: pair.contentStart, end: pair.contentEnd, speaker: null, cue: null });
      continue;
    }
    // A short quotation with a cue but no sentence in it, inside running text, is still a term when no speaker is found.
    if (attribution && !attribution.speaker && content.length <= TERM_MAX && !SENTENCE_PUNCTUATION.test(content) && !/[，,]/.test(content)) {
      add({ kind: 'term', start: pair.contentStart, end: pair.contentEnd, speaker: null, cue: null });
      continue;
    }
    add({ kind: 'speech', start: pair.contentStart, end: pair.contentEnd, speaker: attribution?.speaker ?? null, cue: attribution?.cue ?? null });
    previous = { close: pair.close, speaker: attribution?.speaker ?? null };
  }

  // Indirect speech: 雷军表示，小米将…  /  Cook said the company would…
  const taken = quotes.filter((q) => q.kind !== 'term');
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    for (const cue of lex.speechVerbs.findAll(sentence, lang)) {
      if (cue.entry.strength < 2) continue;
      const cueStart = s.start + cue.start;
      const cueEnd = s.start + cue.end;
      let contentStart = cueEnd;
      while (contentStart < s.end && /[，,：:\s]/.test(text[contentStart]!)) contentStart++;
      if (contentStart >= s.end || /[“"「『]/.test(text[contentStart]!)) continue;
      if (lang === 'zh' && !/[，,]/.test(text.slice(cueEnd, contentStart))) continue;
      const who = resolver.speakerBefore(cueStart, clauseStart(text, cueStart));
      if (!who.speaker) continue;
      let contentEnd = s.end;
      while (contentEnd > contentStart && /[。！？.!?\s]/.test(text[contentEnd - 1]!)) contentEnd--;
      const span = { start: contentStart, end: contentEnd };
      if (contentEnd - contentStart < 4 || taken.some((q) => overlaps(q, span))) continue;
      add({ kind: 'indirect', ...span, speaker: who.speaker, cue: cue.text });
      taken.push(quotes[quotes.length - 1]!);
      break;
    }
  }
  quotes.sort((a, b) => a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : 1));
  return { quotes, messages };
}

/** The quotes layer (CONTRACT.md `Quote`). */
export const quotesStage = defineStage({
  name: 'quotes',
  requires: ['sentences', 'entities'],
  provides: ['quotes'],
  run(doc, layers) {
    return findQuotes(doc, layers.sentences, layers.entities);
  },
});

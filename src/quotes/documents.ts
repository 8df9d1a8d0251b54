import type { Block, Doc } from '../doc/types.ts';
import { matchTemplates, type CueLexicons } from '../lexicons/cues.ts';

/** A reproduced document: the paragraphs after its introduction. */
export interface DocumentSpan {
  start: number;
  end: number;
  intro: string;
  /** where the author slot of the introduction stands, if it has one */
  author: { start: number; end: number; text: string } | null;
}

/**
 * Finds reproduced documents: a paragraph that ends with an introduction
 * (以下是雷军内部信原文：, 全文如下：) opens a document that runs to the end of
 * the text; a run of <blockquote> paragraphs is a document too.
 */
export function findDocuments(doc: Doc, cues: CueLexicons): DocumentSpan[] {
  const found: DocumentSpan[] = [];
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length - 1; i++) {
    const b = blocks[i]!;
    const paragraph = doc.text.slice(b.start, b.end);
    const intro = matchTemplates(cues.documentIntros, paragraph).find(
      (m) => paragraph.slice(m.end).trim() === '' && (m.entry.strength >= 2 || m.slots.doc !== undefined),
    );
    if (!intro) continue;
    const slot = intro.slots.author;
    found.push({
      start: blocks[i + 1]!.start,
      end: blocks[blocks.length - 1]!.end,
      intro: intro.text,
      author: slot ? { start: b.start + slot.start, end: b.start + slot.end, text: slot.text } : null,
    });
    return found; // a document runs to the end of the text: nothing after it is found again
  }
  let run: Block[] = [];
  const flush = () => {
    if (run.length) found.push({ start: run[0]!.start, end: run[run.length - 1]!.end, intro: '<blockquote>', author: null });
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'blockquote') run.push(b);
    else flush();
  }
  flush();
  return found;
}

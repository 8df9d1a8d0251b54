import type { Message } from '../doc/types.ts';

/** A top-level pair of quotation marks; the content excludes the marks. */
export interface MarkPair {
  /** offset of the opening mark */
  open: number;
  /** offset just after the closing mark */
  close: number;
  contentStart: number;
  contentEnd: number;
  mark: string;
  /** true when the quotation runs over more than one paragraph */
  multiParagraph: boolean;
}

const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };
const CLOSERS = new Set(['”', '」', '』']);

/**
 * Finds the top-level quotation-mark pairs of a text. Nested marks (‘快，更稳’
 * inside “…”) stay inside their outer pair. Following Chinese convention, a
 * quotation that runs over several paragraphs opens each paragraph with a
 * mark and closes only in the last one. Book titles 《…》 are not quotes.
 * Unbalanced marks become messages, never exceptions.
 */
export function findMarkPairs(text: string): { pairs: MarkPair[]; messages: Message[] } {
  const pairs: MarkPair[] = [];
  const messages: Message[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  let multi = false;

  const unbalanced = (at: number, what: string) =>
    messages.push({ ruleId: 'quotes/unbalanced', message: what, start: at, end: at + 1 });

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters are none of the marks: one range test skips them.
    if (code !== 0x0a && code !== 0x22 && (code < 0x2018 || code > 0x201d) && (code < 0x300c || code > 0x300f)) continue;
    const ch = text[i]!;
    if (ch === '\n') {
      if (stack.length === 0) continue;
      const outer = stack[0]!;
      // A multi-paragraph quotation: the next paragraph opens again with the same mark.
      if (text[i + 1] === outer.mark && outer.mark !== '"') {
        stack.length = 1;
        multi = true;
        i++;
        continue;
      }
      if (outer.mark === '"' && text[i + 1] === '"') {
        stack.length = 1;
        multi = true;
        i++;
        continue;
      }
      unbalanced(outer.at, `Quotation mark ${outer.mark} is not closed before the paragraph ends; the quotation was not extracted`);
      stack.length = 0;
      multi = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch === '"') {
      // A straight double quote closes the innermost straight quote, else opens one.
      if (top?.mark === '"') {
        stack.pop();
        if (stack.length === 0) pairs.push({ open: top.at, close: i + 1, contentStart: top.at + 1, contentEnd: i, mark: '"', multiParagraph: multi });
        if (stack.length === 0) multi = false;
      } else stack.push({ mark: '"', at: i });
      continue;
    }
    if (CLOSER_OF[ch] !== undefined) {
      stack.push({ mark: ch, at: i });
      continue;
    }
    if (ch === '’') {
      // ’ is also the apostrophe of English text (Apple’s): it closes only an open ‘.
      if (top?.mark === '‘') stack.pop();
      continue;
    }
    if (CLOSERS.has(ch)) {
      let index = stack.length - 1;
      while (index >= 0 && CLOSER_OF[stack[index]!.mark] !== ch) index--;
      if (index < 0) {
        unbalanced(i, `Closing mark ${ch} has no opening mark`);
        continue;
      }
      const opened = stack[index]!;
      stack.length = index;
      if (index === 0) {
        pairs.push({ open: opened.at, close: i + 1, contentStart: opened.at + 1, contentEnd: i, mark: opened.mark, multiParagraph: multi });
        multi = false;
      }
    }
  }
  if (stack.length) unbalanced(stack[0]!.at, `Quotation mark ${stack[0]!.mark} is never closed; the quotation was not extracted`);
  return { pairs, messages };
}

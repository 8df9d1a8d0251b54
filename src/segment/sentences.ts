import type { Sentence } from '../doc/types.ts';
import { loadAbbreviations } from '../lexicons/abbreviations.ts';
import { projectPath } from '../paths.ts';

const ABBREVIATIONS = loadAbbreviations();
// The same shape of list (capitalised words, no period), so the same loader reads it.
const OPENERS = loadAbbreviations(projectPath('lexicons', 'english', 'sentence-openers.json'));

// Chinese sentence ends; ；counts because news copy strings whole clauses with it.
const CJK_END = new Set(['。', '！', '？', '；', '!', '?']);
// Closing marks that stay with the sentence they close.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'", '〕', ']']);
const SPACE = /\s/;

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  if (word === '') return false;
  if (word.includes('.')) return true; // U.S., e.g., a.m.
  // an initial: J. Smith, Jay Y. Lee — but not the last letter of I/B/E/S or AT&T
  if (/^[A-Z]$/.test(word)) return start === 0 || !/[/&\w]/.test(text[start - 1]!);
  return ABBREVIATIONS.has(word);
}

/** True when the word after the full stop at `dot` opens sentences (It, The, With): “a plant in the U.S. It also…”. */
function openerFollows(text: string, dot: number): boolean {
  const m = /^[ \t]+([A-Z][a-z]*)(?![\w-])/.exec(text.slice(dot + 1, dot + 24));
  return m !== null && OPENERS.has(m[1]!);
}

/** True when what follows position `i` can open a new English sentence. */
function opensSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && SPACE.test(text[j]!) && text[j] !== '\n') j++;
  if (j === i) return false; // "3.5", "No.2", "Amazon.com": no space, no break
  const next = text[j];
  return next === undefined || next === '\n' || /[A-Z0-9"“'‘(\u3400-\u9fff]/.test(next);
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end });
}

/**
 * Splits text into sentences. Chinese ends at 。！？； and ……, English at
 * . ! ? followed by a space and a capital, except after abbreviations
 * (Inc., U.S., Mr.), initials and inside numbers — unless the next word is
 * one that only opens sentences (Bain & Co. With…). A closing quote or bracket
 * stays with its sentence; a line break always ends one.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    let end = -1;
    if (ch === '\n') {
      pushTrimmed(out, text, start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (CJK_END.has(ch) || (ch === '…' && text[i + 1] === '…')) {
      end = i + 1;
      while (end < text.length && (CJK_END.has(text[end]!) || text[end] === '…')) end++;
    } else if (ch === '.' && (!isAbbreviation(text, i) || openerFollows(text, i))) {
      let k = i + 1;
      while (k < text.length && CLOSERS.has(text[k]!)) k++;
      if (k === text.length || opensSentence(text, k)) end = i + 1;
    }
    if (end >= 0) {
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      pushTrimmed(out, text, start, end);
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

/**
 * Reading one lexicon file as JSON, the one piece of file I/O the lexicon
 * loaders share. It never throws: a loader records the failure as a problem
 * and goes on to the next file, so one run reports every broken file at once.
 */
import { readFileSync } from 'node:fs';

/** A lexicon file read as JSON: its data, or which step failed and the error it failed with. */
export type JsonFile =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly failure: 'unreadable' | 'invalid-json'; readonly error: unknown };

/** Read and parse `path` (UTF-8); a missing file and a syntax error come back as failures. */
export function readJsonFile(path: string): JsonFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, failure: 'unreadable', error };
  }
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, failure: 'invalid-json', error };
  }
}

/**
 * The cue and sentiment loaders' wording for a failed read, to follow the
 * file name: `cannot be read: ENOENT…` or `is not valid JSON: Unexpected token…`.
 */
export function jsonFailureMessage(file: Extract<JsonFile, { ok: false }>): string {
  const detail = (file.error as Error).message;
  return file.failure === 'unreadable' ? `cannot be read: ${detail}` : `is not valid JSON: ${detail}`;
}

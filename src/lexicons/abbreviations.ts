import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';

const FILE = projectPath('lexicons', 'english', 'abbreviations.json');

/** Loads the English abbreviations that do not end a sentence; throws naming the file when malformed. */
export function loadAbbreviations(file: string = FILE): ReadonlySet<string> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
  const problems: string[] = [];
  if (!Array.isArray(data.entries)) problems.push('"entries" must be a list of strings');
  const entries = Array.isArray(data.entries) ? data.entries : [];
  entries.forEach((e, i) => {
    if (typeof e !== 'string' || !/^[A-Za-z]+$/.test(e)) problems.push(`entry ${i} (${JSON.stringify(e)}) must be letters only, without the period`);
  });
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return new Set(entries as string[]);
}

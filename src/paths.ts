/**
 * Where the project's own files are (lexicons/, schema/, data/, package.json).
 * They are found from this module's place, by going up to the folder that
 * holds package.json, so the same code runs from the TypeScript sources
 * (src/) and from their build (dist/src/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`stratlens: no package.json in ${here} or any folder above it; the installation is incomplete`);
  }
}

/** The project's folder: the one holding package.json. */
export const PROJECT_ROOT = projectRoot();

/** A path below the project's folder. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}

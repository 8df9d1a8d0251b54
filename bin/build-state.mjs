// Whether dist/ (`npm run build`, which `npm install` runs) holds a build of
// the current src/: shared by bin/stratlens.js, which runs the build when it
// is, and by the benchmark, which measures the build. Plain JavaScript, so it
// runs before anything is compiled.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** The file `npm run build` (scripts/build.mjs) writes into dist/ once tsc has finished. */
export function buildStamp(project = root) {
  return path.join(project, 'dist', '.built');
}

/** The latest modification time of the files below `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * The compiled file of `source` (a path below the project, such as
 * src/cli.ts) when the build is complete (it has its {@link buildStamp}) and
 * no file of src/ is newer than the stamp; else null.
 * `project` is the project's folder (a test's copy).
 */
export function builtFile(source, project = root) {
  const file = path.join(project, 'dist', source.replace(/\.ts$/, '.js'));
  const stamp = buildStamp(project);
  if (!existsSync(file) || !existsSync(stamp)) return null;
  return newest(path.join(project, 'src')) <= statSync(stamp).mtimeMs ? file : null;
}

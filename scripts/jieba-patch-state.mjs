// Whether the installed nodejieba was built from this project's patches/:
// shared by the postinstall (scripts/patch-jieba.mjs), which writes the
// marker, and by the test and the bench, which read it. Plain JavaScript, as
// the postinstall runs it with node alone.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Where nodejieba is installed, its patches, and whether its binary was built from them. */
export function jiebaPatchState() {
  const require = createRequire(path.join(root, 'package.json'));
  const jiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  const release = path.join(jiebaDir, 'build', 'Release');
  // written beside the binary once it is built from the patched sources; names the patches it was built with
  const marker = path.join(release, 'stratlens-patch.txt');
  const patches = readdirSync(path.join(root, 'patches'))
    .filter((f) => f.startsWith('nodejieba+'))
    .sort();
  const hash = createHash('sha256');
  for (const f of patches) hash.update(readFileSync(path.join(root, 'patches', f)));
  const wanted = `${patches.join(',')} ${hash.digest('hex').slice(0, 16)}\n`;
  const built = existsSync(marker) && readFileSync(marker, 'utf8') === wanted;
  return { jiebaDir, binary: path.join(release, 'nodejieba.node'), marker, patches, wanted, built };
}

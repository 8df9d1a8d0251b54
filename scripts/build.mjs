// `npm run build`, which `npm install` runs (prepare): compiles src/ and the
// benchmark into dist/ with tsc (tsconfig.build.json), then stamps the build
// so bin/build-state.mjs can tell it is current. Without TypeScript (an
// install that left out devDependencies) it only says so: stratlens then runs
// from its TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildStamp, root } from '../bin/build-state.mjs';

let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.warn('stratlens: TypeScript is not installed (devDependencies left out), so dist/ is not built; stratlens runs from its sources through tsx instead.');
  process.exit(0);
}
const stamp = buildStamp();
rmSync(stamp, { force: true });
const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stamp, `${new Date().toISOString()}\n`);

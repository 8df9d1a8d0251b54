// `npm install`'s postinstall: applies patches/nodejieba+*.patch with
// patch-package and rebuilds nodejieba's native module from the patched
// sources. The patch gives the threads that load the same dictionary files
// one shared dictionary (about 80 MB less for each worker thread after the
// first; cut and tag share a read lock, insertWord takes it alone), frees it
// when its last worker thread ends (nodejieba 3.5.8 never does: each finished
// worker left about 130 MB behind),
// builds the TextRank extractor, which holds a second copy of the dictionary,
// only when textRankExtract is called (stratlens never calls it: about 50 MB
// less in every thread that segments), and builds with
// NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS, so a worker stopped for running out
// of its heap inside a jieba call no longer aborts the whole process, and
// adds tagSpans, tag's words as places in the string (no string and object
// made per word), which the segment stage uses, and trimMemory (glibc's
// malloc_trim), which analysing workers call every 50 files.
//
// It never breaks the install: when stratlens is itself a dependency (its
// nodejieba is not in its own node_modules, and may be the app's), when the
// patch does not apply, or when the rebuild fails, nodejieba is left as it
// installed itself (the binary it built or downloaded is put back), and a
// warning says what that costs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { jiebaPatchState, root } from './jieba-patch-state.mjs';

const { jiebaDir, binary, marker, patches, wanted, built } = jiebaPatchState();

const warn = (problem, next = 'Try again with: npm run postinstall') =>
  console.warn(
    `stratlens: ${problem}. nodejieba is left as it installed itself: analysis is the same, but every worker thread builds a dictionary of its own (about 130 MB) and does not free it when it ends. ${next}`,
  );

if (built) process.exit(0);

// patch-package patches the packages under the project's own node_modules only
if (path.resolve(jiebaDir) !== path.resolve(root, 'node_modules', 'nodejieba')) {
  warn(`nodejieba is installed at ${jiebaDir}, outside this package's node_modules (stratlens is a dependency here), so it is not patched`, `The app can apply ${path.join(root, 'patches')} with patch-package.`);
  process.exit(0);
}
const patchPackage = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('patch-package/package.json')), 'index.js');
const applied = spawnSync(process.execPath, [patchPackage], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (applied.status !== 0) {
  warn(`patch-package could not apply patches/ (${(applied.stderr || applied.error?.message || '').trim().split('\n').slice(-2).join(' / ')})`);
  process.exit(0);
}

// npm hands its own node-gyp (and its nodedir setting) to the scripts it runs; outside npm, the node-gyp on PATH
const nodeGyp = process.env.npm_config_node_gyp;
const command = nodeGyp ? process.execPath : 'node-gyp';
const args = nodeGyp ? [nodeGyp, 'rebuild'] : ['rebuild'];

// `rebuild` starts by deleting build/: keep the working binary to put back on failure
const backup = existsSync(binary) ? readFileSync(binary) : null;
console.log('stratlens: rebuilding nodejieba with patches/' + patches.join(', ') + ' (about 15 s)');
const run = spawnSync(command, args, { cwd: jiebaDir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (run.status === 0 && existsSync(binary)) {
  writeFileSync(marker, wanted);
} else {
  if (backup) {
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, backup);
  }
  const lines = (run.stderr || '').split('\n').map((l) => l.trim()).filter(Boolean);
  const errors = lines.filter((l) => /error/i.test(l));
  const reason = run.error ? run.error.message : (errors.length ? errors : lines).slice(0, 2).join(' / ');
  warn(`could not rebuild nodejieba (${reason || `exit ${run.status}`})`);
}

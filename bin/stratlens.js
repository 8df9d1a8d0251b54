#!/usr/bin/env node
// Runs the CLI: its build in dist/ when that is up to date with src/ (see
// build-state.mjs), else the TypeScript sources through tsx, which ships with
// the package's dependencies. The output is the same; the build starts faster
// and each of its worker threads needs some 20–30 MB less.
import { pathToFileURL } from 'node:url';
import { builtFile } from './build-state.mjs';

const built = builtFile('src/cli.ts');
if (built) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

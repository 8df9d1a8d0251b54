#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, which ships with the package's dependencies.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

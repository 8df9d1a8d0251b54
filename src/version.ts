import { readFileSync } from 'node:fs';
import { projectPath } from './paths.ts';

const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { name: string; version: string };

/** The tool's name and version, from package.json. */
export const TOOL = { name: pkg.name, version: pkg.version };

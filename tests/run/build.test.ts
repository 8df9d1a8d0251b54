// The build in dist/ (npm run build; npm install and npm test run it): the
// command runs it when it is current, and it writes what the sources write.
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStamp, builtFile, root } from '../../bin/build-state.mjs';
import { analyzeCommand } from '../../src/commands/analyze.ts';
import { CORPUS, expectSameReports, reportFiles, tempDir } from '../helpers.ts';

describe('the build', () => {
  it('is found only when complete and not older than any source', () => {
    const project = tempDir('stratlens-build-');
    mkdirSync(path.join(project, 'src', 'run'), { recursive: true });
    mkdirSync(path.join(project, 'dist', 'src'), { recursive: true });
    writeFileSync(path.join(project, 'src', 'run', 'map.ts'), '');
    writeFileSync(path.join(project, 'dist', 'src', 'cli.js'), '');
    const source = new Date(Date.now() - 60_000);
    utimesSync(path.join(project, 'src', 'run', 'map.ts'), source, source);
    expect(builtFile('src/cli.ts', project), 'no stamp: tsc did not finish').toBeNull();
    writeFileSync(buildStamp(project), '');
    expect(builtFile('src/cli.ts', project)).toBe(path.join(project, 'dist', 'src', 'cli.js'));
    expect(builtFile('src/analyze.ts', project), 'a file the build does not hold').toBeNull();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(project, 'src', 'run', 'map.ts'), later, later);
    expect(builtFile('src/cli.ts', project), 'a source edited after the build').toBeNull();
  });

  it('is current (npm test builds it first; else run npm run build)', () => {
    expect(builtFile('src/cli.ts')).toBe(path.join(root, 'dist', 'src', 'cli.js'));
  });

  it('writes the same reports as the sources, on worker threads', async () => {
    const input = path.join(CORPUS, 'finews');
    const fromBuild = tempDir();
    const fromSources = tempDir();
    // bin/stratlens.js runs the build, which is current (above); two workers, so the analysis runs in worker threads
    execFileSync(process.execPath, [path.join(root, 'bin', 'stratlens.js'), 'analyze', input, '--out', fromBuild, '--workers', '2', '--no-cache', '--quiet']);
    await analyzeCommand({ input, out: fromSources, timezone: '+08:00', maxFileBytes: 16 << 20, quiet: true, workers: 2, cacheDir: null }, { stdout: () => {}, stderr: () => {} });
    const built = reportFiles(fromBuild);
    expect([...built.keys()]).toContain('articles.jsonl');
    expect(JSON.parse(built.get('summary.json')!).counts.articles).toBe(7);
    expectSameReports(fromSources, fromBuild);
  }, 60_000);
});

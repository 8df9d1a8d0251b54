/**
 * Renders report.html for data/sample and saves a full-page screenshot of it
 * to docs/report.png, for the README. Uses Debian's chromium (set
 * CHROMIUM_PATH to use another); Chinese text needs a CJK font on the machine
 * (Debian: fonts-noto-cjk or fonts-wqy-microhei), else it shows as boxes.
 *
 *   npx tsx scripts/report-screenshot.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { analyzeDirectory } from '../src/analyze.ts';
import { buildSummary } from '../src/report/summary.ts';
import { writeReports } from '../src/report/write.ts';
import { entityBands } from '../src/run/analyze-corpus.ts';
import { TOOL } from '../src/version.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUT = path.join(ROOT, 'data/sample');
const OUT = path.join(ROOT, 'docs/report.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.error(`No chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  process.exit(1);
}
try {
  if (!execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()) console.warn('warning: no Chinese font installed; Chinese text will show as boxes (apt-get install fonts-wqy-microhei)');
} catch {
  // no fontconfig tools: nothing to check
}

process.chdir(ROOT);
const dir = mkdtempSync(path.join(tmpdir(), 'stratlens-report-'));
try {
  const result = await analyzeDirectory(INPUT);
  // the input as the README's command names it, relative to the project folder
  const run = { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0, tool: TOOL.name, version: TOOL.version, input: 'data/sample', options: {} };
  await writeReports(dir, result.articles, buildSummary({ ...result, run, entityBands: entityBands() }));
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    await page.waitForFunction(() => document.querySelectorAll('#claims-table tbody tr').length > 0);
    mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), OUT) || OUT}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

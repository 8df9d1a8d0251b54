/** `npm run eval`: score the pipeline on the gold set, print the table, write reports/eval.json. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEvaluation } from './run.ts';
import { consoleReport, markdownTable } from './table.ts';
import { PROJECT_ROOT as ROOT } from '../paths.ts';

const START = '<!-- scores:start -->';
const END = '<!-- scores:end -->';

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: path.join(ROOT, 'data/gold') },
    out: { type: 'string', default: path.join(ROOT, 'reports/eval.json') },
    'update-readme': { type: 'boolean', default: false },
  },
});

const report = await runEvaluation(values.gold);
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(consoleReport(report));
process.stdout.write(`\nwrote ${path.relative(process.cwd(), values.out)}\n`);
if (values['update-readme']) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block to update`);
  writeFileSync(readme, `${text.slice(0, from + START.length)}\n${markdownTable(report)}\n${text.slice(to)}`);
  process.stdout.write('updated the scores table in README.md\n');
}
if (report.goldErrors.length) process.exitCode = 1;

import type { EvalReport, Scores } from './run.ts';
import type { Accuracy, PRF } from './metrics.ts';

const f = (n: number | null) => (n === null ? '—' : n.toFixed(3));
const p = (x: PRF) => `P ${f(x.precision)} R ${f(x.recall)} F1 ${f(x.f1)}`;
const a = (x: Accuracy) => `${f(x.accuracy)} (${x.correct}/${x.total})`;

/** The rows of the scores table: capability, measure, then one column per group. */
export function scoreRows(report: EvalReport): { groups: string[]; rows: string[][] } {
  const groups = ['all', ...Object.keys(report.byLanguage)];
  const pick = (g: string): Scores => (g === 'all' ? report.overall : report.byLanguage[g]!);
  const row = (capability: string, measure: string, get: (s: Scores) => string) => [capability, measure, ...groups.map((g) => get(pick(g)))];
  const types = [...new Set(groups.flatMap((g) => Object.keys(pick(g).entities.byType)))].sort();
  return {
    groups,
    rows: [
      row('articles', 'count', (s) => String(s.articles)),
      row('entities', 'article-level F1', (s) => f(s.entities.article.f1)),
      row('entities', 'article-level P / R', (s) => `${f(s.entities.article.precision)} / ${f(s.entities.article.recall)}`),
      ...types.map((t) => row('entities', `recall, ${t}`, (s) => (s.entities.byType[t] ? f(s.entities.byType[t]!.recall) : '—'))),
      row('entities', 'mention F1', (s) => f(s.entities.mentions.f1)),
      row('claims', 'span F1', (s) => f(s.claims.span.f1)),
      row('claims', 'span + kind F1', (s) => f(s.claims.spanKind.f1)),
      row('claims', 'value accuracy', (s) => f(s.claims.value.accuracy)),
      row('claims', 'status accuracy', (s) => f(s.claims.status.accuracy)),
      row('quotes', 'F1 (speech, document)', (s) => f(s.quotes.quotes.f1)),
      row('quotes', 'speaker accuracy', (s) => f(s.quotes.speaker.accuracy)),
      row('sentiment', 'article accuracy', (s) => f(s.sentiment.article.accuracy)),
      row('sentiment', 'article macro-F1', (s) => f(s.sentiment.macroF1)),
      row('sentiment', 'entity accuracy', (s) => f(s.sentiment.entity.accuracy)),
    ],
  };
}

/** The table as Markdown, for the README. */
export function markdownTable(report: EvalReport): string {
  const { groups, rows } = scoreRows(report);
  const header = ['capability', 'measure', ...groups];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The table and the details a developer needs, for the terminal. */
export function consoleReport(report: EvalReport, worst = 5): string {
  const { groups, rows } = scoreRows(report);
  const widths = [10, 22, ...groups.map(() => 18)];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' ');
  const out = [`stratlens eval on ${report.gold}`, line(['capability', 'measure', ...groups]), ...rows.map(line)];
  out.push('', `claims ${p(report.overall.claims.span)}; values ${a(report.overall.claims.value)}; quotes ${p(report.overall.quotes.quotes)}`);
  const ranked = [...report.perArticle].sort((x, y) => y.misses.length + y.falsePositives.length - (x.misses.length + x.falsePositives.length)).slice(0, worst);
  if (ranked.length) out.push('', `articles with the most misses and false positives (all of them in reports/eval.json):`);
  for (const r of ranked) {
    out.push(`  ${r.file}: ${r.misses.length} missed, ${r.falsePositives.length} false positives`);
    for (const m of r.misses.slice(0, 3)) out.push(`    miss: ${m}`);
    for (const m of r.falsePositives.slice(0, 3)) out.push(`    false positive: ${m}`);
  }
  if (report.goldErrors.length) {
    out.push('', `GOLD ERRORS (${report.goldErrors.length}): fix these annotations or the ingest that broke them:`);
    for (const e of report.goldErrors) out.push(`  ${e}`);
  }
  return `${out.join('\n')}\n`;
}

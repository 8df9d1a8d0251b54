import type { Summary } from '../report/summary.ts';

/** Pads to a width in terminal columns: a CJK character takes two. */
function padColumns(s: string, width: number): string {
  const columns = [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, width - columns));
}

/** The one-screen summary printed at the end of a run. */
export function summaryText(summary: Summary, outDir: string, files: readonly string[]): string {
  const c = summary.counts;
  const lines = [
    `stratlens ${summary.run.version}: analysed ${c.articles} article${c.articles === 1 ? '' : 's'} from ${c.files} file${c.files === 1 ? '' : 's'} in ${(summary.run.durationMs / 1000).toFixed(1)}s`,
    `  failed: ${c.failed}${c.warnings ? `   warnings: ${c.warnings}` : ''}`,
    `  entities: ${c.entities}   claims: ${c.claims}   quotes: ${c.quotes}`,
  ];
  if (c.duplicates || c.restatements || c.contradictions) {
    lines.push(`  republished: ${c.duplicates ?? 0}   restated claims: ${c.restatements ?? 0}   contradictions: ${c.contradictions ?? 0}`);
  }
  const top = summary.entities.slice(0, 8);
  if (top.length) {
    lines.push('  top entities (articles / mentions / sentiment):');
    for (const e of top) lines.push(`    ${padColumns(e.name, 16)}${String(e.articles).padStart(4)} ${String(e.mentions).padStart(6)}  ${e.sentiment.label}`);
  }
  if (summary.errors.length) {
    lines.push('  failures (see summary.json "errors"):');
    for (const e of summary.errors.slice(0, 5)) lines.push(`    ${e.path}: ${e.code}: ${e.message}`);
    if (summary.errors.length > 5) lines.push(`    … and ${summary.errors.length - 5} more`);
  }
  lines.push(`  reports: ${outDir}/ (${files.join(', ')})`);
  return `${lines.join('\n')}\n`;
}

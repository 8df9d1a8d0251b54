/**
 * Summarises a .cpuprofile (node --cpu-prof): self time by function and the
 * inclusive time of functions whose file matches a filter.
 *   npx tsx scripts/dev/cpuprofile-top.ts <file.cpuprofile> [file-filter] [rows]
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, filter = '', rowsArg = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [file-filter] [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
const selfBy = new Map<string, number>();
const inclBy = new Map<string, number>();
let total = 0;
for (const [id, t] of self) {
  total += t;
  const n = byId.get(id)!;
  selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + t);
  // inclusive: each distinct label on the stack once
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclBy.set(l, (inclBy.get(l) ?? 0) + t);
  }
}
const rows = Number(rowsArg);
const ms = (t: number) => (t / 1000).toFixed(0).padStart(7);
console.log(`total ${ms(total)} ms`);
console.log('--- self');
for (const [l, t] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(ms(t), l);
console.log(`--- inclusive (${filter || 'all'})`);
for (const [l, t] of [...inclBy].filter(([l]) => l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(ms(t), l);

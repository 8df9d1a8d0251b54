/**
 * buildClaims alone over inputs saved by claims-snapshot.ts: a warm-up on the
 * gold articles, as stage-times.ts does, then rounds over all the others, in
 * wall and CPU time. For timing changes on a noisy machine, and for a profile:
 *   npx tsx scripts/dev/prof-claims.ts /tmp/in.json [rounds]
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/dev/prof-claims.ts /tmp/in.json 3
 */
import { readFileSync } from 'node:fs';
import { buildClaims, type ClaimContext } from '../../src/claims/build.ts';
import { loadCueLexicons } from '../../src/lexicons/cues.ts';

const inputs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Array<Omit<ClaimContext, 'cues'> & { path: string }>;
const rounds = Number(process.argv[3] ?? 1);
const cues = loadCueLexicons();
const gold = inputs.filter((i) => i.path.startsWith('data/gold/'));
const rest = inputs.filter((i) => !i.path.startsWith('data/gold/'));
for (const i of gold) buildClaims({ ...i, cues });
const times: string[] = [];
for (let r = 0; r < rounds; r++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let n = 0;
  for (const i of rest) n += buildClaims({ ...i, cues }).length;
  const used = process.cpuUsage(cpu);
  times.push(`${(performance.now() - t).toFixed(0)}/${((used.user + used.system) / 1000).toFixed(0)}`);
  if (r === 0) console.log(`${rest.length} articles after a warm-up on ${gold.length}, ${n} claims`);
}
console.log(`wall/cpu ms per round: ${times.join('  ')}`);

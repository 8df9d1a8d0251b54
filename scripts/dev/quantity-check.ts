/**
 * Checks that the quantity and time recognizers return what a saved copy of
 * the code before a change returned, on every sentence and paragraph of the
 * inputs saved by claims-snapshot.ts, in both modes:
 *   npx tsx scripts/dev/quantity-check.ts /tmp/in.json <folder with the old src/text/quantity>
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import * as now from '../../src/text/quantity/index.ts';

const before = (await import(pathToFileURL(resolve(process.argv[3]!, 'index.ts')).href)) as typeof now;
const inputs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Array<{ text: string; publishedAt: string | null; sentences: Array<{ start: number; end: number }> }>;
const texts: Array<[string, string | null]> = [];
for (const a of inputs) {
  for (const s of a.sentences) texts.push([a.text.slice(s.start, s.end), a.publishedAt]);
  for (const p of a.text.split('\n')) texts.push([p, a.publishedAt]);
}
// and random strings of the characters numerals, units and qualifiers are made of (seeded, so runs repeat)
const ALPHABET = [...'0123456789０１２３４.．,，-－+＋%％‰ 　\t一二两三四五六七八九十百千万亿兆零〇几数多余来第前后约超过近逾不到以上下左右元块美元港币人民币个家台辆位名年月日号份季度半首今去明本上下未来内HKhkQqHhFfYySUusRrMmBbNnOoTtPpWwEeKkGg$¥.:：/^×*()（）《》“”的了成折倍点负又分之星川切'];
let seed = 1;
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
for (let k = 0; k < 100000; k++) {
  let t = '';
  for (let n = 1 + Math.floor(random() * 24); n > 0; n--) t += ALPHABET[Math.floor(random() * ALPHABET.length)];
  texts.push([t, k % 2 === 0 ? '2021-05-08T10:00:00+08:00' : null]);
}
let differences = 0;
let found = 0;
const check = (what: string, text: string, want: unknown, got: unknown) => {
  const w = JSON.stringify(want);
  if (w !== '[]') found++;
  const g = JSON.stringify(got);
  if (w !== g && differences++ < 5) console.log(`${what} differs on ${JSON.stringify(text.slice(0, 100))}\n  want ${w.slice(0, 400)}\n  got  ${g.slice(0, 400)}`);
};
for (const [text, publishedAt] of texts) {
  for (const mode of ['business', 'numerals'] as const) check(`quantities (${mode})`, text, before.recognizeQuantities(text, { mode }), now.recognizeQuantities(text, { mode }));
  check('times', text, before.recognizeTimes(text, publishedAt), now.recognizeTimes(text, publishedAt));
  check('times (no date)', text, before.recognizeTimes(text), now.recognizeTimes(text));
}
console.log(`${texts.length} texts, ${found} results that are not empty, ${differences} differences`);
process.exitCode = differences > 0 ? 1 : 0;

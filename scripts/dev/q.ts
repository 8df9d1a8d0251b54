import { recognizeQuantities, recognizeTimes } from '../../src/text/quantity/index.ts';
const t = process.argv[2]!;
for (const q of recognizeQuantities(t)) console.log(JSON.stringify(q));
for (const q of recognizeTimes(t, process.argv[3] ?? '2022-02-08T20:53:15+08:00')) console.log('T', JSON.stringify(q));

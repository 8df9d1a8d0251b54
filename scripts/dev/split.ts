import { splitSentences } from '../../src/segment/sentences.ts';
const t = process.argv[2]!;
for (const s of splitSentences(t)) console.log(JSON.stringify(t.slice(s.start, s.end)));

import { scoreEnglish } from '../../src/english/nlp.ts';
const t = process.argv[2]!;
console.log(JSON.stringify(scoreEnglish(t, 0, t.length)));

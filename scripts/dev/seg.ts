import { segment } from '../../src/segment/jieba.ts';
const t = process.argv[2]!;
console.log(segment(t).map((x) => `${x.text}/${x.tag}@${x.start}`).join(' '));

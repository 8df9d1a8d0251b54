import { findEntities } from '../../src/stages/entities.ts';
import { segmentStage } from '../../src/stages/segment.ts';
const text = process.argv[2]!;
const doc = { text, blocks: [], meta: { id: 'x', path: 'x', title: '', publishedAt: null, source: null, url: null, categories: [], tags: [], language: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en', tickers: [], encoding: 'utf-8' } };
const { tokens } = segmentStage.run(doc, {} as never);
if (process.argv[3]) console.log(tokens.map((t) => `${t.text}/${t.tag}`).join(' '));
for (const e of findEntities(doc, tokens)) console.log(e.type.padEnd(12), e.id.padEnd(28), e.name, e.discovered ? '(discovered)' : '', e.mentions.map((m) => m.text).join('|'));

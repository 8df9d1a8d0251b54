// Writes a synthetic corpus as the benchmark builds it: gen-corpus.ts <dir> <articles> [seed]
import { resolve } from 'node:path';
import { generateCorpus } from '../bench/corpus.ts';
import { loadTemplates } from '../bench/templates.ts';
const [dir, n = '1000', seed = '1'] = process.argv.slice(2);
const templates = await loadTemplates(['../shared/corpus', 'tests/fixtures/corpus', 'data/sample', 'data/gold/articles'].map((p) => resolve(p)));
console.log(await generateCorpus(templates, dir!, Number(n), Number(seed)));

// Compares compromise's full tagger with the names-only tagger on the English fixtures: which names each finds.
import { readFileSync, readdirSync } from 'node:fs';
import { englishNames } from '../../src/english/nlp.ts';
const dirs = ['tests/fixtures/corpus/reuters', 'tests/fixtures/corpus/reuters-2016'];
const texts = dirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(`${d}/${f}`, 'utf8')));
const names = (tagger: 'names' | 'full') => new Set(texts.flatMap((t) => englishNames(t, tagger).map((n) => `${n.type}:${n.text}`)));
const fast = names('names');
const full = names('full');
console.log('full', full.size, 'fast', fast.size);
console.log('only full:', [...full].filter((n) => !fast.has(n)));
console.log('only fast:', [...fast].filter((n) => !full.has(n)));

// Prints the entities found in a text given on the command line (dev aid): ents-of.ts "<text>" [en|zh]
import { analyzeText } from '../../tests/pipeline/analyze-text.ts';
const [text = '', language = 'en'] = process.argv.slice(2);
for (const e of analyzeText(text, { language } as never).entities) console.log(e.type.padEnd(12), e.id.padEnd(28), e.mentions.map((m) => m.text).join(' | '));

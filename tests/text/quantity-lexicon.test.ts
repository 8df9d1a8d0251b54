import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadQuantityLexicon, validateQuantityLexicon } from '../../src/lexicons/quantity.ts';

const REAL = new URL('../../lexicons/quantity/', import.meta.url);

describe('quantity lexicon', () => {
  it('loads the real files without problems', () => {
    const lex = loadQuantityLexicon();
    expect(lex.digits.length).toBeGreaterThanOrEqual(20);
    expect(lex.currencies.find((c) => c.word === '美元' && c.position === 'suffix')?.code).toBe('USD');
    expect(lex.units.find((u) => u.word === '台')?.unit).toBe('units');
    expect(lex.qualifiers.find((q) => q.word === '左右')?.qualifier).toBe('about');
    expect(lex.nonNumerals.some((w) => w.word === '四川')).toBe(true);
  });

  it('gives every real entry a well-formed currency code', () => {
    for (const c of loadQuantityLexicon().currencies) expect(c.code).toMatch(/^[A-Z]{3}$/);
  });

  it('reports every problem at once, naming file, list and entry', () => {
    const files: Record<string, unknown> = {
      'numerals.json': {
        note: 'test',
        digits: [{ word: '一', value: 12 }, { word: '二二', value: 2 }],
        scales: [{ word: '十' }],
        latinScales: [],
        multipliers: [],
        markers: [{ word: '点', role: 'comma' }],
        words: [],
        extra: [],
      },
      'currencies.json': {
        note: 'test',
        entries: [
          { word: '美元', code: 'usd', position: 'suffix' },
          { word: '美元', code: 'USD', position: 'suffix', colour: 'green' },
          { word: '角', code: 'CNY', position: 'minor' },
        ],
      },
      'percent.json': { note: 'test', suffixes: 'not a list', words: [] },
    };
    const { problems } = validateQuantityLexicon(files);
    const text = problems.join('\n');
    expect(text).toContain('lexicons/quantity/numerals.json digits[0] ("一"): "value" must be 0–9');
    expect(text).toContain('lexicons/quantity/numerals.json digits[1] ("二二"): "word" must be exactly one character');
    expect(text).toContain('lexicons/quantity/numerals.json scales[0] ("十"): "exponent" is required');
    expect(text).toContain('lexicons/quantity/numerals.json scales[0] ("十"): "class" is required');
    expect(text).toContain('markers[0] ("点"): "role" must be one of');
    expect(text).toContain('numerals.json: unknown top-level field "extra"');
    expect(text).toContain('currencies.json entries[0] ("美元"): "code" must be a three-letter upper-case code');
    expect(text).toContain('currencies.json entries[1] ("美元"): unknown field "colour"');
    expect(text).toContain('currencies.json entries[1] ("美元"): duplicate entry');
    expect(text).toContain('currencies.json entries[2] ("角"): "factor" is required for minor units');
    expect(text).toContain('percent.json suffixes: must be a list of entries');
    expect(text).toContain('lexicons/quantity/units.json: file is missing');
    expect(text).toContain('lexicons/quantity/qualifiers.json: file is missing');
    expect(problems.length).toBeGreaterThanOrEqual(14);
  });

  it('throws one error listing all problems when loading a broken folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quantity-lexicon-'));
    for (const f of readdirSync(fileURLToPath(REAL))) writeFileSync(join(dir, f), readFileSync(new URL(f, REAL)));
    writeFileSync(join(dir, 'units.json'), '{ "note": "x", "entries": [{ "word": "台", "class": "gadget" }] }');
    writeFileSync(join(dir, 'time.json'), '{ not json');
    let message = '';
    try { loadQuantityLexicon(pathToFileURL(`${dir}/`)); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/^Invalid quantity lexicon \(2 problems\)/);
    expect(message).toContain('units.json entries[0] ("台"): "class" must be one of count, measure, time, digits');
    expect(message).toContain('time.json: invalid JSON');
  });
});

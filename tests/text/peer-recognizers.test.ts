/**
 * The Chinese cases of Microsoft Recognizers-Text (MIT; copied with its
 * LICENSE under tests/fixtures/peer-specs/recognizers-text/) and cases from
 * public bug reports against Chinese number recognizers. How results are
 * compared is documented in ./peer-compare.ts.
 */
import { describe, expect, it } from 'vitest';
import { recognizeQuantities, type Quantity } from '../../src/text/quantity/index.ts';
import { runPeerModel, type PeerModel } from './peer-compare.ts';

const REQUIRED: PeerModel[] = ['number', 'percentage', 'ordinal', 'currency'];

describe('Recognizers-Text Chinese specs', () => {
  it('passes at least 97% of the Number, Percent, Ordinal and Currency cases', () => {
    let total = 0;
    let passed = 0;
    const lines: string[] = [];
    for (const model of REQUIRED) {
      const r = runPeerModel(model);
      total += r.total;
      passed += r.passed;
      lines.push(`${model.padEnd(11)} ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)}%)`);
      for (const f of r.failures) lines.push(`  ✗ ${f}`);
    }
    const rate = (100 * passed) / total;
    lines.push(`overall     ${passed}/${total} (${rate.toFixed(2)}%) — Microsoft's JavaScript implementation passes 550/559`);
    console.log(lines.join('\n'));
    expect(total).toBe(559);
    expect(rate).toBeGreaterThanOrEqual(97);
  });

  it('reports the NumberRange cases (stretch, not required)', () => {
    const r = runPeerModel('numberrange');
    console.log(`numberrange ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)}%) — not required; failures:\n  ✗ ${r.failures.join('\n  ✗ ')}`);
    expect(r.total).toBe(65);
  });
});

describe('cases from public bug reports', () => {
  it.each<[string, Partial<Quantity>, string]>([
    ['1,100万', { value: 11000000, exact: '11000000' }, 'Recognizers-Text#2297'],
    ['1,100.9亿', { value: 110090000000, exact: '110090000000' }, 'Recognizers-Text#2297'],
    ['二十万亿', { value: 20000000000000 }, 'Recognizers-Text#2325'],
    ['3万4000', { value: 34000 }, 'Recognizers-Text#2302'],
    ['25万6千', { value: 256000 }, 'Recognizers-Text#2302'],
    ['一万零一十二', { value: 10012 }, 'Recognizers-Text#1556'],
    ['16.4亿', { value: 1640000000, exact: '1640000000' }, 'cn2an#55 (1639999999 through floats)'],
    ['三十几万元', { kind: 'currency', value: 300000, valueMax: 390000, qualifier: 'range', unit: 'CNY' }, 'Recognizers-Text#2664'],
    ['二百余万元', { kind: 'currency', value: 2000000, valueMax: null, qualifier: 'at_least', unit: 'CNY' }, 'Recognizers-Text#2664'],
    ['一千多万元', { kind: 'currency', value: 10000000, valueMax: null, qualifier: 'at_least', unit: 'CNY' }, 'Recognizers-Text#2664'],
    ['两三个', { kind: 'range', value: 2, valueMax: 3, qualifier: 'range', unit: '个' }, 'WeTextProcessing#232 (adjacent digits are a range)'],
    ['十分之一', { kind: 'percent', value: 10, unit: '%' }, 'Recognizers-Text#2257'],
  ])('%s (%s)', (input, expected) => {
    const found = recognizeQuantities(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: input, start: 0, end: input.length, ...expected });
  });
});

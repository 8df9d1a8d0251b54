import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { plainNumber, safeText, toCsv } from '../../src/report/csv.ts';

describe('CSV writer', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-5%', "'-5%"],
    ['@user', "'@user"],
    ['\tindent', "'\tindent"],
    ['\rx', "'\rx"],
    ['小米集团', '小米集团'],
  ])('neutralises %j', (input, expected) => expect(safeText(input)).toBe(expected));

  it.each([
    [100000000000, '100000000000'],
    [1e21, '1000000000000000000000'],
    [-10, '-10'],
    [25.6, '25.6'],
    [1e-7, '0.0000001'],
  ])('writes %d as %s', (n, s) => expect(plainNumber(n)).toBe(s));

  it('starts with a BOM, has a header, quotes per RFC 4180 and keeps negative numbers numeric', () => {
    const csv = toCsv(['id', 'title', 'value'], [['a', '雷军说："快，更稳"', -10], ['b', '=cmd', 1e11]]);
    expect(csv.startsWith('\ufeffid,title,value\r\n')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { id: 'a', title: '雷军说："快，更稳"', value: '-10' },
      { id: 'b', title: "'=cmd", value: '100000000000' },
    ]);
  });
});

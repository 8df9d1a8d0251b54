import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvLines, plainNumber, safeText, toCsv, type Cell } from '../../src/report/csv.ts';

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

  // Fields as the reports hold them: Chinese and English text, quotes, commas, spaces at the edges, numbers, empties.
  const FIELDS: Cell[] = ['小米集团', 'Apple Inc', '雷军说："快，更稳"', 'a,b', 'say "hi"', ' lead', 'trail ', '\u3000全角', '全角\u3000', '', null, undefined, 0, -10, 25.6, 1e11, true, false, 'tab\tinside', '=SUM(A1)', '-5%', 'é'];

  it('writes what csv-stringify writes for every field without a line break', () => {
    const rows = FIELDS.map((f, i) => [f, FIELDS[(i * 7) % FIELDS.length]!, i]);
    const expected = stringify(rows.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : typeof v === 'string' ? safeText(v) : v))), { record_delimiter: '\r\n', quoted_match: /^[\s]|[\s]$/ });
    expect(csvLines(rows)).toBe(expected);
  });

  it('quotes a field with a line feed or a carriage return, so a quotation over two paragraphs keeps its row', () => {
    const csv = toCsv(['id', 'text'], [['q1', '第一段。\n第二段。'], ['q2', 'line\rbreak'], ['q3', 'plain']]);
    expect(csv).toContain('"第一段。\n第二段。"');
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.text)).toEqual(['第一段。\n第二段。', 'line\rbreak', 'plain']);
  });

  // The rule as a pattern, the way the writer once applied it: the oracle for the writer's own scan.
  const QUOTED_BY_RULE = /[",\r\n]|^\s|\s$/;
  const EDGES = ['\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\v', '\f', '\u200b', '\u00ad', 'x', '😀'];

  it('quotes a field exactly when it holds a comma, a quote or a line break, or begins or ends with any white space', () => {
    const texts = [...EDGES.flatMap((e) => [`${e}a`, `a${e}`, `a${e}b`, e]), 'a'.repeat(5000), `${'中'.repeat(5000)} `, `"${'x'.repeat(100)}`];
    for (const text of texts) {
      const written = csvLines([[text]]).slice(0, -2);
      expect(written.startsWith('"'), JSON.stringify(text)).toBe(QUOTED_BY_RULE.test(text));
    }
  });

  it('writes a value repeated down a column as it writes it once, whatever the values around it', () => {
    const rows: Cell[][] = [['h1', ' lead', 1, 'a,b'], ['h1', ' lead', 1, 'c'], ['h2', ' lead', 2, 'c'], ['h2', '=x', 2, null], ['h2', '=x', 2.5, null]];
    expect(csvLines(rows)).toBe(rows.map((r) => csvLines([r])).join(''));
  });
});

/** A cell value as the row builders produce it. */
export type Cell = string | number | boolean | null | undefined;

/** Whether a character code begins a formula in a spreadsheet: = + - @, tab, carriage return. */
const startsFormula = (c: number): boolean => c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;

/**
 * Writes a number the way a spreadsheet should read it: no exponent, no
 * thousands separator (1e11 → 100000000000).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Neutralises text that a spreadsheet would run as a formula by prefixing
 * an apostrophe. Numbers are never touched (a negative growth stays -10).
 */
export function safeText(value: string): string {
  return startsFormula(value.charCodeAt(0)) ? `'${value}` : value;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return safeText(value);
}

/** A comma, a double quote or a line break: a field holding one is quoted (RFC 4180). */
const SPECIAL = /[",\r\n]/;
const SPACE = /\s/;

/** Whether the character at `index` of `text` is white space, as `\s` has it (U+3000 and the like included). */
function isSpaceAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(text[index]!);
}

/**
 * A field is quoted when it holds a comma, a double quote or a line break
 * (RFC 4180), or begins or ends with white space (which some spreadsheets
 * would trim). The ends are looked at directly: a pattern anchored at the
 * end would be tried at every character of a long text.
 */
function field(value: Cell): string {
  const text = cell(value);
  const quote = text.length > 0 && (isSpaceAt(text, 0) || isSpaceAt(text, text.length - 1) || SPECIAL.test(text));
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV lines for `rows` (RFC 4180 quoting, each line ended by CRLF), to append
 * to a file begun with {@link csvStart}. Written here rather than with
 * csv-stringify: that package, set to end records with CRLF, leaves a field
 * holding a lone line feed unquoted (a quotation over two paragraphs broke
 * its row), and it cost a third of a run's writing time. The tests check this
 * writer against csv-stringify on every field that has no line break, and
 * read every report back with csv-parse.
 */
export function csvLines(rows: readonly Cell[][]): string {
  let out = '';
  // consecutive rows of one article repeat its id, path, title and date: a column's last value is written once
  const lastValue: Cell[] = [];
  const lastField: string[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      let text: string;
      if (i < lastField.length && lastValue[i] === value && typeof value === 'string') text = lastField[i]!;
      else {
        text = field(value);
        lastValue[i] = value;
        lastField[i] = text;
      }
      out += i === 0 ? text : `,${text}`;
    }
    out += '\r\n';
  }
  return out;
}

/** The start of a CSV file: the UTF-8 BOM and the header row. */
export function csvStart(header: readonly string[]): string {
  return `\ufeff${csvLines([header as string[]])}`;
}

/** A whole CSV file: UTF-8 BOM, header row, RFC 4180 quoting, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return csvStart(header) + csvLines(rows);
}

/**
 * Variations that make copies of one article differ the way real articles
 * do — other figures, other dates, their own ids — while keeping every
 * format readable by ingest.
 */
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Redraws every digit of a figure but its first, so 1,094.2亿 stays a
 * four-digit amount with its separators. Skipped: digits glued to Latin
 * letters (model numbers, codes) or to `&#` (HTML entities); dates, years
 * and times (`8月18日`, `2022 年`, `20:53`); anything inside an HTML tag,
 * where digits are attributes and links.
 */
export function varyNumbers(text: string, random: Random): string {
  return text.split(/(<[^>]*>)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/\d+(?:[.,]\d+)*/g, (figure, at: number) => {
    const before = part[at - 1] ?? '';
    const after = part.slice(at + figure.length).trimStart()[0] ?? '';
    if (/[A-Za-z0-9#:：]/.test(before) || /[A-Za-z年月日号时:：]/.test(after) || /^(?:19|20)\d\d$/.test(figure)) return figure;
    let first = true;
    return figure.replace(/\d/g, (digit) => {
      if (first) { first = false; return digit; }
      return String(random.int(10));
    });
  }))).join('');
}

function shifted(year: number, month: number, day: number, days: number): Date {
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
}

/**
 * Moves the dates of a header by whole days, in each of the notations the
 * sources use: `2022-02-08`, `Wed, 19 Jan 2022` and the Reuters dateline
 * `Thu Jul 30, 2009`. Weekdays are recomputed so the dates stay true.
 */
export function shiftDates(text: string, days: number): string {
  return text
    .replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_, y: string, m: string, d: string) => {
      const t = shifted(+y, +m, +d, days);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    })
    .replace(/\b[A-Z][a-z]{2}, (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\b/g, (match, d: string, mon: string, y: string) => {
      if (!MONTHS.includes(mon)) return match;
      const t = shifted(+y, MONTHS.indexOf(mon) + 1, +d, days);
      return `${WEEKDAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
    })
    .replace(/\b[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}), (\d{4})\b/g, (match, mon: string, d: string, y: string) => {
      if (!MONTHS.includes(mon)) return match;
      const t = shifted(+y, MONTHS.indexOf(mon) + 1, +d, days);
      return `${WEEKDAYS[t.getUTCDay()]} ${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()}`;
    });
}

/** The last digits of a code replaced by the copy's serial number, which is unique in the corpus. */
function stampDigits(code: string, serial: number): string {
  const width = Math.min(9, code.length);
  return code.slice(0, code.length - width) + String(serial % 10 ** width).padStart(width, '0');
}

/**
 * Gives a copy its own source ids. Ingest takes an article's id from
 * eastmoney infoCodes and page numbers, Reuters story ids and finews file
 * names (see src/ingest/identity.ts); copies that kept the original's id
 * would all be reported as duplicate-id, which a real corpus is not.
 */
export function stampIds(text: string, serial: number): string {
  return text
    .replace(/(infoCode=[A-Za-z]{0,4})(\d{10,})/g, (_, prefix: string, code: string) => prefix + stampDigits(code, serial))
    .replace(/,(\d{18})(\.html?)\b/g, (_, code: string, ext: string) => `,${stampDigits(code, serial)}${ext}`)
    .replace(/\bid([A-Z]{5})([A-Z0-9]{6,})\b/g, (_, desk: string, code: string) =>
      `id${desk}${code.slice(0, Math.max(0, code.length - 7))}${serial.toString(36).toUpperCase().padStart(7, '0')}`)
    .replace(/^(\d{4}-\d{2}-\d{2}-(?:NW)?)(\d{15,})/, (_, prefix: string, code: string) => prefix + stampDigits(code, serial));
}

/** A feed record's id with the serial stamped in, keeping its JSON type. */
export function stampRecordId(id: unknown, serial: number): unknown {
  if (typeof id === 'number') return Number(stampDigits(String(id), serial));
  if (typeof id === 'string' && /^\d+$/.test(id)) return stampDigits(id, serial);
  return `${String(id ?? 'r')}-${serial}`;
}

/**
 * Dates as sources write them, normalised to ISO 8601 with the source's own
 * offset (`2022-02-08T20:53:15+08:00`). A date with no offset takes the
 * default offset (+08:00 unless `--timezone` says otherwise).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone names found in wire datelines, as UTC offsets. CST is read as US Central, as Reuters uses it. */
const ZONES: Record<string, string> = {
  Z: '+00:00', UT: '+00:00', UTC: '+00:00', GMT: '+00:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00',
  PST: '-08:00', PDT: '-07:00', JST: '+09:00', KST: '+09:00', HKT: '+08:00', SGT: '+08:00', IST: '+05:30',
};

/** Validates and canonicalises an offset such as `+0800`, `+08:00` or `-5`; null if it is not one. */
export function parseOffset(raw: string): string | null {
  const zone = ZONES[raw.toUpperCase()];
  if (zone) return zone;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

interface WallTime {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function format(t: WallTime, offset: string): string | null {
  const probe = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  if (
    probe.getUTCFullYear() !== t.year || probe.getUTCMonth() !== t.month - 1 || probe.getUTCDate() !== t.day ||
    t.hour > 23 || t.minute > 59 || t.second > 60
  ) return null;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${offset}`;
}

/** Formats an instant as wall time at a given offset. */
export function formatInstant(epochMs: number, offset: string): string | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m || !Number.isFinite(epochMs)) return null;
  const shift = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  const d = new Date(epochMs + shift);
  return format(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() },
    offset,
  );
}

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,4})?$/;
const RFC_2822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[A-Za-z]{1,4})?$/;
// Reuters datelines: "Fri Dec 7, 2012 5:16am EST"
const WIRE = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*([A-Za-z]{2,4}|[+-]\d{4})?$/i;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})秒?)?)?$/;

function offsetOr(raw: string | undefined, fallback: string): string | null {
  return raw ? parseOffset(raw) : fallback;
}

/**
 * Normalises a date value from front matter, a feed or a dateline.
 * Numbers (and digit strings) of 10 or 13 digits are Unix seconds or milliseconds.
 * Returns null for anything it cannot read with confidence.
 */
export function normalizeDate(value: unknown, defaultOffset: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return formatInstant(value.getTime(), '+00:00');
  if (typeof value === 'number') return value > 1e12 ? formatInstant(value, defaultOffset) : formatInstant(value * 1000, defaultOffset);
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/^['"]|['"]$/g, '');
  if (/^\d{10}$/.test(s)) return formatInstant(Number(s) * 1000, defaultOffset);
  if (/^\d{13}$/.test(s)) return formatInstant(Number(s), defaultOffset);

  let m = ISO_LIKE.exec(s);
  if (m) {
    const offset = offsetOr(m[7], defaultOffset);
    if (!offset) return null;
    return format({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) }, offset);
  }
  m = RFC_2822.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const offset = offsetOr(m[7], defaultOffset);
    if (!month || !offset) return null;
    return format({ year: +m[3]!, month, day: +m[1]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) }, offset);
  }
  m = WIRE.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    const offset = offsetOr(m[8], defaultOffset);
    if (!month || !offset) return null;
    let hour = +(m[4] ?? 0);
    const meridiem = m[7]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return format({ year: +m[3]!, month, day: +m[2]!, hour, minute: +(m[5] ?? 0), second: +(m[6] ?? 0) }, offset);
  }
  m = CHINESE.exec(s);
  if (m) {
    return format({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) }, defaultOffset);
  }
  return null;
}

import matter from 'gray-matter';
import { IngestError } from './errors.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** the YAML as written, for values gray-matter would reinterpret (dates) */
  raw: string;
  body: string;
  present: boolean;
}

/**
 * Splits YAML front matter from the body. Leading blank lines (Hexo writes
 * one) are allowed before the opening `---`. Invalid YAML rejects the file
 * with the parser's own line and column.
 */
export function parseFrontMatter(text: string): FrontMatter {
  const start = text.search(/\S/);
  const trimmed = start > 0 ? text.slice(start) : text;
  if (!/^---[ \t]*\n/.test(trimmed)) return { data: {}, raw: '', body: text, present: false };
  if (!/\n---[ \t]*(\n|$)/.test(trimmed.slice(3))) {
    throw new IngestError('invalid-front-matter', 'Front matter opens with "---" but never closes: add a closing "---" line after the YAML');
  }
  try {
    // An options object (even empty) stops gray-matter from caching by content.
    const parsed = matter(trimmed, {});
    const data = (parsed.data ?? {}) as Record<string, unknown>;
    return { data, raw: parsed.matter ?? '', body: parsed.content, present: true };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new IngestError('invalid-front-matter', `Front matter is not valid YAML (${reason}); fix the YAML between the "---" lines`);
  }
}

/** The value of a top-level key exactly as written in the YAML (quotes removed). */
export function rawScalar(raw: string, key: string): string | null {
  const m = new RegExp(`^${key}\\s*:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(raw);
  if (!m) return null;
  return m[1]!.replace(/^(['"])(.*)\1$/, '$2');
}

/** A string, or the first string of a list, from front matter. */
export function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstString(v);
      if (s) return s;
    }
  }
  return null;
}

/** A list of strings from a scalar, a list or a comma-less YAML value. */
export function stringList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim()).filter((v) => v.length > 0);
}

/**
 * Small helpers for strict lexicon validation, shared by every loader under
 * src/lexicons: a problem list that collects every problem (with file, entry
 * and field) before failing once, the wording every lexicon error uses for its
 * list of problems, value predicates, and a field reader that checks one JSON
 * object against an expected shape.
 */

/** One thing wrong with a lexicon file, precise enough for a person to fix it. */
export interface LexiconProblem {
  /** File name relative to the lexicon folder, e.g. `companies.json`. */
  readonly file: string;
  /** Entry id, or `#12` for an entry without a usable id; null for the file as a whole. */
  readonly entry: string | null;
  /** Field path inside the entry, e.g. `aliases[2]`; null for the entry as a whole. */
  readonly field: string | null;
  readonly message: string;
}

/** Render a problem as one line: `companies.json › xiaomi › tickers[0]: …`. */
export function formatProblem(problem: LexiconProblem): string {
  const place = [problem.file, problem.entry, problem.field].filter((part) => part !== null).join(' › ');
  return `${place}: ${problem.message}`;
}

/** `1 problem`, `3 problems`: the count every lexicon error states after its title. */
export function countProblems(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}

/** One problem a line, indented under the error's title, so a person can work down the list. */
export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `  - ${line}`).join('\n');
}

/** Thrown once by a lexicon loader, listing every problem it found. */
export class LexiconError extends Error {
  readonly problems: readonly LexiconProblem[];

  constructor(title: string, problems: readonly LexiconProblem[]) {
    super(`${title}: ${countProblems(problems.length)}\n${bulletList(problems.map(formatProblem))}`);
    this.name = 'LexiconError';
    this.problems = problems;
  }
}

/** Collects problems so that a loader can report all of them at once. */
export class ProblemList {
  private readonly items: LexiconProblem[] = [];

  add(file: string, entry: string | null, field: string | null, message: string): void {
    this.items.push({ file, entry, field, message });
  }

  get size(): number {
    return this.items.length;
  }

  get all(): readonly LexiconProblem[] {
    return this.items;
  }

  /** Throw one {@link LexiconError} if anything was collected. */
  throwIfAny(title: string): void {
    if (this.items.length > 0) throw new LexiconError(title, [...this.items]);
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `describe(value)` names a JSON value's type for messages ("a number", "null"). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** True when `value` is one of `values` (labels, or numbers such as a sign of 1 or -1). */
export function isOneOf<T>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** True for an integer within [min, max]. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Reports one problem of the entry being read; `field` is null for the entry as a whole. */
export type Report = (field: string | null, message: string) => void;

interface StringOptions {
  readonly optional?: boolean;
  readonly nullable?: boolean;
}

/**
 * Reads the fields of one JSON object, reporting each mismatch through `report`.
 * Readers return a fallback value after a problem so that later checks can
 * still run; the caller throws before any fallback escapes.
 */
export class FieldReader {
  constructor(
    readonly raw: Record<string, unknown>,
    private readonly report: Report,
  ) {}

  /** Report keys that the schema does not know (catches typos such as `alias`). */
  onlyKeys(allowed: readonly string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!allowed.includes(key)) this.report(key, `unknown field; expected one of ${allowed.join(', ')}`);
    }
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** A non-empty, trimmed, single-line string. */
  string(key: string, options: StringOptions & { nullable: true }): string | null;
  string(key: string, options: StringOptions & { optional: true }): string | undefined;
  string(key: string, options?: StringOptions): string;
  string(key: string, options: StringOptions = {}): string | null | undefined {
    const value = this.raw[key];
    if (value === undefined && options.optional) return undefined;
    if (value === null && options.nullable) return null;
    const problem = checkText(value);
    if (problem !== null) {
      this.report(key, value === undefined ? 'missing required field' : problem);
      return options.nullable ? null : options.optional ? undefined : '';
    }
    return value as string;
  }

  /** An array of strings that each pass {@link checkText}; `[]` when absent and optional. */
  strings(key: string, options: { optional?: boolean; nonEmpty?: boolean } = {}): string[] {
    const value = this.raw[key];
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      this.report(key, value === undefined ? 'missing required field' : `expected an array of strings, got ${describe(value)}`);
      return [];
    }
    if (options.nonEmpty && value.length === 0) this.report(key, 'must not be empty');
    const out: string[] = [];
    value.forEach((item, index) => {
      const problem = checkText(item);
      if (problem === null) out.push(item as string);
      else this.report(`${key}[${index}]`, problem);
    });
    return out;
  }

  /** A boolean, or undefined when absent. */
  boolean(key: string): boolean | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.report(key, `expected true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** An integer within [min, max]. */
  integer(key: string, min: number, max: number, options: { optional?: boolean } = {}): number | undefined {
    const value = this.raw[key];
    if (value === undefined) {
      if (!options.optional) this.report(key, 'missing required field');
      return undefined;
    }
    if (!isIntegerIn(value, min, max)) {
      this.report(key, `expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of string labels. */
  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const value = this.raw[key];
    if (isOneOf(values, value)) return value;
    this.report(key, value === undefined ? 'missing required field' : `expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
    return values[0] as T;
  }

  /** A nested object, read with its own reader. */
  object(key: string, options: { optional?: boolean } = {}): FieldReader | undefined {
    const value = this.raw[key];
    if (value === undefined && options.optional) return undefined;
    if (!isRecord(value)) {
      this.report(key, value === undefined ? 'missing required field' : `expected an object, got ${describe(value)}`);
      return undefined;
    }
    return new FieldReader(value, (field, message) => this.report(field === null ? key : `${key}.${field}`, message));
  }
}

/** Why `value` is not acceptable lexicon text, or null when it is. */
export function checkText(value: unknown): string | null {
  if (typeof value !== 'string') return `expected a string, got ${describe(value)}`;
  if (value.length === 0) return 'must not be empty';
  if (value.trim() !== value) return `${JSON.stringify(value)} has leading or trailing whitespace`;
  // Lexicon strings are matched against single lines of text.
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${JSON.stringify(value)} contains a control character or line break`;
  return null;
}

/** Lowercase ASCII slug: `xiaomi`, `lei-jun`, `iphone-13-pro-max`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

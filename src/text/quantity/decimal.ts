/**
 * Exact arithmetic for numerals: values are fractions of BigInts, so 16.4亿 is
 * exactly 1640000000 and 三分之一 stays one third until the very end.
 */

/** An exact rational number n/d with d > 0, kept in lowest terms. */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const TEN = 10n;
const POW10: bigint[] = [1n];
for (let i = 1; i <= 40; i++) POW10.push(POW10[i - 1]! * TEN);

/** 10^e as a BigInt for e ≥ 0. */
export function pow10n(e: number): bigint {
  return e <= 40 ? POW10[e]! : TEN ** BigInt(e);
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Exact {
  if (d < 0n) { n = -n; d = -d; }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Exact = { n: 0n, d: 1n };
export const ONE: Exact = { n: 1n, d: 1n };

/** An exact integer. */
export function int(v: number | bigint): Exact {
  return { n: BigInt(v), d: 1n };
}

/** The number written with digits `intDigits` '.' `fracDigits` (either may be empty). */
export function fromDigits(intDigits: string, fracDigits = ''): Exact {
  const n = BigInt((intDigits || '0') + fracDigits);
  return fracDigits ? make(n, pow10n(fracDigits.length)) : { n, d: 1n };
}

/** Parses a plain decimal string such as "0.01" or "-12". */
export function parseDecimal(s: string): Exact {
  const neg = s.startsWith('-');
  const [i = '', f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = fromDigits(i, f);
  return neg ? negate(v) : v;
}

export function add(a: Exact, b: Exact): Exact {
  return a.d === b.d && a.d === 1n ? { n: a.n + b.n, d: 1n } : make(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Exact, b: Exact): Exact {
  return add(a, negate(b));
}

export function mul(a: Exact, b: Exact): Exact {
  return a.d === 1n && b.d === 1n ? { n: a.n * b.n, d: 1n } : make(a.n * b.n, a.d * b.d);
}

/** a / b; the caller makes sure b is not zero. */
export function div(a: Exact, b: Exact): Exact {
  return make(a.n * b.d, a.d * b.n);
}

export function negate(a: Exact): Exact {
  return { n: -a.n, d: a.d };
}

/** a × 10^e (e may be negative). */
export function scale(a: Exact, e: number): Exact {
  if (e === 0) return a;
  return e > 0 ? make(a.n * pow10n(e), a.d) : make(a.n, a.d * pow10n(-e));
}

/** a^k for an integer k (negative k inverts; the caller keeps a non-zero then). */
export function power(a: Exact, k: number): Exact {
  const e = BigInt(Math.abs(k));
  const v = make(a.n ** e, a.d ** e);
  return k < 0 ? make(v.d, v.n) : v;
}

export function isZero(a: Exact): boolean {
  return a.n === 0n;
}

export function isInteger(a: Exact): boolean {
  return a.d === 1n;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Exact, b: Exact): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Exact, b: Exact): boolean {
  return a.n === b.n && a.d === b.d;
}

/** The exact decimal string ('1640000000', '0.0005', '-6.6'), or null when the decimal does not terminate (1/3). */
export function toDecimalString(a: Exact): string | null {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) { d /= 2n; twos++; }
  while (d % 5n === 0n) { d /= 5n; fives++; }
  if (d !== 1n) return null;
  const places = Math.max(twos, fives);
  const neg = a.n < 0n;
  const scaled = (neg ? -a.n : a.n) * (pow10n(places) / a.d);
  let digits = scaled.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, '');
  }
  return neg && digits !== '0' ? `-${digits}` : digits;
}

/** The nearest double: exact decimals go through Number(string), so no float residue is added. */
export function toNumber(a: Exact): number {
  const s = toDecimalString(a);
  if (s !== null) return Number(s);
  const neg = a.n < 0n;
  const n = neg ? -a.n : a.n;
  // Twenty-five significant digits are more than a double holds.
  const shift = Math.max(0, 25 - (n / a.d).toString().length);
  const q = (n * pow10n(shift)) / a.d;
  const v = Number(`${q}e-${shift}`);
  return neg ? -v : v;
}

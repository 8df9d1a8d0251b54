/**
 * Stock tickers as the registry writes them (`EXCHANGE:CODE`) and Reuters
 * instrument codes, which news copy quotes (`1810.HK`) and which convert to
 * exactly one ticker.
 */

const LETTER_CODE = /^[A-Z0-9]{1,6}(?:-[A-Z])?$/;
const TICKER_CODES: Readonly<Record<string, RegExp>> = {
  HK: /^\d{5}$/, SH: /^\d{6}$/, SZ: /^\d{6}$/, BJ: /^\d{6}$/, KS: /^\d{6}$/, KQ: /^\d{6}$/, TW: /^\d{4,6}$/,
  T: /^\d{3}[0-9A-Z]$/, US: /^[A-Z]{1,5}(?:\.[A-Z])?$/,
  DE: LETTER_CODE, PA: LETTER_CODE, AS: LETTER_CODE, HE: LETTER_CODE, ST: LETTER_CODE, SW: LETTER_CODE, L: LETTER_CODE, TO: LETTER_CODE, MI: LETTER_CODE,
};
const RIC_EXCHANGES: Readonly<Record<string, string>> = {
  O: 'US', OQ: 'US', N: 'US', A: 'US', K: 'US', HK: 'HK', SS: 'SH', SZ: 'SZ', KS: 'KS', KQ: 'KQ', TW: 'TW', T: 'T',
  DE: 'DE', PA: 'PA', AS: 'AS', HE: 'HE', ST: 'ST', S: 'SW', L: 'L', TO: 'TO', MI: 'MI',
};

/** True for `EXCHANGE:CODE` with a known exchange prefix and a code of that exchange's shape. */
export function isTicker(ticker: string): boolean {
  const match = /^([A-Z]{1,2}):(.+)$/.exec(ticker);
  const pattern = match ? TICKER_CODES[match[1]!] : undefined;
  return pattern !== undefined && pattern.test(match![2]!);
}

/**
 * Convert a Reuters instrument code to a ticker: `AAPL.O` → `US:AAPL`,
 * `1810.HK` → `HK:01810`, `600519.SS` → `SH:600519`, `ERICb.ST` → `ST:ERIC-B`.
 * Returns null for an unknown exchange suffix.
 */
export function ricToTicker(ric: string): string | null {
  const match = /^([A-Za-z0-9]+)\.([A-Z]{1,2})$/.exec(ric);
  const exchange = match ? RIC_EXCHANGES[match[2]!] : undefined;
  if (!match || exchange === undefined) return null;
  let code = match[1]!;
  const shareClass = /^([A-Z0-9]+)([a-z])$/.exec(code); // Reuters writes share classes in lower case
  if (shareClass) code = `${shareClass[1]}${exchange === 'US' ? '.' : '-'}${shareClass[2]!.toUpperCase()}`;
  if (exchange === 'HK' && /^\d{1,5}$/.test(code)) code = code.padStart(5, '0');
  return `${exchange}:${code}`;
}

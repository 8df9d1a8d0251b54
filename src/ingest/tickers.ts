import { ricToTicker } from '../lexicons/entities/tickers.ts';

/** A listing written in the text the way wires do: ( AAPL.O ), (1810.HK), ( 005930.KS ). */
export interface InlineTicker {
  start: number;
  end: number;
  /** the code as written, e.g. AAPL.O */
  ric: string;
  /** the listing as EXCHANGE:CODE, e.g. US:AAPL */
  ticker: string;
}

const RIC_IN_PARENS = /[（(]\s*([A-Za-z0-9]{1,6}\.[A-Z]{1,2})\s*[)）]/g;

/** Reuters instrument codes in parentheses, converted to tickers; unknown exchanges are skipped. */
export function inlineTickers(text: string): InlineTicker[] {
  const found: InlineTicker[] = [];
  for (const m of text.matchAll(RIC_IN_PARENS)) {
    const ticker = ricToTicker(m[1]!);
    if (!ticker) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({ start, end: start + m[1]!.length, ric: m[1]!, ticker });
  }
  return found;
}

/** Public shapes of the quantity and time recognizers. */

export type QuantityKind = 'number' | 'percent' | 'currency' | 'ordinal' | 'range';
export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';

/** A number found in text, with what it measures. */
export interface Quantity {
  /** input.slice(start, end), always */
  text: string;
  /** half-open UTF-16 offsets into the input */
  start: number;
  end: number;
  /** currency / percent / ordinal by what is measured; 'range' when two numbers are written (10%-15%, 两三个) */
  kind: QuantityKind;
  /** the resolved value (the lower bound of a range); percentages as 23.5, not 0.235 */
  value: number;
  /** upper bound when qualifier is 'range', else null */
  valueMax: number | null;
  qualifier: Qualifier;
  /** ISO 4217 code, '%', 'pp', 'rank', 'units', the counted noun (家, 人, 款), or null */
  unit: string | null;
  /** `value` as an exact decimal string, when the decimal terminates */
  exact?: string;
}

/** How literally to read numbers. */
export type QuantityMode = 'business' | 'numerals';

export interface RecognizeOptions {
  /**
   * 'business' (default) leaves out numbers that are times (2021年, 2月8日, 5年),
   * years, stock codes, phone numbers and dotted dates; 'numerals' returns every
   * numeral as a number, as numeral-extraction benchmarks expect.
   */
  mode?: QuantityMode;
}

/** A time expression found in text. */
export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  kind: 'year' | 'quarter' | 'month' | 'half' | 'horizon';
  /** '2021', '2021-Q4', '2022-01', '2022-H1'; a span of quarters as '2021-Q1/2021-Q3'; null when unresolved */
  period: string | null;
  /** for spans of years (三年内, 未来三年, 5年): the number of years, else null */
  horizonYears: number | null;
}

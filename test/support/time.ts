/**
 * Time oracles shared by the tests: instants and UTC days computed with the built-in
 * `Date.parse`, `Date.UTC` and `Date#toISOString`, never with src, so a test can check src
 * against them.
 */

/** 24 h in ms, written out here so the oracle does not import src. */
export const DAY = 86_400_000;
/**
 * Oracle: epoch ms of an ISO instant with `Z` or an offset, by `Date.parse`. A string it can't
 * read is a mistake in the test, so it throws rather than give `NaN`.
 */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad oracle ${iso}`);
  return ms;
};

/**
 * Oracle: the UTC day number (days since 1970-01-01) of `YYYY-MM-DD`, by `Date.UTC`.
 *
 * @example
 * ```ts
 * dayNumber('2024-01-15'); // 19737
 * ```
 */
export function dayNumber(text: string): number {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

/** Oracle: `YYYY-MM-DD` of a UTC day number, by `Date#toISOString` (years 0–9999). */
export function dayText(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Oracle: the last day of a month (1–12), as day 0 of the next month. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

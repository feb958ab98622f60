/**
 * Deadlines as text without time-zone data: UTC spelled out, and relative "closes in 2 d 3 h".
 * Pure integer arithmetic on epoch ms; no clock (T4) — `from` is always given.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { civilFromDay, dayOf, DAY_MS, HOUR_MS } from '../time/day.js';
import { toInstant, type InstantInput } from '../time/instant.js';

const MINUTE_MS = 60_000;

/** What a relative deadline is about: a window that closes or one that opens. */
export type RelativeVerb = 'closes' | 'opens';

const PAST: Readonly<Record<RelativeVerb, string>> = { closes: 'closed', opens: 'opened' };

/**
 * T1/T5: an instant in UTC, `YYYY-MM-DD HH:mm:ss UTC` (milliseconds shown only when not zero).
 *
 * @example
 * ```ts
 * formatUtc(Date.UTC(2024, 2, 17, 14, 2, 45)); // '2024-03-17 14:02:45 UTC'
 * formatUtc('2024-03-17T15:02:45.5+01:00');   // '2024-03-17 14:02:45.500 UTC'
 * ```
 */
export function formatUtc(instant: InstantInput): string {
  const ms = toInstant(instant, 'instant');
  const day = dayOf(ms);
  const { year, month, day: dom } = civilFromDay(day);
  const rest = ms - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  const m = Math.floor((rest % HOUR_MS) / MINUTE_MS);
  const s = Math.floor((rest % MINUTE_MS) / 1000);
  const frac = rest % 1000;
  // Stryker disable next-line ConditionalExpression,StringLiteral,UnaryOperator: toInstant only accepts the years 2000–9999 (T1), so `year < 0` is never true.
  const yyyy = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${yyyy}-${pad(month, 2)}-${pad(dom, 2)} ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${frac === 0 ? '' : `.${pad(frac, 3)}`} UTC`;
}

/**
 * A length of time in the two largest units of d / h / min, truncated (never more than it is):
 * `2 d 3 h`, `5 h 12 min`, `3 d`, `< 1 min`. Negative lengths are measured by their size.
 *
 * @example
 * ```ts
 * formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000); // '2 d 3 h'
 * formatDuration(59_999); // '< 1 min'
 * ```
 */
export function formatDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CspRulesError(
      'INVALID_QUANTITY',
      'ms',
      `expected a finite number of milliseconds, got ${describe(ms)}`,
      ms,
    );
  }
  const size = Math.abs(Math.trunc(ms));
  if (size < MINUTE_MS) return '< 1 min';
  const parts: [number, string][] = [
    [Math.floor(size / DAY_MS), 'd'],
    [Math.floor((size % DAY_MS) / HOUR_MS), 'h'],
    [Math.floor((size % HOUR_MS) / MINUTE_MS), 'min'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

/**
 * T5: "closes in 2 d 3 h" from `from` (usually `now`) to `to` (a deadline), or "closed 4 h ago"
 * once `to` is reached — `to` is an exclusive end (C12), so at `to` itself the window is closed.
 * With `verb: 'opens'`: "opens in 1 d", "opened 2 h ago". Durations are truncated.
 *
 * @example
 * ```ts
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-14T15:30:00Z'); // 'closes in 2 d 3 h'
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-12T08:00:00Z'); // 'closed 4 h ago'
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-13T12:00:00Z', 'opens'); // 'opens in 1 d'
 * ```
 */
export function formatRelative(from: InstantInput, to: InstantInput, verb: RelativeVerb = 'closes'): string {
  const a = toInstant(from, 'from');
  const b = toInstant(to, 'to');
  if (verb !== 'closes' && verb !== 'opens') {
    throw new CspRulesError('INVALID_ENUM', 'verb', `expected closes or opens, got ${describe(verb)}`, verb);
  }
  if (b > a) return `${verb} in ${formatDuration(b - a)}`;
  if (b === a) return `${PAST[verb]} just now`;
  return `${PAST[verb]} ${formatDuration(a - b)} ago`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

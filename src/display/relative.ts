/**
 * Deadlines as text without time-zone data: UTC spelled out, and relative "closes in 2 d 3 h" (or,
 * given a locale, Intl's "in 2 days" / "in 2 Tagen"). Integer arithmetic on epoch ms; no clock
 * (T4) — `from` is always given.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { isRecord, own } from '../core/validate.js';
import { civilFromDay, dayOf, DAY_MS, HOUR_MS } from '../time/day.js';
import { toInstant, type InstantInput } from '../time/instant.js';
import { toLocaleList, type DisplayOptions, type LocaleList } from './locale.js';
import { remember } from './names.js';

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
 * Given a `locale`, the units are Intl's short units in that language, listed as it lists units
 * (`2 days, 3 hr` in `en`, `2 Tg., 3 Std.` in `de`).
 *
 * @param ms - a length of time in milliseconds
 * @param options - `locale`: a BCP 47 tag; without it, the compact `2 d 3 h` above
 *
 * @example
 * ```ts
 * formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000); // '2 d 3 h'
 * formatDuration(59_999); // '< 1 min'
 * formatDuration(2 * 86_400_000 + 3 * 3_600_000, { locale: 'en' }); // '2 days, 3 hr'
 * ```
 */
export function formatDuration(ms: number, options?: DisplayOptions): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CspRulesError(
      'INVALID_QUANTITY',
      'ms',
      `expected a finite number of milliseconds, got ${describe(ms)}`,
      ms,
    );
  }
  const words = localeOf(options);
  const size = Math.abs(Math.trunc(ms));
  if (size < MINUTE_MS) return `< ${words === undefined ? '1 min' : words.unit('minute', 1)}`;
  const parts: [number, Unit][] = [
    [Math.floor(size / DAY_MS), 'day'],
    [Math.floor((size % DAY_MS) / HOUR_MS), 'hour'],
    [Math.floor((size % HOUR_MS) / MINUTE_MS), 'minute'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = parts.slice(first, first + 2).filter(([n]) => n > 0);
  if (words === undefined) return shown.map(([n, unit]) => `${n} ${SHORT[unit]}`).join(' ');
  return words.list(shown.map(([n, unit]) => words.unit(unit, n)));
}

/** The units of a duration, largest first. */
type Unit = 'day' | 'hour' | 'minute';

const SHORT: Readonly<Record<Unit, string>> = { day: 'd', hour: 'h', minute: 'min' };

/** The Intl words of one locale: units, lists of units, relative phrases. */
interface Words {
  /** `n` of `unit`, short: `2 days`, `3 hr`. */
  readonly unit: (unit: Unit, n: number) => string;
  /** Units listed: `2 days, 3 hr`. */
  readonly list: (items: string[]) => string;
  /** Intl.RelativeTimeFormat, always numeric (`in 1 day`, never `tomorrow`). */
  readonly relative: Intl.RelativeTimeFormat;
  /** `now` in the locale (Intl's phrase for 0 seconds, numeric: 'auto'). */
  readonly now: string;
}

const wordsByLocale = new Map<string, Words>();

/** The words of `options.locale`, or `undefined` when no locale is given (the compact English text). */
function localeOf(options: DisplayOptions | undefined): Words | undefined {
  const locales = toLocaleList(options);
  // toLocaleList accepted `options`: undefined, or an object whose own `locale` is a tag or absent.
  return isRecord(options) && own(options, 'locale') !== undefined ? wordsOf(locales) : undefined;
}

/** The Intl formatters of `locales`, made once. */
function wordsOf(locales: LocaleList): Words {
  const key = locales.join(',');
  const known = wordsByLocale.get(key);
  if (known !== undefined) return known;
  const list = [...locales];
  const units = new Map<Unit, Intl.NumberFormat>();
  const listFormat = new Intl.ListFormat(list, { type: 'unit', style: 'short' });
  return remember(wordsByLocale, key, {
    unit: (unit, n) => {
      const format = units.get(unit) ?? new Intl.NumberFormat(list, { style: 'unit', unit, unitDisplay: 'short' });
      if (!units.has(unit)) units.set(unit, format);
      return format.format(n);
    },
    list: (items) => listFormat.format(items),
    relative: new Intl.RelativeTimeFormat(list, { numeric: 'always', style: 'long' }),
    now: new Intl.RelativeTimeFormat(list, { numeric: 'auto' }).format(0, 'second'),
  });
}

/**
 * T5: "closes in 2 d 3 h" from `from` (usually `now`) to `to` (a deadline), or "closed 4 h ago"
 * once `to` is reached — `to` is an exclusive end (C12), so at `to` itself the window is closed.
 * With `verb: 'opens'`: "opens in 1 d", "opened 2 h ago". Durations are truncated.
 *
 * Given a `locale`, the text is `Intl.RelativeTimeFormat`'s phrase in that language, in the
 * largest whole unit of days, hours, minutes or seconds, truncated: `in 5 days` (for 5 d 2 h),
 * `vor 4 Stunden`, and Intl's `now` at `to` itself. It has no verb — Intl has no words for
 * "closes" — so it is for a sentence that says what closes (`describe` of the messages entry).
 *
 * @param from - the instant the text is said at (usually `now`)
 * @param to - the deadline or opening
 * @param verb - `closes` (default) or `opens`: the English verb of the text without a locale
 * @param options - `locale`: a BCP 47 tag for Intl's relative phrase
 *
 * @example
 * ```ts
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-14T15:30:00Z'); // 'closes in 2 d 3 h'
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-12T08:00:00Z'); // 'closed 4 h ago'
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-13T12:00:00Z', 'opens'); // 'opens in 1 d'
 * formatRelative('2024-03-12T12:00:00Z', '2024-03-14T15:30:00Z', 'closes', { locale: 'de' }); // 'in 2 Tagen'
 * ```
 */
export function formatRelative(
  from: InstantInput,
  to: InstantInput,
  verb: RelativeVerb | undefined = 'closes',
  options?: DisplayOptions,
): string {
  const a = toInstant(from, 'from');
  const b = toInstant(to, 'to');
  if (verb !== 'closes' && verb !== 'opens') {
    throw new CspRulesError('INVALID_ENUM', 'verb', `expected closes or opens, got ${describe(verb)}`, verb);
  }
  const words = localeOf(options);
  if (words !== undefined) return relativePhrase(words, b - a);
  if (b > a) return `${verb} in ${formatDuration(b - a)}`;
  if (b === a) return `${PAST[verb]} just now`;
  return `${PAST[verb]} ${formatDuration(a - b)} ago`;
}

/** Intl's phrase for `ms` from now, in the largest whole unit, truncated; `now` at 0. */
function relativePhrase(words: Words, ms: number): string {
  if (ms === 0) return words.now;
  const size = Math.abs(ms);
  const [n, unit]: [number, Intl.RelativeTimeFormatUnit] =
    size >= DAY_MS
      ? [Math.floor(size / DAY_MS), 'day']
      : size >= HOUR_MS
        ? [Math.floor(size / HOUR_MS), 'hour']
        : size >= MINUTE_MS
          ? [Math.floor(size / MINUTE_MS), 'minute']
          : [Math.floor(size / 1000), 'second'];
  // -0 keeps the past form: "0 seconds ago".
  return words.relative.format(ms > 0 ? n : -n, unit);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * T5 formatUtc and formatDuration, C12 formatRelative ("closes in 2 d 3 h"): the edges of the instants
 * T1 accepts (2000-01-01 to the end of 9999), and every field of each thrown CspRulesError (code, field, message, received).
 * Expected texts are written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { formatDuration, formatRelative, formatUtc } from '../../src/display/relative.js';
import { caught } from '../support/caught.js';

const D = 86_400_000;
const H = 3_600_000;
const MIN = 60_000;

const errorOf = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('T5 formatUtc', () => {
  it.each([
    [Date.UTC(2024, 2, 17, 14, 2, 45), '2024-03-17 14:02:45 UTC'],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), '2024-02-29 23:59:59.999 UTC'],
    [Date.UTC(2000, 0, 1), '2000-01-01 00:00:00 UTC'],
    ['2024-03-17T15:02:45.5+01:00', '2024-03-17 14:02:45.500 UTC'],
  ])('%s → %s', (instant, text) => {
    expect(formatUtc(instant)).toBe(text);
  });
  it('property: agrees with Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2200, 0, 1) }), (n) => {
        const iso = new Date(n).toISOString();
        const expected = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${n % 1000 === 0 ? '' : iso.slice(19, 23)} UTC`;
        return formatUtc(n) === expected;
      }),
    );
  });

  // T1: the display functions read instants with the same rule as the decisions.
  it.each([
    [0, '0 is before 2000-01-01 (UTC): no CSP subscription is that old'],
    [-1, '-1 is before 2000-01-01 (UTC): no CSP subscription is that old'],
    ['0000-01-01T00:00:00Z', '"0000-01-01T00:00:00Z" is before 2000-01-01 (UTC): no CSP subscription is that old'],
    [
      '1999-12-31T23:59:59.999Z',
      '"1999-12-31T23:59:59.999Z" is before 2000-01-01 (UTC): no CSP subscription is that old',
    ],
  ])('T1 T5: %s → INSTANT_OUT_OF_RANGE on instant', (instant, message) => {
    expect(errorOf(() => formatUtc(instant))).toEqual([
      'INSTANT_OUT_OF_RANGE',
      'instant',
      `instant: ${message}`,
      instant,
    ]);
  });

  it('T5: the last millisecond of year 9999', () => {
    expect(formatUtc('9999-12-31T23:59:59.999Z')).toBe('9999-12-31 23:59:59.999 UTC');
  });

  it('T1: a bad instant names the field "instant"', () => {
    expect(errorOf(() => formatUtc('2024-03-17T14:02:45'))[1]).toBe('instant');
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['5', '"5"'],
  ])('T5: %s → INVALID_QUANTITY on ms, with the value in the message', (ms, shown) => {
    expect(errorOf(() => formatDuration(ms as number))).toEqual([
      'INVALID_QUANTITY',
      'ms',
      `ms: expected a finite number of milliseconds, got ${shown}`,
      ms,
    ]);
  });

  it('T5: the boundary of "< 1 min": 59 999 ms and 60 000 ms', () => {
    expect([formatDuration(59_999), formatDuration(60_000), formatDuration(-60_000)]).toEqual([
      '< 1 min',
      '1 min',
      '1 min',
    ]);
  });
});

describe('C12 formatRelative: "closes in 2 d 3 h" from now to an exclusive deadline', () => {
  const now = Date.UTC(2024, 2, 12, 12);
  it.each([
    [now + 2 * D + 3 * H, 'closes in 2 d 3 h'],
    [now + 2 * D + 3 * H + 59 * MIN + 59_999, 'closes in 2 d 3 h'], // truncated, never overstated
    [now + 2 * D + 5 * MIN, 'closes in 2 d'],
    [now + 5 * H + 12 * MIN, 'closes in 5 h 12 min'],
    [now + MIN, 'closes in 1 min'],
    [now + MIN - 1, 'closes in < 1 min'],
    [now + 1, 'closes in < 1 min'],
    [now, 'closed just now'], // the exclusive end itself is outside the window
    [now - 1, 'closed < 1 min ago'],
    [now - 4 * H, 'closed 4 h ago'],
    [now - 308 * D - 12 * H, 'closed 308 d 12 h ago'],
  ])('deadline %s → %s', (deadline, text) => {
    expect(formatRelative(now, deadline)).toBe(text);
  });
  it('opens', () => {
    expect(formatRelative(now, now + D, 'opens')).toBe('opens in 1 d');
    expect(formatRelative(now + D, now, 'opens')).toBe('opened 1 d ago');
    expect(() => formatRelative(now, now + D, 'ends' as never)).toThrow(CspRulesError);
  });
  it('reads no clock: the same arguments give the same text', () => {
    expect(formatRelative('2024-03-12T12:00:00Z', '2024-03-14T15:30:00Z')).toBe('closes in 2 d 3 h');
    expect(formatRelative('2024-03-12T13:00:00+01:00', '2024-03-14T15:30:00Z')).toBe('closes in 2 d 3 h');
  });
  it('property: the text never claims more time than is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 * D }), (left) => {
        const m = /^closes in (?:(\d+) d)? ?(?:(\d+) h)? ?(?:(\d+) min)?$/.exec(formatRelative(now, now + left));
        if (m === null) return formatRelative(now, now + left) === 'closes in < 1 min' && left < MIN;
        const shown = Number(m[1] ?? 0) * D + Number(m[2] ?? 0) * H + Number(m[3] ?? 0) * MIN;
        return shown <= left && shown > 0;
      }),
    );
  });
  it('formatDuration rejects non-numbers', () => {
    expect(formatDuration(-3 * H)).toBe('3 h');
    expect(() => formatDuration(Number.NaN)).toThrow(CspRulesError);
  });

  it('T1: bad instants name "from" and "to"', () => {
    expect(errorOf(() => formatRelative('2024-03-12T12:00:00', now))[1]).toBe('from');
    expect(errorOf(() => formatRelative(now, '2024-03-12T12:00:00'))[1]).toBe('to');
    // T1: an instant before 2000 (here epoch 0) is out of range, whichever side it is on.
    expect(errorOf(() => formatRelative(0, now)).slice(0, 2)).toEqual(['INSTANT_OUT_OF_RANGE', 'from']);
    expect(errorOf(() => formatRelative(now, 0)).slice(0, 2)).toEqual(['INSTANT_OUT_OF_RANGE', 'to']);
  });

  it('T5: an unknown verb → INVALID_ENUM on verb', () => {
    expect(errorOf(() => formatRelative(now, now + 1, 'ends' as never))).toEqual([
      'INVALID_ENUM',
      'verb',
      'verb: expected closes or opens, got "ends"',
      'ends',
    ]);
  });

  it('C12: opens just now at the instant itself', () => {
    expect(formatRelative(now + 5, now + 5, 'opens')).toBe('opened just now');
  });
});

describe('C12 T5 formatRelative and formatDuration in a locale: Intl.RelativeTimeFormat, truncated', () => {
  const now = Date.UTC(2024, 2, 12, 12);
  it.each([
    ['en', now + 5 * D + 2 * H, 'in 5 days'], // 5 d 2 h: the largest whole unit, never rounded up
    ['en', now + D, 'in 1 day'], // numeric: never "tomorrow" (a calendar word in some zone)
    ['en', now + 23 * H + 59 * MIN, 'in 23 hours'],
    ['en', now + 59 * MIN + 59_999, 'in 59 minutes'],
    ['en', now + 59_999, 'in 59 seconds'],
    ['en', now + 999, 'in 0 seconds'],
    ['en', now, 'now'], // at the exclusive deadline itself
    ['en', now - 1, '0 seconds ago'],
    ['en', now - 4 * H, '4 hours ago'],
    ['en-GB', now - 308 * D - 12 * H, '308 days ago'],
    ['de', now + 5 * D + 2 * H, 'in 5 Tagen'],
    ['de', now - 4 * H, 'vor 4 Stunden'],
    ['de', now, 'jetzt'],
    ['fr', now + D, 'dans 1 jour'],
    ['pt-BR', now + 2 * H, 'em 2 horas'],
    ['zz', now + D, 'in 1 day'], // no data for zz: en-US, not the host's locale
  ])('%s: deadline %s → %s', (locale, deadline, text) => {
    expect(formatRelative(now, deadline, 'closes', { locale })).toBe(text);
    // The verb is English wording only: with a locale the phrase is the same for an opening.
    expect(formatRelative(now, deadline, 'opens', { locale })).toBe(text);
  });

  it('without a locale (none, {} or locale undefined) the English text is unchanged', () => {
    for (const options of [undefined, {}, { locale: undefined }]) {
      expect(formatRelative(now, now + 5 * D + 2 * H, 'closes', options)).toBe('closes in 5 d 2 h');
      expect(formatRelative(now, now + 5 * D + 2 * H, undefined, options)).toBe('closes in 5 d 2 h');
      expect(formatDuration(2 * D + 3 * H, options)).toBe('2 d 3 h');
    }
  });

  it.each([
    ['en', 2 * D + 3 * H + 59 * MIN, '2 days, 3 hr'],
    ['en-GB', 5 * H + 12 * MIN, '5 hrs, 12 mins'],
    ['de', 2 * D + 3 * H, '2 Tg., 3 Std.'],
    ['en', 3 * D, '3 days'],
    ['en', 59_999, '< 1 min'],
    ['de', 59_999, '< 1 Min.'],
  ])('T5 formatDuration in %s: %s ms → %s', (locale, ms, text) => {
    expect(formatDuration(ms, { locale })).toBe(text);
  });

  it('T5 a bad locale or options → CspRulesError on locale / options', () => {
    expect(errorOf(() => formatRelative(now, now + D, 'closes', { locale: 'en_US' })).slice(0, 2)).toEqual([
      'INVALID_ENUM',
      'locale',
    ]);
    expect(errorOf(() => formatRelative(now, now + D, 'closes', 'de' as never)).slice(0, 2)).toEqual([
      'INVALID_TYPE',
      'options',
    ]);
    expect(errorOf(() => formatDuration(D, { locale: 7 as never })).slice(0, 2)).toEqual(['INVALID_TYPE', 'locale']);
  });

  it('property: the phrase never claims more time than is left (en)', () => {
    const UNIT: Record<string, number> = { second: 1000, minute: MIN, hour: H, day: D };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 * D }), (left) => {
        const m = /^in ([\d,]+) (second|minute|hour|day)s?$/.exec(
          formatRelative(now, now + left, 'closes', { locale: 'en' }),
        );
        return m !== null && Number((m[1] as string).replace(',', '')) * (UNIT[m[2] as string] as number) <= left;
      }),
    );
  });
});

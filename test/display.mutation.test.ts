/**
 * T5 display helpers (issue 7.5): the edges of the years 0000–9999, and every field of each thrown
 * CspRulesError (code, field, message, received). Expected texts are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatInZone,
  formatRelative,
  formatUtc,
  isTimeZone,
  ZONE_PATTERN,
} from '../src/display/index.js';
import { caught } from './support/caught.js';

const errorOf = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('T5 formatUtc at the ends of the supported years', () => {
  it('T5: the first instant of year 0000 has no minus sign', () => {
    expect(formatUtc('0000-01-01T00:00:00Z')).toBe('0000-01-01 00:00:00 UTC');
  });
  it('T5: the last millisecond of year 9999', () => {
    expect(formatUtc('9999-12-31T23:59:59.999Z')).toBe('9999-12-31 23:59:59.999 UTC');
  });
  it('T1: a bad instant names the field "instant"', () => {
    expect(errorOf(() => formatUtc('2024-03-17T14:02:45'))[1]).toBe('instant');
  });
});

describe('T5 formatDuration errors', () => {
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

describe('C12 formatRelative errors', () => {
  it('T1: bad instants name "from" and "to"', () => {
    expect(errorOf(() => formatRelative('2024-03-12T12:00:00', 0))[1]).toBe('from');
    expect(errorOf(() => formatRelative(0, '2024-03-12T12:00:00'))[1]).toBe('to');
  });
  it('T5: an unknown verb → INVALID_ENUM on verb', () => {
    expect(errorOf(() => formatRelative(0, 1, 'ends' as never))).toEqual([
      'INVALID_ENUM',
      'verb',
      'verb: expected closes or opens, got "ends"',
      'ends',
    ]);
  });
  it('C12: opens just now at the instant itself', () => {
    expect(formatRelative(5, 5, 'opens')).toBe('opened just now');
  });
});

describe('T5 isTimeZone and formatInZone errors', () => {
  it.each([undefined, null, 42, '', 'Europe/Berln'])('T5: isTimeZone(%j) is false', (zone) => {
    // undefined would make Intl use the host zone: it must be refused before that.
    expect(isTimeZone(zone)).toBe(false);
  });
  it('T5: isTimeZone of known zones is true', () => {
    expect([isTimeZone('UTC'), isTimeZone('Europe/Berlin')]).toEqual([true, true]);
  });
  it('T5: an unknown zone → INVALID_ENUM on timeZone with the message', () => {
    expect(errorOf(() => formatInZone(0, 'Europe/Berln'))).toEqual([
      'INVALID_ENUM',
      'timeZone',
      'timeZone: expected an IANA time zone name such as Europe/Berlin, got "Europe/Berln"',
      'Europe/Berln',
    ]);
  });
  it('T5: no zone at all is refused, never read as the host zone', () => {
    expect(errorOf(() => formatInZone(0, undefined as never))).toEqual([
      'INVALID_ENUM',
      'timeZone',
      'timeZone: expected an IANA time zone name such as Europe/Berlin, got undefined',
      undefined,
    ]);
  });
  it('T5: a pattern that is not a string → INVALID_TYPE on pattern', () => {
    expect(errorOf(() => formatInZone(0, 'UTC', 42 as never))).toEqual([
      'INVALID_TYPE',
      'pattern',
      'pattern: expected a date-fns pattern string, got 42',
      42,
    ]);
  });
  it('T5: the default pattern, given or left out, gives the same text', () => {
    // 0 ms is 1970-01-01T00:00:00Z; in Tokyo (+09:00) it is 09:00.
    expect(ZONE_PATTERN).toBe('yyyy-MM-dd HH:mm:ss xxx');
    expect(formatInZone(0, 'Asia/Tokyo', undefined)).toBe('1970-01-01 09:00:00 +09:00');
  });
  it('T1: a bad instant names the field "instant", checked before the zone', () => {
    expect(errorOf(() => formatInZone('2024-03-17T14:02:45', 'Nowhere/Zone'))[1]).toBe('instant');
  });
});

/**
 * T5 a deadline as wall-clock time in an IANA zone (formatInZone, isTimeZone); every field of each
 * thrown CspRulesError (code, field, message, received). Expected texts are written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { formatInZone, isTimeZone, ZONE_PATTERN } from '../../src/display/zone.js';
import { caught } from '../support/caught.js';

/** 2024-01-15T00:00:00Z (09:00 in Tokyo, +09:00). */
const JAN15 = Date.UTC(2024, 0, 15);

const errorOf = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('T5 formatInZone: a deadline as wall-clock time in an IANA zone', () => {
  it.each([
    ['2024-03-17T14:02:45Z', 'Europe/Berlin', '2024-03-17 15:02:45 +01:00'],
    // DST starts in Berlin at 2024-03-31 01:00Z: the last CET second and the first CEST second.
    ['2024-03-31T00:59:59Z', 'Europe/Berlin', '2024-03-31 01:59:59 +01:00'],
    ['2024-03-31T01:00:00Z', 'Europe/Berlin', '2024-03-31 03:00:00 +02:00'],
    // Up to 24 h apart from UTC (002 note): the same instant on two different calendar days.
    ['2024-02-29T12:00:00Z', 'Pacific/Kiritimati', '2024-03-01 02:00:00 +14:00'],
    ['2024-02-29T11:59:59Z', 'Etc/GMT+12', '2024-02-28 23:59:59 -12:00'],
    ['2024-12-31T23:30:00Z', 'Asia/Kolkata', '2025-01-01 05:00:00 +05:30'],
    ['2024-01-15T09:30:12Z', 'UTC', '2024-01-15 09:30:12 +00:00'],
  ])('%s in %s → %s', (instant, zone, text) => {
    expect(formatInZone(instant, zone)).toBe(text);
  });
  it('takes epoch ms, Dates and a date-fns pattern', () => {
    expect(formatInZone(Date.UTC(2024, 2, 17, 14, 2, 45), 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe(
      '2024-03-17 10:02',
    );
    expect(formatInZone(new Date(JAN15), 'Asia/Tokyo', 'HH:mm xxx')).toBe('09:00 +09:00');
  });
  it('an unknown zone → CspRulesError INVALID_ENUM timeZone', () => {
    for (const zone of ['Europe/Berln', '', '+02:00', 'Mars/Olympus']) {
      const run = () => formatInZone(JAN15, zone);
      expect(run).toThrow(CspRulesError);
      try {
        run();
      } catch (e) {
        expect([(e as CspRulesError).code, (e as CspRulesError).field]).toEqual(['INVALID_ENUM', 'timeZone']);
      }
    }
    expect(isTimeZone(42)).toBe(false);
  });
  it('T1: an instant without offset is rejected, never read as host time', () => {
    expect(() => formatInZone('2024-03-17T14:02:45', 'Europe/Berlin')).toThrow(/AMBIGUOUS|offset/);
  });
  it('property: the zoned text names the same instant (its offset undoes the shift)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }).map((n) => n - (n % 1000)),
        fc.constantFrom(
          'Europe/Berlin',
          'America/Los_Angeles',
          'Pacific/Kiritimati',
          'Etc/GMT+12',
          'Australia/Lord_Howe',
          'UTC',
        ),
        (instant, zone) => {
          const text = formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssxxx");
          return Date.parse(text) === instant;
        },
      ),
    );
  });

  it.each([undefined, null, 42, '', 'Europe/Berln'])('T5: isTimeZone(%j) is false', (zone) => {
    // undefined would make Intl use the host zone: it must be refused before that.
    expect(isTimeZone(zone)).toBe(false);
  });

  it('T5: isTimeZone of known zones is true', () => {
    expect([isTimeZone('UTC'), isTimeZone('Europe/Berlin')]).toEqual([true, true]);
  });

  it('T5: an unknown zone → INVALID_ENUM on timeZone with the message', () => {
    expect(errorOf(() => formatInZone(JAN15, 'Europe/Berln'))).toEqual([
      'INVALID_ENUM',
      'timeZone',
      'timeZone: expected an IANA time zone name such as Europe/Berlin, got "Europe/Berln"',
      'Europe/Berln',
    ]);
  });

  it('T5: no zone at all is refused, never read as the host zone', () => {
    expect(errorOf(() => formatInZone(JAN15, undefined as never))).toEqual([
      'INVALID_ENUM',
      'timeZone',
      'timeZone: expected an IANA time zone name such as Europe/Berlin, got undefined',
      undefined,
    ]);
  });

  it('T5: a pattern that is not a string → INVALID_TYPE on pattern', () => {
    expect(errorOf(() => formatInZone(JAN15, 'UTC', 42 as never))).toEqual([
      'INVALID_TYPE',
      'pattern',
      'pattern: expected a date-fns pattern string, got 42',
      42,
    ]);
  });

  it('T5: the default pattern, given or left out, gives the same text', () => {
    // 2024-01-15T00:00:00Z in Tokyo (+09:00) is 09:00 the same day.
    expect(ZONE_PATTERN).toBe('yyyy-MM-dd HH:mm:ss xxx');
    expect(formatInZone(JAN15, 'Asia/Tokyo', undefined)).toBe('2024-01-15 09:00:00 +09:00');
    expect(formatInZone(JAN15, 'Asia/Tokyo')).toBe('2024-01-15 09:00:00 +09:00');
  });

  it('T1: a bad instant names the field "instant", checked before the zone', () => {
    expect(errorOf(() => formatInZone('2024-03-17T14:02:45', 'Nowhere/Zone'))[1]).toBe('instant');
  });

  it('T1 T5: an instant before 2000-01-01 (epoch 0) → INSTANT_OUT_OF_RANGE on instant, before the zone', () => {
    expect(errorOf(() => formatInZone(0, 'Nowhere/Zone'))).toEqual([
      'INSTANT_OUT_OF_RANGE',
      'instant',
      'instant: 0 is before 2000-01-01 (UTC): no CSP subscription is that old',
      0,
    ]);
    expect(errorOf(() => formatInZone(new Date(0), 'Asia/Tokyo')).slice(0, 2)).toEqual([
      'INSTANT_OUT_OF_RANGE',
      'instant',
    ]);
  });
});

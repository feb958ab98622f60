/**
 * T5 a deadline as wall-clock time in an IANA zone (formatInZone, isTimeZone); every field of each
 * thrown CspRulesError (code, field, message, received). Expected texts are written out by hand.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
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
  it('takes epoch ms, Dates and a pattern', () => {
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
      'pattern: expected a pattern string, got 42',
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

/** Hosts whose zone broke date-fns-tz (issue 16, item 7), and the zones of the TZ matrix. */
const HOST_ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Pago_Pago',
  'UTC',
];

const M = 60_000;
const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

/**
 * Each target zone's offset from UTC in minutes at an instant of 2024, from its 2024 rules worked
 * out by hand (tzdata): [from this instant on, offset].
 * - EU: last Sunday of March and of October at 01:00Z.
 * - US / Canada: second Sunday of March at 02:00 standard time, first Sunday of November at 02:00 daylight time.
 * - New South Wales: first Sunday of April at 03:00 daylight time, first Sunday of October at 02:00 standard time;
 *   Lord Howe at 02:00 local both ways, shifting by 30 minutes; Chatham at 03:45 / 02:45 local.
 * - Brazil has had no DST since 2019; Japan, India and Kiribati none.
 */
const RULES_2024: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  UTC: [[0, 0]],
  'Asia/Tokyo': [[0, 9 * 60]],
  'Asia/Kolkata': [[0, 5 * 60 + 30]],
  'Pacific/Kiritimati': [[0, 14 * 60]],
  'America/Sao_Paulo': [[0, -3 * 60]],
  'Europe/Berlin': [
    [0, 60],
    [at('2024-03-31T01:00:00Z'), 120],
    [at('2024-10-27T01:00:00Z'), 60],
  ],
  'America/New_York': [
    [0, -5 * 60],
    [at('2024-03-10T07:00:00Z'), -4 * 60],
    [at('2024-11-03T06:00:00Z'), -5 * 60],
  ],
  'America/St_Johns': [
    [0, -(3 * 60 + 30)],
    [at('2024-03-10T05:30:00Z'), -(2 * 60 + 30)],
    [at('2024-11-03T04:30:00Z'), -(3 * 60 + 30)],
  ],
  'Australia/Sydney': [
    [0, 11 * 60],
    [at('2024-04-06T16:00:00Z'), 10 * 60],
    [at('2024-10-05T16:00:00Z'), 11 * 60],
  ],
  'Australia/Lord_Howe': [
    [0, 11 * 60],
    [at('2024-04-06T15:00:00Z'), 10 * 60 + 30],
    [at('2024-10-05T15:30:00Z'), 11 * 60],
  ],
  'Pacific/Chatham': [
    [0, 13 * 60 + 45],
    [at('2024-04-06T14:00:00Z'), 12 * 60 + 45],
    [at('2024-09-28T14:00:00Z'), 13 * 60 + 45],
  ],
};
const TARGETS = Object.keys(RULES_2024);

function offsetAt(zone: string, instant: number): number {
  let offset = 0;
  for (const [from, minutes] of RULES_2024[zone] ?? []) if (instant >= from) offset = minutes;
  return offset;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx EEE";

/** The expected text, from the offset table and Date's UTC fields only (no code under test). */
function expected(zone: string, instant: number): string {
  const offset = offsetAt(zone, instant);
  const wall = new Date(instant + offset * M);
  const size = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
  return `${wall.toISOString().slice(0, 23)}${sign}${hhmm} ${WEEKDAYS[wall.getUTCDay()]}`;
}

/** The instants of 2024 every 30 minutes (on the hour and at half past, where half-hour shifts fall). */
const YEAR_2024 = Array.from({ length: 366 * 48 }, (_, i) => Date.UTC(2024, 0, 1) + i * 30 * M);

function setTz(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

describe('T5 formatInZone is the same on every host (issue 16, item 7: the host zone leaked through date-fns-tz)', () => {
  const original = process.env.TZ;
  afterAll(() => setTz(original));

  it.each(HOST_ZONES)(
    'T4 T5 regression under host TZ=%s: Tokyo 02:30 and UTC 02:30 in the US spring-forward gap',
    (host) => {
      setTz(host);
      // 2024-03-09T17:30Z + 9 h = 2024-03-10 02:30 in Tokyo: inside New York's gap (02:00–03:00 local that day).
      expect(formatInZone('2024-03-09T17:30:00Z', 'Asia/Tokyo', 'HH:mm xxx')).toBe('02:30 +09:00');
      // 02:30 UTC on 2024-03-10: the same wall clock, in UTC.
      expect(formatInZone('2024-03-10T02:30:00Z', 'UTC', 'HH:mm')).toBe('02:30');
      // Berlin's own gap (2024-03-31 02:00–03:00 local) and its repeated hour (2024-10-27 02:00–03:00 local).
      expect(formatInZone('2024-03-31T00:30:00Z', 'UTC', 'yyyy-MM-dd HH:mm xxx')).toBe('2024-03-31 00:30 +00:00');
      expect(formatInZone('2024-03-31T02:30:00Z', 'UTC', 'yyyy-MM-dd HH:mm xxx')).toBe('2024-03-31 02:30 +00:00');
      expect(formatInZone('2024-10-27T00:30:00Z', 'Europe/Berlin', 'HH:mm xxx')).toBe('02:30 +02:00');
      expect(formatInZone('2024-10-27T01:30:00Z', 'Europe/Berlin', 'HH:mm xxx')).toBe('02:30 +01:00');
      // Sydney's gap (2024-10-06 02:00–03:00 local) seen from UTC, and Sao Paulo's midnight.
      expect(formatInZone('2024-10-06T02:30:00Z', 'UTC', 'HH:mm')).toBe('02:30');
      expect(formatInZone('2024-06-01T03:00:00Z', 'America/Sao_Paulo', 'yyyy-MM-dd HH:mm xxx')).toBe(
        '2024-06-01 00:00 -03:00',
      );
    },
  );

  it.each(HOST_ZONES)(
    'T4 T5 property under host TZ=%s: the days around every 2024 transition, every 30 min, in every target zone',
    (host) => {
      setTz(host);
      const transitions = Object.values(RULES_2024).flatMap((rules) => rules.slice(1).map(([from]) => from));
      const near = YEAR_2024.filter((t) => transitions.some((from) => Math.abs(t - from) <= 48 * H));
      for (const zone of TARGETS) for (const t of near) expect(formatInZone(t, zone, PATTERN)).toBe(expected(zone, t));
    },
  );

  it('T4 T5 property: every 30 minutes of 2024 × 11 target zones (this host; scripts/test-tz.mjs runs it under every host zone of the matrix)', () => {
    const wrong: string[] = [];
    for (const zone of TARGETS) {
      for (const t of YEAR_2024) {
        const text = formatInZone(t, zone, PATTERN);
        if (text !== expected(zone, t))
          wrong.push(`${new Date(t).toISOString()} ${zone}: ${text} ≠ ${expected(zone, t)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('T5 property: any millisecond from 2000 to 9999 reads back as the same instant in every target zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
        fc.constantFrom(...TARGETS, 'Etc/GMT+12', 'America/Los_Angeles', 'Pacific/Marquesas', 'Asia/Kathmandu'),
        (instant, zone) => {
          const text = formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
          // Years past 9999 in zones ahead of UTC are not ISO-parseable: the last day of 9999 is checked above.
          return text.startsWith('10000') || Date.parse(text) === instant;
        },
      ),
    );
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatInZone, formatRelative, formatUtc, isTimeZone } from '../src/display/index.js';
import { CspRulesError } from '../src/core/errors.js';

const D = 86_400_000;
const H = 3_600_000;
const MIN = 60_000;

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
    expect(formatInZone(new Date(0), 'Asia/Tokyo', 'HH:mm xxx')).toBe('09:00 +09:00');
  });
  it('an unknown zone → CspRulesError INVALID_ENUM timeZone', () => {
    for (const zone of ['Europe/Berln', '', '+02:00', 'Mars/Olympus']) {
      const run = () => formatInZone(0, zone);
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
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }).map((n) => n - (n % 1000)),
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
});

describe('T5 formatUtc', () => {
  it.each([
    [Date.UTC(2024, 2, 17, 14, 2, 45), '2024-03-17 14:02:45 UTC'],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), '2024-02-29 23:59:59.999 UTC'],
    [0, '1970-01-01 00:00:00 UTC'],
    [-1, '1969-12-31 23:59:59.999 UTC'],
    ['2024-03-17T15:02:45.5+01:00', '2024-03-17 14:02:45.500 UTC'],
  ])('%s → %s', (instant, text) => {
    expect(formatUtc(instant)).toBe(text);
  });
  it('property: agrees with Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (n) => {
        const iso = new Date(n).toISOString();
        const expected = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${n % 1000 === 0 ? '' : iso.slice(19, 23)} UTC`;
        return formatUtc(n) === expected;
      }),
    );
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
    expect(formatRelative(0, D, 'opens')).toBe('opens in 1 d');
    expect(formatRelative(D, 0, 'opens')).toBe('opened 1 d ago');
    expect(() => formatRelative(0, D, 'ends' as never)).toThrow(CspRulesError);
  });
  it('reads no clock: the same arguments give the same text', () => {
    expect(formatRelative('2024-03-12T12:00:00Z', '2024-03-14T15:30:00Z')).toBe('closes in 2 d 3 h');
    expect(formatRelative('2024-03-12T13:00:00+01:00', '2024-03-14T15:30:00Z')).toBe('closes in 2 d 3 h');
  });
  it('property: the text never claims more time than is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 * D }), (left) => {
        const m = /^closes in (?:(\d+) d)? ?(?:(\d+) h)? ?(?:(\d+) min)?$/.exec(formatRelative(0, left));
        if (m === null) return formatRelative(0, left) === 'closes in < 1 min' && left < MIN;
        const shown = Number(m[1] ?? 0) * D + Number(m[2] ?? 0) * H + Number(m[3] ?? 0) * MIN;
        return shown <= left && shown > 0;
      }),
    );
  });
  it('formatDuration rejects non-numbers', () => {
    expect(formatDuration(-3 * H)).toBe('3 h');
    expect(() => formatDuration(Number.NaN)).toThrow(CspRulesError);
  });
});

describe('T5 date-fns-tz stays in the display entry point', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  it('no file outside src/display imports date-fns-tz', () => {
    const offenders = files('src').filter(
      (f) => !f.startsWith(join('src', 'display')) && /from ['"]date-fns-tz/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  it('no other entry point imports from src/display', () => {
    const entries = [
      'src/index.ts',
      'src/lifecycle/index.ts',
      'src/explain/index.ts',
      'src/explain/explain.ts',
      'src/partner-center/index.ts',
    ];
    expect(entries.filter((f) => /from '[^']*display/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});

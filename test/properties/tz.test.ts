import { afterAll, describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { toSubscription } from '../../src/snapshot/subscription.js';
import { dayOf } from '../../src/time/day.js';
import { toInstant, toIso, toUtcDay } from '../../src/time/instant.js';
import { renewedTerm, termEndDay } from '../../src/time/term.js';
import { isWithin, windowOfHours } from '../../src/time/window.js';
import { dayNumber } from '../support/time.js';

// T4: the lead also runs the whole suite under other TZ values; this file switches TZ in-process.
const ORIGINAL_TZ = process.env.TZ;
const ZONES = [
  'UTC',
  'Pacific/Kiritimati', // +14:00
  'Etc/GMT+12', // −12:00
  'America/St_Johns', // −03:30 / −02:30 with DST
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Marquesas', // −09:30
  'Australia/Lord_Howe', // half-hour DST
  'America/New_York',
];

function setTz(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

afterAll(() => setTz(ORIGINAL_TZ));

const SUB = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-31T23:30:00-03:30', // 2024-02-01T03:00:00Z
} as const;

/** Everything T4 says must not move with the host zone, computed now. */
function results() {
  const purchase = toInstant(SUB.purchasedAt, 'purchasedAt');
  const sub = toSubscription(SUB);
  return {
    plainDate: toInstant('2024-02-29', 'now'),
    offset: toInstant('2024-03-10T02:30:00-05:00', 'now'), // inside the US DST gap if read locally
    date: toInstant(new Date(Date.UTC(2024, 10, 3, 6, 30)), 'now'),
    day: toUtcDay('2024-11-03T01:30:00-04:00', 'termEndDate'),
    iso: toIso(1_709_164_800_000),
    termEnd: termEndDay(dayNumber('2024-01-31'), 'P1M'),
    renewed: renewedTerm(dayNumber('2023-02-27'), 'P1M', 31),
    window: isWithin(windowOfHours(purchase, 168), purchase + 168 * 3_600_000 - 1),
    subStartDay: sub.termStartDay,
    subEndDay: sub.termEndDay,
    lastCancel: canCancel(SUB, { now: purchase + 168 * 3_600_000 - 1 }).allowed,
    firstRefused: canCancel(SUB, { now: purchase + 168 * 3_600_000 }).allowed,
    until: canCancel(SUB, { now: '2024-02-01T03:00:00Z' }),
  };
}

describe('T4 results are identical whatever process.env.TZ is', () => {
  it('T4 the zone switch takes effect (sanity check of the test itself)', () => {
    const jan = new Date(Date.UTC(2024, 0, 15));
    setTz('UTC');
    expect(jan.getTimezoneOffset()).toBe(0);
    setTz('Pacific/Kiritimati');
    expect(jan.getTimezoneOffset()).toBe(-840);
    setTz('America/St_Johns');
    expect(jan.getTimezoneOffset()).toBe(210);
    setTz(ORIGINAL_TZ);
  });

  it.each(ZONES)('T4 under TZ=%s: parses, days, terms, windows and decisions are the UTC ones', (zone) => {
    setTz(zone);
    const r = results();
    setTz(ORIGINAL_TZ);
    expect(r.plainDate).toBe(1_709_164_800_000); // 2024-02-29T00:00:00.000Z
    expect(r.offset).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(r.date).toBe(Date.UTC(2024, 10, 3, 6, 30));
    expect(r.day).toBe(dayNumber('2024-11-03'));
    expect(r.iso).toBe('2024-02-29T00:00:00.000Z');
    expect(r.termEnd).toBe(dayNumber('2024-02-28'));
    expect(r.renewed).toEqual({ startDay: dayNumber('2023-02-28'), endDay: dayNumber('2023-03-30') });
    expect(r.window).toBe(true);
    expect(r.subStartDay).toBe(dayNumber('2024-02-01')); // the UTC day, not the −03:30 local Jan 31
    expect(r.subEndDay).toBe(dayNumber('2025-01-31'));
    expect(r.lastCancel).toBe(true);
    expect(r.firstRefused).toBe(false);
    expect(r.until.allowed && r.until.until).toBe(Date.UTC(2024, 1, 8, 3)); // 2024-02-08T03:00:00Z
  });

  it('T4 a local wall-clock time is never guessed: offset-less input is rejected in every zone', () => {
    for (const zone of ZONES) {
      setTz(zone);
      let code: string | undefined;
      try {
        toInstant('2024-01-15T09:30:00', 'now');
      } catch (error) {
        code = (error as { code?: string }).code;
      }
      setTz(ORIGINAL_TZ);
      expect(code).toBe('AMBIGUOUS_INSTANT');
    }
  });

  it('T4 dayOf is the UTC day even where the local date differs (Kiritimati is already tomorrow)', () => {
    setTz('Pacific/Kiritimati');
    const t = Date.UTC(2024, 0, 15, 20); // 2024-01-16T10:00 local
    const day = dayOf(t);
    setTz(ORIGINAL_TZ);
    expect(day).toBe(dayNumber('2024-01-15'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIso } from '../../src/time/instant.js';
import { isWithin, windowOfHours } from '../../src/time/window.js';
import { instantArb } from '../support/arbitraries.js';

const H = 3_600_000; // one hour, written out (oracle)

describe('T3 half-open windows [start, start + N h)', () => {
  it('T3 "7 days" = 168 h from the exact instant: start and end−1 ms inside, end and start−1 ms outside', () => {
    const start = 1_705_311_012_345; // 2024-01-15T09:30:12.345Z
    const w = windowOfHours(start, 168);
    expect(w).toEqual({ start, end: 1_705_915_812_345 }); // 2024-01-22T09:30:12.345Z
    expect(isWithin(w, start - 1)).toBe(false);
    expect(isWithin(w, start)).toBe(true);
    expect(isWithin(w, 1_705_915_812_344)).toBe(true); // last allowed instant
    expect(isWithin(w, 1_705_915_812_345)).toBe(false); // first refused instant
  });

  it('T3 a 168 h window spanning a DST change in any zone is still exactly 7×24 h (no local-time drift)', () => {
    // US DST began 2024-03-10; the window end is the same UTC clock time 7 days later.
    const w = windowOfHours(Date.UTC(2024, 2, 9, 12), 168);
    expect(new Date(w.end).toISOString()).toBe('2024-03-16T12:00:00.000Z');
  });

  it('T3 72 h, 24 h, 30 d and 14 d windows end where hand arithmetic says', () => {
    const start = Date.UTC(2024, 1, 28, 23, 59, 59, 999); // 2024-02-28T23:59:59.999Z, leap February
    expect(new Date(windowOfHours(start, 24).end).toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(new Date(windowOfHours(start, 72).end).toISOString()).toBe('2024-03-02T23:59:59.999Z');
    expect(new Date(windowOfHours(start, 14 * 24).end).toISOString()).toBe('2024-03-13T23:59:59.999Z');
    expect(new Date(windowOfHours(start, 30 * 24).end).toISOString()).toBe('2024-03-29T23:59:59.999Z');
  });

  it('T3 a 0 h window is empty: it contains not even its start', () => {
    const w = windowOfHours(1000, 0);
    expect(isWithin(w, 999)).toBe(false);
    expect(isWithin(w, 1000)).toBe(false);
  });

  it('T3 property: allowed ⇔ now ∈ [start, start + N h), checked at start, end−1 ms, end and anywhere', () => {
    const hoursArb = fc.oneof(fc.constantFrom(24, 72, 168, 336, 720), fc.integer({ min: 1, max: 26_304 }));
    const caseArb = fc.tuple(instantArb, hoursArb).chain(([start, hours]) => {
      const end = start + hours * H;
      const nowArb = fc.oneof(
        fc.constantFrom(start - 1, start, start + 1, end - 1, end, end + 1),
        fc.integer({ min: start - 2 * hours * H, max: end + 2 * hours * H }),
      );
      return fc.tuple(fc.constant(start), fc.constant(hours), nowArb);
    });
    fc.assert(
      fc.property(caseArb, ([start, hours, now]) => {
        const w = windowOfHours(start, hours);
        expect(w.start).toBe(start);
        expect(isWithin(w, now)).toBe(start <= now && now < start + hours * H);
      }),
    );
  });

  it('T3 property: a window contains its start and not its end', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 26_304 }), (start, hours) => {
        const w = windowOfHours(start, hours);
        expect(isWithin(w, w.start)).toBe(true);
        expect(isWithin(w, w.end - 1)).toBe(true);
        expect(isWithin(w, w.end)).toBe(false);
        expect(isWithin(w, w.start - 1)).toBe(false);
      }),
    );
  });
});

describe('T1 toIso (public): integer epoch ms from 2000-01-01 to the end of 9999 only', () => {
  it("T1 writes the UTC spelling (the range is toInstant's)", () => {
    expect(toIso(946_684_800_000)).toBe('2000-01-01T00:00:00.000Z');
    expect(toIso(253_402_300_799_999)).toBe('9999-12-31T23:59:59.999Z');
  });
  it('T1 an integer outside the range is INSTANT_OUT_OF_RANGE `instant`: never a RangeError', () => {
    for (const bad of [0, -1, 946_684_799_999, 253_402_300_800_000, 8.64e15 + 1]) {
      expect(() => toIso(bad)).toThrow(
        expect.objectContaining({ name: 'CspRulesError', code: 'INSTANT_OUT_OF_RANGE', field: 'instant' }),
      );
    }
  });
  it('T1 anything else is INVALID_INSTANT `instant`: never a RangeError, never a parsed string', () => {
    for (const bad of [Number.NaN, 1.5, '2024-01-15T00:00:00Z', 10n, null, new Date(Date.UTC(2024, 0, 15))]) {
      expect(() => toIso(bad as number)).toThrow(
        expect.objectContaining({ name: 'CspRulesError', code: 'INVALID_INSTANT', field: 'instant' }),
      );
    }
  });
});

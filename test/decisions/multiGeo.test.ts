import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiGeoMinimum } from '../../src/decisions/multiGeo.js';

describe('A3 multi-geo add-on: at least 5 % of base seats, rounded up', () => {
  it.each([
    [400, 20],
    [401, 21],
    [20, 1],
    [19, 1],
    [1, 1],
    [0, 0],
    [9_007_199_254_740_991, 450_359_962_737_050], // ⌈(2^53 − 1) / 20⌉
  ])('%i base seats → %i', (seats, minimum) => {
    expect(multiGeoMinimum(seats)).toBe(minimum);
  });

  it('property: the minimum m is the least whole number with 20 m ≥ seats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (seats) => {
        const m = multiGeoMinimum(seats);
        expect(20 * m >= seats && 20 * (m - 1) < Math.max(seats, 1)).toBe(true);
      }),
    );
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '400'])(
    'rejects %s with INVALID_QUANTITY on baseSeats',
    (seats) => {
      expect(() => multiGeoMinimum(seats as number)).toThrow(
        expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'baseSeats' }),
      );
    },
  );
});

describe('A3 exact for every safe integer', () => {
  it('A3 property: multiGeoMinimum(n) is the BigInt ceiling of n / 20, up to 2^53 − 1', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.maxSafeNat(),
          fc.integer({ min: 2 ** 48, max: Number.MAX_SAFE_INTEGER }),
        ),
        (n) => {
          const big = BigInt(n);
          const ceil = (big + 19n) / 20n; // BigInt division truncates: (n + 19) / 20 is the ceiling
          expect(BigInt(multiGeoMinimum(n))).toBe(ceil);
        },
      ),
    );
    // The largest safe integer, worked out: 9007199254740991 = 20 × 450359962737049 + 11 → 450359962737050.
    expect(multiGeoMinimum(Number.MAX_SAFE_INTEGER)).toBe(450_359_962_737_050);
  });
});

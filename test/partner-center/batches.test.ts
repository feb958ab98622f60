/**
 * batches.ts through fromPartnerCenter: Q2 Q4 refundableQuantity.details → seat batches, with
 * the inferred addedAt (allowedUntilDateTime − the program's seat window) noted for each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/partner-center/fromPartnerCenter.js';
import { notRead, withoutReported } from '../support/partnerCenter.js';
import { definePolicy } from '../../src/policy/policy.js';
import { ignoredNote, pc, snapshot } from '../support/partnerCenter.js';
import { at } from '../support/time.js';
import { reducibleSeats } from '../../src/decisions/seats.js';

const fromPartnerCenter = (...a: Parameters<typeof adapter.fromPartnerCenter>) =>
  withoutReported(adapter.fromPartnerCenter(...a));

const NO_BATCHES = { seatBatches: [], seatBatchesKnown: false };

const inferred = (i: number, added: string, hours = 168): Record<string, unknown> => ({
  code: 'SEAT_BATCH_ADDED_AT_INFERRED',
  field: `refundableQuantity.details[${i}].allowedUntilDateTime`,
  kind: 'inferred',
  message: `added at ${added} = allowedUntilDateTime − ${hours} h (Q2)`,
});

const clamped = (i: number): Record<string, unknown> => ({
  code: 'SEAT_BATCH_CLAMPED_TO_PURCHASE',
  field: `refundableQuantity.details[${i}].allowedUntilDateTime`,
  kind: 'inferred',
  message:
    'inferred addition before creationDate: taken as creationDate; the reported allowedUntilDateTime still ends its window',
});

const details = (...list: [number, string][]): Record<string, unknown> => ({
  refundableQuantity: {
    totalQuantity: list.reduce((sum, [q]) => sum + q, 0),
    details: list.map(([quantity, allowedUntilDateTime]) => ({ quantity, allowedUntilDateTime })),
  },
});

describe('Q2 Q4 seat batches from refundableQuantity.details', () => {
  it('Q2: two batches in order, each addedAt = its window end − 168 h, one note each', () => {
    // 2024-03-13T08:15:00Z − 7 d = 2024-03-06T08:15:00Z; 2024-03-17T14:02:45Z − 7 d = 2024-03-10T14:02:45Z.
    expect(fromPartnerCenter(pc(details([5, '2024-03-13T08:15:00Z'], [3, '2024-03-17T14:02:45Z'])))).toEqual({
      subscription: snapshot({
        seatBatches: [
          { quantity: 5, addedAt: at('2024-03-06T08:15:00Z'), until: at('2024-03-13T08:15:00Z') },
          { quantity: 3, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-17T14:02:45Z') },
        ],
      }),
      notes: [inferred(0, '2024-03-06T08:15:00.000Z'), inferred(1, '2024-03-10T14:02:45.000Z')],
    });
  });
  it('Q4: a detail with quantity 0 has nothing to reduce: skipped, the others keep their index in notes', () => {
    expect(fromPartnerCenter(pc(details([0, '2024-03-13T08:15:00Z'], [3, '2024-03-17T14:02:45Z'])))).toEqual({
      subscription: snapshot({
        seatBatches: [{ quantity: 3, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-17T14:02:45Z') }],
      }),
      notes: [inferred(1, '2024-03-10T14:02:45.000Z')],
    });
  });
  it('Q2: a window ending exactly 168 h after creationDate infers the purchase instant itself (no clamp)', () => {
    // 2024-01-15T09:30:12Z + 168 h = 2024-01-22T09:30:12Z.
    expect(fromPartnerCenter(pc(details([15, '2024-01-22T09:30:12Z'])))).toEqual({
      subscription: snapshot({
        seatBatches: [{ quantity: 15, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') }],
      }),
      notes: [inferred(0, '2024-01-15T09:30:12.000Z')],
    });
  });
  it('Q2: 1 ms earlier infers an addition before the purchase: moved to creationDate, with a note', () => {
    expect(fromPartnerCenter(pc(details([15, '2024-01-22T09:30:11.999Z'])))).toEqual({
      // Q2: the addition is moved to the purchase; the reported deadline stays as it was reported.
      subscription: snapshot({
        seatBatches: [{ quantity: 15, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:11.999Z') }],
      }),
      notes: [clamped(0), inferred(0, '2024-01-15T09:30:12.000Z')],
    });
  });
  it("Q2: the policy's seat window is the one subtracted (240 h)", () => {
    // 2024-03-17T14:02:45Z − 240 h (10 d) = 2024-03-07T14:02:45Z.
    expect(
      fromPartnerCenter(pc(), { policy: definePolicy({ programs: { 'nce-license': { seatWindowHours: 240 } } }) }),
    ).toEqual({
      subscription: snapshot({
        seatBatches: [{ quantity: 5, addedAt: at('2024-03-07T14:02:45Z'), until: at('2024-03-17T14:02:45Z') }],
      }),
      notes: [inferred(0, '2024-03-07T14:02:45.000Z', 240)],
    });
  });
  it('Q4: an empty details list is a fact: no batches, known', () => {
    expect(fromPartnerCenter(pc({ refundableQuantity: { totalQuantity: 0, details: [] } }))).toEqual({
      subscription: snapshot({ seatBatches: [] }),
      notes: [],
    });
  });
  it.each([
    ['absent', undefined, 'refundableQuantity'],
    ['null', null, 'refundableQuantity'],
    ['without details', { totalQuantity: 5 }, 'refundableQuantity.details'],
    ['with details null', { totalQuantity: 5, details: null }, 'refundableQuantity.details'],
  ])('Q2: refundableQuantity %s → batches unknown, noted on %s', (_, refundableQuantity, field) => {
    expect(fromPartnerCenter(pc({ refundableQuantity }))).toEqual({
      subscription: snapshot(NO_BATCHES),
      notes: [
        {
          code: 'SEAT_BATCHES_UNKNOWN',
          field,
          kind: 'unknown',
          message: 'absent: seat batches unknown; seat decisions assume SEAT_BATCHES_ASSUMED',
        },
      ],
    });
  });

  it('each batch stays reducible until exactly its reported allowedUntilDateTime', () => {
    const { subscription } = fromPartnerCenter(pc());
    expect(reducibleSeats(subscription, { now: '2024-03-17T14:02:44.999Z' })).toMatchObject({
      allowed: true,
      total: 5,
      until: at('2024-03-17T14:02:45Z'),
    });
    expect(reducibleSeats(subscription, { now: '2024-03-17T14:02:45Z' })).toMatchObject({ allowed: false, total: 0 });
  });
  it('property: for any reported window end, the snapshot batch closes at that instant (default 168 h window)', () => {
    const creation = at('2024-01-15T09:30:12Z');
    fc.assert(
      fc.property(
        fc.integer({ min: creation + 168 * 3_600_000, max: at('2025-01-14T00:00:00Z') }),
        fc.integer({ min: 1, max: 14 }),
        (until, quantity) => {
          const rq = {
            totalQuantity: quantity,
            details: [{ quantity, allowedUntilDateTime: new Date(until).toISOString() }],
          };
          const { subscription } = fromPartnerCenter(pc({ refundableQuantity: rq }));
          const d = reducibleSeats(subscription, { now: until - 1 });
          return d.batches.length === 1 && d.batches[0]?.until === until && d.batches[0]?.quantity === quantity;
        },
      ),
    );
  });
  it('a custom policy window changes the inference (use the policy you decide with)', () => {
    const policy = definePolicy({ programs: { 'nce-license': { seatWindowHours: 240 } } });
    const { subscription } = fromPartnerCenter(pc(), { policy });
    expect(subscription.seatBatches).toEqual([
      { quantity: 5, addedAt: at('2024-03-07T14:02:45Z'), until: at('2024-03-17T14:02:45Z') },
    ]);
  });
  it('an inferred addition before creationDate is moved to creationDate, with a note', () => {
    const rq = { totalQuantity: 15, details: [{ quantity: 15, allowedUntilDateTime: '2024-01-22T09:30:11Z' }] };
    const { subscription, notes } = fromPartnerCenter(pc({ refundableQuantity: rq }));
    expect(subscription.seatBatches).toEqual([
      { quantity: 15, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:11Z') },
    ]);
    expect(notes.map((n) => n.code)).toContain('SEAT_BATCH_CLAMPED_TO_PURCHASE');
  });

  // Q2 (catalogue): "A deadline Partner Center reports for a batch (refundableQuantity.details[].
  // allowedUntilDateTime) bounds its window: never later than reported." Clamping the inferred
  // addition to creationDate (2024-01-15T09:30:12Z) would push addedAt + 168 h to 2024-01-22T09:30:12Z,
  // one second past the reported 2024-01-22T09:30:11Z.
  it('Q2 Q4: a clamped batch closes at its reported deadline, never later: open at 09:30:10.999, closed at 09:30:11', () => {
    const rq = { totalQuantity: 15, details: [{ quantity: 15, allowedUntilDateTime: '2024-01-22T09:30:11Z' }] };
    const { subscription } = fromPartnerCenter(pc({ refundableQuantity: rq }));
    expect(reducibleSeats(subscription, { now: '2024-01-22T09:30:10.999Z' })).toMatchObject({
      allowed: true,
      until: at('2024-01-22T09:30:11Z'),
      total: 14,
      batches: [{ quantity: 15, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:11Z') }],
    });
    expect(reducibleSeats(subscription, { now: '2024-01-22T09:30:11Z' })).toMatchObject({
      allowed: false,
      reason: 'NO_OPEN_BATCH',
    });
  });
  it('Q2 Q4 property: whatever the reported deadline (even before creationDate + 168 h), no batch is reducible at or after it', () => {
    const creation = at('2024-01-15T09:30:12Z');
    fc.assert(
      fc.property(
        fc.integer({ min: creation + 1, max: creation + 30 * 86_400_000 }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        (until, offset) => {
          const rq = {
            totalQuantity: 5,
            details: [{ quantity: 5, allowedUntilDateTime: new Date(until).toISOString() }],
          };
          const { subscription } = fromPartnerCenter(pc({ refundableQuantity: rq }));
          const now = creation + offset;
          const d = reducibleSeats(subscription, { now });
          for (const b of d.batches) expect(b.until).toBeLessThanOrEqual(until);
          if (now >= until) expect(d.batches).toEqual([]);
          if (d.allowed) expect(d.until).toBeGreaterThan(now);
        },
      ),
    );
  });
  it('absent refundableQuantity: batches unknown, seat decisions assume SEAT_BATCHES_ASSUMED', () => {
    const { subscription, notes } = fromPartnerCenter(pc({ refundableQuantity: undefined }));
    expect(subscription.seatBatchesKnown).toBe(false);
    expect(notes.map((n) => n.code)).toContain('SEAT_BATCHES_UNKNOWN');
    expect(reducibleSeats(subscription, { now: '2024-01-16T00:00:00Z' }).assumptions).toContain('SEAT_BATCHES_ASSUMED');
  });
  it('an empty details list is a fact: nothing reducible', () => {
    const { subscription } = fromPartnerCenter(pc({ refundableQuantity: { totalQuantity: 0, details: [] } }));
    expect(subscription.seatBatchesKnown).toBe(true);
    expect(reducibleSeats(subscription, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      reason: 'NO_OPEN_BATCH',
    });
  });
  it('Q4: bad details are not read: a note names their path, the seat batches stay unknown', () => {
    const e = notRead(() =>
      fromPartnerCenter(
        pc({
          refundableQuantity: {
            totalQuantity: 1,
            details: [{ quantity: -1, allowedUntilDateTime: '2024-03-17T14:02:45Z' }],
          },
        }),
      ),
    );
    expect([e.code, e.field]).toEqual(['INVALID_QUANTITY', 'refundableQuantity.details[0].quantity']);
    const m = notRead(() =>
      fromPartnerCenter(pc({ refundableQuantity: { totalQuantity: 1, details: [{ quantity: 1 }] } })),
    );
    expect([m.code, m.field]).toEqual(['MISSING_FIELD', 'refundableQuantity.details[0].allowedUntilDateTime']);
  });
});

describe('Q8 C2: a program without seat reduction reads no batches', () => {
  it('Q8: a policy with seatReduction never ignores refundableQuantity (window still 168 h)', () => {
    expect(
      fromPartnerCenter(pc(), { policy: definePolicy({ programs: { 'nce-license': { seatReduction: 'never' } } }) }),
    ).toEqual({
      subscription: snapshot(NO_BATCHES),
      notes: [ignoredNote('nce-license')],
    });
  });
  it('Q8: a policy with a 0 h seat window ignores it too', () => {
    expect(
      fromPartnerCenter(pc(), { policy: definePolicy({ programs: { 'nce-license': { seatWindowHours: 0 } } }) }),
    ).toEqual({
      subscription: snapshot(NO_BATCHES),
      notes: [ignoredNote('nce-license')],
    });
  });
  it('C2: nce-software with refundableQuantity absent: nothing to ignore, no note about batches', () => {
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Software' }, refundableQuantity: undefined }), { isReturnable: true }),
    ).toEqual({
      subscription: snapshot({ program: 'nce-software', ...NO_BATCHES }),
      notes: [],
    });
  });
  it('C2: nce-software with refundableQuantity listed (even with details null) → ignored, noted', () => {
    const json = pc({ productType: { id: 'Software' }, refundableQuantity: { totalQuantity: 0, details: null } });
    expect(fromPartnerCenter(json, { isReturnable: true })).toEqual({
      subscription: snapshot({ program: 'nce-software', ...NO_BATCHES }),
      notes: [ignoredNote('nce-software')],
    });
  });
});

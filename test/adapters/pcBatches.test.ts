/**
 * pcBatches.ts through fromPartnerCenter: Q2 Q4 refundableQuantity.details → seat batches, with
 * the inferred addedAt (allowedUntilDateTime − the program's seat window) noted for each.
 */
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { ignoredNote, ms, pc, snapshot } from '../support/partnerCenter.js';

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
  message: 'inferred addition before creationDate: taken as creationDate',
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
          { quantity: 5, addedAt: ms('2024-03-06T08:15:00Z') },
          { quantity: 3, addedAt: ms('2024-03-10T14:02:45Z') },
        ],
      }),
      notes: [inferred(0, '2024-03-06T08:15:00.000Z'), inferred(1, '2024-03-10T14:02:45.000Z')],
    });
  });
  it('Q4: a detail with quantity 0 has nothing to reduce: skipped, the others keep their index in notes', () => {
    expect(fromPartnerCenter(pc(details([0, '2024-03-13T08:15:00Z'], [3, '2024-03-17T14:02:45Z'])))).toEqual({
      subscription: snapshot({ seatBatches: [{ quantity: 3, addedAt: ms('2024-03-10T14:02:45Z') }] }),
      notes: [inferred(1, '2024-03-10T14:02:45.000Z')],
    });
  });
  it('Q2: a window ending exactly 168 h after creationDate infers the purchase instant itself (no clamp)', () => {
    // 2024-01-15T09:30:12Z + 168 h = 2024-01-22T09:30:12Z.
    expect(fromPartnerCenter(pc(details([15, '2024-01-22T09:30:12Z'])))).toEqual({
      subscription: snapshot({ seatBatches: [{ quantity: 15, addedAt: ms('2024-01-15T09:30:12Z') }] }),
      notes: [inferred(0, '2024-01-15T09:30:12.000Z')],
    });
  });
  it('Q2: 1 ms earlier infers an addition before the purchase: moved to creationDate, with a note', () => {
    expect(fromPartnerCenter(pc(details([15, '2024-01-22T09:30:11.999Z'])))).toEqual({
      subscription: snapshot({ seatBatches: [{ quantity: 15, addedAt: ms('2024-01-15T09:30:12Z') }] }),
      notes: [clamped(0), inferred(0, '2024-01-15T09:30:12.000Z')],
    });
  });
  it("Q2: the policy's seat window is the one subtracted (240 h)", () => {
    // 2024-03-17T14:02:45Z − 240 h (10 d) = 2024-03-07T14:02:45Z.
    expect(fromPartnerCenter(pc(), { policy: { programs: { 'nce-license': { seatWindowHours: 240 } } } })).toEqual({
      subscription: snapshot({ seatBatches: [{ quantity: 5, addedAt: ms('2024-03-07T14:02:45Z') }] }),
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
});

describe('Q8 C2: a program without seat reduction reads no batches', () => {
  it('Q8: a policy with seatReduction never ignores refundableQuantity (window still 168 h)', () => {
    expect(fromPartnerCenter(pc(), { policy: { programs: { 'nce-license': { seatReduction: 'never' } } } })).toEqual({
      subscription: snapshot(NO_BATCHES),
      notes: [ignoredNote('nce-license')],
    });
  });
  it('Q8: a policy with a 0 h seat window ignores it too', () => {
    expect(fromPartnerCenter(pc(), { policy: { programs: { 'nce-license': { seatWindowHours: 0 } } } })).toEqual({
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter, fromPartnerCenterList, prefixError } from '../../src/partner-center/fromPartnerCenter.js';
import { CspRulesError } from '../../src/core/errors.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { reducibleSeats } from '../../src/decisions/seats.js';
import { formatDay } from '../../src/time/day.js';
import { ms, pc } from '../support/partnerCenter.js';

function failure(run: () => unknown): CspRulesError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CspRulesError);
    return error as CspRulesError;
  }
  throw new Error('expected a CspRulesError');
}

describe('fromPartnerCenter: the partner-center.md example', () => {
  it('reads every fact into the snapshot', () => {
    const { subscription: s, notes } = fromPartnerCenter(pc());
    expect(s).toMatchObject({
      id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
      offerName: 'Microsoft 365 Business Basic',
      program: 'nce-license',
      status: 'active',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 15,
      purchasedAt: ms('2024-01-15T09:30:12Z'),
      termStartedAt: ms('2024-01-15T09:30:12Z'),
      autoRenew: true,
      trial: false,
      seatBatchesKnown: true,
      seatBatches: [{ quantity: 5, addedAt: ms('2024-03-10T14:02:45Z') }],
      promotionId: null,
      scheduledChange: null,
      nextChargeBilling: null,
    });
    expect(formatDay(s.termEndDay)).toBe('2025-01-14');
    expect(notes.map((n) => [n.code, n.field, n.kind])).toEqual([
      ['SEAT_BATCH_ADDED_AT_INFERRED', 'refundableQuantity.details[0].allowedUntilDateTime', 'inferred'],
    ]);
  });
});

describe('T1 date-times without an offset are rejected, naming the JSON path', () => {
  it('creationDate without offset → AMBIGUOUS_INSTANT creationDate', () => {
    const e = failure(() => fromPartnerCenter(pc({ creationDate: '2024-01-15T09:30:12' })));
    expect([e.code, e.field]).toEqual(['AMBIGUOUS_INSTANT', 'creationDate']);
  });
  it('a batch instant without offset names refundableQuantity.details[1].allowedUntilDateTime', () => {
    const refundableQuantity = {
      totalQuantity: 8,
      details: [
        { quantity: 5, allowedUntilDateTime: '2024-03-13T08:15:00Z' },
        { quantity: 3, allowedUntilDateTime: '2024-03-17T14:02:45' },
      ],
    };
    const e = failure(() => fromPartnerCenter(pc({ refundableQuantity })));
    expect([e.code, e.field]).toEqual(['AMBIGUOUS_INSTANT', 'refundableQuantity.details[1].allowedUntilDateTime']);
  });
  it('commitmentEndDate with a time but no offset is rejected too', () => {
    const e = failure(() => fromPartnerCenter(pc({ commitmentEndDate: '2025-01-14T00:00:00' })));
    expect([e.code, e.field]).toEqual(['AMBIGUOUS_INSTANT', 'commitmentEndDate']);
  });
});

describe('T2 commitmentEndDate is a whole UTC day as written', () => {
  it.each([
    ['2025-01-14T00:00:00Z', '2025-01-14'],
    ['2025-01-14', '2025-01-14'],
    ['2025-01-14T23:59:59Z', '2025-01-14'],
    // The date as written: a documented example with a time part still means that day.
    ['2025-01-14T23:00:00-12:00', '2025-01-14'],
    ['2025-01-14T00:30:00+14:00', '2025-01-14'],
  ])('%s → term end day %s (inclusive in new commerce)', (written, day) => {
    expect(formatDay(fromPartnerCenter(pc({ commitmentEndDate: written })).subscription.termEndDay)).toBe(day);
  });
  it('legacy (traditional-saas) end dates are exclusive: the last day is the day before', () => {
    const legacy = pc({
      productType: null,
      isMicrosoftProduct: false,
      commitmentEndDate: '2025-01-15T00:00:00Z',
      refundableQuantity: null,
    });
    const { subscription } = fromPartnerCenter(legacy);
    expect(subscription.program).toBe('traditional-saas');
    expect(formatDay(subscription.termEndDay)).toBe('2025-01-14');
  });
  it('absent: T6 computes it from the term start, and a note says so', () => {
    const { subscription, notes } = fromPartnerCenter(pc({ commitmentEndDate: undefined }));
    expect(formatDay(subscription.termEndDay)).toBe('2025-01-14');
    expect(notes.map((n) => n.code)).toContain('TERM_END_COMPUTED');
  });
  it('an end before the current term start is INCONSISTENT on commitmentEndDate', () => {
    const e = failure(() => fromPartnerCenter(pc({ commitmentEndDate: '2024-01-14T00:00:00Z' })));
    expect([e.code, e.field]).toEqual(['INCONSISTENT', 'commitmentEndDate']);
  });
});

describe('R3 effectiveStartDate: the current term start', () => {
  const renewed = (effectiveStartDate: string): Record<string, unknown> =>
    pc({ effectiveStartDate, commitmentEndDate: '2026-01-14T00:00:00Z', refundableQuantity: null });

  it('a renewal start with a time part is the completion instant', () => {
    const { subscription, notes } = fromPartnerCenter(renewed('2025-01-15T03:12:44Z'));
    expect(subscription.termStartedAt).toBe(ms('2025-01-15T03:12:44Z'));
    expect(formatDay(subscription.termStartDay)).toBe('2025-01-15');
    expect(notes.map((n) => n.code)).not.toContain('RENEWAL_COMPLETION_UNKNOWN');
  });
  it('a renewal start at 00:00Z leaves the completion instant unknown; decisions say what they assumed', () => {
    const { subscription, notes } = fromPartnerCenter(renewed('2025-01-15T00:00:00Z'));
    expect(subscription.termStartedAt).toBeNull();
    expect(formatDay(subscription.termStartDay)).toBe('2025-01-15');
    expect(notes).toContainEqual(
      expect.objectContaining({ code: 'RENEWAL_COMPLETION_UNKNOWN', field: 'effectiveStartDate', kind: 'unknown' }),
    );
    const d = canCancel(subscription, { now: '2025-01-21T23:59:59.999Z' });
    expect(d).toMatchObject({
      allowed: true,
      until: ms('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
  });
  it('up to 24 h after creationDate it is the first term (the two instants of one purchase differ by seconds)', () => {
    expect(fromPartnerCenter(pc({ effectiveStartDate: '2024-01-16T09:30:12Z' })).subscription.termStartedAt).toBe(
      ms('2024-01-15T09:30:12Z'),
    );
    expect(fromPartnerCenter(pc({ effectiveStartDate: '2024-01-16T09:30:12.001Z' })).subscription.termStartedAt).toBe(
      ms('2024-01-16T09:30:12.001Z'),
    );
  });
});

describe('Q2 Q4 refundableQuantity.details become seat batches (addedAt inferred)', () => {
  it('each batch stays reducible until exactly its reported allowedUntilDateTime', () => {
    const { subscription } = fromPartnerCenter(pc());
    expect(reducibleSeats(subscription, { now: '2024-03-17T14:02:44.999Z' })).toMatchObject({
      allowed: true,
      total: 5,
      until: ms('2024-03-17T14:02:45Z'),
    });
    expect(reducibleSeats(subscription, { now: '2024-03-17T14:02:45Z' })).toMatchObject({ allowed: false, total: 0 });
  });
  it('property: for any reported window end, the snapshot batch closes at that instant (default 168 h window)', () => {
    const creation = ms('2024-01-15T09:30:12Z');
    fc.assert(
      fc.property(
        fc.integer({ min: creation + 168 * 3_600_000, max: ms('2025-01-14T00:00:00Z') }),
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
    const policy = { programs: { 'nce-license': { seatWindowHours: 240 } } };
    const { subscription } = fromPartnerCenter(pc(), { policy });
    expect(subscription.seatBatches).toEqual([{ quantity: 5, addedAt: ms('2024-03-07T14:02:45Z') }]);
  });
  it('an inferred addition before creationDate is moved to creationDate, with a note', () => {
    const rq = { totalQuantity: 15, details: [{ quantity: 15, allowedUntilDateTime: '2024-01-22T09:30:11Z' }] };
    const { subscription, notes } = fromPartnerCenter(pc({ refundableQuantity: rq }));
    expect(subscription.seatBatches).toEqual([{ quantity: 15, addedAt: ms('2024-01-15T09:30:12Z') }]);
    expect(notes.map((n) => n.code)).toContain('SEAT_BATCH_CLAMPED_TO_PURCHASE');
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
  it('bad details name their path', () => {
    const e = failure(() =>
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
    const m = failure(() =>
      fromPartnerCenter(pc({ refundableQuantity: { totalQuantity: 1, details: [{ quantity: 1 }] } })),
    );
    expect([m.code, m.field]).toEqual(['MISSING_FIELD', 'refundableQuantity.details[0].allowedUntilDateTime']);
  });
});

describe('Program choice (C1, C4, C13, C14, C16) from productType, isMicrosoftProduct, billingType', () => {
  it.each([
    [{ productType: { id: 'OnlineServicesNCE' } }, 'nce-license'],
    [{ productType: { id: 'onlineservices_nce' } }, 'nce-license'],
    [{ productType: { id: 'OnlineServicesNCE' }, isMicrosoftProduct: false }, 'nce-saas'],
    [{ productType: { id: 'Software' } }, 'nce-software'],
    [{ productType: { id: 'Software' }, termDuration: 'none', billingCycle: 'oneTime' }, 'nce-perpetual'],
    [{ productType: { id: 'SOFTWARE' }, termDuration: undefined, billingCycle: 'one_time' }, 'nce-perpetual'],
    [{ productType: { id: 'SaaS' }, isMicrosoftProduct: false }, 'nce-saas'],
    [{ productType: undefined, isMicrosoftProduct: false }, 'traditional-saas'],
  ])('%j → %s', (overrides, program) => {
    expect(fromPartnerCenter(pc({ ...overrides, refundableQuantity: null })).subscription.program).toBe(program);
  });
  it('unknown productType.id → INVALID_ENUM productType.id', () => {
    const e = failure(() => fromPartnerCenter(pc({ productType: { id: 'Reservation' } })));
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'productType.id']);
  });
  it('Azure, legacy Microsoft license-based and usage billing are not covered', () => {
    expect(failure(() => fromPartnerCenter(pc({ productType: { id: 'Azure' } }))).field).toBe('productType.id');
    expect(failure(() => fromPartnerCenter(pc({ productType: undefined }))).code).toBe('MISSING_FIELD');
    expect(failure(() => fromPartnerCenter(pc({ billingType: 'usage' }))).field).toBe('billingType');
  });
  it("options.program forces what the JSON can't say (BSS assets, SoftwareOne)", () => {
    const { subscription, notes } = fromPartnerCenter(pc({ productType: { id: 'Software' } }), {
      program: 'bss-software',
    });
    expect(subscription.program).toBe('bss-software');
    expect(notes.map((n) => n.code)).toEqual(['PROGRAM_FORCED', 'RETURNABLE_UNKNOWN', 'SEAT_BATCHES_IGNORED']);
    expect(fromPartnerCenter(pc(), { program: 'bss-software', isReturnable: false }).subscription.isReturnable).toBe(
      false,
    );
    const e = failure(() => fromPartnerCenter(pc(), { program: 'csp' as never }));
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'options.program']);
  });
});

describe('B1 enums: case-insensitive, `_` ignored; unknown values name the field', () => {
  it('property: any casing and underscores read the same', () => {
    const spell = (word: string): fc.Arbitrary<string> =>
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).chain((upper) =>
        fc.integer({ min: 0, max: word.length }).map((at) => {
          const cased = [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
          return `${cased.slice(0, at)}_${cased.slice(at)}`;
        }),
      );
    fc.assert(
      fc.property(spell('annual'), spell('active'), spell('p3y'), (billingCycle, status, termDuration) => {
        const { subscription } = fromPartnerCenter(
          pc({ billingCycle, status, termDuration: termDuration.replace('_', '') }),
        );
        return subscription.billing === 'annual' && subscription.status === 'active' && subscription.term === 'P3Y';
      }),
      { numRuns: 50 },
    );
  });
  it.each([
    ['billingCycle', 'fortnightly', 'INVALID_ENUM'],
    ['billingCycle', 'biennial', 'INVALID_ENUM'],
    ['billingCycle', 'none', 'INVALID_ENUM'],
    ['status', 'none', 'INVALID_ENUM'],
    ['status', 'cancelled', 'INVALID_ENUM'],
    ['termDuration', 'P2Y', 'INVALID_ENUM'],
    ['status', 7, 'INVALID_ENUM'],
    ['quantity', 2.5, 'INVALID_QUANTITY'],
    ['autoRenewEnabled', 'yes', 'INVALID_TYPE'],
    ['quantity', undefined, 'MISSING_FIELD'],
    ['effectiveStartDate', undefined, 'MISSING_FIELD'],
  ])('%s = %j → %s', (field, value, code) => {
    const e = failure(() => fromPartnerCenter(pc({ [field]: value })));
    expect([e.code, e.field]).toEqual([code, field]);
  });
});

describe('C3 P7 status deleted (Partner Center has no "cancelled")', () => {
  it('reads deleted as deleted, and it is terminal', () => {
    const { subscription } = fromPartnerCenter(pc({ status: 'Deleted' }));
    expect(subscription.status).toBe('deleted');
    expect(canCancel(subscription, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C3',
      reason: 'TERMINATED',
    });
  });
});

describe('TR1 TR2 trials: billingCycle none', () => {
  it('is a trial with a monthly placeholder billing and its scheduled conversion (S1)', () => {
    const trial = pc({
      isTrial: true,
      billingCycle: 'none',
      termDuration: 'P1M',
      quantity: 25,
      commitmentEndDate: '2024-02-13T00:00:00Z',
      refundableQuantity: null,
      offerId: 'CFQ7TTC0LCHC:0007:CFQ7TTC0LDGR',
      scheduledNextTermInstructions: {
        product: {
          productId: 'CFQ7TTC0LCHC',
          skuId: '0002',
          availabilityId: 'CFQ7TTC0M1KV',
          billingCycle: 'Monthly',
          termDuration: 'p1y',
        },
        quantity: 25,
      },
    });
    const { subscription, notes } = fromPartnerCenter(trial);
    expect(subscription).toMatchObject({
      trial: true,
      billing: 'monthly',
      term: 'P1M',
      scheduledChange: { quantity: 25, term: 'P1Y', billing: 'monthly', offerName: null },
    });
    expect(notes.map((n) => n.code)).toEqual([
      'TRIAL_BILLING_PLACEHOLDER',
      'SEAT_BATCHES_UNKNOWN',
      'SCHEDULED_PRODUCT_UNNAMED',
    ]);
  });
});

describe('S1 B2 scheduled next-term instructions and next-charge instructions', () => {
  it('reads a scheduled quantity, term, billing and custom end date', () => {
    const s = pc({
      scheduledNextTermInstructions: {
        product: {
          productId: 'CFQ7TTC0LH18',
          skuId: '0001',
          availabilityId: 'CFQ7TTC0K5QH',
          billingCycle: 'annual',
          termDuration: 'P3Y',
        },
        quantity: 12,
        customTermEndDate: '2027-12-31T00:00:00Z',
      },
    });
    const { subscription, notes } = fromPartnerCenter(s);
    expect(subscription.scheduledChange).toMatchObject({ quantity: 12, term: 'P3Y', billing: 'annual' });
    expect(formatDay(subscription.scheduledChange?.customTermEndDay ?? 0)).toBe('2027-12-31');
    expect(notes.map((n) => n.code)).not.toContain('SCHEDULED_PRODUCT_UNNAMED');
  });
  it('bad scheduled values name their path', () => {
    const e = failure(() =>
      fromPartnerCenter(pc({ scheduledNextTermInstructions: { product: { billingCycle: 'weekly' }, quantity: 1 } })),
    );
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'scheduledNextTermInstructions.product.billingCycle']);
  });
  it('B2: a next charge with another billing is pending; the same billing is not a change', () => {
    const next = (billingCycle: string) => ({ nextChargeInstructions: { product: { billingCycle }, quantity: 15 } });
    expect(fromPartnerCenter(pc(next('annual'))).subscription.nextChargeBilling).toBe('annual');
    expect(fromPartnerCenter(pc(next('Monthly'))).subscription.nextChargeBilling).toBeNull();
  });
});

describe('__proto__ and constructor are data, never structure', () => {
  it('a "__proto__" key from JSON.parse does not supply missing fields or reach a prototype', () => {
    const text = JSON.stringify(pc({ status: undefined })).replace(
      '{',
      '{"__proto__":{"status":"active"},"constructor":{"prototype":{"x":1}},',
    );
    const json: unknown = JSON.parse(text);
    const e = failure(() => fromPartnerCenter(json));
    expect([e.code, e.field]).toEqual(['MISSING_FIELD', 'status']);
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  it('inherited properties are never read', () => {
    const { status, ...rest } = pc();
    const json = Object.assign(Object.create({ status }) as object, rest);
    expect(failure(() => fromPartnerCenter(json)).field).toBe('status');
  });
  it('extra keys named __proto__ / constructor do not change the snapshot', () => {
    const text = JSON.stringify(pc()).replace('{', '{"__proto__":{"isTrial":true},"constructor":"x",');
    const { subscription } = fromPartnerCenter(JSON.parse(text));
    expect(subscription).toEqual(fromPartnerCenter(pc()).subscription);
  });
});

describe('fromPartnerCenterList', () => {
  it('reads arrays and { items: [...] }, prefixing error paths with the index', () => {
    expect(fromPartnerCenterList([pc(), pc({ id: 'b' })]).map((r) => r.subscription.id)).toEqual([
      '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
      'b',
    ]);
    expect(fromPartnerCenterList({ totalCount: 1, items: [pc()] })).toHaveLength(1);
    const e = failure(() => fromPartnerCenterList([pc(), pc(), pc({ commitmentEndDate: '2025-01-14T00:00:00' })]));
    expect([e.code, e.field, e.message]).toEqual([
      'AMBIGUOUS_INSTANT',
      '[2].commitmentEndDate',
      expect.stringMatching(/^\[2\]\.commitmentEndDate: /),
    ]);
    expect(failure(() => fromPartnerCenterList({ items: [7] })).field).toBe('items[0]');
    expect(failure(() => fromPartnerCenterList({ id: 'x' })).field).toBe('$');
  });
  it('prefixError leaves other errors alone', () => {
    const other = new TypeError('x');
    expect(prefixError(other, '[1]')).toBe(other);
  });
});

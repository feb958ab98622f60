/**
 * scheduled.ts through fromPartnerCenter: S1 scheduledNextTermInstructions → scheduledChange,
 * B2 nextChargeInstructions → nextChargeBilling. Whole answers, whole errors.
 */
import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/partner-center/fromPartnerCenter.js';
import { notRead, withoutReceived, withoutReported } from '../support/partnerCenter.js';
import { dayNumber } from '../support/time.js';
import { BATCH_NOTE, fault, pc, snapshot } from '../support/partnerCenter.js';
import { formatDay } from '../../src/time/day.js';

const fromPartnerCenter = (...a: Parameters<typeof adapter.fromPartnerCenter>) =>
  withoutReported(adapter.fromPartnerCenter(...a));

/** The example's own product: offerId CFQ7TTC0LH18:0001:CFQ7TTC0K5QH. */
const SAME = { productId: 'CFQ7TTC0LH18', skuId: '0001', availabilityId: 'CFQ7TTC0K5QH' };

const scheduled = (instructions: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  pc({ scheduledNextTermInstructions: instructions, ...overrides });

/** The snapshot's scheduledChange: every field null unless given (the resource names no offer). */
const change = (fields: Record<string, unknown>): Record<string, unknown> => ({
  quantity: null,
  term: null,
  billing: null,
  offerName: null,
  customTermEndDay: null,
  ...fields,
});

const unnamed = (target: string): Record<string, unknown> => ({
  code: 'SCHEDULED_PRODUCT_UNNAMED',
  field: 'scheduledNextTermInstructions.product.skuId',
  kind: 'unknown',
  message: `next term moves to ${target}; its offer name is not in the resource`,
});

describe('S1 scheduledNextTermInstructions → scheduledChange', () => {
  it('S1: quantity, term, billing and a custom end date (as written), same product: no note', () => {
    const json = scheduled({
      product: { ...SAME, billingCycle: 'Triennial', termDuration: 'p3y' },
      quantity: 12,
      customTermEndDate: '2027-12-31T05:00:00+09:00', // 2027-12-30T20:00Z; the written date counts
    });
    expect(fromPartnerCenter(json)).toEqual({
      subscription: snapshot({
        scheduledChange: change({
          quantity: 12,
          term: 'P3Y',
          billing: 'triennial',
          customTermEndDay: dayNumber('2027-12-31'),
        }),
      }),
      notes: [BATCH_NOTE],
    });
  });
  it.each([
    ['P1M', 'monthly', 'P1M', 'monthly'],
    ['P1Y', 'ANNUAL', 'P1Y', 'annual'],
  ])('S1: termDuration %s, billingCycle %s → %s, %s', (termDuration, billingCycle, term, billing) => {
    expect(
      fromPartnerCenter(scheduled({ product: { ...SAME, termDuration, billingCycle } })).subscription.scheduledChange,
    ).toEqual(change({ term, billing }));
  });
  it('S1: an empty instruction is a change with nothing known; null fields are absent', () => {
    expect(fromPartnerCenter(scheduled({})).subscription).toEqual(snapshot({ scheduledChange: change({}) }));
    const nulls = { product: null, quantity: null, customTermEndDate: null };
    expect(fromPartnerCenter(scheduled(nulls)).subscription).toEqual(snapshot({ scheduledChange: change({}) }));
    expect(fromPartnerCenter(scheduled({ product: { ...SAME } })).subscription).toEqual(
      snapshot({ scheduledChange: change({}) }),
    );
  });
  it('S1: absent or null instructions → no scheduled change', () => {
    expect(fromPartnerCenter(scheduled(undefined)).subscription.scheduledChange).toBeNull();
    expect(fromPartnerCenter(scheduled(null)).subscription.scheduledChange).toBeNull();
  });
  it.each([
    [
      { quantity: 0 },
      {
        code: 'INVALID_QUANTITY',
        field: 'scheduledNextTermInstructions.quantity',
        message: 'scheduledNextTermInstructions.quantity: expected a whole number ≥ 1, got 0',
        received: 0,
      },
    ],
    [
      { product: { termDuration: 'none' } },
      {
        code: 'INVALID_ENUM',
        field: 'scheduledNextTermInstructions.product.termDuration',
        message: 'scheduledNextTermInstructions.product.termDuration: expected one of P1M, P1Y, P3Y, got "none"',
        received: 'none',
      },
    ],
    [
      { product: { billingCycle: 'oneTime' } },
      {
        code: 'INVALID_ENUM',
        field: 'scheduledNextTermInstructions.product.billingCycle',
        message:
          'scheduledNextTermInstructions.product.billingCycle: expected one of monthly, annual, triennial, got "oneTime"',
        received: 'oneTime',
      },
    ],
    [
      { customTermEndDate: '31/12/2027' },
      {
        code: 'INVALID_DATE',
        field: 'scheduledNextTermInstructions.customTermEndDate',
        message: 'scheduledNextTermInstructions.customTermEndDate: expected a UTC date YYYY-MM-DD, got "31/12/2027"',
        received: '31/12/2027',
      },
    ],
    [
      { product: 'CFQ7TTC0LH18' },
      {
        code: 'INVALID_TYPE',
        field: 'scheduledNextTermInstructions.product',
        message: 'scheduledNextTermInstructions.product: expected an object, got "CFQ7TTC0LH18"',
        received: 'CFQ7TTC0LH18',
      },
    ],
    [
      { product: { productId: 7 } },
      {
        code: 'INVALID_TYPE',
        field: 'scheduledNextTermInstructions.product.productId',
        message: 'scheduledNextTermInstructions.product.productId: expected a string, got 7',
        received: 7,
      },
    ],
    [
      { product: { skuId: 1 } },
      {
        code: 'INVALID_TYPE',
        field: 'scheduledNextTermInstructions.product.skuId',
        message: 'scheduledNextTermInstructions.product.skuId: expected a string, got 1',
        received: 1,
      },
    ],
  ])('S1: %j is not read: a FIELD_NOT_READ note names its path, the record stands', (instructions, error) => {
    expect(notRead(() => fromPartnerCenter(scheduled(instructions)))).toEqual(withoutReceived(error));
  });
  it('S1: a scheduled instruction that is not an object is not read (a note)', () => {
    expect(notRead(() => fromPartnerCenter(scheduled([])))).toEqual({
      code: 'INVALID_TYPE',
      field: 'scheduledNextTermInstructions',
      message: 'scheduledNextTermInstructions: expected an object, got an array',
    });
  });

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

  it('S1: bad scheduled values are noted with their path', () => {
    const e = notRead(() =>
      fromPartnerCenter(pc({ scheduledNextTermInstructions: { product: { billingCycle: 'weekly' }, quantity: 1 } })),
    );
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'scheduledNextTermInstructions.product.billingCycle']);
  });
});

describe('S1 U1: a scheduled move to another product is named by ids only (a note)', () => {
  it.each([
    [{ productId: 'CFQ7TTC0LDPB', skuId: '0001' }, 'CFQ7TTC0LDPB:0001'],
    [{ productId: 'CFQ7TTC0LH18', skuId: '0002' }, 'CFQ7TTC0LH18:0002'],
    [{ productId: 'CFQ7TTC0LDPB' }, 'CFQ7TTC0LDPB:?'],
    [{ skuId: '0002' }, '?:0002'],
  ])('product %j differs from the offerId → note "%s"', (product, target) => {
    expect(fromPartnerCenter(scheduled({ product, quantity: 15 }))).toEqual({
      subscription: snapshot({ scheduledChange: change({ quantity: 15 }) }),
      notes: [BATCH_NOTE, unnamed(target)],
    });
  });
  it.each([[{ productId: 'CFQ7TTC0LH18' }], [{ skuId: '0001' }], [{}]])(
    'product %j matching the offerId, or naming nothing → no note',
    (product) => {
      expect(fromPartnerCenter(scheduled({ product })).notes).toEqual([BATCH_NOTE]);
    },
  );
  it('no offerId to compare with → no note', () => {
    expect(
      fromPartnerCenter(scheduled({ product: { productId: 'OTHER', skuId: '9' } }, { offerId: null })).notes,
    ).toEqual([BATCH_NOTE]);
  });
  it('an offerId without a sku part: any skuId given differs', () => {
    expect(
      fromPartnerCenter(
        scheduled({ product: { productId: 'legacy-offer', skuId: '0001' } }, { offerId: 'legacy-offer' }),
      ).notes,
    ).toEqual([BATCH_NOTE, unnamed('legacy-offer:0001')]);
  });
});

describe('B2 nextChargeInstructions → nextChargeBilling (a pending billing-frequency change)', () => {
  const next = (instructions: unknown): Record<string, unknown> => pc({ nextChargeInstructions: instructions });

  it('B2: another billing is pending', () => {
    expect(fromPartnerCenter(next({ product: { billingCycle: 'Annual' }, quantity: 15 }))).toEqual({
      subscription: snapshot({ nextChargeBilling: 'annual' }),
      notes: [BATCH_NOTE],
    });
  });
  it('B1: a pending billing longer than the P1Y term (triennial) is no plan: refused (issue 16)', () => {
    const e = fault(() => fromPartnerCenter(next({ product: { billingCycle: 'triennial' } })));
    expect([e.code, e.field]).toEqual(['INCONSISTENT', 'nextChargeBilling']);
  });
  it.each([
    ['the current billing repeated', { product: { billingCycle: 'MONTHLY' } }],
    ['no billing cycle', { product: { skuId: '0001' } }],
    ['no product', { quantity: 15 }],
    ['null product', { product: null }],
    ['null instructions', null],
  ])('B2: %s → no pending change', (_, instructions) => {
    expect(fromPartnerCenter(next(instructions))).toEqual({ subscription: snapshot(), notes: [BATCH_NOTE] });
  });
  it('B2: a billing cycle outside monthly, annual, triennial is not read (a note)', () => {
    expect(notRead(() => fromPartnerCenter(next({ product: { billingCycle: 'none' } })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'nextChargeInstructions.product.billingCycle',
      message: 'nextChargeInstructions.product.billingCycle: expected one of monthly, annual, triennial, got "none"',
    });
  });
  it('B2: instructions and product that are not objects are not read (a note)', () => {
    expect(notRead(() => fromPartnerCenter(next('annual')))).toEqual({
      code: 'INVALID_TYPE',
      field: 'nextChargeInstructions',
      message: 'nextChargeInstructions: expected an object, got "annual"',
    });
    expect(notRead(() => fromPartnerCenter(next({ product: 3 })))).toEqual({
      code: 'INVALID_TYPE',
      field: 'nextChargeInstructions.product',
      message: 'nextChargeInstructions.product: expected an object, got 3',
    });
  });

  it('B2: a next charge with another billing is pending; the same billing is not a change', () => {
    const next = (billingCycle: string) => ({ nextChargeInstructions: { product: { billingCycle }, quantity: 15 } });
    expect(fromPartnerCenter(pc(next('annual'))).subscription.nextChargeBilling).toBe('annual');
    expect(fromPartnerCenter(pc(next('Monthly'))).subscription.nextChargeBilling).toBeNull();
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CspRulesError, type ErrorCode } from '../../src/core/errors.js';
import { withChanges } from '../../src/snapshot/changes.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { dayNumber as d } from '../support/time.js';
import { formatDay } from '../../src/time/day.js';
import { caught, errorOf } from '../support/caught.js';

const BASE = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
} as const satisfies SubscriptionInput;
const PURCHASE = 1_705_311_012_000; // 2024-01-15T09:30:12.000Z

function expectError(input: unknown, code: ErrorCode, field: string): void {
  const error = caught(() => toSubscription(input as SubscriptionInput));
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
}

const sub = (input: Record<string, unknown>): ReturnType<typeof toSubscription> =>
  toSubscription(input as unknown as SubscriptionInput);

describe('toSubscription defaults', () => {
  it('R1 auto-renew is on by default (000, 002), trials included (TR1); an explicit false is kept', () => {
    expect(toSubscription(BASE).autoRenew).toBe(true);
    expect(toSubscription({ ...BASE, trial: true }).autoRenew).toBe(true);
    expect(toSubscription({ ...BASE, autoRenew: false }).autoRenew).toBe(false);
  });

  it('defaults: active, first term from the purchase, no trial, returnable, batches unknown, nothing assumed', () => {
    const sub = toSubscription(BASE);
    expect(sub).toEqual({
      id: null,
      offerName: null,
      program: 'nce-license',
      status: 'active',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 15,
      purchasedAt: PURCHASE,
      termStartedAt: PURCHASE,
      termStartDay: d('2024-01-15'),
      termEndDay: d('2025-01-14'),
      autoRenew: true,
      trial: false,
      seatBatches: [],
      seatBatchesKnown: false,
      promotionId: null,
      isReturnable: true,
      parentSubscriptionId: null,
      cancellationWindowFrom: null,
      scheduledChange: null,
      nextChargeBilling: null,
      updateCount: null,
      // R6: no end-of-term choice (auto-renew decides); C17: not in an Extended Service Term.
      endOfTermAction: null,
      extendedServiceTerm: false,
      // nce-license: the returnable flag is not read (C7, C16 only), so its default assumes nothing.
      assumptions: [],
    });
    expect(Object.isFrozen(sub)).toBe(true);
    expect(toSubscription(sub)).toBe(sub); // a snapshot is returned as it is
  });

  it.each([
    ['P1M', '2024-01-15T09:30:12Z', '2024-02-14'],
    ['P1Y', '2024-01-15T09:30:12Z', '2025-01-14'],
    ['P3Y', '2024-01-15T09:30:12Z', '2027-01-14'],
    ['P1M', '2024-01-31T23:59:59.999Z', '2024-02-28'],
    ['P1M', '2024-02-01T00:00:00+05:00', '2024-02-28'], // 2024-01-31T19:00Z: the UTC day (Jan 31) counts
    ['P1Y', '2023-03-01T00:00:00Z', '2024-02-29'],
  ] as const)('T6 default termEndDate: %s purchased %s ends %s (inclusive, T2)', (term, purchasedAt, end) => {
    expect(toSubscription({ ...BASE, term, purchasedAt }).termEndDay).toBe(d(end));
  });

  it('T6 default termEndDate of a renewed term anchors on the purchase day-of-month (anniversary)', () => {
    const renewed = { ...BASE, term: 'P1M', purchasedAt: '2023-01-31T10:00:00Z' } as const;
    expect(toSubscription({ ...renewed, termStartedAt: '2023-02-28T05:00:00Z' }).termEndDay).toBe(d('2023-03-30'));
    expect(toSubscription({ ...renewed, termStartedAt: '2023-03-31T05:00:00Z' }).termEndDay).toBe(d('2023-04-29'));
  });

  it('T2 an explicit termEndDate is taken as an inclusive whole UTC day', () => {
    const sub = toSubscription({ ...BASE, termEndDate: '2025-01-14T23:59:59.999Z' });
    expect(sub.termEndDay).toBe(d('2025-01-14'));
    expect(toSubscription({ ...BASE, termEndDate: '2024-01-15' }).termEndDay).toBe(d('2024-01-15')); // one-day term
  });

  it('R3 termStartedAt null (completion unknown) needs termStartDate: MISSING_FIELD otherwise', () => {
    expectError({ ...BASE, termStartedAt: null }, 'MISSING_FIELD', 'termStartDate');
    const sub = toSubscription({
      ...BASE,
      termStartedAt: null,
      termStartDate: '2025-01-15',
      termEndDate: '2026-01-14',
    });
    expect(sub.termStartedAt).toBeNull();
    expect(sub.termStartDay).toBe(d('2025-01-15'));
    expect(sub.termEndDay).toBe(d('2026-01-14'));
  });

  it('a seat batch list makes batches known, with instants read', () => {
    const sub = toSubscription({
      ...BASE,
      seatBatches: [
        { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
        { quantity: 5, addedAt: '2024-03-10T14:02:45+01:00' },
      ],
    });
    expect(sub.seatBatchesKnown).toBe(true);
    expect(sub.seatBatches).toEqual([
      { quantity: 10, addedAt: PURCHASE, until: null },
      { quantity: 5, addedAt: Date.UTC(2024, 2, 10, 13, 2, 45), until: null },
    ]);
    expect(Object.isFrozen(sub.seatBatches)).toBe(true);
  });

  // Q2 (catalogue): "A deadline Partner Center reports for a batch (`allowedUntilDateTime`) bounds its window".
  it('Q2 a batch may carry its reported deadline (until): read like any instant, after its addition', () => {
    const batch = (until: unknown) =>
      sub({ ...BASE, seatBatches: [{ quantity: 5, addedAt: '2024-03-10T14:02:45Z', until }] }).seatBatches[0];
    expect(batch('2024-03-17T14:02:45Z')).toEqual({
      quantity: 5,
      addedAt: Date.UTC(2024, 2, 10, 14, 2, 45),
      until: Date.UTC(2024, 2, 17, 14, 2, 45),
    });
    expect(batch(null)?.until).toBeNull();
    // 1 ms after the addition is the earliest deadline; the addition itself is none.
    expect(batch(Date.UTC(2024, 2, 10, 14, 2, 45, 1))?.until).toBe(Date.UTC(2024, 2, 10, 14, 2, 45, 1));
    expect(errorOf(() => batch('2024-03-10T14:02:45Z'))).toEqual({
      code: 'INCONSISTENT',
      field: 'seatBatches[0].until',
      message: 'seatBatches[0].until: is not after addedAt',
    });
    expect(errorOf(() => batch('2024-03-17T14:02:45')).field).toBe('seatBatches[0].until');
    expect(errorOf(() => batch(1_710_684_165)).code).toBe('INSTANT_OUT_OF_RANGE'); // seconds (T1)
  });
});

// TR1 (MCS "Manage trials"): "Trials last for 30 days."
describe('TR1 a trial without an end date ends 30 days after its start, an assumption', () => {
  it('TR1: from 2024-01-15 its last day is the 30th, 2024-02-13 (a calendar month would end 2024-02-14)', () => {
    const trial = toSubscription({ ...BASE, trial: true });
    expect([formatDay(trial.termStartDay), formatDay(trial.termEndDay)]).toEqual(['2024-01-15', '2024-02-13']);
    expect(trial.assumptions).toEqual(['TRIAL_END_ASSUMED']);
  });
  it.each([
    // Start day + 29 days, counted by hand over the month ends.
    ['2024-02-15T08:00:00Z', 'P1M', '2024-03-15'], // leap February: 14 days to Feb 29, 15 more
    ['2023-02-10T08:00:00Z', 'P1M', '2023-03-11'], // 18 days to Feb 28, 11 more
    ['2024-12-20T23:59:59.999Z', 'P1Y', '2025-01-18'], // 11 days to Dec 31, 18 more; the term is no calendar term
    ['2024-01-31T00:00:00Z', 'P1M', '2024-02-29'], // 29 days in February 2024
  ] as const)('TR1: a trial bought %s (%s) has its last day on %s', (purchasedAt, term, last) => {
    const trial = toSubscription({ ...BASE, term, purchasedAt, trial: true });
    expect(formatDay(trial.termEndDay)).toBe(last);
    expect(trial.assumptions).toEqual(['TRIAL_END_ASSUMED']);
  });
  it('TR1: a given end date is a fact, no assumption; a paid subscription keeps its calendar term', () => {
    expect(toSubscription({ ...BASE, trial: true, termEndDate: '2024-02-14' }).assumptions).toEqual([]);
    expect(formatDay(toSubscription({ ...BASE, term: 'P1M' }).termEndDay)).toBe('2024-02-14');
  });
});

// C7 (BSS storefront page): only when the asset's isReturnable flag is true (set by Microsoft, per asset).
describe('C7 C16 the returnable flag of a software asset, when not given, is an assumption', () => {
  it.each(['bss-software', 'nce-software'] as const)(
    'C7 C16: %s without isReturnable → RETURNABLE_ASSUMED',
    (program) => {
      const s = toSubscription({ ...BASE, program });
      expect([s.isReturnable, s.assumptions]).toEqual([true, ['RETURNABLE_ASSUMED']]);
      expect(toSubscription({ ...BASE, program, isReturnable: true }).assumptions).toEqual([]);
      expect(toSubscription({ ...BASE, program, isReturnable: false }).assumptions).toEqual([]);
    },
  );
  it.each(['nce-license', 'nce-perpetual', 'nce-saas', 'traditional-saas', 'softwareone'] as const)(
    'C7 C16: %s does not read the flag: nothing assumed',
    (program) => {
      expect(toSubscription({ ...BASE, program }).assumptions).toEqual([]);
    },
  );
});

describe('the caller’s assumptions: facts its data lacked', () => {
  it('kept in order, each once, before the library’s own (TR1, then C7/C16)', () => {
    const s = toSubscription({
      ...BASE,
      program: 'nce-software',
      trial: true,
      assumptions: ['AUTO_RENEW_ASSUMED', 'TERM_END_ASSUMED', 'AUTO_RENEW_ASSUMED', 'RETURNABLE_ASSUMED'],
    });
    expect(s.assumptions).toEqual([
      'AUTO_RENEW_ASSUMED',
      'TERM_END_ASSUMED',
      'RETURNABLE_ASSUMED',
      'TRIAL_END_ASSUMED',
    ]);
    expect(Object.isFrozen(s.assumptions)).toBe(true);
    expect(toSubscription({ ...BASE, assumptions: null }).assumptions).toEqual([]);
    expect(toSubscription({ ...BASE, assumptions: [] }).assumptions).toEqual([]);
  });
  it('an unknown code is INVALID_ENUM at its index; a non-array INVALID_TYPE', () => {
    expect(errorOf(() => sub({ ...BASE, assumptions: ['AUTO_RENEW_ASSUMED', 'GUESSED'] })).field).toBe(
      'assumptions[1]',
    );
    expect(errorOf(() => sub({ ...BASE, assumptions: ['GUESSED'] })).code).toBe('INVALID_ENUM');
    expect(errorOf(() => sub({ ...BASE, assumptions: 'AUTO_RENEW_ASSUMED' }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'assumptions',
      message: 'assumptions: expected an array of assumption codes, got "AUTO_RENEW_ASSUMED"',
    });
  });
});

describe('T6 the default term end: anchored on the purchase day only from a clamped month end', () => {
  it('T6 a renewed monthly term from Feb 29 after a Jan 31 purchase ends Mar 30 (aims at the 31st)', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-31T10:00:00Z', term: 'P1M', termStartedAt: '2024-02-29T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-03-30');
  });
  it('T6 a term from Feb 29 (a month end) after a Jan 15 purchase aims at the 29th: ends Mar 28', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-15T10:00:00Z', term: 'P1M', termStartedAt: '2024-02-29T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-03-28');
  });
  it('T6 a term from Mar 15 (not a month end) after a Jan 31 purchase aims at the 15th: ends Apr 14', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-31T10:00:00Z', term: 'P1M', termStartedAt: '2024-03-15T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-04-14');
  });
});

describe('toSubscription: contradictory facts are INCONSISTENT, boundaries to the millisecond', () => {
  it('termStartedAt before purchasedAt (1 ms before is refused, equal is fine)', () => {
    expectError({ ...BASE, termStartedAt: PURCHASE - 1 }, 'INCONSISTENT', 'termStartedAt');
    expect(toSubscription({ ...BASE, termStartedAt: PURCHASE }).termStartedAt).toBe(PURCHASE);
  });

  it('termStartDate before the purchase day (the purchase day itself is fine)', () => {
    expectError({ ...BASE, termStartedAt: null, termStartDate: '2024-01-14' }, 'INCONSISTENT', 'termStartDate');
    expect(toSubscription({ ...BASE, termStartedAt: null, termStartDate: '2024-01-15' }).termStartDay).toBe(
      d('2024-01-15'),
    );
  });

  it('termEndDate before the term start day', () => {
    expectError({ ...BASE, termEndDate: '2024-01-14' }, 'INCONSISTENT', 'termEndDate');
    expectError({ ...BASE, termEndDate: '2024-01-14T23:59:59.999Z' }, 'INCONSISTENT', 'termEndDate');
  });

  it('a seat batch added before the purchase', () => {
    const batches = [
      { quantity: 10, addedAt: PURCHASE },
      { quantity: 5, addedAt: PURCHASE - 1 },
    ];
    expectError({ ...BASE, seatBatches: batches }, 'INCONSISTENT', 'seatBatches[1].addedAt');
  });
});

describe('toSubscription: every invalid field gives a code and its path', () => {
  const batch = { quantity: 10, addedAt: PURCHASE };
  it.each<[string, Record<string, unknown>, ErrorCode, string]>([
    ['unknown program', { program: 'nce' }, 'INVALID_ENUM', 'program'],
    ['missing program', { program: undefined }, 'MISSING_FIELD', 'program'],
    ['unknown status', { status: 'paused' }, 'INVALID_ENUM', 'status'],
    ['null status', { status: null }, 'INVALID_ENUM', 'status'],
    ['unknown term', { term: 'P2Y' }, 'INVALID_ENUM', 'term'],
    ['unknown billing', { billing: 'weekly' }, 'INVALID_ENUM', 'billing'],
    ['negative seats', { quantity: -1 }, 'INVALID_QUANTITY', 'quantity'],
    ['fractional seats', { quantity: 1.5 }, 'INVALID_QUANTITY', 'quantity'],
    ['NaN seats', { quantity: Number.NaN }, 'INVALID_QUANTITY', 'quantity'],
    ['Infinity seats', { quantity: Number.POSITIVE_INFINITY }, 'INVALID_QUANTITY', 'quantity'],
    ['seats as a string', { quantity: '15' }, 'INVALID_QUANTITY', 'quantity'],
    ['missing purchasedAt', { purchasedAt: undefined }, 'MISSING_FIELD', 'purchasedAt'],
    ['offset-less purchasedAt', { purchasedAt: '2024-01-15T09:30:12' }, 'AMBIGUOUS_INSTANT', 'purchasedAt'],
    ['impossible purchasedAt', { purchasedAt: '2023-02-29T09:30:12Z' }, 'INVALID_INSTANT', 'purchasedAt'],
    ['NaN purchasedAt', { purchasedAt: Number.NaN }, 'INVALID_INSTANT', 'purchasedAt'],
    ['invalid Date purchasedAt', { purchasedAt: new Date(Number.NaN) }, 'INVALID_INSTANT', 'purchasedAt'],
    ['bad termStartedAt', { termStartedAt: '2024-01-15T24:00:00Z' }, 'INVALID_INSTANT', 'termStartedAt'],
    ['bad termStartDate', { termStartedAt: null, termStartDate: '2024-02-30' }, 'INVALID_DATE', 'termStartDate'],
    ['bad termEndDate', { termEndDate: 'soon' }, 'INVALID_DATE', 'termEndDate'],
    ['offset-less termEndDate', { termEndDate: '2025-01-14T00:00:00' }, 'AMBIGUOUS_INSTANT', 'termEndDate'],
    ['autoRenew as a string', { autoRenew: 'yes' }, 'INVALID_TYPE', 'autoRenew'],
    ['trial as a number', { trial: 1 }, 'INVALID_TYPE', 'trial'],
    ['isReturnable null', { isReturnable: null }, 'INVALID_TYPE', 'isReturnable'],
    ['id as a number', { id: 5 }, 'INVALID_TYPE', 'id'],
    ['offerName as an object', { offerName: {} }, 'INVALID_TYPE', 'offerName'],
    ['promotionId as a number', { promotionId: 1 }, 'INVALID_TYPE', 'promotionId'],
    ['parentSubscriptionId as an array', { parentSubscriptionId: [] }, 'INVALID_TYPE', 'parentSubscriptionId'],
    ['bad cancellationWindowFrom', { cancellationWindowFrom: 1.5 }, 'INVALID_INSTANT', 'cancellationWindowFrom'],
    ['seatBatches not an array', { seatBatches: { quantity: 1 } }, 'INVALID_TYPE', 'seatBatches'],
    ['seatBatches[1] null', { seatBatches: [batch, null] }, 'INVALID_TYPE', 'seatBatches[1]'],
    [
      'seatBatches[1].quantity 0',
      { seatBatches: [batch, { quantity: 0, addedAt: PURCHASE }] },
      'INVALID_QUANTITY',
      'seatBatches[1].quantity',
    ],
    [
      'seatBatches[1].quantity negative',
      { seatBatches: [batch, { quantity: -2, addedAt: PURCHASE }] },
      'INVALID_QUANTITY',
      'seatBatches[1].quantity',
    ],
    [
      'seatBatches[1].quantity fractional',
      { seatBatches: [batch, { quantity: 2.5, addedAt: PURCHASE }] },
      'INVALID_QUANTITY',
      'seatBatches[1].quantity',
    ],
    [
      'seatBatches[1].quantity missing',
      { seatBatches: [batch, { addedAt: PURCHASE }] },
      'INVALID_QUANTITY',
      'seatBatches[1].quantity',
    ],
    [
      'seatBatches[1].addedAt missing',
      { seatBatches: [batch, { quantity: 2 }] },
      'MISSING_FIELD',
      'seatBatches[1].addedAt',
    ],
    [
      'seatBatches[1].addedAt offset-less',
      { seatBatches: [batch, { quantity: 2, addedAt: '2024-02-01T10:00:00' }] },
      'AMBIGUOUS_INSTANT',
      'seatBatches[1].addedAt',
    ],
    ['scheduledChange not an object', { scheduledChange: 'P3Y' }, 'INVALID_TYPE', 'scheduledChange'],
    [
      'scheduledChange.quantity 0',
      { scheduledChange: { quantity: 0 } },
      'INVALID_QUANTITY',
      'scheduledChange.quantity',
    ],
    ['scheduledChange.term', { scheduledChange: { term: 'P5Y' } }, 'INVALID_ENUM', 'scheduledChange.term'],
    ['scheduledChange.billing', { scheduledChange: { billing: 'daily' } }, 'INVALID_ENUM', 'scheduledChange.billing'],
    ['scheduledChange.offerName', { scheduledChange: { offerName: 7 } }, 'INVALID_TYPE', 'scheduledChange.offerName'],
    [
      'scheduledChange.customTermEndDate',
      { scheduledChange: { customTermEndDate: '2025-02-30' } },
      'INVALID_DATE',
      'scheduledChange.customTermEndDate',
    ],
    ['nextChargeBilling', { nextChargeBilling: 'weekly' }, 'INVALID_ENUM', 'nextChargeBilling'],
    ['updateCount negative', { updateCount: -1 }, 'INVALID_QUANTITY', 'updateCount'],
  ])('%s → %s %s', (_, patch, code, field) => {
    expectError({ ...BASE, ...patch }, code, field);
  });

  it.each([null, undefined, 'nce-license', 42, [], [BASE]])(
    'a non-object subscription %j → INVALID_TYPE subscription',
    (value) => {
      expectError(value, 'INVALID_TYPE', 'subscription');
    },
  );

  it('property: any value in any field gives a snapshot or a CspRulesError — never a bare TypeError', () => {
    const fields = Object.keys({
      ...BASE,
      status: 0,
      termStartedAt: 0,
      termStartDate: 0,
      termEndDate: 0,
      autoRenew: 0,
      trial: 0,
      seatBatches: 0,
      scheduledChange: 0,
      cancellationWindowFrom: 0,
      updateCount: 0,
      nextChargeBilling: 0,
      offerName: 0,
      assumptions: 0,
    });
    const value = fc.oneof(
      fc.anything({
        withBigInt: true,
        withDate: true,
        withNullPrototype: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
      }),
      fc.array(
        fc.record({ quantity: fc.anything(), addedAt: fc.anything(), until: fc.anything() }, { requiredKeys: [] }),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, (field, v) => {
        try {
          const sub = toSubscription({ ...BASE, [field]: v } as SubscriptionInput);
          expect(Object.isFrozen(sub)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CspRulesError);
          expect((error as CspRulesError).field.startsWith(field === 'termStartedAt' ? 'termStart' : field)).toBe(true);
        }
      }),
    );
  });

  it('B1 a billing longer than the term names billing and both values', () => {
    expect(errorOf(() => sub({ ...BASE, term: 'P1M', billing: 'annual' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'billing',
      message: 'billing: annual billing is longer than the P1M term (B1)',
    });
  });

  it('R3 termStartedAt before the purchase, termStartDate not its UTC day, a start before the purchase day', () => {
    expect(errorOf(() => sub({ ...BASE, termStartedAt: '2024-01-15T09:30:11.999Z' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termStartedAt',
      message: 'termStartedAt: is before purchasedAt',
    });
    // 2024-02-14T23:30Z is on 2024-02-14 in UTC, not on the 15th.
    expect(errorOf(() => sub({ ...BASE, termStartedAt: '2024-02-14T23:30:00Z', termStartDate: '2024-02-15' }))).toEqual(
      {
        code: 'INCONSISTENT',
        field: 'termStartDate',
        message: 'termStartDate: is not the UTC day of termStartedAt',
      },
    );
    // The same day, given both ways, is accepted.
    expect(
      formatDay(sub({ ...BASE, termStartedAt: '2024-02-14T23:30:00Z', termStartDate: '2024-02-14' }).termStartDay),
    ).toBe('2024-02-14');
    expect(errorOf(() => sub({ ...BASE, termStartedAt: null, termStartDate: '2024-01-14' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termStartDate',
      message: 'termStartDate: is before the purchase day',
    });
  });

  it('T2 a term end before the term start', () => {
    expect(errorOf(() => sub({ ...BASE, termEndDate: '2024-01-14' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termEndDate',
      message: 'termEndDate: is before the term start',
    });
    // The start day itself is a valid (one-day) term.
    expect(formatDay(sub({ ...BASE, termEndDate: '2024-01-15' }).termEndDay)).toBe('2024-01-15');
  });

  it('Q2 seat batches: not an array, a batch before the purchase', () => {
    expect(errorOf(() => sub({ ...BASE, seatBatches: {} }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'seatBatches',
      message: 'seatBatches: expected an array of { quantity, addedAt }',
    });
    expect(errorOf(() => sub({ ...BASE, seatBatches: [{ quantity: 1, addedAt: '2024-01-15T09:30:11Z' }] }))).toEqual({
      code: 'INCONSISTENT',
      field: 'seatBatches[0].addedAt',
      message: 'seatBatches[0].addedAt: is before purchasedAt',
    });
  });

  it('T1 a required field given as null is missing, not an invalid instant', () => {
    expect(errorOf(() => sub({ ...BASE, purchasedAt: null }))).toEqual({
      code: 'MISSING_FIELD',
      field: 'purchasedAt',
      message: 'purchasedAt: is required',
    });
    expect(errorOf(() => sub({ ...BASE, quantity: null }))).toEqual({
      code: 'MISSING_FIELD',
      field: 'quantity',
      message: 'quantity: is required',
    });
  });

  it('unknown fields: the hint at the top level, none inside; odd keys quoted; undefined values ignored', () => {
    expect(errorOf(() => sub({ ...BASE, autorenew: false }))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'autorenew',
      message: 'autorenew: is not a field of this input (a copied snapshot? pass toInput(snapshot) instead)',
    });
    expect(
      errorOf(() => sub({ ...BASE, seatBatches: [{ quantity: 1, addedAt: BASE.purchasedAt, note: 'x' }] })),
    ).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'seatBatches[0].note',
      message: 'seatBatches[0].note: is not a field of this input',
    });
    expect(errorOf(() => sub({ ...BASE, scheduledChange: { seats: 3 } }))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'scheduledChange.seats',
      message: 'scheduledChange.seats: is not a field of this input',
    });
    // Keys that are not plain identifiers are quoted, so the path still names them.
    expect(caught(() => sub({ ...BASE, 'a b': 1 })).field).toBe('"a b"');
    expect(caught(() => sub({ ...BASE, '1st': 1 })).field).toBe('"1st"');
    expect(caught(() => sub({ ...BASE, 'term-': 1 })).field).toBe('"term-"');
    expect(caught(() => sub({ ...BASE, $x_1: 1 })).field).toBe('$x_1');
    // A key present with the value undefined is as good as absent.
    expect(sub({ ...BASE, autorenew: undefined }).autoRenew).toBe(true);
  });
});

describe('prototype keys are data, never prototype pollution', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('autoRenew');
  });

  it('__proto__ and constructor keys in JSON.parse’d input are data: rejected as unknown fields, never a prototype', () => {
    const parse = (extra: string): SubscriptionInput =>
      JSON.parse(
        `{"program":"nce-license","term":"P1Y","billing":"monthly","quantity":15,"purchasedAt":"2024-01-15T09:30:12Z"${extra}}`,
      ) as SubscriptionInput;
    expectError(parse(',"__proto__":{"polluted":true,"autoRenew":false,"trial":true}'), 'UNKNOWN_FIELD', '__proto__');
    expectError(parse(',"constructor":{"prototype":{"polluted":true}}'), 'UNKNOWN_FIELD', 'constructor');
    expectError(
      parse(',"seatBatches":[{"quantity":15,"addedAt":"2024-01-15T09:30:12Z","__proto__":{"polluted":true}}]'),
      'UNKNOWN_FIELD',
      'seatBatches[0].__proto__',
    );
    expectError(parse(',"scheduledChange":{"__proto__":{"quantity":3}}'), 'UNKNOWN_FIELD', 'scheduledChange.__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a typo or a copied snapshot is an unknown field, never silently ignored', () => {
    expectError({ ...BASE, autorenew: false } as SubscriptionInput, 'UNKNOWN_FIELD', 'autorenew');
    expectError({ ...toSubscription(BASE) } as unknown as SubscriptionInput, 'UNKNOWN_FIELD', 'termStartDay');
  });

  it('inherited properties are not read as fields', () => {
    const inherited = Object.create({ ...BASE }) as SubscriptionInput;
    expectError(inherited, 'MISSING_FIELD', 'program');
    const withInheritedFlag = Object.assign(Object.create({ autoRenew: false }), BASE) as SubscriptionInput;
    expect(toSubscription(withInheritedFlag).autoRenew).toBe(true);
  });

  it('withChanges with a JSON __proto__ key is rejected and pollutes nothing', () => {
    const sub = toSubscription(BASE);
    expect(() =>
      withChanges(sub, JSON.parse('{"__proto__":{"polluted":true,"quantity":1}}') as Partial<SubscriptionInput>),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_FIELD', field: '__proto__' }));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('seat batch errors name the batch by its index (the path is spelled only on failure)', () => {
  const whole = (batch: unknown) => {
    const e = caught(() =>
      toSubscription({ ...BASE, seatBatches: [{ quantity: 10, addedAt: PURCHASE }, batch] } as SubscriptionInput),
    );
    return { code: e.code, field: e.field, message: e.message, received: e.received };
  };

  it('every kind of batch error, whole: code, field, message, received value', () => {
    expect(whole(null)).toEqual({
      code: 'INVALID_TYPE',
      field: 'seatBatches[1]',
      message: 'seatBatches[1]: expected an object, got null',
      received: null,
    });
    expect(whole({ quantity: 5, addedAt: PURCHASE, note: 'x' })).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'seatBatches[1].note',
      message: 'seatBatches[1].note: is not a field of this input',
      received: 'note',
    });
    expect(whole({ quantity: 5, addedAt: PURCHASE, 'a b': 1 })).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'seatBatches[1]."a b"',
      message: 'seatBatches[1]."a b": is not a field of this input',
      received: 'a b',
    });
    expect(whole({ quantity: 5 })).toEqual({
      code: 'MISSING_FIELD',
      field: 'seatBatches[1].addedAt',
      message: 'seatBatches[1].addedAt: is required',
      received: undefined,
    });
    expect(whole({ quantity: 5, addedAt: '2024-03-10T14:02:45' })).toEqual({
      code: 'AMBIGUOUS_INSTANT',
      field: 'seatBatches[1].addedAt',
      message: 'seatBatches[1].addedAt: "2024-03-10T14:02:45" has no Z or offset; a local date-time is ambiguous (T1)',
      received: '2024-03-10T14:02:45',
    });
    expect(whole({ quantity: 5, addedAt: PURCHASE - 1 })).toEqual({
      code: 'INCONSISTENT',
      field: 'seatBatches[1].addedAt',
      message: 'seatBatches[1].addedAt: is before purchasedAt',
      received: undefined,
    });
    expect(whole({ quantity: 0, addedAt: PURCHASE })).toEqual({
      code: 'INVALID_QUANTITY',
      field: 'seatBatches[1].quantity',
      message: 'seatBatches[1].quantity: expected a whole number ≥ 1, got 0',
      received: 0,
    });
  });

  it('errors of the caller’s own code (getters, a Date subclass) pass through unchanged, CspRulesError or not', () => {
    const thrownBy = (batches: unknown[]): unknown => {
      try {
        toSubscription({ ...BASE, seatBatches: batches } as unknown as SubscriptionInput);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const plain = new RangeError('from the getter');
    expect(
      thrownBy([
        {
          quantity: 5,
          get addedAt(): never {
            throw plain;
          },
        },
      ]),
    ).toBe(plain);
    // A CspRulesError of the caller's own keeps its field: it is not one of the batch's checks.
    const ours = new CspRulesError('INVALID_INSTANT', 'myField', 'from the caller');
    expect(
      thrownBy([
        {
          quantity: 5,
          get addedAt(): never {
            throw ours;
          },
        },
      ]),
    ).toBe(ours);
    const atIndex = [] as unknown[];
    Object.defineProperty(atIndex, 0, {
      get: (): never => {
        throw ours;
      },
      enumerable: true,
    });
    atIndex.length = 1;
    expect(thrownBy(atIndex)).toBe(ours);
    class BrokenDate extends Date {
      override getTime(): number {
        throw plain;
      }
    }
    expect(thrownBy([{ quantity: 5, addedAt: new BrokenDate(PURCHASE) }])).toBe(plain);
  });

  it('the first unknown key of a batch is the one named', () => {
    expect(whole({ quantity: 5, addedAt: PURCHASE, note: 'x', other: 'y' }).field).toBe('seatBatches[1].note');
  });
});

describe('fields are the own enumerable properties, as JSON.parse makes them', () => {
  it('a non-enumerable property is neither read nor refused', () => {
    const input = Object.defineProperty({ ...BASE }, 'autoRenew', { value: false, enumerable: false });
    Object.defineProperty(input, 'autorenew', { value: false, enumerable: false });
    expect(toSubscription(input).autoRenew).toBe(true);
  });

  it('a key whose value is undefined is as if absent, known or not (as JSON.stringify drops it)', () => {
    const sub = toSubscription({ ...BASE, autoRenew: undefined, note: undefined } as unknown as SubscriptionInput);
    expect(sub.autoRenew).toBe(true);
    const batch = { quantity: 5, addedAt: PURCHASE, note: undefined };
    expect(toSubscription({ ...BASE, seatBatches: [batch] } as SubscriptionInput).seatBatches).toEqual([
      { quantity: 5, addedAt: PURCHASE, until: null },
    ]);
  });

  it('a polluted Object.prototype never supplies a field', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.autoRenew = false;
    proto.trial = true;
    proto.termEndDate = '2024-02-01';
    try {
      const sub = toSubscription(BASE);
      expect([sub.autoRenew, sub.trial, sub.termEndDay]).toEqual([true, false, d('2025-01-14')]);
    } finally {
      delete proto.autoRenew;
      delete proto.trial;
      delete proto.termEndDate;
    }
  });

  it('an enumerable getter is read once', () => {
    let reads = 0;
    const input = {
      ...BASE,
      get quantity(): number {
        reads += 1;
        return 7;
      },
    };
    expect(toSubscription(input).quantity).toBe(7);
    expect(reads).toBe(1);
  });
});

describe('a snapshot is recognised by its private mark, and only the one toSubscription made', () => {
  it('passing a snapshot back returns the same object, not validated again', () => {
    const sub = toSubscription(BASE);
    expect(toSubscription(sub)).toBe(sub);
    expect(Object.isFrozen(sub)).toBe(true);
  });

  it('the mark is invisible: a snapshot is a plain object, its keys and JSON are its facts only', () => {
    const sub = toSubscription(BASE);
    expect(Object.getPrototypeOf(sub)).toBe(Object.prototype);
    expect(Reflect.ownKeys(sub)).toEqual([
      'id',
      'offerName',
      'program',
      'status',
      'term',
      'billing',
      'quantity',
      'purchasedAt',
      'termStartedAt',
      'termStartDay',
      'termEndDay',
      'autoRenew',
      'trial',
      'seatBatches',
      'seatBatchesKnown',
      'promotionId',
      'isReturnable',
      'parentSubscriptionId',
      'cancellationWindowFrom',
      'scheduledChange',
      'nextChargeBilling',
      'updateCount',
      'endOfTermAction',
      'extendedServiceTerm',
      'assumptions',
    ]);
    expect(Object.keys(JSON.parse(JSON.stringify(sub)) as object)).toEqual(Reflect.ownKeys(sub));
  });

  it('copies and wrappers do not carry the mark: each is read as input, and a snapshot is not valid input', () => {
    const sub = toSubscription(BASE);
    const copies: unknown[] = [
      { ...sub },
      structuredClone(sub),
      JSON.parse(JSON.stringify(sub)),
      Object.freeze({ ...sub }),
      new Proxy(sub, {}),
      Object.create(sub),
    ];
    expect(copies.map((copy) => caught(() => toSubscription(copy as SubscriptionInput)).code)).toEqual([
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
      'UNKNOWN_FIELD',
      // Object.create: the facts are inherited, not own, so none is read.
      'MISSING_FIELD',
    ]);
  });

  it('replacing the array iterator can’t get an object of the caller’s marked as a snapshot', () => {
    const iterator = Array.prototype[Symbol.iterator];
    const forged = { program: 'bogus', quantity: -5 };
    // What a derived class's default constructor would spread its arguments through.
    Array.prototype[Symbol.iterator] = function (this: unknown[]) {
      return iterator.call(
        this.length === 1 && typeof this[0] === 'object' && this[0] !== null && 'termEndDay' in this[0]
          ? [forged]
          : this,
      );
    } as typeof iterator;
    let sub: unknown;
    try {
      sub = toSubscription(BASE);
    } finally {
      Array.prototype[Symbol.iterator] = iterator;
    }
    expect(sub).not.toBe(forged);
    expect(Object.isFrozen(forged)).toBe(false);
    expect(caught(() => toSubscription(forged as unknown as SubscriptionInput)).code).toBe('INVALID_ENUM');
  });

  it('primitives are never snapshots: each gives INVALID_TYPE, never a bare TypeError', () => {
    for (const value of [undefined, null, 0, 'sub', true, Symbol('s'), 10n]) {
      expect(caught(() => toSubscription(value as unknown as SubscriptionInput)).code).toBe('INVALID_TYPE');
    }
  });
});

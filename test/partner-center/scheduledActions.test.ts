/**
 * R6 through the Partner Center adapter (src/partner-center/scheduled.ts readScheduledActions,
 * fromPartnerCenter.ts): `scheduledActions` → the snapshot's end-of-term choice, auto-renew that
 * follows it, a RenewToNewTerm action's instructions over `scheduledNextTermInstructions`, the
 * notes, and every error with its JSON path.
 *
 * FIXTURES: Microsoft has published no JSON example of `scheduledActions`. Every resource below is
 * CONSTRUCTED by hand from the shape described in third-party descriptions and the API's field
 * names (an array of `{ actionType, scheduleType, instructions }`; actionType Cancel,
 * RenewToNewTerm, RenewToExtendedServiceTerm, Transition; scheduleType TermEnd, CustomDate) — not
 * copied from a Microsoft document.
 */
import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/partner-center/fromPartnerCenter.js';
import { notRead, withoutReported } from '../support/partnerCenter.js';
import { endOfTermOutcome } from '../../src/decisions/endOfTerm.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { errorOf } from '../support/caught.js';

const fromPartnerCenter = (...a: Parameters<typeof adapter.fromPartnerCenter>) =>
  withoutReported(adapter.fromPartnerCenter(...a));
const fromPartnerCenterList = (...a: Parameters<typeof adapter.fromPartnerCenterList>) =>
  adapter.fromPartnerCenterList(...a).map(withoutReported);

/**
 * CONSTRUCTED (not Microsoft's): an annual new-commerce license subscription bought 2025-06-10,
 * last day 2026-06-09, auto-renew off, no seat batches reported.
 */
function resource(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'sub-est-1',
    offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5QH',
    offerName: 'Microsoft 365 Business Basic',
    quantity: 5,
    creationDate: '2025-06-10T08:00:00Z',
    effectiveStartDate: '2025-06-10T08:00:00Z',
    commitmentEndDate: '2026-06-09T00:00:00Z',
    status: 'active',
    autoRenewEnabled: false,
    billingType: 'license',
    billingCycle: 'annual',
    termDuration: 'P1Y',
    isTrial: false,
    isMicrosoftProduct: true,
    productType: { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' },
    ...overrides,
  };
}

/** The note every resource above carries (no refundableQuantity). */
const BATCHES_UNKNOWN = {
  code: 'SEAT_BATCHES_UNKNOWN',
  field: 'refundableQuantity',
  kind: 'unknown',
  message: 'absent: seat batches unknown; seat decisions assume SEAT_BATCHES_ASSUMED',
};

const fromAuto = (reported: boolean, taken: boolean, field = 'scheduledActions[0]') => ({
  code: 'AUTO_RENEW_FROM_SCHEDULED_ACTION',
  field: 'autoRenewEnabled',
  kind: 'inferred',
  message: `${reported} disagrees with ${field}: taken as ${taken}, as the action says (R6)`,
});

const change = (fields: Record<string, unknown>): Record<string, unknown> => ({
  quantity: null,
  term: null,
  billing: null,
  offerName: null,
  customTermEndDay: null,
  ...fields,
});

describe('R6 scheduledActions: the TermEnd action decides the end-of-term choice', () => {
  it.each([
    ['Cancel', 'cancel', false],
    ['RenewToNewTerm', 'renew', true],
    ['RenewToExtendedServiceTerm', 'extended-service-term', false],
  ] as const)('R6: %s → endOfTermAction %s, autoRenew %s', (actionType, action, autoRenew) => {
    const { subscription } = fromPartnerCenter(
      resource({ autoRenewEnabled: autoRenew, scheduledActions: [{ actionType, scheduleType: 'TermEnd' }] }),
    );
    expect(subscription).toMatchObject({ endOfTermAction: action, autoRenew, assumptions: [] });
  });

  it('R6: scheduleType absent is a term-end action', () => {
    const { subscription, notes } = fromPartnerCenter(resource({ scheduledActions: [{ actionType: 'Cancel' }] }));
    expect(subscription.endOfTermAction).toBe('cancel');
    expect(notes).toEqual([BATCHES_UNKNOWN]);
  });

  it.each([
    ['cancel', 'termend', 'cancel'],
    ['CANCEL', 'TERM_END', 'cancel'],
    ['renew_to_new_term', 'TermEnd', 'renew'],
    ['RENEWTONEWTERM', 'termEnd', 'renew'],
    ['renewToExtendedServiceTerm', 'Term_End', 'extended-service-term'],
    ['Renew_To_Extended_Service_Term', 'TERMEND', 'extended-service-term'],
  ] as const)('R6: casing %s / %s → %s (lower-cased, _ removed)', (actionType, scheduleType, action) => {
    const { subscription } = fromPartnerCenter(resource({ scheduledActions: [{ actionType, scheduleType }] }));
    expect(subscription.endOfTermAction).toBe(action);
  });

  it('R6: absent, null or empty → no choice; auto-renew as reported', () => {
    for (const scheduledActions of [undefined, null, []]) {
      const { subscription } = fromPartnerCenter(resource({ scheduledActions }));
      expect(subscription).toMatchObject({ endOfTermAction: null, autoRenew: false });
    }
  });

  it('R6 P8: the snapshot read from a Cancel action ends the service at 2026-06-10T00:00Z', () => {
    const { subscription } = fromPartnerCenter(resource({ scheduledActions: [{ actionType: 'Cancel' }] }));
    expect(endOfTermOutcome(subscription)).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: Date.parse('2026-06-10T00:00:00Z'),
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });
});

describe('R6 scheduledActions vs autoRenewEnabled: the action decides, auto-renew follows', () => {
  it('R6: Cancel with autoRenewEnabled true → auto-renew off, noted', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({ autoRenewEnabled: true, scheduledActions: [{ actionType: 'Cancel', scheduleType: 'TermEnd' }] }),
    );
    expect(subscription).toMatchObject({ endOfTermAction: 'cancel', autoRenew: false });
    expect(notes).toEqual([fromAuto(true, false), BATCHES_UNKNOWN]);
  });

  it('R6: RenewToNewTerm with autoRenewEnabled false → auto-renew on, noted', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({ autoRenewEnabled: false, scheduledActions: [{ actionType: 'RenewToNewTerm' }] }),
    );
    expect(subscription).toMatchObject({ endOfTermAction: 'renew', autoRenew: true });
    expect(notes).toEqual([fromAuto(false, true), BATCHES_UNKNOWN]);
  });

  it('R6: RenewToExtendedServiceTerm with autoRenewEnabled true → off, noted with the action’s index', () => {
    const { notes } = fromPartnerCenter(
      resource({
        autoRenewEnabled: true,
        scheduledActions: [
          { actionType: 'Cancel', scheduleType: 'CustomDate' },
          { actionType: 'RenewToExtendedServiceTerm', scheduleType: 'TermEnd' },
        ],
      }),
    );
    expect(notes).toContainEqual(fromAuto(true, false, 'scheduledActions[1]'));
  });

  it('R6: agreeing → no note; autoRenewEnabled absent → taken from the action, not assumed (no AUTO_RENEW_ASSUMED)', () => {
    expect(
      fromPartnerCenter(resource({ autoRenewEnabled: false, scheduledActions: [{ actionType: 'Cancel' }] })).notes,
    ).toEqual([BATCHES_UNKNOWN]);
    const absent = fromPartnerCenter(
      resource({ autoRenewEnabled: undefined, scheduledActions: [{ actionType: 'Cancel' }] }),
    );
    expect(absent.subscription).toMatchObject({ autoRenew: false, assumptions: [] });
    expect(absent.notes).toEqual([BATCHES_UNKNOWN]);
  });

  it('R1: no term-end action and autoRenewEnabled absent → on, assumed (AUTO_RENEW_ASSUMED), as before', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({ autoRenewEnabled: undefined, scheduledActions: [{ actionType: 'Transition' }] }),
    );
    expect(subscription).toMatchObject({ autoRenew: true, endOfTermAction: null, assumptions: ['AUTO_RENEW_ASSUMED'] });
    expect(notes.map((n) => n.code)).toEqual([
      'SCHEDULED_ACTION_NOT_USED',
      'AUTO_RENEW_DEFAULTED',
      'SEAT_BATCHES_UNKNOWN',
    ]);
  });
});

describe('S1 R6 instructions: a RenewToNewTerm action’s instructions take precedence', () => {
  it('S1 R6: instructions used, scheduledNextTermInstructions superseded (noted)', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({
        autoRenewEnabled: true,
        scheduledActions: [
          {
            actionType: 'RenewToNewTerm',
            scheduleType: 'TermEnd',
            instructions: {
              quantity: 8,
              product: {
                productId: 'CFQ7TTC0LH18',
                skuId: '0001',
                availabilityId: 'CFQ7TTC0K5QH',
                termDuration: 'P3Y',
                billingCycle: 'Monthly',
              },
            },
          },
        ],
        scheduledNextTermInstructions: { quantity: 12 },
      }),
    );
    expect(subscription.scheduledChange).toEqual(change({ quantity: 8, term: 'P3Y', billing: 'monthly' }));
    expect(notes).toEqual([
      BATCHES_UNKNOWN,
      {
        code: 'NEXT_TERM_INSTRUCTIONS_SUPERSEDED',
        field: 'scheduledNextTermInstructions',
        kind: 'unknown',
        message: 'not used: scheduledActions[0].instructions decide the next term (S1, R6)',
      },
    ]);
  });

  it('S1: instructions without scheduledNextTermInstructions → no note; a custom end date as written', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({
        autoRenewEnabled: true,
        scheduledActions: [
          { actionType: 'RenewToNewTerm', instructions: { customTermEndDate: '2027-05-31T00:00:00Z' } },
        ],
      }),
    );
    expect(subscription.scheduledChange).toEqual(
      change({ customTermEndDay: Date.parse('2027-05-31T00:00:00Z') / 86_400_000 }),
    );
    expect(notes).toEqual([BATCHES_UNKNOWN]);
  });

  it('S1: another SKU in the instructions → SCHEDULED_PRODUCT_UNNAMED at the action’s path', () => {
    const { notes } = fromPartnerCenter(
      resource({
        autoRenewEnabled: true,
        scheduledActions: [
          { actionType: 'RenewToNewTerm', instructions: { product: { productId: 'CFQ7TTC0LH18', skuId: '0002' } } },
        ],
      }),
    );
    expect(notes[0]).toEqual({
      code: 'SCHEDULED_PRODUCT_UNNAMED',
      field: 'scheduledActions[0].instructions.product.skuId',
      kind: 'unknown',
      message: 'next term moves to CFQ7TTC0LH18:0002; its offer name is not in the resource',
    });
  });

  it('S1: a Cancel action’s instructions are not read; scheduledNextTermInstructions stays', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({
        scheduledActions: [{ actionType: 'Cancel', instructions: { quantity: 0 } }],
        scheduledNextTermInstructions: { quantity: 12 },
      }),
    );
    expect(subscription.scheduledChange).toEqual(change({ quantity: 12 }));
    expect(notes).toEqual([BATCHES_UNKNOWN]);
  });

  it('S1: null instructions on RenewToNewTerm → scheduledNextTermInstructions used', () => {
    const { subscription } = fromPartnerCenter(
      resource({
        autoRenewEnabled: true,
        scheduledActions: [{ actionType: 'RenewToNewTerm', instructions: null }],
        scheduledNextTermInstructions: { quantity: 12 },
      }),
    );
    expect(subscription.scheduledChange).toEqual(change({ quantity: 12 }));
  });
});

describe('R6 scheduledActions that are not end-of-term choices: noted, not used', () => {
  it('R6: CustomDate (any action) and Transition (any schedule) → SCHEDULED_ACTION_NOT_USED at their index', () => {
    const { subscription, notes } = fromPartnerCenter(
      resource({
        scheduledActions: [
          { actionType: 'Cancel', scheduleType: 'CustomDate' },
          { actionType: 'Transition', scheduleType: 'TermEnd' },
          { actionType: 'RenewToExtendedServiceTerm', scheduleType: 'TermEnd' },
        ],
      }),
    );
    expect(subscription).toMatchObject({ endOfTermAction: 'extended-service-term', autoRenew: false });
    expect(notes).toEqual([
      {
        code: 'SCHEDULED_ACTION_NOT_USED',
        field: 'scheduledActions[0]',
        kind: 'unknown',
        message: 'an action on a custom date is not an end-of-term choice (R6): not used',
      },
      {
        code: 'SCHEDULED_ACTION_NOT_USED',
        field: 'scheduledActions[1]',
        kind: 'unknown',
        message: 'a transition is not an end-of-term choice (R6): not used',
      },
      BATCHES_UNKNOWN,
    ]);
  });

  it('R6: a transition on a custom date is noted as an action on a custom date', () => {
    const { notes } = fromPartnerCenter(
      resource({ scheduledActions: [{ actionType: 'Transition', scheduleType: 'customDate' }] }),
    );
    expect(notes[0]).toMatchObject({
      field: 'scheduledActions[0]',
      message: 'an action on a custom date is not an end-of-term choice (R6): not used',
    });
  });
});

describe('R6 scheduledActions that cannot be read are a note naming their JSON path; the record stands', () => {
  it.each([
    [
      { actionType: 'Cancel' },
      'INVALID_TYPE',
      'scheduledActions',
      'scheduledActions: expected an array, got an object',
    ],
    ['Cancel', 'INVALID_TYPE', 'scheduledActions', 'scheduledActions: expected an array, got "Cancel"'],
    [[1], 'INVALID_TYPE', 'scheduledActions[0]', 'scheduledActions[0]: expected an object, got 1'],
    [
      [{ actionType: 'Nope' }],
      'INVALID_ENUM',
      'scheduledActions[0].actionType',
      'scheduledActions[0].actionType: expected one of Cancel, RenewToNewTerm, RenewToExtendedServiceTerm, Transition, got "Nope"',
    ],
    [
      [{ scheduleType: 'CustomDate' }, {}],
      'MISSING_FIELD',
      'scheduledActions[0].actionType',
      'scheduledActions[0].actionType: is required',
    ],
    [
      [{ actionType: 'Cancel', scheduleType: 'Weekly' }],
      'INVALID_ENUM',
      'scheduledActions[0].scheduleType',
      'scheduledActions[0].scheduleType: expected one of TermEnd, CustomDate, got "Weekly"',
    ],
    [
      [{ actionType: 'Cancel' }, { actionType: 'Transition' }, { actionType: 'renewtonewterm' }],
      'INCONSISTENT',
      'scheduledActions[2]',
      'scheduledActions[2]: a second term-end action (the first is scheduledActions[0])',
    ],
    [
      [{ actionType: 'RenewToNewTerm', instructions: { quantity: 0 } }],
      'INVALID_QUANTITY',
      'scheduledActions[0].instructions.quantity',
      'scheduledActions[0].instructions.quantity: expected a whole number ≥ 1, got 0',
    ],
    [
      [{ actionType: 'RenewToNewTerm', instructions: 'x' }],
      'INVALID_TYPE',
      'scheduledActions[0].instructions',
      'scheduledActions[0].instructions: expected an object, got "x"',
    ],
  ])('%j → %s at %s', (scheduledActions, code, field, message) => {
    expect(notRead(() => fromPartnerCenter(resource({ scheduledActions })))).toMatchObject({ code, field, message });
  });

  it('R6: in a list, the item is read and its note names the field', () => {
    const [, second] = fromPartnerCenterList([resource(), resource({ scheduledActions: [{ actionType: 3 }] })]);
    expect(notRead(() => second as NonNullable<typeof second>)).toMatchObject({
      code: 'INVALID_ENUM',
      field: 'scheduledActions[0].actionType',
    });
  });
});

describe('C17 options.extendedServiceTerm: the caller says the subscription is in an EST', () => {
  /** CONSTRUCTED: an EST month as a monthly resource (2026-06-10 … 2026-07-09). */
  const estResource = resource({
    billingCycle: 'monthly',
    termDuration: 'P1M',
    creationDate: '2026-06-10T00:00:00Z',
    effectiveStartDate: '2026-06-10T00:00:00Z',
    commitmentEndDate: '2026-07-09T00:00:00Z',
  });

  it('C17: marks the snapshot; cancellable at any time, prorated', () => {
    const { subscription } = fromPartnerCenter(estResource, { extendedServiceTerm: true });
    expect(subscription).toMatchObject({ extendedServiceTerm: true, term: 'P1M', billing: 'monthly' });
    expect(canCancel(subscription, { now: '2026-06-25T00:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C17',
      reason: 'ANY_TIME',
      refund: 'prorated',
    });
    expect(fromPartnerCenter(estResource).subscription.extendedServiceTerm).toBe(false);
  });

  it('C17: on an annual resource → INCONSISTENT', () => {
    expect(errorOf(() => fromPartnerCenter(resource(), { extendedServiceTerm: true }))).toMatchObject({
      code: 'INCONSISTENT',
    });
  });

  // Every other adapter error names the JSON path or the option (`options.program`); this one
  // names the snapshot's field (FIELD_PATHS in src/partner-center/fromPartnerCenter.ts:281-290 has
  // no entry for it).
  it('C17: the error of an EST option on an annual resource names options.extendedServiceTerm', () => {
    expect(errorOf(() => fromPartnerCenter(resource(), { extendedServiceTerm: true })).field).toBe(
      'options.extendedServiceTerm',
    );
  });
});

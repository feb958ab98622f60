/**
 * Shared fixtures of the Partner Center adapter tests: the partner-center.md example resource
 * and the snapshot it reads into, written out by hand (no value here comes from src).
 */
import { at, dayNumber } from './time.js';
import { caught } from './caught.js';

/**
 * The partner-center.md example: an annual new-commerce subscription bought 2024-01-15 09:30:12Z,
 * 15 seats, one open batch of 5 whose reduction window ends 2024-03-17T14:02:45Z.
 */
export function pc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
    offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5QH',
    offerName: 'Microsoft 365 Business Basic',
    friendlyName: 'Contoso M365 Basic',
    quantity: 15,
    unitType: 'Licenses',
    creationDate: '2024-01-15T09:30:12Z',
    effectiveStartDate: '2024-01-15T09:30:11Z',
    commitmentEndDate: '2025-01-14T00:00:00Z',
    status: 'active',
    autoRenewEnabled: true,
    billingType: 'license',
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    isTrial: false,
    isMicrosoftProduct: true,
    actions: ['edit'],
    cancellationAllowedUntilDate: '2024-01-22T09:30:12Z',
    refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }] },
    productType: { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' },
    scheduledNextTermInstructions: null,
    promotionId: null,
    ...overrides,
  };
}

/**
 * The whole snapshot `pc()` reads into, worked out by hand:
 * - `effectiveStartDate` is 1 s before `creationDate` (not > 24 h after): first term, so the
 *   term starts at the purchase instant, on 2024-01-15;
 * - `commitmentEndDate` 2025-01-14 is inclusive in new commerce (T2);
 * - the batch's `addedAt` = 2024-03-17T14:02:45Z − 168 h = 2024-03-10T14:02:45Z (Q2), and its
 *   reported deadline kept as `until` (a fact: its window never ends later);
 * - every fact is in the JSON: nothing assumed.
 */
export function snapshot(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
    offerName: 'Microsoft 365 Business Basic',
    program: 'nce-license',
    status: 'active',
    term: 'P1Y',
    billing: 'monthly',
    quantity: 15,
    purchasedAt: at('2024-01-15T09:30:12Z'),
    termStartedAt: at('2024-01-15T09:30:12Z'),
    termStartDay: dayNumber('2024-01-15'),
    termEndDay: dayNumber('2025-01-14'),
    autoRenew: true,
    trial: false,
    seatBatches: [{ quantity: 5, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-17T14:02:45Z') }],
    seatBatchesKnown: true,
    promotionId: null,
    isReturnable: true,
    parentSubscriptionId: null,
    cancellationWindowFrom: null,
    scheduledChange: null,
    nextChargeBilling: null,
    updateCount: null,
    // R6: no `scheduledActions`: no end-of-term choice; C17: not in an Extended Service Term.
    endOfTermAction: null,
    extendedServiceTerm: false,
    assumptions: [],
    ...overrides,
  };
}

/** The note `pc()` always carries: its one batch's inferred `addedAt`. */
export const BATCH_NOTE = {
  code: 'SEAT_BATCH_ADDED_AT_INFERRED',
  field: 'refundableQuantity.details[0].allowedUntilDateTime',
  kind: 'inferred',
  message: 'added at 2024-03-10T14:02:45.000Z = allowedUntilDateTime − 168 h (Q2)',
} as const;

/** The note for a program without seat reduction whose resource still lists `refundableQuantity`. */
export function ignoredNote(program: string): Record<string, unknown> {
  return {
    code: 'SEAT_BATCHES_IGNORED',
    field: 'refundableQuantity',
    kind: 'defaulted',
    message: `${program} has no seat reduction (Q8, C2)`,
  };
}

/** The CspRulesError `run` throws, as a plain object (code, field, whole message, received). */
export function fault(run: () => unknown): Record<string, unknown> {
  const e = caught(run);
  return { code: e.code, field: e.field, message: e.message, received: e.received };
}

/**
 * `fromPartnerCenter` and `fromPartnerCenterList` without the `reported` facts (tested on their
 * own in test/partner-center/reported.test.ts), so that the older whole-result tables stay exact.
 */
export function withoutReported<T extends { readonly reported: unknown }>(read: T): Omit<T, 'reported'> {
  const { reported: _reported, ...rest } = read;
  return rest;
}

/** An error as `fault` shows it, without `received` (a note does not keep the value). */
export function withoutReceived(error: { code: string; field: string; message: string; received?: unknown }): {
  code: string;
  field: string;
  message: string;
} {
  return { code: error.code, field: error.field, message: error.message };
}

/**
 * An auxiliary field that cannot be read is a `FIELD_NOT_READ` note, not a throw: the note's
 * error as `fault` shows a thrown one, without `received` (see {@link withoutReceived}).
 */
export function notRead(read: () => { readonly notes: readonly { code: string; field: string; message: string }[] }): {
  code: string;
  field: string;
  message: string;
} {
  const note = read().notes.find((n) => n.code === 'FIELD_NOT_READ');
  if (note === undefined) throw new Error('expected a FIELD_NOT_READ note, there is none');
  const m = /^not read \(([A-Z_]+): (.*)\); taken as absent$/s.exec(note.message);
  if (m === null) throw new Error(`unexpected FIELD_NOT_READ message ${note.message}`);
  return { code: m[1] as string, field: note.field, message: `${note.field}: ${m[2] as string}` };
}

/**
 * S1, B2 and R6 from the Partner Center resource: `scheduledNextTermInstructions` (changes saved
 * for the next term), `nextChargeInstructions` (a pending billing-frequency change) and
 * `scheduledActions` (the end-of-term choice, from 2026-02-16).
 */
import type { EndOfTermAction, ScheduledChangeInput } from '../snapshot/subscription.js';
import { CspRulesError, describe } from '../core/errors.js';
import { BILLING_FREQUENCIES, TERMS, type BillingFrequency, type Term } from '../time/term.js';
import { toCount, toRecord } from '../core/validate.js';
import type { Note } from './notes.js';
import { get, optionalObject, optionalString, pathOf, readDateOnly, readEnum, type At } from './read.js';
import { formatDay } from '../time/day.js';

const BILLING: ReadonlyMap<string, BillingFrequency> = new Map(BILLING_FREQUENCIES.map((b) => [b, b]));
const TERM: ReadonlyMap<string, Term> = new Map(TERMS.map((t) => [t.toLowerCase(), t]));

/**
 * S1: `scheduledNextTermInstructions` → the snapshot's `scheduledChange`: `quantity`,
 * `product.termDuration`, `product.billingCycle`, `customTermEndDate` (a T2 date as written).
 * The resource names a SKU change by ids only (`product.productId`, `product.skuId`); when they
 * differ from the current `offerId` a note says so (the upgrade target's offer name is unknown).
 */
export function readScheduled(root: At, offerId: string | null, notes: Note[]): ScheduledChangeInput | null {
  const s = optionalObject(root, 'scheduledNextTermInstructions');
  return s === null ? null : readInstructions(s, offerId, notes);
}

/** Next-term instructions (`scheduledNextTermInstructions`, or a scheduled action's `instructions`) → `scheduledChange`. */
function readInstructions(s: At, offerId: string | null, notes: Note[]): ScheduledChangeInput {
  const product = optionalObject(s, 'product');
  const rawQuantity = get(s, 'quantity');
  const quantity =
    rawQuantity === undefined || rawQuantity === null ? undefined : toCount(rawQuantity, pathOf(s, 'quantity'), 1);
  const term = product === null ? undefined : readEnum(product, 'termDuration', TERM, 'P1M, P1Y, P3Y');
  const billing =
    product === null ? undefined : readEnum(product, 'billingCycle', BILLING, 'monthly, annual, triennial');
  const rawCustom = get(s, 'customTermEndDate');
  const custom =
    rawCustom === undefined || rawCustom === null
      ? undefined
      : (readDateOnly(rawCustom, pathOf(s, 'customTermEndDate'), s.notes) ?? undefined);
  if (product !== null && offerId !== null) {
    const productId = optionalString(product, 'productId');
    const skuId = optionalString(product, 'skuId');
    const [currentProduct, currentSku] = offerId.split(':');
    if ((productId !== null && productId !== currentProduct) || (skuId !== null && skuId !== currentSku)) {
      notes.push({
        code: 'SCHEDULED_PRODUCT_UNNAMED',
        field: pathOf(product, 'skuId'),
        kind: 'unknown',
        message: `next term moves to ${productId ?? '?'}:${skuId ?? '?'}; its offer name is not in the resource`,
      });
    }
  }
  return {
    ...(quantity === undefined ? {} : { quantity }),
    ...(term === undefined ? {} : { term }),
    ...(billing === undefined ? {} : { billing }),
    ...(custom === undefined ? {} : { customTermEndDate: formatDay(custom) }),
  };
}

/**
 * B2: `nextChargeInstructions.product.billingCycle` as a pending billing-frequency change —
 * only when it differs from the current billing (Partner Center may repeat the current one).
 */
export function readNextChargeBilling(root: At, current: BillingFrequency): BillingFrequency | null {
  const next = optionalObject(root, 'nextChargeInstructions');
  const product = next === null ? null : optionalObject(next, 'product');
  const billing =
    product === null ? undefined : readEnum(product, 'billingCycle', BILLING, 'monthly, annual, triennial');
  return billing === undefined || billing === current ? null : billing;
}

/** `scheduledActions[i].scheduleType`: when the action runs. */
const SCHEDULE_TYPE: ReadonlyMap<string, 'TermEnd' | 'CustomDate'> = new Map([
  ['termend', 'TermEnd'],
  ['customdate', 'CustomDate'],
]);

/** `scheduledActions[i].actionType` → the end-of-term choice (R6); `Transition` is not one. */
const ACTION_TYPE: ReadonlyMap<string, EndOfTermAction | 'transition'> = new Map([
  ['cancel', 'cancel'],
  ['renewtonewterm', 'renew'],
  ['renewtoextendedserviceterm', 'extended-service-term'],
  ['transition', 'transition'],
]);

/** What `scheduledActions` says about the end of the term. */
export interface ScheduledActions {
  /** R6: the term-end action, when one is scheduled. */
  readonly endOfTermAction: EndOfTermAction | null;
  /** JSON path of that action, for notes and errors. */
  readonly field: string | null;
  /** S1: a `RenewToNewTerm` action's `instructions` (they take precedence over `scheduledNextTermInstructions`). */
  readonly instructions: ScheduledChangeInput | null;
}

/** No scheduled actions. */
export const NO_SCHEDULED_ACTIONS: ScheduledActions = Object.freeze({
  endOfTermAction: null,
  field: null,
  instructions: null,
});

/**
 * R6: `scheduledActions` (from 2026-02-16) → the end-of-term choice. The `TermEnd` action decides:
 * `Cancel` → `cancel`, `RenewToNewTerm` → `renew` (its `instructions`, when given, are the next
 * term's changes, S1), `RenewToExtendedServiceTerm` → `extended-service-term`. Actions on a
 * custom date and `Transition` are not end-of-term choices: a note says they were not used.
 *
 * @throws {@link CspRulesError} `INVALID_TYPE` for a non-array, `INVALID_ENUM` for an unknown
 *   type, `INCONSISTENT` for two term-end actions — each naming the JSON path
 */
export function readScheduledActions(root: At, offerId: string | null, notes: Note[]): ScheduledActions {
  const raw = get(root, 'scheduledActions');
  if (raw === undefined || raw === null) return NO_SCHEDULED_ACTIONS;
  if (!Array.isArray(raw)) {
    throw new CspRulesError('INVALID_TYPE', 'scheduledActions', `expected an array, got ${describe(raw)}`, raw);
  }
  let found: ScheduledActions = NO_SCHEDULED_ACTIONS;
  (raw as readonly unknown[]).forEach((item, i) => {
    const path = `scheduledActions[${i}]`;
    const at: At = { record: toRecord(item, path), path };
    const when = readEnum(at, 'scheduleType', SCHEDULE_TYPE, 'TermEnd, CustomDate') ?? 'TermEnd';
    const type = readEnum(
      at,
      'actionType',
      ACTION_TYPE,
      'Cancel, RenewToNewTerm, RenewToExtendedServiceTerm, Transition',
    );
    if (type === undefined) throw new CspRulesError('MISSING_FIELD', pathOf(at, 'actionType'), 'is required');
    if (when !== 'TermEnd' || type === 'transition') {
      notes.push({
        code: 'SCHEDULED_ACTION_NOT_USED',
        field: path,
        kind: 'unknown',
        message: `${when === 'TermEnd' ? 'a transition' : 'an action on a custom date'} is not an end-of-term choice (R6): not used`,
      });
      return;
    }
    if (found.field !== null) {
      throw new CspRulesError('INCONSISTENT', path, `a second term-end action (the first is ${found.field})`);
    }
    const instructions = type === 'renew' ? optionalObject(at, 'instructions') : null;
    found = {
      endOfTermAction: type,
      field: path,
      instructions: instructions === null ? null : readInstructions(instructions, offerId, notes),
    };
  });
  return found;
}

/**
 * S1 and B2 from the Partner Center resource: `scheduledNextTermInstructions` (changes saved
 * for the next term) and `nextChargeInstructions` (a pending billing-frequency change).
 */
import type { ScheduledChangeInput } from '../snapshot/subscription.js';
import { BILLING_FREQUENCIES, TERMS, type BillingFrequency, type Term } from '../time/term.js';
import { toCount } from '../core/validate.js';
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
  if (s === null) return null;
  const product = optionalObject(s, 'product');
  const rawQuantity = get(s, 'quantity');
  const quantity =
    rawQuantity === undefined || rawQuantity === null ? undefined : toCount(rawQuantity, pathOf(s, 'quantity'), 1);
  const term = product === null ? undefined : readEnum(product, 'termDuration', TERM, 'P1M, P1Y, P3Y');
  const billing =
    product === null ? undefined : readEnum(product, 'billingCycle', BILLING, 'monthly, annual, triennial');
  const rawCustom = get(s, 'customTermEndDate');
  const custom =
    rawCustom === undefined || rawCustom === null ? undefined : readDateOnly(rawCustom, pathOf(s, 'customTermEndDate'));
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

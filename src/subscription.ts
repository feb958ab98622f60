/**
 * The subscription snapshot: a readonly description of the facts the rules need. Callers
 * write a {@link SubscriptionInput} (ISO strings, Dates or epoch ms); every decision reads it
 * through {@link toSubscription}, which validates each field once and gives integers.
 */
import { CspRulesError } from './errors.js';
import { PROGRAMS, type Program } from './policy/programs.js';
import { civilFromDay, dayOf, type UtcDay } from './time/day.js';
import { toInstant, toUtcDay, type DateInput, type Instant, type InstantInput } from './time/instant.js';
import { addMonthsClamped, BILLING_FREQUENCIES, TERM_MONTHS, TERMS, type BillingFrequency, type Term } from './time/term.js';
import { own, toBoolean, toCount, toEnum, toOptionalString, toRecord } from './validate.js';

/**
 * Subscription status. Partner Center's statuses plus `cancelled` (what the library records
 * when it knows the subscription was cancelled; Partner Center reports that as `deleted`).
 */
export type Status = 'active' | 'pending' | 'suspended' | 'expired' | 'disabled' | 'deleted' | 'cancelled';

/** Every status. */
export const STATUSES: readonly Status[] = ['active', 'pending', 'suspended', 'expired', 'disabled', 'deleted', 'cancelled'];

/** A batch of seats added at one instant (Q2): the initial purchase, a renewal, a midterm increase. */
export interface SeatBatchInput {
  readonly quantity: number;
  readonly addedAt: InstantInput;
}

/** What callers describe. Only `program`, `term`, `billing`, `quantity` and `purchasedAt` are required. */
export interface SubscriptionInput {
  readonly id?: string;
  readonly program: Program;
  /** Default `active`. */
  readonly status?: Status;
  readonly term: Term;
  readonly billing: BillingFrequency;
  /** Current seat count. */
  readonly quantity: number;
  /** The purchase (order) instant. */
  readonly purchasedAt: InstantInput;
  /**
   * Start of the current term: the purchase instant, or the renewal-completion instant (R3).
   * Omitted: the subscription is in its first term (= `purchasedAt`). `null`: a renewed term
   * whose completion instant is unknown — then `termStartDate` is required.
   */
  readonly termStartedAt?: InstantInput | null;
  /** The current term's first UTC day; needed only when `termStartedAt` is `null`. */
  readonly termStartDate?: DateInput;
  /** Inclusive end date of the current term (T2). Default: T6 from the term start, anchored on the purchase day. */
  readonly termEndDate?: DateInput;
  /** Default `true` (R1). */
  readonly autoRenew?: boolean;
  /** Default `false`. */
  readonly trial?: boolean;
  /** Seats added in the current term, each with its instant. Default: the whole quantity at the term start. */
  readonly seatBatches?: readonly SeatBatchInput[];
  readonly promotionId?: string | null;
  /** Microsoft's per-asset returnable flag (C7, C16). Default `true`. */
  readonly isReturnable?: boolean;
  /** The base subscription of an add-on. */
  readonly parentSubscriptionId?: string | null;
  /**
   * U9: a subscription created by a partial upgrade inherits its parent's cancellation window;
   * give the instant that window runs from.
   */
  readonly cancellationWindowFrom?: InstantInput | null;
}

/** A seat batch with its instant read. */
export interface SeatBatch {
  readonly quantity: number;
  readonly addedAt: Instant;
}

/** The validated snapshot every decision works on. Instants are epoch ms, dates UTC day numbers. */
export interface Subscription {
  readonly id: string | null;
  readonly program: Program;
  readonly status: Status;
  readonly term: Term;
  readonly billing: BillingFrequency;
  readonly quantity: number;
  readonly purchasedAt: Instant;
  /** `null`: renewed, completion instant unknown (R3). */
  readonly termStartedAt: Instant | null;
  readonly termStartDay: UtcDay;
  /** Inclusive (T2): the term ends at 00:00Z of the next day. */
  readonly termEndDay: UtcDay;
  readonly autoRenew: boolean;
  readonly trial: boolean;
  readonly seatBatches: readonly SeatBatch[];
  /** False when `seatBatches` was not given and the library assumed one batch at the term start. */
  readonly seatBatchesKnown: boolean;
  readonly promotionId: string | null;
  readonly isReturnable: boolean;
  readonly parentSubscriptionId: string | null;
  readonly cancellationWindowFrom: Instant | null;
}

/** Snapshots this module made: read once, then trusted (frozen, so they can't change after). */
const validated = new WeakSet<object>();

/**
 * Validates a subscription description into a snapshot. Passing a snapshot it made returns it
 * unchanged, so decisions can call it freely.
 *
 * @throws {@link CspRulesError} naming the field for any invalid or contradictory value
 *
 * @example
 * ```ts
 * const sub = toSubscription({
 *   program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15,
 *   purchasedAt: '2024-01-15T09:30:12Z',
 *   seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:12Z' }, { quantity: 5, addedAt: '2024-03-10T14:02:45Z' }],
 * });
 * formatDay(sub.termEndDay); // '2025-01-14'
 * ```
 */
export function toSubscription(input: SubscriptionInput | Subscription): Subscription {
  if (validated.has(input)) return input as Subscription;
  const r = toRecord(input, 'subscription');
  const program = toEnum(own(r, 'program'), PROGRAMS, 'program');
  const term = toEnum(own(r, 'term'), TERMS, 'term');
  const billing = toEnum(own(r, 'billing'), BILLING_FREQUENCIES, 'billing');
  const status = own(r, 'status') === undefined ? 'active' : toEnum(own(r, 'status'), STATUSES, 'status');
  const quantity = toCount(own(r, 'quantity'), 'quantity');
  const purchasedAt = toInstant(required(r, 'purchasedAt'), 'purchasedAt');

  const rawStart = own(r, 'termStartedAt');
  const termStartedAt = rawStart === undefined ? purchasedAt : rawStart === null ? null : toInstant(rawStart, 'termStartedAt');
  let termStartDay: UtcDay;
  if (termStartedAt === null) {
    termStartDay = toUtcDay(required(r, 'termStartDate'), 'termStartDate');
  } else {
    if (termStartedAt < purchasedAt) inconsistent('termStartedAt', 'is before purchasedAt');
    termStartDay = dayOf(termStartedAt);
  }
  if (termStartDay < dayOf(purchasedAt)) inconsistent('termStartDate', 'is before the purchase day');

  const rawEnd = own(r, 'termEndDate');
  const termEndDay =
    rawEnd === undefined
      ? addMonthsClamped(termStartDay, TERM_MONTHS[term], civilFromDay(dayOf(purchasedAt)).day) - 1
      : toUtcDay(rawEnd, 'termEndDate');
  if (termEndDay < termStartDay) inconsistent('termEndDate', 'is before the term start');

  const rawBatches = own(r, 'seatBatches');
  const seatBatchesKnown = rawBatches !== undefined;
  const seatBatches = seatBatchesKnown ? readBatches(rawBatches, purchasedAt) : [];

  const rawFrom = own(r, 'cancellationWindowFrom');
  const snapshot: Subscription = {
    id: toOptionalString(own(r, 'id'), 'id'),
    program,
    status,
    term,
    billing,
    quantity,
    purchasedAt,
    termStartedAt,
    termStartDay,
    termEndDay,
    autoRenew: toBoolean(own(r, 'autoRenew'), 'autoRenew', true),
    trial: toBoolean(own(r, 'trial'), 'trial', false),
    seatBatches,
    seatBatchesKnown,
    promotionId: toOptionalString(own(r, 'promotionId'), 'promotionId'),
    isReturnable: toBoolean(own(r, 'isReturnable'), 'isReturnable', true),
    parentSubscriptionId: toOptionalString(own(r, 'parentSubscriptionId'), 'parentSubscriptionId'),
    cancellationWindowFrom:
      rawFrom === undefined || rawFrom === null ? null : toInstant(rawFrom, 'cancellationWindowFrom'),
  };
  Object.freeze(snapshot);
  validated.add(snapshot);
  return snapshot;
}

function readBatches(value: unknown, purchasedAt: Instant): readonly SeatBatch[] {
  if (!Array.isArray(value)) {
    throw new CspRulesError('INVALID_TYPE', 'seatBatches', 'expected an array of { quantity, addedAt }', value);
  }
  const batches: SeatBatch[] = [];
  for (let i = 0; i < value.length; i++) {
    const b = toRecord(value[i], `seatBatches[${i}]`);
    const addedAt = toInstant(required(b, 'addedAt', `seatBatches[${i}].addedAt`), `seatBatches[${i}].addedAt`);
    if (addedAt < purchasedAt) inconsistent(`seatBatches[${i}].addedAt`, 'is before purchasedAt');
    batches.push(Object.freeze({ quantity: toCount(own(b, 'quantity'), `seatBatches[${i}].quantity`, 1), addedAt }));
  }
  return Object.freeze(batches);
}

function required(r: Readonly<Record<string, unknown>>, key: string, field = key): unknown {
  const value = own(r, key);
  if (value === undefined || value === null) throw new CspRulesError('MISSING_FIELD', field, 'is required');
  return value;
}

function inconsistent(field: string, message: string): never {
  throw new CspRulesError('INCONSISTENT', field, message);
}

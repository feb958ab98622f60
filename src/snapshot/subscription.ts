/**
 * The subscription snapshot: a readonly description of the facts the rules need. Callers
 * write a {@link SubscriptionInput} (ISO strings, Dates or epoch ms); every decision reads it
 * through {@link toSubscription}, which validates each field once and gives integers.
 */
import { isPlan, nextPlan } from './plan.js';
import { ASSUMPTIONS, type Assumption } from '../core/decision.js';
import { CspRulesError, describe } from '../core/errors.js';
import { TRIAL_DAYS } from '../policy/trials.js';
import { PROGRAMS, type Program } from '../policy/programs.js';
import { civilFromDay, dayOf, daysInMonth, type UtcDay } from '../time/day.js';
import { toInstant, toUtcDay, type DateInput, type Instant, type InstantInput } from '../time/instant.js';
import {
  addMonthsClamped,
  BILLING_FREQUENCIES,
  billingMonths,
  TERM_MONTHS,
  TERMS,
  type BillingFrequency,
  type Term,
} from '../time/term.js';
import { isRecord, own, toBoolean, toCount, toEnum, toOptionalString, toRecord } from '../core/validate.js';

/**
 * Subscription status. Partner Center's statuses plus `cancelled` (what the library records
 * when it knows the subscription was cancelled; Partner Center reports that as `deleted`).
 */
export type Status = (typeof STATUSES)[number];

/** Every status. */
export const STATUSES = /* @__PURE__ */ Object.freeze([
  'active',
  'pending',
  'suspended',
  'expired',
  'disabled',
  'deleted',
  'cancelled',
] as const);

/** A batch of seats added at one instant (Q2): the initial purchase, a renewal, a midterm increase. */
export interface SeatBatchInput {
  /** Seats added in this batch (at least 1). */
  readonly quantity: number;
  /** When the seats were added: their 7-day reduction window starts here (Q2). */
  readonly addedAt: InstantInput;
  /**
   * The deadline Partner Center reports for reducing this batch (`refundableQuantity`,
   * `allowedUntilDateTime`): a reported fact, so the batch's window never ends later (Q2, Q4).
   */
  readonly until?: InstantInput | null;
}

/** S1: a change saved for the next term ("Manage renewal"; Partner Center `scheduledNextTermInstructions`). */
export interface ScheduledChangeInput {
  /** Seats for the next term. */
  readonly quantity?: number;
  /** Term for the next term (S1). */
  readonly term?: Term;
  /** Billing frequency for the next term (S1). */
  readonly billing?: BillingFrequency;
  /** SKU upgrade target (offer name, as U2 spells it). */
  readonly offerName?: string;
  /** Coterminous end date for the next term (CO2). */
  readonly customTermEndDate?: DateInput;
}

/** A validated scheduled change. */
export interface ScheduledChange {
  /** Seats for the next term; `null` when unchanged. */
  readonly quantity: number | null;
  /** Term for the next term; `null` when unchanged. */
  readonly term: Term | null;
  /** Billing frequency for the next term; `null` when unchanged. */
  readonly billing: BillingFrequency | null;
  /** SKU upgrade target at renewal (U2); `null` when none. */
  readonly offerName: string | null;
  /** Coterminous end date of the next term (CO2), as a UTC day; `null` when none. */
  readonly customTermEndDay: UtcDay | null;
}

/** What callers describe. Only `program`, `term`, `billing`, `quantity` and `purchasedAt` are required. */
export interface SubscriptionInput {
  /** The subscription's ID (Partner Center's `id`), needed to link add-ons and aligned subscriptions. */
  readonly id?: string;
  /** Product name as Partner Center's `offerName` (the U2 deny list matches on it). */
  readonly offerName?: string | null;
  /** The CSP program or channel it was bought through: decides its windows and refunds. */
  readonly program: Program;
  /** Default `active`. */
  readonly status?: Status;
  /** Term length of the current term (B1). */
  readonly term: Term;
  /** How often the current term is billed (B1). */
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
  /**
   * Inclusive end date of the current term (T2). Default: T6 from the term start, anchored on the
   * purchase day; for a trial, its 30th day (TR1), with the assumption `TRIAL_END_ASSUMED`.
   */
  readonly termEndDate?: DateInput;
  /** Default `true` (R1). */
  readonly autoRenew?: boolean;
  /** Default `false`. */
  readonly trial?: boolean;
  /** Seats added in the current term, each with its instant. Default: the whole quantity at the term start. */
  readonly seatBatches?: readonly SeatBatchInput[];
  /** The promotion applied, if any: some plan changes may lose it (B4). */
  readonly promotionId?: string | null;
  /**
   * Microsoft's per-asset returnable flag (C7, C16). Default `true`; for software
   * (`nce-software`, `bss-software`), where it decides the cancellation, with the assumption
   * `RETURNABLE_ASSUMED`.
   */
  readonly isReturnable?: boolean;
  /** The base subscription of an add-on. */
  readonly parentSubscriptionId?: string | null;
  /**
   * U9: a subscription created by a partial upgrade inherits its parent's cancellation window;
   * give the instant that window runs from.
   */
  readonly cancellationWindowFrom?: InstantInput | null;
  /** S1: the change saved for the next term, if any. */
  readonly scheduledChange?: ScheduledChangeInput | null;
  /** B2: a pending billing-frequency change for the next billing cycle (`nextChargeInstructions`). */
  readonly nextChargeBilling?: BillingFrequency | null;
  /** Q6: updates made to this subscription so far, when known. */
  readonly updateCount?: number | null;
  /**
   * R6: the outcome chosen for the end of the term (Partner Center `scheduledActions`, from
   * 2026-02-16): renew to a new term, move to an Extended Service Term, or cancel at the term end.
   * Absent: not chosen — auto-renew alone says what happens (R5, R7).
   */
  readonly endOfTermAction?: EndOfTermAction | null;
  /** C17: the subscription is in an Extended Service Term (month to month, cancellable at any time). Default `false`. */
  readonly extendedServiceTerm?: boolean;
  /**
   * Facts the caller's data lacked and filled in (e.g. `AUTO_RENEW_ASSUMED` for Partner Center
   * JSON without `autoRenewEnabled`): every decision about the subscription lists them.
   */
  readonly assumptions?: readonly Assumption[] | null;
}

/** R6: the end-of-term outcomes a partner can choose (Partner Center `scheduledActions`). */
export const END_OF_TERM_ACTIONS = /* @__PURE__ */ Object.freeze(['renew', 'extended-service-term', 'cancel'] as const);

/** R6: an end-of-term outcome ({@link END_OF_TERM_ACTIONS}). */
export type EndOfTermAction = (typeof END_OF_TERM_ACTIONS)[number];

/**
 * R6: the end-of-term choice once auto-renew is set to `autoRenew`: turning it on makes a chosen
 * outcome `renew`; turning it off drops a `renew` choice (cancel and EST choices already mean off).
 */
export function choiceWithAutoRenew(action: EndOfTermAction | null, autoRenew: boolean): EndOfTermAction | null {
  if (action === null) return null;
  if (autoRenew) return 'renew';
  return action === 'renew' ? null : action;
}

/** A seat batch with its instant read. */
export interface SeatBatch {
  /** Seats added in this batch. */
  readonly quantity: number;
  /** When the seats were added: their 7-day reduction window starts here (Q2). */
  readonly addedAt: Instant;
  /** The reported deadline of its window, or `null` when none was reported. */
  readonly until: Instant | null;
}

/** The validated snapshot every decision works on. Instants are epoch ms, dates UTC day numbers. */
export interface Subscription {
  /** The subscription's ID; `null` when not given. */
  readonly id: string | null;
  /** Product name as Partner Center's `offerName` (the U2 deny list matches on it); `null` when unknown. */
  readonly offerName: string | null;
  /** The CSP program or channel it was bought through. */
  readonly program: Program;
  /** The subscription's status (`active` when not given). */
  readonly status: Status;
  /** Term length of the current term (B1). */
  readonly term: Term;
  /** How often the current term is billed (B1). */
  readonly billing: BillingFrequency;
  /** Current seat count. */
  readonly quantity: number;
  /** The purchase (order) instant. */
  readonly purchasedAt: Instant;
  /** `null`: renewed, completion instant unknown (R3). */
  readonly termStartedAt: Instant | null;
  /** The current term's first UTC day. */
  readonly termStartDay: UtcDay;
  /** Inclusive (T2): the term ends at 00:00Z of the next day. */
  readonly termEndDay: UtcDay;
  /** Whether the subscription renews at its term end (R1). */
  readonly autoRenew: boolean;
  /** Whether it is a trial (TR1–TR9). */
  readonly trial: boolean;
  /** Seats added in the current term, each with its instant (Q2). */
  readonly seatBatches: readonly SeatBatch[];
  /** False when `seatBatches` was not given and the library assumed one batch at the term start. */
  readonly seatBatchesKnown: boolean;
  /** The promotion applied, if any (B4); `null` when none. */
  readonly promotionId: string | null;
  /** Microsoft's per-asset returnable flag (C7, C16). */
  readonly isReturnable: boolean;
  /** The base subscription of an add-on; `null` when it is not an add-on. */
  readonly parentSubscriptionId: string | null;
  /** U9: the instant an inherited cancellation window runs from; `null` when the subscription's own. */
  readonly cancellationWindowFrom: Instant | null;
  /** S1: the change saved for the next term; `null` when none. */
  readonly scheduledChange: ScheduledChange | null;
  /** B2: a pending billing-frequency change for the next billing cycle; `null` when none. */
  readonly nextChargeBilling: BillingFrequency | null;
  /** Q6: updates made to this subscription so far; `null` when unknown. */
  readonly updateCount: number | null;
  /** R6: the end-of-term outcome chosen, or `null` when none was (auto-renew decides). */
  readonly endOfTermAction: EndOfTermAction | null;
  /** C17: in an Extended Service Term. */
  readonly extendedServiceTerm: boolean;
  /**
   * Facts filled in because the input lacked them: the caller's (`assumptions`), a trial's end
   * (`TRIAL_END_ASSUMED`) and the returnable flag (`RETURNABLE_ASSUMED`). Decisions list the ones they use.
   */
  readonly assumptions: readonly Assumption[];
}

/**
 * Returns its argument from `new`: lets {@link Snapshot} stamp its private field onto a plain
 * object literal, which keeps the snapshot's prototype, keys and JSON those of a plain object.
 */
class PlainObject {
  constructor(object: object) {
    return object;
  }
}

/**
 * The mark of the snapshots this module made: read once, then trusted (frozen, so they can't
 * change after). A private field, not a WeakSet: checking it reads the object's own hidden class,
 * where a WeakSet probes a hash table at a random address and keeps one ephemeron per snapshot
 * for the collector to trace (2× faster decisions on 10^5–10^6 snapshots, docs/performance.md).
 * Invisible to `Reflect.ownKeys` and JSON, and unforgeable: only this module can add it, and a
 * copy (spread, `structuredClone`, JSON) does not carry it.
 */
class Snapshot extends PlainObject {
  #validated: undefined;

  // Explicit: a derived class's default constructor passes its arguments on through the array
  // iterator, which code outside could replace to stamp an object of its own.
  private constructor(snapshot: object) {
    super(snapshot);
  }

  /** Whether `value` is a snapshot this module made. */
  static has(value: unknown): boolean {
    return typeof value === 'object' && value !== null && #validated in value;
  }

  /** Marks, then freezes `snapshot`. */
  static trust<T extends object>(snapshot: T): T {
    // The result is used: `new` on a constructor without visible effects would be dropped by the build.
    return Object.freeze(new Snapshot(snapshot) as unknown as T);
  }
}

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
  if (Snapshot.has(input)) return input as Subscription;
  const r = toRecord(input, 'subscription');
  const f = readFields(r);
  const program = toEnum(f.program, PROGRAMS, 'program');
  const term = toEnum(f.term, TERMS, 'term');
  const billing = toEnum(f.billing, BILLING_FREQUENCIES, 'billing');
  // B1: a plan bills at most once per term (Annual term billed triennially does not exist).
  if (billingMonths(billing) > TERM_MONTHS[term])
    inconsistent('billing', `${billing} billing is longer than the ${term} term (B1)`);
  const status = f.status === undefined ? 'active' : toEnum(f.status, STATUSES, 'status');
  const quantity = toCount(required(f.quantity, 'quantity'), 'quantity');
  const purchasedAt = toInstant(required(f.purchasedAt, 'purchasedAt'), 'purchasedAt');

  const rawStart = f.termStartedAt;
  const termStartedAt =
    rawStart === undefined ? purchasedAt : rawStart === null ? null : toInstant(rawStart, 'termStartedAt');
  let termStartDay: UtcDay;
  if (termStartedAt === null) {
    termStartDay = toUtcDay(required(f.termStartDate, 'termStartDate'), 'termStartDate');
  } else {
    if (termStartedAt < purchasedAt) inconsistent('termStartedAt', 'is before purchasedAt');
    termStartDay = dayOf(termStartedAt);
    const rawStartDate = f.termStartDate;
    if (rawStartDate !== undefined && toUtcDay(rawStartDate, 'termStartDate') !== termStartDay) {
      inconsistent('termStartDate', 'is not the UTC day of termStartedAt');
    }
  }
  if (termStartDay < dayOf(purchasedAt)) inconsistent('termStartDate', 'is before the purchase day');

  const trial = toBoolean(f.trial, 'trial', false);
  const rawEnd = f.termEndDate;
  const termEndDay =
    rawEnd !== undefined
      ? toUtcDay(rawEnd, 'termEndDate')
      : trial
        ? // TR1: a trial lasts 30 days from its start: its last day is the 30th.
          termStartDay + TRIAL_DAYS - 1
        : addMonthsClamped(termStartDay, TERM_MONTHS[term], anchorDay(termStartDay, dayOf(purchasedAt))) - 1;
  if (termEndDay < termStartDay) inconsistent('termEndDate', 'is before the term start');

  // C17: an Extended Service Term is a month-to-month license subscription billed monthly, never a trial.
  const extendedServiceTerm = toBoolean(f.extendedServiceTerm, 'extendedServiceTerm', false);
  if (extendedServiceTerm && (program !== 'nce-license' || term !== 'P1M' || trial))
    inconsistent(
      'extendedServiceTerm',
      'is a monthly term of a new-commerce license subscription, never a trial (C17)',
    );
  // R6: the end-of-term choice; auto-renew follows it when absent, and must agree with it when
  // given. Without a choice auto-renew is on by default (R1), except in an Extended Service Term,
  // which continues month to month unless renewed (R7).
  const endOfTermAction = nullable(f.endOfTermAction, (v) => toEnum(v, END_OF_TERM_ACTIONS, 'endOfTermAction'));
  const autoRenew = toBoolean(
    f.autoRenew,
    'autoRenew',
    endOfTermAction === null ? !extendedServiceTerm : endOfTermAction === 'renew',
  );
  if (endOfTermAction !== null && autoRenew !== (endOfTermAction === 'renew'))
    inconsistent('endOfTermAction', `'${endOfTermAction}' needs autoRenew ${!autoRenew} (R6)`);

  const rawBatches = f.seatBatches;
  const seatBatchesKnown = rawBatches !== undefined;
  const seatBatches = seatBatchesKnown ? readBatches(rawBatches, purchasedAt) : NO_BATCHES;

  const rawFrom = f.cancellationWindowFrom;
  const snapshot: Subscription = {
    id: toOptionalString(f.id, 'id'),
    offerName: toOptionalString(f.offerName, 'offerName'),
    program,
    status,
    term,
    billing,
    quantity,
    purchasedAt,
    termStartedAt,
    termStartDay,
    termEndDay,
    autoRenew,
    trial,
    seatBatches,
    seatBatchesKnown,
    promotionId: toOptionalString(f.promotionId, 'promotionId'),
    isReturnable: toBoolean(f.isReturnable, 'isReturnable', true),
    parentSubscriptionId: toOptionalString(f.parentSubscriptionId, 'parentSubscriptionId'),
    cancellationWindowFrom:
      rawFrom === undefined || rawFrom === null ? null : toInstant(rawFrom, 'cancellationWindowFrom'),
    scheduledChange: readScheduledChange(f.scheduledChange),
    nextChargeBilling: nullable(f.nextChargeBilling, (v) => toEnum(v, BILLING_FREQUENCIES, 'nextChargeBilling')),
    updateCount: nullable(f.updateCount, (v) => toCount(v, 'updateCount')),
    endOfTermAction,
    extendedServiceTerm,
    // C7, C16: the returnable flag decides a software asset's cancellation; elsewhere it is unused.
    assumptions: readAssumptions(
      f.assumptions,
      trial && rawEnd === undefined,
      f.isReturnable === undefined && (program === 'bss-software' || program === 'nce-software'),
    ),
  };
  checkNextPlan(snapshot);
  return Snapshot.trust(snapshot);
}

/**
 * Internal: B1 — a pending billing change and a scheduled change leave a next term that is a plan.
 *
 * @throws {@link CspRulesError} `INCONSISTENT` naming `nextChargeBilling` or `scheduledChange.…`
 */
export function checkNextPlan(sub: Subscription): void {
  const pending = sub.nextChargeBilling;
  if (pending !== null && !isPlan(sub.term, pending))
    inconsistent('nextChargeBilling', `${pending} billing is longer than the ${sub.term} term (B1)`);
  const sc = sub.scheduledChange;
  if (sc === null || (sc.term === null && sc.billing === null)) return;
  const next = nextPlan(sub);
  if (!isPlan(next.term, next.billing))
    inconsistent(
      sc.billing === null ? 'scheduledChange.term' : 'scheduledChange.billing',
      `the next term would be ${next.term} billed ${next.billing}: the billing is longer than the term (B1)`,
    );
}

/**
 * T6: the day-of-month a default term end aims at — the purchase's day-of-month when the term
 * starts on a clamped month end (Jan 31 → a term starting Feb 28 ends Mar 30), else the start's own day.
 */
function anchorDay(termStartDay: UtcDay, purchaseDay: UtcDay): number {
  const start = civilFromDay(termStartDay);
  const purchase = civilFromDay(purchaseDay).day;
  // Stryker disable next-line EqualityOperator: equivalent, `<=` only adds start.day === purchase, where both answers are the same number
  return start.day < purchase && start.day === daysInMonth(start.year, start.month) ? purchase : start.day;
}

const NO_BATCHES: readonly SeatBatch[] = Object.freeze([]);

const NO_ASSUMPTIONS: readonly Assumption[] = Object.freeze([]);

/**
 * The snapshot's assumptions: the caller's, then the library's own for a trial without an end
 * date (TR1) and a missing returnable flag (C7, C16); each once, in that order.
 */
function readAssumptions(value: unknown, trialEnd: boolean, returnable: boolean): readonly Assumption[] {
  if ((value === undefined || value === null) && !trialEnd && !returnable) return NO_ASSUMPTIONS;
  const out: Assumption[] = [];
  if (value !== undefined && value !== null) {
    if (!Array.isArray(value)) {
      throw new CspRulesError(
        'INVALID_TYPE',
        'assumptions',
        `expected an array of assumption codes, got ${describe(value)}`,
        value,
      );
    }
    for (let i = 0; i < value.length; i++) {
      const code = toEnum(value[i], ASSUMPTIONS, `assumptions[${i}]`);
      if (!out.includes(code)) out.push(code);
    }
  }
  if (trialEnd && !out.includes('TRIAL_END_ASSUMED')) out.push('TRIAL_END_ASSUMED');
  if (returnable && !out.includes('RETURNABLE_ASSUMED')) out.push('RETURNABLE_ASSUMED');
  return Object.freeze(out);
}

/** The raw value of every input field (`undefined` when absent), before any check. */
type InputFields = { -readonly [K in keyof SubscriptionInput]-?: unknown };

/**
 * Reads the input's own enumerable fields (what `JSON.parse` makes) in one pass, and refuses any
 * other key: a typo ("autorenew") or a copied snapshot ("termEndDay") is never silently ignored.
 * Nothing is read from the prototype chain, so `__proto__` and `constructor` are data (refused).
 * Written out key by key: one pass with named stores costs ~25 % of a raw decision less than
 * `hasOwnProperty` + a keyed read per field (docs/performance.md).
 */
function readFields(r: Readonly<Record<string, unknown>>): InputFields {
  const f: InputFields = {
    id: undefined,
    offerName: undefined,
    program: undefined,
    status: undefined,
    term: undefined,
    billing: undefined,
    quantity: undefined,
    purchasedAt: undefined,
    termStartedAt: undefined,
    termStartDate: undefined,
    termEndDate: undefined,
    autoRenew: undefined,
    trial: undefined,
    seatBatches: undefined,
    promotionId: undefined,
    isReturnable: undefined,
    parentSubscriptionId: undefined,
    cancellationWindowFrom: undefined,
    scheduledChange: undefined,
    nextChargeBilling: undefined,
    updateCount: undefined,
    endOfTermAction: undefined,
    extendedServiceTerm: undefined,
    assumptions: undefined,
  };
  for (const key of Object.keys(r)) {
    const value = r[key];
    if (value === undefined) continue;
    switch (key) {
      case 'id':
        f.id = value;
        break;
      case 'offerName':
        f.offerName = value;
        break;
      case 'program':
        f.program = value;
        break;
      case 'status':
        f.status = value;
        break;
      case 'term':
        f.term = value;
        break;
      case 'billing':
        f.billing = value;
        break;
      case 'quantity':
        f.quantity = value;
        break;
      case 'purchasedAt':
        f.purchasedAt = value;
        break;
      case 'termStartedAt':
        f.termStartedAt = value;
        break;
      case 'termStartDate':
        f.termStartDate = value;
        break;
      case 'termEndDate':
        f.termEndDate = value;
        break;
      case 'autoRenew':
        f.autoRenew = value;
        break;
      case 'trial':
        f.trial = value;
        break;
      case 'seatBatches':
        f.seatBatches = value;
        break;
      case 'promotionId':
        f.promotionId = value;
        break;
      case 'isReturnable':
        f.isReturnable = value;
        break;
      case 'parentSubscriptionId':
        f.parentSubscriptionId = value;
        break;
      case 'cancellationWindowFrom':
        f.cancellationWindowFrom = value;
        break;
      case 'scheduledChange':
        f.scheduledChange = value;
        break;
      case 'nextChargeBilling':
        f.nextChargeBilling = value;
        break;
      case 'updateCount':
        f.updateCount = value;
        break;
      case 'endOfTermAction':
        f.endOfTermAction = value;
        break;
      case 'extendedServiceTerm':
        f.extendedServiceTerm = value;
        break;
      case 'assumptions':
        f.assumptions = value;
        break;
      default:
        unknownField(key, [], 'a copied snapshot? pass toInput(snapshot) instead');
    }
  }
  return f;
}

const SCHEDULED_KEYS: readonly string[] = ['quantity', 'term', 'billing', 'offerName', 'customTermEndDate'];

function onlyKnownKeys(r: Readonly<Record<string, unknown>>, known: readonly string[], path: readonly string[]): void {
  for (const key of Object.keys(r)) {
    if (r[key] !== undefined && !known.includes(key)) unknownField(key, path);
  }
}

function unknownField(key: string, path: readonly string[], hint?: string): never {
  throw new CspRulesError(
    'UNKNOWN_FIELD',
    [...path, key],
    `is not a field of this input${hint === undefined ? '' : ` (${hint})`}`,
    key,
  );
}

function readScheduledChange(value: unknown): ScheduledChange | null {
  if (value === undefined || value === null) return null;
  const r = toRecord(value, 'scheduledChange');
  onlyKnownKeys(r, SCHEDULED_KEYS, ['scheduledChange']);
  return Object.freeze({
    quantity: nullable(own(r, 'quantity'), (v) => toCount(v, 'scheduledChange.quantity', 1)),
    term: nullable(own(r, 'term'), (v) => toEnum(v, TERMS, 'scheduledChange.term')),
    billing: nullable(own(r, 'billing'), (v) => toEnum(v, BILLING_FREQUENCIES, 'scheduledChange.billing')),
    offerName: toOptionalString(own(r, 'offerName'), 'scheduledChange.offerName'),
    customTermEndDay: nullable(own(r, 'customTermEndDate'), (v) => toUtcDay(v, 'scheduledChange.customTermEndDate')),
  });
}

/**
 * Internal: records a snapshot built from validated facts (see snapshotChanges.ts) as trusted, frozen.
 */
export function trust(snapshot: Subscription): Subscription {
  return Snapshot.trust(snapshot);
}

/**
 * `null` for an absent or null value, else the value read.
 */
export function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === undefined || value === null ? null : read(value);
}

function readBatches(value: unknown, purchasedAt: Instant): readonly SeatBatch[] {
  if (!Array.isArray(value)) {
    throw new CspRulesError('INVALID_TYPE', 'seatBatches', 'expected an array of { quantity, addedAt }', value);
  }
  // Sized up front: freezing an array grown by `push` costs several times more (docs/performance.md).
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is a speed hint only (every index is written below)
  const batches = new Array<SeatBatch>(value.length);
  for (let i = 0; i < value.length; i++) {
    // Reading runs the caller's code (getters, proxies), whose own errors must pass unchanged: only
    // the checks run inside the try. The path `seatBatches[i]` is spelled only on failure (spelling
    // it for every batch cost ~10 % of a raw decision).
    const item: unknown = value[i];
    let quantity: unknown;
    let rawAddedAt: unknown;
    let rawUntil: unknown;
    let unknownKey: string | undefined;
    if (isRecord(item)) {
      for (const key of Object.keys(item)) {
        const v = item[key];
        if (v === undefined) continue;
        if (key === 'quantity') quantity = v;
        else if (key === 'addedAt') rawAddedAt = v;
        else if (key === 'until') rawUntil = v;
        else {
          unknownKey = key;
          break;
        }
      }
    }
    try {
      batches[i] = checkBatch(item, unknownKey, quantity, rawAddedAt, rawUntil, purchasedAt);
    } catch (error) {
      if (!(error instanceof CspRulesError)) throw error; // e.g. from a Date subclass's own getTime
      throw error.under(['seatBatches', i]);
    }
  }
  return Object.freeze(batches);
}

/** Checks one seat batch as read; errors name fields relative to it (`''`: the batch itself). */
function checkBatch(
  item: unknown,
  unknownKey: string | undefined,
  quantity: unknown,
  rawAddedAt: unknown,
  rawUntil: unknown,
  purchasedAt: Instant,
): SeatBatch {
  toRecord(item, '');
  if (unknownKey !== undefined) unknownField(unknownKey, []);
  const addedAt = toInstant(required(rawAddedAt, 'addedAt'), 'addedAt');
  if (addedAt < purchasedAt) inconsistent('addedAt', 'is before purchasedAt');
  const until = rawUntil === undefined || rawUntil === null ? null : toInstant(rawUntil, 'until');
  if (until !== null && until <= addedAt) inconsistent('until', 'is not after addedAt');
  return Object.freeze({ quantity: toCount(quantity, 'quantity', 1), addedAt, until });
}

function required(value: unknown, field: string): unknown {
  if (value === undefined || value === null) throw new CspRulesError('MISSING_FIELD', field, 'is required');
  return value;
}

function inconsistent(field: string, message: string): never {
  throw new CspRulesError('INCONSISTENT', field, message);
}

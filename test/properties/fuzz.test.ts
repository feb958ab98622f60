/**
 * Issue 7.2: fuzzing every public function (design principle 5: bad input is a CspRulesError
 * naming the field; a business "no" is a value; wrong answers never come quietly).
 *
 * The table below has one row per function exported as a value from an entry point (test/publicApi.ts): a factory of
 * valid arguments and the argument slots to fuzz, each with a predicate that says when a value
 * is certainly invalid there. Two properties per slot:
 *   1. `anything`: any value (fc.anything plus symbols, functions, NaN, Invalid Date …) → the call
 *      returns, or throws a CspRulesError with an UPPER_SNAKE code and a non-empty field; never
 *      another error. A certainly-invalid value must throw (so it can never yield `allowed: true`).
 *   2. near-valid: a valid input with exactly one field broken → CspRulesError naming that field.
 *
 * A new export fails the coverage test until it gets a row. Slots marked `gap` are known holes:
 * their property runs as `it.fails` (the suite stays green, and turns red once the hole is
 * fixed, so the mark gets removed); `FUZZ_GAPS=show npx vitest run test/fuzz.test.ts` prints their
 * counterexamples. docs/quality.md lists them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../support/publicApi.js';

type Fn = (...args: unknown[]) => unknown;
type Path = readonly (number | string)[];

interface Slot {
  /** Where the fuzzed value goes: an argument index, then keys inside it. */
  readonly at: Path;
  /** True when the value is certainly not acceptable there (the call must throw). */
  readonly invalid: (value: unknown) => boolean;
  /** A known hole: the property is expected to fail (it.fails) until it is fixed. */
  readonly gap?: string;
}

interface Row {
  /** Valid arguments, fresh each call. */
  readonly args: () => unknown[];
  readonly slots: readonly Slot[];
}

// ---------------------------------------------------------------------------------------------
// Valid inputs (hand-written)

const SUB = {
  id: 'sub-1',
  offerName: 'Microsoft 365 E3',
  program: 'nce-license',
  status: 'active',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  termEndDate: '2025-01-14',
  autoRenew: true,
  trial: false,
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-03-10T14:02:45Z' },
  ],
  promotionId: null,
  isReturnable: true,
  parentSubscriptionId: null,
  cancellationWindowFrom: null,
  scheduledChange: { quantity: 12, term: 'P1Y', billing: 'annual' },
  nextChargeBilling: null,
  updateCount: 3,
} as const;

/** A renewed term whose completion instant is unknown: termStartDate is read (R3). */
const RENEWED = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2023-01-15T09:30:12Z',
  termStartedAt: null,
  termStartDate: '2024-01-15',
  termEndDate: '2025-01-14',
} as const;

const NOW = '2024-01-16T00:00:00Z';
const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const CATALOG = [{ from: E3, to: E5 }];
const TRIAL = {
  ...SUB,
  offerName: 'Microsoft 365 E3 Trial',
  term: 'P1M',
  quantity: 25,
  trial: true,
  termEndDate: '2024-02-14',
  scheduledChange: null,
} as const;
const SECOND = {
  id: 'b',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 4,
  purchasedAt: '2024-01-10T08:00:00Z',
} as const;
const ADD_ON = {
  id: 'addon-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 5,
  purchasedAt: '2024-03-10T12:00:00Z',
  termEndDate: '2025-01-14',
  parentSubscriptionId: 'sub-1',
} as const;
const BSS_ASSET = {
  program: 'bss-software',
  term: 'P1Y',
  billing: 'annual',
  quantity: 1,
  purchasedAt: '2024-01-15T09:30:12Z',
} as const;
const DAY = 19_737; // 2024-01-15
/** The Partner Center subscription of docs/partner-center.md, abridged. */
const PC = {
  id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
  quantity: 15,
  creationDate: '2024-01-15T09:30:12Z',
  effectiveStartDate: '2024-01-15T09:30:11Z',
  commitmentEndDate: '2025-01-14T00:00:00Z',
  status: 'active',
  billingCycle: 'monthly',
  termDuration: 'P1Y',
  productType: { id: 'OnlineServicesNCE' },
  cancellationAllowedUntilDate: '2024-01-22T09:30:12Z',
  refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }] },
} as const;
const REFUND = {
  amountPaid: 36_500,
  periodStart: '2023-07-15',
  periodEnd: '2024-07-13',
  at: '2023-07-17T10:00:00Z',
} as const;

// ---------------------------------------------------------------------------------------------
// "Certainly invalid" predicates (independent of src: plain JavaScript checks)

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (v: Record<string, unknown>, k: string): boolean =>
  Object.prototype.hasOwnProperty.call(v, k) && v[k] !== undefined && v[k] !== null;
const notInt = (v: unknown): boolean => !Number.isSafeInteger(v);
const notCount = (v: unknown): boolean => !Number.isSafeInteger(v) || (v as number) < 0;
/** T1: 2000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, the first and last instants, by Date.UTC. */
const FIRST_MS = Date.UTC(2000, 0, 1);
const LAST_MS = Date.UTC(10000, 0, 1) - 1;
const outOfRange = (ms: number): boolean => ms < FIRST_MS || ms > LAST_MS;
/**
 * Strings could be ISO dates; anything else that is not a safe integer or a valid Date from
 * 2000-01-01 to the end of 9999 (T1) is out.
 */
const notInstant = (v: unknown): boolean =>
  typeof v === 'string'
    ? !/^\d{4}-\d{2}-\d{2}/.test(v)
    : v instanceof Date
      ? Number.isNaN(v.getTime()) || outOfRange(v.getTime())
      : !Number.isSafeInteger(v) || outOfRange(v as number);
/** toIso's argument: integer epoch ms within T1's range. */
const notEpochMs = (v: unknown): boolean => !Number.isSafeInteger(v) || outOfRange(v as number);
const record =
  (...required: string[]) =>
  (v: unknown): boolean =>
    !isRecord(v) || required.some((k) => !has(v, k));
const notOneOf =
  (...allowed: unknown[]) =>
  (v: unknown): boolean =>
    !allowed.includes(v);
const notBoolean = (v: unknown): boolean => typeof v !== 'boolean';
const notTerm = notOneOf('P1M', 'P1Y', 'P3Y');
/** R6: the three end-of-term choices of docs/policy.md. */
const notEndOfTermAction = notOneOf('renew', 'extended-service-term', 'cancel');
const notAnchor = (v: unknown): boolean => v !== undefined && notOneOf('anniversary', 'clamped')(v);
const notSubscriptionList = (v: unknown): boolean =>
  !Array.isArray(v) || v.some(record('program', 'term', 'billing', 'quantity', 'purchasedAt'));
const notName = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const notCatalog = (v: unknown): boolean =>
  v !== undefined && (!Array.isArray(v) || v.some((p) => !isRecord(p) || notName(p.from) || notName(p.to)));
/** A Partner Center subscription object needs at least these (partner-center.md). */
const notPcSubscription = record('quantity', 'status', 'billingCycle', 'termDuration', 'creationDate');
/** An options bag: absent, or an object. */
const notOverrides = (v: unknown): boolean => v !== undefined && !isRecord(v);
/** A policy: absent, or one made by definePolicy (or DEFAULT_POLICY) — which no generated value is. */
const notPolicy = (v: unknown): boolean => v !== undefined;

const subscriptionSlot = (index: number, gap?: string): Slot => ({
  at: [index],
  invalid: record('program', 'term', 'billing', 'quantity', 'purchasedAt'),
  ...(gap === undefined ? {} : { gap }),
});
const policySlot = (index: number): Slot => ({ at: [index, 'policy'], invalid: notPolicy });

/**
 * Decision functions of the shape `(subscription, { now, policy? })`; `policy`: the function
 * takes a policy option.
 */
const decision = ({ policy = true }: { policy?: boolean } = {}): Row => ({
  args: () => [SUB, { now: NOW }],
  slots: [
    subscriptionSlot(0),
    { at: [1], invalid: record('now') },
    { at: [1, 'now'], invalid: notInstant },
    ...(policy ? [policySlot(1)] : []),
  ],
});

// ---------------------------------------------------------------------------------------------
// The table: one row per exported function

const ROWS: Record<string, Row> = {
  canCancel: decision(),
  reducibleSeats: decision(),
  canIncreaseSeats: decision(),
  planSeatReduction: {
    args: () => [SUB, { now: NOW, targetQuantity: 12 }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('now', 'targetQuantity') },
      { at: [1, 'now'], invalid: notInstant },
      { at: [1, 'targetQuantity'], invalid: notCount },
      policySlot(1),
    ],
  },
  proratedRefund: {
    args: () => [{ ...REFUND }],
    slots: [
      { at: [0], invalid: record('amountPaid', 'periodStart', 'periodEnd', 'at') },
      { at: [0, 'amountPaid'], invalid: notCount },
      { at: [0, 'periodStart'], invalid: notInstant },
      { at: [0, 'periodEnd'], invalid: notInstant },
      { at: [0, 'at'], invalid: notInstant },
      { at: [0, 'mode'], invalid: (v) => v !== undefined && notOneOf('full', 'prorated', 'none')(v) },
      policySlot(0),
    ],
  },
  multiGeoMinimum: { args: () => [400], slots: [{ at: [0], invalid: notCount }] },
  checkUpdateLimit: {
    args: () => [{ ...SUB, updateCount: 1200 }, { now: NOW }],
    slots: [
      subscriptionSlot(0),
      { at: [0, 'updateCount'], invalid: (v) => v !== undefined && v !== null && notCount(v) },
      { at: [1], invalid: record('now') },
      { at: [1, 'now'], invalid: notInstant },
      policySlot(1),
    ],
  },
  endOfTermOutcome: {
    args: () => [SUB, {}],
    slots: [
      subscriptionSlot(0),
      { at: [0, 'endOfTermAction'], invalid: (v) => v !== undefined && v !== null && notEndOfTermAction(v) },
      { at: [0, 'extendedServiceTerm'], invalid: (v) => v !== undefined && notBoolean(v) },
      { at: [1], invalid: notOverrides },
      policySlot(1),
    ],
  },
  canSetEndOfTermAction: {
    args: () => [SUB, { action: 'cancel', now: NOW }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('action', 'now') },
      { at: [1, 'action'], invalid: notEndOfTermAction },
      { at: [1, 'now'], invalid: notInstant },
      policySlot(1),
    ],
  },
  checkOfferAvailability: {
    args: () => [{ onePerCustomer: true, customerHasActive: false }],
    slots: [
      { at: [0], invalid: (v) => !isRecord(v) },
      { at: [0, 'onePerCustomer'], invalid: (v) => v !== undefined && notBoolean(v) },
    ],
  },
  canSellSubscriptions: {
    args: () => ['direct-bill'],
    slots: [{ at: [0], invalid: notOneOf('direct-bill', 'indirect-provider') }],
  },
  checkResellerDeclaration: {
    args: () => [{ initial: { partnerId: '100', signedMpa: true }, others: [{ partnerId: '1', signedMpa: true }] }],
    slots: [
      { at: [0], invalid: (v) => !isRecord(v) },
      { at: [0, 'others'], invalid: (v) => v !== undefined && v !== null && !Array.isArray(v) },
      { at: [0, 'initial', 'signedMpa'], invalid: (v) => v !== true },
    ],
  },
  toSubscription: { args: () => [SUB], slots: [subscriptionSlot(0)] },
  toInput: {
    args: () => [api.toSubscription(SUB)],
    slots: [subscriptionSlot(0)],
  },
  withChanges: {
    args: () => [api.toSubscription(SUB), { autoRenew: false }],
    slots: [subscriptionSlot(0), { at: [1], invalid: (v) => !isRecord(v) }],
  },
  definePolicy: {
    args: () => [{ keepOneSeat: false }],
    slots: [
      { at: [0], invalid: (v) => !isRecord(v) },
      { at: [1], invalid: (v) => v !== undefined },
    ],
  },
  toInstant: { args: () => [NOW, 'now'], slots: [{ at: [0], invalid: notInstant }] },
  toUtcDay: { args: () => ['2024-01-15', 'termEndDate'], slots: [{ at: [0], invalid: notInstant }] },
  toIso: { args: () => [946_684_800_000], slots: [{ at: [0], invalid: notEpochMs }] },
  formatDay: { args: () => [19_737], slots: [{ at: [0], invalid: notInt }] },
  termEndDay: {
    args: () => [19_737, 'P1M'],
    slots: [
      { at: [0], invalid: notInt },
      { at: [1], invalid: notOneOf('P1M', 'P1Y', 'P3Y') },
    ],
  },
  renewedTerm: {
    args: () => [19_737, 'P1M', 15],
    slots: [
      { at: [0], invalid: notInt },
      { at: [1], invalid: notOneOf('P1M', 'P1Y', 'P3Y') },
      { at: [2], invalid: notInt },
      { at: [3], invalid: (v) => v !== undefined && notOneOf('anniversary', 'clamped')(v) },
    ],
  },
  chargeCycleStart: {
    args: () => [19_737, 2],
    slots: [0, 1].map((i) => ({ at: [i], invalid: notInt })),
  },
  eligibleBillingFrequencyChanges: decision(),
  eligibleTermChanges: decision(),
  explain: decision(),
  nextDeadlines: decision(),
  canUpgrade: {
    args: () => [SUB, { to: E5, quantity: 15, when: 'midterm', now: NOW, catalog: CATALOG }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('to', 'quantity', 'when', 'now') },
      { at: [1, 'to'], invalid: notName },
      { at: [1, 'quantity'], invalid: notCount },
      { at: [1, 'when'], invalid: notOneOf('midterm', 'at-renewal') },
      { at: [1, 'now'], invalid: notInstant },
      { at: [1, 'catalog'], invalid: notCatalog },
      policySlot(1),
    ],
  },
  planTwoToOne: {
    args: () => [SUB, SECOND, { to: E5, now: NOW, catalog: CATALOG }],
    slots: [
      subscriptionSlot(0),
      subscriptionSlot(1),
      { at: [2], invalid: record('to', 'now') },
      { at: [2, 'to'], invalid: notName },
      { at: [2, 'now'], invalid: notInstant },
      policySlot(2),
    ],
  },
  upgradeMatrix: {
    args: () => [CATALOG],
    slots: [{ at: [0], invalid: notCatalog }],
  },
  checkUpgradePath: {
    args: () => [E3, E5, CATALOG],
    slots: [
      { at: [0], invalid: notName },
      { at: [1], invalid: notName },
      { at: [2], invalid: notCatalog },
    ],
  },
  offerKey: { args: () => [E3], slots: [{ at: [0], invalid: (v) => typeof v !== 'string' }] },
  canConvertTrial: {
    args: () => [TRIAL, { target: 'equivalent', mode: 'midterm', now: NOW }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('target', 'mode', 'now') },
      { at: [1, 'target'], invalid: notOneOf('equivalent', 'higher-tier', 'existing') },
      { at: [1, 'mode'], invalid: notOneOf('midterm', 'scheduled') },
      { at: [1, 'now'], invalid: notInstant },
    ],
  },
  saasFreeTrial: { args: () => [TRIAL], slots: [subscriptionSlot(0)] },
  fromPartnerCenter: {
    args: () => [PC],
    slots: [
      { at: [0], invalid: notPcSubscription },
      { at: [1], invalid: notOverrides },
    ],
  },
  fromPartnerCenterList: {
    args: () => [{ items: [PC] }],
    slots: [
      {
        at: [0],
        invalid: (v) =>
          !(Array.isArray(v) ? v : isRecord(v) && Array.isArray(v.items) ? v.items : [1]).every(
            (x) => !notPcSubscription(x),
          ),
      },
      { at: [1], invalid: notOverrides },
    ],
  },
  // Lists answer per record: a bad record is an { ok: false } answer, never a throw; only a
  // document that is no list and bad options throw.
  readPartnerCenterList: {
    args: () => [{ items: [PC] }],
    slots: [
      { at: [0], invalid: (v) => !Array.isArray(v) && !(isRecord(v) && Array.isArray(v.items)) },
      { at: [1], invalid: notOverrides },
    ],
  },
  readPartnerCenterRecord: {
    args: () => [PC, 0],
    slots: [
      { at: [0], invalid: () => false },
      { at: [2], invalid: notOverrides },
    ],
  },
  explainPartnerCenter: {
    args: () => [api.fromPartnerCenter(PC), { now: NOW }],
    slots: [
      { at: [1], invalid: record('now') },
      { at: [1, 'now'], invalid: notInstant },
    ],
  },
  reconcile: {
    args: () => [SUB, PC, { now: NOW }],
    // Partner Center fields are compared when present: an object without them is a difference, not an error.
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: (v) => !isRecord(v) },
      { at: [2], invalid: record('now') },
      { at: [2, 'now'], invalid: notInstant },
    ],
  },
  renewalSchedule: {
    args: () => [SUB, {}],
    slots: [subscriptionSlot(0), { at: [1], invalid: notOverrides }, policySlot(1)],
  },
  renewalAnchorDay: { args: () => [api.toSubscription(SUB)], slots: [subscriptionSlot(0)] },
  nextTerm: {
    args: () => [api.toSubscription(SUB), {}],
    slots: [subscriptionSlot(0), { at: [1], invalid: notOverrides }, policySlot(1)],
  },
  transition: {
    args: () => [SUB, { type: 'suspend' }, { now: NOW }],
    slots: [
      // A LifecycleState ({ subscription, phase }) is accepted too: an object is "maybe valid".
      { at: [0], invalid: (v) => !isRecord(v) },
      { at: [1], invalid: (v) => !isRecord(v) || !api.LIFECYCLE_EVENTS.includes(v.type as never) },
      { at: [2], invalid: record('now') },
      { at: [2, 'now'], invalid: notInstant },
      policySlot(2),
    ],
  },
  afterTermStages: {
    args: () => [api.toSubscription({ ...SUB, autoRenew: false }), { policy: api.DEFAULT_POLICY }],
    slots: [subscriptionSlot(0), { at: [1], invalid: notOverrides }, policySlot(1)],
  },
  afterTermStageAt: {
    args: () => [
      api.toSubscription({ ...SUB, autoRenew: false }),
      { now: Date.parse('2025-02-20T00:00:00Z'), policy: api.DEFAULT_POLICY },
    ],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('now') },
      { at: [1, 'now'], invalid: notInstant },
      policySlot(1),
    ],
  },
  canScheduleChange: {
    args: () => [api.toSubscription(SUB), { now: NOW }],
    slots: [subscriptionSlot(0), { at: [1], invalid: record('now') }, { at: [1, 'now'], invalid: notInstant }],
  },
  deletesScheduledChanges: {
    args: () => ['termChange', 'any-immediate'],
    slots: [
      {
        at: [0],
        invalid: notOneOf(
          'cancel',
          'autoRenewOff',
          'quantity',
          'upgrade',
          'convertTrial',
          'suspend',
          'termChange',
          'billingOnly',
        ),
      },
      { at: [1], invalid: (v) => v !== undefined && notOneOf('any-immediate', 'listed')(v) },
    ],
  },
  canBuyAddOn: {
    args: () => [SUB, { commerce: 'new-commerce' }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: notOverrides },
      { at: [1, 'commerce'], invalid: (v) => v !== undefined && notOneOf('traditional', 'new-commerce')(v) },
    ],
  },
  alignedAddOnTerm: { args: () => [SUB, ADD_ON], slots: [subscriptionSlot(0), subscriptionSlot(1)] },
  suspendAddOns: {
    args: () => [SUB, [ADD_ON]],
    slots: [subscriptionSlot(0), { at: [1], invalid: notSubscriptionList }],
  },
  isAddOnOf: { args: () => [ADD_ON, SUB], slots: [subscriptionSlot(0), subscriptionSlot(1)] },
  commerceOf: { args: () => [api.toSubscription(SUB)], slots: [subscriptionSlot(0)] },
  bssCancellation: {
    args: () => [{ status: 'none' }, { type: 'request' }, BSS_ASSET, { now: '2024-01-20T09:00:00Z' }],
    slots: [
      {
        at: [0],
        invalid: (v) => !isRecord(v) || notOneOf('none', 'requested', 'cancelled', 'rejected', 'ignored')(v.status),
      },
      { at: [1], invalid: (v) => !isRecord(v) || notOneOf('request', 'execute', 'ignore')(v.type) },
      subscriptionSlot(2),
      { at: [3], invalid: record('now') },
      { at: [3, 'now'], invalid: notInstant },
      { at: [3, 'automaticExecution'], invalid: (v) => v !== undefined && notBoolean(v) },
      policySlot(3),
    ],
  },
  canShowCancelAction: {
    args: () => [BSS_ASSET, { now: '2024-01-20T09:00:00Z' }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('now') },
      { at: [1, 'now'], invalid: notInstant },
      policySlot(1),
    ],
  },
  requestRibbon: {
    args: () => [{ status: 'requested', requestedAt: Date.parse('2024-01-20T09:00:00Z'), requestDay: 19_742 }],
    slots: [
      {
        at: [0],
        invalid: (v) => !isRecord(v) || notOneOf('none', 'requested', 'cancelled', 'rejected', 'ignored')(v.status),
      },
    ],
  },
  canAlign: { args: () => [SUB], slots: [subscriptionSlot(0)] },
  checkEndDay: {
    args: () => ['P1M', { startDay: DAY, endDay: DAY + 30 }, DAY + 16],
    slots: [
      { at: [0], invalid: notTerm },
      { at: [1], invalid: (v) => !isRecord(v) || notInt(v.startDay) || notInt(v.endDay) },
      { at: [2], invalid: notInt },
      { at: [3], invalid: (v) => v !== undefined && notTerm(v) },
    ],
  },
  calendarMonthEnd: {
    args: () => [DAY, 'P1Y'],
    slots: [
      { at: [0], invalid: notInt },
      { at: [1], invalid: notTerm },
    ],
  },
  alignedTerms: {
    args: () => [DAY, 'P1Y', DAY + 200, 'anniversary'],
    slots: [
      { at: [0], invalid: notInt },
      { at: [1], invalid: notTerm },
      { at: [2], invalid: notInt },
      { at: [3], invalid: notAnchor },
    ],
  },
  eligibleAlignments: {
    args: () => [SUB, { others: [SECOND], now: NOW }],
    slots: [
      subscriptionSlot(0),
      { at: [1], invalid: record('others', 'now') },
      { at: [1, 'others'], invalid: notSubscriptionList },
      { at: [1, 'now'], invalid: notInstant },
      policySlot(1),
    ],
  },
  eligiblePurchaseAlignments: {
    args: () => [{ term: 'P1Y', purchasedAt: NOW, others: [SECOND] }],
    slots: [
      { at: [0], invalid: record('term', 'purchasedAt', 'others') },
      { at: [0, 'term'], invalid: notTerm },
      { at: [0, 'purchasedAt'], invalid: notInstant },
      { at: [0, 'others'], invalid: notSubscriptionList },
      policySlot(0),
    ],
  },
  checkCustomEndDate: {
    args: () => [api.toSubscription(SUB), DAY + 200],
    slots: [subscriptionSlot(0), { at: [1], invalid: notInt }, { at: [2], invalid: notPolicy }],
  },
};

/** Raw day arithmetic kept out of the public index (internal, unchecked): no rows, never exported. */
const INTERNAL_ONLY: readonly string[] = [
  'dayOf',
  'startOfDay',
  'endOfDay',
  'dayFromCivil',
  'civilFromDay',
  'isWithin',
  'windowOfHours',
  'addMonthsClamped',
  'billingMonths',
];

/** Exported functions that are not called as API functions. */
const NOT_FUZZED: Record<string, string> = {
  CspRulesError: 'the error class itself',
};

// ---------------------------------------------------------------------------------------------
// Helpers

function fnOf(name: string): Fn {
  return (api as unknown as Record<string, Fn>)[name] as Fn;
}

/** The valid arguments with the value at `path` replaced (copies along the path). */
function place(args: unknown[], path: Path, value: unknown): unknown[] {
  const [head, ...rest] = path;
  const copy = [...args];
  if (rest.length === 0) {
    copy[head as number] = value;
    return copy;
  }
  copy[head as number] = setIn(copy[head as number], rest, value);
  return copy;
}

function setIn(target: unknown, path: Path, value: unknown): unknown {
  const [key, ...rest] = path;
  const base = { ...(target as Record<string, unknown>) };
  Object.defineProperty(base, key as string, {
    value: rest.length === 0 ? value : setIn(base[key as string], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return base;
}

type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true; readonly error: unknown };

function call(fn: Fn, args: unknown[]): Outcome {
  try {
    return { threw: false, value: fn(...args) };
  } catch (error) {
    return { threw: true, error };
  }
}

/** Why an outcome breaks the contract, or null. */
function violation(outcome: Outcome, invalid: boolean): string | null {
  if (outcome.threw) {
    const e = outcome.error;
    if (!(e instanceof api.CspRulesError))
      return `threw ${(e as Error)?.name ?? typeof e}: ${String((e as Error)?.message ?? e)}`;
    if (typeof e.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(e.code))
      return `CspRulesError without a code (${String(e.code)})`;
    if (typeof e.field !== 'string' || e.field === '') return 'CspRulesError without a field';
    return null;
  }
  const value = outcome.value as { allowed?: unknown } | null;
  if (invalid && typeof value === 'object' && value !== null && value.allowed === true)
    return 'allowed: true from invalid input';
  if (invalid) return `returned ${describeValue(outcome.value)} for invalid input`;
  return null;
}

function describeValue(v: unknown): string {
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v).slice(0, 80) : String(v);
  } catch {
    return typeof v;
  }
}

/** fc.anything with every option on, plus values fast-check does not generate by itself. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      Symbol('x'),
      () => 0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      1e300,
      -1,
      1.5,
      2 ** 53,
      new Date(Number.NaN),
      '',
      'x',
      '__proto__',
      'constructor',
      { valueOf: () => 0 },
      { toString: () => '2024-01-15' },
      JSON.parse('{"__proto__": {"allowed": true}}'),
      Object.create(null),
      [],
      [0],
    ),
  },
);

// ---------------------------------------------------------------------------------------------

describe('fuzz table', () => {
  it('has a row for every function exported from an entry point (test/publicApi.ts)', () => {
    const functions = Object.entries(api)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    const missing = functions.filter((name) => !(name in ROWS) && !(name in NOT_FUZZED));
    expect(missing, `exports without a row in test/fuzz.test.ts ROWS: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(ROWS).filter((name) => typeof (api as Record<string, unknown>)[name] !== 'function');
    expect(stale, `rows for names that are no longer exported functions: ${stale.join(', ')}`).toEqual([]);
  });

  it('the raw day arithmetic stays internal (unchecked helpers are not public API)', () => {
    expect(INTERNAL_ONLY.filter((name) => name in api)).toEqual([]);
  });

  it('every row accepts its valid arguments (the base case the fuzzing breaks)', () => {
    for (const [name, row] of Object.entries(ROWS)) {
      const outcome = call(fnOf(name), row.args());
      expect(outcome.threw ? `${name} threw ${String((outcome as { error: unknown }).error)}` : null).toBeNull();
    }
  });
});

describe('fuzz 1: any value in any argument slot → a result, or a CspRulesError with code and field', () => {
  for (const [name, row] of Object.entries(ROWS)) {
    for (const slot of row.slots) {
      const title = `${name} ${slot.at.map((p) => (typeof p === 'number' ? `arg${p}` : p)).join('.')}`;
      // FUZZ_GAPS=show runs the known gaps as plain tests, to see their counterexamples.
      const test = slot.gap === undefined || process.env.FUZZ_GAPS === 'show' ? it : it.fails;
      test(slot.gap === undefined ? title : `KNOWN GAP ${title}: ${slot.gap}`, () => {
        fc.assert(
          fc.property(anyValue, (value) => {
            const problem = violation(call(fnOf(name), place(row.args(), slot.at, value)), slot.invalid(value));
            if (problem !== null) throw new Error(`${title}(${describeValue(value)}): ${problem}`);
          }),
          { numRuns: 150 },
        );
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Near-valid inputs: one field broken

const BAD_INSTANTS: readonly unknown[] = [
  '2024-01-15T09:30:00', // no offset (T1)
  '2024-02-30', // Feb 30
  '2023-02-29T00:00:00Z', // not a leap year
  '2024-13-01T00:00:00Z',
  '2024-01-15T24:00:00Z',
  '2024-01-15T09:60:00Z',
  '2024-01-15T09:30:00+24:00',
  '2024-01-15T09:30:00Zjunk',
  '15/01/2024',
  '',
  'x',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1.5,
  8.64e15 + 1,
  1e300,
  // T1: integers outside 2000-01-01 … 9999-12-31: epoch 0, −1, a Unix time in seconds, 1 ms either side.
  0,
  -1,
  1_705_363_200,
  946_684_799_999,
  253_402_300_800_000,
  '1999-12-31T23:59:59.999Z',
  new Date(0),
  new Date(Number.NaN),
  {},
  [],
  ['2024-01-15T09:30:12Z'],
  true,
  10n,
];
const BAD_COUNTS: readonly unknown[] = [
  Number.NaN,
  -1,
  1.5,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  1e300,
  '5',
  '',
  true,
  {},
  [],
  [5],
  5n,
];
const BAD_STRINGS: readonly unknown[] = [5, true, {}, [], ['x'], Number.NaN];
const BAD_BOOLEANS: readonly unknown[] = ['true', 'false', 1, 0, '', {}, [], Number.NaN];
const badEnum = (...extra: unknown[]): readonly unknown[] => [
  '',
  'x',
  '__proto__',
  'constructor',
  'toString',
  0,
  1,
  {},
  [],
  true,
  ...extra,
];

/** Per field: broken values, and the base that makes the field read. null marks "required". */
const NEAR_VALID: Record<string, { readonly bad: readonly unknown[]; readonly base?: Record<string, unknown> }> = {
  program: { bad: [...badEnum('NCE-LICENSE', 'nce_license'), null] },
  term: { bad: [...badEnum('P2Y', 'p1y', 'P12M', 'P1Y '), null] },
  billing: { bad: [...badEnum('Monthly', 'weekly'), null] },
  status: { bad: [...badEnum('Active', 'canceled'), null] },
  quantity: { bad: [...BAD_COUNTS, null] },
  purchasedAt: { bad: [...BAD_INSTANTS, null] },
  termStartedAt: { bad: [...BAD_INSTANTS, '2024-01-15T09:30:11Z' /* before the purchase */] },
  termStartDate: { bad: [...BAD_INSTANTS, null, '2023-01-14' /* before the purchase day */], base: RENEWED },
  termEndDate: { bad: [...BAD_INSTANTS, null, '2024-01-14' /* before the start */] },
  autoRenew: { bad: [...BAD_BOOLEANS, null] },
  trial: { bad: [...BAD_BOOLEANS, null] },
  isReturnable: { bad: [...BAD_BOOLEANS, null] },
  id: { bad: BAD_STRINGS },
  offerName: { bad: BAD_STRINGS },
  promotionId: { bad: BAD_STRINGS },
  parentSubscriptionId: { bad: BAD_STRINGS },
  cancellationWindowFrom: { bad: BAD_INSTANTS },
  seatBatches: {
    bad: [
      {},
      'x',
      5,
      [null],
      [5],
      [[]],
      [{ quantity: 0, addedAt: '2024-01-15T09:30:12Z' }],
      [{ quantity: 1.5, addedAt: '2024-01-15T09:30:12Z' }],
      [{ quantity: 1 }],
      [{ quantity: 1, addedAt: '2024-01-15T09:30:11Z' /* before the purchase */ }],
      [{ quantity: 1, addedAt: '2024-01-15T09:30:12' }],
      [
        { quantity: 5, addedAt: '2024-01-15T09:30:12Z' },
        { quantity: -1, addedAt: '2024-03-10T14:02:45Z' },
      ],
      JSON.parse('[{"__proto__": {"quantity": 5, "addedAt": "2024-01-15T09:30:12Z"}}]'),
      // Q2: a reported deadline (until) must be an instant after the addition.
      [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z', until: '2024-01-15T09:30:12Z' }],
      [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z', until: '2024-01-20T00:00:00' }],
      [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z', until: 0 }],
      [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z', until: true }],
    ],
  },
  scheduledChange: {
    bad: [
      'x',
      5,
      [],
      true,
      { quantity: 0 },
      { quantity: -1 },
      { quantity: 1.5 },
      { term: 'P2Y' },
      { billing: 'weekly' },
      { offerName: 5 },
      { customTermEndDate: '2024-02-30' },
      { customTermEndDate: '2024-01-15T09:30:00' },
    ],
  },
  nextChargeBilling: { bad: badEnum('Monthly') },
  updateCount: { bad: BAD_COUNTS },
  // R6, C17: the end-of-term choice and the Extended Service Term flag.
  endOfTermAction: { bad: badEnum('Cancel', 'RenewToNewTerm', 'est') },
  extendedServiceTerm: { bad: BAD_BOOLEANS },
  // The caller's assumptions: a list of known codes.
  assumptions: {
    bad: [
      'x',
      5,
      true,
      {},
      'AUTO_RENEW_ASSUMED',
      ['GUESSED'],
      ['AUTO_RENEW_ASSUMED', 5],
      [null],
      [['TERM_END_ASSUMED']],
    ],
  },
};

/** Whether an error's field path names `field` (the field itself, or a path inside it). */
const names = (path: string, field: string): boolean =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** Functions whose first argument is a subscription, with valid other arguments. */
const SUBSCRIPTION_TAKERS: Record<string, (sub: unknown) => unknown> = {
  toSubscription: (s) => api.toSubscription(s as api.SubscriptionInput),
  canCancel: (s) => api.canCancel(s as api.SubscriptionInput, { now: NOW }),
  reducibleSeats: (s) => api.reducibleSeats(s as api.SubscriptionInput, { now: NOW }),
  planSeatReduction: (s) => api.planSeatReduction(s as api.SubscriptionInput, { now: NOW, targetQuantity: 12 }),
  canIncreaseSeats: (s) => api.canIncreaseSeats(s as api.SubscriptionInput, { now: NOW }),
  eligibleBillingFrequencyChanges: (s) => api.eligibleBillingFrequencyChanges(s as api.SubscriptionInput, { now: NOW }),
  eligibleTermChanges: (s) => api.eligibleTermChanges(s as api.SubscriptionInput, { now: NOW }),
  explain: (s) => api.explain(s as api.SubscriptionInput, { now: NOW }),
  canUpgrade: (s) =>
    api.canUpgrade(s as api.SubscriptionInput, { to: E5, quantity: 15, when: 'midterm', now: NOW, catalog: CATALOG }),
  canConvertTrial: (s) =>
    api.canConvertTrial(s as api.SubscriptionInput, { target: 'equivalent', mode: 'midterm', now: NOW }),
  saasFreeTrial: (s) => api.saasFreeTrial(s as api.SubscriptionInput),
  reconcile: (s) => api.reconcile(s as api.SubscriptionInput, PC, { now: NOW }),
  endOfTermOutcome: (s) => api.endOfTermOutcome(s as api.SubscriptionInput),
  canSetEndOfTermAction: (s) => api.canSetEndOfTermAction(s as api.SubscriptionInput, { action: 'cancel', now: NOW }),
};

/** The CspRulesError thrown, or a description of what happened instead. */
function errorOf(run: () => unknown): api.CspRulesError | string {
  try {
    const value = run();
    return `returned ${describeValue(value)}`;
  } catch (error) {
    return error instanceof api.CspRulesError ? error : `threw ${String(error)}`;
  }
}

/** A valid base with program, term, billing and quantity varied. */
const baseArb = fc
  .record({
    program: fc.constantFrom(...api.PROGRAMS),
    term: fc.constantFrom(...api.TERMS),
    billing: fc.constantFrom(...api.BILLING_FREQUENCIES),
    quantity: fc.integer({ min: 5, max: 10_000 }),
  })
  // B1: a plan bills at most once per term; the other combinations are not valid input.
  .filter((r) => r.term === 'P3Y' || r.billing === 'monthly' || (r.term === 'P1Y' && r.billing === 'annual'));

const brokenArb = fc
  .constantFrom(...Object.keys(NEAR_VALID))
  .chain((field) => fc.constantFrom(...(NEAR_VALID[field]?.bad ?? [])).map((bad) => ({ field, bad })));

describe('fuzz 2: a valid subscription with exactly one field broken → CspRulesError naming that field', () => {
  for (const [name, run] of Object.entries(SUBSCRIPTION_TAKERS)) {
    it(`${name}: every field of SubscriptionInput`, () => {
      fc.assert(
        fc.property(baseArb, brokenArb, (vary, { field, bad }) => {
          const base = { ...(NEAR_VALID[field]?.base ?? SUB), ...vary, quantity: Math.max(vary.quantity, 15) };
          const input = setIn(base, [field], bad);
          const e = errorOf(() => run(input));
          if (typeof e === 'string' || !names(e.field, field)) {
            throw new Error(
              `${field} = ${describeValue(bad)}: ${typeof e === 'string' ? e : `error names ${e.field} (${e.code})`}`,
            );
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('every broken value of the table, exhaustively, through toSubscription', () => {
    const failures: string[] = [];
    for (const [field, { bad, base }] of Object.entries(NEAR_VALID)) {
      for (const value of bad) {
        const e = errorOf(() => api.toSubscription(setIn(base ?? SUB, [field], value) as api.SubscriptionInput));
        if (typeof e === 'string' || !names(e.field, field)) {
          failures.push(`${field} = ${describeValue(value)}: ${typeof e === 'string' ? e : `names ${e.field}`}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a required field present only on the prototype counts as missing; under a JSON "__proto__" key it is an unknown field', () => {
    for (const field of ['program', 'term', 'billing', 'quantity', 'purchasedAt']) {
      const { [field]: moved, ...rest } = SUB as Record<string, unknown>;
      const inherited = Object.assign(Object.create({ [field]: moved }) as object, rest);
      // JSON.parse makes "__proto__" an own data property (as a Partner Center payload would carry it).
      const viaJson: unknown = JSON.parse(
        `{"__proto__": ${JSON.stringify({ [field]: moved })}, ${JSON.stringify(rest).slice(1)}`,
      );
      const e = errorOf(() => api.toSubscription(inherited as unknown as api.SubscriptionInput));
      expect(typeof e === 'string' ? e : [e.code, e.field]).toEqual(['MISSING_FIELD', field]);
      const j = errorOf(() => api.toSubscription(viaJson as api.SubscriptionInput));
      expect(typeof j === 'string' ? j : [j.code, j.field]).toEqual(['UNKNOWN_FIELD', '__proto__']);
      expect(({} as Record<string, unknown>)[field]).toBeUndefined();
    }
  });
});

describe('fuzz 2: options and other inputs with one field broken', () => {
  const OPTION_CASES: readonly {
    readonly fn: string;
    readonly run: (o: unknown) => unknown;
    readonly valid: Record<string, unknown>;
  }[] = [
    { fn: 'canCancel', run: (o) => api.canCancel(SUB, o as api.CancelOptions), valid: { now: NOW } },
    { fn: 'reducibleSeats', run: (o) => api.reducibleSeats(SUB, o as api.SeatOptions), valid: { now: NOW } },
    { fn: 'canIncreaseSeats', run: (o) => api.canIncreaseSeats(SUB, o as api.SeatOptions), valid: { now: NOW } },
    {
      fn: 'planSeatReduction',
      run: (o) => api.planSeatReduction(SUB, o as api.SeatPlanOptions),
      valid: { now: NOW, targetQuantity: 12 },
    },
    { fn: 'proratedRefund', run: (o) => api.proratedRefund(o as api.RefundInput), valid: { ...REFUND } },
  ];
  const BAD_OPTION_FIELDS: Record<string, readonly unknown[]> = {
    now: [...BAD_INSTANTS, null, undefined],
    targetQuantity: [...BAD_COUNTS, null, undefined],
    amountPaid: [...BAD_COUNTS, null, undefined],
    periodStart: [...BAD_INSTANTS, null, undefined],
    periodEnd: [...BAD_INSTANTS, null, undefined, '2023-07-14' /* before the start */],
    at: [...BAD_INSTANTS, null, undefined],
    mode: badEnum('Full'),
  };

  for (const { fn, run, valid } of OPTION_CASES) {
    it(`${fn}: each option field broken`, () => {
      const fields = Object.keys(valid).concat(fn === 'proratedRefund' ? ['mode'] : []);
      fc.assert(
        fc.property(
          fc
            .constantFrom(...fields)
            .chain((field) => fc.constantFrom(...(BAD_OPTION_FIELDS[field] ?? [])).map((bad) => ({ field, bad }))),
          ({ field, bad }) => {
            const e = errorOf(() => run(setIn(valid, [field], bad)));
            if (typeof e === 'string' || !names(e.field, field)) {
              throw new Error(
                `${field} = ${describeValue(bad)}: ${typeof e === 'string' ? e : `error names ${e.field}`}`,
              );
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  const BAD_POLICIES: readonly { readonly policy: unknown; readonly field: string }[] = [
    { policy: 5, field: 'policy' },
    { policy: 'strict', field: 'policy' },
    { policy: null, field: 'policy' },
    { policy: [], field: 'policy' },
    { policy: { keepOneSeat: 'yes' }, field: 'policy.keepOneSeat' },
    { policy: { daysUsed: 'both' }, field: 'policy.daysUsed' },
    { policy: { unknownRenewalCompletion: 'never' }, field: 'policy.unknownRenewalCompletion' },
    { policy: { renewalAnchor: 'x' }, field: 'policy.renewalAnchor' },
    { policy: { programs: 5 }, field: 'policy.programs' },
    { policy: { programs: { 'nce-licence': {} } }, field: 'policy.programs.nce-licence' },
    { policy: JSON.parse('{"programs": {"__proto__": {"fullRefundHours": 0}}}'), field: 'policy.programs.__proto__' },
    { policy: { programs: { 'nce-license': 5 } }, field: 'policy.programs.nce-license' },
    {
      policy: { programs: { 'nce-license': { fullRefundHours: -1 } } },
      field: 'policy.programs.nce-license.fullRefundHours',
    },
    {
      policy: { programs: { 'nce-license': { fullRefundHours: 1.5 } } },
      field: 'policy.programs.nce-license.fullRefundHours',
    },
    {
      policy: { programs: { 'nce-license': { seatWindowHours: Number.NaN } } },
      field: 'policy.programs.nce-license.seatWindowHours',
    },
    {
      policy: { programs: { 'nce-license': { cancelWindowHours: { monthly: '168' } } } },
      field: 'policy.programs.nce-license.cancelWindowHours.monthly',
    },
    // P8 and the timeline's options.
    { policy: { cancelledAtTermEnd: 'kept' }, field: 'policy.cancelledAtTermEnd' },
    { policy: { asOf: '2025-01-01T00:00:00' }, field: 'policy.asOf' },
    { policy: { asOf: 'soon' }, field: 'policy.asOf' },
    { policy: { ignoredChanges: 'triennial-billing-locked' }, field: 'policy.ignoredChanges' },
    { policy: { ignoredChanges: ['triennial-lock'] }, field: 'policy.ignoredChanges[0]' },
  ];

  it('canCancel: each policy field broken (definePolicy names the field; a decision takes no overrides: INVALID_TYPE policy)', () => {
    const failures: string[] = [];
    for (const { policy, field } of BAD_POLICIES) {
      const defined = errorOf(() => api.definePolicy(policy as api.PolicyOverrides));
      if (typeof defined === 'string' || defined.field !== field)
        failures.push(
          `definePolicy(${describeValue(policy)}): ${typeof defined === 'string' ? defined : defined.field}`,
        );
      const e = errorOf(() => api.canCancel(SUB, { now: NOW, policy: policy as api.Policy }));
      if (typeof e === 'string' || e.field !== 'policy' || e.code !== 'INVALID_TYPE')
        failures.push(`canCancel(${describeValue(policy)}): ${typeof e === 'string' ? e : `${e.code} ${e.field}`}`);
    }
    expect(failures).toEqual([]);
  });

  // A typo'd refund mode or window origin must not reach a decision (allowed: true with refund 'bogus').
  const UNCHECKED_POLICY_FIELDS: readonly { readonly patch: Record<string, unknown>; readonly field: string }[] = [
    { patch: { refund: 'bogus' }, field: 'policy.programs.nce-license.refund' },
    { patch: { cancelFrom: 'whenever' }, field: 'policy.programs.nce-license.cancelFrom' },
    { patch: { afterWindow: 5 }, field: 'policy.programs.nce-license.afterWindow' },
    { patch: { seatReduction: 'sometimes' }, field: 'policy.programs.nce-license.seatReduction' },
    { patch: { seatIncrease: null }, field: 'policy.programs.nce-license.seatIncrease' },
    { patch: { cancelRule: { monthly: 'ZZ9' } }, field: 'policy.programs.nce-license.cancelRule.monthly' },
  ];
  it('definePolicy: enum-valued program fields (refund, cancelFrom, cancelRule …) are checked', () => {
    for (const { patch, field } of UNCHECKED_POLICY_FIELDS) {
      const e = errorOf(() => api.definePolicy({ programs: { 'nce-license': patch } } as api.PolicyOverrides));
      expect(typeof e === 'string' ? e : e.field).toBe(field);
    }
  });

  it('Q2 seat batches summing above the quantity are accepted (seats may have been removed since), but never reducible beyond quantity − 1', () => {
    const sub = api.toSubscription({ ...SUB, quantity: 3 });
    expect(sub.seatBatches.reduce((n, b) => n + b.quantity, 0)).toBeGreaterThan(3);
    expect(api.reducibleSeats(sub, { now: sub.purchasedAt }).total).toBe(2);
  });
});

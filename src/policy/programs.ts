/**
 * Programs as policy data: each CSP program's cancellation window, what
 * the window is measured from, the refund it gives and how seats may change. Defaults come
 * from the rule catalogue; every number here can be overridden with `definePolicy`
 * ("except where otherwise required by law").
 */
import type { BillingFrequency } from '../time/term.js';
import type { RuleId } from '../core/rules.js';
import { deepFreeze } from '../core/deepFreeze.js';

/** Every program (the CSP sales channel and product kind that decide the rules), in declaration order. */
export const PROGRAMS = /* @__PURE__ */ Object.freeze([
  // New-commerce license-based (Microsoft 365, Dynamics …): C1, C15, Q1–Q5.
  'nce-license',
  // New-commerce software subscription: C16, Q8.
  'nce-software',
  // New-commerce perpetual software: C13.
  'nce-perpetual',
  // Marketplace (ISV) SaaS bought in new commerce: C14, C6.
  'nce-saas',
  // Traditional (non-new-commerce) ISV SaaS: C4, C5, C6.
  'traditional-saas',
  // Software-subscription asset sold through a BSS storefront: C7, C11, W1–W4.
  'bss-software',
  // SoftwareOne marketplace: C8, Q9.
  'softwareone',
] as const);

/** A CSP program: the sales channel and product kind whose rules apply ({@link PROGRAMS}). */
export type Program = (typeof PROGRAMS)[number];

/** What a cancellation refunds. */
export type RefundMode = 'full' | 'prorated' | 'none';

/** What a cancellation window is measured from. */
export type WindowFrom =
  /** The start of **any** term: the purchase instant, or the renewal-completion instant (C1, R3). */
  | 'term-start'
  /** The purchase (order) instant only: later terms have no window. */
  | 'purchase';

/** How seat decreases work in a program. */
export type SeatReduction =
  /** Q2: each batch of added seats is reducible for its own window. */
  | 'batch-window'
  /** No decrease at all (Q8, C2: no partial return). */
  | 'never';

/** How seat increases work in a program. */
export type SeatIncrease =
  /** Q1: increase at any time while active. */
  | 'any-time'
  /** Q9: more licenses need a new subscription under the same agreement. */
  | 'new-subscription';

/** One program's rules as data. */
export interface ProgramPolicy {
  /** Rule the cancellation window comes from, per billing frequency (C4 and C5 differ by billing). */
  readonly cancelRule: Readonly<Record<BillingFrequency, RuleId>>;
  /** Cancellation window length in hours, per billing frequency (C4/C5 differ by billing). */
  readonly cancelWindowHours: Readonly<Record<BillingFrequency, number>>;
  /** What the window is measured from. */
  readonly cancelFrom: WindowFrom;
  /** Refund inside the window. */
  readonly refund: RefundMode;
  /**
   * C15: hours from the window start during which the refund is full even when `refund` is
   * `prorated`. 0 = no full-refund tier.
   */
  readonly fullRefundHours: number;
  /**
   * After the window: `refused` (C1), or the cancellation is accepted but scheduled for
   * renewal with no refund (C4, C5).
   */
  readonly afterWindow: 'refused' | 'at-renewal';
  /** Seat decreases. */
  readonly seatReduction: SeatReduction;
  /** Window of a seat batch in hours (Q2: 7 d). */
  readonly seatWindowHours: number;
  /** Seat increases. */
  readonly seatIncrease: SeatIncrease;
  /**
   * B2, B3: whether the billing-frequency and term-change tables of "Manage customer
   * subscriptions" apply. They are written for new-commerce license-based subscriptions; for the
   * other programs the sources give no table, so their plan changes are refused (`NO_PLAN_TABLE`).
   */
  readonly planTables: boolean;
}

function every<T>(value: T): Readonly<Record<BillingFrequency, T>> {
  return { monthly: value, annual: value, triennial: value };
}

/** 7 × 24 h (T3). */
const SEVEN_DAYS = 168;

/**
 * The default program table (the catalogue's defaults), read like the source tables: one row a
 * program. Public as `DEFAULT_POLICY.programs`.
 */
export const DEFAULT_PROGRAMS: Readonly<Record<Program, ProgramPolicy>> = /* @__PURE__ */ deepFreeze({
  // C1 + C15: 7 d from the start of any term, full in the first 24 h, prorated after. Q1–Q4.
  'nce-license': {
    cancelRule: every('C1'),
    cancelWindowHours: every(SEVEN_DAYS),
    cancelFrom: 'term-start',
    refund: 'prorated',
    fullRefundHours: 24,
    afterWindow: 'refused',
    seatReduction: 'batch-window',
    seatWindowHours: SEVEN_DAYS,
    seatIncrease: 'any-time',
    planTables: true,
  },
  // C16: 7 d from purchase or any renewal, prorated. Q8: no seat reduction.
  'nce-software': {
    cancelRule: every('C16'),
    cancelWindowHours: every(SEVEN_DAYS),
    cancelFrom: 'term-start',
    refund: 'prorated',
    fullRefundHours: 0,
    afterWindow: 'refused',
    seatReduction: 'never',
    seatWindowHours: 0,
    seatIncrease: 'any-time',
    planTables: false,
  },
  // C13: 30 d from purchase, full refund.
  'nce-perpetual': {
    cancelRule: every('C13'),
    cancelWindowHours: every(30 * 24),
    cancelFrom: 'purchase',
    refund: 'full',
    fullRefundHours: 0,
    afterWindow: 'refused',
    seatReduction: 'never',
    seatWindowHours: 0,
    seatIncrease: 'any-time',
    planTables: false,
  },
  // C14 + C6: 72 h from purchase, full refund. Seat reduction: sources silent, refused (see docs/rules.md).
  'nce-saas': {
    cancelRule: every('C14'),
    cancelWindowHours: every(72),
    cancelFrom: 'purchase',
    refund: 'full',
    fullRefundHours: 0,
    afterWindow: 'refused',
    seatReduction: 'never',
    seatWindowHours: 0,
    seatIncrease: 'any-time',
    planTables: false,
  },
  // C4 (monthly: < 24 h) and C5 (annual: < 14 d) from the order, full (C6); later → at renewal.
  // Triennial billing is not in the source: it takes the annual window (documented choice).
  'traditional-saas': {
    cancelRule: { monthly: 'C4', annual: 'C5', triennial: 'C5' },
    cancelWindowHours: { monthly: 24, annual: 14 * 24, triennial: 14 * 24 },
    cancelFrom: 'purchase',
    refund: 'full',
    fullRefundHours: 0,
    afterWindow: 'at-renewal',
    seatReduction: 'never',
    seatWindowHours: 0,
    seatIncrease: 'any-time',
    planTables: false,
  },
  // C7: 30 d from purchase, prorated credit by default (001 also says "full refund"). C2: no partial return.
  'bss-software': {
    cancelRule: every('C7'),
    cancelWindowHours: every(30 * 24),
    cancelFrom: 'purchase',
    refund: 'prorated',
    fullRefundHours: 0,
    afterWindow: 'refused',
    seatReduction: 'never',
    seatWindowHours: 0,
    seatIncrease: 'any-time',
    planTables: false,
  },
  // C8: 7×24 h from the order, new purchases and renewal orders alike (R3: from completion). Q9.
  softwareone: {
    cancelRule: every('C8'),
    cancelWindowHours: every(SEVEN_DAYS),
    cancelFrom: 'term-start',
    refund: 'prorated',
    fullRefundHours: 0,
    afterWindow: 'refused',
    seatReduction: 'batch-window',
    seatWindowHours: SEVEN_DAYS,
    seatIncrease: 'new-subscription',
    planTables: false,
  },
});

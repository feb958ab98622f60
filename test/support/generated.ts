/**
 * Generated subscriptions and instants for the cross-cutting properties (test/properties/):
 * every program, status, trial or not, auto-renew on or off, batches known or unknown (with or
 * without a reported deadline), first term, renewed with a known or an unknown completion; and
 * instants placed around the term from its start on (in term, the renewal day to the millisecond,
 * long after the term). Instants before the purchase are not generated (a separate question).
 * Only plain JavaScript dates here; the term's end day is read from the validated snapshot just to
 * place the instants, never as an expected value.
 */
import fc from 'fast-check';
import { PROGRAMS } from '../../src/policy/programs.js';
import { STATUSES, toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import type { BillingFrequency, Term } from '../../src/time/term.js';
import { DAY } from './time.js';

const HOUR = 3_600_000;

/** B1: the plans that bill at most once per term. */
const PLANS: readonly { readonly term: Term; readonly billing: BillingFrequency }[] = [
  { term: 'P1M', billing: 'monthly' },
  { term: 'P1Y', billing: 'monthly' },
  { term: 'P1Y', billing: 'annual' },
  { term: 'P3Y', billing: 'monthly' },
  { term: 'P3Y', billing: 'annual' },
  { term: 'P3Y', billing: 'triennial' },
];

/** How the current term started. */
type TermStart = 'first' | 'renewed-known' | 'renewed-unknown';

/** A generated subscription input with what was generated about it. */
export interface Generated {
  readonly input: SubscriptionInput;
  readonly start: TermStart;
}

/** Options of {@link subscriptionArb}: narrow what is generated. */
export interface SubscriptionArbOptions {
  readonly programs?: readonly (typeof PROGRAMS)[number][];
  readonly statuses?: readonly (typeof STATUSES)[number][];
  readonly trial?: fc.Arbitrary<boolean>;
  readonly autoRenew?: fc.Arbitrary<boolean>;
  readonly minQuantity?: number;
  /** Microsoft's returnable flag: given or not (default any). */
  readonly returnable?: fc.Arbitrary<boolean | undefined>;
}

/** Subscriptions of every kind (see the file comment), purchased 2020–2030. */
export function subscriptionArb(options: SubscriptionArbOptions = {}): fc.Arbitrary<Generated> {
  return fc
    .record({
      program: fc.constantFrom(...(options.programs ?? PROGRAMS)),
      status: fc.constantFrom(...(options.statuses ?? STATUSES)),
      plan: fc.constantFrom(...PLANS),
      quantity: fc.integer({ min: options.minQuantity ?? 1, max: 40 }),
      purchase: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      trial: options.trial ?? fc.boolean(),
      autoRenew: options.autoRenew ?? fc.boolean(),
      start: fc.constantFrom<TermStart>('first', 'renewed-known', 'renewed-unknown'),
      // Renewed: the current term started this many days after the purchase (and its completion, when known, h later).
      renewalDays: fc.integer({ min: 28, max: 1200 }),
      completionMs: fc.integer({ min: 0, max: DAY - 1 }),
      endGiven: fc.boolean(),
      batches: fc.option(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 20 }),
            offsetHours: fc.integer({ min: 0, max: 60 * 24 }),
            reported: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        { nil: undefined },
      ),
      returnable: options.returnable ?? fc.option(fc.boolean(), { nil: undefined }),
      updateCount: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      promotionId: fc.option(fc.constant('PROMO-1'), { nil: undefined }),
      scheduled: fc.boolean(),
      callerAssumes: fc.boolean(),
    })
    .map((r): Generated => {
      const iso = (ms: number): string => new Date(ms).toISOString();
      const purchaseDay = Math.floor(r.purchase / DAY);
      const input: Record<string, unknown> = {
        id: 'g-1',
        offerName: 'Microsoft 365 E3',
        program: r.program,
        status: r.status,
        term: r.plan.term,
        billing: r.plan.billing,
        quantity: r.quantity,
        purchasedAt: iso(r.purchase),
        trial: r.trial,
        autoRenew: r.autoRenew,
      };
      let termStart = r.purchase;
      if (r.start !== 'first') {
        const startDay = purchaseDay + r.renewalDays;
        termStart = startDay * DAY;
        if (r.start === 'renewed-known') input['termStartedAt'] = iso(startDay * DAY + r.completionMs);
        else Object.assign(input, { termStartedAt: null, termStartDate: iso(startDay * DAY).slice(0, 10) });
      }
      // An explicit end date some time after the start (a trial's 30 days, an aligned term, …).
      if (r.endGiven) input['termEndDate'] = iso(termStart + (r.trial ? 29 : 200) * DAY).slice(0, 10);
      if (r.batches !== undefined) {
        input['seatBatches'] = r.batches.map((b) => {
          const addedAt = termStart + b.offsetHours * HOUR;
          return {
            quantity: b.quantity,
            addedAt: iso(Math.max(addedAt, r.purchase)),
            ...(b.reported === undefined ? {} : { until: iso(Math.max(addedAt, r.purchase) + b.reported * HOUR) }),
          };
        });
      }
      if (r.returnable !== undefined) input['isReturnable'] = r.returnable;
      if (r.updateCount !== undefined) input['updateCount'] = r.updateCount;
      if (r.promotionId !== undefined) input['promotionId'] = r.promotionId;
      if (r.scheduled) input['scheduledChange'] = { quantity: r.quantity + 1 };
      if (r.callerAssumes) input['assumptions'] = ['AUTO_RENEW_ASSUMED'];
      return { input: input as unknown as SubscriptionInput, start: r.start };
    });
}

/** Where an instant is placed. */
export type Place = 'in-term' | 'renewal-day' | 'after-term' | 'boundary';

/**
 * Instants for a subscription, from its current term's start on: anywhere in the term, on the
 * renewal day (00:00Z after the end date + [0, 24 h)), long after the term, or exactly on a
 * boundary (the term's last ms, 00:00Z after it, 24 h later and 1 ms before).
 */
export function instantArb(input: SubscriptionInput): fc.Arbitrary<{ readonly now: number; readonly place: Place }> {
  const sub = toSubscription(input);
  const start = Math.max(sub.termStartedAt ?? sub.termStartDay * DAY, sub.purchasedAt);
  const end = (sub.termEndDay + 1) * DAY; // exclusive end of the term (T2)
  return fc.oneof(
    fc.integer({ min: start, max: end - 1 }).map((now) => ({ now, place: 'in-term' as const })),
    fc.integer({ min: end, max: end + DAY - 1 }).map((now) => ({ now, place: 'renewal-day' as const })),
    fc.integer({ min: end + DAY, max: end + 800 * DAY }).map((now) => ({ now, place: 'after-term' as const })),
    fc.constantFrom(end - 1, end, end + DAY - 1, end + DAY, start).map((now) => ({ now, place: 'boundary' as const })),
  );
}

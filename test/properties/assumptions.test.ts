/**
 * Guesses are never presented as facts: a decision that used a default for a missing fact lists
 * an assumption (a code of ASSUMPTIONS). A property over generated subscriptions and instants, and
 * one walk through every default of the snapshot, the policy and the options, each with the code it
 * produces — or, for the input contract's documented defaults, why it is not a guess.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, type Assumption } from '../../src/core/decision.js';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { planSeatReduction, reducibleSeats } from '../../src/decisions/seats.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { canConvertTrial } from '../../src/decisions/trial.js';
import { checkUpdateLimit } from '../../src/decisions/updateLimit.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import { explain } from '../../src/explain/explain.js';
import { canScheduleChange } from '../../src/lifecycle/scheduledChanges.js';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { DEFAULT_POLICY, definePolicy } from '../../src/policy/policy.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { instantArb, subscriptionArb } from '../support/generated.js';
import { pc } from '../support/partnerCenter.js';
import { nceAnnual } from '../support/subscriptions.js';

const LATEST = definePolicy({ unknownRenewalCompletion: 'latest' });
const BOUND = { earliest: 'RENEWAL_COMPLETION_ASSUMED_EARLIEST', latest: 'RENEWAL_COMPLETION_ASSUMED_LATEST' } as const;
/** C1, C16, C8: windows from the start of any term (the renewal's completion, R3); the others from the purchase. */
const FROM_TERM_START = new Set(['nce-license', 'nce-software', 'softwareone']);

/**
 * The snapshot's own assumptions, worked out from the input alone: the caller's (each once), a
 * trial without an end date (TR1), and a software asset without its returnable flag (C7, C16).
 */
function snapshotAssumptions(input: SubscriptionInput): { all: Assumption[]; others: Assumption[] } {
  const all: Assumption[] = [];
  for (const a of input.assumptions ?? []) if (!all.includes(a)) all.push(a);
  if (input.trial === true && input.termEndDate === undefined && !all.includes('TRIAL_END_ASSUMED'))
    all.push('TRIAL_END_ASSUMED');
  if (
    input.isReturnable === undefined &&
    (input.program === 'bss-software' || input.program === 'nce-software') &&
    !all.includes('RETURNABLE_ASSUMED')
  )
    all.push('RETURNABLE_ASSUMED');
  return { all, others: all.filter((a) => a !== 'RETURNABLE_ASSUMED') };
}

/**
 * `expected` are all in the answer's assumptions — unless the answer is TERMINATED (C3, P7): a
 * cancelled or deleted subscription's answer rests on its status alone, nothing assumed bears on it.
 */
const includesAll = (
  answer: { readonly reason: string; readonly assumptions: readonly string[] },
  expected: readonly string[],
  what: string,
): void => {
  if (answer.reason === 'TERMINATED') return;
  for (const a of expected) expect(answer.assumptions, `${what} lacks ${a}`).toContain(a);
};

describe('C12 every decision that used a default for a missing fact lists an assumption', () => {
  it('property: snapshot defaults on every answer (RETURNABLE_ASSUMED on cancel only); the decisions’ own defaults where they were used', () => {
    fc.assert(
      fc.property(
        subscriptionArb().chain((g) => fc.tuple(fc.constant(g), instantArb(g.input), fc.boolean())),
        ([{ input, start }, { now }, latest]) => {
          const policy = latest ? LATEST : DEFAULT_POLICY;
          const bound = BOUND[latest ? 'latest' : 'earliest'];
          const { all, others } = snapshotAssumptions(input);
          const sub = toSubscription(input);
          const renewalStart = (sub.termEndDay + 1) * 86_400_000;
          const renewing =
            sub.status === 'active' && sub.autoRenew && now >= renewalStart && now < renewalStart + 86_400_000;

          // C7 C16: the returnable flag bears on a cancellation, and on nothing else.
          const cancel = canCancel(input, { now, policy });
          includesAll(cancel, all, 'canCancel');
          // R3: a window from a completion that is not known (a renewed term, or the renewal running),
          // or an opening at the next renewal's completion, names the policy's bound.
          const fromTermStart = FROM_TERM_START.has(input.program);
          const windowRan = ['WITHIN_WINDOW', 'WINDOW_NOT_OPEN', 'WINDOW_CLOSED'].includes(cancel.reason);
          if (fromTermStart && windowRan && (start === 'renewed-unknown' || renewing))
            expect(cancel.assumptions).toContain(bound);
          if (cancel.reason === 'WINDOW_CLOSED' && !cancel.allowed && cancel.opensAt !== null)
            expect(cancel.assumptions).toContain(bound);

          const seats = reducibleSeats(input, { now, policy });
          includesAll(seats, others, 'reducibleSeats');
          expect(seats.assumptions).not.toContain('RETURNABLE_ASSUMED');
          const ran = ['WITHIN_WINDOW', 'NO_OPEN_BATCH', 'LAST_SEAT'].includes(seats.reason);
          // Q2: without batches the whole quantity is assumed added at the term start (or, while the
          // renewal runs, at its completion: the R3 bound).
          if (ran && input.seatBatches === undefined)
            expect(seats.assumptions.some((a) => a === 'SEAT_BATCHES_ASSUMED' || a === bound)).toBe(true);
          if (ran && renewing) expect(seats.assumptions).toContain(bound);
          // Q2: the keep-one-seat cap lowered the total below the open seats.
          const open = seats.batches.reduce((n, b) => n + b.quantity, 0);
          if (seats.reason === 'LAST_SEAT' || (ran && seats.total < Math.min(open, sub.quantity)))
            expect(seats.assumptions).toContain('ONE_SEAT_KEPT');
          // R3: an opening at the next renewal rests on its completion bound (one inside the term,
          // a batch's own window, does not).
          const renewalOpening = (at: number | null): boolean => at !== null && at >= (sub.termEndDay + 1) * 86_400_000;
          if (seats.reason === 'NO_OPEN_BATCH' && !seats.allowed && renewalOpening(seats.opensAt))
            expect(seats.assumptions).toContain(bound);

          const plan = planSeatReduction(input, { now, policy, targetQuantity: 1 });
          includesAll(plan, others, 'planSeatReduction');
          if (plan.reason === 'INSUFFICIENT_REDUCIBLE_SEATS' && !plan.allowed && renewalOpening(plan.opensAt))
            expect(plan.assumptions).toContain(bound);

          includesAll(canIncreaseSeats(input, { now, policy }), others, 'canIncreaseSeats');
          includesAll(canScheduleChange(input, { now, policy }), others, 'canScheduleChange');
          // Q6: an unknown update count is taken as under the limit.
          const limit = checkUpdateLimit(input, { now, policy });
          includesAll(limit, others, 'checkUpdateLimit');
          if (input.updateCount === undefined) expect(limit.assumptions).toContain('UPDATE_COUNT_ASSUMED_UNDER_LIMIT');

          const billing = eligibleBillingFrequencyChanges(input, { now, policy });
          for (const o of [...billing.allowed, ...billing.refused]) {
            includesAll(o, others, `billing ${o.billing}`);
            // B5: the charge's completion is not in the sources: the whole day is assumed.
            if (o.reason === 'CYCLE_CHARGE_IN_PROGRESS') expect(o.assumptions).toContain('CHARGE_COMPLETION_ASSUMED');
          }
          // B1: without the catalog's terms, an option decided by them rests on the assumed catalog.
          const terms = eligibleTermChanges(input, { now, policy });
          for (const o of [...terms.allowed, ...terms.refused]) {
            includesAll(o, others, `term ${o.term}/${o.billing}`);
            if (o.allowed || o.reason === 'TERM_NOT_OFFERED') expect(o.assumptions).toContain('OFFERED_TERMS_ASSUMED');
          }
          includesAll(
            canUpgrade(input, { to: 'Microsoft 365 E5', quantity: 1, when: 'midterm', now, policy }),
            others,
            'canUpgrade',
          );
          includesAll(
            canConvertTrial(input, { target: 'equivalent', mode: 'scheduled', now }),
            others,
            'canConvertTrial',
          );
          // explain passes each answer's assumptions on (a NO_CHANGE answer excepted: a known defect,
          // kept visible in test/explain/explain.test.ts).
          for (const a of explain(input, { now, policy }).actions) {
            if (a.reason === 'NO_CHANGE') continue;
            includesAll(a, a.action === 'cancel' ? all : others, `explain ${a.action}`);
            if (a.action !== 'cancel') expect(a.assumptions, a.action).not.toContain('RETURNABLE_ASSUMED');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** One default of the library: where it is used, and the code it produces (or why it is none). */
interface DefaultRow {
  /** The fact left out (an input field, a policy setting, an option, the adapter's JSON). */
  readonly fact: string;
  /** The assumptions of a decision that used the default. */
  readonly missing: () => readonly string[];
  /** The assumptions of the same decision with the fact given. */
  readonly given: () => readonly string[];
  /** The code the default produces, or the input contract that makes it a fact, not a guess. */
  readonly code: Assumption | { readonly contract: string };
}

const base = nceAnnual; // P1Y bought 2024-01-15T09:30:00Z, term end date 2025-01-14
const inWindow = '2024-01-16T00:00:00Z';
const renewed = { ...base, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' } as const;

const DEFAULTS: readonly DefaultRow[] = [
  // ---- the snapshot's input fields
  {
    fact: 'status',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, status: 'active' }, { now: inWindow }).assumptions,
    code: { contract: 'SubscriptionInput.status: "Default `active`" — the caller describes the status it knows' },
  },
  {
    fact: 'termStartedAt (omitted)',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, termStartedAt: base.purchasedAt }, { now: inWindow }).assumptions,
    code: {
      contract: 'SubscriptionInput.termStartedAt: "Omitted: the subscription is in its first term (= purchasedAt)"',
    },
  },
  {
    fact: 'termStartedAt: null (a renewal whose completion instant is unknown, R3)',
    missing: () => canCancel(renewed, { now: '2025-01-16T00:00:00Z' }).assumptions,
    given: () =>
      canCancel({ ...renewed, termStartedAt: '2025-01-15T03:00:00Z' }, { now: '2025-01-16T00:00:00Z' }).assumptions,
    code: 'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
  },
  {
    fact: 'termEndDate of a paid subscription',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, termEndDate: '2025-01-14' }, { now: inWindow }).assumptions,
    code: { contract: 'T6: the end date follows from the term start and length ("Default: T6 from the term start")' },
  },
  {
    fact: 'termEndDate of a trial (TR1)',
    missing: () =>
      canConvertTrial({ ...base, trial: true }, { target: 'equivalent', mode: 'midterm', now: inWindow }).assumptions,
    given: () =>
      canConvertTrial(
        { ...base, trial: true, termEndDate: '2024-02-13' },
        { target: 'equivalent', mode: 'midterm', now: inWindow },
      ).assumptions,
    code: 'TRIAL_END_ASSUMED',
  },
  {
    fact: 'autoRenew',
    missing: () => canScheduleChange(base, { now: inWindow }).assumptions,
    given: () => canScheduleChange({ ...base, autoRenew: true }, { now: inWindow }).assumptions,
    code: { contract: 'R1: "Auto-renew is on by default" (SubscriptionInput.autoRenew: "Default `true` (R1)")' },
  },
  {
    fact: 'trial',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, trial: false }, { now: inWindow }).assumptions,
    code: { contract: 'SubscriptionInput.trial: "Default `false`" — a trial is described as one' },
  },
  {
    fact: 'seatBatches',
    missing: () =>
      reducibleSeats(
        { ...base, quantity: 10 },
        { now: '2024-01-16T00:00:00Z', policy: definePolicy({ keepOneSeat: false }) },
      ).assumptions,
    given: () =>
      reducibleSeats(
        { ...base, seatBatches: [{ quantity: 10, addedAt: base.purchasedAt }] },
        { now: '2024-01-16T00:00:00Z', policy: definePolicy({ keepOneSeat: false }) },
      ).assumptions,
    code: 'SEAT_BATCHES_ASSUMED',
  },
  {
    fact: 'seatBatches[].until',
    missing: () =>
      reducibleSeats(
        { ...base, seatBatches: [{ quantity: 5, addedAt: base.purchasedAt }], quantity: 15 },
        { now: inWindow },
      ).assumptions,
    given: () =>
      reducibleSeats(
        {
          ...base,
          seatBatches: [{ quantity: 5, addedAt: base.purchasedAt, until: '2024-01-22T09:30:00Z' }],
          quantity: 15,
        },
        { now: inWindow },
      ).assumptions,
    code: { contract: 'Q2, T3: the batch window is 7 × 24 h from its addition; a reported deadline only bounds it' },
  },
  {
    fact: 'isReturnable of a software asset (C7, C16)',
    missing: () => canCancel({ ...base, program: 'nce-software' }, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, program: 'nce-software', isReturnable: true }, { now: inWindow }).assumptions,
    code: 'RETURNABLE_ASSUMED',
  },
  {
    fact: 'isReturnable of any other program',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, isReturnable: true }, { now: inWindow }).assumptions,
    code: {
      contract: 'C7, C16: the flag is Microsoft’s per software asset; the other programs’ windows do not read it',
    },
  },
  {
    fact: 'cancellationWindowFrom',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () => canCancel({ ...base, cancellationWindowFrom: base.purchasedAt }, { now: inWindow }).assumptions,
    code: { contract: 'U9: given only for a subscription created by a partial upgrade; otherwise the term start' },
  },
  {
    fact: 'promotionId, scheduledChange, nextChargeBilling',
    missing: () =>
      eligibleTermChanges(base, { now: inWindow, offeredTerms: ['P1Y', 'P3Y'] }).allowed.flatMap((o) => o.assumptions),
    given: () =>
      eligibleTermChanges(
        { ...base, promotionId: null, scheduledChange: null, nextChargeBilling: null },
        { now: inWindow, offeredTerms: ['P1Y', 'P3Y'] },
      ).allowed.flatMap((o) => o.assumptions),
    code: { contract: 'absent means none: the caller describes the promotion and the saved instructions it has' },
  },
  {
    fact: 'id, offerName, parentSubscriptionId',
    missing: () => canCancel(base, { now: inWindow }).assumptions,
    given: () =>
      canCancel({ ...base, id: 'x', offerName: 'Microsoft 365 E3', parentSubscriptionId: null }, { now: inWindow })
        .assumptions,
    code: { contract: 'identity only (links, the U2 deny list): no window or deadline reads it' },
  },
  {
    fact: 'updateCount (Q6)',
    missing: () => checkUpdateLimit(base, { now: inWindow }).assumptions,
    given: () => checkUpdateLimit({ ...base, updateCount: 3 }, { now: inWindow }).assumptions,
    code: 'UPDATE_COUNT_ASSUMED_UNDER_LIMIT',
  },
  // ---- the policy, the options and the library's own bounds
  {
    fact: 'policy.unknownRenewalCompletion: the next renewal’s completion, an opening (R3, default earliest)',
    missing: () => canCancel(base, { now: '2024-06-01T00:00:00Z' }).assumptions,
    given: () => canCancel({ ...base, autoRenew: false }, { now: '2024-06-01T00:00:00Z' }).assumptions,
    code: 'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
  },
  {
    fact: 'policy.unknownRenewalCompletion: latest',
    missing: () => canCancel(renewed, { now: '2025-01-17T00:00:00Z', policy: LATEST }).assumptions,
    given: () =>
      canCancel({ ...renewed, termStartedAt: '2025-01-15T03:00:00Z' }, { now: '2025-01-17T00:00:00Z', policy: LATEST })
        .assumptions,
    code: 'RENEWAL_COMPLETION_ASSUMED_LATEST',
  },
  {
    fact: 'policy.keepOneSeat (Q2, default true)',
    missing: () =>
      reducibleSeats({ ...base, seatBatches: [{ quantity: 10, addedAt: base.purchasedAt }] }, { now: inWindow })
        .assumptions,
    given: () =>
      reducibleSeats(
        { ...base, seatBatches: [{ quantity: 10, addedAt: base.purchasedAt }] },
        { now: inWindow, policy: definePolicy({ keepOneSeat: false }) },
      ).assumptions,
    code: 'ONE_SEAT_KEPT',
  },
  {
    fact: 'offeredTerms (B1: the catalog’s terms, default Monthly and Annual)',
    missing: () =>
      eligibleTermChanges({ ...base, term: 'P1M' }, { now: inWindow }).allowed.flatMap((o) => o.assumptions),
    given: () =>
      eligibleTermChanges({ ...base, term: 'P1M' }, { now: inWindow, offeredTerms: ['P1M', 'P1Y'] }).allowed.flatMap(
        (o) => o.assumptions,
      ),
    code: 'OFFERED_TERMS_ASSUMED',
  },
  {
    fact: 'the cycle charge’s completion (B5: the sources give none; the whole UTC day)',
    // P3Y/monthly bought 2024-01-15: 2024-02-15 is a charge day; the day after is not.
    missing: () =>
      eligibleBillingFrequencyChanges({ ...base, term: 'P3Y' }, { now: '2024-02-15T12:00:00Z' }).refused.flatMap(
        (o) => o.assumptions,
      ),
    given: () =>
      eligibleBillingFrequencyChanges({ ...base, term: 'P3Y' }, { now: '2024-02-16T12:00:00Z' }).refused.flatMap(
        (o) => o.assumptions,
      ),
    code: 'CHARGE_COMPLETION_ASSUMED',
  },
  // ---- the Partner Center adapter
  {
    fact: 'Partner Center autoRenewEnabled',
    missing: () =>
      canCancel(fromPartnerCenter(pc({ autoRenewEnabled: undefined })).subscription, { now: inWindow }).assumptions,
    given: () => canCancel(fromPartnerCenter(pc()).subscription, { now: inWindow }).assumptions,
    code: 'AUTO_RENEW_ASSUMED',
  },
  {
    fact: 'Partner Center commitmentEndDate',
    missing: () =>
      canCancel(fromPartnerCenter(pc({ commitmentEndDate: undefined })).subscription, { now: inWindow }).assumptions,
    given: () => canCancel(fromPartnerCenter(pc()).subscription, { now: inWindow }).assumptions,
    code: 'TERM_END_ASSUMED',
  },
];

describe('R3 Q2 Q6 B1 B5 TR1 C7 the defaults of the library, walked one by one', () => {
  it.each(DEFAULTS.map((r) => [r.fact, r] as const))('%s', (_, row) => {
    if (typeof row.code === 'string') {
      expect(row.missing()).toContain(row.code);
      expect(row.given()).not.toContain(row.code);
    } else {
      // A documented input-contract default: nothing is assumed either way.
      expect(row.missing()).toEqual(row.given());
      expect(row.code.contract.length).toBeGreaterThan(0);
    }
  });
  it('every assumption code of ASSUMPTIONS is produced by a default of the walk', () => {
    const produced = new Set(DEFAULTS.flatMap((r) => (typeof r.code === 'string' ? [r.code] : [])));
    expect([...ASSUMPTIONS].filter((a) => !produced.has(a))).toEqual([]);
  });
  it('every optional field of SubscriptionInput is walked (the required five need no default)', () => {
    const optional = [
      'id',
      'offerName',
      'status',
      'termStartedAt',
      'termStartDate',
      'termEndDate',
      'autoRenew',
      'trial',
      'seatBatches',
      'promotionId',
      'isReturnable',
      'parentSubscriptionId',
      'cancellationWindowFrom',
      'scheduledChange',
      'nextChargeBilling',
      'updateCount',
      'assumptions',
    ];
    const walked = DEFAULTS.map((r) => r.fact).join(' ');
    // termStartDate is read only with termStartedAt null (walked there); assumptions is the caller's list itself.
    expect(optional.filter((f) => !walked.includes(f) && f !== 'termStartDate' && f !== 'assumptions')).toEqual([]);
  });
});

/**
 * Properties of Microsoft's rule changes (docs/policy.md "Which version answers", the catalogue's
 * versions table, R6, R7, C17, P8), stated from the documented table of dates written out below —
 * never by calling the library's own versionAt. Generators bias instants to month ends, Feb 29,
 * year ends, UTC midnight ±1 ms and the days around each change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { canSetEndOfTermAction, endOfTermOutcome } from '../../src/decisions/endOfTerm.js';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { reducibleSeats } from '../../src/decisions/seats.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { renewalSchedule } from '../../src/lifecycle/renewal.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { explain } from '../../src/explain/explain.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { EndOfTermAction, Status, SubscriptionInput } from '../../src/snapshot/subscription.js';
import type { Program } from '../../src/policy/programs.js';
import type { BillingFrequency, Term } from '../../src/time/term.js';

const DAY = 86_400_000;
const ms = (iso: string): number => Date.parse(iso);
/** UTC day number of `YYYY-MM-DD`, by Date.parse. */
const dayOfText = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
/** `YYYY-MM-DD` of a UTC day number, by Date#toISOString. */
const textOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const iso = (instant: number): string => new Date(instant).toISOString();

/** The documented versions table: each version and the instant it takes effect (00:00Z of its day). */
const VERSIONS: readonly (readonly [string, number])[] = [
  ['2026-05-04', ms('2026-05-04T00:00:00Z')],
  ['2026-02-16', ms('2026-02-16T00:00:00Z')],
  ['2025-04-01', ms('2025-04-01T00:00:00Z')],
  ['2024-07-01', ms('2024-07-01T00:00:00Z')],
];
/** The version in force at `instant`: the latest of the table at or before it, else the baseline. */
function versionOf(instant: number): string {
  for (const [version, from] of VERSIONS) if (instant >= from) return version;
  return '2023-10-19';
}

const R6_FROM = ms('2026-02-16T00:00:00Z');
const R7_FROM = ms('2026-05-04T00:00:00Z');
const EST_TERM_START_FROM = ms('2025-04-01T00:00:00Z');
const EST_END_DAY_FROM = dayOfText('2026-05-04');

// ---------------------------------------------------------------------------------------------
// Generators

const FIRST_DAY = dayOfText('2023-01-01');
const LAST_DAY = dayOfText('2028-12-31');
/** Days the rules change on, with the day before and after each. */
const EDGE_DAYS = ['2024-07-01', '2025-04-01', '2026-02-16', '2026-05-04'].flatMap((d) => {
  const n = dayOfText(d);
  return [n - 1, n, n + 1];
});
const SPECIAL_DAYS = [
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2028-02-29',
  '2023-12-31',
  '2024-01-01',
  '2024-12-31',
  '2025-01-01',
  '2025-12-31',
  '2026-01-01',
  '2026-12-31',
  '2027-01-01',
].map(dayOfText);

/** A UTC day in [from, to], biased to month ends, Feb 29, year ends and the change days. */
function dayArb(from: number, to: number): fc.Arbitrary<number> {
  const monthEnd = fc
    .tuple(fc.integer({ min: 2023, max: 2028 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => Date.UTC(y, m, 0) / DAY);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: from, max: to }) },
      { weight: 2, arbitrary: monthEnd },
      { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_DAYS) },
      { weight: 2, arbitrary: fc.constantFrom(...EDGE_DAYS) },
    )
    .filter((d) => d >= from && d <= to);
}
/** A time of day, biased to 00:00:00.000, 00:00:00.001 and 23:59:59.999. */
const timeOfDayArb = fc.oneof(fc.constantFrom(0, 1, DAY - 1), fc.integer({ min: 0, max: DAY - 1 }));
/** An instant in the days [from, to]. */
const instantArb = (from: number, to: number): fc.Arbitrary<number> =>
  fc.tuple(dayArb(from, to), timeOfDayArb).map(([d, t]) => d * DAY + t);

const PLANS: readonly (readonly [Term, BillingFrequency])[] = [
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
];
const ALL_PROGRAMS: readonly Program[] = [
  'nce-license',
  'nce-software',
  'nce-perpetual',
  'nce-saas',
  'traditional-saas',
  'bss-software',
  'softwareone',
];
const ALL_STATUSES: readonly Status[] = [
  'active',
  'pending',
  'suspended',
  'expired',
  'disabled',
  'deleted',
  'cancelled',
];
/** An annual license bought 2025-06-10 (ends 2026-06-10T00:00Z), for the examples. */
const GONE: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};

/** A generated subscription with the facts the properties read, worked out here without src. */
interface Generated {
  readonly input: SubscriptionInput;
  readonly program: Program;
  readonly trial: boolean;
  readonly status: Status;
  readonly autoRenew: boolean;
  readonly choice: EndOfTermAction | null;
  /** When the current term started (a renewal of unknown completion: 00:00Z of its first day). */
  readonly termStart: number;
  /** The term end date (inclusive, a UTC day). */
  readonly endDay: number;
  /** The term end instant: 00:00Z after the end date (T2). */
  readonly termEnd: number;
}

interface GenOptions {
  readonly programs?: readonly Program[];
  readonly trial?: fc.Arbitrary<boolean>;
  readonly statuses?: readonly Status[];
  readonly choices?: boolean;
  /** First and last purchase day (default 2023-06-01 … 2027-12-31). */
  readonly purchaseDays?: readonly [string, string];
}

/**
 * Subscriptions bought 2023-06 … 2027-12, in their first term or a renewed one (known or unknown
 * completion), with a term end date given (some around 2026-02-15/16 and 2026-05-03/04).
 */
function subscriptionArb(options: GenOptions = {}): fc.Arbitrary<Generated> {
  const programs = options.programs ?? ALL_PROGRAMS;
  const statuses = options.statuses ?? ALL_STATUSES;
  const endEdges = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-05-03', '2026-05-04', '2026-05-05'].map(dayOfText);
  return fc
    .record({
      program: fc.constantFrom(...programs),
      plan: fc.constantFrom(...PLANS),
      purchase: instantArb(
        dayOfText(options.purchaseDays?.[0] ?? '2023-06-01'),
        dayOfText(options.purchaseDays?.[1] ?? '2027-12-31'),
      ),
      startKind: fc.constantFrom('purchase', 'renewed', 'unknown'),
      startOffset: fc.integer({ min: 0, max: 1100 }),
      startTime: timeOfDayArb,
      endLength: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.constantFrom(27, 28, 29, 30, 364, 365, 1095)),
      endEdge: fc.option(fc.constantFrom(...endEdges), { freq: 3 }),
      trial: options.trial ?? fc.boolean(),
      status: fc.constantFrom(...statuses),
      autoRenew: fc.boolean(),
      choice:
        options.choices === true
          ? fc.constantFrom<EndOfTermAction | null>(null, 'renew', 'cancel', 'extended-service-term')
          : fc.constant(null),
    })
    .map((g): Generated => {
      const purchaseDay = Math.floor(g.purchase / DAY);
      let termStart = g.purchase;
      let start: Partial<SubscriptionInput> = {};
      if (g.startKind === 'renewed') {
        termStart = Math.max(g.purchase, (purchaseDay + g.startOffset) * DAY + g.startTime);
        start = { termStartedAt: iso(termStart) };
      } else if (g.startKind === 'unknown') {
        termStart = (purchaseDay + g.startOffset) * DAY;
        start = { termStartedAt: null, termStartDate: textOfDay(purchaseDay + g.startOffset) };
      }
      const startDay = Math.floor(termStart / DAY);
      const endDay = g.endEdge !== null && g.endEdge >= startDay ? g.endEdge : startDay + g.endLength;
      // The choice fixes auto-renew (R6): renew ⇔ on.
      const autoRenew = g.choice === null ? g.autoRenew : g.choice === 'renew';
      const input: SubscriptionInput = {
        program: g.program,
        term: g.plan[0],
        billing: g.plan[1],
        quantity: 5,
        purchasedAt: iso(g.purchase),
        ...start,
        termEndDate: textOfDay(endDay),
        autoRenew,
        trial: g.trial,
        status: g.status,
        ...(g.choice === null ? {} : { endOfTermAction: g.choice }),
      };
      return {
        input,
        program: g.program,
        trial: g.trial,
        status: g.status,
        autoRenew,
        choice: g.choice,
        termStart,
        endDay,
        termEnd: (endDay + 1) * DAY,
      };
    });
}

/** Any instant 2023 … 2028 (a decision's `now`, a policy's `asOf`). */
const anyInstant = instantArb(FIRST_DAY, LAST_DAY);

// ---------------------------------------------------------------------------------------------

describe('property (a): every decision names the version of the table in force at its governing instant', () => {
  it('R6 R7 C17 P8 B1 B2 C14 C9: with asOf, every decision’s policyVersion is the latest version ≤ asOf', () => {
    fc.assert(
      fc.property(
        subscriptionArb({ choices: true }),
        anyInstant,
        anyInstant,
        fc.constantFrom<EndOfTermAction>('renew', 'extended-service-term', 'cancel'),
        (sub, asOf, now, action) => {
          const policy = definePolicy({ asOf });
          const expected = versionOf(asOf);
          const o = { now, policy };
          const versions: string[] = [
            canCancel(sub.input, o).policyVersion,
            reducibleSeats(sub.input, o).policyVersion,
            canIncreaseSeats(sub.input, o).policyVersion,
            canSetEndOfTermAction(sub.input, { action, now, policy }).policyVersion,
            endOfTermOutcome(sub.input, { policy }).policyVersion,
            renewalSchedule(sub.input, { policy }).policyVersion,
          ];
          const billing = eligibleBillingFrequencyChanges(sub.input, o);
          const terms = eligibleTermChanges(sub.input, o);
          for (const option of [...billing.allowed, ...billing.refused, ...terms.allowed, ...terms.refused])
            versions.push(option.policyVersion);
          const ended = transition(sub.input, { type: 'termEnded' }, o);
          versions.push(ended.ok ? ended.policyVersion : ended.refusal.policyVersion);
          expect(new Set(versions)).toEqual(new Set([expected]));
        },
      ),
    );
  });

  it('explain: its version, its end of term and every action’s version are asOf’s', () => {
    fc.assert(
      fc.property(subscriptionArb({ choices: true }), anyInstant, anyInstant, (sub, asOf, now) => {
        const e = explain(sub.input, { now, policy: definePolicy({ asOf }) });
        const expected = versionOf(asOf);
        expect(e.policyVersion).toBe(expected);
        expect(e.endOfTerm.policyVersion).toBe(expected);
        for (const a of e.actions) expect([a.action, a.policyVersion]).toEqual([a.action, expected]);
      }),
      { numRuns: 60 },
    );
  });

  it('R6: a deleted subscription’s machine refusal names the version at now (2026-05-04), not the baseline', () => {
    const deleted = { ...GONE, status: 'deleted' } as const;
    const r = transition(deleted, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' });
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'TERMINATED', policyVersion: '2026-05-04' } });
  });

  it('R6: explain’s cancelAtTermEnd for a cancelled subscription names the version at now (2026-05-04)', () => {
    const cancelled = { ...GONE, status: 'cancelled' } as const;
    const e = explain(cancelled, { now: '2026-06-01T00:00:00Z' });
    expect(e.actions.find((a) => a.action === 'cancelAtTermEnd')?.policyVersion).toBe('2026-05-04');
  });

  it('without asOf: actions now name the version at now; what happens at the term end, the version at the term end', () => {
    fc.assert(
      fc.property(subscriptionArb({ choices: true }), anyInstant, (sub, now) => {
        const atNow = versionOf(now);
        const atEnd = versionOf(sub.termEnd);
        expect(canCancel(sub.input, { now }).policyVersion).toBe(atNow);
        expect(canSetEndOfTermAction(sub.input, { action: 'cancel', now }).policyVersion).toBe(atNow);
        expect(explain(sub.input, { now }).policyVersion).toBe(atNow);
        expect(endOfTermOutcome(sub.input).policyVersion).toBe(atEnd);
        expect(renewalSchedule(sub.input).policyVersion).toBe(atEnd);
        expect(explain(sub.input, { now }).endOfTerm.policyVersion).toBe(atEnd);
      }),
      { numRuns: 100 },
    );
  });

  it('R6 R7 P8: no outcome before its rule’s date: with asOf before 2026-02-16 no choice counts; before 2026-05-04 no R7', () => {
    fc.assert(
      fc.property(subscriptionArb({ choices: true }), anyInstant, (sub, asOf) => {
        const end = endOfTermOutcome(sub.input, { policy: definePolicy({ asOf }) });
        if (asOf < R6_FROM) {
          expect(end.chosen).toBe(false);
          expect(['R6', 'R7', 'P8']).not.toContain(end.rule);
        }
        if (asOf < R7_FROM) expect(end.rule).not.toBe('R7');
      }),
    );
  });
});

describe('property (b) R7: endOfTermOutcome is an Extended Service Term exactly for the documented subscriptions', () => {
  it('R7: EST ⇔ nce-license ∧ ¬trial ∧ active ∧ auto-renew off ∧ no cancel choice ∧ start ≥ 2025-04-01 ∧ end day ≥ 2026-05-04 ∧ end ≥ 2026-05-04', () => {
    const arb = subscriptionArb({
      programs: ['nce-license', 'nce-license', 'nce-license', 'nce-software', 'nce-saas', 'softwareone'],
      trial: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      statuses: ['active', 'active', 'active', 'suspended', 'expired'],
      purchaseDays: ['2024-06-01', '2026-12-31'],
    });
    fc.assert(
      fc.property(arb, (sub) => {
        const documented =
          sub.program === 'nce-license' &&
          !sub.trial &&
          sub.status === 'active' &&
          !sub.autoRenew &&
          sub.choice !== 'cancel' &&
          sub.termStart >= EST_TERM_START_FROM &&
          sub.endDay >= EST_END_DAY_FROM &&
          sub.termEnd >= R7_FROM;
        const outcome = endOfTermOutcome(sub.input);
        expect(outcome.outcome === 'extended-service-term').toBe(documented);
        if (documented) expect(outcome).toMatchObject({ rule: 'R7', chosen: false, at: sub.termEnd });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('property (c) C17: an EST month is cancellable at any instant of it, prorated', () => {
  it('C17: canCancel allowed, ANY_TIME, refund prorated, for every now in [month start, month end)', () => {
    const arb = fc
      .record({
        purchase: instantArb(dayOfText('2025-04-01'), dayOfText('2026-04-30')),
        monthStart: dayArb(dayOfText('2026-05-04'), dayOfText('2028-12-01')),
        length: fc.constantFrom(27, 28, 29, 30),
        startTime: fc.constantFrom(0, 1, DAY - 1),
        offset: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        choice: fc.constantFrom<EndOfTermAction | null>(null, 'cancel', 'renew'),
      })
      .map((g) => {
        const start = g.monthStart * DAY + g.startTime;
        const end = (g.monthStart + g.length + 1) * DAY;
        const now = start + Math.floor(g.offset * (end - start));
        const input: SubscriptionInput = {
          program: 'nce-license',
          term: 'P1M',
          billing: 'monthly',
          quantity: 3,
          purchasedAt: iso(g.purchase),
          termStartedAt: iso(start),
          termEndDate: textOfDay(g.monthStart + g.length),
          autoRenew: g.choice === 'renew',
          extendedServiceTerm: true,
          ...(g.choice === null ? {} : { endOfTermAction: g.choice }),
        };
        return { input, start, end, now };
      });
    fc.assert(
      fc.property(arb, ({ input, start, end, now }) => {
        expect(now >= start && now < end).toBe(true);
        expect(canCancel(input, { now })).toMatchObject({
          allowed: true,
          rule: 'C17',
          reason: 'ANY_TIME',
          refund: 'prorated',
          effective: 'immediate',
        });
        // The last millisecond of the month too.
        expect(canCancel(input, { now: end - 1 })).toMatchObject({ allowed: true, rule: 'C17', refund: 'prorated' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('property (d) R6: the end-of-term choice can be set exactly in [2026-02-16T00:00Z, term end)', () => {
  it('R6: for active nce-license non-trials, allowed ⇔ 2026-02-16T00:00Z ≤ now < term end; until = the term end', () => {
    const nearEdges = fc.oneof(
      anyInstant,
      fc.constantFrom(-1, 0, 1).map((e) => R6_FROM + e),
    );
    fc.assert(
      fc.property(
        subscriptionArb({ programs: ['nce-license'], trial: fc.constant(false), statuses: ['active'], choices: true }),
        nearEdges,
        fc.constantFrom<EndOfTermAction>('renew', 'extended-service-term', 'cancel'),
        fc.constantFrom(-1, 0, null),
        (sub, anyNow, action, endOffset) => {
          // Half of the cases at the term end's edge: its last ms, or the term end itself.
          const now = endOffset === null ? anyNow : sub.termEnd + endOffset;
          const d = canSetEndOfTermAction(sub.input, { action, now });
          const documented = now >= R6_FROM && now < sub.termEnd;
          expect(d.allowed).toBe(documented);
          if (d.allowed) expect(d).toMatchObject({ rule: 'R6', reason: 'CHOICE_OPEN', until: sub.termEnd });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

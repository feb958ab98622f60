/**
 * nextDeadlines and explain().deadlines (src/explain/deadlines.ts): every instant after `now` at
 * which an answer changes, earliest first — each seat batch's close (Q4), the full-refund tier
 * (C15), openings, the term end (T2), the renewal (R2) and the after-term stages (P7). Expected
 * instants are worked out by hand from the rules and read by the platform (`at`).
 */
import { describe, expect, it } from 'vitest';
import { explain, nextDeadlines } from '../../src/explain/explain.js';
import { deadlinesOf } from '../../src/explain/deadlines.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { at } from '../support/time.js';

/**
 * 18 seats of an annual license bought 2024-01-15T09:30:12Z (end date 2025-01-14): 10 at the purchase,
 * 5 added 2024-03-06T08:15Z (reducible until 2024-03-13T08:15Z), 3 added 2024-03-10T14:02:45Z (until
 * 2024-03-17T14:02:45Z) — the examples/annual-two-batches.json subscription.
 */
const twoOpen: SubscriptionInput = {
  id: 'a2',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 18,
  purchasedAt: '2024-01-15T09:30:12Z',
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-03-06T08:15:00Z' },
    { quantity: 3, addedAt: '2024-03-10T14:02:45Z' },
  ],
};
const NOW = '2024-03-12T12:00:00Z';
const TERM_END = at('2025-01-15T00:00:00Z');

const d = (
  when: number,
  kind: string,
  action: string | null,
  rule: string,
  quantity: number | null = null,
  status: string | null = null,
) => ({ at: when, kind, action, rule, quantity, status });

// MCS "Increase or decrease licenses": each addition has its own seven-day window (Q2); "View licenses
// to reduce" lists each with its own deadline (Q4). The next deadline is the first to close.
describe('Q4 C12 nextDeadlines: every seat batch closes on its own, the earliest first', () => {
  it('Q4: the 5 seats close in 20 h 15 min (2024-03-13T08:15Z), before the 3 seats (2024-03-17T14:02:45Z)', () => {
    expect(nextDeadlines(twoOpen, { now: NOW })).toEqual([
      d(at('2024-03-13T08:15:00Z'), 'closes', 'reduceSeats', 'Q2', 5),
      d(at('2024-03-17T14:02:45Z'), 'closes', 'reduceSeats', 'Q2', 3),
      d(TERM_END, 'closes', 'suspend', 'P1'),
      d(TERM_END, 'closes', 'turnAutoRenewOff', 'R5'),
      d(TERM_END, 'closes', 'scheduleChange', 'S2'),
      // C1 R3: the cancellation window reopens at the renewal's (assumed earliest) completion.
      d(TERM_END, 'opens', 'cancel', 'C1'),
      d(TERM_END, 'term-ends', null, 'T2'),
      d(at('2025-01-16T00:00:00Z'), 'renewal-completes-by', null, 'R2'),
    ]);
  });
  it('C12: nextDeadlines is explain(…).deadlines; none is at or before now', () => {
    const e = explain(twoOpen, { now: NOW });
    expect(nextDeadlines(twoOpen, { now: NOW })).toEqual(e.deadlines);
    for (const x of e.deadlines) expect(x.at).toBeGreaterThan(e.now);
  });
  it('Q4: at the first batch close itself it is gone; the second is first', () => {
    expect(nextDeadlines(twoOpen, { now: '2024-03-13T08:15:00Z' })[0]).toEqual(
      d(at('2024-03-17T14:02:45Z'), 'closes', 'reduceSeats', 'Q2', 3),
    );
  });
});

describe('C15 C1 the full-refund tier ends before the window closes', () => {
  it('C15: 1 h after the purchase, a full refund until 2024-01-16T09:30:12Z, the window until 2024-01-22T09:30:12Z', () => {
    const list = nextDeadlines(twoOpen, { now: '2024-01-15T10:30:12Z' });
    expect(list.slice(0, 3)).toEqual([
      d(at('2024-01-16T09:30:12Z'), 'full-refund-ends', 'cancel', 'C15'),
      d(at('2024-01-22T09:30:12Z'), 'closes', 'cancel', 'C1'),
      d(at('2024-01-22T09:30:12Z'), 'closes', 'reduceSeats', 'Q2', 10),
    ]);
  });
});

describe('P7 R5 after-term stages of a subscription that does not renew', () => {
  it('P7: auto-renew off: term end, then disabled at E + 30 d and deleted at E + 120 d (E = 2025-01-15T00:00Z)', () => {
    const off = { ...twoOpen, autoRenew: false };
    const list = nextDeadlines(off, { now: '2024-06-01T00:00:00Z' });
    expect(list.filter((x) => x.kind === 'term-ends' || x.kind === 'stage')).toEqual([
      d(TERM_END, 'term-ends', null, 'T2'),
      d(TERM_END, 'stage', null, 'P7', null, 'expired'),
      d(at('2025-02-14T00:00:00Z'), 'stage', null, 'P7', null, 'disabled'), // + 30 d
      d(at('2025-05-15T00:00:00Z'), 'stage', null, 'P7', null, 'deleted'), // + 120 d
    ]);
    // R5: no renewal, so no opening with it and no completion bound.
    expect(list.some((x) => x.kind === 'renewal-completes-by' || x.kind === 'opens')).toBe(false);
  });
});

describe('R3 R4 the renewal day: what reopens when the renewal has surely completed', () => {
  it('R4: on 2025-01-15T06:00Z the read-only actions open at 2025-01-16T00:00Z; the new windows close 2025-01-22T00:00Z', () => {
    const list = nextDeadlines(twoOpen, { now: '2025-01-15T06:00:00Z' });
    expect(list.filter((x) => x.kind === 'closes')).toEqual([
      d(at('2025-01-22T00:00:00Z'), 'closes', 'cancel', 'C1'),
      d(at('2025-01-22T00:00:00Z'), 'closes', 'reduceSeats', 'Q2', 18),
    ]);
    expect(list.filter((x) => x.kind === 'opens').map((x) => [x.at, x.action, x.rule])).toEqual(
      [
        'changeBillingFrequency',
        'changeTerm',
        'upgrade',
        'suspend',
        'turnAutoRenewOn',
        'turnAutoRenewOff',
        'scheduleChange',
      ].map((a) => [at('2025-01-16T00:00:00Z'), a, 'R4']),
    );
  });
  it('R3: with the latest bound the cancellation opens at 2025-01-16T00:00Z: an opening, not a close', () => {
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    const list = nextDeadlines(twoOpen, { now: '2025-01-15T06:00:00Z', policy });
    expect(list.find((x) => x.action === 'cancel')).toEqual(d(at('2025-01-16T00:00:00Z'), 'opens', 'cancel', 'C1'));
  });
});

describe('C12 deadlinesOf: the order at one instant', () => {
  it('C12: closes before opens before the term’s events; earlier first; only instants after now', () => {
    const T = at('2024-06-01T00:00:00Z');
    const list = deadlinesOf({
      now: T,
      actions: [
        {
          action: 'cancel',
          outcome: 'later',
          until: null,
          opensAt: T + 5,
          reason: 'X',
          rule: 'C1',
          policyVersion: '2023-10-19',
          warnings: [],
          assumptions: [],
          batches: [],
        },
        {
          action: 'addSeats',
          outcome: 'now',
          until: T + 5,
          opensAt: null,
          reason: 'Y',
          rule: 'Q1',
          policyVersion: '2023-10-19',
          warnings: [],
          assumptions: [],
          batches: [],
        },
        {
          action: 'upgrade',
          outcome: 'now',
          until: T,
          opensAt: null,
          reason: 'Z',
          rule: 'U8',
          policyVersion: '2023-10-19',
          warnings: [],
          assumptions: [],
          batches: [],
        },
      ],
      timeline: {
        purchasedAt: T - 10,
        windowStart: T - 10,
        termEndsAt: T + 5,
        renewalStartsAt: null,
        renewalCompletesBy: null,
      },
      fullRefundUntil: T + 5,
      stages: [],
      // T2: a term end that leads into neither an Extended Service Term nor a stop (R6, R7, P8).
      termEndRule: 'T2',
    });
    expect(list).toEqual([
      d(T + 5, 'full-refund-ends', 'cancel', 'C15'),
      d(T + 5, 'closes', 'addSeats', 'Q1'),
      d(T + 5, 'opens', 'cancel', 'C1'),
      d(T + 5, 'term-ends', null, 'T2'),
    ]);
  });
});

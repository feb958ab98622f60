/**
 * Renewal: the errors of renewalSchedule / nextTermOf with code, field, message and value, and
 * a scheduled custom end date on the next term's first day (issue 7.5). Expected values are
 * worked out by hand from rules.md (R2, R3, CO2, CO4, T2).
 */
import { describe, expect, it } from 'vitest';
import { nextTermOf, renewalSchedule } from '../src/lifecycle/renewal.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';
import { dayNumber as day } from './support/time.js';

/** Term end date 2023-03-01 (P1Y bought 2022-03-02): the renewal day is 2023-03-02, the next term 2023-03-02 – 2024-03-01. */
const annual: SubscriptionInput = {
  id: 'sub-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2022-03-02T10:00:00Z',
};

describe('R2 R3 completedAt errors', () => {
  it('R3: a completedAt without Z or offset names the field completedAt', () => {
    const e = caught(() => renewalSchedule(annual, { completedAt: '2023-03-02T05:00:00' }));
    expect([e.code, e.field]).toEqual(['AMBIGUOUS_INSTANT', 'completedAt']);
  });

  it('R2: a completion 24 h after the renewal start (the first instant outside the renewal day) is INCONSISTENT, with its message', () => {
    const e = caught(() => renewalSchedule(annual, { completedAt: '2023-03-03T00:00:00.000Z' }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'completedAt',
      'completedAt: must lie on the renewal day [00:00Z, +24 h) (R2)',
      '2023-03-03T00:00:00.000Z',
    ]);
  });
});

describe('CO2 CO4 a scheduled custom end date on the edges of the next term', () => {
  it('CO4: on the next term’s first day it gives a one-day, shortened term', () => {
    const next = nextTermOf({ ...annual, scheduledChange: { customTermEndDate: '2023-03-02' } }, 'anniversary');
    expect(next).toEqual({
      startDay: day('2023-03-02'),
      endDay: day('2023-03-02'),
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      offerName: null,
      shortened: true,
      anchorDayOfMonth: 2,
    });
  });

  it('CO2: the day before the next term (the current term end date) is INCONSISTENT, with its message and the day received', () => {
    const e = caught(() =>
      nextTermOf({ ...annual, scheduledChange: { customTermEndDate: '2023-03-01' } }, 'anniversary'),
    );
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'scheduledChange.customTermEndDate',
      'scheduledChange.customTermEndDate: must fall within the next term (CO2)',
      day('2023-03-01'),
    ]);
  });
});

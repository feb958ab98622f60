/**
 * explain with the 2026 rules (src/explain/explain.ts, deadlines.ts): `endOfTerm`, `policyVersion`,
 * the actions `cancelAtTermEnd` and `moveToExtendedServiceTerm` (R6), the alerts
 * `moves-to-extended-service-term` (R7) and `service-ends` (P8) when the term ends within
 * `alertDays`, and the term end's rule among the deadlines. Instants are written out.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';

const ms = (iso: string): number => Date.parse(iso);

/** The subscription: annual license bought 2025-06-10, auto-renew off, no choice; ends 2026-06-10T00:00Z. */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};
const END = ms('2026-06-10T00:00:00Z');

const action = (e: ReturnType<typeof explain>, name: string) => {
  const a = e.actions.find((x) => x.action === name);
  if (a === undefined) throw new Error(`no action ${name}`);
  return a;
};

describe('R7 explain (the issue): the EST alert before the term end, cancelAtTermEnd until it', () => {
  it('R7: alertDays 7: 2026-06-02T23:59:59.999Z → no EST alert yet (locked); 2026-06-03T00:00:00Z → moves-to-extended-service-term', () => {
    expect(explain(license, { now: '2026-06-02T23:59:59.999Z' }).alert).toBe('locked');
    expect(explain(license, { now: '2026-06-03T00:00:00Z' }).alert).toBe('moves-to-extended-service-term');
  });

  it('R7: still raised at 2026-06-09T23:59:59.999Z; no longer at the term end 2026-06-10T00:00Z', () => {
    expect(explain(license, { now: '2026-06-09T23:59:59.999Z' }).alert).toBe('moves-to-extended-service-term');
    expect(explain(license, { now: '2026-06-10T00:00:00Z' }).alert).not.toBe('moves-to-extended-service-term');
  });

  it('R7: alertDays 30 raises it from 2026-05-11T00:00Z', () => {
    expect(explain(license, { now: '2026-05-10T23:59:59.999Z', alertDays: 30 }).alert).toBe('locked');
    expect(explain(license, { now: '2026-05-11T00:00:00Z', alertDays: 30 }).alert).toBe(
      'moves-to-extended-service-term',
    );
  });

  it('R6: cancelAtTermEnd is offered now until the term ends (until 2026-06-10T00:00Z), with its warning', () => {
    const e = explain(license, { now: '2026-06-05T00:00:00Z' });
    expect(action(e, 'cancelAtTermEnd')).toEqual({
      action: 'cancelAtTermEnd',
      outcome: 'now',
      until: END,
      opensAt: null,
      reason: 'ALLOWED',
      rule: 'R6',
      policyVersion: '2026-05-04',
      warnings: ['SERVICE_STOPS_AT_TERM_END'],
      assumptions: [],
      batches: [],
    });
    expect(action(explain(license, { now: '2026-06-09T23:59:59.999Z' }), 'cancelAtTermEnd')).toMatchObject({
      outcome: 'now',
      until: END,
    });
  });

  it('R6: moveToExtendedServiceTerm: now, until the term end, warns the price and where it leads', () => {
    expect(action(explain(license, { now: '2026-06-05T00:00:00Z' }), 'moveToExtendedServiceTerm')).toMatchObject({
      outcome: 'now',
      until: END,
      rule: 'R6',
      warnings: ['EST_PRICE_UPLIFT', 'MOVES_TO_EXTENDED_SERVICE_TERM'],
    });
  });

  it('R6: before 2026-02-16 the choice is later: opens 2026-02-16T00:00Z (CHOICE_NOT_OFFERED), version 2025-04-01', () => {
    expect(action(explain(license, { now: '2026-02-15T23:59:59.999Z' }), 'cancelAtTermEnd')).toEqual({
      action: 'cancelAtTermEnd',
      outcome: 'later',
      until: null,
      opensAt: ms('2026-02-16T00:00:00Z'),
      reason: 'CHOICE_NOT_OFFERED',
      rule: 'R6',
      policyVersion: '2025-04-01',
      warnings: [],
      assumptions: [],
      batches: [],
    });
    expect(action(explain(license, { now: '2026-02-16T00:00:00Z' }), 'cancelAtTermEnd')).toMatchObject({
      outcome: 'now',
      until: END,
      policyVersion: '2026-02-16',
    });
  });

  it('R7: endOfTerm and the explanation’s policyVersion (by now) — the term end’s version even in 2025', () => {
    const e = explain(license, { now: '2025-07-01T00:00:00Z' });
    expect(e.policyVersion).toBe('2025-04-01');
    expect(e.endOfTerm).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: END,
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R7: the term-ends deadline names R7; no after-term stages follow', () => {
    const e = explain(license, { now: '2026-06-05T00:00:00Z' });
    const termEnd = e.deadlines.filter((d) => d.action === null);
    expect(termEnd).toEqual([{ at: END, kind: 'term-ends', action: null, rule: 'R7', quantity: null, status: null }]);
  });

  it('R5 (the issue): with asOf 2025-01-01 it says expire as before: no EST alert, P7 stages, the choice never', () => {
    const policy = definePolicy({ asOf: '2025-01-01' });
    const e = explain(license, { now: '2026-06-05T00:00:00Z', policy });
    expect(e.policyVersion).toBe('2024-07-01');
    expect(e.endOfTerm).toEqual({ outcome: 'expire', rule: 'R5', at: END, chosen: false, policyVersion: '2024-07-01' });
    expect(e.alert).toBe('locked');
    expect(action(e, 'cancelAtTermEnd')).toMatchObject({
      outcome: 'never',
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: null,
    });
    // E = 2026-06-10; expired 30 d, disabled to E + 120 d = 2026-10-08.
    expect(e.deadlines.filter((d) => d.action === null)).toEqual([
      { at: END, kind: 'term-ends', action: null, rule: 'T2', quantity: null, status: null },
      { at: END, kind: 'stage', action: null, rule: 'P7', quantity: null, status: 'expired' },
      { at: ms('2026-07-10T00:00:00Z'), kind: 'stage', action: null, rule: 'P7', quantity: null, status: 'disabled' },
      { at: ms('2026-10-08T00:00:00Z'), kind: 'stage', action: null, rule: 'P7', quantity: null, status: 'deleted' },
    ]);
  });
});

describe('P8 explain: a subscription set to cancel at the term end', () => {
  const cancelling = { ...license, endOfTermAction: 'cancel' } as const;

  it('P8: alert service-ends from 2026-06-03T00:00Z (alertDays 7)', () => {
    expect(explain(cancelling, { now: '2026-06-02T23:59:59.999Z' }).alert).toBe('locked');
    expect(explain(cancelling, { now: '2026-06-03T00:00:00Z' }).alert).toBe('service-ends');
  });

  it('P8: endOfTerm, and the deadlines: term end (P8), disabled at 2026-06-10, deleted at 2026-09-08', () => {
    const e = explain(cancelling, { now: '2026-06-05T00:00:00Z' });
    expect(e.endOfTerm).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: END,
      chosen: true,
      policyVersion: '2026-05-04',
    });
    expect(e.deadlines.filter((d) => d.action === null)).toEqual([
      { at: END, kind: 'term-ends', action: null, rule: 'P8', quantity: null, status: null },
      { at: END, kind: 'stage', action: null, rule: 'P8', quantity: null, status: 'disabled' },
      { at: ms('2026-09-08T00:00:00Z'), kind: 'stage', action: null, rule: 'P8', quantity: null, status: 'deleted' },
    ]);
  });

  it('P8: cancelAtTermEnd is already chosen (NO_CHANGE); turnAutoRenewOn would renew instead', () => {
    const e = explain(cancelling, { now: '2026-06-05T00:00:00Z' });
    expect(action(e, 'cancelAtTermEnd')).toMatchObject({ outcome: 'never', reason: 'NO_CHANGE', rule: 'R6' });
    expect(action(e, 'turnAutoRenewOn')).toMatchObject({ outcome: 'now', until: END });
  });
});

describe('R2 explain: renewing-soon and the T2 term end for a renewing subscription', () => {
  it('R2: auto-renew on: alert renewing-soon from 2026-06-03T00:00Z; the term end’s rule is T2', () => {
    const on = { ...license, autoRenew: true };
    expect(explain(on, { now: '2026-06-03T00:00:00Z' }).alert).toBe('renewing-soon');
    const e = explain(on, { now: '2026-06-05T00:00:00Z' });
    expect(e.deadlines.find((d) => d.kind === 'term-ends')).toEqual({
      at: END,
      kind: 'term-ends',
      action: null,
      rule: 'T2',
      quantity: null,
      status: null,
    });
    expect(action(e, 'turnAutoRenewOff')).toMatchObject({
      outcome: 'now',
      warnings: ['MOVES_TO_EXTENDED_SERVICE_TERM', 'AUTO_RENEW_TURNED_OFF'],
    });
  });
});

describe('B2 explain: a triennial billing change after 2025-04-01 is for the renewal (S1)', () => {
  const p3y: SubscriptionInput = {
    program: 'nce-license',
    term: 'P3Y',
    billing: 'monthly',
    quantity: 10,
    purchasedAt: '2024-06-10T08:00:00Z',
  };
  it('B2: 2025-03-31T23:59:59.999Z → now (NEXT_CYCLE, until 2025-04-10T00:00Z); 2025-04-01T00:00Z → at-renewal (S1, TRIENNIAL_MIDTERM_LOCKED)', () => {
    expect(action(explain(p3y, { now: '2025-03-31T23:59:59.999Z' }), 'changeBillingFrequency')).toMatchObject({
      outcome: 'now',
      rule: 'B2',
      reason: 'NEXT_CYCLE',
      until: ms('2025-04-10T00:00:00Z'),
      policyVersion: '2024-07-01',
    });
    // The term 2024-06-10 … 2027-06-09: the change can be scheduled until 2027-06-10T00:00Z.
    expect(action(explain(p3y, { now: '2025-04-01T00:00:00Z' }), 'changeBillingFrequency')).toMatchObject({
      outcome: 'at-renewal',
      rule: 'S1',
      reason: 'TRIENNIAL_MIDTERM_LOCKED',
      until: ms('2027-06-10T00:00:00Z'),
      policyVersion: '2025-04-01',
    });
  });
});

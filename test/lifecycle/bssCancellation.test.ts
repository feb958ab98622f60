/**
 * BSS cancellation workflow (W1–W4, C7, C11): whole decisions and the fields named by bad request
 * states, worked out by hand from rules.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BSS_REJECTION_MESSAGE,
  bssCancellation,
  type BssRequestState,
  canShowCancelAction,
  requestRibbon,
} from '../../src/lifecycle/bssCancellation.js';
import { CspRulesError } from '../../src/core/errors.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { DAY_MS } from '../../src/time/day.js';
import { caught } from '../support/caught.js';
import { at, dayNumber as day } from '../support/time.js';

/** Bought 2024-01-10T10:00Z: the 30-day window runs [2024-01-10T10:00Z, 2024-02-09T10:00Z) (C7). */
const asset: SubscriptionInput = {
  id: 'asset-1',
  program: 'bss-software',
  term: 'P1Y',
  billing: 'annual',
  quantity: 3,
  purchasedAt: '2024-01-10T10:00:00Z',
};
const LAST_IN = '2024-02-09T09:59:59.999Z';
const FIRST_OUT = '2024-02-09T10:00:00.000Z';

describe('W2 the Cancel action is shown only while the asset is inside its window (C7)', () => {
  it('shown until the last instant of the 30 days, hidden from the first instant after', () => {
    expect(canShowCancelAction(asset, { now: LAST_IN })).toEqual({
      allowed: true,
      rule: 'W2',
      policyVersion: '2023-10-19',
      reason: 'SHOWN',
      until: at(FIRST_OUT),
      // C7: the asset's isReturnable (not given) is taken as true: the answer depends on it.
      assumptions: ['RETURNABLE_ASSUMED'],
      warnings: [],
    });
    expect(canShowCancelAction(asset, { now: FIRST_OUT })).toMatchObject({
      allowed: false,
      rule: 'W2',
      policyVersion: '2023-10-19',
      reason: 'ACTION_HIDDEN',
    });
  });

  it('C7 W2: with isReturnable given the answer assumes nothing', () => {
    expect(canShowCancelAction({ ...asset, isReturnable: true }, { now: LAST_IN }).assumptions).toEqual([]);
  });

  it('hidden when Microsoft marked the asset not returnable (C7), and for other programs', () => {
    expect(canShowCancelAction({ ...asset, isReturnable: false }, { now: '2024-01-11T00:00:00Z' }).reason).toBe(
      'ACTION_HIDDEN',
    );
    expect(canShowCancelAction({ ...asset, program: 'nce-license' }, { now: '2024-01-11T00:00:00Z' }).reason).toBe(
      'NOT_BSS_ASSET',
    );
  });

  it('property: shown exactly for now in [purchase, purchase + 720 h)', () => {
    const purchase = at('2024-01-10T10:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: purchase - 2 * DAY_MS, max: purchase + 40 * DAY_MS }), (now) => {
        return canShowCancelAction(asset, { now }).allowed === (now >= purchase && now < purchase + 720 * 3_600_000);
      }),
    );
  });

  it('W2: another program is NOT_BSS_ASSET under W2, nothing to open', () => {
    expect(canShowCancelAction({ ...asset, program: 'nce-license' }, { now: '2024-01-11T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'W2',
      policyVersion: '2023-10-19',
      reason: 'NOT_BSS_ASSET',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('W2 C7: 1 ms before the purchase the window is not open yet: WINDOW_NOT_OPEN, opening at the purchase instant', () => {
    expect(canShowCancelAction(asset, { now: '2024-01-10T09:59:59.999Z' })).toEqual({
      allowed: false,
      rule: 'W2',
      policyVersion: '2023-10-19',
      reason: 'WINDOW_NOT_OPEN',
      opensAt: Date.parse('2024-01-10T10:00:00Z'),
      assumptions: ['RETURNABLE_ASSUMED'],
      warnings: [],
    });
  });
});

describe('W1 automatic execution is off by default: a cancel creates a pending request', () => {
  it('request → requested, asset unchanged', () => {
    const r = bssCancellation({ status: 'none' }, { type: 'request' }, asset, { now: '2024-01-20T15:45:00+02:00' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toEqual({
      status: 'requested',
      requestedAt: at('2024-01-20T13:45:00Z'),
      requestDay: day('2024-01-20'),
    });
    expect(r.subscription.status).toBe('active');
  });

  it('with automatic execution on, the request executes at once (C11: immediate)', () => {
    const r = bssCancellation({ status: 'none' }, { type: 'request' }, asset, {
      now: '2024-01-20T13:45:00Z',
      automaticExecution: true,
    });
    expect(r.ok && r.state).toEqual({
      status: 'cancelled',
      requestedAt: at('2024-01-20T13:45:00Z'),
      requestDay: day('2024-01-20'),
      resolvedAt: at('2024-01-20T13:45:00Z'),
      cancellationDay: day('2024-01-20'),
    });
    expect(r.ok && r.subscription.status).toBe('cancelled');
  });

  it('no request when the action is hidden (W2), and only one at a time', () => {
    expect(bssCancellation({ status: 'none' }, { type: 'request' }, asset, { now: FIRST_OUT })).toMatchObject({
      ok: false,
      refusal: { rule: 'W2', reason: 'ACTION_HIDDEN' },
    });
    const pending: BssRequestState = {
      status: 'requested',
      requestedAt: at('2024-01-20T00:00:00Z'),
      requestDay: day('2024-01-20'),
    };
    expect(bssCancellation(pending, { type: 'request' }, asset, { now: '2024-01-21T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'W1', reason: 'ALREADY_REQUESTED' },
    });
  });
});

describe('W3 a pending request is executed (cancelled or rejected with the source’s message) or ignored', () => {
  const pending: BssRequestState = {
    status: 'requested',
    requestedAt: at('2024-02-05T08:00:00Z'),
    requestDay: day('2024-02-05'),
  };

  it('executed inside the window: the asset is Canceled, on the current day (C11)', () => {
    const r = bssCancellation(pending, { type: 'execute' }, asset, { now: LAST_IN });
    expect(r.ok && r.state).toEqual({
      status: 'cancelled',
      requestedAt: at('2024-02-05T08:00:00Z'),
      requestDay: day('2024-02-05'),
      resolvedAt: at(LAST_IN),
      cancellationDay: day('2024-02-09'),
    });
    expect(r.ok && r.subscription.status).toBe('cancelled');
  });

  it('executed after the window: rejected with the exact message, the asset unchanged', () => {
    expect(BSS_REJECTION_MESSAGE).toBe(
      'You have passed your 30-day cancelation window. We are unable to cancel your purchase.',
    );
    const r = bssCancellation(pending, { type: 'execute' }, asset, { now: FIRST_OUT });
    expect(r.ok && r.state).toEqual({
      status: 'rejected',
      requestedAt: at('2024-02-05T08:00:00Z'),
      requestDay: day('2024-02-05'),
      resolvedAt: at(FIRST_OUT),
      message: 'You have passed your 30-day cancelation window. We are unable to cancel your purchase.',
    });
    expect(r.ok && r.subscription.status).toBe('active');
  });

  it('ignored: closed, asset unchanged; resolved requests can’t be executed again', () => {
    const r = bssCancellation(pending, { type: 'ignore' }, asset, { now: '2024-02-06T00:00:00Z' });
    expect(r.ok && r.state).toMatchObject({ status: 'ignored', resolvedAt: at('2024-02-06T00:00:00Z') });
    if (!r.ok) return;
    expect(bssCancellation(r.state, { type: 'execute' }, asset, { now: '2024-02-06T00:00:01Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'W3', reason: 'NOT_PENDING' },
    });
    expect(bssCancellation({ status: 'none' }, { type: 'ignore' }, asset, { now: '2024-02-06T00:00:01Z' }).ok).toBe(
      false,
    );
  });

  it('W3: executing a pending request whose requestedAt is not an instant names state.requestedAt', () => {
    const bad = { status: 'requested', requestedAt: 'yesterday', requestDay: 19_742 } as unknown as BssRequestState;
    const e = caught(() => bssCancellation(bad, { type: 'execute' }, asset, { now: '2024-01-20T00:00:00Z' }));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'state.requestedAt']);
  });
});

describe('W4 the request records its date and shows it as a ribbon until resolved', () => {
  it('ribbon while requested, none once resolved', () => {
    const pending: BssRequestState = {
      status: 'requested',
      requestedAt: at('2024-02-05T23:30:00Z'),
      requestDay: day('2024-02-05'),
    };
    expect(requestRibbon(pending)).toBe('2024-02-05');
    const done = bssCancellation(pending, { type: 'execute' }, asset, { now: '2024-02-06T01:00:00Z' });
    expect(done.ok && requestRibbon(done.state)).toBeNull();
    expect(requestRibbon({ status: 'none' })).toBeNull();
  });

  it('W4: a ribbon for a pending request whose requestDay is not a day names state.requestDay', () => {
    const bad = {
      status: 'requested',
      requestedAt: Date.parse('2024-01-20T00:00:00Z'),
      requestDay: 1.5,
    } as unknown as BssRequestState;
    const e = caught(() => requestRibbon(bad));
    expect([e.code, e.field]).toEqual(['INVALID_DATE', 'state.requestDay']);
  });
});

describe('C7 / C11 through the workflow', () => {
  it('bad input is a typed error', () => {
    expect(() => bssCancellation({ status: 'open' } as never, { type: 'request' }, asset, { now: LAST_IN })).toThrow(
      CspRulesError,
    );
    expect(() => bssCancellation({ status: 'none' }, { type: 'delete' } as never, asset, { now: LAST_IN })).toThrow(
      CspRulesError,
    );
    expect(() =>
      bssCancellation({ status: 'none' }, { type: 'request' }, asset, { now: '2024-01-20T10:00:00' }),
    ).toThrow(CspRulesError);
  });
});

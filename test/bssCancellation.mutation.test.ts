/**
 * BSS cancellation workflow: whole W2 decisions (other programs, a window not open yet) and
 * the fields named by bad request states (issue 7.5). Expected values are worked out by hand
 * from rules.md (W2, W3, W4, C7).
 */
import { describe, expect, it } from 'vitest';
import {
  bssCancellation,
  cancelActionShown,
  requestRibbon,
  type BssRequestState,
} from '../src/lifecycle/bssCancellation.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';

/** Bought 2024-01-10T10:00Z: the 30-day window runs [2024-01-10T10:00Z, 2024-02-09T10:00Z) (C7). */
const asset: SubscriptionInput = {
  id: 'asset-1',
  program: 'bss-software',
  term: 'P1Y',
  billing: 'annual',
  quantity: 3,
  purchasedAt: '2024-01-10T10:00:00Z',
};

describe('W2 whole decisions of cancelActionShown', () => {
  it('W2: another program is NOT_BSS_ASSET under W2, nothing to open', () => {
    expect(cancelActionShown({ ...asset, program: 'nce-license' }, { now: '2024-01-11T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'W2',
      reason: 'NOT_BSS_ASSET',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('W2 C7: 1 ms before the purchase the window is not open yet: WINDOW_NOT_OPEN, opening at the purchase instant', () => {
    expect(cancelActionShown(asset, { now: '2024-01-10T09:59:59.999Z' })).toEqual({
      allowed: false,
      rule: 'W2',
      reason: 'WINDOW_NOT_OPEN',
      opensAt: Date.parse('2024-01-10T10:00:00Z'),
      assumptions: [],
      warnings: [],
    });
  });
});

describe('W3 W4 bad request states name their field', () => {
  it('W3: executing a pending request whose requestedAt is not an instant names state.requestedAt', () => {
    const bad = { status: 'requested', requestedAt: 'yesterday', requestDay: 19_742 } as unknown as BssRequestState;
    const e = caught(() => bssCancellation(bad, { type: 'execute' }, asset, { now: '2024-01-20T00:00:00Z' }));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'state.requestedAt']);
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

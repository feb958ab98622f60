import { describe, expect, it } from 'vitest';
import { definePolicy, DEFAULT_POLICY } from '../../src/policy/policy.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import {
  nextWindowOpening,
  RENEWAL_409,
  renewalInProgress,
  renewalStartsAt,
  termPhase,
  termWindowStart,
} from '../../src/snapshot/termWindow.js';
import { nceAnnual as base } from '../support/subscriptions.js';
import { at } from '../support/time.js';

// termWindow.ts (C1, R3, U9, C12, Q3, R4), each function asserted directly, on `base`: a P1Y
// subscription bought 2024-01-15T09:30:00Z: term 2024-01-15 … 2025-01-14, renewal day 2025-01-15.
const sub = (over: Partial<SubscriptionInput> = {}) => toSubscription({ ...base, ...over });
// Renewed, completion instant unknown: the term started on 2025-01-15.
const renewed = { termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' };

describe('R3 U9 termWindowStart', () => {
  it('R3: a known term start (the purchase) with no assumption', () => {
    expect(termWindowStart(sub(), DEFAULT_POLICY)).toEqual({ start: at('2024-01-15T09:30:00Z'), assumptions: [] });
  });
  it('U9: an inherited window start wins over the term start', () => {
    expect(
      termWindowStart(
        sub({ cancellationWindowFrom: '2024-01-10T08:00:00Z', purchasedAt: '2024-01-12T00:00:00Z' }),
        DEFAULT_POLICY,
      ),
    ).toEqual({
      start: at('2024-01-10T08:00:00Z'),
      assumptions: [],
    });
  });
  it('R3: a renewal completion instant given: the window runs from it', () => {
    expect(
      termWindowStart(sub({ termStartedAt: '2025-01-15T03:12:00Z', termEndDate: '2026-01-14' }), DEFAULT_POLICY),
    ).toEqual({
      start: at('2025-01-15T03:12:00Z'),
      assumptions: [],
    });
  });
  it('R3: unknown completion: 00:00Z of the renewal day (earliest, the default) or 24 h later (latest), with the assumption', () => {
    expect(termWindowStart(sub(renewed), DEFAULT_POLICY)).toEqual({
      start: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
    expect(termWindowStart(sub(renewed), definePolicy({ unknownRenewalCompletion: 'latest' }))).toEqual({
      start: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
  });
});

describe("R3 termWindowStart during the renewal: the new term's windows", () => {
  // R3 (catalogue): "From the renewal's start until it completes (R2, R4), the new term's windows
  // are open from its completion, by the same bound".
  it("R3: renewing, the start is the renewal's completion by the policy's bound, whatever the current term's start", () => {
    for (const over of [{}, renewed, { cancellationWindowFrom: '2024-01-10T08:00:00Z' }]) {
      const s = sub(over);
      // The renewal starts at 00:00Z after the term end date (2025-01-14 or 2026-01-14).
      const renewalStart = at(over === renewed ? '2026-01-15T00:00:00Z' : '2025-01-15T00:00:00Z');
      expect(termWindowStart(s, DEFAULT_POLICY, 'renewing')).toEqual({
        start: renewalStart,
        assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      });
      expect(termWindowStart(s, definePolicy({ unknownRenewalCompletion: 'latest' }), 'renewing')).toEqual({
        start: renewalStart + 86_400_000,
        assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
      });
    }
  });
  it("R3: in the term (the default phase) it is the current term's start", () => {
    expect(termWindowStart(sub(), DEFAULT_POLICY, 'in-term')).toEqual(termWindowStart(sub(), DEFAULT_POLICY));
  });
});

describe('R2 R5 renewalStartsAt', () => {
  it('R2: active, auto-renewing, paid: 00:00Z the day after the term end day (2025-01-15)', () => {
    expect(renewalStartsAt(sub())).toBe(at('2025-01-15T00:00:00Z'));
  });
  it.each([[{ autoRenew: false }], [{ trial: true }], [{ status: 'suspended' }]] as const)(
    'R5: %j → no renewal, null',
    (over) => {
      expect(renewalStartsAt(sub(over))).toBeNull();
    },
  );
});

describe("C12 Q3 R3 nextWindowOpening: the next term's windows open at the renewal's completion", () => {
  // R3 (catalogue): "a window that opens with the next renewal names its completion the same way,
  // never 00:00Z as a fact".
  it('R3: earliest (the default): 00:00Z of the renewal day with RENEWAL_COMPLETION_ASSUMED_EARLIEST', () => {
    expect(nextWindowOpening(sub(), DEFAULT_POLICY)).toEqual({
      start: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
  });
  it('R3: latest: 24 h later, 2025-01-16T00:00Z, with RENEWAL_COMPLETION_ASSUMED_LATEST', () => {
    expect(nextWindowOpening(sub(), definePolicy({ unknownRenewalCompletion: 'latest' }))).toEqual({
      start: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
  });
  it.each([[{ autoRenew: false }], [{ trial: true }], [{ status: 'suspended' }]] as const)(
    'R5: %j → no renewal, no next window: null',
    (over) => {
      expect(nextWindowOpening(sub(over), DEFAULT_POLICY)).toBeNull();
    },
  );
});

describe('R4 renewalInProgress', () => {
  it('R4: true from 2025-01-15T00:00:00.000Z to 2025-01-15T23:59:59.999Z, false just outside', () => {
    const s = sub();
    expect(renewalInProgress(s, at('2025-01-14T23:59:59.999Z'))).toBe(false);
    expect(renewalInProgress(s, at('2025-01-15T00:00:00.000Z'))).toBe(true);
    expect(renewalInProgress(s, at('2025-01-15T23:59:59.999Z'))).toBe(true);
    expect(renewalInProgress(s, at('2025-01-16T00:00:00.000Z'))).toBe(false);
  });
  it('R4 R5: never without auto-renew or when not active', () => {
    expect(renewalInProgress(sub({ autoRenew: false }), at('2025-01-15T12:00:00Z'))).toBe(false);
    expect(renewalInProgress(sub({ status: 'suspended' }), at('2025-01-15T12:00:00Z'))).toBe(false);
  });
  it('R4: the warning list is RENEWAL_IN_PROGRESS', () => {
    expect(RENEWAL_409).toEqual(['RENEWAL_IN_PROGRESS']);
  });
});

describe('R2 R4 R5 termPhase', () => {
  it('R2 R4: active and auto-renewing: in-term to the last ms of 2025-01-14, renewing for the 24 h after, then ended', () => {
    expect(termPhase(sub(), at('2025-01-14T23:59:59.999Z'))).toBe('in-term');
    expect(termPhase(sub(), at('2025-01-15T00:00:00.000Z'))).toBe('renewing');
    expect(termPhase(sub(), at('2025-01-15T23:59:59.999Z'))).toBe('renewing');
    expect(termPhase(sub(), at('2025-01-16T00:00:00.000Z'))).toBe('ended');
  });
  it('R5: auto-renew off, or not active: no renewal, ended at 00:00Z after the term end date', () => {
    for (const over of [{ autoRenew: false }, { status: 'suspended' as const }]) {
      expect(termPhase(sub(over), at('2025-01-14T23:59:59.999Z'))).toBe('in-term');
      expect(termPhase(sub(over), at('2025-01-15T00:00:00.000Z'))).toBe('ended');
    }
  });
});

/**
 * The public `transition` as a whole: the event list, option and event checks, terminal statuses,
 * and what holds across events (the renewal phase, R4).
 */
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_EVENTS, transition } from '../../../src/lifecycle/machine/transition.js';
import { definePolicy } from '../../../src/policy/policy.js';
import {
  accepted as acceptedShape,
  E3,
  LAST_OF_TERM,
  MID,
  ok,
  refused,
  RENEWAL_DAY,
  SNAP,
  sub,
} from '../../support/lifecycle.js';
import { caught } from '../../support/caught.js';
import { at } from '../../support/time.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

describe('C3 P7 transition: options, events and terminal statuses', () => {
  it('C3 P7: cancelled and deleted subscriptions refuse every event, whatever its payload', () => {
    for (const type of LIFECYCLE_EVENTS) {
      const event = {
        type,
        autoRenew: true,
        quantity: 5,
        change: { quantity: 3 },
        offerName: 'Microsoft 365 E5',
        term: 'P1Y',
        billing: 'annual',
      } as never;
      // The events of the term end name the version at the term end (2025-01-15T00:00Z: the
      // rules of 2024-07-01); the others that of their now (MID: the baseline).
      const version = ['renewalStarted', 'renewalCompleted', 'termEnded', 'stageElapsed'].includes(type)
        ? '2024-07-01'
        : '2023-10-19';
      expect(transition({ ...sub, status: 'cancelled' }, event, { now: MID })).toEqual(
        refused('C3', 'TERMINATED', null, version),
      );
      expect(transition({ ...sub, status: 'deleted' }, event, { now: MID })).toEqual(
        refused('P7', 'TERMINATED', null, version),
      );
    }
  });

  it('every event name, in the order of the issue', () => {
    expect(LIFECYCLE_EVENTS).toEqual([
      'cancel',
      'suspend',
      'reactivate',
      'setAutoRenew',
      'changeQuantity',
      'scheduleChange',
      'clearScheduledChanges',
      'upgrade',
      'changeTermOrBilling',
      'convertTrial',
      'setEndOfTermAction',
      'renewalStarted',
      'renewalCompleted',
      'termEnded',
      'stageElapsed',
    ]);
    expect(Object.isFrozen(LIFECYCLE_EVENTS)).toBe(true);
  });

  it('bad options and events are typed errors naming the field', () => {
    const options = caught(() => transition(sub, { type: 'cancel' }, null as never));
    expect([options.code, options.field]).toEqual(['INVALID_TYPE', 'options']);
    const now = caught(() => transition(sub, { type: 'cancel' }, {} as never));
    expect([now.code, now.field]).toEqual(['INVALID_INSTANT', 'now']);
    const event = caught(() => transition(sub, 'cancel' as never, { now: MID }));
    expect([event.code, event.field]).toEqual(['INVALID_TYPE', 'event']);
    const type = caught(() => transition(sub, { type: 'renew' } as never, { now: MID }));
    expect([type.code, type.field, type.received]).toEqual(['INVALID_ENUM', 'event.type', 'renew']);
    const addOns = caught(() => transition(sub, { type: 'suspend' }, { now: MID, addOns: {} as never }));
    expect([addOns.code, addOns.field, addOns.message]).toEqual([
      'INVALID_TYPE',
      'addOns',
      'addOns: expected an array of subscriptions, got an object',
    ]);
    const addOn = caught(() => transition(sub, { type: 'suspend' }, { now: MID, addOns: [{ quantity: 1 } as never] }));
    expect(addOn.code).toBe('MISSING_FIELD');
    const base = caught(() => transition(sub, { type: 'suspend' }, { now: MID, base: { quantity: 1 } as never }));
    expect(base.code).toBe('MISSING_FIELD');
    const policy = caught(() =>
      transition(sub, { type: 'suspend' }, { now: MID, policy: { renewalAnchor: 'x' } as never }),
    );
    // A plain override object is no policy (definePolicy checks its settings).
    expect([policy.code, policy.field]).toEqual(['INVALID_TYPE', 'policy']);
  });

  it('P5 A1: add-ons and base are optional; an empty add-on list suspends nothing', () => {
    const r = transition({ ...sub, scheduledChange: null }, { type: 'suspend' }, { now: MID, addOns: [] });
    expect(r).toEqual(
      accepted({ ...SNAP, status: 'suspended', autoRenew: false, scheduledChange: null }, [
        { type: 'STATUS_CHANGED', rule: 'P1', from: 'active', to: 'suspended' },
        { type: 'ACCESS_BLOCKED', rule: 'P1', access: 'admins-only' },
        { type: 'AUTO_RENEW_TURNED_OFF', rule: 'P2' },
      ]),
    );
    expect(E3).toBe(SNAP.offerName);
  });

  describe('C3 cancelled (and deleted) subscriptions are terminal', () => {
    it('every event on a cancelled or deleted subscription is refused', () => {
      for (const type of [
        'cancel',
        'suspend',
        'reactivate',
        'clearScheduledChanges',
        'renewalStarted',
        'termEnded',
        'stageElapsed',
      ] as const) {
        expect(transition({ ...sub, status: 'cancelled' }, { type }, { now: MID })).toMatchObject({
          ok: false,
          refusal: { rule: 'C3', reason: 'TERMINATED' },
        });
        expect(transition({ ...sub, status: 'deleted' }, { type }, { now: MID })).toMatchObject({
          ok: false,
          refusal: { rule: 'P7', reason: 'TERMINATED' },
        });
      }
    });
  });

  describe('transition validates events and options (typed errors)', () => {
    it('events and options are validated (typed errors)', () => {
      expect(LIFECYCLE_EVENTS).toHaveLength(15);
      expect(() => transition(sub, { type: 'explode' } as never, { now: MID })).toThrowError(/event.type/);
      expect(() => transition(sub, { type: 'suspend' }, { now: MID, addOns: 'x' as never })).toThrowError(/addOns/);
      // The machine's choices are the policy's (the per-call suspendedAtTermEnd is gone).
      expect(() =>
        transition(sub, { type: 'suspend' }, { now: MID, policy: { suspendedAtTermEnd: 'later' } as never }),
      ).toThrowError(/policy/);
      expect(() => definePolicy({ suspendedAtTermEnd: 'later' as never })).toThrowError(/suspendedAtTermEnd/);
      expect(() => transition(sub, { type: 'setAutoRenew' } as never, { now: MID })).toThrowError(/event.autoRenew/);
      expect(() => transition(sub, { type: 'changeQuantity', quantity: -1 }, { now: MID })).toThrowError(
        /event.quantity/,
      );
    });
  });
});

describe('R4 while a renewal runs: auto-renew, scheduled changes, suspend, reactivate read-only; others may meet 409', () => {
  it('read-only events refused; quantity accepted with the RENEWAL_IN_PROGRESS warning', () => {
    for (const event of [
      { type: 'setAutoRenew', autoRenew: false },
      { type: 'scheduleChange', change: { quantity: 5 } },
      { type: 'clearScheduledChanges' },
    ] as const) {
      expect(transition(sub, event, { now: '2025-01-15T23:59:59.999Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'R4', reason: 'RENEWAL_READ_ONLY' },
      });
    }
    const more = ok(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-15T10:00:00Z' }));
    expect(more.warnings).toEqual(['RENEWAL_IN_PROGRESS']);
  });
});

describe('R1 R5 auto-renew events', () => {
  it('a bare snapshot on the renewal day is renewing; the returned state keeps the phase until completion', () => {
    const r = ok(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-15T08:00:00Z' }));
    expect(r.phase).toBe('renewing');
    expect(r.state.phase).toBe('renewing');
    expect(transition(r.state, { type: 'renewalStarted' }, { now: '2025-01-15T08:00:01Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'ALREADY_RENEWING' },
    });
    expect(ok(transition(r.state, { type: 'renewalCompleted' }, { now: '2025-01-15T09:00:00Z' })).phase).toBe(
      'in-term',
    );
    expect(transition(sub, { type: 'renewalStarted' }, { now: LAST_OF_TERM })).toMatchObject({
      ok: false,
      refusal: { rule: 'R2', reason: 'TERM_NOT_ENDED', opensAt: at(RENEWAL_DAY) },
    });
  });
});

// "Every decision, transition result and explain action lists the snapshot's assumptions that bear
// on it": here the caller's (e.g. the adapter's AUTO_RENEW_ASSUMED) and a trial's assumed end (TR1).
describe('R1 TR1 a transition lists the snapshot’s assumptions, accepted or refused', () => {
  const assumed = { ...sub, scheduledChange: null, assumptions: ['AUTO_RENEW_ASSUMED'] } as const;
  it('R1 P2: an accepted suspension lists the caller’s assumption; the next snapshot, whose auto-renew P2 turned off, no longer assumes it', () => {
    const r = ok(transition(assumed, { type: 'suspend' }, { now: MID }));
    expect(r.assumptions).toEqual(['AUTO_RENEW_ASSUMED']);
    expect(r.next.assumptions).toEqual([]);
  });
  it('R1 C2: a refusal lists it too (0 seats is a cancellation)', () => {
    expect(transition(assumed, { type: 'changeQuantity', quantity: 0 }, { now: MID })).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'C2',
        policyVersion: '2023-10-19',
        reason: 'USE_CANCEL',
        opensAt: null,
        assumptions: ['AUTO_RENEW_ASSUMED'],
        warnings: [],
      },
    });
  });
  it('TR1: a trial without an end date: the snapshot’s TRIAL_END_ASSUMED first, then the decision’s own', () => {
    const trial = { ...sub, trial: true, quantity: 25, seatBatches: [], scheduledChange: null };
    // Turning auto-renew off is C9's way out (allowed during the 30 days, to 2024-02-13).
    expect(
      ok(transition(trial, { type: 'setAutoRenew', autoRenew: false }, { now: '2024-01-20T00:00:00Z' })).assumptions,
    ).toEqual(['TRIAL_END_ASSUMED']);
  });
});

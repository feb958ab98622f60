import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../../src/core/errors.js';
import type { LifecycleState } from '../../../src/lifecycle/machine/events.js';
import { inEventTerms, mergeWarnings, readState } from '../../../src/lifecycle/machine/context.js';
import { transition } from '../../../src/lifecycle/machine/transition.js';
import { DEFAULT_POLICY, definePolicy } from '../../../src/policy/policy.js';
import { toSubscription, type SubscriptionInput } from '../../../src/snapshot/subscription.js';
import { caught } from '../../support/caught.js';
import {
  accepted as acceptedShape,
  E3,
  LAST_OF_TERM,
  MID,
  ok,
  RENEWAL_DAY,
  SNAP,
  sub,
  types,
} from '../../support/lifecycle.js';
import { at } from '../../support/time.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

const LATEST = '2025-01-16T00:00:00Z';

// policyChoices (removed) picked the machine's choices from transition's options or the policy;
// they now come from the policy only.
describe('P7 S3 the machine’s choices come from the policy only', () => {
  const suspended = { ...sub, status: 'suspended' as const, autoRenew: false, scheduledChange: null };
  const p3y = {
    type: 'changeTermOrBilling',
    term: 'P3Y',
    billing: 'monthly',
    offeredTerms: ['P1Y', 'P3Y'],
  } as const;

  it('P7 S3: defaults (lifecycle, any-immediate), and the policy’s settings', () => {
    const ended = (policy = DEFAULT_POLICY) =>
      ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy })).next.status;
    expect(ended()).toBe('disabled');
    expect(ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY })).next.status).toBe('disabled');
    expect(types(transition(sub, p3y, { now: MID }))).toEqual(['TERM_CHANGED', 'SCHEDULED_CHANGES_DELETED']);
    const p = definePolicy({ suspendedAtTermEnd: 'deleted', scheduledChangeDeletion: 'listed' });
    expect(ended(p)).toBe('deleted');
    expect(types(transition(sub, p3y, { now: MID, policy: p }))).toEqual(['TERM_CHANGED']);
  });

  it('P7 S3: a value outside the choices names the policy setting; a plain override object is no policy', () => {
    const a = caught(() => definePolicy({ suspendedAtTermEnd: 'purged' as never }));
    expect([a.code, a.field, a.message, a.received]).toEqual([
      'INVALID_ENUM',
      'policy.suspendedAtTermEnd',
      'policy.suspendedAtTermEnd: expected one of lifecycle, deleted, got "purged"',
      'purged',
    ]);
    const b = caught(() => definePolicy({ scheduledChangeDeletion: 'all' as never }));
    expect([b.code, b.field, b.message]).toEqual([
      'INVALID_ENUM',
      'policy.scheduledChangeDeletion',
      'policy.scheduledChangeDeletion: expected one of any-immediate, listed, got "all"',
    ]);
    const c = caught(() =>
      transition(
        suspended,
        { type: 'termEnded' },
        { now: RENEWAL_DAY, policy: { suspendedAtTermEnd: 'deleted' } as never },
      ),
    );
    expect([c.code, c.field]).toEqual(['INVALID_TYPE', 'policy']);
  });

  describe('P7 S3 the policy’s settings reach the machine', () => {
    it('P7: policy.suspendedAtTermEnd = deleted is honoured: all data deleted at the term end (P4)', () => {
      const r = ok(
        transition(
          suspended,
          { type: 'termEnded' },
          { now: RENEWAL_DAY, policy: definePolicy({ suspendedAtTermEnd: 'deleted' }) },
        ),
      );
      expect(r.next.status).toBe('deleted');
      expect(r.effects).toContainEqual({ type: 'DATA_DELETED', rule: 'P4', at: at(RENEWAL_DAY) });
      const lifecycle = definePolicy({ suspendedAtTermEnd: 'lifecycle' });
      expect(
        ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy: lifecycle })).next.status,
      ).toBe('disabled');
    });

    it('S3: policy.scheduledChangeDeletion = listed keeps scheduled changes on a term change', () => {
      expect(
        types(transition(sub, p3y, { now: MID, policy: definePolicy({ scheduledChangeDeletion: 'listed' }) })),
      ).toEqual(['TERM_CHANGED']);
      expect(() => definePolicy({ scheduledChangeDeletion: 'some' as never })).toThrow(
        expect.objectContaining({ code: 'INVALID_ENUM', field: 'policy.scheduledChangeDeletion' }),
      );
    });
  });
});

describe('R2 R4 readState: the phase of a state', () => {
  it('R2 R4: a bare snapshot is renewing on the renewal day only, to the millisecond', () => {
    const s = toSubscription(sub);
    expect(readState(sub, at(LAST_OF_TERM))).toEqual({ subscription: SNAP, phase: 'in-term', declaredRenewing: false });
    expect(readState(sub, at(RENEWAL_DAY))).toEqual({ subscription: SNAP, phase: 'renewing', declaredRenewing: false });
    expect(readState(s, at('2025-01-15T23:59:59.999Z')).phase).toBe('renewing');
    expect(readState(s, at(LATEST)).phase).toBe('in-term');
  });

  it('R2 R4: a wrapped in-term state follows the time too; a declared renewal is kept', () => {
    const s = toSubscription(sub);
    expect(readState({ subscription: s, phase: 'in-term' }, at(RENEWAL_DAY))).toEqual({
      subscription: SNAP,
      phase: 'renewing',
      declaredRenewing: false,
    });
    expect(readState({ subscription: s, phase: 'in-term' }, at(MID))).toEqual({
      subscription: SNAP,
      phase: 'in-term',
      declaredRenewing: false,
    });
    expect(readState({ subscription: sub as never, phase: 'renewing' }, at(RENEWAL_DAY))).toEqual({
      subscription: SNAP,
      phase: 'renewing',
      declaredRenewing: true,
    });
    expect(readState({ subscription: s, phase: 'renewing' }, at('2025-03-01T00:00:00Z'))).toEqual({
      subscription: SNAP,
      phase: 'renewing',
      declaredRenewing: true,
    });
  });

  it('R2 R5: renewing needs an active, auto-renewing subscription past its term end', () => {
    const bad = (input: SubscriptionInput, now: string): CspRulesError =>
      caught(() => readState({ subscription: toSubscription(input), phase: 'renewing' }, at(now)));
    const cases = [
      bad({ ...sub, autoRenew: false, scheduledChange: null }, RENEWAL_DAY),
      // Suspended, even with auto-renew still on: not renewing.
      bad({ ...sub, status: 'suspended', scheduledChange: null }, RENEWAL_DAY),
      bad(sub, LAST_OF_TERM),
    ];
    for (const e of cases) {
      expect([e.code, e.field, e.message, e.received]).toEqual([
        'INCONSISTENT',
        'state.phase',
        'state.phase: renewing needs an active, auto-renewing subscription past its term end (R2, R5)',
        'renewing',
      ]);
    }
    const phase = caught(() => readState({ subscription: toSubscription(sub), phase: 'done' as never }, at(MID)));
    expect([phase.code, phase.field]).toEqual(['INVALID_ENUM', 'state.phase']);
    const notState = caught(() => readState(7 as never, at(MID)));
    expect([notState.code, notState.field]).toEqual(['INVALID_TYPE', 'state']);
  });

  it('R2: renewalStarted from a wrapped in-term state on the renewal day: not already renewing', () => {
    const r = transition(
      { subscription: toSubscription(sub), phase: 'in-term' },
      { type: 'renewalStarted' },
      { now: RENEWAL_DAY },
    );
    expect(r).toEqual(
      accepted(
        SNAP,
        [{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy: at(LATEST) }],
        [],
        { policyVersion: '2024-07-01' },
        'renewing',
      ),
    );
  });

  describe('R4 while a renewal runs: auto-renew, scheduled changes, suspend, reactivate read-only; others may meet 409', () => {
    it('a declared renewing phase holds until renewalCompleted, even past the 24 h bound', () => {
      const state: LifecycleState = { subscription: toSubscription(sub), phase: 'renewing' };
      expect(
        transition(state, { type: 'setAutoRenew', autoRenew: false }, { now: '2025-01-16T03:00:00Z' }),
      ).toMatchObject({
        ok: false,
        refusal: { rule: 'R4', opensAt: null },
      });
      expect(() =>
        transition({ subscription: toSubscription(sub), phase: 'renewing' }, { type: 'suspend' }, { now: MID }),
      ).toThrow(CspRulesError);
    });
  });
});

describe('R2 R5 accept: only an active, auto-renewing subscription stays in a renewal', () => {
  it('C1 C3: a cancellation on the renewal day (a late purchase, its window open): cancelled, and in-term', () => {
    // Bought 2025-01-13T00:00Z, coterminous to 2025-01-14: the C1 window runs until 2025-01-20T00:00Z; renewing on 2025-01-15.
    const late: SubscriptionInput = {
      ...sub,
      purchasedAt: '2025-01-13T00:00:00Z',
      termEndDate: '2025-01-14',
      seatBatches: [{ quantity: 10, addedAt: '2025-01-13T00:00:00Z' }],
      scheduledChange: null,
    };
    const r = transition(late, { type: 'cancel' }, { now: '2025-01-15T10:00:00Z' });
    expect(r).toMatchObject({
      ok: true,
      phase: 'in-term',
      state: { phase: 'in-term' },
      next: { status: 'cancelled' },
      warnings: ['RENEWAL_IN_PROGRESS'],
    });
  });

  it('C5 R4: traditional SaaS on its renewal day: too late to cancel at the renewal, asked again once it has surely completed; canCancel’s warning passes through', () => {
    // R2: the renewal of the term ending 2025-01-14 has completed by 2025-01-16T00:00Z at the latest.
    const saas: SubscriptionInput = { ...sub, program: 'traditional-saas', billing: 'annual', scheduledChange: null };
    expect(transition(saas, { type: 'cancel' }, { now: '2025-01-15T10:00:00Z' })).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'C5',
        policyVersion: '2024-07-01',
        reason: 'RENEWAL_IN_PROGRESS',
        opensAt: at('2025-01-16T00:00:00Z'),
        assumptions: [],
        warnings: ['RENEWAL_IN_PROGRESS'],
      },
    });
  });
});

describe('U4 P5 accept: a result names created subscriptions and add-ons only when there are some', () => {
  it('no created or addOns key on a plain result; both when the event made them', () => {
    const plain = transition({ ...sub, scheduledChange: null }, { type: 'suspend' }, { now: MID });
    expect(Object.keys(plain)).toEqual([
      'ok',
      'next',
      'phase',
      'state',
      'effects',
      'warnings',
      'assumptions',
      'policyVersion',
    ]);
    const addOn: SubscriptionInput = {
      ...sub,
      id: 'addon-1',
      quantity: 2,
      seatBatches: [],
      parentSubscriptionId: 'sub-1',
      scheduledChange: null,
    };
    expect(Object.keys(transition(sub, { type: 'suspend' }, { now: MID, addOns: [addOn] }))).toEqual([
      'ok',
      'next',
      'phase',
      'state',
      'effects',
      'warnings',
      'assumptions',
      'policyVersion',
      'addOns',
    ]);
    const partial = transition(
      sub,
      { type: 'upgrade', quantity: 4, offerName: 'Microsoft 365 E5', catalog: [{ from: E3, to: 'Microsoft 365 E5' }] },
      { now: MID },
    );
    expect(Object.keys(partial)).toEqual([
      'ok',
      'next',
      'phase',
      'state',
      'effects',
      'warnings',
      'assumptions',
      'policyVersion',
      'created',
    ]);
  });
});

describe('inEventTerms: errors of a reused check name the event’s fields', () => {
  const fields = { catalog: 'event.catalog', to: 'event.offerName' };
  const thrown = (error: unknown): unknown => {
    try {
      inEventTerms(fields, () => {
        throw error;
      });
    } catch (e) {
      return e;
    }
    throw new Error('nothing thrown');
  };

  it('renames the field and its path, keeping code, message and received', () => {
    const e = thrown(new CspRulesError('MISSING_FIELD', 'catalog[0].to', 'is required', 'x')) as CspRulesError;
    expect(e).toBeInstanceOf(CspRulesError);
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'MISSING_FIELD',
      'event.catalog[0].to',
      'event.catalog[0].to: is required',
      'x',
    ]);
    const dotted = thrown(new CspRulesError('INVALID_TYPE', 'catalog.from', 'bad')) as CspRulesError;
    expect([dotted.field, dotted.message]).toEqual(['event.catalog.from', 'event.catalog.from: bad']);
    const whole = thrown(new CspRulesError('INVALID_TYPE', 'to', 'bad')) as CspRulesError;
    expect([whole.field, whole.message]).toEqual(['event.offerName', 'event.offerName: bad']);
  });

  it('the message is built again from the detail under the new path', () => {
    const e = thrown(new CspRulesError('INVALID_TYPE', 'to', 'bad', 7)) as CspRulesError;
    expect([e.field, e.path, e.detail, e.message, e.received]).toEqual([
      'event.offerName',
      ['event', 'offerName'],
      'bad',
      'event.offerName: bad',
      7,
    ]);
  });

  it('other fields (a mere prefix too) and other errors pass unchanged', () => {
    const prefix = new CspRulesError('INVALID_TYPE', 'catalogue', 'bad');
    expect(thrown(prefix)).toBe(prefix);
    const total = new CspRulesError('INVALID_TYPE', 'total', 'bad');
    expect(thrown(total)).toBe(total);
    const other = new TypeError('boom');
    expect(thrown(other)).toBe(other);
    expect(inEventTerms(fields, () => 42)).toBe(42);
  });

  it('U2: the source’s missing offer name is canUpgrade’s own field, not the event’s', () => {
    const e = caught(() =>
      transition(
        { ...sub, offerName: null },
        { type: 'upgrade', quantity: 4, offerName: 'Microsoft 365 E5' },
        { now: MID },
      ),
    );
    expect([e.code, e.field, e.message]).toEqual([
      'MISSING_FIELD',
      'offerName',
      'offerName: the source subscription needs its offer name (U2)',
    ]);
  });
});

describe('mergeWarnings', () => {
  it('each once, in first-seen order', () => {
    expect(mergeWarnings(['B', 'A'], [], ['A', 'C', 'B'])).toEqual(['B', 'A', 'C']);
    expect(mergeWarnings()).toEqual([]);
  });
});

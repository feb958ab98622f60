/**
 * The snapshot's end-of-term facts (src/snapshot/subscription.ts, changes.ts): `endOfTermAction`
 * (R6: auto-renew follows the choice and must agree with it) and `extendedServiceTerm` (C17, R7:
 * a monthly new-commerce license term, never a trial); `withChanges`, `deriveSnapshot` and
 * `toInput` keep the choice consistent with auto-renew.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceWithAutoRenew,
  END_OF_TERM_ACTIONS,
  toSubscription,
  type SubscriptionInput,
} from '../../src/snapshot/subscription.js';
import { deriveSnapshot, toInput, withChanges } from '../../src/snapshot/changes.js';
import { errorOf } from '../support/caught.js';

/** An annual license bought 2025-06-10T08:00Z (term 2025-06-10 … 2026-06-09). */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
};
/** The same as an EST month: P1M, monthly, from 2026-06-10T00:00Z to 2026-07-09. */
const estMonth: SubscriptionInput = {
  ...license,
  term: 'P1M',
  billing: 'monthly',
  termStartedAt: '2026-06-10T00:00:00Z',
  termEndDate: '2026-07-09',
  autoRenew: false,
  extendedServiceTerm: true,
};

describe('R6 endOfTermAction: the choice, and auto-renew that follows it', () => {
  it('R6: the three choices, in order', () => {
    expect(END_OF_TERM_ACTIONS).toEqual(['renew', 'extended-service-term', 'cancel']);
  });

  it('R6: absent or null → no choice, auto-renew on by default (R1)', () => {
    expect(toSubscription(license)).toMatchObject({ endOfTermAction: null, autoRenew: true });
    expect(toSubscription({ ...license, endOfTermAction: null })).toMatchObject({
      endOfTermAction: null,
      autoRenew: true,
    });
  });

  it.each([
    ['renew', true],
    ['extended-service-term', false],
    ['cancel', false],
  ] as const)('R6: %s without autoRenew → autoRenew %s', (action, autoRenew) => {
    expect(toSubscription({ ...license, endOfTermAction: action })).toMatchObject({
      endOfTermAction: action,
      autoRenew,
    });
    // Given and agreeing: accepted as is.
    expect(toSubscription({ ...license, endOfTermAction: action, autoRenew })).toMatchObject({
      endOfTermAction: action,
      autoRenew,
    });
  });

  it.each([
    ['renew', false, "endOfTermAction: 'renew' needs autoRenew true (R6)"],
    ['extended-service-term', true, "endOfTermAction: 'extended-service-term' needs autoRenew false (R6)"],
    ['cancel', true, "endOfTermAction: 'cancel' needs autoRenew false (R6)"],
  ] as const)('R6: %s with autoRenew %s → INCONSISTENT at endOfTermAction', (action, autoRenew, message) => {
    expect(errorOf(() => toSubscription({ ...license, endOfTermAction: action, autoRenew }))).toEqual({
      code: 'INCONSISTENT',
      field: 'endOfTermAction',
      message,
    });
  });

  it('R6: an unknown choice (or another spelling) → INVALID_ENUM at endOfTermAction', () => {
    expect(errorOf(() => toSubscription({ ...license, endOfTermAction: 'Cancel' as never }))).toEqual({
      code: 'INVALID_ENUM',
      field: 'endOfTermAction',
      message: 'endOfTermAction: expected one of renew, extended-service-term, cancel, got "Cancel"',
    });
  });

  it('R6 choiceWithAutoRenew: on makes any choice renew; off drops renew and keeps the others; none stays none', () => {
    expect(choiceWithAutoRenew(null, true)).toBeNull();
    expect(choiceWithAutoRenew(null, false)).toBeNull();
    expect(choiceWithAutoRenew('renew', true)).toBe('renew');
    expect(choiceWithAutoRenew('renew', false)).toBeNull();
    expect(choiceWithAutoRenew('cancel', true)).toBe('renew');
    expect(choiceWithAutoRenew('cancel', false)).toBe('cancel');
    expect(choiceWithAutoRenew('extended-service-term', true)).toBe('renew');
    expect(choiceWithAutoRenew('extended-service-term', false)).toBe('extended-service-term');
  });
});

describe('C17 R7 extendedServiceTerm: the caller’s fact, a monthly license term, never a trial', () => {
  it('C17: default false; true on a P1M monthly nce-license term', () => {
    expect(toSubscription(license).extendedServiceTerm).toBe(false);
    expect(toSubscription(estMonth)).toMatchObject({
      extendedServiceTerm: true,
      term: 'P1M',
      billing: 'monthly',
      termStartedAt: Date.parse('2026-06-10T00:00:00Z'),
    });
  });

  it.each([
    ['a P1Y term', { term: 'P1Y' }],
    ['a trial', { trial: true }],
    ['nce-software', { program: 'nce-software' }],
    ['nce-saas', { program: 'nce-saas' }],
  ] as const)('C17: %s in an EST → INCONSISTENT at extendedServiceTerm', (_, change) => {
    expect(errorOf(() => toSubscription({ ...estMonth, ...change }))).toEqual({
      code: 'INCONSISTENT',
      field: 'extendedServiceTerm',
      message: 'extendedServiceTerm: is a monthly term of a new-commerce license subscription, never a trial (C17)',
    });
  });

  it('C17: not a boolean → INVALID_TYPE at extendedServiceTerm', () => {
    expect(errorOf(() => toSubscription({ ...estMonth, extendedServiceTerm: 'yes' as never }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'extendedServiceTerm',
      message: 'extendedServiceTerm: expected true or false, got "yes"',
    });
  });
});

describe('R6 changed snapshots keep the choice consistent with auto-renew', () => {
  it('R6 withChanges: auto-renew off drops a renew choice; on turns cancel or EST into renew', () => {
    const renewing = toSubscription({ ...license, endOfTermAction: 'renew' });
    expect(withChanges(renewing, { autoRenew: false })).toMatchObject({ autoRenew: false, endOfTermAction: null });
    const cancelling = toSubscription({ ...license, endOfTermAction: 'cancel' });
    expect(withChanges(cancelling, { autoRenew: true })).toMatchObject({ autoRenew: true, endOfTermAction: 'renew' });
    const est = toSubscription({ ...license, endOfTermAction: 'extended-service-term' });
    expect(withChanges(est, { autoRenew: true })).toMatchObject({ autoRenew: true, endOfTermAction: 'renew' });
    expect(withChanges(est, { autoRenew: false })).toMatchObject({
      autoRenew: false,
      endOfTermAction: 'extended-service-term',
    });
  });

  it('R6 withChanges: a new choice with its auto-renew is taken as given', () => {
    const sub = toSubscription(license);
    expect(withChanges(sub, { endOfTermAction: 'cancel', autoRenew: false })).toMatchObject({
      endOfTermAction: 'cancel',
      autoRenew: false,
    });
  });

  it('R6 withChanges: a new choice alone that auto-renew contradicts is INCONSISTENT (the two must agree)', () => {
    expect(errorOf(() => withChanges(toSubscription(license), { endOfTermAction: 'cancel' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'endOfTermAction',
      message: "endOfTermAction: 'cancel' needs autoRenew false (R6)",
    });
  });

  it('R6 deriveSnapshot (the machine’s fast path): the same rule as withChanges', () => {
    const renewing = toSubscription({ ...license, endOfTermAction: 'renew' });
    expect(deriveSnapshot(renewing, { autoRenew: false })).toMatchObject({ autoRenew: false, endOfTermAction: null });
    const cancelling = toSubscription({ ...license, endOfTermAction: 'cancel' });
    expect(deriveSnapshot(cancelling, { autoRenew: true })).toMatchObject({
      autoRenew: true,
      endOfTermAction: 'renew',
    });
    // Auto-renew unchanged (a status change): the choice stays.
    expect(deriveSnapshot(cancelling, { status: 'suspended' })).toMatchObject({
      status: 'suspended',
      autoRenew: false,
      endOfTermAction: 'cancel',
    });
    expect(deriveSnapshot(cancelling, { autoRenew: false }).endOfTermAction).toBe('cancel');
  });

  it('toInput carries the choice and the EST flag, and reads back to an equal snapshot', () => {
    const chosen = toSubscription({ ...license, endOfTermAction: 'cancel' });
    expect(toInput(chosen)).toMatchObject({ endOfTermAction: 'cancel', autoRenew: false });
    expect(toSubscription(toInput(chosen))).toEqual(chosen);
    const est = toSubscription(estMonth);
    expect(toInput(est)).toMatchObject({ extendedServiceTerm: true });
    expect(toSubscription(toInput(est))).toEqual(est);
    // Nothing chosen, not in an EST: the keys are left out.
    const plain = toInput(toSubscription(license));
    expect('endOfTermAction' in plain).toBe(false);
    expect('extendedServiceTerm' in plain).toBe(false);
  });
});

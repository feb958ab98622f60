/**
 * src/decisions/endOfTerm.ts: `endOfTermOutcome` (R5, R6, R7, P7, P8, R2, TR2 — governed by the
 * term end, 00:00Z after the term end date; the policy's asOf overrides) and
 * `canSetEndOfTermAction` (R6 — governed by `now`, until the term ends). Every expected instant is
 * written out by hand from the term dates in the comments.
 */
import { describe, expect, it } from 'vitest';
import { canSetEndOfTermAction, END_OF_TERM_OUTCOMES, endOfTermOutcome } from '../../src/decisions/endOfTerm.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { errorOf } from '../support/caught.js';

const ms = (iso: string): number => Date.parse(iso);

/** An annual license bought 2025-06-10T08:00Z, auto-renew off: term 2025-06-10 … 2026-06-09, ends 2026-06-10T00:00Z. */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};
const END = ms('2026-06-10T00:00:00Z');

/** A 30-day license trial started 2026-05-10T10:00Z: last day 2026-06-08, ends 2026-06-09T00:00Z. */
const trial: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 25,
  purchasedAt: '2026-05-10T10:00:00Z',
  trial: true,
  autoRenew: false,
};

/** An EST month of `license`: 2026-06-10 … 2026-07-09, ends 2026-07-10T00:00Z. */
const estMonth: SubscriptionInput = {
  ...license,
  term: 'P1M',
  billing: 'monthly',
  termStartedAt: '2026-06-10T00:00:00Z',
  termEndDate: '2026-07-09',
  extendedServiceTerm: true,
};

describe('endOfTermOutcome: the outcomes', () => {
  it('the six outcomes, in order', () => {
    expect(END_OF_TERM_OUTCOMES).toEqual([
      'renew',
      'convert',
      'extended-service-term',
      'cancel-at-term-end',
      'expire',
      'none',
    ]);
  });
});

describe('R7 endOfTermOutcome: auto-renew off moves an eligible license into an Extended Service Term', () => {
  it('R7 (the issue): bought 2025-06-10, auto-renew off, no choice → EST at 2026-06-10T00:00:00Z, version 2026-05-04', () => {
    expect(endOfTermOutcome(license)).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: ms('2026-06-10T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R5 (the issue): the same with asOf 2025-01-01 → expire, as before, version 2024-07-01', () => {
    expect(endOfTermOutcome(license, { policy: definePolicy({ asOf: '2025-01-01' }) })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: ms('2026-06-10T00:00:00Z'),
      chosen: false,
      policyVersion: '2024-07-01',
    });
  });

  it('R7 R5: asOf 2026-05-03T23:59:59.999Z → expire (2026-02-16); asOf 2026-05-04T00:00:00Z → EST (2026-05-04)', () => {
    expect(endOfTermOutcome(license, { policy: definePolicy({ asOf: '2026-05-03T23:59:59.999Z' }) })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: END,
      chosen: false,
      policyVersion: '2026-02-16',
    });
    expect(endOfTermOutcome(license, { policy: definePolicy({ asOf: '2026-05-04T00:00:00Z' }) })).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: END,
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R7: term started 2025-03-31T23:59:59.999Z (P3Y, ends 2028-03-30) → expire; 2025-04-01T00:00:00Z (ends 2028-03-31) → EST', () => {
    expect(endOfTermOutcome({ ...license, term: 'P3Y', purchasedAt: '2025-03-31T23:59:59.999Z' })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: ms('2028-03-31T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
    expect(endOfTermOutcome({ ...license, term: 'P3Y', purchasedAt: '2025-04-01T00:00:00Z' })).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: ms('2028-04-01T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R7: term end day 2026-05-03 (ends 2026-05-04T00:00Z, rules of 2026-05-04) → expire; 2026-05-04 → EST', () => {
    // Bought 2025-05-04: last day 2026-05-03. Bought 2025-05-05: last day 2026-05-04.
    expect(endOfTermOutcome({ ...license, purchasedAt: '2025-05-04T10:00:00Z' })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: ms('2026-05-04T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
    expect(endOfTermOutcome({ ...license, purchasedAt: '2025-05-05T10:00:00Z' })).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: ms('2026-05-05T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R7: a renewal of unknown completion starting 2025-03-31 → expire; 2025-04-01 → EST (its day’s 00:00Z)', () => {
    const renewed = { ...license, term: 'P3Y', purchasedAt: '2022-04-01T10:00:00Z', termStartedAt: null } as const;
    expect(endOfTermOutcome({ ...renewed, termStartDate: '2025-03-31', termEndDate: '2028-03-30' }).outcome).toBe(
      'expire',
    );
    expect(endOfTermOutcome({ ...renewed, termStartDate: '2025-04-01', termEndDate: '2028-03-31' }).outcome).toBe(
      'extended-service-term',
    );
  });

  it('R5: a trial with auto-renew off expires (no EST for trials), version of its term end', () => {
    expect(endOfTermOutcome(trial)).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: ms('2026-06-09T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R5: nce-software (and the other programs) with auto-renew off expire', () => {
    for (const program of ['nce-software', 'nce-saas', 'softwareone'] as const)
      expect(endOfTermOutcome({ ...license, program })).toEqual({
        outcome: 'expire',
        rule: 'R5',
        at: END,
        chosen: false,
        policyVersion: '2026-05-04',
      });
  });

  it('R5: ignoredChanges extended-service-term keeps the older rule: expire, version 2026-02-16', () => {
    const policy = definePolicy({ ignoredChanges: ['extended-service-term'] });
    expect(endOfTermOutcome(license, { policy })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: END,
      chosen: false,
      policyVersion: '2026-02-16',
    });
  });
});

describe('R7 R6 P8 endOfTermOutcome: each change at the ms before and after it (asOf), on each side of its scope', () => {
  const EST_BEFORE = definePolicy({ asOf: '2026-05-03T23:59:59.999Z' });
  const EST_AFTER = definePolicy({ asOf: '2026-05-04T00:00:00Z' });
  // [case, subscription, outcome and rule with asOf 2026-05-03T23:59:59.999Z, with asOf 2026-05-04T00:00:00Z]
  it.each([
    ['in scope (bought 2025-06-10)', license, 'expire R5', 'extended-service-term R7'],
    [
      'term started 2025-03-31T23:59:59.999Z (P3Y)',
      { ...license, term: 'P3Y', purchasedAt: '2025-03-31T23:59:59.999Z' },
      'expire R5',
      'expire R5',
    ],
    [
      'term started 2025-04-01T00:00:00Z (P3Y)',
      { ...license, term: 'P3Y', purchasedAt: '2025-04-01T00:00:00Z' },
      'expire R5',
      'extended-service-term R7',
    ],
    ['term end day 2026-05-03', { ...license, purchasedAt: '2025-05-04T10:00:00Z' }, 'expire R5', 'expire R5'],
    [
      'term end day 2026-05-04',
      { ...license, purchasedAt: '2025-05-05T10:00:00Z' },
      'expire R5',
      'extended-service-term R7',
    ],
    ['a trial', trial, 'expire R5', 'expire R5'],
    ['nce-software', { ...license, program: 'nce-software' }, 'expire R5', 'expire R5'],
  ] as const)('R7: %s → %s (2026-02-16) | %s (2026-05-04)', (_, sub, before, after) => {
    const b = endOfTermOutcome(sub, { policy: EST_BEFORE });
    const a = endOfTermOutcome(sub, { policy: EST_AFTER });
    expect([`${b.outcome} ${b.rule}`, b.policyVersion]).toEqual([before, '2026-02-16']);
    expect([`${a.outcome} ${a.rule}`, a.policyVersion]).toEqual([after, '2026-05-04']);
  });

  const CHOICE_BEFORE = definePolicy({ asOf: '2026-02-15T23:59:59.999Z' });
  const CHOICE_AFTER = definePolicy({ asOf: '2026-02-16T00:00:00Z' });
  it.each([
    ['nce-license, cancel', { ...license, endOfTermAction: 'cancel' }, 'expire R5', 'cancel-at-term-end P8'],
    [
      'nce-license, EST',
      { ...license, endOfTermAction: 'extended-service-term' },
      'expire R5',
      'extended-service-term R6',
    ],
    ['nce-license, renew', { ...license, autoRenew: true, endOfTermAction: 'renew' }, 'renew R2', 'renew R2'],
    [
      'nce-software, cancel',
      { ...license, program: 'nce-software', endOfTermAction: 'cancel' },
      'expire R5',
      'expire R5',
    ],
    ['a trial, cancel', { ...trial, endOfTermAction: 'cancel' }, 'expire R5', 'expire R5'],
  ] as const)('R6 P8: %s → %s (2025-04-01) | %s (2026-02-16)', (_, sub, before, after) => {
    const b = endOfTermOutcome(sub, { policy: CHOICE_BEFORE });
    const a = endOfTermOutcome(sub, { policy: CHOICE_AFTER });
    expect([`${b.outcome} ${b.rule}`, b.chosen, b.policyVersion]).toEqual([before, false, '2025-04-01']);
    const chosen = sub.program === 'nce-license' && !(sub.trial ?? false);
    expect([`${a.outcome} ${a.rule}`, a.chosen, a.policyVersion]).toEqual([after, chosen, '2026-02-16']);
  });
});

describe('R2 TR2 P7 endOfTermOutcome: renewal, conversion, nothing', () => {
  it('R2: auto-renew on renews (not chosen); a renew choice counted from 2026-02-16 is chosen', () => {
    expect(endOfTermOutcome({ ...license, autoRenew: true })).toEqual({
      outcome: 'renew',
      rule: 'R2',
      at: END,
      chosen: false,
      policyVersion: '2026-05-04',
    });
    expect(endOfTermOutcome({ ...license, autoRenew: true, endOfTermAction: 'renew' })).toEqual({
      outcome: 'renew',
      rule: 'R2',
      at: END,
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });

  it('R2: a renew choice whose term ends 2026-02-15T00:00Z (before the choice exists) is not counted as chosen', () => {
    // Bought 2025-02-15: last day 2026-02-14.
    expect(
      endOfTermOutcome({ ...license, purchasedAt: '2025-02-15T10:00:00Z', autoRenew: true, endOfTermAction: 'renew' }),
    ).toEqual({
      outcome: 'renew',
      rule: 'R2',
      at: ms('2026-02-15T00:00:00Z'),
      chosen: false,
      policyVersion: '2025-04-01',
    });
  });

  it('TR2: a trial with auto-renew on converts', () => {
    expect(endOfTermOutcome({ ...trial, autoRenew: true })).toEqual({
      outcome: 'convert',
      rule: 'TR2',
      at: ms('2026-06-09T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it.each(['suspended', 'expired', 'disabled', 'pending', 'cancelled', 'deleted'] as const)(
    'P7: %s → none',
    (status) => {
      expect(endOfTermOutcome({ ...license, status })).toEqual({
        outcome: 'none',
        rule: 'P7',
        at: END,
        chosen: false,
        policyVersion: '2026-05-04',
      });
    },
  );
});

describe('P8 R6 endOfTermOutcome: the partner’s choice, where the rules at the term end offer it', () => {
  it('P8: cancel chosen, term ending 2026-02-16T00:00Z (last day 2026-02-15) → cancel-at-term-end, version 2026-02-16', () => {
    expect(endOfTermOutcome({ ...license, purchasedAt: '2025-02-16T10:00:00Z', endOfTermAction: 'cancel' })).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: ms('2026-02-16T00:00:00Z'),
      chosen: true,
      policyVersion: '2026-02-16',
    });
  });

  it('P8 R5: cancel chosen, term ending 2026-02-15T00:00Z (last day 2026-02-14) → the choice is not offered then: expire', () => {
    expect(endOfTermOutcome({ ...license, purchasedAt: '2025-02-15T10:00:00Z', endOfTermAction: 'cancel' })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: ms('2026-02-15T00:00:00Z'),
      chosen: false,
      policyVersion: '2025-04-01',
    });
  });

  it('P8: asOf 2026-02-15T23:59:59.999Z → expire (2025-04-01); asOf 2026-02-16T00:00:00Z → cancel-at-term-end (2026-02-16)', () => {
    const sub = { ...license, endOfTermAction: 'cancel' } as const;
    expect(endOfTermOutcome(sub, { policy: definePolicy({ asOf: '2026-02-15T23:59:59.999Z' }) })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: END,
      chosen: false,
      policyVersion: '2025-04-01',
    });
    expect(endOfTermOutcome(sub, { policy: definePolicy({ asOf: '2026-02-16T00:00:00Z' }) })).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: END,
      chosen: true,
      policyVersion: '2026-02-16',
    });
  });

  it('P8: a cancel choice wins over the EST default (auto-renew off) from 2026-05-04 on', () => {
    expect(endOfTermOutcome({ ...license, endOfTermAction: 'cancel' })).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: END,
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });

  it('R6: an EST chosen → extended-service-term, rule R6, chosen', () => {
    expect(endOfTermOutcome({ ...license, endOfTermAction: 'extended-service-term' })).toEqual({
      outcome: 'extended-service-term',
      rule: 'R6',
      at: END,
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });

  it('R6: trials and nce-software keep auto-renew alone: a cancel choice there is not counted', () => {
    expect(endOfTermOutcome({ ...trial, endOfTermAction: 'cancel' }).outcome).toBe('expire');
    expect(endOfTermOutcome({ ...license, program: 'nce-software', endOfTermAction: 'cancel' })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      at: END,
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });

  it('R6: ignoredChanges end-of-term-choice: the cancel choice is not counted; the EST default applies', () => {
    const policy = definePolicy({ ignoredChanges: ['end-of-term-choice'] });
    expect(endOfTermOutcome({ ...license, endOfTermAction: 'cancel' }, { policy })).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: END,
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });
});

describe('R7 R6 P8 endOfTermOutcome of a subscription in an Extended Service Term', () => {
  it('R7: no choice → another EST month at 2026-07-10T00:00Z', () => {
    expect(endOfTermOutcome(estMonth)).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      at: ms('2026-07-10T00:00:00Z'),
      chosen: false,
      policyVersion: '2026-05-04',
    });
  });
  it('R6: set to renew → back to a standard term (renew, R6, chosen)', () => {
    expect(endOfTermOutcome({ ...estMonth, autoRenew: true, endOfTermAction: 'renew' })).toEqual({
      outcome: 'renew',
      rule: 'R6',
      at: ms('2026-07-10T00:00:00Z'),
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });
  it('P8: set to cancel → the service stops at the end of the EST month', () => {
    expect(endOfTermOutcome({ ...estMonth, endOfTermAction: 'cancel' })).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      at: ms('2026-07-10T00:00:00Z'),
      chosen: true,
      policyVersion: '2026-05-04',
    });
  });
  it('R6: an EST with auto-renew on (no choice recorded) renews into a standard term', () => {
    expect(endOfTermOutcome({ ...estMonth, autoRenew: true }).outcome).toBe('renew');
  });
});

describe('R6 canSetEndOfTermAction: from 2026-02-16, until the term ends', () => {
  it('R6: 2026-02-15T23:59:59.999Z → CHOICE_NOT_OFFERED, opens 2026-02-16T00:00Z, version 2025-04-01', () => {
    expect(canSetEndOfTermAction(license, { action: 'cancel', now: '2026-02-15T23:59:59.999Z' })).toEqual({
      allowed: false,
      rule: 'R6',
      policyVersion: '2025-04-01',
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: ms('2026-02-16T00:00:00Z'),
      assumptions: [],
      warnings: [],
    });
  });

  it('R6: 2026-02-16T00:00:00Z → CHOICE_OPEN until the term end 2026-06-10T00:00Z, version 2026-02-16', () => {
    expect(canSetEndOfTermAction(license, { action: 'renew', now: '2026-02-16T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'R6',
      policyVersion: '2026-02-16',
      reason: 'CHOICE_OPEN',
      until: END,
      assumptions: [],
      warnings: [],
    });
  });

  it.each([
    ['renew', []],
    ['extended-service-term', ['EST_PRICE_UPLIFT']],
    ['cancel', ['SERVICE_STOPS_AT_TERM_END']],
  ] as const)('R6: %s warns %j', (action, warnings) => {
    expect(canSetEndOfTermAction(license, { action, now: '2026-06-01T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'R6',
      policyVersion: '2026-05-04',
      reason: 'CHOICE_OPEN',
      until: END,
      assumptions: [],
      warnings,
    });
  });

  it('R6: last allowed instant 2026-06-09T23:59:59.999Z; at 2026-06-10T00:00Z the term has ended (R5, auto-renew off)', () => {
    expect(canSetEndOfTermAction(license, { action: 'cancel', now: '2026-06-09T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      until: END,
    });
    expect(canSetEndOfTermAction(license, { action: 'cancel', now: '2026-06-10T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'R5',
      policyVersion: '2026-05-04',
      reason: 'TERM_ENDED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('R6 R4 R2: auto-renew on: read-only on the renewal day (opens 2026-06-11T00:00Z), then TERM_ENDED (R2)', () => {
    const on = { ...license, autoRenew: true };
    expect(canSetEndOfTermAction(on, { action: 'cancel', now: '2026-06-10T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'R4',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: ms('2026-06-11T00:00:00Z'),
    });
    expect(canSetEndOfTermAction(on, { action: 'cancel', now: '2026-06-11T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'R2',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
  });

  it('R6: a term ending 2026-02-16T00:00Z (last day 2026-02-15) never sees the choice: opensAt null', () => {
    const sub = { ...license, purchasedAt: '2025-02-16T10:00:00Z' };
    expect(canSetEndOfTermAction(sub, { action: 'cancel', now: '2026-02-10T00:00:00Z' })).toMatchObject({
      allowed: false,
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: null,
    });
    // One day more (last day 2026-02-16): it opens 2026-02-16T00:00Z, for one day.
    const longer = { ...license, purchasedAt: '2025-02-17T10:00:00Z' };
    expect(canSetEndOfTermAction(longer, { action: 'cancel', now: '2026-02-10T00:00:00Z' })).toMatchObject({
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: ms('2026-02-16T00:00:00Z'),
    });
    expect(canSetEndOfTermAction(longer, { action: 'cancel', now: '2026-02-16T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      until: ms('2026-02-17T00:00:00Z'),
    });
  });

  it('R6: asOf before 2026-02-16 → CHOICE_NOT_OFFERED with no opening (the policy pins the rules); ignored likewise', () => {
    const pinned = definePolicy({ asOf: '2026-02-15T23:59:59.999Z' });
    expect(canSetEndOfTermAction(license, { action: 'cancel', now: '2026-06-01T00:00:00Z', policy: pinned })).toEqual({
      allowed: false,
      rule: 'R6',
      policyVersion: '2025-04-01',
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
    const ignoring = definePolicy({ ignoredChanges: ['end-of-term-choice'] });
    expect(
      canSetEndOfTermAction(license, { action: 'cancel', now: '2026-01-01T00:00:00Z', policy: ignoring }),
    ).toMatchObject({
      reason: 'CHOICE_NOT_OFFERED',
      opensAt: null,
    });
    const pinnedAfter = definePolicy({ asOf: '2026-02-16T00:00:00Z' });
    expect(
      canSetEndOfTermAction(license, { action: 'cancel', now: '2025-07-01T00:00:00Z', policy: pinnedAfter }),
    ).toMatchObject({ allowed: true, policyVersion: '2026-02-16', until: END });
  });

  it('R6: a trial and nce-software are NOT_ELIGIBLE (auto-renew alone decides), never opening', () => {
    expect(canSetEndOfTermAction(trial, { action: 'cancel', now: '2026-05-20T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'R6',
      policyVersion: '2026-05-04',
      reason: 'NOT_ELIGIBLE',
      opensAt: null,
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
    });
    expect(
      canSetEndOfTermAction({ ...license, program: 'nce-software' }, { action: 'renew', now: '2026-03-01T00:00:00Z' }),
    ).toEqual({
      allowed: false,
      rule: 'R6',
      policyVersion: '2026-02-16',
      reason: 'NOT_ELIGIBLE',
      opensAt: null,
      // RETURNABLE_ASSUMED bears on cancellations only (C7, C16).
      assumptions: [],
      warnings: [],
    });
  });

  it('R6: nce-software asked 2026-02-10: no opening promised (it is never eligible)', () => {
    const software = { ...license, program: 'nce-software' } as const;
    const before = canSetEndOfTermAction(software, { action: 'cancel', now: '2026-02-10T00:00:00Z' });
    const atOpening = canSetEndOfTermAction(software, { action: 'cancel', now: '2026-02-16T00:00:00Z' });
    expect(atOpening).toMatchObject({ allowed: false, reason: 'NOT_ELIGIBLE' });
    expect(before).toMatchObject({ allowed: false, opensAt: null });
  });

  it.each([
    ['cancelled', 'C3', 'TERMINATED'],
    ['deleted', 'P7', 'TERMINATED'],
    ['suspended', 'R6', 'NOT_ACTIVE'],
    ['expired', 'R6', 'NOT_ACTIVE'],
    ['disabled', 'R6', 'NOT_ACTIVE'],
    ['pending', 'R6', 'NOT_ACTIVE'],
  ] as const)('R6: %s → %s %s (state gates first)', (status, rule, reason) => {
    expect(canSetEndOfTermAction({ ...license, status }, { action: 'cancel', now: '2026-03-01T00:00:00Z' })).toEqual({
      allowed: false,
      rule,
      policyVersion: '2026-02-16',
      reason,
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('R6: an EST month can still be set to renew or cancel, until its end 2026-07-10T00:00Z', () => {
    expect(canSetEndOfTermAction(estMonth, { action: 'cancel', now: '2026-07-09T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'R6',
      until: ms('2026-07-10T00:00:00Z'),
    });
  });

  it('R6: a bad action → INVALID_ENUM at action; no now → INVALID_INSTANT at now', () => {
    expect(
      errorOf(() => canSetEndOfTermAction(license, { action: 'stop' as never, now: '2026-03-01T00:00:00Z' })),
    ).toEqual({
      code: 'INVALID_ENUM',
      field: 'action',
      message: 'action: expected one of renew, extended-service-term, cancel, got "stop"',
    });
    expect(errorOf(() => canSetEndOfTermAction(license, { action: 'cancel' } as never))).toMatchObject({
      code: 'INVALID_INSTANT',
      field: 'now',
    });
  });
});

/**
 * The state gates (src/decisions/gates.ts): one ordered table per action, first match wins, that
 * every decision, the machine and `explain` ask. One describe per rule of the table; the rows of
 * an ended term and of a running renewal with boundary examples to the millisecond. Expected
 * rows are written out from the rules (catalogue), never taken from the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateRefusal, stateGate, type GatedAction } from '../../src/decisions/gates.js';
import { toSubscription, type Status, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { termPhase, type TermPhase } from '../../src/snapshot/termWindow.js';
import { nceAnnual as base } from '../support/subscriptions.js';
import { at } from '../support/time.js';

// `base`: P1Y bought 2024-01-15T09:30:00Z, term 2024-01-15 … 2025-01-14. The term ends at
// 2025-01-15T00:00Z; an auto-renewing active one renews that day, at the latest by 2025-01-16T00:00Z.
const LAST_IN_TERM = '2025-01-14T23:59:59.999Z';
const TERM_END = '2025-01-15T00:00:00.000Z';
const LAST_RENEWING = '2025-01-15T23:59:59.999Z';
const RENEWAL_OVER = '2025-01-16T00:00:00.000Z';
const MID = '2024-06-01T00:00:00.000Z';

// A trial of `base` (no end date given): TR1, 30 days from 2024-01-15, its last day 2024-02-13.
// It converts on 2024-02-14 (TR2, R2: 00:00Z after the last day, up to 24 h).
const TRIAL = { trial: true } as const;
const TRIAL_MID = '2024-01-25T00:00:00.000Z';
const TRIAL_LAST = '2024-02-13T23:59:59.999Z';
const TRIAL_END = '2024-02-14T00:00:00.000Z';
const TRIAL_LAST_CONVERTING = '2024-02-14T23:59:59.999Z';
const TRIAL_OVER = '2024-02-15T00:00:00.000Z';

const ACTIONS: readonly GatedAction[] = [
  'cancel',
  'reduceSeats',
  'addSeats',
  'changeBilling',
  'changeTerm',
  'upgrade',
  'convertTrial',
  'suspend',
  'reactivate',
  'setAutoRenew',
  'scheduleChange',
];
const sub = (over: Partial<SubscriptionInput> = {}) => toSubscription({ ...base, ...over });

/** The row for `action` at the instant `now` (phase from the snapshot), as [rule, reason], or null. */
function gate(action: GatedAction, over: Partial<SubscriptionInput>, now: string): [string, string] | null {
  const s = sub(over);
  const row = stateGate(action, s, termPhase(s, at(now)));
  return row === null ? null : [row.rule, row.reason];
}
/** The row for `action` in a given phase (the machine's declared one), as [rule, reason], or null. */
function gateIn(action: GatedAction, over: Partial<SubscriptionInput>, phase: TermPhase): [string, string] | null {
  const row = stateGate(action, sub(over), phase);
  return row === null ? null : [row.rule, row.reason];
}
/** Every action's row at `now`, keyed by action. */
function all(over: Partial<SubscriptionInput>, now: string): Record<string, [string, string] | null> {
  return Object.fromEntries(ACTIONS.map((a) => [a, gate(a, over, now)]));
}
/** The same row for every action. */
function every(row: [string, string] | null): Record<string, [string, string] | null> {
  return Object.fromEntries(ACTIONS.map((a) => [a, row]));
}

describe('C3 a cancelled subscription is terminal: every action TERMINATED, whatever the phase', () => {
  it.each([MID, TERM_END, RENEWAL_OVER])('C3: cancelled at %s', (now) => {
    expect(all({ status: 'cancelled' }, now)).toEqual(every(['C3', 'TERMINATED']));
  });
  it('C3: a cancelled trial too (the terminal row comes first)', () => {
    expect(all({ status: 'cancelled', trial: true }, MID)).toEqual(every(['C3', 'TERMINATED']));
  });
  it('C3: cancelled in any phase, any trial or auto-renew flag (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom<TermPhase>('in-term', 'renewing', 'ended'),
        fc.boolean(),
        fc.boolean(),
        (action, phase, trial, autoRenew) => {
          expect(gateIn(action, { status: 'cancelled', trial, autoRenew }, phase)).toEqual(['C3', 'TERMINATED']);
        },
      ),
    );
  });
});

describe('P7 deleted is unrecoverable; cancel and auto-renew of an expired, disabled or pending one', () => {
  it.each([MID, TERM_END, RENEWAL_OVER])('P7: deleted at %s: every action TERMINATED', (now) => {
    expect(all({ status: 'deleted' }, now)).toEqual(every(['P7', 'TERMINATED']));
  });
  it('P7: deleted in any phase, any trial or auto-renew flag (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom<TermPhase>('in-term', 'renewing', 'ended'),
        fc.boolean(),
        fc.boolean(),
        (action, phase, trial, autoRenew) => {
          expect(gateIn(action, { status: 'deleted', trial, autoRenew }, phase)).toEqual(['P7', 'TERMINATED']);
        },
      ),
    );
  });
  it.each(['expired', 'disabled', 'pending'] as const)('P7: %s: cancel and auto-renew are NOT_ACTIVE', (status) => {
    expect(gate('cancel', { status }, MID)).toEqual(['P7', 'NOT_ACTIVE']);
    expect(gate('setAutoRenew', { status }, MID)).toEqual(['P7', 'NOT_ACTIVE']);
  });
  it('P7: an expired one after its term end is not "ended" (only active and suspended terms end): its status rows answer', () => {
    expect(gate('cancel', { status: 'expired' }, RENEWAL_OVER)).toEqual(['P7', 'NOT_ACTIVE']);
    expect(gate('suspend', { status: 'expired' }, RENEWAL_OVER)).toEqual(['P1', 'NOT_ACTIVE']);
  });
});

describe('TR2 a trial past its end: TERM_ENDED for every action', () => {
  // TR1 (MCS "Manage trials"): "Trials last for 30 days": without an end date, the last day is the 30th.
  it('TR2: auto-renew off: the last instant of day 30 (2024-02-13) is in it, 00:00Z after it the trial is over', () => {
    expect(gate('convertTrial', { ...TRIAL, autoRenew: false }, TRIAL_LAST)).toBeNull();
    expect(all({ ...TRIAL, autoRenew: false }, TRIAL_END)).toEqual(every(['TR2', 'TERM_ENDED']));
  });
  it('TR2: auto-renewing: converting for 24 h (R4), over from 2024-02-15T00:00Z', () => {
    expect(gate('convertTrial', TRIAL, TRIAL_LAST)).toBeNull();
    expect(gate('convertTrial', TRIAL, TRIAL_END)).toEqual(['R4', 'RENEWAL_READ_ONLY']);
    expect(gate('convertTrial', TRIAL, TRIAL_LAST_CONVERTING)).toEqual(['R4', 'RENEWAL_READ_ONLY']);
    expect(all(TRIAL, TRIAL_OVER)).toEqual(every(['TR2', 'TERM_ENDED']));
  });
  it('TR1 TR2: a trial with its end date given ends then (here the calendar year of base)', () => {
    expect(gate('convertTrial', { ...TRIAL, termEndDate: '2025-01-14' }, MID)).toBeNull();
    expect(all({ ...TRIAL, termEndDate: '2025-01-14' }, RENEWAL_OVER)).toEqual(every(['TR2', 'TERM_ENDED']));
  });
});

describe('P4 suspended when its term ended: TERM_ENDED for every action', () => {
  it('P4: the last instant of the term can still reactivate; 00:00Z after the term end date nothing can', () => {
    expect(gate('reactivate', { status: 'suspended' }, LAST_IN_TERM)).toBeNull();
    expect(all({ status: 'suspended' }, TERM_END)).toEqual(every(['P4', 'TERM_ENDED']));
    // A suspended subscription does not renew: no 24 h of renewal, auto-renew on or off.
    expect(all({ status: 'suspended', autoRenew: false }, TERM_END)).toEqual(every(['P4', 'TERM_ENDED']));
  });
});

describe('R2 active, auto-renewing, the renewal’s 24 h over: the snapshot is out of date', () => {
  it('R2: renewing until 2025-01-15T23:59:59.999Z, TERM_ENDED for every action from 2025-01-16T00:00Z', () => {
    expect(gate('suspend', {}, LAST_RENEWING)).toEqual(['R4', 'RENEWAL_READ_ONLY']);
    expect(gate('cancel', {}, LAST_RENEWING)).toBeNull();
    expect(all({}, RENEWAL_OVER)).toEqual(every(['R2', 'TERM_ENDED']));
  });
});

describe('R5 active with auto-renew off, past its term end: it expired', () => {
  it('R5: nothing stops an action at the last instant of the term; TERM_ENDED for every action at 00:00Z after it', () => {
    expect(all({ autoRenew: false }, LAST_IN_TERM)).toEqual(
      Object.fromEntries(
        ACTIONS.map((a) => [
          a,
          a === 'convertTrial' ? ['TR3', 'NOT_A_TRIAL'] : a === 'reactivate' ? ['P3', 'NOT_SUSPENDED'] : null,
        ]),
      ),
    );
    expect(all({ autoRenew: false }, TERM_END)).toEqual(every(['R5', 'TERM_ENDED']));
  });
});

describe('C9 a trial can’t be cancelled', () => {
  it('C9: cancel of a trial is TRIAL_STATUS_LOCKED, also while it converts', () => {
    expect(gate('cancel', TRIAL, TRIAL_MID)).toEqual(['C9', 'TRIAL_STATUS_LOCKED']);
    expect(gate('cancel', TRIAL, TRIAL_END)).toEqual(['C9', 'TRIAL_STATUS_LOCKED']);
  });
  it('C9: cancel of an active or suspended paid subscription passes the gates', () => {
    expect(gate('cancel', {}, MID)).toBeNull();
    expect(gate('cancel', { status: 'suspended' }, MID)).toBeNull();
  });
});

describe('Q7 a trial’s quantity is locked', () => {
  it('Q7: adding and reducing seats of a trial are TRIAL_QUANTITY_LOCKED', () => {
    expect(gate('addSeats', TRIAL, TRIAL_MID)).toEqual(['Q7', 'TRIAL_QUANTITY_LOCKED']);
    expect(gate('reduceSeats', TRIAL, TRIAL_MID)).toEqual(['Q7', 'TRIAL_QUANTITY_LOCKED']);
  });
});

describe('Q10 seats change only while active', () => {
  it.each(['suspended', 'expired', 'disabled', 'pending'] as const)('Q10: %s: seats NOT_ACTIVE', (status) => {
    expect(gate('addSeats', { status }, MID)).toEqual(['Q10', 'NOT_ACTIVE']);
    expect(gate('reduceSeats', { status }, MID)).toEqual(['Q10', 'NOT_ACTIVE']);
  });
  it('Q10: seats of an active subscription pass the gates, during a renewal too (R4: 409 possible, not read-only)', () => {
    for (const now of [MID, TERM_END, LAST_RENEWING]) {
      expect(gate('addSeats', {}, now)).toBeNull();
      expect(gate('reduceSeats', {}, now)).toBeNull();
    }
  });
});

describe('TR8 a trial’s plan and status are locked', () => {
  it('TR8: term and billing of a trial are TRIAL_PLAN_LOCKED; suspend and reactivate TRIAL_STATUS_LOCKED', () => {
    expect(gate('changeBilling', TRIAL, TRIAL_MID)).toEqual(['TR8', 'TRIAL_PLAN_LOCKED']);
    expect(gate('changeTerm', TRIAL, TRIAL_MID)).toEqual(['TR8', 'TRIAL_PLAN_LOCKED']);
    expect(gate('suspend', TRIAL, TRIAL_MID)).toEqual(['TR8', 'TRIAL_STATUS_LOCKED']);
    expect(gate('reactivate', TRIAL, TRIAL_MID)).toEqual(['TR8', 'TRIAL_STATUS_LOCKED']);
  });
  it('TR8: the trial row comes before the renewal’s read-only row', () => {
    expect(gate('changeBilling', TRIAL, TRIAL_END)).toEqual(['TR8', 'TRIAL_PLAN_LOCKED']);
    expect(gate('suspend', TRIAL, TRIAL_END)).toEqual(['TR8', 'TRIAL_STATUS_LOCKED']);
  });
  it('TR8: a trial may turn auto-renew off (C9’s way out) and schedule changes', () => {
    expect(gate('setAutoRenew', TRIAL, TRIAL_MID)).toBeNull();
    expect(gate('scheduleChange', TRIAL, TRIAL_MID)).toBeNull();
  });
});

describe('B2 a billing frequency changes only while active', () => {
  it.each(['suspended', 'expired', 'disabled', 'pending'] as const)('B2: %s: changeBilling NOT_ACTIVE', (status) => {
    expect(gate('changeBilling', { status }, MID)).toEqual(['B2', 'NOT_ACTIVE']);
  });
});

describe('B3 a term changes only while active', () => {
  // Was planChangeBlocked(sub, 'B3') (removed): the changeTerm table answers it.
  it.each([
    [{}, null],
    [{ status: 'cancelled' }, ['C3', 'TERMINATED']],
    [{ trial: true }, ['TR8', 'TRIAL_PLAN_LOCKED']],
    [{ status: 'pending' }, ['B3', 'NOT_ACTIVE']],
    [{ status: 'suspended' }, ['B3', 'NOT_ACTIVE']],
  ] as const)('B3: %j → %j', (over, expected) => {
    // Inside the trial's 30 days (TR1) and the paid term alike.
    expect(gate('changeTerm', over, TRIAL_MID)).toEqual(expected);
  });
});

describe('U1 only an active, paid subscription starts an upgrade', () => {
  it('U1: a trial is converted, not upgraded; a subscription that is not active is NOT_ACTIVE', () => {
    expect(gate('upgrade', TRIAL, TRIAL_MID)).toEqual(['U1', 'TRIAL_USE_CONVERSION']);
    for (const status of ['suspended', 'expired', 'disabled', 'pending'] as const)
      expect(gate('upgrade', { status }, MID)).toEqual(['U1', 'NOT_ACTIVE']);
    expect(gate('upgrade', {}, MID)).toBeNull();
  });
});

describe('TR3 only an active trial converts', () => {
  it('TR3: not a trial → NOT_A_TRIAL (before the status); a trial not active → NOT_ACTIVE', () => {
    expect(gate('convertTrial', {}, MID)).toEqual(['TR3', 'NOT_A_TRIAL']);
    expect(gate('convertTrial', { status: 'suspended' }, MID)).toEqual(['TR3', 'NOT_A_TRIAL']);
    expect(gate('convertTrial', { ...TRIAL, status: 'expired' }, TRIAL_MID)).toEqual(['TR3', 'NOT_ACTIVE']);
    expect(gate('convertTrial', TRIAL, TRIAL_MID)).toBeNull();
  });
});

describe('P1 only an active subscription is suspended', () => {
  it.each(['suspended', 'expired', 'disabled', 'pending'] as const)('P1: %s: suspend NOT_ACTIVE', (status) => {
    expect(gate('suspend', { status }, MID)).toEqual(['P1', 'NOT_ACTIVE']);
  });
  it('P1: the status row comes before the renewal’s (a suspended one in a declared renewal)', () => {
    expect(gateIn('suspend', { status: 'suspended' }, 'renewing')).toEqual(['P1', 'NOT_ACTIVE']);
  });
});

describe('P3 only a suspended subscription is reactivated', () => {
  it.each(['active', 'expired', 'disabled', 'pending'] as const)('P3: %s: reactivate NOT_SUSPENDED', (status) => {
    expect(gate('reactivate', { status }, MID)).toEqual(['P3', 'NOT_SUSPENDED']);
  });
  it('P3: a suspended subscription passes the gates until its term ends', () => {
    expect(gate('reactivate', { status: 'suspended' }, MID)).toBeNull();
  });
});

describe('P2 auto-renew can’t change while suspended', () => {
  it('P2: suspended → NOT_ACTIVE under P2; expired, disabled, pending under P7', () => {
    expect(gate('setAutoRenew', { status: 'suspended' }, MID)).toEqual(['P2', 'NOT_ACTIVE']);
    expect(gate('setAutoRenew', { status: 'disabled' }, MID)).toEqual(['P7', 'NOT_ACTIVE']);
    expect(gate('setAutoRenew', {}, MID)).toBeNull();
  });
});

describe('S2 changes are scheduled only on an active subscription', () => {
  it.each(['suspended', 'expired', 'disabled', 'pending'] as const)('S2: %s: scheduleChange NOT_ACTIVE', (status) => {
    expect(gate('scheduleChange', { status }, MID)).toEqual(['S2', 'NOT_ACTIVE']);
  });
});

describe('R4 read-only while a renewal is queued or running', () => {
  const READ_ONLY: readonly GatedAction[] = [
    'changeBilling',
    'changeTerm',
    'upgrade',
    'suspend',
    'setAutoRenew',
    'scheduleChange',
  ];
  it('R4: from 00:00Z after the term end date to the millisecond, for 24 h; then R2', () => {
    for (const action of READ_ONLY) {
      expect(gate(action, {}, LAST_IN_TERM), action).toBeNull();
      expect(gate(action, {}, TERM_END), action).toEqual(['R4', 'RENEWAL_READ_ONLY']);
      expect(gate(action, {}, LAST_RENEWING), action).toEqual(['R4', 'RENEWAL_READ_ONLY']);
      expect(gate(action, {}, RENEWAL_OVER), action).toEqual(['R2', 'TERM_ENDED']);
    }
    expect(gate('convertTrial', TRIAL, TRIAL_END)).toEqual(['R4', 'RENEWAL_READ_ONLY']);
  });
  it('R4: cancel and seat changes may be attempted during a renewal (409 possible): not gated', () => {
    for (const action of ['cancel', 'reduceSeats', 'addSeats'] as const) expect(gate(action, {}, TERM_END)).toBeNull();
  });
  it('R4: a declared renewal (the machine’s phase) is read-only whatever the time', () => {
    expect(gateIn('upgrade', {}, 'renewing')).toEqual(['R4', 'RENEWAL_READ_ONLY']);
    expect(gateIn('upgrade', {}, 'in-term')).toBeNull();
  });
  it('R4: the refusal opens at the latest completion (2025-01-16T00:00Z) while that is ahead, else null', () => {
    const s = sub();
    const row = stateGate('suspend', s, 'renewing')!;
    // gateRefusal is the state table's own refusal, before a public decision stamps the version of
    // its now: it names the baseline version, whatever the instant.
    const refusal = (now: string) => gateRefusal(row, s, at(now));
    expect(refusal(TERM_END)).toEqual({
      allowed: false,
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at(RENEWAL_OVER),
      assumptions: [],
      warnings: [],
    });
    expect(refusal(LAST_RENEWING).opensAt).toBe(at(RENEWAL_OVER));
    // A declared renewal running late: its end is unknown.
    expect(refusal(RENEWAL_OVER).opensAt).toBeNull();
  });
  it('R4: every other gate has no known opening', () => {
    const s = sub({ autoRenew: false });
    const row = stateGate('suspend', s, termPhase(s, at(TERM_END)))!;
    expect(gateRefusal(row, s, at(TERM_END))).toEqual({
      allowed: false,
      rule: 'R5',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });
});

describe('R2 R5 P4 TR2: an ended term answers before the action’s own rows (property)', () => {
  it('every active or suspended snapshot past its end gets TERM_ENDED for every action', () => {
    const statuses: readonly Status[] = ['active', 'suspended'];
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...statuses),
        fc.boolean(),
        fc.boolean(),
        (action, status, trial, autoRenew) => {
          const row = gateIn(action, { status, trial, autoRenew }, 'ended');
          // Written out from the rules: suspended → P4; an active trial → TR2; active auto-renewing → R2; else R5.
          const rule = status === 'suspended' ? 'P4' : trial ? 'TR2' : autoRenew ? 'R2' : 'R5';
          expect(row).toEqual([rule, 'TERM_ENDED']);
        },
      ),
    );
  });
});

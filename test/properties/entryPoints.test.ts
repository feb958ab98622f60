/**
 * What each entry point exports by value: the decisions' value lists (the unions' sources), and
 * the same list object wherever several entry points export it, so `ASSUMPTIONS` from
 * `./partner-center` is `ASSUMPTIONS` from `.`. Expected names written out by hand.
 */
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as explainEntry from '../../src/explain/index.js';
import * as lifecycle from '../../src/lifecycle/index.js';
import * as partnerCenter from '../../src/partner-center/index.js';

const SHARED_LISTS = [
  'ASSUMPTIONS',
  'RULE_IDS',
  'PROGRAMS',
  'STATUSES',
  'TERMS',
  'BILLING_FREQUENCIES',
  'RENEWAL_ANCHORS',
] as const;

describe('entry points: the value lists their types come from', () => {
  it('the main entry: ASSUMPTIONS, TRIAL_TARGETS, TRIAL_MODES, UPGRADE_WHENS, RENEWAL_ANCHORS among them', () => {
    expect(main.ASSUMPTIONS).toEqual([
      'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
      'RENEWAL_COMPLETION_ASSUMED_LATEST',
      'SEAT_BATCHES_ASSUMED',
      'TRIAL_END_ASSUMED',
      'RETURNABLE_ASSUMED',
      'AUTO_RENEW_ASSUMED',
      'TERM_END_ASSUMED',
      'OFFERED_TERMS_ASSUMED',
      'UPDATE_COUNT_ASSUMED_UNDER_LIMIT',
      'CHARGE_COMPLETION_ASSUMED',
      'ONE_SEAT_KEPT',
    ]);
    expect(main.TRIAL_TARGETS).toEqual(['equivalent', 'higher-tier', 'existing']);
    expect(main.TRIAL_MODES).toEqual(['midterm', 'scheduled']);
    expect(main.UPGRADE_WHENS).toEqual(['midterm', 'at-renewal']);
    expect(main.RENEWAL_ANCHORS).toEqual(['anniversary', 'clamped']);
    // TR1: the trial facts are data of the main entry.
    expect([main.TRIAL_SEATS, main.TRIAL_DAYS, main.TRIAL_AUTO_RENEW_DEFAULT]).toEqual([25, 30, true]);
    expect([main.TRIAL_DEFAULT_TERM, main.TRIAL_DEFAULT_BILLING]).toEqual(['P1Y', 'monthly']);
  });
  it.each([
    ['./lifecycle', lifecycle],
    ['./explain', explainEntry],
    ['./partner-center', partnerCenter],
  ] as const)('%s re-exports the shared value lists, the same objects as the main entry', (_, entry) => {
    for (const name of SHARED_LISTS) expect((entry as Record<string, unknown>)[name], name).toBe(main[name]);
  });
  it('./lifecycle exports COMMERCES and SCHEDULED_CHANGE_DELETIONS; ./explain exports nextDeadlines and ACTIONS', () => {
    // A1: traditional commerce (add-ons through the base) and new commerce (through the catalog).
    expect(lifecycle.COMMERCES).toEqual(['traditional', 'new-commerce']);
    expect(lifecycle.SCHEDULED_CHANGE_DELETIONS).toEqual(['any-immediate', 'listed']);
    expect(typeof explainEntry.nextDeadlines).toBe('function');
    // R6: the two end-of-term choices come before scheduleChange.
    expect(explainEntry.ACTIONS).toEqual([
      'cancel',
      'reduceSeats',
      'addSeats',
      'changeBillingFrequency',
      'changeTerm',
      'upgrade',
      'convertTrial',
      'suspend',
      'reactivate',
      'turnAutoRenewOn',
      'turnAutoRenewOff',
      'cancelAtTermEnd',
      'moveToExtendedServiceTerm',
      'scheduleChange',
    ]);
  });
});

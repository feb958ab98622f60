/**
 * Reported facts (src/partner-center/reported.ts, explainReported.ts): the JSON's own deadlines
 * are read as reported, decide the answer, and a disagreement with the rules is a warning note.
 */
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { explainPartnerCenter } from '../../src/partner-center/explainReported.js';
import { at } from '../support/time.js';
import { pc } from '../support/partnerCenter.js';

describe('C1 R3 reported facts', () => {
  it('reads cancellationAllowedUntilDate, refundOptions, commitmentEndDateTime, actions and suspensionReasons as reported', () => {
    const { reported } = fromPartnerCenter(
      pc({
        refundOptions: [{ type: 'Full', expiresAt: '2024-01-16T09:30:12Z' }],
        commitmentEndDateTime: '2025-01-14T23:59:59Z',
        actions: ['Cancel', 'Edit'],
        suspensionReasons: ['CustomerCancellation'],
      }),
    );
    expect(reported).toEqual({
      cancellationAllowedUntil: at('2024-01-22T09:30:12Z'),
      cancellationDayGranular: false,
      refundOptions: [{ type: 'full', expiresAt: at('2024-01-16T09:30:12Z') }],
      commitmentEndsAt: at('2025-01-14T23:59:59Z'),
      actions: ['cancel', 'edit'],
      suspensionReasons: ['CustomerCancellation'],
    });
  });
  it('C1 agreeing facts make no warning (purchase + 168 h = 2024-01-22T09:30:12Z; full refund C15: + 24 h)', () => {
    const { notes } = fromPartnerCenter(
      pc({
        refundOptions: [{ type: 'Full', expiresAt: '2024-01-16T09:30:12Z' }],
        commitmentEndDateTime: '2025-01-14T23:59:59Z',
      }),
    );
    expect(notes.map((n) => n.code)).toEqual(['SEAT_BATCH_ADDED_AT_INFERRED']);
  });
  it('C1 C15 disagreeing facts are REPORTED_DIFFERS warnings naming both values', () => {
    const { notes } = fromPartnerCenter(
      pc({
        cancellationAllowedUntilDate: '2024-01-23T09:30:12Z',
        refundOptions: [{ type: 'Full', expiresAt: '2024-01-16T00:00:00Z' }],
        commitmentEndDateTime: '2025-01-15T23:59:59Z',
      }),
    );
    expect(notes.filter((n) => n.kind === 'warning').map((n) => [n.field, n.message])).toEqual([
      [
        'cancellationAllowedUntilDate',
        'reported 2024-01-23T09:30:12.000Z, computed 2024-01-22T09:30:12.000Z: the reported deadline is used',
      ],
      [
        'refundOptions[0].expiresAt',
        'full refund until 2024-01-16T00:00:00.000Z reported, 2024-01-16T09:30:12.000Z computed: the reported one is used',
      ],
      [
        'commitmentEndDateTime',
        'reported 2025-01-15T23:59:59.000Z, the term computed ends at 2025-01-15T00:00:00.000Z',
      ],
    ]);
  });
  it('C1 the reported deadline decides: one hour after the computed close the cancel is still possible until the reported one', () => {
    const read = fromPartnerCenter(pc({ cancellationAllowedUntilDate: '2024-01-23T09:30:12Z' }));
    const e = explainPartnerCenter(read, { now: '2024-01-22T10:30:12Z' });
    expect(e.actions[0]).toMatchObject({
      action: 'cancel',
      outcome: 'now',
      until: at('2024-01-23T09:30:12Z'),
      source: 'reported',
      reportedField: 'cancellationAllowedUntilDate',
      computed: { outcome: 'at-renewal', until: at('2025-01-15T00:00:00Z') },
    });
    expect(e.deadlines.find((d) => d.action === 'cancel')?.at).toBe(at('2024-01-23T09:30:12Z'));
  });
  it('C1 R3 a renewal at 00:00Z with a reported deadline: completion inferred (deadline − 168 h), cancel and seats agree, nothing assumed', () => {
    const json = pc({
      effectiveStartDate: '2025-01-15T00:00:00Z',
      commitmentEndDate: '2026-01-14T00:00:00Z',
      cancellationAllowedUntilDate: '2025-01-22T03:12:44Z',
      refundableQuantity: {
        totalQuantity: 15,
        details: [{ quantity: 15, allowedUntilDateTime: '2025-01-22T03:12:44Z' }],
      },
    });
    const read = fromPartnerCenter(json);
    expect(read.subscription.termStartedAt).toBe(at('2025-01-15T03:12:44Z'));
    const e = explainPartnerCenter(read, { now: '2025-01-21T00:00:00Z' });
    expect(e.actions[0]).toMatchObject({
      outcome: 'now',
      until: at('2025-01-22T03:12:44Z'),
      source: 'reported',
      assumptions: [],
    });
    expect(e.actions.flatMap((a) => a.assumptions).filter((x) => x.startsWith('RENEWAL_COMPLETION'))).toEqual([]);
  });
  it('R3 a reported deadline outside the renewal day is not used to infer the completion (never beyond the bound)', () => {
    const json = pc({
      effectiveStartDate: '2025-01-15T00:00:00Z',
      commitmentEndDate: '2026-01-14T00:00:00Z',
      cancellationAllowedUntilDate: '2025-01-23T00:00:00Z', // − 168 h = 2025-01-16T00:00Z: the day after
      refundableQuantity: null,
    });
    const read = fromPartnerCenter(json);
    expect(read.subscription.termStartedAt).toBeNull();
    expect(read.notes.map((n) => n.code)).toContain('RENEWAL_COMPLETION_UNKNOWN');
  });
  it('R3 a renewal batch whose window starts within the renewal day gives the completion when no cancellation date is reported', () => {
    const json = pc({
      effectiveStartDate: '2025-01-15T00:00:00Z',
      commitmentEndDate: '2026-01-14T00:00:00Z',
      cancellationAllowedUntilDate: undefined,
      refundableQuantity: {
        totalQuantity: 15,
        details: [{ quantity: 15, allowedUntilDateTime: '2025-01-22T05:00:00Z' }],
      },
    });
    const read = fromPartnerCenter(json);
    expect(read.subscription.termStartedAt).toBe(at('2025-01-15T05:00:00Z'));
    expect(read.notes.find((n) => n.code === 'RENEWAL_COMPLETION_INFERRED')?.field).toBe(
      'refundableQuantity.details[0].allowedUntilDateTime',
    );
  });
});

describe('read what Microsoft sends', () => {
  it('C14 marketplace SaaS activated days after the order: the first term starts at the activation, not a renewal', () => {
    const json = pc({
      productType: { id: 'SaaS' },
      creationDate: '2024-01-15T09:30:12Z',
      effectiveStartDate: '2024-01-20T08:00:00Z',
      commitmentEndDate: '2025-01-19T00:00:00Z',
      cancellationAllowedUntilDate: undefined,
      refundableQuantity: null,
    });
    const { subscription, notes } = fromPartnerCenter(json);
    expect(subscription.termStartedAt).toBe(at('2024-01-20T08:00:00Z'));
    expect(notes.map((n) => n.code)).toContain('SAAS_ACTIVATION');
    expect(notes.map((n) => n.code)).not.toContain('RENEWAL_COMPLETION_UNKNOWN');
  });
  it('placeholder creationDate 0001-01-01 is unknown (never year 1): the purchase is taken as effectiveStartDate, noted', () => {
    const { subscription, notes } = fromPartnerCenter(pc({ creationDate: '0001-01-01T00:00:00Z' }));
    expect(subscription.purchasedAt).toBe(at('2024-01-15T09:30:11Z'));
    expect(notes.slice(0, 2).map((n) => [n.code, n.field])).toEqual([
      ['PLACEHOLDER_DATE', 'creationDate'],
      ['PLACEHOLDER_DATE', 'creationDate'],
    ]);
  });
  it('PascalCase keys (an older SDK) are matched case-insensitively, with a note', () => {
    const pascal = Object.fromEntries(Object.entries(pc()).map(([k, v]) => [k[0]?.toUpperCase() + k.slice(1), v]));
    const { subscription, notes } = fromPartnerCenter(pascal);
    expect(subscription.termEndDay).toBe(fromPartnerCenter(pc()).subscription.termEndDay);
    expect(notes.map((n) => n.code)).toContain('PASCAL_CASE_KEYS');
  });
  it('options are own properties only: a polluted Object.prototype (policy, isReturnable, program …) changes nothing', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const keys = ['policy', 'isReturnable', 'program', 'extendedServiceTerm'];
    const before = fromPartnerCenter(pc({ productType: { id: 'Software' } }), {});
    try {
      proto['policy'] = { programs: 'x' };
      proto['isReturnable'] = false;
      proto['program'] = 'bss-software';
      proto['extendedServiceTerm'] = true;
      const after = fromPartnerCenter(pc({ productType: { id: 'Software' } }), {});
      expect(after).toEqual(before);
      expect(after.subscription).toMatchObject({
        program: 'nce-software',
        isReturnable: true,
        extendedServiceTerm: false,
      });
    } finally {
      for (const k of keys) delete proto[k];
    }
  });
});

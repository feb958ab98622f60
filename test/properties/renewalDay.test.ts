/**
 * The renewal day. R2 (MCS "Subscription renewals"): the renewal "starts at 00:00 UTC" of the day
 * after the term end date and can take up to 24 h. R4 (MCS "Applying changes"): during it,
 * "license count … and cancel may be attempted" (409 Conflict possible). R3: after the renewal,
 * cancellation and seat reduction are open for 7 d from its completion — unknown while it runs,
 * so the policy's bound (default: the earliest, 00:00Z), said as an assumption.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { reducibleSeats } from '../../src/decisions/seats.js';
import { definePolicy } from '../../src/policy/policy.js';
import { toSubscription } from '../../src/snapshot/subscription.js';
import { subscriptionArb } from '../support/generated.js';
import { DAY } from '../support/time.js';

/**
 * Active, auto-renewing new-commerce license subscriptions, not trials; any term start, batches or
 * not, the caller's assumptions or not. (Not one Microsoft marked non-returnable: that refusal,
 * C7/C16's flag, stands whatever the day.)
 */
const renewingArb = subscriptionArb({
  programs: ['nce-license'],
  statuses: ['active'],
  trial: fc.constant(false),
  autoRenew: fc.constant(true),
  returnable: fc.constantFrom(undefined, true),
});

describe('R3 R4 during the renewal, cancellation and seat reduction are allowed, with RENEWAL_IN_PROGRESS', () => {
  it('R3 R4 property: from 00:00Z after the end date (in) to 24 h later (out), to the millisecond', () => {
    fc.assert(
      fc.property(renewingArb, fc.integer({ min: 0, max: DAY - 1 }), ({ input }, offset) => {
        const sub = toSubscription(input);
        const renewalStart = (sub.termEndDay + 1) * DAY; // R2: 00:00Z after the term end date
        const newWindowEnd = renewalStart + 7 * DAY; // R3: 7 × 24 h from the (earliest) completion
        for (const now of [renewalStart, renewalStart + offset, renewalStart + DAY - 1]) {
          expect(canCancel(input, { now })).toMatchObject({
            allowed: true,
            rule: 'C1',
            reason: 'WITHIN_WINDOW',
            until: newWindowEnd,
            effective: 'immediate',
            // C15: within 24 h of the (earliest) completion the refund is full.
            refund: 'full',
            fullRefundUntil: renewalStart + DAY,
            warnings: ['RENEWAL_IN_PROGRESS'],
          });
          expect(canCancel(input, { now }).assumptions).toEqual([
            ...(input.assumptions ?? []),
            'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
          ]);
          const seats = reducibleSeats(input, { now });
          if (input.quantity >= 2) {
            // Q2: the renewal adds every seat again; the policy keeps one (ONE_SEAT_KEPT).
            expect(seats).toMatchObject({
              allowed: true,
              rule: 'Q2',
              until: newWindowEnd,
              total: input.quantity - 1,
              batches: [{ quantity: input.quantity, addedAt: renewalStart, until: newWindowEnd }],
              warnings: ['RENEWAL_IN_PROGRESS'],
            });
          } else {
            // Q2 C2: one seat: nothing to reduce (cancel instead); still the renewal's warning.
            expect(seats).toMatchObject({ allowed: false, reason: 'LAST_SEAT', warnings: ['RENEWAL_IN_PROGRESS'] });
          }
          // The caller's assumptions first (the snapshot's), then the R3 bound and the seat kept (Q2).
          expect(seats.assumptions).toEqual([
            ...(input.assumptions ?? []),
            'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
            'ONE_SEAT_KEPT',
          ]);
        }
        // The last instant of the term: not yet the renewal (no warning); 24 h after its start: over (R2).
        expect(canCancel(input, { now: renewalStart - 1 }).warnings).toEqual([]);
        expect(canCancel(input, { now: renewalStart + DAY })).toMatchObject({
          allowed: false,
          rule: 'R2',
          reason: 'TERM_ENDED',
        });
        expect(reducibleSeats(input, { now: renewalStart + DAY })).toMatchObject({
          allowed: false,
          rule: 'R2',
          reason: 'TERM_ENDED',
        });
      }),
      { numRuns: 300 },
    );
  });

  it('R3 property: with the latest bound the new windows open 24 h after the renewal starts: cancellation WINDOW_NOT_OPEN until then, assumed', () => {
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    fc.assert(
      fc.property(renewingArb, fc.integer({ min: 0, max: DAY - 1 }), ({ input }, offset) => {
        const renewalStart = (toSubscription(input).termEndDay + 1) * DAY;
        const d = canCancel(input, { now: renewalStart + offset, policy });
        expect(d).toMatchObject({
          allowed: false,
          reason: 'WINDOW_NOT_OPEN',
          opensAt: renewalStart + DAY,
          warnings: ['RENEWAL_IN_PROGRESS'],
        });
        expect(d.assumptions).toContain('RENEWAL_COMPLETION_ASSUMED_LATEST');
      }),
      { numRuns: 200 },
    );
  });
});
